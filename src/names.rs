//! Name rules: people, organizations and places that no gazetteer holds,
//! found from first names, titles, head words and acronym definitions.

use once_cell::sync::Lazy;

use crate::entities::Candidate;
use crate::gazetteer::{GazMatch, Gazetteer};
use crate::text::Doc;

/// Word lists the name rules use.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {}

impl Lexicon {
    pub fn embedded() -> &'static Lexicon {
        static LEXICON: Lazy<Lexicon> = Lazy::new(Lexicon::default);
        &LEXICON
    }
}

/// All candidate mentions: gazetteer matches plus rule-found names.
pub(crate) fn find(
    _doc: &Doc<'_>,
    gaz: &Gazetteer,
    _lexicon: &Lexicon,
    matches: Vec<GazMatch>,
) -> Vec<Candidate> {
    matches
        .into_iter()
        .map(|m| {
            let e = &gaz.entries()[m.entry as usize];
            Candidate {
                start: m.start,
                end: m.end,
                kind: e.kind,
                entry: Some(m.entry),
                canonical: None,
                rule: format!("gazetteer:{}", e.key),
            }
        })
        .collect()
}
