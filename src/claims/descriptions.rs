//! Descriptions: whom "the council", "the striker", "the chief executive"
//! or "the 28-year-old" stands for, as the subject of an attribution verb.
//!
//! A description refers back to the entity the article introduced with the
//! same words ("Rangers striker Kris Boyd", "Jane Roe, the chief
//! executive,", "Smith, 28,"): the nearest earlier use of the description's
//! words names, in a few words either side, the entity it stands for. An
//! earlier use with "a" or "an" and no name ("a senior official") introduced
//! someone unnamed, so the description names nobody. With no earlier use, a
//! thing's description ("the council", "the firm") stands for the nearest
//! organization named before whose name ends in the same word, else the
//! nearest organization.

use std::ops::Range;

use super::attributor::Attributor;
use super::mentions::EntityMention;
use crate::record::EntityType;
use crate::text::on_word_boundaries;

/// How far back (bytes) a description may reach for its introduction.
const DESCRIPTION_REACH: usize = 6000;

/// How many words may separate an earlier use of the description from the
/// name it describes ("chief executive Sam Yagan", "Boyd, the striker").
const NAME_GAP: usize = 3;

impl Attributor<'_, '_> {
    /// The entity that the description at `desc` (its words after "the")
    /// stands for: `Some(Some(e))` when the article named it, `Some(None)`
    /// when it introduced it unnamed, `None` when it cannot tell.
    pub(super) fn resolve_description(
        &self,
        desc: Range<usize>,
        human: bool,
    ) -> Option<Option<usize>> {
        let folded = &self.doc.folded;
        let phrase = folded.get(desc.clone())?.trim();
        if phrase.is_empty() {
            return None;
        }
        let mut lo = desc.start.saturating_sub(DESCRIPTION_REACH);
        while !folded.is_char_boundary(lo) {
            lo += 1;
        }
        let mut uses: Vec<Range<usize>> = folded[lo..desc.start]
            .match_indices(phrase)
            .map(|(k, _)| lo + k..lo + k + phrase.len())
            .filter(|r| on_word_boundaries(folded, r.start, r.end))
            .collect();
        // "Smith, 28," introduces "the 28-year-old".
        if let Some(age) = phrase.strip_suffix("-year-old") {
            let apposition = format!(", {age},");
            uses.extend(
                folded[lo..desc.start]
                    .match_indices(&apposition)
                    .map(|(k, _)| lo + k..lo + k + apposition.len()),
            );
            uses.sort_by_key(|r| r.start);
        }
        for used in uses.into_iter().rev() {
            if let Some(m) = self.name_beside(used.clone(), human) {
                return Some(Some(m.entity));
            }
            // "U.N. experts …, the experts said": people described only by
            // their role in a named organization stand for it.
            let owner = self
                .mentions
                .ending_at(self.text[..used.start].trim_end().len(), |m| {
                    m.kind == EntityType::Organization
                });
            if let (true, Some(m)) = (human, owner) {
                return Some(Some(m.entity));
            }
            // "a senior administration official": someone unnamed.
            let from = used.start.saturating_sub(40);
            let lead = self.words(self.doc.sentence_span(used.start).start.max(from)..used.start);
            let indefinite = lead
                .iter()
                .rev()
                .take(3)
                .any(|w| matches!(w.2, "a" | "an" | "another"));
            if indefinite {
                return Some(None);
            }
        }
        if human {
            return None;
        }
        // "the government", "the police": an institution the article has
        // not named stands for nobody in particular.
        let head = phrase.rsplit(' ').next().unwrap_or(phrase);
        if self.cues.unnamed_institutions.contains(head) {
            return Some(None);
        }
        self.organization_before(desc.start, phrase)
            .map(|m| Some(m.entity))
    }

    /// A person (or, for things, an organization) named within
    /// [`NAME_GAP`] words of `used`, in its sentence.
    fn name_beside(&self, used: Range<usize>, human: bool) -> Option<EntityMention> {
        let s = self.doc.sentence_span(used.start);
        let wanted = |m: &&EntityMention| {
            if human {
                m.kind == EntityType::Person
            } else {
                m.kind == EntityType::Organization
            }
        };
        let after = self
            .mentions
            .within(used.end..s.end)
            .find(wanted)
            .filter(|m| self.words(used.end..m.start).len() <= NAME_GAP);
        let before = self
            .mentions
            .within(s.start..used.start)
            .filter(wanted)
            .last()
            .filter(|m| self.words(m.end..used.start).len() <= NAME_GAP);
        // The nearer of the two.
        match (before, after) {
            (Some(b), Some(a)) => {
                if used.start - b.end <= a.start - used.end {
                    Some(*b)
                } else {
                    Some(*a)
                }
            }
            (b, a) => b.or(a).copied(),
        }
    }

    /// The nearest organization named before `at` whose name ends with the
    /// description's last word ("the council" → "UK Film Council"), else the
    /// nearest organization within the reach.
    fn organization_before(&self, at: usize, phrase: &str) -> Option<EntityMention> {
        let head = phrase.rsplit(' ').next().unwrap_or(phrase);
        let lo = at.saturating_sub(DESCRIPTION_REACH);
        // A name inside a quotation is what someone said, not whom the
        // narrative introduced.
        let orgs: Vec<&EntityMention> = self
            .mentions
            .within(lo..at)
            .filter(|m| m.kind == EntityType::Organization && !self.passages.contains(m.start))
            .collect();
        let named_so = orgs.iter().rev().find(|m| {
            let name = self.entities[m.entity].name.to_lowercase();
            name.rsplit(' ').next() == Some(head)
        });
        named_so.or(orgs.last()).map(|m| **m)
    }
}
