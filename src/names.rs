//! Name rules: people, organizations and places that no gazetteer holds,
//! found from first names, titles, head words and acronym definitions.
//!
//! The rules run over a simple word tokenization of the article. Each rule
//! proposes spans; gazetteer matches are proposed too, and the longest span
//! wins where they overlap ("China" inside "Bank of China" is no mention of
//! its own). A last pass finds names the article has already established
//! (a surname after the full name, an organization first seen with its head
//! word) wherever they recur, headlines and sentence starts included.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{BTreeMap, HashMap, HashSet};

use once_cell::sync::Lazy;

use crate::entities::Candidate;
use crate::gazetteer::{GazMatch, Gazetteer};
use crate::hash::FnvBuild;
use crate::record::EntityType;
use crate::text::Doc;

const FIRST_NAMES: &str = include_str!("../gazetteers/first_names.tsv");
const SURNAMES: &str = include_str!("../gazetteers/surnames.tsv");
const PERSON_TITLES: &str = include_str!("../gazetteers/person_titles.tsv");
const ORG_HEADS: &str = include_str!("../gazetteers/org_heads.tsv");
const PLACE_HEADS: &str = include_str!("../gazetteers/place_heads.tsv");
const STOP_CAPITALIZED: &str = include_str!("../gazetteers/stop_capitalized.tsv");
const ATTRIBUTION_VERBS: &str = include_str!("../gazetteers/attribution_verbs.tsv");
const ORG_DESCRIPTORS: &str = include_str!("../gazetteers/org_descriptors.tsv");

/// Lower-case words that may sit inside a multi-word name ("Bank of China",
/// "Society for Central Asian Affairs").
const CONNECTORS: &[&str] = &["of", "for", "on", "and", "&", "the", "de", "du", "des"];

/// Lower-case particles inside person names ("Osama bin Laden", "Vincent van Gogh").
const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "ben", "abu", "van", "von", "der", "den", "de", "da", "di",
    "del", "della", "dos", "du", "la", "le", "ter", "ul", "ud", "zu",
];

/// Diplomatic posts: after a nationality adjective alone they are a
/// description ("Chinese Embassy"); "Chinese Embassy in London" is a name.
const POSTS: &[&str] = &[
    "Embassy",
    "Consulate",
    "High Commission",
    "Delegation",
    "Mission",
];

/// Words before a weak place head that make it a place ("in Tiananmen Square").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "at", "near", "from", "to", "outside", "inside", "across", "into", "through", "around",
    "toward", "towards", "via", "on",
];

/// Lower-case place heads that turn the capitalised word before them into a
/// place while staying out of its span ("Raghistan district" → "Raghistan").
/// Only these: other heads written lower-case are too often common nouns.
const LOWER_PLACE_HEADS: &[&str] = &[
    "province",
    "region",
    "district",
    "county",
    "prefecture",
    "city",
    "town",
    "village",
    "township",
    "municipality",
    "valley",
    "river",
    "oblast",
    "governorate",
    "autonomous region",
    "dam",
    "prison",
    "jail",
    "airport",
    "island",
    "lake",
    "desert",
    "mountains",
];

/// A cue phrase or head word, split into words (trailing dots dropped, so
/// "Mr." and "Mr" are one entry).
#[derive(Clone, Debug)]
struct Phrase {
    words: Vec<String>,
    /// Compare case-insensitively.
    fold: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TitleKind {
    Title,
    Nobility,
    Role,
}

#[derive(Clone, Copy, Debug)]
struct Head {
    /// May also open a name with "of" ("Ministry of …", "Lake …").
    opens: bool,
    strong: bool,
}

/// Word lists the name rules use, built once from the embedded TSV files.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    first_names: HashSet<String, FnvBuild>,
    /// Surname → origin (`chinese`, `arabic`, `us`, …).
    surnames: HashMap<String, String, FnvBuild>,
    titles: Vec<(Phrase, TitleKind)>,
    org_heads: Vec<(Phrase, Head)>,
    place_heads: Vec<(Phrase, Head)>,
    /// Lower-case first word → indexes into `titles` (longest first).
    titles_by_first: HashMap<String, Vec<usize>, FnvBuild>,
    /// Last word → indexes into `org_heads` / `place_heads` (longest first).
    org_heads_by_last: HashMap<String, Vec<usize>, FnvBuild>,
    place_heads_by_last: HashMap<String, Vec<usize>, FnvBuild>,
    /// Capitalised word → class (`function`, `generic`, …).
    stop: HashMap<String, String, FnvBuild>,
    /// Attribution verbs usable right after or before a name.
    speech: HashSet<String, FnvBuild>,
    /// Lower-case nouns introducing an organization's name ("firm", "bank").
    org_descriptors: HashSet<String, FnvBuild>,
}

/// Rows of a word-list TSV as maps from header name to value.
fn rows(src: &str) -> Vec<HashMap<&str, &str>> {
    let mut header: Option<Vec<&str>> = None;
    let mut out = Vec::new();
    for line in src.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        match &header {
            None => header = Some(cols),
            Some(h) => out.push(h.iter().copied().zip(cols).collect()),
        }
    }
    out
}

fn phrase(s: &str, fold: bool) -> Phrase {
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
    fn build() -> Lexicon {
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
        for r in rows(first) {
            if let Some(n) = r.get("name").filter(|n| !n.is_empty()) {
                lex.first_names.insert(n.to_string());
            }
        }
        for r in rows(surnames) {
            if let Some(n) = r.get("name").filter(|n| !n.is_empty()) {
                let origin = r.get("origin").copied().unwrap_or("");
                lex.surnames.insert(n.to_string(), origin.to_string());
            }
        }
        for r in rows(titles) {
            let Some(cue) = r.get("cue").filter(|c| !c.is_empty()) else {
                continue;
            };
            let kind = match r.get("kind").copied() {
                Some("nobility") => TitleKind::Nobility,
                Some("role") => TitleKind::Role,
                _ => TitleKind::Title,
            };
            let fold = r.get("case").copied() == Some("fold");
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
            for r in rows(src) {
                let Some(h) = r.get("head").filter(|h| !h.is_empty()) else {
                    continue;
                };
                let head = Head {
                    opens: r.get("position").copied() == Some("both"),
                    strong: r.get("strength").copied() != Some("weak"),
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
        for r in rows(stop) {
            if let Some(w) = r.get("word").filter(|w| !w.is_empty()) {
                let class = r.get("class").copied().unwrap_or("");
                lex.stop
                    .insert(w.trim_end_matches('.').to_string(), class.to_string());
            }
        }
        for r in rows(verbs) {
            if let (Some(v), Some("verb")) = (r.get("verb"), r.get("use").copied()) {
                lex.speech.insert(v.to_string());
            }
        }
        for r in rows(org_descriptors) {
            if let Some(w) = r.get("word").filter(|w| !w.is_empty()) {
                lex.org_descriptors.insert(w.to_string());
            }
        }
        lex
    }

    /// A capitalised word that can never start a name (function words,
    /// pronouns, days, months, discourse words).
    fn is_function_stop(&self, w: &str) -> bool {
        matches!(
            self.stop.get(w).map(String::as_str),
            Some("function" | "pronoun" | "discourse" | "weekday" | "month" | "misc")
        )
    }
}

/// One word of the text.
#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    /// The word carried a possessive `'s`/`’s` (left out of `start..end`).
    possessive: bool,
}

/// Split into words: letters and digits, with `-`, `'`, `’`, `.` and `&`
/// kept when they sit between two word characters ("al-Qaeda", "O'Brien",
/// "U.S"). A possessive `'s` is cut off.
fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    // Byte offsets throughout; `char_at` decodes the character there.
    let char_at = |p: usize| text.get(p..).and_then(|s| s.chars().next());
    let mut i = 0;
    while let Some(c) = char_at(i) {
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut j = i + c.len_utf8();
        while let Some(c) = char_at(j) {
            if c.is_alphanumeric() {
                j += c.len_utf8();
            } else if matches!(c, '-' | '\'' | '’' | '.' | '&') {
                match char_at(j + c.len_utf8()) {
                    Some(n) if n.is_alphanumeric() => j += c.len_utf8() + n.len_utf8(),
                    _ => break,
                }
            } else {
                break;
            }
        }
        let end = j;
        let word = &text[start..end];
        let mut tok = Tok {
            start,
            end,
            possessive: false,
        };
        for suffix in ["'s", "’s", "'S", "’S"] {
            if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
                tok.end = end - suffix.len();
                tok.possessive = true;
            }
        }
        // "Reuters’" (plural possessive): the apostrophe is outside already.
        out.push(tok);
        i = j;
    }
    out
}

/// A proposed span: a mention, or a block (a non-entity name such as a law
/// or a territorial designation) that swallows the matches inside it.
#[derive(Clone, Debug)]
struct Span {
    start: usize,
    end: usize,
    kind: Option<EntityType>,
    entry: Option<u32>,
    canonical: Option<String>,
    rule: String,
    /// Lower wins among spans of equal length.
    prio: u8,
}

impl Span {
    /// The span of a gazetteer entry's match.
    fn gazetteer(ctx: &Ctx<'_, '_>, entry: u32, start: usize, end: usize) -> Span {
        let e = &ctx.gaz.entries()[entry as usize];
        Span {
            start,
            end,
            kind: Some(e.kind),
            entry: Some(entry),
            canonical: None,
            rule: format!("gazetteer:{}", e.key),
            prio: PRIO_GAZ,
        }
    }
}

const PRIO_ACRONYM: u8 = 0;
const PRIO_GAZ: u8 = 1;
const PRIO_RULE: u8 = 2;

struct Ctx<'d, 'a> {
    doc: &'d Doc<'a>,
    gaz: &'d Gazetteer,
    lex: &'d Lexicon,
    toks: Vec<Tok>,
    /// Gazetteer type covering each token, if any.
    gaz_kind: Vec<Option<EntityType>>,
    /// The gazetteer match covering each token may give way to a person
    /// name: a one-word city or an ambiguous entry ("Winston", "Davis").
    gaz_soft: Vec<bool>,
    headline: Vec<bool>,
    initial: Vec<bool>,
    /// Lower-case words that occur written in lower case somewhere in the text
    /// (built on first use: few articles ask).
    lower_words: OnceCell<HashSet<&'a str>>,
    /// Capitalised words that occur away from sentence starts and headlines
    /// (built on first use).
    mid_caps: OnceCell<HashSet<&'a str>>,
    // Per-token facts the rules ask for many times, computed once.
    /// Each token lower-cased (`str::to_lowercase`).
    lower: Vec<Cow<'a, str>>,
    /// Starts with a capital letter.
    cap: Vec<bool>,
    /// See [`Ctx::compute_name_word`].
    name_word: Vec<bool>,
    /// The title or role starting at each token (see [`Ctx::compute_title_at`]).
    titles: Vec<Option<(usize, TitleKind)>>,
}

impl<'d, 'a> Ctx<'d, 'a> {
    fn word(&self, i: usize) -> &'a str {
        let t = self.toks[i];
        &self.doc.text[t.start..t.end]
    }

    /// The text between token `i - 1` and token `i`.
    fn sep(&self, i: usize) -> &'a str {
        if i == 0 || i >= self.toks.len() {
            return "";
        }
        if self.toks[i - 1].possessive {
            return "’s";
        }
        &self.doc.text[self.toks[i - 1].end..self.toks[i].start]
    }

    /// Tokens `i - 1` and `i` are in one phrase: only spaces between them.
    fn joined(&self, i: usize) -> bool {
        let s = self.sep(i);
        i > 0 && !s.is_empty() && s.chars().all(|c| c == ' ' || c == '\u{a0}')
    }

    fn is_cap(&self, i: usize) -> bool {
        self.cap[i]
    }

    /// An acronym as a definition may write it: 2–6 letters, capitalised,
    /// mostly capitals or a short mixed form ("ETIM", "D66", "Sepa").
    fn is_acronym_like(&self, i: usize) -> bool {
        let w = self.word(i);
        let letters = w.chars().filter(|c| c.is_alphanumeric()).count();
        self.is_cap(i) && (2..=7).contains(&letters) && !w.contains(['-', '\'', '’'])
    }

    fn is_all_caps(&self, i: usize) -> bool {
        let w = self.word(i);
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    }

    /// A word that can be part of a name: capitalised, with every hyphen
    /// part capitalised except short particles ("Tehreek-e-Taliban",
    /// "al-Qaeda"); "US-backed" is not one.
    fn is_name_word(&self, i: usize) -> bool {
        self.name_word[i]
    }

    fn compute_name_word(&self, i: usize) -> bool {
        let w = self.word(i);
        if !w.contains('-') {
            return self.is_cap(i) && w.chars().any(char::is_alphabetic);
        }
        let parts: Vec<&str> = w.split('-').collect();
        let cap = |p: &str| p.chars().next().is_some_and(char::is_uppercase);
        let first_ok = parts
            .first()
            .is_some_and(|p| cap(p) || PARTICLES.contains(&p.to_lowercase().as_str()));
        let last_ok = parts.last().is_some_and(|p| cap(p));
        first_ok && last_ok
    }

    fn is_particle(&self, i: usize) -> bool {
        PARTICLES.contains(&self.word(i))
    }

    fn is_stop(&self, i: usize) -> bool {
        self.lex.stop.contains_key(self.word(i))
    }

    /// Case-insensitive phrase match of `p` starting at token `i`; returns
    /// the token index one past the phrase. Words of a phrase may be
    /// separated by spaces or an abbreviation's dot.
    fn phrase_at(&self, p: &Phrase, i: usize) -> Option<usize> {
        if i + p.words.len() > self.toks.len() {
            return None;
        }
        for (k, pw) in p.words.iter().enumerate() {
            let j = i + k;
            if k > 0 {
                let s = self.sep(j).trim_start_matches('.');
                if s.is_empty() || !s.chars().all(|c| c == ' ') {
                    return None;
                }
            }
            let ok = if p.fold {
                self.lower[j] == pw.as_str()
            } else {
                self.word(j) == pw
            };
            if !ok {
                return None;
            }
        }
        Some(i + p.words.len())
    }

    /// Phrase ending at token `end - 1` (exclusive `end`); returns its start.
    fn phrase_ending(&self, p: &Phrase, end: usize) -> Option<usize> {
        let start = end.checked_sub(p.words.len())?;
        (self.phrase_at(p, start) == Some(end)).then_some(start)
    }

    fn title_at(&self, i: usize) -> Option<(usize, TitleKind)> {
        self.titles.get(i).copied().flatten()
    }

    fn compute_title_at(&self, i: usize) -> Option<(usize, TitleKind)> {
        if i >= self.toks.len() {
            return None;
        }
        let list = self.lex.titles_by_first.get(self.word_lower(i))?;
        list.iter().find_map(|&k| {
            let (p, kind) = &self.lex.titles[k];
            self.phrase_at(p, i).map(|e| (e, *kind))
        })
    }

    fn org_head_ending(&self, end: usize) -> Option<(usize, Head, &'d Phrase)> {
        if end == 0 || end > self.toks.len() {
            return None;
        }
        let list = self.lex.org_heads_by_last.get(self.word(end - 1))?;
        list.iter().find_map(|&k| {
            let (p, h) = &self.lex.org_heads[k];
            self.phrase_ending(p, end).map(|s| (s, *h, p))
        })
    }

    fn place_head_ending(&self, end: usize) -> Option<(usize, Head)> {
        if end == 0 || end > self.toks.len() {
            return None;
        }
        let list = self.lex.place_heads_by_last.get(self.word(end - 1))?;
        list.iter().find_map(|&k| {
            let (p, h) = &self.lex.place_heads[k];
            self.phrase_ending(p, end).map(|s| (s, *h))
        })
    }

    fn is_head_word(&self, i: usize) -> bool {
        self.org_head_ending(i + 1).is_some()
    }

    /// Capitals here say nothing: a headline-case line.
    fn capitals_mute(&self, i: usize) -> bool {
        self.headline[i]
    }

    /// A capitalised word known to be (part of) a name: a gazetteer match,
    /// a listed given name or surname, or a word the text capitalises
    /// somewhere other than at a sentence start.
    fn is_known_name_word(&self, i: usize) -> bool {
        let w = self.word(i);
        self.gaz_kind[i].is_some()
            || self.lex.first_names.contains(w)
            || self.lex.surnames.contains_key(w)
            || self.mid_caps().contains(w)
    }

    /// A capitalised word that is also an ordinary word in this text
    /// ("Will", "Mark" written "will", "mark" elsewhere).
    fn is_common_word(&self, i: usize) -> bool {
        let w = self.word(i);
        self.lex.stop.contains_key(w) || self.lower_words().contains(self.word_lower(i))
    }

    fn lower_words(&self) -> &HashSet<&'a str> {
        self.lower_words.get_or_init(|| {
            let text = self.doc.text;
            self.toks
                .iter()
                .filter(|t| {
                    text[t.start..t.end]
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
                })
                .map(|t| &text[t.start..t.end])
                .collect()
        })
    }

    fn mid_caps(&self) -> &HashSet<&'a str> {
        self.mid_caps.get_or_init(|| {
            let text = self.doc.text;
            self.toks
                .iter()
                .enumerate()
                .filter(|&(k, t)| {
                    !self.initial[k]
                        && !self.headline[k]
                        && text[t.start..t.end]
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase)
                })
                .map(|(_, t)| &text[t.start..t.end])
                .collect()
        })
    }

    /// A person name starting at token `i`: name words joined by spaces,
    /// with particles inside. Stops at titles, head words, stop words and
    /// gazetteer places/organizations/nationalities. Returns the end index.
    fn name_at(&self, i: usize) -> Option<usize> {
        if i >= self.toks.len()
            || !self.is_name_word(i)
            || self.is_stop(i)
            || self.is_head_word(i)
            || self.title_at(i).is_some()
        {
            return None;
        }
        let mut end = i + 1;
        let mut j = i + 1;
        while j < self.toks.len() && j - i < 6 && !self.toks[j - 1].possessive && self.joined(j) {
            if self.is_name_word(j) {
                if self.is_stop(j)
                    || self.is_head_word(j)
                    || self.place_head_ending(j + 1).is_some()
                    || self.is_all_caps(j)
                    || self.title_at(j).is_some_and(|(e, _)| {
                        e < self.toks.len() && self.joined(e) && self.is_name_word(e)
                    })
                    || (self.gaz_blocks_name(j))
                {
                    break;
                }
                j += 1;
                end = j;
            } else if self.is_particle(j)
                && (j + 1..(j + 3).min(self.toks.len()))
                    .find(|&k| !self.is_particle(k))
                    .is_some_and(|k| self.is_name_word(k) && self.joined(k))
            {
                j += 1;
            } else {
                break;
            }
        }
        Some(end)
    }

    /// A gazetteer match here rules out a person name through this token.
    fn gaz_blocks_name(&self, j: usize) -> bool {
        match self.gaz_kind[j] {
            Some(EntityType::Organization | EntityType::Nationality) => true,
            Some(EntityType::Place) => !self.gaz_soft[j],
            _ => false,
        }
    }

    fn span(&self, from: usize, to: usize) -> (usize, usize) {
        (self.toks[from].start, self.toks[to - 1].end)
    }

    fn word_lower(&self, i: usize) -> &str {
        &self.lower[i]
    }
}

/// All candidate mentions: gazetteer matches plus rule-found names.
pub(crate) fn find(
    doc: &Doc<'_>,
    gaz: &Gazetteer,
    lexicon: &Lexicon,
    matches: Vec<GazMatch>,
) -> Vec<Candidate> {
    let toks = tokenize(doc.text);
    let mut gaz_kind = vec![None; toks.len()];
    let mut gaz_soft = vec![false; toks.len()];
    {
        let mut k = 0;
        for m in &matches {
            while k < toks.len() && toks[k].end <= m.start {
                k += 1;
            }
            let e = &gaz.entries()[m.entry as usize];
            let one_word = !doc.text[m.start..m.end].contains(' ');
            let soft = e.kind == EntityType::Place
                && one_word
                && (e.key.starts_with("gn:")
                    || e.policy == crate::gazetteer::MatchPolicy::Ambiguous);
            let mut j = k;
            while j < toks.len() && toks[j].start < m.end {
                gaz_kind[j] = Some(e.kind);
                gaz_soft[j] = soft;
                j += 1;
            }
        }
    }
    let headline: Vec<bool> = {
        // One answer per line: the test reads the whole line. Tokens come in
        // order, so only the current line's answer is kept.
        let mut cache: Option<(std::ops::Range<usize>, bool)> = None;
        toks.iter()
            .map(|t| match &cache {
                Some((line, mute)) if line.start <= t.start && t.start <= line.end => *mute,
                _ => {
                    let line = doc.line_span(t.start);
                    let mute = capitals_mute(doc, t.start);
                    cache = Some((line, mute));
                    mute
                }
            })
            .collect()
    };
    // The first token at or after each sentence start is sentence-initial;
    // a walk over both lists keeps this linear.
    let initial: Vec<bool> = {
        let mut out = vec![false; toks.len()];
        let mut k = 0;
        for sent in &doc.sentences {
            while k < toks.len() && toks[k].start < sent.start {
                k += 1;
            }
            if k < toks.len() && toks[k].start < sent.end {
                out[k] = true;
            }
        }
        out
    };
    let lower = toks
        .iter()
        .map(|t| {
            let w = &doc.text[t.start..t.end];
            // The folded text lower-cases an ASCII word exactly as
            // `to_lowercase` does; other words are lower-cased on their own.
            match doc.folded.get(t.start..t.end) {
                Some(f) if w.is_ascii() => Cow::Borrowed(f),
                _ => Cow::Owned(w.to_lowercase()),
            }
        })
        .collect();
    let cap = toks
        .iter()
        .map(|t| {
            doc.text[t.start..t.end]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
        .collect();
    let mut ctx = Ctx {
        doc,
        gaz,
        lex: lexicon,
        toks,
        gaz_kind,
        gaz_soft,
        headline,
        initial,
        lower_words: OnceCell::new(),
        mid_caps: OnceCell::new(),
        lower,
        cap,
        name_word: Vec::new(),
        titles: Vec::new(),
    };
    ctx.name_word = (0..ctx.toks.len())
        .map(|i| ctx.compute_name_word(i))
        .collect();
    ctx.titles = (0..ctx.toks.len())
        .map(|i| ctx.compute_title_at(i))
        .collect();

    let mut spans = gazetteer_spans(&ctx, &matches);
    acronyms(&ctx, &matches, &mut spans);
    org_and_place_heads(&ctx, &mut spans);
    lower_place_heads(&ctx, &mut spans);
    people(&ctx, &mut spans);
    org_descriptors(&ctx, &mut spans);
    let chosen = select(spans);
    let chosen = known_names(&ctx, chosen);
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

/// Capitals say nothing here: the title, an ALL-CAPS line, or a Title Case
/// line that does not end like a sentence. (A short body sentence full of
/// names, "Thousands gathered in Liberation Square on Friday.", is Title
/// Case by count but ends with a full stop.)
fn capitals_mute(doc: &Doc<'_>, offset: usize) -> bool {
    if doc.headline.as_ref().is_some_and(|h| h.contains(&offset)) {
        return true;
    }
    let line = doc.text[doc.line_span(offset)].trim_end();
    let all_caps = !line.chars().any(char::is_lowercase);
    // Decide on the cheap tests first: a body line ending like a sentence is
    // never mute, whatever its case, so the (costly) headline-case test is
    // only read for the rest.
    (all_caps || !line.ends_with(['.', '!', '?', '"', '”', ')', ':', ';', ',']))
        && doc.in_headline_case(offset)
}

/// Gazetteer matches as spans, minus the ones the text shows are not
/// mentions: a country inside a currency ("US$", "US dollar"), a party
/// adjective labelling a person or role ("Democrat Jeff Merkley",
/// "Tory spokesman"); a trailing lower-case head word is cut off
/// ("Xinjiang region" → "Xinjiang").
fn gazetteer_spans(ctx: &Ctx<'_, '_>, matches: &[GazMatch]) -> Vec<Span> {
    let text = ctx.doc.text;
    let mut out = Vec::new();
    for m in matches {
        let e = &ctx.gaz.entries()[m.entry as usize];
        let (start, mut end) = (m.start, m.end);
        let after = &text[end..];
        if e.kind == EntityType::Place {
            if after.starts_with('$') {
                continue;
            }
            let next = ctx.doc.word_after(end).map(|(_, w)| w.to_lowercase());
            if matches!(
                next.as_deref(),
                Some("dollar" | "dollars" | "$" | "cents" | "yuan" | "pound" | "pounds")
            ) && !text[end..]
                .trim_start()
                .starts_with(|c: char| c.is_uppercase())
            {
                continue;
            }
            if let Some(sp) = text[start..end].rfind(' ') {
                let last = &text[start + sp + 1..end];
                if last.chars().next().is_some_and(char::is_lowercase)
                    && LOWER_PLACE_HEADS.contains(&last)
                {
                    end = start + sp;
                }
            }
        }
        if e.kind == EntityType::Organization && is_party_label(ctx, e, start, end) {
            continue;
        }
        out.push(Span::gazetteer(ctx, m.entry, start, end));
    }
    out
}

/// A party's adjective or member noun ("Conservative", "Democrat", "Tory")
/// right before a name or a role is a label, not a mention.
fn is_party_label(
    ctx: &Ctx<'_, '_>,
    e: &crate::gazetteer::Entry,
    start: usize,
    end: usize,
) -> bool {
    let written = &ctx.doc.text[start..end];
    let is_party = e.name.contains("Party") || e.names().any(|n| n.contains("Party"));
    if !is_party || written.contains("Party") || written.contains(' ') {
        return false;
    }
    // The plural noun is the party itself ("the Conservatives said").
    if written.ends_with('s') && !written.ends_with("ss") {
        return false;
    }
    let i = ctx.toks.partition_point(|t| t.start < end);
    if i >= ctx.toks.len() {
        return false;
    }
    if !ctx.joined(i) {
        return false;
    }
    if ctx.title_at(i).is_some() {
        return true;
    }
    let w = ctx.word(i);
    if w.chars().next().is_some_and(char::is_lowercase) {
        // "Conservative shadow home secretary", "Labour leader": a role noun
        // within the next three words.
        return (i..(i + 3).min(ctx.toks.len())).any(|j| {
            ctx.title_at(j).is_some()
                || matches!(
                    ctx.word(j),
                    "spokesman" | "spokeswoman" | "spokesperson" | "candidate" | "leader" | "peer"
                )
        });
    }
    ctx.lex.first_names.contains(w) && ctx.name_at(i).is_some_and(|e| e > i + 1)
}

/// Acronym definitions: "Full Name (ACR)" and "ACR (Full Name)". The full
/// name becomes a mention; every occurrence of the acronym in the article
/// links to it.
fn acronyms(ctx: &Ctx<'_, '_>, matches: &[GazMatch], spans: &mut Vec<Span>) {
    let text = ctx.doc.text;
    let n = ctx.toks.len();
    let mut defs: Vec<(String, Span)> = Vec::new();
    for i in 1..n {
        let sep = ctx.sep(i);
        if !sep.trim_end().ends_with('(') {
            continue;
        }
        // "Full Name (ACR)"
        if ctx.is_acronym_like(i) && text[ctx.toks[i].end..].starts_with(')') {
            let acr = ctx.word(i);
            if let Some(from) = expansion_before(ctx, i, acr) {
                if let Some(def) = definition(ctx, matches, from, i) {
                    defs.push((acr.to_string(), def));
                }
            }
            continue;
        }
        // "ACR (Full Name)"
        if ctx.is_all_caps(i - 1) && ctx.is_name_word(i) {
            let acr = ctx.word(i - 1);
            let mut j = i;
            while j + 1 < n && !text[ctx.toks[j].end..].starts_with(')') && j - i < 10 {
                j += 1;
            }
            if text[ctx.toks[j].end..].starts_with(')') && initials_match(ctx, i, j + 1, acr) {
                if let Some(def) = definition(ctx, matches, i, j + 1) {
                    defs.push((acr.to_string(), def));
                }
            }
        }
    }
    for (acr, def) in defs {
        let canonical = text[def.start..def.end].to_string();
        for t in 0..n {
            if ctx.word(t) != acr {
                continue;
            }
            spans.push(Span {
                start: ctx.toks[t].start,
                end: ctx.toks[t].end,
                kind: def.kind,
                entry: def.entry,
                canonical: Some(canonical.clone()),
                rule: "rule:acronym".into(),
                prio: PRIO_ACRONYM,
            });
        }
        spans.push(def);
    }
}

/// The start token of the expansion ending right before token `paren`
/// (which holds the acronym): the shortest run of name words and connectors
/// whose initials spell the acronym.
fn expansion_before(ctx: &Ctx<'_, '_>, paren: usize, acr: &str) -> Option<usize> {
    let end = paren;
    let mut from = end;
    while from > 0 && end - from < 12 {
        from -= 1;
        if from + 1 < end && !ctx.joined(from + 1) {
            break;
        }
        if ctx.is_name_word(from) && initials_match(ctx, from, end, acr) {
            return Some(from);
        }
        if !(ctx.is_name_word(from) || CONNECTORS.contains(&ctx.word(from))) {
            break;
        }
    }
    None
}

/// Initials of the name words in `from..to` (hyphen parts count, so
/// "Tehreek-e-Taliban Pakistan" gives TTP) spell `acr`, with or without the
/// connectors' initials.
fn initials_match(ctx: &Ctx<'_, '_>, from: usize, to: usize, acr: &str) -> bool {
    let letters: String = acr
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect();
    let mut caps = String::new();
    let mut all = String::new();
    for i in from..to {
        let w = ctx.word(i);
        for part in w.split('-') {
            let Some(c) = part.chars().next() else {
                continue;
            };
            if c.is_uppercase() {
                caps.extend(c.to_uppercase());
                // Acronyms of camel-case words ("SumOfUs") are rare; skip.
            }
            all.extend(c.to_uppercase());
        }
    }
    !letters.is_empty() && (caps == letters || all == letters)
}

/// The mention an acronym definition spans `from..to` makes: a gazetteer
/// entry's type when the expansion is one, else by its head word; a law,
/// project or programme makes no entity.
fn definition(ctx: &Ctx<'_, '_>, matches: &[GazMatch], from: usize, to: usize) -> Option<Span> {
    let (start, end) = ctx.span(from, to);
    if let Some(m) = matches.iter().find(|m| m.start == start && m.end == end) {
        return Some(Span::gazetteer(ctx, m.entry, start, end));
    }
    if ctx.capitals_mute(from) {
        return None;
    }
    // "Member of European Parliament (MEP)" names a role, not a body.
    if ctx.title_at(from).is_some() {
        return None;
    }
    let kind = if let Some((_, head, p)) = ctx.org_head_ending(to) {
        if non_entity_head(p) {
            None
        } else {
            let _ = head;
            Some(EntityType::Organization)
        }
    } else if ctx.place_head_ending(to).is_some() {
        if is_project(ctx, from, to) {
            None
        } else {
            Some(EntityType::Place)
        }
    } else if is_project(ctx, from, to) {
        None
    } else {
        Some(EntityType::Organization)
    };
    Some(Span {
        start,
        end,
        kind,
        entry: None,
        canonical: None,
        rule: "rule:acronym".into(),
        prio: PRIO_ACRONYM,
    })
}

/// Heads that end names of programmes, not bodies.
fn non_entity_head(p: &Phrase) -> bool {
    matches!(
        p.words.last().map(String::as_str),
        Some("Initiative" | "Program" | "Programme" | "Campaign")
    )
}

/// Names of laws, projects, plans and events: not entities.
fn is_project(ctx: &Ctx<'_, '_>, from: usize, to: usize) -> bool {
    let last = ctx.word(to - 1);
    let before = if to >= 2 && to - 1 > from {
        ctx.word(to - 2)
    } else {
        ""
    };
    matches!(
        last,
        "Act"
            | "Bill"
            | "Law"
            | "Initiative"
            | "Programme"
            | "Program"
            | "Plan"
            | "Strategy"
            | "Agreement"
            | "Treaty"
            | "Accord"
            | "Olympics"
            | "Games"
            | "Report"
            | "Index"
    ) || (before == "Economic" && last == "Corridor")
}

/// Organization and place names closed by a capitalised head word
/// ("World Uyghur Congress", "Three Gorges Dam") or opened by one with
/// "of" ("Ministry of Foreign Affairs", "Gulf of Aden").
fn org_and_place_heads(ctx: &Ctx<'_, '_>, spans: &mut Vec<Span>) {
    let n = ctx.toks.len();
    for i in 0..n {
        if !ctx.is_cap(i) || ctx.capitals_mute(i) {
            continue;
        }
        let end = i + 1;
        if let Some((hs, head, p)) = ctx.org_head_ending(end) {
            if let Some(s) = org_span(ctx, hs, end, head, p) {
                spans.push(s);
                continue;
            }
        }
        if let Some((hs, head)) = ctx.place_head_ending(end) {
            if let Some(s) = place_span(ctx, hs, end, head) {
                spans.push(s);
                continue;
            }
        }
        // "Lake Tessaro", "Mount Kenya": an opening head and a name.
        if let Some((hs, head)) = ctx.place_head_ending(end) {
            if head.opens && head.strong && hs == i && end < n && ctx.joined(end) {
                let mut to = end;
                while to < n
                    && to - end < 3
                    && ctx.joined(to)
                    && ctx.is_name_word(to)
                    && !ctx.is_stop(to)
                    && !ctx.is_head_word(to)
                    && !matches!(
                        ctx.gaz_kind[to],
                        Some(EntityType::Nationality | EntityType::Organization)
                    )
                {
                    to += 1;
                    if ctx.toks[to - 1].possessive {
                        break;
                    }
                }
                if to > end {
                    let (start, e) = ctx.span(hs, to);
                    spans.push(Span {
                        start,
                        end: e,
                        kind: Some(EntityType::Place),
                        entry: None,
                        canonical: None,
                        rule: "rule:place-head".into(),
                        prio: PRIO_RULE,
                    });
                }
            }
        }
    }
    // Laws, programmes and events swallow the names inside them.
    for i in 0..n {
        if !ctx.is_cap(i) || ctx.capitals_mute(i) {
            continue;
        }
        let from = extend_left(ctx, i);
        if from < i && is_project(ctx, from, i + 1) {
            let (start, end) = ctx.span(from, i + 1);
            spans.push(Span {
                start,
                end,
                kind: None,
                entry: None,
                canonical: None,
                rule: "rule:non-entity".into(),
                prio: PRIO_RULE,
            });
        }
    }
}

/// Extend a name leftwards from token `i` over capitalised words; stops at
/// function words ("The"), titles and anything not joined by a space.
fn extend_left(ctx: &Ctx<'_, '_>, i: usize) -> usize {
    let mut from = i;
    while from > 0 && ctx.joined(from) && !ctx.toks[from - 1].possessive {
        let j = from - 1;
        if ctx.is_name_word(j) && !ctx.lex.is_function_stop(ctx.word(j)) {
            if ctx.title_at(j).is_some_and(|(e, _)| e > from) {
                break;
            }
            from = j;
            continue;
        }
        break;
    }
    from
}

/// Extend a name rightwards from `end` over "of/for/on (the) Capitalised…"
/// ("Institute of Contemporary International Relations").
fn extend_right(ctx: &Ctx<'_, '_>, mut end: usize, posts: bool) -> usize {
    let n = ctx.toks.len();
    loop {
        let mut j = end;
        if j >= n || !ctx.joined(j) || ctx.toks[j - 1].possessive {
            return end;
        }
        let w = ctx.word(j);
        let ok = matches!(w, "of" | "for" | "on") || (posts && matches!(w, "in" | "to"));
        if !ok {
            return end;
        }
        j += 1;
        if j < n && ctx.joined(j) && ctx.word(j) == "the" {
            j += 1;
        }
        let run_start = j;
        while j < n
            && ctx.joined(j)
            && ctx.is_name_word(j)
            && !ctx.lex.is_function_stop(ctx.word(j))
            && !ctx.toks[j - 1].possessive
        {
            j += 1;
            // "Science and Technology"
            if j + 1 < n
                && ctx.joined(j)
                && matches!(ctx.word(j), "and" | "&")
                && ctx.joined(j + 1)
                && ctx.is_name_word(j + 1)
            {
                j += 1;
            }
        }
        if j == run_start || !ctx.is_name_word(j - 1) {
            return end;
        }
        end = j;
    }
}

fn org_span(ctx: &Ctx<'_, '_>, hs: usize, he: usize, head: Head, p: &Phrase) -> Option<Span> {
    if non_entity_head(p) {
        return None;
    }
    let from = extend_left(ctx, hs);
    let is_post = POSTS.iter().any(|post| p.words.join(" ") == *post);
    let to = if head.opens {
        extend_right(ctx, he, is_post)
    } else {
        he
    };
    let words = to - from;
    if words < 2 {
        return None;
    }
    // Every word before the head is a nationality: a description unless a
    // post names where it is ("Chinese Embassy in London").
    let modifiers_are_nationalities =
        (from..hs).all(|k| ctx.gaz_kind[k] == Some(EntityType::Nationality));
    if from < hs && modifiers_are_nationalities && to == he && (is_post || !head.strong) {
        return None;
    }
    if !head.strong {
        let prev = from
            .checked_sub(1)
            .filter(|_| ctx.joined(from))
            .map(|k| ctx.word_lower(k))
            .unwrap_or_default();
        let cued = matches!(prev, "the" | "in" | "to" | "by" | "from" | "with" | "told");
        if !(cued || words >= 3) {
            return None;
        }
    }
    // A sentence-initial single modifier may be an ordinary word
    // ("Several Council members"): it must be known as a name word.
    if from + 1 == hs && to == he && ctx.initial[from] && !ctx.is_known_name_word(from) {
        return None;
    }
    let (start, end) = ctx.span(from, to);
    Some(Span {
        start,
        end,
        kind: Some(EntityType::Organization),
        entry: None,
        canonical: None,
        rule: "rule:org-head".into(),
        prio: PRIO_RULE,
    })
}

fn place_span(ctx: &Ctx<'_, '_>, hs: usize, he: usize, head: Head) -> Option<Span> {
    let from = extend_left(ctx, hs);
    let to = if head.opens {
        extend_right(ctx, he, false)
    } else {
        he
    };
    if to - from < 2 || is_project(ctx, from, to) {
        return None;
    }
    if !head.strong {
        let prev = from
            .checked_sub(1)
            .map(|k| ctx.word_lower(k))
            .unwrap_or_default();
        if !PLACE_PREPOSITIONS.contains(&prev) {
            return None;
        }
    }
    if from + 1 == hs && ctx.initial[from] && ctx.is_common_word(from) {
        return None;
    }
    let (start, end) = ctx.span(from, to);
    Some(Span {
        start,
        end,
        kind: Some(EntityType::Place),
        entry: None,
        canonical: None,
        rule: "rule:place-head".into(),
        prio: PRIO_RULE,
    })
    .filter(|_| head.opens || hs > from)
}

/// "Raghistan and Warduj districts", "Xinjiang region", "the provinces of
/// Badakhshan, Kunduz and Takhar": the names are places, the lower-case
/// head stays out.
fn lower_place_heads(ctx: &Ctx<'_, '_>, spans: &mut Vec<Span>) {
    let n = ctx.toks.len();
    for i in 0..n {
        let w = ctx.word(i);
        if !w.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        let singular = w.strip_suffix("s").unwrap_or(w);
        let singular = if w == "cities" { "city" } else { singular };
        if !LOWER_PLACE_HEADS.contains(&singular) && !LOWER_PLACE_HEADS.contains(&w) {
            continue;
        }
        let plural = singular != w;
        // Names before the head.
        if i > 0 && ctx.joined(i) && !ctx.toks[i - 1].possessive {
            for (a, b) in name_list_before(ctx, i, plural) {
                push_place(ctx, spans, a, b);
            }
        }
        // "provinces of A, B and C"
        if plural && i + 2 < n && ctx.word(i + 1) == "of" && ctx.joined(i + 1) {
            for (a, b) in name_list_after(ctx, i + 2) {
                push_place(ctx, spans, a, b);
            }
        }
    }
}

fn push_place(ctx: &Ctx<'_, '_>, spans: &mut Vec<Span>, a: usize, b: usize) {
    if (a..b).any(|k| {
        matches!(
            ctx.gaz_kind[k],
            Some(EntityType::Nationality | EntityType::Organization | EntityType::Person)
        ) || ctx.is_head_word(k)
            || ctx.capitals_mute(k)
    }) {
        return;
    }
    if b - a == 1 && ctx.is_stop(a) {
        return;
    }
    if ctx.initial[a] && ctx.is_common_word(a) {
        return;
    }
    let (start, end) = ctx.span(a, b);
    spans.push(Span {
        start,
        end,
        kind: Some(EntityType::Place),
        entry: None,
        canonical: None,
        rule: "rule:place-head".into(),
        prio: PRIO_RULE,
    });
}

/// The run of name words ending right before token `i` (up to three words);
/// with `list`, also earlier names joined by "and" or commas.
fn name_list_before(ctx: &Ctx<'_, '_>, i: usize, list: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut end = i;
    loop {
        let mut from = end;
        while from > 0
            && end - from < 3
            && ctx.is_name_word(from - 1)
            && !ctx.lex.is_function_stop(ctx.word(from - 1))
            && (from == end || ctx.joined(from))
        {
            from -= 1;
        }
        if from == end {
            break;
        }
        out.push((from, end));
        if !list || from < 2 {
            break;
        }
        // "A and B", "A, B and C"
        let conj = ctx.word(from - 1);
        if conj == "and" && ctx.joined(from) && ctx.joined(from - 1) {
            end = from - 1;
        } else if ctx.sep(from).trim() == "," {
            end = from;
        } else {
            break;
        }
    }
    out
}

/// Names separated by commas and "and" starting at token `i`.
fn name_list_after(ctx: &Ctx<'_, '_>, mut i: usize) -> Vec<(usize, usize)> {
    let n = ctx.toks.len();
    let mut out = Vec::new();
    while i < n && ctx.is_name_word(i) {
        let mut j = i + 1;
        while j < n && j - i < 3 && ctx.joined(j) && ctx.is_name_word(j) {
            j += 1;
        }
        out.push((i, j));
        if j < n && ctx.sep(j).trim() == "," {
            i = j;
        } else if j + 1 < n && ctx.word(j) == "and" && ctx.joined(j) {
            i = j + 1;
        } else {
            break;
        }
    }
    out
}

fn person(ctx: &Ctx<'_, '_>, from: usize, to: usize, rule: &str) -> Span {
    let (start, end) = ctx.span(from, to);
    Span {
        start,
        end,
        kind: Some(EntityType::Person),
        entry: None,
        canonical: None,
        rule: rule.into(),
        prio: PRIO_RULE,
    }
}

/// Person names: after a title or role ("Home Secretary Charles Clarke",
/// "lawyer Jane Doe"), a known first name with a surname ("Frederick
/// Forsyth"), a family name first ("Xi Jinping"), a name with a speech cue
/// ("…, Jane Doe said") or an appositive role ("Li Wei, an expert on…").
fn people(ctx: &Ctx<'_, '_>, spans: &mut Vec<Span>) {
    let n = ctx.toks.len();
    let mut i = 0;
    while i < n {
        // Titles and roles.
        if let Some((mut te, kind)) = ctx.title_at(i) {
            let lower_role = kind == TitleKind::Role && !ctx.is_cap(i);
            if ctx.capitals_mute(i) && !lower_role {
                i = te;
                continue;
            }
            let mut kind = kind;
            // Chains: "Lord Chancellor", "Afghan Interior Minister".
            while te < n && ctx.joined_or_dot(te) {
                match ctx.title_at(te) {
                    Some((e, k)) if ctx.is_cap(te) || k == TitleKind::Role => {
                        te = e;
                        kind = k;
                    }
                    _ => break,
                }
            }
            if te < n && ctx.joined_or_dot(te) && !ctx.toks[te - 1].possessive {
                let found = ctx
                    .name_at(te)
                    .filter(|_| !ctx.gaz_blocks_name(te))
                    .filter(|&ne| kind != TitleKind::Role || role_name_plausible(ctx, i, te, ne));
                if let Some(ne) = found {
                    if !(ctx.capitals_mute(te) && ne - te < 2) {
                        let mut p = person(ctx, te, ne, "rule:title-cue");
                        // "Mr. Thornbury": the title outweighs a small town's name.
                        if (te..ne).all(|k| ctx.gaz_kind[k].is_none() || ctx.gaz_soft[k]) {
                            p.prio = PRIO_ACRONYM;
                        }
                        spans.push(p);
                        if kind == TitleKind::Nobility {
                            territorial_block(ctx, ne, spans);
                        }
                        i = ne;
                        continue;
                    }
                }
            }
            // "Chinese envoy in the UN, Geng Shuang"
            if kind == TitleKind::Role {
                let mut j = te;
                while j < n && j - te < 6 && !ctx.sep(j).contains(['.', ';', '\n']) {
                    if ctx.sep(j).trim() == "," {
                        if let Some(ne) = ctx.name_at(j) {
                            if ne - j >= 2 && ctx.gaz_kind[j].is_none() {
                                spans.push(person(ctx, j, ne, "rule:title-cue"));
                            }
                        }
                        break;
                    }
                    j += 1;
                }
            }
            i = te;
            continue;
        }
        // Rules are tried at every capitalised word, so a name inside an
        // unrecognised run ("Democrat Gary Whitfield") is still found.
        if !ctx.is_name_word(i) {
            i += 1;
            continue;
        }
        let Some(ne) = ctx.name_at(i) else {
            i += 1;
            continue;
        };
        let words = ne - i;
        let first = ctx.word(i);
        let last = ctx.word(ne - 1);
        let mute = ctx.capitals_mute(i);
        let initial = ctx.initial[i];
        let known_surname = ctx.lex.surnames.contains_key(last);
        // Given name + surname.
        // A given name that is also a gazetteer place ("Paris", "Winston")
        // needs a known surname after it.
        let place_first = ctx.gaz_kind[i].is_some() && !known_surname;
        if words >= 2
            && ctx.lex.first_names.contains(first)
            && !ctx.gaz_blocks_name(i)
            && !place_first
        {
            let weak_start = (initial || mute) && ctx.is_common_word(i);
            if !(weak_start || (mute && !known_surname)) {
                spans.push(person(ctx, i, ne, "rule:first-name"));
                i = ne;
                continue;
            }
        }
        // Family name first: "Xi Jinping", "Chen Wenqing".
        let east_asian = ctx.lex.surnames.get(first).is_some_and(|o| {
            matches!(o.as_str(), "chinese" | "korean" | "vietnamese" | "japanese")
        });
        if east_asian && (2..=3).contains(&words) && !mute && !ctx.gaz_blocks_name(i) {
            spans.push(person(ctx, i, ne, "rule:first-name"));
            i = ne;
            continue;
        }
        if words >= 2 && !mute && (0..words).all(|k| !ctx.gaz_blocks_name(i + k)) {
            if speech_cue(ctx, i, ne) {
                spans.push(person(ctx, i, ne, "rule:speech-cue"));
                i = ne;
                continue;
            }
            if appositive_role(ctx, ne) {
                spans.push(person(ctx, i, ne, "rule:title-cue"));
                i = ne;
                continue;
            }
        }
        i += 1;
    }
}

impl<'d, 'a> Ctx<'d, 'a> {
    /// Joined by spaces, or by an abbreviation's dot ("Mr. Smith").
    fn joined_or_dot(&self, i: usize) -> bool {
        let s = self.sep(i);
        i > 0
            && !s.is_empty()
            && s.trim_start_matches('.').chars().all(|c| c == ' ')
            && !s.trim_start_matches('.').is_empty()
    }
}

/// A lower-case role noun is also an ordinary noun ("the sister Xiluodu
/// dam", "market leader Mengniu Dairy"): the name after it must look like a
/// person's (a listed given name or surname in it) and must not be followed
/// by a lower-case head noun.
fn role_name_plausible(ctx: &Ctx<'_, '_>, role: usize, from: usize, to: usize) -> bool {
    if to < ctx.toks.len() && ctx.joined(to) {
        let next = ctx.word(to);
        let singular = next.strip_suffix('s').unwrap_or(next);
        if LOWER_PLACE_HEADS.contains(&singular) || ctx.lex.org_descriptors.contains(next) {
            return false;
        }
    }
    let listed = (from..to).any(|k| {
        let w = ctx.word(k);
        ctx.lex.first_names.contains(w)
            || ctx.lex.surnames.contains_key(w)
            || w.split('-').any(|p| ctx.lex.surnames.contains_key(p))
    });
    // "by scholar Jane Doe": a role right after a function word or a
    // punctuation mark introduces a person; after another noun ("market
    // leader") it may be part of a description.
    let plain_role = role == 0 || !ctx.joined(role) || {
        let prev = ctx.word(role - 1);
        let mut cap = prev.chars();
        let capitalised: String = cap
            .next()
            .map(|c| c.to_uppercase().chain(cap).collect())
            .unwrap_or_default();
        ctx.lex.is_function_stop(&capitalised)
    };
    listed || (plain_role && to - from >= 2 && !ctx.is_common_word(to - 1))
}

/// "Lord Nicholls of Birkenhead": the designation is neither part of the
/// name nor a place mention.
fn territorial_block(ctx: &Ctx<'_, '_>, ne: usize, spans: &mut Vec<Span>) {
    let n = ctx.toks.len();
    if ne + 1 < n && ctx.joined(ne) && ctx.word(ne) == "of" && ctx.is_name_word(ne + 1) {
        let mut j = ne + 2;
        while j < n && ctx.joined(j) && ctx.is_name_word(j) {
            j += 1;
        }
        let (start, end) = ctx.span(ne, j);
        spans.push(Span {
            start,
            end,
            kind: None,
            entry: None,
            canonical: None,
            rule: "rule:territorial".into(),
            prio: PRIO_RULE,
        });
    }
}

/// "X said", "X told", "said X", "according to X".
fn speech_cue(ctx: &Ctx<'_, '_>, from: usize, to: usize) -> bool {
    let n = ctx.toks.len();
    if to < n && ctx.joined(to) && ctx.lex.speech.contains(ctx.word(to)) {
        return true;
    }
    if from > 0 && ctx.joined(from) && ctx.lex.speech.contains(ctx.word(from - 1)) {
        return true;
    }
    from > 1 && ctx.word_lower(from - 2) == "according" && ctx.word(from - 1) == "to"
}

/// "X, an expert on …", "X, the Intelligence Chief of China".
fn appositive_role(ctx: &Ctx<'_, '_>, ne: usize) -> bool {
    let n = ctx.toks.len();
    if ne >= n || ctx.sep(ne).trim() != "," {
        return false;
    }
    let mut j = ne;
    if matches!(ctx.word(j), "a" | "an" | "the") {
        j += 1;
    }
    let stop = (j + 4).min(n);
    while j < stop {
        if j > ne && !ctx.joined(j) {
            return false;
        }
        if ctx.title_at(j).is_some() {
            return true;
        }
        j += 1;
    }
    false
}

/// "milk firm Yili", "state bank VEB": a lower-case organization noun and
/// the capitalised name right after it. A known given name with a surname
/// is left to the person rules.
fn org_descriptors(ctx: &Ctx<'_, '_>, spans: &mut Vec<Span>) {
    let n = ctx.toks.len();
    for i in 0..n.saturating_sub(1) {
        if !ctx.lex.org_descriptors.contains(ctx.word(i))
            || !ctx.joined(i + 1)
            || ctx.toks[i].possessive
        {
            continue;
        }
        let j = i + 1;
        if ctx.capitals_mute(j) || ctx.gaz_kind[j].is_some() {
            continue;
        }
        if !ctx.is_name_word(j)
            || ctx.is_stop(j)
            || ctx.title_at(j).is_some()
            || ctx.is_head_word(j)
        {
            continue;
        }
        // Up to three capitalised words; a place name may be part of it
        // ("Dagbladet Nord"), another entity or a title ends it.
        let mut ne = j + 1;
        while ne < n
            && ne - j < 3
            && ctx.joined(ne)
            && !ctx.toks[ne - 1].possessive
            && ctx.is_name_word(ne)
            && !ctx.is_stop(ne)
            && !ctx.is_all_caps(ne)
            && ctx.title_at(ne).is_none()
            && matches!(ctx.gaz_kind[ne], None | Some(EntityType::Place))
        {
            ne += 1;
        }
        if ne - j >= 2 && ctx.lex.first_names.contains(ctx.word(j)) {
            continue;
        }
        let (start, end) = ctx.span(j, ne);
        spans.push(Span {
            start,
            end,
            kind: Some(EntityType::Organization),
            entry: None,
            canonical: None,
            rule: "rule:org-descriptor".into(),
            prio: PRIO_RULE + 1,
        });
    }
}

/// True when `start..end` overlaps a span of `taken` (start → end, not
/// overlapping each other).
fn overlaps_map(taken: &BTreeMap<usize, usize>, start: usize, end: usize) -> bool {
    taken
        .range(..end)
        .next_back()
        .is_some_and(|(_, &e)| e > start)
}

/// The spans of `sorted` (by start, not overlapping) that overlap `start..end`.
fn overlapping(sorted: &[Span], start: usize, end: usize) -> &[Span] {
    let from = sorted.partition_point(|c| c.end <= start);
    let to = from + sorted[from..].partition_point(|c| c.start < end);
    &sorted[from..to]
}

/// Choose non-overlapping spans: longest first, then by priority, then
/// leftmost. Blocks take part but are dropped afterwards.
fn select(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by_key(|s| (std::cmp::Reverse(s.end - s.start), s.prio, s.start));
    let mut chosen: Vec<Span> = Vec::new();
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    for s in spans {
        if s.start >= s.end || overlaps_map(&taken, s.start, s.end) {
            continue;
        }
        taken.insert(s.start, s.end);
        chosen.push(s);
    }
    chosen.retain(|s| s.kind.is_some());
    chosen.sort_by_key(|s| (s.start, s.end));
    chosen
}

/// An established name's type, canonical name and gazetteer entry.
type Established = (EntityType, Option<String>, Option<u32>);

/// Names the article has established recur anywhere: a rule-found name
/// again (also in a headline or at a sentence start), and a given name or
/// surname of a person named in full. A one-word gazetteer match that is a
/// part of a person's name becomes that person ("Haqqani" after
/// "Sirajuddin Haqqani").
fn known_names(ctx: &Ctx<'_, '_>, mut chosen: Vec<Span>) -> Vec<Span> {
    let text = ctx.doc.text;
    // Established names (exact text) → (type, canonical, gazetteer entry):
    // rule-found names, and ambiguous gazetteer names that context licensed
    // once ("Apple's chief" licenses the headline's "Apple").
    let mut names: HashMap<&str, Established> = HashMap::new();
    let mut parts: HashSet<&str> = HashSet::new();
    // Parts after the first word: a gazetteer match equal to one of these
    // is the person ("Stalin" after "Josef Stalin"); a given name that is
    // also a place ("Paris") is not converted.
    let mut later_parts: HashSet<&str> = HashSet::new();
    for s in &chosen {
        let Some(kind) = s.kind else { continue };
        let t = &text[s.start..s.end];
        let licensed = s.entry.is_some_and(|e| {
            ctx.gaz.entries()[e as usize].policy == crate::gazetteer::MatchPolicy::Ambiguous
        });
        if s.entry.is_none() || licensed {
            names
                .entry(t)
                .or_insert((kind, s.canonical.clone(), s.entry));
        }
        if kind == EntityType::Person && t.contains(' ') {
            for (k, p) in t.split(' ').enumerate() {
                if k > 0 {
                    later_parts.insert(p);
                }
                if p.chars().count() >= 2
                    && p.chars().next().is_some_and(char::is_uppercase)
                    && !ctx.lex.stop.contains_key(p)
                {
                    parts.insert(p);
                }
            }
        }
    }
    // One-word gazetteer non-person matches equal to a name part: the person.
    for s in chosen.iter_mut() {
        let t = &text[s.start..s.end];
        if s.kind != Some(EntityType::Person)
            && s.kind != Some(EntityType::Nationality)
            && !t.contains(' ')
            && later_parts.contains(t)
            && parts.contains(t)
        {
            s.kind = Some(EntityType::Person);
            s.entry = None;
            s.canonical = None;
            s.rule = "coref:name-part".into();
        }
    }
    let mut extra = Vec::new();
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    for (k, t) in ctx.toks.iter().enumerate() {
        let w = ctx.word(k);
        if !ctx.is_cap(k) || !overlapping(&chosen, t.start, t.end).is_empty() {
            continue;
        }
        if parts.contains(w) {
            // Not a name part when the word runs on into a longer capitalised
            // name we did not recognise ("Chen Quanguo" vs "Chen Wenqing").
            let runs_on = (k + 1 < ctx.toks.len()
                && ctx.joined(k + 1)
                && ctx.is_name_word(k + 1)
                && !ctx.is_stop(k + 1)
                && !ctx.toks[k].possessive)
                || (k > 0
                    && ctx.joined(k)
                    && ctx.is_name_word(k - 1)
                    && !ctx.is_stop(k - 1)
                    && ctx.title_at(k - 1).is_none());
            if !runs_on {
                taken.insert(t.start, t.end);
                extra.push(Span {
                    start: t.start,
                    end: t.end,
                    kind: Some(EntityType::Person),
                    entry: None,
                    canonical: None,
                    rule: "coref:name-part".into(),
                    prio: PRIO_RULE,
                });
                continue;
            }
        }
    }
    let mut replaced: HashSet<(usize, usize)> = HashSet::new();
    // Longest names first, so "Harbour Pilots Association" is placed before
    // a shorter name inside it; sorted for a deterministic result.
    let mut names: Vec<(&str, Established)> = names.into_iter().collect();
    names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
    // Names by their first word: each token is checked against the names
    // that start with it, which keeps this pass linear in the text.
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
    for (n, (name, _)) in names.iter().enumerate() {
        let first = name.split([' ', '-']).next().unwrap_or(name);
        by_first.entry(first).or_default().push(n);
    }
    // The first bytes those first words start with: most tokens are ruled
    // out by this table before any hashing.
    let mut first_bytes = [false; 256];
    for first in by_first.keys() {
        if let Some(&b) = first.as_bytes().first() {
            first_bytes[usize::from(b)] = true;
        }
    }
    let mut occurrences: Vec<(usize, usize)> = Vec::new();
    for (k, t) in ctx.toks.iter().enumerate() {
        let w = ctx.word(k);
        let first = w.split('-').next().unwrap_or(w);
        // (A token is never empty, nor its first part.)
        if !first
            .as_bytes()
            .first()
            .is_some_and(|&b| first_bytes[usize::from(b)])
        {
            continue;
        }
        if let Some(list) = by_first.get(first) {
            occurrences.extend(
                list.iter()
                    .filter(|&&n| text[t.start..].starts_with(names[n].0))
                    .map(|&n| (n, t.start)),
            );
        }
    }
    // Longest names first (the order of `names`).
    occurrences.sort_unstable();
    for &(n, pos) in &occurrences {
        let (name, (kind, canonical, entry)) = &names[n];
        {
            let end = pos + name.len();
            if !crate::text::on_word_boundaries(text, pos, end) || overlaps_map(&taken, pos, end) {
                continue;
            }
            // A longer established name wins over shorter matches inside
            // it ("Winston Churchill" over the town "Winston").
            let inside = overlapping(&chosen, pos, end);
            if inside
                .iter()
                .any(|c| c.start < pos || c.end > end || (c.start == pos && c.end == end))
            {
                continue;
            }
            replaced.extend(inside.iter().map(|c| (c.start, c.end)));
            taken.insert(pos, end);
            extra.push(Span {
                start: pos,
                end,
                kind: Some(*kind),
                entry: *entry,
                canonical: canonical.clone(),
                rule: "coref:known-name".into(),
                prio: PRIO_RULE,
            });
        }
    }
    chosen.retain(|c| !replaced.contains(&(c.start, c.end)));
    chosen.extend(extra);
    chosen.sort_by_key(|s| (s.start, s.end));
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .into_iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn tokens() {
        assert_eq!(
            words("Sirajuddin’s al-Qaeda U.S. O'Brien's Tehreek-e-Taliban, (ETIM)"),
            vec![
                "Sirajuddin",
                "al-Qaeda",
                "U.S",
                "O'Brien",
                "Tehreek-e-Taliban",
                "ETIM"
            ]
        );
    }

    #[test]
    fn lexicon_loads() {
        let lex = Lexicon::embedded();
        assert!(lex.first_names.len() > 100);
        assert!(lex.titles.iter().any(|(p, _)| p.words == ["Mr"]));
        assert!(lex.org_heads.iter().any(|(p, _)| p.words == ["Institute"]));
    }
}
