//! Fold the facts of many articles into one corpus view: `newsfacts corpus`
//! as a program of its own (`newsfacts::Corpus`).
//!
//! ```text
//! cargo run --release --example corpus -- [--table] [--html FILE [--highlight-page URL]] [--gazetteer FILE]… FILE…
//! ```
//!
//! Reads the same inputs as `dump` and prints one JSON document: the
//! entities by key with the articles naming them and their mention counts,
//! and the figures grouped by subject, unit and year, groups whose sources
//! give values more than 5% apart marked `disagree`. `--table` prints the
//! entities named in two or more articles and the figure groups instead;
//! `--html FILE` also writes the view as a page whose article links point
//! into the `highlight` page of the same inputs. The command itself lives
//! in the `newsfacts-cli` crate.

use std::process::ExitCode;

fn main() -> ExitCode {
    newsfacts_cli::run_command(newsfacts_cli::Command::Corpus, std::env::args_os().skip(1))
}
