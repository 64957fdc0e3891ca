//! Ranges: "between 10 and 20", "10-20", "five to six", "tens of thousands
//! to over 1 million", "7% to 8%". "from X to Y" after a verb of change is
//! two figures, and a pair like "2-1" (a score) or "1997-2016" (a period) is
//! no figure at all.

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
