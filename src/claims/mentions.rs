//! Entity mentions that can be a claim's subject, source or speaker: every
//! mention of a person, organization or place, sorted by position, looked
//! up by range.

use std::ops::Range;

use crate::record::{Entity, EntityType};

/// A mention of an entity that can be a subject, speaker or source.
#[derive(Clone, Copy, Debug)]
pub(super) struct EntityMention {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Index of the entity in the stage's entity list.
    pub(super) entity: usize,
    pub(super) kind: EntityType,
}

/// The mentions of people, organizations and places, in reading order.
pub(super) struct Mentions {
    sorted: Vec<EntityMention>,
}

impl Mentions {
    /// Collect the mentions of `entities` that lie within a text of
    /// `text_len` bytes.
    pub(super) fn new(entities: &[Entity], text_len: usize) -> Mentions {
        let kept = |e: &&Entity| {
            matches!(
                e.kind,
                EntityType::Person | EntityType::Organization | EntityType::Place
            )
        };
        // Counted first: one allocation instead of a vector grown by
        // doubling.
        let total = entities.iter().filter(kept).map(|e| e.mentions.len()).sum();
        let mut sorted: Vec<EntityMention> = Vec::with_capacity(total);
        for (i, e) in entities.iter().enumerate() {
            if !kept(&e) {
                continue;
            }
            sorted.extend(e.mentions.iter().filter_map(|m| {
                (m.start < m.end && m.end <= text_len).then_some(EntityMention {
                    start: m.start,
                    end: m.end,
                    entity: i,
                    kind: e.kind,
                })
            }));
        }
        // With the entity last, equal keys are equal mentions: the same
        // order as a stable sort by span, without its buffer. (Measured:
        // the stable sort, which merges the entities' runs, and a key
        // packed into a u128 both cost more.)
        sorted.sort_unstable_by_key(|m| (m.start, m.end, m.entity));
        Mentions { sorted }
    }

    /// The mentions lying wholly within `r`, in order.
    pub(super) fn within(&self, r: Range<usize>) -> impl Iterator<Item = &EntityMention> + '_ {
        let from = self.sorted.partition_point(|m| m.start < r.start);
        self.sorted[from..]
            .iter()
            .take_while(move |m| m.start < r.end)
            .filter(move |m| m.end <= r.end)
    }

    /// A mention ending exactly at `end` that `accept` takes, among the
    /// last few starting before it.
    pub(super) fn ending_at(
        &self,
        end: usize,
        accept: impl Fn(&EntityMention) -> bool,
    ) -> Option<&EntityMention> {
        self.sorted[..self.sorted.partition_point(|m| m.start < end)]
            .iter()
            .rev()
            .take(4)
            .find(|m| m.end == end && accept(m))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mentions as collected before they were counted first: the
    /// oracle of the differential test.
    fn grown(entities: &[Entity], text_len: usize) -> Vec<EntityMention> {
        let mut sorted: Vec<EntityMention> = entities
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                matches!(
                    e.kind,
                    EntityType::Person | EntityType::Organization | EntityType::Place
                )
            })
            .flat_map(|(i, e)| {
                e.mentions.iter().filter_map(move |m| {
                    (m.start < m.end && m.end <= text_len).then_some(EntityMention {
                        start: m.start,
                        end: m.end,
                        entity: i,
                        kind: e.kind,
                    })
                })
            })
            .collect();
        sorted.sort_unstable_by_key(|m| (m.start, m.end, m.entity));
        sorted
    }

    /// Over the fixture and a sample of the development texts, the
    /// mentions counted first are the old ones, in the same order.
    #[test]
    fn counted_mentions_are_the_grown_ones() {
        let x = crate::Extractor::new();
        let key = |ms: &[EntityMention]| -> Vec<(usize, usize, usize, EntityType)> {
            ms.iter()
                .map(|m| (m.start, m.end, m.entity, m.kind))
                .collect()
        };
        let mut seen = 0;
        for text in crate::text::test_corpus::texts().into_iter().step_by(7) {
            let record = x.extract(&crate::Article::new("a", text.clone())).unwrap();
            // A shorter text too: mentions past its end are left out.
            for len in [text.len(), text.len() / 2] {
                let got = Mentions::new(&record.entities, len);
                let want = grown(&record.entities, len);
                assert_eq!(key(&got.sorted), key(&want));
                seen += want.len();
            }
        }
        assert!(seen > 1000, "{seen} mentions");
    }
}
