//! The figure rules' word lists ([`FigureWords`]): number words, currencies,
//! measure units, qualifier phrases and the small lists of
//! `figure_words.tsv` (noun-phrase stops, time words, verbs of change, …),
//! from `gazetteers/figure_*.tsv`.

use std::collections::HashMap;

use super::lists::{Lists, WordList};
use super::{column, embedded, rows};
use crate::hash::FnvBuild;
use crate::record::Qualifier;

/// How a number word combines with its neighbours (column `class` of
/// `figure_numbers.tsv`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum NumberWord {
    /// A cardinal 0-19 ("seven").
    Unit,
    /// "twenty" … "ninety" (may take a hyphenated unit: "twenty-five").
    Tens,
    /// "hundred": multiplies what precedes it.
    Hundred,
    /// Multiplies the number before it, apart or glued ("million", "bn", "crore").
    Scale,
    /// A scale only when glued to digits ("327m", "5k").
    Suffix,
    /// "dozen": 12, multiplies a number before it ("two dozen").
    Dozen,
    /// A plural vague quantity valued at its lower bound ("thousands" 2000).
    Vague,
    /// A fraction word valued in per cent of one ("third" 33.3333).
    Fraction,
    /// A vague multiplier before a scale word ("several hundred" 300).
    Few,
}

impl NumberWord {
    /// The class named `name` in `figure_numbers.tsv`.
    fn from_class(name: &str) -> Option<NumberWord> {
        Some(match name {
            "unit" => NumberWord::Unit,
            "tens" => NumberWord::Tens,
            "hundred" => NumberWord::Hundred,
            "scale" => NumberWord::Scale,
            "suffix" => NumberWord::Suffix,
            "dozen" => NumberWord::Dozen,
            "vague" => NumberWord::Vague,
            "fraction" => NumberWord::Fraction,
            "few" => NumberWord::Few,
            _ => return None,
        })
    }
}

/// The figure rules' word lists.
#[derive(Clone, Debug, Default)]
pub(crate) struct FigureWords {
    /// Number words: lower-case word → class and value.
    pub numbers: HashMap<&'static str, (NumberWord, f64), FnvBuild>,
    /// Prefix currency forms, case-sensitive, longest first.
    pub prefixes: Vec<(&'static str, &'static str)>,
    /// Suffix currency forms, lower-case word sequences, longest first.
    pub suffixes: Vec<(Vec<&'static str>, &'static str)>,
    /// Words that name a currency when a number follows (`cue` rows):
    /// (lower-case word, ISO).
    pub currency_cues: Vec<(&'static str, &'static str)>,
    /// Measure units, lower-case word sequences, longest first.
    pub units: Vec<(Vec<&'static str>, &'static str)>,
    /// Qualifier phrases before a number, as words, longest first within
    /// each group ("no more than" before "more than").
    pub qualifiers: Vec<(Vec<&'static str>, Qualifier)>,
    /// Filler between a qualifier and its number ("close to a rate of 8.28"), as words.
    pub qualifier_filler: Vec<Vec<&'static str>>,
    /// Words that end a counted noun phrase.
    pub np_stop: WordList,
    /// Verbs (and auxiliaries) that show a bare number is the subject ("Nine were executed").
    pub subject_verbs: WordList,
    /// Participles used as adjectives before a counted noun ("500 armed men").
    pub participle_adjectives: WordList,
    /// Irregular plurals (and collective nouns) heading a counted noun phrase.
    pub plural_nouns: WordList,
    /// Words ending in -s that are not plural nouns.
    pub not_plural: WordList,
    /// Determiners after which a small count refers back ("the two countries").
    pub back_determiners: WordList,
    /// Words before a duration that place something in time instead of claiming a length.
    pub time_placers: WordList,
    /// Words after a duration that place something in time.
    pub time_after: WordList,
    /// Hyphenated durations that only qualify a record ("six-year high").
    pub record_words: WordList,
    /// Verbs of change: "rose from 5% to 7%" is two figures, not a range.
    pub change_verbs: WordList,
    /// Words between two figures that make the second a term of comparison.
    pub comparison_links: WordList,
    /// Modal words that make what follows a rule or a possibility.
    pub modals: WordList,
    /// Nouns after a pair of numbers that make it a result ("a 1-3 defeat").
    pub result_nouns: WordList,
    /// Verbs before a pair of numbers that make it a result ("lost 2-4").
    pub result_verbs: WordList,
}

const NUMBERS: &str = include_str!("../../gazetteers/figure_numbers.tsv");
const CURRENCIES: &str = include_str!("../../gazetteers/figure_currencies.tsv");
const UNITS: &str = include_str!("../../gazetteers/figure_units.tsv");
const QUALIFIERS: &str = include_str!("../../gazetteers/figure_qualifiers.tsv");
const WORDS: &str = include_str!("../../gazetteers/figure_words.tsv");

impl FigureWords {
    /// Load the embedded lists.
    pub(super) fn load() -> FigureWords {
        let mut lex = FigureWords::default();
        let table = embedded("figure_numbers.tsv", NUMBERS);
        let (word, class, value) = (
            column(&table, "word"),
            column(&table, "class"),
            column(&table, "value"),
        );
        for row in rows(&table) {
            let class = NumberWord::from_class(row.cell(class));
            if let (Some(class), Ok(value)) = (class, row.cell(value).parse::<f64>()) {
                lex.numbers.insert(row.cell(word), (class, value));
            }
        }
        let table = embedded("figure_currencies.tsv", CURRENCIES);
        let (form, iso, position) = (
            column(&table, "form"),
            column(&table, "iso"),
            column(&table, "position"),
        );
        for row in rows(&table) {
            let (form, iso, position) = (row.cell(form), row.cell(iso), row.cell(position));
            if matches!(position, "prefix" | "both") {
                lex.prefixes.push((form, iso));
            }
            if matches!(position, "suffix" | "both") {
                lex.suffixes.push((form.split(' ').collect(), iso));
            }
            if position == "cue" {
                lex.currency_cues.push((form, iso));
            }
        }
        lex.prefixes
            .sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
        lex.suffixes
            .sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
        let table = embedded("figure_units.tsv", UNITS);
        let (form, category) = (column(&table, "form"), column(&table, "category"));
        for row in rows(&table) {
            lex.units
                .push((row.cell(form).split(' ').collect(), row.cell(category)));
        }
        lex.units.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
        lex.qualifiers = qualifiers();
        lex.load_lists();
        lex
    }

    /// The lists of `figure_words.tsv`.
    fn load_lists(&mut self) {
        let mut lists = Lists::load("figure_words.tsv", WORDS);
        self.qualifier_filler = lists.take("qualifier_filler").phrases();
        self.np_stop = lists.take("np_stop");
        self.subject_verbs = lists.take("subject_verbs");
        self.participle_adjectives = lists.take("participle_adjectives");
        self.plural_nouns = lists.take("plural_nouns");
        self.not_plural = lists.take("not_plural");
        self.back_determiners = lists.take("back_determiners");
        self.time_placers = lists.take("time_placers");
        self.time_after = lists.take("time_after");
        self.record_words = lists.take("record_words");
        self.change_verbs = lists.take("change_verbs");
        self.comparison_links = lists.take("comparison_links");
        self.modals = lists.take("modals");
        self.result_nouns = lists.take("result_nouns");
        self.result_verbs = lists.take("result_verbs");
        lists.finish();
    }
}

/// The rows of `figure_qualifiers.tsv`, in the file's order.
fn qualifiers() -> Vec<(Vec<&'static str>, Qualifier)> {
    let table = embedded("figure_qualifiers.tsv", QUALIFIERS);
    let (phrase, qualifier) = (column(&table, "phrase"), column(&table, "qualifier"));
    rows(&table)
        .map(|row| {
            let q = [Qualifier::AtLeast, Qualifier::AtMost, Qualifier::Approx]
                .into_iter()
                .find(|q| q.as_str() == row.cell(qualifier))
                .unwrap_or_else(|| super::invalid(row.error("unknown qualifier")));
            (row.cell(phrase).split(' ').collect(), q)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::lexicon::Lexicon;

    #[test]
    fn figure_words_load() {
        let lex = &Lexicon::embedded().figures;
        assert!(lex.numbers.len() > 50);
        assert!(lex.prefixes.iter().any(|(f, _)| *f == "HK$"));
        assert!(lex.currency_cues.len() > 3);
        assert!(lex.units.len() > 30);
        assert_eq!(lex.qualifiers[0].0, ["no", "fewer", "than"]);
        assert!(lex.np_stop.contains("whereas") && !lex.np_stop.contains("people"));
    }
}
