//! The capitals test: where a capital letter says nothing about names.
//!
//! Capitals say nothing in a headline style: the title, and lines written in
//! Title Case or ALL CAPS ([`is_title_or_caps`]: no lower-case letter, or at
//! least three words of four letters or more, 80% of them capitalised).
//! Every capitals test of the pipeline is one of the two readings here (the
//! claims stage also asks [`is_title_or_caps`] of a quoted passage, to tell a
//! title from a quote); no stage keeps its own.
//!
//! The two readings answer two questions. [`Doc::in_headline_case`]: *is
//! this offset in headline-style text?* (the title, or a Title Case or ALL
//! CAPS line, however it ends); the gazetteer's ambiguous entries and the
//! figure rules ask it before reading a capital as a name. [`Doc::capitals_mute`]:
//! *may the name rules read a capital here as a sign of a name?* (not in the
//! title or an ALL CAPS line; in a Title Case line only when it does not end
//! like a sentence). They differ because the Title Case count also catches
//! prose dense with names ("Thousands gathered in Liberation Square on
//! Friday.", a results paragraph): the name rules must still find those
//! names, so a sentence ending gives their capitals back, while the
//! gazetteer and the figures only withhold a reading there (an ambiguous
//! match, "a number after a capitalised word is part of a name") and keep the
//! wider test. Merging them, either way, changes the conll-dev output, so
//! both stay.
//!
//! A token's own case (capitalised, ALL CAPS…) is a fact of its base token
//! ([`super::tokens::Case`]).

use std::ops::Range;

use once_cell::unsync::OnceCell;
use unicode_segmentation::UnicodeSegmentation;

use super::case_fold::next_non_ascii;
use super::tokens::{Token, TokenKind};
use super::Doc;
use crate::sorted::partition_point_from;

/// The capitals test of one line, computed on first use: each reads the
/// whole line, and the rules ask about every word of it.
#[derive(Clone, Debug, Default)]
pub(super) struct LineCapitals {
    /// Written in a headline style ([`is_title_or_caps`]).
    headline: OnceCell<bool>,
    /// Capitals say nothing on this line outside the title
    /// ([`Doc::capitals_mute`]).
    mute: OnceCell<bool>,
}

impl Doc<'_> {
    /// True when `offset` lies in a headline or another line written in
    /// Title Case or ALL CAPS, where capitals say nothing about names.
    pub fn in_headline_case(&self, offset: usize) -> bool {
        if let Some(h) = &self.headline {
            if h.contains(&offset) {
                return true;
            }
        }
        let line = self.line_index(offset);
        *self.line_capitals[line]
            .headline
            .get_or_init(|| self.line_is_title_or_caps(line))
    }

    /// Capitals say nothing here: the title, an ALL-CAPS line, or a Title
    /// Case line that does not end like a sentence. (A short body sentence
    /// full of names, "Thousands gathered in Liberation Square on Friday.",
    /// is Title Case by count but ends with a full stop.)
    pub fn capitals_mute(&self, offset: usize) -> bool {
        if self.headline.as_ref().is_some_and(|h| h.contains(&offset)) {
            return true;
        }
        let line = self.line_index(offset);
        *self.line_capitals[line].mute.get_or_init(|| {
            let span = self.line_span_at(line);
            let text = self.text[span.clone()].trim_end();
            // Every lower-case character is alphabetic, so in a token: the
            // tokens' case facts say whether the line has one.
            let all_caps = !self.line_tokens(span).iter().any(|t| t.case.has_lower());
            // Decide on the cheap tests first: a body line ending like a
            // sentence is never mute, whatever its case, so the headline-case
            // test is only read for the rest.
            (all_caps || !text.ends_with(['.', '!', '?', '"', '”', ')', ':', ';', ',']))
                && self.in_headline_case(offset)
        })
    }

    /// The base tokens of the line spanning `span`.
    fn line_tokens(&self, span: Range<usize>) -> &[Token] {
        // Lines are mostly asked in text order: search from the last one.
        let first = partition_point_from(&self.tokens, self.line_token_hint.get(), |t| {
            t.start < span.start
        });
        self.line_token_hint.set(first);
        let rest = &self.tokens[first..];
        let n = partition_point_from(rest, 0, |t| t.start < span.end);
        #[cfg(test)]
        tests::LINE_TOKENS_READ.with(|c| c.set(c.get() + n));
        &rest[..n]
    }

    /// [`is_title_or_caps`] of line number `line`, read off its base tokens'
    /// case facts when every character of the line has a [`word_class`]
    /// (the words of such a line are joins of whole tokens).
    fn line_is_title_or_caps(&self, line: usize) -> bool {
        let span = self.line_span_at(line);
        let text = &self.text[span.clone()];
        if !all_known(text) {
            return title_or_caps(text.unicode_words());
        }
        title_or_caps_of_tokens(self.text, self.line_tokens(span))
    }
}

/// True when every character of `line` has a [`word_class`].
fn all_known(line: &str) -> bool {
    let bytes = line.as_bytes();
    let mut i = 0;
    while let Some(at) = next_non_ascii(bytes, i) {
        i = at;
        let c = line[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        if word_class(c).is_none() {
            return false;
        }
        i += c.len_utf8();
    }
    true
}

/// [`title_or_caps`] of the words that the base tokens `toks` (all the
/// tokens of one line of `text` whose characters all have a
/// [`word_class`]) make, as [`known_words`] cuts them: glued runs of
/// letters, digits and `_`, joined across one glued `MidLetter` or
/// `MidNumLet` between two letters or one `MidNum` or `MidNumLet` between
/// two digits. On such a line a token holds letters only, ASCII digits
/// only, or one other character.
///
/// The count stops as soon as the verdict is sure: at the first counted
/// word of a line without a lower-case letter (ALL CAPS), and when the
/// words not capitalised are more than a quarter of any total the rest of
/// the line could make (each further word starts at a token of its own).
fn title_or_caps_of_tokens(text: &str, toks: &[Token]) -> bool {
    let mut words = 0usize;
    let mut capitalised = 0usize;
    // Every lower-case letter is in a word.
    let has_lower = toks.iter().any(|t| t.case.has_lower());
    let mut k = 0;
    while k < toks.len() {
        let first = &toks[k];
        let Some((chars, j)) = word_at(text, toks, k) else {
            k += 1;
            continue;
        };
        // Short function words ("of", "in", "the") stay lower in Title Case.
        if chars >= 4 && first.kind == TokenKind::Letters {
            words += 1;
            if !has_lower {
                // ALL CAPS: one word is enough (`verdict`).
                return true;
            }
            if first.case.starts_upper() {
                capitalised += 1;
            } else if 4 * (words - capitalised) > capitalised + (toks.len() - j) {
                // Title Case needs four capitalised words for each other
                // one; even if every token left began a capitalised word,
                // there would be too few.
                return false;
            }
        }
        k = j;
    }
    verdict(words, capitalised, has_lower)
}

/// The word starting at token `k` when it begins a word's core: its
/// length in characters and the index of the token after it (glued core
/// tokens, and single mid-word characters between two of the same class,
/// as UAX #29 joins them).
fn word_at(text: &str, toks: &[Token], k: usize) -> Option<(usize, usize)> {
    let first = &toks[k];
    let mut last = core_class(text, first)?;
    let mut chars = char_count(text, first);
    let mut j = k + 1;
    while let Some(t) = toks.get(j).filter(|t| t.glued) {
        if let Some(class) = core_class(text, t) {
            chars += char_count(text, t);
            last = class;
            j += 1;
            continue;
        }
        let Some(next) = toks.get(j + 1).filter(|t| t.glued) else {
            break;
        };
        let joins = matches!(
            (last, mid_class(text, t), core_class(text, next)),
            (Wb::Letter, Wb::MidLetter | Wb::MidNumLet, Some(Wb::Letter))
                | (Wb::Digit, Wb::MidNum | Wb::MidNumLet, Some(Wb::Digit))
        );
        if !joins {
            break;
        }
        chars += 1;
        j += 1;
    }
    Some((chars, j))
}

/// The [`Wb`] class of a token that is part of a word's core (letters,
/// digits, `_`), `None` for the others.
fn core_class(text: &str, t: &Token) -> Option<Wb> {
    match t.kind {
        TokenKind::Letters => Some(Wb::Letter),
        TokenKind::Digits => Some(Wb::Digit),
        TokenKind::Punct if text.as_bytes()[t.start] == b'_' => Some(Wb::Underscore),
        _ => None,
    }
}

/// The [`Wb`] class of a one-character token.
fn mid_class(text: &str, t: &Token) -> Wb {
    class_at(text, t.start).0
}

/// The characters of a token.
fn char_count(text: &str, t: &Token) -> usize {
    let bytes = &text.as_bytes()[t.start..t.end];
    // Continuation bytes (0b10xx_xxxx) do not start a character.
    bytes.len() - bytes.iter().filter(|&&b| (b as i8) < -0x40).count()
}

/// True for a line written in Title Case or ALL CAPS (a headline style).
pub(crate) fn is_title_or_caps(line: &str) -> bool {
    if all_known(line) {
        title_or_caps(known_words(line))
    } else {
        title_or_caps(line.unicode_words())
    }
}

/// [`is_title_or_caps`] over the line's words (`unicode_words`).
fn title_or_caps<'l>(line_words: impl Iterator<Item = &'l str>) -> bool {
    let mut words = 0usize;
    let mut capitalised = 0usize;
    let mut has_lower = false;
    for w in line_words {
        if w.chars().any(char::is_lowercase) {
            has_lower = true;
        }
        // Short function words ("of", "in", "the") stay lower in Title Case.
        if w.chars().count() < 4 || !w.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        words += 1;
        if w.chars().next().is_some_and(char::is_uppercase) {
            capitalised += 1;
        }
    }
    verdict(words, capitalised, has_lower)
}

/// Title Case or ALL CAPS, from the count of words of four letters or more
/// (`words`), of those capitalised, and whether any word has a lower-case
/// letter.
fn verdict(words: usize, capitalised: usize, has_lower: bool) -> bool {
    if words == 0 {
        return false;
    }
    if !has_lower {
        return true;
    }
    words >= 3 && capitalised * 10 >= words * 8
}

/// The word-break classes (UAX #29) of the characters [`known_words`]
/// reads: those of ASCII, Latin-1 letters and the common quotes, dashes,
/// no-break space, currency signs and degree sign of news text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Wb {
    Letter,
    Digit,
    /// `_` (`ExtendNumLet`): joins letters and digits.
    Underscore,
    /// `:` (`MidLetter`): joins two letters.
    MidLetter,
    /// `.`, `'`, `‘`, `’` (`MidNumLet`, `Single_Quote`): join two letters
    /// or two digits.
    MidNumLet,
    /// `,`, `;` (`MidNum`): join two digits.
    MidNum,
    Other,
}

impl Wb {
    /// Letters, digits and `_` join whatever of them is next.
    fn is_core(self) -> bool {
        matches!(self, Wb::Letter | Wb::Digit | Wb::Underscore)
    }
}

/// The class of `c`, `None` for a character [`known_words`] does not know.
fn word_class(c: char) -> Option<Wb> {
    Some(match c {
        'a'..='z' | 'A'..='Z' => Wb::Letter,
        '0'..='9' => Wb::Digit,
        '_' => Wb::Underscore,
        ':' => Wb::MidLetter,
        '.' | '\'' | '‘' | '’' => Wb::MidNumLet,
        ',' | ';' => Wb::MidNum,
        '\u{0}'..='\u{7f}' | '“' | '”' | '–' | '—' | '\u{a0}' | '…' | '•' => Wb::Other,
        '×' | '÷' | '£' | '€' | '°' => Wb::Other,
        'À'..='ÿ' => Wb::Letter,
        _ => return None,
    })
}

/// The class and length of the character at byte `i` of `line`.
fn class_at(line: &str, i: usize) -> (Wb, usize) {
    let b = line.as_bytes()[i];
    if b.is_ascii() {
        return (word_class(char::from(b)).unwrap_or(Wb::Other), 1);
    }
    let c = line[i..]
        .chars()
        .next()
        .unwrap_or(char::REPLACEMENT_CHARACTER);
    (word_class(c).unwrap_or(Wb::Other), c.len_utf8())
}

/// The words of a line whose characters all have a [`word_class`], as
/// `unicode_words` cuts them: runs of letters, digits and `_`, joined
/// across one `MidLetter` or `MidNumLet` between two letters (WB6, WB7) or
/// one `MidNum` or `MidNumLet` between two digits (WB11, WB12); those
/// with a letter or digit.
fn known_words(line: &str) -> impl Iterator<Item = &str> {
    let mut i = 0;
    std::iter::from_fn(move || loop {
        if i >= line.len() {
            return None;
        }
        let (class, len) = class_at(line, i);
        if !class.is_core() {
            i += len;
            continue;
        }
        let start = i;
        let mut last = class;
        i += len;
        while i < line.len() {
            let (class, len) = class_at(line, i);
            if class.is_core() {
                last = class;
                i += len;
                continue;
            }
            let Some(after) = line.get(i + len..).filter(|rest| !rest.is_empty()) else {
                break;
            };
            let next = class_at(after, 0).0;
            let joins = matches!(
                (last, class, next),
                (Wb::Letter, Wb::MidLetter | Wb::MidNumLet, Wb::Letter)
                    | (Wb::Digit, Wb::MidNum | Wb::MidNumLet, Wb::Digit)
            );
            if !joins {
                break;
            }
            i += len;
        }
        let word = &line[start..i];
        if word.bytes().any(|b| b.is_ascii_alphanumeric()) || !word.is_ascii() {
            return Some(word);
        }
    })
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use proptest::prelude::*;

    use super::*;

    thread_local! {
        /// Tokens of lines read by the capitals tests on this thread.
        pub(super) static LINE_TOKENS_READ: Cell<usize> = const { Cell::new(0) };
    }

    /// Asking about every word of one long line reads the line once, not
    /// once per word (that was words × line length for a paragraph that
    /// is one line, as CoNLL articles are).
    #[test]
    fn capitals_mute_reads_each_line_once() {
        let text = "Officials In Kabul Met Reporters On Monday ".repeat(2_000);
        let doc = Doc::new(&text, false);
        LINE_TOKENS_READ.with(|n| n.set(0));
        for t in &doc.tokens {
            doc.capitals_mute(t.start);
            doc.in_headline_case(t.start);
        }
        // Once for the lower-case test, once for the headline case.
        let read = LINE_TOKENS_READ.with(Cell::get);
        assert!(
            read > 0 && read <= 2 * doc.tokens.len(),
            "{read} tokens read for {}",
            doc.tokens.len()
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4_000))]

        /// The line tests read off the tokens answer as the definitions
        /// over the line's text do.
        #[test]
        fn line_tests_from_tokens(text in "([a-zA-Z0-9 _:.,;'‘’“”–—\u{a0}!?()\\-\t×÷£€°Àéßÿ…•ΩⅫ²ªª\r]{0,40}\n?){0,4}") {
            let doc = Doc::new(&text, false);
            let mut start = 0;
            for line in text.split('\n') {
                let headline = title_or_caps(line.unicode_words());
                prop_assert_eq!(doc.in_headline_case(start), headline, "{:?}", line);
                let trimmed = line.trim_end();
                let all_caps = !trimmed.chars().any(char::is_lowercase);
                let mute = (all_caps
                    || !trimmed.ends_with(['.', '!', '?', '"', '”', ')', ':', ';', ',']))
                    && headline;
                prop_assert_eq!(doc.capitals_mute(start), mute, "{:?}", line);
                start += line.len() + 1;
            }
        }

        /// The known lines' words are `unicode_words`' words.
        #[test]
        fn known_words_are_unicode_words(line in "[a-zA-Z0-9 _:.,;'‘’“”–—\u{a0}!?()\\-\t×÷£€°Àéßÿ…•]{0,60}") {
            let ours: Vec<&str> = known_words(&line).collect();
            let theirs: Vec<&str> = line.unicode_words().collect();
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn known_words_on_word_like_text(parts in proptest::collection::vec(
            prop_oneof![
                Just("a"), Just("B"), Just("1"), Just("_"), Just(":"), Just("."), Just("'"),
                Just("’"), Just("‘"), Just(","), Just(";"), Just(" "), Just("é"), Just("“"),
                Just("U.S."), Just("don't"), Just("1,721.5"), Just("x_1"),
            ],
            0..30,
        )) {
            let line: String = parts.concat();
            let ours: Vec<&str> = known_words(&line).collect();
            let theirs: Vec<&str> = line.unicode_words().collect();
            prop_assert_eq!(ours, theirs);
        }
    }

    /// Every character [`word_class`] knows, between letters and digits.
    #[test]
    fn every_known_character_between_letters_and_digits() {
        for c in (0u32..0x100)
            .chain([
                0x2018, 0x2019, 0x201c, 0x201d, 0x2013, 0x2014, 0x2026, 0x2022, 0x20ac,
            ])
            .filter_map(char::from_u32)
            .filter(|&c| word_class(c).is_some())
        {
            for around in ["a{}b", "1{}2", "a{}1", "A{}{}B", "_{}x", "{}"] {
                let line = around.replace("{}", &c.to_string());
                let ours: Vec<&str> = known_words(&line).collect();
                let theirs: Vec<&str> = line.unicode_words().collect();
                assert_eq!(ours, theirs, "{line:?}");
            }
        }
    }

    /// The old count, without stopping early: the oracle of
    /// [`title_or_caps_of_tokens`].
    fn title_or_caps_counting_all(text: &str, toks: &[Token]) -> bool {
        let (mut words, mut capitalised) = (0, 0);
        let has_lower = toks.iter().any(|t| t.case.has_lower());
        let mut k = 0;
        while k < toks.len() {
            let first = &toks[k];
            let Some((chars, j)) = word_at(text, toks, k) else {
                k += 1;
                continue;
            };
            if chars >= 4 && first.kind == TokenKind::Letters {
                words += 1;
                if first.case.starts_upper() {
                    capitalised += 1;
                }
            }
            k = j;
        }
        verdict(words, capitalised, has_lower)
    }

    /// Stopping early gives the full count's verdict on every line of the
    /// test corpus (fixture and development texts) whose characters are
    /// all known, and on every third tail of those lines (lines of every length
    /// and mix).
    #[test]
    fn early_verdicts_are_the_full_counts() {
        let mut lines = 0;
        for text in crate::text::test_corpus::texts() {
            let doc = Doc::new(&text, false);
            for i in 0..doc.line_starts.len() {
                let span = doc.line_span_at(i);
                if !all_known(&text[span.clone()]) {
                    continue;
                }
                let toks = doc.line_tokens(span);
                for from in (0..toks.len()).step_by(3) {
                    let toks = &toks[from..];
                    assert_eq!(
                        title_or_caps_of_tokens(&text, toks),
                        title_or_caps_counting_all(&text, toks),
                        "{:?}",
                        &text[toks[0].start..toks[toks.len() - 1].end]
                    );
                }
                lines += 1;
            }
        }
        assert!(lines > 1_000, "{lines} lines");
    }

    #[test]
    fn headline_styles() {
        assert!(is_title_or_caps("China Justifies Uyghur Strategy"));
        assert!(is_title_or_caps("JAPAN AND CHINA SIGN DEAL"));
        assert!(!is_title_or_caps(
            "China has rejected the genocide allegations."
        ));
    }
}
