//! Figures: numbers that state a quantity, with their kind, unit, qualifier
//! and year.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::record::{ClaimKind, Qualifier};
use crate::text::Doc;

/// A figure found in the text, before it becomes a claim.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Figure {
    pub start: usize,
    pub end: usize,
    pub kind: ClaimKind,
    pub value: f64,
    pub upper: Option<f64>,
    pub unit: Option<String>,
    pub qualifier: Qualifier,
    pub year: Option<i32>,
    pub rule: String,
}

static DIGITS: Lazy<Regex> = Lazy::new(|| Regex::new(r"\b\d[\d,]*(?:\.\d+)?\b").unwrap());

/// Every figure in `doc`, in reading order.
pub(crate) fn find(doc: &Doc<'_>) -> Vec<Figure> {
    DIGITS
        .find_iter(doc.text)
        .filter_map(|m| {
            let value: f64 = m.as_str().replace(',', "").parse().ok()?;
            Some(Figure {
                start: m.start(),
                end: m.end(),
                kind: ClaimKind::Count,
                value,
                upper: None,
                unit: None,
                qualifier: Qualifier::Exact,
                year: None,
                rule: "figure:digits".into(),
            })
        })
        .collect()
}
