use super::{select, xorshift, Priority, Span};
use crate::record::EntityType;

/// The selection as first written: every span in one global order
/// (longest, priority, leftmost, first proposed), taken when none of
/// its bytes is.
fn select_by_global_order(spans: &[Span]) -> Vec<(usize, usize, u32)> {
    let mut order: Vec<usize> = (0..spans.len())
        .filter(|&k| spans[k].start < spans[k].end)
        .collect();
    order.sort_by_key(|&k| {
        let s = &spans[k];
        (std::cmp::Reverse(s.end - s.start), s.priority, s.start, k)
    });
    let bytes = spans.iter().map(|s| s.end).max().unwrap_or(0);
    let mut taken = vec![false; bytes];
    let mut keep = Vec::new();
    for k in order {
        let s = &spans[k];
        if taken[s.start..s.end].contains(&true) {
            continue;
        }
        taken[s.start..s.end].fill(true);
        if s.kind.is_some() {
            keep.push((s.start, s.end, s.entry.unwrap()));
        }
    }
    keep.sort_unstable();
    keep
}

/// Choosing within clusters of overlapping spans picks what one global
/// order picks, over random proposals (empty spans, blocks, ties and
/// offsets across 64-byte words included).
#[test]
fn clusters_choose_as_one_global_order() {
    let mut next = xorshift(0x2545_f491_4f6c_dd1d_u64);
    for _ in 0..2000 {
        let count = 1 + next(40);
        let room = 1 + next(300);
        // (Half the lists are the thread's reused proposal list.)
        let mut spans = if next(2) == 0 {
            super::proposal_list(count)
        } else {
            Vec::new()
        };
        spans.extend((0..count).map(|k| {
            let start = next(room);
            let end = start + next(12);
            let kind = (next(4) > 0).then_some(EntityType::Person);
            let priority = [
                Priority::Defined,
                Priority::Listed,
                Priority::Rule,
                Priority::Descriptor,
            ][next(4)];
            let mut s = Span::from_rule(start, end, kind, "rule:test");
            s.priority = priority;
            s.entry = Some(k as u32);
            s
        }));
        let want = select_by_global_order(&spans);
        let got: Vec<(usize, usize, u32)> = select(spans)
            .into_iter()
            .map(|s| (s.start, s.end, s.entry.unwrap()))
            .collect();
        assert_eq!(got, want);
    }
}

/// The selection hands its proposal list back for the thread's next
/// article: no allocation per article for the list once it is grown.
#[test]
fn proposal_list_is_reused() {
    let mut spans = super::proposal_list(500);
    spans.extend((0..500).map(|k| Span::from_rule(2 * k, 2 * k + 1, None, "rule:test")));
    let buffer = spans.as_ptr();
    let _ = select(spans);
    let again = super::proposal_list(400);
    assert!(again.is_empty());
    assert_eq!(again.as_ptr(), buffer);
    // (A much smaller article after a large one gets a list of its own.)
    let mut large = super::proposal_list(20_000);
    large.push(Span::from_rule(0, 1, None, "rule:test"));
    let _ = select(large);
    assert!(super::proposal_list(10).capacity() < 20_000);
}
