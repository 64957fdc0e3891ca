//! Fractions and proportions, valued in per cent: "half of", "a third",
//! "two-thirds", "one in five", "nine out of ten".

use super::numbers::Number;
use super::tokens::{TokenKind, Tokens};
use crate::lexicon::{mark, NumberWord};

impl<'a, 'd> Tokens<'a, 'd> {
    /// "half", "a third", "two-thirds", "one in five", "nine out of ten".
    pub(super) fn parse_fraction(&self, i: usize) -> Option<Number> {
        // Numerator then fraction word. Digits first: no word test holds
        // for them, and most tokens tried are digits.
        let (num, fi) = if self.kind(i) == Some(TokenKind::Digits) {
            // Digits read as a fraction only before a fraction word ("3
            // quarters") or as a proportion: the word after comes first,
            // the value (the same answer either way) only then.
            if !matches!(self.number_word(i + 1), Some((NumberWord::Fraction, _))) {
                return self.proportion(i);
            }
            (self.digits_value(i)?, i + 1)
        } else {
            let w = self.word(i);
            if w == "half" {
                (1.0, i)
            } else if w == "a" || w == "one" || w == "an" {
                (1.0, i + 1)
            } else if let Some((NumberWord::Unit, v)) = self.number_word(i) {
                let fi = if self.is_dash(i + 1) && self.glued(i + 1) {
                    i + 2
                } else {
                    i + 1
                };
                (v, fi)
            } else {
                (0.0, usize::MAX)
            }
        };
        if fi != usize::MAX {
            if let Some((NumberWord::Fraction, f)) = self.number_word(fi) {
                return self.fraction_word(i, num, fi, f);
            }
        }
        self.proportion(i)
    }

    /// No fraction or proportion starts at the digits at `i`: no number
    /// word after them ("3 quarters") and no word starting as "in" or "out"
    /// does ("1 in 4"): [`Self::parse_fraction`] would find none (test
    /// `no_fraction_after_holds_where_no_fraction_is_read`).
    pub(super) fn no_fraction_after(&self, i: usize) -> bool {
        !self.has(i + 1, mark::NUMBER_WORD) && !matches!(self.first_byte(i + 1), Some(b'i' | b'o'))
    }

    /// "one in five", "one in every five", "nine out of ten", "1 in 4".
    fn proportion(&self, i: usize) -> Option<Number> {
        // The linking words first: most numbers have none, and their
        // value need not be read (either failure gives `None`).
        let mut j = i + 1;
        // The word after "in" or "out" only when it is one of them; a
        // token with another first byte is not read at all.
        if !matches!(self.first_byte(j), Some(b'i' | b'o')) {
            return None;
        }
        match self.word(j) {
            "in" if self.word(j + 1) == "every" => j += 2,
            "in" => j += 1,
            "out" if self.word(j + 1) == "of" => j += 2,
            _ => return None,
        }
        let numer = match self.number_word(i) {
            Some((NumberWord::Unit | NumberWord::Tens, v)) => v,
            _ if self.kind(i) == Some(TokenKind::Digits) => self.digits_value(i)?,
            _ => return None,
        };
        let denom = match self.number_word(j) {
            Some((NumberWord::Unit | NumberWord::Tens, v)) => v,
            _ if self.kind(j) == Some(TokenKind::Digits) => self.digits_value(j)?,
            _ => return None,
        };
        if denom <= numer || denom == 0.0 || denom > 1000.0 {
            return None;
        }
        // "in" followed by a four-digit year is not a proportion ("one in 2004").
        if self.kind(j) == Some(TokenKind::Digits) && self.text_len(j) == 4 {
            return None;
        }
        Some(Number {
            fraction: true,
            ..Number::in_words(round_to_4_places(numer / denom * 100.0), i, j + 1)
        })
    }

    /// A numerator `num` at `i` and the fraction word at `fi` worth `f` per
    /// cent ("a third", "two-thirds", "half of"): a proportion unless it is
    /// an ordinal or a stretch of time ("the first half", "half an hour").
    fn fraction_word(&self, i: usize, num: f64, fi: usize, f: f64) -> Option<Number> {
        let w = self.word(i);
        let prev = self.prev_word(i);
        let blocked_prev = |p: &str| self.lex.cues.not_proportion_before.contains(p);
        if w != "half" && self.word(fi) == "half" {
            return None;
        }
        // "the first half", "the second quarter", "the third time".
        if blocked_prev(prev) {
            return None;
        }
        let next = self.word_in_sentence(fi + 1, fi);
        let next2 = self.word_in_sentence(fi + 2, fi);
        let next_is_dash = self.is_dash(fi + 1) && self.glued(fi + 1);
        if next_is_dash {
            return None;
        }
        // Time words: "half an hour", "a quarter of a century", "second quarter".
        let time_word = |s: &str| self.lex.cues.fraction_time_words.contains(s);
        let proportion = match next {
            "of" => {
                let after = if next2 == "a" || next2 == "an" {
                    self.word_in_sentence(fi + 3, fi)
                } else {
                    next2
                };
                !(time_word(after)
                    || self.kind(fi + 2) == Some(TokenKind::Digits)
                    || matches!(after, "the" if time_word(self.word_in_sentence(fi + 3, fi))))
            }
            d if self.lex.cues.fraction_determiners.contains(d) => !time_word(next2),
            "a" | "an" => false,
            _ => {
                matches!(
                    prev,
                    "by" | "than" | "about" | "nearly" | "almost" | "roughly"
                ) || fi + 1 >= self.len()
                    || matches!(self.kind(fi + 1), Some(TokenKind::Punct(_)))
            }
        };
        if !proportion {
            return None;
        }
        if w == "half" && num == 1.0 && fi == i {
            // bare "half" needs "of", a determiner, or "by half"
            if !(matches!(next, "of" | "the" | "its" | "their" | "his" | "her" | "our")
                || prev == "by")
            {
                return None;
            }
        }
        // Exact per cent from the denominator: two-thirds is 66.6667.
        let denom = (100.0 / f).round();
        let value = round_to_4_places(num * 100.0 / denom);
        Some(Number {
            fraction: true,
            ..Number::in_words(value, i, fi + 1)
        })
    }
}

/// Round to four decimals, the precision of the fraction values in
/// `figure_numbers.tsv` ("third" 33.3333).
fn round_to_4_places(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::super::text_reads_of;
    use super::super::tokens::{TokenKind, Tokens};
    use crate::text::Doc;

    /// Where `no_fraction_after` holds at digits, `parse_fraction` finds
    /// nothing, over every digits token of the test texts and of fractions
    /// and proportions written every way.
    #[test]
    fn no_fraction_after_holds_where_no_fraction_is_read() {
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        let mut texts = crate::text::test_corpus::texts();
        texts.push(
            "3 quarters 2 thirds 1 in 4 1 in every 5 9 out of 10 1 In 4 2 half 3 halves 7 one"
                .into(),
        );
        for text in &texts {
            let doc = Doc::new(text, false);
            let tokens = Tokens::new(&doc, lex);
            for i in 0..tokens.len() {
                if tokens.kind(i) == Some(TokenKind::Digits) && tokens.no_fraction_after(i) {
                    assert!(tokens.parse_fraction(i).is_none(), "{text:?} at {i}");
                }
            }
        }
    }

    /// Digits before a plain word are no fraction after one read (the word
    /// after them): not the digits' own text, not the word after that.
    #[test]
    fn digits_before_a_plain_word_read_one_word() {
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        let doc = Doc::new("They won 3 games, 1 in 4 and 2 out of 5.", false);
        let tokens = Tokens::new(&doc, lex);
        let (found, reads) = text_reads_of(|| tokens.parse_fraction(2));
        assert!(found.is_none());
        assert!(reads <= 1, "{reads} reads");
        assert_eq!(tokens.parse_fraction(5).map(|n| n.value), Some(25.0));
        assert_eq!(tokens.parse_fraction(9).map(|n| n.value), Some(40.0));
    }
}
