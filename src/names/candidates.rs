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

use super::tokens::Words;
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
    /// Words that can be part of a name ([`Words::is_name_word`]).
    pub(super) name_words: Vec<u32>,
    /// Name words and brands ("eDonkey"): the words an untyped name opens
    /// at.
    pub(super) name_or_brand: Vec<u32>,
    /// Name words and the words a title or role starts at.
    pub(super) name_or_title: Vec<u32>,
    /// Words after a gap that is not only spaces (not
    /// [`Words::joined`]), the first word included.
    pub(super) loose: Vec<u32>,
    /// The words of each [`Marked`] family.
    marked: [Vec<u32>; FAMILIES],
}

impl Candidates {
    /// The candidates among `words`, in one walk.
    pub(super) fn new(words: &Words<'_, '_>) -> Candidates {
        let mut c = Candidates::default();
        for i in 0..words.toks.len() {
            let k = i as u32;
            let cap = words.is_cap(i);
            let name = words.is_name_word(i);
            if cap {
                c.caps.push(k);
            }
            if name {
                c.name_words.push(k);
            }
            if name || words.is_brand(i) {
                c.name_or_brand.push(k);
            }
            if name || words.title_at(i).is_some() {
                c.name_or_title.push(k);
            }
            if !words.joined(i) {
                c.loose.push(k);
            }
            if words.has(i, ANY_FAMILY) {
                for (list, &(marks, capital)) in c.marked.iter_mut().zip(&FAMILY_MARKS) {
                    if words.has(i, marks) && (cap || !capital) {
                        list.push(k);
                    }
                }
            }
            // (No mark for it: `heads::may_close_project` names it.)
            if cap && !words.has(i, mark::PROJECT_HEAD) && words.word(i) == "Corridor" {
                c.marked[Marked::Projects as usize].push(k);
            }
        }
        c
    }

    /// The words of a [`Marked`] family.
    pub(super) fn marked(&self, family: Marked) -> &[u32] {
        &self.marked[family as usize]
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

/// The positions of `list` as indices.
pub(super) fn each(list: &[u32]) -> impl Iterator<Item = usize> + '_ {
    list.iter().map(|&k| k as usize)
}
