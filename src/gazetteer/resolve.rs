//! The referent of a place name that several rows hold: which of them the
//! article means, and so the entity's key (docs/KEYS.md, "Rules").
//!
//! The matcher picks one row per match (the first loaded: a region before a
//! city); the entity's key is chosen here, after the entities are grouped,
//! among every region and city row holding one of its forms (its names,
//! aliases and `shared` forms, `referent` rows included). The article
//! decides first, then prominence:
//!
//! 1. a cue next to a mention: "Washington state", "the state of New
//!    York", "Seattle, Washington" want a region; a dateline
//!    ("WASHINGTON, March 3") a city;
//! 2. a qualifier ("Dublin, Ohio"), or the city's region named in the same
//!    sentence when the form is the city's own name;
//! 3. a capital or big city (500,000 people or more) and its own region
//!    are kept apart: without a cue the name is the city ("Beijing",
//!    "New York", "Washington" in the US);
//! 4. a curated priority (Venice, Italy);
//! 5. the row's own name over another row's alternate name, unless that row
//!    is a city more than 4 times bigger;
//! 6. its country named in the article when the prominent candidate's is
//!    not, if the candidate is not much smaller than the prominent one;
//! 7. a region over a city, then the larger population, then the matched row.
//!
//! Countries and curated places (`place:` rows) keep their key: they are the
//! prominent sense of their names.
//!
//! An organization the name rules found without a gazetteer row gets the key
//! of the one organization row its name is with a corporate suffix or a
//! British spelling ("Exxon Corp" → the row of "Exxon", "World Trade
//! Organisation" → "World Trade Organization").

use std::borrow::Cow;
#[cfg(test)]
use std::cell::Cell;
use std::cell::OnceCell;

use crate::lexicon::{GazetteerCues, WordList};
use crate::record::EntityType;
use crate::text::{fold_case, Doc};

use super::embedded;
use super::homonyms::{folded_hash, is_city, is_region, Homonyms};
use super::{Entry, Gazetteer};

/// Up to this many groups, whether another group names a country is
/// answered by reading them all rather than by a sorted list.
const FEW_GROUPS: usize = 32;

/// A city this large, or a capital, is what its name means rather than the
/// region named like it.
const BIG_CITY: u64 = 500_000;

/// A candidate at most this many times smaller than the prominent one may
/// win by the article's countries.
const CONTEXT_RATIO: u64 = 2;

/// A city this many times bigger than a row whose own name the article
/// writes still wins by its alternate name.
const ALIAS_RATIO: u64 = 4;

impl Homonyms {
    /// The one organization row a name without a row stands for, by its
    /// folded form `folded`: the name less one of the corporate
    /// `suffixes`, or with the American spelling. Allocates only for a
    /// British spelling.
    fn organization(&self, gaz: &Gazetteer, folded: &str, suffixes: &WordList) -> Option<u32> {
        let respelled = if folded.contains("organisation") {
            Cow::Owned(folded.replace("organisation", "organization"))
        } else {
            Cow::Borrowed(folded)
        };
        let base = match respelled.rsplit_once(' ') {
            Some((head, last)) if suffixes.contains(last) => head.trim_end_matches(','),
            _ => &*respelled,
        };
        if base == folded {
            return None;
        }
        // The rows with this form: one is the answer, two share the form.
        let mut buf = String::new();
        let mut holders = self
            .organizations_of(folded_hash(base, &mut buf))?
            .iter()
            .filter(|&&row| {
                let e = &gaz.entries[row as usize];
                e.names().any(|form| fold_case(form) == base)
            });
        match (holders.next(), holders.next()) {
            (Some(&row), None) => Some(row),
            _ => None,
        }
    }
}

impl Gazetteer {
    /// The rows sharing each place form, built on first use.
    pub(super) fn homonyms(&self) -> &Homonyms {
        self.homonyms.get_or_init(|| {
            // The embedded gazetteer, unchanged: the tables build.rs packed.
            self.packed_homonyms
                .then(embedded::homonyms)
                .flatten()
                .unwrap_or_else(|| Homonyms::new(&self.entries))
        })
    }
}

/// The country of a row: a country's own code, a region's prefix, a city's
/// `country`, a nationality's country.
fn country_of(e: &Entry) -> Option<&str> {
    if is_city(e) {
        return e.facts.country.as_deref();
    }
    if !matches!(e.kind, EntityType::Place | EntityType::Nationality) {
        return None;
    }
    // The key's head before the first ':' or '-', when it is two capitals
    // (read as bytes: the capitals are no separator).
    let head = e.key.get(..2)?;
    let key = e.key.as_bytes();
    let iso = head.bytes().all(|b| b.is_ascii_uppercase())
        && key.get(2).is_none_or(|&b| b == b':' || b == b'-');
    iso.then_some(head)
}

/// The first-level region of a row: a region's own code, a city's `region`.
fn region_of(e: &Entry) -> Option<&str> {
    if is_region(e) {
        Some(&e.key)
    } else {
        e.facts.region.as_deref()
    }
}

/// One entity for the resolver: its type, the row its key came from, and
/// the spans of its mentions.
pub(crate) struct KeyGroup<'s> {
    /// The entity's type.
    pub kind: EntityType,
    /// The matched row that gave the entity its key.
    pub entry: Option<u32>,
    /// The mentions' byte spans.
    pub spans: &'s [(usize, usize)],
}

/// The row each group's key should come from: its own, or a homonym the
/// article's context or prominence prefers. `starts` makes, when asked,
/// each mention's start and group (its index in `groups`), sorted: the
/// entities stage has them in reading order already.
pub(crate) fn resolve_keys(
    doc: &Doc<'_>,
    gaz: &Gazetteer,
    cues: &GazetteerCues,
    groups: &[KeyGroup<'_>],
    starts: &dyn Fn() -> Vec<(usize, usize)>,
) -> Vec<Option<u32>> {
    let article = Article {
        doc,
        gaz,
        cues,
        groups,
        make_starts: starts,
        starts: OnceCell::new(),
        city_ends: OnceCell::new(),
        countries: OnceCell::new(),
        regions: OnceCell::new(),
    };
    (0..groups.len()).map(|g| article.referent(g)).collect()
}

/// The article as context for one group's referent.
struct Article<'a, 'd> {
    doc: &'a Doc<'d>,
    gaz: &'a Gazetteer,
    /// The lexicon's gazetteer lists (corporate suffixes).
    cues: &'a GazetteerCues,
    groups: &'a [KeyGroup<'a>],
    /// Makes [`Article::starts`].
    make_starts: &'a dyn Fn() -> Vec<(usize, usize)>,
    /// Each mention's start and group, in order; made on first use (only
    /// a place with homonyms asks).
    starts: OnceCell<Vec<(usize, usize)>>,
    /// The ends of the mentions of groups whose row is a city, in order;
    /// made on first use.
    city_ends: OnceCell<Vec<usize>>,
    /// (country, group) for each group whose row has a country, sorted;
    /// made on first use.
    countries: OnceCell<Vec<(&'a str, usize)>>,
    /// (region key, sentence, group) for each sentence naming a region
    /// group, sorted, each once; made on first use.
    regions: OnceCell<Vec<(&'a str, usize, usize)>>,
}

/// Do the groups of a run holding each group at most once include one
/// other than `g`? (Two groups do; one does if it is not `g`.)
fn other_group(mut run: impl Iterator<Item = usize>, g: usize) -> bool {
    match (run.next(), run.next()) {
        (Some(_), Some(_)) => true,
        (Some(o), None) => o != g,
        _ => false,
    }
}

/// Can the word before the end of `head` be "of" or "upstate" (ignoring
/// ASCII case), as [`Doc::word_before`] reads it: the text less trailing
/// spaces and tabs, then less trailing edge marks (`. ' ’ -`), ends with
/// one of them. A cheap test that rules the lookup out almost everywhere.
fn ends_with_cue_word(head: &str) -> bool {
    let head = head
        .trim_end_matches([' ', '\t'])
        .trim_end_matches(['.', '\'', '’', '-'])
        .as_bytes();
    let ends =
        |w: &[u8]| head.len() >= w.len() && head[head.len() - w.len()..].eq_ignore_ascii_case(w);
    ends(b"of") || ends(b"upstate")
}

/// What the text around one group's mentions says, and its mentions'
/// folded forms and sentences.
#[derive(Default)]
struct Cues<'a> {
    /// Each mention's folded form.
    forms: Vec<&'a str>,
    /// Each mention's sentence.
    sentences: Vec<usize>,
    /// "Washington state", "Seattle, Washington".
    region: bool,
    /// A dateline: the name in capitals opening a line, then a comma.
    dateline: bool,
    /// The rows a following ", X" names ("Dublin, Ohio").
    qualifiers: Vec<&'a Entry>,
}

impl<'a, 'd> Article<'a, 'd> {
    fn entry(&self, i: u32) -> &'a Entry {
        &self.gaz.entries[i as usize]
    }

    /// The row group `g`'s key should come from.
    fn referent(&self, g: usize) -> Option<u32> {
        let group = &self.groups[g];
        let Some(matched) = group.entry else {
            return self.unlisted_organization(group);
        };
        let e = self.entry(matched);
        if !is_region(e) && !is_city(e) {
            return Some(matched);
        }
        let candidates = self.candidates(group, matched);
        if candidates.len() < 2 {
            return Some(matched);
        }
        let cues = self.cues(g);
        let ranks: Vec<Rank> = candidates
            .iter()
            .map(|&c| self.rank(g, c, matched, &candidates, &cues))
            .collect();
        let prominent = ranks
            .iter()
            .max_by_key(|r| (!r.demoted, r.priority, r.primary, r.region, r.population))
            .map(|r| (r.named_country, r.population))
            .unwrap_or_default();
        candidates
            .iter()
            .zip(ranks)
            .max_by_key(|(_, r)| r.order(prominent))
            .map(|(&c, _)| c)
    }

    /// The organization row a group without one stands for, by its mentions'
    /// forms (see [`Homonyms::organization`]).
    fn unlisted_organization(&self, group: &KeyGroup) -> Option<u32> {
        if group.kind != EntityType::Organization {
            return None;
        }
        let homonyms = self.gaz.homonyms();
        group.spans.iter().find_map(|&(s, e)| {
            homonyms.organization(
                self.gaz,
                &self.doc.folded[s..e],
                &self.cues.corporate_suffixes,
            )
        })
    }

    /// Every region or city row holding one of the group's forms, the
    /// matched row first; empty (and not allocated) when no form is
    /// shared by two rows, so that the matched row is the only one.
    fn candidates(&self, group: &KeyGroup, matched: u32) -> Vec<u32> {
        let homonyms = self.gaz.homonyms();
        let mut out = Vec::new();
        for (k, &(s, e)) in group.spans.iter().enumerate() {
            let form = &self.doc.folded[s..e];
            // A form seen just before finds the same rows.
            if k > 0 && group.spans[k - 1].1 - group.spans[k - 1].0 == e - s {
                let (ps, pe) = group.spans[k - 1];
                if self.doc.folded[ps..pe] == *form {
                    continue;
                }
            }
            for &row in homonyms.rows.get(form).map_or(&[][..], Vec::as_slice) {
                if out.is_empty() {
                    out.push(matched);
                }
                if !out.contains(&row) {
                    out.push(row);
                }
            }
        }
        out
    }

    /// The cues around group `g`'s mentions.
    fn cues(&self, g: usize) -> Cues<'a> {
        let mut cues = Cues::default();
        let text = self.doc.text;
        let lower = |(at, w): (usize, &'a str)| self.ascii_lower(at, w);
        for &(start, end) in self.groups[g].spans {
            cues.forms.push(&self.doc.folded[start..end]);
            cues.sentences.push(self.doc.sentence_index(start));
            // The words around are looked up only where a cue can follow:
            // "Washington state" needs a space after, "the state of X" an
            // "of" before.
            let region_after = || {
                text[end..].starts_with(' ')
                    && (self.doc.word_after(end).map(lower))
                        .is_some_and(|w| self.cues.region_after.contains(&w))
            };
            // Only "upstate" or "of" before a mention is a cue: the word is
            // looked up only where the text before can end with one.
            #[cfg(test)]
            let old = tests::OLD_PATH.with(Cell::get);
            #[cfg(not(test))]
            let old = false;
            let before = (old || ends_with_cue_word(&text[..start]))
                .then(|| self.doc.word_before(start))
                .flatten();
            let before_word = before.map(lower);
            let region_before_of = || {
                (before.and_then(|(at, _)| self.doc.word_before(at)))
                    .map(lower)
                    .is_some_and(|w| self.cues.region_before.contains(&w))
            };
            if region_after()
                || before_word.as_deref() == Some("upstate")
                || before_word.as_deref() == Some("of") && region_before_of()
                || self.follows_city(start)
            {
                cues.region = true;
            }
            let written = &text[start..end];
            let caps = !written.chars().any(char::is_lowercase);
            let line_start = text[..start].is_empty() || text[..start].ends_with('\n');
            if caps && line_start && text[end..].starts_with(',') {
                cues.dateline = true;
            }
            if let Some(q) = self.qualifier(g, end) {
                cues.qualifiers.push(q);
            }
        }
        cues
    }

    /// Word `w` of the text, at `at`, with its ASCII letters in lower case:
    /// the folded text when it is all ASCII (the same bytes).
    fn ascii_lower(&self, at: usize, w: &'a str) -> Cow<'a, str> {
        if w.is_ascii() {
            Cow::Borrowed(&self.doc.folded[at..at + w.len()])
        } else {
            Cow::Owned(w.to_ascii_lowercase())
        }
    }

    /// "Seattle, Washington": the mention at `start` follows a city and a
    /// comma.
    fn follows_city(&self, start: usize) -> bool {
        let Some(head) = self.doc.text[..start].strip_suffix(", ") else {
            return false;
        };
        // Sorted, so that "X, Y" is looked up per mention rather than by a
        // scan of every group's mentions (mentions × mentions on a long
        // article).
        let city_ends = self.city_ends.get_or_init(|| {
            let mut ends: Vec<usize> = (self.groups.iter())
                .filter(|o| o.entry.is_some_and(|e| is_city(self.entry(e))))
                .flat_map(|o| o.spans.iter().map(|&(_, e)| e))
                .collect();
            ends.sort_unstable();
            ends
        });
        city_ends.binary_search(&head.len()).is_ok()
    }

    /// The row named right after ", " following a mention ending at `end`
    /// ("Dublin, Ohio"), when it is another group's.
    fn qualifier(&self, g: usize, end: usize) -> Option<&'a Entry> {
        if !self.doc.text[end..].starts_with(", ") {
            return None;
        }
        let next = end + 2;
        let starts = self.starts.get_or_init(|| {
            #[cfg(test)]
            if tests::OLD_PATH.with(Cell::get) {
                return self.sorted_starts();
            }
            (self.make_starts)()
        });
        let from = starts.partition_point(|&(s, _)| {
            #[cfg(test)]
            tests::LOOKUPS.with(|n| n.set(n.get() + 1));
            s < next
        });
        starts[from..]
            .iter()
            .take_while(|&&(s, _)| s == next)
            .map(|&(_, o)| o)
            .find(|&o| o != g)
            .and_then(|o| self.groups[o].entry.map(|e| self.entry(e)))
    }

    /// Each mention's start and group, sorted here (the old way, the
    /// oracle of [`Article::make_starts`]).
    #[cfg(test)]
    fn sorted_starts(&self) -> Vec<(usize, usize)> {
        let mut starts: Vec<(usize, usize)> = (self.groups.iter().enumerate())
            .flat_map(|(o, group)| group.spans.iter().map(move |&(s, _)| (s, o)))
            .collect();
        starts.sort_unstable();
        starts
    }

    /// True when another group than `g` names country `cc`.
    fn names_country(&self, g: usize, cc: &str) -> bool {
        // An article of a few groups is read through: cheaper than a
        // sorted list made for it.
        #[cfg(test)]
        let few = self.groups.len() <= FEW_GROUPS && !tests::OLD_PATH.with(Cell::get);
        #[cfg(not(test))]
        let few = self.groups.len() <= FEW_GROUPS;
        if few {
            return (self.groups.iter().enumerate()).any(|(o, group)| {
                #[cfg(test)]
                tests::CONTEXT.with(|n| n.set(n.get() + 1));
                o != g && group.entry.and_then(|e| country_of(self.entry(e))) == Some(cc)
            });
        }
        let countries = self.countries.get_or_init(|| {
            let mut list: Vec<(&str, usize)> = (self.groups.iter().enumerate())
                .filter_map(|(o, group)| Some((country_of(self.entry(group.entry?))?, o)))
                .collect();
            list.sort_unstable();
            list
        });
        let from = countries.partition_point(|&(c, _)| {
            #[cfg(test)]
            tests::CONTEXT.with(|n| n.set(n.get() + 1));
            c < cc
        });
        let run = countries[from..].iter().take_while(|&&(c, _)| c == cc);
        other_group(run.map(|&(_, o)| o), g)
    }

    /// True when another group than `g` names region `code` in sentence
    /// `sentence`.
    fn names_region(&self, g: usize, code: &str, sentence: usize) -> bool {
        let regions = self.regions.get_or_init(|| {
            let mut list = Vec::new();
            for (o, group) in self.groups.iter().enumerate() {
                let Some(e) = group.entry.map(|e| self.entry(e)) else {
                    continue;
                };
                if is_region(e) {
                    for &(s, _) in group.spans {
                        list.push((e.key.as_str(), self.doc.sentence_index(s), o));
                    }
                }
            }
            list.sort_unstable();
            list.dedup();
            list
        });
        let from = regions.partition_point(|&(c, s, _)| {
            #[cfg(test)]
            tests::CONTEXT.with(|n| n.set(n.get() + 1));
            (c, s) < (code, sentence)
        });
        let run = regions[from..]
            .iter()
            .take_while(|&&(c, s, _)| (c, s) == (code, sentence));
        other_group(run.map(|&(_, _, o)| o), g)
    }

    /// How well row `c` fits group `g`.
    fn rank(&self, g: usize, c: u32, matched: u32, candidates: &[u32], cues: &Cues<'_>) -> Rank {
        let e = self.entry(c);
        let region = is_region(e);
        let cue = if cues.region {
            region
        } else {
            cues.dateline && !region
        };
        let country = country_of(e);
        let qualified = cues.qualifiers.iter().any(|q| {
            if is_region(q) {
                region_of(e) == Some(q.key.as_str())
            } else {
                country.is_some() && country_of(q) == country && q.key.len() == 2
            }
        });
        // A row's own name beats another row's alternate name, unless that
        // row is a much bigger city ("St. Petersburg" is Russia's before
        // Florida's).
        let biggest = candidates
            .iter()
            .map(|&o| self.entry(o).facts.population)
            .max()
            .unwrap_or(0);
        // (The forms are folded: an ASCII name is compared to them ignoring
        // case, with no folded copy made.)
        let primary = (region || e.facts.population.saturating_mul(ALIAS_RATIO) >= biggest)
            && if e.name.is_ascii() {
                cues.forms.iter().any(|f| f.eq_ignore_ascii_case(&e.name))
            } else {
                cues.forms.contains(&fold_case(&e.name).as_str())
            };
        // A city's region named beside it ("Dublin and Columbus, Ohio"); not
        // for another row's alternate name, nor anywhere in the article:
        // "Milan" is not Syracuse, New York, in a story that names New York.
        let context = qualified
            || !region
                && primary
                && region_of(e)
                    .is_some_and(|r| cues.sentences.iter().any(|&n| self.names_region(g, r, n)));
        // A capital or big city and the region named like it: the city.
        let demoted = region
            && !cues.region
            && candidates.iter().any(|&o| {
                let city = self.entry(o);
                is_city(city)
                    && country_of(city) == country
                    && (city.facts.capital
                        || city.facts.population >= BIG_CITY
                        || city.facts.region.as_deref() == Some(e.key.as_str()))
            });
        Rank {
            cue,
            context,
            demoted,
            priority: e.facts.priority,
            primary,
            named_country: country.is_some_and(|cc| self.names_country(g, cc)),
            region,
            population: e.facts.population,
            matched: c == matched,
        }
    }
}

/// What decides between candidate rows, in [`Rank::order`].
struct Rank {
    cue: bool,
    context: bool,
    demoted: bool,
    priority: u8,
    primary: bool,
    named_country: bool,
    region: bool,
    population: u64,
    matched: bool,
}

impl Rank {
    /// The sort key, best last. `prominent` is whether the most prominent
    /// candidate's country is named, and its population.
    fn order(&self, prominent: (bool, u64)) -> impl Ord {
        let (prominent_named, prominent_population) = prominent;
        let by_country = self.named_country
            && !prominent_named
            && self.population.saturating_mul(CONTEXT_RATIO) >= prominent_population;
        (
            self.cue,
            self.context,
            !self.demoted,
            self.priority,
            self.primary,
            by_country,
            self.region,
            self.population,
            self.matched,
        )
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use crate::{Article, Extractor};

    thread_local! {
        /// Mention starts compared to find the row after ", ".
        pub(super) static LOOKUPS: Cell<usize> = const { Cell::new(0) };
        /// Groups or mentions looked at to find whether another group names
        /// a country or a region.
        pub(super) static CONTEXT: Cell<usize> = const { Cell::new(0) };
        /// Take the old paths: mention starts sorted here, and a sorted list
        /// of the groups' countries however few the groups.
        pub(super) static OLD_PATH: Cell<bool> = const { Cell::new(false) };
    }

    /// The records over the development texts are those of the old paths
    /// (starts sorted here, countries always looked up in a sorted list).
    #[test]
    fn keys_are_those_of_the_old_paths() {
        let x = Extractor::new();
        let texts = crate::text::test_corpus::texts();
        for (n, text) in texts.iter().enumerate() {
            let article = Article::new("a", text.clone());
            OLD_PATH.with(|o| o.set(true));
            let old = x.extract(&article).unwrap();
            OLD_PATH.with(|o| o.set(false));
            let new = x.extract(&article).unwrap();
            assert_eq!(
                format!("{:?}", old.entities),
                format!("{:?}", new.entities),
                "text {n}"
            );
        }
    }

    /// "Dublin, Ohio" said again and again costs a binary search per
    /// mention, not a scan of every group's mentions.
    #[test]
    fn qualifiers_cost_log_work_per_mention() {
        let x = Extractor::new();
        let unit = "Officials in Dublin, Ohio, met farmers. ";
        for repeats in [50, 800] {
            LOOKUPS.with(|n| n.set(0));
            let record = x.extract(&Article::new("a", unit.repeat(repeats))).unwrap();
            let lookups = LOOKUPS.with(Cell::get);
            assert!(record.entities.iter().any(|e| e.name == "Dublin"));
            let mentions = 2 * repeats;
            let log = (usize::BITS - mentions.leading_zeros()) as usize;
            assert!(
                lookups > 0 && lookups <= 2 * mentions * (log + 1),
                "{repeats} repeats: {lookups} lookups"
            );
        }
    }

    /// A city named again and again, its region named in other sentences:
    /// whether the region is named beside it costs a binary search per
    /// mention, not a scan of every mention of the region.
    #[test]
    fn region_context_costs_log_work_per_mention() {
        let x = Extractor::new();
        let unit = "Officials in Springfield met farmers. Illinois voters came. ";
        for repeats in [50, 400] {
            CONTEXT.with(|n| n.set(0));
            let record = x.extract(&Article::new("a", unit.repeat(repeats))).unwrap();
            let work = CONTEXT.with(Cell::get);
            assert!(record.entities.iter().any(|e| e.name == "Springfield"));
            let log = (usize::BITS - (2 * repeats).leading_zeros()) as usize;
            assert!(
                work > 0 && work <= 20 * repeats * (log + 1),
                "{repeats} repeats: {work} looked at"
            );
        }
    }
}
