//! Nothing lost (issue 6): every input article gives exactly one output, its
//! record or an error naming it, in input order, from both
//! `Extractor::extract_batch` and the `dump` example.

mod invariants;

use std::io::Write;
use std::process::{Command, Stdio};

use newsfacts::input::read_jsonl;
use newsfacts::{Article, ErrorKind, Extractor};
use newsfacts_tests::repo_root;

use invariants::check_record;

/// Good and bad JSON Lines mixed; `None` marks lines that must come out as
/// errors, `Some(id)` lines that must come out as that article's record.
const STREAM: &[(&str, Option<&str>)] = &[
    (
        r#"{"id": "a1", "text": "China sent 20 officials to Kabul, Xinhua said."}"#,
        Some("a1"),
    ),
    ("this is not json", None),
    (
        r#"{"id": "a2", "title": "Talks", "body": "About 500 fighters operate there."}"#,
        Some("a2"),
    ),
    (r#"{"id": "no-text"}"#, None),
    (r#"{"id": "empty", "text": "   "}"#, None),
    (r#"{"id": "a3", "text": 42}"#, None),
    (
        r#"{"id": 4, "text": "Numeric ids are kept as text: 4."}"#,
        Some("4"),
    ),
    (
        r#"{"id": "a5", "text": "“We will act,” said Li Wei on Monday."}"#,
        Some("a5"),
    ),
    ("[1, 2, 3]", None),
    (
        r#"{"id": "a6", "text": "The last one, in Xinjiang."}"#,
        Some("a6"),
    ),
];

#[test]
fn extract_batch_gives_one_result_per_article_in_order() {
    let mut articles: Vec<Article> = Vec::new();
    for i in 0..200 {
        let text = match i % 5 {
            0 => String::new(),
            1 => format!("China sent {i} officials to Kabul."),
            2 => "x".repeat(2_000),
            3 => " \n ".to_string(),
            _ => format!("Title {i}\n\nAbout {i} people in Afghanistan, the UN said."),
        };
        articles.push(Article::new(format!("b{i:03}"), text));
    }
    let x = Extractor::builder()
        .max_article_bytes(1_000)
        .build()
        .unwrap();
    let results = x.extract_batch(&articles);
    assert_eq!(results.len(), articles.len());
    for (i, (a, r)) in articles.iter().zip(&results).enumerate() {
        match r {
            Ok(rec) => {
                assert_eq!(rec.id, a.id);
                check_record(a, rec).unwrap();
            }
            Err(e) => {
                assert!(e.to_string().contains(&format!("article {}", a.id)), "{e}");
                let want = if i % 5 == 2 {
                    ErrorKind::TooLarge
                } else {
                    ErrorKind::EmptyArticle
                };
                assert_eq!(e.kind(), want, "{e}");
            }
        }
        assert_eq!(r.is_ok(), matches!(i % 5, 1 | 4), "article {}", a.id);
    }
    assert!(x.extract_batch(&[]).is_empty());
}

#[test]
fn read_then_extract_keeps_every_line() {
    let input = STREAM
        .iter()
        .map(|(l, _)| *l)
        .collect::<Vec<_>>()
        .join("\n");
    let items: Vec<_> = read_jsonl(input.as_bytes(), "s").collect();
    assert_eq!(items.len(), STREAM.len());
    let x = Extractor::new();
    for (n, (item, (_, want))) in items.iter().zip(STREAM).enumerate() {
        let out = item
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|a| x.extract(a));
        match (out, want) {
            (Ok(rec), Some(id)) => assert_eq!(rec.id, *id),
            (Err(e), None) => {
                let s = e.to_string();
                assert!(
                    s.contains(&format!("s:{}", n + 1)) || s.contains("article empty"),
                    "{s}"
                );
            }
            (out, want) => panic!("line {}: {out:?}, wanted {want:?}", n + 1),
        }
    }
}

/// Run the dump example on `args`, feeding `stdin`; its stdout lines.
fn dump(args: &[&str], stdin: &[u8]) -> Vec<serde_json::Value> {
    let cargo = option_env!("CARGO").unwrap_or("cargo");
    let mut cmd = Command::new(cargo);
    cmd.args(["run", "--quiet", "--example", "dump"]);
    if !cfg!(debug_assertions) {
        cmd.arg("--release");
    }
    cmd.arg("--")
        .args(args)
        .current_dir(repo_root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("cargo runs");
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    // 0 when every article went through, 1 when some failed (their error
    // records are in the output); never a usage error.
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "dump failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("dump writes UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn dump_gives_one_line_per_jsonl_line_in_order() {
    let mut input = Vec::new();
    for (i, (line, _)) in STREAM.iter().enumerate() {
        input.extend_from_slice(line.as_bytes());
        // Mixed line ends, a blank line (not an article) and a non-UTF-8 line.
        input.extend_from_slice(if i % 3 == 0 { b"\r\n" } else { b"\n" });
        if i == 4 {
            input.extend_from_slice(b"\n\xff\xfe not utf-8\n");
        }
    }
    let out = dump(&["--jsonl", "-"], &input);
    // The blank line is not an article; the non-UTF-8 one is a bad line.
    let mut want: Vec<(Option<&str>, usize)> = Vec::new();
    let mut line = 0;
    for (i, (_, id)) in STREAM.iter().enumerate() {
        line += 1;
        want.push((*id, line));
        if i == 4 {
            line += 2;
            want.push((None, line));
        }
    }
    assert_eq!(out.len(), want.len(), "{out:#?}");
    for (obj, (id, line)) in out.iter().zip(want) {
        match id {
            Some(id) => {
                assert_eq!(obj["id"], *id, "{obj}");
                assert!(obj.get("error").is_none(), "{obj}");
                assert!(obj["entities"].is_array(), "{obj}");
            }
            None => {
                let err = obj["error"].as_str().unwrap_or_else(|| panic!("{obj}"));
                let named = err.contains(&format!("stdin:{line}"))
                    || obj["id"]
                        .as_str()
                        .is_some_and(|id| err.contains(&format!("article {id}")));
                assert!(named, "line {line}: {obj}");
            }
        }
    }
}

#[test]
fn dump_gives_one_line_per_article_across_files() {
    let dir = std::env::temp_dir().join(format!("newsfacts-nothing-lost-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let plain = dir.join("plain.txt");
    std::fs::write(&plain, "Talks in Kabul\n\nChina sent 20 officials.").unwrap();
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"Caf\xe9 society.").unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let missing = dir.join("missing.txt");
    let listing = repo_root().join("fixtures/tag-uyghur.txt");
    let s = |p: &std::path::Path| p.to_str().unwrap().to_string();
    let args = [
        s(&plain),
        s(&latin1),
        s(&listing),
        s(&empty),
        s(&missing),
        "-".into(),
    ];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = dump(&args, b"Stdin article about Kabul.");
    std::fs::remove_dir_all(&dir).unwrap();

    let mut ids = vec!["plain".to_string(), "latin1".to_string()];
    ids.extend((1..=10).map(|i| format!("tag-uyghur-{i:02}")));
    ids.extend([
        "empty".to_string(),
        "missing".to_string(),
        "stdin".to_string(),
    ]);
    assert_eq!(out.len(), ids.len(), "{out:#?}");
    for (obj, id) in out.iter().zip(&ids) {
        match obj.get("error") {
            None => assert_eq!(obj["id"], id.as_str(), "{obj}"),
            Some(err) => assert!(err.as_str().unwrap().contains(id.as_str()), "{id}: {obj}"),
        }
    }
    for bad in [1, 12, 13] {
        assert!(out[bad].get("error").is_some(), "{}", out[bad]);
    }
}
