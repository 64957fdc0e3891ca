//! Dump the facts newsfacts extracts from articles: `newsfacts dump` as an
//! example of the library.
//!
//! ```text
//! cargo run --release --example dump -- [--table] [--jsonl|--listing|--plain] [--gazetteer FILE]… FILE…
//! ```
//!
//! `-` reads standard input. Output is JSON Lines, one record per article (or
//! one `{"id", "error", "origin"}` object per article that failed, in its
//! place); `--table` prints a readable table instead. `--help` lists every
//! option. The command itself lives in the `newsfacts-cli` crate
//! (`cargo install newsfacts-cli` installs it as `newsfacts`).

use std::process::ExitCode;

fn main() -> ExitCode {
    newsfacts_cli::run_command(newsfacts_cli::Command::Dump, std::env::args_os().skip(1))
}
