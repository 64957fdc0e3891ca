//! The `newsfacts` binary as a user meets it: help, version, usage errors
//! and the exit-code contract on good, missing, unreadable and non-UTF-8
//! inputs (0: all fine, 1: some input failed, every other article still
//! written, 2: usage).
//!
//! The inputs are the repository's fixtures (`../fixtures/`). The published
//! package does not ship them: there the tests that read them say so and
//! pass, and the others (help, usage errors, missing, unreadable and
//! non-UTF-8 inputs, JSON Lines from standard input) still run.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The fixture listing page: ten articles.
const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/tag-uyghur.txt");

/// True when the repository's fixtures are beside the crate (not so in the
/// published package, where a test that reads them says it is skipped).
fn have_fixtures(test: &str) -> bool {
    let here = Path::new(FIXTURE).exists() && Path::new(SEED_GOLD).exists();
    if !here {
        eprintln!("{test}: skipped, the repository's fixtures/ is not here");
    }
    here
}

/// Run `newsfacts args…` with `stdin`.
fn newsfacts(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exited, not killed")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The JSON records of a dump.
fn records(out: &Output) -> Vec<serde_json::Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsfacts-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn good_input_exits_0_with_one_record_per_article() {
    if !have_fixtures("good_input_exits_0_with_one_record_per_article") {
        return;
    }
    let out = newsfacts(&["dump", FIXTURE], b"");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 10);
    assert!(recs.iter().all(|r| r.get("error").is_none()));
    assert_eq!(stderr(&out), "");
}

#[test]
fn missing_file_exits_1_and_the_others_are_still_written() {
    if !have_fixtures("missing_file_exits_1_and_the_others_are_still_written") {
        return;
    }
    let dir = scratch("missing");
    let missing = dir.join("missing.txt");
    let out = newsfacts(&["dump", s(&missing), FIXTURE], b"");
    assert_eq!(code(&out), 1);
    let recs = records(&out);
    assert_eq!(recs.len(), 11, "one error record, then the ten articles");
    let err = recs[0]["error"].as_str().expect("an error record");
    assert!(err.contains("missing.txt"), "{err}");
    assert!(recs[1..].iter().all(|r| r.get("error").is_none()));
    let msg = stderr(&out);
    assert!(msg.contains(s(&missing)), "stderr names the input: {msg}");
    assert!(msg.contains("1 of 11"), "{msg}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_directory_exits_1_naming_it() {
    let dir = scratch("directory");
    let sub = dir.join("articles");
    std::fs::create_dir(&sub).unwrap();
    for format in [None, Some("--jsonl"), Some("--plain")] {
        let mut args = vec!["dump"];
        args.extend(format);
        args.push(s(&sub));
        let out = newsfacts(&args, b"");
        assert_eq!(code(&out), 1, "{format:?}");
        let recs = records(&out);
        assert_eq!(recs.len(), 1, "{format:?}");
        assert!(recs[0]["error"].as_str().unwrap().contains(s(&sub)));
        assert!(stderr(&out).contains(s(&sub)), "{}", stderr(&out));
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_exits_1_naming_it() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("unreadable");
    let locked = dir.join("locked.txt");
    std::fs::write(&locked, "China sent 20 officials to Kabul.").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads it all the same; then it is a good input.
    let readable = std::fs::read(&locked).is_ok();
    let out = newsfacts(&["dump", s(&locked)], b"");
    if readable {
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert_eq!(records(&out)[0]["id"], "locked");
    } else {
        assert_eq!(code(&out), 1);
        assert!(stderr(&out).contains(s(&locked)), "{}", stderr(&out));
        assert!(records(&out)[0]["error"]
            .as_str()
            .unwrap()
            .contains("locked.txt"));
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn bad_utf8_exits_1_naming_the_input() {
    if !have_fixtures("bad_utf8_exits_1_naming_the_input") {
        return;
    }
    let dir = scratch("utf8");
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"Caf\xe9 society in Paris.").unwrap();
    let out = newsfacts(&["dump", s(&latin1), FIXTURE], b"");
    assert_eq!(code(&out), 1);
    let recs = records(&out);
    assert_eq!(recs.len(), 11);
    assert!(recs[0]["error"].as_str().unwrap().contains("not UTF-8"));
    assert!(stderr(&out).contains(s(&latin1)), "{}", stderr(&out));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_bad_jsonl_line_stays_in_the_stream() {
    let input = b"{\"id\": \"a\", \"text\": \"China sent 20 officials.\"}\n\xff bad\n{\"id\": \"b\", \"text\": \"Kabul.\"}\n";
    let out = newsfacts(&["dump", "-"], input);
    assert_eq!(code(&out), 1);
    let recs = records(&out);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["id"], "a");
    assert!(recs[1]["error"].as_str().unwrap().contains("stdin:2"));
    assert_eq!(recs[2]["id"], "b");
    assert!(stderr(&out).contains("stdin:2"), "{}", stderr(&out));
}

#[test]
fn threads_keep_the_output_and_its_order() {
    if !have_fixtures("threads_keep_the_output_and_its_order") {
        return;
    }
    let mut input = Vec::new();
    for i in 0..40 {
        let line = match i % 7 {
            3 => format!("{{\"id\": \"{i}\"}}\n"),
            _ => format!("{{\"id\": \"{i}\", \"text\": \"China sent {i} officials to Kabul, Xinhua said.\"}}\n"),
        };
        input.extend_from_slice(line.as_bytes());
    }
    let one = newsfacts(&["dump", FIXTURE, "-"], &input);
    let four = newsfacts(&["dump", "--threads", "4", FIXTURE, "-"], &input);
    assert_eq!(code(&one), 1);
    assert_eq!(code(&four), 1);
    assert_eq!(stdout(&one), stdout(&four));
    assert_eq!(stderr(&one), stderr(&four));
    assert_eq!(records(&four).len(), 50);
}

#[test]
fn table_output() {
    if !have_fixtures("table_output") {
        return;
    }
    let out = newsfacts(&["dump", "--table", FIXTURE], b"");
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    assert_eq!(text.matches("\n== tag-uyghur-").count() + 1, 10, "{text}");
    assert!(text.contains("  entities\n") && text.contains("  claims\n"));
}

#[test]
fn help_is_on_stdout_and_describes_every_option() {
    for args in [
        &["dump", "--help"][..],
        &["dump", "-h"],
        &["highlight", "--help"],
        &["corpus", "--help"],
    ] {
        let out = newsfacts(args, b"");
        assert_eq!(code(&out), 0, "{args:?}");
        assert_eq!(stderr(&out), "", "{args:?}");
        let help = stdout(&out);
        let mut options = vec![
            "--jsonl",
            "--listing",
            "--plain",
            "--gazetteer FILE",
            "--threads N",
            "--quiet",
            "--help",
            "--version",
        ];
        match args[0] {
            "dump" => options.push("--table"),
            "corpus" => options.extend(["--table", "--html FILE", "--highlight-page URL"]),
            _ => options.extend(["--out FILE", "--per-page N"]),
        }
        for option in options {
            let line = help
                .lines()
                .find(|l| l.contains(option))
                .unwrap_or_else(|| panic!("{args:?}: {option} missing:\n{help}"));
            // Described: on its line (-h) or on the next (--help).
            let next = help.lines().skip_while(|l| *l != line).nth(1).unwrap_or("");
            assert!(
                line.trim().len() > option.len() + 8 || next.trim().len() > 8,
                "{option} is not described:\n{help}"
            );
        }
        if args[1] == "--help" {
            assert!(help.contains("Exit status"), "{help}");
        }
    }
    let top = newsfacts(&["--help"], b"");
    assert_eq!(code(&top), 0);
    for command in ["dump", "highlight", "corpus", "evaluate"] {
        assert!(stdout(&top).contains(command), "{}", stdout(&top));
    }
}

#[test]
fn version() {
    for args in [&["--version"][..], &["-V"], &["dump", "--version"]] {
        let out = newsfacts(args, b"");
        assert_eq!(code(&out), 0);
        assert_eq!(
            stdout(&out),
            format!("newsfacts {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
}

#[test]
fn usage_errors_exit_2_naming_what_is_wrong() {
    let cases: &[(&[&str], &str)] = &[
        (&["dump", "--bogus", FIXTURE], "unknown option '--bogus'"),
        (&["dump", "-Z", FIXTURE], "unknown option '-Z'"),
        (&["dump", "--gazetteer"], "--gazetteer needs a value"),
        (&["dump"], "no input given"),
        (
            &["highlight", "--table", FIXTURE],
            "--table is not an option of highlight",
        ),
        (
            &["highlight", "--per-page", "3", FIXTURE],
            "--per-page needs --out",
        ),
        (
            &["dump", "--threads", "many", FIXTURE],
            "'many' is not a whole number",
        ),
        (&["frobnicate"], "unknown subcommand 'frobnicate'"),
        (&[], "no subcommand given"),
        (
            &["dump", "--gazetteer", "/nonexistent/g.tsv", FIXTURE],
            "/nonexistent/g.tsv",
        ),
    ];
    for (args, message) in cases {
        let out = newsfacts(args, b"");
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        assert_eq!(stdout(&out), "", "{args:?}");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn highlight_splits_pages_and_says_what_it_wrote() {
    if !have_fixtures("highlight_splits_pages_and_says_what_it_wrote") {
        return;
    }
    let dir = scratch("pages");
    let index = dir.join("facts.html");
    let out = newsfacts(
        &["highlight", "--per-page", "4", "--out", s(&index), FIXTURE],
        b"",
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let msg = stderr(&out);
    assert!(msg.contains("wrote 10 articles on 3 pages"), "{msg}");
    let index_html = std::fs::read_to_string(&index).unwrap();
    for n in 1..=3 {
        let page = format!("facts-{n:04}.html");
        assert!(
            index_html.contains(&format!("href=\"{page}\"")),
            "{index_html}"
        );
        let html = std::fs::read_to_string(dir.join(&page)).unwrap();
        let articles = html.matches("<section class=\"article\"").count();
        assert_eq!(articles, if n == 3 { 2 } else { 4 }, "{page}");
        assert!(html.ends_with("</html>\n"));
    }
    assert!(!dir.join("facts-0004.html").exists());

    let single = dir.join("one.html");
    let out = newsfacts(&["highlight", "--out", s(&single), FIXTURE], b"");
    assert_eq!(code(&out), 0);
    assert!(
        stderr(&out).contains("wrote 10 articles to"),
        "{}",
        stderr(&out)
    );
    let quiet = newsfacts(&["highlight", "-q", "--out", s(&single), FIXTURE], b"");
    assert_eq!(stderr(&quiet), "");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn closed_output_is_not_an_error() {
    if !have_fixtures("closed_output_is_not_an_error") {
        return;
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        .args(["dump", FIXTURE, FIXTURE, FIXTURE])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn corpus_folds_the_fixture_into_one_view() {
    if !have_fixtures("corpus_folds_the_fixture_into_one_view") {
        return;
    }
    let out = newsfacts(&["corpus", "--quiet", FIXTURE], b"");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let view: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("one JSON document");
    assert_eq!(view["articles"], 10);
    let entities = view["entities"].as_array().unwrap();
    let china = entities
        .iter()
        .find(|e| e["key"] == "CN" && e["type"] == "place")
        .expect("China is in the view");
    assert!(china["article_count"].as_u64().unwrap() >= 2, "{china}");
    assert!(view["figure_groups"].is_array());

    let table = newsfacts(&["corpus", "--quiet", "--table", FIXTURE], b"");
    assert_eq!(code(&table), 0);
    assert!(stdout(&table).contains("Entities in 2 or more articles"));
    assert!(stdout(&table).contains("China"));

    let dir = scratch("corpus-html");
    let page = dir.join("corpus.html");
    let html = newsfacts(
        &[
            "corpus",
            "--html",
            s(&page),
            "--highlight-page",
            "h.html",
            FIXTURE,
        ],
        b"",
    );
    assert_eq!(code(&html), 0, "{}", stderr(&html));
    assert!(stderr(&html).contains("corpus.html"), "{}", stderr(&html));
    let text = std::fs::read_to_string(&page).unwrap();
    assert!(text.contains("<a href=\"h.html#tag-uyghur-01\">"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The seed gold, whose corpus (`tag-uyghur.txt`) is found beside it.
const SEED_GOLD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/seed.jsonl");

#[test]
fn evaluate_help_describes_every_option() {
    for flag in ["--help", "-h"] {
        let out = newsfacts(&["evaluate", flag], b"");
        assert_eq!(code(&out), 0, "{flag}");
        assert_eq!(stderr(&out), "", "{flag}");
        let help = stdout(&out);
        for option in [
            "--gold FILE",
            "--corpus PATH",
            "--pred FILE",
            "--json",
            "--misses N",
            "--export-articles FILE",
            "--keys FILE",
        ] {
            let line = help
                .lines()
                .find(|l| l.trim_start().starts_with(option))
                .unwrap_or_else(|| panic!("{flag}: {option} missing:\n{help}"));
            let next = help.lines().skip_while(|l| *l != line).nth(1).unwrap_or("");
            assert!(
                line.trim().len() > option.len() + 8 || next.trim().len() > 8,
                "{option} is not described:\n{help}"
            );
        }
        // It reads no FILE arguments, and takes none of the readers' flags.
        assert!(!help.contains("FILE..."), "{help}");
        assert!(!help.contains("--threads"), "{help}");
    }
}

#[test]
fn evaluate_usage_errors_exit_2() {
    let cases: &[(&[&str], &str)] = &[
        (&["evaluate"], "--gold FILE is required"),
        (&["evaluate", "--json"], "--gold FILE is required"),
        (&["evaluate", "--gold"], "--gold needs a value"),
        (
            &["evaluate", "--gold", SEED_GOLD, "--misses", "few"],
            "'few' is not a whole number",
        ),
        (
            &["evaluate", "--gold", SEED_GOLD, FIXTURE],
            "evaluate takes no FILE arguments",
        ),
        (
            &["dump", "--gold", SEED_GOLD, FIXTURE],
            "--gold is not an option of dump",
        ),
        (
            &["evaluate", "--gold", "/nonexistent/gold.jsonl"],
            "/nonexistent/gold.jsonl",
        ),
    ];
    for (args, message) in cases {
        let out = newsfacts(args, b"");
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        assert_eq!(stdout(&out), "", "{args:?}");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn evaluate_scores_the_seed_gold() {
    if !have_fixtures("evaluate_scores_the_seed_gold") {
        return;
    }
    let out = newsfacts(&["evaluate", "--gold", SEED_GOLD], b"");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("articles: 10 gold, 10 paired\n"), "{text}");
    assert!(text.contains("\nmentions\n  overall "), "{text}");
    assert!(text.contains("\n  person "), "{text}");

    let json = newsfacts(&["evaluate", "--json", "--gold", SEED_GOLD], b"");
    assert_eq!(code(&json), 0, "{}", stderr(&json));
    let report: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert!(report.is_object(), "{report}");
}
