//! Hedging: whether a claim's sentence marks it as reported, alleged or
//! believed ("reportedly", "is thought to", "according to media reports").
//!
//! To add a hedge, add its phrase to [`HEDGE`] (folded text, matched at word
//! boundaries).

use std::ops::Range;

use once_cell::sync::Lazy;
use regex::Regex;

use super::attributor::Attributor;
use crate::text::Doc;

/// Words marking a claim as reported, alleged or believed. A closed set of
/// phrases, matched on folded text at word boundaries.
static HEDGE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"\b(?:reportedly|allegedly|purportedly|supposedly|it is (?:believed|thought|claimed|alleged|understood)|(?:is|are|was|were) (?:believed|thought|said|alleged|rumou?red|understood|suspected) (?:to|of)|according to (?:media |unconfirmed |press |news |local )?reports|citing (?:\w+ )?(?:media|press|news|local|unconfirmed) reports|(?:quote|quotation|words|remarks|comments) attributed to|reports (?:said|say|suggest|suggested)|claimed|claims that|, claims)\b",
    )
    .unwrap()
});

/// True when the sentence `s` marks the claim as reported or alleged.
/// `skip` is a quoted passage whose own words do not count; `claim_end`
/// is where a figure ends: a hedge in a clause joined after it by "and"
/// ("puts the deficit at $173bn and claims that …") does not govern it.
pub(super) fn is_hedged(
    doc: &Doc<'_>,
    s: Range<usize>,
    skip: Option<Range<usize>>,
    claim_end: Option<usize>,
) -> bool {
    let Some(folded) = doc.folded.get(s.clone()) else {
        return false;
    };
    HEDGE.find_iter(folded).any(|m| {
        let at = s.start + m.start();
        let skipped = skip.as_ref().is_some_and(|k| k.contains(&at));
        let later_clause = claim_end
            .is_some_and(|end| at >= end && folded[..m.start()].trim_end().ends_with(" and"));
        !skipped && !later_clause
    })
}

/// Where the hedges of sentence `s` start, each with whether it follows
/// " and" (a hedge in a later clause, see [`is_hedged`]).
pub(super) fn hedges(doc: &Doc<'_>, s: Range<usize>) -> Vec<(usize, bool)> {
    let Some(folded) = doc.folded.get(s.clone()) else {
        return Vec::new();
    };
    HEDGE
        .find_iter(folded)
        .map(|m| {
            let after_and = folded[..m.start()].trim_end().ends_with(" and");
            (s.start + m.start(), after_and)
        })
        .collect()
}

impl Attributor<'_, '_> {
    /// Is a figure at `fig` hedged by its sentence ([`is_hedged`] of the
    /// sentence, without a skipped passage)? The sentence's hedges are
    /// found once for all its figures.
    pub(super) fn figure_hedged(&self, fig: Range<usize>) -> bool {
        let si = self.doc.sentence_index(fig.start);
        if si >= self.doc.sentences.len() {
            return is_hedged(self.doc, 0..self.text.len(), None, Some(fig.end));
        }
        self.sentence_hedges(si)
            .iter()
            .any(|&(at, after_and)| !(at >= fig.end && after_and))
    }
}
