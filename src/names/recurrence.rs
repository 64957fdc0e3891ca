//! Names the article has established, found again where they recur.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::spans::{overlapping, overlaps_map, Priority, Span};
use super::tokens::Words;
use crate::record::EntityType;

/// An established name's type, canonical name and gazetteer entry.
pub(super) type Established = (EntityType, Option<String>, Option<u32>);

/// Names the article has established recur anywhere: a rule-found name
/// again (also in a headline or at a sentence start), and a given name or
/// surname of a person named in full. A one-word gazetteer match that is a
/// part of a person's name becomes that person ("Haqqani" after
/// "Sirajuddin Haqqani").
pub(super) fn known_names(words: &Words<'_, '_>, mut chosen: Vec<Span>) -> Vec<Span> {
    let text = words.doc.text;
    // Established names (exact text) → (type, canonical, gazetteer entry):
    // rule-found names, and ambiguous gazetteer names that context licensed
    // once ("Apple's chief" licenses the headline's "Apple").
    let mut names: HashMap<&str, Established> = HashMap::new();
    let mut parts: HashSet<&str> = HashSet::new();
    // Parts after the first word: a gazetteer match equal to one of these
    // is the person ("Stalin" after "Josef Stalin"); a given name that is
    // also a place ("Paris") is not converted.
    let mut later_parts: HashSet<&str> = HashSet::new();
    for s in &chosen {
        let Some(kind) = s.kind else { continue };
        let t = &text[s.start..s.end];
        let licensed = s.entry.is_some_and(|e| {
            words.gaz.entries()[e as usize].policy == crate::gazetteer::MatchPolicy::Ambiguous
        });
        if s.entry.is_none() || licensed {
            names
                .entry(t)
                .or_insert((kind, s.canonical.clone(), s.entry));
        }
        if kind == EntityType::Person && t.contains(' ') {
            for (k, p) in t.split(' ').enumerate() {
                if k > 0 {
                    later_parts.insert(p);
                }
                if p.chars().count() >= 2
                    && p.chars().next().is_some_and(char::is_uppercase)
                    && !words.lex.stop.contains_key(p)
                {
                    parts.insert(p);
                }
            }
        }
    }
    // One-word gazetteer non-person matches equal to a name part: the person.
    for s in chosen.iter_mut() {
        let t = &text[s.start..s.end];
        if s.kind != Some(EntityType::Person)
            && s.kind != Some(EntityType::Nationality)
            && !t.contains(' ')
            && later_parts.contains(t)
            && parts.contains(t)
        {
            s.kind = Some(EntityType::Person);
            s.entry = None;
            s.canonical = None;
            s.rule = "coref:name-part".into();
        }
    }
    let mut extra = Vec::new();
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    for (k, t) in words.toks.iter().enumerate() {
        let w = words.word(k);
        if !words.is_cap(k) || !overlapping(&chosen, t.start, t.end).is_empty() {
            continue;
        }
        if parts.contains(w) {
            // Not a name part when the word runs on into a longer capitalised
            // name we did not recognise ("Chen Quanguo" vs "Chen Wenqing").
            let runs_on = (k + 1 < words.toks.len()
                && words.joined(k + 1)
                && words.is_name_word(k + 1)
                && !words.is_stop(k + 1)
                && !words.toks[k].possessive)
                || (k > 0
                    && words.joined(k)
                    && words.is_name_word(k - 1)
                    && !words.is_stop(k - 1)
                    && words.title_at(k - 1).is_none());
            if !runs_on {
                taken.insert(t.start, t.end);
                extra.push(Span {
                    start: t.start,
                    end: t.end,
                    kind: Some(EntityType::Person),
                    entry: None,
                    canonical: None,
                    rule: "coref:name-part".into(),
                    priority: Priority::Rule,
                });
                continue;
            }
        }
    }
    let mut replaced: HashSet<(usize, usize)> = HashSet::new();
    // Longest names first, so "Harbour Pilots Association" is placed before
    // a shorter name inside it; sorted for a deterministic result.
    let mut names: Vec<(&str, Established)> = names.into_iter().collect();
    names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
    // Names by their first word: each token is checked against the names
    // that start with it, which keeps this pass linear in the text.
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
    for (n, (name, _)) in names.iter().enumerate() {
        let first = name.split([' ', '-']).next().unwrap_or(name);
        by_first.entry(first).or_default().push(n);
    }
    // The first bytes those first words start with: most tokens are ruled
    // out by this table before any hashing.
    let mut first_bytes = [false; 256];
    for first in by_first.keys() {
        if let Some(&b) = first.as_bytes().first() {
            first_bytes[usize::from(b)] = true;
        }
    }
    let mut occurrences: Vec<(usize, usize)> = Vec::new();
    for (k, t) in words.toks.iter().enumerate() {
        let w = words.word(k);
        let first = w.split('-').next().unwrap_or(w);
        // (A token is never empty, nor its first part.)
        if !first
            .as_bytes()
            .first()
            .is_some_and(|&b| first_bytes[usize::from(b)])
        {
            continue;
        }
        if let Some(list) = by_first.get(first) {
            occurrences.extend(
                list.iter()
                    .filter(|&&n| text[t.start..].starts_with(names[n].0))
                    .map(|&n| (n, t.start)),
            );
        }
    }
    // Longest names first (the order of `names`).
    occurrences.sort_unstable();
    for &(n, pos) in &occurrences {
        let (name, (kind, canonical, entry)) = &names[n];
        {
            let end = pos + name.len();
            if !crate::text::on_word_boundaries(text, pos, end) || overlaps_map(&taken, pos, end) {
                continue;
            }
            // A longer established name wins over shorter matches inside
            // it ("Winston Churchill" over the town "Winston").
            let inside = overlapping(&chosen, pos, end);
            if inside
                .iter()
                .any(|c| c.start < pos || c.end > end || (c.start == pos && c.end == end))
            {
                continue;
            }
            replaced.extend(inside.iter().map(|c| (c.start, c.end)));
            taken.insert(pos, end);
            extra.push(Span {
                start: pos,
                end,
                kind: Some(*kind),
                entry: *entry,
                canonical: canonical.clone(),
                rule: "coref:known-name".into(),
                priority: Priority::Rule,
            });
        }
    }
    chosen.retain(|c| !replaced.contains(&(c.start, c.end)));
    chosen.extend(extra);
    chosen.sort_by_key(|s| (s.start, s.end));
    chosen
}
