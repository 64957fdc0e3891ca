//! Score newsfacts (or another system's records) against a gold file:
//! `newsfacts evaluate` as a program of its own.
//!
//! ```text
//! cargo run --release --example evaluate -- --gold FILE [--corpus PATH]… [--pred FILE]
//!     [--json] [--misses N] [--export-articles FILE] [--keys FILE]
//! ```
//!
//! Without `--corpus` the corpus is found beside the gold file (`seed.jsonl`
//! reads `tag-uyghur.txt`, `NAME.jsonl` reads `../corpus/NAME/`); `--pred`
//! scores another system's records by the same code; `--json` prints the
//! report as JSON. For the development sets that `testdata/keys.jsonl`
//! covers, entity keys are scored too. `--help` describes every option. The
//! command itself lives in the `newsfacts-cli` crate, the scoring in
//! `newsfacts-eval`.

use std::process::ExitCode;

fn main() -> ExitCode {
    newsfacts_cli::run_command(
        newsfacts_cli::Command::Evaluate,
        std::env::args_os().skip(1),
    )
}
