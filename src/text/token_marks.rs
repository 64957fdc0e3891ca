//! Each base token's lexicon marks, looked up once per token for every
//! stage, with a memo of the short words already asked about: most tokens
//! repeat a word seen before ("the", "said", commas; half of them within
//! their own article), and the memo answers them for a fraction of a hash
//! table lookup.

use super::tokens::Token;
use crate::lexicon::{Lexicon, WordMarks};

/// The marks of the short words (up to eight bytes) looked up before, in
/// a direct-mapped table: a word's slot is a hash of its bytes read as one
/// integer, and a newer word takes the slot over. Kept from one article to
/// the next ([`super::DocBuffers`]) without clearing: each slot is tagged
/// with the epoch of the table it was read from. The embedded lexicon's
/// table, which never changes, is epoch [`EMBEDDED`] in every article;
/// any other table is read under a new epoch in each article (the memo
/// cannot tell whether it is the table of the article before).
#[derive(Debug, Default)]
pub(crate) struct MarkMemo {
    slots: Vec<Slot>,
    /// The last epoch given to an article of another table.
    last_epoch: u64,
}

/// The epoch of the embedded lexicon's table (slots tagged 0 are empty).
const EMBEDDED: u64 = 1;

/// One remembered word.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// The word's bytes, little-endian, zero above its length.
    bytes: u64,
    /// The epoch times 16 plus the word's length.
    tag: u64,
    /// The word's marks.
    marks: u64,
}

/// log2 of the number of slots: room for the frequent short words of news
/// text with few collisions, small enough to stay in the second cache.
const SLOT_BITS: u32 = 12;

const MIX: u64 = 0x9e37_79b9_7f4a_7c15;

/// Give each token of `text` its lexicon marks ([`WordMarks::of_bytes`]):
/// the exact bits of its text, the folded bits of its text in `folded`
/// (the text lower-cased with the same byte offsets). A token's folded
/// bytes follow from its own bytes, so its marks do too: a short token
/// seen before with the same table takes them from `memo`.
pub(crate) fn mark_tokens(
    toks: &mut [Token],
    text: &str,
    folded: &str,
    word_marks: &WordMarks,
    memo: &mut MarkMemo,
) {
    let (text, folded) = (text.as_bytes(), folded.as_bytes());
    if memo.slots.is_empty() {
        memo.slots.resize(1 << SLOT_BITS, Slot::default());
    }
    let epoch = if std::ptr::eq(word_marks, &Lexicon::embedded().marks) {
        EMBEDDED
    } else {
        memo.last_epoch = memo.last_epoch.max(EMBEDDED) + 1;
        memo.last_epoch
    };
    let epoch = epoch << 4;
    for t in toks {
        let (start, end) = (t.start, t.end);
        let lookup = || word_marks.of_bytes(&text[start..end], &folded[start..end]);
        let n = end - start;
        if n > 8 {
            t.marks = lookup();
            continue;
        }
        let bytes = short_word(text, start, end);
        let tag = epoch | n as u64;
        let at = ((bytes ^ tag).wrapping_mul(MIX) >> (64 - SLOT_BITS)) as usize;
        let slot = &mut memo.slots[at];
        if slot.tag == tag && slot.bytes == bytes {
            t.marks = slot.marks;
        } else {
            let marks = lookup();
            *slot = Slot { bytes, tag, marks };
            t.marks = marks;
        }
    }
}

/// The bytes `start..end` of `text` (at most eight) as one little-endian
/// integer, zero above their length.
#[inline]
fn short_word(text: &[u8], start: usize, end: usize) -> u64 {
    let n = end - start;
    match text.get(start..start + 8) {
        Some(eight) => {
            let word = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
            // `n` is 1 to 8: tokens are never empty.
            word & (u64::MAX >> (64 - 8 * n.max(1)))
        }
        None => {
            let mut word = [0; 8];
            word[..n].copy_from_slice(&text[start..end]);
            u64::from_le_bytes(word)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_words_read_as_integers() {
        let text = b"said, the";
        assert_eq!(short_word(text, 0, 4), u64::from_le_bytes(*b"said\0\0\0\0"));
        assert_eq!(short_word(text, 4, 5), u64::from(b','));
        assert_eq!(
            short_word(text, 6, 9),
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
        other.marks.mark(1, ["said", "The"]);
        let mut memo = MarkMemo::default();
        let texts = [
            "The minister said the Minister said, THE end.",
            "the The said",
        ];
        for text in texts {
            for lexicon in [embedded, &other, &other, embedded] {
                let folded = super::super::fold_case(text);
                let mut toks = Vec::new();
                super::super::tokens::tokenize(text, &mut toks, &mut Vec::new(), &mut Vec::new());
                mark_tokens(&mut toks, text, &folded, &lexicon.marks, &mut memo);
                for t in &toks {
                    let (e, f) = (&text[t.start..t.end], &folded[t.start..t.end]);
                    assert_eq!(t.marks, lexicon.marks.of(e, f), "{e:?}");
                }
            }
        }
    }
}
