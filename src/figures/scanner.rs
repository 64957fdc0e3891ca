//! The scanner: one left-to-right pass that tries the figure grammar at
//! every token that can start a number, and [`Tokens::try_at`], the list of
//! steps that reads one figure (or rejects the number) at a token.

use std::cell::Cell;

use super::numbers::Number;
use super::tokens::{TokenKind, Tokens};
use super::Figure;
use crate::lexicon::{mark, NumberWord};
use crate::record::{ClaimKind, Qualifier};

/// A figure read at a token, with the token positions the later passes
/// (counted noun, year) need.
#[derive(Clone, Debug)]
pub(super) struct FigureMatch {
    pub(super) fig: Figure,
    /// Token range of the figure's text.
    pub(super) first: usize,
    pub(super) end: usize,
    /// Token where the counted-noun search starts.
    pub(super) np: usize,
    /// A vague plural ("thousands of"): its noun must follow "of".
    pub(super) vague: bool,
    /// A count with no unit word yet: its unit is the counted noun.
    pub(super) needs_unit: bool,
    /// Conversion in brackets of the previous money figure.
    pub(super) conversion: bool,
    /// A small count after "the/its/their…" that may refer back
    /// ("the two countries"): kept only if it does not.
    pub(super) small_back: bool,
}

thread_local! {
    /// The list of figures of the thread's last article, kept (emptied)
    /// for its next: see [`keep_matches`].
    static MATCHES: Cell<Vec<FigureMatch>> = const { Cell::new(Vec::new()) };
}

/// Lists of up to this many figures are kept for the thread's next article.
const KEEP_MATCHES: usize = 1 << 12;

/// Keep the list `found` (its figures taken out) for the thread's next
/// [`Tokens::scan`]: no allocation or growth of the list per article.
pub(super) fn keep_matches(mut found: Vec<FigureMatch>) {
    found.clear();
    if found.capacity() <= KEEP_MATCHES {
        // (On a thread being torn down there is nothing to keep it for.)
        let _ = MATCHES.try_with(|cell| cell.set(found));
    }
}

/// A figure being read at one token: what the steps of
/// [`Tokens::try_at`] have decided so far.
pub(super) struct Reading {
    /// The number; widened to the upper end of a range.
    pub(super) n: Number,
    /// ISO code of a currency prefix before the number ("$", "HK$").
    pub(super) money: Option<&'static str>,
    /// The rule that read it, e.g. "figure:digits", "figure:range".
    pub(super) rule: &'static str,
    pub(super) kind: ClaimKind,
    pub(super) unit: Option<String>,
    /// Upper end of a range.
    pub(super) upper: Option<f64>,
    /// One past the last token of the figure's text.
    pub(super) end: usize,
    /// Token where the counted-noun search starts.
    pub(super) np: usize,
    /// A count with no unit word: its unit is the counted noun.
    pub(super) needs_unit: bool,
    /// A qualifier that overrides the words around it (a vague range's
    /// lower end is a minimum).
    pub(super) qualifier_override: Option<Qualifier>,
    /// The digits token that is part of a name unless its line is in
    /// headline case ([`Tokens::name_unless_headline`]): asked last.
    pub(super) name_unless_headline: Option<usize>,
}

impl Reading {
    /// The first word of a number written in words, or "".
    pub(super) fn first_word<'t>(&self, tokens: &'t Tokens<'_, '_>) -> &'t str {
        if self.n.words {
            tokens.word(self.n.first)
        } else {
            ""
        }
    }
}

impl<'a, 'd> Tokens<'a, 'd> {
    /// Every figure in reading order, before units and years: try the
    /// grammar at each token that can start one, and go on after it.
    ///
    /// Only the tokens near an anchor (digits, a number word, "$") are
    /// tried: every token that can start a figure is one, or lies at most
    /// three tokens before one ([`Self::can_start_figure`]).
    pub(super) fn scan(&self) -> Vec<FigureMatch> {
        // The thread's list from its last article. About one anchor in
        // two to four starts a figure in news text (fewer in tables): room
        // for them without growing the list.
        let mut found = MATCHES.try_with(Cell::take).unwrap_or_default();
        found.clear();
        found.reserve(self.anchors().len() / 2 + 1);
        // Every token before `next` has been tried or read into a figure.
        let mut next = 0;
        for &anchor in self.anchors() {
            let anchor = anchor as usize;
            let mut i = anchor.saturating_sub(3).max(next);
            while i <= anchor {
                super::count_steps(1);
                if self.can_start_figure(i) {
                    if let Some(f) = self.try_at(i, found.last()) {
                        i = f.end.max(i + 1);
                        found.push(f);
                        continue;
                    }
                }
                i += 1;
            }
            next = next.max(i);
        }
        found
    }

    /// Token `i` can start a figure: digits, a number word, "a"/"an", a
    /// currency sign, or a short currency word right before a number or a
    /// "$" ("Rs 500", "HK$327m").
    fn can_start_figure(&self, i: usize) -> bool {
        match self.kind(i) {
            None => false,
            Some(TokenKind::Digits) => true,
            // The mark first, then the length: most words are neither a
            // number word nor three letters long, and need no text read.
            Some(TokenKind::Word) if self.has(i, mark::NUMBER_WORD) => true,
            Some(TokenKind::Word) if self.end(i) - self.start(i) > 3 => false,
            // A short word that is no number word starts a figure only as
            // a currency prefix ("Rs 500"), which starts as some form does
            // (no form starts as "the", "at" or "of" do), or as "a"/"an".
            Some(TokenKind::Word) => {
                self.may_start_prefix(i)
                    && (self.is_digits(i + 1)
                        || self.is_punct(i + 1, '$')
                        || self.is_punct(i + 1, '.') && self.is_digits(i + 2))
                    || self.article_can_start(i)
            }
            // A sign starts a figure only as a currency prefix, before
            // digits: a quotation mark or a dash is not tried.
            Some(TokenKind::Punct(c)) => (!c.is_ascii() || c == '$') && self.digits_within_3(i),
        }
    }

    /// A digits token among the three after `i`, where
    /// [`Self::prefixed_number`] looks for the number after a prefix.
    fn digits_within_3(&self, i: usize) -> bool {
        (i + 1..i + 4).any(|k| self.is_digits(k))
    }

    /// "a"/"an" at `i` can start a figure only before a number word ("a
    /// million", "a third") or with digits in the next three tokens, where
    /// it may begin a currency prefix ("A$"); elsewhere every reading of
    /// [`Self::try_at`] fails, so it is not tried.
    fn article_can_start(&self, i: usize) -> bool {
        // The first byte before the word: most words do not start with "a".
        let article =
            self.first_byte(i) == Some(b'a') && matches!(self.word(i).as_bytes(), b"a" | b"an");
        article && (self.has(i + 1, mark::NUMBER_WORD) || (i + 1..i + 4).any(|k| self.is_digits(k)))
    }

    /// Try every figure pattern at token `i`; `prev` is the figure before.
    fn try_at(&self, i: usize, prev: Option<&FigureMatch>) -> Option<FigureMatch> {
        let mut r = self.read_number_at(i)?;
        self.extend_to_range(&mut r)?;
        self.read_what_follows(&mut r)?;
        // After a currency prefix the text starts at the prefix, at `i`.
        let first = if r.money.is_some() { i } else { r.n.first };
        if r.needs_unit && self.is_age(&r, first) {
            // "Smith, 45,", "at the age of 60", "aged 45": an age.
            r.kind = ClaimKind::Measure;
            r.unit = Some("years".into());
            r.needs_unit = false;
            r.rule = "figure:age";
        }
        if self.one_means_a(&r, first)
            || self.number_word_in_name(&r)
            || self.rank_or_race_time(&r, first)
            || self.position_not_count(&r, first)
            || self.age_condition(first)
            || r.kind == ClaimKind::Count && self.not_a_count(&r, first)
            || self.the_big_few(&r, first)
            || r.name_unless_headline.is_some_and(|k| self.part_of_name(k))
        {
            return None;
        }
        let mut qualifier = self.qualify(&mut r, first);
        let converted = self.conversion_of(&r, first, prev);
        if let Some(q) = converted {
            qualifier = q;
        }
        let small_back = self.small_count_after_determiner(&r, first);
        Some(self.figure_match(r, first, qualifier, converted.is_some(), small_back))
    }

    /// The number at token `i`, or after a currency prefix starting at `i`,
    /// with the rule that reads it; `None` when it is not a quantity.
    fn read_number_at(&self, i: usize) -> Option<Reading> {
        let digits = self.kind(i)? == TokenKind::Digits;
        // Digits in a run of numbers ("020 7946 0958", a results table's
        // columns) are no quantity ([`Self::not_a_quantity`]), whatever
        // they read as: turned away before they are read. (Digits right
        // before other digits are no fraction or proportion either.)
        if digits && self.is_digits(i + 1) && !self.glued(i + 1) {
            return None;
        }
        let (num_tok, money) = if digits {
            (i, None)
        } else {
            match self.prefixed_number(i) {
                Some((k, iso)) => (k, Some(iso)),
                None => (i, None),
            }
        };
        // Digits that are no fraction or proportion (no number word, "in"
        // or "out" after them) and that their neighbours alone rule out
        // (a run of numbers, a date, a pair, a code) are turned away before
        // they are read; the rest of the test waits for the number.
        let no_fraction = digits && self.no_fraction_after(i);
        if no_fraction && self.ruled_out_by_neighbours(i) {
            return None;
        }
        let mut rule = "figure:digits";
        let frac = if no_fraction {
            None
        } else {
            self.parse_fraction(num_tok)
        };
        // Digits after other digits, no fraction: a run of numbers, as above.
        if digits && frac.is_none() && i > 0 && self.is_digits(i - 1) && !self.glued(i) {
            return None;
        }
        let num = self.parse_number(num_tok);
        // A score ("6-3"): the range step would turn the pair away; it is
        // turned away before the number's other tests are asked.
        if no_fraction && num.is_some_and(|n| self.range_step_rejects_pair(&n)) {
            return None;
        }
        let n = match (frac, num) {
            (Some(f), Some(m)) if m.end > f.end && m.scaled => m,
            (Some(f), _) => {
                rule = "figure:fraction";
                f
            }
            (None, Some(m)) => m,
            (None, None) => return None,
        };
        if n.words && !n.fraction {
            rule = if n.vague {
                "figure:vague"
            } else {
                "figure:words"
            };
        } else if n.scaled && !n.fraction {
            rule = "figure:digits+scale";
        }
        let ruled_out = |n: &Number| {
            // The neighbours' part was asked above when there is no fraction.
            !no_fraction && self.ruled_out_by_neighbours(num_tok)
                || self.ruled_out_by_number(num_tok, n)
        };
        if digits && !n.fraction && ruled_out(&n) {
            return None;
        }
        let name_unless_headline =
            (digits && !n.fraction && self.name_unless_headline(num_tok, &n)).then_some(num_tok);
        if money.is_some() {
            rule = "figure:money-symbol";
        }
        let (kind, unit) = if n.fraction {
            (ClaimKind::Percent, Some("%".into()))
        } else {
            (ClaimKind::Count, None)
        };
        Some(Reading {
            n,
            money,
            rule,
            kind,
            unit,
            upper: None,
            end: n.end,
            np: n.end,
            needs_unit: false,
            qualifier_override: None,
            name_unless_headline,
        })
    }

    /// What follows the number decides its kind and unit: a percent sign or
    /// word, a currency (or an exchange rate), a measure unit; a count
    /// otherwise. `None` when a duration only places something in time.
    fn read_what_follows(&self, r: &mut Reading) -> Option<()> {
        let n = r.n;
        let end = r.end;
        if n.fraction {
            if let Some((e, _)) = self.percent_at(end) {
                // "one in five per cent" is not a thing, but be safe.
                r.end = e;
            }
            return Some(());
        }
        if let Some((e, u)) = self.percent_at(end) {
            r.kind = ClaimKind::Percent;
            r.unit = Some(u.into());
            r.end = e;
            r.np = e;
            self.extend_to_percent_range(r, u);
            if r.rule == "figure:digits" {
                r.rule = "figure:percent";
            }
        } else if let Some(iso) = r.money {
            r.kind = ClaimKind::Money;
            r.unit = Some(iso.into());
        } else if let Some((e, iso, minor)) = self.currency_word(end) {
            if let Some((quote_iso, e2)) = self.exchange_rate(e).filter(|(q, _)| *q != iso) {
                // "8.28 yuan to the dollar": an exchange rate.
                r.kind = ClaimKind::Measure;
                r.unit = Some(format!("{iso} per {quote_iso}"));
                r.np = e2;
                r.rule = "figure:exchange-rate";
            } else {
                r.kind = ClaimKind::Money;
                r.unit = Some(iso.into());
                // "25 cts": the value in the major unit.
                r.n.value /= minor;
                r.end = e;
                r.np = e;
                if r.rule == "figure:digits" {
                    r.rule = "figure:money-word";
                }
            }
        } else if n.vague && self.word(end) == "of" && self.currency_suffix(end + 1).is_some() {
            // "millions of dollars"
            if let Some((e, iso)) = self.currency_suffix(end + 1) {
                r.kind = ClaimKind::Money;
                r.unit = Some(iso.into());
                r.end = e;
                r.np = e;
            }
        } else if let Some((e, cat)) = self.measure_after(end) {
            let (text_end, u) = self.duration_or_measure(n.first, end, e, cat)?;
            r.kind = ClaimKind::Measure;
            r.unit = Some(u);
            r.end = text_end;
            r.np = e;
            r.rule = if cat == "duration" {
                "figure:duration"
            } else {
                "figure:measure"
            };
        } else if let Some((quote_iso, e)) = self.exchange_rate(end) {
            r.kind = ClaimKind::Measure;
            let base = self.base_currency(n.first).unwrap_or("?");
            r.unit = Some(format!("{base} per {quote_iso}"));
            r.np = e;
            r.rule = "figure:exchange-rate";
        } else {
            r.needs_unit = true;
        }
        Some(())
    }

    /// The match for a figure read through every step.
    fn figure_match(
        &self,
        r: Reading,
        first: usize,
        qualifier: Qualifier,
        conversion: bool,
        small_back: bool,
    ) -> FigureMatch {
        let n = r.n;
        let fig = Figure {
            start: self.start(first),
            end: self.end(r.end - 1),
            kind: r.kind,
            value: n.value,
            upper: r.upper,
            unit: r.unit,
            qualifier,
            year: None,
            rule: r.rule.into(),
        };
        FigureMatch {
            fig,
            first,
            end: r.end,
            np: r.np,
            vague: n.vague
                && r.upper.is_none()
                && matches!(self.number_word(n.first), Some((NumberWord::Vague, _))),
            needs_unit: r.needs_unit,
            conversion,
            small_back,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::steps_of_find;
    use crate::text::Doc;

    /// Every token `can_start_figure` turns away is one where `try_at`
    /// reads no figure, over the test texts and short words, articles,
    /// currency prefixes and number words before digits and signs.
    #[test]
    fn tokens_turned_away_start_no_figure() {
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        let mut texts = crate::text::test_corpus::texts();
        texts.push(
            "the 5 at 6 of 7 Rs 500 Rs. 50 HK$ 3 A$ 4 US$5 a 6 an 8 a $5 a $ sign a million \
             b 5 m 6 one in 5 two-thirds R$ 7 C $8 x.$9 Dh 10 RM 11 £ 12 € 13 ¥14 S$ 1.5 NZ$2"
                .into(),
        );
        for text in &texts {
            let doc = Doc::new(text, false);
            let tokens = super::Tokens::new(&doc, lex);
            for i in 0..tokens.len() {
                if !tokens.can_start_figure(i) {
                    assert!(tokens.try_at(i, None).is_none(), "{text:?} at {i}");
                }
            }
        }
    }

    /// `position_not_count` (the noun after and the determiner before read
    /// only after the word before asks for them) answers as its oracle for
    /// every number read at every token of the test texts and of ranks and
    /// positions, and reads no word for a count after a plain word; the
    /// "times" test of `not_a_count` (a first "t" before the word is read)
    /// answers as the word for every token.
    #[test]
    fn position_and_times_tests_match_their_oracles() {
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        let mut texts = crate::text::test_corpus::texts();
        texts.push(
            "the top 10 banks, the top 10, in the bottom 3 places, those first three games, \
             the last 2, its opening 4 races, the final 12 teams, first 5, 3 times, 4 time, \
             5 Times, Top 40 hits, the first 20 women"
                .into(),
        );
        let mut asked = 0;
        for text in &texts {
            let doc = Doc::new(text, false);
            let tokens = super::Tokens::new(&doc, lex);
            for i in 0..=tokens.len() {
                let times = matches!(tokens.word(i), "times" | "time");
                let first_t = tokens.first_byte(i) == Some(b't');
                assert_eq!(first_t && times, times, "{text:?} at {i}");
                if !tokens.can_start_figure(i) {
                    continue;
                }
                let Some(mut r) = tokens.read_number_at(i) else {
                    continue;
                };
                if tokens.extend_to_range(&mut r).is_none()
                    || tokens.read_what_follows(&mut r).is_none()
                {
                    continue;
                }
                let first = if r.money.is_some() { i } else { r.n.first };
                let want = tokens.position_not_count_oracle(&r, first);
                assert_eq!(
                    tokens.position_not_count(&r, first),
                    want,
                    "{text:?} at {i}"
                );
                asked += 1;
            }
        }
        assert!(asked > 100, "{asked}");
        let doc = Doc::new("They won 3 games and lost 4.", false);
        let tokens = super::Tokens::new(&doc, lex);
        let mut r = tokens.read_number_at(2).unwrap();
        tokens.read_what_follows(&mut r).unwrap();
        let (_, reads) = super::super::text_reads_of(|| tokens.position_not_count(&r, 2));
        assert!(reads <= 1, "{reads}");
    }

    /// The scan reads the tokens near digits, number words and "$", not
    /// every token of the text: a long text with one number costs a few
    /// steps.
    #[test]
    fn scan_tries_only_tokens_near_anchors() {
        let text = format!(
            "{}about 500 fighters left.",
            "the rebels held the town and ".repeat(2_000)
        );
        let doc = Doc::new(&text, false);
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        let (found, steps) = steps_of_find(&doc, lex);
        assert_eq!(found.len(), 1);
        assert!(steps <= 8, "{steps} steps");
    }
}
