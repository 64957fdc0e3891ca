use super::{overlapping, random_spans, xorshift, Chosen};
use crate::gazetteer::Gazetteer;
use crate::names::tokens::Words;
use crate::text::Doc;

/// The spans over each token are those `overlapping` finds, for spans
/// in order (apart or overlapping) and out of order, article after
/// article (the lists are reused).
#[test]
fn cover_as_overlapping_finds() {
    let text = super::sample_text();
    let doc = Doc::new(&text, false);
    let lex = &crate::lexicon::Lexicon::embedded().names;
    let words = Words::new(&doc, Gazetteer::embedded(), lex, &[]);
    let mut next = xorshift(0x9e37_79b9_7f4a_7c15_u64);
    for round in 0..600 {
        let mut spans = random_spans(&mut next, text.len());
        match round % 3 {
            // Apart, in order.
            0 => {
                spans.sort_by_key(|s| s.start);
                let mut reach = 0;
                spans.retain(|s| {
                    let apart = s.start >= reach;
                    reach = reach.max(s.end);
                    apart
                });
            }
            // Overlapping, starts and ends in order.
            1 => {
                spans.sort_by_key(|s| s.start);
                let mut reach = 0;
                for s in &mut spans {
                    s.end = s.end.max(reach);
                    reach = s.end;
                }
            }
            _ => {}
        }
        let chosen = Chosen::new(&words, &spans);
        for (k, t) in words.toks.iter().enumerate() {
            let want = overlapping(&spans, t.start, t.end);
            let got = chosen.at(k);
            assert_eq!(got.len(), want.len(), "round {round}, token {k}");
            if !want.is_empty() {
                assert_eq!(got.as_ptr(), want.as_ptr(), "round {round}, token {k}");
            }
        }
    }
}
