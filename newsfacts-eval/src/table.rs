//! One harness for the table-driven tests (`figures.rs`, `claims.rs`,
//! `names.rs`, `keys_cases.rs` in `newsfacts-tests/tests/`), in the way of
//! regex's `testdata/*.toml`: each file holds `[[case]]` rows with a unique
//! `name`, a test says how to check one row, and [`run`] checks them all and
//! reports every failure by file and case name.
//!
//! Most tables run each row's text through an [`Extractor`]: their rows are
//! [`ArticleCase`]s (the shared fields, and the table's own expectations
//! flattened beside them), and [`run_articles`] reads the article, extracts
//! it and hands the record to the test's check.
//!
//! `testdata/README.md` documents the fields of each file.

use std::collections::HashSet;
use std::path::Path;

use newsfacts::{Article, ArticleRecord, Extractor};
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// One row of a table.
pub trait Case: DeserializeOwned {
    /// The row's unique name, which failures are reported by.
    fn name(&self) -> &str;

    /// Why the row is expected to fail for now, if it is: such a row is run
    /// and reported, but does not fail the test.
    fn pending(&self) -> Option<&str> {
        None
    }
}

/// The shape of every table file: a list of `[[case]]` rows.
#[derive(Deserialize)]
struct File<C> {
    case: Vec<C>,
}

/// Read the rows of `file` (relative to `root`), which must hold at least
/// `min_cases` rows with unique, non-empty names.
///
/// Panics, naming the file, when it cannot be read or parsed.
#[track_caller]
pub fn load<C: Case>(root: &Path, file: &str, min_cases: usize) -> Vec<C> {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{file}: cannot read {}: {e}", path.display()));
    let table: File<C> = toml::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
    assert!(
        table.case.len() >= min_cases,
        "{file}: only {} rows, expected at least {min_cases}",
        table.case.len()
    );
    let mut names = HashSet::new();
    for case in &table.case {
        assert!(!case.name().is_empty(), "{file}: a row has an empty name");
        assert!(
            names.insert(case.name()),
            "{file}: two rows are named {:?}",
            case.name()
        );
    }
    table.case
}

/// Check every row of `file` (relative to `root`) with `check`, which
/// returns what is wrong with a row (nothing when it passes).
///
/// Every failure is printed as `file: name: problem`; then the test fails
/// if any row not marked pending failed. Pending rows that now pass are
/// listed, so that their mark can be removed.
#[track_caller]
pub fn run<C: Case>(
    root: &Path,
    file: &str,
    min_cases: usize,
    mut check: impl FnMut(&C) -> Vec<String>,
) {
    let cases: Vec<C> = load(root, file, min_cases);
    let mut failed = Vec::new();
    let mut pending_failed = 0;
    let mut pending_passed = Vec::new();
    for case in &cases {
        let problems = check(case);
        match (case.pending(), problems.is_empty()) {
            (None, true) => {}
            (None, false) => failed.push(describe(file, case.name(), &problems)),
            (Some(why), false) => {
                pending_failed += 1;
                eprintln!("pending ({why}) {}", describe(file, case.name(), &problems));
            }
            (Some(_), true) => pending_passed.push(case.name().to_string()),
        }
    }
    eprintln!(
        "{file}: {} cases, {} failed, {pending_failed} pending (still failing), {} pending now passing {pending_passed:?}",
        cases.len(),
        failed.len(),
        pending_passed.len(),
    );
    assert!(
        failed.is_empty(),
        "{} of {} cases in {file} failed:\n{}",
        failed.len(),
        cases.len(),
        failed.join("\n")
    );
}

/// `file: name: problem`, one problem a line.
fn describe(file: &str, name: &str, problems: &[String]) -> String {
    format!("{file}: {name}: {}", problems.join("\n    "))
}

/// A row that is one article to extract: the fields every such table
/// shares, and the table's own expectations `E` (its other fields).
#[derive(Debug, Deserialize)]
pub struct ArticleCase<E> {
    /// The row's unique name.
    pub name: String,
    /// The article's text.
    pub text: String,
    /// Read the text as a plain-text file, its first line a headline
    /// ([`Article::from_plain_text`]); otherwise it is the body.
    #[serde(default)]
    pub headline: bool,
    /// Why the row is expected to fail for now (see [`Case::pending`]).
    #[serde(default)]
    pub pending: Option<String>,
    /// What the table checks.
    #[serde(flatten)]
    pub expect: E,
}

impl<E: DeserializeOwned> Case for ArticleCase<E> {
    fn name(&self) -> &str {
        &self.name
    }

    fn pending(&self) -> Option<&str> {
        self.pending.as_deref()
    }
}

impl<E> ArticleCase<E> {
    /// The row's article, named as the row.
    pub fn article(&self) -> Article {
        if self.headline {
            Article::from_plain_text(self.name.clone(), &self.text)
        } else {
            Article::new(self.name.clone(), self.text.clone())
        }
    }
}

/// Check every row of `file` (relative to `root`) as [`run`] does: extract
/// the row's article with the extractor `extractor` picks for it, and pass
/// the article and its record to `check`, which returns what is wrong.
/// A failing row's report starts with its text.
#[track_caller]
pub fn run_articles<'e, E: DeserializeOwned>(
    root: &Path,
    file: &str,
    min_cases: usize,
    extractor: impl Fn(&ArticleCase<E>) -> &'e Extractor,
    mut check: impl FnMut(&ArticleCase<E>, &Article, &ArticleRecord) -> Vec<String>,
) {
    run(root, file, min_cases, |case: &ArticleCase<E>| {
        let article = case.article();
        let mut problems = match extractor(case).extract(&article) {
            Ok(record) => check(case, &article, &record),
            Err(e) => vec![format!("extract failed: {e}")],
        };
        if !problems.is_empty() {
            problems.insert(0, format!("text: {:?}", case.text));
        }
        problems
    });
}
