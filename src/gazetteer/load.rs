//! Loading gazetteers: the files compiled into the crate and user TSV files
//! (format: `gazetteers/FORMAT.md`), read with the crate's one TSV reader.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};
use std::path::Path;
use std::sync::Arc;

use once_cell::sync::Lazy;

use crate::error::Error;
use crate::hash::FnvBuild;
use crate::record::EntityType;
use crate::tsv::{Column, Row, Tsv};

use super::columns::{split_forms, FACT_COLUMNS, HEADER};
use super::{embedded, Entry, Gazetteer, MatchPolicy, PlaceFacts};

/// The gazetteer files compiled into the crate, in load order: (file name,
/// contents) for each file `gazetteers/EMBEDDED` lists, a table `build.rs`
/// generates.
pub(crate) const EMBEDDED: &[(&str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/embedded_files.rs"));

/// The fact columns a header has.
struct FactColumns {
    shared: Option<Column>,
    population: Option<Column>,
    country: Option<Column>,
    region: Option<Column>,
    capital: Option<Column>,
    priority: Option<Column>,
}

impl FactColumns {
    /// Check the header: [`HEADER`], then fact columns, each at most once.
    fn of(table: &Tsv<'_>) -> Result<FactColumns, Error> {
        let names = table.header();
        let extra = names.get(HEADER.len()..).unwrap_or(&[]);
        let known = extra.iter().all(|c| FACT_COLUMNS.contains(c));
        let unique = extra
            .iter()
            .enumerate()
            .all(|(i, c)| !extra[..i].contains(c));
        if names.len() < HEADER.len() || !known || !unique {
            table.expect_header(&HEADER)?;
        }
        table.expect_header_prefix(&HEADER)?;
        let col = |name: &str| table.column(name).ok();
        Ok(FactColumns {
            shared: col("shared"),
            population: col("population"),
            country: col("country"),
            region: col("region"),
            capital: col("capital"),
            priority: col("priority"),
        })
    }

    /// The facts of one row.
    fn read(&self, row: &Row<'_, '_>) -> Result<PlaceFacts, Error> {
        let cell = |c: Option<Column>| c.map_or("", |c| row.cell(c));
        let text = |c: Option<Column>| Some(cell(c)).filter(|s| !s.is_empty()).map(String::from);
        let number = |c: Option<Column>, name: &str| -> Result<u64, Error> {
            match cell(c) {
                "" => Ok(0),
                s => s
                    .parse()
                    .map_err(|_| row.error(format!("{name}: not a number: {s:?}"))),
            }
        };
        let capital = match cell(self.capital) {
            "" | "no" => false,
            "yes" => true,
            s => return Err(row.error(format!("capital: expected yes or nothing, found {s:?}"))),
        };
        Ok(PlaceFacts {
            shared: split_forms(cell(self.shared), ""),
            population: number(self.population, "population")?,
            country: text(self.country),
            region: text(self.region),
            capital,
            priority: u8::try_from(number(self.priority, "priority")?)
                .map_err(|_| row.error("priority: above 255"))?,
        })
    }
}

/// The FNV hash of an entry key.
fn key_hash(key: &str) -> u64 {
    let mut h = FnvBuild::default().build_hasher();
    h.write(key.as_bytes());
    h.finish()
}

impl Gazetteer {
    /// The gazetteers compiled into the crate.
    pub fn embedded() -> &'static Gazetteer {
        Gazetteer::embedded_shared()
    }

    /// The gazetteers compiled into the crate, shared with the default
    /// extractor (parsed once per process, never copied).
    pub(crate) fn embedded_shared() -> &'static Arc<Gazetteer> {
        static EMBEDDED_GAZ: Lazy<Arc<Gazetteer>> = Lazy::new(|| {
            Arc::new(match embedded::entries() {
                Some(entries) => Gazetteer {
                    entries,
                    packed_homonyms: true,
                    ..Gazetteer::default()
                },
                None => Gazetteer::parse_embedded(),
            })
        });
        &EMBEDDED_GAZ
    }

    /// Parse the embedded files, as when the build script did not pack
    /// them (see `embedded`).
    pub(super) fn parse_embedded() -> Gazetteer {
        let mut g = Gazetteer::new();
        // (type, hash of key) of every entry so far: a file none of whose
        // keys is here and that denies nothing is appended as it is,
        // without `extend` indexing everything loaded before it.
        let mut keys: HashSet<(EntityType, u64), FnvBuild> = HashSet::default();
        for (name, src) in EMBEDDED {
            let part = Gazetteer::from_tsv(name, src)
                .unwrap_or_else(|e| panic!("embedded gazetteer is invalid: {e}"));
            let mut new = part.denials.is_empty();
            for e in &part.entries {
                new &= keys.insert((e.kind, key_hash(&e.key)));
            }
            if new {
                g.append_new(part);
            } else {
                g.extend(part);
            }
        }
        g
    }

    /// Parse one TSV file; `origin` names it in errors (with the line number).
    pub fn from_tsv(origin: &str, src: &str) -> Result<Gazetteer, Error> {
        let table = Tsv::parse(origin, src)?;
        let facts = FactColumns::of(&table)?;
        let [key, kind, name, aliases, policy] = HEADER.map(|c| table.column(c));
        let (key, kind, name, aliases, policy) = (key?, kind?, name?, aliases?, policy?);
        // Sized up front: a million-row file should not rehash its way up.
        let rows = table.max_rows();
        let mut gaz = Gazetteer {
            entries: Vec::with_capacity(rows),
            ..Gazetteer::default()
        };
        // Keys borrow from `src`: no allocation per row for the duplicate check.
        let mut seen: HashMap<(EntityType, &str), usize, FnvBuild> =
            HashMap::with_capacity_and_hasher(rows, FnvBuild::default());
        for row in table.rows() {
            let row = row?;
            let entry_key = row.cell(key);
            if entry_key.is_empty() {
                return Err(row.error("empty key"));
            }
            let entry_kind = EntityType::parse(row.cell(kind))
                .ok_or_else(|| row.error(format!("unknown type {:?}", row.cell(kind))))?;
            let entry_name = row.cell(name);
            if entry_name.is_empty() {
                return Err(row.error("empty name"));
            }
            let entry_aliases = split_forms(row.cell(aliases), entry_name);
            let entry_policy = MatchPolicy::parse(row.cell(policy))
                .ok_or_else(|| row.error(format!("unknown match policy {:?}", row.cell(policy))))?;
            // Deny rows may repeat a key (`*` most of all).
            let denial = entry_policy == MatchPolicy::Deny;
            if let Some(prev) = (!denial)
                .then(|| seen.insert((entry_kind, entry_key), row.line_no()))
                .flatten()
            {
                return Err(row.error(format!(
                    "duplicate key {entry_key:?} for type {} (first on line {prev})",
                    entry_kind.as_str()
                )));
            }
            gaz.push(Entry {
                key: entry_key.to_string(),
                kind: entry_kind,
                name: entry_name.to_string(),
                aliases: entry_aliases,
                policy: entry_policy,
                facts: facts.read(&row)?,
            });
        }
        Ok(gaz)
    }

    /// Read and parse a TSV file.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Gazetteer, Error> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| Error::from(e).at(name.clone()))?;
        let src = std::str::from_utf8(&bytes).map_err(|e| Error::utf8(e).at(name.clone()))?;
        Gazetteer::from_tsv(&name, src)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

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
    fn deny_rows_remove_what_was_loaded_before() {
        let head = "key\ttype\tname\taliases\tmatch\n";
        let mut g = Gazetteer::from_tsv(
            "a.tsv",
            &format!("{head}GE\tplace\tGeorgia\tSakartvelo\tfold\nTD\tplace\tChad\t\tambiguous\nx\torganization\tChad\t\tfold\n"),
        )
        .unwrap();
        let deny = Gazetteer::from_tsv(
            "b.tsv",
            &format!("{head}*\tplace\tCHAD\t\tdeny\nGE\tplace\tGeorgia\t\tdeny\n*\tplace\tCHAD\t\tdeny\n"),
        )
        .unwrap();
        assert_eq!((deny.len(), deny.denials().len()), (0, 3));
        g.extend(deny);
        let names: Vec<_> = g
            .entries()
            .iter()
            .map(|e| (e.key.as_str(), e.name.as_str()))
            .collect();
        assert_eq!(names, [("GE", "Sakartvelo"), ("x", "Chad")]);
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
