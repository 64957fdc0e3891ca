//! The lexicon: every word list the stages read, loaded once from the
//! embedded `gazetteers/*.tsv` files through the one TSV reader
//! ([`crate::tsv`]) and held by each [`Extractor`](crate::Extractor).
//!
//! The stages never parse a word list themselves: they read the family of
//! lists that is theirs from the [`Lexicon`] they are given.
//!
//! - `names`: the name rules' lists ([`NameWords`]): given names, surnames,
//!   person titles, organization and place heads, capitalised stop words,
//!   organization descriptors, speech verbs.
//! - `figures`: the figure rules' lists ([`FigureWords`]): number words,
//!   currencies, measure units, qualifier phrases, and the small lists of
//!   `figure_words.tsv`.
//! - `verbs`: the attribution verbs ([`AttributionVerbs`]) the claims
//!   stage reads, and the speech verbs the gazetteer's context cues read.
//! - `claims`: the claims stage's other lists ([`ClaimCues`]): title cues,
//!   document words, prepositions, pronouns, ….
//! - `lists`: `WordList`, a named list of a `list word` file (the
//!   rules' small lists: one file per stage, one row per word).
//! - `additions`: the words a user adds through the builder
//!   ([`LexiconAdditions`]), merged into a copy of the embedded lexicon.
//!
//! A new list is a TSV file with a header in `gazetteers/` (documented in
//! `gazetteers/README.md`), a field in the family that reads it, and a
//! loader here; the rule then reads the field.

mod additions;
mod claims;
mod figures;
mod lists;
mod names;
mod verbs;

use once_cell::sync::Lazy;

use crate::error::Error;
use crate::tsv::{Column, Row, Tsv};

pub(crate) use additions::LexiconAdditions;
pub(crate) use claims::ClaimCues;
pub(crate) use figures::{FigureWords, NumberWord};
pub(crate) use names::{Head, NameWords, Phrase, TitleKind};
pub(crate) use verbs::AttributionVerbs;

/// Every word list of the pipeline, by the stage family that reads it.
#[derive(Clone, Debug)]
pub(crate) struct Lexicon {
    pub names: NameWords,
    pub figures: FigureWords,
    pub verbs: AttributionVerbs,
    pub claims: ClaimCues,
}

impl Lexicon {
    /// The lists embedded in the crate, loaded on first use and shared by
    /// every extractor that adds no words of its own.
    pub fn embedded() -> &'static Lexicon {
        static LEXICON: Lazy<Lexicon> = Lazy::new(Lexicon::load);
        &LEXICON
    }

    /// Load every embedded list.
    fn load() -> Lexicon {
        let verbs = AttributionVerbs::load();
        Lexicon {
            names: NameWords::load(&verbs),
            figures: FigureWords::load(),
            verbs,
            claims: ClaimCues::load(),
        }
    }
}

/// An embedded data file, its header read. The embedded files are checked
/// by the tests, so a fault in one is a bug of the crate: it panics.
fn embedded(name: &str, src: &'static str) -> Tsv<'static> {
    Tsv::parse(name, src).unwrap_or_else(|e| invalid(e))
}

/// The column `name` of an embedded file.
fn column(table: &Tsv<'static>, name: &str) -> Column {
    table.column(name).unwrap_or_else(|e| invalid(e))
}

/// The rows of an embedded file.
fn rows<'t>(table: &'t Tsv<'static>) -> impl Iterator<Item = Row<'t, 'static>> + 't {
    table.rows().map(|row| row.unwrap_or_else(|e| invalid(e)))
}

fn invalid(e: Error) -> ! {
    panic!("embedded word list is invalid: {e}")
}
