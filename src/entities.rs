//! Entities: turning candidate mentions into entities, with in-article
//! coreference (a surname or given name links to the full name, an acronym
//! to its expansion, a short form of an organization to its full name, and
//! every surface form of one gazetteer entry to one entity).

use std::collections::HashMap;

use crate::gazetteer::Gazetteer;
use crate::record::{Entity, EntityType, Mention};
use crate::text::Doc;

/// A mention found by a gazetteer or a name rule, before coreference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    /// Gazetteer entry index, when a gazetteer produced it.
    pub entry: Option<u32>,
    /// A canonical name the rule already knows (an acronym's expansion).
    pub canonical: Option<String>,
    /// Which rule or gazetteer entry produced it.
    pub rule: String,
}

struct Group {
    kind: EntityType,
    key: Option<String>,
    /// Canonical name given by a rule (an acronym's expansion).
    hint: Option<String>,
    /// Indexes into the candidate list.
    members: Vec<usize>,
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
    // (type, identity) → group; identities are "key:<gazetteer key>" and
    // "name:<lower-case surface form or canonical>".
    let mut by_id: HashMap<(EntityType, String), usize> = HashMap::new();

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
        let mut ids = Vec::new();
        if let Some(k) = &key {
            ids.push(format!("key:{k}"));
        }
        if let Some(canon) = &c.canonical {
            ids.push(format!("name:{}", canon.to_lowercase()));
        }
        ids.push(format!("name:{}", t.to_lowercase()));
        let found = ids
            .iter()
            .find_map(|id| by_id.get(&(c.kind, id.clone())).copied());
        let g = match found.or_else(|| short_org_form(&candidates, &group_of, doc, i)) {
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
        for id in ids {
            by_id.entry((c.kind, id)).or_insert(g);
        }
    }

    // Pass 2: a given name or surname alone links to the nearest earlier
    // full name holding it, else the nearest later one.
    for i in 0..candidates.len() {
        let c = &candidates[i];
        if !is_short_person(c) {
            continue;
        }
        let t = text(c);
        let holds = |j: usize| {
            let o = &candidates[j];
            o.kind == EntityType::Person
                && group_of[j].is_some()
                && words(text(o)).count() > 1
                && words(text(o)).any(|w| w == t)
        };
        let earlier = (0..i).rev().find(|&j| holds(j));
        let later = || (i + 1..candidates.len()).find(|&j| holds(j));
        let g = earlier
            .or_else(later)
            .and_then(|j| group_of[j])
            .or_else(|| {
                by_id
                    .get(&(EntityType::Person, format!("name:{}", t.to_lowercase())))
                    .copied()
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
                by_id.insert(
                    (EntityType::Person, format!("name:{}", t.to_lowercase())),
                    g,
                );
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

/// A rule-found organization written as the first or last words of an
/// earlier organization's name ("Oxus Society" after "Oxus Society for
/// Central Asian Affairs", "Uyghur Caucus" after "Congressional Uyghur
/// Caucus") is that organization.
fn short_org_form(
    candidates: &[Candidate],
    group_of: &[Option<usize>],
    doc: &Doc<'_>,
    i: usize,
) -> Option<usize> {
    let c = &candidates[i];
    if c.kind != EntityType::Organization || c.entry.is_some() {
        return None;
    }
    let t: Vec<&str> = words(&doc.text[c.start..c.end]).collect();
    if t.len() < 2 {
        return None;
    }
    (0..i).rev().find_map(|j| {
        let o = &candidates[j];
        if o.kind != EntityType::Organization {
            return None;
        }
        let w: Vec<&str> = words(&doc.text[o.start..o.end]).collect();
        (w.len() > t.len() && (w.starts_with(&t) || w.ends_with(&t)))
            .then_some(group_of[j])
            .flatten()
    })
}
