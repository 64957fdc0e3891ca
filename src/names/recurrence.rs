//! Names the article has established, found again where they recur: a
//! rule-found name again (also in a headline or at a sentence start), and a
//! given name or surname of a person named in full.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::hash::PolyBuild;

use super::candidates::{each, Candidates};
use super::gazetteer_matches::recurs;
use super::spans::{count_steps, overlapping_range, overlaps_map, Chosen, Priority, Span};
use super::tokens::Words;
use super::word_sets::WordFilter;
use crate::record::EntityType;

/// What the chosen spans establish.
struct Established<'a> {
    /// Names (exact text) that recur: rule-found names, and ambiguous
    /// gazetteer names that context licensed once ("Apple's chief" licenses
    /// the headline's "Apple").
    names: HashMap<&'a str, KnownName, PolyBuild>,
    /// Capitalised words of a person's full name ("Sirajuddin", "Haqqani").
    parts: HashSet<&'a str, PolyBuild>,
    /// Parts after the first word: a gazetteer match equal to one of these
    /// is the person ("Stalin" after "Josef Stalin"); a given name that is
    /// also a place ("Paris") is not converted.
    later_parts: HashSet<&'a str, PolyBuild>,
}

/// An established name's type, canonical name and gazetteer entry.
#[derive(Clone)]
struct KnownName {
    kind: EntityType,
    canonical: Option<String>,
    entry: Option<u32>,
}

/// Add the recurrences of established names to the chosen spans. A one-word
/// gazetteer match that is a part of a person's name becomes that person
/// ("Haqqani" after "Sirajuddin Haqqani").
pub(super) fn known_names(
    words: &Words<'_, '_>,
    at: &Candidates,
    mut chosen: Vec<Span>,
) -> Vec<Span> {
    let established = establish(words, &chosen);
    convert_name_parts(words.doc.text, &established, &mut chosen);
    let mut extra = Vec::new();
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    // (No person named in full, no part to find: no per-token cover either.)
    if !established.parts.is_empty() {
        let cover = Chosen::new(words, &chosen);
        name_part_mentions(
            words,
            at,
            &cover,
            &established.parts,
            &mut taken,
            &mut extra,
        );
    }
    let replaced = recurrences(
        words,
        at,
        &chosen,
        established.names,
        &mut taken,
        &mut extra,
    );
    // (`retain` visits the spans in order.)
    let mut k = 0;
    chosen.retain(|_| {
        k += 1;
        !replaced[k - 1]
    });
    chosen.extend(extra);
    chosen.sort_by_key(|s| (s.start, s.end));
    chosen
}

/// The names and name parts the chosen spans establish.
#[inline(never)]
fn establish<'a>(words: &Words<'_, 'a>, chosen: &[Span]) -> Established<'a> {
    let text = words.doc.text;
    let mut established = Established {
        names: HashMap::default(),
        parts: HashSet::default(),
        later_parts: HashSet::default(),
    };
    for s in chosen {
        let Some(kind) = s.kind else { continue };
        let t = &text[s.start..s.end];
        if s.entry.map_or(true, |e| recurs(words, e)) {
            established.names.entry(t).or_insert_with(|| KnownName {
                kind,
                canonical: s.canonical.clone(),
                entry: s.entry,
            });
        }
        if kind == EntityType::Organization {
            let stem = short_form(words, t).or_else(|| headed_short_form(words, s));
            if let Some(stem) = stem {
                // (The canonical name is copied only for a new stem.)
                established.names.entry(stem).or_insert_with(|| KnownName {
                    kind,
                    canonical: Some(s.canonical.clone().unwrap_or_else(|| t.to_owned())),
                    entry: s.entry,
                });
            }
        }
        if kind == EntityType::Person && t.contains(' ') {
            for (k, p) in t.split(' ').enumerate() {
                if k > 0 {
                    established.later_parts.insert(p);
                }
                if p.chars().count() >= 2
                    && p.chars().next().is_some_and(char::is_uppercase)
                    && !words.lex.stop.contains_key(p)
                {
                    established.parts.insert(p);
                }
            }
        }
    }
    established
}

/// The short form of a company name that ends in a legal suffix (the
/// lexicon's `legal_suffixes`): the words before it, without a trailing
/// "and", "&" or comma ("Stotler and Co" → "Stotler").
fn short_form<'t>(words: &Words<'_, '_>, name: &'t str) -> Option<&'t str> {
    let (stem, last) = name.rsplit_once(' ')?;
    if !words.lex.cues.legal_suffixes.contains(last) {
        return None;
    }
    let stem = stem.trim_end_matches(',').trim_end();
    let stem = stem
        .strip_suffix(" and")
        .or_else(|| stem.strip_suffix(" &"))
        .unwrap_or(stem)
        .trim_end_matches(',');
    (stem.chars().count() >= 3 && stem.starts_with(char::is_uppercase)).then_some(stem)
}

/// The short form of a two-word name closed by a head word ("Tate
/// Gallery" … "the Tate"): the first word, when it is no ordinary word of
/// the text, no listed name and no given name.
fn headed_short_form<'a>(words: &Words<'_, 'a>, s: &Span) -> Option<&'a str> {
    if s.rule != "rule:org-head" {
        return None;
    }
    let a = words.toks.partition_point(|t| t.start < s.start);
    let b = words.toks.partition_point(|t| t.start < s.end);
    if b != a + 2 || words.toks[a].possessive {
        return None;
    }
    let stem = words.word(a);
    if !words.lex.cues.shortened_heads.contains(words.word(a + 1)) {
        return None;
    }
    let plain = words.is_name_word(a)
        && stem.chars().count() >= 3
        && !words.is_stop(a)
        && !words.is_common_word(a)
        && words.gaz_kind(a).is_none()
        && !words.lex.first_names.contains(stem);
    plain.then_some(stem)
}

/// One-word gazetteer non-person matches equal to a name part: the person.
#[inline(never)]
fn convert_name_parts(text: &str, established: &Established<'_>, chosen: &mut [Span]) {
    if established.later_parts.is_empty() {
        return;
    }
    // (The parts' lengths and first and last bytes turn most spans away
    // before any hashing.)
    let filter = WordFilter::new(established.later_parts.iter().copied());
    for s in chosen.iter_mut() {
        if matches!(s.kind, Some(EntityType::Person | EntityType::Nationality)) {
            continue;
        }
        let t = &text[s.start..s.end];
        if filter.may_hold(t)
            && !t.contains(' ')
            && established.later_parts.contains(t)
            && established.parts.contains(t)
        {
            s.kind = Some(EntityType::Person);
            s.entry = None;
            s.canonical = None;
            s.rule = "coref:name-part".into();
        }
    }
}

/// A name part alone, outside every chosen span, is the person.
#[inline(never)]
fn name_part_mentions(
    words: &Words<'_, '_>,
    at: &Candidates,
    chosen: &Chosen<'_>,
    parts: &HashSet<&str, PolyBuild>,
    taken: &mut BTreeMap<usize, usize>,
    extra: &mut Vec<Span>,
) {
    let n = words.toks.len();
    // The parts' lengths and first bytes turn most words away before any
    // hashing (a part written in capitals has the same length and first byte).
    let mut lengths = 0u64;
    let mut first_bytes = [false; 256];
    for p in parts {
        lengths |= 1 << p.len().min(63);
        first_bytes[usize::from(p.as_bytes()[0])] = true;
    }
    // A part, also written in capitals ("REAGAN" in a wire headline).
    let is_part = |k: usize| {
        let w = words.word(k);
        if lengths & (1 << w.len().min(63)) == 0 || !first_bytes[usize::from(w.as_bytes()[0])] {
            return false;
        }
        parts.contains(w)
            || (words.is_all_caps(k) && w.is_ascii() && {
                let mut title = w.to_ascii_lowercase();
                title[..1].make_ascii_uppercase();
                parts.contains(title.as_str())
            })
    };
    // (A part is capitalised: elsewhere the walk moves on by one.)
    let mut next = 0;
    for k in each(&at.caps) {
        let t = words.toks[k];
        // (The cheap tests first: the part test hashes the word.)
        if k < next
            || !chosen.at(k).is_empty()
            || !is_part(k)
            || overlaps_map(taken, t.start, t.end)
        {
            continue;
        }
        // Several parts in a row are one mention ("Suu Kyi" after "Aung San
        // Suu Kyi").
        let mut e = k + 1;
        while e < n
            && words.joined(e)
            && !words.toks[e - 1].possessive
            && is_part(e)
            && chosen.at(e).is_empty()
        {
            e += 1;
        }
        // Not a name part when the word runs on into a longer capitalised
        // name we did not recognise ("Chen Quanguo" vs "Chen Wenqing").
        // (On an ALL-CAPS or headline-case line every word is capitalised.)
        let runs_on = !words.capitals_mute(k)
            && ((e < n
                && words.joined(e)
                && words.is_name_word(e)
                && !words.is_stop(e)
                && !words.toks[e - 1].possessive)
                || (k > 0
                    && words.joined(k)
                    && words.is_name_word(k - 1)
                    && !words.is_stop(k - 1)
                    && words.title_at(k - 1).is_none()));
        if !runs_on {
            let (start, end) = (t.start, words.toks[e - 1].end);
            taken.insert(start, end);
            extra.push(Span::from_rule(
                start,
                end,
                Some(EntityType::Person),
                "coref:name-part",
            ));
        }
        next = e;
    }
}

/// Every later occurrence of an established name, longest names first; the
/// chosen spans it swallows are returned (a flag for each) to be dropped.
/// (Spans with the same bounds as a swallowed one are swallowed too: they
/// overlap the same names.)
#[inline(never)]
fn recurrences(
    words: &Words<'_, '_>,
    at: &Candidates,
    chosen: &[Span],
    names: HashMap<&str, KnownName, PolyBuild>,
    taken: &mut BTreeMap<usize, usize>,
    extra: &mut Vec<Span>,
) -> Vec<bool> {
    let text = words.doc.text;
    let mut replaced = vec![false; chosen.len()];
    // Longest names first, so "Harbour Pilots Association" is placed before
    // a shorter name inside it; sorted for a deterministic result.
    let mut names: Vec<(&str, KnownName)> = names.into_iter().collect();
    names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
    // Longest names first (the order of `names`).
    let mut occurrences = occurrences(words, at, &names);
    occurrences.sort_unstable();
    for &(n, pos) in &occurrences {
        let (name, known) = &names[n];
        let end = pos + name.len();
        if !crate::text::on_word_boundaries(text, pos, end) || overlaps_map(taken, pos, end) {
            continue;
        }
        // A ticker code in angle brackets ("<AMR>") is no name.
        if text[..pos].ends_with('<') && text[end..].starts_with(['>', '.']) {
            continue;
        }
        // A longer established name wins over shorter matches inside
        // it ("Winston Churchill" over the town "Winston").
        let range = overlapping_range(chosen, pos, end);
        let inside = &chosen[range.clone()];
        if inside
            .iter()
            .any(|c| c.start < pos || c.end > end || (c.start == pos && c.end == end))
        {
            continue;
        }
        replaced[range].fill(true);
        taken.insert(pos, end);
        extra.push(Span {
            start: pos,
            end,
            kind: Some(known.kind),
            entry: known.entry,
            canonical: known.canonical.clone(),
            rule: "coref:known-name".into(),
            priority: Priority::Rule,
        });
    }
    replaced
}

/// Where each of `names` occurs at a token start, as (index into `names`,
/// byte offset).
#[inline(never)]
fn occurrences(
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

#[cfg(test)]
mod tests {
    /// A thousand established names that share their first word ("Institute
    /// of …"): each token start is looked up once per name length, not
    /// compared with every name of that first word.
    #[test]
    fn names_sharing_a_first_word_cost_linear_work() {
        let name = |k: usize| {
            let letter = |d: usize| char::from(b'a' + (k / d % 26) as u8);
            format!(
                "Institute of Zorbla{}{}{} Studies",
                letter(676),
                letter(26),
                letter(1)
            )
        };
        let per_unit = super::super::spans::tests::steps_per_unit(
            |units| {
                (0..units)
                    .map(|k| {
                        format!(
                            "Officials at the {} said on Monday it would work. ",
                            name(k)
                        )
                    })
                    .collect()
            },
            |record| {
                assert!(record
                    .entities
                    .iter()
                    .any(|e| e.name == "Institute of Zorblaaab Studies"));
            },
        );
        assert!(
            per_unit[1] <= 2.0 * per_unit[0],
            "steps per name: {per_unit:?}"
        );
    }
}
