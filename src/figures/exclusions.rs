//! Numbers that are not quantities: dates and times, list numbering and
//! caption counters, scores and pairs ("2-1"), identifiers and phone numbers,
//! street addresses, parts of names ("FTSE 100", "China Three Gorges"),
//! years standing alone, and number words that are not counts ("one" meaning
//! "a").

use super::numbers::Number;
use super::scanner::Reading;
use super::tokens::{TokenKind, Tokens};
use crate::lexicon::mark;
use crate::record::{ClaimKind, Qualifier};

impl<'a, 'd> Tokens<'a, 'd> {
    /// A month name or abbreviation, capitalised ("July", "Aug").
    pub(super) fn is_month(&self, i: usize) -> bool {
        self.is_word(i) && self.has(i, mark::MONTH) && self.capitalised(i)
    }

    /// Digits at token `i` that the tokens before them alone show are no
    /// quantity: a code ("D66", "Covid-19", "9/11", "020"), a date ("July
    /// 5"), the second of a pair or run ("2-1", "020 7946 0958", "+44").
    /// With [`Self::ruled_out_by_number`], what `not_a_quantity` was (its
    /// oracle test); asked before the number is read.
    pub(super) fn ruled_out_by_neighbours(&self, i: usize) -> bool {
        // The token before is read once; most digits stand after a word or
        // a sign with a space between, or (in tables) after other digits.
        let glued = self.glued(i);
        let prev = i.checked_sub(1).and_then(|p| self.kind(p));
        if glued {
            match prev {
                // Glued to letters before: "D66", "G20", "Democrats66".
                Some(TokenKind::Word) if self.currency_prefix(i).is_none() => return true,
                // "Covid-19", "MiG-29", "mid-2004"; the second number of a
                // pair ("2-1", "2003-04"): its first number was already judged.
                Some(TokenKind::Punct('-' | '–' | '—'))
                    if i > 1
                        && (self.glued(i - 1) && self.is_word(i - 2)
                            || self.kind(i - 2) == Some(TokenKind::Digits)) =>
                {
                    return true
                }
                // After a slash or colon: "9/11", "24/7", "10:30", URLs;
                // "+44" phone prefix ("500+" is a trailing qualifier).
                Some(TokenKind::Punct('+')) => return true,
                p if is_code_sign(p) => return true,
                _ => {}
            }
        } else if prev == Some(TokenKind::Digits) {
            // Numbers next to numbers (phone numbers, codes): "020 7946 0958".
            return true;
        }
        // Leading zero: "020", "007". The text is read only after a "0".
        if self.first_byte(i) == Some(b'0')
            && self.text_len(i) > 1
            && !self.raw(i).starts_with("0.")
        {
            return true;
        }
        // Dates: "July 5", "Aug 31".
        prev == Some(TokenKind::Word) && self.is_month(i - 1) && self.same_sentence(i - 1, i)
    }

    /// The number `n` read from the digits at token `i` is no quantity by
    /// what follows it: a code ("12th", "4G", "10:30"), a decade, a date or
    /// a time ("the 1990's", "5 July", "10 am"), list numbering ("(3)", "2."
    /// at line start), a number before another, a street address.
    pub(super) fn ruled_out_by_number(&self, i: usize, n: &Number) -> bool {
        // Before a slash or colon glued to it: "9/11", "10:30".
        if is_code_sign(self.kind(n.end)) && self.glued(n.end) {
            return true;
        }
        // Glued letters after that are not a scale: "12th", "1990s", "4G", "10am".
        if !n.scaled && self.is_word(i + 1) && self.glued(i + 1) {
            let suf = self.word(i + 1);
            if self.unit_at(i + 1).is_none() && !matches!(suf, "pc" | "bp" | "bps") {
                return true;
            }
        }
        self.date_or_time(n)
            || self.list_number(i, n)
            || self.kind(n.end) == Some(TokenKind::Digits) && !self.glued(n.end)
            || self.street_address(n)
    }

    /// A decade, a date or a time of day after the number: "the 1990's", "5 July", "10 am", "3 p.m.".
    fn date_or_time(&self, n: &Number) -> bool {
        // Apostrophe decades: "the 1990's", "the 30's".
        if matches!(self.kind(n.end), Some(TokenKind::Punct('\'' | '’')))
            && self.glued(n.end)
            && self.word(n.end + 1) == "s"
            && self.glued(n.end + 1)
        {
            let y = n.value;
            if (10.0..100.0).contains(&y) && y % 10.0 == 0.0 || (1000.0..2100.0).contains(&y) {
                return true;
            }
        }
        // Dates: "5 July".
        if self.is_month(n.end) && !n.scaled {
            return true;
        }
        // Times: "10 am", "3 p.m.", "10 GMT". The word after is read once,
        // and only when it is a word: every clock word is one (test
        // `clock_words_are_words`).
        let next = if self.is_word(n.end) {
            self.word(n.end)
        } else {
            ""
        };
        if self.lex.cues.clock_words.contains(next)
            && !n.scaled
            && (next != "am" || self.raw(n.end) == "am")
        {
            return true;
        }
        matches!(next, "a" | "p") && self.is_punct(n.end + 1, '.') && self.word(n.end + 2) == "m"
    }

    /// A caption counter or list numbering: "(3)", "1)", "2." at line start.
    fn list_number(&self, i: usize, n: &Number) -> bool {
        let glued = self.glued(i);
        // Caption counters and list numbering: "(3)", "1)", "2." at line start.
        if self.is_punct(n.end, ')') && self.glued(n.end) && !n.scaled {
            let lone = i > 0 && self.is_punct(i - 1, '(') && glued;
            let listy = !(i > 0 && self.is_punct(i - 1, '('));
            if lone || listy {
                return true;
            }
        }
        if self.newline(i) && self.is_punct(n.end, '.') && self.glued(n.end) {
            return true;
        }
        false
    }

    /// A street address: "10 Downing Street".
    fn street_address(&self, n: &Number) -> bool {
        // Street addresses: "10 Downing Street".
        if self.capitalised(n.end) {
            let mut k = n.end;
            while self.capitalised(k) && k < n.end + 4 {
                if self.lex.cues.street_words.contains(self.word(k)) {
                    return true;
                }
                k += 1;
            }
        }
        false
    }

    /// Part of a name ("Taliban 2.0", "FTSE 100", "Article 370", "Boeing
    /// 747") unless its line is in headline case: the caller reads the
    /// line's case ([`Self::part_of_name`]) only for a number no cheaper
    /// test has turned away, since reading it costs the line's length (a
    /// results table's "Arsenal 3 Chelsea 1" asks it on every row).
    pub(super) fn name_unless_headline(&self, i: usize, n: &Number) -> bool {
        if i > 0 && !self.glued(i) && self.capitalised(i - 1) && self.same_sentence(i - 1, i) {
            let prev = i - 1;
            let function_word = || {
                self.lex
                    .cues
                    .not_name_before_number
                    .contains(self.word(prev))
            };
            let possessive = || self.raw(prev).ends_with("'s") || self.raw(prev).ends_with("’s");
            let suffix = || {
                n.scaled
                    || self.percent_at(n.end).is_some()
                    || self.currency_suffix(n.end).is_some()
            };
            if !function_word() && !possessive() && !self.starts_sentence(prev) && !suffix() {
                return true;
            }
        }
        false
    }

    /// The digits at token `i`, found [`Self::name_unless_headline`], are
    /// part of a name: their line is not in headline case.
    pub(super) fn part_of_name(&self, i: usize) -> bool {
        !self.doc.in_headline_case(self.start(i))
    }

    /// "one known terrorist only to recruit 10 unknown terrorists": "one"
    /// set against another count of the same noun in the sentence.
    pub(super) fn one_contrasted(&self, first: usize, end: usize) -> bool {
        let Some((head, _)) = self.counted_noun(end, false, 1.0) else {
            return false;
        };
        let head = self.word(head).to_string();
        let mut k = end;
        while k < self.len() && self.same_sentence(k, first) && k < end + 15 {
            if self.kind(k) == Some(TokenKind::Digits) {
                for m in k + 1..k + 4 {
                    let w = self.word(m);
                    if w.starts_with(head.as_str()) && w.len() <= head.len() + 2 {
                        return true;
                    }
                }
            }
            k += 1;
        }
        false
    }

    /// "one" meaning "a" or "a certain" ("one broker", "one hour"): only a
    /// figure with a qualifier ("only one") or set against another count.
    pub(super) fn one_means_a(&self, r: &Reading, first: usize) -> bool {
        let n = &r.n;
        let kind = r.kind;
        let end = r.end;
        if r.first_word(self) == "one"
            && n.value == 1.0
            && !n.scaled
            && matches!(kind, ClaimKind::Count | ClaimKind::Measure)
        {
            let q = matches!(
                self.qualifier_before(first),
                Some((Qualifier::AtLeast | Qualifier::AtMost, _))
            );
            let prev = self.prev_word(first);
            if (!(q || matches!(prev, "only" | "just" | "single")) || self.word(end) == "of")
                && (kind == ClaimKind::Measure || !self.one_contrasted(first, end))
            {
                return true;
            }
        }
        false
    }

    /// A capitalised number word inside a sentence is part of a name
    /// ("China Three Gorges Project").
    pub(super) fn number_word_in_name(&self, r: &Reading) -> bool {
        let n = &r.n;
        n.words
            && !n.fraction
            && self.capitalised(n.first)
            && !self.doc.is_sentence_initial(self.start(n.first))
            && !self.doc.in_headline_case(self.start(n.first))
    }

    /// Sport results that are not quantities: a rank ("the world number
    /// 14", "number one in the UK and 12 in the US"), a race time ("two
    /// hours 23 minutes") or a race ("the 10,000m").
    pub(super) fn rank_or_race_time(&self, r: &Reading, first: usize) -> bool {
        let n = &r.n;
        let prev = self.prev_word(first);
        // "the world number 14", "a top 10 hit": a rank or a label.
        if self.lex.cues.rank_words.contains(prev) {
            return true;
        }
        // "after those first three games": a part of something counted
        // before, not a quantity.
        if r.kind == ClaimKind::Count
            && self.lex.cues.part_words.contains(prev)
            && first >= 2
            && matches!(
                self.word(first - 2),
                "the" | "those" | "these" | "his" | "her" | "its" | "their"
            )
        {
            return true;
        }
        // "number one in the UK and 12 in the US": the rank goes on.
        if matches!(prev, "and" | "or") && r.needs_unit {
            let lo = first.saturating_sub(10);
            let ranked = (lo..first.saturating_sub(1)).any(|k| {
                self.word(k) == "number"
                    && self.same_sentence(k, first)
                    && (self.kind(k + 1) == Some(TokenKind::Digits)
                        || self.number_word(k + 1).is_some())
            });
            if ranked {
                return true;
            }
        }
        // "two hours 23 minutes": one time in two units is a result.
        let time_unit = |k: usize| self.lex.cues.time_units.contains(self.word(k));
        if r.kind == ClaimKind::Measure && r.unit.as_deref().is_some_and(time_unit_name) {
            let next_time = (self.kind(r.np) == Some(TokenKind::Digits)
                || self.number_word(r.np).is_some())
                && time_unit(r.np + 1);
            let prev_time = first >= 2
                && time_unit(first - 1)
                && (self.kind(first - 2) == Some(TokenKind::Digits)
                    || self.number_word(first - 2).is_some());
            if next_time || prev_time {
                return true;
            }
        }
        // "the 10,000m": a grouped number glued to "m" is a race distance.
        n.scaled
            && self.raw(n.first).contains(',')
            && self.word(n.first + 1) == "m"
            && self.glued(n.first + 1)
    }

    /// A chart or table position ("their 26th top 10 hit", "stayed in the
    /// top four") or the first few of things in a sequence ("after those
    /// first three games"): a place, not a quantity. "the top 10 banks"
    /// still counts banks.
    pub(super) fn position_not_count(&self, r: &Reading, first: usize) -> bool {
        if r.kind != ClaimKind::Count || r.n.scaled || r.upper.is_some() {
            return false;
        }
        let prev = self.prev_word(first);
        // The noun after and the determiner before are read only after
        // the word before says they matter (most counts follow neither).
        if matches!(prev, "top" | "bottom") && r.n.value <= 100.0 {
            let noun_follows = self.is_word(r.end) && self.looks_plural(r.end);
            if !noun_follows {
                return true;
            }
        }
        matches!(prev, "first" | "last" | "opening" | "final")
            && r.n.value <= 10.0
            && matches!(
                self.prev_word(first.saturating_sub(1)),
                "the" | "those" | "these" | "its" | "their" | "his" | "her"
            )
    }

    /// "the big two": a name for a group, not a count.
    pub(super) fn the_big_few(&self, r: &Reading, first: usize) -> bool {
        r.kind == ClaimKind::Count
            && r.n.value <= 10.0
            && !r.n.scaled
            && r.upper.is_none()
            && self.prev_word(first) == "big"
            && self.prev_word(first - 1) == "the"
    }

    /// A count that is not one: a year standing alone, "one of", "test
    /// scores", a lone number word with no counted noun, "three times".
    pub(super) fn not_a_count(&self, r: &Reading, first: usize) -> bool {
        let n = &r.n;
        let end = r.end;
        let first_word = r.first_word(self);
        if self.year_standing_alone(r, first) {
            return true;
        }
        if n.words && !n.vague && !n.scaled && self.word(end) == "of" && n.value == 1.0 {
            return true;
        }
        // "scores" and "tens" need "of" (or a sentence start) to be vague
        // quantities: "test scores" is not.
        if n.vague
            && matches!(first_word, "scores" | "tens")
            && self.word(n.first + 1) != "of"
            && !self.starts_sentence(first)
        {
            return true;
        }
        // Lone number words without a counted noun are rarely figures,
        // unless they are the subject ("Nine were executed").
        if n.words && !n.vague && !n.scaled && n.value < 100.0 {
            let end = self.skip_open_quote(end);
            let nxt = self.word(end);
            let compound = self.is_dash(end + 1) && self.glued(end + 1);
            let noun_follows = self.is_word(end)
                && (!self.lex.cues.np_stop.contains(nxt) || compound)
                && !self.lex.cues.subject_verbs.contains(nxt)
                && !self.capitalised(end)
                || self.capitalised(end) && !self.is_month(end);
            let of_follows = nxt == "of" && (first_word != "one");
            let subject = self.lex.cues.subject_verbs.contains(nxt);
            let times_word = nxt == "times";
            if times_word || !(noun_follows || of_follows || subject) {
                return true;
            }
        }
        // Only a word starting with "t" is read.
        self.first_byte(end) == Some(b't') && matches!(self.word(end), "times" | "time")
    }

    /// Plain four-digit numbers are years unless they plainly count (a
    /// qualifier before, a plural noun after: "more than 2000 troops").
    fn year_standing_alone(&self, r: &Reading, first: usize) -> bool {
        let n = &r.n;
        let end = r.end;
        let year_like = n.plain_int
            && r.upper.is_none()
            && self.text_len(n.first) == 4
            && (1500.0..=2100.0).contains(&n.value);
        if !year_like {
            return false;
        }
        let qual = self.qualifier_before(first).is_some();
        let prev = self.prev_word(first);
        let next_plural = self.is_word(end) && !self.capitalised(end) && self.looks_plural(end);
        let prev_blocks = self.lex.cues.before_year.contains(prev)
            || (first > 0 && self.is_punct(first - 1, '\''))
            || first > 0 && {
                // "the company's 2004 profits"
                let r = self.raw(first - 1);
                self.is_word(first - 1) && (r.ends_with("'s") || r.ends_with("’s"))
            };
        !(qual || next_plural && !prev_blocks)
    }
}

/// The old test of digits that are no quantity, asked after the number
/// was read: the oracle of `ruled_out_by_neighbours` and
/// `ruled_out_by_number`.
#[cfg(test)]
impl<'a, 'd> Tokens<'a, 'd> {
    /// [`Self::ruled_out_by_neighbours`] as it was, asking each neighbour's
    /// kind for every test: the oracle of its differential test.
    pub(super) fn ruled_out_by_neighbours_oracle(&self, i: usize) -> bool {
        let glued = self.glued(i);
        // Glued to letters before: "D66", "G20", "Democrats66".
        if glued && i > 0 && self.is_word(i - 1) && self.currency_prefix(i).is_none() {
            return true;
        }
        // "Covid-19", "MiG-29", "mid-2004".
        if glued && i > 1 && self.is_dash(i - 1) && self.glued(i - 1) && self.is_word(i - 2) {
            return true;
        }
        // After a slash or colon: "9/11", "24/7", "10:30", URLs.
        if glued && is_code_sign(self.kind(i.wrapping_sub(1))) {
            return true;
        }
        // Leading zero: "020", "007". The text is read only after a "0".
        if self.first_byte(i) == Some(b'0')
            && self.text_len(i) > 1
            && !self.raw(i).starts_with("0.")
        {
            return true;
        }
        // Dates: "July 5", "Aug 31".
        if i > 0 && self.is_month(i - 1) && self.same_sentence(i - 1, i) {
            return true;
        }
        // The second number of a pair ("2-1", "2003-04"): its first number
        // was already judged.
        if glued && i >= 2 && self.is_dash(i - 1) && self.kind(i - 2) == Some(TokenKind::Digits) {
            return true;
        }
        // Numbers next to numbers (phone numbers, codes): "020 7946 0958".
        if i > 0 && self.kind(i - 1) == Some(TokenKind::Digits) && !glued {
            return true;
        }
        // "+44" phone prefix; "500+" is handled as a trailing qualifier.
        i > 0 && self.is_punct(i - 1, '+') && glued
    }

    /// [`Self::position_not_count`] as it was, reading the noun after and
    /// the determiner before every count: the oracle of its differential
    /// test.
    pub(super) fn position_not_count_oracle(&self, r: &Reading, first: usize) -> bool {
        if r.kind != ClaimKind::Count || r.n.scaled || r.upper.is_some() {
            return false;
        }
        let prev = self.prev_word(first);
        let noun_follows = self.is_word(r.end) && self.looks_plural(r.end);
        if matches!(prev, "top" | "bottom") && !noun_follows && r.n.value <= 100.0 {
            return true;
        }
        let determiner = self.prev_word(first.saturating_sub(1));
        matches!(prev, "first" | "last" | "opening" | "final")
            && matches!(
                determiner,
                "the" | "those" | "these" | "its" | "their" | "his" | "her"
            )
            && r.n.value <= 10.0
    }

    /// True when a digits token is a date part, a time, an ordinal or an
    /// identifier. (Part of a name is [`Self::name_unless_headline`]:
    /// its last test is dear and comes after every other.)
    pub(super) fn not_a_quantity_oracle(&self, i: usize, n: &Number) -> bool {
        self.identifier_or_code_oracle(i, n)
            || self.date_or_time_oracle(i, n)
            || self.list_number_oracle(i, n)
            || self.pair_or_number_run_oracle(i, n)
            || self.street_address(n)
    }

    /// An identifier or a code: "D66", "Covid-19", "9/11", "10:30", "020", "12th", "4G".
    fn identifier_or_code_oracle(&self, i: usize, n: &Number) -> bool {
        let glued = self.glued(i);
        // Glued to letters before: "D66", "G20", "Democrats66".
        if glued && i > 0 && self.is_word(i - 1) && self.currency_prefix(i).is_none() {
            return true;
        }
        // "Covid-19", "MiG-29", "mid-2004".
        if glued && i > 1 && self.is_dash(i - 1) && self.glued(i - 1) && self.is_word(i - 2) {
            return true;
        }
        // Slashes and colons: "9/11", "24/7", "10:30", URLs.
        for k in [i.wrapping_sub(1), n.end] {
            if let Some(TokenKind::Punct('/' | ':' | '#' | '@' | '_' | '=' | '&')) = self.kind(k) {
                let adj = if k == n.end { self.glued(k) } else { glued };
                if adj {
                    return true;
                }
            }
        }
        // Leading zero: "020", "007". The text is read only after a "0".
        if self.first_byte(i) == Some(b'0')
            && self.text_len(i) > 1
            && !self.raw(i).starts_with("0.")
        {
            return true;
        }
        // Glued letters after that are not a scale: "12th", "1990s", "4G", "10am".
        if !n.scaled && self.is_word(i + 1) && self.glued(i + 1) {
            let suf = self.word(i + 1);
            if self.unit_at(i + 1).is_none() && !matches!(suf, "pc" | "bp" | "bps") {
                return true;
            }
        }
        false
    }

    /// A decade, a date or a time of day: "the 1990's", "July 5", "10 am", "3 p.m.".
    fn date_or_time_oracle(&self, i: usize, n: &Number) -> bool {
        // Apostrophe decades: "the 1990's", "the 30's".
        if matches!(self.kind(n.end), Some(TokenKind::Punct('\'' | '’')))
            && self.glued(n.end)
            && self.word(n.end + 1) == "s"
            && self.glued(n.end + 1)
        {
            let y = n.value;
            if (10.0..100.0).contains(&y) && y % 10.0 == 0.0 || (1000.0..2100.0).contains(&y) {
                return true;
            }
        }
        // Dates: "July 5", "5 July", "Aug 31".
        if i > 0 && self.is_month(i - 1) && self.same_sentence(i - 1, i) {
            return true;
        }
        if self.is_month(n.end) && !n.scaled {
            return true;
        }
        // Times: "10 am", "3 p.m.", "10 GMT". The word after is read once,
        // and only when it is a word: every clock word is one (test
        // `clock_words_are_words`).
        let next = if self.is_word(n.end) {
            self.word(n.end)
        } else {
            ""
        };
        if self.lex.cues.clock_words.contains(next)
            && !n.scaled
            && (next != "am" || self.raw(n.end) == "am")
        {
            return true;
        }
        matches!(next, "a" | "p") && self.is_punct(n.end + 1, '.') && self.word(n.end + 2) == "m"
    }

    /// A caption counter or list numbering: "(3)", "1)", "2." at line start.
    fn list_number_oracle(&self, i: usize, n: &Number) -> bool {
        let glued = self.glued(i);
        // Caption counters and list numbering: "(3)", "1)", "2." at line start.
        if self.is_punct(n.end, ')') && self.glued(n.end) && !n.scaled {
            let lone = i > 0 && self.is_punct(i - 1, '(') && glued;
            let listy = !(i > 0 && self.is_punct(i - 1, '('));
            if lone || listy {
                return true;
            }
        }
        if self.newline(i) && self.is_punct(n.end, '.') && self.glued(n.end) {
            return true;
        }
        false
    }

    /// A number paired with or next to another: "2-1", "2003-04", "020 7946 0958", "+44".
    fn pair_or_number_run_oracle(&self, i: usize, n: &Number) -> bool {
        let glued = self.glued(i);
        // The second number of a pair ("2-1", "2003-04"): its first number
        // was already judged.
        if glued && i >= 2 && self.is_dash(i - 1) && self.kind(i - 2) == Some(TokenKind::Digits) {
            return true;
        }
        // Numbers next to numbers (phone numbers, codes): "020 7946 0958".
        if self.kind(n.end) == Some(TokenKind::Digits) && !self.glued(n.end) {
            return true;
        }
        if i > 0 && self.kind(i - 1) == Some(TokenKind::Digits) && !glued {
            return true;
        }
        if i > 0 && self.is_punct(i - 1, '+') && glued {
            // "+44" phone prefix; "500+" is handled as a trailing qualifier.
            return true;
        }
        false
    }
}

/// A slash, colon or other sign of a code, URL or time ("9/11", "10:30").
fn is_code_sign(kind: Option<TokenKind>) -> bool {
    matches!(
        kind,
        Some(TokenKind::Punct('/' | ':' | '#' | '@' | '_' | '=' | '&'))
    )
}

/// Is `unit` a unit of clock time?
fn time_unit_name(unit: &str) -> bool {
    matches!(unit, "hours" | "minutes" | "seconds")
}

#[cfg(test)]
mod tests;
