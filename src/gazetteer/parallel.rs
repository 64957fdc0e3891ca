//! The parts of building a large matcher that run on rayon's thread pool
//! with the `rayon` feature (on by default), and in turn without it. Small
//! gazetteers (a user's few rows) stay on the calling thread.
//!
//! `build.rs` compiles `compile` without rayon and gives it its own serial
//! copy of these functions.

use std::cmp::Ordering;

/// Below this many items the work stays on the calling thread. (Low in
/// the tests, so that their small gazetteers take the parallel path.)
#[cfg(feature = "rayon")]
pub(crate) const PARALLEL_MIN: usize = if cfg!(test) { 4 } else { 50_000 };

/// Sort `v` with `cmp`, which must be a total order (the result is then
/// the same as `sort_unstable_by`'s).
pub(crate) fn sort_unstable_by<T: Send>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering + Sync) {
    #[cfg(feature = "rayon")]
    if v.len() >= PARALLEL_MIN {
        use rayon::slice::ParallelSliceMut;
        return v.par_sort_unstable_by(cmp);
    }
    v.sort_unstable_by(cmp)
}

/// A copy of `items`.
pub(crate) fn to_vec<T: Clone + Send + Sync>(items: &[T]) -> Vec<T> {
    #[cfg(feature = "rayon")]
    if items.len() >= PARALLEL_MIN {
        use rayon::prelude::*;
        return items.par_iter().cloned().collect();
    }
    items.to_vec()
}
