//! Figure sources and subjects: who a figure is attributed to ("X said",
//! "according to X", the speaker of a quote holding it, an introducing
//! "X gave these figures:") and what it is about ("China's exports rose
//! 35%").

use super::attributor::Attributor;
use super::speakers::SpokenQuote;

impl Attributor<'_, '_> {
    /// The source of a figure at `pos`: the speaker of a quote holding it,
    /// the attribution of its sentence, or of an introducing sentence that
    /// ends with a colon.
    pub(super) fn figure_source(&self, pos: usize, quotes: &[SpokenQuote]) -> Option<usize> {
        let passages = self.passages.all();
        for spoken in quotes {
            let q = &passages[spoken.passage];
            if q.inner.start <= pos && pos < q.inner.end {
                if let Some(e) = spoken.speaker.and_then(|a| a.entity) {
                    return Some(e);
                }
            }
        }
        let si = self.doc.sentence_index(pos);
        if let Some(a) = self.attribution.get(si).copied().flatten() {
            // A semicolon ends what an attribution verb covers: "X says 3000
            // died; 3000 people died in one morning" attributes only the first.
            let s = self.doc.sentences[si].clone();
            let lo = self.text[s.start..pos.max(s.start)]
                .rfind(';')
                .map_or(s.start, |k| s.start + k);
            let hi = self.text[pos.min(s.end)..s.end]
                .find(';')
                .map_or(s.end, |k| pos + k);
            if !self.verbs(lo..hi).is_empty() || !self.text[s.clone()].contains(';') {
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
                    return self.opening_subject[si].and_then(|a| a.entity);
                }
            }
        }
        if si > 0 {
            let prev = self.doc.sentences.get(si - 1)?;
            if self.text[prev.clone()].trim_end().ends_with(':') {
                return self.attribution[si - 1]
                    .or(self.opening_subject[si - 1])
                    .and_then(|a| a.entity);
            }
        }
        None
    }

    /// The entity a figure at `pos` is about, when its sentence opens with
    /// it as the subject ("China's exports rose 35%", "Last week, the US
    /// included 34 entities"). Conservative: null when unclear.
    pub(super) fn figure_subject(&self, pos: usize) -> Option<usize> {
        if self.passages.contains(pos) {
            return None;
        }
        let s = self.doc.sentence_span(pos);
        if pos < s.start {
            return None;
        }
        // Skip one short introductory phrase ("Last week, ", "In 2004, ").
        let mut lo = s.start;
        let head = &self.text[s.start..pos];
        if let Some(c) = head.find(',') {
            let intro = &head[..c];
            if intro.split_whitespace().count() <= 4
                && self.mentions.within(s.start..s.start + c).next().is_none()
            {
                lo = s.start + c + 1;
            }
        }
        let clause = &self.text[lo..pos];
        if clause.contains([';', ':', '“', '"']) {
            return None;
        }
        let m = *self.mentions.within(lo..pos).next()?;
        let prefix = self.text[lo..m.start].trim();
        if !(prefix.is_empty() || prefix.eq_ignore_ascii_case("the")) {
            return None;
        }
        // The words after the subject must not attribute ("China said 500 …").
        let mut after = m.end;
        let tail = &self.text[after..];
        if tail.starts_with("'s") || tail.starts_with("’s") {
            after += 4.min(tail.len());
            after = (after..=self.text.len())
                .find(|&i| self.text.is_char_boundary(i))
                .unwrap_or(self.text.len());
        }
        let words = self.words(after.min(pos)..pos);
        if words.iter().take(3).any(|w| w.2 == "according") || !self.verbs(m.end..pos).is_empty() {
            return None;
        }
        Some(m.entity)
    }
}
