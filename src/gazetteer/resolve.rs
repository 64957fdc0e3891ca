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

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

use crate::hash::FnvBuild;
use crate::lexicon::{GazetteerCues, WordList};
use crate::record::EntityType;
use crate::text::{fold_case, Doc};

use super::{Entry, Gazetteer, MatchPolicy};

/// A city this large, or a capital, is what its name means rather than the
/// region named like it.
const BIG_CITY: u64 = 500_000;

/// A candidate at most this many times smaller than the prominent one may
/// win by the article's countries.
const CONTEXT_RATIO: u64 = 2;

/// A city this many times bigger than a row whose own name the article
/// writes still wins by its alternate name.
const ALIAS_RATIO: u64 = 4;

/// Region and city rows by the folded forms two or more of them share, and
/// organization rows by the folded forms only one of them has.
///
/// Built on the first article that needs it, from every form of ~75,000
/// rows: forms are keyed by the hash of their folded text first, so that
/// only the few shared place forms are kept as strings, and an
/// organization form is compared as text only when it is looked up.
#[derive(Clone, Debug, Default)]
pub(crate) struct Homonyms {
    rows: HashMap<String, Vec<u32>, FnvBuild>,
    /// The organization rows (in order, each once) with a form of each
    /// folded-form hash.
    organizations: HashMap<u64, Vec<u32>, FnvBuild>,
}

impl Homonyms {
    fn new(gaz: &Gazetteer) -> Homonyms {
        let mut folded = String::new();
        let places = || {
            gaz.entries
                .iter()
                .enumerate()
                .filter(|(_, e)| is_region(e) || is_city(e))
                .map(|(i, e)| {
                    (
                        i as u32,
                        e.names().chain(e.facts.shared.iter().map(String::as_str)),
                    )
                })
        };
        // Which form hashes two or more place rows share: only their forms
        // can be shared.
        let mut by_hash: HashMap<u64, (u32, bool), FnvBuild> = HashMap::default();
        for (i, forms) in places() {
            for form in forms {
                by_hash
                    .entry(folded_hash(form, &mut folded))
                    .and_modify(|(first, shared)| *shared |= *first != i)
                    .or_insert((i, false));
            }
        }
        let mut rows: HashMap<String, Vec<u32>, FnvBuild> = HashMap::default();
        for (i, forms) in places() {
            for form in forms {
                if !by_hash[&folded_hash(form, &mut folded)].1 {
                    continue;
                }
                let list = rows.entry(fold_case(form)).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        rows.retain(|_, list| list.len() > 1);
        let mut organizations: HashMap<u64, Vec<u32>, FnvBuild> = HashMap::default();
        for (i, e) in gaz.entries.iter().enumerate() {
            if e.kind != EntityType::Organization || e.policy == MatchPolicy::Referent {
                continue;
            }
            for form in e.names() {
                let list = organizations
                    .entry(folded_hash(form, &mut folded))
                    .or_default();
                if list.last() != Some(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
        Homonyms {
            rows,
            organizations,
        }
    }

    /// The one organization row a name without a row stands for: the name
    /// less one of the corporate `suffixes`, or with the American spelling.
    fn organization(&self, gaz: &Gazetteer, name: &str, suffixes: &WordList) -> Option<u32> {
        let folded = fold_case(name).replace("organisation", "organization");
        let base = match folded.rsplit_once(' ') {
            Some((head, last)) if suffixes.contains(last) => head.trim_end_matches(','),
            _ => folded.as_str(),
        };
        if base == fold_case(name) {
            return None;
        }
        // The rows with this form: one is the answer, two share the form.
        let mut buf = String::new();
        let mut holders = self
            .organizations
            .get(&folded_hash(base, &mut buf))?
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

/// The hash of `form` case-folded (`buf` holds the folded text).
fn folded_hash(form: &str, buf: &mut String) -> u64 {
    if form.is_ascii() {
        buf.clear();
        buf.push_str(form);
        buf.make_ascii_lowercase();
    } else {
        *buf = fold_case(form);
    }
    let mut h = FnvBuild::default().build_hasher();
    h.write(buf.as_bytes());
    h.finish()
}

impl Gazetteer {
    /// The rows sharing each place form, built on first use.
    fn homonyms(&self) -> &Homonyms {
        self.homonyms.get_or_init(|| Homonyms::new(self))
    }
}

/// A place row of ISO 3166-2 (`CN-BJ`).
fn is_region(e: &Entry) -> bool {
    e.kind == EntityType::Place && !e.key.contains(':') && e.key.contains('-')
}

/// A GeoNames city row (`gn:1816670`).
fn is_city(e: &Entry) -> bool {
    e.kind == EntityType::Place && e.key.starts_with("gn:")
}

/// The country of a row: a country's own code, a region's prefix, a city's
/// `country`, a nationality's country.
fn country_of(e: &Entry) -> Option<&str> {
    if is_city(e) {
        return e.facts.country.as_deref();
    }
    let head = e.key.split([':', '-']).next().unwrap_or("");
    let iso = head.len() == 2 && head.bytes().all(|b| b.is_ascii_uppercase());
    (iso && matches!(e.kind, EntityType::Place | EntityType::Nationality)).then_some(head)
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
pub(crate) struct KeyGroup {
    /// The entity's type.
    pub kind: EntityType,
    /// The matched row that gave the entity its key.
    pub entry: Option<u32>,
    /// The mentions' byte spans.
    pub spans: Vec<(usize, usize)>,
}

/// The row each group's key should come from: its own, or a homonym the
/// article's context or prominence prefers.
pub(crate) fn resolve_keys(
    doc: &Doc<'_>,
    gaz: &Gazetteer,
    cues: &GazetteerCues,
    groups: &[KeyGroup],
) -> Vec<Option<u32>> {
    // Where mentions start and where cities' mentions end, sorted, so that
    // "X, Y" is looked up per mention rather than by a scan of every
    // group's mentions (that was mentions × mentions on a long article).
    let mut starts: Vec<(usize, usize)> = groups
        .iter()
        .enumerate()
        .flat_map(|(o, group)| group.spans.iter().map(move |&(s, _)| (s, o)))
        .collect();
    starts.sort_unstable();
    let mut city_ends: Vec<usize> = groups
        .iter()
        .filter(|o| o.entry.is_some_and(|e| is_city(&gaz.entries[e as usize])))
        .flat_map(|o| o.spans.iter().map(|&(_, e)| e))
        .collect();
    city_ends.sort_unstable();
    let article = Article {
        doc,
        gaz,
        cues,
        groups,
        starts,
        city_ends,
    };
    (0..groups.len()).map(|g| article.referent(g)).collect()
}

/// The article as context for one group's referent.
struct Article<'a, 'd> {
    doc: &'a Doc<'d>,
    gaz: &'a Gazetteer,
    /// The lexicon's gazetteer lists (corporate suffixes).
    cues: &'a GazetteerCues,
    groups: &'a [KeyGroup],
    /// Each mention's start and group, in order.
    starts: Vec<(usize, usize)>,
    /// The ends of the mentions of groups whose row is a city, in order.
    city_ends: Vec<usize>,
}

/// What the text around one group's mentions says.
#[derive(Default)]
struct Cues<'a> {
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
        let forms: Vec<String> = group
            .spans
            .iter()
            .map(|&(s, e)| fold_case(&self.doc.text[s..e]))
            .collect();
        let ranks: Vec<Rank> = candidates
            .iter()
            .map(|&c| self.rank(g, c, matched, &candidates, &cues, &forms))
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
                &self.doc.text[s..e],
                &self.cues.corporate_suffixes,
            )
        })
    }

    /// Every region or city row holding one of the group's forms, the
    /// matched row first.
    fn candidates(&self, group: &KeyGroup, matched: u32) -> Vec<u32> {
        let homonyms = self.gaz.homonyms();
        let mut out = vec![matched];
        for &(s, e) in &group.spans {
            let form = fold_case(&self.doc.text[s..e]);
            for &row in homonyms.rows.get(&form).map_or(&[][..], Vec::as_slice) {
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
        for &(start, end) in &self.groups[g].spans {
            let after = self
                .doc
                .word_after(end)
                .map(|(_, w)| w.to_ascii_lowercase());
            let before = self.doc.word_before(start);
            let before_word = before.map(|(_, w)| w.to_ascii_lowercase());
            let two_before = before
                .and_then(|(at, _)| self.doc.word_before(at))
                .map(|(_, w)| w.to_ascii_lowercase());
            let region_word = |w: Option<&str>| {
                matches!(
                    w,
                    Some("state" | "province" | "prefecture" | "county" | "governor")
                )
            };
            if matches!(
                after.as_deref(),
                Some(
                    "state" | "province" | "prefecture" | "municipality" | "oblast" | "governorate"
                )
            ) && text[end..].starts_with(' ')
                || before_word.as_deref() == Some("upstate")
                || before_word.as_deref() == Some("of") && region_word(two_before.as_deref())
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

    /// "Seattle, Washington": the mention at `start` follows a city and a
    /// comma.
    fn follows_city(&self, start: usize) -> bool {
        let Some(head) = self.doc.text[..start].strip_suffix(", ") else {
            return false;
        };
        self.city_ends.binary_search(&head.len()).is_ok()
    }

    /// The row named right after ", " following a mention ending at `end`
    /// ("Dublin, Ohio"), when it is another group's.
    fn qualifier(&self, g: usize, end: usize) -> Option<&'a Entry> {
        if !self.doc.text[end..].starts_with(", ") {
            return None;
        }
        let next = end + 2;
        let from = self.starts.partition_point(|&(s, _)| {
            #[cfg(test)]
            tests::LOOKUPS.with(|n| n.set(n.get() + 1));
            s < next
        });
        self.starts[from..]
            .iter()
            .take_while(|&&(s, _)| s == next)
            .map(|&(_, o)| o)
            .find(|&o| o != g)
            .and_then(|o| self.groups[o].entry.map(|e| self.entry(e)))
    }

    /// True when another group than `g` names country `cc`.
    fn names_country(&self, g: usize, cc: &str) -> bool {
        self.groups.iter().enumerate().any(|(o, other)| {
            o != g
                && other
                    .entry
                    .is_some_and(|e| country_of(self.entry(e)) == Some(cc))
        })
    }

    /// True when another group than `g` names region `code` in sentence
    /// `sentence`.
    fn names_region(&self, g: usize, code: &str, sentence: usize) -> bool {
        self.groups.iter().enumerate().any(|(o, other)| {
            o != g
                && other
                    .entry
                    .is_some_and(|e| is_region(self.entry(e)) && self.entry(e).key == code)
                && other
                    .spans
                    .iter()
                    .any(|&(s, _)| self.doc.sentence_index(s) == sentence)
        })
    }

    /// How well row `c` fits group `g`.
    fn rank(
        &self,
        g: usize,
        c: u32,
        matched: u32,
        candidates: &[u32],
        cues: &Cues<'_>,
        forms: &[String],
    ) -> Rank {
        let e = self.entry(c);
        let region = is_region(e);
        let cue = if cues.region {
            region
        } else {
            cues.dateline && !region
        };
        let country = country_of(e);
        let sentences: Vec<usize> = self.groups[g]
            .spans
            .iter()
            .map(|&(s, _)| self.doc.sentence_index(s))
            .collect();
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
        let primary = forms.contains(&fold_case(&e.name))
            && (region || e.facts.population.saturating_mul(ALIAS_RATIO) >= biggest);
        // A city's region named beside it ("Dublin and Columbus, Ohio"); not
        // for another row's alternate name, nor anywhere in the article:
        // "Milan" is not Syracuse, New York, in a story that names New York.
        let context = qualified
            || !region
                && primary
                && region_of(e)
                    .is_some_and(|r| sentences.iter().any(|&n| self.names_region(g, r, n)));
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
}
