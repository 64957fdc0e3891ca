//! The claim records: one per figure (with subject, source, hedging and its
//! sentence) and one per quote (with speaker).

use super::attributor::Attributor;
use super::conversions::{is_conversion, share_with_conversion};
use super::hedging::is_hedged;
use super::speakers::SpokenQuote;
use super::window::sentence_window;
use crate::figures::Figure;
use crate::record::{Claim, ClaimKind};

/// The claims of `figures`, in their order; `quotes` are the article's
/// quotes, whose speakers source the figures inside them. The vector has
/// room for `room_after` more claims.
pub(super) fn figure_claims(
    attributor: &Attributor<'_, '_>,
    figures: Vec<Figure>,
    quotes: &[SpokenQuote],
    room_after: usize,
) -> Vec<Claim> {
    // One claim per figure, and room for the `room_after` claims the caller
    // adds: no growth, and no spare capacity kept to the end.
    let mut claims: Vec<Claim> = Vec::with_capacity(figures.len() + room_after);
    let mut prev_money: Option<usize> = None;
    for f in figures {
        let mut claim = figure_claim(attributor, f, quotes);
        // "27 films were made in the UK, compared with 45 in 2003": the
        // second term of a comparison is about what the first is about
        // (the words before the figure read only for a figure without a
        // subject after another in its sentence).
        if claim.subject.is_none() {
            if let Some(prev) = claims.last() {
                if same_sentence(attributor, prev.start, claim.start)
                    && attributor.is_comparison(claim.start)
                {
                    claim.subject = prev.subject.clone();
                }
            }
        }
        // A currency conversion in brackets shares the amount's qualifier,
        // year and source.
        if claim.kind == ClaimKind::Money {
            if let Some(pi) = prev_money {
                let amount: &Claim = &claims[pi];
                if is_conversion(attributor.text, amount.end, claim.start) {
                    share_with_conversion(amount, &mut claim);
                    claims.push(claim);
                    continue;
                }
            }
            prev_money = Some(claims.len());
        }
        claims.push(claim);
    }
    claims
}

/// Do offsets `a` and `b` lie in one sentence?
fn same_sentence(attributor: &Attributor<'_, '_>, a: usize, b: usize) -> bool {
    attributor.doc.sentence_index(a) == attributor.doc.sentence_index(b)
}

/// The claim of one figure, its id left empty.
fn figure_claim(attributor: &Attributor<'_, '_>, f: Figure, quotes: &[SpokenQuote]) -> Claim {
    let text = attributor.text;
    let source = attributor.figure_source(f.start, quotes);
    let subject = attributor.figure_subject(f.start..f.end);
    let sentence = attributor.doc.sentence_span(f.start);
    let hedged = attributor.figure_hedged(f.start..f.end);
    Claim {
        id: String::new(),
        kind: f.kind,
        text: text.get(f.start..f.end).unwrap_or("").to_string(),
        value: Some(f.value),
        upper: f.upper,
        unit: f.unit,
        qualifier: Some(f.qualifier),
        year: f.year,
        subject: subject.map(|e| attributor.entities[e].id.clone()),
        source: source.map(|e| attributor.source(e)),
        speaker: None,
        hedged,
        sentence: sentence_window(text, sentence, f.start..f.end),
        start: f.start,
        end: f.end,
        rule: figure_rule(f.rule),
        // Filled in by the extractor when asked for.
        sentence_index: None,
        char_start: None,
        char_end: None,
    }
}

/// A figure claim's rule: the figure's rule under one `figure:` prefix
/// (the rule itself when it has exactly one).
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

/// The claim of one quote, its id left empty.
pub(super) fn quote_claim(attributor: &Attributor<'_, '_>, quote: SpokenQuote) -> Claim {
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
    Claim {
        id: String::new(),
        kind: ClaimKind::Quote,
        text: text[q.inner.clone()].to_string(),
        value: None,
        upper: None,
        unit: None,
        qualifier: None,
        year: None,
        subject: None,
        source: None,
        speaker: quote
            .speaker
            .and_then(|a| a.entity)
            .map(|e| attributor.source(e)),
        hedged,
        sentence: sentence_window(text, sentence, q.inner.clone()),
        start: q.inner.start,
        end: q.inner.end,
        rule: rule.to_string(),
        // Filled in by the extractor when asked for.
        sentence_index: None,
        char_start: None,
        char_end: None,
    }
}

#[cfg(test)]
mod tests {
    use super::figure_rule;

    #[test]
    fn figure_rules_have_one_prefix() {
        for rule in [
            "figure:money",
            "money",
            "figure:figure:money",
            "figure:",
            "",
        ] {
            let old = format!("figure:{}", rule.trim_start_matches("figure:"));
            assert_eq!(figure_rule(rule.to_string()), old, "{rule}");
        }
    }
}
