//! The gazetteer's data: entries, how each may be matched, and the set
//! that holds them.

use std::collections::HashMap;

use once_cell::sync::OnceCell;

use crate::record::EntityType;

use super::resolve::Homonyms;

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
    /// Never matched: a homonym whose forms other rows match (a city named
    /// like its region or a bigger city). The key resolver may choose it
    /// as the referent of their matches (`gazetteer::resolve`).
    Referent,
}

impl MatchPolicy {
    pub(super) fn parse(s: &str) -> Option<MatchPolicy> {
        Some(match s {
            "exact" => MatchPolicy::Exact,
            "fold" | "" => MatchPolicy::Fold,
            "ambiguous" => MatchPolicy::Ambiguous,
            "referent" => MatchPolicy::Referent,
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
    /// What tells it apart from rows sharing a form (cities; default for
    /// other rows).
    pub facts: PlaceFacts,
}

/// What the key resolver knows of a place row, to choose among rows that
/// share a form (the optional columns of `gazetteers/FORMAT.md`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlaceFacts {
    /// Forms other rows match that may also name this place; never matched
    /// through this row ("New York" of New York City).
    pub shared: Vec<String>,
    /// Inhabitants (0: unknown).
    pub population: u64,
    /// ISO 3166-1 alpha-2 code of its country, when known.
    pub country: Option<String>,
    /// ISO 3166-2 code of its first-level subdivision, when known.
    pub region: Option<String>,
    /// A national capital.
    pub capital: bool,
    /// Curated prominence beyond population (0: none; larger wins).
    pub priority: u8,
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
    pub(super) entries: Vec<Entry>,
    /// Rows by the forms they share, built on first use.
    pub(super) homonyms: OnceCell<Homonyms>,
}

impl Gazetteer {
    /// An empty gazetteer.
    pub fn new() -> Gazetteer {
        Gazetteer::default()
    }

    /// Add another gazetteer's entries. Entries added later win over earlier
    /// ones with the same (type, key).
    pub fn extend(&mut self, other: Gazetteer) {
        if other.entries.is_empty() {
            return;
        }
        self.homonyms = OnceCell::new();
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
        self.homonyms = OnceCell::new();
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
