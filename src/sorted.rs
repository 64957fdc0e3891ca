//! Searches of sorted slices that start from where the last search ended.
//!
//! Many rules ask "where does position `p` fall among the tokens (or spans)
//! of the article" for positions that come in text order. A binary search
//! over the whole article does that in `log n` steps, but on a long article
//! its last steps touch memory far apart and miss the cache every time (one
//! 10 MB article ran ≈ 40% slower per byte than 100 KB ones, with the same
//! instruction count; see docs/PERFORMANCE.md, "mem8"). Searching outward
//! from the previous answer (galloping) touches only the neighbourhood of the
//! answer when the positions are close, and is never worse than twice a
//! binary search when they are not.

#[cfg(test)]
thread_local! {
    /// The elements [`partition_point_from`] has read on this thread: the
    /// count tests' step counter.
    pub(crate) static READS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// [`slice::partition_point`] of `v` for `pred`, found by searching outward
/// from `hint` (any index; typically the previous answer).
///
/// `pred` must be true for a prefix of `v` and false for the rest, as for
/// `partition_point`; the result is then the same.
pub(crate) fn partition_point_from<T>(v: &[T], hint: usize, pred: impl Fn(&T) -> bool) -> usize {
    #[cfg(test)]
    let pred = |e: &T| {
        READS.with(|r| r.set(r.get() + 1));
        pred(e)
    };
    let hint = hint.min(v.len());
    if hint < v.len() && pred(&v[hint]) {
        // The answer is after `hint`: double the step until `pred` fails.
        let (mut lo, mut step) = (hint + 1, 1);
        while lo + step <= v.len() && pred(&v[lo + step - 1]) {
            lo += step;
            step *= 2;
        }
        let hi = (lo + step).min(v.len());
        lo + v[lo..hi].partition_point(pred)
    } else {
        // The answer is at or before `hint`: double the step backwards.
        let (mut hi, mut step) = (hint, 1);
        while hi >= step && !pred(&v[hi - step]) {
            hi -= step;
            step *= 2;
        }
        let lo = hi.saturating_sub(step);
        lo + v[lo..hi].partition_point(pred)
    }
}

#[cfg(test)]
mod tests {
    use super::partition_point_from;

    #[test]
    fn every_hint_finds_what_partition_point_finds() {
        for len in 0..40usize {
            let v: Vec<usize> = (0..len).map(|i| i * 3).collect();
            for x in 0..len * 3 + 2 {
                let want = v.partition_point(|&e| e < x);
                for hint in 0..len + 3 {
                    assert_eq!(
                        partition_point_from(&v, hint, |&e| e < x),
                        want,
                        "len {len}, x {x}, hint {hint}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_near_answer_reads_few_elements() {
        use std::cell::Cell;
        let v: Vec<usize> = (0..1_000_000).collect();
        let reads = Cell::new(0);
        let found = partition_point_from(&v, 500_000, |&e| {
            reads.set(reads.get() + 1);
            e < 500_003
        });
        assert_eq!(found, 500_003);
        // A binary search over the whole slice reads 20.
        assert!(reads.get() <= 6, "{} reads", reads.get());
    }
}
