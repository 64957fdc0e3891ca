//! The claims stage's words, read by range from the document's base tokens.
//!
//! A claims word is what the pattern `[\p{L}\p{N}][\p{L}\p{N}’'\-]*` finds
//! in the folded text: a letter or digit, then letters, digits, apostrophes
//! and hyphens. It is a join of adjacent base tokens ([`crate::text::Token`]):
//! letters, digits or numerals, then those and the punctuation `’`, `'`,
//! `-`. (Marks, alphabetic but neither `\p{L}` nor `\p{N}`, end a word.)
//! Folding keeps every character's token kind, so the tokens of the original
//! text cut the folded text the same way.

use std::ops::Range;

use crate::text::{Doc, Token, TokenKind};

/// A word of the folded text: its start, its end and the word itself.
pub(super) type Word<'t> = (usize, usize, &'t str);

/// A token that can start a word: letters or digits (`\p{L}`, `\p{N}`).
fn starts_word(t: &Token) -> bool {
    matches!(
        t.kind,
        TokenKind::Letters | TokenKind::Digits | TokenKind::Numeral
    )
}

/// A token that can continue a word: those, an apostrophe or a hyphen.
fn continues_word(text: &str, t: &Token) -> bool {
    starts_word(t) || t.kind == TokenKind::Punct && matches!(&text[t.start..t.end], "’" | "'" | "-")
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
            return Some((start, end, &folded[start..end]));
        }
        None
    })
}

/// The spans of every word of one text, in order, so that the words of any
/// range are read without joining tokens again.
pub(super) struct WordIndex {
    spans: Vec<(usize, usize)>,
}

impl WordIndex {
    /// Index the words of `doc`.
    pub(super) fn new(doc: &Doc<'_>) -> WordIndex {
        WordIndex {
            spans: words_in(doc, 0..doc.text.len())
                .map(|(s, e, _)| (s, e))
                .collect(),
        }
    }

    /// Words of `r` in `folded` (the folded text of the document this index
    /// was built from) with their offsets, as [`words_in`] gives them.
    pub(super) fn words<'f>(&self, folded: &'f str, r: Range<usize>) -> Vec<Word<'f>> {
        if folded.get(r.clone()).is_none() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut k = self.spans.partition_point(|&(_, e)| e <= r.start);
        // A word begun before `r` is cut at `r.start`: its rest is a word
        // from its first letter or digit (the rest holds nothing else but
        // apostrophes and hyphens).
        if let Some(&(s, e)) = self.spans.get(k) {
            if s < r.start {
                let cut = e.min(r.end);
                let lead = folded[r.start..cut]
                    .find(|c| !matches!(c, '’' | '\'' | '-'))
                    .map(|p| r.start + p);
                if let Some(from) = lead {
                    out.push((from, cut, &folded[from..cut]));
                }
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

    /// The token joins find what the pattern finds, over every range.
    #[test]
    fn words_match_the_pattern_on_every_range() {
        let word = pattern();
        for text in TEXTS {
            let doc = Doc::new(text, false);
            let index = WordIndex::new(&doc);
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for (k, &a) in bounds.iter().enumerate() {
                for &b in &bounds[k..] {
                    let fresh: Vec<(usize, usize, &str)> = word
                        .find_iter(&doc.folded[a..b])
                        .map(|m| (a + m.start(), a + m.end(), m.as_str()))
                        .collect();
                    let joined: Vec<_> = words_in(&doc, a..b).collect();
                    assert_eq!(joined, fresh, "{text:?} {a}..{b}");
                    assert_eq!(index.words(&doc.folded, a..b), fresh, "{text:?} {a}..{b}");
                }
            }
        }
    }
}
