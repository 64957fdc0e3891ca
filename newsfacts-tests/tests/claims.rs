//! Claims: figure sources, subjects and hedging; quotes and their speakers.
//!
//! The cases live in `testdata/claims.toml` (its header documents the keys).
//! Every row runs through the public pipeline; every failure is reported by
//! name, then the test fails if any row not marked `pending` failed
//! (`newsfacts_eval::table` runs the table).

use newsfacts::record::Source;
use newsfacts::{ArticleRecord, Claim, ClaimKind, Extractor};
use newsfacts_eval::table::{self, ArticleCase};
use newsfacts_tests::repo_root;
use serde::Deserialize;

/// What a row expects (`name`, `text`, `pending`: [`ArticleCase`]).
#[derive(Deserialize)]
struct Claims {
    figure: Option<String>,
    source: Option<String>,
    subject: Option<String>,
    hedged: Option<bool>,
    quote: Option<String>,
    speaker: Option<String>,
    quotes: Option<usize>,
    #[serde(default)]
    quote_off: bool,
}

fn name_of(s: &Option<Source>) -> String {
    s.as_ref().map(|s| s.name.clone()).unwrap_or_default()
}

fn entity_name(record: &ArticleRecord, id: &Option<String>) -> String {
    id.as_ref()
        .and_then(|id| record.entities.iter().find(|e| &e.id == id))
        .map(|e| e.name.clone())
        .unwrap_or_default()
}

/// Everything wrong with one row's record, empty when it passes.
fn check(row: &ArticleCase<Claims>, record: &ArticleRecord) -> Vec<String> {
    let case = &row.expect;
    let mut errs = Vec::new();
    for c in &record.claims {
        if row.text.get(c.start..c.end) != Some(c.text.as_str()) {
            errs.push(format!("claim {} text {:?} is not its span", c.id, c.text));
        }
    }
    let quotes: Vec<&Claim> = record
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Quote)
        .collect();
    if let Some(n) = case.quotes {
        if quotes.len() != n {
            let texts: Vec<&str> = quotes.iter().map(|q| q.text.as_str()).collect();
            errs.push(format!("{} quotes, want {n}: {texts:?}", quotes.len()));
        }
    }
    let mut target: Option<&Claim> = None;
    if let Some(fig) = &case.figure {
        target = record
            .claims
            .iter()
            .find(|c| c.kind.is_figure() && &c.text == fig);
        if target.is_none() {
            let texts: Vec<&str> = record.claims.iter().map(|c| c.text.as_str()).collect();
            errs.push(format!("no figure {fig:?} among {texts:?}"));
        }
    }
    if let Some(prefix) = &case.quote {
        target = quotes
            .iter()
            .copied()
            .find(|q| q.text.starts_with(prefix.as_str()));
        if target.is_none() {
            let texts: Vec<&str> = quotes.iter().map(|q| q.text.as_str()).collect();
            errs.push(format!("no quote starting {prefix:?} among {texts:?}"));
        }
    }
    if let Some(c) = target {
        if let Some(want) = &case.source {
            let got = name_of(&c.source);
            if &got != want {
                errs.push(format!("source {got:?}, want {want:?}"));
            }
        }
        if let Some(want) = &case.speaker {
            let got = name_of(&c.speaker);
            if &got != want {
                errs.push(format!("speaker {got:?}, want {want:?}"));
            }
        }
        if let Some(want) = &case.subject {
            let got = entity_name(record, &c.subject);
            if &got != want {
                errs.push(format!("subject {got:?}, want {want:?}"));
            }
        }
        if let Some(want) = case.hedged {
            if c.hedged != want {
                errs.push(format!("hedged {}, want {want}", c.hedged));
            }
        }
    }
    errs
}

#[test]
fn claims_table() {
    let on = Extractor::new();
    let off = Extractor::builder().quotes(false).build().unwrap();
    table::run_articles(
        repo_root(),
        "testdata/claims.toml",
        80,
        |case: &ArticleCase<Claims>| if case.expect.quote_off { &off } else { &on },
        |case, _, record| check(case, record),
    );
}
