//! Where the name rules can fire: the words each family of rules starts
//! from, found once per article in one walk over the words. A rule walks
//! its list instead of every word of the article (a capitalised word, a
//! word on one of the lexicon's lists, a word after punctuation), so its
//! work grows with its candidates, not with the text.
//!
//! Each list holds word indices in increasing order. A rule that skips
//! ahead (a name found at `i..e` goes on from `e`) skips the candidates
//! before its next position: the words in between would only have moved it
//! on by one.

use super::tokens::{WordBits, Words};
use crate::lexicon::mark;

/// The families of words marked by the lexicon that rules start from.
#[derive(Clone, Copy)]
pub(super) enum Marked {
    /// Capitalised last words of an organization or place head.
    Heads,
    /// Capitalised words that may close a law's, project's or event's
    /// name ([`mark::PROJECT_HEAD`], and "Corridor").
    Projects,
    /// Lower-case place heads ("district").
    LowerPlaceHeads,
    /// Work nouns before a title ("film", "the drama").
    WorkNouns,
    /// Work nouns after a title ("series").
    WorkNounsAfter,
    /// Organization descriptors ("firm").
    Descriptors,
    /// Capitalised first words of a party noun.
    Parties,
    /// Legal-form suffixes ("Inc").
    CompanySuffixes,
    /// Listed given names.
    FirstNames,
    /// Sports words.
    SportWords,
    /// Heads of competitions' and leagues' names.
    EventHeads,
}

/// The number of [`Marked`] families.
const FAMILIES: usize = 11;

/// The marks of each [`Marked`] family, in its order, and whether the word
/// must be capitalised too.
const FAMILY_MARKS: [(u64, bool); FAMILIES] = [
    (mark::ORG_HEAD_LAST | mark::PLACE_HEAD_LAST, true),
    (mark::PROJECT_HEAD, true),
    (mark::LOWER_PLACE_HEAD, false),
    (mark::WORK_NOUN | mark::WORK_PAIR_LAST, false),
    (mark::WORK_NOUN_AFTER, false),
    (mark::ORG_DESCRIPTOR, false),
    (mark::PARTY_FIRST, true),
    (mark::COMPANY_SUFFIX, false),
    (mark::FIRST_NAME, false),
    (mark::SPORT_WORD, false),
    (
        mark::EVENT_HEAD | mark::EVENT_HEAD_CAPS | mark::LEAGUE_HEAD | mark::LEAGUE_HEAD_CAPS,
        false,
    ),
];

/// Every mark some family starts from.
const ANY_FAMILY: u64 = {
    let mut all = 0;
    let mut k = 0;
    while k < FAMILIES {
        all |= FAMILY_MARKS[k].0;
        k += 1;
    }
    all
};

/// The candidate positions of the article's rules.
#[derive(Default)]
pub(super) struct Candidates {
    /// Capitalised words ([`Words::is_cap`]).
    pub(super) caps: Vec<u32>,
    /// Each capitalised word's [`CapKey`], in the order of `caps`.
    cap_keys: Vec<u32>,
    /// Words that can be part of a name ([`Words::is_name_word`]).
    pub(super) name_words: Vec<u32>,
    /// Brands written with a lower-case first letter ("eDonkey").
    brands: Vec<u32>,
    /// The words a title or role starts at.
    titles: Vec<u32>,
    /// Words after a gap that is not only spaces (not
    /// [`Words::joined`]), the first word included.
    pub(super) loose: Vec<u32>,
    /// The words of each [`Marked`] family.
    marked: [Vec<u32>; FAMILIES],
}

/// The lists of the last article, kept for the next one's (no allocation
/// per article once they are grown).
#[derive(Default)]
struct Spare([Vec<u32>; 6 + FAMILIES]);

thread_local! {
    static SPARE: std::cell::Cell<Spare> = std::cell::Cell::new(Spare::default());
}

impl Candidates {
    /// The candidates among `words`, in one walk.
    #[inline(never)]
    pub(super) fn new(words: &Words<'_, '_>) -> Candidates {
        let mut c = Candidates::default();
        if let Ok(Spare(lists)) = SPARE.try_with(std::cell::Cell::take) {
            let [caps, cap_keys, name_words, brands, titles, loose, marked @ ..] = lists;
            c = Candidates {
                caps,
                cap_keys,
                name_words,
                brands,
                titles,
                loose,
                marked,
            };
            c.clear();
        }
        // (Each word's bits are read once, from the word itself.)
        for (i, t) in words.toks.iter().enumerate() {
            let (k, bits) = (i as u32, t.bits());
            // (Most words are joined, lower case and on no list: one test,
            // the bits read without branching, turns them away.)
            let listed = !bits.joined()
                | bits.is_cap()
                | bits.is_name_word()
                | bits.is_brand()
                | bits.has(ANY_FAMILY | mark::TITLE_FIRST);
            if !listed {
                continue;
            }
            if !bits.joined() {
                c.loose.push(k);
            }
            if bits.is_cap() {
                c.caps.push(k);
                // (No mark for it: `heads::may_close_project` names it.)
                if t.end - t.start == "Corridor".len()
                    && !bits.has(mark::PROJECT_HEAD)
                    && words.word(i) == "Corridor"
                {
                    c.marked[Marked::Projects as usize].push(k);
                }
            }
            if bits.is_name_word() {
                c.name_words.push(k);
            } else if bits.is_brand() {
                c.brands.push(k);
            }
            if bits.has(ANY_FAMILY | mark::TITLE_FIRST) {
                c.marked_word(k, bits);
            }
        }
        // (A walk of its own over the capitalised words: in the one above,
        // the keys' loads would crowd out every word's tests.)
        let bytes = words.doc.text.as_bytes();
        c.cap_keys.extend(c.caps.iter().map(|&k| {
            let (i, t) = (k as usize, &words.toks[k as usize]);
            let (first, last) = (bytes[t.start], bytes[t.end - 1]);
            let (hyphen, all_caps) = (words.has_hyphen(i), words.is_all_caps(i));
            CapKey::new(first, last, t.end - t.start, hyphen, all_caps).0
        }));
        c
    }

    /// Empty lists, their room kept.
    fn clear(&mut self) {
        self.caps.clear();
        self.cap_keys.clear();
        self.name_words.clear();
        self.brands.clear();
        self.titles.clear();
        self.loose.clear();
        self.marked.iter_mut().for_each(Vec::clear);
    }

    /// Word `k` (its bits `bits`), on some list of the lexicon's: its
    /// families, and whether a title starts at it.
    fn marked_word(&mut self, k: u32, bits: WordBits) {
        let cap = bits.is_cap();
        for (list, &(marks, capital)) in self.marked.iter_mut().zip(&FAMILY_MARKS) {
            if bits.has(marks) && (cap || !capital) {
                list.push(k);
            }
        }
        // (A title starts only at a word marked as a title's first.)
        if bits.starts_title() {
            self.titles.push(k);
        }
    }

    /// The capitalised words (`caps`) with their [`CapKey`]s.
    pub(super) fn caps_with_keys(&self) -> impl Iterator<Item = (usize, CapKey)> + '_ {
        (self.caps.iter().zip(&self.cap_keys)).map(|(&k, &key)| (k as usize, CapKey(key)))
    }

    /// The words of a [`Marked`] family.
    pub(super) fn marked(&self, family: Marked) -> &[u32] {
        &self.marked[family as usize]
    }

    /// Name words and brands: the words an untyped name opens at (merged
    /// into `buffer` when there are brands).
    pub(super) fn name_or_brand<'s>(&'s self, buffer: &'s mut Vec<u32>) -> &'s [u32] {
        if self.brands.is_empty() {
            return &self.name_words;
        }
        merge_into(&self.name_words, &self.brands, buffer);
        buffer
    }

    /// Name words and the words a title or role starts at, in order.
    pub(super) fn name_or_title(&self) -> impl Iterator<Item = usize> + '_ {
        merged(&self.name_words, &self.titles)
    }
}

impl Drop for Candidates {
    fn drop(&mut self) {
        use std::mem::take;
        let [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10] = take(&mut self.marked);
        let lists = [
            take(&mut self.caps),
            take(&mut self.cap_keys),
            take(&mut self.name_words),
            take(&mut self.brands),
            take(&mut self.titles),
            take(&mut self.loose),
            m0,
            m1,
            m2,
            m3,
            m4,
            m5,
            m6,
            m7,
            m8,
            m9,
            m10,
        ];
        // (At a thread's end the spare is gone: the lists are dropped.)
        let _ = SPARE.try_with(|spare| spare.set(Spare(lists)));
    }
}

/// A capitalised word's first and last bytes (their low six bits), its
/// length (up to 63) and whether it has a hyphen or is written in
/// capitals, in one number: the rules that look for words of a few known first bytes and
/// lengths (name parts, established names) turn most capitalised words
/// away by this alone, without reading the word or its token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct CapKey(u32);

impl CapKey {
    const HYPHEN: u32 = 1 << 12;
    const ALL_CAPS: u32 = 1 << 13;

    pub(super) fn new(
        first_byte: u8,
        last_byte: u8,
        len: usize,
        hyphen: bool,
        all_caps: bool,
    ) -> CapKey {
        CapKey(
            (len.min(63) as u32)
                | (u32::from(first_byte & 63) << 6)
                | (u32::from(hyphen) * CapKey::HYPHEN)
                | (u32::from(all_caps) * CapKey::ALL_CAPS)
                | (u32::from(last_byte & 63) << 14),
        )
    }

    /// The word's length in bytes, 63 for 63 and more.
    #[inline]
    pub(super) fn len(self) -> u32 {
        self.0 & 63
    }

    /// The low six bits of the word's first byte.
    #[inline]
    pub(super) fn first_byte_low(self) -> usize {
        (self.0 >> 6 & 63) as usize
    }

    /// The low six bits of the word's last byte.
    #[inline]
    pub(super) fn last_byte_low(self) -> u32 {
        self.0 >> 14 & 63
    }

    /// A hyphen inside the word ([`Words::has_hyphen`]).
    #[inline]
    pub(super) fn hyphen(self) -> bool {
        self.0 & CapKey::HYPHEN != 0
    }

    /// Written in capitals ([`Words::is_all_caps`]).
    #[inline]
    pub(super) fn all_caps(self) -> bool {
        self.0 & CapKey::ALL_CAPS != 0
    }
}

/// The positions in `a` or in `b` (each in order), in order, into `out`
/// (cleared first).
pub(super) fn merge_into(a: &[u32], b: &[u32], out: &mut Vec<u32>) {
    out.clear();
    out.reserve(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        out.push(x.min(y));
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
}

/// The positions in `a` or in `b` (each in order), in order, once each,
/// as indices: [`merge_into`] read as it goes, without a list.
pub(super) fn merged<'l>(a: &'l [u32], b: &'l [u32]) -> impl Iterator<Item = usize> + 'l {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        let next = match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) => {
                i += usize::from(x <= y);
                j += usize::from(y <= x);
                x.min(y)
            }
            (Some(&x), None) => {
                i += 1;
                x
            }
            (None, Some(&y)) => {
                j += 1;
                y
            }
            (None, None) => return None,
        };
        Some(next as usize)
    })
}

/// The positions of `list` as indices.
pub(super) fn each(list: &[u32]) -> impl Iterator<Item = usize> + '_ {
    list.iter().map(|&k| k as usize)
}

impl<'a> Words<'_, 'a> {
    /// Word `i` is `w` (`word(i) == w`, its length compared first, the
    /// text read as bytes: most words are turned away unread).
    #[inline]
    pub(super) fn word_is(&self, i: usize, w: &str) -> bool {
        let t = &self.toks[i];
        t.end - t.start == w.len() && &self.doc.text.as_bytes()[t.start..t.end] == w.as_bytes()
    }

    /// The gap before token `i`, trimmed (`sep(i).trim()`): none when only
    /// spaces come between (most gaps), read without trimming.
    #[inline]
    pub(super) fn sep_trimmed(&self, i: usize) -> &'a str {
        if self.joined(i) {
            return "";
        }
        self.sep(i).trim()
    }

    /// Word `i` is one of `any` ([`Words::word_is`]).
    #[inline]
    pub(super) fn word_among(&self, i: usize, any: &[&str]) -> bool {
        any.iter().any(|w| self.word_is(i, w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;
    use crate::text::Doc;

    /// The trimmed gap read without trimming where words are joined is the
    /// trimmed gap, on every word of the fixture and development texts.
    #[test]
    fn gaps_trimmed_as_trim_reads_them() {
        let lex = &crate::lexicon::Lexicon::embedded().names;
        for text in crate::text::test_corpus::texts() {
            let doc = Doc::new(&text, false);
            let words = Words::new(&doc, Gazetteer::embedded(), lex, &[]);
            for i in 0..=words.toks.len() {
                assert_eq!(words.sep_trimmed(i), words.sep(i).trim(), "word {i}");
            }
        }
    }

    /// The lists hold the words their definitions pick, asked of every
    /// word, on the fixture and development texts (the walk turns most
    /// words away by one test of their bits).
    #[test]
    fn lists_hold_the_words_their_definitions_pick() {
        let lex = &crate::lexicon::Lexicon::embedded().names;
        for text in crate::text::test_corpus::texts() {
            let doc = Doc::new(&text, false);
            let words = Words::new(&doc, Gazetteer::embedded(), lex, &[]);
            let at = Candidates::new(&words);
            let n = words.toks.len() as u32;
            let pick = |on: &dyn Fn(usize) -> bool| (0..n).filter(|&k| on(k as usize)).collect();
            let want: Vec<u32> = pick(&|k| !words.joined(k) || k == 0);
            assert_eq!(at.loose, want);
            assert_eq!(at.caps, pick(&|k| words.is_cap(k)) as Vec<u32>);
            assert_eq!(at.name_words, pick(&|k| words.is_name_word(k)) as Vec<u32>);
            let brand = |k: usize| !words.is_name_word(k) && words.is_brand(k);
            assert_eq!(at.brands, pick(&brand) as Vec<u32>);
            let title = |k: usize| words.toks[k].bits().starts_title();
            assert_eq!(at.titles, pick(&title) as Vec<u32>);
            for (family, &(marks, capital)) in FAMILY_MARKS.iter().enumerate() {
                let on = |k: usize| {
                    let project = family == Marked::Projects as usize
                        && words.is_cap(k)
                        && words.word(k) == "Corridor";
                    (words.toks[k].bits().has(marks) && (words.is_cap(k) || !capital)) || project
                };
                assert_eq!(at.marked[family], pick(&on) as Vec<u32>, "family {family}");
            }
        }
    }

    /// Each capitalised word's key holds its first and last bytes' low
    /// bits, its length and its case facts, on the fixture and development
    /// texts.
    #[test]
    fn cap_keys_hold_what_the_words_say() {
        let lex = &crate::lexicon::Lexicon::embedded().names;
        for text in crate::text::test_corpus::texts() {
            let doc = Doc::new(&text, false);
            let words = Words::new(&doc, Gazetteer::embedded(), lex, &[]);
            let at = Candidates::new(&words);
            let keyed: Vec<usize> = at.caps_with_keys().map(|(k, _)| k).collect();
            assert_eq!(keyed, each(&at.caps).collect::<Vec<_>>());
            for (k, key) in at.caps_with_keys() {
                let w = words.word(k).as_bytes();
                assert_eq!(key.first_byte_low(), usize::from(w[0] & 63), "word {k}");
                assert_eq!(key.last_byte_low(), u32::from(w[w.len() - 1] & 63));
                assert_eq!(key.len() as usize, w.len().min(63));
                assert_eq!(key.hyphen(), words.has_hyphen(k));
                assert_eq!(key.all_caps(), words.is_all_caps(k));
            }
        }
    }

    /// The lazy merge yields what `merge_into` lists, over random lists.
    #[test]
    fn merged_as_merge_into_lists() {
        let mut next = super::super::spans::xorshift(0x1234_5678_9abc_def1);
        let mut list = |n: usize| {
            let mut l: Vec<u32> = (0..n).map(|_| next(60) as u32).collect();
            l.sort_unstable();
            l.dedup();
            l
        };
        for round in 0..500 {
            let (a, b) = (list(round % 17), list(round % 13));
            let mut want = Vec::new();
            merge_into(&a, &b, &mut want);
            let got: Vec<u32> = merged(&a, &b).map(|k| k as u32).collect();
            assert_eq!(got, want);
        }
    }
}
