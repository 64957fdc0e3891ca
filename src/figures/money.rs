//! Money: currency prefixes ("$", "HK$", "Rs"), currency words after the
//! number ("yuan", "US dollars"), exchange rates ("8.28 yuan to the dollar")
//! and the bracketed conversion of a previous amount ("£5m ($9m)").

use super::scanner::{FigureMatch, Reading};
use super::tokens::{CurrencySeen, TokenKind, Tokens};
use crate::lexicon::mark;
use crate::record::{ClaimKind, Qualifier};

impl<'a, 'd> Tokens<'a, 'd> {
    /// A currency prefix ending right before token `j`: returns (first token, ISO).
    pub(super) fn currency_prefix(&self, j: usize) -> Option<(usize, &'static str)> {
        if j == 0 {
            return None;
        }
        // Only before a token, and after one ending as some form does.
        if j >= self.len() {
            return None;
        }
        // The tokens before `j`, nearest first, each read once for all the
        // forms (no form is longer than three of them today).
        let mut near = [""; 3];
        for (m, piece) in near.iter_mut().enumerate().take(j) {
            *piece = self.raw(j - 1 - m);
        }
        let piece = |k: usize| near.get(j - 1 - k).copied().unwrap_or_else(|| self.raw(k));
        let last = *near[0].as_bytes().last()?;
        if !byte_in(&self.lex.prefix_last_bytes, last) {
            return None;
        }
        // The prefix text: up to 3 tokens before, glued together, glued or
        // separated by one space from the number.
        for &(form, iso) in &self.lex.prefixes {
            let mut k = j;
            let mut need = form;
            let mut ok = false;
            while k > 0 && !need.is_empty() {
                k -= 1;
                let piece = piece(k);
                if !need.ends_with(piece) || piece.is_empty() {
                    break;
                }
                need = &need[..need.len() - piece.len()];
                if k + 1 != j && !self.glued(k + 1) {
                    break;
                }
                if need.is_empty() {
                    ok = true;
                }
            }
            if !ok {
                continue;
            }
            // Word prefixes must not be glued to letters before them.
            if k > 0 && self.glued(k) && self.is_word(k - 1) {
                continue;
            }
            return Some((k, iso));
        }
        None
    }

    /// [`Self::currency_prefix`] as it was before it read each token once:
    /// the oracle of its differential test.
    #[cfg(test)]
    pub(super) fn currency_prefix_oracle(&self, j: usize) -> Option<(usize, &'static str)> {
        if j == 0 {
            return None;
        }
        // Only before a token, and after one ending as some form does.
        if j >= self.len() {
            return None;
        }
        let last = *self.raw(j - 1).as_bytes().last()?;
        if self.lex.prefix_last_bytes[usize::from(last >> 6)] & (1 << (last & 63)) == 0 {
            return None;
        }
        // The prefix text: up to 3 tokens before, glued together, glued or
        // separated by one space from the number.
        for &(form, iso) in &self.lex.prefixes {
            let mut k = j;
            let mut need = form;
            let mut ok = false;
            while k > 0 && !need.is_empty() {
                k -= 1;
                let piece = self.raw(k);
                if !need.ends_with(piece) || piece.is_empty() {
                    break;
                }
                need = &need[..need.len() - piece.len()];
                if k + 1 != j && !self.glued(k + 1) {
                    break;
                }
                if need.is_empty() {
                    ok = true;
                }
            }
            if !ok {
                continue;
            }
            // Word prefixes must not be glued to letters before them.
            if k > 0 && self.glued(k) && self.is_word(k - 1) {
                continue;
            }
            return Some((k, iso));
        }
        None
    }

    /// A currency word sequence starting at token `j`: (end token, ISO).
    /// A minor unit ("cts") gives its major ISO; see [`Self::currency_word`].
    pub(super) fn currency_suffix(&self, j: usize) -> Option<(usize, &'static str)> {
        self.currency_word(j).map(|(e, iso, _)| (e, iso))
    }

    /// A currency word sequence starting at token `j`, a "U.S." before it
    /// skipped: (end token, ISO, minor units per major unit: 100 for "cts").
    /// A form several currencies share ("francs") is read from the article
    /// ([`Self::cued_currency`]).
    pub(super) fn currency_word(&self, j: usize) -> Option<(usize, &'static str, f64)> {
        let j = self.skip_us_abbreviation(j);
        // The folded word has no ASCII capital: equal to a form's first
        // word ignoring ASCII case is equal to it in ASCII lower case.
        if !self.is_word(j) || !self.has(j, mark::CURRENCY_FIRST) {
            return None;
        }
        let mut found: Option<(usize, &[&'static str])> = None;
        let mut candidates: Vec<&'static str> = Vec::new();
        // Only the forms starting with the word can match (or share the
        // form found): the word is read once, not once per form.
        let forms = self.lex.suffixes_by_first.starting_with(self.word(j));
        'forms: for (words, iso) in forms.iter().map(|&f| &self.lex.suffixes[f]) {
            if let Some((_, form)) = found {
                if form == words.as_slice() {
                    candidates.push(iso);
                }
                continue;
            }
            for (k, w) in words.iter().enumerate() {
                if !self.is_word(j + k) || !self.word(j + k).eq_ignore_ascii_case(w) {
                    continue 'forms;
                }
            }
            // ISO codes as suffix must be written in capitals.
            if iso.eq_ignore_ascii_case(words[0]) && self.raw(j) != *iso {
                continue;
            }
            found = Some((j + words.len(), words.as_slice()));
            candidates.push(iso);
        }
        let (end, _) = found?;
        let iso = if candidates.len() > 1 {
            self.cued_currency(&candidates)
        } else {
            candidates[0]
        };
        match iso.strip_suffix("/100") {
            Some(major) => Some((end, major, 100.0)),
            None => Some((end, iso, 1.0)),
        }
    }

    /// "U.S." written before a currency word ("75 mln U.S. dlrs"): the
    /// token after it, else `j`.
    fn skip_us_abbreviation(&self, j: usize) -> usize {
        // The first byte before the word: most words are not "u".
        let dotted = self.word_is(j, "u")
            && self.is_punct(j + 1, '.')
            && self.word(j + 2) == "s"
            && self.is_punct(j + 3, '.')
            && self.is_word(j + 4);
        if dotted {
            j + 4
        } else {
            j
        }
    }

    /// Of the currencies sharing a form, the one whose country the
    /// article's opening names first ("PARIS, June 28 -" → FRF for
    /// "francs"), by the `cue` rows of `figure_currencies.tsv`; else the
    /// form's first row.
    fn cued_currency(&self, candidates: &[&'static str]) -> &'static str {
        self.opening_cues()
            .iter()
            .find_map(|iso| {
                candidates
                    .iter()
                    .find(|c| c.split('/').next() == Some(*iso))
            })
            .copied()
            .unwrap_or(candidates[0])
    }

    /// The ISO codes the article's opening cues, in the order of their
    /// words (each word's first `cue` row), read once per article: every
    /// shared currency form asks them ([`Self::cued_currency`]).
    fn opening_cues(&self) -> &[&'static str] {
        self.currency_cues.get_or_init(|| {
            // The dateline and first lines name the country; a bounded look
            // keeps this cheap however long the article.
            let mut head = self.doc.folded.len().min(3000);
            while !self.doc.folded.is_char_boundary(head) {
                head -= 1;
            }
            super::count_steps(head);
            let mut isos: Vec<&'static str> = Vec::new();
            let words = self.doc.folded[..head].split(|c: char| !c.is_alphanumeric());
            for w in words {
                let cue = self.lex.currency_cues.iter().find(|(cue, _)| *cue == w);
                // A code already listed answers the same again.
                if let Some(&(_, iso)) = cue.filter(|(_, iso)| !isos.contains(iso)) {
                    isos.push(iso);
                }
            }
            isos
        })
    }

    /// "to the dollar", "per US dollar", "against the euro": the quoted currency.
    pub(super) fn exchange_rate(&self, end: usize) -> Option<(&'static str, usize)> {
        let mut k = end;
        // The first byte turns away most words before they are read.
        if !matches!(self.first_byte(k), Some(b't' | b'p' | b'a'))
            || !matches!(self.word(k), "to" | "per" | "against")
        {
            return None;
        }
        k += 1;
        if matches!(self.word(k), "the" | "one" | "a" | "each") {
            k += 1;
        }
        let iso = match (self.word(k), self.word(k + 1)) {
            ("us" | "american", "dollar") => {
                k += 2;
                "USD"
            }
            ("dollar", _) => {
                k += 1;
                "USD"
            }
            ("euro", _) => {
                k += 1;
                "EUR"
            }
            ("pound", _) => {
                k += 1;
                "GBP"
            }
            ("yen", _) => {
                k += 1;
                "JPY"
            }
            ("yuan", _) => {
                k += 1;
                "CNY"
            }
            ("rupee", _) => {
                k += 1;
                "INR"
            }
            _ => return None,
        };
        Some((iso, k))
    }

    /// The currency an exchange rate is quoted in: the nearest currency
    /// other than the dollar mentioned before token `first`, within three
    /// sentences.
    pub(super) fn base_currency(&self, first: usize) -> Option<&'static str> {
        if first >= self.len() {
            return None;
        }
        let start_sent = self.sentence(first);
        // The tokens read: those of the three sentences before and this one.
        let window = self.partition_point(first, |k| self.sentence(k) + 3 < start_sent);
        // The rates come in reading order: the tokens read for the one
        // before are not read again, its nearest currency is remembered.
        let mut seen = self.currency_seen.get();
        if seen.to > first {
            seen = CurrencySeen::default();
        }
        if seen.to < window {
            seen = CurrencySeen {
                to: window,
                nearest: None,
            };
        }
        for k in seen.to..first {
            super::count_steps(1);
            if let Some((_, iso)) = self.currency_suffix(k).filter(|(_, iso)| *iso != "USD") {
                seen.nearest = Some((k, iso));
            }
        }
        seen.to = first;
        self.currency_seen.set(seen);
        seen.nearest
            .filter(|(k, _)| *k >= window)
            .map(|(_, iso)| iso)
    }

    /// A currency prefix can start at token `i`: it starts as some form
    /// does ("h" or "two" starts none): one byte read turns most words away.
    pub(super) fn may_start_prefix(&self, i: usize) -> bool {
        self.raw_first_byte(i)
            .is_some_and(|b| byte_in(&self.lex.prefix_first_bytes, b))
    }

    /// A currency prefix starting at token `i` and a number within the next
    /// three tokens: (number token, ISO).
    pub(super) fn prefixed_number(&self, i: usize) -> Option<(usize, &'static str)> {
        if !self.may_start_prefix(i) {
            return None;
        }
        let mut found = None;
        for k in i + 1..(i + 4).min(self.len()) {
            if self.kind(k) == Some(TokenKind::Digits) {
                if let Some((p, iso)) = self.currency_prefix(k) {
                    if p == i {
                        found = Some((k, iso));
                    }
                }
                break;
            }
        }
        found
    }

    /// A money figure starting at `first` that converts `prev`, the money
    /// figure right before it, in brackets or after a comma or semicolon
    /// ("£5m ($9m)"): it takes the qualifier of `prev`, returned here.
    pub(super) fn conversion_of(
        &self,
        r: &Reading,
        first: usize,
        prev: Option<&FigureMatch>,
    ) -> Option<Qualifier> {
        if r.kind != ClaimKind::Money {
            return None;
        }
        let p = prev?;
        let converts = p.fig.kind == ClaimKind::Money
            && first > 0
            && (self.is_punct(first - 1, '(')
                || self.is_punct(first - 1, ';')
                || self.is_punct(first - 1, ','))
            && (p.end == first - 1
                || p.end + 1 == first - 1 && self.is_punct(p.end, ')')
                || self.is_punct(p.end, '(') && p.end + 1 == first
                || (first >= 2 && self.is_punct(first - 1, ';') && p.end + 1 == first))
            && self.same_sentence(p.first, first);
        converts.then_some(p.fig.qualifier)
    }
}

/// Byte `b` is in the set `bits` (one bit per byte value).
fn byte_in(bits: &[u64; 4], b: u8) -> bool {
    bits[usize::from(b >> 6)] & (1 << (b & 63)) != 0
}

#[cfg(test)]
mod tests {
    use crate::figures::steps_of_find;
    use crate::text::Doc;

    /// Many exchange rates with no currency word after them, in one long
    /// sentence after the one naming it: the look-back for their currency
    /// takes the same work per rate from 50 to 800 of them (every rate read
    /// back to the currency before).
    #[test]
    fn exchange_rates_in_one_long_sentence_take_linear_work() {
        let unit = "a rate of 8 to the dollar and ";
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        let mut per_unit = [0.0; 2];
        for (k, units) in [50, 800].into_iter().enumerate() {
            let text = format!("The yuan: {}", unit.repeat(units));
            let doc = Doc::new(&text, false);
            let (found, steps) = steps_of_find(&doc, lex);
            let per_usd = |f: &&super::super::Figure| {
                f.unit.as_ref().is_some_and(|u| u.ends_with(" per USD"))
            };
            let rates = found.iter().filter(per_usd);
            assert_eq!(rates.count(), units);
            per_unit[k] = steps as f64 / units as f64;
        }
        assert!(per_unit[1] <= 2.0 * per_unit[0], "{per_unit:?}");
    }

    /// The exchange-rate test reads no word that starts as none of its
    /// linking words ("to", "per", "against") does.
    #[test]
    fn exchange_rate_reads_no_other_word() {
        use super::super::{text_reads_of, tokens::Tokens};
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        let doc = Doc::new("8.28 yuan to the dollar, 5 apples per day, 7 men.", false);
        let tokens = Tokens::new(&doc, lex);
        let (found, reads) = text_reads_of(|| tokens.exchange_rate(1));
        assert_eq!((found, reads), (None, 0));
        let (found, reads) = text_reads_of(|| tokens.exchange_rate(9));
        assert_eq!((found, reads), (None, 0));
        assert_eq!(tokens.exchange_rate(2).map(|(iso, _)| iso), Some("USD"));
    }

    /// A currency word is found by its first word: read once (and its raw
    /// text for the ISO-code check), not once for every form listed
    /// before it.
    #[test]
    fn currency_word_reads_the_word_once() {
        use super::super::{text_reads_of, tokens::Tokens};
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        let last = lex.suffixes.last().map(|(w, _)| w.join(" ")).unwrap();
        let text = format!("It paid 5 rupees and 7 {last}.");
        let doc = Doc::new(&text, false);
        let tokens = Tokens::new(&doc, lex);
        for j in [3, 6] {
            let (found, reads) = text_reads_of(|| tokens.currency_word(j));
            assert!(found.is_some(), "{}", tokens.word(j));
            assert!(reads <= 6, "{reads} reads for {:?}", tokens.word(j));
        }
    }

    /// The "U.S." look-ahead before a currency word reads no text at a
    /// word not starting with "u" (it read the word at every amount), and
    /// still skips "U.S." ("75 mln U.S. dlrs").
    #[test]
    fn us_abbreviation_reads_no_other_word() {
        use super::super::{text_reads_of, tokens::Tokens};
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        let doc = Doc::new("It paid 75 mln U.S. dlrs and 5 dollars, u 6.", false);
        let tokens = Tokens::new(&doc, lex);
        assert_eq!(tokens.skip_us_abbreviation(4), 8);
        assert_eq!(tokens.currency_word(4).map(|(e, _, _)| e), Some(9));
        let (j, reads) = text_reads_of(|| tokens.skip_us_abbreviation(11));
        assert_eq!((j, reads), (11, 0));
        assert_eq!(tokens.skip_us_abbreviation(13), 13);
    }

    /// The currency prefix found from each token, as before it read the
    /// tokens before it once for all the forms: every prefix form before
    /// digits, glued, spaced, after letters, and the test texts.
    #[test]
    fn currency_prefix_matches_its_oracle() {
        use super::super::tokens::Tokens;
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        let forms: Vec<&str> = lex.prefixes.iter().map(|(f, _)| *f).collect();
        let mut texts = crate::text::test_corpus::texts();
        for sep in ["", " ", "x", ". "] {
            texts.push(forms.iter().map(|f| format!("{sep}{f}5 {f} 7m")).collect());
        }
        let mut found = 0;
        for text in &texts {
            let doc = Doc::new(text, false);
            let tokens = Tokens::new(&doc, lex);
            for j in 0..=tokens.len() + 1 {
                let got = tokens.currency_prefix(j);
                assert_eq!(got, tokens.currency_prefix_oracle(j), "{:?}", tokens.raw(j));
                found += usize::from(got.is_some());
            }
        }
        assert!(found > 2 * forms.len(), "{found}");
    }

    /// A word that starts no prefix form is turned away after its first
    /// byte: "was 5" reads "was" once, not once per prefix form.
    #[test]
    fn prefixed_number_reads_a_plain_word_once() {
        use super::super::{text_reads_of, tokens::Tokens};
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        let doc = Doc::new("It was 5 goals and HK$ 7m.", false);
        let tokens = Tokens::new(&doc, lex);
        let (found, reads) = text_reads_of(|| tokens.prefixed_number(1));
        assert_eq!(found, None);
        assert!(reads <= 1, "{reads} reads");
        assert_eq!(tokens.prefixed_number(5), Some((7, "HKD")));
    }

    /// Many amounts in a currency form several currencies share
    /// ("francs"): the article's opening is read for its cue once, not
    /// once per amount.
    #[test]
    fn shared_currency_forms_read_the_opening_once() {
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        let text = format!("PARIS - {}", "It paid 5 francs. ".repeat(1_000));
        let doc = Doc::new(&text, false);
        let (found, steps) = steps_of_find(&doc, lex);
        assert_eq!(found.len(), 1_000);
        assert!(found.iter().all(|f| f.unit.as_deref() == Some("FRF")));
        // One read of 3,000 bytes and a few steps per amount; reading the
        // opening per amount would be 3,000 steps each.
        assert!(steps < 3_000 + 50 * 1_000, "{steps} steps");
    }
}
