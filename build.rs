//! Generates what the crate embeds from `gazetteers/`, into `$OUT_DIR`:
//!
//! - `embedded_files.rs`: the table `gazetteer::load::EMBEDDED`, (name,
//!   `include_str!` of the file) for each file `gazetteers/EMBEDDED` lists,
//!   so that embedding a file is one line in that list;
//! - `embedded_entries.{bin,txt}`: the entries of those files as the crate
//!   would parse them, in the packed form of `src/gazetteer/packed.rs`;
//! - `embedded_index.{bin,txt}` and `embedded_trie.bin`: the matcher's index
//!   over them, built by the crate's own `src/gazetteer/compile.rs` and
//!   written as `src/gazetteer/forms.rs` and `trie.rs` read them in place;
//! - `embedded_homonyms.{bin,txt}`: the key resolver's tables of them, built
//!   by the crate's own `src/gazetteer/homonyms.rs`.
//!
//! So the first extractor of a process reads its gazetteer, matcher and
//! resolver tables instead of parsing ~80,000 rows, sorting ~110,000 forms
//! and hashing them all (`gazetteer::embedded`). The rows are read with the crate's TSV reader
//! (`src/tsv.rs`) and the rules of `gazetteer::load`; when the files need
//! what this script does not do (deny rows, a (type, key) twice, an invalid
//! cell), it packs nothing and the crate parses the files itself. A test
//! holds the packed entries, index and tables to those the crate builds
//! from the parsed files.

#![forbid(unsafe_code)]

use std::collections::HashSet;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/text/case_fold.rs"]
mod case_fold;
#[allow(dead_code)]
#[path = "src/gazetteer/columns.rs"]
mod columns;
#[allow(dead_code)]
#[path = "src/gazetteer/compile.rs"]
mod compile;
#[allow(dead_code)]
#[path = "src/error.rs"]
mod error;
#[allow(dead_code)]
#[path = "src/gazetteer/first_words.rs"]
mod first_words;
#[allow(dead_code)]
#[path = "src/gazetteer/forms.rs"]
mod forms;
#[allow(dead_code)]
#[path = "src/hash.rs"]
mod hash;
#[allow(dead_code)]
#[path = "src/gazetteer/homonyms.rs"]
mod homonyms;
#[allow(dead_code)]
#[path = "src/gazetteer/packed.rs"]
mod packed;
#[allow(dead_code)]
#[path = "src/gazetteer/trie.rs"]
mod trie;
#[allow(dead_code)]
#[path = "src/tsv.rs"]
mod tsv;

/// What `compile` reads as `crate::text`.
mod text {
    pub(crate) use super::case_fold::fold_case;
}

/// `record::EntityType`, in the order of [`KIND_NAMES`] (as `homonyms`
/// reads it).
mod record {
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub(crate) enum EntityType {
        Person,
        Organization,
        Place,
        Nationality,
    }
}

/// `gazetteer::parallel`, on one thread (no rayon here).
mod parallel {
    use std::cmp::Ordering;

    pub(crate) fn sort_unstable_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
        v.sort_unstable_by(cmp)
    }
}

use columns::{split_forms, FACT_COLUMNS, HEADER};
use compile::Index;
use homonyms::Homonyms;
use packed::{Writer, HAS_FACTS, KIND_NAMES, POLICY_NAMES};
use record::EntityType;
use tsv::Tsv;

/// The list of the embedded name files, in load order.
const EMBEDDED_LIST: &str = "gazetteers/EMBEDDED";

/// How an entry's forms may be matched: `gazetteer::MatchPolicy`, in its
/// order (as `compile` reads it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum MatchPolicy {
    Exact,
    Fold,
    Ambiguous,
    Deny,
    Referent,
}

/// The policies by their [`POLICY_NAMES`] index.
const POLICIES: [MatchPolicy; 5] = [
    MatchPolicy::Exact,
    MatchPolicy::Fold,
    MatchPolicy::Ambiguous,
    MatchPolicy::Deny,
    MatchPolicy::Referent,
];

/// The types by their [`KIND_NAMES`] index.
const KINDS: [EntityType; 4] = [
    EntityType::Person,
    EntityType::Organization,
    EntityType::Place,
    EntityType::Nationality,
];

/// An entry as `gazetteer::Entry` holds it.
struct Entry {
    key: String,
    kind: EntityType,
    name: String,
    aliases: Vec<String>,
    policy: MatchPolicy,
    facts: Facts,
}

impl Entry {
    /// The canonical name followed by the aliases (as `compile` reads them).
    fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// `gazetteer::PlaceFacts`.
#[derive(Default, PartialEq, Eq)]
struct Facts {
    shared: Vec<String>,
    population: u64,
    country: Option<String>,
    region: Option<String>,
    capital: bool,
    priority: u8,
}

fn main() {
    for source in [
        "build.rs",
        EMBEDDED_LIST,
        "src/text/case_fold.rs",
        "src/gazetteer/compile.rs",
        "src/gazetteer/first_words.rs",
        "src/gazetteer/forms.rs",
        "src/error.rs",
        "src/hash.rs",
        "src/gazetteer/homonyms.rs",
        "src/gazetteer/packed.rs",
        "src/gazetteer/trie.rs",
        "src/tsv.rs",
    ] {
        println!("cargo:rerun-if-changed={source}");
    }
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out_dir = Path::new(&out_dir);
    let files = embedded_files();
    write(&out_dir.join("embedded_files.rs"), file_table(&files));
    let entries = all_entries(&files);
    let (entry_data, index_data, homonym_data, trie) = match &entries {
        Some(entries) => {
            let index = Index::build(entries, 0);
            (
                pack_entries(entries),
                pack_index(&index),
                pack_homonyms(&Homonyms::new(entries)),
                index.trie.to_bytes(),
            )
        }
        // The crate parses the files: nothing packed.
        None => Default::default(),
    };
    for (name, data) in [
        ("entries", entry_data),
        ("index", index_data),
        ("homonyms", homonym_data),
    ] {
        write(&out_dir.join(format!("embedded_{name}.bin")), data.numbers);
        write(&out_dir.join(format!("embedded_{name}.txt")), data.text);
    }
    write(&out_dir.join("embedded_trie.bin"), trie);
}

/// The file names `gazetteers/EMBEDDED` lists.
fn embedded_files() -> Vec<String> {
    read(Path::new(EMBEDDED_LIST))
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(String::from)
        .collect()
}

/// `gazetteer::load::EMBEDDED`: a slice expression of (name, contents) with
/// each file's contents included from its absolute path.
fn file_table(files: &[String]) -> String {
    let dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut table = String::from("&[\n");
    for name in files {
        let path = Path::new(&dir).join("gazetteers").join(name);
        let path = path.to_str().expect("a UTF-8 path");
        table.push_str(&format!("    ({name:?}, include_str!({path:?})),\n"));
    }
    table.push(']');
    table
}

/// The entries of every file, in load order; `None` when one needs what
/// this script leaves to the crate.
fn all_entries(files: &[String]) -> Option<Vec<Entry>> {
    let mut entries = Vec::new();
    for name in files {
        let path = Path::new("gazetteers").join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        read_entries(name, &read(&path), &mut entries)?;
    }
    // A later row with an earlier row's (type, key) would replace it.
    let mut keys = HashSet::new();
    entries
        .iter()
        .all(|e| keys.insert((e.kind, e.key.as_str())))
        .then_some(entries)
}

/// Add the entries of one file as `Gazetteer::from_tsv` reads them;
/// `None` for a file it would reject or that has deny rows.
fn read_entries(origin: &str, src: &str, entries: &mut Vec<Entry>) -> Option<()> {
    let table = Tsv::parse(origin, src).ok()?;
    let header = table.header();
    let extra = header.get(HEADER.len()..)?;
    let unique = extra
        .iter()
        .enumerate()
        .all(|(i, c)| !extra[..i].contains(c));
    if header[..HEADER.len()] != HEADER
        || !unique
        || !extra.iter().all(|c| FACT_COLUMNS.contains(c))
    {
        return None;
    }
    let [key, kind, name, aliases, policy] = HEADER.map(|c| table.column(c).ok());
    let (key, kind, name, aliases, policy) = (key?, kind?, name?, aliases?, policy?);
    let facts = FACT_COLUMNS.map(|c| table.column(c).ok());
    for row in table.rows() {
        let row = row.ok()?;
        let cell = |c: Option<tsv::Column>| c.map_or("", |c| row.cell(c));
        let entry_name = row.cell(name);
        let entry = Entry {
            key: Some(row.cell(key)).filter(|k| !k.is_empty())?.to_string(),
            kind: KINDS[KIND_NAMES.iter().position(|&k| k == row.cell(kind))?],
            name: Some(entry_name).filter(|n| !n.is_empty())?.to_string(),
            aliases: split_forms(row.cell(aliases), entry_name),
            policy: match row.cell(policy) {
                "" => MatchPolicy::Fold,
                p => POLICIES[POLICY_NAMES.iter().position(|&n| n == p)?],
            },
            facts: Facts {
                shared: split_forms(cell(facts[0]), ""),
                population: number(cell(facts[1]))?,
                country: Some(cell(facts[2]))
                    .filter(|s| !s.is_empty())
                    .map(String::from),
                region: Some(cell(facts[3]))
                    .filter(|s| !s.is_empty())
                    .map(String::from),
                capital: match cell(facts[4]) {
                    "" | "no" => false,
                    "yes" => true,
                    _ => return None,
                },
                priority: u8::try_from(number(cell(facts[5]))?).ok()?,
            },
        };
        if entry.policy == MatchPolicy::Deny {
            return None;
        }
        entries.push(entry);
    }
    Some(())
}

/// A number cell (empty: 0).
fn number(cell: &str) -> Option<u64> {
    match cell {
        "" => Some(0),
        s => s.parse().ok(),
    }
}

/// The entries in the form `gazetteer::embedded::entries` reads.
fn pack_entries(entries: &[Entry]) -> Writer {
    let mut w = Writer::default();
    w.number(entries.len() as u64);
    let policy = |p: MatchPolicy| p as u64;
    for e in entries {
        let facts = (e.facts != Facts::default()).then_some(&e.facts);
        let has_facts = if facts.is_some() { HAS_FACTS } else { 0 };
        w.number(e.kind as u64 | policy(e.policy) << 3 | has_facts);
        w.str(&e.key);
        w.str(&e.name);
        strings(&mut w, &e.aliases);
        if let Some(f) = facts {
            strings(&mut w, &f.shared);
            w.number(f.population);
            for text in [&f.country, &f.region] {
                w.number(u64::from(text.is_some()));
                if let Some(text) = text {
                    w.str(text);
                }
            }
            w.number(u64::from(f.capital) | u64::from(f.priority) << 1);
        }
    }
    w
}

/// A count, then the strings.
fn strings(w: &mut Writer, list: &[String]) {
    w.number(list.len() as u64);
    for s in list {
        w.str(s);
    }
}

/// The key resolver's tables in the form `gazetteer::embedded::homonyms`
/// reads.
fn pack_homonyms(homonyms: &Homonyms) -> Writer {
    let mut w = Writer::default();
    let row_list = |w: &mut Writer, rows: &[u32]| {
        w.number(rows.len() as u64);
        for &row in rows {
            w.number(u64::from(row));
        }
    };
    w.number(homonyms.rows.len() as u64);
    for (form, rows) in &homonyms.rows {
        w.str(form);
        row_list(&mut w, rows);
    }
    w.number(homonyms.organizations.len() as u64);
    for &(hash, start, end) in &homonyms.organizations {
        w.number(hash);
        row_list(
            &mut w,
            &homonyms.organization_rows[start as usize..end as usize],
        );
    }
    w
}

/// The index (less its trie) in the form `gazetteer::embedded::index` reads
/// in place (`gazetteer::forms`).
fn pack_index(index: &Index) -> Writer {
    let (numbers, text) = index.forms.to_bytes(&index.lower_written);
    Writer { numbers, text }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn write(path: &Path, contents: impl AsRef<[u8]>) {
    std::fs::write(path, contents).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
