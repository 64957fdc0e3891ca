//! `docs/ANNOTATION.md` and `docs/RECORDS.md` are copies of the project's
//! specs in `../shared/spec/`: this test fails when a copy differs from its
//! source, and passes (saying it skipped) where `../shared` is absent, as in
//! a packaged crate. `NEWSFACTS_SHARED` points at another `shared` directory.

use std::path::{Path, PathBuf};

use newsfacts_tests::repo_root;

const SPECS: [&str; 2] = ["ANNOTATION.md", "RECORDS.md"];

fn shared_dir(root: &Path) -> PathBuf {
    std::env::var_os("NEWSFACTS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"))
}

#[test]
fn spec_copies_match_shared() {
    let root = repo_root();
    let spec = shared_dir(root).join("spec");
    if !spec.is_dir() {
        eprintln!(
            "skipped: {} not found; docs/ copies of the specs not checked",
            spec.display()
        );
        return;
    }
    let mut stale = Vec::new();
    for name in SPECS {
        let source = std::fs::read(spec.join(name))
            .unwrap_or_else(|e| panic!("{}: {e}", spec.join(name).display()));
        let copy = std::fs::read(root.join("docs").join(name)).unwrap_or_default();
        if copy != source {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "docs/ copies differ from {}: {stale:?}; copy them again with\n  cp {}/{{{}}} docs/",
        spec.display(),
        spec.display(),
        SPECS.join(","),
    );
}
