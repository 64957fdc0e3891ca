//! The word index: every word of the folded text, found once, read by
//! range.
//!
//! This is the claims stage's own tokenizer, kept alone in this file so that
//! it can be swapped for the shared text layer's tokens without touching the
//! attribution rules. A word is a match of [`WORD`]: a letter or digit, then
//! letters, digits, apostrophes and hyphens.

use std::ops::Range;

use once_cell::sync::Lazy;
use regex::Regex;

/// A word of the folded text: its start, its end and the word itself.
pub(super) type Word<'t> = (usize, usize, &'t str);

/// What a word is: a letter or digit, then letters, digits, apostrophes or
/// hyphens.
static WORD: Lazy<Regex> = Lazy::new(|| Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}’'\-]*").unwrap());

/// A letter or digit, as `WORD` reads one (`\p{L}`, `\p{N}`).
static LETTER_OR_DIGIT: Lazy<Regex> = Lazy::new(|| Regex::new(r"\A[\p{L}\p{N}]").unwrap());

/// The words of `text`, in order.
pub(super) fn words_of(text: &str) -> impl Iterator<Item = &str> {
    WORD.find_iter(text).map(|m| m.as_str())
}

/// How many words `text` holds.
pub(super) fn count_words(text: &str) -> usize {
    WORD.find_iter(text).count()
}

/// The spans of every word of one text, in order, so that the words of any
/// range are read without searching the text again.
pub(super) struct WordIndex {
    spans: Vec<(usize, usize)>,
}

impl WordIndex {
    /// Index the words of `folded`.
    pub(super) fn new(folded: &str) -> WordIndex {
        WordIndex {
            spans: word_spans(folded),
        }
    }

    /// Words of `r` in `folded` (the text this index was built from) with
    /// their offsets: the `WORD` matches `r` holds, exactly as a search of
    /// that range alone finds them (a word cut by either edge of `r` is cut
    /// there too).
    pub(super) fn words<'f>(&self, folded: &'f str, r: Range<usize>) -> Vec<Word<'f>> {
        let Some(piece) = folded.get(r.clone()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut k = self.spans.partition_point(|&(_, e)| e <= r.start);
        // A word begun before `r` is searched again from `r.start`: its rest
        // is a word when it holds a letter or digit.
        if let Some(&(s, e)) = self.spans.get(k) {
            if s < r.start {
                let cut = e.min(r.end) - r.start;
                out.extend(
                    WORD.find_iter(&piece[..cut])
                        .map(|m| (r.start + m.start(), r.start + m.end(), m.as_str())),
                );
                k += 1;
            }
        }
        for &(s, e) in &self.spans[k..] {
            if s >= r.end {
                break;
            }
            let e = e.min(r.end);
            out.push((s, e, &folded[s..e]));
        }
        out
    }
}

/// The matches of `WORD` in `text`, found by a plain scan: the regex
/// engine's cost per match is large next to a word's length, and every
/// word of the article is read. ASCII is decided inline; other characters
/// ask `LETTER_OR_DIGIT`.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    // For the non-ASCII characters; common punctuation is answered first.
    let is_letter_or_digit = |c: char, at: usize| {
        !matches!(c, '’' | '‘' | '“' | '”' | '—' | '–' | '…' | '\u{a0}')
            && LETTER_OR_DIGIT.is_match(&text[at..at + c.len_utf8()])
    };
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII bytes, the bulk of the text, are decided without decoding.
        let b = bytes[i];
        if b.is_ascii() {
            let letter = b.is_ascii_alphanumeric();
            match start {
                Some(s) if !(letter || b == b'\'' || b == b'-') => {
                    out.push((s, i));
                    start = None;
                }
                None if letter => start = Some(i),
                _ => {}
            }
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        match start {
            Some(s) => {
                if !(c == '’' || is_letter_or_digit(c, i)) {
                    out.push((s, i));
                    start = None;
                }
            }
            None => {
                if is_letter_or_digit(c, i) {
                    start = Some(i);
                }
            }
        }
        i += c.len_utf8();
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    /// The plain scan finds what the regex finds.
    #[test]
    fn word_scan_matches_the_regex() {
        let texts = [
            "O'Brien's co-op—“Ünal’s 3-4 x'-y” -'a 'b, İstanbul dog-'s 2024.",
            "日本語のテキスト ١٢٣ Ⅻ ½ café naïve Ελλάδα ǅemal x\u{301}y \u{a0}a…b",
            "'-’ - ' 9’ a-",
            "",
        ];
        for t in texts {
            let want: Vec<(usize, usize)> =
                WORD.find_iter(t).map(|m| (m.start(), m.end())).collect();
            assert_eq!(word_spans(t), want, "{t}");
        }
    }

    /// `words` reads the document's word index; it must give what a search
    /// of the range alone gives, for every range, cut words included.
    #[test]
    fn indexed_words_match_a_fresh_search() {
        let text = "O'Brien's co-op—“Ünal’s 3-4 x'-y” -'a 'b, İstanbul dog-'s 2024.";
        let doc = Doc::new(text, false);
        let index = WordIndex::new(&doc.folded);
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for (k, &a) in bounds.iter().enumerate() {
            for &b in &bounds[k..] {
                let fresh: Vec<(usize, usize, &str)> = WORD
                    .find_iter(&doc.folded[a..b])
                    .map(|m| (a + m.start(), a + m.end(), m.as_str()))
                    .collect();
                assert_eq!(index.words(&doc.folded, a..b), fresh, "{a}..{b}");
            }
        }
    }
}
