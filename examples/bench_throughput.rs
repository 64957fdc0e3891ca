//! Time extraction in-process (no process start, no input parsing), for the
//! spaCy comparison and the multi-core scaling numbers in
//! `docs/PERFORMANCE.md`.
//!
//! ```text
//! bench_throughput [--batch] [--runs N] FILE       # articles from FILE (JSONL, listing or plain)
//! bench_throughput [--batch] [--runs N] --mb N     # N MB of repeated fixture articles
//! bench_throughput --write-jsonl N                 # print N MB of fixture articles as JSONL
//! bench_throughput --scan [--runs N] (FILE | --mb N)  # the scan floor instead of extraction
//! ```
//!
//! Prints one JSON object: articles, bytes, words (whitespace separated),
//! best seconds, MB/s, words/s and the allocator. `--batch` uses `extract_batch` (all
//! cores; set `RAYON_NUM_THREADS` to choose how many). `--scan` times the
//! floor the issue measures against instead: one leftmost-longest
//! Aho-Corasick automaton over the embedded gazetteer's folded forms run over
//! the case-folded texts (folded outside the timed runs), the same scan as
//! the `extract` bench's; `scripts/bench/stages.sh` counts its instructions.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use newsfacts::{Article, ArticleRecord, Extractor, Gazetteer, InputFormat};

#[path = "../benches/support/allocator.rs"]
mod allocator;
#[path = "../benches/support/synthetic.rs"]
mod synthetic;

fn usage() -> ExitCode {
    eprintln!(
        "usage: bench_throughput [--batch | --scan] [--runs N] (FILE | --mb N) | --write-jsonl N"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut batch = false;
    let mut scan = false;
    let mut runs = 3usize;
    let mut source: Option<String> = None;
    let mut mb: Option<usize> = None;
    let mut write_mb: Option<usize> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = || args.next().and_then(|v| v.parse::<usize>().ok());
        match arg.as_str() {
            "--batch" => batch = true,
            "--scan" => scan = true,
            "--runs" => match number() {
                Some(n) if n > 0 => runs = n,
                _ => return usage(),
            },
            "--mb" => match number() {
                Some(n) => mb = Some(n),
                None => return usage(),
            },
            "--write-jsonl" => match number() {
                Some(n) => write_mb = Some(n),
                None => return usage(),
            },
            s if s.starts_with("--") => return usage(),
            _ => source = Some(arg),
        }
    }
    if let Some(n) = write_mb {
        return match write_jsonl(n) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("bench_throughput: {e}");
                ExitCode::from(1)
            }
        };
    }
    let articles: Vec<Article> = match (source, mb) {
        (Some(path), None) => match newsfacts::read_file(path.as_ref(), InputFormat::Auto) {
            Ok(items) => items.into_iter().filter_map(Result::ok).collect(),
            Err(e) => {
                eprintln!("bench_throughput: {e}");
                return ExitCode::from(1);
            }
        },
        (None, Some(n)) => synthetic::corpus(n << 20),
        _ => return usage(),
    };
    if scan {
        return scan_floor(&articles, runs);
    }
    let x = Extractor::new();
    let bytes = synthetic::text_bytes(&articles);
    let words: usize = articles
        .iter()
        .map(|a| a.text.split_whitespace().count())
        .sum();
    // What the pipeline builds on first use (regexes, the key resolver's
    // tables) is built here, outside the timed runs.
    // Its record is the one the timed runs refill.
    let warm_up = Article::new("warm-up", synthetic::repeated_text(2048));
    let Ok(mut record) = x.extract(&warm_up) else {
        eprintln!("bench_throughput: the warm-up article failed");
        return ExitCode::from(1);
    };
    let mut schedule = Schedule::default();
    let (best, found) = timed_runs(&x, &articles, runs, batch, &mut schedule, &mut record);
    let schedule = schedule.json(runs);
    let secs = best.as_secs_f64().max(1e-9);
    println!(
        "{{\"articles\": {}, \"bytes\": {}, \"words\": {}, \"entities\": {}, \"batch\": {}, \"threads\": \"{}\", \"seconds\": {:.6}, \"mb_per_s\": {:.2}, \"words_per_s\": {:.0}, \"allocator\": \"{}\"{schedule}}}",
        articles.len(),
        bytes,
        words,
        found,
        batch,
        std::env::var("RAYON_NUM_THREADS").unwrap_or_else(|_| "default".into()),
        secs,
        bytes as f64 / 1e6 / secs,
        words as f64 / secs,
        allocator::NAME
    );
    ExitCode::SUCCESS
}

/// The best time of `runs` extractions of `articles`, and the entities
/// found. One at a time, each article refills `record`
/// ([`Extractor::extract_into`]), as a program that writes each record out
/// before the next does. Not inlined: `scripts/bench/stages.sh` counts
/// instructions inside it only (callgrind `--toggle-collect`).
#[inline(never)]
fn timed_runs(
    x: &Extractor,
    articles: &[Article],
    runs: usize,
    batch: bool,
    schedule: &mut Schedule,
    record: &mut ArticleRecord,
) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut found = 0usize;
    for _ in 0..runs {
        let t = Instant::now();
        found = if batch {
            schedule
                .measure(|| x.extract_batch(articles))
                .iter()
                .filter_map(|r| r.as_ref().ok())
                .map(|r| r.entities.len())
                .sum()
        } else {
            let mut found = 0;
            for a in articles {
                if x.extract_into(a, record).is_ok() {
                    found += record.entities.len();
                }
            }
            found
        };
        best = best.min(t.elapsed());
    }
    (best, found)
}

/// Time the scan floor over `articles` and print its JSON object.
fn scan_floor(articles: &[Article], runs: usize) -> ExitCode {
    let forms = synthetic::folded_forms(Gazetteer::embedded());
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .prefilter(false)
        .build(&forms)
        .expect("the embedded forms compile");
    let folded: Vec<String> = articles.iter().map(|a| synthetic::fold(&a.text)).collect();
    let bytes = synthetic::text_bytes(articles);
    let (best, matches) = timed_scan(&ac, &folded, runs);
    let secs = best.as_secs_f64().max(1e-9);
    println!(
        "{{\"articles\": {}, \"bytes\": {}, \"scan\": true, \"matches\": {}, \"seconds\": {:.6}, \"mb_per_s\": {:.2}}}",
        articles.len(),
        bytes,
        matches,
        secs,
        bytes as f64 / 1e6 / secs
    );
    ExitCode::SUCCESS
}

/// The best time of `runs` scans of `folded`, and the matches found. Not
/// inlined: `scripts/bench/stages.sh` counts instructions inside it only.
#[inline(never)]
fn timed_scan(ac: &AhoCorasick, folded: &[String], runs: usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut matches = 0;
    for _ in 0..runs {
        let t = Instant::now();
        matches = folded
            .iter()
            .map(|t| ac.find_iter(t.as_str()).count())
            .sum();
        best = best.min(t.elapsed());
    }
    (best, matches)
}

/// On-CPU and run-queue nanoseconds of each thread of this process but the
/// main one (which only waits in `extract_batch`: the others are rayon's
/// workers), by thread id, from Linux's `/proc/self/task/*/schedstat`;
/// empty elsewhere.
fn worker_times() -> Vec<(u64, u64, u64)> {
    let main = std::process::id() as u64;
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return Vec::new();
    };
    tasks
        .filter_map(|t| {
            let t = t.ok()?;
            let tid: u64 = t.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(t.path().join("schedstat")).ok()?;
            let mut fields = stat.split_whitespace().map(|f| f.parse::<u64>().ok());
            let (cpu, wait) = (fields.next()??, fields.next()??);
            (tid != main).then_some((tid, cpu, wait))
        })
        .collect()
}

/// How the workers spent the `extract_batch` calls (with `--batch`; the
/// summing and dropping of the records after each call left out).
#[derive(Default)]
struct Schedule {
    elapsed: Duration,
    /// Per worker thread: on-CPU and run-queue nanoseconds.
    threads: Vec<(u64, u64, u64)>,
}

impl Schedule {
    /// Run `f`, adding the workers' times during it.
    fn measure<R>(&mut self, f: impl FnOnce() -> R) -> R {
        let before = worker_times();
        let started = Instant::now();
        let out = f();
        self.elapsed += started.elapsed();
        for (tid, cpu, wait) in worker_times() {
            let (c0, w0) = before
                .iter()
                .find(|b| b.0 == tid)
                .map_or((0, 0), |b| (b.1, b.2));
            match self.threads.iter_mut().find(|t| t.0 == tid) {
                Some(t) => {
                    t.1 += cpu - c0;
                    t.2 += wait - w0;
                }
                None => self.threads.push((tid, cpu - c0, wait - w0)),
            }
        }
        out
    }

    /// Per run: the workers' CPU seconds, their seconds waiting for a CPU
    /// (other processes' load), and the wall time the runs would take on an
    /// idle machine, `idle_seconds`: for each worker the time it was
    /// running or blocked (elapsed minus its run-queue wait), the longest
    /// of them. On a loaded machine the ratio of `idle_seconds` between 1
    /// and 2 threads is the speed-up wall-clock time cannot show.
    fn json(&self, runs: usize) -> String {
        let busy: Vec<_> = self.threads.iter().filter(|t| t.1 > 0).collect();
        if busy.is_empty() {
            return String::new();
        }
        let elapsed = self.elapsed.as_nanos() as u64;
        let cpu: u64 = busy.iter().map(|t| t.1).sum();
        let wait: u64 = busy.iter().map(|t| t.2).sum();
        let longest = busy
            .iter()
            .map(|t| elapsed.saturating_sub(t.2))
            .max()
            .unwrap_or(0);
        let per_run = |ns: u64| ns as f64 / 1e9 / runs as f64;
        format!(
            ", \"worker_cpu_seconds\": {:.3}, \"worker_wait_seconds\": {:.3}, \"idle_seconds\": {:.3}",
            per_run(cpu),
            per_run(wait),
            per_run(longest)
        )
    }
}

/// Print at least `mb` MB of the fixture's articles as JSON Lines.
fn write_jsonl(mb: usize) -> io::Result<()> {
    let articles = synthetic::fixture_articles();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut written = 0usize;
    let mut n = 0usize;
    while written < mb << 20 {
        for a in &articles {
            let line = serde_json::json!({
                "id": format!("{}-{n}", a.id),
                "title": a.title,
                "text": a.text,
            })
            .to_string();
            written += line.len() + 1;
            writeln!(out, "{line}")?;
            n += 1;
        }
    }
    out.flush()
}
