//! Figures: numbers that state a quantity, with their kind, unit, qualifier
//! and year (ANNOTATION.md, "Figures").
//!
//! Input: the [`Doc`] (text, folded text, sentences). Output: every
//! [`Figure`] in reading order, which the claims stage turns into records.
//!
//! The text is cut once into tokens, then one left-to-right pass tries the
//! figure grammar at every token that can start a number: digits, number
//! words, vague plurals ("thousands"), fractions ("a third", "one in five")
//! and currency prefixes ("HK$"). Each figure is given its kind and unit from
//! the words after it, its qualifier from the words around it, then, once all
//! are found, the unit of each count (its counted noun) and, sentence by
//! sentence, its year.
//!
//! Where things live (every rule is a method on [`tokens::Tokens`], the
//! stage's view of the text; the word lists it reads are the lexicon's
//! [`FigureWords`], from `gazetteers/figure_*.tsv`):
//!
//! - `tokens`: the tokenizer and the token accessors the rules read with.
//! - `scanner`: the pass over the tokens and `try_at`, the steps that read
//!   one figure; start here to add a step or change their order.
//! - `numbers`: digits, scale words and number words ("1.5 million", "two
//!   hundred and fifty", "tens of thousands").
//! - `fractions`: fractions and proportions in per cent ("two-thirds", "one
//!   in five").
//! - `ranges`: "between 10 and 20", "10-20", "7% to 8%".
//! - `money`: currency prefixes and words, exchange rates, conversions.
//! - `units`: percentages, measure units, and when a duration is a claim.
//! - `qualifiers`: "more than", "up to", "about", "or more", "-odd".
//! - `exclusions`: numbers that are not figures: dates, times, years, list
//!   numbers, scores, identifiers, parts of names, "one" meaning "a".
//! - `counted_noun`: the unit of a count, from its noun phrase or context.
//! - `years`: the year each figure is about.

mod counted_noun;
mod exclusions;
mod fractions;
mod money;
mod numbers;
mod qualifiers;
mod ranges;
mod scanner;
mod tokens;
mod units;
mod years;

use crate::lexicon::FigureWords;
use crate::record::{ClaimKind, Qualifier};
use crate::text::Doc;

use tokens::Tokens;

/// A figure found in the text, before it becomes a claim.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Figure {
    /// Byte range of the figure's text, currency prefix and unit included.
    pub start: usize,
    pub end: usize,
    pub kind: ClaimKind,
    /// The value (the lower end of a range; per cent for percentages).
    pub value: f64,
    /// The upper end of a range.
    pub upper: Option<f64>,
    /// ISO currency code, "%", a measure unit or the counted noun.
    pub unit: Option<String>,
    pub qualifier: Qualifier,
    /// The year the figure is about.
    pub year: Option<i32>,
    /// The rule that read it ("figure:range", "figure:money-symbol", …).
    pub rule: String,
}

/// Every figure in `doc`, in reading order, read with the word lists `lex`.
// Kept out of line so that profiles (`scripts/bench/stages.sh`) see the
// stage.
#[inline(never)]
pub(crate) fn find(doc: &Doc<'_>, lex: &FigureWords) -> Vec<Figure> {
    let tokens = Tokens::new(doc, lex);
    let found = tokens.scan();
    let mut found = tokens.unit_counts(found);
    tokens.bind_years(&mut found);
    // A number too long for f64 is not a quantity anyone states. The
    // figures move to a list of their own size; the matches' list is kept
    // for the thread's next article.
    let mut figures = Vec::with_capacity(found.len());
    figures.extend(
        found
            .drain(..)
            .map(|f| f.fig)
            .filter(|f| f.value.is_finite() && f.upper.map_or(true, f64::is_finite)),
    );
    scanner::keep_matches(found);
    figures
}

/// Counts `n` steps of work for the tests that check a rule's work grows
/// with the article, not faster (the year binding, the exchange rates'
/// look-back for their currency).
fn count_steps(n: usize) {
    #[cfg(test)]
    STEPS.with(|s| s.set(s.get() + n));
    let _ = n;
}

#[cfg(test)]
thread_local! {
    /// Steps counted by `count_steps`.
    static STEPS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// Reads of a token's text counted by `count_text_read`.
    static TEXT_READS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts one read of a token's text (its word or raw text), for the tests
/// that check a rule reads a word once, not once per entry of a list.
fn count_text_read() {
    #[cfg(test)]
    TEXT_READS.with(|s| s.set(s.get() + 1));
}

/// What `f` returns and the reads of token text it made.
#[cfg(test)]
fn text_reads_of<R>(f: impl FnOnce() -> R) -> (R, usize) {
    TEXT_READS.with(|s| s.set(0));
    let r = f();
    (r, TEXT_READS.with(std::cell::Cell::get))
}

/// The figures of `doc` and the steps `count_steps` counted finding them.
#[cfg(test)]
fn steps_of_find(doc: &Doc<'_>, lex: &FigureWords) -> (Vec<Figure>, usize) {
    STEPS.with(|s| s.set(0));
    let found = find(doc, lex);
    (found, STEPS.with(std::cell::Cell::get))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The figures of `text`: (text, value, unit).
    fn figs(text: &str) -> Vec<(String, f64, Option<String>)> {
        let doc = Doc::new(text, false);
        find(&doc, &crate::lexicon::Lexicon::embedded().figures)
            .into_iter()
            .map(|f| (text[f.start..f.end].to_string(), f.value, f.unit))
            .collect()
    }

    #[test]
    fn one_long_sentence_keeps_every_figure() {
        // Many figures and no sentence end. Linearity (every per-figure
        // look-back bounded) is measured, not timed here: see the
        // `no_sentence_end` case of `benches/adversarial.rs` and
        // `scripts/bench/linearity.sh`.
        let unit = "the Minister of Finance Li Wei said about 20 people in Kabul “left” and ";
        let text = unit.repeat((256 << 10) / unit.len());
        let doc = Doc::new(&text, false);
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        assert_eq!(find(&doc, lex).len(), text.matches("about 20").count());
    }

    #[test]
    fn huge_numbers_are_dropped() {
        let text = "7".repeat(5000);
        assert!(figs(&text).iter().all(|f| f.1.is_finite()));
    }

    #[test]
    fn basic_forms() {
        assert_eq!(figs("He paid $10 million.")[0].0, "$10 million");
        assert_eq!(figs("Profit was HK$327m.")[0].1, 327_000_000.0);
        assert_eq!(
            figs("About 500 fighters left.")[0].2.as_deref(),
            Some("fighters")
        );
    }
}
