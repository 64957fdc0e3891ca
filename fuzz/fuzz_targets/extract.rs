//! Extraction over arbitrary text, as a plain article and as one with a title.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsfacts::{Article, Extractor};
use newsfacts_eval::invariants::assert_extraction;

fuzz_target!(
    // The embedded gazetteer's automaton is built once, before libFuzzer's
    // per-input timeout starts counting.
    init: {
        Extractor::new();
    },
    |data: &[u8]| {
        let text = String::from_utf8_lossy(data);
        let x = Extractor::new();
        assert_extraction(&x, &Article::new("fuzz", text.as_ref()));
        assert_extraction(&x, &Article::from_plain_text("fuzz", &text));
    }
);
