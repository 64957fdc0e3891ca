//! The compact form in which `build.rs` hands the crate the embedded
//! gazetteer's parsed entries and matcher index (see `embedded`): numbers
//! as LEB128 varints in one byte string, strings side by side in one text,
//! both read back in the order they were written. Nothing is parsed: a
//! string is a length and a slice of text that `include_str!` has already
//! checked to be UTF-8.
//!
//! The build script includes this file, so both sides share one format.

/// The `type` column's values, by the code the packed form stores.
pub(crate) const KIND_NAMES: [&str; 4] = ["person", "organization", "place", "nationality"];

/// The `match` column's values, by the code the packed form stores.
pub(crate) const POLICY_NAMES: [&str; 5] = ["exact", "fold", "ambiguous", "deny", "referent"];

/// The bits of an entry's code: its type (a [`KIND_NAMES`] index) in bits
/// 0-2, its policy (a [`POLICY_NAMES`] index) in bits 3-5, and this bit when
/// its place facts follow (else they are the default).
pub(crate) const HAS_FACTS: u64 = 1 << 6;

/// Writes numbers and strings.
#[allow(dead_code)] // The build script writes; the crate only reads.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    pub numbers: Vec<u8>,
    pub text: String,
}

#[allow(dead_code)]
impl Writer {
    /// Append `n`.
    pub(crate) fn number(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.numbers.push(n as u8 | 0x80);
            n >>= 7;
        }
        self.numbers.push(n as u8);
    }

    /// Append `s` (its length, then its text).
    pub(crate) fn str(&mut self, s: &str) {
        self.number(s.len() as u64);
        self.text.push_str(s);
    }
}

/// Reads what a [`Writer`] wrote, in the same order; `None` past the end.
#[derive(Debug)]
pub(crate) struct Reader<'a> {
    numbers: &'a [u8],
    text: &'a str,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(numbers: &'a [u8], text: &'a str) -> Reader<'a> {
        Reader { numbers, text }
    }

    /// The next number.
    #[inline]
    pub(crate) fn number(&mut self) -> Option<u64> {
        // Most numbers (counts, flags, short lengths) are one byte.
        if let Some((&b, rest)) = self.numbers.split_first() {
            if b < 0x80 {
                self.numbers = rest;
                return Some(u64::from(b));
            }
        }
        self.long_number()
    }

    /// [`Reader::number`] of more than one byte.
    fn long_number(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for (i, &b) in self.numbers.iter().enumerate().take(10) {
            n |= u64::from(b & 0x7f) << (7 * i);
            if b < 0x80 {
                self.numbers = &self.numbers[i + 1..];
                return Some(n);
            }
        }
        None
    }

    /// The next number, as an index or count.
    pub(crate) fn index(&mut self) -> Option<usize> {
        usize::try_from(self.number()?).ok()
    }

    /// The next string.
    pub(crate) fn str(&mut self) -> Option<&'a str> {
        let len = self.index()?;
        let s = self.text.get(..len)?;
        self.text = &self.text[len..];
        Some(s)
    }

    /// True when everything written has been read.
    pub(crate) fn is_done(&self) -> bool {
        self.numbers.is_empty() && self.text.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut w = Writer::default();
        for n in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            w.number(n);
        }
        w.str("Zürich");
        w.str("");
        let mut r = Reader::new(&w.numbers, &w.text);
        for n in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(r.number(), Some(n));
        }
        assert_eq!((r.str(), r.str()), (Some("Zürich"), Some("")));
        assert!(r.is_done());
        assert_eq!((r.number(), r.str()), (None, None));
    }
}
