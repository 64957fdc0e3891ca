//! Qualifiers: the words that bound a figure ("more than", "up to",
//! "about" before it; "or more", "-odd", "+" after it).

use super::scanner::Reading;
use super::tokens::Tokens;
use crate::lexicon::{word_slot, QualifierEnds, INDEXED};
use crate::record::Qualifier;

impl<'a, 'd> Tokens<'a, 'd> {
    /// The qualifier of a figure starting at `first`: the phrase before it,
    /// else a trailing one ("or more", "+", "-odd"), at least for vague
    /// quantities. A trailing phrase moves the counted-noun search past it.
    pub(super) fn qualify(&self, r: &mut Reading, first: usize) -> Qualifier {
        let trailing_q = self.trailing_qualifier(r);
        let mut qualifier = Qualifier::Exact;
        if let Some((q, _)) = self.qualifier_before(first) {
            qualifier = q;
        } else if let Some(q) = trailing_q {
            qualifier = q;
        }
        if r.n.vague {
            qualifier = Qualifier::AtLeast;
        }
        if let Some(q) = r.qualifier_override {
            qualifier = q;
        }
        qualifier
    }

    /// Trailing qualifiers: "or more", "-plus", "+", "or so", "-odd". Moves
    /// `r.np` past them when the noun phrase started right after the number.
    fn trailing_qualifier(&self, r: &mut Reading) -> Option<Qualifier> {
        let end = r.end;
        let np = &mut r.np;
        let mut trailing_q = None;
        // The word after is read only after "or" or "and"; the word itself
        // only when it starts as "or", "and" or "odd" do.
        let first = if matches!(self.first_byte(end), Some(b'o' | b'a')) {
            self.word(end)
        } else {
            ""
        };
        let second = || self.word(end + 1);
        match first {
            "or" | "and" => match (first, second()) {
                ("or", "more") | ("and", "more") | ("or", "over") | ("and", "above") => {
                    trailing_q = Some(Qualifier::AtLeast)
                }
                ("or", "less") | ("or", "fewer") | ("and", "under") | ("or", "under") => {
                    trailing_q = Some(Qualifier::AtMost)
                }
                ("or", "so") => trailing_q = Some(Qualifier::Approx),
                _ => {}
            },
            "odd" => trailing_q = Some(Qualifier::Approx),
            _ => {}
        }
        if trailing_q.is_some() && *np == end {
            *np = if first == "odd" { end + 1 } else { end + 2 };
        }
        if self.is_punct(end, '+') && self.glued(end) {
            trailing_q = Some(Qualifier::AtLeast);
            if *np == end {
                *np = end + 1;
            }
        }
        if self.is_dash(end) && self.glued(end) && matches!(self.word(end + 1), "odd" | "plus") {
            if *np == end {
                *np = end + 2;
            }
            trailing_q = Some(if self.word(end + 1) == "odd" {
                Qualifier::Approx
            } else {
                Qualifier::AtLeast
            });
        }
        trailing_q
    }

    /// Qualifier from the words before token `first`; returns it and the first
    /// token of the qualifier phrase.
    ///
    /// The steps of one figure ask it of the same token up to four times
    /// (the qualifier, "one" meaning "a", a year's test, the counted noun
    /// from context): the last answer is kept.
    pub(super) fn qualifier_before(&self, first: usize) -> Option<(Qualifier, usize)> {
        let (at, found) = self.qualifier_memo.get();
        if at == first {
            return found;
        }
        let found = self.qualifier_before_read(first);
        self.qualifier_memo.set((first, found));
        found
    }

    /// [`Self::qualifier_before`], read from the words.
    pub(super) fn qualifier_before_read(&self, first: usize) -> Option<(Qualifier, usize)> {
        let mut k = first;
        // The word right before a phrase's end must be its last word: one
        // comparison turns away most phrases before their words are read.
        let ends_before =
            |phrase: &[&str], before: &str| phrase.last().map_or(true, |w| *w == before);
        let before = self.word(first.wrapping_sub(1));
        // Most numbers follow no phrase's last word: one bit says so
        // before any phrase is read.
        if !self.may_end_qualifier(before) {
            return None;
        }
        // Skip filler such as "a rate of" (only a word with a filler's last
        // word's bit can end one: most words are not compared with any).
        let fillers = if self.qualifier_ends().fillers & 1 << word_slot(before) != 0 {
            self.lex.qualifier_filler.as_slice()
        } else {
            &[]
        };
        for filler in fillers {
            let n = filler.len();
            if k >= n
                && ends_before(filler, before)
                && (0..n).all(|m| self.word(k - n + m) == filler[m])
            {
                k -= n;
                break;
            }
        }
        // The word before the phrase, read again only after a filler.
        let before = if k == first {
            before
        } else {
            self.word(k.wrapping_sub(1))
        };
        // Only the phrases whose last word shares `before`'s bit can end
        // before the number, read in the lexicon's order: the first of the
        // lexicon's phrases that matches is the one found, as when all were read.
        let mut near = self.qualifier_ends().phrases[word_slot(before)];
        while near != 0 {
            let p = near.trailing_zeros() as usize;
            near &= near - 1;
            if let Some(found) = self.phrase_before(p, k, first, before) {
                return Some(found);
            }
        }
        (INDEXED..self.lex.qualifiers.len()).find_map(|p| self.phrase_before(p, k, first, before))
    }

    /// [`Self::qualifier_before_read`] as it was, comparing the word
    /// before with every filler's last word: the oracle of its
    /// differential test.
    #[cfg(test)]
    pub(super) fn qualifier_before_oracle(&self, first: usize) -> Option<(Qualifier, usize)> {
        let mut k = first;
        // The word right before a phrase's end must be its last word: one
        // comparison turns away most phrases before their words are read.
        let ends_before =
            |phrase: &[&str], before: &str| phrase.last().map_or(true, |w| *w == before);
        let before = self.word(first.wrapping_sub(1));
        // Most numbers follow no phrase's last word: one bit says so
        // before any phrase is read.
        if !self.may_end_qualifier(before) {
            return None;
        }
        // Skip filler such as "a rate of".
        for filler in &self.lex.qualifier_filler {
            let n = filler.len();
            if k >= n
                && ends_before(filler, before)
                && (0..n).all(|m| self.word(k - n + m) == filler[m])
            {
                k -= n;
                break;
            }
        }
        // The word before the phrase, read again only after a filler.
        let before = if k == first {
            before
        } else {
            self.word(k.wrapping_sub(1))
        };
        // Only the phrases whose last word shares `before`'s bit can end
        // before the number, read in the lexicon's order: the first of the
        // lexicon's phrases that matches is the one found, as when all were read.
        let mut near = self.qualifier_ends().phrases[word_slot(before)];
        while near != 0 {
            let p = near.trailing_zeros() as usize;
            near &= near - 1;
            if let Some(found) = self.phrase_before(p, k, first, before) {
                return Some(found);
            }
        }
        (INDEXED..self.lex.qualifiers.len()).find_map(|p| self.phrase_before(p, k, first, before))
    }

    /// The qualifier phrase `p` of the lexicon when it ends right before
    /// token `k` (whose word before is `before`) in the sentence of
    /// `first`: its qualifier and first token.
    fn phrase_before(
        &self,
        p: usize,
        k: usize,
        first: usize,
        before: &str,
    ) -> Option<(Qualifier, usize)> {
        let (phrase, q) = &self.lex.qualifiers[p];
        let n = phrase.len();
        if k < n || !phrase.last().map_or(true, |w| *w == before) {
            return None;
        }
        if !self.phrase_ends_at(phrase, k, first) {
            return None;
        }
        let w0 = phrase[0];
        // "some of", "over the", "under the" are not qualifiers; they
        // cannot precede a number anyway, but "some" can be a
        // determiner of another noun: only trust it right before.
        let word_before = || {
            if k - n > 0 {
                self.word_in_sentence(k - n - 1, first)
            } else {
                ""
            }
        };
        // "added up to", "adds up to": a sum, not a ceiling.
        if w0 == "up" && self.lex.cues.sum_verbs.contains(word_before()) {
            return None;
        }
        // "ran over", "took over" are phrasal verbs.
        if (w0 == "over" || w0 == "under") && self.lex.cues.handover_verbs.contains(word_before()) {
            return None;
        }
        Some((*q, k - n))
    }

    /// The words of `phrase` are the words right before token `k`, in the
    /// sentence of `first`, when its last word is already known to be
    /// token `k - 1`'s (`before` in [`Self::phrase_before`]): that word's
    /// text is not read again, only its kind and sentence.
    fn phrase_ends_at(&self, phrase: &[&str], k: usize, first: usize) -> bool {
        let n = phrase.len();
        (0..n).all(|m| {
            let t = k - n + m;
            self.is_word(t)
                && self.same_sentence(t, first)
                && (m + 1 == n || self.word(t) == phrase[m])
        })
    }

    /// The lexicon's table of the qualifier phrases' last words.
    fn qualifier_ends(&self) -> &QualifierEnds {
        &self.lex.qualifier_ends
    }

    /// `word` may be the last word of a qualifier phrase or of a filler
    /// (by a one-word-per-bit filter of their last words, built with the
    /// lexicon): false only when it is neither.
    fn may_end_qualifier(&self, word: &str) -> bool {
        self.qualifier_ends().any & 1 << word_slot(word) != 0
    }

    /// A qualifier phrase starting at token `k` (after "to" in a range).
    pub(super) fn qualifier_at_start(&self, k: usize) -> Option<(Qualifier, usize)> {
        for (phrase, q) in &self.lex.qualifiers {
            if (0..phrase.len()).all(|m| self.is_word(k + m) && self.word(k + m) == phrase[m]) {
                return Some((*q, phrase.len()));
            }
        }
        None
    }

    /// The token after a qualifier phrase starting at `k`, or `k`.
    pub(super) fn skip_qualifier(&self, k: usize) -> usize {
        match self.qualifier_at_start(k) {
            Some((_, n)) => k + n,
            None => k,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::figures::tokens::Tokens;
    use crate::text::Doc;

    /// The qualifier before every token of the test texts and of phrases
    /// with and without fillers is the one found comparing the word before
    /// with every filler (the old code, kept as the oracle).
    #[test]
    fn filler_bits_match_reading_every_filler() {
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        let mut texts = crate::text::test_corpus::texts();
        let fillers: Vec<String> = lex.qualifier_filler.iter().map(|f| f.join(" ")).collect();
        let phrases: Vec<String> = lex.qualifiers.iter().map(|(p, _)| p.join(" ")).collect();
        for f in &fillers {
            for p in &phrases {
                texts.push(format!("It was {p} {f} 5 and {f} 6, {p} 7 of 8."));
            }
        }
        let mut found = 0;
        for text in &texts {
            let doc = Doc::new(text, false);
            let tokens = Tokens::new(&doc, lex);
            for i in 0..=tokens.len() + 1 {
                let want = tokens.qualifier_before_oracle(i);
                assert_eq!(tokens.qualifier_before_read(i), want, "{text:?} at {i}");
                found += usize::from(want.is_some());
            }
        }
        assert!(found > 100, "{found}");
    }

    /// Wherever a phrase's last word is the word before `k`, as
    /// `phrase_before` has checked when it asks, `phrase_ends_at` answers
    /// as the old test that read every word of the phrase (kept here as
    /// the oracle).
    #[test]
    fn phrase_ends_at_matches_reading_every_word() {
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        let mut texts = crate::text::test_corpus::texts();
        let phrases: Vec<String> = lex.qualifiers.iter().map(|(p, _)| p.join(" ")).collect();
        texts.push(
            phrases
                .iter()
                .map(|p| format!("{p} 5, x {p}. 6 {p}"))
                .collect(),
        );
        let mut asked = 0;
        for text in &texts {
            let doc = Doc::new(text, false);
            let tokens = Tokens::new(&doc, lex);
            for k in 1..=tokens.len() {
                for (phrase, _) in &lex.qualifiers {
                    let n = phrase.len();
                    if k < n || phrase.last() != Some(&tokens.word(k - 1)) {
                        continue;
                    }
                    for first in k..(k + 3).min(tokens.len()) {
                        asked += 1;
                        let oracle = (0..n).all(|m| {
                            let t = k - n + m;
                            tokens.is_word(t)
                                && tokens.same_sentence(t, first)
                                && tokens.word(t) == phrase[m]
                        });
                        assert_eq!(
                            tokens.phrase_ends_at(phrase, k, first),
                            oracle,
                            "{phrase:?} {k} {first}"
                        );
                    }
                }
            }
        }
        assert!(asked > 100, "{asked}");
    }
}
