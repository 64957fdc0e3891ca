//! Score newsfacts (or another system's records) against a gold file.
//!
//! ```text
//! cargo run --release --example evaluate -- --gold FILE [--corpus PATH]… [--pred FILE]
//!     [--json] [--misses N] [--export-articles FILE] [--keys FILE]
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
//! - `--keys FILE`: also score entity keys against a key gold
//!   (`testdata/keys.jsonl`; its rows of the gold file's set, by the file
//!   stem, else all) and print key accuracy per type after the report. For
//!   the development sets that `testdata/keys.jsonl` covers (bbc-dev,
//!   bbc-genres-dev, reuters-dev) this happens without the flag, in the
//!   tables output; with `--json` only when asked, as
//!   `{"report": …, "keys": …}`.

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
    keys: Option<PathBuf>,
}

/// The key gold in the repository and the development sets it covers.
const KEY_GOLD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/keys.jsonl");
const KEY_GOLD_SETS: &[&str] = &["bbc-dev", "bbc-genres-dev", "reuters-dev"];

fn usage() -> ! {
    eprintln!(
        "usage: evaluate --gold FILE [--corpus PATH]... [--pred FILE] [--json] [--misses N] [--export-articles FILE] [--keys FILE]"
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
        keys: None,
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
            "--keys" => opts.keys = Some(PathBuf::from(value())),
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

/// Key accuracy against `--keys FILE`, or against the repository's key gold
/// when the gold file is one of the development sets it covers.
fn key_score(
    opts: &Options,
    records: &[newsfacts::ArticleRecord],
) -> Result<Option<newsfacts_eval::keys::KeyScore>, String> {
    let set = opts.gold.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let path = match &opts.keys {
        Some(p) => p.clone(),
        None if KEY_GOLD_SETS.contains(&set) && Path::new(KEY_GOLD).exists() => {
            PathBuf::from(KEY_GOLD)
        }
        None => return Ok(None),
    };
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let gold = newsfacts_eval::keys::read_key_gold(&text)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let rows = newsfacts_eval::keys::rows_of_set(&gold, set);
    Ok(Some(newsfacts_eval::keys::score_keys(&rows, records)))
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
    let keys = match key_score(&opts, &records) {
        Ok(k) => k,
        Err(e) => {
            eprintln!("evaluate: {e}");
            return ExitCode::from(2);
        }
    };
    if opts.json {
        let json = match &keys {
            Some(k) if opts.keys.is_some() => {
                serde_json::to_string_pretty(&serde_json::json!({"report": report, "keys": k}))
            }
            _ => serde_json::to_string_pretty(&report),
        };
        match json {
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
        if let Some(k) = &keys {
            println!("{k}");
            print!("{}", k.wrong_table(opts.misses));
        }
    }
    ExitCode::SUCCESS
}
