//! Speakers: each sentence's attribution, pronoun resolution, and the
//! speaker of each quote.
//!
//! A sentence's opening subject and the attribution its verbs give
//! (`sentence_facts` keeps them) resolve "he", "she", "it" and "the
//! lawmaker" against the sentences before. A
//! quote's speaker is read from its own sentences, else from an
//! introducing "X said:" sentence, else from the quote it continues.

use std::ops::Range;

use super::attributor::Attributor;
use super::quotes::{is_quotation, QuotedPassage};
use super::referents::Referent;
use crate::record::EntityType;

/// Sentences back that a pronoun may reach for its antecedent.
pub(super) const PRONOUN_REACH: usize = 5;

/// The attribution of one sentence or quote, once pronouns are resolved.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Attribution {
    /// The entity that said it, when known.
    pub(super) entity: Option<usize>,
    /// Said by a person (not an organization or a document); pronouns
    /// match on it.
    pub(super) human: bool,
}

/// A quoted passage kept as a quote, with its speaker.
#[derive(Clone, Copy, Debug)]
pub(super) struct SpokenQuote {
    /// Index of the passage in [`Attributor::passages`].
    pub(super) passage: usize,
    pub(super) speaker: Option<Attribution>,
}

impl Attributor<'_, '_> {
    /// "House Speaker Jim Wright has called for a tax to raise the $20bn he
    /// estimates is needed": a pronoun well inside the sentence, after its
    /// named opening subject of the same kind, refers to that subject.
    pub(super) fn same_sentence_antecedent(
        &self,
        referent: Referent,
        s_start: usize,
        verb: usize,
        si: usize,
    ) -> Option<Attribution> {
        let Referent::Pronoun { human } = referent else {
            return None;
        };
        let opening = self.opening_subject(si)?;
        // Named in the narrative, not inside a quotation it tags (the
        // mentions and words read only for an opening of the same kind).
        let named_before = || {
            self.mentions
                .within(s_start..verb)
                .any(|m| Some(m.entity) == opening.entity && !self.passages.contains(m.start))
        };
        let inside = || self.words(s_start..verb).len() > 3;
        (opening.human == human && named_before() && inside()).then_some(opening)
    }

    /// The entity that opens sentence `s`, when only a role or title
    /// precedes it.
    pub(super) fn opening_subject_of(&self, s: Range<usize>) -> Option<Attribution> {
        // "But the official dismissed …" after "an administration official
        // said": someone the article never named, so a later "he" must not
        // reach past them.
        if let Some(desc) = self.person_description(s.clone()) {
            if self.resolve_description(desc, true) == Some(None) {
                return Some(Attribution {
                    entity: None,
                    human: true,
                });
            }
        }
        let Some(m) = self.mentions.within(s.clone()).next() else {
            return self.unknown_name_subject(s);
        };
        if m.start > s.start && self.unknown_name_subject(s.start..m.start).is_some() {
            return self.unknown_name_subject(s);
        }
        // Only a role or title may precede it ("Conservative shadow home
        // secretary David Davis was …").
        let prefix = &self.text[s.start..m.start];
        let ok = prefix.split_whitespace().count() <= 5
            && !prefix.contains([',', ';', ':'])
            && self.first_verb(s.start..m.start, |_| true).is_none();
        if !ok {
            return None;
        }
        // "Celtic manager Martin O'Neill is …", "Hull coach Jane Doe": a
        // club or firm naming the person's role; the person is the subject.
        if m.kind != EntityType::Person {
            let person = self
                .mentions
                .within(m.end..s.end)
                .next()
                .filter(|p| p.kind == EntityType::Person)
                .filter(|p| {
                    let between = self.words(m.end..p.start);
                    between.len() <= 3
                        && !self.text[m.end..p.start].contains([',', ';', ':'])
                        && between.iter().all(|w| {
                            self.text[w.0..w.1]
                                .chars()
                                .next()
                                .is_some_and(char::is_lowercase)
                        })
                });
            if let Some(p) = person {
                return Some(Attribution {
                    entity: Some(p.entity),
                    human: true,
                });
            }
        }
        if m.kind == EntityType::Place {
            return None;
        }
        Some(Attribution {
            entity: Some(m.entity),
            human: m.kind == EntityType::Person,
        })
    }

    /// A sentence opening with a capitalised name that no entity covers,
    /// followed by a comma ("Jane Roe, from …, said"): someone new, so a
    /// later "she" must not reach past it.
    fn unknown_name_subject(&self, s: Range<usize>) -> Option<Attribution> {
        let head = &self.text[s.clone()];
        let comma = head.find(',')?;
        let words: Vec<&str> = head[..comma].split_whitespace().collect();
        let name_like = (2..=3).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        (name_like
            && self
                .mentions
                .within(s.start..s.start + comma)
                .next()
                .is_none())
        .then_some(Attribution {
            entity: None,
            human: true,
        })
    }

    /// Turn a referent into an attribution at sentence `si`: a description
    /// ("the striker") takes the entity the article introduced with it (see
    /// `descriptions`); pronouns, and descriptions it cannot place, take the
    /// nearest earlier attribution or subject of the same kind (person or
    /// not), within [`PRONOUN_REACH`] sentences.
    pub(super) fn resolve(&self, referent: Referent, si: usize) -> Attribution {
        match referent {
            Referent::Named { entity, human } => Attribution {
                entity: Some(entity),
                human,
            },
            Referent::Anaphor { human, start, end } => {
                match self.resolve_description(start..end, human) {
                    Some(entity) => Attribution { entity, human },
                    None => self.nearest_earlier(si, human, true),
                }
            }
            Referent::Pronoun { human } => self.nearest_earlier(si, human, false),
            Referent::Document(author) => Attribution {
                entity: author,
                human: false,
            },
            Referent::Plural | Referent::Unnamed | Referent::Inverted => Attribution {
                entity: None,
                human: true,
            },
        }
    }

    /// The nearest earlier attribution or subject of the same kind (person
    /// or not) within [`PRONOUN_REACH`] sentences of sentence `si`;
    /// `named` skips those that name nobody.
    fn nearest_earlier(&self, si: usize, human: bool, named: bool) -> Attribution {
        let lo = si.saturating_sub(PRONOUN_REACH);
        for j in (lo..si).rev() {
            // Of its attribution and its opening subject, those of the kind
            // asked for: the first naming someone, else the first. (The
            // opening subject is read only when the attribution names
            // nobody of the kind.)
            let attribution = self.attribution(j).filter(|a| a.human == human);
            if let Some(a) = attribution.filter(|a| a.entity.is_some()) {
                return Attribution {
                    entity: a.entity,
                    human,
                };
            }
            // A name opening a sentence inside a quotation is someone the
            // speaker talks about, not a subject of the narrative.
            let quoted = self
                .mentions
                .within(self.doc.sentences[j].clone())
                .next()
                .is_some_and(|m| self.passages.contains(m.start));
            let opening = if quoted {
                None
            } else {
                self.opening_subject(j).filter(|a| a.human == human)
            };
            // A sentence whose verb's subject is unclear may still open
            // with the name ("Jane Roe, chief of X - a firm - believes").
            let pick = opening
                .filter(|a| a.entity.is_some())
                .or_else(|| attribution.or(opening).filter(|_| !named));
            if let Some(a) = pick {
                return Attribution {
                    entity: a.entity,
                    human,
                };
            }
        }
        Attribution {
            entity: None,
            human,
        }
    }

    /// [`nearest_earlier`](Self::nearest_earlier) as it was before it read
    /// the opening subject only when needed: the oracle of its test.
    #[cfg(test)]
    fn nearest_earlier_collected(&self, si: usize, human: bool, named: bool) -> Attribution {
        let lo = si.saturating_sub(PRONOUN_REACH);
        for j in (lo..si).rev() {
            let quoted = self
                .mentions
                .within(self.doc.sentences[j].clone())
                .next()
                .is_some_and(|m| self.passages.contains(m.start));
            let opening = self.opening_subject(j).filter(|_| !quoted);
            let of_kind: Vec<Attribution> = [self.attribution(j), opening]
                .into_iter()
                .flatten()
                .filter(|a| a.human == human)
                .collect();
            let pick = of_kind
                .iter()
                .find(|a| a.entity.is_some())
                .or_else(|| of_kind.first().filter(|_| !named));
            if let Some(a) = pick {
                return Attribution {
                    entity: a.entity,
                    human,
                };
            }
        }
        Attribution {
            entity: None,
            human,
        }
    }

    /// The passages that are quotes, with their speakers, in reading order
    /// (a speaker may come from the quote just before).
    pub(super) fn quotes_with_speakers(&self) -> Vec<SpokenQuote> {
        let passages = self.passages.all();
        let mut kept: Vec<SpokenQuote> = Vec::new();
        for (qi, q) in passages.iter().enumerate() {
            if !is_quotation(self.doc, q, self.verbs, self.cues) {
                continue;
            }
            let prev = kept.last().map(|k| (&passages[k.passage], k.speaker));
            let speaker = self.quote_speaker(q, prev);
            kept.push(SpokenQuote {
                passage: qi,
                speaker,
            });
        }
        kept
    }

    /// The speaker of a quote: attribution in its own sentence(s), else an
    /// introducing sentence ending with a colon, else the speaker of the
    /// quote it directly continues.
    fn quote_speaker(
        &self,
        q: &QuotedPassage,
        prev: Option<(&QuotedPassage, Option<Attribution>)>,
    ) -> Option<Attribution> {
        let s_open = self.doc.sentence_index(q.open);
        self.speaker_in_own_sentences(q, s_open)
            .or_else(|| self.speaker_from_context(q, s_open, prev))
    }

    /// An attribution verb tagging quote `q` in its own sentence(s), after
    /// the quote or before it (before first when the quote starts in
    /// lower case, as the rest of a sentence).
    fn speaker_in_own_sentences(&self, q: &QuotedPassage, s_open: usize) -> Option<Attribution> {
        let s_close = self
            .doc
            .sentence_index(q.close_end.saturating_sub(1).max(q.open));
        let sent_lo = self
            .doc
            .sentences
            .get(s_open)
            .map_or(0, |s| s.start)
            .min(q.open);
        let sent_hi = self
            .doc
            .sentences
            .get(s_close)
            .map_or(self.text.len(), |s| s.end)
            .max(q.close_end);
        // The text after the quote, up to the next quoted passage.
        let next_open = self
            .passages
            .next_open(q.close_end)
            .filter(|&o| o < sent_hi)
            .unwrap_or(sent_hi);
        let after = || -> Option<Attribution> {
            let v = self.first_verb(q.close_end..next_open, |v| v.tags_quote)?;
            let referent = self.referent_of_verb(&v, q.close_end, next_open);
            Some(self.resolve(referent, s_close))
        };
        let before = || -> Option<Attribution> {
            if q.open <= sent_lo {
                return None;
            }
            let v = self.last_verb(sent_lo..q.open, |v| v.tags_quote)?;
            let lo = self.passages.clause_start(sent_lo, v.start);
            let referent = self.referent_of_verb(&v, lo, q.open);
            Some(self.resolve(referent, s_open))
        };
        let starts_lower = self.text[q.inner.clone()]
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_lowercase);
        // "Jane Roe echoed those sentiments: "…"": the person who opens a
        // sentence that introduces the quote with a colon.
        let colon_intro = || -> Option<Attribution> {
            let head = self.text[sent_lo..q.open].trim_end();
            if q.open <= sent_lo || !head.ends_with(':') {
                return None;
            }
            self.opening_subject(s_open)
                .filter(|a| a.human && a.entity.is_some())
        };
        if starts_lower {
            before().or_else(after).or_else(colon_intro)
        } else {
            after().or_else(before).or_else(colon_intro)
        }
    }

    /// "But despite his defeat, the world number 14 was pleased …": the
    /// person a sentence's described subject ("the" + a few lower-case
    /// words + a verb, after at most a short leading phrase) stands for.
    fn described_subject(&self, s: Range<usize>, si: usize) -> Option<Attribution> {
        let desc = self.person_description(s)?;
        let referent = Referent::Anaphor {
            human: true,
            start: desc.start,
            end: desc.end,
        };
        Some(self.resolve(referent, si)).filter(|a| a.entity.is_some())
    }

    /// The words after "the" of a sentence's subject that describes a
    /// person by role, rank or age ("the striker", "the world number 14",
    /// "the 28-year-old"), after at most a short leading phrase or "but".
    fn person_description(&self, s: Range<usize>) -> Option<Range<usize>> {
        let words = self.words(s);
        let lead_comma = words
            .iter()
            .take(7)
            .position(|w| self.text[w.1..].starts_with(','));
        let mut k = lead_comma.map_or(0, |c| c + 1);
        if words
            .get(k)
            .is_some_and(|w| matches!(w.2, "but" | "and" | "yet"))
        {
            k += 1;
        }
        if words.get(k)?.2 != "the" {
            return None;
        }
        let lower = |w: &super::words::Word<'_>| {
            self.text[w.0..w.1]
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
        };
        let mut j = k + 1;
        while j < words.len() && j - k <= 4 && lower(&words[j]) && !self.is_finite_verb(&words[j]) {
            j += 1;
        }
        let verb = words.get(j)?;
        if j == k + 1 || !self.is_finite_verb(verb) || self.text[words[k].0..verb.0].contains(',') {
            return None;
        }
        // Not "the weather".
        let head = words[j - 1].2;
        let person_like = self.cues.person_roles.contains(head)
            || words[k + 1..j]
                .iter()
                .any(|w| w.2.chars().any(|c| c.is_ascii_digit()));
        if self.cues.thing_heads.contains(head) || !person_like {
            return None;
        }
        Some(words[k + 1].0..words[j - 1].1)
    }

    /// The speaker of a quote with no attribution of its own, from the
    /// sentence before (s_open - 1) or the quote before (`prev`).
    fn speaker_from_context(
        &self,
        q: &QuotedPassage,
        s_open: usize,
        prev: Option<(&QuotedPassage, Option<Attribution>)>,
    ) -> Option<Attribution> {
        // "X said:" in the sentence before.
        if s_open > 0 {
            if let Some(prev_sent) = self.doc.sentences.get(s_open - 1) {
                if self.text[prev_sent.clone()].trim_end().ends_with(':') {
                    if let Some(a) = self.attribution(s_open - 1) {
                        return Some(a);
                    }
                }
            }
        }
        // A quote with no attribution of its own, right after a sentence
        // of the same paragraph that reports a named person's words (or
        // whose subject describes one: "the world number 14 was pleased"),
        // or opening the paragraph after one that ends so.
        if s_open > 0 {
            let prev_sent = self.doc.sentences.get(s_open - 1);
            let said = prev_sent.and_then(|p| {
                self.attribution(s_open - 1)
                    .or_else(|| self.described_subject(p.clone(), s_open - 1))
            });
            if let (Some(prev_sent), Some(a)) = (prev_sent, said) {
                let gap = &self.text[prev_sent.end..q.open.max(prev_sent.end)];
                let same_par = !gap.contains('\n') || gap.trim().is_empty();
                let continues = prev.is_some_and(|(p, _)| p.close_end > prev_sent.start);
                if same_par && !continues && a.human && a.entity.is_some() {
                    return Some(a);
                }
            }
        }
        // A quote that directly continues the one before it, in its
        // paragraph or opening the next one ("…,” Federer said.\n\n“That
        // took me …").
        if let Some((p, sp)) = prev {
            let between = self.text.get(p.close_end..q.open).unwrap_or("");
            let p_sent = self.doc.sentence_index(p.close_end.saturating_sub(1));
            let opens_paragraph = between.matches("\n\n").count() == 1
                && between
                    .rsplit("\n\n")
                    .next()
                    .is_some_and(|t| t.trim().is_empty());
            let adjacent = p_sent + 1 >= s_open && (!between.contains("\n\n") || opens_paragraph);
            let gap_ok = between.chars().filter(|c| *c == '\n').count() <= 2;
            if adjacent && gap_ok {
                return sp;
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::attributor::Attributor;
    use crate::lexicon::Lexicon;
    use crate::text::Doc;
    use crate::{Article, Extractor};

    /// The nearest earlier attribution is the one the old collecting code
    /// (the oracle) picks, for every sentence, kind and `named` of the
    /// fixture and development texts with their entities.
    #[test]
    fn nearest_earlier_picks_what_the_collected_list_picked() {
        let x = Extractor::new();
        let lex = Lexicon::embedded();
        let mut named = 0;
        for text in crate::text::test_corpus::texts() {
            let record = x.extract(&Article::new("a", text.clone())).unwrap();
            let doc = Doc::new(&text, false);
            let attributor = Attributor::new(&doc, &record.entities, lex);
            for si in 0..doc.sentences.len() {
                for human in [false, true] {
                    for only_named in [false, true] {
                        let got = attributor.nearest_earlier(si, human, only_named);
                        let want = attributor.nearest_earlier_collected(si, human, only_named);
                        assert_eq!(got, want, "sentence {si}");
                        named += usize::from(got.entity.is_some());
                    }
                }
            }
        }
        assert!(named > 1000, "{named} found");
    }
}
