//! Per-thread scratch: the buffers of the last article's [`Doc`], reused by
//! the next article extracted on the same thread, so that a stream of
//! articles does not allocate (and fault in) the big per-article vectors
//! again for each one, and threads do not meet in the allocator for them.

use std::cell::RefCell;

use crate::lexicon::Lexicon;
use crate::text::{Doc, DocBuffers};

/// Buffers grown for an article longer than this are dropped after it
/// rather than kept for the thread's lifetime (the token list alone is
/// several times the text).
const KEEP_UP_TO_BYTES: usize = 1 << 20;

thread_local! {
    static DOC_BUFFERS: RefCell<DocBuffers> = RefCell::new(DocBuffers::default());
}

/// Run `f` on the [`Doc`] of `text`, prepared with `lexicon` in this
/// thread's buffers.
pub(super) fn with_doc<R>(
    text: &str,
    has_title: bool,
    lexicon: &Lexicon,
    f: impl FnOnce(&Doc<'_>) -> R,
) -> R {
    let buffers = DOC_BUFFERS.with(|b| b.take());
    let doc = Doc::with_buffers(text, has_title, lexicon, buffers);
    let result = f(&doc);
    if text.len() <= KEEP_UP_TO_BYTES {
        let buffers = doc.into_buffers();
        DOC_BUFFERS.with(|b| *b.borrow_mut() = buffers);
    }
    result
}
