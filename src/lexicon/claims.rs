//! The claims stage's small lists ([`ClaimCues`]), from
//! `gazetteers/claim_words.tsv` (each list's comment there says what it is
//! for). The attribution verbs are [`AttributionVerbs`](super::AttributionVerbs).

use super::lists::{Lists, WordList};

/// The claims stage's small lists.
#[derive(Clone, Debug, Default)]
pub(crate) struct ClaimCues {
    /// Words before a quotation that make it a title ("entitled").
    pub title_cues: WordList,
    /// Words between a subject and its verb that do not change it ("also").
    pub skip_before_verb: WordList,
    /// Heads of "the X said" that stand for an organization ("company").
    pub thing_heads: WordList,
    /// Heads of descriptions that stand for an unnamed institution ("government").
    pub unnamed_institutions: WordList,
    /// Nouns that name a document ("report", "white paper").
    pub document_words: WordList,
    /// Verbs that make an organization the author of a document ("published").
    pub publish_verbs: WordList,
    /// Words that open a prepositional phrase ("in", "upon").
    pub prepositions: WordList,
    /// Words that start a new clause with its own subject ("while").
    pub clause_openers: WordList,
    /// Subject pronouns and possessives that refer back to a name.
    pub pronouns: WordList,
    /// Auxiliaries that continue a predicate after "and" ("has").
    pub auxiliaries: WordList,
    /// Nouns for a holding in a company ("stake").
    pub holdings: WordList,
}

const CLAIM_WORDS: &str = include_str!("../../gazetteers/claim_words.tsv");

impl ClaimCues {
    /// The lists of `claim_words.tsv`.
    pub(super) fn load() -> ClaimCues {
        let mut lists = Lists::load("claim_words.tsv", CLAIM_WORDS);
        let cues = ClaimCues {
            title_cues: lists.take("title_cues"),
            skip_before_verb: lists.take("skip_before_verb"),
            thing_heads: lists.take("thing_heads"),
            unnamed_institutions: lists.take("unnamed_institutions"),
            document_words: lists.take("document_words"),
            publish_verbs: lists.take("publish_verbs"),
            prepositions: lists.take("prepositions"),
            clause_openers: lists.take("clause_openers"),
            pronouns: lists.take("pronouns"),
            auxiliaries: lists.take("auxiliaries"),
            holdings: lists.take("holdings"),
        };
        lists.finish();
        cues
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::Lexicon;

    #[test]
    fn claim_cues_load() {
        let cues = &Lexicon::embedded().claims;
        assert!(cues.document_words.contains("white paper"));
        assert!(cues.pronouns.contains("their"));
    }
}
