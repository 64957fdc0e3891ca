//! The figure grammar, case by case: every row of `testdata/figures.toml` is
//! run through the whole public pipeline and its figure claims (quotes are
//! ignored) must equal the row's expected figures, field by field.
//!
//! Omitted fields in an expected figure take the defaults `kind = "count"`,
//! `qualifier = "exact"`, and null `unit`, `upper` and `year`, so every field
//! is always checked. All failing rows are reported together, by name
//! (`newsfacts_eval::table` runs the table).

use newsfacts::{ArticleRecord, Extractor};
use newsfacts_eval::table::{self, ArticleCase};
use newsfacts_tests::repo_root;
use serde::Deserialize;

/// What a row expects (`name`, `text`: [`ArticleCase`]).
#[derive(Debug, Deserialize)]
struct Figures {
    figures: Vec<Expected>,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Expected {
    text: String,
    value: f64,
    #[serde(default = "count")]
    kind: String,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default = "exact")]
    qualifier: String,
    #[serde(default)]
    year: Option<i32>,
    #[serde(default)]
    upper: Option<f64>,
}

fn count() -> String {
    "count".into()
}

fn exact() -> String {
    "exact".into()
}

fn show(e: &Expected) -> String {
    format!(
        "{{ text = {:?}, value = {}, kind = {:?}, unit = {:?}, qualifier = {:?}, year = {:?}, upper = {:?} }}",
        e.text, e.value, e.kind, e.unit, e.qualifier, e.year, e.upper
    )
}

fn same(a: &Expected, b: &Expected) -> bool {
    let close = |x: f64, y: f64| (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0);
    a.text == b.text
        && close(a.value, b.value)
        && a.kind == b.kind
        && a.unit == b.unit
        && a.qualifier == b.qualifier
        && a.year == b.year
        && match (a.upper, b.upper) {
            (None, None) => true,
            (Some(x), Some(y)) => close(x, y),
            _ => false,
        }
}

/// Everything wrong with one row's record: its expected and extracted
/// figures when they differ.
fn check(case: &ArticleCase<Figures>, record: &ArticleRecord) -> Vec<String> {
    let want = &case.expect.figures;
    let got: Vec<Expected> = record
        .claims
        .iter()
        .filter(|c| c.kind.is_figure())
        .map(|c| Expected {
            text: c.text.clone(),
            value: c.value.unwrap_or(f64::NAN),
            kind: c.kind.as_str().to_string(),
            unit: c.unit.clone(),
            qualifier: c.qualifier.map_or("-", |q| q.as_str()).to_string(),
            year: c.year,
            upper: c.upper,
        })
        .collect();
    let ok = got.len() == want.len() && got.iter().zip(want).all(|(g, e)| same(g, e));
    if ok {
        return Vec::new();
    }
    let mut problems: Vec<String> = want.iter().map(|e| format!("want {}", show(e))).collect();
    problems.extend(got.iter().map(|g| format!("got  {}", show(g))));
    problems
}

#[test]
fn figure_table() {
    let extractor = Extractor::new();
    table::run_articles(
        repo_root(),
        "testdata/figures.toml",
        150,
        |_| &extractor,
        |case, _, record| check(case, record),
    );
}
