//! Entities: turning candidate mentions into entities, with in-article
//! coreference (a surname or given name links to the full name, an acronym
//! to its expansion, a short form of an organization to its full name, and
//! every surface form of one gazetteer entry to one entity).

use std::collections::HashMap;

use crate::gazetteer::Gazetteer;
use crate::names::Candidate;
use crate::record::{Entity, EntityType, Mention};
use crate::text::Doc;

struct Group {
    kind: EntityType,
    key: Option<String>,
    /// Canonical name given by a rule (an acronym's expansion).
    hint: Option<String>,
    /// Indexes into the candidate list.
    members: Vec<usize>,
}

/// The identities of one type's groups.
#[derive(Default)]
struct Ids {
    keys: HashMap<String, usize>,
    names: HashMap<String, usize>,
}

impl Ids {
    fn get(&self, is_key: bool, id: &str) -> Option<usize> {
        let map = if is_key { &self.keys } else { &self.names };
        map.get(id).copied()
    }

    /// Record `id` for group `g` unless it already names a group.
    fn insert_first(&mut self, is_key: bool, id: String, g: usize) {
        let map = if is_key {
            &mut self.keys
        } else {
            &mut self.names
        };
        map.entry(id).or_insert(g);
    }
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split([' ', '\u{a0}']).filter(|w| !w.is_empty())
}

/// Group candidates (not overlapping) into entities, in order of first
/// mention; each keeps all its mentions.
pub(crate) fn resolve(
    doc: &Doc<'_>,
    gaz: &Gazetteer,
    mut candidates: Vec<Candidate>,
) -> Vec<Entity> {
    candidates.sort_by_key(|c| (c.start, c.end));
    let text = |c: &Candidate| &doc.text[c.start..c.end];
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of: Vec<Option<usize>> = vec![None; candidates.len()];
    // Identity → group, per type: a gazetteer key, or a lower-case surface
    // form or canonical name (two separate name spaces). Looked up by
    // `&str`, so no key is built for a lookup.
    let mut by_id: HashMap<EntityType, Ids> = HashMap::new();
    // Word runs that start or end an organization's name ("Oxus Society")
    // → its group; the latest holder wins.
    let mut org_parts: HashMap<String, usize> = HashMap::new();

    // One-word person mentions wait for pass 2: they link to a full name
    // that may come later in the article.
    let is_short_person =
        |c: &Candidate| c.kind == EntityType::Person && words(text(c)).count() == 1;

    for (i, c) in candidates.iter().enumerate() {
        if is_short_person(c) {
            continue;
        }
        let t = text(c);
        let key = c.entry.map(|e| gaz.entries()[e as usize].key.clone());
        let mut ids: Vec<(bool, String)> = Vec::new();
        if let Some(k) = &key {
            ids.push((true, k.clone()));
        }
        if let Some(canon) = &c.canonical {
            ids.push((false, canon.to_lowercase()));
        }
        ids.push((false, t.to_lowercase()));
        let found = by_id
            .get(&c.kind)
            .and_then(|m| ids.iter().find_map(|(is_key, id)| m.get(*is_key, id)));
        let short = || {
            (c.kind == EntityType::Organization && c.entry.is_none() && t.contains(' '))
                .then(|| org_parts.get(t).copied())
                .flatten()
        };
        let g = match found.or_else(short) {
            Some(g) => g,
            None => {
                groups.push(Group {
                    kind: c.kind,
                    key: key.clone(),
                    hint: None,
                    members: Vec::new(),
                });
                groups.len() - 1
            }
        };
        if groups[g].hint.is_none() {
            groups[g].hint.clone_from(&c.canonical);
        }
        if groups[g].key.is_none() {
            groups[g].key = key;
        }
        groups[g].members.push(i);
        group_of[i] = Some(g);
        if c.kind == EntityType::Organization {
            // Its leading and trailing word runs, for later short forms.
            let w: Vec<&str> = words(t).collect();
            for k in 2..w.len() {
                org_parts.insert(w[..k].join(" "), g);
                org_parts.insert(w[w.len() - k..].join(" "), g);
            }
        }
        let m = by_id.entry(c.kind).or_default();
        for (is_key, id) in ids {
            m.insert_first(is_key, id, g);
        }
    }

    // Pass 2: a given name or surname alone links to the nearest earlier
    // full name holding it, else the nearest later one.
    let mut holders: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, o) in candidates.iter().enumerate() {
        if o.kind == EntityType::Person && group_of[j].is_some() {
            let t = text(o);
            if words(t).count() > 1 {
                for w in words(t) {
                    holders.entry(w).or_default().push(j);
                }
            }
        }
    }
    for i in 0..candidates.len() {
        let c = &candidates[i];
        if !is_short_person(c) {
            continue;
        }
        let t = text(c);
        let earlier = holders.get(t).and_then(|list| {
            let k = list.partition_point(|&j| j < i);
            k.checked_sub(1)
                .map(|k| list[k])
                .or_else(|| list.get(k).copied())
        });
        let g = earlier.and_then(|j| group_of[j]).or_else(|| {
            by_id
                .get(&EntityType::Person)
                .and_then(|m| m.get(false, &t.to_lowercase()))
        });
        let g = match g {
            Some(g) => g,
            None => {
                groups.push(Group {
                    kind: EntityType::Person,
                    key: c.entry.map(|e| gaz.entries()[e as usize].key.clone()),
                    hint: None,
                    members: Vec::new(),
                });
                let g = groups.len() - 1;
                by_id
                    .entry(EntityType::Person)
                    .or_default()
                    .names
                    .insert(t.to_lowercase(), g);
                g
            }
        };
        groups[g].members.push(i);
        group_of[i] = Some(g);
    }

    for g in &mut groups {
        g.members.sort_unstable();
    }
    groups.sort_by_key(|g| g.members.first().copied().unwrap_or(usize::MAX));
    groups
        .into_iter()
        .filter(|g| !g.members.is_empty())
        .enumerate()
        .map(|(n, g)| {
            let forms: Vec<&str> = g.members.iter().map(|&i| text(&candidates[i])).collect();
            let name = g
                .hint
                .clone()
                .or_else(|| {
                    forms
                        .iter()
                        .find(|f| words(f).count() > 1)
                        .map(|f| f.to_string())
                })
                .unwrap_or_else(|| forms[0].to_string());
            Entity {
                id: format!("e{}", n + 1),
                kind: g.kind,
                name,
                key: g.key,
                mentions: g
                    .members
                    .iter()
                    .map(|&i| {
                        let c = &candidates[i];
                        Mention {
                            text: text(c).to_string(),
                            start: c.start,
                            end: c.end,
                            sentence: doc.sentence_index(c.start),
                            rule: c.rule.clone(),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}
