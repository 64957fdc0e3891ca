//! Noun phrases next to an attribution verb, and whom they name: the
//! subject before the verb ("Li Wei, an expert at X, told"), after it ("…,”
//! said Li Wei", "according to X") or inside "quoted X as saying".
//!
//! A phrase names a [`Referent`]: a mentioned entity, a pronoun or "the
//! lawmaker" (resolved later against the sentences before, in `speakers`),
//! a document (its author), several people, or nobody in particular.

use std::ops::Range;

use super::attributor::Attributor;
use super::authors::names_a_document;
use super::verbs::AttributionVerb;
use crate::lexicon::mark;
use crate::record::EntityType;

/// Who a noun phrase next to an attribution verb names.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Referent {
    /// A named entity; `human` when it is a person or a person's role in it.
    Named { entity: usize, human: bool },
    /// "he", "she" (human) or "it".
    Pronoun { human: bool },
    /// "the lawmaker", "the company", "the 28-year-old": someone named
    /// before; `start..end` are the words after "the".
    Anaphor {
        human: bool,
        start: usize,
        end: usize,
    },
    /// "they", "we", "Smith and Jones": no single source.
    Plural,
    /// "the report": its author, when the article names one.
    Document(Option<usize>),
    /// "analysts", "an Afghan journalist", "officials".
    Unnamed,
    /// The verb comes before its subject ("…,” said Smith").
    Inverted,
}

impl Attributor<'_, '_> {
    /// Whom the subject of verb `v` names, reading no further back than
    /// `lo` and no further on than `hi`.
    pub(super) fn referent_of_verb(&self, v: &AttributionVerb, lo: usize, hi: usize) -> Referent {
        if v.word == "according" {
            return self.subject_after_verb(v.end, hi);
        }
        if v.word == "quoted" {
            let rest = &self.doc.folded[v.end..hi];
            if let Some(k) = rest.find(" as saying") {
                return self.noun_phrase_referent(v.end..v.end + k, false);
            }
        }
        match self.subject_before_verb(lo, v.start) {
            // "told X" names the listener, never the speaker.
            Referent::Inverted if matches!(v.word, "told" | "tells") => Referent::Unnamed,
            // "Noting that …, Pincavage sees …": a leading participle's
            // subject is the main clause's.
            Referent::Inverted
                if v.word.ends_with("ing") && self.text[lo..v.start].trim().is_empty() =>
            {
                self.main_clause_subject(v.end, hi)
            }
            Referent::Inverted => self.subject_after_verb(v.end, hi),
            Referent::Unnamed => self
                .company_spokesmen(lo, v, hi)
                .unwrap_or(Referent::Unnamed),
            w => w,
        }
    }

    /// "Company spokesmen said Autolatina, which …": spokesmen or officials
    /// of "the company" unnamed before the verb speak for the organization
    /// their words are about, named right after the verb; else for the
    /// organization the article named before.
    fn company_spokesmen(&self, lo: usize, v: &AttributionVerb, hi: usize) -> Option<Referent> {
        let words = self.words(lo..v.start);
        let [.., owner, role] = words.as_slice() else {
            return None;
        };
        let owner_noun = self.cues.spokesmen_owners.contains(owner.2);
        let role_noun = self.cues.spokesmen_nouns.contains(role.2);
        if !(owner_noun && role_noun) {
            return None;
        }
        let named_after = self
            .mentions
            .within(v.end..hi)
            .next()
            .filter(|m| m.kind == EntityType::Organization)
            .filter(|m| {
                let lead = self.words(v.end..m.start);
                lead.is_empty() || (lead.len() == 1 && lead[0].2 == "that")
            });
        if let Some(m) = named_after {
            return Some(Referent::Named {
                entity: m.entity,
                human: false,
            });
        }
        Some(Referent::Anaphor {
            human: false,
            start: owner.0,
            end: owner.1,
        })
    }

    /// The subject of the main clause after a leading participial phrase
    /// that starts at `from` ("Noting that X earned $85m, Jane Roe sees
    /// …"): the first name that opens a stretch after one of its commas.
    fn main_clause_subject(&self, from: usize, hi: usize) -> Referent {
        let rest = &self.text[from..hi];
        for (k, _) in rest.match_indices(',') {
            let at = from + k + 1;
            if self.passages.contains(at) {
                continue;
            }
            let Some(m) = self.mentions.within(at..hi).next() else {
                break;
            };
            let lead = self.words(at..m.start);
            let opens = lead.is_empty() || (lead.len() == 1 && lead[0].2 == "the");
            if opens && m.kind != EntityType::Place {
                return Referent::Named {
                    entity: m.entity,
                    human: m.kind == EntityType::Person,
                };
            }
        }
        Referent::Unnamed
    }

    /// The subject before a verb at `v`, looking no further back than `lo`.
    fn subject_before_verb(&self, lo: usize, v: usize) -> Referent {
        if lo >= v {
            return Referent::Inverted;
        }
        // Drop adverbs and auxiliaries right before the verb.
        let mut end = v;
        for &(ws, _, w, marks) in self.words(lo..v).iter().rev() {
            if marks & mark::SKIP_BEFORE_VERB != 0 && self.text[ws..end].trim().len() == w.len() {
                end = ws;
            } else {
                break;
            }
        }
        let span = &self.text[lo..end];
        // Byte index of the last separator and the index just past it (the
        // dashes are three bytes long).
        let last_sep = span
            .char_indices()
            .rev()
            .find(|&(_, ch)| matches!(ch, ',' | ';' | ':' | '(' | '—' | '–'));
        let last_comma = last_sep.map(|(i, _)| i);
        let seg_start = last_sep.map_or(lo, |(i, ch)| lo + i + ch.len_utf8());
        let seg = &self.text[seg_start..end];
        if seg.chars().any(char::is_alphanumeric) {
            let referent = self.noun_phrase_referent(seg_start..end, true);
            // "Jane Roe, founder of X - a firm - believes": a lower-case
            // apposition after a person's name leaves the person the subject.
            let apposition = seg
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
                && matches!(
                    referent,
                    Referent::Unnamed | Referent::Named { human: true, .. }
                );
            if let (true, Some(c)) = (apposition, last_comma) {
                let head_end = lo + self.text[lo..lo + c].trim_end().len();
                let person = self
                    .mentions
                    .ending_at(head_end, |m| m.kind == EntityType::Person);
                if let Some(m) = person {
                    return Referent::Named {
                        entity: m.entity,
                        human: true,
                    };
                }
            }
            return referent;
        }
        // The verb follows a comma: "X, an expert at Y, told" (an
        // apposition) or "…, said X" (inverted).
        let Some(c) = last_comma else {
            return Referent::Inverted;
        };
        self.apposition_head(lo, c)
    }

    /// The head of "X, an expert at Y," ending at the comma `lo + c`, or
    /// `Inverted` when the comma does not close an apposition.
    fn apposition_head(&self, lo: usize, c: usize) -> Referent {
        let before = &self.text[lo..lo + c];
        let Some(c2) = before.rfind(',') else {
            // "…," director Jane Roe at Acme <ACM>, told Reuters": the
            // whole phrase before the comma is the subject when it names
            // a person.
            let persons = self
                .mentions
                .within(lo..lo + c)
                .filter(|m| m.kind == EntityType::Person)
                .last()
                .copied();
            return match persons {
                Some(p) => Referent::Named {
                    entity: p.entity,
                    human: true,
                },
                None => Referent::Inverted,
            };
        };
        let appos = before[c2 + 1..].trim_start();
        // "Their president, Jane Roe, says": the apposition is the name.
        let appos_start = lo + c2 + 1 + (before[c2 + 1..].len() - appos.len());
        let appos_end = lo + before.trim_end().len();
        if let Some(m) = self
            .mentions
            .within(appos_start..appos_end)
            .find(|m| m.start == appos_start && m.end == appos_end && m.kind == EntityType::Person)
        {
            return Referent::Named {
                entity: m.entity,
                human: true,
            };
        }
        let lowercase_start = appos
            .chars()
            .next()
            .is_some_and(|ch| ch.is_lowercase() || ch.is_numeric());
        if !lowercase_start {
            return Referent::Inverted;
        }
        let head_end = lo + before[..c2].trim_end().len();
        if let Some(m) = self
            .mentions
            .ending_at(head_end, |m| m.kind != EntityType::Place)
        {
            return Referent::Named {
                entity: m.entity,
                human: m.kind == EntityType::Person,
            };
        }
        // "Jane Roe, an analyst, said": a capitalised head is a name even
        // when no entity was found for it.
        let head_start = before[..c2].rfind(',').map_or(lo, |k| lo + k + 1);
        let head_word = self.text[head_start..head_end]
            .split_whitespace()
            .next_back()
            .unwrap_or("");
        if head_word.chars().next().is_some_and(char::is_uppercase) {
            return self.noun_phrase_referent(head_start..head_end, true);
        }
        Referent::Inverted
    }

    /// The subject after an inverted verb: up to the next comma or stop.
    fn subject_after_verb(&self, from: usize, hi: usize) -> Referent {
        let rest = &self.text[from..hi];
        let stop = rest
            .find([',', ';', '.', ':', '(', '“', '”', '"', '—', '–'])
            .unwrap_or(rest.len());
        let mut end = from + stop;
        // "said X on Tuesday", "said X in a statement".
        if let Some(k) = self.doc.folded[from..end].find(" in a ") {
            end = from + k;
        }
        if from >= end {
            return Referent::Unnamed;
        }
        let referent = self.noun_phrase_referent(from..end, false);
        if referent != Referent::Unnamed {
            return referent;
        }
        // "said Donaldson, Lufkin and Jenrette Inc analyst Jane Roe.": a
        // firm's name with commas before the person's; the person ends the
        // sentence.
        let tail_end = from
            + rest
                .find(['.', ';', ':', '“', '”', '"', '\n'])
                .unwrap_or(rest.len());
        let last_person = self
            .mentions
            .within(from..tail_end)
            .filter(|m| m.kind == EntityType::Person)
            .last()
            .copied();
        match last_person {
            Some(p) if self.text[p.end..tail_end].trim().is_empty() => Referent::Named {
                entity: p.entity,
                human: true,
            },
            _ => referent,
        }
    }

    /// Whom the noun phrase `r` names. `before` says the phrase precedes
    /// its verb, so its last word (and last person) is the head.
    pub(super) fn noun_phrase_referent(&self, r: Range<usize>, before: bool) -> Referent {
        let words = self.words(r.clone());
        if words.is_empty() {
            return Referent::Unnamed;
        }
        let edge = if before {
            words.last().map(|w| w.2)
        } else {
            words.first().map(|w| w.2)
        };
        match edge {
            Some("he" | "she") => return Referent::Pronoun { human: true },
            Some("it") => return Referent::Pronoun { human: false },
            Some("they" | "we" | "i" | "you" | "who" | "which") => return Referent::Plural,
            _ => {}
        }
        // The phrase's mentions, read in place (a phrase is short; no list
        // is collected per verb).
        let ms = || self.mentions.within(r.clone());
        let (mut first_person, mut last_person, mut persons) = (None, None, 0);
        for m in ms().filter(|m| m.kind == EntityType::Person) {
            first_person = first_person.or(Some(m));
            last_person = Some(m);
            persons += 1;
        }
        if persons >= 2 && words.iter().any(|w| w.2 == "and") {
            return Referent::Plural;
        }
        let person = if before { last_person } else { first_person };
        if let Some(p) = person {
            return Referent::Named {
                entity: p.entity,
                human: true,
            };
        }
        let is_doc = names_a_document(&self.doc.folded[r.clone()], self.cues);
        let first_org = ms().find(|m| m.kind == EntityType::Organization);
        if is_doc {
            return match first_org {
                Some(o) => Referent::Named {
                    entity: o.entity,
                    human: false,
                },
                None => Referent::Document(self.author_at(r.start)),
            };
        }
        if let Some(o) = first_org {
            // "a spokesman for the LSE", "the President of the WUC": a
            // person's role in the organization.
            let lead = words
                .iter()
                .take_while(|w| w.1 <= o.start)
                .filter(|w| !matches!(w.2, "the" | "a" | "an"))
                .count();
            return Referent::Named {
                entity: o.entity,
                human: lead > 0,
            };
        }
        let non_place_words = words
            .iter()
            .filter(|w| {
                !matches!(w.2, "the")
                    && !ms().any(|m| m.kind == EntityType::Place && m.start <= w.0 && w.1 <= m.end)
            })
            .count();
        if let (Some(p), 0) = (ms().next(), non_place_words) {
            return Referent::Named {
                entity: p.entity,
                human: false,
            };
        }
        self.description(&words).unwrap_or(Referent::Unnamed)
    }

    /// "the striker", "the chief executive", "the 28-year-old", "the
    /// council's spokesperson": a description of someone named before (a
    /// role in an organization stands for the organization).
    fn description(&self, words: &[super::words::Word<'_>]) -> Option<Referent> {
        if words.first()?.2 != "the" || words.len() < 2 {
            return None;
        }
        let lower = |w: &super::words::Word<'_>| {
            let written = &self.text[w.0..w.1];
            written
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
        };
        let mut end = 1;
        while end < words.len() && end <= 4 && lower(&words[end]) {
            let w = words[end].2;
            end += 1;
            if w.ends_with("'s") || w.ends_with("’s") {
                // "the council's spokesperson": the organization.
                let stem = words[end - 1].1 - if w.ends_with("'s") { 2 } else { 4 };
                return Some(Referent::Anaphor {
                    human: false,
                    start: words[1].0,
                    end: stem,
                });
            }
        }
        if end != words.len() {
            return None;
        }
        let head = words[end - 1].2;
        Some(Referent::Anaphor {
            human: !self.cues.thing_heads.contains(head),
            start: words[1].0,
            end: words[end - 1].1,
        })
    }
}
