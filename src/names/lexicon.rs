//! The word lists the name rules read (given names, surnames, titles, head
//! words, capitalised stop words, speech verbs, organization descriptors),
//! loaded once from the embedded TSV files in `gazetteers/`.

use std::collections::{HashMap, HashSet};

use once_cell::sync::Lazy;

use crate::hash::FnvBuild;

pub(super) const FIRST_NAMES: &str = include_str!("../../gazetteers/first_names.tsv");
pub(super) const SURNAMES: &str = include_str!("../../gazetteers/surnames.tsv");
pub(super) const PERSON_TITLES: &str = include_str!("../../gazetteers/person_titles.tsv");
pub(super) const ORG_HEADS: &str = include_str!("../../gazetteers/org_heads.tsv");
pub(super) const PLACE_HEADS: &str = include_str!("../../gazetteers/place_heads.tsv");
pub(super) const STOP_CAPITALIZED: &str = include_str!("../../gazetteers/stop_capitalized.tsv");
pub(super) const ATTRIBUTION_VERBS: &str = include_str!("../../gazetteers/attribution_verbs.tsv");
pub(super) const ORG_DESCRIPTORS: &str = include_str!("../../gazetteers/org_descriptors.tsv");
pub(super) const CLUB_PLACES: &str = include_str!("../../gazetteers/club_places.tsv");
pub(super) const PARTY_NOUNS: &str = include_str!("../../gazetteers/party_nouns.tsv");
pub(super) const STATE_ABBREVIATIONS: &str =
    include_str!("../../gazetteers/state_abbreviations.tsv");

/// A cue phrase or head word, split into words (trailing dots dropped, so
/// "Mr." and "Mr" are one entry).
#[derive(Clone, Debug)]
pub(super) struct Phrase {
    pub(super) words: Vec<String>,
    /// Compare case-insensitively.
    pub(super) fold: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TitleKind {
    Title,
    Nobility,
    Role,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Head {
    /// May also open a name with "of" ("Ministry of …", "Lake …").
    pub(super) opens: bool,
    pub(super) strong: bool,
}

/// Word lists the name rules use, built once from the embedded TSV files.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lexicon {
    pub(super) first_names: HashSet<String, FnvBuild>,
    /// Surname → origin (`chinese`, `arabic`, `us`, …).
    pub(super) surnames: HashMap<String, String, FnvBuild>,
    pub(super) titles: Vec<(Phrase, TitleKind)>,
    pub(super) org_heads: Vec<(Phrase, Head)>,
    pub(super) place_heads: Vec<(Phrase, Head)>,
    /// Lower-case first word → indexes into `titles` (longest first).
    pub(super) titles_by_first: HashMap<String, Vec<usize>, FnvBuild>,
    /// Last word → indexes into `org_heads` / `place_heads` (longest first).
    pub(super) org_heads_by_last: HashMap<String, Vec<usize>, FnvBuild>,
    pub(super) place_heads_by_last: HashMap<String, Vec<usize>, FnvBuild>,
    /// Capitalised word → class (`function`, `generic`, …).
    pub(super) stop: HashMap<String, String, FnvBuild>,
    /// Attribution verbs usable right after or before a name.
    pub(super) speech: HashSet<String, FnvBuild>,
    /// Lower-case nouns introducing an organization's name ("firm", "bank").
    pub(super) org_descriptors: HashSet<String, FnvBuild>,
    /// A club's short form that is a place name ("Leeds") → the sports of
    /// the clubs it names (`football`, `cricket`, …).
    pub(super) club_places: HashMap<String, Vec<String>, FnvBuild>,
    /// Wire abbreviations of states and provinces, without the final dot
    /// ("Calif", "N.Y").
    pub(super) state_abbreviations: HashSet<String, FnvBuild>,
    /// Plural nouns naming a party ("Socialists", "Christian Democrats"),
    /// longest first.
    pub(super) party_nouns: Vec<Phrase>,
}

/// A word-list TSV: its header and its data lines (blank and `#` lines
/// skipped), read without an allocation per row — the lists hold tens of
/// thousands of names and are parsed on every cold start.
pub(super) struct WordTable<'s> {
    header: Vec<&'s str>,
    lines: Vec<&'s str>,
}

/// One row of a [`WordTable`], its cells read by header name.
#[derive(Clone, Copy)]
pub(super) struct WordRow<'t, 's> {
    header: &'t [&'s str],
    line: &'s str,
}

impl<'s> WordRow<'_, 's> {
    /// The trimmed cell under column `name`; `None` when the header has no
    /// such column or the row is short of it.
    pub(super) fn get(&self, name: &str) -> Option<&'s str> {
        let column = self.header.iter().position(|&c| c == name)?;
        self.line.split('\t').nth(column).map(str::trim)
    }
}

impl<'s> WordTable<'s> {
    /// The rows after the header.
    pub(super) fn rows(&self) -> impl Iterator<Item = WordRow<'_, 's>> + '_ {
        self.lines.iter().map(|&line| WordRow {
            header: &self.header,
            line,
        })
    }
}

/// Read a word-list TSV (the first non-comment line is its header).
pub(super) fn rows(src: &str) -> WordTable<'_> {
    let mut lines = src
        .lines()
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .filter(|line| !(line.trim().is_empty() || line.starts_with('#')));
    let header = lines
        .next()
        .map(|h| h.split('\t').map(str::trim).collect())
        .unwrap_or_default();
    WordTable {
        header,
        lines: lines.collect(),
    }
}

pub(super) fn phrase(s: &str, fold: bool) -> Phrase {
    let words = s
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
    Phrase { words, fold }
}

impl Lexicon {
    pub fn embedded() -> &'static Lexicon {
        static LEXICON: Lazy<Lexicon> = Lazy::new(Lexicon::build);
        &LEXICON
    }

    /// Parse the embedded word lists (each with a header row naming its
    /// columns; `#` lines are comments).
    pub(super) fn build() -> Lexicon {
        let (first, surnames, titles, org_heads, place_heads, stop, verbs, org_descriptors) = (
            FIRST_NAMES,
            SURNAMES,
            PERSON_TITLES,
            ORG_HEADS,
            PLACE_HEADS,
            STOP_CAPITALIZED,
            ATTRIBUTION_VERBS,
            ORG_DESCRIPTORS,
        );
        let mut lex = Lexicon::default();
        for r in rows(first).rows() {
            if let Some(n) = r.get("name").filter(|n| !n.is_empty()) {
                lex.first_names.insert(n.to_string());
            }
        }
        for r in rows(surnames).rows() {
            if let Some(n) = r.get("name").filter(|n| !n.is_empty()) {
                let origin = r.get("origin").unwrap_or("");
                lex.surnames.insert(n.to_string(), origin.to_string());
            }
        }
        for r in rows(titles).rows() {
            let Some(cue) = r.get("cue").filter(|c| !c.is_empty()) else {
                continue;
            };
            let kind = match r.get("kind") {
                Some("nobility") => TitleKind::Nobility,
                Some("role") => TitleKind::Role,
                _ => TitleKind::Title,
            };
            let fold = r.get("case") == Some("fold");
            let p = phrase(cue, fold);
            if !p.words.is_empty() {
                lex.titles.push((p, kind));
            }
        }
        // Longest cue first, so "Prime Minister" wins over "Minister".
        lex.titles
            .sort_by_key(|(p, _)| std::cmp::Reverse(p.words.len()));
        for (src, list) in [
            (org_heads, &mut lex.org_heads),
            (place_heads, &mut lex.place_heads),
        ] {
            for r in rows(src).rows() {
                let Some(h) = r.get("head").filter(|h| !h.is_empty()) else {
                    continue;
                };
                let head = Head {
                    opens: r.get("position") == Some("both"),
                    strong: r.get("strength") != Some("weak"),
                };
                let p = phrase(h, false);
                if !p.words.is_empty() {
                    list.push((p, head));
                }
            }
            list.sort_by_key(|(p, _)| std::cmp::Reverse(p.words.len()));
        }
        for (k, (p, _)) in lex.titles.iter().enumerate() {
            if let Some(w) = p.words.first() {
                lex.titles_by_first
                    .entry(w.to_lowercase())
                    .or_default()
                    .push(k);
            }
        }
        for (k, (p, _)) in lex.org_heads.iter().enumerate() {
            if let Some(w) = p.words.last() {
                lex.org_heads_by_last.entry(w.clone()).or_default().push(k);
            }
        }
        for (k, (p, _)) in lex.place_heads.iter().enumerate() {
            if let Some(w) = p.words.last() {
                lex.place_heads_by_last
                    .entry(w.clone())
                    .or_default()
                    .push(k);
            }
        }
        for r in rows(stop).rows() {
            if let Some(w) = r.get("word").filter(|w| !w.is_empty()) {
                let class = r.get("class").unwrap_or("");
                lex.stop
                    .insert(w.trim_end_matches('.').to_string(), class.to_string());
            }
        }
        for r in rows(verbs).rows() {
            if let (Some(v), Some("verb")) = (r.get("verb"), r.get("use")) {
                lex.speech.insert(v.to_string());
            }
        }
        for r in rows(org_descriptors).rows() {
            if let Some(w) = r.get("word").filter(|w| !w.is_empty()) {
                lex.org_descriptors.insert(w.to_string());
            }
        }
        for r in rows(CLUB_PLACES).rows() {
            if let (Some(form), Some(sport)) = (r.get("form"), r.get("sport")) {
                lex.club_places
                    .entry(form.to_string())
                    .or_default()
                    .push(sport.to_string());
            }
        }
        for r in rows(STATE_ABBREVIATIONS).rows() {
            if let Some(a) = r.get("abbreviation").filter(|a| !a.is_empty()) {
                lex.state_abbreviations.insert(a.to_string());
            }
        }
        for r in rows(PARTY_NOUNS).rows() {
            if let Some(p) = r.get("noun").filter(|p| !p.is_empty()) {
                lex.party_nouns.push(phrase(p, false));
            }
        }
        lex.party_nouns
            .sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        lex
    }

    /// A capitalised word that can never start a name (function words,
    /// pronouns, days, months, discourse words).
    pub(super) fn is_function_stop(&self, w: &str) -> bool {
        matches!(
            self.stop.get(w).map(String::as_str),
            Some("function" | "pronoun" | "discourse" | "weekday" | "month" | "misc")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_loads() {
        let lex = Lexicon::embedded();
        assert!(lex.first_names.len() > 100);
        assert!(lex.titles.iter().any(|(p, _)| p.words == ["Mr"]));
        assert!(lex.org_heads.iter().any(|(p, _)| p.words == ["Institute"]));
    }
}
