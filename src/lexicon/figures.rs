//! The figure rules' word lists ([`FigureWords`]): number words, currencies,
//! measure units, qualifier phrases and the small lists of
//! `figure_words.tsv` (noun-phrase stops, time words, verbs of change, …),
//! from `gazetteers/figure_*.tsv`.

use std::collections::{HashMap, HashSet};

use super::lists::word_lists;
use super::marks::{mark, WordMarks};
use super::{columns, embedded_table, rows};
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
    /// Month names and their abbreviations, lower-case (the name rules'
    /// [`NameWords::months`](super::NameWords), shared).
    pub months: HashSet<String, FnvBuild>,
    /// Number words: lower-case word → class and value.
    pub numbers: HashMap<&'static str, (NumberWord, f64), FnvBuild>,
    /// Prefix currency forms, case-sensitive, longest first.
    pub prefixes: Vec<(&'static str, &'static str)>,
    /// The last bytes of the prefix forms ("$" of "HK$"), one bit per byte
    /// value: a token ending in none of them ends no prefix.
    pub prefix_last_bytes: [u64; 4],
    /// The first bytes of the prefix forms ("H" of "HK$"), as for the last
    /// bytes: a token starting with none of them starts no prefix.
    pub prefix_first_bytes: [u64; 4],
    /// Suffix currency forms, lower-case word sequences, longest first.
    pub suffixes: Vec<(Vec<&'static str>, &'static str)>,
    /// Words that name a currency when a number follows (`cue` rows):
    /// (lower-case word, ISO).
    pub currency_cues: Vec<(&'static str, &'static str)>,
    /// Measure units, lower-case word sequences, longest first.
    pub units: Vec<(Vec<&'static str>, &'static str)>,
    /// The forms of [`Self::units`] by their first word: their indices, in
    /// list order (only forms starting with a token's word can match it).
    pub units_by_first: FormsByFirst,
    /// The forms of [`Self::suffixes`] by their first word in ASCII lower
    /// case, as for the units.
    pub suffixes_by_first: FormsByFirst,
    /// Qualifier phrases before a number, as words, longest first within
    /// each group ("no more than" before "more than").
    pub qualifiers: Vec<(Vec<&'static str>, Qualifier)>,
    /// Filler between a qualifier and its number ("close to a rate of 8.28"), as words.
    pub qualifier_filler: Vec<Vec<&'static str>>,
    /// The last words of [`Self::qualifiers`] and [`Self::qualifier_filler`]
    /// by their bit: which phrases can end at a word.
    pub qualifier_ends: QualifierEnds,
    /// The lists of `figure_words.tsv`.
    pub cues: FigureCues,
}

word_lists! {
    /// The figure rules' small lists (`figure_words.tsv`; each list's
    /// comment there says what it is for).
    pub(crate) struct FigureCues from "figure_words.tsv" {
        /// Filler between a qualifier and its number, read as
        /// [`FigureWords::qualifier_filler`].
        qualifier_filler,
        /// Words that end a counted noun phrase.
        np_stop,
        /// Verbs (and auxiliaries) that show a bare number is the subject ("Nine were executed").
        subject_verbs,
        /// Participles used as adjectives before a counted noun ("500 armed men").
        participle_adjectives,
        /// Irregular plurals (and collective nouns) heading a counted noun phrase.
        plural_nouns,
        /// Words ending in -s that are not plural nouns.
        not_plural,
        /// Determiners after which a small count refers back ("the two countries").
        back_determiners,
        /// Words before a duration that place something in time instead of claiming a length.
        time_placers,
        /// Words after a duration that place something in time.
        time_after,
        /// Hyphenated durations that only qualify a record ("six-year high").
        record_words,
        /// Verbs of change: "rose from 5% to 7%" is two figures, not a range.
        change_verbs,
        /// Words between two figures that make the second a term of comparison.
        comparison_links,
        /// Modal words that make what follows a rule or a possibility.
        modals,
        /// Nouns after a pair of numbers that make it a result ("a 1-3 defeat").
        result_nouns,
        /// Verbs before a pair of numbers that make it a result ("lost 2-4").
        result_verbs,
        /// Capitalised before a number, no part of a name ("In 2004").
        not_name_before_number,
        /// Before a four-digit number, keep it a year ("the 2004 elections").
        before_year,
        /// Determiners after "of" the counted-noun search skips ("of the").
        of_determiners,
        /// Before a fraction word, no proportion ("the first half").
        not_proportion_before,
        /// After a fraction word, a stretch of time ("half an hour").
        fraction_time_words,
        /// Before "up to", a sum, not a ceiling ("added up to").
        sum_verbs,
        /// After a fraction word, a proportion ("half the votes").
        fraction_determiners,
        /// After "last", "next", "this": a time ("last year").
        time_nouns,
        /// Before "of N", not the counted noun ("a total of").
        aggregate_nouns,
        /// Before N, its subject is the counted noun ("totalled").
        total_verbs,
        /// After a number, a time of day ("10 am", "10 GMT").
        clock_words,
        /// After a number, an address ("10 Downing Street").
        street_words,
        /// Between a determiner and a count, a part ("those first three").
        part_words,
        /// Units of a time in two units ("two hours 23 minutes").
        time_units,
        /// Before "over", a phrasal verb ("took over").
        handover_verbs,
        /// Between a number and a duration ("two more years").
        duration_fillers,
        /// Before a hyphenated duration, a period named ("the past 10-year").
        earlier_periods,
        /// Before a number, a rank ("number 14", "top 10").
        rank_words,
        /// After "N days of", an activity ("three days of talks").
        ongoing_nouns,
    }
}

impl FigureWords {
    /// Load the embedded lists; the months are the name rules' `months`.
    pub(super) fn load(months: &HashSet<String, FnvBuild>) -> FigureWords {
        let mut lex = FigureWords {
            months: months.clone(),
            ..FigureWords::default()
        };
        let table = embedded_table!("figure_numbers.tsv");
        let [word, class, value] = columns(&table, ["word", "class", "value"]);
        for row in rows(&table) {
            let class = NumberWord::from_class(row.cell(class));
            if let (Some(class), Ok(value)) = (class, row.cell(value).parse::<f64>()) {
                lex.numbers.insert(row.cell(word), (class, value));
            }
        }
        let table = embedded_table!("figure_currencies.tsv");
        let [form, iso, position] = columns(&table, ["form", "iso", "position"]);
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
        for b in lex.prefixes.iter().filter_map(|(f, _)| f.bytes().last()) {
            lex.prefix_last_bytes[usize::from(b >> 6)] |= 1 << (b & 63);
        }
        for b in lex.prefixes.iter().filter_map(|(f, _)| f.bytes().next()) {
            lex.prefix_first_bytes[usize::from(b >> 6)] |= 1 << (b & 63);
        }
        lex.suffixes
            .sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
        let table = embedded_table!("figure_units.tsv");
        let [form, category] = columns(&table, ["form", "category"]);
        for row in rows(&table) {
            lex.units
                .push((row.cell(form).split(' ').collect(), row.cell(category)));
        }
        lex.units.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
        lex.units_by_first = FormsByFirst::new(lex.units.iter().map(|(w, _)| w[0]));
        lex.suffixes_by_first = FormsByFirst::new(lex.suffixes.iter().map(|(w, _)| w[0]));
        lex.qualifiers = qualifiers();
        lex.cues = FigureCues::load();
        lex.qualifier_filler = lex.cues.qualifier_filler.phrases();
        lex.qualifier_ends = QualifierEnds::new(&lex.qualifiers, &lex.qualifier_filler);
        lex
    }
}

impl FigureWords {
    /// Mark in `marks` every word of the lists the figure rules ask about
    /// per token ([`mark`] bits; every list is lower-case).
    pub(super) fn mark_words(&self, marks: &mut WordMarks) {
        marks.mark(mark::NUMBER_WORD, self.numbers.keys().copied());
        marks.mark(mark::MONTH, self.months.iter().map(String::as_str));
        marks.mark(mark::UNIT_FIRST, self.units.iter().map(|(w, _)| w[0]));
        let currencies: Vec<String> = self
            .suffixes
            .iter()
            .map(|(w, _)| w[0].to_ascii_lowercase())
            .collect();
        marks.mark(mark::CURRENCY_FIRST, currencies.iter().map(String::as_str));
        let cues = &self.cues;
        for (bit, list) in [
            (mark::NP_STOP, &cues.np_stop),
            (mark::SUBJECT_VERB, &cues.subject_verbs),
            (mark::PARTICIPLE_ADJECTIVE, &cues.participle_adjectives),
            (mark::PLURAL_NOUN, &cues.plural_nouns),
            (mark::NOT_PLURAL, &cues.not_plural),
            (mark::OF_DETERMINER, &cues.of_determiners),
            (mark::COMPARISON_LINK, &cues.comparison_links),
            (mark::AGGREGATE_NOUN, &cues.aggregate_nouns),
            (mark::CHANGE_VERB, &cues.change_verbs),
        ] {
            marks.mark(bit, list.iter());
        }
    }
}

/// Word-sequence forms (units, currency words) by their first word in
/// ASCII lower case: the indices of the forms starting with it, in list
/// order, so that a rule reads only the forms a token can start.
#[derive(Clone, Debug, Default)]
pub(crate) struct FormsByFirst {
    forms: HashMap<String, Vec<usize>, FnvBuild>,
}

impl FormsByFirst {
    /// The table of forms whose first words are `firsts`, in list order.
    fn new<'w>(firsts: impl Iterator<Item = &'w str>) -> FormsByFirst {
        let mut table = FormsByFirst::default();
        for (i, w) in firsts.enumerate() {
            let key = w.to_ascii_lowercase();
            table.forms.entry(key).or_default().push(i);
        }
        table
    }

    /// The indices of the forms whose first word is `word` (lower case),
    /// in list order; none for any other word.
    pub(crate) fn starting_with(&self, word: &str) -> &[usize] {
        self.forms.get(word).map_or(&[], Vec::as_slice)
    }
}

/// The rows of `figure_qualifiers.tsv`, in the file's order.
fn qualifiers() -> Vec<(Vec<&'static str>, Qualifier)> {
    let table = embedded_table!("figure_qualifiers.tsv");
    let [phrase, qualifier] = columns(&table, ["phrase", "qualifier"]);
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

/// The qualifier phrases found by the bit of their last word: the first
/// [`INDEXED`] of the lexicon; any after them are read for every number.
pub(crate) const INDEXED: usize = 64;

/// The last words of the qualifier phrases and fillers, by their bit
/// ([`word_slot`]).
#[derive(Clone, Debug)]
pub(crate) struct QualifierEnds {
    /// The bits of every phrase's and filler's last word: a word whose bit
    /// is not here ends none (`may_end_qualifier` in the figures stage).
    pub any: u64,
    /// For each bit, the phrases (the first [`INDEXED`] of the lexicon, by
    /// index) whose last word has it.
    pub phrases: [u64; 64],
    /// The bits of every filler's last word: a word whose bit is not here
    /// ends no filler.
    pub fillers: u64,
}

/// The bit of `word` in [`QualifierEnds`]: from its length and its first
/// and last bytes.
pub(crate) fn word_slot(word: &str) -> usize {
    let b = word.as_bytes();
    let first = b.first().map_or(0, |&c| usize::from(c));
    let last = b.last().map_or(0, |&c| usize::from(c));
    (b.len() * 7 + first * 3 + last) % 64
}

impl Default for QualifierEnds {
    fn default() -> QualifierEnds {
        QualifierEnds {
            any: 0,
            phrases: [0; 64],
            fillers: 0,
        }
    }
}

impl QualifierEnds {
    /// The table of `qualifiers` (the first [`INDEXED`] by index) and
    /// `fillers`, built once with the lexicon.
    fn new(
        qualifiers: &[(Vec<&'static str>, Qualifier)],
        fillers: &[Vec<&'static str>],
    ) -> QualifierEnds {
        let mut ends = QualifierEnds::default();
        let phrases = qualifiers.iter().map(|(p, _)| p.as_slice());
        for (i, p) in phrases.enumerate().take(INDEXED) {
            match p.last() {
                Some(w) => ends.phrases[word_slot(w)] |= 1 << i,
                // An empty phrase ends before any word.
                None => ends.phrases.iter_mut().for_each(|s| *s |= 1 << i),
            }
        }
        for p in fillers {
            ends.fillers |= p.last().map_or(u64::MAX, |w| 1 << word_slot(w));
        }
        let phrases = qualifiers.iter().map(|(p, _)| p.as_slice());
        for p in phrases {
            ends.any |= p.last().map_or(u64::MAX, |w| 1 << word_slot(w));
        }
        ends.any |= ends.fillers;
        ends
    }
}
