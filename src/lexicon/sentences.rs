//! Sentence splitting's lists ([`SentenceWords`]), from
//! `gazetteers/sentence_words.tsv`.

use super::lists::word_lists;
use super::{mark, WordMarks};

word_lists! {
    /// Sentence splitting's lists.
    pub(crate) struct SentenceWords from "sentence_words.tsv" {
        /// Words after which a full stop does not end a sentence ("mr", "u.s").
        abbreviations,
    }
}

impl SentenceWords {
    /// The number of words [`SentenceWords::mark_words`] marks.
    pub(super) fn marked_words(&self) -> usize {
        self.abbreviations.iter().count()
    }

    /// Mark the abbreviations ([`mark::ABBREVIATION`]), so that the
    /// splitter reads a token's bit instead of looking its word up.
    pub(super) fn mark_words(&self, marks: &mut WordMarks) {
        marks.mark(mark::ABBREVIATION, self.abbreviations.iter());
    }
}
