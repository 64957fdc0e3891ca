//! Text and sentences: the article text as the later stages see it.
//!
//! [`Doc`] holds the text, a case-folded copy with the *same byte offsets*
//! (so a match in the folded text is a match in the original, no offset map
//! needed), the sentence spans, and the headline span.

use std::ops::Range;

use once_cell::unsync::OnceCell;

use unicode_segmentation::UnicodeSegmentation;

/// Abbreviations after which a full stop does not end a sentence.
///
/// Kept lower-case without the final dot; compared against the word that
/// precedes the dot.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "reps", "gov", "gen", "col", "lt", "capt",
    "sgt", "st", "no", "nos", "vs", "etc", "inc", "ltd", "corp", "co", "jr", "sr", "mt", "ft",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s",
    "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "approx", "est", "fig", "rev", "hon", "pres",
];

/// The text of one article prepared for extraction.
#[derive(Debug)]
pub(crate) struct Doc<'a> {
    /// The original text; all offsets point into it.
    pub text: &'a str,
    /// Lower-cased copy with identical byte offsets.
    pub folded: String,
    /// Sentence spans, trimmed, in order.
    pub sentences: Vec<Range<usize>>,
    /// The span of the title (first paragraph) when the article has one.
    pub headline: Option<Range<usize>>,
    /// Byte offset where each line starts.
    line_starts: Vec<usize>,
    /// Whether each line is written in a headline style, computed on demand.
    line_is_headline: Vec<OnceCell<bool>>,
}

impl<'a> Doc<'a> {
    /// Prepare `text`; `has_title` says whether its first paragraph is a title.
    pub fn new(text: &'a str, has_title: bool) -> Doc<'a> {
        let folded = fold_case(text);
        let sentences = split_sentences(text);
        let headline = if has_title {
            let end = text.find("\n\n").unwrap_or(text.len());
            Some(0..end)
        } else {
            None
        };
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let line_is_headline = vec![OnceCell::new(); line_starts.len()];
        Doc {
            text,
            folded,
            sentences,
            headline,
            line_starts,
            line_is_headline,
        }
    }

    /// The index of the sentence holding byte `offset` (the nearest one before
    /// it when the offset falls between sentences).
    pub fn sentence_index(&self, offset: usize) -> usize {
        match self.sentences.binary_search_by(|s| {
            if s.end <= offset {
                std::cmp::Ordering::Less
            } else if s.start > offset {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        }) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The span of the sentence holding byte `offset`.
    pub fn sentence_span(&self, offset: usize) -> Range<usize> {
        self.sentences
            .get(self.sentence_index(offset))
            .cloned()
            .unwrap_or(0..self.text.len())
    }

    /// True when `offset` is the first word of its sentence (ignoring
    /// opening quotes and brackets).
    pub fn is_sentence_initial(&self, offset: usize) -> bool {
        let span = self.sentence_span(offset);
        if offset < span.start {
            return true;
        }
        // Walk back only to the nearest word character.
        !self.text[span.start..offset]
            .chars()
            .rev()
            .any(char::is_alphanumeric)
    }

    /// True when `offset` lies in a headline or another line written in
    /// Title Case or ALL CAPS, where capitals say nothing about names.
    pub fn in_headline_case(&self, offset: usize) -> bool {
        if let Some(h) = &self.headline {
            if h.contains(&offset) {
                return true;
            }
        }
        let line = self.line_index(offset);
        *self.line_is_headline[line]
            .get_or_init(|| is_title_or_caps(&self.text[self.line_span(offset)]))
    }

    fn line_index(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// The span of the line (paragraph) holding `offset`, without its newline.
    pub fn line_span(&self, offset: usize) -> Range<usize> {
        let i = self.line_index(offset);
        let start = self.line_starts[i];
        let end = self
            .line_starts
            .get(i + 1)
            .map_or(self.text.len(), |&next| next - 1);
        start..end
    }

    /// The word (letters, digits, `'`, `’`, `-`, `.`) ending right before `offset`,
    /// skipping spaces.
    pub fn word_before(&self, offset: usize) -> Option<(usize, &'a str)> {
        word_before(self.text, offset)
    }

    /// The word starting at or after `offset`, skipping spaces.
    pub fn word_after(&self, offset: usize) -> Option<(usize, &'a str)> {
        word_after(self.text, offset)
    }
}

/// Lower-case `text`, keeping every character's byte length so offsets stay
/// valid in both strings. The rare characters whose lower case has another
/// length (`İ`, `ẞ`) are left as they are.
pub(crate) fn fold_case(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // News text is mostly ASCII with a few curly quotes: copy ASCII runs
        // in bulk and decode only the characters outside them.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(ascii);
        out.push_str(run);
        // Safe to lower-case in place: ASCII folding keeps every byte's length.
        let from = out.len() - run.len();
        out[from..].make_ascii_lowercase();
        let Some(c) = tail.chars().next() else {
            break;
        };
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
        rest = &tail[c.len_utf8()..];
    }
    out
}

/// True when a word character continues a name or number at this position.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True when `start..end` in `text` is a whole word sequence: no word
/// character right before `start` or right after `end`.
pub(crate) fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

/// Words longer than this are not names; scanning stops there so that a
/// huge token costs a bounded amount per look.
const MAX_WORD_CHARS: usize = 64;

fn is_inner_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.' | '&')
}

pub(crate) fn word_before(text: &str, offset: usize) -> Option<(usize, &str)> {
    let head = text[..offset].trim_end_matches([' ', '\t']);
    let end = head.len();
    let start = head
        .char_indices()
        .rev()
        .take(MAX_WORD_CHARS)
        .take_while(|&(_, c)| is_inner_word_char(c))
        .last()
        .map(|(i, _)| i)?;
    let word = head[start..end].trim_end_matches(['.', '\'', '’', '-']);
    let word = word.trim_start_matches(['.', '\'', '’', '-']);
    if word.is_empty() {
        None
    } else {
        let lead = head[start..end].len()
            - head[start..end]
                .trim_start_matches(['.', '\'', '’', '-'])
                .len();
        Some((start + lead, word))
    }
}

pub(crate) fn word_after(text: &str, offset: usize) -> Option<(usize, &str)> {
    let tail = &text[offset..];
    let skipped = tail.len() - tail.trim_start_matches([' ', '\t']).len();
    let start = offset + skipped;
    let len: usize = text[start..]
        .chars()
        .take(MAX_WORD_CHARS)
        .take_while(|&c| is_inner_word_char(c))
        .map(char::len_utf8)
        .sum();
    let word = text[start..start + len].trim_end_matches(['.', '\'', '’', '-']);
    if word.is_empty() {
        None
    } else {
        Some((start, word))
    }
}

/// True for a line written in Title Case or ALL CAPS (a headline style).
pub(crate) fn is_title_or_caps(line: &str) -> bool {
    let mut words = 0usize;
    let mut capitalised = 0usize;
    let mut has_lower = false;
    for w in line.unicode_words() {
        if w.chars().any(char::is_lowercase) {
            has_lower = true;
        }
        // Short function words ("of", "in", "the") stay lower in Title Case.
        if w.chars().count() < 4 || !w.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        words += 1;
        if w.chars().next().is_some_and(char::is_uppercase) {
            capitalised += 1;
        }
    }
    if words == 0 {
        return false;
    }
    if !has_lower {
        return true;
    }
    words >= 3 && capitalised * 10 >= words * 8
}

/// Split into sentences: Unicode sentence boundaries (UAX #29), then glue
/// back pieces that only ended at an abbreviation's full stop.
pub(crate) fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut glue_next = false;
    for (start, piece) in text.split_sentence_bound_indices() {
        let trimmed_start = start + (piece.len() - piece.trim_start().len());
        let trimmed_end = start + piece.trim_end().len();
        if trimmed_start >= trimmed_end {
            continue;
        }
        let span = trimmed_start..trimmed_end;
        let crosses_line = piece.trim_end_matches([' ', '\t']).ends_with('\n')
            || text[out.last().map_or(0, |r| r.end)..trimmed_start].contains('\n');
        match out.last_mut() {
            Some(last) if glue_next && !crosses_line => last.end = span.end,
            _ => out.push(span.clone()),
        }
        glue_next = ends_with_abbreviation(&text[span]);
    }
    if out.iter().any(|s| s.len() > MAX_SENTENCE_BYTES) {
        out = out
            .into_iter()
            .flat_map(|s| cut_long_sentence(text, s))
            .collect();
    }
    out
}

/// Sentences longer than this are cut, at a space where one is near. No
/// real sentence comes close (the longest paragraph of the dev corpus is
/// 1.6 KB), but later stages look at whole sentences and records copy them,
/// so one unbounded sentence (a page without full stops) would cost time and
/// memory quadratic in its length.
pub(crate) const MAX_SENTENCE_BYTES: usize = 4096;

/// Cut `span` into pieces of at most [`MAX_SENTENCE_BYTES`], each trimmed.
fn cut_long_sentence(text: &str, span: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        // The last space in the window's second half, else the limit itself
        // (a huge token is cut mid-word).
        let cut = text[start..limit]
            .rfind(char::is_whitespace)
            .filter(|&i| i > MAX_SENTENCE_BYTES / 2)
            .map_or(limit, |i| start + i);
        out.push(start..start + text[start..cut].trim_end().len());
        let rest = &text[cut..span.end];
        start = cut + (rest.len() - rest.trim_start().len());
    }
    if start < span.end {
        out.push(start..span.end);
    }
    out
}

fn ends_with_abbreviation(sentence: &str) -> bool {
    let Some(body) = sentence.strip_suffix('.') else {
        return false;
    };
    let word_start = body
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(body.len(), |(i, _)| i);
    let word = &body[word_start..];
    if word.is_empty() {
        return false;
    }
    // Single capital initials ("J. Smith") also continue the sentence.
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Mr. Smith met Dr. Jones on Jan. 5. They talked."),
            vec!["Mr. Smith met Dr. Jones on Jan. 5.", "They talked."]
        );
        assert_eq!(
            sentences("The U.S. Senate voted. It passed."),
            vec!["The U.S. Senate voted.", "It passed."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("“We will act.” Then he left."),
            vec!["“We will act.”", "Then he left."]
        );
    }

    #[test]
    fn endless_sentences_are_cut() {
        let text = "word ".repeat(3_000) + &"x".repeat(10_000) + " é" + &"é".repeat(5_000);
        let spans = split_sentences(&text);
        assert!(spans.len() > 3);
        let mut prev_end = 0;
        for s in &spans {
            assert!(s.len() <= MAX_SENTENCE_BYTES, "{s:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            let piece = &text[s.clone()];
            assert_eq!(piece.trim(), piece);
            assert!(!piece.is_empty() && s.start >= prev_end);
            // Nothing but whitespace is dropped between pieces.
            assert!(text[prev_end..s.start].trim().is_empty());
            prev_end = s.end;
        }
        assert_eq!(prev_end, text.len());
        // Cuts prefer spaces: the word run is cut between words.
        assert!(text[spans[0].clone()].ends_with("word"));
    }

    #[test]
    fn paragraphs_always_break() {
        assert_eq!(
            sentences("Title here\n\nBody text."),
            vec!["Title here", "Body text."]
        );
    }

    #[test]
    fn folding_keeps_offsets() {
        let text = "JAPAN’s İstanbul ẞ Ürümqi";
        let folded = fold_case(text);
        assert_eq!(folded.len(), text.len());
        assert!(folded.starts_with("japan’s"));
        assert!(folded.contains("ürümqi"));
    }

    #[test]
    fn headline_styles() {
        assert!(is_title_or_caps("China Justifies Uyghur Strategy"));
        assert!(is_title_or_caps("JAPAN AND CHINA SIGN DEAL"));
        assert!(!is_title_or_caps(
            "China has rejected the genocide allegations."
        ));
    }

    #[test]
    fn words_around_offsets() {
        let text = "said Mr. Smith, in London.";
        assert_eq!(word_before(text, 9), Some((5, "Mr")));
        assert_eq!(word_after(text, 4), Some((5, "Mr")));
    }
}
