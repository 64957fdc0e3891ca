//! Listing-page detection and splitting, and extraction of the split articles.
#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use newsfacts::input::read_bytes;
use newsfacts::{Article, Extractor, InputFormat};
use newsfacts_eval::invariants::assert_extraction;

fuzz_target!(
    // The embedded gazetteer's automaton is built once, before libFuzzer's
    // per-input timeout starts counting.
    init: {
        Extractor::new();
    },
    |data: &[u8]| {
        // Invalid UTF-8 must give one error naming the page, never a panic.
        let auto = read_bytes(data, "page.txt", "page", InputFormat::Auto, false);
        assert!(!auto.is_empty() || std::str::from_utf8(data).is_ok());
        let Ok(raw) = std::str::from_utf8(data) else {
            return;
        };
        let _ = Article::looks_like_listing(raw);
        let articles = Article::split_listing("page", raw);
        let mut ids = HashSet::new();
        let x = Extractor::new();
        for a in &articles {
            assert!(ids.insert(a.id.clone()), "duplicate id {}", a.id);
            let title = a.title.as_deref().expect("split articles have titles");
            assert!(
                a.text.starts_with(title),
                "{}: text does not start with its title",
                a.id
            );
            assert_extraction(&x, a);
        }
    }
);
