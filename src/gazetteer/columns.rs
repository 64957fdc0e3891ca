//! The columns of a gazetteer name file (gazetteers/FORMAT.md) and how its
//! aliases cell splits, shared by
//! the loader (`load.rs`) and `build.rs`, which parses the embedded files
//! ahead of time: one definition, so the two cannot read a file differently.

/// The columns every name file starts with, in this order.
pub(crate) const HEADER: [&str; 5] = ["key", "type", "name", "aliases", "match"];

/// Columns a file may add after [`HEADER`], in any order: what tells a place
/// apart from rows sharing its forms (`PlaceFacts`).
pub(crate) const FACT_COLUMNS: [&str; 6] = [
    "shared",
    "population",
    "country",
    "region",
    "capital",
    "priority",
];

/// `|`-separated forms, trimmed, without empty ones and `name`.
pub(crate) fn split_forms(cell: &str, name: &str) -> Vec<String> {
    cell.split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty() && *a != name)
        .map(String::from)
        .collect()
}
