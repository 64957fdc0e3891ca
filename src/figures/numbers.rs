//! Reading a number: digits with glued or following scale words ("1.5
//! million", "HK$327m"), number words ("two hundred and fifty", "one and a
//! half million"), "a"/"half a" + scale ("a million", "half a dozen"), vague
//! quantities ("tens of thousands", "several hundred").
//!
//! Fractions and proportions ("two-thirds", "one in five") are in
//! `fractions.rs`.

use super::tokens::{TokenKind, Tokens, NUMBER_MEMO};
use crate::lexicon::{mark, NumberWord};

/// A number expression read from the tokens, before it is a figure.
#[derive(Clone, Copy, Debug)]
pub(super) struct Number {
    pub(super) value: f64,
    /// First and one-past-last token.
    pub(super) first: usize,
    pub(super) end: usize,
    /// A vague quantity ("thousands", "several hundred"): its lower bound.
    pub(super) vague: bool,
    /// Written in words (or starting with one), not digits.
    pub(super) words: bool,
    /// Multiplied by a scale word ("million", "bn").
    pub(super) scaled: bool,
    /// Plain integer of digits, as written, no scale (candidate year).
    pub(super) plain_int: bool,
    /// A fraction or proportion, valued in per cent ("two-thirds", "one in five").
    pub(super) fraction: bool,
}

impl Number {
    /// A number written in words at tokens `first..end`: exact, not scaled,
    /// no fraction; each reader sets what differs.
    pub(super) fn in_words(value: f64, first: usize, end: usize) -> Number {
        Number {
            value,
            first,
            end,
            vague: false,
            words: true,
            scaled: false,
            plain_int: false,
            fraction: false,
        }
    }
}

impl<'a, 'd> Tokens<'a, 'd> {
    /// The class and value of the number word at `i`, if it is one.
    pub(super) fn number_word(&self, i: usize) -> Option<(NumberWord, f64)> {
        // The marks turn away every other word before the hash.
        if !self.is_word(i) || !self.has(i, mark::NUMBER_WORD) {
            return None;
        }
        // A number word is asked several times by the steps of a figure:
        // the last few answers are kept.
        let slot = &self.number_memo[i % NUMBER_MEMO];
        let (at, found) = slot.get();
        if at == i {
            return found;
        }
        let found = self.lex.numbers.get(self.word(i)).copied();
        slot.set((i, found));
        found
    }
    /// Number words from `i`: "two hundred and fifty", "one and a half million".
    pub(super) fn parse_words(&self, i: usize) -> Option<Number> {
        let mut total = 0.0;
        let mut cur = 0.0;
        let mut any = false;
        let mut scaled = false;
        let mut j = i;
        let mut last_unit = false;
        loop {
            match self.number_word(j) {
                Some((NumberWord::Unit, v)) if !last_unit => {
                    cur += v;
                    any = true;
                    last_unit = true;
                    j += 1;
                }
                Some((NumberWord::Tens, v)) if !last_unit => {
                    cur += v;
                    any = true;
                    j += 1;
                    if self.is_dash(j) && self.glued(j) && self.glued(j + 1) {
                        if let Some((NumberWord::Unit, u)) = self.number_word(j + 1) {
                            if u < 10.0 {
                                cur += u;
                                j += 2;
                            }
                        }
                    } else if let Some((NumberWord::Unit, u)) = self.number_word(j) {
                        // "Sixty five percent": the unit written apart.
                        if (1.0..10.0).contains(&u) {
                            cur += u;
                            j += 1;
                        }
                    }
                    last_unit = true;
                }
                Some((NumberWord::Hundred, _)) if any => {
                    cur = cur.max(1.0) * 100.0;
                    last_unit = false;
                    j += 1;
                }
                Some((NumberWord::Scale, v)) if any => {
                    total += cur.max(1.0) * v;
                    cur = 0.0;
                    scaled = true;
                    last_unit = false;
                    j += 1;
                }
                Some((NumberWord::Dozen, v)) if any && !scaled => {
                    cur = cur.max(1.0) * v;
                    last_unit = false;
                    j += 1;
                }
                _ => {
                    if any && self.word(j) == "and" {
                        // "and a half", or "hundred and fifty".
                        if self.word(j + 1) == "a" && self.word(j + 2) == "half" {
                            cur += 0.5;
                            j += 3;
                            last_unit = true;
                            continue;
                        }
                        if !last_unit {
                            if let Some((NumberWord::Unit | NumberWord::Tens, _)) =
                                self.number_word(j + 1)
                            {
                                j += 1;
                                continue;
                            }
                        }
                    }
                    break;
                }
            }
        }
        if !any {
            return None;
        }
        Some(Number {
            scaled,
            ..Number::in_words(total + cur, i, j)
        })
    }

    /// Scale words after a number: "1.5 million", "5 lakh crore".
    pub(super) fn apply_scales(&self, mut n: Number) -> Number {
        loop {
            match self.number_word(n.end) {
                Some((NumberWord::Scale | NumberWord::Hundred, v))
                    if self.same_sentence(n.first, n.end) =>
                {
                    n.value *= v;
                    n.scaled = true;
                    n.plain_int = false;
                    n.end += 1;
                }
                Some((NumberWord::Dozen, v)) if !n.scaled => {
                    n.value *= v;
                    n.end += 1;
                }
                _ => return n,
            }
        }
    }

    /// A number starting at token `i`, with its scale.
    pub(super) fn parse_number(&self, i: usize) -> Option<Number> {
        match self.kind(i)? {
            TokenKind::Digits => self.digits_number(i),
            TokenKind::Word => self.words_number(i),
            TokenKind::Punct(_) => None,
        }
    }

    /// Digits at `i` with a glued scale suffix and scale words after them.
    pub(super) fn digits_number(&self, i: usize) -> Option<Number> {
        // The text is read once, for the value and the shape.
        let raw = self.raw(i);
        let (value, plain_int) = super::tokens::digits_value_and_shape(raw)?;
        let mut n = Number {
            value,
            first: i,
            end: i + 1,
            vague: false,
            words: false,
            scaled: false,
            plain_int,
            fraction: false,
        };
        if self.is_word(i + 1) && self.glued(i + 1) {
            if let Some((NumberWord::Scale | NumberWord::Suffix, v)) = self.number_word(i + 1) {
                n.value *= v;
                n.scaled = true;
                n.plain_int = false;
                n.end += 1;
            }
        }
        Some(self.apply_scales(n))
    }

    /// A number in words starting at `i` ("a million", "half a dozen",
    /// "tens of thousands", "several hundred", "three quarters of a million").
    pub(super) fn words_number(&self, i: usize) -> Option<Number> {
        let w = self.word(i);
        if w == "a" || w == "an" {
            return self.article_number(i);
        }
        match self.number_word(i) {
            Some((NumberWord::Fraction, f)) if w == "half" => {
                // "half a million", "half a dozen"
                if self.word(i + 1) == "a" {
                    if let Some((NumberWord::Scale | NumberWord::Dozen, v)) =
                        self.number_word(i + 2)
                    {
                        return Some(Number {
                            scaled: true,
                            ..Number::in_words(f / 100.0 * v, i, i + 3)
                        });
                    }
                }
                None
            }
            Some((NumberWord::Vague, v)) => {
                let mut n = Number {
                    vague: true,
                    scaled: true,
                    ..Number::in_words(v, i, i + 1)
                };
                // "tens of thousands", "hundreds of millions"
                while self.word(n.end) == "of" {
                    match self.number_word(n.end + 1) {
                        Some((NumberWord::Vague, v2)) if v2 >= 1000.0 => {
                            n.value *= v2 / 2.0;
                            n.end += 2;
                        }
                        _ => break,
                    }
                }
                Some(n)
            }
            Some((NumberWord::Few, v)) => {
                // "several hundred", "a few thousand"
                match self.number_word(i + 1) {
                    Some((NumberWord::Scale | NumberWord::Hundred, s)) => {
                        let n = Number {
                            vague: true,
                            ..Number::in_words(v, i, i + 1)
                        };
                        let mut n = self.apply_scales(n);
                        if n.value == v {
                            n.value *= s;
                        }
                        Some(n)
                    }
                    _ => None,
                }
            }
            Some((NumberWord::Unit | NumberWord::Tens, _)) => {
                let n = self.parse_words(i)?;
                // "one and a half million": scales parsed inside.
                // "three quarters of a million"
                if let Some((NumberWord::Fraction, f)) = self.number_word(n.end) {
                    if self.word(n.end + 1) == "of" && self.word(n.end + 2) == "a" {
                        if let Some((NumberWord::Scale, s)) = self.number_word(n.end + 3) {
                            return Some(Number {
                                scaled: true,
                                ..Number::in_words(n.value * f / 100.0 * s, i, n.end + 4)
                            });
                        }
                    }
                }
                Some(n)
            }
            _ => None,
        }
    }

    /// "a million", "a dozen", "a hundred", "a quarter of a million": the
    /// article at `i` standing for one.
    pub(super) fn article_number(&self, i: usize) -> Option<Number> {
        if let Some((NumberWord::Scale | NumberWord::Hundred | NumberWord::Dozen, v)) =
            self.number_word(i + 1)
        {
            if self.word(i + 1).len() > 1 {
                let mut n = Number {
                    scaled: true,
                    ..Number::in_words(v, i, i + 2)
                };
                // "a hundred and fifty"
                let and_more = self.word(n.end) == "and"
                    && matches!(
                        self.number_word(n.end + 1),
                        Some((NumberWord::Unit | NumberWord::Tens, _))
                    );
                if and_more && v < 1000.0 {
                    if let Some(rest) = self.parse_words(n.end + 1) {
                        if rest.value < v && !rest.scaled {
                            n.value += rest.value;
                            n.end = rest.end;
                        }
                    }
                }
                return Some(self.apply_scales(n));
            }
        }
        // "a quarter of a million"
        if let Some((NumberWord::Fraction, f)) = self.number_word(i + 1) {
            if self.word(i + 2) == "of" && self.word(i + 3) == "a" {
                if let Some((NumberWord::Scale, v)) = self.number_word(i + 4) {
                    return Some(Number {
                        scaled: true,
                        ..Number::in_words(f / 100.0 * v, i, i + 5)
                    });
                }
            }
        }
        None
    }

    /// The number before its scale words ("5" of "5 million").
    pub(super) fn base_value(&self, m: &Number) -> f64 {
        if let Some(TokenKind::Digits) = self.kind(m.first) {
            self.digits_value(m.first).unwrap_or(m.value)
        } else {
            match self.parse_words_unscaled(m.first) {
                Some(v) if v > 0.0 => v,
                _ => m.value,
            }
        }
    }

    /// The sum of the unit and tens words from `i` ("twenty five"), no scale.
    pub(super) fn parse_words_unscaled(&self, i: usize) -> Option<f64> {
        let mut v = 0.0;
        let mut j = i;
        while let Some((NumberWord::Unit | NumberWord::Tens, x)) = self.number_word(j) {
            v += x;
            j += 1;
        }
        if j == i {
            None
        } else {
            Some(v)
        }
    }
}
