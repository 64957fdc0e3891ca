//! Hedging: whether a claim's sentence marks it as reported, alleged or
//! believed ("reportedly", "is thought to", "according to media reports").
//!
//! To add a hedge, add its phrase to [`HEDGE`] (folded text, matched at word
//! boundaries), to the hand reading of the same phrases in `phrases` (the
//! regex is its oracle and its fallback outside ASCII), and a word it
//! always holds to [`HEDGE_WORDS`].

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};
use once_cell::sync::Lazy;
use regex::Regex;

use super::attributor::Attributor;
use crate::text::Doc;

mod phrases;

/// Words marking a claim as reported, alleged or believed. A closed set of
/// phrases, matched on folded text at word boundaries.
static HEDGE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"\b(?:reportedly|allegedly|purportedly|supposedly|it is (?:believed|thought|claimed|alleged|understood)|(?:is|are|was|were) (?:believed|thought|said|alleged|rumou?red|understood|suspected) (?:to|of)|according to (?:media |unconfirmed |press |news |local )?reports|citing (?:\w+ )?(?:media|press|news|local|unconfirmed) reports|(?:quote|quotation|words|remarks|comments) attributed to|reports (?:said|say|suggest|suggested)|claimed|claims that|, claims)\b",
    )
    .unwrap()
});

/// Words one of which every match of [`HEDGE`] holds ("said" only in "said
/// to" and "said of", "rumoured" as "rumo"), at most [`HEDGE_LEAD`] bytes
/// after the match's start ("citing" for "citing … reports", whose
/// "reports" may lie further on): a sentence without any has no hedge, and
/// most sentences are told so by one scan for these instead of a run of
/// the regex, whose leading words ("is", "was", "words") are too common to
/// skip text by; in the others the phrases are read near them.
static HEDGE_WORDS: Lazy<AhoCorasick> = Lazy::new(|| {
    // Leftmost matching: the kind the fast (SIMD) search of a few
    // patterns serves; any match will do.
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build([
            "reportedly",
            "alleged",
            "purportedly",
            "supposedly",
            "believed",
            "thought",
            "claimed",
            "understood",
            "said to",
            "said of",
            "rumo",
            "suspected",
            "reports",
            "attributed to",
            "claims",
            "citing",
        ])
        .unwrap()
});

/// How far (bytes) a match of [`HEDGE`] may start before the first of
/// [`HEDGE_WORDS`] it holds: "according to unconfirmed reports" (25).
const HEDGE_LEAD: usize = 32;

/// How far (bytes) past the start of a hedge word a match holding it may
/// end ("reports suggested", 17), with room for the character after the
/// match that its word boundary reads.
const HEDGE_TAIL: usize = 32;

/// Where the hedge words of `folded` send the regex: from [`HEDGE_LEAD`]
/// bytes before the first to [`HEDGE_TAIL`] bytes past the end of the
/// last one the scan finds (on char boundaries), `None` without any. Every
/// match of [`HEDGE`] starts within it: it starts at most `HEDGE_LEAD`
/// bytes before a hedge word it holds, and every hedge word starts before
/// the end of the last one the scan finds (a word it passes over overlaps
/// one it found).
fn hedge_window(folded: &str) -> Option<(usize, usize)> {
    let mut words = HEDGE_WORDS.find_iter(folded);
    let first = words.next()?;
    let last_end = words.last().map_or(first.end(), |m| m.end());
    let mut from = first.start().saturating_sub(HEDGE_LEAD);
    while !folded.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = last_end.saturating_add(HEDGE_TAIL).min(folded.len());
    while !folded.is_char_boundary(to) {
        to += 1;
    }
    Some((from, to))
}

/// The matches of [`HEDGE`] in `folded`, none when it holds no
/// [`HEDGE_WORDS`]. A match ends at most [`HEDGE_TAIL`] bytes after the
/// start of a hedge word it holds: the regex reads the window of
/// [`hedge_window`] (with the text before as context for its word
/// boundaries, and the next character after any match), and finds what a
/// search of the whole text finds.
fn hedge_matches(folded: &str) -> impl Iterator<Item = regex::Match<'_>> + '_ {
    let (mut at, hay) = match hedge_window(folded) {
        Some((from, to)) => (Some(from), &folded[..to]),
        None => (None, ""),
    };
    // Every match is non-empty: the search goes on at the last one's end,
    // as `find_iter` does.
    std::iter::from_fn(move || {
        let m = HEDGE.find_at(hay, at?)?;
        at = Some(m.end());
        Some(m)
    })
}

/// Where the matches of [`HEDGE`] in `folded` start, in order: read by
/// hand ([`phrases`]) in the window of [`hedge_window`], by the regex
/// when a character outside ASCII decides a word boundary.
fn hedge_starts(folded: &str) -> Vec<usize> {
    let Some((from, to)) = hedge_window(folded) else {
        return Vec::new();
    };
    phrases::phrase_starts(folded, from, to).unwrap_or_else(|| {
        #[cfg(test)]
        tests::UNSURE.with(|n| n.set(n.get() + 1));
        hedge_matches(folded).map(|m| m.start()).collect()
    })
}

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
    hedge_starts(folded).into_iter().any(|m| {
        let at = s.start + m;
        let skipped = skip.as_ref().is_some_and(|k| k.contains(&at));
        let later_clause =
            claim_end.is_some_and(|end| at >= end && folded[..m].trim_end().ends_with(" and"));
        !skipped && !later_clause
    })
}

/// Where the hedges of sentence `s` start, each with whether it follows
/// " and" (a hedge in a later clause, see [`is_hedged`]).
pub(super) fn hedges(doc: &Doc<'_>, s: Range<usize>) -> Vec<(usize, bool)> {
    let Some(folded) = doc.folded.get(s.clone()) else {
        return Vec::new();
    };
    hedge_starts(folded)
        .into_iter()
        .map(|m| {
            let after_and = folded[..m].trim_end().ends_with(" and");
            (s.start + m, after_and)
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

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::{hedge_matches, hedge_starts, HEDGE};

    thread_local! {
        /// Texts whose hedges the regex read (a character outside ASCII
        /// decided a word boundary).
        pub(super) static UNSURE: Cell<usize> = const { Cell::new(0) };
    }

    /// The starts of the regex's matches over the whole text: the oracle.
    fn regex_starts(text: &str) -> Vec<usize> {
        HEDGE.find_iter(text).map(|m| m.start()).collect()
    }

    /// The phrases read by hand start where the regex's matches over the
    /// whole text start (the old code, the oracle), on the development
    /// texts line by line and whole, with the regex asked only where a
    /// character outside ASCII borders a hedge.
    #[test]
    fn hand_read_hedges_are_the_regex_matches_on_real_text() {
        UNSURE.with(|n| n.set(0));
        let (mut hedged, mut lines) = (0, 0);
        for text in crate::text::test_corpus::texts() {
            let folded = crate::text::fold_case(&text);
            for line in folded.lines().chain([folded.as_str()]) {
                let want = regex_starts(line);
                assert_eq!(hedge_starts(line), want, "{line}");
                hedged += want.len();
                lines += 1;
            }
        }
        assert!(hedged > 40, "{hedged} hedges");
        let unsure = UNSURE.with(Cell::get);
        assert!(unsure * 50 < lines, "{unsure} of {lines} lines unsure");
    }

    /// The same on random texts made of the hedges' words, their
    /// neighbours and characters outside ASCII (word characters and not,
    /// a combining mark), every word boundary of every phrase tried.
    #[test]
    fn hand_read_hedges_are_the_regex_matches_on_random_text() {
        let pieces = [
            " ",
            " ",
            " ",
            ",",
            ", ",
            "reportedly",
            "allegedly",
            "purportedly",
            "supposedly",
            "it is ",
            "is ",
            "are ",
            "was ",
            "were ",
            "believed",
            "thought",
            "said",
            "say",
            "alleged",
            "rumored",
            "rumoured",
            "understood",
            "suspected",
            "claimed",
            " to",
            " of",
            "to",
            "according to ",
            "media ",
            "unconfirmed ",
            "press ",
            "news ",
            "local ",
            "reports",
            "citing ",
            "x ",
            "ab_1 ",
            "quote ",
            "quotation ",
            "words ",
            "remarks ",
            "comments ",
            "attributed to",
            "reports ",
            "suggest",
            "suggested",
            "ed",
            "claims",
            " that",
            "claims that",
            "x",
            "_",
            "9",
            "é",
            "—",
            "\u{301}",
            "\u{a0}",
            "’",
            "-",
            "s",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1D_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        UNSURE.with(|n| n.set(0));
        let mut found = 0;
        for case in 0..40_000 {
            let len = 1 + next(12);
            let text: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
            assert_eq!(
                hedge_starts(&text),
                regex_starts(&text),
                "case {case}: {text:?}"
            );
            found += regex_starts(&text).len();
        }
        assert!(found > 3_000, "{found} hedges");
        assert!(UNSURE.with(Cell::get) > 100);
    }

    /// The word scan passes every text the regex matches in: each hedge,
    /// and the development texts line by line.
    #[test]
    fn hedge_words_pass_every_hedge() {
        let phrases = [
            "reportedly",
            "allegedly",
            "purportedly",
            "supposedly",
            "it is believed",
            "it is thought",
            "it is claimed",
            "it is alleged",
            "it is understood",
            "he is believed to",
            "they are thought of",
            "it was said to",
            "it was said of",
            "she was alleged to",
            "were rumored to",
            "was rumoured to",
            "is understood to",
            "are suspected of",
            "according to reports",
            "according to media reports",
            "according to unconfirmed reports",
            "citing press reports",
            "citing local news reports",
            "quote attributed to",
            "remarks attributed to",
            "reports said",
            "reports suggested",
            "he claimed",
            "claims that",
            "x, claims",
        ];
        for p in phrases {
            assert!(HEDGE.is_match(p), "{p}");
            assert_eq!(hedge_matches(p).count(), HEDGE.find_iter(p).count(), "{p}");
        }
        let mut hedged = 0;
        for text in crate::text::test_corpus::texts() {
            let folded = crate::text::fold_case(&text);
            for line in folded.lines() {
                let want: Vec<_> = HEDGE.find_iter(line).map(|m| m.range()).collect();
                let got: Vec<_> = hedge_matches(line).map(|m| m.range()).collect();
                assert_eq!(got, want, "{line}");
                hedged += want.len();
            }
        }
        assert!(hedged > 20, "{hedged} hedges");
    }

    /// The search started near the first hedge word finds what a search
    /// of the whole text finds (the old code, the oracle): each hedge
    /// after text of every length (multibyte characters too, cut at the
    /// lead), two hedges in one text, and "citing" with a long word.
    #[test]
    fn hedges_found_from_the_first_word_are_those_of_the_whole_text() {
        let phrases = [
            "reportedly",
            "it is understood",
            "they were rumoured to",
            "according to unconfirmed reports",
            "according to news reports",
            "citing press reports",
            "citing extraordinarilylongword media reports",
            "citing ünconfirmed reports",
            "remarks attributed to",
            "reports suggested",
            "x, claims",
            "claims that",
            "thought",
            "reports",
            "reportsaid to",
            "claimsupposedly",
            "thoughthought",
            "it is believedx",
            "reports suggestedly",
        ];
        let mut found = 0;
        for p in phrases {
            for q in phrases {
                for n in [0, 1, 5, 24, 31, 32, 33, 40, 70] {
                    for pad in ["a", "é", "—"] {
                        let text = format!(
                            "{} {p} and {} {q}{}",
                            pad.repeat(n),
                            pad.repeat(n % 7),
                            pad.repeat(n % 5)
                        );
                        let want: Vec<_> = HEDGE.find_iter(&text).map(|m| m.range()).collect();
                        let got: Vec<_> = hedge_matches(&text).map(|m| m.range()).collect();
                        assert_eq!(got, want, "{text:?}");
                        found += want.len();
                    }
                }
            }
        }
        assert!(found > 1000, "{found} hedges");
    }
}
