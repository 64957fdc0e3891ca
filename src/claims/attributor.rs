//! The attributor: what the attribution rules know about one article.
//!
//! It holds the indexes every rule reads (entity mentions, words, quoted
//! passages, report authors) and, once [`Attributor::scan_sentences`] has
//! run, each sentence's attribution and opening subject, which pronouns and
//! quotes look back to. The rules themselves are `impl Attributor` blocks in
//! the sibling modules named for them.

use std::cell::OnceCell;
use std::ops::Range;

use super::mentions::Mentions;
use super::quotes::QuotedPassages;
use super::speakers::Attribution;
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
    /// (offset, entity) for each organization the article names as a
    /// document's author.
    pub(super) authors: Vec<(usize, usize)>,
    /// Per sentence: its attribution, if it has an attribution verb.
    pub(super) attribution: Vec<Option<Attribution>>,
    /// Per sentence: the entity that opens it (its likely subject).
    pub(super) opening_subject: Vec<Option<Attribution>>,
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
        let mut attributor = Attributor {
            doc,
            text: doc.text,
            entities,
            verbs: &lex.verbs,
            cues: &lex.claims,
            mentions: Mentions::new(entities, doc.text.len()),
            word_index: WordIndex::new(doc),
            passages: QuotedPassages::find(doc, &lex.verbs),
            authors: Vec::new(),
            attribution: vec![None; n],
            opening_subject: vec![None; n],
            parens: OnceCell::new(),
        };
        attributor.authors = attributor.find_authors();
        attributor
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
}
