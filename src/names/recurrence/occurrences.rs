//! Where the established names occur: at the token starts whose word is a
//! name's first word, as written or (for wire headlines) in ASCII capitals.
//!
//! The names are grouped by their first word in one list sorted by that
//! word (a group is a run of it, found by a binary search): no map and no
//! list per group to build and free for each article.

use std::cmp::Ordering;
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
    let by_first = Groups::new(
        names,
        names
            .iter()
            .enumerate()
            .map(|(n, (name, _))| (n, first_word(name))),
        false,
    );
    // The first bytes and the lengths of those first words, and a filter
    // on their lengths and first and last bytes: most tokens are ruled out
    // before any search.
    let mut first_bytes = [false; 256];
    let mut lengths = 0u64;
    let mut filter = WordFilter::default();
    for &Entry { word: first, .. } in &by_first.entries {
        if let Some(&b) = first.as_bytes().first() {
            first_bytes[usize::from(b)] = true;
        }
        lengths |= 1 << first.len().min(63);
        filter.add(first.as_bytes());
    }
    let mut capitals = CapitalGroups::new(names);
    // A word that starts with an ASCII capital is capitalised: when every
    // first word does (in capitals too), only the capitalised words can
    // start a name.
    let only_capitalised = first_bytes[..usize::from(b'A')].iter().all(|&b| !b)
        && first_bytes[usize::from(b'Z') + 1..].iter().all(|&b| !b)
        && capitals.all_capitalised();
    let bytes = text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut upper = String::new();
    let mut visit = |k: usize| {
        let t = words.toks[k];
        // (Most tokens are turned away by their first byte and their
        // length, read without slicing the word.)
        let head = first_bytes[usize::from(bytes[t.start])];
        if words.is_all_caps(k) {
            let w = words.word(k);
            if w.is_ascii() {
                let first = before_hyphen(w);
                if let Some(group) = capitals.group(names, first) {
                    group.spelled_at(names, text, t.start, &mut upper, |n| {
                        if names[n].0 != first {
                            out.push((n, t.start));
                        }
                    });
                }
            }
        }
        let hyphen = words.has_hyphen(k);
        // (Without a hyphen, the word is its first part.)
        if !head || (!hyphen && lengths & (1 << (t.end - t.start).min(63)) == 0) {
            return;
        }
        let w = words.word(k);
        let first = if hyphen { before_hyphen(w) } else { w };
        if !filter.may_hold(first) {
            return;
        }
        if let Some(group) = by_first.find(first) {
            group.written_at(names, text, t.start, |n| out.push((n, t.start)));
        }
    };
    if only_capitalised {
        each(&at.caps).for_each(&mut visit);
    } else {
        (0..words.toks.len()).for_each(&mut visit);
    }
    out
}

/// A word up to its first hyphen.
fn before_hyphen(w: &str) -> &str {
    match w.bytes().position(|b| b == b'-') {
        Some(end) => &w[..end],
        None => w,
    }
}

/// A name's first word: up to its first space or hyphen.
fn first_word(name: &str) -> &str {
    match name.bytes().position(|b| b == b' ' || b == b'-') {
        Some(end) => &name[..end],
        None => name,
    }
}

/// The established ASCII names by their first word in ASCII capitals, for
/// the ALL-CAPS words (wire headlines: "REAGAN", "PAINEWEBBER") to meet the
/// names they spell, case aside (ASCII names only, so lengths agree). The
/// groups are made at the first word in capitals that may open one: the
/// first words' lengths and first bytes turn most away before.
struct CapitalGroups<'n> {
    /// Some name has a group.
    any: bool,
    /// The first words' lengths (bits, the last for 63 and more) and first
    /// bytes, in capitals.
    lengths: u64,
    first_bytes: [bool; 256],
    /// The groups and a filter on their keys (in capitals), once made.
    groups: Option<(Groups<'n>, WordFilter)>,
}

impl<'n> CapitalGroups<'n> {
    fn new(names: &[(&'n str, KnownName)]) -> CapitalGroups<'n> {
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
    fn first_words<'a>(
        names: &'a [(&'n str, KnownName)],
    ) -> impl Iterator<Item = (usize, &'n str)> + 'a {
        names
            .iter()
            .enumerate()
            .filter(|(_, (name, _))| name.is_ascii() && name.len() >= 3)
            .map(|(n, (name, _))| (n, first_word(name)))
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
    fn group(&mut self, names: &[(&'n str, KnownName)], first: &str) -> Option<Group<'_, 'n>> {
        let b = *first.as_bytes().first()?;
        if !self.any
            || self.lengths & (1 << first.len().min(63)) == 0
            || !self.first_bytes[usize::from(b)]
        {
            return None;
        }
        let (groups, filter) = self.groups.get_or_insert_with(|| {
            let groups = Groups::new(names, CapitalGroups::first_words(names), true);
            let mut filter = WordFilter::default();
            let mut key = Vec::new();
            for &Entry { word: first, .. } in &groups.entries {
                key.clear();
                key.extend(first.bytes().map(|b| b.to_ascii_uppercase()));
                filter.add(&key);
            }
            (groups, filter)
        });
        if !filter.may_hold(first) {
            return None;
        }
        groups.find(first)
    }
}

/// Groups of more names than this are looked up by length and text rather
/// than compared name by name.
const SCAN_GROUP: usize = 8;

/// The established names by their first word: one list sorted by the
/// word, a group a run of it.
struct Groups<'n> {
    /// The names by their key (the first word, or the first word in ASCII
    /// capitals) and then by index.
    entries: Vec<Entry<'n>>,
    /// The key is the word in ASCII capitals.
    capitals: bool,
    /// The large groups' members by their text: (the group's first entry,
    /// its index), by entry.
    large: Vec<(u32, ByText)>,
}

/// A name of [`Groups`].
struct Entry<'n> {
    /// The key's length and first seven bytes ([`prefix`]): most words
    /// are told apart by it alone.
    prefix: u64,
    /// The first word as the name writes it.
    word: &'n str,
    /// The name's index in `names`.
    name: u32,
}

/// One group of [`Groups`].
struct Group<'g, 'n> {
    members: &'g [Entry<'n>],
    /// For a large group, the members by their text.
    by_text: Option<&'g ByText>,
}

/// A large group's members by their text (in ASCII capitals for the
/// ALL-CAPS groups), and their distinct lengths: a token start is looked up
/// once per length, however many names share the first word ("Institute of
/// …" for a thousand institutes).
struct ByText {
    lengths: Vec<usize>,
    members: HashMap<String, Vec<usize>, PolyBuild>,
}

impl<'n> Groups<'n> {
    /// The names `(index, first word)` grouped; the words in ASCII capitals
    /// when `capitals`.
    fn new(
        names: &[(&str, KnownName)],
        firsts: impl Iterator<Item = (usize, &'n str)>,
        capitals: bool,
    ) -> Groups<'n> {
        let mut entries: Vec<Entry<'n>> = firsts
            .map(|(n, word)| Entry {
                prefix: prefix(word.as_bytes(), capitals),
                word,
                name: n as u32,
            })
            .collect();
        entries.sort_unstable_by(|a, b| {
            (a.prefix.cmp(&b.prefix))
                .then_with(|| key_order(a.word, b.word, capitals))
                .then(a.name.cmp(&b.name))
        });
        let mut groups = Groups {
            entries,
            capitals,
            large: Vec::new(),
        };
        let mut from = 0;
        while from < groups.entries.len() {
            let first = &groups.entries[from];
            let to = from
                + groups.entries[from..]
                    .iter()
                    .take_while(|e| {
                        e.prefix == first.prefix
                            && key_order(e.word, first.word, capitals) == Ordering::Equal
                    })
                    .count();
            if to - from > SCAN_GROUP {
                groups.large.push((
                    from as u32,
                    ByText::new(names, &groups.entries[from..to], capitals),
                ));
            }
            from = to;
        }
        groups
    }

    /// The group of the names whose key is `first`, if any.
    fn find(&self, first: &str) -> Option<Group<'_, 'n>> {
        // (The key's prefix of a word in capitals is the word's own.)
        let p = prefix(first.as_bytes(), false);
        let mut from = self.entries.partition_point(|e| e.prefix < p);
        let mut to = from + self.entries[from..].partition_point(|e| e.prefix == p);
        // A word of seven bytes or fewer is its prefix; a longer one is
        // told apart from the others of its prefix by its bytes.
        if first.len() > 7 && from < to {
            let run = &self.entries[from..to];
            let order = |e: &Entry<'_>| probe_order(e.word, first, self.capitals);
            let below = run.partition_point(|e| order(e) == Ordering::Less);
            let equal = run[below..].partition_point(|e| order(e) == Ordering::Equal);
            (from, to) = (from + below, from + below + equal);
        }
        if from == to {
            return None;
        }
        let by_text = if to - from > SCAN_GROUP {
            let k = self
                .large
                .binary_search_by_key(&(from as u32), |l| l.0)
                .ok()?;
            Some(&self.large[k].1)
        } else {
            None
        };
        Some(Group {
            members: &self.entries[from..to],
            by_text,
        })
    }
}

/// A word's length (up to 255) and first seven bytes (in ASCII capitals
/// when `capitals`) as one number: their order is the order of length,
/// then bytes, as far as they go.
fn prefix(w: &[u8], capitals: bool) -> u64 {
    let mut key = (w.len().min(255) as u64) << 56;
    for (k, &b) in w.iter().take(7).enumerate() {
        let b = if capitals { b.to_ascii_uppercase() } else { b };
        key |= u64::from(b) << (48 - 8 * k);
    }
    key
}

/// The order of two keys of [`Groups`] of the same [`prefix`]: by their
/// bytes (in ASCII capitals when `capitals`).
fn key_order(a: &str, b: &str, capitals: bool) -> Ordering {
    if capitals {
        let upper = |b: u8| b.to_ascii_uppercase();
        a.bytes().map(upper).cmp(b.bytes().map(upper))
    } else {
        a.as_bytes().cmp(b.as_bytes())
    }
}

/// The order of a key of [`Groups`] (`key`) and a probe word as written,
/// of the same [`prefix`]: the key in ASCII capitals when `capitals` (the
/// probe must then be written in capitals to equal it).
fn probe_order(key: &str, probe: &str, capitals: bool) -> Ordering {
    if capitals {
        key.bytes()
            .map(|b| b.to_ascii_uppercase())
            .cmp(probe.bytes())
    } else {
        key.as_bytes().cmp(probe.as_bytes())
    }
}

impl ByText {
    /// The members of a large group (entries of [`Groups`]) by their text,
    /// in ASCII capitals when `capitals`.
    fn new(names: &[(&str, KnownName)], group: &[Entry<'_>], capitals: bool) -> ByText {
        let mut lengths: Vec<usize> = group
            .iter()
            .map(|e| names[e.name as usize].0.len())
            .collect();
        lengths.sort_unstable();
        lengths.dedup();
        let mut members: HashMap<String, Vec<usize>, PolyBuild> = HashMap::default();
        for e in group {
            let (n, name) = (e.name, names[e.name as usize].0);
            let key = if capitals {
                name.to_ascii_uppercase()
            } else {
                name.to_owned()
            };
            members.entry(key).or_default().push(n as usize);
        }
        ByText { lengths, members }
    }
}

impl Group<'_, '_> {
    /// Each member written at `pos` (`text[pos..]` starts with it).
    fn written_at(
        &self,
        names: &[(&str, KnownName)],
        text: &str,
        pos: usize,
        mut found: impl FnMut(usize),
    ) {
        let Some(ByText { lengths, members }) = self.by_text else {
            for &Entry { name: n, .. } in self.members {
                count_steps(1);
                if text[pos..].starts_with(names[n as usize].0) {
                    found(n as usize);
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
        let Some(ByText { lengths, members }) = self.by_text else {
            for &Entry { name: n, .. } in self.members {
                count_steps(1);
                let name = names[n as usize].0;
                let spelled = text.get(pos..pos + name.len());
                if spelled.is_some_and(|s| s.eq_ignore_ascii_case(name)) {
                    found(n as usize);
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

#[cfg(test)]
mod tests {
    use super::super::old_occurrences;
    use super::*;
    use crate::gazetteer::Gazetteer;
    use crate::record::EntityType;
    use crate::text::Doc;

    /// Names cut from `text`'s words: runs of one to three words from
    /// every other capitalised word, some lower-case words, and the names
    /// in ASCII capitals; distinct, longest first (as `recurrences` asks).
    fn names_of<'t>(words: &Words<'_, 't>, at: &Candidates, text: &'t str) -> Vec<&'t str> {
        let toks = &words.toks;
        let mut names: Vec<&str> = Vec::new();
        for (j, k) in each(&at.caps).enumerate() {
            for m in 0..3 {
                if j % 2 == 0 && k + m < toks.len() {
                    names.push(&text[toks[k].start..toks[k + m].end]);
                }
            }
        }
        names.extend((0..toks.len()).step_by(7).map(|k| words.word(k)));
        names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        names.dedup();
        names
    }

    /// The occurrences found through one sorted list of groups are those
    /// the map of per-group lists found, on the fixture and development
    /// texts and on names that share a first word (large groups, in
    /// capitals too).
    #[test]
    fn sorted_groups_find_what_the_map_found() {
        let mut texts = crate::text::test_corpus::texts();
        let mut shared = String::new();
        for k in 0..40 {
            let letter = char::from(b'a' + (k % 26) as u8);
            shared.push_str(&format!("The Institute of Zorb{letter}{k} Studies said. "));
            shared.push_str(&format!(
                "INSTITUTE OF ZORB{}{k} STUDIES WINS. ",
                letter.to_ascii_uppercase()
            ));
        }
        shared.push_str("Zürich-based Anglo-Swiss de Gaulle eBay REUTERS-ANGLO ANGLO-SWISS. ");
        texts.push(shared);
        let lex = &crate::lexicon::Lexicon::embedded().names;
        for text in &texts {
            let doc = Doc::new(text, false);
            let words = Words::new(&doc, Gazetteer::embedded(), lex, &[]);
            let at = Candidates::new(&words);
            let known = KnownName {
                kind: EntityType::Organization,
                canonical: None,
                entry: None,
            };
            let names: Vec<(&str, KnownName)> = names_of(&words, &at, text)
                .into_iter()
                .map(|n| (n, known.clone()))
                .collect();
            for cut in [names.len(), names.len() / 3, 5, 1] {
                let names = &names[..cut.min(names.len())];
                let mut want = old_occurrences::occurrences(&words, &at, names);
                let mut got = occurrences(&words, &at, names);
                want.sort_unstable();
                got.sort_unstable();
                assert_eq!(got, want, "{} names", names.len());
            }
        }
    }
}
