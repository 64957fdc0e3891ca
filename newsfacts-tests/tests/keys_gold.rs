//! The key gold `testdata/keys.jsonl` stays well-formed and in step with the
//! gazetteers: every key has the form of its namespace (docs/KEYS.md), and
//! every country, `place:` and `org:` key names a row of the embedded
//! gazetteers with the row's type. A gazetteer that renames a key (a slug
//! becoming a QID) fails here until the gold is reviewed.

use std::collections::HashSet;

use newsfacts::{EntityType, Gazetteer};
use serde_json::Value;

const GOLD: &str = include_str!("../../testdata/keys.jsonl");

fn rows() -> Vec<Value> {
    GOLD.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn is_iso2(k: &str) -> bool {
    k.len() == 2 && k.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_iso3166_2(k: &str) -> bool {
    let Some((country, sub)) = k.split_once('-') else {
        return false;
    };
    is_iso2(country)
        && (1..=3).contains(&sub.len())
        && sub
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

fn is_slug(k: &str, prefix: &str) -> bool {
    k.strip_prefix(prefix).is_some_and(|s| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    })
}

fn numbered(k: &str, prefix: &str) -> bool {
    k.strip_prefix(prefix)
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A listed company's key, `org:isin-<ISIN>` (companies.tsv).
fn is_isin_key(k: &str) -> bool {
    k.strip_prefix("org:isin-").is_some_and(|isin| {
        isin.len() == 12
            && isin
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    })
}

/// The key's form is one of the scheme's for the type.
fn well_formed(kind: &str, k: &str) -> bool {
    match kind {
        "place" => {
            is_iso2(k)
                || is_iso3166_2(k)
                || numbered(k, "gn:")
                || numbered(k, "Q")
                || is_slug(k, "place:")
        }
        "organization" => numbered(k, "Q") || is_slug(k, "org:") || is_isin_key(k),
        _ => false,
    }
}

#[test]
fn key_gold_rows_are_well_formed() {
    let rows = rows();
    assert!(rows.len() >= 300, "{} rows", rows.len());
    let mut seen = HashSet::new();
    for row in &rows {
        let field = |name: &str| {
            row[name]
                .as_str()
                .unwrap_or_else(|| panic!("no {name}: {row}"))
        };
        let (article, kind, name) = (field("article"), field("type"), field("name"));
        assert!(seen.insert((article, kind, name)), "duplicate row {row}");
        assert!(
            row["mentions"].as_array().is_some_and(|m| !m.is_empty()),
            "{row}"
        );
        match &row["key"] {
            Value::String(k) => assert!(well_formed(kind, k), "malformed key {row}"),
            Value::Null => assert!(row["note"].is_string(), "a null key needs a note: {row}"),
            other => panic!("key {other} in {row}"),
        }
        for k in row["accept"].as_array().into_iter().flatten() {
            assert!(
                k.as_str().is_some_and(|k| well_formed(kind, k)),
                "accept {row}"
            );
        }
    }
}

#[test]
fn key_gold_keys_name_gazetteer_rows() {
    let gaz = Gazetteer::embedded();
    let held: HashSet<(EntityType, &str)> = gaz
        .entries()
        .iter()
        .map(|e| (e.kind, e.key.as_str()))
        .collect();
    let countries: HashSet<&str> = gaz
        .entries()
        .iter()
        .filter(|e| e.kind == EntityType::Place && is_iso2(&e.key))
        .map(|e| e.key.as_str())
        .collect();
    for row in rows() {
        let kind = EntityType::parse(row["type"].as_str().unwrap()).unwrap();
        let keys = row["key"].as_str().into_iter().chain(
            row["accept"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str),
        );
        for k in keys {
            if is_iso2(k) || k.starts_with("place:") || k.starts_with("org:") {
                assert!(
                    held.contains(&(kind, k)),
                    "no {} row {k}: {row}",
                    kind.as_str()
                );
            }
            if is_iso3166_2(k) {
                assert!(countries.contains(&k[..2]), "no country {}: {row}", &k[..2]);
            }
        }
    }
}
