use proptest::prelude::*;

use super::breaks::tests::{known_chars, CHARS_LOOKED_AHEAD};
use super::*;
use crate::lexicon::Lexicon;
use crate::text::tokens::tokenize;

fn split(text: &str) -> Vec<Range<usize>> {
    let (mut tokens, mut marks, mut stops) = (Vec::new(), Vec::new(), Vec::new());
    tokenize(text, &mut tokens, &mut marks, &mut Vec::new(), &mut stops);
    let folded = crate::text::fold_case(text);
    // The splitter reads the abbreviation mark of the word before a stop.
    let memo = &mut crate::text::token_marks::MarkMemo::default();
    let marks_table = &Lexicon::embedded().marks;
    crate::text::token_marks::mark_tokens(&mut tokens, text, &folded, marks_table, memo);
    let input = SplitInput {
        tokens: &tokens,
        stops: &stops,
        unicode_marks: &marks,
        abbreviations: &Lexicon::embedded().sentences.abbreviations,
        folded: &folded,
    };
    let mut out = Vec::new();
    split_sentences(text, &input, &mut out, &mut Vec::new());
    out
}

fn reference(text: &str) -> Vec<Range<usize>> {
    reference::split_sentences(text, &Lexicon::embedded().sentences.abbreviations)
}

fn sentences(text: &str) -> Vec<&str> {
    split(text).into_iter().map(|r| &text[r]).collect()
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
    let spans = split(&text);
    assert_eq!(spans, reference(&text));
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

#[test]
fn known_cases() {
    for text in [
        "",
        "a",
        " \n ",
        "Mr. Smith met Dr. Jones on Jan. 5. They talked.",
        "Mr. Smith\nwent home.\n",
        "“We will act.” Then he left.",
        "He said (\"no.\") and left.  Then?! Yes... ok. 3.5 is U.S. law.\r\nNext line\rcr. e.g. this",
        "Title here\n\nBody text.\n",
        "end.\n",
        "\n\n\n",
        "x.\u{2028}y. é. Z",
        "a?\u{ff9e}bc. Mr.\u{2028}\nSmith",
        "Sen.\r\nJones. Gen.\r Lee",
        "J. Smith. K. Jones\n \u{2029}\n",
    ] {
        assert_eq!(split(text), reference(text), "{text:?}");
    }
}

/// Every character the fast lines know, in many short contexts.
#[test]
fn every_known_character_in_context() {
    let probe = ['a', 'A', '1', '.', '?', ',', '"', ' ', '\n', '\r', '”', 'é'];
    for a in known_chars() {
        for &b in &probe {
            for &c in &probe {
                let text: String = ['x', a, b, c, 'y', a, '.', a, 'a', '.', ' ', a]
                    .iter()
                    .collect();
                assert_eq!(split(&text), reference(&text), "{text:?}");
            }
        }
    }
}

/// A run of spaces or quotes after a full stop asks SB8's look-ahead once,
/// not once per character (it was quadratic in the run's length).
#[test]
fn long_runs_after_a_full_stop_stay_linear() {
    for run in [" ", "\"", "” "] {
        let small = format!("a.{}1 b. C", run.repeat(300));
        assert_eq!(split(&small), reference(&small));
        let text = format!("a.{}1 b. C", run.repeat(100_000));
        CHARS_LOOKED_AHEAD.with(|n| n.set(0));
        split(&text);
        let read = CHARS_LOOKED_AHEAD.with(|n| n.get());
        assert!(
            read <= 2 * text.len(),
            "{read} characters read for {}",
            text.len()
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4_000))]

    #[test]
    fn same_as_unicode_segmentation(text in "[a-zA-Z0-9 .!?,;:'\"()\\-\t\r\n\u{0}-\u{7f}éÉßĳǅ“”‘’«»–—\u{a0}£€°×÷…•\u{2029}\u{300}\u{ff9e}]{0,80}") {
        prop_assert_eq!(split(&text), reference(&text));
    }

    #[test]
    fn same_on_sentence_like_text(parts in proptest::collection::vec(
        prop_oneof![
            Just("Mr."), Just(" "), Just("  "), Just("."), Just("?"), Just("!"),
            Just("\""), Just(")"), Just("word"), Just("Word"), Just("U.S."), Just("J."),
            Just("3."), Just("5"), Just(","), Just("\n"), Just("\r\n"), Just("\r"), Just("“"),
            Just("”"), Just("’"), Just("é"), Just("É"), Just("–"), Just("\u{a0}"),
            Just("jan."), Just("\u{2028}"), Just("…"), Just("\n\n"),
        ],
        0..40,
    )) {
        let text: String = parts.concat();
        prop_assert_eq!(split(&text), reference(&text));
    }

    /// Any characters (most lines then need the Unicode rules), mixed
    /// with line breaks, terminators and abbreviations.
    #[test]
    fn same_on_any_text(parts in proptest::collection::vec(
        prop_oneof![
            "\\PC{0,8}", "[a-zA-Z .]{0,8}", "\n|\r|\u{2029}|\\. |\\? |Mr\\. |J\\. ",
        ],
        0..12,
    )) {
        let text: String = parts.concat();
        prop_assert_eq!(split(&text), reference(&text));
    }
}

/// The table of word bytes before a full stop is the test it replaced.
#[test]
fn ascii_word_table_is_the_byte_test() {
    for b in 0..=u8::MAX {
        assert_eq!(
            IN_ASCII_WORD[usize::from(b)],
            b.is_ascii_alphanumeric() || b == b'.',
            "byte {b}"
        );
    }
}
