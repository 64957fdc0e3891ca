//! Sentence splitting from the token stream: Unicode sentence boundaries
//! (UAX #29), glued back together after abbreviations and initials, with
//! endless sentences cut to a bound.
//!
//! The sentences are exactly those of `unicode-segmentation`'s sentence
//! pieces over the whole text, trimmed, glued after an abbreviation's full
//! stop and cut when too long (`reference`, kept for the differential
//! tests), computed without running the Unicode rules over every byte:
//!
//! - a line break always ends a piece (rule SB4, and no rule looks back
//!   across one), so each line is split on its own;
//! - a line whose characters all have a sentence class the fast rules know
//!   (the tokenizer marks the others, [`needs_unicode_rules`]) can only
//!   break after a terminator: its pieces are runs of tokens, cut where
//!   the rules run from each terminator token ([`breaks::window`]) say;
//! - any other line is segmented by `unicode-segmentation`.
//!
//! - `breaks`: the UAX #29 rules around one terminator.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::tokens::{Token, TokenKind};
use crate::lexicon::{mark, WordList};

mod breaks;
#[cfg(test)]
mod reference;

/// True when a line holding `c` (a character outside ASCII) is segmented
/// by `unicode-segmentation` rather than from its tokens.
pub(crate) fn needs_unicode_rules(c: char) -> bool {
    breaks::class_of(c).is_none()
}

/// Sentences longer than this are cut, at a space where one is near. No
/// real sentence comes close (the longest paragraph of the dev corpus is
/// 1.6 KB), but later stages look at whole sentences and records copy them,
/// so one unbounded sentence (a page without full stops) would cost time and
/// memory quadratic in its length.
pub(crate) const MAX_SENTENCE_BYTES: usize = 4096;

/// What sentence splitting reads besides the text.
pub(crate) struct SplitInput<'t> {
    /// The text's tokens, in order.
    pub tokens: &'t [Token],
    /// The indices (in order) of the tokens that start a line or are a
    /// terminator (`.`, `!`, `?`): only these can change anything where no
    /// boundary is pending.
    pub stops: &'t [usize],
    /// Offsets (in order) of the characters whose line needs the Unicode
    /// rules: characters without a fast sentence class, and carriage
    /// returns not followed by a line feed.
    pub unicode_marks: &'t [usize],
    /// Words after which a full stop does not end a sentence.
    pub abbreviations: &'t WordList,
    /// The text lower-cased with the same offsets (`Doc::folded`): an
    /// ASCII word's lower case, read without a copy.
    pub folded: &'t str,
}

/// Split `text` into sentences (trimmed spans, in order) into `out`;
/// `breaks` is a scratch buffer. (Not inlined, so that
/// `scripts/bench/stages.sh` can count its instructions.)
#[inline(never)]
pub(crate) fn split_sentences(
    text: &str,
    input: &SplitInput<'_>,
    out: &mut Vec<Range<usize>>,
    breaks: &mut Vec<usize>,
) {
    out.clear();
    let mut glue = Glue {
        text,
        folded: input.folded,
        abbreviations: input.abbreviations,
        out,
        glue_next: false,
    };
    let tokens = input.tokens;
    let marks = input.unicode_marks;
    let mut next_mark = 0;
    let stops = input.stops;
    let mut next_stop = 0;
    // The tokens of the piece being gathered start at `first`; whether it
    // is the first piece of its line.
    let mut first = 0;
    let mut opens_line = true;
    // Where the last window stopped, and the boundaries it found (those
    // still ahead start at `next_break`).
    let mut window_end = 0;
    breaks.clear();
    let mut next_break = 0;
    let mut k = 0;
    while k < tokens.len() {
        if next_break == breaks.len() {
            // No boundary pending: only a line's first token or a
            // terminator can change anything. Most tokens are neither: go
            // to the next such token the tokenizer listed.
            while stops.get(next_stop).is_some_and(|&s| s < k) {
                next_stop += 1;
            }
            match stops.get(next_stop) {
                Some(&s) => k = s,
                None => break,
            }
        }
        let t = &tokens[k];
        if t.line_start {
            if first < k {
                glue.push_tokens(&tokens[first..k], true);
            }
            breaks.clear();
            next_break = 0;
            if next_mark < marks.len() {
                let line = line_of(text, tokens, k);
                while next_mark < marks.len() && marks[next_mark] < line.bytes.start {
                    next_mark += 1;
                }
                if next_mark < marks.len() && marks[next_mark] < line.bytes.end {
                    glue.push_unicode_line(line.bytes);
                    k = line.tokens_end;
                    first = k;
                    continue;
                }
            }
            first = k;
            opens_line = true;
        } else if next_break < breaks.len() && breaks[next_break] <= t.start {
            while next_break < breaks.len() && breaks[next_break] <= t.start {
                next_break += 1;
            }
            glue.push_tokens(&tokens[first..k], opens_line);
            first = k;
            opens_line = false;
        }
        if t.kind == TokenKind::Punct
            && t.end == t.start + 1
            && breaks::is_terminator(text.as_bytes()[t.start])
            && t.start >= window_end
        {
            window_end = breaks::window(text, t.start, breaks);
        }
        k += 1;
    }
    if first < tokens.len() {
        let last = &tokens[tokens.len() - 1];
        let ends_line = text[last.end..].contains('\n');
        glue.push_tokens(&tokens[first..], opens_line || ends_line);
    }
    if glue.out.iter().any(|s| s.len() > MAX_SENTENCE_BYTES) {
        let long: Vec<Range<usize>> = std::mem::take(glue.out);
        glue.out
            .extend(long.into_iter().flat_map(|s| cut_long_sentence(text, s)));
    }
}

/// The line holding token `k`, the first of its line.
struct Line {
    /// The line's bytes, its `\n` included.
    bytes: Range<usize>,
    /// One past its last token.
    tokens_end: usize,
}

/// The line of token `k`, the first token of its line: the white space
/// around its tokens is searched for the line breaks.
fn line_of(text: &str, tokens: &[Token], k: usize) -> Line {
    let gap_start = if k == 0 { 0 } else { tokens[k - 1].end };
    let start = text[gap_start..tokens[k].start]
        .rfind('\n')
        .map_or(gap_start, |i| gap_start + i + 1);
    let tokens_end = tokens[k + 1..]
        .iter()
        .position(|t| t.line_start)
        .map_or(tokens.len(), |n| k + 1 + n);
    let after = tokens[tokens_end - 1].end;
    let next = tokens.get(tokens_end).map_or(text.len(), |t| t.start);
    let end = text[after..next]
        .find('\n')
        .map_or(text.len(), |i| after + i + 1);
    Line {
        bytes: start..end,
        tokens_end,
    }
}

/// The sentences made so far, and whether the next piece joins the last.
struct Glue<'t, 'o> {
    text: &'t str,
    folded: &'t str,
    abbreviations: &'t WordList,
    out: &'o mut Vec<Range<usize>>,
    /// The last piece ended with an abbreviation's full stop.
    glue_next: bool,
}

impl Glue<'_, '_> {
    /// Add the piece of `tokens`; `crosses_line` when it is the first
    /// piece of its line or ends its line (it is then never glued).
    fn push_tokens(&mut self, tokens: &[Token], crosses_line: bool) {
        let span = tokens[0].start..tokens[tokens.len() - 1].end;
        self.add(span.clone(), crosses_line);
        let from_tokens = ends_with_abbreviation_token(self.text, tokens);
        // The differential test: every piece of every sentence test is
        // also read the old way.
        #[cfg(test)]
        if let Some(glued) = from_tokens {
            let read =
                ends_with_abbreviation(self.text, self.folded, span.clone(), self.abbreviations);
            assert_eq!(glued, read, "{:?}", &self.text[span.clone()]);
        }
        self.glue_next = match from_tokens {
            Some(glued) => glued,
            None => ends_with_abbreviation(self.text, self.folded, span, self.abbreviations),
        };
    }

    /// Add the pieces of a line that needs the Unicode rules.
    fn push_unicode_line(&mut self, line: Range<usize>) {
        let text = self.text;
        for (start, piece) in text[line.clone()].split_sentence_bound_indices() {
            let start = line.start + start;
            let trimmed_start = start + (piece.len() - piece.trim_start().len());
            let trimmed_end = start + piece.trim_end().len();
            if trimmed_start >= trimmed_end {
                continue;
            }
            let crosses_line = piece.trim_end_matches([' ', '\t']).ends_with('\n')
                || text[self.out.last().map_or(0, |r| r.end)..trimmed_start].contains('\n');
            self.push(trimmed_start..trimmed_end, crosses_line);
        }
    }

    fn push(&mut self, span: Range<usize>, crosses_line: bool) {
        self.add(span.clone(), crosses_line);
        self.glue_next = ends_with_abbreviation(self.text, self.folded, span, self.abbreviations);
    }

    /// Add the piece `span`: glued to the last sentence or a new one.
    fn add(&mut self, span: Range<usize>, crosses_line: bool) {
        match self.out.last_mut() {
            Some(last) if self.glue_next && !crosses_line => last.end = span.end,
            _ => self.out.push(span),
        }
    }
}

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

/// True when the piece `span` of `text` ends with a full stop that does not
/// end a sentence (see [`ends_with_abbreviation_in`]). An ASCII word is
/// read off the bytes and looked up in its lower case in `folded`.
fn ends_with_abbreviation(
    text: &str,
    folded: &str,
    span: Range<usize>,
    abbreviations: &WordList,
) -> bool {
    let bytes = text.as_bytes();
    if span.is_empty() || bytes[span.end - 1] != b'.' {
        return false;
    }
    let word_end = span.end - 1;
    let mut word_start = word_end;
    while word_start > span.start && IN_ASCII_WORD[usize::from(bytes[word_start - 1])] {
        word_start -= 1;
    }
    if word_start > span.start && !bytes[word_start - 1].is_ascii() {
        // A character outside ASCII may be part of the word.
        return ends_with_abbreviation_in(&text[span], abbreviations);
    }
    match word_end - word_start {
        0 => false,
        // Single capital initials ("J. Smith") also continue the sentence.
        1 if bytes[word_start].is_ascii_uppercase() => true,
        _ => abbreviations.contains(&folded[word_start..word_end]),
    }
}

/// [`ends_with_abbreviation`] of the piece of `tokens`, read from its
/// last two tokens when they tell: a piece that does not end with a full
/// stop, or ends with one glued to a token of ASCII letters or digits that
/// is the whole word before it (no word byte before the token), whose
/// lexicon marks say whether it is an abbreviation
/// ([`mark::ABBREVIATION`]). `None` for the others (dotted and non-ASCII
/// words, a stop after a space), read off the text.
#[inline]
fn ends_with_abbreviation_token(text: &str, tokens: &[Token]) -> Option<bool> {
    let bytes = text.as_bytes();
    let (stop, before) = tokens.split_last()?;
    if bytes[stop.end - 1] != b'.' {
        return Some(false);
    }
    let (word, before) = before.split_last()?;
    let plain = word.end == stop.start
        && word.case.is_ascii()
        && matches!(word.kind, TokenKind::Letters | TokenKind::Digits);
    if !plain {
        return None;
    }
    if !before.is_empty() {
        let b = bytes[word.start - 1];
        if IN_ASCII_WORD[usize::from(b)] || !b.is_ascii() {
            return None;
        }
    }
    // Single capital initials ("J. Smith") also continue the sentence.
    let initial = word.end - word.start == 1 && word.case.starts_upper();
    Some(initial || word.marks & mark::ABBREVIATION != 0)
}

/// The bytes of an ASCII word before a full stop: letters, digits and `.`
/// (one table read per byte instead of three range tests).
static IN_ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'.';
        b += 1;
    }
    table
};

/// ASCII words up to this length are lower-cased on the stack; longer ones
/// (no abbreviation is) the general way.
const MAX_ABBREVIATION_BYTES: usize = 32;

/// True when `sentence` ends with a full stop that does not end a sentence:
/// after a single capital initial ("J. Smith") or an abbreviation.
fn ends_with_abbreviation_in(sentence: &str, abbreviations: &WordList) -> bool {
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
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (None, _) => return false,
        // Single capital initials ("J. Smith") also continue the sentence.
        (Some(c), None) if c.is_uppercase() => return true,
        _ => {}
    }
    if word.is_ascii() && word.len() <= MAX_ABBREVIATION_BYTES {
        let mut lower = [0u8; MAX_ABBREVIATION_BYTES];
        let lower = &mut lower[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        // ASCII lower-cased is still ASCII, hence UTF-8.
        std::str::from_utf8(lower).is_ok_and(|w| abbreviations.contains(w))
    } else {
        abbreviations.contains(&word.to_lowercase())
    }
}

#[cfg(test)]
mod tests;
