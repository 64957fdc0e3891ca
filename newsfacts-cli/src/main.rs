//! The `newsfacts` binary; see `newsfacts --help`.

#![forbid(unsafe_code)]

use std::process::ExitCode;

fn main() -> ExitCode {
    newsfacts_cli::run(std::env::args_os().skip(1))
}
