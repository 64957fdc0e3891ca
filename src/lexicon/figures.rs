//! The figure rules' word lists ([`FigureWords`]): number words, currencies
//! and measure units, from `gazetteers/figure_*.tsv`.

use std::collections::HashMap;

use super::{column, embedded, rows};
use crate::hash::FnvBuild;

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
}

const NUMBERS: &str = include_str!("../../gazetteers/figure_numbers.tsv");
const CURRENCIES: &str = include_str!("../../gazetteers/figure_currencies.tsv");
const UNITS: &str = include_str!("../../gazetteers/figure_units.tsv");

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
        lex
    }
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
    }
}
