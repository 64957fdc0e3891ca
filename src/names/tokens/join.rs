//! Making the stage's words: one walk over the document's base tokens joins
//! them into words and computes each word's facts on the way.
//!
//! Most words are one base token (a join needs a glued token after the
//! first): such a word takes its span, case and marks from the base token,
//! whose case flags also say whether it is ASCII and whether a capital
//! comes after its first letter; it reads no text but the byte after the
//! word before. Only a word of several base tokens ("al-Qaeda", "U.S",
//! "O'Brien's") or outside ASCII goes the long way.

use super::{fact, OwnLowers, Token};
use crate::lexicon::mark;
use crate::text::{is_punct, Doc, Token as BaseToken, TokenKind};

/// The stage's words, joined from the document's base tokens
/// ([`crate::text::Token`]): letters and digits, with `-`, `'`, `’`, `.`
/// and `&` kept when they sit between two of them ("al-Qaeda", "O'Brien",
/// "U.S"). A possessive `'s` is cut off. The lower-case forms the folded
/// text does not hold go to `lowers`; the index of each word that may be a
/// hyphenated name word or start a title goes to `rare` (see
/// [`Words::mark_names_and_titles`](super::Words::mark_names_and_titles)).
/// The words go to `out`, `lowers` and `rare` cleared first (buffers of
/// an earlier article, reused).
pub(super) fn tokenize(
    doc: &Doc<'_>,
    out: &mut Vec<Token>,
    lowers: &mut OwnLowers,
    rare: &mut Vec<usize>,
) {
    lowers.clear();
    rare.clear();
    join_words(doc, out, lowers, rare);
}

/// The words with their facts, joined from the base tokens: their own
/// (span, case, marks) and those of their place in the text, in the same
/// walk (a second walk over the words cost more than it saved in
/// registers): joined to the word before ([`fact::JOINED`],
/// [`fact::JOINED_OR_DOT`]), on a line whose capitals say nothing
/// ([`fact::MUTE`], one answer a line: the test reads the whole line),
/// first in its sentence ([`fact::INITIAL`]).
///
/// Most words are plain (see [`plain_words`]): a loop with little state
/// makes them; [`word_step`] takes one step wherever that one stops (a
/// line's or a sentence's first word, a join, a word outside ASCII).
fn join_words(doc: &Doc<'_>, out: &mut Vec<Token>, lowers: &mut OwnLowers, rare: &mut Vec<usize>) {
    let base = &doc.tokens;
    // No more words than base tokens.
    out.clear();
    out.reserve(base.len());
    let mut walk = Walk {
        new_line: true,
        mute: 0,
        sentence: 0,
        next_start: doc.sentences.first().map_or(usize::MAX, |s| s.start),
        prev_end: NO_JOIN,
    };
    let mut k = 0;
    while k < base.len() {
        if !walk.new_line {
            let text = doc.text.as_bytes();
            (k, walk.prev_end) = plain_words(base, text, k, &walk, out, rare);
            if k >= base.len() {
                break;
            }
        }
        k = word_step(doc, k, &mut walk, out, lowers, rare);
    }
}

/// Where the walk over the base tokens is, between two words.
struct Walk {
    /// A line started since the last word: the next word asks whether its
    /// line is mute.
    new_line: bool,
    /// [`fact::MUTE`] if the current line's capitals say nothing, else 0.
    mute: u16,
    /// The next sentence whose first word is still to come, and its start.
    sentence: usize,
    next_start: usize,
    /// The previous word's end, or [`NO_JOIN`] if no word may be joined to
    /// it (after a possessive, before the first word).
    prev_end: usize,
}

/// [`Walk::prev_end`] when no word may be joined to the previous one: past
/// every text, so [`gap_bits`] finds no gap there (one value where a flag
/// beside it would take one more register in [`plain_words`]' loop).
const NO_JOIN: usize = usize::MAX;

/// The words from base token `k` on that are plain: one ASCII base token,
/// neither the first word of its line nor of its sentence, not a brand
/// candidate ("eDonkey"); punctuation between them is skipped. Returns
/// where it stopped (the end of the tokens, or a token [`word_step`]
/// takes) and the end of the last word. A plain word's facts are its base
/// token's case flags and the byte after the word before; it reads no
/// other text. (Out of line: its registers are its own, not the whole
/// walk's.)
#[inline(never)]
fn plain_words(
    base: &[BaseToken],
    text: &[u8],
    mut k: usize,
    walk: &Walk,
    out: &mut Vec<Token>,
    rare: &mut Vec<usize>,
) -> (usize, usize) {
    // (The tokens and the text come as slices and the walk's state as
    // values, the previous word's end goes back as one: held in registers,
    // not read again through pointers after each store.)
    let (mute, next_start, mut prev_end) = (walk.mute, walk.next_start, walk.prev_end);
    while let Some(b) = base.get(k) {
        if b.line_start {
            break;
        }
        if !b.kind.is_alphanumeric() {
            k += 1;
            continue;
        }
        if !b.case.is_ascii() || b.start >= next_start {
            break;
        }
        // A glued token after the word is mostly punctuation (", ").
        if base.get(k + 1).is_some_and(|t| t.glued) && word_end(base, text, k) != k + 1 {
            break;
        }
        let Some(mut facts) = plain_facts(b) else {
            break;
        };
        facts |= mute;
        facts |= gap_bits(text, prev_end, b.start);
        let marks = names_marks(b.marks);
        if marks & TITLE_FIRST != 0 {
            rare.push(out.len());
        }
        out.push(Token {
            marks,
            ..Token::new(b.start, b.end, false, facts)
        });
        prev_end = b.end;
        k += 1;
    }
    (k, prev_end)
}

/// The facts of the word that is the one ASCII base token `b` (a plain
/// word), or `None` for a word in lower case with a capital inside (a
/// brand candidate, "eDonkey": [`ascii_word`] reads it).
#[inline]
fn plain_facts(b: &BaseToken) -> Option<u16> {
    let case = b.case;
    Some(if case.starts_upper() {
        // A capital first is a letter: the word can be part of a name. Two
        // letters or more, none lower case: written in capitals.
        let caps = !case.has_lower() && b.end - b.start >= 2;
        fact::CAPITAL | fact::NAME_WORD | bit(caps, fact::ALL_CAPS)
    } else if case.starts_lower() {
        if case.has_later_upper() {
            return None;
        }
        fact::LOWER | fact::PLAIN_LOWER
    } else {
        // Digits.
        0
    })
}

/// The gap facts ([`fact::JOINED`], [`fact::JOINED_OR_DOT`]) of a word
/// starting at `start` after a word ending at `prev_end` (none if
/// `prev_end` is [`NO_JOIN`]).
#[inline]
fn gap_bits(text: &[u8], prev_end: usize, start: usize) -> u16 {
    // Most gaps are one space (the length told first: no byte to compare
    // for the others).
    if start == prev_end.wrapping_add(1) && text.get(prev_end) == Some(&b' ') {
        return fact::JOINED | fact::JOINED_OR_DOT;
    }
    match text.get(prev_end) {
        Some(b' ' | b'.' | 0xc2) => gap_facts(text, prev_end, start),
        // Most other gaps start with punctuation (", "); none after
        // `NO_JOIN`.
        _ => 0,
    }
}

/// One step of the walk at base token `k`: the word starting there, if
/// any, with all its facts (the first word of a line asks whether the
/// line is mute; the first of a sentence is marked so). Returns the next
/// base token.
#[inline(never)]
fn word_step(
    doc: &Doc<'_>,
    k: usize,
    walk: &mut Walk,
    out: &mut Vec<Token>,
    lowers: &mut OwnLowers,
    rare: &mut Vec<usize>,
) -> usize {
    let base = &doc.tokens;
    let first = &base[k];
    walk.new_line |= first.line_start;
    if !first.kind.is_alphanumeric() {
        return k + 1;
    }
    // A join needs a glued token after the first.
    let joins = base.get(k + 1).is_some_and(|t| t.glued);
    let j = if joins {
        word_end(base, doc.text.as_bytes(), k)
    } else {
        k + 1
    };
    let index = out.len();
    let mut t = if j == k + 1 && first.case.is_ascii() {
        ascii_word(doc.text, first)
    } else {
        other_word(doc, &base[k..j], index, lowers)
    };
    if walk.new_line {
        walk.mute = bit(capitals_mute(doc, k, t.start), fact::MUTE);
        walk.new_line = false;
    }
    t.facts |= walk.mute;
    t.facts |= gap_bits(doc.text.as_bytes(), walk.prev_end, t.start);
    walk.prev_end = if t.possessive { NO_JOIN } else { t.end };
    if t.start >= walk.next_start {
        let initial;
        (initial, walk.sentence, walk.next_start) = sentence_start(doc, walk.sentence, t.start);
        t.facts |= bit(initial, fact::INITIAL);
    }
    if t.is(fact::HYPHEN) || t.marks & TITLE_FIRST != 0 {
        rare.push(index);
    }
    out.push(t);
    j
}

/// At a word starting at `start`, at or after the start of sentence
/// `sentence`: whether it starts a sentence (the first word at or after a
/// sentence's start starts it, if it is inside it), the next sentence whose
/// first word is still to come, and its start.
#[inline(never)]
fn sentence_start(doc: &Doc<'_>, mut sentence: usize, start: usize) -> (bool, usize, usize) {
    let mut initial = false;
    while let Some(s) = doc.sentences.get(sentence).filter(|s| s.start <= start) {
        initial |= start < s.end;
        sentence += 1;
    }
    let next_start = doc.sentences.get(sentence).map_or(usize::MAX, |s| s.start);
    (initial, sentence, next_start)
}

/// [`Doc::capitals_mute`] at `offset`, the start of the first word of its
/// line (base token `first`), asked once a line: out of the loop. Most
/// lines are body text ending like a sentence with a letter in lower case:
/// never mute, by the first test of `Doc::capitals_mute`, read here off the
/// line's end and its first base tokens (`Doc::capitals_mute` finds the
/// line's tokens by two binary searches, and only the names view asks it).
#[inline(never)]
fn capitals_mute(doc: &Doc<'_>, first: usize, offset: usize) -> bool {
    let in_title = doc.headline.as_ref().is_some_and(|h| h.contains(&offset));
    if !in_title {
        let line = doc.line_span(offset);
        let sentence_end = doc.text[line]
            .trim_end()
            .ends_with(['.', '!', '?', '"', '”', ')', ':', ';', ',']);
        // Every character in lower case is alphabetic, so in a token; the
        // tokens before the first word of the line are punctuation.
        if sentence_end && line_has_lower(&doc.tokens[first..]) {
            return false;
        }
    }
    doc.capitals_mute(offset)
}

/// A token with a character in lower case among `tokens` before the next
/// line starts (the first token may start the line).
fn line_has_lower(tokens: &[BaseToken]) -> bool {
    for (i, t) in tokens.iter().enumerate() {
        if t.line_start && i > 0 {
            return false;
        }
        if t.case.has_lower() {
            return true;
        }
    }
    false
}

/// [`mark::TITLE_FIRST`] among a word's marks (the low 32 bits).
const TITLE_FIRST: u32 = mark::TITLE_FIRST as u32;

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
fn word_end(base: &[BaseToken], text: &[u8], k: usize) -> usize {
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
fn is_connector(text: &[u8], t: &BaseToken) -> bool {
    t.kind == TokenKind::Punct
        && match &text[t.start..t.end] {
            [b] => matches!(b, b'-' | b'\'' | b'.' | b'&'),
            bytes => bytes == "’".as_bytes(),
        }
}

/// The word that is the one base token `b`, ASCII: its case and marks are
/// the base token's, and so is whether a word in lower case has a capital
/// inside (the plain lower-case and brand tests).
#[inline]
fn ascii_word(text: &str, b: &BaseToken) -> Token {
    let (start, end) = (b.start, b.end);
    let alphabetic = b.kind.is_alphabetic();
    let lower = b.case.starts_lower();
    // A capital first is a letter: the word can be part of a name.
    let mut facts = bit(b.case.starts_upper(), fact::CAPITAL | fact::NAME_WORD)
        | bit(lower, fact::LOWER)
        // Two letters or more, none lower case.
        | bit(alphabetic && !b.case.has_lower() && end - start >= 2, fact::ALL_CAPS);
    if lower {
        // A brand has a capital inside ("eDonkey"); most words in lower
        // case have none.
        facts |= if !b.case.has_later_upper() {
            fact::PLAIN_LOWER
        } else {
            brand_fact(text, start, end)
        };
    }
    Token {
        marks: names_marks(b.marks),
        ..Token::new(start, end, false, facts)
    }
}

/// [`fact::BRAND`] if `text[start..end]`, in lower case with a capital
/// inside, is written as a brand ("eDonkey").
#[inline(never)]
fn brand_fact(text: &str, start: usize, end: usize) -> u16 {
    bit(
        super::super::lists::brand_written(&text[start..end]),
        fact::BRAND,
    )
}

/// A word outside ASCII or made of several base tokens (`tokens`, number
/// `index`).
#[inline(never)]
fn other_word(doc: &Doc<'_>, tokens: &[BaseToken], index: usize, lowers: &mut OwnLowers) -> Token {
    if let [one] = tokens {
        one_token_word(doc, one, index, lowers)
    } else {
        joined_word(doc, tokens, index, lowers)
    }
}

/// The word that is the one base token `b` (number `index`) outside ASCII:
/// its case is the base token's, its marks and lower-case form are
/// computed here.
fn one_token_word(doc: &Doc<'_>, b: &BaseToken, index: usize, lowers: &mut OwnLowers) -> Token {
    let (start, end) = (b.start, b.end);
    let alphabetic = b.kind.is_alphabetic();
    let lower = b.case.starts_lower();
    let all_caps =
        alphabetic && !b.case.has_lower() && doc.text[start..end].chars().nth(1).is_some();
    let capital = b.case.starts_upper();
    let facts = bit(capital, fact::CAPITAL)
        | bit(lower, fact::LOWER)
        | bit(capital && alphabetic, fact::NAME_WORD)
        | bit(all_caps, fact::ALL_CAPS);
    let mut t = Token::new(start, end, false, facts);
    own_lower_case(doc, &mut t, index, lowers);
    if lower && second_may_be_upper(doc.text, start) {
        t.facts |= brand_fact(doc.text, start, end);
    }
    t
}

/// The names stage's bits of a base token's marks (the low 32: the rest
/// are other stages').
fn names_marks(marks: u64) -> u32 {
    marks as u32
}

/// The word made of the base tokens `tokens` (two or more, number
/// `index`), its possessive cut off, with its facts and marks.
fn joined_word(doc: &Doc<'_>, tokens: &[BaseToken], index: usize, lowers: &mut OwnLowers) -> Token {
    let text = doc.text;
    let first = &tokens[0];
    let possessive = is_possessive(text, tokens);
    // "Reuters’" (plural possessive): the apostrophe is outside already.
    // The cut `'s` is the last two base tokens.
    let parts = &tokens[..tokens.len() - if possessive { 2 } else { 0 }];
    let (start, end) = (first.start, parts[parts.len() - 1].end);
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
    let capital = first.case.starts_upper();
    // A hyphenated word's name test reads its parts (see
    // `Words::mark_names_and_titles`).
    let facts = bit(capital, fact::CAPITAL)
        | bit(lower, fact::LOWER)
        | bit(all_caps, fact::ALL_CAPS)
        | bit(brand, fact::BRAND)
        | bit(hyphen, fact::HYPHEN)
        | bit(capital && alphabetic && !hyphen, fact::NAME_WORD);
    let mut t = Token::new(start, end, possessive, facts);
    // The parts are glued: the word's bytes are theirs.
    if parts.iter().all(|t| t.case.is_ascii()) {
        // The folded text lower-cases ASCII exactly as `str::to_lowercase`.
        let w = &text[start..end];
        t.marks = match parts {
            [one] => names_marks(one.marks),
            _ => names_marks(doc.word_marks.of(w, &doc.folded[start..end])),
        };
        // No capital anywhere: none first in a part, none after.
        let plain = lower
            && !parts
                .iter()
                .any(|t| t.case.starts_upper() || t.case.has_later_upper());
        t.facts |= bit(plain, fact::PLAIN_LOWER);
    } else {
        own_lower_case(doc, &mut t, index, lowers);
    }
    t
}

/// The word of the base tokens `tokens` ends with a possessive `'s` or
/// `’s` (either case) after two bytes at least: its last two base tokens
/// are the apostrophe and the "s" (a joined word's tokens are glued, and
/// a connector sits between two letters or digits).
fn is_possessive(text: &str, tokens: &[BaseToken]) -> bool {
    let [first, .., apostrophe, s] = tokens else {
        return false;
    };
    let bytes = text.as_bytes();
    s.end - s.start == 1
        && matches!(bytes[s.start], b's' | b'S')
        && apostrophe.start - first.start >= 2
        && matches!(
            &bytes[apostrophe.start..apostrophe.end],
            b"'" | b"\xe2\x80\x99"
        )
}

/// The marks and lower-case facts of word `t` (number `index`), outside
/// ASCII: lower-cased here (by `str::to_lowercase`, which can differ from
/// the folded text), its form kept in `lowers`.
fn own_lower_case(doc: &Doc<'_>, t: &mut Token, index: usize, lowers: &mut OwnLowers) {
    let w = &doc.text[t.start..t.end];
    let lower = w.to_lowercase();
    t.marks = names_marks(doc.word_marks.of(w, &lower));
    t.facts |= bit(t.is(fact::LOWER) && *w == *lower, fact::PLAIN_LOWER) | fact::OWN_LOWER;
    lowers.push(index, &lower);
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

/// The [`fact::JOINED`] and [`fact::JOINED_OR_DOT`] bits of a word starting
/// at `start` after a word ending at `prev_end` (not a possessive: the
/// separator after one reads "’s", see `Words::sep`): only spaces (no-break
/// ones too) between them, and only spaces after an abbreviation's dots.
#[inline(never)]
fn gap_facts(text: &[u8], prev_end: usize, start: usize) -> u16 {
    // (The caller turned away the gaps starting with another byte.) Read as
    // bytes: no character decoding.
    let gap = &text[prev_end..start];
    let joined = !gap.is_empty() && spaces_only(gap);
    let dots = gap.iter().take_while(|&&b| b == b'.').count();
    let after_dots = &gap[dots..];
    let joined_or_dot = !after_dots.is_empty() && after_dots.iter().all(|&b| b == b' ');
    bit(joined, fact::JOINED) | bit(joined_or_dot, fact::JOINED_OR_DOT)
}

/// `gap` (whole characters) is only spaces and no-break spaces (U+00A0,
/// the bytes C2 A0).
fn spaces_only(gap: &[u8]) -> bool {
    let mut i = 0;
    while i < gap.len() {
        match gap[i] {
            b' ' => i += 1,
            0xc2 if gap.get(i + 1) == Some(&0xa0) => i += 2,
            _ => return false,
        }
    }
    true
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The gap facts read as bytes are those read as characters, for gaps of
    /// spaces, no-break spaces, dots and other characters.
    #[test]
    fn gap_facts_as_read_by_characters() {
        let pieces = [" ", "\u{a0}", ".", "..", ",", "\u{e2}", "Â", "\u{2009}"];
        let mut gaps = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = gaps
                .iter()
                .flat_map(|g| pieces.iter().map(move |p| format!("{g}{p}")))
                .collect();
            gaps.extend(longer);
        }
        for gap in &gaps {
            let text = format!("a{gap}b");
            let (prev_end, start) = (1, 1 + gap.len());
            let joined = !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}');
            let after_dots = gap.trim_start_matches('.');
            let joined_or_dot = !after_dots.is_empty() && after_dots.bytes().all(|b| b == b' ');
            let want = bit(joined, fact::JOINED) | bit(joined_or_dot, fact::JOINED_OR_DOT);
            assert_eq!(gap_facts(text.as_bytes(), prev_end, start), want, "{gap:?}");
        }
    }

    /// After [`NO_JOIN`] no gap: a word after a possessive or the first
    /// word is joined to nothing; after a word's end, the gap's facts.
    #[test]
    fn no_gap_after_no_join() {
        for text in ["a b", "a. b", "a\u{a0}b", "a,b", ""] {
            for start in 0..=text.len() {
                assert_eq!(
                    gap_bits(text.as_bytes(), NO_JOIN, start),
                    0,
                    "{text:?} {start}"
                );
            }
        }
        assert_eq!(gap_bits(b"a b", 1, 2), fact::JOINED | fact::JOINED_OR_DOT);
        assert_eq!(gap_bits(b"a. b", 1, 3), fact::JOINED_OR_DOT);
        assert_eq!(gap_bits(b"a,b", 1, 2), 0);
    }
}
