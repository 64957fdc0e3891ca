use super::*;
use crate::gazetteer::Gazetteer;
use crate::text::Doc;

/// The cursor answers as [`Chosen::at`] does for spans in order (apart,
/// overlapping, empty), tokens asked in order with repeats and gaps;
/// and spans and extra spans come out in the order a stable sort gives.
#[test]
fn cursor_answers_as_the_cover_lists_and_merge_as_a_stable_sort() {
    let text = super::super::spans::sample_text();
    let doc = Doc::new(&text, false);
    let lex = &crate::lexicon::Lexicon::embedded().names;
    let words = Words::new(&doc, Gazetteer::embedded(), lex, &[]);
    let mut next = super::super::spans::xorshift(0x2545_f491_4f6c_dd1d);
    let n = words.toks.len();
    for round in 0..600 {
        let mut spans = super::super::spans::random_spans(&mut next, text.len());
        spans.sort_by_key(|s| s.start);
        let mut reach = 0;
        for s in &mut spans {
            if round % 2 == 0 {
                s.end = s.end.max(reach);
            }
            reach = reach.max(s.end);
        }
        if !in_order(&spans) {
            continue;
        }
        let cover = Chosen::new(&words, &spans);
        let mut cursor = Cursor::new(&words, &spans);
        let mut k = 0;
        while k < n {
            assert_eq!(
                cursor.covered(k),
                !cover.at(k).is_empty(),
                "round {round}, token {k}"
            );
            k += [0, 1, 1, 2, 5][next(5)];
        }
        drop(cover);
        // Merged with extra spans as a stable sort orders them.
        let extra: Vec<Span> = (0..next(6))
            .map(|e| {
                let start = next(text.len());
                let mut s = Span::from_rule(start, start + next(9), None, "rule:extra");
                // (Some with the bounds of a chosen span.)
                if !spans.is_empty() && next(3) == 0 {
                    let same = &spans[next(spans.len())];
                    (s.start, s.end) = (same.start, same.end);
                }
                s.entry = Some(e as u32);
                s
            })
            .collect();
        let mut want = spans.clone();
        want.extend(extra.iter().cloned());
        want.sort_by_key(|s| (s.start, s.end));
        let got = add_in_order(spans, extra);
        let key = |v: &[Span]| {
            v.iter()
                .map(|s| (s.start, s.end, s.entry))
                .collect::<Vec<_>>()
        };
        assert_eq!(key(&got), key(&want));
    }
}
