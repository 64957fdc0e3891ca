//! The unit of a count: the counted noun of its noun phrase ("500 armed
//! men", "hundreds of Uyghur youth"), or, when no noun follows, one from the
//! context ("the number of Uyghurs … 3.61 million", "minorities totalled
//! 14.93 million", an elliptical subject); and small counts that refer back
//! ("the two countries").

use super::scanner::{FigureMatch, Reading};
use super::tokens::{TokenKind, Tokens};
use crate::lexicon::{mark, NumberWord};
use crate::record::ClaimKind;

/// The last kept count unit and its sentence, for a count with no noun
/// ([`Tokens::unit_from_context`]): the figure that holds it, or the string
/// itself once that figure's unit is overwritten.
enum LastUnit {
    None,
    /// The unit of figure `.1` (in sentence `.0`).
    At(usize, usize),
    /// A unit taken out of a figure before its unit changed.
    Owned(usize, String),
}

impl LastUnit {
    /// The unit and its sentence, read from `found` or held.
    fn get<'f>(&'f self, found: &'f [FigureMatch]) -> Option<(usize, &'f str)> {
        match self {
            LastUnit::None => None,
            LastUnit::At(sent, fi) => found[*fi].fig.unit.as_deref().map(|u| (*sent, u)),
            LastUnit::Owned(sent, u) => Some((*sent, u)),
        }
    }

    /// Figure `f` (index `fi`) is about to get another unit: when it holds
    /// the remembered one, the string is moved here first.
    fn detach(&mut self, f: &mut FigureMatch, fi: usize) {
        if let LastUnit::At(sent, at) = *self {
            if at == fi {
                *self = match f.fig.unit.take() {
                    Some(u) => LastUnit::Owned(sent, u),
                    None => LastUnit::None,
                };
            }
        }
    }
}

impl<'a, 'd> Tokens<'a, 'd> {
    /// Give each count its unit, in reading order: the counted noun after
    /// it, else one from the context; drop the small counts that refer back
    /// ("the two countries"). A level after a change in points ("rose 120
    /// points to 10,450") is in points too.
    pub(super) fn unit_counts(&self, mut found: Vec<FigureMatch>) -> Vec<FigureMatch> {
        // The last kept count unit, read where it was written (no copy of
        // the string per count).
        let mut last_count_unit = LastUnit::None;
        // The counts dropped, in order: few or none (no list allocated then).
        let mut dropped: Vec<usize> = Vec::new();
        for fi in 0..found.len() {
            let f = &found[fi];
            let sent = self.sentence(f.first);
            if f.needs_unit && f.fig.kind == ClaimKind::Count {
                let (unit, kept) = self.count_unit(f, last_count_unit.get(&found), sent);
                if !kept {
                    dropped.push(fi);
                }
                found[fi].fig.unit = unit;
                if kept && found[fi].fig.unit.is_some() {
                    last_count_unit = LastUnit::At(sent, fi);
                }
            }
            // "rose to 14.3 pct from 11.4", "13,090 lire against yesterday's
            // closing of 12,705": a bare second term of a comparison is in
            // the first term's unit.
            if fi > 0 && found[fi].fig.kind == ClaimKind::Count {
                let (prev, cur) = found.split_at_mut(fi);
                if let Some((kind, unit)) = self.comparison_term(&prev[fi - 1], &cur[0]) {
                    last_count_unit.detach(&mut cur[0], fi);
                    cur[0].fig.kind = kind;
                    cur[0].fig.unit = Some(unit);
                }
            }
            // "fell three points to 26.6 pct": a change in points before a
            // percentage is in percentage points.
            if fi > 0 && found[fi].fig.unit.as_deref() == Some("%") {
                let (prev, cur) = found.split_at_mut(fi);
                let p = &mut prev[fi - 1];
                if p.fig.kind == ClaimKind::Measure
                    && p.fig.unit.as_deref() == Some("points")
                    && matches!(self.prev_word(cur[0].first), "to" | "at" | "from")
                    && p.np + 1 == cur[0].first
                {
                    last_count_unit.detach(p, fi - 1);
                    p.fig.kind = ClaimKind::Percent;
                    p.fig.unit = Some("pp".into());
                }
            }
            // "rose 120 points to 10,450": the level after a measured change
            // is in the same unit.
            if found[fi].fig.kind == ClaimKind::Count && found[fi].fig.unit.is_none() && fi > 0 {
                let (prev, cur) = found.split_at_mut(fi);
                let p = &prev[fi - 1];
                let c = &mut cur[0];
                if p.fig.kind == ClaimKind::Measure
                    && p.fig.unit.as_deref() == Some("points")
                    && matches!(self.prev_word(c.first), "to" | "at")
                    && p.np + 1 == c.first
                {
                    last_count_unit.detach(c, fi);
                    c.fig.kind = ClaimKind::Measure;
                    c.fig.unit = p.fig.unit.clone();
                }
            }
        }
        // The kept figures moved down in place, when any was dropped.
        if !dropped.is_empty() {
            let mut dropped = dropped.into_iter().peekable();
            let mut fi = 0;
            found.retain(|_| {
                let keep = dropped.next_if_eq(&fi).is_none();
                fi += 1;
                keep
            });
        }
        found
    }

    /// When the bare number `c` is the second term of a comparison with the
    /// percentage or amount `p` ("to 14.3 pct from 11.4"): its kind and unit.
    fn comparison_term(&self, p: &FigureMatch, c: &FigureMatch) -> Option<(ClaimKind, String)> {
        let kind = p.fig.kind;
        if !matches!(kind, ClaimKind::Percent | ClaimKind::Money) || c.fig.upper.is_some() {
            return None;
        }
        let digits = self.kind(c.first) == Some(TokenKind::Digits) && c.end == c.first + 1;
        let near = c.first > p.end && c.first - p.end <= 8 && self.same_sentence(p.first, c.first);
        if !digits || !near || self.counted_noun(c.np, false, c.fig.value).is_some() {
            return None;
        }
        // Only words between, one of them a comparison link.
        let between = p.end..c.first;
        let linked = between.clone().any(|k| self.has(k, mark::COMPARISON_LINK));
        let plain = between
            .clone()
            .all(|k| self.kind(k) != Some(TokenKind::Digits) && !self.is_punct(k, ','));
        let plausible = kind != ClaimKind::Percent || c.fig.value <= 100.0;
        (linked && plain && plausible).then(|| (kind, p.fig.unit.clone().unwrap_or_default()))
    }

    /// The unit of the count `f` in sentence `sent` and whether to keep it;
    /// `last` is the last kept count unit and its sentence.
    fn count_unit(
        &self,
        f: &FigureMatch,
        last: Option<(usize, &str)>,
        sent: usize,
    ) -> (Option<String>, bool) {
        let mut keep = true;
        let head = self.counted_noun(f.np, f.vague, f.fig.value);
        let mut unit: Option<String> = None;
        if let Some((h, e)) = head {
            let hs = self.start(self.compound_start(h, f.np));
            let he = self.end(e - 1);
            unit = Some(self.doc.text[hs..he].to_string());
            if f.small_back {
                // "the two countries" refers back when its noun was
                // already used; "their two leaders" does unless an
                // apposition names them ("its two main rivals - X and Y").
                let det = self.prev_word(f.first);
                let apposition = self.is_dash(e) && !self.glued(e) || self.is_punct(e, ':');
                let seen = self.seen_before(h, self.start(f.first));
                if matches!(det, "the" | "both") && seen
                    || !matches!(det, "the" | "both") && !apposition
                {
                    keep = false;
                }
            }
        } else if f.small_back {
            keep = false;
        }
        if unit.is_none() && !f.vague {
            unit = self.unit_from_context(f, last, sent);
        }
        (unit, keep)
    }

    /// The first word of the counted noun whose head is at `h`: a name
    /// whose last word is the head ("three Grammy Awards") and a plural
    /// possessive ("two critics' associations") are part of it; adjectives,
    /// nationalities and common-noun modifiers are left out, as annotated
    /// ("prestigious", "US", "construction projects" → "projects"). `np` is
    /// where the noun phrase starts.
    pub(super) fn compound_start(&self, h: usize, np: usize) -> usize {
        let head_capital =
            self.capitalised(h) && self.raw(h).chars().skip(1).any(char::is_lowercase);
        let mut k = h;
        while k > np && k + 3 > h {
            let m = k - 1;
            // "critics'": the apostrophe is a token of its own.
            let possessive_plural = m > np
                && matches!(self.kind(m), Some(TokenKind::Punct('\'' | '’')))
                && self.glued(m)
                && !self.glued(k)
                && self.is_word(m - 1)
                && self.word(m - 1).ends_with('s');
            if possessive_plural {
                k = m - 1;
                continue;
            }
            let raw = self.raw(m);
            if !self.is_word(m) || self.glued(k) {
                break;
            }
            let name_part = head_capital
                && self.capitalised(m)
                && raw.chars().skip(1).any(char::is_lowercase)
                && !self.has(m, mark::NP_STOP);
            if !name_part {
                break;
            }
            k = m;
        }
        k
    }

    /// A small count after "the/its/their…" that may refer back ("the two
    /// countries").
    pub(super) fn small_count_after_determiner(&self, r: &Reading, first: usize) -> bool {
        r.kind == ClaimKind::Count
            && r.n.value <= 10.0
            && !r.n.scaled
            && r.upper.is_none()
            && self
                .lex
                .cues
                .back_determiners
                .contains(self.prev_word(first))
    }

    /// The word at `i` looks like a plural noun ("fighters", "people",
    /// "gunmen").
    pub(super) fn looks_plural(&self, i: usize) -> bool {
        if self.has(i, mark::PLURAL_NOUN) {
            return true;
        }
        // Every other plural ends in "s" or "men": a word with another last
        // byte is not read.
        if !matches!(self.last_byte(i), Some(b's' | b'n')) {
            return false;
        }
        let w = self.word(i);
        if w.ends_with("men") && w.len() > 4 {
            return true;
        }
        if self.has(i, mark::NOT_PLURAL) || w.len() < 3 {
            return false;
        }
        w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.ends_with("'s")
            && !w.ends_with("’s")
    }

    /// The counted noun after a count: the head of its noun phrase.
    pub(super) fn counted_noun(
        &self,
        np: usize,
        vague: bool,
        value: f64,
    ) -> Option<(usize, usize)> {
        let mut k = np;
        // "500 fighters of the group", "hundreds of Uyghur youth", "Four of
        // China's six networks", "two of its other projects".
        if self.word_is(k, "of") {
            k += 1;
            loop {
                if self.has(k, mark::OF_DETERMINER)
                    || self.kind(k) == Some(TokenKind::Digits)
                    || self.raw(k).ends_with("'s")
                    || self.raw(k).ends_with("’s")
                    || matches!(
                        self.number_word(k),
                        Some((NumberWord::Unit | NumberWord::Tens, _))
                    )
                {
                    k += 1;
                    continue;
                }
                break;
            }
        } else if vague {
            return None;
        }
        // Collect the noun phrase words.
        let k = self.skip_open_quote(k);
        // At most six words, kept on the stack.
        let mut buf = [0usize; 6];
        let mut len = 0;
        let mut j = k;
        while len < buf.len() && self.is_word(j) && self.same_sentence(j, np) {
            let w = self.word(j);
            let compound = self.is_dash(j + 1) && self.glued(j + 1) && self.glued(j + 2);
            if self.has(j, mark::NP_STOP) && !(w == "more" && j == np) && !compound {
                break;
            }
            if len == 0 && self.has(j, mark::SUBJECT_VERB) {
                return None;
            }
            // "81 last year": a time phrase, no counted noun.
            if len == 0 && matches!(w, "last" | "next") {
                return None;
            }
            if self.is_month(j) {
                break;
            }
            // "81 last year": a time, not the counted noun.
            if matches!(w, "last" | "next" | "this")
                && self.lex.cues.time_nouns.contains(self.word(j + 1))
            {
                break;
            }
            buf[len] = j;
            len += 1;
            let plural = self.looks_plural(j);
            j += 1;
            while self.is_dash(j) && self.glued(j) && self.is_word(j + 1) && self.glued(j + 1) {
                j += 2;
            }
            let possessive = matches!(self.kind(j), Some(TokenKind::Punct('\'' | '’')))
                && self.glued(j)
                && self.is_word(j + 1)
                && !self.glued(j + 1);
            if plural && possessive {
                // "two critics' associations": the possessor is a modifier.
                j += 1;
                continue;
            }
            if plural && value != 1.0 {
                // "300 policemen and women"
                if self.word(j) == "and"
                    && self.is_word(j + 1)
                    && self.looks_plural(j + 1)
                    && !self.is_word(j + 2)
                {
                    return Some((buf[len - 1], j + 2));
                }
                return Some((buf[len - 1], j));
            }
        }
        if len == 0 {
            return None;
        }
        let mut words = &buf[..len];
        if value == 1.0 {
            // Singular: the last word before a stop, leaving out a verb
            // ("one candidate remained").
            while words.len() > 1 {
                let last = *words.last()?;
                let w = self.word(last);
                if self.has(last, mark::SUBJECT_VERB)
                    || w.ends_with("ed") && !self.has(last, mark::PARTICIPLE_ADJECTIVE)
                {
                    words = &words[..words.len() - 1];
                } else {
                    break;
                }
            }
            let last = *words.last()?;
            return Some((last, last + 1));
        }
        // No plural: an acronym ("500 ETIM"), or a single collective noun
        // ("hundreds of Uyghur youth").
        if let Some(&a) = words.iter().find(|&&t| {
            let r = self.raw(t);
            r.len() >= 2 && r.chars().all(|c| c.is_uppercase())
        }) {
            return Some((a, a + 1));
        }
        let first = words[0];
        if words.len() <= 3
            && !self.raw(first).ends_with("ed")
            && !self.raw(*words.last()?).ends_with("ed")
            && j > first
            && (!self.is_word(j) || self.has(j, mark::NP_STOP))
        {
            let last = *words.last()?;
            if self.word_is(np, "of") || words.len() >= 2 {
                return Some((last, last + 1));
            }
        }
        None
    }
    /// The singular stem of a counted noun, to look for it earlier in the text.
    pub(super) fn seen_before(&self, head: usize, before: usize) -> bool {
        let w = self.word(head);
        let stem = if let Some(s) = w.strip_suffix("ies") {
            s
        } else if let Some(s) = w.strip_suffix("es") {
            if s.ends_with(['s', 'x', 'z']) || s.ends_with("ch") || s.ends_with("sh") {
                s
            } else {
                &w[..w.len() - 1]
            }
        } else if let Some(s) = w.strip_suffix('s') {
            s
        } else {
            w
        };
        if stem.len() < 3 {
            return false;
        }
        let hay_start = before.saturating_sub(20_000);
        let mut lo = hay_start;
        while !self.doc.folded.is_char_boundary(lo) {
            lo += 1;
        }
        let hay = &self.doc.folded[lo..before];
        let mut from = 0;
        while let Some(p) = hay[from..].find(stem) {
            let at = from + p;
            let ok_before = hay[..at]
                .chars()
                .next_back()
                .map_or(true, |c| !c.is_alphabetic());
            if ok_before {
                return true;
            }
            from = at + stem.len();
        }
        false
    }

    /// The plural noun subject of the verb at `verb`: the nearest plural
    /// common noun before it in the sentence, hyphenated compounds whole
    /// ("co-productions in Britain fell").
    fn plural_subject_before(&self, verb: usize) -> Option<String> {
        let mut k = verb;
        while k > 0 && self.same_sentence(k - 1, verb) && k + 6 > verb {
            k -= 1;
            if !self.is_word(k) || self.capitalised(k) || !self.looks_plural(k) {
                continue;
            }
            let mut start = k;
            while start >= 2
                && self.is_dash(start - 1)
                && self.glued(start)
                && self.glued(start - 1)
                && self.is_word(start - 2)
            {
                start -= 2;
            }
            return Some(self.doc.text[self.start(start)..self.end(k)].to_string());
        }
        None
    }

    /// A count with no noun after it: "the number of Uyghurs increased from
    /// 3.61 million", "a total population of 25.85 million", "minorities
    /// totalled 14.93 million", "197 people died, with 1,721 suffered".
    pub(super) fn unit_from_context(
        &self,
        f: &FigureMatch,
        last: Option<(usize, &str)>,
        sent: usize,
    ) -> Option<String> {
        let first = f.first;
        let mut q = first;
        if let Some((_, qs)) = self.qualifier_before(first) {
            q = qs;
        }
        let before = self.words_before(q, 2);
        // "<noun> of N"
        if before[0] == "of"
            && q >= 2
            && self.is_word(q - 2)
            && !self.has(q - 2, mark::NP_STOP)
            && self.number_word(q - 2).is_none()
            && !self.has(q - 2, mark::AGGREGATE_NOUN)
        {
            return Some(self.raw(q - 2).to_string());
        }
        // "the number of X … N"
        // The 25 tokens before (never token 0) in the sentence, each turned
        // away on its first byte.
        for (k, b) in self.first_bytes_back(q, q.saturating_sub(25).max(1), first) {
            if b == b'n' && self.word(k) == "number" && self.word(k + 1) == "of" {
                let mut j = k + 2;
                while self.is_word(j) && j < k + 6 {
                    if self.looks_plural(j) {
                        return Some(self.raw(j).to_string());
                    }
                    j += 1;
                }
            }
        }
        // "<plural subject> fell from N": the subject of the verb of change.
        if matches!(before[0], "from" | "to" | "by")
            && self.lex.cues.change_verbs.contains(before[1])
        {
            if let Some(u) = self.plural_subject_before(q - 2) {
                return Some(u);
            }
        }
        // "<plural subject> totalled N"
        if self.lex.cues.total_verbs.contains(before[0]) {
            let mut k = q.saturating_sub(1);
            while k > 0 && self.same_sentence(k - 1, first) && k + 8 > q {
                k -= 1;
                if self.is_word(k) && self.looks_plural(k) && !self.capitalised(k) {
                    return Some(self.raw(k).to_string());
                }
            }
        }
        // "co-productions in Britain fell from 102": the plural subject of a
        // change verb counts the figure it changes from.
        if before[0] == "from" {
            let verb = (q.saturating_sub(3)..q)
                .rev()
                .find(|&k| self.has(k, mark::CHANGE_VERB) && self.same_sentence(k, first));
            if let Some(v) = verb {
                let mut k = v;
                while k > 0 && self.same_sentence(k - 1, first) && k + 8 > v {
                    k -= 1;
                    if self.is_word(k) && self.looks_plural(k) && !self.capitalised(k) {
                        // Keep a hyphenated compound whole ("co-productions").
                        let mut s = k;
                        while s >= 2 && self.is_dash(s - 1) && self.glued(s - 1) && self.glued(s) {
                            s -= 2;
                        }
                        return Some(self.doc.text[self.start(s)..self.end(k)].to_string());
                    }
                }
            }
        }
        // Elliptical subject: reuse the last counted noun of this sentence, or
        // of the previous one when the number opens its sentence.
        let next = self.word(f.end);
        let subject = self.lex.cues.subject_verbs.contains(next)
            || (next.ends_with("ed") && !self.lex.cues.participle_adjectives.contains(next));
        if let Some((ls, u)) = last {
            if ls == sent && (subject || matches!(before[0], "from" | "with" | "to")) {
                return Some(u.to_string());
            }
            if ls + 1 == sent && subject && self.starts_sentence(q) {
                return Some(u.to_string());
            }
        }
        None
    }
}

#[cfg(test)]
mod tests;
