//! The claims stage's small lists ([`ClaimCues`]), from
//! `gazetteers/claim_words.tsv` (each list's comment there says what it is
//! for). The attribution verbs are [`AttributionVerbs`](super::AttributionVerbs).

use super::lists::word_lists;
use super::{mark, WordMarks};

word_lists! {
    /// The claims stage's small lists.
    pub(crate) struct ClaimCues from "claim_words.tsv" {
        /// Words before a quotation that make it a title ("entitled").
        title_cues,
        /// Words between a subject and its verb that do not change it ("also").
        skip_before_verb,
        /// Heads of "the X said" that stand for an organization ("company").
        thing_heads,
        /// Heads of descriptions that stand for an unnamed institution ("government").
        unnamed_institutions,
        /// Nouns that name a document ("report", "white paper").
        document_words,
        /// Verbs that make an organization the author of a document ("published").
        publish_verbs,
        /// Words that open a prepositional phrase ("in", "upon").
        prepositions,
        /// Words that start a new clause with its own subject ("while").
        clause_openers,
        /// Subject pronouns and possessives that refer back to a name.
        pronouns,
        /// Auxiliaries that continue a predicate after "and" ("has").
        auxiliaries,
        /// Nouns for a holding in a company ("stake").
        holdings,
        /// Auxiliaries and past forms that show a clause's subject ("lent").
        finite_verbs,
        /// Heads of "the X's" that stand for a place ("region").
        place_heads,
        /// Heads of "the X's" that stand for an organization ("company").
        organization_heads,
        /// Nouns for money offered by someone ("offer", "bid").
        bid_nouns,
        /// Verbs whose object acts in the figure's clause ("help", "let").
        cause_verbs,
        /// Role nouns that describe a person named before ("the striker").
        person_roles,
        /// Before a spokesmen noun, its body ("company").
        spokesmen_owners,
        /// People who speak for a body ("spokesmen", "officials").
        spokesmen_nouns,
    }
}

impl ClaimCues {
    /// The number of words [`ClaimCues::mark_words`] marks (at most).
    pub(super) fn marked_words(&self) -> usize {
        self.marked()
            .iter()
            .map(|(_, list)| list.iter().count())
            .sum()
    }

    /// Mark in `marks` every word of the lists the claims rules ask about
    /// per word ([`mark`] bits).
    pub(super) fn mark_words(&self, marks: &mut WordMarks) {
        for (bit, list) in self.marked() {
            marks.mark(bit, list.iter());
        }
        let document_words = self.document_words.iter().map(document_word_start);
        marks.mark(
            mark::DOCUMENT_WORD,
            document_words.filter(|w| !w.is_empty()),
        );
    }

    /// The marked lists and their bits.
    fn marked(&self) -> [(u64, &super::WordList); 6] {
        [
            (mark::CLAUSE_OPENER, &self.clause_openers),
            (mark::PREPOSITION, &self.prepositions),
            (mark::PRONOUN, &self.pronouns),
            (mark::PUBLISH_VERB, &self.publish_verbs),
            (mark::FINITE_VERB, &self.finite_verbs),
            (mark::SKIP_BEFORE_VERB, &self.skip_before_verb),
        ]
    }
}

/// The word a claims rule sees where document noun `d` starts: `d` itself,
/// or for one of several words the first (a claims word: a letter or digit,
/// then letters, digits, apostrophes and hyphens).
pub(super) fn document_word_start(d: &str) -> &str {
    if !d.contains(' ') {
        return d;
    }
    let end = d
        .char_indices()
        .find(|&(i, c)| !(c.is_alphanumeric() || i > 0 && matches!(c, '’' | '\'' | '-')))
        .map_or(d.len(), |(i, _)| i);
    &d[..end]
}
