//! Helpers of the reliability tests (`properties`, `bad_input`,
//! `nothing_lost`): time limits, and the record invariants, which live in
//! `newsfacts_eval::invariants` so that the fuzz targets check the same.

#![allow(dead_code)]

use std::sync::mpsc;
use std::time::{Duration, Instant};

use newsfacts::{Article, ArticleRecord, Error, Extractor};
pub use newsfacts_eval::invariants::check_record;

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
