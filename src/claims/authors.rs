//! Report authors: the organizations an article names as the authors of a
//! document ("X published the report", "the report compiled by X", "the UN
//! report"), so that "the report said" can be sourced to its author.

use super::attributor::Attributor;
use super::mentions::EntityMention;
use crate::lexicon::ClaimCues;
use crate::record::EntityType;

/// Does the folded noun phrase `folded` name a document ("the report")?
pub(super) fn names_a_document(folded: &str, cues: &ClaimCues) -> bool {
    cues.document_words.iter().any(|d| {
        folded
            .match_indices(d)
            .any(|(i, _)| crate::text::on_word_boundaries(folded, i, i + d.len()))
    })
}

impl Attributor<'_, '_> {
    /// Find the organizations the article names as authors of a document:
    /// (sentence start, entity), at most one per sentence.
    fn find_authors(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut orgs: Vec<EntityMention> = Vec::new();
        for s in &self.doc.sentences {
            let folded = &self.doc.folded[s.clone()];
            orgs.clear();
            orgs.extend(
                self.mentions
                    .within(s.clone())
                    .filter(|m| m.kind == EntityType::Organization),
            );
            if orgs.is_empty() {
                continue;
            }
            let words = self.words(s.clone());
            let mut found: Option<usize> = None;
            for (i, &(ws, we, w)) in words.iter().enumerate() {
                if found.is_some() {
                    break;
                }
                if self.cues.publish_verbs.contains(w) {
                    // "X published the report": the organization right before.
                    let seg_start = self.text[s.start..ws]
                        .rfind(',')
                        .map_or(s.start, |c| s.start + c);
                    if let Some(m) = orgs
                        .iter()
                        .rev()
                        .find(|m| m.end <= ws && m.start >= seg_start)
                    {
                        found = Some(m.entity);
                    }
                    // "the report compiled by X".
                    if found.is_none() && words.get(i + 1).is_some_and(|x| x.2 == "by")
                        || words.get(i + 2).is_some_and(|x| x.2 == "by")
                    {
                        if let Some(m) = orgs.iter().find(|m| m.start >= we) {
                            found = Some(m.entity);
                        }
                    }
                    continue;
                }
                // A one-word document noun is the word itself; one of
                // several words (longer than the word) starts at it.
                let is_doc = self.cues.document_words.iter().any(|d| {
                    w == d
                        || d.len() > w.len()
                            && d.as_bytes()[0] == w.as_bytes()[0]
                            && folded[ws - s.start..].starts_with(d)
                            && d.contains(' ')
                });
                if is_doc {
                    // "the UN report", "the State Department's report".
                    if let Some(m) = orgs.iter().rev().find(|m| m.end <= ws) {
                        let gap = &self.text[m.end..ws];
                        let gap_words = gap.split_whitespace().count();
                        if gap_words <= 2 && !gap.contains([',', ';', '.']) {
                            found = Some(m.entity);
                        }
                    }
                }
            }
            if let Some(e) = found {
                out.push((s.start, e));
            }
        }
        out
    }

    /// The author of a document mentioned at `pos`: the last one named
    /// before it, else the first one named.
    pub(super) fn author_at(&self, pos: usize) -> Option<usize> {
        let authors = self.authors.get_or_init(|| self.find_authors());
        authors
            .iter()
            .rev()
            .find(|&&(o, _)| o <= pos)
            .or_else(|| authors.first())
            .map(|&(_, e)| e)
    }
}
