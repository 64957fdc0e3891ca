//! Extraction benchmarks: construction, end-to-end throughput against the
//! floor of a bare Aho-Corasick scan, and cost growth with article size.
//!
//! ```text
//! cargo bench --bench extract                  # everything (a few minutes)
//! cargo bench --bench extract -- throughput    # a criterion filter
//! scripts/bench/summary.sh                     # the summary table alone
//! ```
//!
//! Throughput is measured on the fixture, the bbc-dev and conll-dev
//! development articles (from `../shared`, skipped with a note when absent)
//! and single articles of 100 KB, 1 MB and 10 MB. Run with `--bench` (as
//! `cargo bench` does), a summary table is printed at the end: MB/s of the
//! whole pipeline and of the bare scan over the same text, their ratio, and
//! the ratio to spaCy's full pipeline when `scripts/bench/spacy_speed.sh`
//! has cached its speed. The scan uses the same patterns as the embedded
//! gazetteer's index (every folded name, alias and apostrophe variant)
//! and runs over pre-folded text, so it is the cost no gazetteer extractor
//! can go under.

use std::hint::black_box;
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use criterion::{criterion_group, BenchmarkId, Criterion, SamplingMode, Throughput};
use newsfacts::{Article, ArticleRecord, Extractor, Gazetteer};

#[path = "support/allocator.rs"]
mod allocator;
#[path = "support/synthetic.rs"]
mod synthetic;

/// Entries in the large synthetic gazetteer.
const LARGE_GAZETTEER: usize = 1_000_000;

/// Size of the large corpus in MB (`NEWSFACTS_BENCH_CORPUS_MB`, default 100):
/// lower it for a quick run on a slow build.
fn corpus_mb() -> usize {
    std::env::var("NEWSFACTS_BENCH_CORPUS_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100)
}

/// True under `cargo bench`; `cargo test --benches` runs each benchmark once
/// and should not build 100 MB of text.
fn full_run() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn scan_automaton() -> AhoCorasick {
    let forms = synthetic::folded_forms(Gazetteer::embedded());
    // The reference the extractor's trie (`gazetteer::Matcher`) is tested
    // against: one leftmost-longest automaton over the same forms.
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .prefilter(false)
        .build(&forms)
        .expect("the embedded forms compile")
}

/// Extract every article into one reused record, as a program that writes
/// each record out before reading the next does (`Extractor::extract_into`;
/// `newsfacts dump` works this way).
fn extract_all(x: &Extractor, articles: &[Article]) -> usize {
    let mut record = ArticleRecord::default();
    let mut found = 0;
    for a in articles {
        if x.extract_into(a, &mut record).is_ok() {
            found += record.entities.len() + record.claims.len();
        }
    }
    found
}

fn scan_all(ac: &AhoCorasick, folded: &[String]) -> usize {
    folded
        .iter()
        .map(|t| ac.find_iter(t.as_str()).count())
        .sum()
}

/// The inputs of the throughput benchmarks: name and articles. The
/// development sets are read from `../shared` and left out, with a note,
/// where it is not.
fn inputs() -> Vec<(&'static str, Vec<Article>)> {
    let mut v = vec![("fixture", synthetic::fixture_articles())];
    for (name, set) in [("bbc-dev", "bbc-dev"), ("conll-dev", "conll-dev")] {
        match synthetic::dev_set(set) {
            Some(articles) => v.push((name, articles)),
            None => {
                eprintln!("note: no ../shared/corpus/{set} here (set NEWSFACTS_SHARED): skipped")
            }
        }
    }
    v.push(("article_100KB", vec![synthetic::article_of(100 << 10)]));
    v.push(("article_1MB", vec![synthetic::article_of(1 << 20)]));
    if full_run() {
        v.push(("article_10MB", vec![synthetic::article_of(10 << 20)]));
    }
    v
}

/// `NEWSFACTS_BENCH_SUMMARY=only`: skip the criterion groups, print the
/// summary table alone (`scripts/bench/summary.sh`).
fn summary_only() -> bool {
    std::env::var("NEWSFACTS_BENCH_SUMMARY").is_ok_and(|v| v == "only")
}

fn construction(c: &mut Criterion) {
    if summary_only() {
        return;
    }
    let mut group = c.benchmark_group("construct");
    // The default extractor shares one automaton compiled on first use.
    group.bench_function("embedded_shared", |b| b.iter(Extractor::new));
    // Adding an (empty) gazetteer copies the embedded gazetteer and builds
    // an (empty) matcher of its own beside the shared one: the cost of any
    // extractor with gazetteers of its own. (The first, cold build of a
    // process is timed by the summary, in a fresh process.)
    group.sample_size(20);
    group.bench_function("embedded_plus_empty", |b| {
        b.iter(|| {
            Extractor::builder()
                .gazetteer(Gazetteer::new())
                .build()
                .expect("builds")
        })
    });
    group.finish();

    if !full_run() {
        return;
    }
    let large = synthetic::gazetteer(LARGE_GAZETTEER);
    let mut builder = Extractor::builder();
    builder.gazetteer(large);
    let mut group = c.benchmark_group("construct_large");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("embedded_plus_1M", |b| {
        b.iter(|| builder.build().expect("builds"))
    });
    group.finish();
}

fn throughput(c: &mut Criterion) {
    if summary_only() {
        return;
    }
    let x = Extractor::new();
    let ac = scan_automaton();
    let mut group = c.benchmark_group("throughput");
    for (name, articles) in inputs() {
        let bytes = synthetic::text_bytes(&articles);
        let folded: Vec<String> = articles.iter().map(|a| synthetic::fold(&a.text)).collect();
        group.throughput(Throughput::Bytes(bytes as u64));
        if bytes > 1 << 20 {
            group.sample_size(10);
            group.sampling_mode(SamplingMode::Flat);
        } else {
            group.sample_size(50);
            group.sampling_mode(SamplingMode::Auto);
        }
        group.bench_with_input(BenchmarkId::new("newsfacts", name), &articles, |b, a| {
            b.iter(|| extract_all(&x, black_box(a)))
        });
        group.bench_with_input(BenchmarkId::new("scan", name), &folded, |b, f| {
            b.iter(|| scan_all(&ac, black_box(f)))
        });
    }
    group.finish();

    if !full_run() {
        return;
    }
    // 100 MB of real article text as separate articles: a few samples only.
    let corpus = synthetic::corpus(corpus_mb() << 20);
    let bytes = synthetic::text_bytes(&corpus);
    let mut group = c.benchmark_group("throughput_corpus");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_millis(100));
    group.measurement_time(Duration::from_secs(30));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("newsfacts", |b| b.iter(|| extract_all(&x, &corpus)));
    drop(group);

    // A large gazetteer makes a bigger automaton; the matching cost per byte
    // should barely change.
    let mut builder = Extractor::builder();
    builder.gazetteer(synthetic::gazetteer(LARGE_GAZETTEER));
    let large = builder.build().expect("builds");
    let fixture = synthetic::fixture_articles();
    let mut group = c.benchmark_group("throughput_1M_gazetteer");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(synthetic::text_bytes(&fixture) as u64));
    group.bench_function("newsfacts/fixture", |b| {
        b.iter(|| extract_all(&large, &fixture))
    });
    group.finish();
}

/// The fastest of `runs` timings of `f`.
fn best_of(runs: usize, mut f: impl FnMut() -> usize) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64().max(1e-12)
}

/// The table the issue asks for: end-to-end vs. scan, and linear growth.
/// `NEWSFACTS_BENCH_SUMMARY=0` skips it (for a filtered run).
fn summary(_: &mut Criterion) {
    if !full_run() || std::env::var("NEWSFACTS_BENCH_SUMMARY").is_ok_and(|v| v == "0") {
        return;
    }
    let cold = cold_build_in_child();
    let x = Extractor::new();
    let ac = scan_automaton();
    // +1M entries beside the (already built) embedded matcher, as the
    // `construct_large` group times it.
    let mut builder = Extractor::builder();
    builder.gazetteer(synthetic::gazetteer(LARGE_GAZETTEER));
    let t = Instant::now();
    drop(builder.build().expect("builds"));
    let plus_1m = t.elapsed();
    drop(builder);

    let spacy = spacy_mb_per_s();
    let rows = inputs();
    println!();
    println!(
        "summary (single thread, best of runs, {} allocator; spaCy: cached full-pipeline MB/s)",
        allocator::NAME
    );
    println!(
        "{:<16} {:>12} {:>14} {:>12} {:>9} {:>9}",
        "input", "bytes", "newsfacts", "scan", "/scan", "x spaCy"
    );
    for (name, articles) in &rows {
        let bytes = synthetic::text_bytes(articles);
        let folded: Vec<String> = articles.iter().map(|a| synthetic::fold(&a.text)).collect();
        // Repeat small inputs so that each timing covers about 0.3 s, as
        // one pass (also the warm-up) tells; few runs for the large ones.
        let reps =
            |one: Duration| (0.3 / one.as_secs_f64().max(1e-9)).ceil().clamp(1.0, 1e4) as u32;
        let runs = if bytes > 1 << 20 { 2 } else { 3 };
        let n = reps(best_of(1, || extract_all(&x, articles)));
        let e2e = best_of(runs, || (0..n).map(|_| extract_all(&x, articles)).sum()) / n;
        let n = reps(best_of(1, || scan_all(&ac, &folded)));
        let scan = best_of(runs, || (0..n).map(|_| scan_all(&ac, &folded)).sum()) / n;
        let mbps = mb_per_s(bytes, e2e);
        println!(
            "{:<16} {:>12} {:>9.2} MB/s {:>7.0} MB/s {:>8.1}x {:>9}",
            name,
            bytes,
            mbps,
            mb_per_s(bytes, scan),
            e2e.as_secs_f64() / scan.as_secs_f64().max(1e-12),
            spacy.map_or("n/a".to_string(), |s| format!("{:.0}x", mbps / s))
        );
    }
    match cold {
        Some(ms) => println!("cold Extractor::new() (first in a fresh process): {ms:.1} ms"),
        None => println!("cold Extractor::new(): could not run a fresh process"),
    }
    println!(
        "+1,000,000 synthetic entries (ExtractorBuilder::build, embedded matcher built): {:.0} ms",
        plus_1m.as_secs_f64() * 1e3
    );
    if spacy.is_none() {
        println!("spaCy: no cached speed (scripts/bench/spacy_speed.sh writes target/bench/spacy_speed.json)");
    }
}

/// spaCy's full-pipeline MB/s cached by `scripts/bench/spacy_speed.sh`.
fn spacy_mb_per_s() -> Option<f64> {
    // The bench crate is `newsfacts-bench/`; the script writes beside the
    // workspace's target directory.
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench/spacy_speed.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    json["full_pipeline_mb_per_s"].as_f64()
}

/// Set in the child process that [`cold_build_in_child`] starts.
const COLD_CHILD: &str = "NEWSFACTS_BENCH_COLD_CHILD";

/// Milliseconds of the first `Extractor::new()` of a process: this bench run
/// again, in a child process that builds one extractor and prints the time
/// (`main`). The extractor of this process is long built by now.
fn cold_build_in_child() -> Option<f64> {
    let out = std::process::Command::new(std::env::current_exe().ok()?)
        .env(COLD_CHILD, "1")
        .output()
        .ok()?;
    String::from_utf8(out.stdout).ok()?.trim().parse().ok()
}

criterion_group!(benches, construction, throughput, summary);

fn main() {
    if std::env::var_os(COLD_CHILD).is_some() {
        let t = Instant::now();
        black_box(Extractor::new());
        println!("{}", t.elapsed().as_secs_f64() * 1e3);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
