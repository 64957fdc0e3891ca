//! The `newsfacts` binary; see `newsfacts --help`.

#![forbid(unsafe_code)]

use std::process::ExitCode;

/// mimalloc as the command's allocator when built with the feature
/// `mimalloc` (off by default; see its note in Cargo.toml).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    newsfacts_cli::run(std::env::args_os().skip(1))
}
