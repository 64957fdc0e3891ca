//! Dump the facts newsfacts extracts from articles.
//!
//! ```text
//! cargo run --release --example dump -- [--table] [--listing|--jsonl|--plain] [--gazetteer FILE]… FILE…
//! ```
//!
//! `-` reads standard input. Output is JSON Lines, one record per article (or
//! one `{"id", "error"}` object per article that failed, in its place);
//! `--table` prints a readable table instead. JSON Lines input is streamed:
//! each record is written as soon as it is ready, so memory stays bounded
//! whatever the input size.

use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use newsfacts::{read_reader, Article, ArticleRecord, Error, Extractor, InputFormat};

struct Options {
    table: bool,
    format: InputFormat,
    gazetteers: Vec<String>,
    files: Vec<String>,
}

fn usage() -> ! {
    eprintln!("usage: dump [--table] [--listing|--jsonl|--plain] [--gazetteer FILE]... FILE... ('-' is stdin)");
    std::process::exit(2)
}

fn parse_args() -> Options {
    let mut opts = Options {
        table: false,
        format: InputFormat::Auto,
        gazetteers: Vec::new(),
        files: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--table" => opts.table = true,
            "--listing" => opts.format = InputFormat::Listing,
            "--jsonl" => opts.format = InputFormat::Jsonl,
            "--plain" => opts.format = InputFormat::Plain,
            "--gazetteer" => opts.gazetteers.push(args.next().unwrap_or_else(|| usage())),
            "-h" | "--help" => usage(),
            s if s.starts_with("--") => usage(),
            _ => opts.files.push(arg),
        }
    }
    if opts.files.is_empty() {
        usage()
    }
    opts
}

fn main() -> ExitCode {
    let opts = parse_args();
    let mut builder = Extractor::builder();
    for g in &opts.gazetteers {
        // Read, and any error reported, by `build` below.
        builder.gazetteer_file(g);
    }
    let extractor = match builder.build() {
        Ok(x) => x,
        Err(e) => {
            eprintln!("dump: {e}");
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failures = 0usize;
    for file in &opts.files {
        let result = if file == "-" {
            run_stdin(&extractor, &opts, &mut out, &mut failures)
        } else {
            run_file(&extractor, &opts, Path::new(file), &mut out, &mut failures)
        };
        if let Err(e) = result {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("dump: {file}: {e}");
            return ExitCode::from(1);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(1);
    }
    if failures > 0 {
        eprintln!("dump: {failures} article(s) gave errors");
    }
    ExitCode::SUCCESS
}

fn run_stdin(
    x: &Extractor,
    opts: &Options,
    out: &mut impl Write,
    failures: &mut usize,
) -> io::Result<()> {
    // JSON Lines are streamed: each record is written as soon as it is ready.
    for item in read_reader(io::stdin().lock(), "stdin", opts.format) {
        emit(x, item, opts.table, out, failures)?;
        if !opts.table {
            // A streaming worker hands each record on at once.
            out.flush()?;
        }
    }
    Ok(())
}

fn run_file(
    x: &Extractor,
    opts: &Options,
    path: &Path,
    out: &mut impl Write,
    failures: &mut usize,
) -> io::Result<()> {
    match newsfacts::read_file(path, opts.format) {
        Ok(items) => {
            for item in items {
                emit(x, item, opts.table, out, failures)?;
            }
        }
        Err(e) => emit(x, Err(e), opts.table, out, failures)?,
    }
    Ok(())
}

fn emit(
    x: &Extractor,
    item: Result<Article, Error>,
    table: bool,
    out: &mut impl Write,
    failures: &mut usize,
) -> io::Result<()> {
    let (id, result) = match item {
        Ok(article) => (Some(article.id.clone()), x.extract(&article)),
        Err(e) => (e.article().map(str::to_string), Err(e)),
    };
    match result {
        Ok(record) if table => write_table(&record, out),
        Ok(record) => {
            serde_json::to_writer(&mut *out, &record)?;
            writeln!(out)
        }
        Err(e) => {
            *failures += 1;
            if table {
                writeln!(out, "!! {e}\n")
            } else {
                let obj = serde_json::json!({
                    "id": id,
                    "error": e.to_string(),
                    "origin": e.origin(),
                });
                serde_json::to_writer(&mut *out, &obj)?;
                writeln!(out)
            }
        }
    }
}

fn write_table(r: &ArticleRecord, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "== {} == {}", r.id, r.title.as_deref().unwrap_or(""))?;
    if r.byline.is_some() || r.agency.is_some() {
        writeln!(
            out,
            "   byline: {}   agency: {}",
            r.byline.as_deref().unwrap_or("-"),
            r.agency.as_deref().unwrap_or("-")
        )?;
    }
    writeln!(out, "  entities")?;
    for e in &r.entities {
        let forms: Vec<&str> = {
            let mut v: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        writeln!(
            out,
            "    {:<4} {:<12} {:<36} x{:<3} {:<14} {}",
            e.id,
            format!("{:?}", e.kind).to_lowercase(),
            e.name,
            e.mentions.len(),
            e.key.as_deref().unwrap_or("-"),
            forms.join(" | ")
        )?;
    }
    writeln!(out, "  claims")?;
    for c in &r.claims {
        let who = c
            .source
            .as_ref()
            .or(c.speaker.as_ref())
            .map_or("-", |s| s.name.as_str());
        match c.value {
            Some(v) => writeln!(
                out,
                "    {:<4} {:<8} {:<22} = {:<12} {:<14} {:<9} year={:<5} src={}{}",
                c.id,
                c.kind.as_str(),
                c.text,
                v,
                c.unit.as_deref().unwrap_or("-"),
                c.qualifier.map_or("-", |q| q.as_str()),
                c.year.map_or("-".to_string(), |y| y.to_string()),
                who,
                if c.hedged { " (hedged)" } else { "" }
            )?,
            None => {
                let short: String = c.text.chars().take(60).collect();
                writeln!(
                    out,
                    "    {:<4} {:<8} {:?} — {}",
                    c.id,
                    c.kind.as_str(),
                    short,
                    who
                )?
            }
        }
    }
    writeln!(out)
}
