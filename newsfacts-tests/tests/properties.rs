//! Properties that hold for any input text (issue 6): spans lie on char
//! boundaries and match the text, mentions of one type do not overlap, ids
//! are unique, values are finite, and output is deterministic.
//!
//! Inputs are news-like token soup (capitalised words, acronyms, numbers,
//! currencies, quotes, apostrophes, brackets, newlines, other scripts) and
//! arbitrary Unicode, bounded in length so the suite stays fast in debug.

mod invariants;

use newsfacts::input::read_jsonl;
use newsfacts::{Article, ErrorKind, Extractor};
use proptest::prelude::*;

use invariants::check_record;

const TOKENS: &[&str] = &[
    "$",
    "£",
    "€",
    "¥",
    "Rs",
    "US$",
    "%",
    "per cent",
    "percent",
    "pp",
    "million",
    "billion",
    "trillion",
    "crore",
    "lakh",
    "thousands",
    "km",
    "kg",
    "-day",
    "year-old",
    "about",
    "nearly",
    "more than",
    "at least",
    "up to",
    "fewer than",
    "over",
    "some",
    "between",
    "and",
    "to",
    "said",
    "says",
    "told",
    "according to",
    "reportedly",
    "allegedly",
    "Mr.",
    "Mrs",
    "Dr.",
    "Prof.",
    "President",
    "Minister",
    "spokesman",
    "U.S.",
    "UN",
    "China",
    "Chinese",
    "Uyghurs",
    "Xinjiang",
    "Kabul",
    "Afghanistan",
    "Taliban",
    "Reuters",
    "the",
    "of",
    "in",
    "at",
    "from",
    "on",
    "a",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "‘",
    "'s",
    "’s",
    "(",
    ")",
    "[",
    "]",
    "-",
    "–",
    "—",
    "…",
    ".",
    "...",
    ",",
    ";",
    ":",
    "?",
    "!",
    "•",
    "* ",
    "/",
    "&",
    "#",
    "@",
    "\u{feff}",
    "\0",
    "İ",
    "ẞ",
    "ﬁ",
    "Σ",
    "🇮🇱",
    "👩‍👩‍👧",
    "e\u{301}",
    "\u{200f}",
    "\u{200b}",
    "\u{2028}",
    "مرحبا",
    "١٢٣",
    "שלום",
    "北京",
    "नमस्ते",
    "२०२१",
    "Ürümqi",
    "İstanbul",
    "1st",
    "2021",
    "1990s",
    "½",
    "²",
    "0.5",
    "1,000",
    "1.2.3",
    ".5",
    "5.",
    "10,00,000",
    "3-4",
    "1e400",
];

const SEPARATORS: &[&str] = &[
    " ", " ", " ", " ", ", ", ". ", ".\n", "\n", "\n\n", "", "\t", "  ", "\r\n", "\u{a0}",
];

/// One news-like token.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Z][a-z]{1,9}",
        1 => "[A-Z]{2,5}",
        1 => "[A-Z][a-z]{0,3}[A-Z][a-z]{1,5}",
        3 => "[a-z]{1,9}",
        2 => "[0-9]{1,4}",
        1 => "[0-9]{1,3}(,[0-9]{3}){1,4}(\\.[0-9]{1,2})?",
        1 => "[0-9]{17,45}",
        4 => prop::sample::select(TOKENS).prop_map(String::from),
    ]
}

/// Token soup joined by spaces, punctuation and newlines.
fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec((token(), prop::sample::select(SEPARATORS)), 0..150).prop_map(|parts| {
        let mut s = String::new();
        for (t, sep) in parts {
            s.push_str(&t);
            s.push_str(sep);
        }
        s
    })
}

/// Arbitrary Unicode, including control characters.
fn unicode_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..300).prop_map(|cs| cs.into_iter().collect())
}

/// Either kind, or the two interleaved.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => news_text(),
        1 => unicode_text(),
        1 => (news_text(), unicode_text(), news_text()).prop_map(|(a, b, c)| a + &b + &c),
    ]
}

fn check(article: &Article) -> Result<(), TestCaseError> {
    match Extractor::new().extract(article) {
        Ok(record) => check_record(article, &record).map_err(TestCaseError::fail),
        Err(e) => {
            prop_assert_eq!(e.kind(), ErrorKind::EmptyArticle, "{}", e);
            prop_assert!(article.text.trim().is_empty(), "{}", e);
            prop_assert!(e.to_string().contains(&article.id), "{}", e);
            Ok(())
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Spans on char boundaries matching the text, no overlap within a
    /// type, unique ids, finite values, resolvable entity references.
    #[test]
    fn every_record_holds_its_invariants(text in any_text()) {
        check(&Article::new("p", text))?;
    }

    /// The same, for plain-text articles whose first line is a title (the
    /// headline rules run there).
    #[test]
    fn titled_articles_hold_the_invariants(title in news_text(), body in any_text()) {
        let raw = format!("{}\n\n{}", title.replace('\n', " "), body);
        check(&Article::from_plain_text("t", &raw))?;
    }

    /// Same input, byte-identical JSON: twice in a row, from a freshly
    /// built extractor, and through the (parallel) batch entry point.
    #[test]
    fn output_is_deterministic(texts in prop::collection::vec(news_text(), 1..4)) {
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Article::new(format!("d{i}"), t.clone()))
            .collect();
        let json = |r: &Result<newsfacts::ArticleRecord, newsfacts::Error>| match r {
            Ok(rec) => serde_json::to_string(rec).unwrap(),
            Err(e) => e.to_string(),
        };
        let shared = Extractor::new();
        let fresh = Extractor::builder().quotes(true).build().unwrap();
        let batch = shared.extract_batch(&articles);
        prop_assert_eq!(batch.len(), articles.len());
        for (a, b) in articles.iter().zip(&batch) {
            let first = json(&shared.extract(a));
            prop_assert_eq!(&first, &json(&shared.extract(a)));
            prop_assert_eq!(&first, &json(&fresh.extract(a)));
            prop_assert_eq!(&first, &json(b));
        }
    }

    /// Listing pages built from bullets and soup split into articles with
    /// unique ids whose text starts with their title, and extract cleanly.
    #[test]
    fn listing_pages_split_cleanly(
        stories in prop::collection::vec((news_text(), news_text(), any::<bool>()), 0..5),
        preamble in news_text(),
    ) {
        let mut page = preamble;
        for (title, body, repeat) in &stories {
            let title = title.replace(['\n', '\r', '\u{2028}'], " ");
            page.push_str(&format!("\n  • {title}\n\n"));
            if *repeat {
                page.push_str(&format!("    {title}\n\n"));
            }
            page.push_str(body);
        }
        let _ = Article::looks_like_listing(&page);
        let articles = Article::split_listing("page", &page);
        let mut ids = std::collections::HashSet::new();
        for a in &articles {
            prop_assert!(ids.insert(a.id.clone()), "duplicate id {}", a.id);
            let title = a.title.as_deref().unwrap_or("");
            prop_assert!(a.text.starts_with(title), "{}: {:?}", a.id, a.text);
            check(a)?;
        }
    }

    /// A JSON Lines stream gives one item per non-blank line, in order.
    #[test]
    fn jsonl_gives_one_item_per_line(
        lines in prop::collection::vec(prop_oneof![
            news_text().prop_map(|t| serde_json::json!({"id": "x", "text": t}).to_string()),
            news_text().prop_map(|t| t.replace(['\n', '\r'], " ")),
        ], 0..8),
    ) {
        let input = lines.join("\n");
        let expected = lines.iter().filter(|l| !l.trim_start_matches('\u{feff}').trim().is_empty()).count();
        let items: Vec<_> = read_jsonl(input.as_bytes(), "s").collect();
        prop_assert_eq!(items.len(), expected);
    }
}
