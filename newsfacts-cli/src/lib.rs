//! The `newsfacts` command line: `newsfacts dump`, `highlight`, `corpus` and
//! `evaluate` (and the examples of the library of the same names, which run
//! one subcommand each).
//!
//! * `flags/` defines every flag once and parses and documents them;
//! * `input.rs` opens files and standard input as streams of articles;
//! * `run.rs` is the one input/emit loop (order-keeping, optionally on
//!   worker threads), `progress.rs` its progress bar;
//! * `commands/` holds what each subcommand renders and where it writes;
//! * `table.rs` is the `dump --table` writer and [`highlight`] the HTML
//!   renderer, which knows nothing of the command line.
//!
//! Exit status: 0 when every article was read and extracted, 1 when some
//! input or article failed (every other article is still written), 2 for a
//! command line that cannot run.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod commands;
mod flags;
pub mod highlight;
mod input;
mod progress;
mod run;
mod table;

use std::ffi::OsString;
use std::io::{self, Write};
use std::process::ExitCode;

pub use flags::Command;
use flags::Parsed;

/// How a run ended; the exit code is the contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    /// 0: every article was read and extracted.
    Success,
    /// 1: some input or article failed, or the output did.
    Failed,
    /// 2: the command line (or a gazetteer, or the output file) is wrong.
    Usage,
}

impl From<Status> for ExitCode {
    fn from(s: Status) -> ExitCode {
        ExitCode::from(match s {
            Status::Success => 0,
            Status::Failed => 1,
            Status::Usage => 2,
        })
    }
}

/// Run `newsfacts` with `args` (the program name left out).
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    main(None, args).into()
}

/// Run one subcommand as a program of its own (the `dump`, `highlight`,
/// `corpus` and `evaluate` examples), with `args` (the program name left out).
pub fn run_command(command: Command, args: impl IntoIterator<Item = OsString>) -> ExitCode {
    main(Some(command), args).into()
}

fn main(fixed: Option<Command>, args: impl IntoIterator<Item = OsString>) -> Status {
    // Messages name the program as it was called.
    let program = |command: Option<Command>| match (fixed, command) {
        (Some(c), _) => c.name().to_string(),
        (None, Some(c)) => format!("newsfacts {}", c.name()),
        (None, None) => "newsfacts".to_string(),
    };
    match flags::parse(fixed, args) {
        Err(e) => {
            let name = program(e.command);
            eprintln!("{name}: {e}\n{}", flags::usage_hint(&name, e.command));
            Status::Usage
        }
        Ok(Parsed::Help { command, long }) => {
            let text = match command {
                Some(c) => flags::command_help(&program(Some(c)), c, long),
                None => flags::top_help(),
            };
            print(&text)
        }
        Ok(Parsed::Version) => print(&format!("newsfacts {}\n", env!("CARGO_PKG_VERSION"))),
        Ok(Parsed::Run(args)) => commands::run(&args, &program(Some(args.command))),
    }
}

/// Print help or the version; a closed pipe is not an error.
fn print(text: &str) -> Status {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Status::Success,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Status::Success,
        Err(_) => Status::Failed,
    }
}
