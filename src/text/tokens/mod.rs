//! The article's base tokens: one pass over the bytes, with the facts every
//! stage asks about a token computed once.
//!
//! A base token is the smallest piece any stage's word is made of: a run of
//! letters, a run of ASCII digits, a run of alphabetic marks, one other
//! numeral, or one punctuation character. White space separates tokens and
//! belongs to none. A stage's own words are joins of adjacent base tokens
//! (names join "al-Qaeda" and "U.S", figures "1,721", claims "o'brien's"),
//! made by the stage's view from this list without reading the bytes again.
//!
//! ASCII bytes are classified by one table load; a character is decoded
//! only at a byte outside ASCII (and not for the common punctuation).
//!
//! - `reference` (tests only): the tokenizer before the byte-class table,
//!   the oracle of the differential tests.
//! - `tests`: the tokenizer's own tests.

use std::ops::Range;

use once_cell::sync::Lazy;
use regex::Regex;

use super::case_fold::fold_char;
use super::sentences::needs_unicode_rules;

/// What a base token is made of. The kinds split the characters so that
/// every stage's word is a join of whole tokens: names read letters and
/// digits of every kind, figures alphabetic characters and ASCII digits,
/// claims `\p{L}` and `\p{N}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// A run of letters: alphabetic characters that are `\p{L}` or `\p{N}`
    /// (the letter numerals, "Ⅻ") in their folded form.
    Letters,
    /// A run of ASCII digits.
    Digits,
    /// A run of alphabetic characters that are neither `\p{L}` nor `\p{N}`
    /// in their folded form (Indic vowel signs, "Ⓐ"): part of a word for
    /// names and figures, not for claims.
    Marks,
    /// One other numeric character ("½", "²", "١").
    Numeral,
    /// One numeric character the claims pattern's Unicode tables do not
    /// know yet (a digit newer than them): part of a word for names only.
    UnlistedNumeral,
    /// One character that is neither alphanumeric nor white space.
    Punct,
}

impl TokenKind {
    /// Letters or digits of any kind (`char::is_alphanumeric`).
    pub(crate) fn is_alphanumeric(self) -> bool {
        self != TokenKind::Punct
    }

    /// Alphabetic characters (`char::is_alphabetic`).
    pub(crate) fn is_alphabetic(self) -> bool {
        matches!(self, TokenKind::Letters | TokenKind::Marks)
    }
}

/// The case of a token's characters, and whether they are all ASCII, as
/// flags read through the methods: what the rules ask (a capital first,
/// lower case first, any lower case, a capital after the first character),
/// so that a stage's view reads no text for a word of one token.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Case(u8);

impl Case {
    const FIRST_UPPER: u8 = 1;
    const FIRST_LOWER: u8 = 2;
    /// (Bit 2: `AsciiRun::case` shifts a flag by 2 to set it.)
    const ANY_LOWER: u8 = 4;
    /// Every byte of the token is ASCII.
    const ASCII: u8 = 8;
    /// A character after the first is a capital. (Bit 4: `AsciiRun::case`
    /// shifts a flag by 4 to set it.)
    const LATER_UPPER: u8 = 16;

    /// The case of a token of ASCII characters that are no letters
    /// (digits, punctuation).
    const ASCII_UNCASED: Case = Case(Case::ASCII);

    /// Add character `c`, the token's first when `first`.
    fn push(&mut self, c: char, first: bool) {
        if c.is_uppercase() {
            self.0 |= if first {
                Case::FIRST_UPPER
            } else {
                Case::LATER_UPPER
            };
        } else if c.is_lowercase() {
            self.0 |= Case::ANY_LOWER | if first { Case::FIRST_LOWER } else { 0 };
        }
    }

    /// Add the ASCII letter `b`, the token's first when `first`.
    fn push_ascii(&mut self, b: u8, first: bool) {
        if b.is_ascii_lowercase() {
            self.0 |= Case::ANY_LOWER | if first { Case::FIRST_LOWER } else { 0 };
        } else {
            self.0 |= if first {
                Case::FIRST_UPPER
            } else {
                Case::LATER_UPPER
            };
        }
    }

    /// The first character is a capital (`char::is_uppercase`).
    pub(crate) fn starts_upper(self) -> bool {
        self.0 & Case::FIRST_UPPER != 0
    }

    /// The first character is lower case (`char::is_lowercase`).
    pub(crate) fn starts_lower(self) -> bool {
        self.0 & Case::FIRST_LOWER != 0
    }

    /// Some character is lower case.
    pub(crate) fn has_lower(self) -> bool {
        self.0 & Case::ANY_LOWER != 0
    }

    /// Every character is ASCII.
    pub(crate) fn is_ascii(self) -> bool {
        self.0 & Case::ASCII != 0
    }

    /// A character after the first is a capital (`char::is_uppercase`):
    /// "iPhone", "McDonald", "NATO".
    pub(crate) fn has_later_upper(self) -> bool {
        self.0 & Case::LATER_UPPER != 0
    }
}

/// One base token: its byte span and the facts about it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    /// Byte offset of the first character.
    pub(crate) start: usize,
    /// Byte offset one past the last character.
    pub(crate) end: usize,
    /// The lexicon's lists the token is on ([`mark`](crate::lexicon::mark)
    /// bits): the exact bits of its text, the folded bits of its folded
    /// text (`Doc::folded`), looked up once here for every stage.
    pub(crate) marks: u64,
    /// Index in `Doc::sentences` of the first sentence ending after the
    /// token starts (the last sentence for a token after every sentence).
    /// (32 bits: a token is 32 bytes, and an article of more than four
    /// billion sentences is not news.)
    pub(crate) sentence: u32,
    pub(crate) kind: TokenKind,
    pub(crate) case: Case,
    /// No white space between the previous token and this one (false for
    /// the first token).
    pub(crate) glued: bool,
    /// The first token on its line: a line break (`\n`) lies between the
    /// previous token and this one (true for the first token).
    pub(crate) line_start: bool,
}

/// `\p{L}` or `\p{N}` as the claims stage's pattern reads them, for the
/// characters outside ASCII that the Latin blocks do not answer.
static LETTER_OR_NUMBER: Lazy<Regex> = Lazy::new(|| Regex::new(r"\A[\p{L}\p{N}]\z").unwrap());

/// `c` in its folded form (the one the claims stage reads) is `\p{L}` or
/// `\p{N}` for the claims pattern, whose Unicode tables can be older than
/// the standard library's ("꟒" is new, its lower case "ꟓ" is not).
fn pattern_letter_or_number(c: char) -> bool {
    LETTER_OR_NUMBER.is_match(fold_char(c).encode_utf8(&mut [0; 4]))
}

/// The kind of token a character outside ASCII makes, or `None` for white
/// space.
fn char_class(c: char) -> Option<TokenKind> {
    // The common characters of news text outside ASCII first, without the
    // Unicode tables (the test below checks every character).
    match c {
        '‘' | '’' | '“' | '”' | '–' | '—' | '…' | '«' | '»' | '€' | '£' | '•' => {
            return Some(TokenKind::Punct)
        }
        '\u{a0}' => return None,
        _ if is_surely_letter(c) => return Some(TokenKind::Letters),
        _ => {}
    }
    if c.is_alphabetic() {
        // Below U+0250 (Latin-1 and Latin Extended) every alphabetic
        // character is a letter.
        Some(if (c as u32) < 0x250 || pattern_letter_or_number(c) {
            TokenKind::Letters
        } else {
            TokenKind::Marks
        })
    } else if c.is_numeric() {
        Some(if pattern_letter_or_number(c) {
            TokenKind::Numeral
        } else {
            TokenKind::UnlistedNumeral
        })
    } else if c.is_whitespace() {
        None
    } else {
        Some(TokenKind::Punct)
    }
}

/// True for a character of a block whose alphabetic characters are all
/// letters, folded or not (Greek, Cyrillic, Hebrew, Arabic letters, kana,
/// CJK ideographs, Hangul syllables): no need to ask the claims pattern.
fn is_surely_letter(c: char) -> bool {
    matches!(u32::from(c),
        0x370..=0x3ff | 0x400..=0x482 | 0x48a..=0x52f | 0x5d0..=0x5ea | 0x620..=0x64a
        | 0x3041..=0x3096 | 0x30a1..=0x30fa | 0x4e00..=0x9fff | 0xac00..=0xd7a3)
        && c.is_alphabetic()
}

/// The character starting at byte `i` of `text`, a character boundary (the
/// scan steps by whole characters).
fn char_at(text: &str, i: usize) -> char {
    text[i..]
        .chars()
        .next()
        .unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// What a byte starts, for the tokenizer's dispatch ([`BYTE_CLASS`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Byte {
    /// An ASCII letter.
    Letter,
    /// An ASCII digit.
    Digit,
    /// ASCII white space other than a line break (`char::is_whitespace`).
    Space,
    LineFeed,
    CarriageReturn,
    /// Any other ASCII byte: a punctuation token of its own.
    Punct,
    /// The first byte of a character outside ASCII.
    Lead,
}

/// The class of each byte: one load tells the tokenizer what starts there.
static BYTE_CLASS: [Byte; 256] = {
    let mut table = [Byte::Punct; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => Byte::Letter,
            b'0'..=b'9' => Byte::Digit,
            b'\t' | 0x0b | 0x0c | b' ' => Byte::Space,
            b'\n' => Byte::LineFeed,
            b'\r' => Byte::CarriageReturn,
            0x80..=0xff => Byte::Lead,
            _ => Byte::Punct,
        };
        b += 1;
    }
    table
};

/// Cut `text` into base tokens, in one pass, into `toks` (cleared first);
/// their sentence indices are 0 until [`assign_sentences`], their marks 0
/// until `token_marks::mark_tokens`. Push to `unicode_marks` (cleared
/// first) the offset of each character whose line needs the Unicode
/// sentence rules ([`needs_unicode_rules`]) and of each carriage return not
/// followed by a line feed; to `line_starts` (cleared first) the offset
/// where each line starts; to `stops` (cleared first) the index of each
/// token that starts a line or is a terminator (`.`, `!`, `?`): the only
/// tokens where sentence splitting has anything to decide.
///
/// Plain ASCII text (letters, digits, punctuation, spaces: most of a news
/// line) is cut by [`plain_tokens`], a loop with little state; this loop
/// takes one step wherever that one stops (line breaks, characters outside
/// ASCII, the first token of a line). (The old loop is kept in
/// `reference.rs` for the differential tests.)
// Out of line, so that a profile counts it (`scripts/bench/stages.sh`).
#[inline(never)]
pub(crate) fn tokenize(
    text: &str,
    toks: &mut Vec<Token>,
    unicode_marks: &mut Vec<usize>,
    line_starts: &mut Vec<usize>,
    stops: &mut Vec<usize>,
) {
    let bytes = text.as_bytes();
    stops.clear();
    toks.clear();
    toks.reserve(text.len() / 4 + 8);
    unicode_marks.clear();
    line_starts.clear();
    line_starts.push(0);
    let mut batch = Batch {
        tokens: [EMPTY_TOKEN; BATCH],
        // A token is glued when it starts where the last one ended: every
        // byte between two tokens is white space.
        last_end: usize::MAX,
    };
    let mut line_start = true;
    let mut i = 0;
    while i < bytes.len() {
        if !line_start {
            i = plain_tokens(bytes, i, &mut batch, toks, stops);
        }
        let Some(&b) = bytes.get(i) else {
            break;
        };
        let start = i;
        let (kind, case) = match BYTE_CLASS[usize::from(b)] {
            Byte::Letter => {
                let run = ascii_letters(bytes, start);
                i = run.end;
                let mut case = run.case(b);
                if run.lead_next {
                    i = run_end(text, i, TokenKind::Letters, &mut case, unicode_marks);
                    if i != run.end {
                        // The run went on outside ASCII.
                        case.0 &= !Case::ASCII;
                    }
                }
                (TokenKind::Letters, case)
            }
            Byte::Digit => {
                i = digits_end(bytes, start);
                (TokenKind::Digits, Case::ASCII_UNCASED)
            }
            Byte::Punct => {
                i += 1;
                (TokenKind::Punct, Case::ASCII_UNCASED)
            }
            Byte::Space => {
                i += 1;
                continue;
            }
            Byte::LineFeed => {
                i += 1;
                line_starts.push(i);
                line_start = true;
                continue;
            }
            Byte::CarriageReturn => {
                i += 1;
                if bytes.get(i) != Some(&b'\n') {
                    unicode_marks.push(start);
                }
                continue;
            }
            Byte::Lead => {
                let (end, token) = outside_ascii(text, start, unicode_marks);
                i = end;
                let Some(token) = token else {
                    continue;
                };
                token
            }
        };
        if line_start || is_terminator(b) {
            stops.push(toks.len());
        }
        toks.push(Token {
            start,
            end: i,
            marks: 0,
            sentence: 0,
            kind,
            case,
            glued: start == batch.last_end,
            line_start,
        });
        batch.last_end = i;
        line_start = false;
    }
}

/// How many tokens [`plain_tokens`] gathers before it copies them to the
/// list (a power of two).
const BATCH: usize = 32;

/// The tokens [`plain_tokens`] gathers on the stack, where their count
/// stays in a register, before it copies them to the list.
struct Batch {
    tokens: [Token; BATCH],
    /// The end of the last token made (`usize::MAX` before the first).
    last_end: usize,
}

const EMPTY_TOKEN: Token = Token {
    start: 0,
    end: 0,
    marks: 0,
    sentence: 0,
    kind: TokenKind::Punct,
    case: Case(0),
    glued: false,
    line_start: false,
};

/// Cut the plain ASCII text from byte `i` of `bytes` into `toks`: runs of
/// letters, runs of digits, punctuation bytes, separated by spaces and
/// tabs, none the first of its line; the terminators' indices go to
/// `stops` (see [`tokenize`]). Returns where it stopped: the end of
/// the text, or a byte [`tokenize`]'s own step handles (a line break, a
/// carriage return, a character outside ASCII, or a run of letters that
/// goes on with one).
fn plain_tokens(
    bytes: &[u8],
    mut i: usize,
    batch: &mut Batch,
    toks: &mut Vec<Token>,
    stops: &mut Vec<usize>,
) -> usize {
    let mut n = 0;
    let mut last_end = batch.last_end;
    while let Some(&b) = bytes.get(i) {
        let start = i;
        let (kind, case) = match BYTE_CLASS[usize::from(b)] {
            Byte::Letter => {
                let run = ascii_letters(bytes, start);
                if run.lead_next {
                    break;
                }
                i = run.end;
                (TokenKind::Letters, run.case(b))
            }
            Byte::Digit => {
                i = digits_end(bytes, start);
                (TokenKind::Digits, Case::ASCII_UNCASED)
            }
            Byte::Punct => {
                // (Tested here, not by a byte class of their own: one more
                // class makes the dispatch a jump table.)
                if is_terminator(b) {
                    // The token's index: the list's tokens, then the batch's.
                    stops.push(toks.len() + n);
                }
                i += 1;
                (TokenKind::Punct, Case::ASCII_UNCASED)
            }
            Byte::Space => {
                i += 1;
                continue;
            }
            _ => break,
        };
        // The batch's marks, sentence indices and line starts stay as
        // `EMPTY_TOKEN` has them (0, 0, false): not written again.
        let slot = &mut batch.tokens[n & (BATCH - 1)];
        slot.start = start;
        slot.end = i;
        slot.kind = kind;
        slot.case = case;
        slot.glued = start == last_end;
        last_end = i;
        n += 1;
        if n == BATCH {
            toks.extend_from_slice(&batch.tokens);
            n = 0;
        }
        // One space after a token is the most common gap.
        if bytes.get(i) == Some(&b' ') {
            i += 1;
        }
    }
    toks.extend_from_slice(&batch.tokens[..n]);
    batch.last_end = last_end;
    i
}

/// `.`, `!` or `?`: a punctuation token after which a sentence may end.
#[inline]
fn is_terminator(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?')
}

/// The end of the run of ASCII digits that starts at `start`.
#[inline]
fn digits_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i
}

/// The token that starts at byte `start` of `text` with a character
/// outside ASCII, as its end and its kind and case (`None` for white
/// space: the end of the character).
#[inline]
fn outside_ascii(
    text: &str,
    start: usize,
    unicode_marks: &mut Vec<usize>,
) -> (usize, Option<(TokenKind, Case)>) {
    // The common punctuation of news text from U+2013 to U+2026 (dashes,
    // curly quotes, bullet, ellipsis) without decoding: punctuation
    // tokens, of classes the fast sentence rules know.
    if let [0xe2, 0x80, 0x93 | 0x94 | 0x98 | 0x99 | 0x9c | 0x9d | 0xa2 | 0xa6, ..] =
        text.as_bytes()[start..]
    {
        return (start + 3, Some((TokenKind::Punct, Case::default())));
    }
    outside_ascii_decoded(text, start, unicode_marks)
}

/// [`outside_ascii`] of any character, decoded.
#[inline(never)]
fn outside_ascii_decoded(
    text: &str,
    start: usize,
    unicode_marks: &mut Vec<usize>,
) -> (usize, Option<(TokenKind, Case)>) {
    let c = char_at(text, start);
    let mut i = start + c.len_utf8();
    if needs_unicode_rules(c) {
        unicode_marks.push(start);
    }
    let Some(kind) = char_class(c) else {
        return (i, None);
    };
    let mut case = Case::default();
    case.push(c, true);
    if matches!(kind, TokenKind::Letters | TokenKind::Marks) {
        i = run_end(text, i, kind, &mut case, unicode_marks);
    }
    (i, Some((kind, case)))
}

/// Give each token the index of the first sentence ending after it starts
/// (the last sentence for a token after every sentence).
pub(crate) fn assign_sentences(toks: &mut [Token], sentences: &[Range<usize>]) {
    let last = sentences.len().saturating_sub(1);
    // Sentences end in order: the tokens of each lie before those of the
    // next, found by a binary search of the tokens after the last one.
    let mut rest = toks;
    for (index, s) in sentences[..last].iter().enumerate() {
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        let within = rest.partition_point(|t| t.start < s.end);
        let (these, after) = rest.split_at_mut(within);
        for t in these {
            t.sentence = index;
        }
        rest = after;
    }
    let last = u32::try_from(last).unwrap_or(u32::MAX);
    for t in rest {
        t.sentence = last;
    }
}

/// A run of ASCII letters, as [`ascii_letters`] reads it.
#[derive(Clone, Copy)]
struct AsciiRun {
    /// One past its last letter.
    end: usize,
    /// A letter after the first is lower case.
    more_lower: bool,
    /// A letter after the first is a capital.
    more_upper: bool,
    /// The byte at `end` starts a character outside ASCII (the run may go
    /// on with letters outside ASCII).
    lead_next: bool,
}

impl AsciiRun {
    /// The case of the run, whose first letter is `first`.
    #[inline]
    fn case(self, first: u8) -> Case {
        // Bit 0x20 makes a letter lower case: FIRST_UPPER for a capital,
        // FIRST_LOWER | ANY_LOWER for a lower-case letter, without a branch.
        let lower = (first >> 5) & 1;
        let first =
            Case::FIRST_UPPER + lower * (Case::FIRST_LOWER + Case::ANY_LOWER - Case::FIRST_UPPER);
        Case(
            first
                | (u8::from(self.more_lower) << 2)
                | Case::ASCII
                | (u8::from(self.more_upper) << 4),
        )
    }
}

/// The run of ASCII letters that starts at `start` (a letter). Letters
/// differ from their capitals by bit 0x20, so the run's case is read off
/// the bits without a branch per letter; the run is read eight bytes at a
/// time ([`non_letters`]). Most runs end within the sixteen bytes after
/// their first letter: longer ones go on in [`long_ascii_letters`].
// Inlined: the caller keeps the run's facts in registers.
#[inline(always)]
fn ascii_letters(bytes: &[u8], start: usize) -> AsciiRun {
    let i = start + 1;
    if let Some(eight) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        let stops = non_letters(word);
        if stops != 0 {
            return run_to_stop(word, stops, i);
        }
        // Eight letters; most longer runs end in the next eight bytes.
        if let Some(eight) = bytes.get(i + 8..i + 16) {
            let next = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
            let stops = non_letters(next);
            if stops != 0 {
                let last = run_to_stop(next, stops, i + 8);
                let cased = word & (ONES * 0x20);
                return AsciiRun {
                    more_lower: last.more_lower || cased != 0,
                    more_upper: last.more_upper || cased != ONES * 0x20,
                    ..last
                };
            }
        }
    }
    long_ascii_letters(bytes, i)
}

/// The run of ASCII letters after a first letter at `i - 1` that stops in
/// the eight bytes `word` at `i` (`stops`: [`non_letters`] of `word`, not
/// 0).
#[inline]
fn run_to_stop(word: u64, stops: u64, i: usize) -> AsciiRun {
    // The high bit of the first byte that is no letter.
    let stop = stops & stops.wrapping_neg();
    // Bit 0x20 of each letter before it (the stop's own bit 0x20 lies
    // above the mask): set in a lower-case letter, clear in a capital.
    let cased = ((stop >> 2) - 1) & (ONES * 0x20);
    let lower = word & cased;
    AsciiRun {
        end: i + (stops.trailing_zeros() / 8) as usize,
        more_lower: lower != 0,
        more_upper: lower != cased,
        lead_next: word & stop != 0,
    }
}

/// [`ascii_letters`] of a run of more than sixteen letters after the
/// first at `i - 1`, or near the end of the text.
#[inline(never)]
fn long_ascii_letters(bytes: &[u8], mut i: usize) -> AsciiRun {
    // Bit 0x20 of the letters passed (OR), and whether one was a capital.
    let (mut lower, mut upper) = (0, false);
    while let Some(eight) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        let stops = non_letters(word);
        if stops != 0 {
            let last = run_to_stop(word, stops, i);
            return AsciiRun {
                more_lower: last.more_lower || lower != 0,
                more_upper: last.more_upper || upper,
                ..last
            };
        }
        let cased = word & (ONES * 0x20);
        lower |= cased;
        upper |= cased != ONES * 0x20;
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if !b.is_ascii_alphabetic() {
            break;
        }
        lower |= u64::from(b & 0x20);
        upper |= b.is_ascii_uppercase();
        i += 1;
    }
    AsciiRun {
        end: i,
        more_lower: lower != 0,
        more_upper: upper,
        lead_next: bytes.get(i).is_some_and(|b| !b.is_ascii()),
    }
}

/// 0x01 in every byte.
const ONES: u64 = u64::MAX / 0xff;

/// Bit 0x80 of each of the eight bytes of `word` (little-endian) that is
/// not an ASCII letter. With bit 0x80 cleared and bit 0x20 set every byte
/// is at most 0x7f, so adding a constant to each cannot carry into the
/// next: the sums' high bits say which bytes reach "a" and which pass "z";
/// a byte outside ASCII is no letter by its own high bit.
#[inline]
fn non_letters(word: u64) -> u64 {
    let high = ONES * 0x80;
    let lower = (word & !high) | (ONES * 0x20);
    let from_a = lower + ONES * u64::from(0x80 - b'a');
    let past_z = lower + ONES * u64::from(0x80 - b'z' - 1);
    (!(from_a & !past_z) | word) & high
}

/// The end of the run of letters or marks that goes on at byte `i`; adds
/// its characters to `case`, and to `unicode_marks` the offsets of those
/// whose line needs the Unicode sentence rules. ASCII letters are read
/// without decoding.
fn run_end(
    text: &str,
    mut i: usize,
    kind: TokenKind,
    case: &mut Case,
    unicode_marks: &mut Vec<usize>,
) -> usize {
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if kind != TokenKind::Letters || !b.is_ascii_alphabetic() {
                break;
            }
            case.push_ascii(b, false);
            i += 1;
        } else {
            let c = char_at(text, i);
            if char_class(c) != Some(kind) {
                break;
            }
            if needs_unicode_rules(c) {
                unicode_marks.push(i);
            }
            case.push(c, false);
            i += c.len_utf8();
        }
    }
    i
}

/// The character a one-character token holds (its first character).
pub(crate) fn first_char(text: &str, t: &Token) -> char {
    text[t.start..]
        .chars()
        .next()
        .unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// True when `t` is the one-character punctuation token `c`.
pub(crate) fn is_punct(text: &str, t: &Token, c: char) -> bool {
    t.kind == TokenKind::Punct
        && text.as_bytes()[t.start..t.end] == *c.encode_utf8(&mut [0; 4]).as_bytes()
}

#[cfg(test)]
mod reference;

#[cfg(test)]
mod tests;
