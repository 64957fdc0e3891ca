//! Figure subjects: whose quantity a figure states, when its sentence names
//! it (ANNOTATION.md, Figures, `subject`).
//!
//! The rules, tried in order, each a general pattern of news English:
//!
//! 1. **Bearer next to the number**: "Smith, 45,", "Exxon `<XON>` 440,000
//!    bpd", "the 18-year-old Jane Doe", "500 ETIM fighters".
//! 2. **Relative clause**: "Acme, which laid off 400 workers, …" — the
//!    figure is about the name the clause hangs on.
//! 3. **Clause subject**: the name that opens the figure's clause ("Lloyds
//!    will cut 300 jobs", "China's exports rose 35%", "the State Department
//!    said Blinken met seven …"), or the speaker when the clause's subject
//!    is a pronoun that refers back to them ("Rangers said they would not
//!    raise their offer of £4m").
//! 4. **Possessor of the counted thing**: "… sent Lenovo's shares up 6%",
//!    "four of China's six networks".
//! 5. **Place**: "2,000 people gathered in Paris", "15 oil fields in the
//!    east of Venezuela" (in the figure's phrase: no comma between).
//! 6. **Agent**: "a 15-day protest was launched by the Canada Association".
//! 7. **For**: "compared with 18.6% for the US".
//! 8. **Leading phrase**: a figure in "After a two-week strike, Acme …" is
//!    about the main clause's subject.
//!
//! The source (who says it) is never the subject: the clause read for
//! rule 3 begins after "X said (that)" and "according to X,".

use std::cell::OnceCell;
use std::ops::Range;

use super::attributor::Attributor;
use super::mentions::EntityMention;
use super::words::{Word, Words};
use crate::lexicon::mark;
use crate::record::EntityType;

/// How many words after a figure its place, agent or bearer may be.
const AFTER_REACH: usize = 10;

/// How many words after a figure "by X" may name its agent.
const AGENT_REACH: usize = 15;

/// How far (bytes) either side of a figure its sentence is read.
const SENTENCE_REACH: usize = 1024;

/// How many words may precede a clause's subject ("Today Secretary
/// Blinken", "Final returns show the Socialists").
const SUBJECT_REACH: usize = 5;

impl Attributor<'_, '_> {
    /// The entity a figure spanning `fig` is about, if its sentence names
    /// it.
    pub(super) fn figure_subject(&self, fig: Range<usize>) -> Option<usize> {
        let s = self.doc.sentence_span(fig.start);
        if fig.start < s.start {
            return None;
        }
        let s = self.near(s, fig.clone());
        let (lo, hi) = self.clause_of(s.clone(), fig.start);
        // A figure can run past its clause's end (a clause cut inside a
        // bracket); the rules read the words after it up to `hi`.
        let hi = hi.max(fig.end);
        if self.has_no_single_bearer(fig.clone(), lo) {
            return None;
        }
        let sides = Sides::new(self, lo..fig.start, fig.end..hi);
        let sides = &sides;
        let relative = self.relative_clause_head(sides, lo, fig.start);
        if let Some(head) = relative {
            // In a relative clause on an unnamed noun ("an agency which
            // places adverts on thousands of sites"): about that noun.
            return head.map(|m| m.entity);
        }
        self.bearer_next_to(fig.clone(), lo, hi)
            .or_else(|| self.actor_after(fig.clone(), hi))
            .or_else(|| self.bidder(sides, fig.clone(), hi))
            .or_else(|| self.clause_subject(sides, lo, fig.start))
            .or_else(|| self.caused_actor(lo, fig.clone()))
            .or_else(|| self.possessor_near(lo, fig.clone(), hi))
            .or_else(|| self.described_owner(sides, fig.clone()))
            .or_else(|| self.described_owner_after(sides, fig.clone()))
            .or_else(|| self.owner_after_of(fig.clone(), hi))
            .or_else(|| self.place_of(sides, lo, fig.clone(), hi))
            .or_else(|| self.after_word(sides, fig.end, hi, "by", AGENT_REACH))
            .or_else(|| self.after_word(sides, fig.end, hi, "for", 1))
            .or_else(|| self.after_leading_phrase(s.start, fig.end, hi))
            .map(|m| m.entity)
    }

    /// Is the figure at `pos` the second term of a comparison ("…,
    /// compared with 45 in 2003")? It is then about what the first term is
    /// about, unless its own phrase names a bearer.
    pub(super) fn is_comparison(&self, pos: usize) -> bool {
        let s = self.near(self.doc.sentence_span(pos), pos..pos);
        let lead = self.words_tail(s.start.min(pos)..pos, 4);
        lead.iter()
            .rev()
            .take(4)
            .any(|w| matches!(w.2, "compared" | "against" | "versus"))
    }

    /// At most [`SENTENCE_REACH`] bytes of sentence `s` on either side of
    /// `fig`, so that a huge sentence costs each figure a bounded read.
    fn near(&self, s: Range<usize>, fig: Range<usize>) -> Range<usize> {
        let mut lo = s.start.max(fig.start.saturating_sub(SENTENCE_REACH));
        while !self.text.is_char_boundary(lo) {
            lo += 1;
        }
        let mut hi = s
            .end
            .min(fig.end.saturating_add(SENTENCE_REACH))
            .max(fig.end);
        while !self.text.is_char_boundary(hi) {
            hi += 1;
        }
        lo.min(fig.start)..hi
    }

    /// Rule 1: a name touching the figure — before it with only a comma or
    /// a ticker between ("Smith, 45,", "`Exxon Corp <XON> 440,000`"), or right
    /// after it ("18-year-old Jane Doe", "500 ETIM").
    fn bearer_next_to(&self, fig: Range<usize>, lo: usize, hi: usize) -> Option<EntityMention> {
        let after = &self.text[fig.end..hi];
        let gap = after.len() - after.trim_start_matches([' ', '\t']).len();
        if let Some(m) = self.mentions.within(fig.end + gap..hi).next() {
            let joined =
                self.text[m.end..].starts_with(['-', '’', '\'']) && !self.possessive_at(m.end);
            if m.start == fig.end + gap && !joined {
                return Some(*m);
            }
        }
        let before = self.mentions.within(lo..fig.start).last()?;
        let between = &self.text[before.end..fig.start];
        let comma_after = self.text[fig.end..].starts_with(',');
        if !comma_after && !between.contains('<') {
            return None;
        }
        let bare = strip_tickers(between);
        let apposition = bare.trim() == "," && comma_after;
        let ticker = bare.trim().is_empty() && between.contains('<');
        (apposition || ticker).then_some(*before)
    }

    /// Does `'s` or `’s` start at `at`?
    fn possessive_at(&self, at: usize) -> bool {
        let t = &self.text[at..];
        t.starts_with("'s") || t.starts_with("’s")
    }

    /// Rule 2: the figure lies in an open relative clause ("X, which laid
    /// off 4,000 workers", "the dam where half a million people …"): the
    /// name the clause hangs on, or `Some(None)` when it hangs on an
    /// unnamed noun; `None` when the figure is in no relative clause.
    fn relative_clause_head(
        &self,
        sides: &Sides<'_, '_, '_>,
        lo: usize,
        pos: usize,
    ) -> Option<Option<EntityMention>> {
        // `lo..pos` is the clause before the figure.
        let words = sides.before();
        let (i, &(ws, _, _, _)) = words
            .iter()
            .enumerate()
            .rev()
            .find(|(_, w)| matches!(w.2, "which" | "who" | "where"))?;
        // Closed before the figure ("X, which …, sent 9,000"): the main
        // clause goes on. "which" opening the clause is a question.
        if self.text[ws..pos].contains([',', '(', ')']) || i == 0 {
            return None;
        }
        let head_end = self.text[..ws].trim_end().trim_end_matches(',').len();
        let head = self
            .mentions
            .within(lo..head_end)
            .last()
            .filter(|m| self.words(m.end..head_end).len() <= 2)
            .copied();
        Some(head)
    }

    /// Rule 3: the name that opens the clause starting at `lo` (after one
    /// short leading phrase), or the speaker a pronoun subject refers to.
    fn clause_subject(
        &self,
        sides: &Sides<'_, '_, '_>,
        lo: usize,
        pos: usize,
    ) -> Option<EntityMention> {
        let skipped = self.skip_leading_phrase(lo, pos);
        let own;
        let words: &[Word<'_>] = if skipped == lo {
            // `lo..pos` is the clause before the figure.
            sides.before()
        } else {
            own = self.words(skipped..pos);
            &own
        };
        let lo = skipped;
        let first_mention = self.mentions.within(lo..pos).next().copied();
        if let Some(m) = first_mention {
            let lead = &words[..words.iter().take_while(|w| w.1 <= m.start).count()];
            // "Under the January contract Aramco was to purchase …": a
            // leading phrase without a comma still leaves the name the
            // subject when a verb follows it at once.
            // (Read only when a preposition leads.)
            let verb_follows = || {
                self.words(m.end..pos)
                    .first()
                    .is_some_and(|w| self.is_finite_verb(w))
            };
            let open = lead.len() <= SUBJECT_REACH
                && !self.text[lo..m.start].contains([',', ';', ':', '(', '—', '–'])
                && (!lead.iter().any(|w| w.3 & mark::PREPOSITION != 0) || verb_follows());
            // "even if they pass Reagan's budget": a subject pronoun
            // before the name makes the name an object.
            let pronoun_first = lead
                .iter()
                .any(|w| matches!(w.2, "he" | "she" | "they" | "we" | "i"));
            // "The CFCA named it winner in five categories", "Ljubicic had
            // stretched him for five sets": the figure is about the object.
            if open && !pronoun_first && !self.object_pronoun_between(m.end, pos) {
                return Some(self.possessive_head(m, pos));
            }
            if open {
                return None;
            }
        }
        // "Rangers said they would not raise their offer": a pronoun
        // opening what a named speaker said refers to that speaker.
        let pronoun = words
            .first()
            .filter(|w| w.3 & mark::PRONOUN != 0)
            .map(|w| w.2)?;
        if lo == self.doc.sentence_span(pos).start {
            return None;
        }
        let si = self.doc.sentence_index(pos);
        let speaker = self.attribution(si)?.entity?;
        // "Wright and other Democrats say … they would miss": "they" is
        // not one person.
        let person = self.entities[speaker].kind == EntityType::Person;
        if person && matches!(pronoun, "they" | "their") {
            return None;
        }
        self.mentions
            .within(
                self.doc.sentences[si]
                    .start
                    .max(lo.saturating_sub(SENTENCE_REACH))..lo,
            )
            .find(|m| m.entity == speaker)
            .copied()
    }

    /// Skip a short leading phrase that names nobody and ends with a comma
    /// ("In March 2004, ", "Additionally, ").
    fn skip_leading_phrase(&self, lo: usize, pos: usize) -> usize {
        let head = &self.text[lo..pos];
        let Some(c) = head.find(',') else {
            return lo;
        };
        let unnamed = self.mentions.within(lo..lo + c).next().is_none();
        if unnamed && self.words(lo..lo + c).len() <= SUBJECT_REACH {
            lo + c + 1
        } else {
            lo
        }
    }

    /// "China's Ministry of Public Security", "France's state-run channel
    /// TF-1": a possessor followed closely by another name is that name's
    /// owner; the subject is the name.
    fn possessive_head(&self, m: EntityMention, pos: usize) -> EntityMention {
        if !self.possessive_at(m.end) {
            return m;
        }
        let Some(next) = self.mentions.within(m.end..pos).next() else {
            return m;
        };
        // (Read only without a comma, semicolon or bracket between.)
        let close = !self.text[m.end..next.start].contains([',', ';', '('])
            && self.words(m.end..next.start).len() <= 5
            && !self
                .words(m.end..next.start)
                .iter()
                .any(|w| w.3 & mark::PREPOSITION != 0);
        if close {
            *next
        } else {
            m
        }
    }

    /// Rule 4: "X's" shortly before the figure ("sent Lenovo's shares up
    /// 6%") or right after it ("four of China's six networks").
    fn possessor_near(&self, lo: usize, fig: Range<usize>, hi: usize) -> Option<EntityMention> {
        let possessor = |m: &&EntityMention| self.possessive_at(m.end);
        let before = self.mentions.within(lo..fig.start).filter(possessor).last();
        if let Some(m) = before {
            // The words between hold the "s" of "'s".
            // (Counted only without a comma or semicolon between.)
            let gap = || self.words(m.end..fig.start).len().saturating_sub(1);
            if !self.text[m.end..fig.start].contains([',', ';']) && gap() <= 4 {
                return Some(*m);
            }
        }
        let m = self.mentions.within(fig.end..hi).next().filter(possessor)?;
        let lead = self.words(fig.end..m.start);
        matches!(
            lead.as_slice(),
            [(_, _, "of", _)] | [(_, _, "of", _), (_, _, "the", _)]
        )
        .then_some(*m)
    }

    /// Rules 6 and 7: "… by X" (the agent: "a protest launched by the
    /// Canada Association") within `reach` words of the figure, or "for X"
    /// right after it ("18.6% for the US").
    fn after_word(
        &self,
        sides: &Sides<'_, '_, '_>,
        end: usize,
        hi: usize,
        word: &str,
        reach: usize,
    ) -> Option<EntityMention> {
        // `end..hi` is the clause after the figure.
        let words = sides.after();
        let k = words.iter().take(reach).position(|w| w.2 == word)?;
        if self.text[end..words[k].0].contains([',', ';', '(']) {
            return None;
        }
        let m = *self.mentions.within(words[k].1..hi).next()?;
        let lead = self.words(words[k].1..m.start);
        if !matches!(lead.as_slice(), [] | [(_, _, "the", _)]) {
            return None;
        }
        Some(self.possessive_head(m, hi))
    }

    /// Rule 5: the place the figure holds in — "in X", "in the east of X",
    /// "in southern X" — nearest after the figure, else before it.
    fn place_of(
        &self,
        sides: &Sides<'_, '_, '_>,
        lo: usize,
        fig: Range<usize>,
        hi: usize,
    ) -> Option<EntityMention> {
        // "… in Japan and has sold 2.8 million": the place belongs to the
        // first predicate only.
        let lo = sides
            .before()
            .windows(2)
            .rev()
            .find(|w| w[0].2 == "and" && self.cues.auxiliaries.contains(w[1].2))
            .map(|w| w[0].1)
            .unwrap_or(lo);
        let in_place = |m: &&EntityMention| {
            // Only an "in" among the last four words counts, and the word
            // before it: the last five words decide.
            let lead = self.words_tail(lo..m.start, 5);
            #[cfg(test)]
            tests::WORK.with(|w| w.set(w.get() + lead.len()));
            let Some(k) = lead.iter().rposition(|w| w.2 == "in") else {
                return false;
            };
            let near =
                lead.len() - k - 1 <= 3 && !self.text[lead[k].1..m.start].contains([',', ';']);
            // "a 50 pct stake in Acme": a holding in a company.
            let holding = k > 0 && self.cues.holdings.contains(lead[k - 1].2);
            near && (m.kind == EntityType::Place || holding)
        };
        let same_phrase = |a: usize, b: usize| {
            !self.text[a..b].contains([',', ';', '(']) && self.words(a..b).len() <= AFTER_REACH
        };
        self.mentions
            .within(fig.end..hi)
            .find(in_place)
            .filter(|m| same_phrase(fig.end, m.start))
            .or_else(|| {
                self.mentions
                    .within(lo..fig.start)
                    .filter(in_place)
                    .last()
                    .filter(|m| same_phrase(m.end, fig.start))
            })
            .copied()
    }

    /// Rule 8: a figure in a leading phrase ("After the two-week flotation,
    /// TF-1 shares will …") is about the main clause's subject.
    fn after_leading_phrase(&self, s_start: usize, end: usize, hi: usize) -> Option<EntityMention> {
        let comma = end + self.text[end..hi].find(',')?;
        if self.mentions.within(s_start..comma).next().is_some()
            || self.words(s_start..comma).len() > 8
        {
            return None;
        }
        let m = *self.mentions.within(comma..hi).next()?;
        let lead = self.words(comma..m.start);
        (lead.len() <= 2 && !lead.iter().any(|w| w.3 & mark::PREPOSITION != 0)).then_some(m)
    }
}

/// The words of a figure's clause before the figure and after it, read
/// on first use and shared by the rules that read them.
pub(super) struct Sides<'s, 'a, 'd> {
    attributor: &'s Attributor<'a, 'd>,
    before: Range<usize>,
    after: Range<usize>,
    before_words: OnceCell<Words<'s, 'd>>,
    after_words: OnceCell<Words<'s, 'd>>,
}

impl<'s, 'a, 'd> Sides<'s, 'a, 'd> {
    /// The sides `before` and `after` of a figure, not read yet.
    fn new(
        attributor: &'s Attributor<'a, 'd>,
        before: Range<usize>,
        after: Range<usize>,
    ) -> Sides<'s, 'a, 'd> {
        Sides {
            attributor,
            before,
            after,
            before_words: OnceCell::new(),
            after_words: OnceCell::new(),
        }
    }

    /// The words of the clause before the figure.
    pub(super) fn before(&self) -> &[Word<'d>] {
        self.before_words
            .get_or_init(|| self.attributor.words(self.before.clone()))
    }

    /// The words of the clause after the figure.
    pub(super) fn after(&self) -> &[Word<'d>] {
        self.after_words
            .get_or_init(|| self.attributor.words(self.after.clone()))
    }
}

/// `text` without ticker codes in angle brackets ("`<XON>`").
fn strip_tickers(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '<' => depth += 1,
            '>' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use crate::{Article, Extractor};

    thread_local! {
        /// Words read before mentions to find "in" for a figure's place.
        pub(super) static WORK: Cell<usize> = const { Cell::new(0) };
    }

    /// A figure after a long list of places reads a few words before each
    /// place, not the clause up to each (quadratic in the list's length).
    #[test]
    fn places_before_a_figure_cost_linear_work() {
        let x = Extractor::new();
        let cities = [
            "Paris",
            "Lyon",
            "Nice",
            "Lille",
            "Nantes",
            "Marseille",
            "Toulouse",
            "Bordeaux",
        ];
        for repeats in [2, 8] {
            let list: Vec<&str> = cities.iter().copied().cycle().take(8 * repeats).collect();
            let text = format!("In {}, 5 people came.", list.join(" and "));
            WORK.with(|w| w.set(0));
            let record = x.extract(&Article::new("a", text)).unwrap();
            let work = WORK.with(Cell::get);
            assert!(record.claims.iter().any(|c| c.value == Some(5.0)));
            let places = list.len();
            assert!(
                work > 0 && work <= 6 * places,
                "{places} places: {work} words read"
            );
        }
    }
}
