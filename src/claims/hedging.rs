//! Hedging: whether a claim's sentence marks it as reported, alleged or
//! believed ("reportedly", "is thought to", "according to media reports").
//!
//! To add a hedge, add its phrase to [`HEDGE`] (folded text, matched at word
//! boundaries).

use std::ops::Range;

use once_cell::sync::Lazy;
use regex::Regex;

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
