//! The tokenizer as it was before the byte-class table (session 7), kept
//! as the oracle of the differential tests: the same tokens, cases, glue,
//! line starts and marks of characters that need the Unicode sentence
//! rules, for any text. The case flags added since (all ASCII, a capital
//! after the first character) are read here off each token's characters.

use super::{char_at, char_class, run_end, Case, Token, TokenKind};
use crate::text::sentences::needs_unicode_rules;

/// What the old tokenizer made of `text`: tokens, Unicode-rule offsets,
/// line starts.
pub(super) fn tokenize(text: &str) -> (Vec<Token>, Vec<usize>, Vec<usize>) {
    let (mut toks, mut unicode_marks, mut line_starts) = (Vec::new(), Vec::new(), vec![0]);
    let bytes = text.as_bytes();
    let mut glued = false;
    let mut line_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let b = bytes[i];
        let mut case = Case::default();
        let kind = if b.is_ascii() {
            i += 1;
            match b {
                b'a'..=b'z' | b'A'..=b'Z' => {
                    i = ascii_letters_end(bytes, start, &mut case);
                    if i < bytes.len() && !bytes[i].is_ascii() {
                        i = run_end(text, i, TokenKind::Letters, &mut case, &mut unicode_marks);
                    }
                    TokenKind::Letters
                }
                b'0'..=b'9' => {
                    while i < bytes.len() && bytes[i].is_ascii_digit() {
                        i += 1;
                    }
                    TokenKind::Digits
                }
                b'\n' => {
                    line_starts.push(i);
                    glued = false;
                    line_start = true;
                    continue;
                }
                b'\r' => {
                    if bytes.get(i) != Some(&b'\n') {
                        unicode_marks.push(start);
                    }
                    glued = false;
                    continue;
                }
                b'\t' | 0x0b | 0x0c | b' ' => {
                    glued = false;
                    continue;
                }
                _ => TokenKind::Punct,
            }
        } else {
            let c = char_at(text, i);
            i += c.len_utf8();
            if needs_unicode_rules(c) {
                unicode_marks.push(start);
            }
            let Some(kind) = char_class(c) else {
                glued = false;
                continue;
            };
            case.push(c, true);
            if matches!(kind, TokenKind::Letters | TokenKind::Marks) {
                i = run_end(text, i, kind, &mut case, &mut unicode_marks);
            }
            kind
        };
        toks.push(Token {
            start,
            end: i,
            sentence: 0,
            kind,
            case: with_bits_of_text(case, &text[start..i]),
            glued,
            line_start,
            marks: 0,
        });
        glued = true;
        line_start = false;
    }
    (toks, unicode_marks, line_starts)
}

/// `case`, the old tokenizer's case flags (a capital first, lower case
/// first, any lower case), with the two it did not have read off the
/// token's characters `token` by their definitions: all ASCII, a capital
/// after the first character.
fn with_bits_of_text(case: Case, token: &str) -> Case {
    let old = case.0 & (Case::FIRST_UPPER | Case::FIRST_LOWER | Case::ANY_LOWER);
    let ascii = if token.is_ascii() { Case::ASCII } else { 0 };
    let later_upper = if token.chars().skip(1).any(char::is_uppercase) {
        Case::LATER_UPPER
    } else {
        0
    };
    Case(old | ascii | later_upper)
}

/// The end of the run of ASCII letters that starts at `start`, read eight
/// bytes at a time while they are ASCII; adds them to `case`.
fn ascii_letters_end(bytes: &[u8], start: usize, case: &mut Case) -> usize {
    case.push_ascii(bytes[start], true);
    let mut i = start + 1;
    let mut lower_bits = 0;
    while let Some(eight) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        let Some(n) = letters_in(word) else {
            break;
        };
        if n < 8 {
            lower_bits |= word & ((1 << (8 * n)) - 1);
            i += n as usize;
            return with_case(i, lower_bits, case);
        }
        lower_bits |= word;
        i += 8;
    }
    while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
        lower_bits |= u64::from(bytes[i]);
        i += 1;
    }
    with_case(i, lower_bits, case)
}

fn with_case(end: usize, lower_bits: u64, case: &mut Case) -> usize {
    if lower_bits & (ONES * 0x20) != 0 {
        case.push_ascii(b'a', false);
    }
    end
}

const ONES: u64 = u64::MAX / 0xff;

/// How many of the eight bytes of `word` are ASCII letters before the
/// first that is not, or `None` when a byte lies outside ASCII.
fn letters_in(word: u64) -> Option<u32> {
    let high = ONES * 0x80;
    if word & high != 0 {
        return None;
    }
    let lower = word | (ONES * 0x20);
    let from_a = lower + ONES * u64::from(0x80 - b'a');
    let past_z = lower + ONES * u64::from(0x80 - b'z' - 1);
    let not_letter = !(from_a & !past_z) & high;
    Some(not_letter.trailing_zeros() / 8)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// The new tokenizer's output, with the old one's shape.
    fn new(text: &str) -> (Vec<Token>, Vec<usize>, Vec<usize>) {
        let (mut toks, mut marks, mut lines, mut stops) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        super::super::tokenize(text, &mut toks, &mut marks, &mut lines, &mut stops);
        // The stops are the tokens that start a line or are a terminator.
        let bytes = text.as_bytes();
        let want: Vec<usize> = (0..toks.len())
            .filter(|&k| {
                let t = &toks[k];
                t.line_start
                    || t.kind == TokenKind::Punct && matches!(bytes[t.start], b'.' | b'!' | b'?')
            })
            .collect();
        assert_eq!(stops, want, "{text:?}");
        (toks, marks, lines)
    }

    use super::*;

    /// Tokens as comparable tuples.
    fn facts(toks: &[Token]) -> Vec<(usize, usize, TokenKind, Case, bool, bool)> {
        toks.iter()
            .map(|t| (t.start, t.end, t.kind, t.case, t.glued, t.line_start))
            .collect()
    }

    fn same(text: &str) -> Result<(), TestCaseError> {
        let (old, old_marks, old_lines) = tokenize(text);
        let (toks, marks, lines) = new(text);
        prop_assert_eq!(facts(&toks), facts(&old), "{:?}", text);
        prop_assert_eq!(marks, old_marks, "{:?}", text);
        prop_assert_eq!(lines, old_lines, "{:?}", text);
        Ok(())
    }

    #[test]
    fn same_on_the_test_corpus() {
        for text in crate::text::test_corpus::texts() {
            same(&text).unwrap();
        }
    }

    #[test]
    fn same_on_runs_at_every_length() {
        // Letter runs of every length up to 20 before each kind of byte,
        // at the end of the text and eight bytes from it.
        for n in 1..20 {
            for after in ["", " ", "é", "1", ".", "\n", "\r", "“", "Ⓐ", "aé", "\u{a0}"] {
                for word in ["a", "A", "ab", "Ab", "AB", "aB", "abcdefghiJ", "aBcdefghij"] {
                    let run: String = word.repeat(n);
                    same(&format!("{run}{after}")).unwrap();
                    same(&format!("x {run}{after} tail of text")).unwrap();
                    same(&format!("{run}{after}12345678")).unwrap();
                }
            }
        }
    }

    /// The case flags of runs of every length up to 40 letters with a
    /// capital at each place (the run is read eight bytes at a time: the
    /// capital falls in the first, second or a later eight), or none.
    #[test]
    fn same_with_a_capital_anywhere_in_a_run() {
        for n in 1..=40 {
            for capital in 0..=n {
                let run: String = (0..n)
                    .map(|k| if k == capital { 'Q' } else { 'q' })
                    .collect();
                for after in ["", " x", "é", ".", "Ⓐ"] {
                    same(&format!("{run}{after}")).unwrap();
                    same(&format!("a {run}{after} and more text after it")).unwrap();
                }
            }
        }
    }

    /// The eight-byte test of letters agrees with the byte test on every
    /// ASCII byte in every position.
    #[test]
    fn letters_eight_at_a_time() {
        for b in 0..0x80u8 {
            for at in 0..8 {
                let mut word = *b"abcdefgh";
                word[at] = b;
                let want = word.iter().take_while(|c| c.is_ascii_alphabetic()).count();
                assert_eq!(letters_in(u64::from_le_bytes(word)), Some(want as u32));
            }
        }
        assert_eq!(letters_in(u64::from_le_bytes(*b"ab\xc3\xa9cdef")), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4_000))]

        #[test]
        fn same_on_any_text(text in "\\PC{0,80}") {
            same(&text)?;
        }

        #[test]
        fn same_on_news_like_text(parts in proptest::collection::vec(
            prop_oneof![
                "[a-zA-Z]{1,12}", "[a-z]{1,12}", "[0-9]{1,5}", "[ \t\r\n]{1,3}", "[.,;:'\"()!?\\-]",
                "[éÉßĳǅ“”‘’«»–—\u{a0}£€°×÷…•\u{2029}\u{300}\u{ff9e}½Ⅻ١ⒶАя日本]",
            ],
            0..40,
        )) {
            same(&parts.concat())?;
        }
    }
}
