//! Grouping candidate mentions into entities: which identity (gazetteer
//! key, lower-case form, canonical name) each mention has, and which group
//! holds it.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use crate::gazetteer::{resolve_keys, Gazetteer, KeyGroup};
use crate::hash::{Hashed, PolyBuild, PrehashedBuild};
use crate::lexicon::GazetteerCues;
use crate::names::Candidate;
use crate::record::EntityType;
use crate::text::Doc;

/// The mentions of one entity in the making.
pub(super) struct Group<'c> {
    pub(super) kind: EntityType,
    /// The gazetteer key, borrowed from the gazetteer until the entity is
    /// made.
    pub(super) key: Option<&'c str>,
    /// The candidate whose canonical name, given by a rule (an acronym's
    /// expansion), names the entity.
    pub(super) hint: Option<usize>,
    /// Its members' slots in the list of [`Grouped::members`]; empty until
    /// the groups are put in order ([`Grouping::into_groups`]).
    pub(super) members: Range<usize>,
}

/// The groups in order of first mention, and their members: the indexes
/// into the candidate list, each group's in order, one slice per group
/// (one list rather than a vector per group).
pub(super) struct Grouped<'c> {
    pub(super) groups: Vec<Group<'c>>,
    pub(super) members: Vec<usize>,
}

/// Which group an identity names, for one entity type. Two separate name
/// spaces: gazetteer keys, and lower-case surface forms or canonical names.
/// Keys are borrowed from the gazetteer and forms, when they are ASCII,
/// from the folded text: a mention allocates no identity. The forms are
/// the article's text, so the maps hash with [`PolyBuild`], which text
/// cannot make collide, at a third of SipHash's cost; each identity is
/// hashed once ([`Hashed`]) for its lookup and its insert.
#[derive(Default)]
struct GroupsByIdentity<'c> {
    keys: HashMap<Hashed<&'c str>, usize, PrehashedBuild>,
    names: HashMap<Name<'c>, usize, PrehashedBuild>,
}

/// A lower-case surface form or canonical name, hashed.
type Name<'c> = Hashed<Cow<'c, str>>;

impl<'c> GroupsByIdentity<'c> {
    /// Room for the identities of `mentions` mentions, so that the maps do
    /// not grow while the article is read.
    fn with_capacity(mentions: usize) -> GroupsByIdentity<'c> {
        GroupsByIdentity {
            keys: HashMap::with_capacity_and_hasher(mentions, PrehashedBuild::default()),
            names: HashMap::with_capacity_and_hasher(mentions, PrehashedBuild::default()),
        }
    }

    /// The groups a mention's identities name now: its gazetteer key, its
    /// canonical name and its surface form (both lower-case).
    fn look_up(
        &self,
        key: Option<&Hashed<&'c str>>,
        canonical: Option<&Name<'c>>,
        form: &Name<'c>,
    ) -> Named {
        Named {
            key: key.and_then(|k| self.keys.get(k)).copied(),
            canonical: canonical.and_then(|n| self.names.get(n)).copied(),
            form: self.names.get(form).copied(),
        }
    }

    /// Record each identity that names no group yet (`named` says which)
    /// for group `g`.
    fn insert_new(
        &mut self,
        named: &Named,
        key: Option<Hashed<&'c str>>,
        canonical: Option<Name<'c>>,
        form: Name<'c>,
        g: usize,
    ) {
        if let (Some(k), None) = (key, named.key) {
            self.keys.insert(k, g);
        }
        let same_form = canonical.as_ref() == Some(&form);
        if let (Some(n), None) = (canonical, named.canonical) {
            self.names.insert(n, g);
        }
        if named.form.is_none() && !same_form {
            self.names.insert(form, g);
        }
    }
}

/// The group each identity of one mention names, if any.
struct Named {
    key: Option<usize>,
    canonical: Option<usize>,
    form: Option<usize>,
}

impl Named {
    /// The group the mention joins by identity: its key's, else its
    /// canonical name's, else its form's.
    fn group(&self) -> Option<usize> {
        self.key.or(self.canonical).or(self.form)
    }
}

/// The slot of an entity type in [`Grouping::by_id`].
fn type_slot(kind: EntityType) -> usize {
    match kind {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        EntityType::Place => 2,
        EntityType::Nationality => 3,
    }
}

/// The length of the word gap at byte `i` of `b`: 1 for a space, 2 for a
/// no-break space (the pair C2 A0), else 0.
#[inline]
fn gap_at(b: &[u8], i: usize) -> usize {
    match b[i] {
        b' ' => 1,
        0xc2 if b.get(i + 1) == Some(&0xa0) => 2,
        _ => 0,
    }
}

/// The number of words of a name (split at spaces and no-break spaces, as
/// [`push_word_spans`]), counted up to two: 0, 1, or 2 for two or more.
/// Reads bytes: a no-break space is the pair C2 A0.
fn word_count(s: &str) -> u8 {
    let b = s.as_bytes();
    // Most names hold neither a space nor a byte C2: one word.
    if !b.iter().any(|&c| c == b' ' || c == 0xc2) {
        return u8::from(!b.is_empty());
    }
    let (mut count, mut in_word, mut i) = (0, false, 0);
    while i < b.len() {
        let gap = gap_at(b, i);
        if gap > 0 {
            in_word = false;
            i += gap;
        } else {
            if !in_word {
                count += 1;
                if count == 2 {
                    return 2;
                }
                in_word = true;
            }
            i += 1;
        }
    }
    count
}

/// Push the byte span (start, end) in `s` of each of its words (split at
/// spaces and no-break spaces, none empty) onto `out`.
fn push_word_spans(s: &str, out: &mut Vec<(usize, usize)>) {
    let b = s.as_bytes();
    let (mut start, mut i) = (None, 0);
    while i < b.len() {
        let gap = gap_at(b, i);
        if gap > 0 {
            if let Some(from) = start.take() {
                out.push((from, i));
            }
            i += gap;
        } else {
            start.get_or_insert(i);
            i += 1;
        }
    }
    if let Some(from) = start {
        out.push((from, b.len()));
    }
}

/// The sorted, non-overlapping `candidates` in groups, in order of first
/// mention, and each candidate's [`word_count`].
pub(super) fn group<'k>(
    doc: &'k Doc<'k>,
    gaz: &'k Gazetteer,
    cues: &'k GazetteerCues,
    candidates: &[Candidate],
) -> (Grouped<'k>, Vec<u8>) {
    let mut per_type = [0; 4];
    for c in candidates {
        per_type[type_slot(c.kind)] += 1;
    }
    let mut grouping = Grouping {
        doc,
        gaz,
        cues,
        candidates,
        word_counts: Vec::new(),
        words: Vec::new(),
        groups: Vec::with_capacity(candidates.len()),
        group_of: vec![None; candidates.len()],
        by_id: per_type.map(GroupsByIdentity::with_capacity),
        org_parts: HashMap::default(),
        build: PolyBuild::new(),
    };
    grouping.word_counts = (candidates.iter())
        .map(|c| word_count(&doc.text[c.start..c.end]))
        .collect();
    // Room for two runs of each organization name of several words (a
    // three-word name has two), so that the map seldom grows.
    let long_orgs = (candidates.iter().zip(&grouping.word_counts))
        .filter(|&(c, &n)| c.kind == EntityType::Organization && n == 2)
        .count();
    grouping.org_parts.reserve(2 * long_orgs);
    // One-word person mentions wait for pass 2: they link to a full name
    // that may come later in the article.
    for i in 0..candidates.len() {
        if !grouping.is_short_person(i) {
            grouping.add_mention(i);
        }
    }
    grouping.add_short_persons();
    let word_counts = std::mem::take(&mut grouping.word_counts);
    (grouping.into_groups(), word_counts)
}

/// The groups being built over the sorted candidates.
///
/// `'k` is the article's and the gazetteer's lifetime (what identities
/// borrow), `'c` the candidates'.
struct Grouping<'k, 'c> {
    doc: &'k Doc<'k>,
    gaz: &'k Gazetteer,
    /// The lexicon's gazetteer lists: corporate suffixes, key resolution.
    cues: &'k GazetteerCues,
    candidates: &'c [Candidate],
    /// Each candidate's [`word_count`].
    word_counts: Vec<u8>,
    /// The word spans of one name at a time ([`push_word_spans`]), kept
    /// for the next.
    words: Vec<(usize, usize)>,
    groups: Vec<Group<'k>>,
    group_of: Vec<Option<usize>>,
    /// Identity → group, per type (by [`type_slot`]). Looked up by `&str`,
    /// so no key is built for a lookup.
    by_id: [GroupsByIdentity<'k>; 4],
    /// Word runs that start or end an organization's name ("Oxus Society")
    /// → its group; the latest holder wins. Borrowed from the text when
    /// the name's words are one space apart.
    org_parts: HashMap<Name<'k>, usize, PrehashedBuild>,
    /// The hasher family of the identities (all maps hash alike).
    build: PolyBuild,
}

impl<'k, 'c> Grouping<'k, 'c> {
    fn text(&self, i: usize) -> &'k str {
        let c = &self.candidates[i];
        &self.doc.text[c.start..c.end]
    }

    /// The lower case (as `str::to_lowercase`) of the text at `r`: the
    /// folded text when it is ASCII (the same bytes), else a new string.
    fn lower(&self, r: std::ops::Range<usize>) -> Cow<'k, str> {
        let t = &self.doc.text[r.clone()];
        if t.is_ascii() {
            Cow::Borrowed(&self.doc.folded[r])
        } else {
            Cow::Owned(t.to_lowercase())
        }
    }

    fn is_short_person(&self, i: usize) -> bool {
        self.candidates[i].kind == EntityType::Person && self.word_counts[i] == 1
    }

    /// Pass 1: join candidate `i` to the group one of its identities names
    /// (or, for an organization, the group whose name it starts or ends),
    /// else open a group.
    fn add_mention(&mut self, i: usize) {
        let c = &self.candidates[i];
        let t = self.text(i);
        let slot = type_slot(c.kind);
        let gaz = self.gaz;
        let key = c.entry.map(|e| gaz.entries()[e as usize].key.as_str());
        let hashed_key = key.map(|k| Hashed::new(&self.build, k));
        let canonical = (c.canonical.as_deref())
            .map(|n| Hashed::new(&self.build, Cow::Owned(n.to_lowercase())));
        let form = Hashed::new(&self.build, self.lower(c.start..c.end));
        let named = self.by_id[slot].look_up(hashed_key.as_ref(), canonical.as_ref(), &form);
        let found = named.group();
        let short = || {
            (c.kind == EntityType::Organization && c.entry.is_none() && t.contains(' '))
                .then(|| {
                    let whole = Hashed::new(&self.build, Cow::Borrowed(t));
                    self.org_parts.get(&whole).copied().or_else(|| {
                        // "Aramco Corp" after "ARAMCO": the name with its
                        // legal form is the organization named without it
                        // (the key resolver's list of corporate suffixes).
                        let k = t.rfind(' ')?;
                        let suffix = self.lower(c.start + k + 1..c.end);
                        self.cues
                            .corporate_suffixes
                            .contains(&suffix)
                            .then_some(())?;
                        let base = Hashed::new(&self.build, self.lower(c.start..c.start + k));
                        self.by_id[slot].names.get(&base).copied()
                    })
                })
                .flatten()
        };
        let g = match found.or_else(short) {
            Some(g) => g,
            None => self.open(c.kind, key),
        };
        let group = &mut self.groups[g];
        if group.hint.is_none() && c.canonical.is_some() {
            group.hint = Some(i);
        }
        if group.key.is_none() {
            group.key = key;
        }
        self.group_of[i] = Some(g);
        if c.kind == EntityType::Organization && self.word_counts[i] == 2 {
            self.add_org_parts(t, g);
        }
        self.by_id[slot].insert_new(&named, hashed_key, canonical, form, g);
    }

    /// Record the leading and trailing word runs of organization name `t`
    /// (of group `g`) for later short forms; a run already held changes
    /// holder without a new key.
    fn add_org_parts(&mut self, t: &'k str, g: usize) {
        let mut w = std::mem::take(&mut self.words);
        w.clear();
        push_word_spans(t, &mut w);
        // Runs of two words or more, shorter than the name: three words at
        // least.
        if w.len() >= 3 {
            // Words one space apart: each run is a slice of the name.
            let spaced = w
                .windows(2)
                .all(|p| p[0].1 + 1 == p[1].0 && t.as_bytes()[p[0].1] == b' ');
            let mut run = String::new();
            for k in 2..w.len() {
                for part in [&w[..k], &w[w.len() - k..]] {
                    let (first, last) = (part[0], part[part.len() - 1]);
                    let key = if spaced {
                        Cow::Borrowed(&t[first.0..last.1])
                    } else {
                        run.clear();
                        for (n, &(start, end)) in part.iter().enumerate() {
                            if n > 0 {
                                run.push(' ');
                            }
                            run.push_str(&t[start..end]);
                        }
                        Cow::Owned(run.clone())
                    };
                    // A run already held keeps its key and changes holder.
                    self.org_parts.insert(Hashed::new(&self.build, key), g);
                }
            }
        }
        self.words = w;
    }

    /// A new, empty group.
    fn open(&mut self, kind: EntityType, key: Option<&'k str>) -> usize {
        self.groups.push(Group {
            kind,
            key,
            hint: None,
            members: 0..0,
        });
        self.groups.len() - 1
    }

    /// Pass 2: a given name or surname alone links to the nearest earlier
    /// full name holding it, else the nearest later one.
    fn add_short_persons(&mut self) {
        let short: Vec<usize> = (0..self.candidates.len())
            .filter(|&i| self.is_short_person(i))
            .collect();
        if short.is_empty() {
            return;
        }
        // The full names holding each short form, keyed lower-case:
        // "REAGAN" in a wire headline is Reagan's. Only the short forms
        // are keys, so a word no short form is costs no entry.
        let mut holders: HashMap<Name<'k>, Vec<usize>, PrehashedBuild> =
            HashMap::with_capacity_and_hasher(short.len(), PrehashedBuild::default());
        for &i in &short {
            let c = &self.candidates[i];
            let lower = Hashed::new(&self.build, self.lower(c.start..c.end));
            holders.entry(lower).or_default();
        }
        for (j, o) in self.candidates.iter().enumerate() {
            if o.kind == EntityType::Person && self.group_of[j].is_some() {
                let t = self.text(j);
                if self.word_counts[j] == 2 {
                    self.words.clear();
                    push_word_spans(t, &mut self.words);
                    for &(start, end) in &self.words {
                        let lower = self.lower(o.start + start..o.start + end);
                        if let Some(list) = holders.get_mut(&Hashed::new(&self.build, lower)) {
                            list.push(j);
                        }
                    }
                }
            }
        }
        let slot = type_slot(EntityType::Person);
        for i in short {
            let c = &self.candidates[i];
            let lower = Hashed::new(&self.build, self.lower(c.start..c.end));
            let earlier = holders.get(&lower).and_then(|list| {
                let k = list.partition_point(|&j| j < i);
                k.checked_sub(1)
                    .map(|k| list[k])
                    .or_else(|| list.get(k).copied())
            });
            let g = earlier
                .and_then(|j| self.group_of[j])
                .or_else(|| self.by_id[slot].names.get(&lower).copied());
            let g = match g {
                Some(g) => g,
                None => {
                    let gaz = self.gaz;
                    let key = c.entry.map(|e| gaz.entries()[e as usize].key.as_str());
                    let g = self.open(EntityType::Person, key);
                    self.by_id[slot].names.insert(lower, g);
                    g
                }
            };
            self.group_of[i] = Some(g);
        }
    }

    /// The groups in order of first mention, each one's members in order,
    /// place keys resolved. The candidates are in reading order, so one
    /// walk over them numbers the groups by first mention, and a second
    /// lays out each group's members (a counting sort).
    fn into_groups(self) -> Grouped<'k> {
        let n = self.groups.len();
        let mut rank = vec![usize::MAX; n];
        let mut sizes = Vec::with_capacity(n);
        for g in self.group_of.iter().flatten() {
            if rank[*g] == usize::MAX {
                rank[*g] = sizes.len();
                sizes.push(0);
            }
            sizes[rank[*g]] += 1;
        }
        let mut next = Vec::with_capacity(sizes.len());
        let mut at = 0;
        for size in &sizes {
            next.push(at);
            at += size;
        }
        let mut groups = self.groups;
        for (g, group) in groups.iter_mut().enumerate() {
            if let Some(&start) = next.get(rank[g]) {
                group.members = start..start + sizes[rank[g]];
            }
        }
        let mut members = vec![0; at];
        for (i, g) in self.group_of.iter().enumerate() {
            if let Some(g) = g {
                let slot = &mut next[rank[*g]];
                members[*slot] = i;
                *slot += 1;
            }
        }
        // Every group has a member; the guard keeps an empty one out.
        groups.retain(|g| !g.members.is_empty());
        groups.sort_unstable_by_key(|g| g.members.start);
        let mut grouped = Grouped { groups, members };
        Self::resolve_place_keys(self.doc, self.gaz, self.cues, self.candidates, &mut grouped);
        grouped
    }

    /// A place's key names the row the article means among those sharing
    /// its name (`gazetteer::resolve_keys`), not just the matched one.
    fn resolve_place_keys(
        doc: &Doc<'_>,
        gaz: &'k Gazetteer,
        cues: &GazetteerCues,
        candidates: &[Candidate],
        grouped: &mut Grouped<'k>,
    ) {
        // Every group's mention spans in one list, each group a slice of it.
        let spans: Vec<(usize, usize)> = grouped
            .members
            .iter()
            .map(|&i| (candidates[i].start, candidates[i].end))
            .collect();
        let places: Vec<KeyGroup<'_>> = grouped
            .groups
            .iter()
            .map(|g| KeyGroup {
                kind: g.kind,
                entry: grouped.members[g.members.clone()].iter().find_map(|&i| {
                    let entry = candidates[i].entry?;
                    (Some(gaz.entries()[entry as usize].key.as_str()) == g.key).then_some(entry)
                }),
                spans: &spans[g.members.clone()],
            })
            .collect();
        // Each mention's start and group in reading order: the candidates
        // are sorted by start (and do not overlap, so no two share one).
        let starts = || {
            let mut group_of = vec![usize::MAX; candidates.len()];
            for (n, g) in grouped.groups.iter().enumerate() {
                for &i in &grouped.members[g.members.clone()] {
                    group_of[i] = n;
                }
            }
            let mut starts: Vec<(usize, usize)> = (candidates.iter().zip(&group_of))
                .filter(|&(_, &n)| n != usize::MAX)
                .map(|(c, &n)| (c.start, n))
                .collect();
            if !starts.is_sorted() {
                starts.sort_unstable();
            }
            starts
        };
        let chosen = resolve_keys(doc, gaz, cues, &places, &starts);
        for ((g, place), row) in grouped.groups.iter_mut().zip(&places).zip(chosen) {
            if row.is_some() && row != place.entry {
                g.key = row.map(|r| gaz.entries()[r as usize].key.as_str());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_counts_split_at_spaces_and_no_break_spaces() {
        for s in [
            "",
            " ",
            "Reagan",
            " Reagan ",
            "Ronald Reagan",
            "Ronald\u{a0}Reagan",
            "\u{a0}Reagan\u{a0}",
            "Ġdansk",
            "New  York City",
            "Ł\u{a0}",
            "¢5",
            "\u{a0}\u{a0}¢ ¢",
            "Zürich\u{a0}¢",
            "Côte d'Ivoire",
        ] {
            let words: Vec<&str> = s.split([' ', '\u{a0}']).filter(|w| !w.is_empty()).collect();
            assert_eq!(usize::from(word_count(s)), words.len().min(2), "{s:?}");
            let mut spans = Vec::new();
            push_word_spans(s, &mut spans);
            let read: Vec<&str> = spans.iter().map(|&(start, end)| &s[start..end]).collect();
            assert_eq!(read, words, "{s:?}");
        }
    }
}
