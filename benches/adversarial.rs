//! Adversarial inputs (issue 6): long runs of one pattern that could make a
//! stage quadratic. Each is measured at 10k, 100k and 1M repetitions; the
//! cost per repetition must stay flat (criterion reports throughput).
//!
//! `cargo bench --bench adversarial` (about ten minutes: the largest inputs
//! take seconds per run and each is run ten times).

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use newsfacts::{Article, Extractor};

/// The repeated units: a million of each is the largest size.
const CASES: &[(&str, &str)] = &[
    ("digits", "7"),
    ("capitalised_words", "Word "),
    ("quotes", "\""),
    ("curly_quotes", "“"),
    ("apostrophes", "'"),
    ("open_parens", "("),
    ("initials", "A. "),
    // The densest claims: one figure every three bytes.
    ("dollar_figures", "$1 "),
    (
        "no_sentence_end",
        "the Minister of Finance Li Wei said about 20 people in Kabul and ",
    ),
];

const SIZES: &[usize] = &[10_000, 100_000, 1_000_000];

fn adversarial(c: &mut Criterion) {
    let x = Extractor::new();
    for &(name, unit) in CASES {
        let mut group = c.benchmark_group(format!("adversarial/{name}"));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(3));
        for &n in SIZES {
            // The long sentence unit is 67 bytes; keep it under 8 MB.
            let n = if unit.len() > 8 { n / 10 } else { n };
            let article = Article::new(name, unit.repeat(n));
            group.throughput(Throughput::Bytes(article.text.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(n), &article, |b, a| {
                b.iter(|| x.extract(a).map(|r| r.entities.len() + r.claims.len()))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, adversarial);
criterion_main!(benches);
