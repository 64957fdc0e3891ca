//! What a number measures when a word says so: percentages ("%", "per
//! cent", "basis points"), measure units ("barrels", "10km", "15-day") and
//! when a duration is a claimed length rather than a placement in time
//! ("for six years" vs "six years ago"); ages ("Smith, 45,").

use super::scanner::Reading;
use super::tokens::{TokenKind, Tokens};
use crate::lexicon::mark;

impl<'a, 'd> Tokens<'a, 'd> {
    /// A measure unit starting at token `j`: (end token, category).
    pub(super) fn unit_at(&self, j: usize) -> Option<(usize, &'static str)> {
        if !self.is_word(j) || !self.has(j, mark::UNIT_FIRST) {
            return None;
        }
        // Only the forms starting with the word can match: the word is
        // read once, not once per form.
        let forms = self.lex.units_by_first.starting_with(self.word(j));
        'forms: for (words, cat) in forms.iter().map(|&f| &self.lex.units[f]) {
            for (k, w) in words.iter().enumerate() {
                if !self.is_word(j + k) || self.word(j + k) != *w {
                    continue 'forms;
                }
            }
            return Some((j + words.len(), cat));
        }
        None
    }

    /// A bare whole number that gives someone's age: "Smith, 45,", "at the
    /// age of 60", "aged 45".
    pub(super) fn is_age(&self, r: &Reading, first: usize) -> bool {
        let n = &r.n;
        let whole = n.value.fract() == 0.0 && (1.0..=120.0).contains(&n.value);
        if !whole || n.scaled || r.upper.is_some() {
            return false;
        }
        let after_age_of = self.after_age_of(first) && !self.age_condition(first);
        let aged = self.prev_word(first) == "aged";
        // "Smith, 45,": between commas right after a capitalised name.
        let apposition = first >= 2
            && self.kind(first) == Some(TokenKind::Digits)
            && self.is_punct(first - 1, ',')
            && self.is_punct(r.end, ',')
            && self.is_word(first - 2)
            && self.capitalised(first - 2)
            && !self.has(first - 2, mark::MONTH)
            && self.same_sentence(first - 2, first);
        after_age_of || aged || apposition
    }

    /// "at the age of N".
    fn after_age_of(&self, first: usize) -> bool {
        // "age" first: its first byte turns most words away unread.
        first >= 2 && self.word_is(first - 2, "age") && self.prev_word(first) == "of"
    }

    /// "must swear allegiance at the age of 18": an age that is a rule's
    /// condition (a modal earlier in the sentence), not someone's age.
    pub(super) fn age_condition(&self, first: usize) -> bool {
        self.after_age_of(first)
            && (first.saturating_sub(15)..first).any(|k| {
                let have_to = k > 0
                    && self.word(k) == "to"
                    && matches!(self.word(k - 1), "have" | "has" | "had");
                self.same_sentence(k, first)
                    && (self.lex.cues.modals.contains(self.word(k)) || have_to)
            })
    }

    /// A percent sign or word at `j`: (end token, unit).
    pub(super) fn percent_at(&self, j: usize) -> Option<(usize, &'static str)> {
        if self.is_punct(j, '%') {
            return Some((j + 1, "%"));
        }
        // Every form starts with "p" or "b": the word is read only then,
        // the word after it only after a form's first word.
        if !matches!(self.first_byte(j), Some(b'p' | b'b')) {
            return None;
        }
        let second = || self.word(j + 1);
        match self.word(j) {
            "per" => match second() {
                "cent" => Some((j + 2, "%")),
                "centage" if matches!(self.word(j + 2), "points" | "point") => Some((j + 3, "pp")),
                _ => None,
            },
            "percent" | "pct" => Some((j + 1, "%")),
            "pc" if self.glued(j) => Some((j + 1, "%")),
            "percentage" if matches!(second(), "points" | "point") => Some((j + 2, "pp")),
            "basis" if matches!(second(), "points" | "point") => Some((j + 2, "bp")),
            "bp" | "bps" => Some((j + 1, "bp")),
            "pp" | "ppt" | "ppts" => Some((j + 1, "pp")),
            _ => None,
        }
    }

    /// A measure unit after the number: direct ("120,000 barrels"), glued
    /// ("10km"), hyphenated ("15-day"), or after "more" ("Thirty more years").
    /// Returns (end token of unit, category).
    pub(super) fn measure_after(&self, end: usize) -> Option<(usize, &'static str)> {
        if self.is_dash(end) && self.glued(end) && self.glued(end + 1) {
            return self.unit_at(end + 1);
        }
        if let Some(r) = self.unit_at(end) {
            // "5 m" is never metres here; units need a space or glue only.
            return Some(r);
        }
        if self.lex.cues.duration_fillers.contains(self.word(end)) {
            if let Some((e, cat)) = self.unit_at(end + 1) {
                if cat == "duration" {
                    return Some((e, cat));
                }
            }
        }
        None
    }

    /// Decide a measure: durations only when the length is the claim. Returns
    /// (text end token, unit text).
    pub(super) fn duration_or_measure(
        &self,
        first: usize,
        end: usize,
        unit_end: usize,
        cat: &str,
    ) -> Option<(usize, String)> {
        let hyphen = self.is_dash(end) && self.glued(end);
        let filler =
            self.lex.cues.duration_fillers.contains(self.word(end)) && self.unit_at(end).is_none();
        let unit_first = if hyphen || filler { end + 1 } else { end };
        let unit_text = self.doc.text[self.start(unit_first)..self.end(unit_end - 1)].to_string();
        if cat == "index" && hyphen {
            // "a 10-point plan"
            return None;
        }
        if cat != "duration" {
            let text_end = if hyphen || self.glued(end) {
                unit_end
            } else {
                end
            };
            return Some((text_end, unit_text));
        }
        // Unit reported in the plural ("15-day" → "days").
        let plural = {
            let u = unit_text.to_lowercase();
            match u.as_str() {
                "century" => "centuries".to_string(),
                _ if u.ends_with('s') => u,
                _ => format!("{u}s"),
            }
        };
        let after = self.word(unit_end);
        let after2 = self.word(unit_end + 1);
        if hyphen {
            // "six-year high", "a 15-year-old"
            if self.is_dash(unit_end) && self.glued(unit_end) && after2 == "old" {
                return Some((unit_end + 2, plural));
            }
            if self.lex.cues.record_words.contains(after) {
                return None;
            }
            let mut k = first;
            while k > 0 && k + 3 > first {
                k -= 1;
                let w = self.word_in_sentence(k, first);
                if self.lex.cues.earlier_periods.contains(w) {
                    return None;
                }
            }
            return Some((unit_end, plural));
        }
        // Placement in time.
        let before = self.words_before(first, 3);
        if before[0] == "the" && matches!(after, "that" | "which" | "since") {
            // "the 66 years that I have been alive": the length is the point.
            return Some((end, plural));
        }
        let q = self.qualifier_before(first);
        let b0 = match q {
            Some((_, qs)) => {
                let w = self.words_before(qs, 2);
                if self.words_before(first, 1)[0] == "over" && !matches!(w[0], "for" | "of" | "to")
                {
                    return None;
                }
                w[0]
            }
            None => before[0],
        };
        if self.lex.cues.time_placers.contains(b0)
            || (b0 == "the" && self.lex.cues.time_placers.contains(before[1]))
        {
            return None;
        }
        if self.lex.cues.time_placers.contains(before[0])
            || self.lex.cues.time_placers.contains(before[1]) && before[0] == "the"
        {
            return None;
        }
        if b0 == "over" {
            return None;
        }
        if self.lex.cues.time_after.contains(after) || after == "from" && after2 == "now" {
            return None;
        }
        if after == "in" && after2 == "a" && self.word(unit_end + 2) == "row" {
            return None;
        }
        if matches!(after, "to" | "ending" | "ended" | "through") && self.is_month(unit_end + 1) {
            return None;
        }
        if after == "of" && self.lex.cues.ongoing_nouns.contains(after2) {
            return None;
        }
        if after == "old" || after == "older" || after == "younger" {
            return Some((end, plural));
        }
        Some((end, plural))
    }
}

#[cfg(test)]
mod tests {
    use super::super::text_reads_of;
    use super::super::tokens::Tokens;
    use crate::text::Doc;

    /// Every percent form starts with "p" or "b": after a number followed
    /// by another word no text is read, and only one word after "percent".
    #[test]
    fn percent_at_reads_no_other_word() {
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        let doc = Doc::new("It won 3 games, 5 percent, 6 per cent and 7 points.", false);
        let tokens = Tokens::new(&doc, lex);
        let (found, reads) = text_reads_of(|| tokens.percent_at(3));
        assert_eq!((found, reads), (None, 0));
        let (found, reads) = text_reads_of(|| tokens.percent_at(6));
        assert_eq!((found, reads), (Some((7, "%")), 1));
        assert_eq!(tokens.percent_at(9), Some((11, "%")));
        assert_eq!(tokens.percent_at(14), None);
    }

    /// A unit is found by its first word: the word after the number is read
    /// once, not once for every unit listed before the one it starts (the
    /// plural durations come late in `figure_units.tsv`).
    #[test]
    fn unit_at_reads_the_word_once() {
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        let doc = Doc::new("It lasted 3 centuries and 12 barrels.", false);
        let tokens = Tokens::new(&doc, lex);
        for (j, want) in [(3, "duration"), (6, "volume")] {
            let (found, reads) = text_reads_of(|| tokens.unit_at(j));
            assert_eq!(found.map(|(_, cat)| cat), Some(want), "{}", tokens.word(j));
            assert!(reads <= 5, "{reads} reads for {:?}", tokens.word(j));
        }
    }
}
