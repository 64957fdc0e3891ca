//! Render the facts newsfacts extracts as a self-contained HTML page:
//! `newsfacts highlight` as a program of its own.
//!
//! ```text
//! cargo run --release --example highlight -- [--jsonl|--listing|--plain] [--gazetteer FILE]… [--out FILE [--per-page N]] FILE…
//! ```
//!
//! `-` reads standard input; the page goes to standard output unless `--out`
//! names a file. `--help` lists every option. The renderer is
//! `newsfacts_cli::highlight`; the command lives in the `newsfacts-cli` crate
//! (`cargo install newsfacts-cli` installs it as `newsfacts`).

use std::process::ExitCode;

fn main() -> ExitCode {
    newsfacts_cli::run_command(
        newsfacts_cli::Command::Highlight,
        std::env::args_os().skip(1),
    )
}
