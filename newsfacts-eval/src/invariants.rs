//! Checks every record must pass, whatever the input: one implementation
//! for the reliability tests (`properties`, `bad_input`, `nothing_lost` in
//! `newsfacts-tests/tests/`) and the fuzz targets (`fuzz/`).
//!
//! A check returns `Err` with a message saying which invariant broke; the
//! fuzz targets turn it into a panic, the tests into a failure.

use std::collections::HashSet;

use newsfacts::{Article, ArticleRecord, ErrorKind, Extractor};

/// At most 80 chars of `s`, for messages about huge inputs.
pub fn short(s: &str) -> String {
    match s.char_indices().nth(80) {
        Some((i, _)) => format!("{}…({} bytes)", &s[..i], s.len()),
        None => s.to_string(),
    }
}

/// Extract `article` and check the outcome: a record must pass
/// [`check_record`]; an error must be one of the kinds extraction documents
/// (empty or too large) and name the article.
pub fn check_extraction(extractor: &Extractor, article: &Article) -> Result<(), String> {
    match extractor.extract(article) {
        Ok(record) => check_record(article, &record),
        Err(e) if !matches!(e.kind(), ErrorKind::EmptyArticle | ErrorKind::TooLarge) => {
            Err(format!("unexpected error kind: {e}"))
        }
        Err(e) if !e.to_string().contains(&article.id) => {
            Err(format!("error does not name the article: {e}"))
        }
        Err(_) => Ok(()),
    }
}

/// [`check_extraction`], panicking on a broken invariant: what a fuzz target
/// calls, so that the fuzzer records the input as a crash.
pub fn assert_extraction(extractor: &Extractor, article: &Article) {
    if let Err(why) = check_extraction(extractor, article) {
        panic!("article {}: {why}", short(&article.id));
    }
}

/// Check `record` against the article it came from: ids, spans, entity
/// references, finite values, and a JSON round trip.
pub fn check_record(article: &Article, record: &ArticleRecord) -> Result<(), String> {
    if record.id != article.id {
        return Err(format!(
            "record id {:?} for article {:?}",
            record.id, article.id
        ));
    }
    let entity_ids = check_entities(&article.text, record)?;
    check_claims(&article.text, record, &entity_ids)?;
    check_round_trip(record)
}

/// The span `start..end` lies in `text`, on char boundaries, and holds
/// `recorded`.
fn check_span(
    text: &str,
    start: usize,
    end: usize,
    recorded: &str,
    what: &str,
) -> Result<(), String> {
    if start > end || end > text.len() {
        return Err(format!("{what} {start}..{end} is out of the text"));
    }
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return Err(format!("{what} {start}..{end} is not on char boundaries"));
    }
    if &text[start..end] != recorded {
        return Err(format!(
            "{what} {start}..{end} is {:?} in the text but recorded as {:?}",
            short(&text[start..end]),
            short(recorded)
        ));
    }
    Ok(())
}

/// Unique entity ids, at least one non-empty mention each, spans that hold
/// their text, and no two mentions of one type overlapping. Returns the ids.
fn check_entities<'r>(text: &str, record: &'r ArticleRecord) -> Result<HashSet<&'r str>, String> {
    let mut entity_ids = HashSet::new();
    for e in &record.entities {
        if !entity_ids.insert(e.id.as_str()) {
            return Err(format!("duplicate entity id {}", e.id));
        }
        if e.mentions.is_empty() {
            return Err(format!("entity {} has no mention", e.id));
        }
        for m in &e.mentions {
            if m.start >= m.end {
                return Err(format!("empty mention {}..{} of {}", m.start, m.end, e.id));
            }
            check_span(text, m.start, m.end, &m.text, "mention")?;
        }
    }
    let mut spans: Vec<_> = record
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |m| (e.kind, m.start, m.end)))
        .collect();
    spans.sort();
    for w in spans.windows(2) {
        if w[0].0 == w[1].0 && w[0].2 > w[1].1 {
            return Err(format!("overlapping mentions {:?} and {:?}", w[0], w[1]));
        }
    }
    Ok(entity_ids)
}

/// Unique claim ids, spans that hold their text, finite values, and
/// subjects, sources and speakers that refer to entities of the record.
fn check_claims(
    text: &str,
    record: &ArticleRecord,
    entity_ids: &HashSet<&str>,
) -> Result<(), String> {
    let mut claim_ids = HashSet::new();
    for c in &record.claims {
        if !claim_ids.insert(c.id.as_str()) {
            return Err(format!("duplicate claim id {}", c.id));
        }
        check_span(text, c.start, c.end, &c.text, "claim")?;
        for v in [c.value, c.upper].into_iter().flatten() {
            if !v.is_finite() {
                return Err(format!(
                    "claim {} ({:?}) has value {v}",
                    c.id,
                    short(&c.text)
                ));
            }
        }
        let refs = [
            c.subject.as_deref(),
            c.source.as_ref().and_then(|s| s.entity.as_deref()),
            c.speaker.as_ref().and_then(|s| s.entity.as_deref()),
        ];
        for r in refs.into_iter().flatten() {
            if !entity_ids.contains(r) {
                return Err(format!("claim {} refers to missing entity {r}", c.id));
            }
        }
    }
    Ok(())
}

/// The record serializes and reads back equal.
fn check_round_trip(record: &ArticleRecord) -> Result<(), String> {
    let json = serde_json::to_string(record).map_err(|e| format!("serialize: {e}"))?;
    let back: ArticleRecord = serde_json::from_str(&json).map_err(|e| format!("read back: {e}"))?;
    if !same_up_to_float_parsing(&back, record) {
        return Err(format!(
            "the record does not survive a JSON round trip: {}",
            short(&json)
        ));
    }
    Ok(())
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
