//! The occurrence search as it was before the names were grouped in one
//! sorted list (a hash map of per-group lists), kept as the oracle of the
//! differential test in `occurrences.rs`.

use std::collections::HashMap;

use crate::hash::PolyBuild;

use super::super::candidates::{each, Candidates};
use super::super::spans::count_steps;
use super::super::tokens::Words;
use super::super::word_sets::WordFilter;
use super::KnownName;

/// Where each of `names` occurs at a token start, as (index into `names`,
/// byte offset).
#[inline(never)]
pub(super) fn occurrences(
    words: &Words<'_, '_>,
    at: &Candidates,
    names: &[(&str, KnownName)],
) -> Vec<(usize, usize)> {
    let text = words.doc.text;
    if names.is_empty() {
        return Vec::new();
    }
    // Names by their first word: each token is checked against the names
    // that start with it, which keeps this pass linear in the text.
    let mut by_first: HashMap<&str, Group, PolyBuild> = HashMap::default();
    for (n, (name, _)) in names.iter().enumerate() {
        let first = name.split([' ', '-']).next().unwrap_or(name);
        by_first.entry(first).or_default().members.push(n);
    }
    by_first.values_mut().for_each(|g| g.index(names, false));
    // The first bytes those first words start with, and a filter on their
    // lengths and first and last bytes: most tokens are ruled out before
    // any hashing.
    let mut first_bytes = [false; 256];
    for first in by_first.keys() {
        if let Some(&b) = first.as_bytes().first() {
            first_bytes[usize::from(b)] = true;
        }
    }
    let filter = WordFilter::new(by_first.keys().copied());
    let mut capitals = CapitalGroups::new(names);
    let bytes = text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut upper = String::new();
    // A word that starts with an ASCII capital is capitalised: when every
    // first word does (in capitals too), only the capitalised words can
    // start a name.
    let only_capitalised = first_bytes[..usize::from(b'A')].iter().all(|&b| !b)
        && first_bytes[usize::from(b'Z') + 1..].iter().all(|&b| !b)
        && capitals.all_capitalised();
    let all: Vec<u32>;
    let seen: &[u32] = if only_capitalised {
        &at.caps
    } else {
        all = (0..words.toks.len() as u32).collect();
        &all
    };
    for k in each(seen) {
        let t = &words.toks[k];
        // (Most tokens are turned away by their first byte, read without
        // slicing the word.)
        let caps = words.is_all_caps(k);
        if !caps && !first_bytes[usize::from(bytes[t.start])] {
            continue;
        }
        let w = words.word(k);
        if caps && w.is_ascii() {
            let first = w.split('-').next().unwrap_or(w);
            if let Some(group) = capitals.group(names, first) {
                group.spelled_at(names, text, t.start, &mut upper, |n| {
                    if names[n].0 != first {
                        out.push((n, t.start));
                    }
                });
            }
        }
        // (A token is never empty, nor its first part.)
        if !first_bytes[usize::from(w.as_bytes()[0])] {
            continue;
        }
        let first = if words.has_hyphen(k) {
            w.split('-').next().unwrap_or(w)
        } else {
            w
        };
        if !filter.may_hold(first) {
            continue;
        }
        if let Some(group) = by_first.get(first) {
            group.written_at(names, text, t.start, |n| out.push((n, t.start)));
        }
    }
    out
}

/// The established ASCII names by their first word in ASCII capitals, for
/// the ALL-CAPS words (wire headlines: "REAGAN", "PAINEWEBBER") to meet the
/// names they spell, case aside (ASCII names only, so lengths agree). The
/// groups are made at the first word in capitals that may open one: the
/// first words' lengths and first bytes turn most away before.
struct CapitalGroups {
    /// Some name has a group.
    any: bool,
    /// The first words' lengths (bits, the last for 63 and more) and first
    /// bytes, in capitals.
    lengths: u64,
    first_bytes: [bool; 256],
    /// The groups and a filter on their keys, once made.
    groups: Option<(HashMap<String, Group, PolyBuild>, WordFilter)>,
}

impl CapitalGroups {
    fn new(names: &[(&str, KnownName)]) -> CapitalGroups {
        let mut capitals = CapitalGroups {
            any: false,
            lengths: 0,
            first_bytes: [false; 256],
            groups: None,
        };
        for first in CapitalGroups::first_words(names).map(|(_, first)| first) {
            capitals.any = true;
            capitals.lengths |= 1 << first.len().min(63);
            if let Some(&b) = first.as_bytes().first() {
                capitals.first_bytes[usize::from(b.to_ascii_uppercase())] = true;
            }
        }
        capitals
    }

    /// The names that have a group, and their first words.
    fn first_words<'n>(
        names: &'n [(&str, KnownName)],
    ) -> impl Iterator<Item = (usize, &'n str)> + 'n {
        names
            .iter()
            .enumerate()
            .filter(|(_, (name, _))| name.is_ascii() && name.len() >= 3)
            .map(|(n, (name, _))| (n, name.split([' ', '-']).next().unwrap_or(name)))
    }

    /// Every group's key starts with an ASCII capital.
    fn all_capitalised(&self) -> bool {
        self.first_bytes
            .iter()
            .enumerate()
            .all(|(b, &on)| !on || (b as u8).is_ascii_uppercase())
            && !(self.any && self.lengths & 1 != 0)
    }

    /// The group of the names whose first word is `first` (an ASCII word
    /// in capitals), if any.
    fn group(&mut self, names: &[(&str, KnownName)], first: &str) -> Option<&Group> {
        let b = *first.as_bytes().first()?;
        if !self.any
            || self.lengths & (1 << first.len().min(63)) == 0
            || !self.first_bytes[usize::from(b)]
        {
            return None;
        }
        let (groups, filter) = self.groups.get_or_insert_with(|| {
            let mut groups: HashMap<String, Group, PolyBuild> = HashMap::default();
            for (n, first) in CapitalGroups::first_words(names) {
                groups
                    .entry(first.to_ascii_uppercase())
                    .or_default()
                    .members
                    .push(n);
            }
            groups.values_mut().for_each(|g| g.index(names, true));
            let filter = WordFilter::new(groups.keys().map(String::as_str));
            (groups, filter)
        });
        if !filter.may_hold(first) {
            return None;
        }
        groups.get(first)
    }
}

/// Groups of more names than this are looked up by length and text rather
/// than compared name by name.
const SCAN_GROUP: usize = 8;

/// The established names that start with one first word.
#[derive(Default)]
struct Group {
    /// Indices into `names`.
    members: Vec<usize>,
    /// For a large group, the members by their text.
    by_text: Option<ByText>,
}

/// A large group's members by their text (in ASCII capitals for the
/// ALL-CAPS groups), and their distinct lengths: a token start is looked up
/// once per length, however many names share the first word ("Institute of
/// …" for a thousand institutes).
struct ByText {
    lengths: Vec<usize>,
    members: HashMap<String, Vec<usize>, PolyBuild>,
}

impl Group {
    /// Index the members of a large group by their text.
    fn index(&mut self, names: &[(&str, KnownName)], capitals: bool) {
        if self.members.len() <= SCAN_GROUP {
            return;
        }
        let mut lengths: Vec<usize> = self.members.iter().map(|&n| names[n].0.len()).collect();
        lengths.sort_unstable();
        lengths.dedup();
        let mut members: HashMap<String, Vec<usize>, PolyBuild> = HashMap::default();
        for &n in &self.members {
            let key = if capitals {
                names[n].0.to_ascii_uppercase()
            } else {
                names[n].0.to_owned()
            };
            members.entry(key).or_default().push(n);
        }
        self.by_text = Some(ByText { lengths, members });
    }

    /// Each member written at `pos` (`text[pos..]` starts with it).
    fn written_at(
        &self,
        names: &[(&str, KnownName)],
        text: &str,
        pos: usize,
        mut found: impl FnMut(usize),
    ) {
        let Some(ByText { lengths, members }) = &self.by_text else {
            for &n in &self.members {
                count_steps(1);
                if text[pos..].starts_with(names[n].0) {
                    found(n);
                }
            }
            return;
        };
        for &len in lengths {
            count_steps(1);
            let written = text.get(pos..pos + len);
            // (Names are distinct: one member at most per length.)
            if let Some(list) = written.and_then(|s| members.get(s)) {
                list.iter().for_each(|&n| found(n));
            }
        }
    }

    /// Each member (an ASCII name) spelled at `pos` in any case;
    /// `upper` is a buffer.
    fn spelled_at(
        &self,
        names: &[(&str, KnownName)],
        text: &str,
        pos: usize,
        upper: &mut String,
        mut found: impl FnMut(usize),
    ) {
        let Some(ByText { lengths, members }) = &self.by_text else {
            for &n in &self.members {
                count_steps(1);
                let name = names[n].0;
                let spelled = text.get(pos..pos + name.len());
                if spelled.is_some_and(|s| s.eq_ignore_ascii_case(name)) {
                    found(n);
                }
            }
            return;
        };
        for &len in lengths {
            count_steps(1);
            let Some(spelled) = text.get(pos..pos + len) else {
                continue;
            };
            upper.clear();
            upper.push_str(spelled);
            upper.make_ascii_uppercase();
            if let Some(list) = members.get(upper.as_str()) {
                list.iter().for_each(|&n| found(n));
            }
        }
    }
}
