//! Time building an extractor, for the performance numbers (peak memory is
//! measured around it by `scripts/bench/memory.sh` with `/usr/bin/time -v`).
//!
//! ```text
//! cargo run --release --example bench_build                  # embedded gazetteers, cold process
//! cargo run --release --example bench_build -- --write N F   # write a synthetic N-entry gazetteer TSV
//! cargo run --release --example bench_build -- F             # embedded + gazetteer file F
//! ```

use std::process::ExitCode;
use std::time::Instant;

use newsfacts::{Article, Extractor};

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

/// CPU time of the process so far, all threads (Linux `/proc`; 10 ms
/// ticks), for timings on a loaded machine.
fn cpu_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(") ")?.1.split(' ').collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks * 10.0)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => {
            // First use in the process: parses the embedded TSVs and
            // compiles the automaton.
            let (t, cpu_start) = (Instant::now(), cpu_ms());
            let x = Extractor::new();
            let cold = t.elapsed();
            let cold_cpu = cpu_ms().zip(cpu_start).map(|(b, a)| b - a);
            // The first extraction builds what the pipeline makes on first
            // use (regexes, word sets, the key resolver's tables).
            let t = Instant::now();
            let probe = Article::new("probe", synthetic::repeated_text(2048));
            let _ = x.extract(&probe);
            let first = t.elapsed();
            let t = Instant::now();
            let _again = Extractor::new();
            let shared = t.elapsed();
            // Everything compiled afresh (as when an embedded entry is
            // replaced or denied).
            let t = Instant::now();
            let _fresh = Extractor::builder()
                .default_gazetteers(false)
                .gazetteer(newsfacts::Gazetteer::embedded().clone())
                .build();
            let fresh = t.elapsed();
            // Three rows added: a matcher of their own beside the shared one.
            let rows = newsfacts::Gazetteer::from_tsv(
                "three.tsv",
                "key\ttype\tname\taliases\tmatch\n\
                 org:a\torganization\tZorblax Industries\tZorblax\tfold\n\
                 org:b\torganization\tQuux Holdings\t\tfold\n\
                 place:c\tplace\tAtlantis\t\tambiguous\n",
            )
            .expect("valid rows");
            let t = Instant::now();
            let _added = Extractor::builder().gazetteer(rows).build();
            let added = t.elapsed();
            println!(
                "embedded: {} entries; cold first build {:.1} ms ({} ms CPU), first extract (2 KB) {:.1} ms, shared {:.3} ms, fresh automaton {:.1} ms, +3 rows {:.1} ms",
                x.gazetteer().len(),
                cold.as_secs_f64() * 1e3,
                cold_cpu.map_or("n/a".to_string(), |c| format!("{c:.0}")),
                first.as_secs_f64() * 1e3,
                shared.as_secs_f64() * 1e3,
                fresh.as_secs_f64() * 1e3,
                added.as_secs_f64() * 1e3
            );
            ExitCode::SUCCESS
        }
        [flag, n, path] if flag == "--write" => {
            let Ok(n) = n.parse::<usize>() else {
                eprintln!("bench_build: not a number: {n}");
                return ExitCode::from(2);
            };
            if let Err(e) = std::fs::write(path, synthetic::gazetteer_tsv(n)) {
                eprintln!("bench_build: {path}: {e}");
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        [path] => {
            let t = Instant::now();
            let cpu_start = cpu_ms();
            let mut builder = Extractor::builder();
            match newsfacts::Gazetteer::from_path(path) {
                Ok(g) => builder.gazetteer(g),
                Err(e) => {
                    eprintln!("bench_build: {e}");
                    return ExitCode::from(1);
                }
            };
            let parsed = t.elapsed();
            let (t_build, cpu_build) = (Instant::now(), cpu_ms());
            let x = match builder.build() {
                Ok(x) => x,
                Err(e) => {
                    eprintln!("bench_build: {e}");
                    return ExitCode::from(1);
                }
            };
            let total = t.elapsed();
            let build = t_build.elapsed();
            let cpu = |from: Option<f64>| match (from, cpu_ms()) {
                (Some(a), Some(b)) => format!("{:.0} ms CPU", b - a),
                _ => "CPU n/a".to_string(),
            };
            let (cpu_total, cpu_build) = (cpu(cpu_start), cpu(cpu_build));
            // Dropping the builder frees its copy of the entries; what is
            // left is what a long-running process keeps.
            drop(builder);
            let probe = Article::new("probe", synthetic::repeated_text(4096));
            let found = x.extract(&probe).map_or(0, |r| r.entities.len());
            println!(
                "{} entries: read+parse {:.0} ms, build {:.0} ms ({cpu_build}), total construction {:.0} ms ({cpu_total}) ({} entities in a probe)",
                x.gazetteer().len(),
                parsed.as_secs_f64() * 1e3,
                build.as_secs_f64() * 1e3,
                total.as_secs_f64() * 1e3,
                found
            );
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("usage: bench_build [--write N FILE | FILE]");
            ExitCode::from(2)
        }
    }
}
