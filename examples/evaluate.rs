//! Score newsfacts (or another system's records) against a gold file.
//!
//! ```text
//! cargo run --release --example evaluate -- --gold FILE [--corpus PATH]… [--pred FILE]
//!     [--json] [--misses N] [--export-articles FILE]
//! ```
//!
//! - `--corpus PATH`: article files or directories (every file in them,
//!   sorted), each read with `read_file(path, InputFormat::Auto)`. Without
//!   it the corpus is found beside the gold file: `seed.jsonl` reads
//!   `tag-uyghur.txt` next to it or in `../corpus/`; `NAME.jsonl` reads
//!   `../corpus/NAME/` or `../corpus/NAME.txt`.
//! - `--pred FILE`: score this JSON Lines file of records (RECORDS.md shape,
//!   read leniently) instead of running the extractor, so that other systems
//!   are scored by the same code. The corpus, if found, only gives context.
//! - `--json`: print the report as JSON instead of tables.
//! - `--misses N`: how many of each kind of miss to list (default 15).
//! - `--export-articles FILE`: write the corpus's articles as JSON Lines
//!   (`id`, `title`, `text`) for external systems, so they read exactly the
//!   text and ids that newsfacts reads.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use newsfacts::{Article, Extractor, InputFormat};

struct Options {
    gold: PathBuf,
    corpus: Vec<PathBuf>,
    pred: Option<PathBuf>,
    json: bool,
    misses: usize,
    export: Option<PathBuf>,
}

fn usage() -> ! {
    eprintln!(
        "usage: evaluate --gold FILE [--corpus PATH]... [--pred FILE] [--json] [--misses N] [--export-articles FILE]"
    );
    std::process::exit(2)
}

fn parse_args() -> Options {
    let mut gold = None;
    let mut opts = Options {
        gold: PathBuf::new(),
        corpus: Vec::new(),
        pred: None,
        json: false,
        misses: 15,
        export: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match arg.as_str() {
            "--gold" => gold = Some(PathBuf::from(value())),
            "--corpus" => opts.corpus.push(PathBuf::from(value())),
            "--pred" => opts.pred = Some(PathBuf::from(value())),
            "--json" => opts.json = true,
            "--misses" => opts.misses = value().parse().unwrap_or_else(|_| usage()),
            "--export-articles" => opts.export = Some(PathBuf::from(value())),
            _ => usage(),
        }
    }
    opts.gold = gold.unwrap_or_else(|| usage());
    opts
}

/// The corpus that belongs to a gold file, by the layout of `fixtures/` and
/// `shared/`.
fn default_corpus(gold: &Path) -> Option<PathBuf> {
    let dir = gold.parent().unwrap_or(Path::new("."));
    let stem = gold.file_stem()?.to_str()?;
    let corpus = dir.join("..").join("corpus");
    let candidates = if stem == "seed" {
        vec![dir.join("tag-uyghur.txt"), corpus.join("tag-uyghur.txt")]
    } else {
        vec![
            corpus.join(stem),
            corpus.join(format!("{stem}.txt")),
            dir.join(stem),
        ]
    };
    candidates.into_iter().find(|p| p.exists())
}

fn read_corpus(paths: &[PathBuf]) -> Result<Vec<Article>, String> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let entries = std::fs::read_dir(p).map_err(|e| format!("{}: {e}", p.display()))?;
            let mut inner: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            inner.sort();
            files.extend(inner);
        } else {
            files.push(p.clone());
        }
    }
    let mut articles = Vec::new();
    for f in files {
        let items = newsfacts::read_file(&f, InputFormat::Auto).map_err(|e| e.to_string())?;
        for item in items {
            match item {
                Ok(a) => articles.push(a),
                Err(e) => eprintln!("evaluate: skipping: {e}"),
            }
        }
    }
    Ok(articles)
}

fn export(path: &Path, articles: &[Article]) -> std::io::Result<()> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    for a in articles {
        let obj = serde_json::json!({"id": a.id, "title": a.title, "text": a.text});
        serde_json::to_writer(&mut out, &obj)?;
        writeln!(out)?;
    }
    out.flush()
}

fn main() -> ExitCode {
    let opts = parse_args();
    let gold = match newsfacts_eval::read_gold_file(&opts.gold) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("evaluate: {e}");
            return ExitCode::from(2);
        }
    };
    let corpus = if opts.corpus.is_empty() {
        default_corpus(&opts.gold).into_iter().collect()
    } else {
        opts.corpus.clone()
    };
    if corpus.is_empty() && opts.pred.is_none() {
        eprintln!(
            "evaluate: no corpus found for {}; give --corpus",
            opts.gold.display()
        );
        return ExitCode::from(2);
    }
    let articles = match read_corpus(&corpus) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("evaluate: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(path) = &opts.export {
        if let Err(e) = export(path, &articles) {
            eprintln!("evaluate: {}: {e}", path.display());
            return ExitCode::from(1);
        }
    }
    let records = match &opts.pred {
        Some(path) => match newsfacts_eval::read_records_file(path) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("evaluate: {e}");
                return ExitCode::from(2);
            }
        },
        None => {
            let extractor = Extractor::new();
            extractor
                .extract_batch(&articles)
                .into_iter()
                .filter_map(|r| r.map_err(|e| eprintln!("evaluate: {e}")).ok())
                .collect()
        }
    };
    let report = newsfacts_eval::score_with_articles(&gold, &records, &articles);
    if opts.json {
        match serde_json::to_string_pretty(&report) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("evaluate: {e}");
                return ExitCode::from(1);
            }
        }
    } else {
        println!("{report}");
        if opts.misses > 0 {
            println!("{}", report.misses_table(opts.misses));
        }
    }
    ExitCode::SUCCESS
}
