//! Name cases: every row of `testdata/names.toml` runs through the whole
//! public pipeline and its person, organization and place mentions (with
//! their entity's canonical name), in reading order, must equal the row's
//! expected list. Rows with `nationalities = true` check nationality mentions
//! too. All failing rows are reported together, by name
//! (`newsfacts_eval::table` runs the table).

use newsfacts::{Article, EntityType, Extractor};
use newsfacts_eval::table;
use newsfacts_tests::repo_root;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    headline: bool,
    #[serde(default)]
    nationalities: bool,
    mentions: Vec<Expected>,
}

impl table::Case for Case {
    fn name(&self) -> &str {
        &self.name
    }
}

#[derive(Debug, Deserialize, PartialEq, Eq, Clone)]
struct Expected {
    #[serde(rename = "type")]
    kind: String,
    text: String,
    canonical: String,
}

fn show(list: &[Expected]) -> String {
    let rows: Vec<String> = list
        .iter()
        .map(|m| format!("{}:{:?}→{:?}", m.kind, m.text, m.canonical))
        .collect();
    format!("[{}]", rows.join(", "))
}

/// Everything wrong with one row: its expected and extracted mentions
/// when they differ.
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
    let mut got: Vec<(usize, Expected)> = Vec::new();
    for e in &record.entities {
        let wanted = match e.kind {
            EntityType::Person | EntityType::Organization | EntityType::Place => true,
            EntityType::Nationality => case.nationalities,
            _ => false,
        };
        if !wanted {
            continue;
        }
        for m in &e.mentions {
            assert_eq!(&article.text[m.start..m.end], m.text, "{}: span", case.name);
            got.push((
                m.start,
                Expected {
                    kind: e.kind.as_str().to_string(),
                    text: m.text.clone(),
                    canonical: e.name.clone(),
                },
            ));
        }
    }
    got.sort_by_key(|(start, _)| *start);
    let got: Vec<Expected> = got.into_iter().map(|(_, m)| m).collect();
    if got == case.mentions {
        return Vec::new();
    }
    vec![
        format!("text: {:?}", case.text),
        format!("want: {}", show(&case.mentions)),
        format!("got:  {}", show(&got)),
    ]
}

#[test]
fn name_table() {
    let extractor = Extractor::new();
    table::run(repo_root(), "testdata/names.toml", 120, |case: &Case| {
        check(&extractor, case)
    });
}

/// Wire-copy cases (issue 12): datelines, company suffixes, state
/// abbreviations, results lines and scorecards.
#[test]
fn wire_name_table() {
    let extractor = Extractor::new();
    table::run(repo_root(), "testdata/names_wire.toml", 4, |case: &Case| {
        check(&extractor, case)
    });
}
