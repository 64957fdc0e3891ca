//! The gazetteer's data: entries, how each may be matched, and the set
//! that holds them.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use once_cell::sync::OnceCell;

use super::homonyms::Homonyms;
use super::parallel;
use crate::record::EntityType;
use crate::text::fold_case;

/// How an entry's names may be matched in running text: the `match` column
/// of a gazetteer file.
///
/// `Display`, `FromStr` and serde use the names of that column:
///
/// ```
/// use newsfacts::MatchPolicy;
///
/// assert_eq!(MatchPolicy::Ambiguous.to_string(), "ambiguous");
/// assert_eq!("exact".parse::<MatchPolicy>()?, MatchPolicy::Exact);
/// assert_eq!(MatchPolicy::default(), MatchPolicy::Fold);
/// # Ok::<(), newsfacts::Error>(())
/// ```
#[non_exhaustive]
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum MatchPolicy {
    /// Case-sensitive: acronyms and names that collide with lower-case words
    /// (`exact`).
    Exact,
    /// Case-insensitive, but a match in running text must start with a
    /// capital (`fold`, the default).
    #[default]
    Fold,
    /// Also a common word or given name: needs a capital, a position where
    /// capitals mean something, and a context cue (`ambiguous`).
    Ambiguous,
    /// Not a way of matching: the row removes entries, or some of their
    /// names, from what was loaded before it (`deny`). Its key is an entry's
    /// key or `*` (every entry of its type); its name and aliases are the
    /// names to remove, or `*` to remove the entries whole. See
    /// [`Gazetteer::push`].
    Deny,
    /// Never matched: a homonym whose forms other rows match (a city named
    /// like its region or a bigger city). The key resolver may choose it
    /// as the referent of their matches (`gazetteer::resolve`).
    Referent,
}

impl MatchPolicy {
    /// The name used in the `match` column of gazetteer files.
    ///
    /// ```
    /// assert_eq!(newsfacts::MatchPolicy::Deny.as_str(), "deny");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            MatchPolicy::Exact => "exact",
            MatchPolicy::Fold => "fold",
            MatchPolicy::Ambiguous => "ambiguous",
            MatchPolicy::Deny => "deny",
            MatchPolicy::Referent => "referent",
        }
    }

    /// The `match` column of a gazetteer row, where an empty cell is `fold`.
    pub(super) fn parse(s: &str) -> Option<MatchPolicy> {
        Some(match s {
            "" => MatchPolicy::Fold,
            _ => return s.parse().ok(),
        })
    }
}

impl fmt::Display for MatchPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for MatchPolicy {
    type Err = Error;

    fn from_str(s: &str) -> Result<MatchPolicy, Error> {
        [
            MatchPolicy::Exact,
            MatchPolicy::Fold,
            MatchPolicy::Ambiguous,
            MatchPolicy::Deny,
            MatchPolicy::Referent,
        ]
        .into_iter()
        .find(|p| p.as_str() == s)
        .ok_or_else(|| Error::unknown_value("match policy", s))
    }
}

/// One gazetteer entry: a named thing and the ways it is written. It
/// serializes with the column names of gazetteer files (`key`, `type`,
/// `name`, `aliases`, `match`).
///
/// ```
/// use newsfacts::{EntityType, Entry, MatchPolicy};
///
/// let entry = Entry::new("org:acme", EntityType::Organization, "Acme Corporation")
///     .alias("Acme")
///     .aliases(["ACME Corp", "Acme Corp."])
///     .policy(MatchPolicy::Fold);
/// assert_eq!(entry.names().count(), 4);
///
/// let json = serde_json::to_string(&entry).unwrap();
/// assert!(json.starts_with(r#"{"key":"org:acme","type":"organization","name":"Acme Corporation""#));
/// let back: Entry = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, entry);
/// // `aliases` and `match` may be left out: no aliases, `fold`.
/// let short: Entry = serde_json::from_str(r#"{"key":"x","type":"place","name":"X"}"#).unwrap();
/// assert_eq!(short, Entry::new("x", EntityType::Place, "X"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Stable key (`CN`, `CN-XJ`, `gn:1529102`, `org:united-nations`).
    pub key: String,
    /// What kind of thing it names.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Canonical name.
    pub name: String,
    /// Other surface forms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// How its names may be matched.
    #[serde(rename = "match", default)]
    pub policy: MatchPolicy,
    /// What tells it apart from rows sharing a form (cities; default for
    /// other rows). Read from a file's optional columns; not serialized.
    #[serde(skip)]
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
    /// An entry with no aliases, matched with [`MatchPolicy::Fold`].
    ///
    /// ```
    /// use newsfacts::{EntityType, Entry, MatchPolicy};
    ///
    /// let e = Entry::new("place:atlantis", EntityType::Place, "Atlantis");
    /// assert_eq!(e.name, "Atlantis");
    /// assert!(e.aliases.is_empty());
    /// assert_eq!(e.policy, MatchPolicy::Fold);
    /// ```
    pub fn new(key: impl Into<String>, kind: EntityType, name: impl Into<String>) -> Entry {
        Entry {
            key: key.into(),
            kind,
            name: name.into(),
            aliases: Vec::new(),
            policy: MatchPolicy::Fold,
            facts: PlaceFacts::default(),
        }
    }

    /// Add one alias.
    ///
    /// ```
    /// use newsfacts::{EntityType, Entry};
    ///
    /// let e = Entry::new("US", EntityType::Place, "United States").alias("USA");
    /// assert_eq!(e.aliases, ["USA"]);
    /// ```
    pub fn alias(mut self, alias: impl Into<String>) -> Entry {
        self.aliases.push(alias.into());
        self
    }

    /// Add aliases.
    ///
    /// ```
    /// use newsfacts::{EntityType, Entry};
    ///
    /// let e = Entry::new("US", EntityType::Place, "United States").aliases(["USA", "U.S."]);
    /// assert_eq!(e.aliases, ["USA", "U.S."]);
    /// ```
    pub fn aliases<I, S>(mut self, aliases: I) -> Entry
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.aliases.extend(aliases.into_iter().map(Into::into));
        self
    }

    /// Set how its names may be matched.
    ///
    /// ```
    /// use newsfacts::{EntityType, Entry, MatchPolicy};
    ///
    /// let e = Entry::new("org:who", EntityType::Organization, "WHO").policy(MatchPolicy::Exact);
    /// assert_eq!(e.policy, MatchPolicy::Exact);
    /// ```
    pub fn policy(mut self, policy: MatchPolicy) -> Entry {
        self.policy = policy;
        self
    }

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
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub(super) entries: Vec<Entry>,
    /// The deny rows, kept to be applied to the gazetteers this one is
    /// added to.
    pub(super) denials: Vec<Entry>,
    /// Rows by the forms they share, built on first use.
    pub(super) homonyms: OnceCell<Homonyms>,
    /// True for the embedded gazetteer as loaded: its `homonyms` are the
    /// tables `build.rs` packed (see `embedded`). Any change clears it.
    pub(super) packed_homonyms: bool,
}

/// A copy: a large gazetteer's entries are copied on several threads
/// (`parallel`), as the builder copies a user's million rows.
impl Clone for Gazetteer {
    fn clone(&self) -> Gazetteer {
        Gazetteer {
            entries: parallel::to_vec(&self.entries),
            denials: self.denials.clone(),
            homonyms: self.homonyms.clone(),
            packed_homonyms: self.packed_homonyms,
        }
    }
}

impl Gazetteer {
    /// An empty gazetteer.
    pub fn new() -> Gazetteer {
        Gazetteer::default()
    }

    /// Add another gazetteer: first its deny rows remove what they name
    /// from this one, then its entries are added. Entries added later win
    /// over earlier ones with the same (type, key).
    ///
    /// ```
    /// use newsfacts::{EntityType, Entry, Gazetteer, MatchPolicy};
    ///
    /// let mut base: Gazetteer = [
    ///     Entry::new("GB-RDG", EntityType::Place, "Reading"),
    ///     Entry::new("JP", EntityType::Place, "Japan").alias("Nippon"),
    /// ]
    /// .into_iter()
    /// .collect();
    /// let mine: Gazetteer = [
    ///     Entry::new("GB-RDG", EntityType::Place, "*").policy(MatchPolicy::Deny),
    ///     Entry::new("JP", EntityType::Place, "Japan").alias("Nihon"),
    /// ]
    /// .into_iter()
    /// .collect();
    /// base.extend(mine);
    /// assert_eq!(base.len(), 1);
    /// assert_eq!(base.entries()[0].aliases, ["Nihon"]);
    /// ```
    pub fn extend(&mut self, other: Gazetteer) {
        if !other.denials.is_empty() {
            // Denials remove entries: row numbers change.
            self.changed();
        }
        for denial in &other.denials {
            deny(&mut self.entries, denial);
        }
        self.denials.extend(other.denials);
        if other.entries.is_empty() {
            return;
        }
        self.changed();
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

    /// Add the entries of `other`, which has no deny rows and no (type, key)
    /// of this gazetteer: what `extend` does then, without indexing the
    /// entries already here.
    pub(crate) fn append_new(&mut self, other: Gazetteer) {
        debug_assert!(other.denials.is_empty());
        self.changed();
        self.entries.extend(other.entries);
    }

    /// Add one entry.
    ///
    /// An entry with [`MatchPolicy::Deny`] is a deny row: it removes from
    /// the entries already here, and from every gazetteer this one is later
    /// added to, the entries of its type with its key (`*`: any key) — whole
    /// when its name is `*`, else only its name and aliases (compared
    /// case-insensitively). An entry left without names is removed; one that
    /// lost its canonical name is named by its first remaining alias.
    ///
    /// ```
    /// use newsfacts::{EntityType, Entry, Gazetteer, MatchPolicy};
    ///
    /// let mut gaz = Gazetteer::new();
    /// gaz.push(Entry::new("GE", EntityType::Place, "Georgia").alias("Sakartvelo"));
    /// gaz.push(Entry::new("US-GA", EntityType::Place, "Georgia"));
    /// // "Georgia" is never a place here, whichever entry has it.
    /// gaz.push(Entry::new("*", EntityType::Place, "georgia").policy(MatchPolicy::Deny));
    /// assert_eq!(gaz.len(), 1);
    /// assert_eq!(gaz.entries()[0].name, "Sakartvelo");
    /// assert_eq!(gaz.denials().len(), 1);
    /// ```
    pub fn push(&mut self, entry: Entry) {
        self.changed();
        if entry.policy == MatchPolicy::Deny {
            deny(&mut self.entries, &entry);
            self.denials.push(entry);
        } else {
            self.entries.push(entry);
        }
    }

    /// Forget what was derived from the entries.
    fn changed(&mut self) {
        self.homonyms = OnceCell::new();
        self.packed_homonyms = false;
    }

    /// The entries, in load order (deny rows are not entries).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The deny rows, in load order.
    ///
    /// ```
    /// use newsfacts::{Gazetteer, MatchPolicy};
    ///
    /// let tsv = "key\ttype\tname\taliases\tmatch\nCN\tplace\t*\t\tdeny\n";
    /// let gaz = Gazetteer::from_tsv("deny.tsv", tsv)?;
    /// assert!(gaz.is_empty());
    /// assert_eq!(gaz.denials()[0].key, "CN");
    /// assert_eq!(gaz.denials()[0].policy, MatchPolicy::Deny);
    /// # Ok::<(), newsfacts::Error>(())
    /// ```
    pub fn denials(&self) -> &[Entry] {
        &self.denials
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

/// Entries pushed one by one (see [`Gazetteer::push`]).
///
/// ```
/// use newsfacts::{EntityType, Entry, Gazetteer};
///
/// let gaz: Gazetteer = vec![Entry::new("x", EntityType::Place, "Xanadu")].into_iter().collect();
/// assert_eq!(gaz.len(), 1);
/// ```
impl FromIterator<Entry> for Gazetteer {
    fn from_iter<I: IntoIterator<Item = Entry>>(entries: I) -> Gazetteer {
        let mut gaz = Gazetteer::new();
        for entry in entries {
            gaz.push(entry);
        }
        gaz
    }
}

/// Apply one deny row to `entries` (see [`Gazetteer::push`]).
fn deny(entries: &mut Vec<Entry>, denial: &Entry) {
    let any_key = denial.key == "*";
    let whole = denial.name == "*";
    let forms: Vec<String> = denial.names().map(fold_case).collect();
    // Case folding keeps byte lengths, so only names of a denied length
    // need folding.
    let denied = |name: &str| {
        forms
            .iter()
            .any(|f| f.len() == name.len() && *f == fold_case(name))
    };
    entries.retain_mut(|e| {
        if e.kind != denial.kind || !(any_key || e.key == denial.key) {
            return true;
        }
        if whole {
            return false;
        }
        if !e.names().any(denied) {
            return true;
        }
        let mut kept = e.names().filter(|n| !denied(n)).map(String::from);
        match kept.next() {
            Some(name) => {
                let aliases = kept.collect();
                e.name = name;
                e.aliases = aliases;
                true
            }
            None => false,
        }
    });
}
