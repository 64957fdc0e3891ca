//! Where a match may start: the positions of the text worth asking the
//! trie about ([`StartTable`]), and [`Starts`], which finds them in the
//! bytes, eight at a time (`token_starts` finds the same positions from the
//! base tokens, as `Matcher::find` does; the layered search and the tests
//! read the bytes).
//!
//! A match must start a word (no word character right before it), the trie
//! must hold a pattern beginning with its folded first byte, and, when the
//! first character is lower case, some form must be able to accept it: only
//! an exact form written with that lower-case letter can (a fold or
//! ambiguous form asks for a capital, see `Matcher::accept`). In news text
//! most words start lower case and no embedded form does, so most word
//! starts are passed over without entering the trie.

use crate::text::is_word_char;

use super::compile::Index;
use super::first_words::ascii_alphanumeric;
use super::trie::Trie;

/// An ASCII byte that is a word character.
const WORD: u8 = 1;
/// An ASCII byte a match may start at (when it starts a word).
const START: u8 = 2;

/// Which bytes a match may start at, by the byte of the original text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct StartTable {
    /// [`WORD`] and [`START`] of each ASCII byte.
    ascii: [u8; 128],
    /// A match may start at a lower-case character outside ASCII.
    lower_outside_ascii: bool,
}

impl StartTable {
    /// A match may start at the ASCII byte `b` (when it starts a word).
    #[inline]
    pub fn starts_ascii(&self, b: u8) -> bool {
        self.ascii
            .get(usize::from(b))
            .is_some_and(|f| f & START != 0)
    }

    /// A match may start at `c`, a character outside ASCII that starts a
    /// word and whose folded first byte begins a pattern.
    pub fn starts_outside_ascii(&self, c: char) -> bool {
        // Curly quotes and dashes without the Unicode tables.
        GENERAL_PUNCTUATION.contains(&c) || self.lower_outside_ascii || !c.is_lowercase()
    }

    /// Every word start whose folded first byte begins a pattern of `trie`:
    /// the positions at which a leftmost-longest search may report a match
    /// that starts a word, whatever then accepts it.
    pub fn any(trie: &Trie) -> StartTable {
        StartTable::with(trie, |_| true, true)
    }

    /// The word starts at which `index` may find a match its matcher
    /// accepts: as [`StartTable::any`], less the lower-case letters that no
    /// exact form starts with.
    pub fn accepting(index: &Index) -> StartTable {
        let lower = &index.lower_written;
        StartTable::with(
            &index.trie,
            |b| !b.is_ascii_lowercase() || lower.has_ascii(b),
            lower.has_other(),
        )
    }

    /// As [`StartTable::any`], less every lower-case letter.
    #[cfg(test)]
    pub fn lower_case_refused(trie: &Trie) -> StartTable {
        StartTable::with(trie, |b| !b.is_ascii_lowercase(), false)
    }

    fn with(trie: &Trie, may_start: impl Fn(u8) -> bool, lower_outside_ascii: bool) -> StartTable {
        let mut ascii = [0u8; 128];
        for (b, flags) in (0u8..).zip(ascii.iter_mut()) {
            if b.is_ascii_alphanumeric() {
                *flags |= WORD;
            }
            if may_start(b) && trie.starts_with(b.to_ascii_lowercase()) {
                *flags |= START;
            }
        }
        StartTable {
            ascii,
            lower_outside_ascii,
        }
    }
}

/// The positions of a text at which a match may start, left to right, as
/// `Matcher::find`'s scan reads them.
pub(super) trait Positions {
    /// The next position.
    fn next_start(&mut self) -> Option<usize>;

    /// Continue from `pos` (a character boundary past the last position):
    /// a match ends there.
    fn skip_to(&mut self, pos: usize);
}

/// The positions of a text at which a match may start, left to right, read
/// from its bytes.
pub(super) struct Starts<'a> {
    text: &'a str,
    folded: &'a [u8],
    table: &'a StartTable,
    trie: &'a Trie,
    /// The next position to look at.
    pos: usize,
    /// A word character ends right before `pos`.
    after_word: bool,
}

impl<'a> Starts<'a> {
    /// The starts in `text` (folded: `folded`) from `pos` on.
    pub fn new(
        text: &'a str,
        folded: &'a str,
        table: &'a StartTable,
        trie: &'a Trie,
        pos: usize,
    ) -> Starts<'a> {
        Starts {
            text,
            folded: folded.as_bytes(),
            table,
            trie,
            pos,
            after_word: after_word_char(text, pos),
        }
    }
}

impl Positions for Starts<'_> {
    fn next_start(&mut self) -> Option<usize> {
        self.next()
    }

    fn skip_to(&mut self, pos: usize) {
        self.pos = pos;
        self.after_word = after_word_char(self.text, pos);
    }
}

impl Iterator for Starts<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let bytes = self.text.as_bytes();
        loop {
            // Eight bytes at a time, up to the first outside ASCII: a start
            // follows a byte that is not a word character, so only the
            // bytes after those are looked up (about one in six in prose).
            if let Some(chunk) = bytes.get(self.pos..self.pos + 8) {
                let chunk = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
                let ascii = match chunk & HIGH_BITS {
                    0 => 8,
                    high => high.trailing_zeros() / 8,
                };
                if ascii > 0 {
                    // Exact for the ASCII bytes (a carry only runs upwards).
                    let word = ascii_alphanumeric(chunk);
                    let mut after_other =
                        (!word & HIGH_BITS) << 8 | u64::from(!self.after_word) << 7;
                    if ascii < 8 {
                        after_other &= (1 << (8 * ascii)) - 1;
                    }
                    while after_other != 0 {
                        let bit = after_other.trailing_zeros();
                        after_other &= after_other - 1;
                        let byte = (chunk >> (bit - 7)) as u8;
                        if self.table.ascii[usize::from(byte & 0x7f)] & START != 0 {
                            let at = self.pos + (bit / 8) as usize;
                            self.pos = at + 1;
                            self.after_word = word >> bit & 1 != 0;
                            return Some(at);
                        }
                    }
                    self.pos += ascii as usize;
                    self.after_word = word >> (8 * ascii - 1) & 1 != 0;
                    continue;
                }
            }
            let &b = bytes.get(self.pos)?;
            let (at, after_word) = (self.pos, self.after_word);
            if b < 0x80 {
                let flags = self.table.ascii[usize::from(b)];
                self.pos += 1;
                self.after_word = flags & WORD != 0;
                if !after_word && flags & START != 0 {
                    return Some(at);
                }
                continue;
            }
            let c = self.text[at..].chars().next()?;
            self.pos += c.len_utf8();
            // Curly quotes and dashes without the Unicode tables.
            self.after_word = !GENERAL_PUNCTUATION.contains(&c) && is_word_char(c);
            if !after_word
                && self.trie.starts_with(self.folded[at])
                && self.table.starts_outside_ascii(c)
            {
                return Some(at);
            }
        }
    }
}

/// The General Punctuation block: spaces, dashes, quotes and marks, none
/// a word character or lower case.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206f}';

/// The high bit of each byte of a `u64`.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// True when a word character starts at `pos` (false at the end).
pub(super) fn word_char_at(text: &str, pos: usize) -> bool {
    match text.as_bytes().get(pos) {
        None => false,
        Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        // Curly quotes and dashes (a match ends before "’s") without the
        // Unicode tables.
        Some(_) => text[pos..]
            .chars()
            .next()
            .is_some_and(|c| !GENERAL_PUNCTUATION.contains(&c) && is_word_char(c)),
    }
}

/// True when a word character ends right before `pos`.
pub(super) fn after_word_char(text: &str, pos: usize) -> bool {
    match text.as_bytes()[..pos].last() {
        None => false,
        Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[..pos].chars().next_back().is_some_and(is_word_char),
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::text::fold_case;

    #[test]
    fn alphanumeric_bytes_eight_at_a_time() {
        for first in (0u8..0x80).step_by(8) {
            let bytes: [u8; 8] = std::array::from_fn(|i| first + i as u8);
            let word = ascii_alphanumeric(u64::from_le_bytes(bytes));
            for (i, b) in bytes.iter().enumerate() {
                assert_eq!(
                    word >> (8 * i + 7) & 1 != 0,
                    b.is_ascii_alphanumeric(),
                    "{b}"
                );
            }
        }
    }

    #[test]
    fn general_punctuation_has_no_word_character() {
        for c in GENERAL_PUNCTUATION {
            assert!(!is_word_char(c) && !c.is_lowercase(), "{c:?}");
        }
    }

    /// A trie of `patterns` (folded) and its start table, refusing
    /// lower-case word starts unless `lower`.
    pub(in crate::gazetteer) fn trie_and_table(
        patterns: &[String],
        lower: bool,
    ) -> (Trie, StartTable) {
        let patterns: Vec<String> = patterns.iter().map(|p| fold_case(p)).collect();
        let trie = Trie::new(&patterns);
        let table = if lower {
            StartTable::any(&trie)
        } else {
            StartTable::lower_case_refused(&trie)
        };
        (trie, table)
    }

    proptest::proptest! {
        /// The starts are the word starts, one character at a time, whose
        /// folded first byte begins a pattern and whose first character
        /// the table lets through.
        #[test]
        fn starts_are_the_word_starts_a_pattern_begins(
            patterns in proptest::collection::vec("[aAbé1 .’-]{1,3}", 1..6),
            text in "[a-cA-C0-9 .,'’éÉ-]{0,80}",
            lower in proptest::bool::ANY,
        ) {
            let (trie, table) = trie_and_table(&patterns, lower);
            let folded = fold_case(&text);
            let expected: Vec<usize> = text
                .char_indices()
                .filter(|&(i, c)| {
                    !after_word_char(&text, i)
                        && trie.starts_with(folded.as_bytes()[i])
                        && (lower || !c.is_lowercase())
                })
                .map(|(i, _)| i)
                .collect();
            let found: Vec<usize> = Starts::new(&text, &folded, &table, &trie, 0).collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }
}
