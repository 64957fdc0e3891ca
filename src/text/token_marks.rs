//! Each base token's lexicon marks, looked up once per token for every
//! stage, with a memo of the short words already asked about: most tokens
//! repeat a word seen before ("the", "said", commas; half of them within
//! their own article), and the memo answers them for a fraction of a hash
//! table lookup.

use super::tokens::{Token, TokenKind};
use crate::lexicon::WordMarks;

/// The marks of the words (up to sixteen bytes) looked up before, in two
/// direct-mapped tables (words of two to eight bytes, words of nine to
/// sixteen): a word's slot is a hash of its bytes read as integers, and a
/// newer word takes the slot over. Kept from one article to the next
/// ([`super::DocBuffers`]) while the articles are marked with the same
/// table ([`WordMarks::id`]); emptied when the table changes.
#[derive(Debug, Default)]
pub(crate) struct MarkMemo {
    /// The words of two to eight bytes (allocated on first use).
    short: Option<Box<[Slot; SHORT_SLOTS]>>,
    /// The words of nine to sixteen bytes.
    long: Option<Box<[LongSlot; LONG_SLOTS]>>,
    /// The [`WordMarks::id`] of the table the slots hold answers of (0:
    /// none yet).
    table: u64,
}

/// One remembered word of two to eight bytes. Not tagged with its length,
/// which its bytes tell (a token of two bytes or more holds no zero byte:
/// a NUL is a token of its own), nor with its table, which the whole memo
/// is: 16 bytes, and a hit is one compare.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// The word's bytes, little-endian, zero above its length (0: empty).
    bytes: u64,
    /// The word's marks.
    marks: u64,
}

/// One remembered word of nine to sixteen bytes.
#[derive(Clone, Copy, Debug, Default)]
struct LongSlot {
    /// The word's first eight bytes and its last eight (they overlap below
    /// sixteen bytes: with the length, every byte of the word).
    head: u64,
    tail: u64,
    /// The word's length (0: empty).
    len: u64,
    marks: u64,
}

/// Slots for the short words: room for the frequent short words of news
/// text with few collisions, small enough to stay in the second cache.
const SHORT_SLOTS: usize = 1 << 13;
/// Slots for the words of nine to sixteen bytes (one token in nine).
const LONG_SLOTS: usize = 1 << 11;

const MIX: u64 = 0x9e37_79b9_7f4a_7c15;

/// The mask of the first `n` bytes of a little-endian word, for `n` from 0
/// to 8.
const FIRST_BYTES: [u64; 9] = {
    let mut masks = [0; 9];
    let mut n = 1;
    while n <= 8 {
        masks[n] = u64::MAX >> (64 - 8 * n);
        n += 1;
    }
    masks
};

/// Give each token of `text` its lexicon marks ([`WordMarks::of_bytes`]):
/// the exact bits of its text, the folded bits of its text in `folded`
/// (the text lower-cased with the same byte offsets). A token's folded
/// bytes follow from its own bytes, so its marks do too: a token of one
/// byte reads them from the table's [`WordMarks::one_byte_marks`], a token
/// of up to sixteen bytes seen before with the same table from `memo`.
pub(crate) fn mark_tokens(
    toks: &mut [Token],
    text: &str,
    folded: &str,
    word_marks: &WordMarks,
    memo: &mut MarkMemo,
) {
    let (text, folded) = (text.as_bytes(), folded.as_bytes());
    if memo.table != word_marks.id() {
        // The answers of another table (if any): forget them.
        if let Some(short) = &mut memo.short {
            short.fill(Slot::default());
        }
        if let Some(long) = &mut memo.long {
            long.fill(LongSlot::default());
        }
        memo.table = word_marks.id();
    }
    let short = memo.short.get_or_insert_with(|| new_table(Slot::default()));
    let long = memo
        .long
        .get_or_insert_with(|| new_table(LongSlot::default()));
    let one_byte = word_marks.one_byte_marks();
    for t in toks {
        let (start, end) = (t.start, t.end);
        let n = end - start;
        t.marks = if n == 1 {
            // A character of one byte is ASCII (below 128).
            one_byte[usize::from(text[start] & 0x7f)]
        } else if n <= 8 {
            let bytes = short_word(text, start, n);
            let slot = &mut short[slot_of(bytes, SHORT_SLOTS)];
            if slot.bytes == bytes {
                slot.marks
            } else {
                let lower = short_word(folded, start, n);
                let marks = short_marks(word_marks, t.kind, bytes, lower, n);
                *slot = Slot { bytes, marks };
                marks
            }
        } else if n <= 16 {
            let (head, tail) = (eight_at(text, start), eight_at(text, end - 8));
            let len = n as u64;
            let slot = &mut long[slot_of(head.rotate_left(29) ^ tail ^ len, LONG_SLOTS)];
            if slot.len == len && slot.head == head && slot.tail == tail {
                slot.marks
            } else {
                let lower = (eight_at(folded, start), eight_at(folded, end - 8));
                let marks = long_marks(word_marks, t.kind, (head, tail), lower, n);
                *slot = LongSlot {
                    head,
                    tail,
                    len,
                    marks,
                };
                marks
            }
        } else {
            word_marks.of_bytes(&text[start..end], &folded[start..end])
        };
    }
}

/// The marks of a token of two to eight bytes the memo does not hold, of
/// kind `kind`, whose bytes are `exact` as written and `lower` folded, as
/// integers ([`short_word`]). Out of line: the memo's loop keeps its
/// registers.
#[cold]
#[inline(never)]
fn short_marks(word_marks: &WordMarks, kind: TokenKind, exact: u64, lower: u64, n: usize) -> u64 {
    if kind == TokenKind::Digits && !word_marks.has_digit_words() {
        return 0;
    }
    word_marks.of_short(exact, lower, n)
}

/// [`short_marks`] of a token of nine to sixteen bytes, as its first
/// eight bytes and its last eight.
#[cold]
#[inline(never)]
fn long_marks(
    word_marks: &WordMarks,
    kind: TokenKind,
    exact: (u64, u64),
    lower: (u64, u64),
    n: usize,
) -> u64 {
    if kind == TokenKind::Digits && !word_marks.has_digit_words() {
        return 0;
    }
    word_marks.of_long(exact, lower, n)
}

/// A table of `N` copies of `slot`, on the heap.
fn new_table<T: Copy, const N: usize>(slot: T) -> Box<[T; N]> {
    vec![slot; N]
        .into_boxed_slice()
        .try_into()
        .unwrap_or_else(|_| unreachable!("N slots"))
}

/// The slot of a word whose bytes and tag mix into `key`, in a table of
/// `slots` (a power of two) slots.
#[inline]
fn slot_of(key: u64, slots: usize) -> usize {
    (key.wrapping_mul(MIX) >> (64 - slots.trailing_zeros())) as usize
}

/// The eight bytes of `text` from `at` (which has eight bytes after it)
/// as one little-endian integer.
#[inline]
fn eight_at(text: &[u8], at: usize) -> u64 {
    let eight = text[at..at + 8].try_into().expect("eight bytes");
    u64::from_le_bytes(eight)
}

/// The `n` bytes (1 to 8) from `start` of `text` as one little-endian
/// integer, zero above their length.
#[inline]
fn short_word(text: &[u8], start: usize, n: usize) -> u64 {
    match text[start..].first_chunk::<8>() {
        Some(eight) => u64::from_le_bytes(*eight) & FIRST_BYTES[n.min(8)],
        None => {
            let mut word = [0; 8];
            word[..n].copy_from_slice(&text[start..start + n]);
            u64::from_le_bytes(word)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    #[test]
    fn short_words_read_as_integers() {
        let text = b"said, the";
        assert_eq!(short_word(text, 0, 4), u64::from_le_bytes(*b"said\0\0\0\0"));
        assert_eq!(short_word(text, 4, 1), u64::from(b','));
        assert_eq!(
            short_word(text, 6, 3),
            u64::from_le_bytes(*b"the\0\0\0\0\0")
        );
        assert_eq!(
            short_word(b"12345678", 0, 8),
            u64::from_le_bytes(*b"12345678")
        );
    }

    /// The memo gives every token the marks a lookup in its article's
    /// table gives it, within an article and across articles, with the
    /// embedded table and another in turn.
    #[test]
    fn memo_answers_as_the_table_does() {
        let embedded = Lexicon::embedded();
        let mut other = embedded.clone();
        other.marks.clear();
        other.marks.mark(
            1,
            ["said", "The", "International", "spokeswoman", ",", "I", "a"],
        );
        let mut digits = embedded.clone();
        digits.marks.mark(2, ["2004", "10", "123456789012"]);
        let mut memo = MarkMemo::default();
        let texts = [
            "The minister said the Minister said, THE end.",
            "the The said, I a A i.",
            "International internationally INTERNATIONAL spokeswoman Spokeswoman \
             counterterrorism-related Counterterrorism spokeswomen Internationals",
            "In 2004 and 2005, 10 of 12 scored 123456789012 or 1234567890123 (2004).",
            "A NUL\u{0}byte, the\u{0}\u{0}end: bytes\u{0}said\u{0}.",
        ];
        for text in texts {
            for lexicon in [embedded, &other, &digits, &other, embedded, &digits] {
                let folded = super::super::fold_case(text);
                let mut toks = Vec::new();
                super::super::tokens::tokenize(
                    text,
                    &mut toks,
                    &mut Vec::new(),
                    &mut Vec::new(),
                    &mut Vec::new(),
                );
                mark_tokens(&mut toks, text, &folded, &lexicon.marks, &mut memo);
                for t in &toks {
                    let (e, f) = (&text[t.start..t.end], &folded[t.start..t.end]);
                    assert_eq!(t.marks, lexicon.marks.of(e, f), "{e:?}");
                }
            }
        }
    }
}
