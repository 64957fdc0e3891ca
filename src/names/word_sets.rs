//! The text's own word sets: which capitalised words are also ordinary
//! words in this article ("Will" written "will" elsewhere), and which are
//! capitalised away from sentence starts and headlines. Each set is built
//! on first use, and holds only the words some other word could ask about.

use std::collections::HashSet;

use super::tokens::Words;
use crate::hash::PolyBuild;
use crate::lexicon::mark;

impl<'d, 'a> Words<'d, 'a> {
    /// A capitalised word known to be (part of) a name: a gazetteer match,
    /// a listed given name or surname, or a word the text capitalises
    /// somewhere other than at a sentence start.
    pub(super) fn is_known_name_word(&self, i: usize) -> bool {
        self.gaz_kind(i).is_some()
            || self.has(i, mark::FIRST_NAME | mark::SURNAME)
            // A capital away from sentence starts and headlines is one
            // itself.
            || self.is_mid_cap(i)
            || self.mid_caps().contains(self.word(i))
    }

    /// A capitalised word that is also an ordinary word in this text
    /// ("Will", "Mark" written "will", "mark" elsewhere).
    pub(super) fn is_common_word(&self, i: usize) -> bool {
        // A word in lower case is one itself.
        self.is_stop(i) || self.is_plain_lower(i) || self.lower_words().contains(self.word_lower(i))
    }

    /// The words written in lower case, among those the other words'
    /// lower-case forms could be (`is_common_word` answers the rest
    /// without it: stop words, words in plain lower case; so the frequent
    /// "the" is no asker, and hashed only when another word asks for it).
    fn lower_words(&self) -> &HashSet<&'a str, PolyBuild> {
        self.lower_words.get_or_init(|| {
            // (One walk over the words' bits for each pass, the words read
            // as bytes: most are turned away by the filter unhashed.)
            let mut filter = WordFilter::default();
            for (k, t) in self.toks.iter().enumerate() {
                let bits = t.bits();
                if !bits.has(mark::STOP) && !bits.is_plain_lower() {
                    filter.add(self.word_lower(k).as_bytes());
                }
            }
            let text = self.doc.text;
            self.toks
                .iter()
                .filter(|t| {
                    t.bits().is_lower() && filter.may_hold(&text.as_bytes()[t.start..t.end])
                })
                .map(|t| &text[t.start..t.end])
                .collect()
        })
    }

    /// The words capitalised away from sentence starts and headlines,
    /// among those the other words could be.
    fn mid_caps(&self) -> &HashSet<&'a str, PolyBuild> {
        self.mid_caps.get_or_init(|| {
            let mut filter = WordFilter::default();
            for (k, t) in self.toks.iter().enumerate() {
                // `is_known_name_word` answers the listed words without it.
                let bits = t.bits();
                let listed =
                    bits.has(mark::FIRST_NAME | mark::SURNAME) || self.gaz_kind(k).is_some();
                if !bits.is_mid_cap() && !listed {
                    filter.add(&self.doc.text.as_bytes()[t.start..t.end]);
                }
            }
            let text = self.doc.text;
            self.toks
                .iter()
                .filter(|t| {
                    t.bits().is_mid_cap() && filter.may_hold(&text.as_bytes()[t.start..t.end])
                })
                .map(|t| &text[t.start..t.end])
                .collect()
        })
    }
}

/// A set of words that may answer "no" wrongly but never "yes" wrongly
/// without hashing a word: each word sets one bit of 4,096, chosen by its
/// length and its first and last bytes. (Words chosen to share bits only
/// make the filter let more through.)
pub(super) struct WordFilter([u64; 64]);

impl Default for WordFilter {
    fn default() -> WordFilter {
        WordFilter([0; 64])
    }
}

impl WordFilter {
    pub(super) fn new<'w>(words: impl Iterator<Item = &'w str>) -> WordFilter {
        let mut filter = WordFilter::default();
        words.for_each(|w| filter.add(w.as_bytes()));
        filter
    }

    /// Let `w` (a word's bytes) through.
    pub(super) fn add(&mut self, w: &[u8]) {
        let b = WordFilter::bit(w);
        self.0[b / 64] |= 1 << (b % 64);
    }

    fn bit(bytes: &[u8]) -> usize {
        let (first, last) = (bytes.first().copied(), bytes.last().copied());
        let key = u32::from(first.unwrap_or(0)) << 16
            | u32::from(last.unwrap_or(0)) << 8
            | (bytes.len() as u32 & 0xff);
        (key.wrapping_mul(0x9e37_79b9) >> 20) as usize
    }

    /// `w` (a word or its bytes) may be one of the words (it is, or shares
    /// their bit).
    pub(super) fn may_hold(&self, w: impl AsRef<[u8]>) -> bool {
        let b = WordFilter::bit(w.as_ref());
        self.0[b / 64] & (1 << (b % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;
    use crate::text::Doc;

    /// The word sets asked through a filter answer as the whole sets would.
    #[test]
    fn common_and_known_words_as_the_whole_sets_answer() {
        let text = "The will of Will. Mark said the mark was set. WILL Mark iPhone \
                    iphone Paris paris. Will Smith met Mark Jones in Paris, the Will said.";
        let doc = Doc::new(text, false);
        let lex = &crate::lexicon::Lexicon::embedded().names;
        let words = Words::new(&doc, Gazetteer::embedded(), lex, &[]);
        let n = words.toks.len();
        let lower: HashSet<&str> = (0..n)
            .filter(|&k| words.is_lower(k))
            .map(|k| words.word(k))
            .collect();
        let mid: HashSet<&str> = (0..n)
            .filter(|&k| !words.is_initial(k) && !words.capitals_mute(k) && words.is_cap(k))
            .map(|k| words.word(k))
            .collect();
        for i in 0..n {
            let common = words.is_stop(i) || lower.contains(words.word_lower(i));
            assert_eq!(words.is_common_word(i), common, "{}", words.word(i));
            let known = words.gaz_kind(i).is_some()
                || words.has(i, mark::FIRST_NAME | mark::SURNAME)
                || mid.contains(words.word(i));
            assert_eq!(words.is_known_name_word(i), known, "{}", words.word(i));
        }
        let filter = WordFilter::new(["will", "mark"].into_iter());
        assert!(filter.may_hold("will") && filter.may_hold("mark"));
    }
}
