//! Word marks: which of a family's word lists each word is on, as the bits
//! of one `u32`, so that a stage hashes a token's word once and then asks
//! about every list with a bit test.
//!
//! Any list can be marked: a family gives each of its lists a bit
//! ([`WordMarks::mark`] with the list's words) and its stage reads
//! [`WordMarks::get`] once per token, keeping the bits beside the token.

use std::collections::HashMap;

use crate::hash::FnvBuild;

/// Each marked word and the bits of the lists it is on.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordMarks {
    bits: HashMap<Box<str>, u32, FnvBuild>,
    /// Bit `n` set: a marked word of `n` bytes exists (longer ones: bit 63).
    /// Most words asked about are marked by no list: their length turns
    /// them away before any hashing.
    lengths: u64,
}

impl WordMarks {
    /// Set `bit` on each of `words`.
    pub fn mark<'w>(&mut self, bit: u32, words: impl IntoIterator<Item = &'w str>) {
        for w in words {
            self.lengths |= 1 << w.len().min(63);
            match self.bits.get_mut(w) {
                Some(b) => *b |= bit,
                None => {
                    self.bits.insert(w.into(), bit);
                }
            }
        }
    }

    /// The bits of the lists `w` is on (0 for a word on none).
    pub fn get(&self, w: &str) -> u32 {
        if self.lengths & (1 << w.len().min(63)) == 0 {
            return 0;
        }
        self.bits.get(w).copied().unwrap_or(0)
    }

    /// Room for `n` more words without growing the table.
    pub fn reserve(&mut self, n: usize) {
        self.bits.reserve(n);
    }

    /// Forget every mark.
    pub fn clear(&mut self) {
        self.bits.clear();
        self.lengths = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::WordMarks;

    #[test]
    fn a_word_carries_the_bits_of_its_lists() {
        let mut marks = WordMarks::default();
        marks.mark(1, ["Paris", "Jordan"]);
        marks.mark(4, ["Jordan", "said"]);
        assert_eq!(marks.get("Jordan"), 5);
        assert_eq!(marks.get("Paris"), 1);
        assert_eq!(marks.get("said"), 4);
        assert_eq!(marks.get("paris"), 0);
        assert_eq!(marks.get(""), 0);
        marks.clear();
        assert_eq!(marks.get("Jordan"), 0);
    }
}
