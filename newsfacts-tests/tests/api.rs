//! The library API of issue 15: names of the enums, errors, the builder,
//! the stream, and the record options (date and url, sentence spans,
//! character offsets), plus gazetteer control (deny rows, word lists).

use std::error::Error as _;
use std::str::FromStr;

use newsfacts::input::parse_json_article;
use newsfacts::record::Qualifier;
use newsfacts::{
    Article, ClaimKind, EntityType, Entry, ErrorKind, Extractor, Gazetteer, MatchPolicy,
    SentenceOutput,
};

/// `Display`, `FromStr` and serde agree on every value of `T`.
fn round_trips<T>(values: &[T])
where
    T: Copy + std::fmt::Debug + PartialEq + std::fmt::Display + FromStr,
    T: serde::Serialize + serde::de::DeserializeOwned,
    <T as FromStr>::Err: std::fmt::Debug,
{
    for &v in values {
        let shown = v.to_string();
        assert_eq!(shown.parse::<T>().unwrap(), v);
        assert_eq!(serde_json::to_string(&v).unwrap(), format!("\"{shown}\""));
        assert_eq!(
            serde_json::from_str::<T>(&format!("\"{shown}\"")).unwrap(),
            v
        );
    }
}

#[test]
fn enum_names_round_trip_with_serde() {
    use EntityType::*;
    round_trips(&[Person, Organization, Place, Nationality]);
    round_trips(&[
        ClaimKind::Count,
        ClaimKind::Money,
        ClaimKind::Percent,
        ClaimKind::Measure,
        ClaimKind::Quote,
    ]);
    round_trips(&[
        Qualifier::Exact,
        Qualifier::Approx,
        Qualifier::AtLeast,
        Qualifier::AtMost,
    ]);
    round_trips(&[
        MatchPolicy::Exact,
        MatchPolicy::Fold,
        MatchPolicy::Ambiguous,
        MatchPolicy::Deny,
    ]);
    for kind in [ErrorKind::Io, ErrorKind::TooLarge, ErrorKind::Parse] {
        assert_eq!(kind.to_string().parse::<ErrorKind>().unwrap(), kind);
    }
    let err = "Person".parse::<EntityType>().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Parse);
    assert_eq!(err.to_string(), "unknown entity type \"Person\"");
}

#[test]
fn errors_keep_their_source_and_name_the_article() {
    let dir = std::env::temp_dir().join(format!("newsfacts-api-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let missing = dir.join("missing.tsv");
    let err = Extractor::builder()
        .gazetteer_file(&missing)
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
    let io = err.source().unwrap().downcast_ref::<std::io::Error>();
    assert_eq!(io.unwrap().kind(), std::io::ErrorKind::NotFound);

    let err = Article::from_bytes("a9", b"caf\xe9").unwrap_err();
    assert_eq!(err.article(), Some("a9"));
    assert!(err.source().unwrap().is::<std::str::Utf8Error>());

    // A JSON Lines record whose id is readable names its article, whatever
    // else is wrong with it.
    for line in [
        r#"{"id": "x1", "text": 42}"#,
        r#"{"id": "x1", "title": "T", "date": 2004}"#,
        r#"{"id": "x1", "body": "B", "url": ["u"]}"#,
        r#"{"id": "x1"}"#,
    ] {
        let err = parse_json_article(line, "in:7").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Json, "{line}");
        assert_eq!(err.article(), Some("x1"), "{line}");
        assert!(err.to_string().starts_with("in:7 (article x1): "), "{err}");
    }
    // Without a readable id, the line is all there is to name.
    let err = parse_json_article(r#"{"id": [1], "text": "T"}"#, "in:8").unwrap_err();
    assert_eq!((err.article(), err.origin()), (None, Some("in:8")));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn entries_build_and_serialize() {
    let e = Entry::new("org:acme", EntityType::Organization, "Acme")
        .aliases(["ACME"])
        .policy(MatchPolicy::Exact);
    let json = serde_json::to_string(&e).unwrap();
    assert_eq!(
        json,
        r#"{"key":"org:acme","type":"organization","name":"Acme","aliases":["ACME"],"match":"exact"}"#
    );
    assert_eq!(serde_json::from_str::<Entry>(&json).unwrap(), e);
}

#[test]
fn a_bound_builder_takes_one_call_at_a_time() {
    let mut builder = Extractor::builder();
    builder.quotes(false);
    builder.entry(Entry::new("x", EntityType::Place, "Xanadu"));
    let extractor = builder.build().unwrap();
    let record = extractor
        .extract(&Article::new("a", "He sailed to Xanadu."))
        .unwrap();
    assert_eq!(record.entities[0].key.as_deref(), Some("x"));
}

fn corpus(n: usize) -> Vec<Article> {
    let sentences = [
        "China sent 20 officials to Kabul, Xinhua said.",
        "",
        "About 500 people marched in Paris on Monday.",
        "\"We will stay,\" said Jane Doe, a teacher.",
    ];
    (0..n)
        .map(|i| {
            let text = sentences[i % sentences.len()].repeat(1 + i % 7);
            Article::new(format!("a{i}"), text)
        })
        .collect()
}

#[test]
fn the_stream_keeps_input_order_and_matches_extract() {
    let extractor = Extractor::new();
    let articles = corpus(200);
    let expected: Vec<_> = articles.iter().map(|a| extractor.extract(a)).collect();
    for lookahead in [1, 3, 64] {
        let got: Vec<_> = extractor
            .extract_iter(articles.clone())
            .lookahead(lookahead)
            .collect();
        assert_eq!(got, expected, "lookahead {lookahead}");
    }
    // Empty articles fail in their place, naming themselves.
    assert_eq!(expected[1].as_ref().unwrap_err().article(), Some("a1"));
    assert_eq!(extractor.extract_batch(&articles), expected);
}

#[test]
fn the_stream_reads_ahead_a_bounded_number() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let read = AtomicUsize::new(0);
    let articles = corpus(1000).into_iter().inspect(|_| {
        read.fetch_add(1, Ordering::SeqCst);
    });
    let mut stream = Extractor::new().extract_iter(articles).lookahead(8);
    stream.next();
    assert!(
        read.load(Ordering::SeqCst) <= 8,
        "{}",
        read.load(Ordering::SeqCst)
    );
    assert_eq!(stream.count(), 999);
}

#[cfg(feature = "rayon")]
#[test]
fn the_stream_runs_inside_a_one_thread_pool() {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let n = pool.install(|| Extractor::new().extract_iter(corpus(50)).count());
    assert_eq!(n, 50);
}

#[test]
fn default_records_carry_date_and_url_only_when_given() {
    let extractor = Extractor::new();
    let plain = extractor
        .extract(&Article::new("a", "China sent 20 officials."))
        .unwrap();
    let json = serde_json::to_string(&plain).unwrap();
    for key in [
        "\"date\"",
        "\"url\"",
        "\"sentences\"",
        "sentence_index",
        "char_start",
    ] {
        assert!(!json.contains(key), "{key} in {json}");
    }
    assert!(json.contains("\"sentence\":\"China sent 20 officials.\""));

    let line = r#"{"id": "d", "text": "China sent 20 officials.", "date": "2004-05-01", "url": "https://example.org/d"}"#;
    let article = parse_json_article(line, "in:1").unwrap();
    let record = extractor.extract(&article).unwrap();
    assert_eq!(record.date.as_deref(), Some("2004-05-01"));
    assert_eq!(record.url.as_deref(), Some("https://example.org/d"));
    let json = serde_json::to_string(&record).unwrap();
    assert!(
        json.contains(
            r#""agency":null,"date":"2004-05-01","url":"https://example.org/d","entities""#
        ),
        "{json}"
    );
}

#[test]
fn sentence_spans_and_char_offsets_agree_with_the_text() {
    let text = "Ürümqi officials said 20 Uyghurs were held. \
                “We are afraid,” said Rushan Abbas in Washington. \
                Beijing’s envoy met 3 ministers in Zürich on Friday.";
    let article = Article::new("u", text);
    let char_at = |byte: usize| text[..byte].chars().count();
    for output in [SentenceOutput::TextAndSpans, SentenceOutput::Spans] {
        let extractor = Extractor::builder()
            .sentences(output)
            .char_offsets(true)
            .build()
            .unwrap();
        let record = extractor.extract(&article).unwrap();
        assert_eq!(record.sentences.len(), 3);
        for s in &record.sentences {
            assert_eq!(s.char_start, Some(char_at(s.start)));
            assert_eq!(s.char_end, Some(char_at(s.end)));
        }
        for m in record.entities.iter().flat_map(|e| &e.mentions) {
            assert_eq!(
                (m.char_start, m.char_end),
                (Some(char_at(m.start)), Some(char_at(m.end)))
            );
            let s = &record.sentences[m.sentence];
            assert!(s.start <= m.start && m.end <= s.end, "{m:?}");
        }
        assert!(record.claims.len() >= 3);
        for c in &record.claims {
            assert_eq!(
                (c.char_start, c.char_end),
                (Some(char_at(c.start)), Some(char_at(c.end)))
            );
            let s = &record.sentences[c.sentence_index.unwrap()];
            assert!(s.start <= c.start && c.start < s.end, "{c:?}");
            assert_eq!(c.sentence.is_empty(), output == SentenceOutput::Spans);
        }
        let json = serde_json::to_string(&record).unwrap();
        assert_eq!(
            json.contains("\"sentence\":\""),
            output == SentenceOutput::TextAndSpans
        );
        let back: newsfacts::ArticleRecord = serde_json::from_str(&json).unwrap();
        assert_eq!(back, record);
    }
}

fn named(extractor: &Extractor, text: &str) -> Vec<(String, Option<String>)> {
    let record = extractor.extract(&Article::new("a", text)).unwrap();
    record
        .entities
        .into_iter()
        .map(|e| (e.name, e.key))
        .collect()
}

#[test]
fn deny_rows_in_a_gazetteer_file_remove_embedded_entries() {
    let dir = std::env::temp_dir().join(format!("newsfacts-api-deny-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("deny.tsv");
    std::fs::write(
        &path,
        "key\ttype\tname\taliases\tmatch\n\
         CN\tplace\t*\t\tdeny\n\
         *\tplace\tKabul\t\tdeny\n\
         place:atlantis\tplace\tAtlantis\t\tfold\n",
    )
    .unwrap();
    let text = "Envoys from China met in Kabul and later in Atlantis and Delhi.";
    let before = named(&Extractor::new(), text);
    let extractor = Extractor::builder().gazetteer_file(&path).build().unwrap();
    let after = named(&extractor, text);
    let keyed = |list: &[(String, Option<String>)], name: &str| {
        list.iter().any(|(n, k)| n == name && k.is_some())
    };
    for name in ["China", "Kabul", "Delhi"] {
        assert!(keyed(&before, name), "{name} in {before:?}");
    }
    assert!(
        !keyed(&after, "China") && !keyed(&after, "Kabul"),
        "{after:?}"
    );
    assert!(
        keyed(&after, "Delhi") && keyed(&after, "Atlantis"),
        "{after:?}"
    );
    let gaz = Gazetteer::from_path(&path).unwrap();
    assert_eq!((gaz.len(), gaz.denials().len()), (1, 2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn word_lists_extend_through_the_builder() {
    let text = "The deal was signed by Grand Vizier Tobble Frumpkin and by \
                stargazer Quimby Marsh for the Northern Grain Syndicate.";
    let names = |x: &Extractor| -> Vec<(EntityType, String)> {
        let record = x.extract(&Article::new("a", text)).unwrap();
        record
            .entities
            .into_iter()
            .map(|e| (e.kind, e.name))
            .collect()
    };
    let extended = Extractor::builder()
        .person_titles(["Grand Vizier"])
        .person_roles(["stargazer"])
        .organization_heads(["Syndicate"])
        .build()
        .unwrap();
    let got = names(&extended);
    for want in [
        (EntityType::Person, "Tobble Frumpkin"),
        (EntityType::Person, "Quimby Marsh"),
        (EntityType::Organization, "Northern Grain Syndicate"),
    ] {
        assert!(
            got.iter().any(|(k, n)| (*k, n.as_str()) == want),
            "{want:?} not in {got:?}"
        );
    }
    assert_ne!(names(&Extractor::new()), got);
}

#[test]
fn added_rows_match_as_a_fresh_build_would() {
    let mine = Gazetteer::from_tsv(
        "mine.tsv",
        "key\ttype\tname\taliases\tmatch\n\
         org:zorblax\torganization\tZorblax Industries\tZorblax|ZBX\tfold\n\
         place:atlantis\tplace\tAtlantis\t\tambiguous\n\
         org:china-daily-2\torganization\tChina Daily\t\tfold\n",
    )
    .unwrap();
    // Layered: the embedded matcher plus one over three rows.
    let layered = Extractor::builder()
        .gazetteer(mine.clone())
        .build()
        .unwrap();
    // Fresh: one matcher over everything.
    let fresh = Extractor::builder()
        .default_gazetteers(false)
        .gazetteer(Gazetteer::embedded().clone())
        .gazetteer(mine)
        .build()
        .unwrap();
    for text in [
        "Zorblax Industries and ZBX said China Daily reported 20 deaths in Atlantis.",
        "He moved from Atlantis to Kabul; ZORBLAX denied it, the China Daily said.",
        "Reading is fun. He lives in Reading, near Atlantis.",
    ] {
        let article = Article::new("a", text);
        assert_eq!(
            layered.extract(&article).unwrap(),
            fresh.extract(&article).unwrap(),
            "{text}"
        );
    }
}

#[test]
fn the_new_types_cross_threads() {
    fn send_sync<T: Send + Sync + 'static>() {}
    fn send<T: Send + 'static>() {}
    send_sync::<newsfacts::Error>();
    send_sync::<Extractor>();
    send_sync::<Entry>();
    send_sync::<SentenceOutput>();
    send::<newsfacts::ExtractIter<std::vec::IntoIter<Result<Article, newsfacts::Error>>>>();
}
