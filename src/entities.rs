//! Entities: turning candidate mentions into entities, with in-article
//! coreference (a later surname or acronym links to the full name).

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

/// Group candidates (in reading order, not overlapping) into entities.
pub(crate) fn resolve(
    doc: &Doc<'_>,
    gaz: &Gazetteer,
    mut candidates: Vec<Candidate>,
) -> Vec<Entity> {
    candidates.sort_by_key(|c| (c.start, c.end));
    let mut entities: Vec<Entity> = Vec::new();
    // (type, key or lower-case name) → entity index
    let mut by_id: HashMap<(EntityType, String), usize> = HashMap::new();
    for c in candidates {
        let text = &doc.text[c.start..c.end];
        let (name, key) = match c.entry {
            Some(i) => {
                let e = &gaz.entries()[i as usize];
                (e.name.clone(), Some(e.key.clone()))
            }
            None => (
                c.canonical.clone().unwrap_or_else(|| text.to_string()),
                None,
            ),
        };
        let ident = key.clone().unwrap_or_else(|| name.to_lowercase());
        let idx = match by_id.get(&(c.kind, ident.clone())) {
            Some(&i) => i,
            None => match link_short_form(&entities, c.kind, text) {
                Some(i) => i,
                None => {
                    entities.push(Entity {
                        id: format!("e{}", entities.len() + 1),
                        kind: c.kind,
                        name,
                        key,
                        mentions: Vec::new(),
                    });
                    entities.len() - 1
                }
            },
        };
        by_id.entry((c.kind, ident)).or_insert(idx);
        entities[idx].mentions.push(Mention {
            text: text.to_string(),
            start: c.start,
            end: c.end,
            sentence: doc.sentence_index(c.start),
            rule: c.rule,
        });
    }
    entities
}

/// A person's surname or given name alone links to the full name seen
/// earlier; so does any later mention equal to one word of an earlier
/// multi-word person name.
fn link_short_form(entities: &[Entity], kind: EntityType, text: &str) -> Option<usize> {
    if kind != EntityType::Person || text.contains(' ') {
        return None;
    }
    entities.iter().rposition(|e| {
        e.kind == EntityType::Person
            && e.name.split(' ').count() > 1
            && e.name.split(' ').any(|w| w == text)
    })
}
