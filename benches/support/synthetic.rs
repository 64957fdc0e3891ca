//! Synthetic inputs shared by the `extract` benchmark and the `bench_*`
//! examples: a large gazetteer of made-up but realistic names, and long texts
//! made by repeating real article text.
//!
//! Not a bench target itself (Cargo only discovers `benches/*.rs`); it is
//! pulled in with `#[path]`.

#![allow(dead_code)]

use newsfacts::{Article, EntityType, Entry, Gazetteer, InputFormat, MatchPolicy};

/// The seed fixture: a news listing page of several articles.
pub const FIXTURE: &str = include_str!("../../fixtures/tag-uyghur.txt");

/// The fixture's articles.
pub fn fixture_articles() -> Vec<Article> {
    newsfacts::input::read_bytes(
        FIXTURE.as_bytes(),
        "tag-uyghur.txt",
        "tag-uyghur",
        InputFormat::Auto,
        false,
    )
    .into_iter()
    .filter_map(Result::ok)
    .collect()
}

/// Real article text repeated to at least `bytes` bytes, cut at a paragraph
/// break: cost per byte on it is the cost per byte on real news.
pub fn repeated_text(bytes: usize) -> String {
    let articles = fixture_articles();
    let mut out = String::with_capacity(bytes + 64 * 1024);
    'fill: loop {
        for a in &articles {
            for para in a.text.split("\n\n") {
                if out.len() >= bytes {
                    break 'fill;
                }
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                out.push_str(para);
            }
        }
    }
    out
}

/// One article of about `bytes` bytes (no title: a long body).
pub fn article_of(bytes: usize) -> Article {
    Article::new(format!("synthetic-{bytes}"), repeated_text(bytes))
}

/// A corpus of at least `bytes` bytes made by repeating the fixture articles
/// (each copy its own article, with a distinct id).
pub fn corpus(bytes: usize) -> Vec<Article> {
    let articles = fixture_articles();
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        for a in &articles {
            let mut copy = a.clone();
            copy.id = format!("{}-{}", a.id, out.len());
            total += copy.text.len();
            out.push(copy);
        }
    }
    out
}

/// The shared data directory: `NEWSFACTS_SHARED`, else `../shared` beside
/// the repository, else `../../shared` (a worktree under `wt/`).
pub fn shared_dir() -> Option<std::path::PathBuf> {
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("NEWSFACTS_SHARED")
        .map(std::path::PathBuf::from)
        .into_iter()
        .chain([manifest.join("../shared"), manifest.join("../../shared")])
        .find(|d| d.join("corpus").is_dir())
}

/// The articles of development set `set` (`shared/corpus/SET/*.txt`, one
/// article per file), or `None` when the shared data is not here.
pub fn dev_set(set: &str) -> Option<Vec<Article>> {
    let dir = shared_dir()?.join("corpus").join(set);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let articles: Vec<Article> = paths
        .iter()
        .filter_map(|p| newsfacts::read_file(p, InputFormat::Auto).ok())
        .flatten()
        .filter_map(Result::ok)
        .collect();
    (!articles.is_empty()).then_some(articles)
}

/// Total text bytes of `articles`.
pub fn text_bytes(articles: &[Article]) -> usize {
    articles.iter().map(|a| a.text.len()).sum()
}

/// A small deterministic generator (xorshift64*), so every run builds the
/// same gazetteer without a `rand` dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const ONSETS: &[&str] = &[
    "b", "br", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "kh", "l", "m", "n", "p", "qu", "r",
    "s", "sh", "st", "t", "tr", "v", "w", "y", "z", "zh",
];
const VOWELS: &[&str] = &[
    "a", "e", "i", "o", "u", "ai", "ei", "ou", "ia", "ar", "en", "or", "an",
];
const CODAS: &[&str] = &["", "", "", "n", "r", "s", "l", "k", "m", "t", "sh", "v"];
const ORG_HEADS: &[&str] = &[
    "Holdings",
    "Group",
    "Bank",
    "Institute",
    "University",
    "Party",
    "Front",
    "Council",
    "Foundation",
    "Airlines",
    "Corporation",
    "Ministry of Trade",
];
const PLACE_HEADS: &[&str] = &["", "", "", "River", "Province", "Valley", "Lake", "Hills"];

/// A capitalised made-up word of 2 to 4 syllables ("Travoshen").
fn word(rng: &mut Rng) -> String {
    let syllables = 2 + rng.below(3);
    let mut w = String::new();
    for _ in 0..syllables {
        w.push_str(ONSETS[rng.below(ONSETS.len())]);
        w.push_str(VOWELS[rng.below(VOWELS.len())]);
    }
    w.push_str(CODAS[rng.below(CODAS.len())]);
    let mut chars = w.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => w,
    }
}

/// A gazetteer of `n` made-up entries: people ("Given Family", alias the
/// family name), organizations ("Word Word Holdings", alias an acronym),
/// places ("Word" or "Word River"); a few ambiguous or exact-match rows, as
/// in real lists.
pub fn gazetteer(n: usize) -> Gazetteer {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut g = Gazetteer::new();
    for i in 0..n {
        let roll = rng.below(100);
        let (kind, name, aliases) = if roll < 50 {
            let family = word(&mut rng);
            let name = format!("{} {}", word(&mut rng), family);
            let aliases = if rng.below(3) == 0 {
                vec![family]
            } else {
                Vec::new()
            };
            (EntityType::Person, name, aliases)
        } else if roll < 75 {
            let a = word(&mut rng);
            let b = word(&mut rng);
            let head = ORG_HEADS[rng.below(ORG_HEADS.len())];
            let acronym: String = [&a, &b, head]
                .iter()
                .filter_map(|w| w.chars().next())
                .collect();
            let aliases = if rng.below(4) == 0 {
                vec![acronym]
            } else {
                Vec::new()
            };
            (EntityType::Organization, format!("{a} {b} {head}"), aliases)
        } else {
            let head = PLACE_HEADS[rng.below(PLACE_HEADS.len())];
            let base = word(&mut rng);
            let name = if head.is_empty() {
                base
            } else {
                format!("{base} {head}")
            };
            (EntityType::Place, name, Vec::new())
        };
        let policy = match rng.below(50) {
            0 => MatchPolicy::Ambiguous,
            1 => MatchPolicy::Exact,
            _ => MatchPolicy::Fold,
        };
        g.push(Entry {
            key: format!("syn:{i}"),
            kind,
            name,
            aliases,
            policy,
            facts: Default::default(),
        });
    }
    g
}

/// The same gazetteer as TSV text, to time parsing too.
pub fn gazetteer_tsv(n: usize) -> String {
    let g = gazetteer(n);
    let mut out = String::from("key\ttype\tname\taliases\tmatch\n");
    for e in g.entries() {
        let policy = e.policy.as_str();
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\n",
            e.key,
            e.kind.as_str(),
            e.name,
            e.aliases.join("|"),
            policy
        ));
    }
    out
}

/// Fold the way the extractor does for ASCII and most of Unicode: lower case
/// where the byte length does not change.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        })
        .collect()
}

/// Every folded surface form of `gaz` (names, aliases and their apostrophe
/// variants): the patterns of the extractor's own automaton.
pub fn folded_forms(gaz: &Gazetteer) -> Vec<String> {
    let mut forms = std::collections::HashSet::new();
    for e in gaz.entries() {
        for name in e.names() {
            forms.insert(fold(name));
            if name.contains('\'') {
                forms.insert(fold(&name.replace('\'', "’")));
            }
            if name.contains('’') {
                forms.insert(fold(&name.replace('’', "'")));
            }
        }
    }
    let mut forms: Vec<String> = forms.into_iter().collect();
    forms.sort();
    forms
}
