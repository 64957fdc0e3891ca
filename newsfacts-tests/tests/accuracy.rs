//! Accuracy floors: the extractor run over annotated articles and scored by
//! `newsfacts_eval` must not fall below these.
//!
//! Run with `cargo test --release --test accuracy -- --nocapture` to see the
//! full reports.

use std::path::{Path, PathBuf};

use newsfacts::{Article, Extractor, InputFormat};
use newsfacts_tests::repo_root;

// Floors are the scores measured when they were last set, less a small
// margin, so that a change that loses accuracy fails here. Raise them as the
// extractor improves; the goal is at least 0.85 mention F1 and 0.85 figure
// full-match F1 on the seed. Last set against: seed mention 0.957, figure
// full 1.000; bbc-dev mention 0.928, figure full 0.984; the other sets at
// their floors below.

/// Seed (fixtures/tag-uyghur.txt against fixtures/seed.jsonl): mention F1.
const SEED_MENTION_F1_FLOOR: f64 = 0.945;
/// Seed: figure full-match F1 (value, kind, unit and upper bound agree).
const SEED_FIGURE_FULL_F1_FLOOR: f64 = 0.97;
/// BBC dev set (../shared): mention F1.
const DEV_MENTION_F1_FLOOR: f64 = 0.925;
/// BBC dev set: figure full-match F1.
const DEV_FIGURE_FULL_F1_FLOOR: f64 = 0.95;

fn read_articles(paths: &[PathBuf]) -> Vec<Article> {
    let mut articles = Vec::new();
    for path in paths {
        let items = newsfacts::read_file(path, InputFormat::Auto)
            .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        for item in items {
            articles.push(item.unwrap_or_else(|e| panic!("reading {}: {e}", path.display())));
        }
    }
    articles
}

fn evaluate(gold: &Path, corpus: &[PathBuf]) -> newsfacts_eval::Report {
    let gold = newsfacts_eval::read_gold_file(gold).expect("gold file reads");
    let articles = read_articles(corpus);
    let extractor = Extractor::new();
    let records: Vec<_> = articles
        .iter()
        .map(|a| extractor.extract(a).expect("extraction succeeds"))
        .collect();
    let report = newsfacts_eval::score_with_articles(&gold, &records, &articles);
    println!("{report}");
    println!("{}", report.misses_table(10));
    assert_eq!(
        report.articles.paired, report.articles.gold,
        "every gold article must pair with a record: {:?}",
        report.articles.unpaired_gold
    );
    report
}

/// The floors of one development set: measured scores less a small margin.
struct Floors {
    mention_f1: f64,
    figure_full_f1: f64,
    qualifier: f64,
    year: f64,
    source: f64,
    /// Checked only where the gold annotates subjects.
    subject: f64,
    quote_f1: f64,
    speaker: f64,
}

/// Claim quality floors of the seed and bbc-dev (measured: qualifier 1.00
/// on both, year 1.00 on both, source 1.00 seed / 0.92 dev, subject 0.906
/// seed / 0.923 dev, quote F1 1.00 on both, speaker 1.00 seed / 0.95 dev).
const SEED_FLOORS: Floors = Floors {
    mention_f1: SEED_MENTION_F1_FLOOR,
    figure_full_f1: SEED_FIGURE_FULL_F1_FLOOR,
    qualifier: 0.95,
    year: 0.90,
    source: 0.88,
    subject: 0.88,
    quote_f1: 0.90,
    speaker: 0.90,
};

const DEV_FLOORS: Floors = Floors {
    mention_f1: DEV_MENTION_F1_FLOOR,
    figure_full_f1: DEV_FIGURE_FULL_F1_FLOOR,
    subject: 0.89,
    ..SEED_FLOORS
};

/// bbc-genres-dev (BBC tech, sport, entertainment). Measured: mention F1
/// 0.928 (0.788 when these claim floors were set), figure full 0.923,
/// qualifier 1.00, year 1.00, source 0.922,
/// subject 0.902, quote F1 1.000, speaker 0.938.
const GENRES_FLOORS: Floors = Floors {
    mention_f1: GENRES_MENTION_F1_FLOOR,
    figure_full_f1: 0.90,
    qualifier: 0.97,
    year: 0.97,
    source: 0.89,
    subject: 0.87,
    quote_f1: 0.97,
    speaker: 0.91,
};

/// reuters-dev (Reuters-21578 wire). Measured: mention F1 0.966, figure
/// full 0.909, qualifier 1.00, year 0.983, source 0.983, subject 0.949
/// (session 4, car makers in organizations.tsv), quote F1 1.000, speaker 0.960.
const REUTERS_FLOORS: Floors = Floors {
    mention_f1: REUTERS_MENTION_F1_FLOOR,
    figure_full_f1: 0.88,
    qualifier: 0.97,
    year: 0.94,
    source: 0.97,
    // The target (#16), met since session 4.
    subject: 0.90,
    quote_f1: 0.97,
    speaker: 0.93,
};

fn check_floors(name: &str, report: &newsfacts_eval::Report, floors: &Floors) {
    let mut claims = vec![
        (
            "qualifier accuracy",
            report.figures.qualifier.accuracy,
            floors.qualifier,
        ),
        ("year accuracy", report.figures.year.accuracy, floors.year),
        (
            "source accuracy",
            report.figures.source.accuracy,
            floors.source,
        ),
        ("quote F1", report.quotes.quotes.f1, floors.quote_f1),
        (
            "speaker accuracy",
            report.quotes.speaker.accuracy,
            floors.speaker,
        ),
        ("mention F1", report.mentions.overall.f1, floors.mention_f1),
        (
            "figure full-match F1",
            report.figures.full.f1,
            floors.figure_full_f1,
        ),
    ];
    if report.figures.subject.total > 0 {
        claims.push((
            "subject accuracy",
            report.figures.subject.accuracy,
            floors.subject,
        ));
    }
    for (what, got, floor) in claims {
        println!("{name}: {what} {got:.3} (floor {floor})");
        assert!(
            got >= floor,
            "{name}: {what} {got:.3} fell below the floor {floor}"
        );
    }
}

#[test]
fn seed_accuracy() {
    let dir = repo_root().join("fixtures");
    let report = evaluate(&dir.join("seed.jsonl"), &[dir.join("tag-uyghur.txt")]);
    check_floors("seed", &report, &SEED_FLOORS);
}

/// The development sets live in shared/ beside the clone, never in the
/// repo; `NEWSFACTS_SHARED` points elsewhere (a worktree has no
/// ../shared).
fn shared_dir() -> PathBuf {
    std::env::var_os("NEWSFACTS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("..").join("shared"))
}

/// Score development set `set` (`shared/gold/SET.jsonl` against the text
/// files of `shared/corpus/SET/`) against `floors`; skipped when absent.
fn check_dev_set(set: &str, floors: &Floors) {
    if let Some(report) = shared_set_report(set) {
        check_floors(set, &report, floors);
    }
}

#[test]
fn bbc_dev_accuracy() {
    check_dev_set("bbc-dev", &DEV_FLOORS);
}

#[test]
fn bbc_genres_dev_accuracy() {
    check_dev_set("bbc-genres-dev", &GENRES_FLOORS);
}

#[test]
fn reuters_dev_accuracy() {
    check_dev_set("reuters-dev", &REUTERS_FLOORS);
}

// Mention floors for every development set (issue 12; bbc-genres-dev and
// reuters-dev check theirs in their full floors above), measured with the
// evaluation example and set a little below: seed 0.957, bbc-dev 0.936,
// bbc-genres-dev 0.928 (orgsgenres), reuters-dev 0.927 and conll-dev 0.883
// (orgswire: results lines, datelines, company suffixes, parties, headline
// names), measured on each branch before they were merged.

/// bbc-genres-dev (BBC tech, sport, entertainment): mention F1.
const GENRES_MENTION_F1_FLOOR: f64 = 0.92;
/// reuters-dev (Reuters-21578 wire): mention F1.
const REUTERS_MENTION_F1_FLOOR: f64 = 0.915;
/// conll-dev (CoNLL-2003 validation, PER/ORG/LOC only): mention F1.
const CONLL_MENTION_F1_FLOOR: f64 = 0.875;

/// The report for a development set in ../shared, or None (with a note)
/// when the set is not there.
fn shared_set_report(set: &str) -> Option<newsfacts_eval::Report> {
    let shared = shared_dir();
    let gold = shared.join("gold").join(format!("{set}.jsonl"));
    let corpus = shared.join("corpus").join(set);
    if !gold.is_file() || !corpus.is_dir() {
        println!(
            "skipping {set}: {} or {} not found",
            gold.display(),
            corpus.display()
        );
        return None;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .expect("corpus directory reads")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    Some(evaluate(&gold, &files))
}

fn check_mention_floor(set: &str, floor: f64) {
    let Some(report) = shared_set_report(set) else {
        return;
    };
    let mention = report.mentions.overall.f1;
    println!("{set}: mention F1 {mention:.3} (floor {floor})");
    assert!(
        mention >= floor,
        "{set}: mention F1 {mention:.3} fell below the floor {floor}"
    );
}

#[test]
fn conll_dev_mentions() {
    check_mention_floor("conll-dev", CONLL_MENTION_F1_FLOOR);
}
