//! The attribution verb list, loaded from
//! `gazetteers/attribution_verbs.tsv` (its header documents the columns).
//!
//! Kept alone in this file so that the list can move into the shared
//! lexicon without touching the rules that read it.

use std::collections::HashMap;

use once_cell::sync::Lazy;

use crate::hash::FnvBuild;

/// How an attribution verb may be read.
#[derive(Clone, Copy, Debug)]
pub(super) struct VerbUse {
    /// Also a common noun: a verb only after a comma or before "that".
    pub(super) noun_too: bool,
    /// Read as attribution only when no object follows ("Smith added.").
    pub(super) intransitive: bool,
    /// Can introduce or tag a direct quotation.
    pub(super) tags_quote: bool,
}

static VERBS: Lazy<HashMap<&'static str, VerbUse, FnvBuild>> = Lazy::new(|| {
    let data = include_str!("../../gazetteers/attribution_verbs.tsv");
    let mut map = HashMap::default();
    let mut header = true;
    for line in data.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if header {
            header = false;
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(verb), Some(usage), Some(quote)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        map.insert(
            verb.trim(),
            VerbUse {
                noun_too: usage.trim() == "noun",
                intransitive: usage.trim() == "intransitive",
                tags_quote: quote.trim() == "yes",
            },
        );
    }
    map
});

/// The list's entry for a folded word: the verb as listed and how it may be
/// read.
pub(super) fn lookup(word: &str) -> Option<(&'static str, VerbUse)> {
    VERBS
        .get_key_value(word)
        .map(|(&verb, &usage)| (verb, usage))
}
