//! The claims stage's words, read by range from the document's base tokens.
//!
//! A claims word is what the pattern `[\p{L}\p{N}][\p{L}\p{N}’'\-]*` finds
//! in the folded text: a letter or digit, then letters, digits, apostrophes
//! and hyphens. It is a join of adjacent base tokens ([`crate::text::Token`]):
//! letters, digits or numerals, then those and the punctuation `’`, `'`,
//! `-`. (Marks, alphabetic but neither `\p{L}` nor `\p{N}`, end a word.)
//! Folding keeps every character's token kind, so the tokens of the original
//! text cut the folded text the same way.
//!
//! Each word carries its lexicon marks ([`crate::lexicon::mark`]), the bits
//! from [`mark::FOLDED`] on: the lower-case lists it is on. A word that is
//! one whole base token copies the token's (looked up once by the text
//! layer); a join of tokens, or a word cut by a range's edge, is looked up.

use std::borrow::Cow;
use std::ops::{Deref, Range};

use crate::lexicon::{mark, WordMarks};
use crate::text::{Doc, Token, TokenKind};

/// A word of the folded text: its start, its end, the word itself and its
/// marks (the [`mark`] bits from [`mark::FOLDED`] on: the lower-case lists
/// the word is on).
pub(super) type Word<'t> = (usize, usize, &'t str, u64);

/// The marks of the folded word `w` (a join of tokens or a cut word).
fn looked_up(marks: &WordMarks, w: &str) -> u64 {
    marks.get(w) & !mark::EXACT
}

/// The marks of the word `start..end`, which begins in token `t`: the
/// token's own when the word is the whole token (its folded text, looked
/// up once by the text layer), else looked up.
fn marks_of(doc: &Doc<'_>, t: &Token, start: usize, end: usize) -> u64 {
    if start == t.start && end == t.end {
        t.marks & !mark::EXACT
    } else {
        looked_up(doc.word_marks, &doc.folded[start..end])
    }
}

/// A token that can start a word: letters or digits (`\p{L}`, `\p{N}`).
fn starts_word(t: &Token) -> bool {
    matches!(
        t.kind,
        TokenKind::Letters | TokenKind::Digits | TokenKind::Numeral
    )
}

/// A token that can continue a word: those, an apostrophe or a hyphen.
fn continues_word(text: &str, t: &Token) -> bool {
    starts_word(t)
        || t.kind == TokenKind::Punct
            && matches!(
                text.as_bytes().get(t.start..t.end),
                Some(b"'" | b"-" | b"\xE2\x80\x99")
            )
}

/// The words of the folded text within `r`, exactly as a search of that
/// range alone finds them (a word cut by either edge of `r` is cut there
/// too): the tokens are clipped to `r` and joined. A token is one character
/// or a run of one kind, so a clipped token keeps its kind.
pub(super) fn words_in<'d>(doc: &'d Doc<'_>, r: Range<usize>) -> impl Iterator<Item = Word<'d>> {
    let text = doc.text;
    let folded = doc.folded.as_str();
    let toks = &doc.tokens;
    // An empty range holds no word (and clips every token to nothing).
    let mut k = if r.is_empty() {
        toks.len()
    } else {
        toks.partition_point(|t| t.end <= r.start)
    };
    std::iter::from_fn(move || {
        while k < toks.len() && toks[k].start < r.end {
            let t = &toks[k];
            k += 1;
            if !starts_word(t) {
                continue;
            }
            let start = t.start.max(r.start);
            let mut end = t.end.min(r.end);
            while k < toks.len()
                && toks[k].start == end
                && end < r.end
                && continues_word(text, &toks[k])
            {
                end = toks[k].end.min(r.end);
                k += 1;
            }
            return Some((
                start,
                end,
                &folded[start..end],
                marks_of(doc, t, start, end),
            ));
        }
        None
    })
}

/// The words of a range: a borrowed run of the index when no word is cut
/// by the range's edges (the common case), else an owned copy. Read it as a
/// slice.
pub(super) struct Words<'s, 't>(Cow<'s, [Word<'t>]>);

impl<'t> Words<'_, 't> {
    /// The words as a slice (for slice patterns).
    pub(super) fn as_slice(&self) -> &[Word<'t>] {
        &self.0
    }
}

impl<'t> Deref for Words<'_, 't> {
    type Target = [Word<'t>];

    fn deref(&self) -> &[Word<'t>] {
        &self.0
    }
}

/// Every word of one text, in order, so that the words of any range are a
/// slice of this index, read without joining tokens or allocating again.
pub(super) struct WordIndex<'t> {
    folded: &'t str,
    /// The lexicon's table, for the marks of words cut by a range.
    marks: &'t WordMarks,
    words: Vec<Word<'t>>,
}

impl<'t> WordIndex<'t> {
    /// Index the words of `doc`.
    pub(super) fn new(doc: &'t Doc<'_>) -> WordIndex<'t> {
        // `words_in` over the whole text, without its clipping to a range.
        let text = doc.text;
        let folded = doc.folded.as_str();
        let toks = &doc.tokens;
        // At most one word per token (most tokens are words: a smaller
        // guess grew the vector once, copying it).
        let mut words = Vec::with_capacity(toks.len());
        let mut k = 0;
        while k < toks.len() {
            let t = &toks[k];
            k += 1;
            if !starts_word(t) {
                continue;
            }
            let mut end = t.end;
            while k < toks.len() && toks[k].start == end && continues_word(text, &toks[k]) {
                end = toks[k].end;
                k += 1;
            }
            let marks = marks_of(doc, t, t.start, end);
            words.push((t.start, end, &folded[t.start..end], marks));
        }
        WordIndex {
            folded,
            marks: doc.word_marks,
            words,
        }
    }

    /// Words of `r` in the folded text with their offsets, as [`words_in`]
    /// gives them.
    pub(super) fn words(&self, r: Range<usize>) -> Words<'_, 't> {
        let folded = self.folded;
        if r.is_empty() || folded.get(r.clone()).is_none() {
            return Words(Cow::Borrowed(&[]));
        }
        let from = self.words.partition_point(|&(_, e, _, _)| e <= r.start);
        let to = from + self.words[from..].partition_point(|&(s, _, _, _)| s < r.end);
        let inner = &self.words[from..to];
        let cut_first = inner.first().is_some_and(|w| w.0 < r.start);
        let cut_last = inner.last().is_some_and(|w| w.1 > r.end);
        if !cut_first && !cut_last {
            return Words(Cow::Borrowed(inner));
        }
        let mut out = Vec::with_capacity(inner.len());
        let mut rest = inner;
        // A word begun before `r` is cut at `r.start`: its rest is a word
        // from its first letter or digit (the rest holds nothing else but
        // apostrophes and hyphens).
        if let (true, Some((&(_, e, _, _), tail))) = (cut_first, inner.split_first()) {
            let cut = e.min(r.end);
            let lead = folded[r.start..cut]
                .find(|c| !matches!(c, '’' | '\'' | '-'))
                .map(|p| r.start + p);
            if let Some(from) = lead {
                let w = &folded[from..cut];
                out.push((from, cut, w, looked_up(self.marks, w)));
            }
            rest = tail;
        }
        for &(s, e, w, marks) in rest {
            if e > r.end {
                let cut = &folded[s..r.end];
                out.push((s, r.end, cut, looked_up(self.marks, cut)));
            } else {
                out.push((s, e, w, marks));
            }
        }
        Words(Cow::Owned(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// What a word is, as a pattern: the definition the token joins follow.
    fn pattern() -> Regex {
        Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}’'\-]*").unwrap()
    }

    const TEXTS: [&str; 5] = [
        "O'Brien's co-op—“Ünal’s 3-4 x'-y” -'a 'b, İstanbul dog-'s 2024.",
        "日本語のテキスト ١٢٣ Ⅻ ½ café naïve Ελλάδα ǅemal x\u{301}y \u{a0}a…b",
        "'-’ - ' 9’ a- हिन्दी Ⓐb",
        "JAPAN’S ẞtraße",
        "",
    ];

    /// The token joins find what the pattern finds, over every range, and
    /// each word's marks are what a lookup of the word gives.
    #[test]
    fn words_match_the_pattern_on_every_range() {
        let word = pattern();
        let marks = &crate::lexicon::Lexicon::embedded().marks;
        for text in TEXTS {
            let doc = Doc::new(text, false);
            let index = WordIndex::new(&doc);
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for (k, &a) in bounds.iter().enumerate() {
                for &b in &bounds[k..] {
                    let fresh: Vec<Word<'_>> = word
                        .find_iter(&doc.folded[a..b])
                        .map(|m| {
                            let w = m.as_str();
                            (a + m.start(), a + m.end(), w, looked_up(marks, w))
                        })
                        .collect();
                    let joined: Vec<_> = words_in(&doc, a..b).collect();
                    assert_eq!(joined, fresh, "{text:?} {a}..{b}");
                    assert_eq!(*index.words(a..b), fresh, "{text:?} {a}..{b}");
                }
            }
        }
    }

    /// Over the fixture and the development texts, each word's marks are
    /// what a lookup of the word gives: a whole token's copied marks are
    /// its word's.
    #[test]
    fn word_marks_are_looked_up_marks() {
        let marks = &crate::lexicon::Lexicon::embedded().marks;
        let mut marked = 0;
        for text in crate::text::test_corpus::texts() {
            let doc = Doc::new(&text, false);
            let index = WordIndex::new(&doc);
            for &(_, _, w, m) in index.words(0..text.len()).iter() {
                assert_eq!(m, looked_up(marks, w), "{w:?}");
                marked += usize::from(m != 0);
            }
        }
        assert!(marked > 1000, "{marked} words marked");
    }
}
