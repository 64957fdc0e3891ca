//! Key cases: every row of `testdata/keys_cases.toml` runs through the whole
//! public pipeline, and each listed mention's entity must have the row's key
//! (docs/KEYS.md; the choice among homonyms is `src/gazetteer/resolve.rs`).
//! All failing rows are reported together, by name (`newsfacts_eval::table`).

use newsfacts::{Article, Extractor};
use newsfacts_eval::table;
use newsfacts_tests::repo_root;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    headline: bool,
    keys: Vec<Expected>,
    #[serde(default)]
    pending: Option<String>,
}

impl table::Case for Case {
    fn name(&self) -> &str {
        &self.name
    }

    fn pending(&self) -> Option<&str> {
        self.pending.as_deref()
    }
}

/// A mention text and the key its entity should have (`""`: none).
#[derive(Debug, Deserialize)]
struct Expected {
    text: String,
    key: String,
}

/// Everything wrong with one row.
fn check(extractor: &Extractor, case: &Case) -> Vec<String> {
    let article = if case.headline {
        Article::from_plain_text(case.name.clone(), &case.text)
    } else {
        Article::new(case.name.clone(), case.text.clone())
    };
    let record = match extractor.extract(&article) {
        Ok(r) => r,
        Err(e) => return vec![format!("error {e}")],
    };
    let mut problems = Vec::new();
    for want in &case.keys {
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
    if !problems.is_empty() {
        problems.insert(0, format!("text: {:?}", case.text));
    }
    problems
}

#[test]
fn key_table() {
    let extractor = Extractor::new();
    table::run(
        repo_root(),
        "testdata/keys_cases.toml",
        20,
        |case: &Case| check(&extractor, case),
    );
}
