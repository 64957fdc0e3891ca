//! The name rules' word lists ([`NameWords`]): given names, surnames,
//! person titles and roles, organization and place heads, capitalised stop
//! words, organization descriptors, the speech verbs, and the small lists
//! of `name_words.tsv` (sport cues, place prepositions, particles, …).

use std::collections::{HashMap, HashSet};

use super::lists::word_lists;
use super::marks::{mark, WordMarks};
use super::{columns, embedded_table, rows, AttributionVerbs};
use crate::hash::FnvBuild;
use crate::tsv::Tsv;

/// A cue phrase or head word, split into words (trailing dots dropped, so
/// "Mr." and "Mr" are one entry).
#[derive(Clone, Debug)]
pub(crate) struct Phrase {
    pub words: Vec<String>,
    /// Compare case-insensitively.
    pub fold: bool,
}

impl Phrase {
    /// `s` split into words, lower-cased when `fold`; `None` when no word
    /// is left.
    pub fn new(s: &str, fold: bool) -> Option<Phrase> {
        let words: Vec<String> = s
            .split_whitespace()
            .map(|w| {
                let w = w.trim_end_matches(['.', '\'', '’']);
                if fold {
                    w.to_lowercase()
                } else {
                    w.to_string()
                }
            })
            .filter(|w| !w.is_empty())
            .collect();
        (!words.is_empty()).then_some(Phrase { words, fold })
    }
}

/// What a cue before a person's name is (column `kind` of
/// `person_titles.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TitleKind {
    /// Capitalised, kept out of the name ("President").
    Title,
    /// Kept out, and "Lord X of Y" names X.
    Nobility,
    /// A lower-case role noun ("spokesman").
    Role,
}

/// How an organization or place head word works (columns `position` and
/// `strength` of `org_heads.tsv` and `place_heads.tsv`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Head {
    /// May also open a name with "of" ("Ministry of …", "Lake …").
    pub opens: bool,
    pub strong: bool,
}

/// Word lists the name rules use.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameWords {
    pub first_names: HashSet<String, FnvBuild>,
    /// Surname → origin (`chinese`, `arabic`, `us`, …).
    pub surnames: HashMap<String, String, FnvBuild>,
    /// Titles and roles, longest cue first ("Prime Minister" before "Minister").
    pub titles: Vec<(Phrase, TitleKind)>,
    /// Organization heads, longest first.
    pub org_heads: Vec<(Phrase, Head)>,
    /// Place heads, longest first.
    pub place_heads: Vec<(Phrase, Head)>,
    /// Lower-case first word → indexes into `titles` (longest first).
    pub titles_by_first: HashMap<String, Vec<usize>, FnvBuild>,
    /// Last word → indexes into `org_heads` / `place_heads` (longest first).
    pub org_heads_by_last: HashMap<String, Vec<usize>, FnvBuild>,
    pub place_heads_by_last: HashMap<String, Vec<usize>, FnvBuild>,
    /// Capitalised word → class (`function`, `generic`, …).
    pub stop: HashMap<String, String, FnvBuild>,
    /// Month names and their abbreviations, lower-case: the `month` rows
    /// of `stop_capitalized.tsv` ("july", "sept").
    pub months: HashSet<String, FnvBuild>,
    /// Attribution verbs usable right after or before a name.
    pub speech: HashSet<String, FnvBuild>,
    /// Lower-case nouns introducing an organization's name ("firm", "bank").
    pub org_descriptors: HashSet<String, FnvBuild>,
    /// A club's short form that is a place name ("Leeds") → the sports of
    /// the clubs it names (`football`, `cricket`, …).
    pub club_places: HashMap<String, Vec<String>, FnvBuild>,
    /// Wire abbreviations of states and provinces, without the final dot
    /// ("Calif", "N.Y").
    pub state_abbreviations: HashSet<String, FnvBuild>,
    /// Plural nouns naming a party ("Socialists", "Christian Democrats"),
    /// longest first.
    pub party_nouns: Vec<Phrase>,
    /// The lists of `name_words.tsv`.
    pub cues: NameCues,
}

word_lists! {
    /// The name rules' small lists (`name_words.tsv`; each list's comment
    /// there says what it is for).
    pub(crate) struct NameCues from "name_words.tsv" {
        /// Words that mark an article as a sports report when several occur.
        sport_words,
        /// Wire headline labels of a sports report ("SOCCER - …").
        sport_labels,
        /// Capitalised words that close the name of a competition ("Cup").
        event_heads,
        /// … and in a sports report ("League").
        league_heads,
        /// Words right after a team's name ("Leeds beat").
        after_team,
        /// Team roles after a club's name ("Celtic manager").
        team_roles,
        /// Words right before a team's name ("beat Hull").
        before_team,
        /// Two-word cues right before a team's name ("lost to Hull").
        before_team_pairs,
        /// A country's posts abroad ("Embassy").
        posts,
        /// Words before a weak place head that make it a place.
        place_prepositions,
        /// Lower-case place heads ("Raghistan district").
        lower_place_heads,
        /// Lower-case particles inside person names ("bin", "van").
        particles,
        /// Roles held only by people ("striker", "rapper").
        person_only_roles,
        /// Nouns after a possessive that only an organization owns ("board").
        owned_by_orgs,
        /// Two-word cues before an organization's name ("shares in").
        before_org_pairs,
        /// Legal-form suffixes of company names ("SpA").
        legal_suffixes,
        /// Lower-case words inside a multi-word name ("of", "de").
        connectors,
        /// Last words of the names of laws, plans, treaties ("Act", "Plan").
        project_heads,
        /// Roles in a body before "of" and its name ("chief executive of X").
        roles_in_orgs,
        /// Roles between a body's name and a person's ("Wippit boss Jane Doe").
        roles_after_orgs,
        /// Endings of web addresses that name a company ("Amazon.com").
        web_suffixes,
        /// Acronyms of common nouns, not of bodies ("the CEO").
        common_noun_acronyms,
        /// Words after an organization's acronym as its subject ("the BPI is").
        after_subject,
        /// Last words of the names of grounds ("Goodison Park").
        grounds,
        /// Heads whose name's first word alone is its short form ("the Tate").
        shortened_heads,
        /// Nouns after an acronym definition naming a thing ("the DN system").
        thing_nouns,
        /// Legal forms that close a company's name ("Inc", "Bros").
        company_suffixes,
        /// Last words a company's short form drops ("Bancorp", "Holdings").
        generic_tails,
        /// Nouns right before the title of a work ("the album Boy").
        work_nouns,
        /// Work nouns after their modifier ("greatest hits").
        work_noun_pairs,
        /// Nouns after a title that make it a work's ("the Bond films").
        work_nouns_after,
        /// Nouns a person owns and a company does not ("X's wife").
        owned_by_people,
        /// Verbs whose object in a sports report is a player ("sign").
        sign_verbs,
        /// After a place name, a currency ("US dollar").
        currency_nouns,
        /// Plural descriptors a listed name leaves out ("Death Row records").
        plural_descriptors,
        /// After a party adjective, a role ("Labour leader").
        party_roles,
        /// Heads that end names of programmes, not bodies ("Initiative").
        programme_heads,
        /// After a place in a sports report, a team's verb ("Surrey won").
        team_verbs,
        /// Past forms after a place that leave it a place ("based").
        place_participles,
        /// Abbreviations inside an ALL-CAPS name ("ST. LOUIS").
        caps_abbreviations,
        /// After a described news body, its verb ("reported").
        report_verbs,
    }
}

impl NameWords {
    /// Load the embedded lists; the speech verbs come from `verbs`.
    pub(super) fn load(verbs: &AttributionVerbs) -> NameWords {
        let mut lex = NameWords::default();
        let table = embedded_table!("first_names.tsv");
        let [name] = columns(&table, ["name"]);
        // Sized once: growing by rehashing cost a third of the inserts.
        lex.first_names.reserve(table.max_rows());
        for row in rows(&table).filter(|r| !r.cell(name).is_empty()) {
            lex.first_names.insert(row.cell(name).to_string());
        }
        let table = embedded_table!("surnames.tsv");
        let [name, origin] = columns(&table, ["name", "origin"]);
        lex.surnames.reserve(table.max_rows());
        for row in rows(&table).filter(|r| !r.cell(name).is_empty()) {
            let (name, origin) = (row.cell(name), row.cell(origin));
            lex.surnames.insert(name.to_string(), origin.to_string());
        }
        lex.load_titles();
        lex.org_heads = heads(embedded_table!("org_heads.tsv"));
        lex.place_heads = heads(embedded_table!("place_heads.tsv"));
        let table = embedded_table!("stop_capitalized.tsv");
        let [word, class] = columns(&table, ["word", "class"]);
        for row in rows(&table).filter(|r| !r.cell(word).is_empty()) {
            let word = row.cell(word).trim_end_matches('.');
            if row.cell(class) == "month" {
                lex.months.insert(word.to_lowercase());
            }
            lex.stop
                .insert(word.to_string(), row.cell(class).to_string());
        }
        lex.speech = verbs.speech_verbs().map(str::to_string).collect();
        let table = embedded_table!("org_descriptors.tsv");
        let [word] = columns(&table, ["word"]);
        for row in rows(&table).filter(|r| !r.cell(word).is_empty()) {
            lex.org_descriptors.insert(row.cell(word).to_string());
        }
        lex.load_wire_lists();
        lex.cues = NameCues::load();
        lex.index();
        lex
    }

    /// The club forms that are place names, the state abbreviations and the
    /// party nouns.
    fn load_wire_lists(&mut self) {
        let table = embedded_table!("club_places.tsv");
        let [form, sport] = columns(&table, ["form", "sport"]);
        for row in rows(&table) {
            let entry = self.club_places.entry(row.cell(form).to_string());
            entry.or_default().push(row.cell(sport).to_string());
        }
        let table = embedded_table!("state_abbreviations.tsv");
        let [abbreviation] = columns(&table, ["abbreviation"]);
        for row in rows(&table).filter(|r| !r.cell(abbreviation).is_empty()) {
            self.state_abbreviations
                .insert(row.cell(abbreviation).to_string());
        }
        let table = embedded_table!("party_nouns.tsv");
        let [noun] = columns(&table, ["noun"]);
        for row in rows(&table) {
            self.party_nouns.extend(Phrase::new(row.cell(noun), false));
        }
        self.party_nouns
            .sort_by_key(|p| std::cmp::Reverse(p.words.len()));
    }

    /// The rows of `person_titles.tsv`, longest cue first.
    fn load_titles(&mut self) {
        let table = embedded_table!("person_titles.tsv");
        let [cue, kind, case] = columns(&table, ["cue", "kind", "case"]);
        for row in rows(&table) {
            let kind = match row.cell(kind) {
                "nobility" => TitleKind::Nobility,
                "role" => TitleKind::Role,
                _ => TitleKind::Title,
            };
            if let Some(p) = Phrase::new(row.cell(cue), row.cell(case) == "fold") {
                self.titles.push((p, kind));
            }
        }
        longest_first(&mut self.titles);
    }

    /// Index the titles by their first word and the heads by their last,
    /// after the lists have changed (the lexicon's marks are built after).
    pub(super) fn index(&mut self) {
        self.titles_by_first.clear();
        for (k, (p, _)) in self.titles.iter().enumerate() {
            let first = p.words[0].to_lowercase();
            self.titles_by_first.entry(first).or_default().push(k);
        }
        for (heads, by_last) in [
            (&self.org_heads, &mut self.org_heads_by_last),
            (&self.place_heads, &mut self.place_heads_by_last),
        ] {
            by_last.clear();
            for (k, (p, _)) in heads.iter().enumerate() {
                let last = p.words[p.words.len() - 1].clone();
                by_last.entry(last).or_default().push(k);
            }
        }
    }

    /// The number of words [`NameWords::mark_words`] marks, about.
    pub(super) fn marked_words(&self) -> usize {
        self.first_names.len() + self.surnames.len() + self.stop.len()
    }

    /// Mark in `marks` every word of the lists the name rules ask about per
    /// word ([`mark`] bits).
    pub(super) fn mark_words(&self, marks: &mut WordMarks) {
        marks.mark(
            mark::FIRST_NAME,
            self.first_names.iter().map(String::as_str),
        );
        marks.mark(mark::SURNAME, self.surnames.keys().map(String::as_str));
        let east_asian = self.surnames.iter().filter(|(_, origin)| {
            matches!(
                origin.as_str(),
                "chinese" | "korean" | "vietnamese" | "japanese"
            )
        });
        marks.mark(
            mark::EAST_ASIAN_SURNAME,
            east_asian.map(|(name, _)| name.as_str()),
        );
        marks.mark(mark::STOP, self.stop.keys().map(String::as_str));
        for (word, class) in &self.stop {
            let class = class.as_str();
            if matches!(
                class,
                "function" | "pronoun" | "discourse" | "weekday" | "month" | "misc"
            ) {
                marks.mark(mark::FUNCTION_STOP, [word.as_str()]);
            }
            if matches!(class, "function" | "pronoun" | "weekday" | "month") {
                marks.mark(mark::CLOSED_CLASS, [word.as_str()]);
            }
        }
        marks.mark(mark::SPEECH, self.speech.iter().map(String::as_str));
        marks.mark(
            mark::ORG_DESCRIPTOR,
            self.org_descriptors.iter().map(String::as_str),
        );
        marks.mark(mark::PARTICLE, self.cues.particles.iter());
        marks.mark(
            mark::ORG_HEAD_LAST,
            self.org_heads_by_last.keys().map(String::as_str),
        );
        marks.mark(
            mark::PLACE_HEAD_LAST,
            self.place_heads_by_last.keys().map(String::as_str),
        );
        marks.mark(
            mark::PARTY_FIRST,
            self.party_nouns.iter().map(|p| p.words[0].as_str()),
        );
        marks.mark(
            mark::TITLE_FIRST,
            self.titles_by_first.keys().map(String::as_str),
        );
        marks.mark(mark::SPORT_WORD, self.cues.sport_words.iter());
        marks.mark(mark::WORK_NOUN, self.cues.work_nouns.iter());
        marks.mark(
            mark::WORK_PAIR_LAST,
            self.cues
                .work_noun_pairs
                .iter()
                .filter_map(|p| p.split_once(' ').map(|(_, last)| last)),
        );
        marks.mark(mark::WORK_NOUN_AFTER, self.cues.work_nouns_after.iter());
        // Lists written with capitals whose rules ask about the lower-case word.
        for (bit, list) in [
            (mark::COMPANY_SUFFIX, &self.cues.company_suffixes),
            (mark::PROJECT_HEAD, &self.cues.project_heads),
        ] {
            let lower: Vec<String> = list.iter().map(str::to_lowercase).collect();
            marks.mark(bit, lower.iter().map(String::as_str));
        }
        let heads = &self.cues.lower_place_heads;
        marks.mark(mark::LOWER_PLACE_HEAD, heads.iter());
        // The plural the rule strips back ("districts"; "cities" for "city").
        let mut plurals: Vec<String> = heads.iter().map(|h| format!("{h}s")).collect();
        if heads.contains("city") {
            plurals.push("cities".to_string());
        }
        marks.mark(mark::LOWER_PLACE_HEAD, plurals.iter().map(String::as_str));
        for (list, exact, caps) in [
            (
                &self.cues.event_heads,
                mark::EVENT_HEAD,
                mark::EVENT_HEAD_CAPS,
            ),
            (
                &self.cues.league_heads,
                mark::LEAGUE_HEAD,
                mark::LEAGUE_HEAD_CAPS,
            ),
        ] {
            marks.mark(exact, list.iter());
            let upper: Vec<String> = list.iter().map(str::to_ascii_uppercase).collect();
            marks.mark(caps, upper.iter().map(String::as_str));
        }
    }

    /// A capitalised word that can never start a name (function words,
    /// pronouns, days, months, discourse words).
    pub fn is_function_stop(&self, w: &str) -> bool {
        matches!(
            self.stop.get(w).map(String::as_str),
            Some("function" | "pronoun" | "discourse" | "weekday" | "month" | "misc")
        )
    }
}

/// The rows of a head-word file (`head position strength`), longest first.
fn heads(table: Tsv<'static>) -> Vec<(Phrase, Head)> {
    let [head, position, strength] = columns(&table, ["head", "position", "strength"]);
    let mut list = Vec::new();
    for row in rows(&table) {
        let kind = Head {
            opens: row.cell(position) == "both",
            strong: row.cell(strength) != "weak",
        };
        if let Some(p) = Phrase::new(row.cell(head), false) {
            list.push((p, kind));
        }
    }
    longest_first(&mut list);
    list
}

/// Sort phrases longest first, keeping the file's order among equals.
pub(super) fn longest_first<T>(list: &mut [(Phrase, T)]) {
    list.sort_by_key(|(p, _)| std::cmp::Reverse(p.words.len()));
}
