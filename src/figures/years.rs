//! The year of each figure, bound sentence by sentence: a year after the
//! figure in its clause ("rose 5% in 2004"), a fronted year ("In 2018, …"),
//! a possessive year ("2003's 9.1%"), carried to conversions and compared
//! figures; dates and periods bounded by two years are not a figure's year.

use std::cell::Cell;

use super::scanner::FigureMatch;
use super::tokens::{TokenKind, Tokens};
use crate::lexicon::mark;

/// A year written in a sentence that can be a figure's year.
#[derive(Clone, Copy, Debug)]
struct YearMention {
    tok: usize,
    year: i32,
    /// Written as a fronted adverbial ("In 2018, …"), binds forward.
    fronted: bool,
    /// "2003's 9.1%": binds the figure right after.
    possessive: bool,
    /// "moved in 2003 for £6.5m": "in" and the year, no figure before it in
    /// its clause: binds the next figure of the clause if nothing later does.
    leads: bool,
}

/// The lists [`Tokens::bind_years`] fills for each sentence, kept from one
/// sentence to the next, and where the last search among the anchors ended.
#[derive(Default)]
struct YearBuffers {
    /// The figures of the sentence, as indices into the figures found.
    idx: Vec<usize>,
    /// Their token ranges.
    spans: Vec<(usize, usize)>,
    /// The years written in the sentence.
    years: Vec<YearMention>,
    /// Each figure's year so far and its distance.
    year_of: Vec<Option<(i32, usize)>>,
    /// The index of the sentence's first anchor, for the next search.
    anchor_at: usize,
}

thread_local! {
    /// The year lists of the thread's last article, kept for its next.
    static YEAR_BUFFERS: Cell<YearBuffers> = Cell::new(YearBuffers::default());
}

/// Year lists for up to this many figures in a sentence are kept.
const KEEP_YEAR_BUFFERS: usize = 1 << 10;

/// The clause start found for the previous year of a sentence (see
/// [`Tokens::clause_start`]).
struct ClauseStart {
    head: usize,
    start: usize,
}

impl<'a, 'd> Tokens<'a, 'd> {
    /// Years in the sentence that can tie a figure to a year.
    /// `anchor_at` is the answer of the search for the previous sentence's
    /// first anchor: the sentences come in order, and the search starts
    /// there (not a whole-article binary search per sentence). The years
    /// are written to `out`.
    fn years_in(
        &self,
        from: usize,
        to: usize,
        figs: &[(usize, usize)],
        anchor_at: &mut usize,
        out: &mut Vec<YearMention>,
    ) {
        let mut clause = ClauseStart {
            head: from,
            start: from,
        };
        // A year is digits: only the anchors (every digits token is one)
        // of the sentence are read, not its every token.
        let anchors = self.anchors();
        let at = crate::sorted::partition_point_from(anchors, *anchor_at, |&a| (a as usize) < from);
        *anchor_at = at;
        out.clear();
        out.extend(
            anchors[at..]
                .iter()
                .map(|&a| a as usize)
                .take_while(|&k| k < to)
                .filter_map(|k| self.year_mention(k, from, figs, &mut clause)),
        );
    }

    /// The first token of the clause of token `head` (the sentence's first,
    /// `from`, when no ";" or ", and|but|while|when" comes before it). The
    /// years of a sentence come in order: `last` remembers the answer for
    /// the previous one, so that only the tokens since it are read.
    fn clause_start(&self, head: usize, from: usize, last: &mut ClauseStart) -> usize {
        let stop = if head >= last.head { last.head } else { from };
        let mut c = head;
        let start = loop {
            if c <= stop {
                break if stop == from { from } else { last.start };
            }
            super::count_steps(1);
            let p = c - 1;
            if self.is_punct(p, ';')
                || self.is_punct(p, ',') && matches!(self.word(c), "and" | "but" | "while" | "when")
            {
                break c;
            }
            c -= 1;
        };
        *last = ClauseStart { head, start };
        start
    }

    /// The year written at token `k`, if it can be a figure's year: not a
    /// name modifier, a full date, a period or a comparison. `from` is the
    /// sentence's first token, `figs` the token ranges of its figures.
    fn year_mention(
        &self,
        k: usize,
        from: usize,
        figs: &[(usize, usize)],
        clause: &mut ClauseStart,
    ) -> Option<YearMention> {
        if self.kind(k) != Some(TokenKind::Digits) || self.text_len(k) != 4 {
            return None;
        }
        // The figures are in order and apart: only the last one starting
        // at or before `k` can hold it.
        super::count_steps(1);
        let starting_by = figs.partition_point(|&(a, _)| a <= k);
        if starting_by > 0 && k < figs[starting_by - 1].1 {
            return None;
        }
        let v = self.digits_value(k)?;
        if !(1800.0..=2100.0).contains(&v) || self.raw(k).contains(['.', ',']) {
            return None;
        }
        let year = v as i32;
        // Not glued to letters, not a name modifier ("2008 Beijing Olympics",
        // "2021 Trafficking in Persons").
        if self.glued(k) && k > 0 && self.is_word(k - 1) {
            return None;
        }
        if self.capitalised(k + 1) && !self.is_month(k + 1) {
            return None;
        }
        // Full dates ("11 September 2001", "July 5, 2009") only date an event.
        let mut m = k;
        if m > 0 && self.is_punct(m - 1, ',') {
            m -= 1;
        }
        let month_before = m > 0 && self.is_month(m - 1);
        let day_before_month = month_before
            && m >= 2
            && (self.kind(m - 2) == Some(TokenKind::Digits)
                || matches!(self.kind(m - 2), Some(TokenKind::Word))
                    && self.word(m - 2).ends_with("th")
                    && self.kind(m.saturating_sub(3)) == Some(TokenKind::Digits));

        let month_day = k >= 3
            && self.is_punct(k - 1, ',')
            && self.kind(k - 2) == Some(TokenKind::Digits)
            && self.is_month(k - 3);
        let day_ordinal = k >= 2
            && self.is_word(k - 1)
            && matches!(self.word(k - 1), "th" | "st" | "nd" | "rd")
            && self.glued(k - 1);
        if day_before_month || month_day || day_ordinal {
            return None;
        }
        let head = if month_before { m - 1 } else { k };
        let pw = self.prev_word(head);
        if self.bounds_period(k, head, pw) {
            return None;
        }
        // "faster than in 2004": a comparison, not the figure's year.
        if pw == "in" && self.prev_word(head.saturating_sub(1)) == "than" {
            return None;
        }
        let possessive = matches!(self.kind(k + 1), Some(TokenKind::Punct('\'' | '’')))
            && self.word(k + 2) == "s";
        // Fronted: the clause before it holds no figure, and a comma follows.
        let mut e = k + 1;
        if possessive {
            e = k + 3;
        }
        let comma_after = self.is_punct(e, ',');
        let clause_start = self.clause_start(head, from, clause);
        let first_in_clause = figs.partition_point(|&(a, _)| a < clause_start);
        let fig_before = figs.get(first_in_clause).is_some_and(|&(a, _)| a < head);
        let fronted = comma_after && !fig_before;
        // "1988 defense spending at …": a year modifying the noun.
        // Not after a possessive or a determiner: "the company's 2004
        // profits rose 15%" says how much they changed, not when.
        let determined = matches!(
            pw,
            "the" | "its" | "their" | "his" | "her" | "this" | "that"
        ) || head > 0
            && (self.raw(head - 1).ends_with("'s") || self.raw(head - 1).ends_with("’s"));
        let modifier = self.is_word(k + 1)
            && !self.capitalised(k + 1)
            && !self.has(k + 1, mark::NP_STOP)
            && !determined;
        let leads = (pw == "in" || modifier) && !fig_before && !possessive;
        Some(YearMention {
            tok: k,
            year,
            fronted,
            possessive,
            leads,
        })
    }

    /// The year at `k` (written from `head`, its month, after the word `pw`)
    /// opens or closes a period bounded by two years: "between 1997 and
    /// 2016", "from 2003 to 2004", "1997-2016".
    fn bounds_period(&self, k: usize, head: usize, pw: &str) -> bool {
        let two_years = |j: usize| {
            let mut j = j;
            if self.is_month(j) {
                j += 1;
            }
            self.kind(j) == Some(TokenKind::Digits)
                && self.text_len(j) == 4
                && self
                    .digits_value(j)
                    .is_some_and(|v| (1800.0..=2100.0).contains(&v))
        };
        let mut period = false;
        // "in 1979 and 1980": two years, no one year.
        if matches!(self.word(k + 1), "and" | "or") && two_years(k + 2) {
            return true;
        }
        if matches!(pw, "and" | "or") && head >= 2 && two_years(head - 2) {
            return true;
        }
        if pw == "between" || pw == "from" {
            let mut j = k + 1;
            if matches!(self.word(j), "and" | "to" | "until" | "till") || self.is_dash(j) {
                j += 1;
                if two_years(j) {
                    period = true;
                }
            }
        }
        if matches!(pw, "and" | "to" | "until" | "till") || (head > 0 && self.is_dash(head - 1)) {
            // The second year of a period.
            for back in 1..5 {
                if head > back
                    && self.kind(head - back - 1) == Some(TokenKind::Digits)
                    && self.text_len(head - back - 1) == 4
                {
                    let w = self.words_before(head - back - 1, 1)[0];
                    if matches!(w, "between" | "from") || self.is_dash(head - 1) {
                        period = true;
                    }
                    break;
                }
            }
        }
        if self.is_dash(k + 1) && self.glued(k + 1) && self.kind(k + 2) == Some(TokenKind::Digits) {
            period = true;
        }
        period
    }

    /// A clause break between tokens `a` and `b` (";", ", but", an odd
    /// number of dashes): a year after it is not the figure's.
    fn clause_break_between(&self, a: usize, b: usize) -> bool {
        let mut dashes = 0;
        for k in a..b {
            match self.kind(k) {
                // A quotation opens or closes: another speaker's clause.
                Some(TokenKind::Punct(';' | '"' | '“' | '”')) => return true,
                Some(TokenKind::Punct('-' | '–' | '—')) if !self.glued(k) => dashes += 1,
                Some(TokenKind::Punct(',')) => {
                    if matches!(
                        self.word(k + 1),
                        "but"
                            | "although"
                            | "though"
                            | "while"
                            | "whereas"
                            | "compared"
                            | "which"
                            | "who"
                    ) {
                        return true;
                    }
                }
                _ => {
                    if matches!(self.word(k), "although" | "whereas") {
                        return true;
                    }
                }
            }
        }
        dashes % 2 == 1
    }

    /// Two figures joined by "and" in one noun phrase list: "three gold
    /// medals and two bronzes" (`a` ends the first figure, `b` starts the
    /// second).
    fn coordinated(&self, a: usize, b: usize) -> bool {
        b > a
            && b - a <= 4
            && self.word(b - 1) == "and"
            && (a..b - 1).all(|k| self.is_word(k) && self.word(k) != "and")
    }

    /// Bind years to the figures, sentence by sentence.
    pub(super) fn bind_years(&self, found: &mut [FigureMatch]) {
        // One set of buffers for every sentence, kept for the thread's next
        // article: no allocation per sentence or per article.
        let mut buffers = YEAR_BUFFERS.try_with(Cell::take).unwrap_or_default();
        buffers.anchor_at = 0;
        let mut s = 0;
        while s < found.len() {
            let sent = self.sentence(found[s].first);
            let mut e = s;
            while e < found.len() && self.sentence(found[e].first) == sent {
                e += 1;
            }
            buffers.idx.clear();
            buffers.idx.extend(s..e);
            self.bind_sentence_years(found, &mut buffers);
            s = e;
        }
        // Lists grown for a sentence of very many figures are not kept.
        if buffers.idx.capacity() <= KEEP_YEAR_BUFFERS {
            let _ = YEAR_BUFFERS.try_with(|cell| cell.set(buffers));
        }
    }

    /// Bind years to the figures of one sentence (`buffers.idx` are indices
    /// into `found`).
    fn bind_sentence_years(&self, found: &mut [FigureMatch], buffers: &mut YearBuffers) {
        let YearBuffers {
            idx,
            spans,
            years,
            year_of,
            anchor_at,
        } = buffers;
        let idx: &[usize] = idx;
        if idx.is_empty() {
            return;
        }
        let s = self.sentence(found[idx[0]].first);
        let from = {
            let mut k = found[idx[0]].first;
            while k > 0 && self.sentence(k - 1) == s {
                k -= 1;
            }
            k
        };
        let to = {
            let mut k = found[idx[idx.len() - 1]].end;
            while k < self.len() && self.sentence(k) == s {
                k += 1;
            }
            k
        };
        spans.clear();
        spans.extend(idx.iter().map(|&f| (found[f].first, found[f].end)));
        self.years_in(from, to, spans, anchor_at, years);
        year_of.clear();
        year_of.resize(idx.len(), None);
        let set = |slot: &mut Option<(i32, usize)>, y: i32, dist: usize| {
            if slot.map_or(true, |(_, d)| dist < d) {
                *slot = Some((y, dist));
            }
        };
        // The figures are in reading order: their first and end tokens
        // rise, so the first after a year and the last before it are
        // found by halving.
        let first_after = |tok: usize| {
            let p = idx.partition_point(|&f| found[f].first <= tok);
            (p < idx.len()).then_some(p)
        };
        let last_before = |tok: usize| idx.partition_point(|&f| found[f].end <= tok).checked_sub(1);
        for y in years.iter() {
            super::count_steps(1);
            if y.possessive {
                if let Some(p) = first_after(y.tok) {
                    let d = found[idx[p]].first - y.tok;
                    if d <= 4 {
                        set(&mut year_of[p], y.year, 0);
                    }
                }
                continue;
            }
            if y.fronted {
                // Still every figure after it: fronted years are few (a
                // comma after, no figure before in the clause).
                let after = first_after(y.tok).unwrap_or(idx.len());
                super::count_steps(idx.len() - after);
                for (p, &f) in idx.iter().enumerate().skip(after) {
                    set(&mut year_of[p], y.year, found[f].first - y.tok);
                }
            }
            if y.leads {
                // Ranked after every backward binding (the distance is padded).
                if let Some(p) = first_after(y.tok) {
                    let f = &found[idx[p]];
                    if f.first - y.tok <= 6 && !self.clause_break_between(y.tok, f.first) {
                        let no_comma = (y.tok..f.first).all(|k| !self.is_punct(k, ','));
                        if no_comma {
                            set(&mut year_of[p], y.year, 100 + f.first - y.tok);
                        }
                    }
                }
            }
            // Backward: the nearest figure before it in the same clause, with
            // its bracketed conversions and a "by X to Y" partner.
            if let Some(p) = last_before(y.tok) {
                let f = idx[p];
                if !self.clause_break_between(found[f].end, y.tok) {
                    let d = y.tok - found[f].end;
                    set(&mut year_of[p], y.year, d);
                    let mut q = p;
                    while q > 0 {
                        let cur = &found[idx[q]];
                        let prevf = &found[idx[q - 1]];
                        let linked = cur.conversion
                            || (self.word(cur.first.saturating_sub(1)) == "to"
                                && prevf.end + 1 == cur.first
                                && self.words_before(prevf.first, 1)[0] == "by")
                            || self.coordinated(prevf.end, cur.first);
                        if !linked {
                            break;
                        }
                        set(&mut year_of[q - 1], y.year, d + 1);
                        q -= 1;
                    }
                }
            }
        }
        // Propagation: conversions take their amount's year; "compared with X"
        // takes the year of the figure compared; "X the previous year" is the
        // year before.
        for p in 0..idx.len() {
            let f = idx[p];
            if year_of[p].is_none() && p > 0 {
                let cur = &found[f];
                let before = self.words_before(cur.first, 2);
                if cur.conversion || (before[0] == "with" && before[1] == "compared") {
                    year_of[p] = year_of[p - 1];
                }
            }
            let e = found[f].end;
            // The words after are read only after "the" or "a".
            let prev_year = (self.word_is(e, "the") || self.word_is(e, "a"))
                && matches!(
                    (self.word(e), self.word(e + 1), self.word(e + 2)),
                    ("the", "previous", "year")
                        | ("the", "year", "before")
                        | ("a", "year", "earlier")
                );
            if prev_year && p > 0 {
                if let Some((y, _)) = year_of[p - 1] {
                    year_of[p] = Some((y - 1, 0));
                }
            }
        }
        for (p, &f) in idx.iter().enumerate() {
            // "Smith, 45, was jailed in 1996": an age between commas is no
            // year's.
            let apposition_age = found[f].fig.rule == "figure:age"
                && found[f].first > 0
                && self.is_punct(found[f].first - 1, ',');
            found[f].fig.year = year_of[p].filter(|_| !apposition_age).map(|(y, _)| y);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::figures::steps_of_find;
    use crate::text::Doc;

    /// One sentence of many years and figures: the work per year stays
    /// flat from 50 to 800 of them (it grew with the sentence when every
    /// year looked back to the sentence start and through every figure).
    #[test]
    fn years_in_one_long_sentence_take_linear_work() {
        let unit = "in 2001 there were 5 deaths and ";
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        let mut per_unit = [0.0; 2];
        for (k, units) in [50, 800].into_iter().enumerate() {
            let text = unit.repeat(units);
            let doc = Doc::new(&text, false);
            let (found, steps) = steps_of_find(&doc, lex);
            assert_eq!(found.len(), units);
            let with_year = found.iter().filter(|f| f.year == Some(2001)).count();
            assert!(with_year * 10 >= units * 9, "{with_year} of {units}");
            per_unit[k] = steps as f64 / units as f64;
        }
        assert!(per_unit[1] <= 2.0 * per_unit[0], "{per_unit:?}");
    }
}
