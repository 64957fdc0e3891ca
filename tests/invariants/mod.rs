//! Checks every record must pass, whatever the input: shared by the
//! reliability tests (`properties`, `bad_input`, `nothing_lost`).

#![allow(dead_code)]

use std::collections::HashSet;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use newsfacts::{Article, ArticleRecord, Error, Extractor};

/// At most 80 chars of `s`, for messages about huge inputs.
pub fn short(s: &str) -> String {
    match s.char_indices().nth(80) {
        Some((i, _)) => format!("{}…({} bytes)", &s[..i], s.len()),
        None => s.to_string(),
    }
}

/// Check `record` against the article it came from; the message says which
/// invariant broke.
pub fn check_record(article: &Article, record: &ArticleRecord) -> Result<(), String> {
    let text = article.text.as_str();
    if record.id != article.id {
        return Err(format!(
            "record id {:?} for article {:?}",
            record.id, article.id
        ));
    }
    let span = |start: usize, end: usize, recorded: &str, what: &str| -> Result<(), String> {
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
    };
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
            span(m.start, m.end, &m.text, "mention")?;
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
    let mut claim_ids = HashSet::new();
    for c in &record.claims {
        if !claim_ids.insert(c.id.as_str()) {
            return Err(format!("duplicate claim id {}", c.id));
        }
        span(c.start, c.end, &c.text, "claim")?;
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
    let json = serde_json::to_string(record).map_err(|e| format!("serialize: {e}"))?;
    let back: ArticleRecord = serde_json::from_str(&json).map_err(|e| format!("read back: {e}"))?;
    if !same_up_to_float_parsing(&back, record) {
        return Err("the record does not survive a JSON round trip".into());
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

/// Run `f` on another thread and fail the test if it takes longer than
/// `secs` seconds (a hang, or worse than linear time).
pub fn within<T: Send + 'static>(
    secs: u64,
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = mpsc::channel();
    let start = Instant::now();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(Duration::from_secs(secs)) {
        Ok(v) => v,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what}: no result after {secs} s"),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            panic!("{what}: panicked after {:?}", start.elapsed())
        }
    }
}

/// Extract `article` with the default extractor within `secs` seconds and
/// check the record; returns the result.
pub fn extract_checked(secs: u64, article: Article) -> Result<ArticleRecord, Error> {
    let what = format!("article {}", article.id);
    let (article, result) = within(secs, &what, move || {
        let result = Extractor::new().extract(&article);
        (article, result)
    });
    if let Ok(record) = &result {
        if let Err(why) = check_record(&article, record) {
            panic!("{what}: {why}");
        }
    }
    result
}
