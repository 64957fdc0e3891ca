//! Bad input of every kind (issue 6): each gives a clear error naming the
//! file and line or the article, or a sane record; never a panic, never a
//! hang. Big inputs run under a time bound.

mod invariants;

use newsfacts::input::{read_bytes, read_jsonl};
use newsfacts::{Article, ErrorKind, Extractor, Gazetteer, InputFormat};

use invariants::{check_record, extract_checked, within};

/// Seconds any one extraction may take (debug build, shared 2-core machine).
const BOUND: u64 = 60;

/// `full` bytes in a release build; a sixteenth in a debug build, which is
/// some thirty times slower. Either way a linear pipeline finishes in a few
/// seconds and a quadratic one misses [`BOUND`].
fn size(full: usize) -> usize {
    if cfg!(debug_assertions) {
        full / 16
    } else {
        full
    }
}

/// `unit` repeated to about `bytes`; each `{}` in it becomes a different
/// lower-case word (a, b, …, z, ba, …), so that names differ.
fn repeat(unit: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + unit.len() + 8);
    let mut i = 0usize;
    while out.len() < bytes {
        let mut word = String::new();
        let mut k = i;
        loop {
            word.push(char::from(b'a' + (k % 26) as u8));
            k /= 26;
            if k == 0 {
                break;
            }
        }
        out.push_str(&unit.replace("{}", &word));
        i += 1;
    }
    out
}

fn record(id: &str, text: &str) -> newsfacts::ArticleRecord {
    extract_checked(BOUND, Article::new(id, text))
        .unwrap_or_else(|e| panic!("article {id} gave an error: {e}"))
}

fn error(id: &str, text: &str) -> newsfacts::Error {
    match extract_checked(BOUND, Article::new(id, text)) {
        Ok(_) => panic!("article {id} gave a record"),
        Err(e) => {
            assert!(e.to_string().contains(&format!("article {id}")), "{e}");
            e
        }
    }
}

// ---- empty and near-empty text ----------------------------------------

#[test]
fn empty_text_is_an_error_naming_the_article() {
    assert_eq!(error("empty-1", "").kind(), ErrorKind::EmptyArticle);
}

#[test]
fn whitespace_only_is_an_error_naming_the_article() {
    for (i, ws) in [" ", "\n\n\n", "\t \r\n ", "\u{a0}\u{2003}\u{3000}\u{2028}"]
        .iter()
        .enumerate()
    {
        let id = format!("ws-{i}");
        assert_eq!(error(&id, ws).kind(), ErrorKind::EmptyArticle, "{ws:?}");
    }
}

#[test]
fn punctuation_only_gives_an_empty_record() {
    for text in [
        ".",
        "...",
        "!?!?",
        "“”‘’\"'",
        "((((]]]]",
        "— – - …",
        ",;:.",
        "• • •",
        "$%£€",
    ] {
        let r = record("punct", text);
        assert!(r.entities.is_empty(), "{text:?}: {:?}", r.entities);
    }
}

// ---- big and degenerate inputs -----------------------------------------

#[test]
fn ten_megabytes_without_a_sentence_end() {
    // One huge "sentence" of news words: names, figures, quotes, no full stop.
    let unit = "the Minister of Finance Li Wei said about 20 people in Kabul “left” and ";
    let text = repeat(unit, size(10 << 20));
    let r = record("huge", &text);
    assert!(!r.entities.is_empty());
}

#[test]
fn one_megabyte_single_token() {
    for (id, c) in [
        ("lower", 'a'),
        ("upper", 'A'),
        ("digit", '7'),
        ("han", '中'),
    ] {
        let text: String = std::iter::repeat(c).take(1 << 20).collect();
        record(id, &text);
    }
}

#[test]
fn nul_bytes_are_text_like_any_other() {
    let r = record("nul", "China\0said\0 20\0people\0went\0to Kabul.\0\0\0");
    for e in &r.entities {
        for m in &e.mentions {
            assert!(!m.text.is_empty());
        }
    }
    record("nul-only", "\0\0\0\0");
}

#[test]
fn mixed_scripts_rtl_and_emoji() {
    let texts = [
        "قال وزير الخارجية إن 500 شخص في كابول. China said 20.",
        "\u{202e}China\u{202c} said \u{200f}20\u{200e} people in Kabul.",
        "שלום! Israel 🇮🇱 and 👩‍👩‍👧 families, 1,200 of them, went to Tel Aviv.",
        "北京 said 3 people in 上海; नमस्ते, India २०२१ — Ürümqi, İSTANBUL, STRAẞE.",
        "Ame\u{301}lie Zoe\u{308} of the U\u{301}N said e\u{301}\u{301}\u{301} 5 times.",
        "\u{feff}China\u{200b}said\u{200d}20 people; Σ ΣΑΣ ﬁnance İİİ",
    ];
    for (i, t) in texts.iter().enumerate() {
        record(&format!("scripts-{i}"), t);
        extract_checked(
            BOUND,
            Article::from_plain_text(format!("scripts-t{i}"), &format!("{t}\n\n{t}")),
        )
        .unwrap();
    }
}

#[test]
fn huge_numbers_give_finite_values_or_none() {
    let forty = "1234567890123456789012345678901234567890";
    let overflow = format!("1{}", "0".repeat(400));
    let texts = [
        format!("The army has {forty} soldiers."),
        format!("Police counted {overflow} people."),
        format!("It cost ${overflow} billion, about {overflow} per cent more."),
        format!("Between {overflow} and {overflow}0 people came in 2021."),
        format!("It cost $1{} trillion.", "0".repeat(300)),
        format!("{} people", "9".repeat(309)),
        "1.7976931348623157e308 people, 1e400 people, 0x1F people.".to_string(),
        format!("{},000 people", "999,".repeat(120)),
    ];
    for (i, t) in texts.iter().enumerate() {
        let r = record(&format!("big-{i}"), t);
        // check_record already refused non-finite values; JSON must not
        // carry null where a value was claimed either.
        let json = serde_json::to_string(&r).unwrap();
        assert!(!json.contains("inf") && !json.contains("NaN"), "{json}");
    }
}

// ---- regressions found by the property tests and the fuzzers -------------

/// A multi-byte dash before a speech verb: the attribution scan cut the text
/// one byte after the dash, inside it (claims.rs, `lo + c + 1`).
#[test]
fn dash_before_a_speech_verb() {
    for (i, text) in [
        "– said ",
        "—said",
        "Officials — said 20 people",
        "“ “\n– said ",
        "A, B – told",
    ]
    .iter()
    .enumerate()
    {
        record(&format!("dash-{i}"), text);
    }
}

/// A figure running past the end of its clause ("75$ crore)" with the clause
/// cut at the bracket): the subject rules sliced the text from the figure's
/// end back to the clause's (claims/subjects.rs). Found by the `extract`
/// fuzz target.
#[test]
fn figure_running_past_its_clause() {
    let crash =
        "Tacllks 75 cr\u{fffd}\u{fffd}ore)Ttalksalksllks 75$ crore)Tclks in Kab\u{1}\u{10}\n\n\
                 Theillion (abTheill\u{fffd}on (about Rs \r392 p e";
    record("fuzz-subject-1", crash);
    let text = String::from_utf8_lossy(include_bytes!("data/fuzz-subject-1.bin")).into_owned();
    record("fuzz-subject-2", &text);
}

// ---- bytes that are not UTF-8 ---------------------------------------------

#[test]
fn invalid_utf8_names_the_article() {
    let err = Article::from_bytes("latin1-page", b"Caf\xe9 in Kabul, 20 people.").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Utf8);
    assert!(err.to_string().contains("latin1-page"), "{err}");
    assert!(err.to_string().contains("byte 3"), "{err}");

    let items = read_bytes(b"ok \xff\xfe", "f.txt", "f", InputFormat::Auto, false);
    assert_eq!(items.len(), 1);
    let err = items[0].as_ref().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Utf8);
    assert!(err.to_string().contains("f.txt"), "{err}");
}

#[test]
fn invalid_utf8_can_be_read_lossily() {
    let a = Article::from_bytes_lossy("latin1-page", b"Caf\xe9 in Kabul\n\n20 people \xff came.");
    assert_eq!(a.id, "latin1-page");
    assert_eq!(a.title.as_deref(), Some("Caf\u{fffd} in Kabul"));
    assert!(a.text.contains("20 people \u{fffd} came."));
    extract_checked(BOUND, a).unwrap();
}

// ---- malformed JSON Lines -------------------------------------------------

#[test]
fn malformed_jsonl_lines_name_their_line() {
    let input: &[u8] = b"{\"id\": \"good-1\", \"text\": \"China sent 20 people.\"}\n\
        not json at all\n\
        {\"id\": \"types\", \"text\": 5}\n\
        {\"id\": [1, 2], \"text\": \"x\"}\n\
        {\"id\": \"no-text\", \"title\": \"T\"}\n\
        {\"id\": \"trunc\", \"text\": \"abc\n\
        [\"an\", \"array\"]\n\
        null\n\
        \xff\xfe{\"id\": \"bytes\"}\n\
        \n\
        \xef\xbb\xbf{\"id\": \"bom\", \"text\": \"With a BOM.\"}\r\n\
        {\"id\": \"title-type\", \"title\": 7, \"text\": \"x\"}\n\
        {\"id\": \"good-2\", \"body\": \"Kabul.\"}";
    let items: Vec<_> = read_jsonl(input, "feed.jsonl").collect();
    let lines = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13];
    assert_eq!(items.len(), lines.len());
    let good = ["good-1", "bom", "good-2"];
    for (item, line) in items.iter().zip(lines) {
        match item {
            Ok(a) => assert!(good.contains(&a.id.as_str()), "line {line}: {a:?}"),
            Err(e) => {
                assert!(
                    e.to_string().starts_with(&format!("feed.jsonl:{line}")),
                    "line {line}: {e}"
                );
                assert!(matches!(e.kind(), ErrorKind::Json | ErrorKind::Utf8), "{e}");
            }
        }
    }
    let ok: Vec<&str> = items.iter().flatten().map(|a| a.id.as_str()).collect();
    assert_eq!(ok, good);
    // Missing text names the article as well as the line.
    let missing = items[4].as_ref().unwrap_err().to_string();
    assert!(
        missing.contains("no-text") && missing.contains("\"text\""),
        "{missing}"
    );
}

#[test]
fn jsonl_article_with_empty_text_is_an_extraction_error() {
    let items: Vec<_> = read_jsonl(&b"{\"id\": \"blank\", \"text\": \"   \"}\n"[..], "s").collect();
    let a = items[0].as_ref().unwrap();
    let e = Extractor::new().extract(a).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::EmptyArticle);
    assert!(e.to_string().contains("article blank"), "{e}");
}

// ---- malformed gazetteers -------------------------------------------------

const HEADER: &str = "key\ttype\tname\taliases\tmatch\n";

fn gaz_error(src: &str) -> newsfacts::Error {
    let e = Gazetteer::from_tsv("my.tsv", src).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Gazetteer, "{e}");
    e
}

#[test]
fn gazetteer_wrong_column_count_names_file_and_line() {
    for row in [
        "a\tplace\tA\t",
        "a\tplace\tA\t\tfold\textra",
        "a",
        "a\tplace",
    ] {
        let e = gaz_error(&format!("{HEADER}# comment\n{row}\n"));
        assert!(e.to_string().starts_with("my.tsv:3"), "{e}");
        assert!(e.to_string().contains("columns"), "{e}");
    }
}

#[test]
fn gazetteer_empty_name_or_key_names_the_line() {
    let e = gaz_error(&format!("{HEADER}a\tplace\t \t\tfold\n"));
    assert!(
        e.to_string().starts_with("my.tsv:2") && e.to_string().contains("empty name"),
        "{e}"
    );
    let e = gaz_error(&format!("{HEADER}\tplace\tA\t\tfold\n"));
    assert!(
        e.to_string().starts_with("my.tsv:2") && e.to_string().contains("empty key"),
        "{e}"
    );
}

#[test]
fn gazetteer_duplicate_keys_name_both_lines() {
    let e = gaz_error(&format!(
        "{HEADER}a\tplace\tA\t\tfold\nb\tplace\tB\t\tfold\na\tplace\tC\t\tfold\n"
    ));
    let msg = e.to_string();
    assert!(
        msg.starts_with("my.tsv:4") && msg.contains("duplicate key") && msg.contains("line 2"),
        "{msg}"
    );
    // The same key under another type is a different entry.
    Gazetteer::from_tsv(
        "my.tsv",
        &format!("{HEADER}a\tplace\tA\t\tfold\na\tperson\tA\t\tfold\n"),
    )
    .unwrap();
}

#[test]
fn gazetteer_bad_header_type_or_policy() {
    let e = gaz_error("key\tname\n");
    assert!(e.to_string().starts_with("my.tsv:1"), "{e}");
    let e = gaz_error("");
    assert!(
        e.to_string().contains("my.tsv") && e.to_string().contains("header"),
        "{e}"
    );
    let e = gaz_error(&format!("{HEADER}a\tcity\tA\t\tfold\n"));
    assert!(e.to_string().contains("unknown type"), "{e}");
    let e = gaz_error(&format!("{HEADER}a\tplace\tA\t\tsometimes\n"));
    assert!(e.to_string().contains("unknown match policy"), "{e}");
}

#[test]
fn gazetteer_bom_and_crlf_are_accepted_and_match() {
    let src = format!(
        "\u{feff}{}zz\torganization\tZorblax Industries\tZorblax\tfold\r\n",
        HEADER.replace('\n', "\r\n")
    );
    let g = Gazetteer::from_tsv("my.tsv", &src).unwrap();
    assert_eq!(g.len(), 1);
    assert_eq!(g.entries()[0].key, "zz");
    assert_eq!(g.entries()[0].name, "Zorblax Industries");
    let x = Extractor::builder()
        .default_gazetteers(false)
        .gazetteer(g)
        .build()
        .unwrap();
    let a = Article::new("z", "Zorblax hired 20 people.");
    let r = x.extract(&a).unwrap();
    check_record(&a, &r).unwrap();
    assert_eq!(r.entities[0].key.as_deref(), Some("zz"));
}

#[test]
fn gazetteer_with_odd_names_matches_safely() {
    // Names made of punctuation, single letters, other scripts and
    // characters whose case folding changes length.
    let rows = "p\tplace\t.\t..|(|“\tfold\nq\tplace\tİ\tẞ|ǅ\tfold\nr\tperson\tA\ta|B\texact\ns\tplace\t北京\t\tambiguous\nt\torganization\t'\t’\tfold\n";
    let g = Gazetteer::from_tsv("my.tsv", &format!("{HEADER}{rows}")).unwrap();
    let x = Extractor::builder().gazetteer(g).build().unwrap();
    let text = "A. B said “(.)” in 北京 and İstanbul ẞ ǅ ' ’ . .. A B a b.";
    let a = Article::new("odd", text);
    let r = within(BOUND, "odd gazetteer", move || {
        x.extract(&a).map(|r| (a, r))
    });
    let (a, r) = r.unwrap();
    check_record(&a, &r).unwrap();
}

#[test]
fn gazetteer_file_that_is_not_utf8_names_the_file() {
    let dir = std::env::temp_dir().join(format!("newsfacts-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("latin1.tsv");
    std::fs::write(
        &path,
        b"key\ttype\tname\taliases\tmatch\nx\tplace\tCaf\xe9\t\tfold\n",
    )
    .unwrap();
    let e = Gazetteer::from_path(&path).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Utf8);
    assert!(e.to_string().contains("latin1.tsv"), "{e}");
    let e = Extractor::builder()
        .gazetteer_file(dir.join("missing.tsv"))
        .build()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Io);
    assert!(e.to_string().contains("missing.tsv"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

// ---- limits ---------------------------------------------------------------

#[test]
fn max_article_bytes_refuses_larger_articles() {
    let x = Extractor::builder().max_article_bytes(20).build().unwrap();
    let fits = Article::new("fits", "China sent 20 men.");
    assert!(fits.text.len() <= 20);
    x.extract(&fits).unwrap();
    let exact = Article::new("exact", "x".repeat(20));
    x.extract(&exact).unwrap();
    let big = Article::new("big-one", "China sent 20 men to Kabul.");
    let e = x.extract(&big).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::TooLarge);
    assert!(e.to_string().contains("article big-one"), "{e}");
    assert!(e.to_string().contains("27 bytes"), "{e}");
    // The default is generous but finite.
    assert_eq!(newsfacts::DEFAULT_MAX_ARTICLE_BYTES, 16 << 20);
}

/// Pathological repetitions, a mebibyte each (a sixteenth in debug),
/// finish in bounded time; the criterion bench `adversarial` shows how they
/// scale.
#[test]
fn adversarial_repetitions_finish() {
    for (id, unit) in [
        ("digits", "7"),
        ("capitals", "Word "),
        ("quotes", "\""),
        ("curly-quotes", "“"),
        ("apostrophes", "'"),
        ("parens", "("),
        ("initials", "A. "),
        ("money", "$1 "),
    ] {
        extract_checked(BOUND, Article::new(id, repeat(unit, size(1 << 20)))).unwrap();
    }
}

/// Many mentions of a few entities, and many distinct entities: four
/// times the input must cost about four times the time, not sixteen (work
/// that grows with mentions × mentions or entities × entities).
#[test]
fn mention_heavy_inputs_scale_linearly() {
    // Compile the default gazetteer outside the timed runs.
    Extractor::new()
        .extract(&Article::new("warm-up", "China."))
        .unwrap();
    for (id, unit) in [
        ("same-places", "China and Kabul. "),
        ("same-person", "Li Wei said. "),
        ("people", "Mr Z{} said 5. "),
        ("organizations", "The Z{} Party said. "),
        (
            "news",
            "the Minister of Finance Li Wei said about 20 people in Kabul “left” and ",
        ),
    ] {
        let time = |bytes: usize| {
            let article = Article::new(id, repeat(unit, bytes));
            let start = std::time::Instant::now();
            extract_checked(BOUND, article).unwrap();
            start.elapsed().as_secs_f64()
        };
        let small = time(size(1 << 20) / 4);
        let big = time(size(1 << 20));
        eprintln!("{id}: {small:.3} s, 4x: {big:.3} s");
        // Linear is 4×, quadratic 16×; ignore runs too short to time.
        assert!(
            big < 2.0 || big < 10.0 * small,
            "{id}: {small:.2} s for a quarter, {big:.2} s for all: worse than linear"
        );
    }
}
