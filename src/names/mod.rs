//! Name rules: the people, organizations and places of an article, from its
//! gazetteer matches and from rules for the names no gazetteer holds.
//!
//! Inputs: the article's [`Doc`], the [`Gazetteer`] and the matches the
//! gazetteer automaton accepted in it. Output: [`Candidate`] mentions, not
//! overlapping, for `entities` to group into entities.
//!
//! The rules run over a simple word tokenization of the article. Each rule
//! proposes [`Span`](spans::Span)s; gazetteer matches are proposed too, and
//! the longest span wins where they overlap ("China" inside "Bank of China"
//! is no mention of its own). A last pass finds names the article has already
//! established (a surname after the full name, an organization first seen
//! with its head word) wherever they recur, headlines and sentence starts
//! included.
//!
//! # Where things are
//!
//! - `tokens`: the words of the article and the per-word facts every rule
//!   asks about, packed in one 32-byte token per word; `tokens/join.rs`,
//!   the stage's only tokenizer, makes them in one walk over the base tokens.
//! - `word_sets`: the article's own word sets (capitalised words also
//!   written in lower case, capitals away from sentence starts).
//! - `spans`: proposed spans, their priorities, and the selection of the
//!   spans that become mentions.
//! - `gazetteer_matches`: which gazetteer matches count as mentions, and
//!   what the gazetteer says about each word.
//! - `acronyms`: acronym definitions, "Full Name (ACR)" and "ACR (Full Name)".
//! - `brackets`: the article's opening round and angle brackets, found in
//!   one pass for the acronym and wire-company rules.
//! - `heads`: organization and place names closed or opened by a head word
//!   ("World Uyghur Congress", "Gulf of Aden", "Raghistan district").
//! - `people`: person names from titles and roles, speech cues, given name
//!   plus surname, and family-name-first names.
//! - `parties`: parties named by their members' plural ("the Socialists").
//! - `descriptors`: organizations named after a descriptor ("milk firm Yili").
//! - `cues`: organizations no list holds, typed by the words around them
//!   ("X's board", "shares in X").
//! - `works`: titles of works (no entities, no names inside) and names
//!   written with a capitalised "The" ("told The Sun").
//! - `stage_names`: nicknames inside names, single names no list holds
//!   with a cue only a person fits.
//! - `lists`: untyped names in a list of organizations.
//! - `sport`: clubs named by their place, national teams, competitions (no
//!   entities) and athletes in results lines.
//! - `results`: athletes and teams in sports results lines and cricket
//!   scorecards.
//! - `suffixes`: company names closed by a legal-form suffix ("Acme Inc",
//!   "Dorrit and Co").
//! - `wire`: agency layouts: datelines, state abbreviations, company names
//!   in angle brackets, acronyms in brackets after a name.
//! - `teams`: teams named without a list match: club forms of the report's
//!   sport, nicknames after "the".
//! - `recurrence`: established names found again where they recur.
//!
//! # Adding a rule
//!
//! Write it in the module of its family (or a new one) as a function from
//! [`Words`](tokens::Words) to spans pushed onto the list, and call it from
//! [`find`] before the selection. Its word list goes in `gazetteers/` as a
//! TSV file loaded by [`crate::lexicon`] into [`NameWords`].

mod acronyms;
mod brackets;
mod candidates;
mod cues;
mod descriptors;
mod gazetteer_matches;
mod heads;
mod lists;
mod parties;
mod people;
mod recurrence;
mod results;
#[cfg(test)]
mod rules_oracle;
mod spans;
mod sport;
mod stage_names;
mod suffixes;
mod teams;
mod tokens;
mod wire;
mod word_sets;
mod works;

use crate::gazetteer::{GazMatch, Gazetteer};
use crate::lexicon::NameWords;
use crate::record::EntityType;
use crate::text::Doc;

pub(crate) use spans::RuleName;

/// A mention found by a gazetteer or a name rule, before coreference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    /// Gazetteer entry index, when a gazetteer produced it.
    pub entry: Option<u32>,
    /// A canonical name the rule already knows (an acronym's expansion).
    pub canonical: Option<String>,
    /// Which rule or gazetteer entry produced it; written out
    /// ([`RuleName::written`]) only for the mention that reaches the output.
    pub rule: RuleName,
}

/// The names view of `doc` ([`tokens::Words::new`]), made out of line: the
/// stage benchmark counts it apart from the rules.
#[inline(never)]
fn view<'a>(
    doc: &'a Doc<'a>,
    gaz: &'a Gazetteer,
    lexicon: &'a NameWords,
    matches: &[GazMatch],
) -> tokens::Words<'a, 'a> {
    tokens::Words::new(doc, gaz, lexicon, matches)
}

/// The established names found again ([`recurrence::known_names`]), out
/// of line for the same reason.
#[inline(never)]
fn recurrences(
    words: &tokens::Words<'_, '_>,
    at: &candidates::Candidates,
    chosen: Vec<spans::Span>,
) -> Vec<spans::Span> {
    recurrence::known_names(words, at, chosen)
}

/// All candidate mentions: gazetteer matches plus rule-found names.
// (Not inlined: the stage benchmark counts it as one row.)
#[inline(never)]
pub(crate) fn find(
    doc: &Doc<'_>,
    gaz: &Gazetteer,
    lexicon: &NameWords,
    matches: Vec<GazMatch>,
) -> Vec<Candidate> {
    let words = view(doc, gaz, lexicon, &matches);
    let at = candidates::Candidates::new(&words);
    let mut spans = gazetteer_matches::mention_spans(&words, &matches);
    #[cfg(test)]
    rules_oracle::same(&spans, |o| {
        *o = rules_oracle::mention_spans(&words, &matches)
    });
    let brackets = brackets::opening_brackets(doc.text);
    acronyms::definitions(&words, &at, &matches, &brackets, &mut spans);
    heads::org_and_place_heads(&words, &at, &mut spans);
    heads::lower_place_heads(&words, &at, &mut spans);
    people::people(&words, &at, &mut spans);
    people::initials(&words, &at, &mut spans);
    stage_names::nicknames(&words, &at, &mut spans);
    works::works(&words, &at, &mut spans);
    descriptors::org_descriptors(&words, &at, &mut spans);
    suffixes::company_names(&words, &at, &mut spans);
    parties::party_nouns(&words, &at, &mut spans);
    let dateline_runs = wire::dateline_runs(&words);
    wire::datelines(&words, &matches, &dateline_runs, &mut spans);
    wire::state_abbreviations(&words, &at, &mut spans);
    wire::bracketed_companies(&words, &brackets, &mut spans);
    let sport = sport::is_sport(&words, &at);
    sport::events(&words, &at, sport, &mut spans);
    // (The sport the headline names, read once.)
    let label = sport.then(|| teams::sport_label(&words)).flatten();
    if sport {
        results::athletes(&words, &at, &mut spans);
        teams::club_forms(&words, &at, label, &mut spans);
        teams::nickname_teams(&words, &at, &mut spans);
    }
    let mut chosen = spans::select(spans);
    suffixes::national_arms(&words, &mut chosen);
    let mut single = Vec::new();
    let cover = spans::Chosen::new(&words, &chosen);
    people::single_names(&words, &at, &cover, &mut single);
    #[cfg(test)]
    rules_oracle::same(&single, |o| {
        rules_oracle::single_names(&words, &at, &cover, o)
    });
    #[cfg(test)]
    let before = single.len();
    stage_names::cued_single_names(&words, &at, &cover, sport, &mut single);
    #[cfg(test)]
    rules_oracle::same(&single[before..], |o| {
        rules_oracle::cued_single_names(&words, &at, &cover, sport, o)
    });
    cues::org_cues(&words, &at, &cover, &mut single);
    #[cfg(test)]
    let before = single.len();
    lists::org_lists(&words, &at, &cover, &mut single);
    #[cfg(test)]
    rules_oracle::same(&single[before..], |o| {
        rules_oracle::org_lists(&words, &at, &cover, o)
    });
    wire::acronyms_after_names(&words, &chosen, &mut single);
    suffixes::short_forms(&words, &chosen, &mut single);
    wire::dateline_names_again(&words, &chosen, &mut single);
    // (Its lists go back to be reused by the next one.)
    drop(cover);
    if !single.is_empty() {
        // The rules above each read the same chosen spans: where two
        // propose overlapping names, the first rule's stands.
        let mut taken = std::collections::BTreeMap::new();
        single.retain(|s| {
            let free = !spans::overlaps_map(&taken, s.start, s.end);
            if free {
                taken.insert(s.start, s.end);
            }
            free
        });
        chosen.extend(single);
        chosen.sort_by_key(|s| (s.start, s.end));
    }
    if sport {
        let mut sides = Vec::new();
        sport::unknown_sides(&words, &at, &chosen, &mut sides);
        #[cfg(test)]
        rules_oracle::same(&sides, |o| {
            rules_oracle::unknown_sides(&words, &at, &chosen, o)
        });
        chosen.extend(sides);
        chosen.sort_by_key(|s| (s.start, s.end));
    }
    let mut chosen = recurrences(&words, &at, chosen);
    if sport {
        sport::clubs(&words, label, &mut chosen);
    }
    wire::headline_names(&words, &dateline_runs, &mut chosen);
    chosen
        .into_iter()
        .filter_map(|s| {
            Some(Candidate {
                start: s.start,
                end: s.end,
                kind: s.kind?,
                entry: s.entry,
                canonical: s.canonical,
                rule: s.rule,
            })
        })
        .collect()
}
