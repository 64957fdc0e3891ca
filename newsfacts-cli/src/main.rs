//! The `newsfacts` binary; see `newsfacts --help`.

#![forbid(unsafe_code)]

use std::process::ExitCode;

/// The command's allocator (the feature `mimalloc`, on by default): a library
/// leaves that choice to the program, and this program allocates many small
/// output strings.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    newsfacts_cli::run(std::env::args_os().skip(1))
}
