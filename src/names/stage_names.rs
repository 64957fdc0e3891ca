//! People named by names no list holds: a nickname inside a full name
//! ("Marion "Suge" Knight"), and a single name that the text shows is a
//! person's ("sign Juninho", "Juninho's career", "Juninho, 31,"). Once
//! found, recurrence finds the name everywhere else in the article.

use std::collections::HashMap;

use super::candidates::{each, Candidates, Marked};
use super::people::{lone_word, person};
use super::spans::{Chosen, Priority, Span};
use super::tokens::Words;
use super::word_sets::WordFilter;
use crate::hash::PolyBuild;

/// "Marion "Suge" Knight": a given name, a quoted nickname and a surname
/// are one name, quotes and all.
#[inline(never)]
pub(super) fn nicknames(words: &Words<'_, '_>, at: &Candidates, spans: &mut Vec<Span>) {
    let n = words.toks.len();
    for i in each(at.marked(Marked::FirstNames)).take_while(|&i| i + 2 < n) {
        if words.capitals_mute(i) {
            continue;
        }
        let open = words.sep(i + 1);
        let close = words.sep(i + 2);
        let quoted = matches!(open, " \"" | " “" | " '" | " ‘")
            && matches!(close, "\" " | "” " | "' " | "’ ");
        if !quoted || !words.is_name_word(i + 1) || !words.is_name_word(i + 2) {
            continue;
        }
        let Some(ne) = words.name_at(i + 2) else {
            continue;
        };
        if (i + 2..ne).any(|k| words.gaz_blocks_name(k)) {
            continue;
        }
        let mut p = person(words, i, ne, "rule:nickname");
        p.priority = Priority::Defined;
        spans.push(p);
    }
}

/// Single names no list holds, used at least twice and once with a cue that
/// only a person fits: a possessive person noun ("X's career"), an age in
/// commas ("X, 31,"), and in a sports report the object of "sign" or the
/// subject of "was signed".
#[inline(never)]
pub(super) fn cued_single_names(
    words: &Words<'_, '_>,
    at: &Candidates,
    chosen: &Chosen<'_>,
    sport: bool,
    extra: &mut Vec<Span>,
) {
    // The lone words (a lone word is a name word: only those are visited),
    // and those with a cue. A word is named only if one of its uses has a
    // cue: the uses are counted only when some word has one, and only of
    // the cued words (most articles have none).
    let (mut lone_words, mut cued) = (Vec::new(), Vec::new());
    for i in each(&at.name_words) {
        if !lone_word(words, chosen, i) {
            continue;
        }
        lone_words.push(i);
        if !words.capitals_mute(i) && person_cue(words, i, sport) {
            cued.push(i);
        }
    }
    if cued.is_empty() {
        return;
    }
    let mut tally = Tally::of(words, &cued);
    tally.count(words, &lone_words);
    tally.name(words);
    for i in lone_words {
        if tally.named(words.word(i)) && !words.is_initial(i) && !words.capitals_mute(i) {
            extra.push(person(words, i, i + 1, "rule:single-name"));
        }
    }
}

/// The uses of a few words of the text (the cued ones) among many (the
/// lone words): a filter turns most words away before any hashing.
pub(super) struct Tally<'a> {
    filter: WordFilter,
    uses: HashMap<&'a str, Uses, PolyBuild>,
}

/// A tallied word's uses.
#[derive(Clone, Copy, Default)]
struct Uses {
    count: usize,
    /// Its first use.
    first: usize,
    /// Never named (a part of a person's name written in full).
    excluded: bool,
    named: bool,
}

impl<'a> Tally<'a> {
    /// No uses yet of the words of tokens `keys`.
    pub(super) fn of(words: &Words<'_, 'a>, keys: &[usize]) -> Tally<'a> {
        let mut filter = WordFilter::default();
        let mut uses = HashMap::with_capacity_and_hasher(keys.len(), PolyBuild::default());
        for &k in keys {
            let w = words.word(k);
            filter.add(w.as_bytes());
            uses.insert(w, Uses::default());
        }
        Tally { filter, uses }
    }

    fn get(&self, w: &str) -> Option<&Uses> {
        if !self.filter.may_hold(w) {
            return None;
        }
        self.uses.get(w)
    }

    fn get_mut(&mut self, w: &str) -> Option<&mut Uses> {
        if !self.filter.may_hold(w) {
            return None;
        }
        self.uses.get_mut(w)
    }

    /// `w`, if tallied, is never named.
    pub(super) fn exclude(&mut self, w: &str) {
        if let Some(u) = self.get_mut(w) {
            u.excluded = true;
        }
    }

    /// Count the uses at tokens `at` (in text order).
    pub(super) fn count(&mut self, words: &Words<'_, 'a>, at: &[usize]) {
        for &i in at {
            if let Some(u) = self.get_mut(words.word(i)) {
                if u.count == 0 {
                    u.first = i;
                }
                u.count += 1;
            }
        }
    }

    /// Name the words used at least twice, not excluded, whose first use
    /// is no ordinary word of the text ([`Words::is_common_word`]).
    pub(super) fn name(&mut self, words: &Words<'_, 'a>) {
        for u in self.uses.values_mut() {
            u.named = u.count >= 2 && !u.excluded && !words.is_common_word(u.first);
        }
    }

    /// `w` is a named word.
    pub(super) fn named(&self, w: &str) -> bool {
        self.get(w).is_some_and(|u| u.named)
    }
}

/// A cue at token `i` that only a person's name fits.
pub(super) fn person_cue(words: &Words<'_, '_>, i: usize, sport: bool) -> bool {
    let n = words.toks.len();
    let next = |k: usize| (k < n && words.joined(k)).then(|| words.word(k));
    if words.toks[i].possessive
        && next(i + 1).is_some_and(|w| words.lex.cues.owned_by_people.contains(w))
    {
        return true;
    }
    // "X, 31,": an age in commas.
    if i + 1 < n && words.sep_trimmed(i + 1) == "," {
        let w = words.word(i + 1);
        let age = w.len() == 2 && w.chars().all(|c| c.is_ascii_digit()) && !w.starts_with('0');
        if age && i + 2 < n && words.sep_trimmed(i + 2) == "," {
            return true;
        }
    }
    if !sport {
        return false;
    }
    let object_of_sign =
        i > 0 && words.joined(i) && words.lex.cues.sign_verbs.contains(words.word(i - 1));
    let signed =
        next(i + 1).is_some_and(|w| matches!(w, "was" | "is")) && next(i + 2) == Some("signed");
    object_of_sign || signed
}
