//! Gazetteers: named people, organizations, places and nationalities from
//! TSV files, and the automaton that finds them in text.
//!
//! The file format is documented in `gazetteers/FORMAT.md`: a header row
//! `key, type, name, aliases, match` (tab separated), one entry per row.

use std::collections::HashMap;
use std::path::Path;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use once_cell::sync::Lazy;

use crate::error::{Error, ErrorKind};
use crate::hash::FnvBuild;
use crate::record::EntityType;
use crate::text::{fold_case, on_word_boundaries, Doc};

/// The gazetteer files compiled into the crate, in load order.
pub(crate) const EMBEDDED: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("../gazetteers/countries.tsv")),
    ("regions.tsv", include_str!("../gazetteers/regions.tsv")),
    ("places.tsv", include_str!("../gazetteers/places.tsv")),
    (
        "organizations.tsv",
        include_str!("../gazetteers/organizations.tsv"),
    ),
    ("people.tsv", include_str!("../gazetteers/people.tsv")),
    (
        "nationalities.tsv",
        include_str!("../gazetteers/nationalities.tsv"),
    ),
    ("cities.tsv", include_str!("../gazetteers/cities.tsv")),
    ("media.tsv", include_str!("../gazetteers/media.tsv")),
    (
        "sports_clubs.tsv",
        include_str!("../gazetteers/sports_clubs.tsv"),
    ),
    ("companies.tsv", include_str!("../gazetteers/companies.tsv")),
];

const HEADER: [&str; 5] = ["key", "type", "name", "aliases", "match"];

/// How an entry's names may be matched in running text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MatchPolicy {
    /// Case-sensitive: acronyms and names that collide with lower-case words.
    Exact,
    /// Case-insensitive, but a match in running text must start with a capital.
    Fold,
    /// Also a common word or given name: needs a capital, a position where
    /// capitals mean something, and a context cue.
    Ambiguous,
}

impl MatchPolicy {
    fn parse(s: &str) -> Option<MatchPolicy> {
        Some(match s {
            "exact" => MatchPolicy::Exact,
            "fold" | "" => MatchPolicy::Fold,
            "ambiguous" => MatchPolicy::Ambiguous,
            _ => return None,
        })
    }
}

/// One gazetteer entry: a named thing and the ways it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Stable key (`CN`, `CN-XJ`, `gn:1529102`, `org:united-nations`).
    pub key: String,
    /// What kind of thing it names.
    pub kind: EntityType,
    /// Canonical name.
    pub name: String,
    /// Other surface forms.
    pub aliases: Vec<String>,
    /// How its names may be matched.
    pub policy: MatchPolicy,
}

impl Entry {
    /// The canonical name followed by the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A set of gazetteer entries.
///
/// ```
/// use newsfacts::Gazetteer;
///
/// let tsv = "key\ttype\tname\taliases\tmatch\nacme\torganization\tAcme Corp\tAcme\tfold\n";
/// let gaz = Gazetteer::from_tsv("mine.tsv", tsv).unwrap();
/// assert_eq!(gaz.len(), 1);
/// assert_eq!(gaz.entries()[0].aliases, vec!["Acme"]);
///
/// let err = Gazetteer::from_tsv("bad.tsv", "key\ttype\tname\taliases\tmatch\nx\tthing\tX\t\tfold\n").unwrap_err();
/// assert!(err.to_string().contains("bad.tsv:2"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
}

impl Gazetteer {
    /// An empty gazetteer.
    pub fn new() -> Gazetteer {
        Gazetteer::default()
    }

    /// The gazetteers compiled into the crate.
    pub fn embedded() -> &'static Gazetteer {
        static EMBEDDED_GAZ: Lazy<Gazetteer> = Lazy::new(|| {
            let mut g = Gazetteer::new();
            for (name, src) in EMBEDDED {
                let part = Gazetteer::from_tsv(name, src)
                    .unwrap_or_else(|e| panic!("embedded gazetteer is invalid: {e}"));
                g.extend(part);
            }
            g
        });
        &EMBEDDED_GAZ
    }

    /// Parse one TSV file; `origin` names it in errors (with the line number).
    pub fn from_tsv(origin: &str, src: &str) -> Result<Gazetteer, Error> {
        let src = src.strip_prefix('\u{feff}').unwrap_or(src);
        // Sized up front: a million-row file should not rehash its way up.
        let rows = src.bytes().filter(|&b| b == b'\n').count() + 1;
        let mut entries = Vec::with_capacity(rows);
        // Keys borrow from `src`: no allocation per row for the duplicate check.
        let mut seen: HashMap<(EntityType, &str), usize, FnvBuild> =
            HashMap::with_capacity_and_hasher(rows, FnvBuild::default());
        let mut header_seen = false;
        for (i, raw_line) in src.lines().enumerate() {
            let line_no = i + 1;
            let at = || format!("{origin}:{line_no}");
            let line = raw_line.strip_suffix('\r').unwrap_or(raw_line);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            // Up to five columns without a Vec per row; `ncols` counts them all.
            let mut cols = [""; 5];
            let mut ncols = 0;
            for col in line.split('\t') {
                if let Some(slot) = cols.get_mut(ncols) {
                    *slot = col;
                }
                ncols += 1;
            }
            if !header_seen {
                if ncols != HEADER.len() || cols != HEADER {
                    return Err(Error::new(
                        ErrorKind::Gazetteer,
                        format!("expected the header `{}`", HEADER.join("\\t")),
                    )
                    .at(at()));
                }
                header_seen = true;
                continue;
            }
            if ncols != HEADER.len() {
                return Err(Error::new(
                    ErrorKind::Gazetteer,
                    format!(
                        "expected {} tab-separated columns, found {}",
                        HEADER.len(),
                        ncols
                    ),
                )
                .at(at()));
            }
            let bad = |msg: String| Error::new(ErrorKind::Gazetteer, msg).at(at());
            let key = cols[0].trim();
            if key.is_empty() {
                return Err(bad("empty key".into()));
            }
            let kind = EntityType::parse(cols[1].trim())
                .ok_or_else(|| bad(format!("unknown type {:?}", cols[1])))?;
            let name = cols[2].trim();
            if name.is_empty() {
                return Err(bad("empty name".into()));
            }
            let aliases: Vec<String> = cols[3]
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty() && *a != name)
                .map(String::from)
                .collect();
            let policy = MatchPolicy::parse(cols[4].trim())
                .ok_or_else(|| bad(format!("unknown match policy {:?}", cols[4])))?;
            if let Some(prev) = seen.insert((kind, key), line_no) {
                return Err(bad(format!(
                    "duplicate key {key:?} for type {} (first on line {prev})",
                    kind.as_str()
                )));
            }
            entries.push(Entry {
                key: key.to_string(),
                kind,
                name: name.to_string(),
                aliases,
                policy,
            });
        }
        if !header_seen {
            return Err(Error::new(ErrorKind::Gazetteer, "no header row").at(origin));
        }
        Ok(Gazetteer { entries })
    }

    /// Read and parse a TSV file.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Gazetteer, Error> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| Error::from(e).at(name.clone()))?;
        let src = std::str::from_utf8(&bytes).map_err(|e| {
            Error::new(
                ErrorKind::Utf8,
                format!("not UTF-8 at byte {}", e.valid_up_to()),
            )
            .at(name.clone())
        })?;
        Gazetteer::from_tsv(&name, src)
    }

    /// Add another gazetteer's entries. Entries added later win over earlier
    /// ones with the same (type, key).
    pub fn extend(&mut self, other: Gazetteer) {
        if other.entries.is_empty() {
            return;
        }
        // Where each new entry goes, found with keys borrowed from the
        // existing entries (no key is cloned).
        let targets: Vec<Option<usize>> = {
            let positions: HashMap<(EntityType, &str), usize> = self
                .entries
                .iter()
                .enumerate()
                .map(|(i, e)| ((e.kind, e.key.as_str()), i))
                .collect();
            other
                .entries
                .iter()
                .map(|e| positions.get(&(e.kind, e.key.as_str())).copied())
                .collect()
        };
        for (entry, target) in other.entries.into_iter().zip(targets) {
            match target {
                Some(i) => self.entries[i] = entry,
                None => self.entries.push(entry),
            }
        }
    }

    /// Add one entry.
    pub fn push(&mut self, entry: Entry) {
        self.entries.push(entry);
    }

    /// The entries, in load order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// One surface form that a pattern stands for.
#[derive(Clone, Debug)]
struct Form {
    entry: u32,
    /// The form as written in the gazetteer, kept for exact matching.
    surface: Option<Box<str>>,
    /// Whether the form is all capitals (see [`is_acronym`]).
    acronym: bool,
}

/// A gazetteer match accepted in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct GazMatch {
    pub start: usize,
    pub end: usize,
    pub entry: u32,
}

/// The compiled automaton over every surface form of a gazetteer.
///
/// One Aho-Corasick automaton (leftmost-longest) runs over the case-folded
/// text; each pattern id maps to the forms (entry, written form) that fold to
/// it, and [`Matcher::accept`] decides per match whether the entry's policy
/// allows it there. Folding keeps byte offsets (see `text::fold_case`), so a
/// match in the folded text is the same span of the original.
#[derive(Debug)]
pub(crate) struct Matcher {
    automaton: AhoCorasick,
    /// Forms per pattern id, strongest policy first.
    forms: Vec<Vec<Form>>,
}

impl Matcher {
    pub fn new(gaz: &Gazetteer) -> Matcher {
        let mut ids: HashMap<Box<str>, u32, FnvBuild> =
            HashMap::with_capacity_and_hasher(gaz.len() * 5 / 4, FnvBuild::default());
        let mut patterns: Vec<Box<str>> = Vec::with_capacity(gaz.len() * 5 / 4);
        let mut forms: Vec<Vec<Form>> = Vec::with_capacity(gaz.len() * 5 / 4);
        for (i, entry) in gaz.entries.iter().enumerate() {
            for name in entry.names() {
                let mut add = |surface: &str| {
                    let folded = fold_case(surface);
                    let pid = match ids.get(folded.as_str()) {
                        Some(&pid) => pid,
                        None => {
                            let pid = patterns.len() as u32;
                            let folded: Box<str> = folded.into_boxed_str();
                            ids.insert(folded.clone(), pid);
                            patterns.push(folded);
                            forms.push(Vec::new());
                            pid
                        }
                    };
                    let acronym = is_acronym(surface);
                    forms[pid as usize].push(Form {
                        entry: i as u32,
                        acronym,
                        // Only exact matching reads the written form.
                        surface: (acronym || entry.policy == MatchPolicy::Exact)
                            .then(|| surface.into()),
                    });
                };
                add(name);
                // Apostrophe and quote variants a name may be written with.
                if name.contains('\'') {
                    add(&name.replace('\'', "’"));
                }
                if name.contains('’') {
                    add(&name.replace('’', "'"));
                }
            }
        }
        for list in &mut forms {
            list.sort_by_key(|f| gaz.entries[f.entry as usize].policy);
        }
        // Prefilters pay off for few patterns, not for tens of thousands of
        // names; leaving it off also makes construction cheaper.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .build(patterns.iter().map(|p| p.as_bytes()))
            .expect("gazetteer automaton fits in memory");
        Matcher { automaton, forms }
    }

    /// Every accepted gazetteer match in `doc`, left to right, not overlapping.
    ///
    /// When the leftmost-longest match is rejected (a word character borders
    /// it, or its policy refuses it here) the search resumes one character
    /// after its start, so a later match inside it can still be found.
    pub fn find(&self, doc: &Doc<'_>, gaz: &Gazetteer) -> Vec<GazMatch> {
        let hay = doc.folded.as_str();
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < hay.len() {
            let Some(hit) = self.automaton.find(Input::new(hay).span(pos..hay.len())) else {
                break;
            };
            let (start, end) = (hit.start(), hit.end());
            let accepted = on_word_boundaries(doc.text, start, end)
                .then(|| self.accept(doc, gaz, hit.pattern().as_usize(), start, end))
                .flatten();
            match accepted {
                Some(entry) => {
                    out.push(GazMatch { start, end, entry });
                    pos = end;
                }
                None => pos = start + hay[start..].chars().next().map_or(1, char::len_utf8),
            }
        }
        out
    }

    fn accept(
        &self,
        doc: &Doc<'_>,
        gaz: &Gazetteer,
        pid: usize,
        start: usize,
        end: usize,
    ) -> Option<u32> {
        let original = &doc.text[start..end];
        let capitalised = original.chars().next().is_some_and(|c| !c.is_lowercase());
        for form in &self.forms[pid] {
            let entry = &gaz.entries[form.entry as usize];
            // An all-caps form is an acronym whatever its row says: "WHO"
            // must not match "Who", nor "US" match "us".
            let policy = if form.acronym {
                MatchPolicy::Exact
            } else {
                entry.policy
            };
            let ok = match policy {
                MatchPolicy::Exact => form.surface.as_deref() == Some(original),
                MatchPolicy::Fold => capitalised,
                MatchPolicy::Ambiguous => {
                    capitalised
                        && !doc.in_headline_case(start)
                        && !doc.is_sentence_initial(start)
                        && ambiguous_context(doc, entry.kind, start, end)
                }
            };
            if ok {
                return Some(form.entry);
            }
        }
        None
    }
}

/// True for a form with capitals and no lower-case letters ("UN", "U.S.", "D66").
fn is_acronym(surface: &str) -> bool {
    surface.chars().any(char::is_uppercase) && !surface.chars().any(char::is_lowercase)
}

/// Context that licenses an ambiguous name: a preposition of place before a
/// place, a role or speech cue around a person, or an organization cue.
fn ambiguous_context(doc: &Doc<'_>, kind: EntityType, start: usize, end: usize) -> bool {
    let before = doc.word_before(start).map(|(_, w)| w.to_ascii_lowercase());
    let after = doc.word_after(end).map(|(_, w)| w.to_ascii_lowercase());
    let before = before.as_deref().unwrap_or("");
    let after = after.as_deref().unwrap_or("");
    match kind {
        EntityType::Place => matches!(
            before,
            "in" | "from"
                | "to"
                | "of"
                | "at"
                | "near"
                | "across"
                | "into"
                | "outside"
                | "inside"
                | "via"
                | "visited"
                | "visit"
                | "toward"
                | "towards"
                | "within"
        ),
        EntityType::Person => matches!(after, "said" | "says" | "told" | "added" | "wrote"),
        // A company or body named by a common word ("Apple", "Shell") shows
        // itself by a determiner or preposition before it, a possessive, or
        // a reporting or corporate verb after it.
        EntityType::Organization => {
            let possessive = doc.text[end..].starts_with("'s") || doc.text[end..].starts_with("’s");
            possessive
                || matches!(
                    before,
                    "the"
                        | "at"
                        | "by"
                        | "from"
                        | "for"
                        | "with"
                        | "against"
                        | "rival"
                        | "join"
                        | "joined"
                )
                || matches!(
                    after,
                    "said"
                        | "says"
                        | "reported"
                        | "reports"
                        | "announced"
                        | "announces"
                        | "shares"
                        | "stock"
                        | "chief"
                        | "executives"
                        | "spokesman"
                        | "spokeswoman"
                        | "spokesperson"
                        | "inc"
                        | "plc"
                        | "ltd"
                        | "corp"
                        | "group"
                )
        }
        // A capitalised nationality word away from a sentence start and a
        // headline is the adjective ("Afghan refugees"), not the blanket.
        EntityType::Nationality => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::is_word_char;

    fn gaz(rows: &str) -> Gazetteer {
        Gazetteer::from_tsv("t.tsv", &format!("key\ttype\tname\taliases\tmatch\n{rows}")).unwrap()
    }

    fn found(g: &Gazetteer, text: &str) -> Vec<String> {
        let doc = Doc::new(text, false);
        Matcher::new(g)
            .find(&doc, g)
            .into_iter()
            .map(|m| {
                format!(
                    "{}={}",
                    &text[m.start..m.end],
                    g.entries()[m.entry as usize].key
                )
            })
            .collect()
    }

    #[test]
    fn folding_keeps_word_characters() {
        // Matches are found in the folded text and their word boundaries
        // checked in the original: both must agree on every character.
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            let folded = fold_case(c.encode_utf8(&mut [0; 4]));
            let f = folded.chars().next().unwrap();
            assert_eq!(is_word_char(c), is_word_char(f), "{c:?}");
        }
    }

    #[test]
    fn policies() {
        let g = gaz("US\tplace\tUnited States\tUS|U.S.|America\texact\nJP\tplace\tJapan\t\tfold\nGB-RDG\tplace\tReading\t\tambiguous\n");
        assert_eq!(
            found(&g, "Let us go to the US and JAPAN."),
            vec!["US=US", "JAPAN=JP"]
        );
        assert_eq!(
            found(&g, "Reading is fun. He lives in Reading."),
            vec!["Reading=GB-RDG"]
        );
        assert_eq!(found(&g, "japan ware"), Vec::<String>::new());
        let g = gaz("who\torganization\tWorld Health Organization\tWHO\tfold\n");
        assert_eq!(found(&g, "Who knows? The WHO does."), vec!["WHO=who"]);
    }

    #[test]
    fn longest_and_word_bounded() {
        let g = gaz("CN\tplace\tChina\t\tfold\ncd\torganization\tChina Daily\t\tfold\n");
        assert_eq!(
            found(&g, "China Daily said Chinaware China’s"),
            vec!["China Daily=cd", "China=CN"]
        );
    }

    #[test]
    fn apostrophes_fold() {
        let g = gaz("p\torganization\tPeople's Daily\t\tfold\n");
        assert_eq!(found(&g, "the People’s Daily"), vec!["People’s Daily=p"]);
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let cases = [
            ("key\ttype\tname\n", "t.tsv:1"),
            (
                "key\ttype\tname\taliases\tmatch\na\tplace\tA\t\n",
                "t.tsv:2",
            ),
            (
                "key\ttype\tname\taliases\tmatch\na\tplace\t\t\tfold\n",
                "empty name",
            ),
            (
                "key\ttype\tname\taliases\tmatch\na\tplace\tA\t\tfold\na\tplace\tB\t\tfold\n",
                "duplicate key",
            ),
        ];
        for (src, needle) in cases {
            let err = Gazetteer::from_tsv("t.tsv", src).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Gazetteer);
            assert!(err.to_string().contains(needle), "{err}");
        }
    }

    #[test]
    fn bom_and_crlf_are_accepted() {
        let g = Gazetteer::from_tsv(
            "t.tsv",
            "\u{feff}key\ttype\tname\taliases\tmatch\r\nx\tplace\tX\t\tfold\r\n",
        )
        .unwrap();
        assert_eq!(g.entries()[0].policy, MatchPolicy::Fold);
    }
}
