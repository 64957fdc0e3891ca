//! Key cases: every row of `testdata/keys_cases.toml` runs through the whole
//! public pipeline, and each listed mention's entity must have the row's key
//! (docs/KEYS.md; the choice among homonyms is `src/gazetteer/resolve.rs`).
//! All failing rows are reported together, by name (`newsfacts_eval::table`).

use newsfacts::{ArticleRecord, Extractor};
use newsfacts_eval::table::{self, ArticleCase};
use newsfacts_tests::repo_root;
use serde::Deserialize;

/// What a row expects (`name`, `text`, `headline`, `pending`: [`ArticleCase`]).
#[derive(Debug, Deserialize)]
struct Keys {
    keys: Vec<Expected>,
}

/// A mention text and the key its entity should have (`""`: none).
#[derive(Debug, Deserialize)]
struct Expected {
    text: String,
    key: String,
}

/// Everything wrong with one row's record.
fn check(case: &ArticleCase<Keys>, record: &ArticleRecord) -> Vec<String> {
    let mut problems = Vec::new();
    for want in &case.expect.keys {
        let entity = record
            .entities
            .iter()
            .find(|e| e.mentions.iter().any(|m| m.text == want.text));
        match entity {
            None => problems.push(format!("{:?}: no entity has this mention", want.text)),
            Some(e) => {
                let got = e.key.as_deref().unwrap_or("");
                if got != want.key {
                    problems.push(format!(
                        "{:?}: want key {:?}, got {:?} ({} {:?})",
                        want.text,
                        want.key,
                        got,
                        e.kind.as_str(),
                        e.name
                    ));
                }
            }
        }
    }
    problems
}

#[test]
fn key_table() {
    let extractor = Extractor::new();
    table::run_articles(
        repo_root(),
        "testdata/keys_cases.toml",
        20,
        |_| &extractor,
        |case, _, record| check(case, record),
    );
}
