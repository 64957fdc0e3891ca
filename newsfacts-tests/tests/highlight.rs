//! The HTML view (`newsfacts_cli::highlight`, run by `newsfacts-cli/examples/highlight.rs`)
//! without a browser: escaping,
//! error boxes in place, one highlighted element per mention of the dump
//! records, and well-formed markup when mentions and claims cross.
//!
//! The end-to-end check in a real browser is `scripts/browser_test.sh`.

use std::io::Write;
use std::process::{Command, Stdio};

use newsfacts::record::{Mention, Source};
use newsfacts::{Article, ArticleRecord, Claim, ClaimKind, Entity, EntityType};
use newsfacts_tests::repo_root;
use proptest::prelude::*;

// The renderer the example runs, so crossing spans can be fed to it
// directly.
use newsfacts_cli::highlight;

/// Run an example with `args`, feeding `stdin`; its standard output. The
/// example must succeed.
fn run_example(name: &str, args: &[&str], stdin: &str) -> String {
    run_example_exiting(name, args, stdin, 0)
}

/// Run an example with `args`, feeding `stdin`; its standard output. The
/// example must exit with `code` (1: some article failed).
fn run_example_exiting(name: &str, args: &[&str], stdin: &str, code: i32) -> String {
    let mut child = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", name, "--"])
        .args(args)
        .current_dir(repo_root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cargo runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("the page is UTF-8")
}

/// The page's article text: what lies between `<div class="text…">` and
/// `<aside>` of each article, so the tables and tooltips don't count.
fn text_parts(html: &str) -> Vec<&str> {
    html.split("<div class=\"text")
        .skip(1)
        .map(|s| s.split("<aside>").next().unwrap())
        .collect()
}

/// Article text in, characters that must (not) appear in the page out.
/// `&` `<` `>` `"` `'` are escaped everywhere they appear, so the text
/// renders as the characters it holds.
const ESCAPING: &[(&str, &[&str], &[&str])] = &[
    (
        "Alert <script>alert(1)</script> in China",
        &["&lt;script&gt;alert(1)&lt;/script&gt;"],
        &["<script>alert"],
    ),
    (
        "The entity &lt; stays as written in China.",
        &["&amp;lt; stays"],
        &["entity &lt; stays"],
    ),
    (
        "Rock & roll and AT&T in China.",
        &["Rock &amp; roll", "AT&amp;T"],
        &["Rock & roll"],
    ),
    (
        "He said \"no\" and 'yes' in China.",
        &["&quot;no&quot;", "&#39;yes&#39;"],
        &["\"no\"", "'yes'"],
    ),
    (
        "A <b>bold</b> claim: x > y < z in China.",
        &["&lt;b&gt;bold&lt;/b&gt;", "x &gt; y &lt; z"],
        &["<b>"],
    ),
    (
        "An attribute breaker \" onmouseover=\"alert(1) in China.",
        &["&quot; onmouseover=&quot;alert(1)"],
        &["\" onmouseover=\"alert"],
    ),
];

#[test]
fn article_text_is_escaped() {
    for &(text, must, must_not) in ESCAPING {
        let html = run_example("highlight", &["--plain", "-"], text);
        let parts = text_parts(&html);
        assert_eq!(parts.len(), 1, "one article for {text:?}");
        for m in must {
            assert!(
                parts[0].contains(m),
                "{text:?}: missing {m:?} in {}",
                parts[0]
            );
        }
        for m in must_not {
            assert!(!parts[0].contains(m), "{text:?}: raw {m:?} in {}", parts[0]);
        }
        // The page's only script is its own.
        assert_eq!(html.matches("<script>").count(), 1, "{text:?}");
    }
}

#[test]
fn ids_and_metadata_are_escaped() {
    let input = r#"{"id": "<img src=x onerror=alert(1)>", "title": "A <i>title</i>", "byline": "<b>Me</b>", "text": "China said 500 people came."}"#;
    let html = run_example("highlight", &["--jsonl", "-"], input);
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<i>title"), "{html}");
    assert!(!html.contains("<b>Me"), "{html}");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn errors_render_in_place_naming_the_article() {
    let input = [
        r#"{"id": "first", "text": "China sent 20 officials to Kabul."}"#,
        r#"{"id": "hollow", "text": "   "}"#,
        r#"this line is not JSON"#,
        r#"{"id": "last", "text": "Pakistan said 30 people came."}"#,
    ]
    .join("\n");
    let html = run_example_exiting("highlight", &["--jsonl", "-"], &input, 1);
    let sections: Vec<&str> = html.split("<section class=\"article").skip(1).collect();
    assert_eq!(sections.len(), 4, "{html}");
    assert!(
        sections[0].starts_with("\" id=\"first\""),
        "{}",
        sections[0]
    );
    assert!(sections[1].starts_with(" failed"), "{}", sections[1]);
    assert!(sections[1].contains("hollow"), "{}", sections[1]);
    assert!(sections[2].starts_with(" failed"), "{}", sections[2]);
    assert!(sections[2].contains("stdin:3"), "{}", sections[2]);
    assert!(sections[3].starts_with("\" id=\"last\""), "{}", sections[3]);
}

/// One `data-type` element per mention of the dump records, per article and
/// per entity, whatever the extractor finds today.
#[test]
fn fixture_has_one_element_per_mention() {
    let fixture = "fixtures/tag-uyghur.txt";
    let records: Vec<serde_json::Value> = run_example("dump", &[fixture], "")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let html = run_example("highlight", &[fixture], "");
    let parts = text_parts(&html);
    assert_eq!(parts.len(), records.len());
    let mut total = 0;
    for (rec, part) in records.iter().zip(&parts) {
        let entities = rec["entities"].as_array().unwrap();
        let mentions: usize = entities
            .iter()
            .map(|e| e["mentions"].as_array().unwrap().len())
            .sum();
        assert_eq!(
            part.matches(" data-type=\"").count(),
            mentions,
            "{}",
            rec["id"]
        );
        for e in entities {
            let attrs = format!(
                "data-type=\"{}\" data-entity=\"{}\"",
                e["type"].as_str().unwrap(),
                e["id"].as_str().unwrap()
            );
            assert_eq!(
                part.matches(&attrs).count(),
                e["mentions"].as_array().unwrap().len(),
                "{} {}",
                rec["id"],
                e["id"]
            );
        }
        for c in rec["claims"].as_array().unwrap() {
            let attrs = format!(
                "data-kind=\"{}\" data-claim=\"{}\"",
                c["kind"].as_str().unwrap(),
                c["id"].as_str().unwrap()
            );
            assert_eq!(part.matches(&attrs).count(), 1, "{} {}", rec["id"], c["id"]);
        }
        total += mentions;
    }
    assert_eq!(html.matches(" data-type=\"").count(), total);
    assert!(total > 0, "the fixture has mentions");
}

// ---- crossing spans, fed straight to the renderer ----

fn mention(text: &str, start: usize, end: usize) -> Mention {
    Mention {
        text: text[start..end].to_string(),
        start,
        end,
        sentence: 0,
        rule: "test".to_string(),
        char_end: None,
        char_start: None,
    }
}

fn claim(text: &str, id: usize, kind: ClaimKind, start: usize, end: usize) -> Claim {
    Claim {
        id: format!("c{id}"),
        kind,
        text: text[start..end].to_string(),
        value: None,
        upper: None,
        unit: None,
        qualifier: None,
        year: None,
        subject: None,
        source: None,
        speaker: Some(Source {
            name: "A <Speaker>".to_string(),
            entity: None,
        }),
        hedged: false,
        sentence: String::new(),
        start,
        end,
        rule: "test".to_string(),
        char_end: None,
        char_start: None,
        sentence_index: None,
    }
}

/// A record whose entity `e{i}` has the mentions `m[i]` and whose claims
/// cover `claims`.
fn record(text: &str, m: &[Vec<(usize, usize)>], claims: &[(usize, usize)]) -> ArticleRecord {
    let kinds = [ClaimKind::Quote, ClaimKind::Count, ClaimKind::Money];
    ArticleRecord {
        id: "t".to_string(),
        title: None,
        byline: None,
        agency: None,
        entities: m
            .iter()
            .enumerate()
            .map(|(i, spans)| Entity {
                id: format!("e{}", i + 1),
                kind: EntityType::Person,
                name: format!("Name {}", i + 1),
                key: None,
                mentions: spans.iter().map(|&(s, e)| mention(text, s, e)).collect(),
            })
            .collect(),
        claims: claims
            .iter()
            .enumerate()
            .map(|(i, &(s, e))| claim(text, i + 1, kinds[i % kinds.len()], s, e))
            .collect(),
        date: None,
        sentences: Vec::new(),
        url: None,
    }
}

/// An element found while walking the markup.
struct Found {
    attrs: String,
    text: String,
}

/// Walk the renderer's output: tags must nest properly (the test fails
/// otherwise). Returns the visible text (entities decoded, paragraph
/// breaks as "\n\n") and every element with its attributes and text.
fn walk(html: &str) -> (String, Vec<Found>) {
    let mut stack: Vec<(String, usize)> = Vec::new();
    let mut found: Vec<Found> = Vec::new();
    let mut open: Vec<Option<usize>> = Vec::new();
    let mut visible = String::new();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(tail) = rest.strip_prefix('<') {
            let end = tail.find('>').expect("tag is closed");
            let tag = &tail[..end];
            rest = &tail[end + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                let (top, _) = stack.pop().expect("close without open");
                assert_eq!(top, name, "badly nested in {html}");
                open.pop();
                if name == "p" {
                    visible.push_str("\n\n");
                }
            } else {
                let name = tag.split(' ').next().unwrap().to_string();
                let attrs = tag[name.len()..].to_string();
                stack.push((name, found.len()));
                open.push(Some(found.len()));
                found.push(Found {
                    attrs,
                    text: String::new(),
                });
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = decode(&rest[..end]);
            rest = &rest[end..];
            if stack.is_empty() {
                // Layout white space between paragraphs.
                continue;
            }
            visible.push_str(&text);
            for i in open.iter().flatten() {
                found[*i].text.push_str(&text);
            }
        }
    }
    assert!(stack.is_empty(), "unclosed {stack:?} in {html}");
    let visible = visible.strip_suffix("\n\n").unwrap_or(&visible).to_string();
    (visible, found)
}

fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#10;", "\n")
        .replace("&amp;", "&")
}

/// Check the rendering of `rec` over `text`: well-formed, text kept, every
/// mention one whole element, every claim one first element whose text
/// starts the claim's.
fn check(text: &str, rec: &ArticleRecord) {
    let html = highlight::render_text(text, rec);
    let (visible, found) = walk(&html);
    assert_eq!(visible, text, "{html}");
    for e in &rec.entities {
        let attrs = format!(" data-entity=\"{}\"", e.id);
        let mut texts: Vec<&str> = found
            .iter()
            .filter(|f| f.attrs.contains(&attrs))
            .map(|f| f.text.as_str())
            .collect();
        let mut want: Vec<&str> = e
            .mentions
            .iter()
            .filter(|m| m.start < m.end)
            .map(|m| m.text.as_str())
            .collect();
        texts.sort_unstable();
        want.sort_unstable();
        assert_eq!(texts, want, "{} in {html}", e.id);
    }
    for c in &rec.claims {
        let attrs = format!(" data-claim=\"{}\"", c.id);
        let firsts: Vec<&Found> = found.iter().filter(|f| f.attrs.contains(&attrs)).collect();
        // Nothing to mark when a claim covers no text outside paragraph breaks.
        if c.text.chars().all(|ch| ch == '\n') {
            assert!(firsts.is_empty(), "{} in {html}", c.id);
            continue;
        }
        assert_eq!(firsts.len(), 1, "{} in {html}", c.id);
        assert!(firsts[0]
            .attrs
            .contains(&format!(" data-kind=\"{}\"", c.kind.as_str())));
        // A claim starting in a paragraph break starts after it.
        let first = &firsts[0].text;
        assert!(
            !first.is_empty() && c.text.trim_start_matches('\n').starts_with(first.as_str()),
            "{} {:?} starts {first:?} in {html}",
            c.id,
            c.text
        );
    }
    assert!(!html.contains("<Speaker>"), "{html}");
}

/// Text, mention spans per entity, claim spans: nested and crossing shapes.
#[allow(clippy::type_complexity)]
const CROSSINGS: &[(&str, &[&[(usize, usize)]], &[(usize, usize)])] = &[
    // A mention inside a quote, a figure inside a quote.
    (
        "He said \"Chen sent 500 men\" today.",
        &[&[(9, 13)]],
        &[(8, 27), (19, 22)],
    ),
    // A claim starting inside a mention and ending after it.
    ("Alpha Beta Gamma Delta", &[&[(6, 16)]], &[(11, 22)]),
    // A claim starting before a mention and ending inside it.
    ("Alpha Beta Gamma Delta", &[&[(6, 16)]], &[(0, 10)]),
    // Both at once, plus a claim and mention with the same extent.
    (
        "Alpha Beta Gamma Delta Eps",
        &[&[(6, 16), (17, 22)]],
        &[(0, 10), (11, 19), (17, 22)],
    ),
    // Claims crossing each other around a mention.
    (
        "one two three four five",
        &[&[(8, 13)]],
        &[(0, 10), (4, 18), (6, 23)],
    ),
    // A quote over a paragraph break, with mentions on both sides.
    (
        "First \"Chen went\n\nto Kabul\" later",
        &[&[(7, 11)], &[(21, 26)]],
        &[(6, 27)],
    ),
    // A mention inside another mention.
    ("The Bank of China said", &[&[(4, 17)], &[(12, 17)]], &[]),
    // Spans at the very ends, and an empty one.
    ("Chen", &[&[(0, 4)]], &[(0, 4), (2, 2)]),
];

#[test]
fn crossing_spans_stay_well_formed() {
    for &(text, m, c) in CROSSINGS {
        let m: Vec<Vec<(usize, usize)>> = m.iter().map(|s| s.to_vec()).collect();
        check(text, &record(text, &m, c));
    }
}

#[test]
fn bad_offsets_are_ignored_not_fatal() {
    let text = "Zoë met Chen";
    let mut rec = record(text, &[vec![(8, 12)]], &[]);
    // Past the end, reversed, and inside the ë.
    for (s, e) in [(8, 40), (6, 2), (2, 3)] {
        rec.entities[0].mentions.push(Mention {
            text: String::new(),
            start: s,
            end: e,
            sentence: 0,
            rule: "bad".to_string(),
            char_end: None,
            char_start: None,
        });
    }
    let html = highlight::render_text(text, &rec);
    let (visible, _) = walk(&html);
    assert_eq!(visible, text);
    assert_eq!(html.matches("data-entity=").count(), 1, "{html}");
}

#[test]
fn whole_article_renders_with_tables() {
    let article = Article::from_plain_text("a1", "Chen in Kabul\n\nChen said 500 people came.");
    let rec = newsfacts::Extractor::new().extract(&article).unwrap();
    let html = highlight::render_article(&article, &rec);
    assert!(html.contains("<table class=\"ents\">"));
    assert!(html.contains("<table class=\"claims\">"));
    // Table rows point at entities without posing as highlights.
    let highlights = html.matches(" data-type=\"").count();
    let mentions: usize = rec.entities.iter().map(|e| e.mentions.len()).sum();
    assert_eq!(highlights, mentions);
}

proptest! {
    /// Any spans on char boundaries, crossing or not, give well-formed
    /// markup that keeps the text; disjoint mentions stay whole.
    #[test]
    fn random_spans_are_well_formed(
        words in prop::collection::vec("[a-zé<&>\"']{1,6}", 1..14),
        breaks in prop::collection::vec(any::<bool>(), 14),
        cuts in prop::collection::vec((any::<prop::sample::Index>(), 1usize..30), 0..6),
        mcuts in prop::collection::vec((any::<prop::sample::Index>(), 1usize..12), 0..6),
    ) {
        let mut text = String::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                text.push_str(if breaks[i] { "\n\n" } else { " " });
            }
            text.push_str(w);
        }
        let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let span = |ix: &prop::sample::Index, len: usize| {
            let s = ix.index(bounds.len());
            (bounds[s], bounds[(s + len).min(bounds.len() - 1)])
        };
        let claims: Vec<(usize, usize)> = cuts.iter().map(|(ix, len)| span(ix, *len)).collect();
        // Disjoint mentions that hold no paragraph break.
        let mut ms: Vec<(usize, usize)> = mcuts.iter().map(|(ix, len)| span(ix, *len)).collect();
        ms.sort_unstable();
        let mut kept: Vec<(usize, usize)> = Vec::new();
        for (s, e) in ms {
            let clear = kept.last().map_or(true, |&(_, pe)| s >= pe);
            if clear && s < e && !text[s..e].contains('\n') {
                kept.push((s, e));
            }
        }
        let rec = record(&text, &[kept], &claims);
        check(&text, &rec);
    }
}
