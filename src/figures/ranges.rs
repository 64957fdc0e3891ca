//! Ranges: "between 10 and 20", "10-20", "five to six", "tens of thousands
//! to over 1 million", "7% to 8%". "from X to Y" after a verb of change is
//! two figures, and a pair like "2-1" (a score) or "1997-2016" (a period) is
//! no figure at all.

use super::numbers::Number;
use super::scanner::Reading;
use super::tokens::{TokenKind, Tokens};
use crate::record::Qualifier;

impl<'a, 'd> Tokens<'a, 'd> {
    /// Widen the number to a range when a second number follows it; `None`
    /// when the pair is a score or a period, not a figure.
    pub(super) fn extend_to_range(&self, r: &mut Reading) -> Option<()> {
        let n = &mut r.n;
        if n.fraction {
            return Some(());
        }
        let prevw = self.prev_word(n.first);
        let j = r.end;
        let dash = self.is_dash(j) && self.glued(j) && self.glued(j + 1);
        // A word with another first byte than the linking words' is not read.
        let linking = matches!(self.first_byte(j), Some(b't' | b'a' | b'o'));
        let conj = match if linking { self.word(j) } else { "" } {
            "to" => true,
            "and" => prevw == "between",
            "or" => true,
            _ => false,
        };
        if !((dash && self.kind(j + 1) == Some(TokenKind::Digits) && !n.words) || conj) {
            return Some(());
        }
        let mut k = j + 1;
        if conj {
            // "10 to over 20": the second number's own qualifier is skipped.
            k = self.skip_qualifier(k);
        }
        if r.money.is_some() {
            // "$10m to $20m": the second number after its own prefix.
            if let Some(kk) = (k..k + 3).find(|&kk| self.kind(kk) == Some(TokenKind::Digits)) {
                if matches!(self.currency_prefix(kk), Some((p, _)) if p == k) {
                    k = kk;
                }
            }
        }
        let Some(m) = self.parse_number(k) else {
            return if dash { None } else { Some(()) };
        };
        let from_change = prevw == "from" && {
            let before = self.words_before(n.first, 3);
            self.lex.cues.change_verbs.contains(before[1])
        };
        let score_like = dash
            && !n.scaled
            && !m.scaled
            && (m.value <= n.value || self.result_pair(n.first, m.end));

        let mut lo = n.value;
        if m.scaled && !n.scaled && !n.vague {
            // "5 to 6 million": the scale applies to both.
            let s = m.value / self.base_value(&m);
            if s > 1.0 && lo * s <= m.value {
                lo *= s;
            }
        }
        let year_like =
            n.plain_int && (1800.0..2100.0).contains(&n.value) && self.text_len(n.first) == 4;
        if !from_change && !score_like && lo < m.value && !year_like && (dash || conj) {
            if conj && self.word(j) == "or" && (m.vague || n.vague) {
                // "hundreds or thousands" is two vague quantities
                return Some(());
            }
            n.value = lo;
            n.end = m.end;
            r.upper = Some(m.value);
            r.end = m.end;
            r.np = m.end;
            if n.vague {
                r.qualifier_override = Some(Qualifier::AtLeast);
            }
            r.rule = "figure:range";
        } else if dash && (score_like || year_like) {
            return None;
        }
        Some(())
    }

    /// [`Self::extend_to_range`] would reject the figure read as `n` with
    /// no currency prefix: a pair glued by a dash whose second number is
    /// none, or is no higher and neither is scaled (a score: "6-3"). Asked
    /// before the number's other tests, which the pair need not take.
    pub(super) fn range_step_rejects_pair(&self, n: &Number) -> bool {
        let j = n.end;
        // As the range step reads it: a glued dash (no linking word) and
        // digits glued after it, after digits that are no fraction. The
        // glue first: most numbers have a space after them.
        let pair = self.glued(j)
            && self.glued(j + 1)
            && self.is_digits(j + 1)
            && self.is_dash(j)
            && !n.fraction
            && !n.words;
        if !pair {
            return false;
        }
        self.parse_number(j + 1)
            .map_or(true, |m| !n.scaled && !m.scaled && m.value <= n.value)
    }

    /// A pair of small whole numbers from token `first` to `end` that is a
    /// sports result even with the higher number second: a set in a run of
    /// sets ("4-6 6-3"), before a result noun ("a 1-3 defeat") or after a
    /// result verb ("lost 2-4").
    fn result_pair(&self, first: usize, end: usize) -> bool {
        let small = |k: usize| {
            self.kind(k) == Some(TokenKind::Digits)
                && self.raw(k).bytes().all(|b| b.is_ascii_digit())
                && self.raw(k).len() <= 2
        };
        if !(small(first) && small(end - 1)) {
            return false;
        }
        let pair_at =
            |k: usize| small(k) && self.is_dash(k + 1) && self.glued(k + 1) && small(k + 2);
        let in_run = pair_at(end) || first >= 3 && pair_at(first - 3);
        let noun_after = self.lex.cues.result_nouns.contains(self.word(end));
        let verb_before = self
            .words_before(first, 3)
            .iter()
            .take_while(|w| !w.is_empty())
            .any(|w| self.lex.cues.result_verbs.contains(w));
        in_run || noun_after || verb_before
    }

    /// "7% to 8%", "7%-8%" after a percentage whose unit `u` ends at
    /// `r.end`: one range unless it is a change ("from 5% to 7%", "rose 5%
    /// to 7%").
    pub(super) fn extend_to_percent_range(&self, r: &mut Reading, u: &str) {
        let n = r.n;
        let e = r.end;
        let q0 = self.qualifier_before(n.first).map_or(n.first, |(_, k)| k);
        let before = self.words_before(q0, 1)[0];
        let change = matches!(before, "from" | "by") || self.lex.cues.change_verbs.contains(before);
        let sep = self.word(e) == "to" || self.is_dash(e) && self.glued(e);
        if r.upper.is_none() && sep && !change {
            if let Some(m) = self.parse_number(e + 1) {
                if let Some((e2, u2)) = self.percent_at(m.end) {
                    if u2 == u && m.value > n.value && !m.words {
                        r.upper = Some(m.value);
                        r.end = e2;
                        r.np = e2;
                        r.rule = "figure:range";
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::ClaimKind;
    use crate::text::Doc;

    /// Wherever `range_step_rejects_pair` turns a number away before its
    /// other tests, the range step it stands for rejects the figure read
    /// there (as `read_number_at` would hand it over: digits, no prefix).
    #[test]
    fn pairs_turned_away_are_rejected_by_the_range_step() {
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        let mut texts = crate::text::test_corpus::texts();
        texts.push("Agassi won 6-3 4-6 7-5, a 1-3 defeat, 3-3, 2004-05, 10-20 people.".into());
        texts.push("6-3 million 6m-3 5-6bn 7-2.5 9-x 8 - 3 8 -3 8- 3 4-six 12-12".into());
        let mut turned_away = 0;
        for text in &texts {
            let doc = Doc::new(text, false);
            let tokens = Tokens::new(&doc, lex);
            for i in 0..tokens.len() {
                if !tokens.is_digits(i) {
                    continue;
                }
                let Some(n) = tokens.parse_number(i) else {
                    continue;
                };
                if !tokens.range_step_rejects_pair(&n) {
                    continue;
                }
                turned_away += 1;
                let mut r = Reading {
                    n,
                    money: None,
                    rule: "figure:digits",
                    kind: ClaimKind::Count,
                    unit: None,
                    upper: None,
                    end: n.end,
                    np: n.end,
                    needs_unit: false,
                    qualifier_override: None,
                    name_unless_headline: None,
                };
                let raw = tokens.raw(i);
                assert!(
                    tokens.extend_to_range(&mut r).is_none(),
                    "{raw:?} in {text:?}"
                );
            }
        }
        // "6-3", "7-5", "3-3", "2004-05", "6m-3", "7-2.5", "12-12" at least.
        assert!(turned_away >= 7, "{turned_away}");
    }
}
