//! Figure subjects read from the words right around the figure, the rules
//! that `subjects` tries besides the clause's subject:
//!
//! - **No single bearer**: "`Mobil <MOB> and Chevron <CHV> 550,000 bpd
//!   between them`", "three other men": the figure is about several, or
//!   about others, so its subject is null.
//! - **Actor after the figure**: "the $6bn which VEB lent", "the $1.75bn
//!   agreement Lenovo signed": a name with its own verb right after the
//!   figure's noun is the one whose money it is.
//! - **Owner after "of"**: "a nine-day session of the U.N. committee",
//!   "500 employees of Acme".
//! - **Described owner**: "the region's population of 25.85 million", "the
//!   company's 4,000 workers", "its 56,500 employees": the place or
//!   organization the description or pronoun stands for.

use std::ops::Range;

use super::attributor::Attributor;
use super::mentions::EntityMention;
use super::subjects::Sides;
use super::words::{words_in, Word};
use crate::lexicon::mark;
use crate::record::EntityType;

/// How many words after a bid noun its "from X" may come.
const BIDDER_REACH: usize = 6;

/// How many words may lie between a caused actor and the figure ("help
/// Yukos pay off part of a $27bn").
const AFTER_ACTOR_REACH: usize = 6;

/// How many words before a figure a described owner may be ("the region's
/// total population of").
const OWNER_REACH: usize = 5;

impl Attributor<'_, '_> {
    /// Does `word` (folded) read as a finite verb: a listed one, or a past
    /// form in "-ed"?
    pub(super) fn is_finite_verb(&self, word: &Word<'_>) -> bool {
        let (_, _, w, marks) = *word;
        marks & mark::FINITE_VERB != 0 || (w.len() > 4 && w.ends_with("ed"))
    }

    /// Is the figure about several bearers, or about others? "`Mobil Corp
    /// <MOB> and Chevron Corp <CHV> 550,000 bpd`" (a ticker list ending in
    /// "and X"), "three other men".
    pub(super) fn has_no_single_bearer(&self, fig: Range<usize>, lo: usize) -> bool {
        // Only the first word is read: no copy of the words cut at the
        // 40th byte.
        let mut after = words_in(self.doc, fig.end..(fig.end + 40).min(self.text.len()));
        if after.next().is_some_and(|w| w.2 == "other") {
            return true;
        }
        let Some(before) = self.mentions.within(lo..fig.start).last() else {
            return false;
        };
        let between = &self.text[before.end..fig.start];
        let ticker = between.contains('<') && between.trim_end().ends_with('>');
        // The words before are read only after a ticker.
        ticker
            && self
                .words(lo..before.start)
                .last()
                .is_some_and(|w| w.2 == "and")
    }

    /// "the $6bn which Russian state bank VEB lent", "the $1.75bn agreement
    /// Lenovo signed": a name right after the figure's noun (or a
    /// "which"/"that"), followed by a finite verb.
    pub(super) fn actor_after(&self, fig: Range<usize>, hi: usize) -> Option<EntityMention> {
        let m = *self.mentions.within(fig.end..hi).next()?;
        if m.kind == EntityType::Place || self.text[fig.end..m.start].contains([',', ';', '(']) {
            return None;
        }
        let lead = self.words(fig.end..m.start);
        let relative = lead
            .first()
            .is_some_and(|w| matches!(w.2, "which" | "that"));
        let noun = lead.len() == 1
            && self.text[lead[0].0..lead[0].1]
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
        if !(noun || relative && lead.len() <= 4) {
            return None;
        }
        let verb = *self.words(m.end..hi).first()?;
        (self.is_finite_verb(&verb) && !matches!(verb.2, "is" | "are" | "was" | "were"))
            .then_some(m)
    }

    /// "to help Yukos pay off part of a $27bn bill": the name after "help",
    /// "allow", "force" or "let" acts in the clause that holds the figure.
    pub(super) fn caused_actor(&self, lo: usize, fig: Range<usize>) -> Option<EntityMention> {
        let m = *self.mentions.within(lo..fig.start).last()?;
        let before = self.words(lo..m.start);
        let cause = before
            .last()
            .is_some_and(|w| self.cues.cause_verbs.contains(w.2));
        if !cause {
            return None;
        }
        let gap = self.words(m.end..fig.start);
        let verb_next = gap.first().is_some_and(|w| {
            self.text[m.end..w.0].trim().is_empty() && !matches!(w.2, "to" | "and" | "of")
        });
        let near =
            gap.len() <= AFTER_ACTOR_REACH && !self.text[m.end..fig.start].contains([',', ';']);
        (verb_next && near).then_some(m)
    }

    /// Does an object pronoun lie between a clause's subject and its
    /// figure ("named it winner in five categories", "stretched him for
    /// five sets")? "him", "them", "me", "us", and "it" after a verb
    /// that is not followed by one ("said it would" has "it" as subject).
    pub(super) fn object_pronoun_between(&self, from: usize, to: usize) -> bool {
        let words = self.words(from..to);
        // Written in lower case: "US$42m" holds no "us".
        let lower =
            |w: &super::words::Word<'_>| self.text[w.0..w.1].starts_with(char::is_lowercase);
        words
            .iter()
            .enumerate()
            .filter(|(_, w)| lower(w))
            .any(|(i, w)| match w.2 {
                "him" | "them" | "me" | "us" => true,
                "it" => {
                    let after_verb = i > 0
                        && !matches!(
                            words[i - 1].2,
                            "that" | "and" | "but" | "because" | "if" | "when" | "as" | "so"
                        )
                        && !words[i - 1].2.ends_with("'s");
                    let subject_of_next = words.get(i + 1).is_some_and(|n| self.is_finite_verb(n));
                    after_verb && !subject_of_next && !self.text[words[i - 1].1..w.0].contains(',')
                }
                _ => false,
            })
    }

    /// "a £5m offer for Ferguson from Everton": the name after "from" that
    /// follows a bid noun right after the figure.
    pub(super) fn bidder(
        &self,
        sides: &Sides<'_, '_, '_>,
        fig: Range<usize>,
        hi: usize,
    ) -> Option<EntityMention> {
        // `fig.end..hi` is the clause after the figure.
        let words = sides.after();
        if !words
            .first()
            .is_some_and(|w| self.cues.bid_nouns.contains(w.2))
        {
            return None;
        }
        let k = words
            .iter()
            .take(BIDDER_REACH)
            .position(|w| w.2 == "from")?;
        if self.text[fig.end..words[k].0].contains([',', ';', '(']) {
            return None;
        }
        let m = *self.mentions.within(words[k].1..hi).next()?;
        let lead = self.words(words[k].1..m.start);
        matches!(lead.as_slice(), [] | [(_, _, "the", _)]).then_some(m)
    }

    /// "a nine-day session next month of the U.N. committee", "500
    /// employees of Acme": the name after "of" (or "of the") within a few
    /// lower-case words of the figure.
    pub(super) fn owner_after_of(&self, fig: Range<usize>, hi: usize) -> Option<EntityMention> {
        let m = *self.mentions.within(fig.end..hi).next()?;
        if self.text[fig.end..m.start].contains([',', ';', '(', '<']) {
            return None;
        }
        let lead = self.words(fig.end..m.start);
        let of_at = match lead.as_slice() {
            [.., of, the] if of.2 == "of" && the.2 == "the" => lead.len() - 2,
            [.., of] if of.2 == "of" => lead.len() - 1,
            _ => return None,
        };
        let lower = lead[..of_at].iter().all(|w| {
            self.text[w.0..w.1]
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
                && !matches!(
                    w.2,
                    "in" | "on" | "at" | "for" | "from" | "to" | "with" | "by"
                )
        });
        ((1..=4).contains(&of_at) && lower).then_some(m)
    }

    /// "of the region's total population of 25.85 million", "the company's
    /// 4,000 workers", "its 56,500 employees": the entity a possessive
    /// description or "its" shortly before the figure stands for.
    pub(super) fn described_owner(
        &self,
        sides: &Sides<'_, '_, '_>,
        fig: Range<usize>,
    ) -> Option<EntityMention> {
        // The clause before the figure.
        let words = sides.before();
        let near = &words[words.len().saturating_sub(OWNER_REACH)..];
        if self.text[near.first()?.0..fig.start].contains([',', ';']) {
            return None;
        }
        for (k, w) in near.iter().enumerate().rev() {
            let stem = w.2.strip_suffix("'s").or_else(|| w.2.strip_suffix("’s"));
            let the = k > 0 && near[k - 1].2 == "the";
            if let (Some(head), true) = (stem, the) {
                if self.cues.place_heads.contains(head) {
                    return self.nearest_in_sentence(w.0, true, |k| k == EntityType::Place);
                }
                if self.cues.organization_heads.contains(head) {
                    return self.nearest_in_sentence(w.0, true, |k| k == EntityType::Organization);
                }
            }
            if w.2 == "its" {
                return self.nearest_in_sentence(w.0, false, |k| k != EntityType::Person);
            }
        }
        None
    }

    /// "40 pct of the channel's equity", "a fifth of the company's shares":
    /// right after the figure, "of the X's" stands for the place or
    /// organization named before it.
    pub(super) fn described_owner_after(
        &self,
        sides: &Sides<'_, '_, '_>,
        fig: Range<usize>,
    ) -> Option<EntityMention> {
        // The clause after the figure.
        let words = sides.after();
        let [of, the, owner, ..] = words else {
            return None;
        };
        if of.2 != "of" || the.2 != "the" || self.text[fig.end..owner.0].contains([',', ';']) {
            return None;
        }
        let head = owner
            .2
            .strip_suffix("'s")
            .or_else(|| owner.2.strip_suffix("’s"))?;
        if self.cues.place_heads.contains(head) {
            return self.nearest_in_sentence(fig.start, false, |k| k == EntityType::Place);
        }
        if self.cues.organization_heads.contains(head) {
            return self.nearest_in_sentence(fig.start, false, |k| k == EntityType::Organization);
        }
        None
    }

    /// The nearest mention of a kind `wanted` takes before `at` in its
    /// sentence, outside quotations; with `later`, else the first after it
    /// ("of the region's population of 25.85 million, minorities in
    /// Xinjiang …").
    fn nearest_in_sentence(
        &self,
        at: usize,
        later: bool,
        wanted: impl Fn(EntityType) -> bool,
    ) -> Option<EntityMention> {
        let s = self.doc.sentence_span(at);
        let ok = |m: &&EntityMention| wanted(m.kind) && !self.passages.contains(m.start);
        let before = self.mentions.within(s.start.min(at)..at).filter(ok).last();
        let after = || self.mentions.within(at..s.end.max(at)).find(ok);
        before.or_else(|| after().filter(|_| later)).copied()
    }
}
