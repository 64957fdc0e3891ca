//! The fixture listing page splits into the gold's articles, with the gold's
//! titles, bylines and agencies.

use newsfacts::input::read_bytes;
use newsfacts::{Article, InputFormat};

#[test]
fn listing_page_matches_gold_metadata() {
    let raw = include_str!("../../fixtures/tag-uyghur.txt");
    let articles = Article::split_listing("tag-uyghur", raw);
    let gold: Vec<serde_json::Value> = include_str!("../../fixtures/seed.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(articles.len(), gold.len());
    for (i, (a, g)) in articles.iter().zip(&gold).enumerate() {
        assert_eq!(a.id, format!("tag-uyghur-{:02}", i + 1));
        assert_eq!(a.title.as_deref(), g["title"].as_str(), "{}", a.id);
        assert_eq!(a.byline.as_deref(), g["byline"].as_str(), "{}", a.id);
        assert_eq!(a.agency.as_deref(), g["agency"].as_str(), "{}", a.id);
        // Text is title, standfirst, body; link lines and credits are gone.
        assert!(a.text.starts_with(a.title.as_deref().unwrap()));
        for dropped in [
            "ALSO READ",
            "READ MORE",
            "reports Asian Lite",
            "(ANI)",
            "https://",
            "being carried under",
        ] {
            assert!(
                !a.text.contains(dropped),
                "{} still holds {dropped:?}",
                a.id
            );
        }
    }
}

#[test]
fn auto_format_recognises_the_listing() {
    let raw = include_bytes!("../../fixtures/tag-uyghur.txt");
    let items = read_bytes(
        raw,
        "tag-uyghur.txt",
        "tag-uyghur",
        InputFormat::Auto,
        false,
    );
    assert_eq!(items.len(), 10);
    assert!(items.iter().all(Result::is_ok));
}

#[test]
fn plain_text_article_uses_its_first_line_as_title() {
    let items = read_bytes(
        b"Profits stall\n\nProfits at the firm stood still.\nMore text.\n\nSecond paragraph.",
        "x.txt",
        "x",
        InputFormat::Auto,
        false,
    );
    let a = items[0].as_ref().unwrap();
    assert_eq!(a.title.as_deref(), Some("Profits stall"));
    assert_eq!(
        a.text,
        "Profits stall\n\nProfits at the firm stood still. More text.\n\nSecond paragraph."
    );
}
