//! Extraction over arbitrary text, as a plain article and as one with a title.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsfacts::{Article, Extractor};

mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let x = Extractor::new();
    common::extract_and_check(&x, &Article::new("fuzz", text.as_ref()));
    common::extract_and_check(&x, &Article::from_plain_text("fuzz", &text));
});
