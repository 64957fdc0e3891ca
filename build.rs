//! Generates what the crate embeds from `gazetteers/`:
//!
//! - `$OUT_DIR/embedded_files.rs`: the table `gazetteer::load::EMBEDDED`,
//!   (name, `include_str!` of the file) for each file `gazetteers/EMBEDDED`
//!   lists, so that embedding a file is one line in that list;
//! - `$OUT_DIR/embedded_trie.bin` ([`Trie::to_bytes`]): the trie of every
//!   case-folded name and alias (with its apostrophe variants) of the
//!   matchable rows of those files, so that the first extractor of a process
//!   reads it instead of sorting and inserting ~110,000 forms. The crate
//!   checks at run time that the trie holds exactly the forms of the parsed
//!   gazetteer (`Matcher::embedded`) and builds its own when it does not, so
//!   this part only has to be right to be fast; a test holds it to that.

#![forbid(unsafe_code)]

use std::path::Path;

#[allow(dead_code)]
#[path = "src/text/case_fold.rs"]
mod case_fold;
#[allow(dead_code)]
#[path = "src/gazetteer/trie.rs"]
mod trie;

use case_fold::fold_case;
use trie::Trie;

/// The list of the embedded name files, in load order.
const EMBEDDED_LIST: &str = "gazetteers/EMBEDDED";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/text/case_fold.rs");
    println!("cargo:rerun-if-changed=src/gazetteer/trie.rs");
    println!("cargo:rerun-if-changed={EMBEDDED_LIST}");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out_dir = Path::new(&out_dir);
    let files = embedded_files();
    write(&out_dir.join("embedded_files.rs"), file_table(&files));
    let mut forms = Vec::new();
    for name in &files {
        let path = Path::new("gazetteers").join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        add_forms(&read(&path), &mut forms);
    }
    forms.sort_unstable();
    forms.dedup();
    let trie = Trie::new(&forms);
    write(&out_dir.join("embedded_trie.bin"), trie.to_bytes());
}

/// The file names `gazetteers/EMBEDDED` lists.
fn embedded_files() -> Vec<String> {
    read(Path::new(EMBEDDED_LIST))
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(String::from)
        .collect()
}

/// `gazetteer::load::EMBEDDED`: a slice expression of (name, contents) with
/// each file's contents included from its absolute path.
fn file_table(files: &[String]) -> String {
    let dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut table = String::from("&[\n");
    for name in files {
        let path = Path::new(&dir).join("gazetteers").join(name);
        let path = path.to_str().expect("a UTF-8 path");
        table.push_str(&format!("    ({name:?}, include_str!({path:?})),\n"));
    }
    table.push(']');
    table
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn write(path: &Path, contents: impl AsRef<[u8]>) {
    std::fs::write(path, contents).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// The folded forms of the matchable rows of one gazetteer file, read as
/// `gazetteer::load` and `tsv` read it (a row the crate would reject only
/// costs the precompiled trie: the crate then builds its own).
fn add_forms(src: &str, forms: &mut Vec<String>) {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let mut lines = src
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'));
    let Some(header) = lines.next() else {
        return;
    };
    let header: Vec<&str> = header.split('\t').map(str::trim).collect();
    let column = |name: &str| header.iter().position(|&c| c == name);
    let (Some(name), Some(aliases), Some(policy)) =
        (column("name"), column("aliases"), column("match"))
    else {
        return;
    };
    for line in lines {
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        let cell = |k: usize| cells.get(k).copied().unwrap_or("");
        if matches!(cell(policy), "referent" | "deny") {
            continue;
        }
        let name = cell(name);
        let aliases = cell(aliases)
            .split('|')
            .map(str::trim)
            .filter(|a| !a.is_empty() && *a != name);
        for form in std::iter::once(name).chain(aliases) {
            forms.push(fold_case(form));
            if form.contains('\'') {
                forms.push(fold_case(&form.replace('\'', "’")));
            }
            if form.contains('’') {
                forms.push(fold_case(&form.replace('’', "'")));
            }
        }
    }
}
