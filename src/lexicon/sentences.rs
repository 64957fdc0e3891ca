//! Sentence splitting's lists ([`SentenceWords`]), from
//! `gazetteers/sentence_words.tsv`.

use super::lists::word_lists;

word_lists! {
    /// Sentence splitting's lists.
    pub(crate) struct SentenceWords from "sentence_words.tsv" {
        /// Words after which a full stop does not end a sentence ("mr", "u.s").
        abbreviations,
    }
}
