//! One harness for the table-driven tests (`figures.rs`, `claims.rs`,
//! `names.rs` in `newsfacts-tests/tests/`), in the way of regex's
//! `testdata/*.toml`: each file holds `[[case]]` rows with a unique `name`,
//! a test says how to check one row, and [`run`] checks them all and
//! reports every failure by file and case name.
//!
//! `testdata/README.md` documents the fields of each file.

use std::collections::HashSet;
use std::path::Path;

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
