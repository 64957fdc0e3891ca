//! The gazetteer's word lists ([`GazetteerCues`]), from
//! `gazetteers/gazetteer_words.tsv`: the words around a name that is also a
//! common word which license it there (the matcher's context cues), and the
//! corporate suffixes the key resolver strips and the region words it reads.

use super::lists::word_lists;

word_lists! {
    /// The words around an ambiguous name that license it, and the key
    /// resolver's lists.
    pub(crate) struct GazetteerCues from "gazetteer_words.tsv" {
        /// Right before a place ("in Reading", "visited Nice").
        place_before,
        /// Right before a body named by a common word ("the Shell").
        organization_before,
        /// Right after it ("Apple said", "Shell shares").
        organization_after,
        /// Folded words that end a company's name without changing what it
        /// names ("corp", "plc"), for the key resolver.
        corporate_suffixes,
        /// Before "of" and a name, a region ("the state of").
        region_before,
        /// Right after a name, a region ("Kaluga oblast").
        region_after,
    }
}
