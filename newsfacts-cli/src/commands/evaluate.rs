//! `evaluate`: the records of a corpus (extracted, or read with `--pred`)
//! scored against a gold file by `newsfacts-eval`, printed as tables or
//! JSON.
//!
//! It reads the whole corpus up front, since scoring needs every article
//! and record at once, so it does not use the streaming loop of `run.rs`.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use newsfacts::{Article, ArticleRecord, Extractor, InputFormat};
use newsfacts_eval::keys::KeyScore;

use crate::flags::EvaluateArgs;
use crate::Status;

/// The key gold in the repository and the development sets it covers. An
/// installed binary has no repository, and scores keys only with `--keys`.
const KEY_GOLD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/keys.jsonl");
const KEY_GOLD_SETS: &[&str] = &["bbc-dev", "bbc-genres-dev", "reuters-dev"];

/// Score and print; messages start with `program`.
pub(crate) fn run(opts: &EvaluateArgs, program: &str) -> Status {
    match evaluate(opts, program) {
        Ok(()) => Status::Success,
        Err((status, message)) => {
            eprintln!("{program}: {message}");
            status
        }
    }
}

/// A failure: the exit status it gives and its message.
type Failure = (Status, String);

fn usage(message: impl ToString) -> Failure {
    (Status::Usage, message.to_string())
}

fn evaluate(opts: &EvaluateArgs, program: &str) -> Result<(), Failure> {
    // The parser has checked that `--gold` is there.
    let gold_path = opts.gold.as_deref().unwrap_or(Path::new(""));
    let gold = newsfacts_eval::read_gold_file(gold_path).map_err(usage)?;
    let corpus = if opts.corpus.is_empty() {
        default_corpus(gold_path).into_iter().collect()
    } else {
        opts.corpus.clone()
    };
    if corpus.is_empty() && opts.pred.is_none() {
        return Err(usage(format!(
            "no corpus found for {}; give --corpus",
            gold_path.display()
        )));
    }
    let articles = read_corpus(&corpus, program).map_err(usage)?;
    if let Some(path) = &opts.export_articles {
        export(path, &articles)
            .map_err(|e| (Status::Failed, format!("{}: {e}", path.display())))?;
    }
    let records: Vec<ArticleRecord> = match &opts.pred {
        Some(path) => newsfacts_eval::read_records_file(path).map_err(usage)?,
        None => Extractor::new()
            .extract_batch(&articles)
            .into_iter()
            .filter_map(|r| r.map_err(|e| eprintln!("{program}: {e}")).ok())
            .collect(),
    };
    let report = newsfacts_eval::score_with_articles(&gold, &records, &articles);
    let keys = key_score(opts, gold_path, &records).map_err(usage)?;
    if opts.json {
        let json = match &keys {
            Some(k) if opts.keys.is_some() => {
                serde_json::to_string_pretty(&serde_json::json!({"report": report, "keys": k}))
            }
            _ => serde_json::to_string_pretty(&report),
        };
        let json = json.map_err(|e| (Status::Failed, e.to_string()))?;
        println!("{json}");
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
    Ok(())
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

/// Every article of the files and directories (their files, sorted) in
/// `paths`; an article that cannot be read is skipped with a message.
fn read_corpus(paths: &[PathBuf], program: &str) -> Result<Vec<Article>, String> {
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
                Err(e) => eprintln!("{program}: skipping: {e}"),
            }
        }
    }
    Ok(articles)
}

/// The articles as JSON Lines (`id`, `title`, `text`) for external systems.
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
    opts: &EvaluateArgs,
    gold: &Path,
    records: &[ArticleRecord],
) -> Result<Option<KeyScore>, String> {
    let set = gold.file_stem().and_then(|s| s.to_str()).unwrap_or("");
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
