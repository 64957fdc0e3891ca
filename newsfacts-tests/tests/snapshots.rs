//! Snapshots of the records of every fixture article.
//!
//! A changed snapshot is reviewed like code (`cargo insta review`): it
//! freezes what is wrong as easily as what is right.

use newsfacts::{Article, Extractor};

fn fixture_articles() -> Vec<Article> {
    let raw = include_str!("../../fixtures/tag-uyghur.txt");
    Article::split_listing("tag-uyghur", raw)
}

#[test]
fn fixture_splits_into_ten_articles() {
    let articles = fixture_articles();
    let titles: Vec<&str> = articles.iter().filter_map(|a| a.title.as_deref()).collect();
    insta::assert_json_snapshot!("fixture_titles", titles);
    assert_eq!(articles.len(), 10);
}

#[test]
fn fixture_records() {
    let extractor = Extractor::new();
    for article in fixture_articles() {
        let record = extractor
            .extract(&article)
            .expect("fixture articles extract");
        // Offsets are into Article::text; check them before freezing.
        for e in &record.entities {
            for m in &e.mentions {
                assert_eq!(&article.text[m.start..m.end], m.text, "{}", article.id);
            }
        }
        for c in &record.claims {
            assert_eq!(&article.text[c.start..c.end], c.text, "{}", article.id);
        }
        insta::assert_json_snapshot!(article.id.clone(), record);
    }
}
