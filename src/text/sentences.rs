//! Sentence splitting: Unicode sentence boundaries (`sentence_breaks`), glued back together
//! after abbreviations and initials, with endless sentences cut to a bound.

use std::ops::Range;

use super::sentence_breaks::sentence_bound_indices;

/// Abbreviations after which a full stop does not end a sentence.
///
/// Kept lower-case without the final dot; compared against the word that
/// precedes the dot.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "reps", "gov", "gen", "col", "lt", "capt",
    "sgt", "st", "no", "nos", "vs", "etc", "inc", "ltd", "corp", "co", "jr", "sr", "mt", "ft",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s",
    "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "approx", "est", "fig", "rev", "hon", "pres",
];

/// Split into sentences: Unicode sentence boundaries (UAX #29), then glue
/// back pieces that only ended at an abbreviation's full stop.
pub(crate) fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut glue_next = false;
    sentence_bound_indices(text, |start, piece| {
        let trimmed_start = start + (piece.len() - piece.trim_start().len());
        let trimmed_end = start + piece.trim_end().len();
        if trimmed_start >= trimmed_end {
            return;
        }
        let span = trimmed_start..trimmed_end;
        let crosses_line = piece.trim_end_matches([' ', '\t']).ends_with('\n')
            || text[out.last().map_or(0, |r| r.end)..trimmed_start].contains('\n');
        match out.last_mut() {
            Some(last) if glue_next && !crosses_line => last.end = span.end,
            _ => out.push(span.clone()),
        }
        glue_next = ends_with_abbreviation(&text[span]);
    });
    if out.iter().any(|s| s.len() > MAX_SENTENCE_BYTES) {
        out = out
            .into_iter()
            .flat_map(|s| cut_long_sentence(text, s))
            .collect();
    }
    out
}

/// Sentences longer than this are cut, at a space where one is near. No
/// real sentence comes close (the longest paragraph of the dev corpus is
/// 1.6 KB), but later stages look at whole sentences and records copy them,
/// so one unbounded sentence (a page without full stops) would cost time and
/// memory quadratic in its length.
pub(crate) const MAX_SENTENCE_BYTES: usize = 4096;

/// Cut `span` into pieces of at most [`MAX_SENTENCE_BYTES`], each trimmed.
fn cut_long_sentence(text: &str, span: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        // The last space in the window's second half, else the limit itself
        // (a huge token is cut mid-word).
        let cut = text[start..limit]
            .rfind(char::is_whitespace)
            .filter(|&i| i > MAX_SENTENCE_BYTES / 2)
            .map_or(limit, |i| start + i);
        out.push(start..start + text[start..cut].trim_end().len());
        let rest = &text[cut..span.end];
        start = cut + (rest.len() - rest.trim_start().len());
    }
    if start < span.end {
        out.push(start..span.end);
    }
    out
}

fn ends_with_abbreviation(sentence: &str) -> bool {
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
    // Single capital initials ("J. Smith") also continue the sentence.
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Mr. Smith met Dr. Jones on Jan. 5. They talked."),
            vec!["Mr. Smith met Dr. Jones on Jan. 5.", "They talked."]
        );
        assert_eq!(
            sentences("The U.S. Senate voted. It passed."),
            vec!["The U.S. Senate voted.", "It passed."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("“We will act.” Then he left."),
            vec!["“We will act.”", "Then he left."]
        );
    }

    #[test]
    fn endless_sentences_are_cut() {
        let text = "word ".repeat(3_000) + &"x".repeat(10_000) + " é" + &"é".repeat(5_000);
        let spans = split_sentences(&text);
        assert!(spans.len() > 3);
        let mut prev_end = 0;
        for s in &spans {
            assert!(s.len() <= MAX_SENTENCE_BYTES, "{s:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            let piece = &text[s.clone()];
            assert_eq!(piece.trim(), piece);
            assert!(!piece.is_empty() && s.start >= prev_end);
            // Nothing but whitespace is dropped between pieces.
            assert!(text[prev_end..s.start].trim().is_empty());
            prev_end = s.end;
        }
        assert_eq!(prev_end, text.len());
        // Cuts prefer spaces: the word run is cut between words.
        assert!(text[spans[0].clone()].ends_with("word"));
    }

    #[test]
    fn paragraphs_always_break() {
        assert_eq!(
            sentences("Title here\n\nBody text."),
            vec!["Title here", "Body text."]
        );
    }
}
