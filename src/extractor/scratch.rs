//! Per-thread scratch: the buffers of the last article's [`Doc`], reused by
//! the next article extracted on the same thread (and the record elements a
//! refilled record left spare, for the next record to grow into), so that a stream of
//! articles does not allocate (and fault in) the big per-article vectors
//! again for each one, and threads do not meet in the allocator for them.
//!
//! What a thread keeps is bounded by what it uses: the buffers of its last
//! article, whatever its size (a 10 MB article's token list is about 100 MB:
//! allocating it again for every such article faults every page in again,
//! which made one 10 MB article half as fast per byte as a 100 KB one). A
//! thread that moves on to much smaller articles gives the big buffers back
//! before its next article (see [`Kept::for_article`]).

use std::cell::RefCell;

use crate::lexicon::Lexicon;
use crate::record::Spares;
use crate::text::{Doc, DocBuffers};

/// Buffers grown for an article up to this size are always kept: they
/// are small, and every article reuses them.
const ALWAYS_KEEP_BYTES: usize = 1 << 20;

/// Buffers grown for a larger article are dropped before an article this
/// many times smaller, rather than held while the thread reads small ones.
const SHRINK_RATIO: usize = 4;

/// A thread's kept buffers, the size of the article they served, and the
/// record elements the records it refilled left spare.
#[derive(Default)]
struct Kept {
    buffers: DocBuffers,
    served: usize,
    spares: Spares,
}

impl Kept {
    /// The buffers to prepare an article of `len` bytes in: the kept ones,
    /// unless they were grown for an article over [`ALWAYS_KEEP_BYTES`]
    /// and more than [`SHRINK_RATIO`] times this one. (The spares are
    /// bounded by count: always kept.)
    fn for_article(self, len: usize) -> (DocBuffers, Spares) {
        if keeps(self.served, len) {
            (self.buffers, self.spares)
        } else {
            (DocBuffers::default(), self.spares)
        }
    }
}

/// Whether buffers that served an article of `served` bytes are reused for
/// one of `len` bytes.
fn keeps(served: usize, len: usize) -> bool {
    served <= ALWAYS_KEEP_BYTES || len.saturating_mul(SHRINK_RATIO) >= served
}

thread_local! {
    static KEPT: RefCell<Kept> = RefCell::new(Kept::default());
}

/// Run `f` on the [`Doc`] of `text`, prepared with `lexicon` in this
/// thread's buffers, and this thread's spare record elements.
pub(super) fn with_doc<R>(
    text: &str,
    has_title: bool,
    lexicon: &Lexicon,
    f: impl FnOnce(&Doc<'_>, &mut Spares) -> R,
) -> R {
    let (buffers, mut spares) = KEPT.with(|k| k.take()).for_article(text.len());
    let doc = Doc::with_buffers(text, has_title, lexicon, buffers);
    let result = f(&doc, &mut spares);
    let kept = Kept {
        buffers: doc.into_buffers(),
        served: text.len(),
        spares,
    };
    KEPT.with(|k| *k.borrow_mut() = kept);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_buffers_are_kept_for_articles_of_like_size_only() {
        let mib = 1 << 20;
        // Small buffers: always.
        assert!(keeps(mib, 10));
        assert!(keeps(0, 16 * mib));
        // Big ones: for an article at least a quarter of their size.
        assert!(keeps(10 * mib, 10 * mib));
        assert!(keeps(10 * mib, 3 * mib));
        assert!(!keeps(10 * mib, 2 * mib));
        assert!(!keeps(10 * mib, 100_000));
    }
}
