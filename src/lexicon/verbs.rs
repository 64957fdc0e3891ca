//! The attribution verbs ([`AttributionVerbs`]) of
//! `gazetteers/attribution_verbs.tsv` (its header documents the columns):
//! read by the claims stage, and as speech verbs by the name rules and the
//! gazetteer's context cues.

use std::collections::{HashMap, HashSet};

use super::{columns, embedded_table, mark, rows, WordMarks};
use crate::hash::FnvBuild;

/// How an attribution verb may be read.
#[derive(Clone, Copy, Debug)]
pub(crate) struct VerbUse {
    /// Also a common noun: a verb only after a comma or before "that".
    pub noun_too: bool,
    /// Read as attribution only when no object follows ("Smith added.").
    pub intransitive: bool,
    /// Can introduce or tag a direct quotation.
    pub tags_quote: bool,
}

/// The attribution verbs, in the file's order.
#[derive(Clone, Debug, Default)]
pub(crate) struct AttributionVerbs {
    /// The plain speech verbs (column `use` is `verb`), in the file's order.
    speech: Vec<&'static str>,
    /// Folded verb → how it may be read.
    by_verb: HashMap<&'static str, VerbUse, FnvBuild>,
    /// Verbs that tag a quotation and are no common nouns: after a name
    /// that is also a word, they show it is a person.
    quote_tags: HashSet<&'static str, FnvBuild>,
}

impl AttributionVerbs {
    /// Load the embedded list.
    pub(super) fn load() -> AttributionVerbs {
        let table = embedded_table!("attribution_verbs.tsv");
        let [verb, usage, quote] = columns(&table, ["verb", "use", "quote"]);
        let mut verbs = AttributionVerbs::default();
        for row in rows(&table) {
            let (verb, usage) = (row.cell(verb), row.cell(usage));
            let read = VerbUse {
                noun_too: usage == "noun",
                intransitive: usage == "intransitive",
                tags_quote: row.cell(quote) == "yes",
            };
            if usage == "verb" {
                verbs.speech.push(verb);
            }
            verbs.by_verb.insert(verb, read);
            if read.tags_quote && !read.noun_too {
                verbs.quote_tags.insert(verb);
            }
        }
        verbs
    }

    /// The list's entry for a folded word: the verb as listed and how it
    /// may be read.
    pub fn lookup(&self, word: &str) -> Option<(&'static str, VerbUse)> {
        self.by_verb
            .get_key_value(word)
            .map(|(&verb, &usage)| (verb, usage))
    }

    /// A verb that tags a quotation and is no common noun ("said",
    /// "insisted"; not "claims", "notes").
    pub fn is_quote_tag(&self, word: &str) -> bool {
        self.quote_tags.contains(word)
    }

    /// The number of verbs.
    pub(super) fn len(&self) -> usize {
        self.by_verb.len()
    }

    /// Mark every verb [`mark::ATTRIBUTION_VERB`] in `marks`: the bit is
    /// [`AttributionVerbs::lookup`] finding the folded word.
    pub(super) fn mark_words(&self, marks: &mut WordMarks) {
        marks.mark(mark::ATTRIBUTION_VERB, self.by_verb.keys().copied());
    }

    /// The plain speech verbs (column `use` is `verb`), in the file's order.
    pub(super) fn speech_verbs(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.speech.iter().copied()
    }
}
