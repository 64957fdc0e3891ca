//! Tests of `counted_noun` (moved out of `counted_noun.rs` unchanged).

use crate::figures::scanner::FigureMatch;
use crate::figures::tokens::Tokens;
use crate::lexicon::mark;
use crate::record::ClaimKind;
use crate::text::Doc;

/// The old code of `counted_noun`, kept as the oracles of its differential
/// tests.
impl Tokens<'_, '_> {
    /// [`Self::looks_plural`] as it was, reading every word: the oracle of
    /// its differential test.
    fn looks_plural_oracle(&self, i: usize) -> bool {
        let w = self.word(i);
        if self.has(i, mark::PLURAL_NOUN) || w.ends_with("men") && w.len() > 4 {
            return true;
        }
        if self.has(i, mark::NOT_PLURAL) || w.len() < 3 {
            return false;
        }
        w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.ends_with("'s")
            && !w.ends_with("’s")
    }

    /// [`Self::unit_counts`] as it was, copying each kept count unit: the
    /// oracle of its differential test.
    fn unit_counts_oracle(&self, mut found: Vec<FigureMatch>) -> Vec<FigureMatch> {
        let mut last_count_unit: Option<(usize, String)> = None;
        let mut keep = vec![true; found.len()];
        for fi in 0..found.len() {
            let f = &found[fi];
            let sent = self.sentence(f.first);
            if f.needs_unit && f.fig.kind == ClaimKind::Count {
                let (unit, kept) = self.count_unit(
                    f,
                    last_count_unit.as_ref().map(|(s, u)| (*s, u.as_str())),
                    sent,
                );
                keep[fi] = kept;
                if keep[fi] {
                    if let Some(u) = &unit {
                        last_count_unit = Some((sent, u.clone()));
                    }
                }
                found[fi].fig.unit = unit;
            }
            // "rose to 14.3 pct from 11.4", "13,090 lire against yesterday's
            // closing of 12,705": a bare second term of a comparison is in
            // the first term's unit.
            if fi > 0 && found[fi].fig.kind == ClaimKind::Count {
                let (prev, cur) = found.split_at_mut(fi);
                if let Some((kind, unit)) = self.comparison_term(&prev[fi - 1], &cur[0]) {
                    cur[0].fig.kind = kind;
                    cur[0].fig.unit = Some(unit);
                }
            }
            // "fell three points to 26.6 pct": a change in points before a
            // percentage is in percentage points.
            if fi > 0 && found[fi].fig.unit.as_deref() == Some("%") {
                let (prev, cur) = found.split_at_mut(fi);
                let p = &mut prev[fi - 1];
                if p.fig.kind == ClaimKind::Measure
                    && p.fig.unit.as_deref() == Some("points")
                    && matches!(self.prev_word(cur[0].first), "to" | "at" | "from")
                    && p.np + 1 == cur[0].first
                {
                    p.fig.kind = ClaimKind::Percent;
                    p.fig.unit = Some("pp".into());
                }
            }
            // "rose 120 points to 10,450": the level after a measured change
            // is in the same unit.
            if found[fi].fig.kind == ClaimKind::Count && found[fi].fig.unit.is_none() && fi > 0 {
                let (prev, cur) = found.split_at_mut(fi);
                let p = &prev[fi - 1];
                let c = &mut cur[0];
                if p.fig.kind == ClaimKind::Measure
                    && p.fig.unit.as_deref() == Some("points")
                    && matches!(self.prev_word(c.first), "to" | "at")
                    && p.np + 1 == c.first
                {
                    c.fig.kind = ClaimKind::Measure;
                    c.fig.unit = p.fig.unit.clone();
                }
            }
        }
        found
            .into_iter()
            .zip(keep)
            .filter_map(|(f, k)| k.then_some(f))
            .collect()
    }
}

/// `looks_plural` (no text read for a word ending in neither "s" nor
/// "n") answers as its oracle for every token of the test texts and of
/// plurals, near-plurals and non-ASCII endings.
#[test]
fn looks_plural_matches_its_oracle() {
    let lex = &crate::lexicon::Lexicon::embedded().figures;
    let mut texts = crate::text::test_corpus::texts();
    texts.push(
        "fighters people gunmen men women gas bus axis China's dogs’ news series \
         children data ss is us cafés naïve résumés Ürümqis man"
            .into(),
    );
    for text in &texts {
        let doc = Doc::new(text, false);
        let tokens = Tokens::new(&doc, lex);
        for i in 0..=tokens.len() + 1 {
            let want = tokens.looks_plural_oracle(i);
            assert_eq!(tokens.looks_plural(i), want, "{text:?} at {i}");
        }
    }
    let doc = Doc::new("the river held", false);
    let tokens = Tokens::new(&doc, lex);
    let (plural, reads) = crate::figures::text_reads_of(|| tokens.looks_plural(1));
    assert_eq!((plural, reads), (false, 0));
}

/// Each count's unit, read where the last kept unit was written, is the
/// unit the old loop gave it copying every kept unit, over every test
/// text and cases whose remembered unit is overwritten later
/// (a comparison's second term, points before a percentage).
#[test]
fn unit_counts_match_their_oracle() {
    let lex = &crate::lexicon::Lexicon::embedded().figures;
    let mut texts = crate::text::test_corpus::texts();
    texts.push(
        "The index rose 120 points to 10,450 and 300 fell. Rates rose to 14.3 pct \
         from 11.4 and then 12 rose. It fell three points to 26.6 pct, 40 fell. \
         500 soldiers arrived and 200 left; 30 were hurt. 7 died."
            .into(),
    );
    texts.push(
        "Sales rose 5% to 20 from 18 as 3,000 workers left and 40 returned. \
         Exports climbed 2 points to 45% and 60 followed."
            .into(),
    );
    texts.push(
        "China and India talked. The two countries signed 3 deals, and the two \
         countries met 40 envoys; the three nations and the two states left."
            .into(),
    );
    let mut dropped = 0;
    for text in &texts {
        let doc = Doc::new(text, false);
        let tokens = Tokens::new(&doc, lex);
        let found = tokens.scan();
        let new = tokens.unit_counts(found.clone());
        dropped += found.len() - new.len();
        let old = tokens.unit_counts_oracle(found);
        let figs = |v: Vec<crate::figures::scanner::FigureMatch>| {
            v.into_iter().map(|f| f.fig).collect::<Vec<_>>()
        };
        assert_eq!(figs(new), figs(old), "{text:?}");
    }
    // Counts that refer back were dropped, some between kept ones.
    assert!(dropped >= 2, "{dropped}");
}
