//! Figure sources: who a figure is attributed to ("X said", "according to
//! X", the speaker of a quote holding it, an introducing "X gave these
//! figures:").

use super::attributor::Attributor;
use super::speakers::SpokenQuote;

impl Attributor<'_, '_> {
    /// The source of a figure at `pos`: the speaker of a quote holding it,
    /// the attribution of its sentence, or of an introducing sentence that
    /// ends with a colon.
    pub(super) fn figure_source(&self, pos: usize, quotes: &[SpokenQuote]) -> Option<usize> {
        let passages = self.passages.all();
        // Quotes are in text order and do not overlap: only the last ones
        // opening at or before `pos` can hold it (looking at every quote
        // for every figure would be quadratic in the article's length).
        let after = quotes.partition_point(|spoken| passages[spoken.passage].inner.start <= pos);
        for spoken in &quotes[after.saturating_sub(2)..after] {
            #[cfg(test)]
            tests::WORK.with(|w| w.set(w.get() + 1));
            let q = &passages[spoken.passage];
            if q.inner.start <= pos && pos < q.inner.end {
                if let Some(e) = spoken.speaker.and_then(|a| a.entity) {
                    return Some(e);
                }
            }
        }
        let si = self.doc.sentence_index(pos);
        if let Some(a) = self.attribution(si) {
            // A semicolon ends what an attribution verb covers: "X says 3000
            // died; 3000 people died in one morning" attributes only the first.
            // Most sentences hold none: one flag per sentence says so.
            let s = self.doc.sentences[si].clone();
            let semicolons = self.sentence_has_semicolon(si);
            let (lo, hi) = if semicolons {
                let lo = self.text[s.start..pos.max(s.start)]
                    .rfind(';')
                    .map_or(s.start, |k| s.start + k);
                let hi = self.text[pos.min(s.end)..s.end]
                    .find(';')
                    .map_or(s.end, |k| pos + k);
                (lo, hi)
            } else {
                (s.start, s.end)
            };
            // Without a semicolon, the sentence's own verbs.
            let clipped;
            let verbs = if (lo..hi) == s {
                self.sentence_verbs(si)
            } else {
                clipped = self.verbs(lo..hi);
                &clipped[..]
            };
            // "Blackburn want £6m … but chief executive John Williams has
            // confirmed …": a verb in a later clause opened by "but" does
            // not cover the figure.
            // A trailing "…, X said." covers the whole sentence.
            let later_clause = verbs.iter().all(|v| v.start > pos)
                && verbs.first().is_some_and(|v| {
                    self.words(pos..v.start)
                        .iter()
                        .any(|w| matches!(w.2, "but" | "while" | "whereas"))
                        && self.words(v.end..hi).len() >= 2
                });
            // "Interviewed on the eve of the flotation of 40 pct of TF-1,
            // Bouygues said “…”": the verb reports what follows it, not the
            // leading phrase the figure is in.
            let leading_phrase = verbs.iter().all(|v| v.start > pos)
                && verbs.first().is_some_and(|v| {
                    let after = self.text[v.end..hi].trim_start();
                    self.text[pos..v.start].contains(',')
                        && (after.starts_with(['"', '“'])
                            || self.words(v.end..hi).first().is_some_and(|w| w.2 == "that"))
                });
            if later_clause || leading_phrase {
                return None;
            }
            if !verbs.is_empty() || !semicolons {
                return a.entity;
            }
            return None;
        }
        // "The UN gave these figures: 40 schools …": the clause before a
        // colon introduces what follows it.
        let s = self.doc.sentences.get(si)?.clone();
        if s.start <= pos {
            if let Some(k) = self.text[s.start..pos].rfind(':') {
                if !self.passages.contains(s.start + k) {
                    return self.opening_subject(si).and_then(|a| a.entity);
                }
            }
        }
        if si > 0 {
            let prev = self.doc.sentences.get(si - 1)?;
            if self.text[prev.clone()].trim_end().ends_with(':') {
                return self
                    .attribution(si - 1)
                    .or_else(|| self.opening_subject(si - 1))
                    .and_then(|a| a.entity);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use crate::{Article, Extractor};

    thread_local! {
        /// Quotes looked at for figure sources.
        pub(super) static WORK: Cell<usize> = const { Cell::new(0) };
    }

    /// Each figure looks at the quotes around it, not at every quote of the
    /// article.
    #[test]
    fn figures_look_at_nearby_quotes_only() {
        let x = Extractor::new();
        let unit = "“We paid 5 million dollars for it,” Li Wei said. ";
        for repeats in [50, 400] {
            WORK.with(|w| w.set(0));
            let record = x.extract(&Article::new("a", unit.repeat(repeats))).unwrap();
            let figures = record.claims.iter().filter(|c| c.value.is_some()).count();
            let work = WORK.with(Cell::get);
            assert!(figures >= repeats, "{figures} figures");
            assert!(
                work > 0 && work <= 2 * figures,
                "{figures} figures looked at {work} quotes"
            );
        }
    }
}
