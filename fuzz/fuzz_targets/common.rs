//! The record invariants every fuzz target checks: a broken one is a crash.

use std::collections::HashSet;

use newsfacts::{Article, ArticleRecord, ErrorKind, Extractor};

/// Extract `article` and check its record; an error must be one of the
/// documented kinds and name the article.
pub fn extract_and_check(extractor: &Extractor, article: &Article) {
    match extractor.extract(article) {
        Ok(record) => check_record(article, &record),
        Err(e) => {
            assert!(
                matches!(e.kind(), ErrorKind::EmptyArticle | ErrorKind::TooLarge),
                "unexpected error kind: {e}"
            );
            assert!(e.to_string().contains(&article.id), "{e}");
        }
    }
}

fn check_span(text: &str, start: usize, end: usize, recorded: &str, what: &str) {
    assert!(start <= end && end <= text.len(), "{what} {start}..{end}");
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what} {start}..{end} is not on char boundaries"
    );
    assert_eq!(&text[start..end], recorded, "{what} {start}..{end}");
}

pub fn check_record(article: &Article, record: &ArticleRecord) {
    let text = article.text.as_str();
    assert_eq!(record.id, article.id);
    let mut ids = HashSet::new();
    for e in &record.entities {
        assert!(ids.insert(e.id.as_str()), "duplicate entity id {}", e.id);
        assert!(!e.mentions.is_empty(), "entity {} has no mention", e.id);
        for m in &e.mentions {
            assert!(m.start < m.end, "empty mention of {}", e.id);
            check_span(text, m.start, m.end, &m.text, "mention");
        }
    }
    // Mentions of one type do not overlap.
    let mut spans: Vec<_> = record
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |m| (e.kind, m.start, m.end)))
        .collect();
    spans.sort();
    for w in spans.windows(2) {
        if w[0].0 == w[1].0 {
            assert!(
                w[0].2 <= w[1].1,
                "overlapping mentions {:?} {:?}",
                w[0],
                w[1]
            );
        }
    }
    let mut claim_ids = HashSet::new();
    for c in &record.claims {
        assert!(
            claim_ids.insert(c.id.as_str()),
            "duplicate claim id {}",
            c.id
        );
        check_span(text, c.start, c.end, &c.text, "claim");
        for v in [c.value, c.upper].into_iter().flatten() {
            assert!(v.is_finite(), "claim {} has value {v}", c.id);
        }
        let refs = [
            c.subject.as_deref(),
            c.source.as_ref().and_then(|s| s.entity.as_deref()),
            c.speaker.as_ref().and_then(|s| s.entity.as_deref()),
        ];
        for r in refs.into_iter().flatten() {
            assert!(
                ids.contains(r),
                "claim {} refers to missing entity {r}",
                c.id
            );
        }
    }
    let json = serde_json::to_string(record).expect("a record serializes");
    let back: ArticleRecord = serde_json::from_str(&json).expect("and reads back");
    assert!(
        same_up_to_float_parsing(&back, record),
        "JSON round trip changed {json}"
    );
}

/// Equal records, except that figure values may differ in the last bit:
/// serde_json without its `float_roundtrip` feature reads some 17-digit
/// floats one ULP off.
fn same_up_to_float_parsing(a: &ArticleRecord, b: &ArticleRecord) -> bool {
    let close = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => x == y || (x - y).abs() <= 1e-12 * x.abs().max(y.abs()),
        (x, y) => x == y,
    };
    let floats_close = a.claims.len() == b.claims.len()
        && a.claims
            .iter()
            .zip(&b.claims)
            .all(|(x, y)| close(x.value, y.value) && close(x.upper, y.upper));
    let strip = |r: &ArticleRecord| {
        let mut r = r.clone();
        for c in &mut r.claims {
            c.value = None;
            c.upper = None;
        }
        r
    };
    floats_close && strip(a) == strip(b)
}
