//! The embedded gazetteer as `build.rs` precompiled it: its entries, its
//! matcher's index and the key resolver's tables, read from the packed form (`packed`) instead of parsing
//! ~80,000 TSV rows and sorting ~110,000 forms when a process first builds
//! an extractor.
//!
//! The build script writes them only when the files need nothing it does
//! not do (no deny rows, each (type, key) once, every cell valid); else its
//! files are empty and the crate parses the TSV files as it parses a user's
//! (`load`). The tests hold the packed entries to the parsed ones and the
//! packed index and tables to the ones the crate builds over them.

use std::collections::HashMap;

use crate::record::EntityType;

use super::compile::Index;
use super::forms::Forms;
use super::homonyms::Homonyms;
use super::packed::{Reader, HAS_FACTS, KIND_NAMES, POLICY_NAMES};
use super::trie::Trie;
use super::{Entry, MatchPolicy, PlaceFacts};

/// The entries, in load order.
static ENTRY_NUMBERS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded_entries.bin"));
static ENTRY_TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/embedded_entries.txt"));

/// The forms of each pattern of the trie ([`Forms::to_bytes`]).
static INDEX_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded_index.bin"));
static INDEX_TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/embedded_index.txt"));

/// The key resolver's tables ([`Homonyms`]).
static HOMONYM_NUMBERS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded_homonyms.bin"));
static HOMONYM_TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/embedded_homonyms.txt"));

/// The trie of the folded forms ([`Trie::to_bytes`]).
static TRIE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded_trie.bin"));

/// The embedded entries, when the build script packed them.
pub(super) fn entries() -> Option<Vec<Entry>> {
    let mut r = Reader::new(ENTRY_NUMBERS, ENTRY_TEXT);
    let kinds = KIND_NAMES.map(EntityType::parse);
    let policies = POLICY_NAMES.map(|p| p.parse::<MatchPolicy>().ok());
    let count = r.index()?;
    let mut entries = Vec::with_capacity(count);
    for _ in 0..count {
        // See `HAS_FACTS`.
        let code = r.number()?;
        let kind = (*kinds.get((code & 7) as usize)?)?;
        let policy = (*policies.get((code >> 3 & 7) as usize)?)?;
        let key = r.str()?.to_string();
        let name = r.str()?.to_string();
        let aliases = strings(&mut r)?;
        let facts = if code & HAS_FACTS != 0 {
            facts(&mut r)?
        } else {
            PlaceFacts::default()
        };
        entries.push(Entry {
            key,
            kind,
            name,
            aliases,
            policy,
            facts,
        });
    }
    r.is_done().then_some(entries)
}

/// A count, then that many strings.
fn strings(r: &mut Reader<'static>) -> Option<Vec<String>> {
    let n = r.index()?;
    let mut v = Vec::with_capacity(n);
    for _ in 0..n {
        v.push(r.str()?.to_string());
    }
    Some(v)
}

/// An optional string: a flag, then the string when the flag is 1.
fn optional(r: &mut Reader<'static>) -> Option<Option<String>> {
    Some(match r.number()? {
        0 => None,
        _ => Some(r.str()?.to_string()),
    })
}

/// A row's [`PlaceFacts`].
fn facts(r: &mut Reader<'static>) -> Option<PlaceFacts> {
    let shared = strings(r)?;
    let population = r.number()?;
    let country = optional(r)?;
    let region = optional(r)?;
    // The capital flag in bit 0, the priority above it.
    let flags = r.number()?;
    Some(PlaceFacts {
        shared,
        population,
        country,
        region,
        capital: flags & 1 != 0,
        priority: u8::try_from(flags >> 1).ok()?,
    })
}

/// The matcher index over the embedded entries, when the build script
/// packed it: the trie and the forms are read in place (`Forms`), nothing
/// is decoded. (A form's entry is checked where it is read, `Matcher::accept`.)
pub(super) fn index() -> Option<Index> {
    let trie = Trie::from_bytes(TRIE)?;
    let (forms, lower_written) = Forms::from_bytes(INDEX_BYTES, INDEX_TEXT)?;
    Some(Index {
        trie,
        forms,
        lower_written,
    })
}

/// The key resolver's tables of the embedded entries, when the build
/// script packed them.
pub(super) fn homonyms() -> Option<Homonyms> {
    let mut r = Reader::new(HOMONYM_NUMBERS, HOMONYM_TEXT);
    let n = r.index()?;
    let mut rows = HashMap::with_capacity_and_hasher(n, Default::default());
    for _ in 0..n {
        let form = r.str()?.to_string();
        rows.insert(form, row_list(&mut r)?);
    }
    let mut homonyms = Homonyms {
        rows,
        ..Homonyms::default()
    };
    let mut list = Vec::new();
    for _ in 0..r.index()? {
        let hash = r.number()?;
        list.clear();
        for _ in 0..r.index()? {
            list.push(u32::try_from(r.number()?).ok()?);
        }
        homonyms.push_organization(hash, &list);
    }
    (r.is_done() && homonyms.is_sorted()).then_some(homonyms)
}

/// A count, then that many row numbers.
fn row_list(r: &mut Reader<'static>) -> Option<Vec<u32>> {
    let n = r.index()?;
    let mut rows = Vec::with_capacity(n);
    for _ in 0..n {
        rows.push(u32::try_from(r.number()?).ok()?);
    }
    Some(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;

    /// The build script's entries are those the crate parses from the
    /// files, and its index and tables the ones the crate builds over them.
    #[test]
    fn packed_gazetteer_is_the_parsed_one() {
        let parsed = Gazetteer::parse_embedded();
        assert!(parsed.denials.is_empty());
        let packed = entries().expect("build.rs packed the embedded entries");
        assert!(packed == parsed.entries, "packed entries differ");
        let index = index().expect("build.rs packed the index");
        assert!(
            index == Index::build(&parsed.entries, 0),
            "packed index differs"
        );
        assert_eq!(index.trie.patterns(), index.forms.patterns());
        let homonyms = homonyms().expect("build.rs packed the key resolver's tables");
        assert!(
            homonyms == Homonyms::new(&parsed.entries),
            "packed tables differ"
        );
    }

    /// A bar inside a name is a list written where one form belongs (a
    /// source's "A | B" copied into the name cell): no embedded form has one.
    #[test]
    fn no_embedded_form_holds_a_bar() {
        let bad: Vec<&str> = Gazetteer::embedded()
            .entries()
            .iter()
            .flat_map(|e| e.names())
            .filter(|f| f.contains('|'))
            .collect();
        assert!(bad.is_empty(), "forms with a bar: {bad:?}");
    }

    /// The packed tables hold row numbers: any change to a copy of the
    /// embedded gazetteer, a denial included, stops it using them.
    #[test]
    fn a_changed_copy_builds_its_own_tables() {
        let mut g = Gazetteer::embedded().clone();
        assert!(g.packed_homonyms);
        let deny = "key\ttype\tname\taliases\tmatch\nCN\tplace\t*\t\tdeny\n";
        g.extend(Gazetteer::from_tsv("deny.tsv", deny).unwrap());
        assert!(!g.packed_homonyms);
        assert!(g.homonyms() == &Homonyms::new(&g.entries));
    }
}
