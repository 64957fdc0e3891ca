//! Precompiles the embedded gazetteer's trie (`src/gazetteer/trie.rs`), so
//! that the first extractor of a process reads it instead of sorting and
//! inserting ~110,000 forms.
//!
//! It writes `$OUT_DIR/embedded_trie.bin` ([`Trie::to_bytes`]): the trie of
//! every case-folded name and alias (with its apostrophe variants) of the
//! matchable rows of the files `gazetteer::load::EMBEDDED` lists. The crate
//! checks at run time that the trie holds exactly the forms of the parsed
//! gazetteer (`Matcher::embedded`) and builds its own when it does not, so
//! this script only has to be right to be fast; a test holds it to that.

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

/// The files of `gazetteer::load::EMBEDDED`, in its order.
const EMBEDDED: &[&str] = &[
    "countries.tsv",
    "regions.tsv",
    "places.tsv",
    "organizations.tsv",
    "people.tsv",
    "nationalities.tsv",
    "cities.tsv",
    "media.tsv",
    "sports_clubs.tsv",
    "companies.tsv",
    "parties.tsv",
    "institutions.tsv",
];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/text/case_fold.rs");
    println!("cargo:rerun-if-changed=src/gazetteer/trie.rs");
    let mut forms = Vec::new();
    for name in EMBEDDED {
        let path = Path::new("gazetteers").join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let src =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        add_forms(&src, &mut forms);
    }
    forms.sort_unstable();
    forms.dedup();
    let trie = Trie::new(&forms);
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_trie.bin");
    std::fs::write(&out, trie.to_bytes()).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
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
