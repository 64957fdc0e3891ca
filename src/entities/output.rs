//! The groups written out as the record's entities and mentions, over the
//! ones the record already holds (strings refilled in their capacity).

use super::grouping::Grouped;
use crate::gazetteer::Gazetteer;
use crate::names::{Candidate, RuleName};
use crate::record::{
    set_opt_str, set_str, shorten, slot, write_numbered_id, Entity, EntityType, Mention, Spares,
};
use crate::text::Doc;

/// The groups as entities, in order, over `out`: the name is the rule's
/// canonical name, else the first form of several words, else the first
/// form. Each candidate is the mention of one entity, and its rule is
/// written out here, once (the names stage carries only the rule's name).
/// The entities and mentions `out` holds are overwritten in place (their
/// strings in their capacity), new ones pushed after them (spares first),
/// and any left over moved to `spares`.
pub(super) fn write_entities(
    doc: &Doc<'_>,
    gaz: &Gazetteer,
    grouped: &Grouped<'_>,
    (candidates, word_counts): (&[Candidate], &[u8]),
    out: &mut Vec<Entity>,
    spares: &mut Spares,
) {
    let sentences = sentence_of_each(doc, candidates);
    let Grouped { groups, members } = grouped;
    let text = |i: usize| &doc.text[candidates[i].start..candidates[i].end];
    for (n, g) in groups.iter().enumerate() {
        let members = &members[g.members.clone()];
        let entity = slot(out, n, &mut spares.entities, blank_entity);
        write_numbered_id('e', n + 1, &mut entity.id);
        entity.kind = g.kind;
        let name = match g.hint {
            Some(i) => candidates[i].canonical.as_deref().unwrap_or_default(),
            None => {
                let first = members.iter().find(|&&i| word_counts[i] == 2);
                text(*first.unwrap_or(&members[0]))
            }
        };
        set_str(&mut entity.name, name);
        set_opt_str(&mut entity.key, g.key);
        for (k, &i) in members.iter().enumerate() {
            let c = &candidates[i];
            let mention = slot(&mut entity.mentions, k, &mut spares.mentions, blank_mention);
            set_str(&mut mention.text, text(i));
            mention.start = c.start;
            mention.end = c.end;
            mention.sentence = sentences[i];
            write_rule(c.rule, gaz, &mut mention.rule);
            // Filled in by the extractor when asked for.
            mention.char_start = None;
            mention.char_end = None;
        }
        shorten(&mut entity.mentions, members.len(), &mut spares.mentions);
    }
    shorten(out, groups.len(), &mut spares.entities);
}

/// An entity with nothing in it, to be overwritten.
fn blank_entity() -> Entity {
    Entity {
        id: String::new(),
        kind: EntityType::Person,
        name: String::new(),
        key: None,
        mentions: Vec::new(),
    }
}

/// A mention with nothing in it, to be overwritten.
fn blank_mention() -> Mention {
    Mention {
        text: String::new(),
        start: 0,
        end: 0,
        sentence: 0,
        rule: String::new(),
        char_start: None,
        char_end: None,
    }
}

/// Overwrite `to` with `rule` as the mention records it: the rule's name,
/// or "gazetteer:" and the entry's key (as `RuleName::written`, the old
/// code, kept as the oracle of the tests).
fn write_rule(rule: RuleName, gaz: &Gazetteer, to: &mut String) {
    to.clear();
    match rule {
        RuleName::Rule(name) => to.push_str(name),
        RuleName::Gazetteer(entry) => {
            to.push_str("gazetteer:");
            to.push_str(&gaz.entries()[entry as usize].key);
        }
    }
}

/// [`Doc::sentence_index`] of each candidate's start, in one walk over the
/// sentences (the candidates are sorted by start).
fn sentence_of_each(doc: &Doc<'_>, candidates: &[Candidate]) -> Vec<usize> {
    let sentences = &doc.sentences;
    // `ended`: how many sentences end at or before the offset.
    let mut ended = 0;
    candidates
        .iter()
        .map(|c| {
            while ended < sentences.len() && sentences[ended].end <= c.start {
                ended += 1;
            }
            match sentences.get(ended) {
                Some(s) if s.start <= c.start => ended,
                _ => ended.saturating_sub(1),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `write_rule` over a reused string writes what `RuleName::written`
    /// (the old code) makes, for rules and every embedded gazetteer entry.
    #[test]
    fn rules_are_written_as_before() {
        let gaz = Gazetteer::embedded();
        let mut to = String::from("gazetteer:a key longer than any rule name");
        let rules = ["rule:title-cue", "", "rule:org-head"].map(RuleName::Rule);
        let entries = (0..gaz.entries().len() as u32).map(RuleName::Gazetteer);
        for rule in rules.into_iter().chain(entries) {
            write_rule(rule, gaz, &mut to);
            assert_eq!(to, rule.written(gaz), "{rule:?}");
        }
    }

    #[test]
    fn sentences_of_sorted_candidates_are_those_of_a_search() {
        let doc = Doc::new("First one.  Second one here.\n\nThird.", false);
        let candidates: Vec<Candidate> = (0..doc.text.len())
            .map(|start| Candidate {
                start,
                end: start,
                kind: EntityType::Place,
                entry: None,
                canonical: None,
                rule: crate::names::RuleName::Rule("test"),
            })
            .collect();
        let expected: Vec<usize> = (0..doc.text.len())
            .map(|at| doc.sentence_index(at))
            .collect();
        assert_eq!(sentence_of_each(&doc, &candidates), expected);
    }
}
