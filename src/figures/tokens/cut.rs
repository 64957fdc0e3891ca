//! Cutting the document's base tokens into the figures stage's tokens
//! ([`tokenize`]), and the value of a digits token ([`digits_value_of`]).

use std::cell::Cell;

use crate::lexicon::mark;
use crate::text::{is_punct, Doc, Token as BaseToken, TokenKind as BaseKind};

/// Thin spaces and no-break spaces that group digits ("1 721").
fn is_group_space(c: char) -> bool {
    matches!(c, '\u{2009}' | '\u{202F}' | '\u{00A0}')
}

/// The stage's tokens as indices into the document's base tokens: numbers
/// with their grouping and decimals, words with inner apostrophes, one
/// token for every other character.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Joins {
    /// The first base token of each token.
    pub(super) firsts: Vec<u32>,
    /// The marks of each token joined from several base tokens ("China's",
    /// "1,721"), by token index, in order: a join is looked up.
    pub(super) joined_marks: Vec<(u32, u64)>,
    /// The tokens a figure can start near, in order: digits, number words
    /// and "$" (see [`super::Tokens::scan`]).
    pub(super) anchors: Vec<u32>,
}

thread_local! {
    /// The buffers of the thread's last article's view, kept for its next.
    static SPARE: Cell<Joins> = Cell::new(Joins::default());
}

/// Buffers of up to this many tokens are always kept; larger ones are
/// dropped before an article with a quarter as many base tokens (as the
/// document's buffers are, see `extractor::scratch`).
const ALWAYS_KEEP_TOKENS: usize = 1 << 16;

impl Joins {
    /// The thread's kept buffers, emptied, for an article of `tokens` base
    /// tokens (new ones when none are kept or they are far too large).
    fn take(tokens: usize) -> Joins {
        let mut spare = SPARE.try_with(Cell::take).unwrap_or_default();
        let served = spare.firsts.capacity();
        if served > ALWAYS_KEEP_TOKENS && tokens.saturating_mul(4) < served {
            return Joins::default();
        }
        spare.firsts.clear();
        spare.joined_marks.clear();
        spare.anchors.clear();
        spare
    }

    /// Keep these buffers for the thread's next article: no allocation
    /// per article once they have grown.
    pub(super) fn keep(self) {
        // (On a thread being torn down there is nothing to keep them for.)
        let _ = SPARE.try_with(|cell| cell.set(self));
    }
}

/// Cut `doc`'s base tokens into the stage's tokens, in the buffers of the
/// thread's last article ([`Joins::keep`]).
pub(super) fn tokenize(doc: &Doc<'_>) -> Joins {
    let base = &doc.tokens;
    // Token and base indices are u32: four bytes a token.
    let n = u32::try_from(base.len()).expect("article too long");
    let mut joins = Joins::take(base.len());
    // Each base token its own token at first (the common case, filled
    // without a loop); joins below move the later ones down.
    joins.firsts.extend(0..n);
    // About one token in six is digits, a number word or "$" in news
    // text: room for them without growing the list.
    joins.anchors.reserve(base.len() / 6);
    let mut out = 0;
    let mut k = 0;
    while k < base.len() {
        // A run of plain words (one base token each, no number word) is
        // moved down in one copy: `firsts[k..]` still holds `k..`, only
        // the slots before `out <= k` were written.
        let run_end = plain_run_end(doc.text.as_bytes(), base, k);
        if run_end > k {
            if out != k {
                joins.firsts.copy_within(k..run_end, out);
            }
            out += run_end - k;
            k = run_end;
            continue;
        }
        let first = &base[k];
        let i = out as u32;
        joins.firsts[out] = k as u32;
        out += 1;
        let alone = base.get(k + 1).map_or(true, |t| !t.glued);
        let next = joined_end(doc, k, alone, i, &mut joins.anchors);
        if next > k + 1 {
            // A join ("China's", "1,721") is looked up.
            let end = base[next - 1].end;
            let marks = doc.word_marks.get(&doc.folded[first.start..end]);
            joins.joined_marks.push((i, marks));
            // A joined word may be a number word its first piece is not.
            if marks & mark::NUMBER_WORD != 0
                && first.kind != BaseKind::Digits
                && joins.anchors.last() != Some(&i)
            {
                joins.anchors.push(i);
            }
        }
        k = next;
    }
    joins.firsts.truncate(out);
    joins
}

/// One past the run of plain tokens from base token `k`: each a token of
/// its own that is no anchor, as [`joined_end`] would find it. Plain are
/// letters (or marks) that are no number word, with nothing glued after
/// them that could join them (letters, an apostrophe), and every sign other
/// than "$" (a sign never joins the token after it).
// Each base token's kind is read once, and the next one's glue; the text
// only for a sign, or for what is glued after a word.
pub(super) fn plain_run_end(text: &[u8], base: &[BaseToken], k: usize) -> usize {
    let mut e = k;
    while let Some(t) = base.get(e) {
        let plain = match t.kind {
            BaseKind::Letters | BaseKind::Marks => {
                t.marks & mark::NUMBER_WORD == 0
                    && base
                        .get(e + 1)
                        .map_or(true, |n| !n.glued || !may_join_word(text, n))
            }
            BaseKind::Digits => false,
            // A sign, or a numeral of one character: no anchor but "$".
            _ => text[t.start] != b'$',
        };
        if !plain {
            break;
        }
        e += 1;
    }
    e
}

/// The base token `n`, glued after a word, may join it ([`word_end`]):
/// letters, or an apostrophe ("'" or "’").
fn may_join_word(text: &[u8], n: &BaseToken) -> bool {
    n.kind.is_alphabetic()
        || n.kind == BaseKind::Punct && {
            let b = text[n.start];
            b == b'\'' || b == 0xE2 && text.get(n.start..n.end) == Some("’".as_bytes())
        }
}

/// One past the last base token of the token `i` that starts at base token
/// `k` (`alone`: no glued base token follows); pushes `i` to `anchors` when
/// it is digits, a number word or "$".
pub(super) fn joined_end(
    doc: &Doc<'_>,
    k: usize,
    alone: bool,
    i: u32,
    anchors: &mut Vec<u32>,
) -> usize {
    let first = &doc.tokens[k];
    match first.kind {
        BaseKind::Digits => {
            anchors.push(i);
            // A group space ("1 721") is white space, not glue: only an
            // ASCII byte after the digits rules it out.
            let ascii_after = doc
                .text
                .as_bytes()
                .get(first.end)
                .map_or(true, u8::is_ascii);
            if alone && ascii_after {
                k + 1
            } else {
                digits_end(doc, k)
            }
        }
        BaseKind::Letters | BaseKind::Marks => {
            if first.marks & mark::NUMBER_WORD != 0 {
                anchors.push(i);
            }
            if alone {
                k + 1
            } else {
                word_end(doc, k)
            }
        }
        BaseKind::Numeral | BaseKind::UnlistedNumeral | BaseKind::Punct => {
            if doc.text.as_bytes()[first.start] == b'$' {
                anchors.push(i);
            }
            k + 1
        }
    }
}

/// One past the last base token of the number that starts at base token
/// `k`: its digits, groups of exactly three after a comma or a group space
/// ("1,721", "1 721"), and one decimal part ("8.28").
fn digits_end(doc: &Doc<'_>, k: usize) -> usize {
    let base = &doc.tokens;
    // The digits token starting at byte `at`, if its length suits.
    let digits_at = |j: usize, at: usize, fits: fn(usize) -> bool| {
        base.get(j)
            .is_some_and(|t| t.kind == BaseKind::Digits && t.start == at && fits(t.end - t.start))
    };
    let mut j = k + 1;
    let mut decimals = false;
    loop {
        let end = base[j - 1].end;
        let Some(sep) = doc.text[end..].chars().next() else {
            break;
        };
        let after = end + sep.len_utf8();
        // A comma or point is a token of its own; a group space is none.
        if sep == ',' && digits_at(j + 1, after, |n| n == 3) {
            j += 2;
        } else if sep == '.' && !decimals && digits_at(j + 1, after, |n| n > 0) {
            decimals = true;
            j += 2;
        } else if is_group_space(sep) && digits_at(j, after, |n| n == 3) {
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// One past the last base token of the word that starts at base token `k`:
/// alphabetic runs, joined across an apostrophe between two of them
/// ("China's").
fn word_end(doc: &Doc<'_>, k: usize) -> usize {
    let base = &doc.tokens;
    let alphabetic = |j: usize| {
        base.get(j)
            .is_some_and(|t| t.glued && t.kind.is_alphabetic())
    };
    let mut j = k + 1;
    loop {
        if alphabetic(j) {
            j += 1;
        } else if base
            .get(j)
            .is_some_and(|t| t.glued && (is_punct(doc.text, t, '\'') || is_punct(doc.text, t, '’')))
            && alphabetic(j + 1)
        {
            j += 2;
        } else {
            break;
        }
    }
    j
}

/// 10^0 to 10^15, each exact in an f64.
const EXACT_POWERS_OF_TEN: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// The value of the digits `raw` (a digits token's text), grouping dropped.
pub(in crate::figures) fn digits_value_of(raw: &str) -> Option<f64> {
    digits_value_and_shape(raw).map(|(value, _)| value)
}

/// The value of the digits `raw`, grouping dropped, and whether `raw` is
/// digits alone (no grouping, no decimals): one read of the text for both.
pub(in crate::figures) fn digits_value_and_shape(raw: &str) -> Option<(f64, bool)> {
    // Every byte is a digit exactly when every byte was counted as one.
    let (value, digits) = digits_value_counted(raw)?;
    Some((value, digits == raw.len()))
}

/// The value of the digits `raw` and how many ASCII digits it holds.
fn digits_value_counted(raw: &str) -> Option<(f64, usize)> {
    // Up to 15 digits and no decimal point: an integer below 2^53,
    // which the parse would give exactly; no buffer. Grouping (a comma,
    // a group space) is skipped as below.
    // With one decimal point, digits on both sides and up to 15 digits in
    // all, the value is that integer over a power of ten up to 10^15: both
    // exact in an f64, so their quotient is rounded once, to the nearest,
    // as the parse rounds (Clinger's fast path).
    let (mut n, mut digits, mut points, mut decimals) = (0u64, 0, 0, 0);
    for &b in raw.as_bytes() {
        if b.is_ascii_digit() {
            n = n.wrapping_mul(10).wrapping_add(u64::from(b - b'0'));
            digits += 1;
            decimals += usize::from(points > 0);
        } else if b == b'.' {
            points += 1;
        }
    }
    if (1..=15).contains(&digits) {
        if points == 0 {
            return Some((n as f64, digits));
        }
        if points == 1 && decimals > 0 && decimals < digits {
            return Some((n as f64 / EXACT_POWERS_OF_TEN[decimals], digits));
        }
    }
    // The digits and the point, kept on the stack when they fit.
    let mut small = [0u8; 64];
    let mut len = 0;
    let mut big = String::new();
    for c in raw.chars() {
        if c.is_ascii_digit() || c == '.' {
            if len < small.len() {
                small[len] = c as u8;
                len += 1;
            } else {
                if big.is_empty() {
                    big.push_str(std::str::from_utf8(&small).ok()?);
                }
                big.push(c);
            }
        }
    }
    let value = if big.is_empty() {
        std::str::from_utf8(&small[..len]).ok()?.parse().ok()?
    } else {
        big.parse().ok()?
    };
    Some((value, digits))
}
