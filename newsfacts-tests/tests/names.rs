//! Name cases: every row of `testdata/names.toml` runs through the whole
//! public pipeline and its person, organization and place mentions (with
//! their entity's canonical name), in reading order, must equal the row's
//! expected list. Rows with `nationalities = true` check nationality mentions
//! too. All failing rows are reported together, by name
//! (`newsfacts_eval::table` runs the table).

use newsfacts::{Article, ArticleRecord, EntityType, Extractor};
use newsfacts_eval::table::{self, ArticleCase};
use newsfacts_tests::repo_root;
use serde::Deserialize;

/// What a row expects (`name`, `text`, `headline`, `pending`: [`ArticleCase`]).
#[derive(Debug, Deserialize)]
struct Names {
    #[serde(default)]
    nationalities: bool,
    mentions: Vec<Expected>,
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

/// Everything wrong with one row's record: its expected and extracted
/// mentions when they differ.
fn check(case: &ArticleCase<Names>, article: &Article, record: &ArticleRecord) -> Vec<String> {
    let mut got: Vec<(usize, Expected)> = Vec::new();
    for e in &record.entities {
        let wanted = match e.kind {
            EntityType::Person | EntityType::Organization | EntityType::Place => true,
            EntityType::Nationality => case.expect.nationalities,
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
    if got == case.expect.mentions {
        return Vec::new();
    }
    vec![
        format!("want: {}", show(&case.expect.mentions)),
        format!("got:  {}", show(&got)),
    ]
}

/// Run the name table `file`, which holds at least `min_cases` rows.
fn name_table_in(file: &str, min_cases: usize) {
    let extractor = Extractor::new();
    table::run_articles(repo_root(), file, min_cases, |_| &extractor, check);
}

#[test]
fn name_table() {
    name_table_in("testdata/names.toml", 120);
}

/// Wire-copy cases (issue 12): datelines, company suffixes, state
/// abbreviations, results lines and scorecards.
#[test]
fn wire_name_table() {
    name_table_in("testdata/names_wire.toml", 4);
}
