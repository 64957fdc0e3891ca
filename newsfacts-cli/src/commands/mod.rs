//! The subcommands: each builds its renderer and output, runs the shared
//! loop of `run.rs` and turns how it went into an exit status.

mod corpus;
mod dump;
mod evaluate;
mod highlight;

use std::io::{self, BufWriter};

use newsfacts::{Error, Extractor};

use crate::flags::{Args, Command, Input};
use crate::progress::Progress;
use crate::run::{Run, Summary};
use crate::Status;

/// Run the subcommand `args` asks for; messages start with `program`.
pub(crate) fn run(args: &Args, program: &str) -> Status {
    // `evaluate` reads its corpus whole and brings its own extractor.
    if args.command == Command::Evaluate {
        return evaluate::run(&args.evaluate, program);
    }
    let extractor = match extractor(args) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("{program}: {e}");
            return Status::Usage;
        }
    };
    match args.command {
        Command::Dump => dump(args, &extractor, program),
        Command::Highlight => highlight(args, &extractor, program),
        Command::Corpus => corpus(args, &extractor, program),
        Command::Evaluate => unreachable!("evaluate is run before the extractor is built"),
    }
}

/// The extractor with the embedded gazetteers and those of `--gazetteer`.
fn extractor(args: &Args) -> Result<Extractor, Error> {
    let mut builder = Extractor::builder();
    for g in &args.gazetteers {
        // Read, and any error reported, by `build`.
        builder.gazetteer_file(g);
    }
    builder.build()
}

fn dump(args: &Args, extractor: &Extractor, program: &str) -> Status {
    let progress = progress(args, true);
    let render = dump::DumpRender {
        extractor,
        table: args.table,
    };
    let mut emit = dump::emitter(args, BufWriter::new(io::stdout()));
    let result = run_loop(args, &progress, program)
        .go(&render, &mut emit)
        .and_then(|summary| {
            io::Write::flush(&mut emit.out)?;
            Ok(summary)
        });
    finish(args, &progress, program, result)
}

fn highlight(args: &Args, extractor: &Extractor, program: &str) -> Status {
    let progress = progress(args, args.out.is_none());
    let mut emit = match highlight::PageEmit::new(args) {
        Ok(emit) => emit,
        Err(e) => {
            eprintln!("{program}: {e}");
            return Status::Usage;
        }
    };
    let render = highlight::HighlightRender { extractor };
    let result = run_loop(args, &progress, program)
        .go(&render, &mut emit)
        .and_then(|summary| {
            progress.finish();
            emit.finish(program, args.quiet)?;
            Ok(summary)
        });
    finish(args, &progress, program, result)
}

fn corpus(args: &Args, extractor: &Extractor, program: &str) -> Status {
    let progress = progress(args, false);
    let render = corpus::CorpusRender { extractor };
    let mut emit = corpus::CorpusEmit {
        corpus: newsfacts::Corpus::new(),
    };
    let result = run_loop(args, &progress, program)
        .go(&render, &mut emit)
        .and_then(|summary| {
            progress.finish();
            let view = emit.corpus.view();
            let mut out = BufWriter::new(io::stdout());
            if args.table {
                corpus::write_table(&view, &mut out)?;
            } else {
                corpus::write_json(&view, &mut out)?;
            }
            io::Write::flush(&mut out)?;
            if let Some(path) = &args.html {
                corpus::write_html(&view, path, &args.highlight_page)?;
                if !args.quiet {
                    eprintln!("{program}: wrote {}", path.display());
                }
            }
            Ok(summary)
        });
    finish(args, &progress, program, result)
}

/// The progress bar of a run whose output goes to standard output or not.
fn progress(args: &Args, output_to_stdout: bool) -> Progress {
    let total = args
        .inputs
        .iter()
        .map(|i| match i {
            Input::Stdin => None,
            _ => Some(i.size().unwrap_or(0)),
        })
        .sum::<Option<u64>>();
    Progress::new(args.quiet, output_to_stdout, total)
}

fn run_loop<'a>(args: &'a Args, progress: &'a Progress, program: &'a str) -> Run<'a> {
    Run {
        inputs: &args.inputs,
        format: args.format,
        threads: args.threads,
        progress,
        program,
    }
}

/// The exit status of a finished run, with its closing message.
fn finish(args: &Args, progress: &Progress, program: &str, result: io::Result<Summary>) -> Status {
    progress.finish();
    match result {
        // The reader of the output went away (`| head`): stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Status::Success,
        Err(e) => {
            eprintln!("{program}: output: {e}");
            Status::Failed
        }
        Ok(summary) if summary.failed > 0 => {
            if !args.quiet {
                eprintln!(
                    "{program}: {} of {} article(s) gave errors",
                    summary.failed, summary.articles
                );
            }
            Status::Failed
        }
        Ok(_) => Status::Success,
    }
}
