//! The figure grammar, case by case: every row of `testdata/figures.toml` is
//! run through the whole public pipeline and its figure claims (quotes are
//! ignored) must equal the row's expected figures, field by field.
//!
//! Omitted fields in an expected figure take the defaults `kind = "count"`,
//! `qualifier = "exact"`, and null `unit`, `upper` and `year`, so every field
//! is always checked. All failing rows are reported together.

use newsfacts::{Article, Extractor};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Table {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    text: String,
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

#[test]
fn figure_table() {
    let data = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/testdata/figures.toml"
    ))
    .expect("testdata/figures.toml");
    let table: Table = toml::from_str(&data).expect("valid figures.toml");
    assert!(table.case.len() >= 150, "only {} rows", table.case.len());
    let extractor = Extractor::new();
    let mut failures = Vec::new();
    for (n, case) in table.case.iter().enumerate() {
        let record = extractor
            .extract(&Article::new(format!("row-{}", n + 1), case.text.as_str()))
            .expect("extract");
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
        let ok = got.len() == case.figures.len()
            && got.iter().zip(&case.figures).all(|(g, e)| same(g, e));
        if !ok {
            let mut msg = format!("row {}: {:?}\n", n + 1, case.text);
            for e in &case.figures {
                msg.push_str(&format!("    want {}\n", show(e)));
            }
            for g in &got {
                msg.push_str(&format!("    got  {}\n", show(g)));
            }
            failures.push(msg);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        table.case.len(),
        failures.join("")
    );
}
