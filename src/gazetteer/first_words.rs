//! The trie node of every pattern's first word, found by one hash probe
//! instead of a walk through the trie's widest levels.
//!
//! A word here is a run of 1 to [`MAX_WORD`] ASCII letters and digits at
//! the start of a pattern or of the text at a word start, followed by the
//! end or by an ASCII byte that is neither ([`word_key`]). A match found at
//! a word start is accepted only if no word character follows it (see
//! `Matcher::find`), so it either covers the text's first word and the byte
//! after it, or is rejected: a pattern that can be accepted there has that
//! word as its own first word. When the table has no such word, the scan
//! passes over the position without entering the trie; when it has, the walk
//! starts at the word's node (see `Trie::longest_at_word`).
//!
//! The table is open addressing with linear probing, a power of two of
//! [`SLOT`]-byte slots, the same bytes whether built or read in place from
//! the embedded trie (`build.rs` writes them with the trie): each slot holds
//! the word's first eight bytes and its next eight (little-endian, zero
//! past its end), its length (0: an empty slot) and its node.

use std::borrow::Cow;

/// Bytes of one slot.
const SLOT: usize = 24;

/// Words longer than this are not indexed: the scan walks the trie there.
pub(super) const MAX_WORD: usize = 15;

/// The high bit of each byte of a `u64`.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// A word as the table keys it: its bytes as two numbers, and its length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Key {
    head: u64,
    tail: u64,
    len: u32,
}

impl Key {
    /// The word's length in bytes.
    pub fn len(self) -> usize {
        self.len as usize
    }

    fn hash(self) -> u64 {
        (self.head ^ self.tail.rotate_left(29) ^ u64::from(self.len))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
}

/// The key of the first word of `bytes`: `None` when they do not start
/// with 1 to [`MAX_WORD`] ASCII letters or digits followed by the end or
/// another ASCII byte.
#[inline(always)]
pub(super) fn word_key(bytes: &[u8]) -> Option<Key> {
    // The bytes that end a word: outside ASCII, or no letter or digit.
    let stop = |x: u64| (!ascii_alphanumeric(x) | x) & HIGH_BITS;
    // The first `n` bytes of `x` (n < 8).
    let keep = |x: u64, n: u32| x & ((1 << (8 * n)) - 1);
    let Some((head, _)) = bytes.split_first_chunk::<8>() else {
        return short_word_key(bytes);
    };
    let head = u64::from_le_bytes(*head);
    // Most words end within eight bytes: the next eight are not read.
    if let s @ 1.. = stop(head) {
        let len = s.trailing_zeros() / 8;
        // No word, or one that goes on outside ASCII.
        if len == 0 || head >> (8 * len) & 0x80 != 0 {
            return None;
        }
        return Some(Key {
            head: keep(head, len),
            tail: 0,
            len,
        });
    }
    let Some((tail, _)) = bytes[8..].split_first_chunk::<8>() else {
        return short_word_key(bytes);
    };
    let tail = u64::from_le_bytes(*tail);
    let s = stop(tail);
    let len = 8 + s.trailing_zeros() / 8;
    // Longer than MAX_WORD, or going on outside ASCII.
    if s == 0 || tail >> (8 * (len - 8)) & 0x80 != 0 {
        return None;
    }
    debug_assert!(len as usize <= MAX_WORD);
    Some(Key {
        head,
        tail: keep(tail, len - 8),
        len,
    })
}

/// [`word_key`] near the end of the bytes, one at a time.
#[inline(never)]
fn short_word_key(bytes: &[u8]) -> Option<Key> {
    let len = bytes
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if len == 0 || bytes.get(len).is_some_and(|&b| b >= 0x80) {
        return None;
    }
    let mut padded = [0u8; 16];
    padded[..len].copy_from_slice(&bytes[..len]);
    let (a, b) = padded.split_at(8);
    let word = |x: &[u8]| u64::from_le_bytes(x.try_into().unwrap_or_default());
    Some(Key {
        head: word(a),
        tail: word(b),
        len: len as u32,
    })
}

/// The high bit of each byte of `chunk` that is an ASCII letter or digit,
/// exact for the bytes below the first outside ASCII: for a byte below
/// 0x80 every sum stays below 0x100, so only a byte outside ASCII can carry
/// into the next (higher) one.
pub(super) fn ascii_alphanumeric(chunk: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Bytes at least `lo` and greater than `hi`, in their high bits.
    let at_least = |x: u64, lo: u64| x.wrapping_add(ONES * (0x80 - lo));
    let above = |x: u64, hi: u64| x.wrapping_add(ONES * (0x7f - hi));
    let digit = at_least(chunk, u64::from(b'0')) & !above(chunk, u64::from(b'9'));
    let lower = chunk | (ONES * 0x20);
    let letter = at_least(lower, u64::from(b'a')) & !above(lower, u64::from(b'z'));
    (digit | letter) & HIGH_BITS
}

/// The first words' table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct FirstWords {
    /// [`SLOT`] bytes a slot, a power of two of them.
    slots: Cow<'static, [u8]>,
}

impl FirstWords {
    /// The table of `words` (each key once) and their nodes.
    pub fn new(words: &[(Key, u32)]) -> FirstWords {
        // At most three quarters full.
        let count = (words.len() + words.len() / 3 + 1).next_power_of_two();
        let mut slots = vec![0u8; count * SLOT];
        let mask = count - 1;
        for &(key, node) in words {
            let mut i = (key.hash() >> 32) as usize & mask;
            while slots[i * SLOT + 16] != 0 {
                i = (i + 1) & mask;
            }
            let slot = &mut slots[i * SLOT..(i + 1) * SLOT];
            slot[..8].copy_from_slice(&key.head.to_le_bytes());
            slot[8..16].copy_from_slice(&key.tail.to_le_bytes());
            slot[16..20].copy_from_slice(&key.len.to_le_bytes());
            slot[20..].copy_from_slice(&node.to_le_bytes());
        }
        FirstWords {
            slots: Cow::Owned(slots),
        }
    }

    /// The table in the bytes [`FirstWords::bytes`] gave, in place; `None`
    /// when they do not have its shape.
    pub fn from_bytes(bytes: &'static [u8]) -> Option<FirstWords> {
        let count = bytes.len() / SLOT;
        (bytes.len() % SLOT == 0 && count.is_power_of_two()).then_some(FirstWords {
            slots: Cow::Borrowed(bytes),
        })
    }

    /// The table's bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.slots
    }

    /// The node of the word `key`, if it is some pattern's first word.
    #[inline(always)]
    pub fn node(&self, key: Key) -> Option<u32> {
        let mask = (self.slots.len() / SLOT).wrapping_sub(1);
        let mut i = (key.hash() >> 32) as usize & mask;
        loop {
            let slot: &[u8; SLOT] = self.slots.get(i * SLOT..(i + 1) * SLOT)?.try_into().ok()?;
            let word =
                |at: usize| u64::from_le_bytes(slot[at..at + 8].try_into().unwrap_or_default());
            let len = u32::from_le_bytes([slot[16], slot[17], slot[18], slot[19]]);
            if len == key.len && word(0) == key.head && word(8) == key.tail {
                return Some(u32::from_le_bytes([slot[20], slot[21], slot[22], slot[23]]));
            }
            if len == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `word_key` by its definition, one byte at a time.
    fn key_by_hand(bytes: &[u8]) -> Option<(Vec<u8>, usize)> {
        let len = bytes
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let after_ok = bytes.get(len).is_none_or(|&b| b < 0x80);
        (1..=MAX_WORD)
            .contains(&len)
            .then(|| (bytes[..len].to_vec(), len))
            .filter(|_| after_ok)
    }

    proptest::proptest! {
        /// The eight-at-a-time key is the word by hand, and two texts have
        /// the same key exactly when their words are the same.
        #[test]
        fn keys_are_the_words(
            a in "[a-c0-9 ,é’]{0,24}",
            b in "[a-c0-9 ,é’]{0,24}",
        ) {
            let (ka, kb) = (word_key(a.as_bytes()), word_key(b.as_bytes()));
            let (ha, hb) = (key_by_hand(a.as_bytes()), key_by_hand(b.as_bytes()));
            proptest::prop_assert_eq!(ka.map(Key::len), ha.as_ref().map(|h| h.1));
            proptest::prop_assert_eq!(kb.map(Key::len), hb.as_ref().map(|h| h.1));
            if let (Some(ka), Some(kb)) = (ka, kb) {
                proptest::prop_assert_eq!(ka == kb, ha == hb);
            }
        }
    }

    #[test]
    fn long_words_and_words_before_other_characters_have_no_key() {
        assert_eq!(word_key(b"abcdefghijklmnop rest").map(Key::len), None);
        assert_eq!(word_key(b"abcdefghijklmno rest").map(Key::len), Some(15));
        assert_eq!(word_key(b"abcdefghijklmno").map(Key::len), Some(15));
        assert_eq!(word_key("caf\u{e9} au lait".as_bytes()).map(Key::len), None);
        assert_eq!(word_key(b"us.").map(Key::len), Some(2));
        assert_eq!(word_key(b" us").map(Key::len), None);
    }

    #[test]
    fn table_finds_every_word_and_no_other() {
        let words: Vec<Vec<u8>> = (0..500u32)
            .map(|i| format!("w{i}x ").into_bytes())
            .collect();
        let entries: Vec<(Key, u32)> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (word_key(w).expect("a word"), i as u32))
            .collect();
        let table = FirstWords::new(&entries);
        let read = FirstWords::from_bytes(table.bytes().to_vec().leak()).expect("a table");
        for (i, w) in words.iter().enumerate() {
            let key = word_key(w).expect("a word");
            assert_eq!(
                (table.node(key), read.node(key)),
                (Some(i as u32), Some(i as u32))
            );
        }
        assert_eq!(table.node(word_key(b"w500x").expect("a word")), None);
        assert_eq!(
            FirstWords::new(&[]).node(word_key(b"a").expect("a word")),
            None
        );
    }
}
