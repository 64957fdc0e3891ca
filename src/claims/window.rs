//! The sentence window: the stretch of a claim's sentence kept in its
//! record.

use std::ops::Range;

/// Longest stretch of a claim's sentence kept in its record, in bytes. A
/// record holds one sentence per claim, so without a cap a text dense with
/// figures would make records grow with claims × sentence length.
const MAX_SENTENCE_CONTEXT: usize = 1024;

/// The claim's sentence, or a window of it around the claim when the
/// sentence is longer than [`MAX_SENTENCE_CONTEXT`] (cut on char boundaries).
pub(super) fn sentence_window(text: &str, sentence: Range<usize>, claim: Range<usize>) -> &str {
    let Some(full) = text.get(sentence.clone()) else {
        return "";
    };
    if full.len() <= MAX_SENTENCE_CONTEXT {
        return full;
    }
    let mid = (claim.start + claim.end) / 2;
    let mut lo = mid
        .saturating_sub(MAX_SENTENCE_CONTEXT / 2)
        .max(sentence.start);
    let mut hi = (lo + MAX_SENTENCE_CONTEXT).min(sentence.end);
    lo = hi.saturating_sub(MAX_SENTENCE_CONTEXT).max(sentence.start);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    &text[lo..hi]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_sentences_are_windowed_around_the_claim() {
        let text = format!(
            "{}$5 million{}",
            "é word ".repeat(400),
            " ü tail".repeat(400)
        );
        let claim = text.find("$5").unwrap()..text.find(" million").unwrap() + 8;
        let got = sentence_window(&text, 0..text.len(), claim);
        assert!(got.len() <= MAX_SENTENCE_CONTEXT, "{}", got.len());
        assert!(got.contains("$5 million"));
        let short = "They paid $5 million.";
        assert_eq!(sentence_window(short, 0..short.len(), 10..20), short);
    }
}
