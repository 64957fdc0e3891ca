//! Text: the article text as the later stages see it.
//!
//! [`Doc`] holds the text, a case-folded copy with the *same byte offsets*
//! (so a match in the folded text is a match in the original, no offset map
//! needed), the sentence spans, the headline span, and the base tokens
//! every stage reads its words from. It is built with the
//! [`Lexicon`]: each token carries its lexicon
//! marks, the lists it is on, looked up once here for every stage.
//!
//! - `tokens`: the one tokenizer: base tokens with their facts computed once
//!   ([`Token`]: kind, case, glue, line start, sentence, lexicon marks).
//! - `token_marks`: each token's lexicon marks, with a memo of the short
//!   words the article has already looked up.
//! - `case_fold`: lower-casing that keeps every byte offset ([`fold_case`]).
//! - `sentences`: sentence splitting from the tokens: UAX #29 boundaries
//!   run only at terminators (whole lines by `unicode-segmentation` where a
//!   character needs it), glued after abbreviations.
//! - `words`: the word before or after an offset (read off the base
//!   tokens), word boundaries.
//! - `capitals`: the capitals test, where capitals say nothing about names
//!   (lines in Title Case or ALL CAPS, [`is_title_or_caps`]).

use std::cell::Cell;
use std::ops::Range;

use crate::lexicon::{Lexicon, WordMarks};
use sentences::SplitInput;

mod capitals;
mod case_fold;
mod sentences;
#[cfg(test)]
pub(crate) mod test_corpus;
mod token_marks;
mod tokens;
mod words;

pub(crate) use capitals::is_title_or_caps;
pub(crate) use case_fold::fold_case;
pub(crate) use tokens::{first_char, is_punct, Token, TokenKind};
pub(crate) use words::{is_word_char, on_word_boundaries};

/// The text of one article prepared for extraction.
#[derive(Debug)]
pub(crate) struct Doc<'a> {
    /// The original text; all offsets point into it.
    pub text: &'a str,
    /// Lower-cased copy with identical byte offsets.
    pub folded: String,
    /// Sentence spans, trimmed, in order.
    pub sentences: Vec<Range<usize>>,
    /// The base tokens, in order (see [`Token`]): every stage's words are
    /// joins of these. Each carries its lexicon marks.
    pub tokens: Vec<Token>,
    /// The lexicon's word marks the tokens were marked with, for the
    /// stages' words that join several tokens ("al-Qaeda").
    pub word_marks: &'a WordMarks,
    /// The span of the title (first paragraph) when the article has one.
    pub headline: Option<Range<usize>>,
    /// Byte offset where each line starts.
    line_starts: Vec<usize>,
    /// The capitals test of each line, computed on demand.
    line_capitals: Vec<capitals::LineCapitals>,
    /// The line [`Doc::line_index`] found last.
    last_line: Cell<usize>,
    /// Where [`Doc::line_tokens`]'s last line began among the base tokens.
    line_token_hint: Cell<usize>,
    /// Where [`Doc::word_before`] or [`Doc::word_after`] last found its
    /// token: the callers mostly ask in text order.
    word_token_hint: Cell<usize>,
    /// Buffers only the construction uses, kept for the next article.
    spare: Spare,
}

/// The buffers of a [`Doc`], which a thread keeps from one article to the
/// next so that preparing an article allocates none of them anew.
#[derive(Debug, Default)]
pub(crate) struct DocBuffers {
    folded: String,
    sentences: Vec<Range<usize>>,
    tokens: Vec<Token>,
    line_starts: Vec<usize>,
    line_capitals: Vec<capitals::LineCapitals>,
    spare: Spare,
}

/// The construction's own buffers.
#[derive(Debug, Default)]
struct Spare {
    unicode_marks: Vec<usize>,
    /// The tokens sentence splitting visits (see `tokens::tokenize`).
    stops: Vec<usize>,
    breaks: Vec<usize>,
    mark_memo: token_marks::MarkMemo,
}

impl<'a> Doc<'a> {
    /// Prepare `text`; `has_title` says whether its first paragraph is a
    /// title. Reads the embedded lexicon.
    #[cfg(test)]
    pub fn new(text: &'a str, has_title: bool) -> Doc<'a> {
        let lexicon = Lexicon::embedded();
        Doc::with_buffers(text, has_title, lexicon, DocBuffers::default())
    }

    /// `Doc::new` (test-only) in the buffers of an earlier article, with
    /// the given lexicon: its abbreviations (after which a full stop does
    /// not end a sentence) and its word marks (each token's lists).
    // Out of line, so that a profile shows the text layer as one function
    // (`scripts/bench/stages.sh`).
    #[inline(never)]
    pub fn with_buffers(
        text: &'a str,
        has_title: bool,
        lexicon: &'a Lexicon,
        buffers: DocBuffers,
    ) -> Doc<'a> {
        let DocBuffers {
            mut folded,
            mut sentences,
            mut tokens,
            mut line_starts,
            mut line_capitals,
            mut spare,
        } = buffers;
        case_fold::fold_case_into(text, &mut folded);
        let word_marks = &lexicon.marks;
        tokens::tokenize(
            text,
            &mut tokens,
            &mut spare.unicode_marks,
            &mut line_starts,
            &mut spare.stops,
        );
        // In a loop of its own: the tokenizer's loop is tighter without it.
        token_marks::mark_tokens(&mut tokens, text, &folded, word_marks, &mut spare.mark_memo);
        let input = SplitInput {
            tokens: &tokens,
            stops: &spare.stops,
            unicode_marks: &spare.unicode_marks,
            abbreviations: &lexicon.sentences.abbreviations,
            folded: &folded,
        };
        sentences::split_sentences(text, &input, &mut sentences, &mut spare.breaks);
        tokens::assign_sentences(&mut tokens, &sentences);
        let headline = if has_title {
            let end = text.find("\n\n").unwrap_or(text.len());
            Some(0..end)
        } else {
            None
        };
        line_capitals.clear();
        line_capitals.resize(line_starts.len(), capitals::LineCapitals::default());
        Doc {
            text,
            folded,
            sentences,
            tokens,
            word_marks,
            headline,
            line_starts,
            line_capitals,
            last_line: Cell::new(0),
            line_token_hint: Cell::new(0),
            word_token_hint: Cell::new(0),
            spare,
        }
    }

    /// The buffers, for the next article.
    pub fn into_buffers(self) -> DocBuffers {
        DocBuffers {
            folded: self.folded,
            sentences: self.sentences,
            tokens: self.tokens,
            line_starts: self.line_starts,
            line_capitals: self.line_capitals,
            spare: self.spare,
        }
    }

    /// The index of the sentence holding byte `offset` (the nearest one before
    /// it when the offset falls between sentences).
    pub fn sentence_index(&self, offset: usize) -> usize {
        match self.sentences.binary_search_by(|s| {
            if s.end <= offset {
                std::cmp::Ordering::Less
            } else if s.start > offset {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        }) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The span of the sentence holding byte `offset`.
    pub fn sentence_span(&self, offset: usize) -> Range<usize> {
        self.sentences
            .get(self.sentence_index(offset))
            .cloned()
            .unwrap_or(0..self.text.len())
    }

    /// True when `offset` is the first word of its sentence (ignoring
    /// opening quotes and brackets).
    pub fn is_sentence_initial(&self, offset: usize) -> bool {
        let span = self.sentence_span(offset);
        if offset < span.start {
            return true;
        }
        // Walk back only to the nearest word character.
        !self.text[span.start..offset]
            .chars()
            .rev()
            .any(char::is_alphanumeric)
    }

    /// The index of the line holding `offset`. The callers ask about the
    /// offsets of a line one after the other: the last line found is tried
    /// first.
    fn line_index(&self, offset: usize) -> usize {
        let last = self.last_line.get();
        let starts = &self.line_starts;
        if starts.get(last).is_some_and(|&s| s <= offset)
            && starts.get(last + 1).map_or(true, |&next| offset < next)
        {
            return last;
        }
        let line = starts.partition_point(|&s| s <= offset).saturating_sub(1);
        self.last_line.set(line);
        line
    }

    /// The span of the line (paragraph) holding `offset`, without its newline.
    pub fn line_span(&self, offset: usize) -> Range<usize> {
        self.line_span_at(self.line_index(offset))
    }

    /// The span of line number `i`, without its newline.
    fn line_span_at(&self, i: usize) -> Range<usize> {
        let start = self.line_starts[i];
        let end = self
            .line_starts
            .get(i + 1)
            .map_or(self.text.len(), |&next| next - 1);
        start..end
    }

    /// The word (letters, digits, `'`, `’`, `-`, `.`) ending right before `offset`,
    /// skipping spaces.
    pub fn word_before(&self, offset: usize) -> Option<(usize, &'a str)> {
        words::word_before(self.text, &self.tokens, &self.word_token_hint, offset)
    }

    /// The word starting at or after `offset`, skipping spaces.
    pub fn word_after(&self, offset: usize) -> Option<(usize, &'a str)> {
        words::word_after(self.text, &self.tokens, &self.word_token_hint, offset)
    }
}
