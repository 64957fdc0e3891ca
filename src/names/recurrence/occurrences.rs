//! Where the established names occur: at the token starts whose word is a
//! name's first word, as written or (for wire headlines) in ASCII capitals.
//!
//! The names are grouped by their first word in one list sorted by that
//! word (a group is a run of it, found by a binary search): no map and no
//! list per group to build and free for each article.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::hash::PolyBuild;

use super::super::candidates::{Candidates, CapKey};
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
    // The lengths of those first words by their first byte, and a filter
    // on their lengths and first and last bytes: most tokens are ruled out
    // before any search.
    let mut starts = Openers::default();
    let mut filter = WordFilter::default();
    for &Entry { word: first, .. } in &by_first.entries {
        starts.add(first.as_bytes(), false);
        filter.add(first.as_bytes());
    }
    let capitals = CapitalGroups::new(names);
    let mut capital_groups = None;
    // A word that starts with an ASCII capital is capitalised: when every
    // first word does (in capitals too), only the capitalised words can
    // start a name.
    let only_capitalised = starts.all_capitalised() && capitals.all_capitalised();
    let bytes = text.as_bytes();
    // (Each name occurs once at least, where it was chosen: room for two
    // occurrences a name, up to a small allocation.)
    let mut out: Vec<(usize, usize)> = Vec::with_capacity((2 * names.len()).min(48));
    let mut upper = String::new();
    let mut visit = |k: usize| {
        let t = words.toks[k];
        if words.is_all_caps(k) {
            let w = words.word(k);
            if w.is_ascii() {
                let first = before_hyphen(w);
                if let Some(group) = capitals.group(&mut capital_groups, names, first) {
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
        if !starts.may_open(bytes[t.start], t.end - t.start, hyphen) {
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
    // Most words are turned away by their first byte, their length and
    // their case, read from the token without slicing the word, in a tight
    // loop; the others are visited.
    let may_open = |k: usize| {
        let t = &words.toks[k];
        let (b, len, hyphen) = (bytes[t.start], t.end - t.start, words.has_hyphen(k));
        // (Without a hyphen, the word is its first part: the filter on
        // first words answers for it.)
        (starts.may_open(b, len, hyphen) && (hyphen || filter.may_hold(&bytes[t.start..t.end])))
            || (words.is_all_caps(k) && capitals.starts.may_open(b, len, hyphen))
    };
    if only_capitalised {
        for (k, key) in at.caps_with_keys() {
            if starts.may_open_key(key) || (key.all_caps() && capitals.starts.may_open_key(key)) {
                count_steps(1);
                visit(k);
            }
        }
    } else {
        for k in 0..words.toks.len() {
            if may_open(k) {
                count_steps(1);
                visit(k);
            }
        }
    }
    out
}

/// The lengths of a set of words by their first byte, and their pairs of
/// first and last bytes: whether a word may be one of them (or, with a
/// hyphen, may open with one), told by those bytes and its length alone.
struct Openers {
    /// Per first byte's low six bits, the lengths (bits, the last for 63
    /// and more). (Bytes that share their low bits share lengths: that only
    /// lets more words through; the table stays small to clear per article.)
    lengths: [u64; 64],
    /// Per first byte's low six bits, the last bytes' low six bits.
    last_bytes: [u64; 64],
    /// Every word added starts with an ASCII capital.
    capitalised: bool,
}

impl Default for Openers {
    fn default() -> Openers {
        Openers {
            lengths: [0; 64],
            last_bytes: [0; 64],
            capitalised: true,
        }
    }
}

impl Openers {
    /// Let `w` through (in ASCII capitals when `capitals`: its bytes
    /// upper-cased). An empty word is never asked for.
    fn add(&mut self, w: &[u8], capitals: bool) {
        let upper = |b: u8| if capitals { b.to_ascii_uppercase() } else { b };
        if let (Some(&first), Some(&last)) = (w.first(), w.last()) {
            let (first, last) = (upper(first), upper(last));
            self.lengths[usize::from(first & 63)] |= 1 << w.len().min(63);
            self.last_bytes[usize::from(first & 63)] |= 1 << (last & 63);
            self.capitalised &= first.is_ascii_uppercase();
        }
    }

    /// A word of `len` bytes starting with byte `b` may be one of the
    /// words; or, with a `hyphen` in it, may start with one.
    #[inline]
    fn may_open(&self, b: u8, len: usize, hyphen: bool) -> bool {
        let lengths = self.lengths[usize::from(b & 63)];
        if hyphen {
            lengths != 0
        } else {
            lengths & (1 << len.min(63)) != 0
        }
    }

    /// The capitalised word of `key` may be one of the words (its length,
    /// first and last bytes agree); or, with a hyphen, may start with one.
    #[inline]
    fn may_open_key(&self, key: CapKey) -> bool {
        let first = key.first_byte_low();
        if key.hyphen() {
            return self.lengths[first] != 0;
        }
        self.lengths[first] & (1 << key.len()) != 0
            && self.last_bytes[first] & (1 << key.last_byte_low()) != 0
    }

    /// Every word starts with an ASCII capital.
    fn all_capitalised(&self) -> bool {
        self.capitalised
    }
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
/// groups are made at the first word in capitals that may open one (kept
/// by the caller): the first words' lengths and first bytes turn most away
/// before.
struct CapitalGroups {
    /// Some name has a group.
    any: bool,
    /// Some group's key is empty.
    empty: bool,
    /// The first words' lengths by their first byte, in capitals.
    starts: Openers,
}

/// The groups of [`CapitalGroups`] and a filter on their keys (in
/// capitals), once made.
type MadeGroups<'n> = Option<(Groups<'n>, WordFilter)>;

impl CapitalGroups {
    fn new(names: &[(&str, KnownName)]) -> CapitalGroups {
        let mut capitals = CapitalGroups {
            any: false,
            empty: false,
            starts: Openers::default(),
        };
        for first in CapitalGroups::first_words(names).map(|(_, first)| first) {
            capitals.any = true;
            capitals.empty |= first.is_empty();
            capitals.starts.add(first.as_bytes(), true);
        }
        capitals
    }

    /// The names that have a group, and their first words.
    fn first_words<'a, 'n>(
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
        self.starts.all_capitalised() && !(self.any && self.empty)
    }

    /// The group of the names whose first word is `first` (an ASCII word
    /// in capitals), if any; the groups are made in `made` on first use.
    fn group<'g, 'n>(
        &self,
        made: &'g mut MadeGroups<'n>,
        names: &[(&'n str, KnownName)],
        first: &str,
    ) -> Option<Group<'g, 'n>> {
        let b = *first.as_bytes().first()?;
        if !self.any || !self.starts.may_open(b, first.len(), false) {
            return None;
        }
        let (groups, filter) = made.get_or_insert_with(|| {
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
    use super::super::super::candidates::each;
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
            for cut in [names.len(), names.len() / 3, 20, 5, 1] {
                let names = &names[..cut.min(names.len())];
                let mut want = old_occurrences::occurrences(&words, &at, names);
                let mut got = occurrences(&words, &at, names);
                want.sort_unstable();
                got.sort_unstable();
                assert_eq!(got, want, "{} names", names.len());
            }
        }
    }

    /// The capitalised words whose first and last bytes and length match
    /// no name's first word are turned away by their keys alone: an
    /// article of many capitalised words and two names visits a few words,
    /// not every capitalised one.
    #[test]
    fn words_no_name_opens_are_not_visited() {
        let mut text = String::new();
        for k in 0..2000 {
            let letter = |d: usize| char::from(b'a' + (k / d % 26) as u8);
            text.push_str(&format!(
                "Officials of Qu{}{}{}x Vexing met. ",
                letter(676),
                letter(26),
                letter(1)
            ));
            if k % 100 == 0 {
                text.push_str("Acme Holdings and Zeta Group said so. ");
            }
        }
        let lex = &crate::lexicon::Lexicon::embedded().names;
        let doc = Doc::new(&text, false);
        let words = Words::new(&doc, Gazetteer::embedded(), lex, &[]);
        let at = Candidates::new(&words);
        let known = KnownName {
            kind: EntityType::Organization,
            canonical: None,
            entry: None,
        };
        let names = [("Acme Holdings", known.clone()), ("Zeta Group", known)];
        use super::super::super::spans::tests::STEPS as steps;
        steps.with(|s| s.set(0));
        let found = occurrences(&words, &at, &names);
        let visits = steps.with(std::cell::Cell::get);
        assert_eq!(found.len(), 2 * 20);
        assert!(at.caps.len() > 6000, "{} capitalised words", at.caps.len());
        // (Each name's word is visited, and its group's one member
        // compared: two steps per occurrence.)
        assert!(visits <= 2 * found.len(), "{visits} steps");
    }
}
