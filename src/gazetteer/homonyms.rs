//! The key resolver's tables of rows that share forms ([`Homonyms`]),
//! from a gazetteer's entries. `build.rs` includes this file to pack the
//! tables of the embedded gazetteer (`embedded`).

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

use crate::hash::FnvBuild;
use crate::record::EntityType;
use crate::text::fold_case;

use super::{Entry, MatchPolicy};

/// Region and city rows by the folded forms two or more of them share, and
/// organization rows by the folded forms only one of them has.
///
/// Built on the first article that needs it, from every form of ~80,000
/// rows, or for the embedded gazetteer read from what `build.rs` packed:
/// forms are keyed by the hash of their folded text first, so that
/// only the few shared place forms are kept as strings, and an
/// organization form is compared as text only when it is looked up.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Homonyms {
    pub(super) rows: HashMap<String, Vec<u32>, FnvBuild>,
    /// The organization rows with a form of each folded-form hash: (hash,
    /// start, end) sorted by hash, the rows (in order, each once) being
    /// `organization_rows[start..end]`. Flat, so that the embedded tables
    /// are read without an allocation per form.
    pub(super) organizations: Vec<(u64, u32, u32)>,
    pub(super) organization_rows: Vec<u32>,
}

impl Homonyms {
    /// The tables of `entries`.
    pub(super) fn new(entries: &[Entry]) -> Homonyms {
        let mut folded = String::new();
        let places = || {
            entries
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
        for (i, e) in entries.iter().enumerate() {
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
        let mut hashes: Vec<u64> = organizations.keys().copied().collect();
        hashes.sort_unstable();
        let mut flat = Homonyms {
            rows,
            ..Homonyms::default()
        };
        for hash in hashes {
            flat.push_organization(hash, &organizations[&hash]);
        }
        flat
    }

    /// Add the organization rows of a hash greater than those added before.
    pub(super) fn push_organization(&mut self, hash: u64, rows: &[u32]) {
        let start = self.organization_rows.len() as u32;
        self.organization_rows.extend_from_slice(rows);
        let end = self.organization_rows.len() as u32;
        self.organizations.push((hash, start, end));
    }

    /// The organization rows with a form whose folded hash is `hash`.
    pub(super) fn organizations_of(&self, hash: u64) -> Option<&[u32]> {
        let k = self
            .organizations
            .binary_search_by_key(&hash, |&(h, _, _)| h)
            .ok()?;
        let (_, start, end) = self.organizations[k];
        Some(&self.organization_rows[start as usize..end as usize])
    }

    /// True when the organization hashes are in order ([`Homonyms::organizations_of`]).
    pub(super) fn is_sorted(&self) -> bool {
        self.organizations.windows(2).all(|w| w[0].0 < w[1].0)
    }
}

/// The hash of `form` case-folded (`buf` holds the folded text).
pub(super) fn folded_hash(form: &str, buf: &mut String) -> u64 {
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

/// A place row of ISO 3166-2 (`CN-BJ`).
pub(super) fn is_region(e: &Entry) -> bool {
    e.kind == EntityType::Place && !e.key.contains(':') && e.key.contains('-')
}

/// A GeoNames city row (`gn:1816670`).
pub(super) fn is_city(e: &Entry) -> bool {
    e.kind == EntityType::Place && e.key.starts_with("gn:")
}
