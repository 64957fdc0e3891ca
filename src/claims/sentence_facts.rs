//! Each sentence's attribution and opening subject, worked out on first use.
//!
//! Only the sentences of a figure or a quote (and those their pronouns look
//! back to) are asked about, so a sentence nobody asks about costs nothing.
//! A sentence's attribution may depend on the sentences before it (a
//! pronoun takes the nearest earlier attribution, looking back only as far
//! as it needs): each is worked out when first asked, the earlier ones it
//! reads in turn, so the answers are those of one pass over every sentence
//! in order. Past [`MAX_DEPTH`] nested askings, the chain it may depend on
//! is worked out in reading order instead, without recursion.

use std::cell::{Cell, OnceCell};

use super::attributor::Attributor;
use super::clauses::dateline_len;
use super::hedging::hedges;
use super::referents::Referent;
use super::speakers::{Attribution, PRONOUN_REACH};
use super::verbs::AttributionVerb;

/// What is known about each sentence so far: one [`Facts`] per sentence,
/// in one allocation (an article's sentences are many and most are never
/// asked about, so eight vectors cost more to make and drop than the cells).
pub(super) struct SentenceFacts(Vec<Facts>, Cell<usize>);

/// How many attributions may be worked out one inside another (each reads
/// the attributions before it that a pronoun reaches) before the chain is
/// worked out in reading order instead (a long article of "he said"
/// sentences would recurse once per sentence).
const MAX_DEPTH: usize = 32;

/// What is known about one sentence so far.
#[derive(Default)]
struct Facts {
    /// The entity that opens it (its likely subject).
    opening: OnceCell<Option<Attribution>>,
    /// Its attribution verbs, read by its attribution and by the sources
    /// of its figures.
    verbs: OnceCell<Vec<AttributionVerb>>,
    /// Its hedges (see `hedging::hedges`), read by each of its figures.
    hedges: OnceCell<Vec<(usize, bool)>>,
    /// Its words that open a clause, read by each of its figures'
    /// subjects.
    openers: OnceCell<Vec<(usize, usize)>>,
    /// Each attribution verb's start and whom its subject names, before
    /// pronouns are resolved.
    referents: OnceCell<Vec<(usize, Referent)>>,
    /// Its attribution, if it has an attribution verb.
    attribution: OnceCell<Option<Attribution>>,
    /// The length of its dateline, read by each of its figures' clauses.
    dateline: OnceCell<usize>,
    /// Does it hold a semicolon (which ends what a verb covers)? Read by
    /// each of its figures' sources.
    semicolon: OnceCell<bool>,
}

impl SentenceFacts {
    /// Nothing known yet about `n` sentences.
    pub(super) fn new(n: usize) -> SentenceFacts {
        SentenceFacts((0..n).map(|_| Facts::default()).collect(), Cell::new(0))
    }
}

impl Attributor<'_, '_> {
    /// The entity that opens sentence `i`, when only a role or title
    /// precedes it (`None` past the last sentence).
    pub(super) fn opening_subject(&self, i: usize) -> Option<Attribution> {
        let cell = &self.facts.0.get(i)?.opening;
        *cell.get_or_init(|| self.opening_subject_of(self.doc.sentences[i].clone()))
    }

    /// The attribution of sentence `i`, if it has an attribution verb
    /// (`None` past the last sentence), pronouns resolved against the
    /// sentences before.
    pub(super) fn attribution(&self, i: usize) -> Option<Attribution> {
        let cell = &self.facts.0.get(i)?.attribution;
        if let Some(a) = cell.get() {
            return *a;
        }
        let depth = self.facts.1.get();
        if depth < MAX_DEPTH {
            // The earlier attributions it reads are worked out as it reads
            // them (its own cell is not read meanwhile: a sentence reads
            // only those before it).
            self.facts.1.set(depth + 1);
            let a = self.attribution_of(i);
            self.facts.1.set(depth);
            return *cell.get_or_init(|| a);
        }
        self.attribution_in_order(i)
    }

    /// [`attribution`](Self::attribution) of sentence `i` by working out,
    /// in reading order, every sentence it may depend on first (the old
    /// way: no recursion, but sentences the pronouns do not reach are
    /// attributed too).
    fn attribution_in_order(&self, i: usize) -> Option<Attribution> {
        let cell = &self.facts.0.get(i)?.attribution;
        // The sentences this one may depend on: back from `i`, every
        // sentence not yet known whose verbs need an earlier attribution
        // reaches PRONOUN_REACH sentences further back.
        let mut lo = i;
        let mut k = i + 1;
        while k > lo {
            k -= 1;
            if self.facts.0[k].attribution.get().is_none() && self.needs_earlier(k) {
                lo = lo.min(k.saturating_sub(PRONOUN_REACH));
            }
        }
        // In reading order, each one's dependencies are known before it.
        for k in lo..=i {
            if self.facts.0[k].attribution.get().is_none() {
                let a = self.attribution_of(k);
                let _ = self.facts.0[k].attribution.set(a);
            }
        }
        *cell.get().unwrap_or(&None)
    }

    /// The attribution verbs of sentence `i` (`self.verbs` of its span).
    pub(super) fn sentence_verbs(&self, i: usize) -> &[AttributionVerb] {
        self.facts.0[i]
            .verbs
            .get_or_init(|| self.verbs(self.doc.sentences[i].clone()))
    }

    /// The length of sentence `i`'s dateline (`clauses::dateline_len`).
    pub(super) fn sentence_dateline(&self, i: usize) -> usize {
        *self.facts.0[i]
            .dateline
            .get_or_init(|| dateline_len(&self.doc.text[self.doc.sentences[i].clone()]))
    }

    /// Does sentence `i` hold a semicolon?
    pub(super) fn sentence_has_semicolon(&self, i: usize) -> bool {
        *self.facts.0[i]
            .semicolon
            .get_or_init(|| self.text.as_bytes()[self.doc.sentences[i].clone()].contains(&b';'))
    }

    /// The hedges of sentence `i` (`hedging::hedges`).
    pub(super) fn sentence_hedges(&self, i: usize) -> &[(usize, bool)] {
        self.facts.0[i]
            .hedges
            .get_or_init(|| hedges(self.doc, self.doc.sentences[i].clone()))
    }

    /// The words of sentence `i` that open a clause, as (start, end)
    /// (`subjects::clause_openers`).
    pub(super) fn sentence_openers(&self, i: usize) -> &[(usize, usize)] {
        self.facts.0[i]
            .openers
            .get_or_init(|| self.clause_openers(self.doc.sentences[i].clone()))
    }

    /// Each attribution verb of sentence `i` (its start) and whom its
    /// subject names.
    fn referents(&self, i: usize) -> &[(usize, Referent)] {
        self.facts.0[i].referents.get_or_init(|| {
            let s = self.doc.sentences[i].clone();
            self.sentence_verbs(i)
                .iter()
                .map(|v| {
                    let lo = self.passages.clause_start(s.start, v.start);
                    (v.start, self.referent_of_verb(v, lo, s.end))
                })
                .collect()
        })
    }

    /// May sentence `i`'s attribution read the attributions before it (a
    /// pronoun or a description that `resolve` looks back for)?
    fn needs_earlier(&self, i: usize) -> bool {
        self.referents(i)
            .iter()
            .any(|(_, r)| matches!(r, Referent::Pronoun { .. } | Referent::Anaphor { .. }))
    }

    /// Sentence `i`'s attribution: of its verbs' subjects, the last that
    /// names someone, else the first.
    fn attribution_of(&self, i: usize) -> Option<Attribution> {
        #[cfg(test)]
        tests::WORK.with(|w| w.set(w.get() + 1));
        let s_start = self.doc.sentences[i].start;
        let mut best: Option<Attribution> = None;
        for &(verb, referent) in self.referents(i) {
            let a = self
                .same_sentence_antecedent(referent, s_start, verb, i)
                .unwrap_or_else(|| self.resolve(referent, i));
            if a.entity.is_some() || best.map_or(true, |b| b.entity.is_none()) {
                best = Some(a);
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use crate::{Article, Extractor};

    thread_local! {
        /// Sentences attributed.
        pub(super) static WORK: Cell<usize> = const { Cell::new(0) };
    }

    /// Asked for as the claims ask (figures' and quotes' sentences, in
    /// reading order) and then for every sentence from the last back, the
    /// attributions worked out on demand are those worked out in reading
    /// order (the old code, the oracle: every asking past the depth
    /// limit), on the fixture and development texts with their entities.
    #[test]
    fn attributions_on_demand_are_those_in_reading_order() {
        use super::super::attributor::Attributor;
        use super::MAX_DEPTH;
        use crate::lexicon::Lexicon;
        use crate::text::Doc;
        let x = Extractor::new();
        let lex = Lexicon::embedded();
        let mut named = 0;
        for (n, text) in crate::text::test_corpus::texts().into_iter().enumerate() {
            let record = x.extract(&Article::new("a", text.clone())).unwrap();
            let doc = Doc::new(&text, false);
            let old = Attributor::new(&doc, &record.entities, lex);
            old.facts.1.set(MAX_DEPTH);
            let new = Attributor::new(&doc, &record.entities, lex);
            let asked: Vec<usize> = record
                .claims
                .iter()
                .map(|c| doc.sentence_index(c.start))
                .chain((0..doc.sentences.len()).rev())
                .collect();
            // Half the texts asked from the old code first, in its order.
            if n % 2 == 0 {
                for &i in &asked {
                    old.attribution(i);
                }
            }
            for &i in &asked {
                assert_eq!(
                    new.attribution(i),
                    old.attribution(i),
                    "text {n}, sentence {i}"
                );
                named += usize::from(new.attribution(i).is_some_and(|a| a.entity.is_some()));
            }
        }
        assert!(named > 500, "{named} sentences attributed to someone");
    }

    /// A pronoun looks back only as far as its antecedent: the "he said"
    /// sentences before it are not attributed (the old code attributed
    /// the whole chain of them, back to the article's start).
    #[test]
    fn pronouns_attribute_only_the_sentences_they_reach() {
        let x = Extractor::new();
        let unit = "He said the weather was fine. He said it rained. ";
        let tail = "Li Wei spoke. He said 5 people came.";
        for repeats in [50, 400] {
            WORK.with(|w| w.set(0));
            let text = format!("{}{tail}", unit.repeat(repeats));
            let record = x.extract(&Article::new("a", text)).unwrap();
            let work = WORK.with(Cell::get);
            assert!(record.claims.iter().any(|c| c.value == Some(5.0)));
            assert!(
                work > 0 && work <= 10,
                "{repeats} sentences: {work} attributed"
            );
        }
    }

    /// Sentences are attributed where a figure or a quote asks (and as far
    /// back as their pronouns reach), not every sentence of the article.
    #[test]
    fn only_sentences_near_claims_are_attributed() {
        let x = Extractor::new();
        let unit = "Li Wei said the weather was fine. ";
        let tail = "He said 5 people came.";
        for repeats in [50, 400] {
            WORK.with(|w| w.set(0));
            let text = format!("{}{tail}", unit.repeat(repeats));
            let record = x.extract(&Article::new("a", text)).unwrap();
            let work = WORK.with(Cell::get);
            let claim = record.claims.iter().find(|c| c.value == Some(5.0));
            assert!(claim.and_then(|c| c.source.as_ref()).is_some());
            assert!(
                work > 0 && work <= 10,
                "{repeats} sentences: {work} attributed"
            );
        }
    }
}
