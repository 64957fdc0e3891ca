//! The attributor: what the attribution rules know about one article.
//!
//! It holds the indexes every rule reads (entity mentions, words, quoted
//! passages, report authors) and what is known so far of each sentence's
//! attribution and opening subject, which pronouns and quotes look back to. The rules themselves are `impl Attributor` blocks in
//! the sibling modules named for them.

use std::cell::{OnceCell, RefCell};
use std::ops::Range;

use super::authors::Authors;
use super::mentions::Mentions;
use super::quotes::QuotedPassages;
use super::sentence_facts::SentenceFacts;
use super::words::{WordIndex, Words};
use crate::lexicon::{AttributionVerbs, ClaimCues, Lexicon};
use crate::record::{Entity, Source};
use crate::text::Doc;

/// Who said what in one article.
pub(super) struct Attributor<'a, 'd> {
    pub(super) doc: &'d Doc<'a>,
    pub(super) text: &'a str,
    pub(super) entities: &'d [Entity],
    /// The attribution verbs of the lexicon.
    pub(super) verbs: &'d AttributionVerbs,
    /// The stage's other word lists.
    pub(super) cues: &'d ClaimCues,
    pub(super) mentions: Mentions,
    /// Every word of the folded text: `words` reads its ranges from here
    /// instead of searching the text again.
    word_index: WordIndex<'d>,
    pub(super) passages: QuotedPassages,
    /// The organizations the article names as a document's author, read
    /// on first use (only "the report said" asks) as far as asked.
    pub(super) authors: RefCell<Authors>,
    /// Each sentence's attribution and opening subject, worked out on
    /// first use.
    pub(super) facts: SentenceFacts,
    /// Where the text's `(` and `)` are, found on first use (see
    /// `subjects`): counting them in a stretch is then two binary searches.
    pub(super) parens: OnceCell<[Vec<usize>; 2]>,
}

impl<'a, 'd> Attributor<'a, 'd> {
    /// Index `doc` and the mentions of `entities`, reading the word lists
    /// of `lex`; sentences are not attributed yet.
    pub(super) fn new(
        doc: &'d Doc<'a>,
        entities: &'d [Entity],
        lex: &'d Lexicon,
    ) -> Attributor<'a, 'd> {
        let n = doc.sentences.len();
        Attributor {
            doc,
            text: doc.text,
            entities,
            verbs: &lex.verbs,
            cues: &lex.claims,
            mentions: Mentions::new(entities, doc.text.len()),
            word_index: WordIndex::new(doc),
            passages: QuotedPassages::find(doc, &lex.verbs),
            authors: RefCell::default(),
            facts: SentenceFacts::new(n),
            parens: OnceCell::new(),
        }
    }

    /// The record's source for entity `ent`.
    pub(super) fn source(&self, ent: usize) -> Source {
        let e = &self.entities[ent];
        Source {
            name: e.name.clone(),
            entity: Some(e.id.clone()),
        }
    }

    /// Words of `r` in the folded text (see [`WordIndex::words`]).
    pub(super) fn words(&self, r: Range<usize>) -> Words<'_, 'd> {
        self.word_index.words(r)
    }

    /// The last `n` words of `r` (see [`WordIndex::words_tail`]).
    pub(super) fn words_tail(&self, r: Range<usize>, n: usize) -> Words<'_, 'd> {
        self.word_index.words_tail(r, n)
    }
}
