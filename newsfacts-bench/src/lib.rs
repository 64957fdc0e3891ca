//! Nothing to use: this crate owns the repository's benchmarks
//! (`benches/extract.rs`, `benches/adversarial.rs`) and measurement programs
//! (`examples/bench_build.rs`, `examples/bench_throughput.rs`), which read
//! the repository's fixtures and so are kept out of the published `newsfacts`
//! package. Their shared corpus builder is `benches/support/synthetic.rs`.

#![forbid(unsafe_code)]
