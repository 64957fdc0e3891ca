//! The figures stage's view of the text: tokens (digits, words, punctuation)
//! joined from the document's base tokens ([`crate::text::Token`]), read
//! through the base tokens (glued to the previous token, first on its line,
//! sentence, capital, the lexicon's lists the word is on: its first base
//! token's facts), and the accessors the rules read them with.
//!
//! The view holds no copy of the base tokens: one `u32` per token (the
//! index of its first base token), the marks of the few tokens joined from
//! several, and the tokens where a figure can start.

use std::cell::{Cell, OnceCell};

use crate::lexicon::{mark, FigureWords};
use crate::record::Qualifier;
use crate::text::{first_char, is_punct, Doc, Token as BaseToken, TokenKind as BaseKind};

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum TokenKind {
    /// Digits with grouping and decimals ("1,721", "8.28").
    Digits,
    /// Letters (with inner apostrophes: "China's").
    Word,
    /// One other non-space character.
    Punct(char),
}

/// Thin spaces and no-break spaces that group digits ("1 721").
fn is_group_space(c: char) -> bool {
    matches!(c, '\u{2009}' | '\u{202F}' | '\u{00A0}')
}

/// The stage's tokens as indices into the document's base tokens: numbers
/// with their grouping and decimals, words with inner apostrophes, one
/// token for every other character.
#[derive(Debug, Default, PartialEq)]
struct Joins {
    /// The first base token of each token.
    firsts: Vec<u32>,
    /// The marks of each token joined from several base tokens ("China's",
    /// "1,721"), by token index, in order: a join is looked up.
    joined_marks: Vec<(u32, u64)>,
    /// The tokens a figure can start near, in order: digits, number words
    /// and "$" (see [`Tokens::scan`]).
    anchors: Vec<u32>,
}

/// Cut `doc`'s base tokens into the stage's tokens.
fn tokenize(doc: &Doc<'_>) -> Joins {
    let base = &doc.tokens;
    // Token and base indices are u32: four bytes a token.
    let n = u32::try_from(base.len()).expect("article too long");
    // Each base token its own token at first (the common case, filled
    // without a loop); joins below move the later ones down.
    let mut joins = Joins {
        firsts: (0..n).collect(),
        // About one token in six is digits, a number word or "$" in news
        // text: room for them without growing the list.
        anchors: Vec::with_capacity(base.len() / 6),
        ..Joins::default()
    };
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
/// letters that are no number word, with nothing glued after them that
/// could join them (letters, an apostrophe), and ASCII punctuation other
/// than "$" (a sign never joins the token after it).
// Each base token's kind is read once, and the next one's glue; the text
// only for a sign, or for what is glued after a word.
fn plain_run_end(text: &[u8], base: &[BaseToken], k: usize) -> usize {
    let mut e = k;
    while let Some(t) = base.get(e) {
        let plain = match t.kind {
            BaseKind::Letters => {
                t.marks & mark::NUMBER_WORD == 0
                    && base
                        .get(e + 1)
                        .map_or(true, |n| !n.glued || !may_join_word(text, n))
            }
            BaseKind::Punct => {
                let b = text[t.start];
                b.is_ascii() && b != b'$'
            }
            _ => false,
        };
        if !plain {
            break;
        }
        e += 1;
    }
    e
}

/// The base token `n`, glued after a word, may join it ([`word_end`]):
/// letters, or a sign that may be an apostrophe (any sign outside ASCII is
/// taken as one).
fn may_join_word(text: &[u8], n: &BaseToken) -> bool {
    n.kind.is_alphabetic()
        || n.kind == BaseKind::Punct && {
            let b = text[n.start];
            b == b'\'' || !b.is_ascii()
        }
}

/// [`tokenize`] as it was before it moved runs of plain words in one
/// copy: the oracle of its differential test.
#[cfg(test)]
fn tokenize_oracle(doc: &Doc<'_>) -> Joins {
    let base = &doc.tokens;
    // Token and base indices are u32: four bytes a token.
    let n = u32::try_from(base.len()).expect("article too long");
    // Each base token its own token at first (the common case, filled
    // without a loop); joins below move the later ones down.
    let mut joins = Joins {
        firsts: (0..n).collect(),
        ..Joins::default()
    };
    let mut out = 0;
    let mut k = 0;
    while let Some(first) = base.get(k) {
        let i = out as u32;
        joins.firsts[out] = k as u32;
        out += 1;
        // Only a glued base token after this one can join it: most tokens
        // stand alone and skip the joining.
        let alone = base.get(k + 1).map_or(true, |t| !t.glued);
        if alone && first.kind == BaseKind::Letters && first.marks & mark::NUMBER_WORD == 0 {
            // The common case: a word of one base token, no number word.
            k += 1;
            continue;
        }
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

/// One past the last base token of the token `i` that starts at base token
/// `k` (`alone`: no glued base token follows); pushes `i` to `anchors` when
/// it is digits, a number word or "$".
fn joined_end(doc: &Doc<'_>, k: usize, alone: bool, i: u32, anchors: &mut Vec<u32>) -> usize {
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
pub(super) fn digits_value_of(raw: &str) -> Option<f64> {
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
            return Some(n as f64);
        }
        if points == 1 && decimals > 0 && decimals < digits {
            return Some(n as f64 / EXACT_POWERS_OF_TEN[decimals]);
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
    if big.is_empty() {
        std::str::from_utf8(&small[..len]).ok()?.parse().ok()
    } else {
        big.parse().ok()
    }
}

/// [`digits_value_of`] through the parse alone: the oracle of its
/// differential test.
#[cfg(test)]
fn digits_value_oracle(raw: &str) -> Option<f64> {
    let kept: String = raw
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    kept.parse().ok()
}

/// The document and its tokens: every figure rule is a method on this view,
/// taking and returning token indices. Reading past either end yields an
/// empty word and no kind, so rules can look ahead without bounds checks.
pub(super) struct Tokens<'a, 'd> {
    pub(super) doc: &'a Doc<'d>,
    pub(super) lex: &'a FigureWords,
    /// The tokens, as indices into `doc.tokens`.
    joins: Joins,
    /// How far [`Tokens::base_currency`] has read, and what it found.
    pub(super) currency_seen: Cell<CurrencySeen>,
    /// The currencies the article's opening cues, in order
    /// ([`Tokens::cued_currency`]), read on first use.
    pub(super) currency_cues: OnceCell<Vec<&'static str>>,
    /// The last [`Tokens::prev_word`] asked: the token and the byte range
    /// of the word before it (empty for none).
    prev_word_memo: Cell<(usize, usize, usize)>,
    /// The last [`Tokens::qualifier_before`] asked: the token and its answer.
    pub(super) qualifier_memo: Cell<(usize, Option<(Qualifier, usize)>)>,
}

/// The tokens before `to` that the look-back for an exchange rate's
/// currency has read since it last started afresh, and the last of them
/// that is a currency other than the dollar (token, ISO).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct CurrencySeen {
    pub(super) to: usize,
    pub(super) nearest: Option<(usize, &'static str)>,
}

impl<'a, 'd> Tokens<'a, 'd> {
    /// Tokenize `doc`; the rules read their word lists from `lex`.
    pub(super) fn new(doc: &'a Doc<'d>, lex: &'a FigureWords) -> Self {
        Tokens {
            doc,
            lex,
            joins: tokenize(doc),
            currency_seen: Cell::default(),
            currency_cues: OnceCell::new(),
            prev_word_memo: Cell::new((usize::MAX, 0, 0)),
            qualifier_memo: Cell::new((usize::MAX, None)),
        }
    }
    /// The number of tokens.
    pub(super) fn len(&self) -> usize {
        self.joins.firsts.len()
    }
    /// The tokens a figure can start near, in order (digits, number words,
    /// "$"): every token [`Self::scan`] tries lies at most three before one.
    pub(super) fn anchors(&self) -> &[u32] {
        &self.joins.anchors
    }
    /// The index of token `i`'s first base token, if there is a token `i`.
    fn first_base(&self, i: usize) -> Option<usize> {
        self.joins.firsts.get(i).map(|&k| k as usize)
    }
    /// The first base token of token `i`.
    fn head(&self, i: usize) -> Option<&BaseToken> {
        self.first_base(i).map(|k| &self.doc.tokens[k])
    }
    /// One past the last base token of token `i` (a token that exists).
    fn base_end(&self, i: usize) -> usize {
        self.joins
            .firsts
            .get(i + 1)
            .map_or(self.doc.tokens.len(), |&k| k as usize)
    }
    /// Byte offset where token `i` starts (`i` must exist).
    pub(super) fn start(&self, i: usize) -> usize {
        self.doc.tokens[self.joins.firsts[i] as usize].start
    }
    /// Byte offset one past token `i` (`i` must exist).
    pub(super) fn end(&self, i: usize) -> usize {
        self.doc.tokens[self.base_end(i) - 1].end
    }
    /// Byte range of token `i`, if it exists.
    fn span(&self, i: usize) -> Option<(usize, usize)> {
        super::count_text_read();
        let firsts = &self.joins.firsts;
        let k = *firsts.get(i)? as usize;
        let base = &self.doc.tokens;
        let t = &base[k];
        // Most tokens are one base token: its own end, no second read.
        let end = match firsts.get(i + 1) {
            Some(&next) if next as usize == k + 1 => t.end,
            Some(&next) => base[next as usize - 1].end,
            None => base[base.len() - 1].end,
        };
        Some((t.start, end))
    }
    /// Index of token `i`'s sentence in `Doc::sentences` (`i` must exist).
    // The conversion is the identity while the base token's index is a
    // `usize`; it reads a narrower index the same way.
    #[allow(clippy::useless_conversion)]
    pub(super) fn sentence(&self, i: usize) -> usize {
        let s = self.doc.tokens[self.joins.firsts[i] as usize].sentence;
        usize::try_from(s).unwrap_or(usize::MAX)
    }
    /// The first token before `end` for which `pred` is false, `pred`
    /// being true for a prefix of the tokens (a binary search).
    pub(super) fn partition_point(&self, end: usize, pred: impl Fn(usize) -> bool) -> usize {
        let (mut lo, mut hi) = (0, end);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if pred(mid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
    /// A line break lies between token `i` and the one before.
    pub(super) fn newline(&self, i: usize) -> bool {
        self.head(i).is_some_and(|t| t.line_start)
    }
    /// The lower-case (folded) text of token `i`, or "" past the end.
    pub(super) fn word(&self, i: usize) -> &str {
        match self.span(i) {
            Some((s, e)) => &self.doc.folded[s..e],
            None => "",
        }
    }
    /// Token `i`'s lower-case word is `lit`, a non-empty lower-case word:
    /// the first byte is compared before the word is read, which turns
    /// away most tokens for the price of one base-token read.
    pub(super) fn word_is(&self, i: usize, lit: &str) -> bool {
        let first = self.first_byte(i);
        first.is_some() && first == lit.as_bytes().first().copied() && self.word(i) == lit
    }
    /// The first byte of token `i`'s lower-case text, read from its first
    /// base token without the text; `None` past the end.
    pub(super) fn first_byte(&self, i: usize) -> Option<u8> {
        self.head(i).map(|t| self.doc.folded.as_bytes()[t.start])
    }
    /// The first byte of token `i`'s original text, read from its first
    /// base token without the text; `None` past the end.
    pub(super) fn raw_first_byte(&self, i: usize) -> Option<u8> {
        self.head(i).map(|t| self.doc.text.as_bytes()[t.start])
    }
    /// The length in bytes of token `i`'s text (0 past the end), without
    /// reading the text.
    pub(super) fn text_len(&self, i: usize) -> usize {
        match self.first_base(i) {
            Some(k) => self.doc.tokens[self.base_end(i) - 1].end - self.doc.tokens[k].start,
            None => 0,
        }
    }
    /// The original text of token `i`, or "" past the end.
    pub(super) fn raw(&self, i: usize) -> &'d str {
        match self.span(i) {
            Some((s, e)) => &self.doc.text[s..e],
            None => "",
        }
    }
    /// The kind of token `i`, or `None` past the end.
    pub(super) fn kind(&self, i: usize) -> Option<TokenKind> {
        let t = self.head(i)?;
        Some(match t.kind {
            BaseKind::Digits => TokenKind::Digits,
            BaseKind::Letters | BaseKind::Marks => TokenKind::Word,
            _ => match self.doc.text.as_bytes()[t.start] {
                b if b.is_ascii() => TokenKind::Punct(char::from(b)),
                _ => TokenKind::Punct(first_char(self.doc.text, t)),
            },
        })
    }
    /// The lower-case lists token `i`'s word is on ([`mark`] bits from
    /// [`mark::FOLDED`] on); 0 past the end.
    fn marks(&self, i: usize) -> u64 {
        let Some(k) = self.first_base(i) else {
            return 0;
        };
        let marks = if self.base_end(i) == k + 1 {
            self.doc.tokens[k].marks
        } else {
            let joined = &self.joins.joined_marks;
            joined
                .binary_search_by_key(&(i as u32), |&(j, _)| j)
                .map_or(0, |at| joined[at].1)
        };
        marks & !mark::EXACT
    }
    /// Token `i`'s lower-case word is on a list of `marks` (any of the
    /// [`mark`] bits from [`mark::FOLDED`] on); false past the end.
    pub(super) fn has(&self, i: usize, marks: u64) -> bool {
        self.marks(i) & marks != 0
    }
    /// Token `i` is a word.
    pub(super) fn is_word(&self, i: usize) -> bool {
        self.head(i).is_some_and(|t| t.kind.is_alphabetic())
    }
    /// Token `i` is digits.
    pub(super) fn is_digits(&self, i: usize) -> bool {
        self.head(i)
            .is_some_and(|t| matches!(t.kind, BaseKind::Digits))
    }
    /// Token `i` is the punctuation mark `c`.
    pub(super) fn is_punct(&self, i: usize, c: char) -> bool {
        // One base token of one character: its bytes are `c`'s.
        self.head(i).is_some_and(|t| {
            !t.kind.is_alphabetic()
                && t.kind != BaseKind::Digits
                && self.doc.text.as_bytes()[t.start..t.end]
                    == *c.encode_utf8(&mut [0; 4]).as_bytes()
        })
    }
    /// Token `i` is a hyphen or a dash.
    pub(super) fn is_dash(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(TokenKind::Punct('-' | '–' | '—')))
    }
    /// No space between token `i` and the one before.
    pub(super) fn glued(&self, i: usize) -> bool {
        self.head(i).is_some_and(|t| t.glued)
    }
    /// Tokens `a` and `b` are in the same sentence.
    pub(super) fn same_sentence(&self, a: usize, b: usize) -> bool {
        match (self.head(a), self.head(b)) {
            (Some(x), Some(y)) => x.sentence == y.sentence,
            _ => false,
        }
    }
    /// The lower-case word at `i` if it is a word token in the same sentence as `anchor`.
    pub(super) fn word_in_sentence(&self, i: usize, anchor: usize) -> &str {
        if self.is_word(i) && self.same_sentence(i, anchor) {
            self.word(i)
        } else {
            ""
        }
    }
    /// The lower-case word right before token `i` in its sentence, or "".
    ///
    /// The rules of one figure ask it of the same token several times (the
    /// range, the age, the rank, the position, the determiner tests): the
    /// last answer is kept as its byte range.
    pub(super) fn prev_word(&self, i: usize) -> &str {
        let (at, s, e) = self.prev_word_memo.get();
        if at == i {
            return &self.doc.folded[s..e];
        }
        let (s, e) = if i > 0 && self.is_word(i - 1) && self.same_sentence(i - 1, i) {
            self.span(i - 1).unwrap_or((0, 0))
        } else {
            (0, 0)
        };
        self.prev_word_memo.set((i, s, e));
        &self.doc.folded[s..e]
    }
    /// Token `i` is a word starting with a capital.
    pub(super) fn capitalised(&self, i: usize) -> bool {
        self.head(i)
            .is_some_and(|t| t.kind.is_alphabetic() && t.case.starts_upper())
    }
    /// The value of the digits token `i`, grouping dropped.
    pub(super) fn digits_value(&self, i: usize) -> Option<f64> {
        digits_value_of(self.raw(i))
    }
    /// Token `i` opens its sentence.
    pub(super) fn starts_sentence(&self, i: usize) -> bool {
        i == 0 || !self.same_sentence(i - 1, i)
    }

    /// Words before token `first` (lower-case), nearest first, within the sentence.
    pub(super) fn words_before(&self, first: usize, n: usize) -> [&str; 5] {
        let mut out = [""; 5];
        let mut k = first;
        let mut c = 0;
        while c < n.min(5) && k > 0 {
            k -= 1;
            if !self.same_sentence(k, first) || !self.is_word(k) {
                break;
            }
            out[c] = self.word(k);
            c += 1;
        }
        out
    }
    /// The tokens before `q` in the sentence of token `anchor`, nearest
    /// first, from `q - 1` back to `lo` at the farthest, each with the first
    /// byte of its lower-case text: one base-token read a token.
    pub(super) fn first_bytes_back(
        &self,
        q: usize,
        lo: usize,
        anchor: usize,
    ) -> impl Iterator<Item = (usize, u8)> + '_ {
        let sentence = self.head(anchor).map(|t| t.sentence);
        let lo = lo.min(q);
        let firsts = self.joins.firsts.get(lo..q).unwrap_or(&[]);
        let (base, folded) = (&self.doc.tokens, self.doc.folded.as_bytes());
        firsts.iter().enumerate().rev().map_while(move |(o, &k)| {
            let t = &base[k as usize];
            (Some(t.sentence) == sentence).then(|| (lo + o, folded[t.start]))
        })
    }
    /// Skip an opening quotation mark before a noun ("eight “terrorists”").
    pub(super) fn skip_open_quote(&self, k: usize) -> usize {
        if matches!(self.kind(k), Some(TokenKind::Punct('“' | '"' | '‘')))
            && self.is_word(k + 1)
            && self.glued(k + 1)
        {
            k + 1
        } else {
            k
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens cut from every test text, and from numbers, joins and
    /// number words glued to their neighbours, are those cut one base
    /// token at a time (the old loop, kept as the oracle).
    #[test]
    fn tokenize_matches_its_oracle() {
        let mut texts = crate::text::test_corpus::texts();
        texts.push("China's 1,721 twenty-five $5 HK$3m one hundred's 7 000 8.28% it's".into());
        texts.push("a 1 b 2,000 c's d’s three four ‘x’ 5.5.5 1 721 2004-05".repeat(3));
        texts.push("o'clock rock'n'roll don’t ‘q’ “x” a-b c.d e,f (g) h! 5$ $ x$ US$5 ½ d'".into());
        texts.push(String::new());
        texts.push("word".into());
        for text in &texts {
            let doc = Doc::new(text, false);
            assert_eq!(tokenize(&doc), tokenize_oracle(&doc), "{text:?}");
        }
    }

    /// Every base token in the run of plain tokens from any token start of
    /// every test text is a token of its own and no anchor when cut one
    /// base token at a time (the old loop, kept as the oracle).
    #[test]
    fn plain_runs_are_tokens_of_their_own() {
        let mut texts = crate::text::test_corpus::texts();
        texts.push("China's one two 1,721 it's the end ($5), x.$6; y’z".into());
        texts.push("o'clock rock'n'roll don’t ‘quoted’ “x” a-b c.d e,f (g) h! 5$ $".into());
        texts.push("word".into());
        texts.push(String::new());
        for text in &texts {
            let doc = Doc::new(text, false);
            let oracle = tokenize_oracle(&doc);
            let base_of: std::collections::HashMap<u32, u32> = oracle
                .firsts
                .iter()
                .enumerate()
                .map(|(i, &k)| (k, i as u32))
                .collect();
            // A run starts where a token starts, or past the end.
            let starts = oracle.firsts.iter().map(|&k| k as usize);
            for k in starts.chain([doc.tokens.len(), doc.tokens.len() + 1]) {
                for b in k..plain_run_end(text.as_bytes(), &doc.tokens, k) {
                    let i = base_of[&(b as u32)];
                    let own = oracle
                        .firsts
                        .get(i as usize + 1)
                        .map_or(true, |&n| n == b as u32 + 1);
                    assert!(own, "{text:?} at {b}");
                    assert!(!oracle.anchors.contains(&i), "{text:?} at {b}");
                }
            }
        }
    }

    /// `first_bytes_back` yields the tokens the old walk of `unit_from_context`
    /// read ("the number of X … N": back from `q` while in the sentence of
    /// the figure, at most 25, never token 0), in its order, with their first
    /// bytes.
    #[test]
    fn first_bytes_back_matches_the_sentence_walk() {
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        let mut texts = crate::text::test_corpus::texts();
        texts.push("One. Two three. ".repeat(20));
        texts.push("a".into());
        for text in &texts {
            let doc = Doc::new(text, false);
            let tokens = Tokens::new(&doc, lex);
            for q in 0..=tokens.len() {
                for anchor in [q, q + 1, q + 4] {
                    if anchor >= tokens.len() {
                        continue;
                    }
                    let lo = q.saturating_sub(25).max(1);
                    let got: Vec<_> = tokens.first_bytes_back(q, lo, anchor).collect();
                    let mut want = Vec::new();
                    let mut k = q;
                    while k > 1 && tokens.same_sentence(k - 1, anchor) && k + 25 > q {
                        k -= 1;
                        want.push((k, tokens.first_byte(k).unwrap()));
                    }
                    assert_eq!(got, want, "{text:?} {q} {anchor}");
                }
            }
        }
    }

    /// `prev_word` and `qualifier_before` answer from their memo as they
    /// do from the words, whatever order they are asked in.
    #[test]
    fn memos_answer_as_the_words() {
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        let mut texts = crate::text::test_corpus::texts();
        texts.push("more than 5, up to a rate of 6 and at least 7 people".into());
        for text in &texts {
            let doc = Doc::new(text, false);
            let tokens = Tokens::new(&doc, lex);
            let n = tokens.len();
            let order = (0..=n + 1)
                .chain((0..=n + 1).rev())
                .chain((0..=n).map(|i| i * 7 % (n + 1)));
            for i in order {
                let want = if i == 0 {
                    ""
                } else {
                    tokens.word_in_sentence(i - 1, i)
                };
                assert_eq!(tokens.prev_word(i), want, "{text:?} {i}");
                assert_eq!(tokens.prev_word(i), want, "{text:?} {i}");
                let q = tokens.qualifier_before_read(i);
                assert_eq!(tokens.qualifier_before(i), q, "{text:?} {i}");
                assert_eq!(tokens.qualifier_before(i), q, "{text:?} {i}");
            }
        }
    }

    /// The value of digits with and without grouping and decimals, fast
    /// path or not, is the parse's, bit for bit.
    #[test]
    fn digits_value_matches_the_parse() {
        let mut raws: Vec<String> = [
            "0",
            "7",
            "8.28",
            "0.1",
            "0.3",
            "1,721",
            "1 721",
            "12.345678901234",
            "123456789012.345",
            "1234567890123456",
            "1234567890.1234567",
            "999999999999999",
            "9999999999999.99",
            "5.5.5",
            "5.",
            ".5",
            "2004",
            "1,000,000.5",
            "0.000000000000001",
            "3.14159265358979",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Pseudo-random digits and a point anywhere, up to 17 digits.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = 1 + (x % 17) as usize;
            let mut s: String = (0..len)
                .map(|k| char::from(b'0' + ((x >> (k * 3)) % 10) as u8))
                .collect();
            let at = ((x >> 50) as usize) % (len + 1);
            if x & 1 == 0 {
                s.insert(at, '.');
            }
            raws.push(s);
        }
        for raw in &raws {
            let (got, want) = (digits_value_of(raw), digits_value_oracle(raw));
            assert_eq!(got.map(f64::to_bits), want.map(f64::to_bits), "{raw:?}");
        }
    }

    /// `word_is` turns a word with another first byte away without reading
    /// its text, `text_len` never reads it; both answer as the text does.
    #[test]
    fn word_is_and_text_len_read_no_text_for_other_words() {
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        let doc = Doc::new("The number of 1,721 voters in 2004 fell.", false);
        let tokens = Tokens::new(&doc, lex);
        for i in 0..=tokens.len() + 1 {
            let w = tokens.word(i);
            for lit in ["number", "of", "the", "fell"] {
                let (is, reads) = super::super::text_reads_of(|| tokens.word_is(i, lit));
                assert_eq!(is, w == lit, "{w:?} {lit:?}");
                assert!(
                    is || reads == 0 || w.starts_with(&lit[..1]),
                    "{w:?} {lit:?}"
                );
            }
            let (len, reads) = super::super::text_reads_of(|| tokens.text_len(i));
            assert_eq!((len, reads), (tokens.raw(i).len(), 0), "{w:?}");
        }
    }

    /// Each token's mark bit is its list's answer for the token's word,
    /// for every lower-case list, over the fixture, the development texts
    /// and the units' and currencies' first words in three spellings.
    #[test]
    fn token_marks_are_list_membership() {
        let lexicon = crate::lexicon::Lexicon::embedded();
        let lists = crate::lexicon::marked_lists(lexicon);
        let folded_lists: Vec<_> = lists.iter().filter(|l| !l.2).collect();
        assert!(folded_lists.len() > 10);
        let f = &lexicon.figures;
        let listed = f.units.iter().chain(&f.suffixes).map(|(w, _)| w[0]);
        let listed: Vec<String> = listed
            .flat_map(|w| [w.to_string(), w.to_ascii_uppercase(), format!("5{w} {w}s")])
            .collect();
        let mut texts = crate::text::test_corpus::texts();
        texts.push(listed.join(" "));
        for text in texts {
            let doc = Doc::new(&text, false);
            let tokens = Tokens::new(&doc, f);
            for i in 0..=tokens.len() {
                for (name, bit, _, on_list) in &folded_lists {
                    let w = tokens.word(i);
                    assert_eq!(tokens.has(i, *bit), on_list(w), "{name}: {w:?}");
                }
            }
        }
    }
}
