//! The claim records: one per figure (with subject, source, hedging and its
//! sentence) and one per quote (with speaker).

use super::attributor::Attributor;
use super::conversions::{is_conversion, share_with_conversion};
use super::hedging::is_hedged;
use super::speakers::SpokenQuote;
use super::window::sentence_window;
use crate::figures::Figure;
use crate::record::{set_opt_str, set_str, slot, Claim, ClaimKind, Source};

/// Write the claims of `figures`, in their order, over the first claims
/// of `out` (overwritten in place; new ones pushed, `spares` first); `quotes` are the
/// article's quotes, whose speakers source the figures inside them. The
/// number of claims written: one per figure.
pub(super) fn write_figure_claims(
    attributor: &Attributor<'_, '_>,
    figures: Vec<Figure>,
    quotes: &[SpokenQuote],
    out: &mut Vec<Claim>,
    spares: &mut Vec<Claim>,
) -> usize {
    let count = figures.len();
    let mut prev_money: Option<usize> = None;
    for (k, f) in figures.into_iter().enumerate() {
        slot(out, k, spares, blank_claim);
        let (done, rest) = out.split_at_mut(k);
        let claim = &mut rest[0];
        write_figure_claim(attributor, f, quotes, claim);
        // "27 films were made in the UK, compared with 45 in 2003": the
        // second term of a comparison is about what the first is about
        // (the words before the figure read only for a figure without a
        // subject after another in its sentence).
        if claim.subject.is_none() {
            if let Some(prev) = done.last() {
                if same_sentence(attributor, prev.start, claim.start)
                    && attributor.is_comparison(claim.start)
                {
                    claim.subject.clone_from(&prev.subject);
                }
            }
        }
        // A currency conversion in brackets shares the amount's qualifier,
        // year and source.
        if claim.kind == ClaimKind::Money {
            if let Some(pi) = prev_money {
                let amount: &Claim = &done[pi];
                if is_conversion(attributor.text, amount.end, claim.start) {
                    share_with_conversion(amount, claim);
                    continue;
                }
            }
            prev_money = Some(k);
        }
    }
    count
}

/// A claim with nothing in it, to be overwritten.
pub(super) fn blank_claim() -> Claim {
    Claim {
        id: String::new(),
        kind: ClaimKind::Count,
        text: String::new(),
        value: None,
        upper: None,
        unit: None,
        qualifier: None,
        year: None,
        subject: None,
        source: None,
        speaker: None,
        hedged: false,
        sentence: String::new(),
        start: 0,
        end: 0,
        rule: String::new(),
        sentence_index: None,
        char_start: None,
        char_end: None,
    }
}

/// Overwrite `to` with entity `ent` of the article as a source (as
/// [`Attributor::source`] makes it), or with none.
fn write_source(attributor: &Attributor<'_, '_>, to: &mut Option<Source>, ent: Option<usize>) {
    match (to.as_mut(), ent) {
        (Some(source), Some(e)) => {
            let e = &attributor.entities[e];
            set_str(&mut source.name, &e.name);
            set_opt_str(&mut source.entity, Some(&e.id));
        }
        (_, ent) => *to = ent.map(|e| attributor.source(e)),
    }
}

/// Do offsets `a` and `b` lie in one sentence?
fn same_sentence(attributor: &Attributor<'_, '_>, a: usize, b: usize) -> bool {
    attributor.doc.sentence_index(a) == attributor.doc.sentence_index(b)
}

/// Overwrite `claim` with the claim of one figure, all but its id.
fn write_figure_claim(
    attributor: &Attributor<'_, '_>,
    f: Figure,
    quotes: &[SpokenQuote],
    claim: &mut Claim,
) {
    let text = attributor.text;
    let source = attributor.figure_source(f.start, quotes);
    let subject = attributor.figure_subject(f.start..f.end);
    let sentence = attributor.doc.sentence_span(f.start);
    let hedged = attributor.figure_hedged(f.start..f.end);
    claim.kind = f.kind;
    set_str(&mut claim.text, text.get(f.start..f.end).unwrap_or(""));
    claim.value = Some(f.value);
    claim.upper = f.upper;
    claim.unit = f.unit;
    claim.qualifier = Some(f.qualifier);
    claim.year = f.year;
    let subject = subject.map(|e| attributor.entities[e].id.as_str());
    set_opt_str(&mut claim.subject, subject);
    write_source(attributor, &mut claim.source, source);
    claim.speaker = None;
    claim.hedged = hedged;
    set_str(
        &mut claim.sentence,
        sentence_window(text, sentence, f.start..f.end),
    );
    claim.start = f.start;
    claim.end = f.end;
    write_figure_rule(&f.rule, &mut claim.rule);
    // Filled in by the extractor when asked for.
    claim.sentence_index = None;
    claim.char_start = None;
    claim.char_end = None;
}

/// Overwrite `to` with a figure claim's rule: the figure's rule under one
/// `figure:` prefix.
fn write_figure_rule(rule: &str, to: &mut String) {
    let mut bare = rule;
    while let Some(rest) = bare.strip_prefix("figure:") {
        bare = rest;
    }
    to.clear();
    to.push_str("figure:");
    to.push_str(bare);
}

/// A figure claim's rule: the figure's rule under one `figure:` prefix
/// (the rule itself when it has exactly one). The old code, the oracle of
/// [`write_figure_rule`].
#[cfg(test)]
fn figure_rule(rule: String) -> String {
    let mut bare = rule.as_str();
    while let Some(rest) = bare.strip_prefix("figure:") {
        bare = rest;
    }
    if bare.len() + "figure:".len() == rule.len() {
        return rule;
    }
    let mut out = String::with_capacity("figure:".len() + bare.len());
    out.push_str("figure:");
    out.push_str(bare);
    out
}

/// "I am reminded of a quote attributed to Thomas Jefferson. “A nation
/// …”": a quote opening its sentence is hedged by the sentence before it
/// in the same paragraph that introduces it.
fn introduced_hedged(attributor: &Attributor<'_, '_>, open: usize, s_start: usize) -> bool {
    let doc = attributor.doc;
    let text = attributor.text;
    let si = doc.sentence_index(open);
    if si == 0 || !text[s_start.min(open)..open].trim().is_empty() {
        return false;
    }
    let prev = doc.sentences[si - 1].clone();
    let same_paragraph = !text[prev.end.min(open)..open].contains('\n');
    same_paragraph && is_hedged(doc, prev, None, None)
}

/// Overwrite `claim` with the claim of one quote, all but its id.
pub(super) fn write_quote_claim(
    attributor: &Attributor<'_, '_>,
    quote: SpokenQuote,
    claim: &mut Claim,
) {
    let text = attributor.text;
    let doc = attributor.doc;
    let q = &attributor.passages.all()[quote.passage];
    let first = doc.sentence_span(q.open);
    let last = doc.sentence_span(q.close_end.saturating_sub(1).max(q.open));
    let sentence = first.start.min(q.open)..last.end.max(q.close_end);
    let hedged = is_hedged(doc, sentence.clone(), Some(q.open..q.close_end), None)
        || introduced_hedged(attributor, q.open, first.start);
    let rule = if q.curly {
        "quote:curly"
    } else {
        "quote:straight"
    };
    claim.kind = ClaimKind::Quote;
    set_str(&mut claim.text, &text[q.inner.clone()]);
    claim.value = None;
    claim.upper = None;
    claim.unit = None;
    claim.qualifier = None;
    claim.year = None;
    claim.subject = None;
    claim.source = None;
    let speaker = quote.speaker.and_then(|a| a.entity);
    write_source(attributor, &mut claim.speaker, speaker);
    claim.hedged = hedged;
    set_str(
        &mut claim.sentence,
        sentence_window(text, sentence, q.inner.clone()),
    );
    claim.start = q.inner.start;
    claim.end = q.inner.end;
    set_str(&mut claim.rule, rule);
    // Filled in by the extractor when asked for.
    claim.sentence_index = None;
    claim.char_start = None;
    claim.char_end = None;
}

#[cfg(test)]
mod tests {
    use super::{figure_rule, write_figure_rule};

    #[test]
    fn figure_rules_have_one_prefix() {
        let mut written = String::from("an old, longer rule");
        for rule in [
            "figure:money",
            "money",
            "figure:figure:money",
            "figure:",
            "",
        ] {
            let old = format!("figure:{}", rule.trim_start_matches("figure:"));
            assert_eq!(figure_rule(rule.to_string()), old, "{rule}");
            write_figure_rule(rule, &mut written);
            assert_eq!(written, old, "{rule}");
        }
    }
}
