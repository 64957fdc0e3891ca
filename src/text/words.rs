//! Words around an offset, read off the base tokens, and word boundaries.

use std::cell::Cell;

use super::tokens::{first_char, Token};
use crate::sorted::partition_point_from;

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

/// A base token whose characters may be inside a word: letters or digits,
/// or one of `'`, `’`, `-`, `.`, `&`.
fn is_inner_token(text: &str, t: &Token) -> bool {
    t.kind.is_alphanumeric() || matches!(first_char(text, t), '\'' | '’' | '-' | '.' | '&')
}

/// Characters of a word and its neighbours that are no part of it at its
/// ends.
const EDGE_MARKS: [char; 4] = ['.', '\'', '’', '-'];

/// The word (letters, digits, `'`, `’`, `-`, `.`, `&`) ending right before
/// `offset` in `text`, skipping spaces and tabs, its edge marks trimmed;
/// with its start. At most [`MAX_WORD_CHARS`] characters are read. The run
/// is read off the base tokens `toks` of `text`: a word is a run of glued
/// inner tokens. `hint` is where the last search among the tokens ended
/// (callers mostly ask in text order); it is set to where this one ends.
pub(crate) fn word_before<'t>(
    text: &'t str,
    toks: &[Token],
    hint: &Cell<usize>,
    offset: usize,
) -> Option<(usize, &'t str)> {
    let head = text[..offset].trim_end_matches([' ', '\t']);
    let end = head.len();
    // The token holding the character before `end` (white space is in none).
    let k = partition_point_from(toks, hint.get(), |t| t.end < end);
    hint.set(k);
    let holder = toks.get(k).filter(|t| t.start < end)?;
    if !is_inner_token(text, holder) {
        return None;
    }
    let mut start;
    let mut chars = 0;
    let (mut j, mut piece_end) = (k, end);
    loop {
        let t = &toks[j];
        let piece = &text[t.start..piece_end];
        let n = char_count(piece);
        if chars + n >= MAX_WORD_CHARS {
            let need = MAX_WORD_CHARS - chars;
            start = t.start
                + piece
                    .char_indices()
                    .rev()
                    .nth(need - 1)
                    .map_or(0, |(i, _)| i);
            break;
        }
        chars += n;
        start = t.start;
        if j == 0 || !t.glued || !is_inner_token(text, &toks[j - 1]) {
            break;
        }
        j -= 1;
        piece_end = toks[j].end;
    }
    let run = &head[start..end];
    let word = run
        .trim_end_matches(EDGE_MARKS)
        .trim_start_matches(EDGE_MARKS);
    if word.is_empty() {
        None
    } else {
        let lead = run.len() - run.trim_start_matches(EDGE_MARKS).len();
        Some((start + lead, word))
    }
}

/// The word starting at or after `offset` in `text`, skipping spaces and
/// tabs, its trailing edge marks trimmed; with its start. At most
/// [`MAX_WORD_CHARS`] characters are read, off the base tokens `toks` of
/// `text` as in [`word_before`], searched from `hint` as there.
pub(crate) fn word_after<'t>(
    text: &'t str,
    toks: &[Token],
    hint: &Cell<usize>,
    offset: usize,
) -> Option<(usize, &'t str)> {
    let tail = &text[offset..];
    let start = offset + tail.len() - tail.trim_start_matches([' ', '\t']).len();
    // The token holding the character at `start`.
    let k = partition_point_from(toks, hint.get(), |t| t.end <= start);
    hint.set(k);
    let holder = toks.get(k).filter(|t| t.start <= start)?;
    if !is_inner_token(text, holder) {
        return None;
    }
    let mut end;
    let mut chars = 0;
    let (mut j, mut piece_start) = (k, start);
    loop {
        let t = &toks[j];
        let piece = &text[piece_start..t.end];
        let n = char_count(piece);
        if chars + n >= MAX_WORD_CHARS {
            let need = MAX_WORD_CHARS - chars;
            end = piece_start
                + piece
                    .char_indices()
                    .nth(need)
                    .map_or(piece.len(), |(i, _)| i);
            break;
        }
        chars += n;
        end = t.end;
        match toks.get(j + 1) {
            Some(next) if next.glued && is_inner_token(text, next) => {
                j += 1;
                piece_start = next.start;
            }
            _ => break,
        }
    }
    let word = text[start..end].trim_end_matches(EDGE_MARKS);
    if word.is_empty() {
        None
    } else {
        Some((start, word))
    }
}

/// The number of characters of `s`.
fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// The functions as they were before they read the tokens: the oracle of
/// the differential tests.
#[cfg(test)]
mod reference {
    use super::MAX_WORD_CHARS;

    fn is_inner_word_char(c: char) -> bool {
        c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.' | '&')
    }

    pub(super) fn word_before(text: &str, offset: usize) -> Option<(usize, &str)> {
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

    pub(super) fn word_after(text: &str, offset: usize) -> Option<(usize, &str)> {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{test_corpus, Doc};
    use proptest::prelude::*;

    #[test]
    fn words_around_offsets() {
        let text = "said Mr. Smith, in London.";
        let doc = Doc::new(text, false);
        let hint = Cell::new(0);
        assert_eq!(word_before(text, &doc.tokens, &hint, 9), Some((5, "Mr")));
        assert_eq!(word_after(text, &doc.tokens, &hint, 4), Some((5, "Mr")));
    }

    /// Both functions answer as the text scans did, at every offset.
    /// Forwards, then backwards, then jumping, so that the search starts
    /// from every kind of hint.
    fn same_as_reference(text: &str) {
        let doc = Doc::new(text, false);
        let offsets: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let jumping = offsets
            .iter()
            .step_by(7)
            .chain(offsets.iter().rev().step_by(5));
        for &offset in offsets.iter().chain(offsets.iter().rev()).chain(jumping) {
            assert_eq!(
                doc.word_before(offset),
                reference::word_before(text, offset),
                "before {offset} in {text:?}"
            );
            assert_eq!(
                doc.word_after(offset),
                reference::word_after(text, offset),
                "after {offset} in {text:?}"
            );
        }
    }

    /// Asked in text order, each search reads a few tokens near the last
    /// answer, not `log n` of them across the article (a binary search
    /// reads 17 for the 100k tokens here).
    #[test]
    fn count_token_reads_in_text_order() {
        let text = "word, ".repeat(50_000);
        let doc = Doc::new(&text, false);
        crate::sorted::READS.with(|r| r.set(0));
        let mut calls = 0;
        for offset in (0..text.len()).step_by(6) {
            doc.word_after(offset);
            doc.word_before(offset);
            calls += 2;
        }
        let reads = crate::sorted::READS.with(|r| r.get());
        assert!(
            reads > 0 && reads <= 6 * calls,
            "{reads} reads in {calls} calls"
        );
    }

    #[test]
    fn words_as_the_text_scans_found_them() {
        let long = "x".repeat(70);
        for text in [
            "O'Brien’s co-op—“Ünal’s 3-4 x'-y” -'a 'b, AT&T. U.S. -.- ..",
            "a\tb \u{a0}c\n d \r\ne. 日本語 ½ Ⅻ हिन्दी Ⓐb ‘quoted’ ...end",
            &format!("{long} é{long}é {long}-{long} .{long}. '"),
            "",
            " ",
            "-",
        ] {
            same_as_reference(text);
        }
        for text in test_corpus::texts() {
            same_as_reference(&text);
        }
    }

    proptest! {
        #[test]
        fn words_as_the_text_scans_find_them(
            pieces in prop::collection::vec(
                prop::sample::select(vec![
                    "a", "Zz", "é", "1", "22", " ", "  ", "\t", "\n", "\r", ".", "'", "’",
                    "-", "&", ",", "\u{a0}", "日", "½", "ि", "Ⓐ", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                ]),
                0..40,
            )
        ) {
            same_as_reference(&pieces.concat());
        }
    }
}
