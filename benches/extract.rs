//! Extraction benchmarks (filled in by the performance work).
use criterion::{criterion_group, criterion_main, Criterion};

fn construction(c: &mut Criterion) {
    c.bench_function("extractor_new_embedded", |b| {
        b.iter(newsfacts::Extractor::new)
    });
}

criterion_group!(benches, construction);
criterion_main!(benches);
