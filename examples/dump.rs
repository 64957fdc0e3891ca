//! Dump the facts newsfacts extracts from articles, as JSON Lines or a
//! table: the library's reader, extractor and records in one short program.
//!
//! ```text
//! cargo run --release --example dump -- [--table] [--jsonl|--listing|--plain] [--gazetteer FILE]… FILE…
//! ```
//!
//! `-` reads standard input. Every input is streamed
//! ([`newsfacts::ArticleReader`]). Output is JSON Lines, one record per
//! article, in input order, or one `{"id", "error", "origin"}` object in the
//! place of an article that failed (its error is on standard error too);
//! `--table` prints a readable table instead. Exit status: 0 when every
//! article went through, 1 when some failed, 2 for a command line that
//! cannot run.
//!
//! The full tool (progress bar, threads, `highlight`, `corpus`, `evaluate`,
//! `--help`) is the `newsfacts` command of the `newsfacts-cli` crate.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use newsfacts::{Article, ArticleReader, ArticleRecord, Error, Extractor, InputFormat};

const USAGE: &str =
    "usage: dump [--table] [--jsonl|--listing|--plain] [--gazetteer FILE]... FILE...";

/// What the command line asks for.
struct Args {
    table: bool,
    format: InputFormat,
    gazetteers: Vec<PathBuf>,
    /// Files; `-` is standard input.
    inputs: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("dump: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut builder = Extractor::builder();
    for g in &args.gazetteers {
        builder.gazetteer_file(g);
    }
    let extractor = match builder.build() {
        Ok(x) => x,
        Err(e) => {
            eprintln!("dump: {e}");
            return ExitCode::from(2);
        }
    };
    match dump(&args, &extractor, &mut BufWriter::new(io::stdout().lock())) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(failed) => {
            eprintln!("dump: {failed} article(s) gave errors");
            ExitCode::from(1)
        }
        // The reader of the output went away (`| head`): stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dump: output: {e}");
            ExitCode::from(1)
        }
    }
}

fn parse_args() -> Result<Args, lexopt::Error> {
    use lexopt::prelude::*;

    let mut args = Args {
        table: false,
        format: InputFormat::Auto,
        gazetteers: Vec::new(),
        inputs: Vec::new(),
    };
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Short('t') | Long("table") => args.table = true,
            Long("jsonl") => args.format = InputFormat::Jsonl,
            Long("listing") => args.format = InputFormat::Listing,
            Long("plain") => args.format = InputFormat::Plain,
            Short('g') | Long("gazetteer") => args.gazetteers.push(parser.value()?.into()),
            Value(input) => args.inputs.push(input.into()),
            _ => return Err(arg.unexpected()),
        }
    }
    if args.inputs.is_empty() {
        return Err("no input files ('-' reads standard input)".into());
    }
    Ok(args)
}

/// Write the record (or error) of every article of every input; the number
/// of articles that failed.
fn dump(args: &Args, extractor: &Extractor, out: &mut impl Write) -> io::Result<usize> {
    let mut failed = 0;
    // One record, refilled by each article: written out before the next.
    let mut record = ArticleRecord::default();
    for input in &args.inputs {
        let stdin = input.as_os_str() == "-";
        let articles: Box<dyn Iterator<Item = Result<Article, Error>>> = if stdin {
            Box::new(ArticleReader::new(io::stdin().lock(), "stdin", args.format))
        } else {
            Box::new(ArticleReader::open(input, args.format))
        };
        for item in articles {
            match item.and_then(|article| extractor.extract_into(&article, &mut record)) {
                Ok(()) if args.table => write_table(&record, out)?,
                Ok(()) => {
                    serde_json::to_writer(&mut *out, &record)?;
                    writeln!(out)?;
                }
                Err(e) => {
                    failed += 1;
                    eprintln!("dump: {e}");
                    let error = serde_json::json!({
                        "id": e.article(),
                        "error": e.to_string(),
                        "origin": e.origin(),
                    });
                    writeln!(out, "{error}")?;
                }
            }
            // A caller streaming records through standard input gets each
            // one at once.
            if stdin {
                out.flush()?;
            }
        }
    }
    out.flush()?;
    Ok(failed)
}

/// One record as a few readable lines: its entities, then its claims.
fn write_table(r: &ArticleRecord, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{}  {}", r.id, r.title.as_deref().unwrap_or(""))?;
    for e in &r.entities {
        let key = e.key.as_deref().unwrap_or("");
        let n = e.mentions.len();
        writeln!(out, "  {:<13} {} ×{n} {key}", e.kind.as_str(), e.name)?;
    }
    for c in &r.claims {
        let value = c.value.map(|v| format!(" = {v}")).unwrap_or_default();
        let unit = c.unit.as_deref().unwrap_or("");
        let who = c.source.as_ref().or(c.speaker.as_ref());
        let who = who.map(|s| format!(" ({})", s.name)).unwrap_or_default();
        writeln!(
            out,
            "  {:<13} {:?}{value} {unit}{who}",
            c.kind.as_str(),
            c.text
        )?;
    }
    writeln!(out)
}
