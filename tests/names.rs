//! Name cases: every row of `testdata/names.toml` runs through the whole
//! public pipeline and its person, organization and place mentions (with
//! their entity's canonical name), in reading order, must equal the row's
//! expected list. Rows with `nationalities = true` check nationality mentions
//! too. All failing rows are reported together.

use newsfacts::{Article, EntityType, Extractor};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Table {
    case: Vec<Case>,
}

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

#[test]
fn name_table() {
    let data = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/names.toml"))
        .expect("testdata/names.toml");
    let table: Table = toml::from_str(&data).expect("valid names.toml");
    assert!(table.case.len() >= 120, "only {} rows", table.case.len());
    let extractor = Extractor::new();
    let mut failures = Vec::new();
    for case in &table.case {
        let article = if case.headline {
            Article::from_plain_text(case.name.clone(), &case.text)
        } else {
            Article::new(case.name.clone(), case.text.clone())
        };
        let record = match extractor.extract(&article) {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{}: error {e}", case.name));
                continue;
            }
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
        if got != case.mentions {
            failures.push(format!(
                "{}\n    text: {:?}\n    want: {}\n    got:  {}",
                case.name,
                case.text,
                show(&case.mentions),
                show(&got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        table.case.len(),
        failures.join("\n")
    );
}
