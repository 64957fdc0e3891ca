//! Test-only: real article texts for the differential tests of the text
//! layer: the fixture page and every development text of `../shared/corpus`
//! when it is there (beside the repository, or beside the main checkout of
//! a git worktree, as `scripts/same_output/check.sh` finds it).

use std::path::{Path, PathBuf};

/// The fixture page, then each development text found.
pub(crate) fn texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = vec![
        std::fs::read_to_string(root.join("fixtures/tag-uyghur.txt"))
            .expect("the fixture page is in the repository"),
    ];
    let Some(corpus) = shared(root).map(|s| s.join("corpus")) else {
        return texts;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|set| set.path().is_dir())
        .flat_map(|set| {
            std::fs::read_dir(set.path())
                .into_iter()
                .flatten()
                .flatten()
        })
        .map(|f| f.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    texts.extend(files.iter().filter_map(|f| std::fs::read_to_string(f).ok()));
    texts
}

/// `../shared` beside the repository, or beside the main checkout when the
/// repository is a git worktree (its `.git` file names the main `.git`).
fn shared(root: &Path) -> Option<PathBuf> {
    let beside = root.join("../shared");
    if beside.is_dir() {
        return Some(beside);
    }
    let git = std::fs::read_to_string(root.join(".git")).ok()?;
    let gitdir = Path::new(git.strip_prefix("gitdir:")?.trim());
    // <main>/.git/worktrees/<name> → <main>/../shared
    let main = gitdir.parent()?.parent()?.parent()?;
    let shared = main.join("../shared");
    shared.is_dir().then_some(shared)
}
