//! Gazetteer TSV parsing, and matching a parsed gazetteer against text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsfacts::{Article, Extractor, Gazetteer};
use newsfacts_eval::invariants::assert_extraction;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    match Gazetteer::from_tsv("fuzz.tsv", src) {
        Ok(g) => {
            let x = match Extractor::builder()
                .default_gazetteers(false)
                .gazetteer(g)
                .build()
            {
                Ok(x) => x,
                Err(e) => panic!("a parsed gazetteer must compile: {e}"),
            };
            // The file's own names are the text most likely to match them.
            assert_extraction(&x, &Article::new("fuzz", src));
        }
        Err(e) => assert!(e.to_string().starts_with("fuzz.tsv"), "{e}"),
    }
});
