//! JSON Lines reading: every non-blank line gives one article or one error
//! naming its line, and the articles extract cleanly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsfacts::input::read_jsonl;
use newsfacts::Extractor;
use newsfacts_eval::invariants::assert_extraction;

fuzz_target!(
    // The embedded gazetteer's automaton is built once, before libFuzzer's
    // per-input timeout starts counting.
    init: {
        Extractor::new();
    },
    |data: &[u8]| {
        let lines = data
            .split(|&b| b == b'\n')
            .filter(|l| match std::str::from_utf8(l) {
                // Blank lines (after any BOM) are not articles; every other
                // line, UTF-8 or not, is one item.
                Ok(l) => !l.trim_start_matches('\u{feff}').trim().is_empty(),
                Err(_) => true,
            })
            .count();
        let items: Vec<_> = read_jsonl(data, "fuzz.jsonl").collect();
        let x = Extractor::new();
        for item in &items {
            match item {
                Ok(article) => assert_extraction(&x, article),
                Err(e) => assert!(e.to_string().contains("fuzz.jsonl:"), "{e}"),
            }
        }
        // Nothing lost: exactly one item per non-blank line.
        assert_eq!(items.len(), lines);
    }
);
