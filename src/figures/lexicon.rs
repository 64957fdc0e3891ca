//! The figures stage's word lists: the number words, currencies and measure
//! units read from `gazetteers/figure_*.tsv` (into [`FIGURE_WORDS`]), and the
//! small closed grammatical sets (months, qualifier phrases, noun-phrase
//! stops, determiners, time words) as constants.
//!
//! Kept to this one file on purpose: it is to be replaced by the one shared
//! lexicon, so the rules only look words up through these names.

use std::collections::HashMap;

use once_cell::sync::Lazy;

use crate::hash::FnvBuild;
use crate::record::Qualifier;

/// How a number word combines with its neighbours (column `class` of
/// `figure_numbers.tsv`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum NumberWord {
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

/// The figure word lists loaded from the gazetteers.
#[derive(Debug)]
pub(super) struct FigureWords {
    /// Number words: lower-case word → class and value.
    pub(super) numbers: HashMap<&'static str, (NumberWord, f64), FnvBuild>,
    /// Prefix currency forms, case-sensitive, longest first.
    pub(super) prefixes: Vec<(&'static str, &'static str)>,
    /// Suffix currency forms, lower-case word sequences, longest first.
    pub(super) suffixes: Vec<(Vec<&'static str>, &'static str)>,
    /// Measure units, lower-case word sequences, longest first.
    pub(super) units: Vec<(Vec<&'static str>, &'static str)>,
}

/// The data rows of a TSV file: comments, blank lines and the header skipped.
fn tsv_rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// The figure word lists, loaded once.
pub(super) static FIGURE_WORDS: Lazy<FigureWords> = Lazy::new(|| {
    let mut numbers = HashMap::default();
    for row in tsv_rows(include_str!("../../gazetteers/figure_numbers.tsv")) {
        let (Some(word), Some(class), Some(value)) = (row.first(), row.get(1), row.get(2)) else {
            continue;
        };
        let class = match *class {
            "unit" => NumberWord::Unit,
            "tens" => NumberWord::Tens,
            "hundred" => NumberWord::Hundred,
            "scale" => NumberWord::Scale,
            "suffix" => NumberWord::Suffix,
            "dozen" => NumberWord::Dozen,
            "vague" => NumberWord::Vague,
            "fraction" => NumberWord::Fraction,
            "few" => NumberWord::Few,
            _ => continue,
        };
        if let Ok(v) = value.parse::<f64>() {
            numbers.insert(*word, (class, v));
        }
    }
    let mut prefixes = Vec::new();
    let mut suffixes = Vec::new();
    for row in tsv_rows(include_str!("../../gazetteers/figure_currencies.tsv")) {
        let (Some(form), Some(iso), Some(pos)) = (row.first(), row.get(1), row.get(2)) else {
            continue;
        };
        if matches!(*pos, "prefix" | "both") {
            prefixes.push((*form, *iso));
        }
        if matches!(*pos, "suffix" | "both") {
            suffixes.push((form.split(' ').collect::<Vec<_>>(), *iso));
        }
    }
    prefixes.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    suffixes.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    let mut units = Vec::new();
    for row in tsv_rows(include_str!("../../gazetteers/figure_units.tsv")) {
        let (Some(form), Some(cat)) = (row.first(), row.get(1)) else {
            continue;
        };
        units.push((form.split(' ').collect::<Vec<_>>(), *cat));
    }
    units.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    FigureWords {
        numbers,
        prefixes,
        suffixes,
        units,
    }
});

/// Month names (shared with the name rules: `crate::text::MONTHS`).
pub(super) use crate::text::MONTHS;

/// Words that end a counted noun phrase.
pub(super) const NP_STOP: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "to",
    "from",
    "by",
    "with",
    "without",
    "for",
    "and",
    "or",
    "but",
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "who",
    "whom",
    "which",
    "whose",
    "as",
    "than",
    "into",
    "onto",
    "across",
    "around",
    "over",
    "under",
    "between",
    "among",
    "per",
    "during",
    "after",
    "before",
    "since",
    "until",
    "about",
    "against",
    "through",
    "via",
    "like",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "do",
    "does",
    "did",
    "not",
    "no",
    "up",
    "down",
    "out",
    "off",
    "more",
    "less",
    "each",
    "every",
    "all",
    "both",
    "when",
    "where",
    "while",
    "if",
    "so",
    "then",
    "there",
    "here",
    "it",
    "they",
    "them",
    "we",
    "he",
    "she",
    "you",
    "i",
    "also",
    "already",
    "still",
    "now",
    "only",
    "just",
    "said",
    "says",
    "say",
    "including",
    "what",
    "respectively",
    "ago",
    "later",
    "earlier",
    "too",
    "apiece",
    "each",
    "whereas",
];

/// Verbs (and auxiliaries) that show a bare number is the subject ("Nine were executed").
pub(super) const SUBJECT_VERBS: &[&str] = &[
    "were", "was", "are", "is", "had", "have", "has", "will", "would", "could", "can", "may",
    "might", "did", "died", "remain", "remained", "remain", "live", "lived", "work", "worked",
    "face", "faced", "suffered", "received", "got", "went", "came", "fled", "took", "gave", "held",
    "made", "left", "lost", "won", "joined", "signed", "voted", "say", "said",
];

/// Participles used as adjectives before a counted noun ("500 armed men").
pub(super) const PARTICIPLE_ADJ: &[&str] = &[
    "armed",
    "wounded",
    "injured",
    "displaced",
    "detained",
    "registered",
    "skilled",
    "unnamed",
    "suspected",
    "alleged",
    "trained",
    "qualified",
    "unidentified",
    "elected",
    "confirmed",
    "reported",
    "estimated",
    "licensed",
    "named",
    "listed",
    "killed",
    "missing",
    "disabled",
    "retired",
    "talented",
    "dedicated",
    "affected",
    "infected",
    "vaccinated",
    "selected",
    "detailed",
    "related",
    "associated",
    "united",
    "advanced",
    "experienced",
    "undocumented",
    "unaccompanied",
    "displaced",
    "imprisoned",
    "jailed",
    "abducted",
    "kidnapped",
    "arrested",
    "banned",
    "designated",
    "accused",
    "convicted",
    "so-called",
];

/// Irregular plurals (and collective nouns) heading a counted noun phrase.
pub(super) const PLURAL_NOUNS: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "police",
    "youth",
    "staff",
    "personnel",
    "cattle",
    "sheep",
    "fish",
    "data",
    "media",
    "criteria",
    "aircraft",
    "livestock",
    "deer",
    "folk",
    "clergy",
    "militia",
    "infantry",
    "crew",
    "teeth",
    "feet",
    "mice",
    "geese",
    "offspring",
    "policemen",
    "policewomen",
    "servicemen",
    "firemen",
    "gunmen",
    "fishermen",
    "businessmen",
    "chairmen",
    "spokesmen",
    "congressmen",
    "tribesmen",
];

/// Words ending in -s that are not plural nouns.
pub(super) const NOT_PLURAL: &[&str] = &[
    "overseas",
    "various",
    "previous",
    "serious",
    "famous",
    "dangerous",
    "numerous",
    "less",
    "unless",
    "across",
    "plus",
    "thus",
    "its",
    "his",
    "this",
    "has",
    "was",
    "is",
    "as",
    "us",
    "always",
    "perhaps",
    "towards",
    "afterwards",
    "besides",
    "nearly",
    "news",
    "politics",
    "economics",
    "analysis",
    "basis",
    "crisis",
    "status",
    "bus",
    "gas",
    "chaos",
    "series",
    "species",
    "means",
    "headquarters",
    "mass",
    "class",
    "press",
    "process",
    "business",
    "progress",
    "congress",
    "success",
    "access",
    "address",
    "wellness",
    "illness",
    "religious",
    "anonymous",
    "enormous",
    "tremendous",
    "vicious",
    "nervous",
    "obvious",
    "continuous",
    "indigenous",
    "autonomous",
    "precious",
    "curious",
    "generous",
];

/// Determiners after which a small count refers back ("the two countries").
pub(super) const BACK_DETERMINERS: &[&str] = &[
    "the", "its", "their", "these", "those", "both", "his", "her", "our",
];

/// Words before a duration that place something in time instead of claiming a length.
pub(super) const TIME_PLACERS: &[&str] = &[
    "in",
    "within",
    "during",
    "after",
    "before",
    "past",
    "last",
    "next",
    "previous",
    "coming",
    "first",
    "recent",
    "following",
    "every",
    "each",
    "since",
    "another",
    "few",
    "final",
    "initial",
    "early",
    "earlier",
    "latest",
    "subsequent",
    "upcoming",
    "remaining",
    "prior",
];

/// Words after a duration that place something in time.
pub(super) const TIME_AFTER: &[&str] = &[
    "ago",
    "earlier",
    "later",
    "before",
    "after",
    "since",
    "running",
    "hence",
    "prior",
    "beforehand",
    "afterwards",
    "on",
    "into",
    "old-",
];

/// Hyphenated durations that only qualify a record ("six-year high").
pub(super) const RECORD_WORDS: &[&str] = &[
    "high", "low", "highs", "lows", "record", "peak", "best", "worst", "lowest", "highest", "top",
    "bottom", "ago", "old",
];

/// Qualifier phrases before a number, longest first within each group.
pub(super) const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["not", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["in", "excess", "of"], Qualifier::AtLeast),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["a", "maximum", "of"], Qualifier::AtMost),
    (&["as", "many", "as"], Qualifier::AtMost),
    (&["as", "much", "as"], Qualifier::AtMost),
    (&["as", "few", "as"], Qualifier::AtLeast),
    (&["as", "little", "as"], Qualifier::AtLeast),
    (&["in", "the", "region", "of"], Qualifier::Approx),
    (&["more", "or", "less"], Qualifier::Approx),
    (&["an", "estimated"], Qualifier::Approx),
    (&["at", "least"], Qualifier::AtLeast),
    (&["more", "than"], Qualifier::AtLeast),
    (&["greater", "than"], Qualifier::AtLeast),
    (&["upwards", "of"], Qualifier::AtLeast),
    (&["upward", "of"], Qualifier::AtLeast),
    (&["up", "to"], Qualifier::AtMost),
    (&["at", "most"], Qualifier::AtMost),
    (&["less", "than"], Qualifier::AtMost),
    (&["fewer", "than"], Qualifier::AtMost),
    (&["close", "to"], Qualifier::Approx),
    (&["just", "over"], Qualifier::AtLeast),
    (&["well", "over"], Qualifier::AtLeast),
    (&["just", "under"], Qualifier::AtMost),
    (&["well", "under"], Qualifier::AtMost),
    (&["just", "below"], Qualifier::AtMost),
    (&["well", "above"], Qualifier::AtLeast),
    (&["just", "above"], Qualifier::AtLeast),
    (&["over"], Qualifier::AtLeast),
    (&["above"], Qualifier::AtLeast),
    (&["exceeding"], Qualifier::AtLeast),
    (&["under"], Qualifier::AtMost),
    (&["below"], Qualifier::AtMost),
    (&["about"], Qualifier::Approx),
    (&["around"], Qualifier::Approx),
    (&["approximately"], Qualifier::Approx),
    (&["approx"], Qualifier::Approx),
    (&["some"], Qualifier::Approx),
    (&["roughly"], Qualifier::Approx),
    (&["nearly"], Qualifier::Approx),
    (&["almost"], Qualifier::Approx),
    (&["estimated"], Qualifier::Approx),
    (&["circa"], Qualifier::Approx),
];

/// Filler between a qualifier and its number ("close to a rate of 8.28").
pub(super) const QUALIFIER_FILLER: &[&[&str]] = &[
    &["a", "rate", "of"],
    &["a", "total", "of"],
    &["a", "level", "of"],
    &["a", "value", "of"],
    &["a", "peak", "of"],
];

/// Verbs of change: "rose from 5% to 7%" is two figures, not a range.
pub(super) const CHANGE_VERBS: &[&str] = &[
    "rose",
    "risen",
    "rise",
    "rises",
    "rising",
    "increased",
    "increase",
    "increases",
    "fell",
    "fallen",
    "fall",
    "falls",
    "falling",
    "grew",
    "grown",
    "grow",
    "grows",
    "dropped",
    "declined",
    "jumped",
    "climbed",
    "up",
    "down",
    "cut",
    "raised",
    "slipped",
    "surged",
    "soared",
    "plunged",
    "slumped",
    "went",
    "changed",
    "moved",
    "lowered",
    "doubled",
    "increasing",
    "expanded",
    "shrank",
    "widened",
    "narrowed",
    "edged",
    "slid",
    "tumbled",
    "leapt",
    "leaped",
];

/// Words between two figures that make the second a term of comparison
/// with the first ("14.3 pct from 11.4", "13,090 lire against … 12,705").
pub(super) const COMPARISON_LINKS: &[&str] = &[
    "from", "against", "versus", "vs", "compared", "of", "to", "with",
];

/// Modal words that make what follows a rule or a possibility, not a
/// fact about someone ("must … at the age of 18"); "have to" counts too.
pub(super) const MODALS: &[&str] = &[
    "must", "can", "could", "may", "might", "should", "shall", "allowed", "eligible",
];

/// `w` is one of `list`.
pub(super) fn is_in(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load() {
        assert!(FIGURE_WORDS.numbers.len() > 50);
        assert!(FIGURE_WORDS.prefixes.iter().any(|(f, _)| *f == "HK$"));
        assert!(FIGURE_WORDS.units.len() > 30);
    }
}
