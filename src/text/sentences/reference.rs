//! The sentence splitting the fast one must equal: `unicode-segmentation`'s
//! sentence pieces over the whole text, trimmed, glued after abbreviations,
//! long ones cut (the implementation before sentences were read from the
//! tokens, kept as the differential tests' reference).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::cut_long_sentence;
use super::MAX_SENTENCE_BYTES;
use crate::lexicon::WordList;

pub(super) fn split_sentences(text: &str, abbreviations: &WordList) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut glue_next = false;
    for (start, piece) in text.split_sentence_bound_indices() {
        let trimmed_start = start + (piece.len() - piece.trim_start().len());
        let trimmed_end = start + piece.trim_end().len();
        if trimmed_start >= trimmed_end {
            continue;
        }
        let span = trimmed_start..trimmed_end;
        let crosses_line = piece.trim_end_matches([' ', '\t']).ends_with('\n')
            || text[out.last().map_or(0, |r| r.end)..trimmed_start].contains('\n');
        match out.last_mut() {
            Some(last) if glue_next && !crosses_line => last.end = span.end,
            _ => out.push(span.clone()),
        }
        glue_next = ends_with_abbreviation(&text[span], abbreviations);
    }
    if out.iter().any(|s| s.len() > MAX_SENTENCE_BYTES) {
        out = out
            .into_iter()
            .flat_map(|s| cut_long_sentence(text, s))
            .collect();
    }
    out
}

fn ends_with_abbreviation(sentence: &str, abbreviations: &WordList) -> bool {
    let Some(body) = sentence.strip_suffix('.') else {
        return false;
    };
    let word_start = body
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(body.len(), |(i, _)| i);
    let word = &body[word_start..];
    if word.is_empty() {
        return false;
    }
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    let lower = word.to_lowercase();
    abbreviations.iter().any(|a| a == lower)
}
