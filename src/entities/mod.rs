//! Entities: turning candidate mentions into entities, with in-article
//! coreference (a surname or given name links to the full name, an acronym
//! to its expansion, a short form of an organization to its full name, and
//! every surface form of one gazetteer entry to one entity).
//!
//! - `grouping`: candidates grouped into entities: identities (gazetteer
//!   keys, lower-case forms, canonical names), short person names linked to
//!   full ones, organizations' word runs; keys resolved with the gazetteer.
//! - `output`: the groups written over the record's entities and mentions,
//!   reusing their strings.

use crate::gazetteer::Gazetteer;
use crate::lexicon::GazetteerCues;
use crate::names::Candidate;
use crate::record::{Entity, Spares};
use crate::text::Doc;

use grouping::group;
use output::write_entities;

mod grouping;
mod output;

/// Group candidates (not overlapping) into entities, in order of first
/// mention; each keeps all its mentions. Place and organization keys are
/// resolved with the gazetteer's word lists `cues`. The entities overwrite
/// `out`, whose entities and mentions are reused in place (and new ones
/// taken from `spares`, surplus ones left there).
// Kept out of line so that profiles (`scripts/bench/stages.sh`) see the
// stage.
#[inline(never)]
pub(crate) fn resolve(
    doc: &Doc<'_>,
    gaz: &Gazetteer,
    cues: &GazetteerCues,
    mut candidates: Vec<Candidate>,
    out: &mut Vec<Entity>,
    spares: &mut Spares,
) {
    candidates.sort_by_key(|c| (c.start, c.end));
    let (grouped, word_counts) = group(doc, gaz, cues, &candidates);
    write_entities(doc, gaz, &grouped, (&candidates, &word_counts), out, spares);
}
