//! Making the stage's words: one walk over the document's base tokens joins
//! them into words and computes each word's facts on the way.

use std::ops::Range;

use super::{fact, OwnLowers, Token};
use crate::lexicon::mark;
use crate::text::{is_punct, Doc, Token as BaseToken, TokenKind};

/// The stage's words, joined from the document's base tokens
/// ([`crate::text::Token`]): letters and digits, with `-`, `'`, `’`, `.`
/// and `&` kept when they sit between two of them ("al-Qaeda", "O'Brien",
/// "U.S"). A possessive `'s` is cut off. The lower-case forms the folded
/// text does not hold go to `lowers`; the index of each word that may be a
/// hyphenated name word or start a title goes to `rare` (see
/// [`Words::mark_names_and_titles`]).
pub(super) fn tokenize(doc: &Doc<'_>, lowers: &mut OwnLowers, rare: &mut Vec<usize>) -> Vec<Token> {
    let base = &doc.tokens;
    // No more words than base tokens; the room left over is given back at
    // the end (in place).
    let mut out: Vec<Token> = Vec::with_capacity(base.len());
    // Whether the capitals say nothing is one answer per line (the test
    // reads the whole line): only the current line's answer is kept.
    let (mut line, mut mute): (Option<Range<usize>>, bool) = (None, false);
    // The next sentence whose first word is still to come.
    let mut sentence = 0;
    let mut k = 0;
    while k < base.len() {
        if !base[k].kind.is_alphanumeric() {
            k += 1;
            continue;
        }
        let j = word_end(base, doc.text, k);
        let mut t = joined_word(doc, &base[k..j], out.last(), out.len(), lowers);
        if !line
            .as_ref()
            .is_some_and(|l| l.start <= t.start && t.start <= l.end)
        {
            line = Some(doc.line_span(t.start));
            mute = doc.capitals_mute(t.start);
        }
        // The first word at or after a sentence's start starts it, if it is
        // inside it.
        let mut initial = false;
        while let Some(s) = doc.sentences.get(sentence).filter(|s| s.start <= t.start) {
            initial |= t.start < s.end;
            sentence += 1;
        }
        t.facts |= bit(mute, fact::MUTE) | bit(initial, fact::INITIAL);
        if t.is(fact::HYPHEN) || t.marks & mark::TITLE_FIRST != 0 {
            rare.push(out.len());
        }
        out.push(t);
        k = j;
    }
    out.shrink_to_fit();
    out
}

/// `f` if `on`, else no bit.
fn bit(on: bool, f: u16) -> u16 {
    if on {
        f
    } else {
        0
    }
}

/// One past the last base token of the word starting at base token `k`:
/// glued letters and digits, and connectors glued between two of them.
fn word_end(base: &[BaseToken], text: &str, k: usize) -> usize {
    let alphanumeric = |j: usize| {
        base.get(j)
            .is_some_and(|t| t.glued && t.kind.is_alphanumeric())
    };
    let mut j = k + 1;
    while let Some(t) = base.get(j).filter(|t| t.glued) {
        if t.kind.is_alphanumeric() {
            j += 1;
        } else if is_connector(text, t) && alphanumeric(j + 1) {
            j += 2;
        } else {
            break;
        }
    }
    j
}

/// A punctuation token that joins two parts of a word: `-`, `'`, `’`, `.`
/// or `&`.
fn is_connector(text: &str, t: &BaseToken) -> bool {
    t.kind == TokenKind::Punct && matches!(&text[t.start..t.end], "-" | "'" | "’" | "." | "&")
}

/// The word made of the base tokens `tokens` (number `index`, after
/// `prev`), its possessive cut off, with its facts and marks.
fn joined_word(
    doc: &Doc<'_>,
    tokens: &[BaseToken],
    prev: Option<&Token>,
    index: usize,
    lowers: &mut OwnLowers,
) -> Token {
    let text = doc.text;
    let first = &tokens[0];
    let (start, mut end) = (first.start, tokens[tokens.len() - 1].end);
    let mut possessive = false;
    // A possessive is a word, an apostrophe and an "s": three tokens
    // at least (most words are one).
    if tokens.len() >= 3 {
        let word = &text[start..end];
        for suffix in ["'s", "’s", "'S", "’S"] {
            if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
                end -= suffix.len();
                possessive = true;
            }
        }
    }
    // "Reuters’" (plural possessive): the apostrophe is outside already.
    // The cut `'s` is the last two base tokens.
    let parts = &tokens[..if possessive {
        tokens.len() - 2
    } else {
        tokens.len()
    }];
    // After a possessive the separator reads "’s" (see `Words::sep`).
    let (joined, joined_or_dot) = match prev {
        Some(prev) if !prev.possessive => gap_facts(&text[prev.end..start]),
        _ => (false, false),
    };
    let (alphabetic, hyphen, all_caps) = match parts {
        [one] => {
            let alphabetic = one.kind.is_alphabetic();
            let caps = alphabetic
                && !one.case.has_lower()
                && text[one.start..one.end].chars().nth(1).is_some();
            (alphabetic, false, caps)
        }
        _ => (
            parts.iter().any(|t| t.kind.is_alphabetic()),
            parts.iter().any(|t| is_punct(text, t, '-')),
            written_in_capitals(text, parts),
        ),
    };
    let lower = first.case.starts_lower();
    let brand = lower
        && second_may_be_upper(text, start)
        && super::super::lists::brand_written(&text[start..end]);
    let mut t = Token {
        start,
        end,
        marks: 0,
        possessive,
        facts: bit(first.case.starts_upper(), fact::CAPITAL)
            | bit(lower, fact::LOWER)
            | bit(all_caps, fact::ALL_CAPS)
            | bit(joined, fact::JOINED)
            | bit(joined_or_dot, fact::JOINED_OR_DOT)
            | bit(brand, fact::BRAND)
            | bit(hyphen, fact::HYPHEN)
            | bit(alphabetic, fact::ALPHABETIC),
        gaz: None,
        title: None,
        title_words: 0,
    };
    word_case(doc, parts, &mut t, index, lowers);
    t
}

/// The marks and lower-case facts of word `t` (number `index`), made of
/// the base tokens `parts`. An ASCII word's lower case is the folded text
/// at its offsets (which lower-cases ASCII exactly as `str::to_lowercase`
/// does), and a word of one ASCII token has its base token's marks; a join
/// ("al-Qaeda", "U.S") is looked up, and a word outside ASCII is
/// lower-cased here (by `str::to_lowercase`, which can differ from the
/// folded text), its form kept in `lowers`.
fn word_case(
    doc: &Doc<'_>,
    parts: &[BaseToken],
    t: &mut Token,
    index: usize,
    lowers: &mut OwnLowers,
) {
    let w = &doc.text[t.start..t.end];
    if !w.is_ascii() {
        let lower = w.to_lowercase();
        t.marks = doc.word_marks.of(w, &lower);
        t.facts |= bit(t.is(fact::LOWER) && *w == *lower, fact::PLAIN_LOWER) | fact::OWN_LOWER;
        lowers.push(index, &lower);
        return;
    }
    t.marks = match parts {
        [one] => one.marks,
        _ => doc.word_marks.of(w, &doc.folded[t.start..t.end]),
    };
    let plain = t.is(fact::LOWER) && !w.bytes().any(|b| b.is_ascii_uppercase());
    t.facts |= bit(plain, fact::PLAIN_LOWER);
}

/// The character after the first at `start` may be a capital: it is one
/// of ASCII, or outside ASCII (asked no further here). A brand's second
/// letter is a capital ("eDonkey"), so most words are turned away here.
fn second_may_be_upper(text: &str, start: usize) -> bool {
    // The first character of a word that starts lower case: its length.
    let first_len = match text.as_bytes()[start] {
        b if b.is_ascii() => 1,
        _ => text[start..].chars().next().map_or(1, char::len_utf8),
    };
    text.as_bytes()
        .get(start + first_len)
        .is_some_and(|&b| !b.is_ascii() || b.is_ascii_uppercase())
}

/// Whether a gap between two tokens joins them in one phrase: only spaces
/// (no-break ones too), and only spaces after an abbreviation's dots.
fn gap_facts(gap: &str) -> (bool, bool) {
    // Most gaps are one space.
    if gap == " " {
        return (true, true);
    }
    let joined = !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}');
    let after_dots = gap.trim_start_matches('.');
    let joined_or_dot = !after_dots.is_empty() && after_dots.bytes().all(|b| b == b' ');
    (joined, joined_or_dot)
}

/// Two letters or more among `parts`, and no lower-case character.
fn written_in_capitals(text: &str, parts: &[BaseToken]) -> bool {
    if parts.iter().any(|t| t.case.has_lower()) {
        return false;
    }
    let mut letters = 0;
    for t in parts.iter().filter(|t| t.kind.is_alphabetic()) {
        letters += text[t.start..t.end].chars().count();
        if letters >= 2 {
            return true;
        }
    }
    false
}
