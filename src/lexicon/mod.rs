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
//! - `gazetteer`: the gazetteer matcher's context cues ([`GazetteerCues`]):
//!   the words around an ambiguous name that license it.
//! - `sentences`: sentence splitting's lists ([`SentenceWords`]): the
//!   abbreviations whose full stop does not end a sentence.
//! - `lists`: [`WordList`], a named list of a `list word` file (the
//!   rules' small lists: one file per stage, one row per word), and
//!   `word_lists!`, which declares a stage's struct of them (`FigureCues`,
//!   `NameCues`, `ClaimCues`: one field per list, named as the list).
//! - `marks`: [`WordMarks`], which lists each word is on as the bits of
//!   one `u64` ([`mark`]: the name lists, number words, months, the figure
//!   rules' per-word lists, the attribution verbs and the claims rules'
//!   per-word lists), one table for every family, built by
//!   [`Lexicon::index_marks`]. The text layer (`text::Doc`) looks each base
//!   token up once; the stages' views copy the bits, so no rule hashes a
//!   word to ask whether it is on one of these lists. `marked_lists`
//!   (test-only) names each marked list's own answer, which the
//!   differential tests hold every bit to.
//! - `additions`: the words a user adds through the builder
//!   ([`LexiconAdditions`]), merged into a copy of the embedded lexicon.
//!
//! A new small list is rows `list word` in the stage's `*_words.tsv` and
//! a field of the same name in its `word_lists!` struct; a list with more
//! columns is a TSV file with a header in `gazetteers/` (documented in
//! `gazetteers/README.md`), a field in the family that reads it and a
//! loader here. The rule then reads the field. A list two families read is
//! loaded once and shared: the months (the `month` rows of
//! `stop_capitalized.tsv`, lower-cased) are `NameWords::months` and
//! `FigureWords::months`.
//!
//! Left in the rules' code on purpose: grammar sets of at most eight
//! function words that read as part of the rule (determiners and
//! possessives, subject pronouns, prepositions, conjunctions and clause
//! openers, "is" / "are" / "was" / "were"), the notation of a layout rather
//! than words (ordinal endings "st" / "nd" / "rd" / "th", a scorecard's
//! "c" / "b" / "st" / "lbw", quote marks and separators), the values of a
//! data column (surname origins, stop-word classes, the UK nations' ISO
//! codes), and the sentence splitter's abbreviations (`text/sentences.rs`).

mod additions;
mod claims;
mod figures;
mod gazetteer;
mod lists;
#[cfg(test)]
mod marked_lists;
mod marks;
mod names;
mod sentences;
mod verbs;

use once_cell::sync::Lazy;

use crate::error::Error;
use crate::tsv::{Column, Row, Tsv};

pub(crate) use additions::LexiconAdditions;
pub(crate) use claims::ClaimCues;
pub(crate) use figures::{word_slot, FigureWords, NumberWord, QualifierEnds, INDEXED};
pub(crate) use gazetteer::GazetteerCues;
pub(crate) use lists::WordList;
#[cfg(test)]
pub(crate) use marked_lists::marked_lists;
pub(crate) use marks::{mark, WordMarks};
pub(crate) use names::{Head, NameWords, Phrase, TitleKind};
pub(crate) use sentences::SentenceWords;
pub(crate) use verbs::AttributionVerbs;

/// Every word list of the pipeline, by the stage family that reads it.
#[derive(Clone, Debug)]
pub(crate) struct Lexicon {
    pub names: NameWords,
    pub figures: FigureWords,
    pub verbs: AttributionVerbs,
    pub claims: ClaimCues,
    pub gazetteer: GazetteerCues,
    pub sentences: SentenceWords,
    /// The lists each word is on, for every family ([`mark`] bits): built
    /// from the lists above by [`Lexicon::index_marks`].
    pub marks: WordMarks,
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
        let names = NameWords::load(&verbs);
        let mut lex = Lexicon {
            figures: FigureWords::load(&names.months),
            names,
            verbs,
            claims: ClaimCues::load(),
            gazetteer: GazetteerCues::load(),
            sentences: SentenceWords::load(),
            marks: WordMarks::default(),
        };
        lex.index_marks();
        lex
    }

    /// Mark every word of the lists the stages ask about per word, after
    /// the lists have changed.
    pub(crate) fn index_marks(&mut self) {
        let marks = &mut self.marks;
        marks.clear();
        // Sized once: growing by rehashing cost a third of the inserts.
        marks.reserve(
            self.names.marked_words()
                + self.figures.numbers.len()
                + self.verbs.len()
                + self.claims.marked_words()
                + self.sentences.marked_words(),
        );
        self.names.mark_words(marks);
        self.figures.mark_words(marks);
        self.verbs.mark_words(marks);
        self.claims.mark_words(marks);
        self.sentences.mark_words(marks);
    }
}

/// The embedded file `gazetteers/<name>`, its header read (see [`embedded_tsv`]).
macro_rules! embedded_table {
    ($name:literal) => {
        $crate::lexicon::embedded_tsv($name, include_str!(concat!("../../gazetteers/", $name)))
    };
}

use embedded_table;

/// An embedded data file, its header read. The embedded files are checked
/// by the tests, so a fault in one is a bug of the crate: it panics.
fn embedded_tsv(name: &str, src: &'static str) -> Tsv<'static> {
    Tsv::parse(name, src).unwrap_or_else(|e| invalid(e))
}

/// The column `name` of an embedded file.
fn column(table: &Tsv<'static>, name: &str) -> Column {
    table.column(name).unwrap_or_else(|e| invalid(e))
}

/// The columns `names` of an embedded file.
fn columns<const N: usize>(table: &Tsv<'static>, names: [&str; N]) -> [Column; N] {
    names.map(|name| column(table, name))
}

/// The rows of an embedded file.
fn rows<'t>(table: &'t Tsv<'static>) -> impl Iterator<Item = Row<'t, 'static>> + 't {
    table.rows().map(|row| row.unwrap_or_else(|e| invalid(e)))
}

fn invalid(e: Error) -> ! {
    panic!("embedded word list is invalid: {e}")
}

#[cfg(test)]
mod tests {
    use super::Lexicon;

    #[test]
    fn every_family_loads() {
        let names = &Lexicon::embedded().names;
        assert!(names.first_names.len() > 100);
        assert!(names.titles.iter().any(|(p, _)| p.words == ["Mr"]));
        assert!(names
            .org_heads
            .iter()
            .any(|(p, _)| p.words == ["Institute"]));
        assert!(names.speech.contains("said"));
        assert!(names.cues.before_team_pairs.contains_pair("lost", "to"));
        assert!(names.cues.posts.contains("High Commission"));
        let figures = &Lexicon::embedded().figures;
        assert!(figures.numbers.len() > 50);
        assert!(figures.prefixes.iter().any(|(f, _)| *f == "HK$"));
        assert!(figures.currency_cues.len() > 3);
        assert!(figures.units.len() > 30);
        assert_eq!(figures.qualifiers[0].0, ["no", "fewer", "than"]);
        let np_stop = &figures.cues.np_stop;
        assert!(np_stop.contains("whereas") && !np_stop.contains("people"));
        let claims = &Lexicon::embedded().claims;
        assert!(claims.document_words.contains("white paper"));
        assert!(claims.pronouns.contains("their"));
        assert!(Lexicon::embedded().verbs.is_quote_tag("insisted"));
        let abbreviations = &Lexicon::embedded().sentences.abbreviations;
        assert!(abbreviations.contains("mr") && abbreviations.contains("u.s"));
    }
}
