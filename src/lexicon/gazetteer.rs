//! The gazetteer matcher's context cues ([`GazetteerCues`]), from
//! `gazetteers/gazetteer_words.tsv`: the words around a name that is also a
//! common word which license it there.

use super::lists::word_lists;

word_lists! {
    /// The words around an ambiguous name that license it.
    pub(crate) struct GazetteerCues from "gazetteer_words.tsv" {
        /// Right before a place ("in Reading", "visited Nice").
        place_before,
        /// Right before a body named by a common word ("the Shell").
        organization_before,
        /// Right after it ("Apple said", "Shell shares").
        organization_after,
    }
}
