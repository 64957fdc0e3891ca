//! The positions of [`Starts`](super::starts::Starts), read from the
//! text's base tokens (`Doc::tokens`) instead of its bytes: the tokens
//! already know where the words are.
//!
//! A position that starts a word is a token start with no word character
//! glued before it (the characters inside a token of letters or digits all
//! follow a word character). The white space between tokens belongs to no
//! token, so it is read character by character, and only when some pattern
//! starts with a white space character (a user's row may; no embedded one
//! does).

use std::ops::Range;

use crate::text::{is_word_char, Token};

use super::starts::{after_word_char, Positions, StartTable};
use super::trie::Trie;

/// The characters `char::is_whitespace` holds (a test checks the list).
const WHITE_SPACE: [char; 25] = [
    '\t', '\n', '\u{b}', '\u{c}', '\r', ' ', '\u{85}', '\u{a0}', '\u{1680}', '\u{2000}',
    '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}', '\u{2006}', '\u{2007}', '\u{2008}',
    '\u{2009}', '\u{200a}', '\u{2028}', '\u{2029}', '\u{202f}', '\u{205f}', '\u{3000}',
];

/// Some pattern of `trie` starts with a white space character.
pub(super) fn space_starts(trie: &Trie) -> bool {
    WHITE_SPACE
        .iter()
        .any(|c| trie.has_prefix(c.encode_utf8(&mut [0; 4]).as_bytes()))
}

/// The positions at which a match may start, read from `tokens`.
pub(super) struct TokenStarts<'a> {
    text: &'a str,
    folded: &'a [u8],
    tokens: &'a [Token],
    table: &'a StartTable,
    trie: &'a Trie,
    /// The next token to look at.
    next: usize,
    /// The characters still to look at one by one before token `next`
    /// (white space, when `read_space`).
    gap: Range<usize>,
    /// A word character ends right before `gap.start`.
    gap_after_word: bool,
    /// Read the white space between tokens.
    read_space: bool,
}

impl<'a> TokenStarts<'a> {
    /// The starts in `text` (folded: `folded`, base tokens: `tokens`);
    /// `read_space` when a pattern starts with white space (see
    /// [`space_starts`]).
    pub fn new(
        text: &'a str,
        folded: &'a str,
        tokens: &'a [Token],
        table: &'a StartTable,
        trie: &'a Trie,
        read_space: bool,
    ) -> TokenStarts<'a> {
        let first = tokens.first().map_or(text.len(), |t| t.start);
        TokenStarts {
            text,
            folded: folded.as_bytes(),
            tokens,
            table,
            trie,
            next: 0,
            gap: if read_space { 0..first } else { 0..0 },
            gap_after_word: false,
            read_space,
        }
    }

    /// A match the matcher accepts may start at `at`, given that no word
    /// character ends before it.
    #[inline(always)]
    fn may_start(&self, at: usize) -> bool {
        let Some(&b) = self.text.as_bytes().get(at) else {
            return false;
        };
        if b < 0x80 {
            return self.table.starts_ascii(b);
        }
        self.may_start_outside_ascii(at)
    }

    /// [`TokenStarts::may_start`] at a character outside ASCII.
    #[inline(never)]
    fn may_start_outside_ascii(&self, at: usize) -> bool {
        let c = self.text[at..].chars().next();
        self.trie.starts_with(self.folded[at])
            && c.is_some_and(|c| self.table.starts_outside_ascii(c))
    }
}

impl TokenStarts<'_> {
    /// The next start among the tokens from `next` on, when no white
    /// space is read: the first token whose first byte may start a match
    /// and that is not glued to a word before it. The byte is read first:
    /// most tokens (lower-case words, punctuation) are passed over on it.
    #[inline(always)]
    fn next_token_start(&mut self) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut i = self.next;
        while let Some(t) = self.tokens.get(i) {
            i += 1;
            let may = match bytes.get(t.start) {
                Some(&b) if b < 0x80 => self.table.starts_ascii(b),
                Some(_) => self.may_start_outside_ascii(t.start),
                None => false,
            };
            if may {
                let glued_to_word = (i.checked_sub(2))
                    .and_then(|p| self.tokens.get(p))
                    .is_some_and(|p| p.end == t.start && p.kind.is_alphanumeric());
                if !glued_to_word {
                    self.next = i;
                    return Some(t.start);
                }
            }
        }
        self.next = i;
        None
    }
}

impl TokenStarts<'_> {
    /// [`Positions::next_start`] with a gap to read first, or the white
    /// space between tokens to read.
    #[inline(never)]
    fn next_start_after_gap(&mut self) -> Option<usize> {
        loop {
            while self.gap.start < self.gap.end {
                let at = self.gap.start;
                // ASCII (the white space after a match) without decoding.
                if let Some(&b) = self.text.as_bytes().get(at).filter(|b| b.is_ascii()) {
                    self.gap.start += 1;
                    let word = b.is_ascii_alphanumeric();
                    let after_word = std::mem::replace(&mut self.gap_after_word, word);
                    if !after_word && self.table.starts_ascii(b) {
                        return Some(at);
                    }
                    continue;
                }
                let c = self.text[at..].chars().next()?;
                self.gap.start += c.len_utf8();
                let after_word = std::mem::replace(&mut self.gap_after_word, is_word_char(c));
                if !after_word && self.may_start(at) {
                    return Some(at);
                }
            }
            if !self.read_space {
                return self.next_token_start();
            }
            let i = self.next;
            let t = self.tokens.get(i)?;
            self.next += 1;
            let word = t.kind.is_alphanumeric();
            if self.read_space {
                let end = self.tokens.get(i + 1).map_or(self.text.len(), |n| n.start);
                // The first character after a word follows a word character.
                let first = match self.text.as_bytes().get(t.end) {
                    _ if !word || t.end >= end => 0,
                    Some(b) if b.is_ascii() => 1,
                    _ => self.text[t.end..].chars().next().map_or(0, char::len_utf8),
                };
                self.gap = t.end + first..end;
                self.gap_after_word = false;
            }
            let glued_to_word = i
                .checked_sub(1)
                .and_then(|p| self.tokens.get(p))
                .is_some_and(|p| p.end == t.start && p.kind.is_alphanumeric());
            if !glued_to_word && self.may_start(t.start) {
                return Some(t.start);
            }
        }
    }
}

impl Positions for TokenStarts<'_> {
    // In the scan's loop: most calls pass over a few tokens and return.
    #[inline(always)]
    fn next_start(&mut self) -> Option<usize> {
        // Most calls: no white space to read and no gap left by a match.
        if !self.read_space && self.gap.start >= self.gap.end {
            return self.next_token_start();
        }
        self.next_start_after_gap()
    }

    fn skip_to(&mut self, pos: usize) {
        while self.tokens.get(self.next).is_some_and(|t| t.start < pos) {
            self.next += 1;
        }
        // A match that ends where its last token does leaves only white
        // space before the next token, where no position lies unless a
        // pattern starts with white space: nothing to read.
        let inside_token = (self.next.checked_sub(1))
            .and_then(|p| self.tokens.get(p))
            .is_some_and(|t| t.end > pos);
        if !self.read_space && !inside_token {
            self.gap = pos..pos;
            return;
        }
        // Whatever lies between `pos` and the next token (the rest of a
        // token, white space) is read one character at a time.
        let end = self
            .tokens
            .get(self.next)
            .map_or(self.text.len(), |t| t.start);
        self.gap = pos..end.max(pos);
        self.gap_after_word = after_word_char(self.text, pos);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::starts::tests::trie_and_table;
    use crate::gazetteer::starts::{word_char_at, Starts};
    use crate::text::Doc;

    #[test]
    fn white_space_is_every_white_space_character() {
        let every: Vec<char> = (0..=0x10ffffu32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        assert_eq!(every, WHITE_SPACE);
    }

    /// The positions of `positions` at which `trie` finds a pattern (at
    /// the others both readers may differ: a white space character no
    /// pattern starts with), skipping to the end of a pretend match (the
    /// first boundary on word boundaries `skip[at % skip.len()]` bytes or
    /// more after `at`) where that is not 0.
    fn walk(
        positions: &mut impl Positions,
        trie: &Trie,
        text: &str,
        folded: &str,
        skip: &[usize],
    ) -> Vec<(usize, Option<usize>)> {
        let mut out = Vec::new();
        while let Some(at) = positions.next_start() {
            if trie.longest_at(&folded.as_bytes()[at..]).is_none() {
                continue;
            }
            let len = skip.get(at % skip.len().max(1)).copied().unwrap_or(0);
            let end = (at + len.max(1)..=text.len())
                .find(|&e| text.is_char_boundary(e) && !word_char_at(text, e))
                .filter(|_| len > 0);
            if let Some(end) = end {
                positions.skip_to(end);
            }
            out.push((at, end));
        }
        out
    }

    proptest::proptest! {
        /// The tokens give the positions the bytes give, skipping to the
        /// end of a match included.
        #[test]
        fn same_positions_as_the_bytes(
            patterns in proptest::collection::vec("[aAé1 \u{a0}.’½Ⓐ-]{1,3}", 1..8),
            text in "[a-cA-Cé É0-9 \n\u{a0}\u{2003}.,'’“½²Ⓐß-]{0,80}",
            lower in proptest::bool::ANY,
            skip in proptest::collection::vec(0usize..6, 0..5),
        ) {
            let (trie, table) = trie_and_table(&patterns, lower);
            let doc = Doc::new(&text, false);
            let mut bytes = Starts::new(&text, &doc.folded, &table, &trie, 0);
            let expected = walk(&mut bytes, &trie, &text, &doc.folded, &skip);
            for read_space in [space_starts(&trie), true] {
                let mut tokens =
                    TokenStarts::new(&text, &doc.folded, &doc.tokens, &table, &trie, read_space);
                let found = walk(&mut tokens, &trie, &text, &doc.folded, &skip);
                proptest::prop_assert_eq!(found, expected.clone());
            }
        }
    }
}
