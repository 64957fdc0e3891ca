//! Claims: figures with their subject and source, and direct quotations
//! with their speaker.
//!
//! The stage takes the [`Doc`] (text, folded text, sentences), the entities
//! that `entities::resolve` found (their mentions are the candidate
//! subjects, sources and speakers) and the figures that `figures` found. It
//! returns the record's claims in reading order, numbered `c1`, `c2`, …:
//! each figure with its subject, source, year and whether it is hedged, and
//! (when asked) each direct quotation with its speaker.
//!
//! Attribution is read from the words around a claim: an attribution verb
//! ("said", "told", "estimated") and the noun phrase that is its subject,
//! before the verb ("Li Wei, an expert at X, told …") or after it ("…,” said
//! Li Wei"). The subject resolves to a named entity, a pronoun (looked up in
//! the sentences before), a document ("the report": its named author) or
//! nobody ("analysts", "officials").
//!
//! # What each module holds
//!
//! - `words`: the word index of the folded text: joins of the document's
//!   base tokens, each word with its lexicon marks, indexed a sentence at a
//!   time as the rules first read it.
//! - `verbs`: finding attribution verbs in a stretch of text.
//! - `mentions`: the entity mentions that can be a subject, source or
//!   speaker, looked up by range.
//! - `quotes`: quoted passages (quote marks, boundaries, sloppy closes) and
//!   which of them are quotes rather than scare quotes or titles.
//! - `attributor`: the per-article state the attribution rules share.
//! - `referents`: whom the noun phrase next to a verb names.
//! - `sentence_facts`: each sentence's attribution and opening subject,
//!   worked out on first use.
//! - `speakers`: a sentence's attribution, pronoun resolution, quote
//!   speakers.
//! - `descriptions`: whom "the striker", "the council" or "the
//!   28-year-old" stands for.
//! - `authors`: organizations named as the authors of a report.
//! - `sources`: a figure's source.
//! - `subjects`: a figure's subject (whose quantity it states).
//! - `clauses`: where the clause holding a figure starts and ends.
//! - `bearers`: the subject rules that read the words right around a
//!   figure ("the $6bn which VEB lent", "the region's", "three other men").
//! - `hedging`: "reportedly", "is believed to", ….
//! - `conversions`: bracketed currency conversions ("$6bn (£3.2bn)").
//! - `window`: the stretch of a claim's sentence kept in its record.
//! - `records`: the claim records built from all of the above.
//!
//! # Adding a rule
//!
//! A new attribution verb is a row in `gazetteers/attribution_verbs.tsv`
//! (read into the lexicon); a
//! new hedge a phrase in `hedging`. A new way of naming a speaker ("X's
//! spokesman said") goes in `referents`; a new place to look for one (an
//! earlier sentence, an earlier quote) in `speakers` for quotes or
//! `sources` for figures; a new pattern of what a figure is about in
//! `subjects`. `tests/claims.rs` and `testdata/claims.toml` hold
//! the cases.

mod attributor;
mod authors;
mod bearers;
mod clauses;
mod conversions;
mod descriptions;
mod hedging;
mod mentions;
mod quotes;
mod records;
mod referents;
mod sentence_facts;
mod sources;
mod speakers;
mod subjects;
mod verbs;
mod window;
mod words;

use crate::figures::Figure;
use crate::lexicon::Lexicon;
use crate::record::{shorten, slot, write_numbered_id, Claim, ClaimKind, Entity, Spares};
use crate::text::Doc;

use attributor::Attributor;

/// Turn figures into claims and add quotes (when `quotes` is set), in
/// reading order, with the word lists of `lex`, over the claims of `out`
/// (a reused record's: overwritten in place, new ones taken from `spares`
/// first, surplus ones left there).
// Kept out of line so that profiles (`scripts/bench/stages.sh`) see the
// stage.
#[inline(never)]
pub(crate) fn build(
    doc: &Doc<'_>,
    entities: &[Entity],
    figures: Vec<Figure>,
    lex: &Lexicon,
    quotes: bool,
    out: &mut Vec<Claim>,
    spares: &mut Spares,
) {
    let attributor = Attributor::new(doc, entities, lex);
    let spoken = attributor.quotes_with_speakers();

    // Room for every claim, and no spare capacity (the claims overwrite
    // those `out` holds, in place).
    let count = figures.len() + if quotes { spoken.len() } else { 0 };
    out.reserve_exact(count.saturating_sub(out.len()));
    let spare = &mut spares.claims;
    let figure_count = records::write_figure_claims(&attributor, figures, &spoken, out, spare);
    if quotes {
        for (k, &quote) in spoken.iter().enumerate() {
            let claim = slot(out, figure_count + k, spare, records::blank_claim);
            records::write_quote_claim(&attributor, quote, claim);
        }
    }
    shorten(out, count, spare);

    sort_by_span(out, figure_count);
    for (i, c) in out.iter_mut().enumerate() {
        write_numbered_id('c', i + 1, &mut c.id);
    }
}

/// The sort key of a claim: its span.
fn span(c: &Claim) -> (usize, usize) {
    (c.start, c.end)
}

/// Sort `claims` (the figures' claims, the first `figure_count`, then the
/// quotes') by span, in the order a stable sort gives, without the stable
/// sort's buffer (as large as the claims on all but long articles) when it
/// can: when the figures' claims, and the quotes', each come in increasing
/// span, the span and whether the claim is a quote tell every two claims
/// apart, so an unstable sort by them gives the stable sort's order.
fn sort_by_span(claims: &mut [Claim], figure_count: usize) {
    let is_quote = |c: &Claim| c.kind == ClaimKind::Quote;
    let (figures, quotes) = claims.split_at(figure_count);
    let increasing = |run: &[Claim]| run.windows(2).all(|w| span(&w[0]) < span(&w[1]));
    if increasing(figures)
        && increasing(quotes)
        && !figures.iter().any(is_quote)
        && quotes.iter().all(is_quote)
    {
        claims.sort_unstable_by_key(|c| (span(c), is_quote(c)));
    } else {
        #[cfg(test)]
        tests::STABLE_SORTS.with(|n| n.set(n.get() + 1));
        claims.sort_by_key(span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// Claim lists sorted by the stable sort (the fallback).
        pub(super) static STABLE_SORTS: Cell<usize> = const { Cell::new(0) };
    }

    /// On the fixture and development texts, every article's claims take
    /// the unstable sort: the figures' and quotes' claims come in
    /// increasing span.
    #[test]
    fn real_claims_sort_without_the_buffer() {
        let x = crate::Extractor::new();
        STABLE_SORTS.with(|n| n.set(0));
        let mut claims = 0;
        for (i, text) in crate::text::test_corpus::texts().into_iter().enumerate() {
            let record = x
                .extract(&crate::Article::new(i.to_string(), text))
                .unwrap();
            claims += record.claims.len();
        }
        assert!(claims > 100, "{claims} claims");
        assert_eq!(STABLE_SORTS.with(Cell::get), 0);
    }

    /// A claim of `kind` over `start..end`, tagged `tag` (its text).
    fn claim(kind: ClaimKind, start: usize, end: usize, tag: usize) -> Claim {
        Claim {
            kind,
            text: tag.to_string(),
            start,
            end,
            ..records::blank_claim()
        }
    }

    /// `sort_by_span` orders claims as the stable sort by span (the old
    /// code, the oracle) does: on runs in increasing span (the unstable
    /// sort) and on runs with shared spans or out of order (the fallback),
    /// with figures' and quotes' spans overlapping and equal.
    #[test]
    fn claims_sort_as_the_stable_sort_does() {
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        let mut unstable = 0;
        for case in 0..2_000 {
            let (figures, quotes) = (next(40), next(12));
            // Half the cases with each run in increasing span, as the
            // stage makes them; the rest at random.
            let in_order = case % 2 == 0;
            let mut claims = Vec::new();
            let mut at = 0;
            for i in 0..figures + quotes {
                let kind = if i < figures {
                    ClaimKind::Count
                } else {
                    ClaimKind::Quote
                };
                if i == figures {
                    at = 0;
                }
                let start = if in_order { at + next(3) } else { next(30) };
                at = start + 1;
                claims.push(claim(kind, start, start + next(3), i));
            }
            let mut oracle = claims.clone();
            oracle.sort_by_key(span);
            let (fs, qs) = claims.split_at(figures);
            let increasing = |run: &[Claim]| run.windows(2).all(|w| span(&w[0]) < span(&w[1]));
            unstable += usize::from(increasing(fs) && increasing(qs));
            sort_by_span(&mut claims, figures);
            assert_eq!(claims, oracle, "case {case}");
        }
        assert!(unstable > 500, "{unstable} cases sorted unstably");
    }
}
