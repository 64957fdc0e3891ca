//! Support for the integration tests in `tests/`: where the repository is.
//!
//! The tests read the repository's `fixtures/`, `testdata/` and `docs/`,
//! run its examples, and find the development sets in `../shared` beside
//! it; every such path starts from [`repo_root`], the one place that knows
//! this crate sits one level below the root.

#![forbid(unsafe_code)]

use std::path::Path;

/// The repository root (the directory of the `newsfacts` crate), which
/// holds `fixtures/`, `testdata/` and `docs/`, with `../shared` beside it.
pub fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("newsfacts-tests sits inside the repository")
}
