//! The figures stage's view of the text: tokens (digits, words, punctuation)
//! joined from the document's base tokens ([`crate::text::Token`]), with the
//! facts every rule asks about them (glued to the previous token, first on
//! its line, sentence, capital, the lexicon's lists the word is on: its
//! base token's marks), and the accessors the rules read them with.

use std::cell::Cell;

use crate::lexicon::{mark, FigureWords};
use crate::text::{first_char, is_punct, Doc, TokenKind as BaseKind};

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

/// One token: its byte range in the text and where it stands.
#[derive(Clone, Copy, Debug)]
pub(super) struct Token {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: TokenKind,
    /// No space before this token.
    pub(super) glued: bool,
    /// A line break lies between the previous token and this one.
    pub(super) newline: bool,
    /// Index of the token's sentence in `Doc::sentences`.
    pub(super) sentence: usize,
    /// Starts with a capital letter.
    pub(super) capital: bool,
    /// The lower-case lists the token's word is on ([`mark`] bits from
    /// [`mark::FOLDED`] on).
    pub(super) marks: u64,
}

/// Thin spaces and no-break spaces that group digits ("1 721").
fn is_group_space(c: char) -> bool {
    matches!(c, '\u{2009}' | '\u{202F}' | '\u{00A0}')
}

/// The stage's tokens, joined from the document's base tokens: numbers
/// with their grouping and decimals, words with inner apostrophes, one
/// token for every other character.
fn tokenize(doc: &Doc<'_>) -> Vec<Token> {
    let base = &doc.tokens;
    let mut toks = Vec::with_capacity(base.len());
    let mut k = 0;
    while let Some(first) = base.get(k) {
        // Only a glued base token after this one can join it: most tokens
        // stand alone and skip the joining.
        let alone = base.get(k + 1).map_or(true, |t| !t.glued);
        let (next, kind) = match first.kind {
            BaseKind::Digits => (digits_end(doc, k), TokenKind::Digits),
            BaseKind::Letters | BaseKind::Marks if alone => (k + 1, TokenKind::Word),
            BaseKind::Letters | BaseKind::Marks => (word_end(doc, k), TokenKind::Word),
            BaseKind::Numeral | BaseKind::UnlistedNumeral | BaseKind::Punct => {
                (k + 1, TokenKind::Punct(first_char(doc.text, first)))
            }
        };
        // A word of one base token has its marks; a join ("China's",
        // "1,721") is looked up.
        let (end, marks) = if next == k + 1 {
            (first.end, first.marks)
        } else {
            let end = base[next - 1].end;
            (end, doc.word_marks.get(&doc.folded[first.start..end]))
        };
        toks.push(Token {
            start: first.start,
            end,
            kind,
            glued: first.glued,
            newline: first.line_start,
            sentence: first.sentence as usize,
            capital: first.case.starts_upper(),
            marks: marks & !mark::EXACT,
        });
        k = next;
    }
    toks
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

/// The document and its tokens: every figure rule is a method on this view,
/// taking and returning token indices. Reading past either end yields an
/// empty word and no kind, so rules can look ahead without bounds checks.
pub(super) struct Tokens<'a, 'd> {
    pub(super) doc: &'a Doc<'d>,
    pub(super) lex: &'a FigureWords,
    pub(super) toks: Vec<Token>,
    /// How far [`Tokens::base_currency`] has read, and what it found.
    pub(super) currency_seen: Cell<CurrencySeen>,
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
            toks: tokenize(doc),
            currency_seen: Cell::default(),
        }
    }
    /// The lower-case (folded) text of token `i`, or "" past the end.
    pub(super) fn word(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.doc.folded[t.start..t.end],
            None => "",
        }
    }
    /// The original text of token `i`, or "" past the end.
    pub(super) fn raw(&self, i: usize) -> &'d str {
        match self.toks.get(i) {
            Some(t) => &self.doc.text[t.start..t.end],
            None => "",
        }
    }
    /// The kind of token `i`, or `None` past the end.
    pub(super) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }
    /// Token `i`'s lower-case word is on a list of `marks` (any of the
    /// [`mark`] bits from [`mark::FOLDED`] on); false past the end.
    pub(super) fn has(&self, i: usize, marks: u64) -> bool {
        self.toks.get(i).is_some_and(|t| t.marks & marks != 0)
    }
    /// Token `i` is a word.
    pub(super) fn is_word(&self, i: usize) -> bool {
        // A pattern, not `==`: the derived comparison of the kinds is
        // slower, and this is asked at nearly every token.
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokenKind::Word))
    }
    /// Token `i` is digits.
    pub(super) fn is_digits(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokenKind::Digits))
    }
    /// Token `i` is the punctuation mark `c`.
    pub(super) fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokenKind::Punct(p) if p == c))
    }
    /// Token `i` is a hyphen or a dash.
    pub(super) fn is_dash(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(TokenKind::Punct('-' | '–' | '—')))
    }
    /// No space between token `i` and the one before.
    pub(super) fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }
    /// Tokens `a` and `b` are in the same sentence.
    pub(super) fn same_sentence(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
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
    pub(super) fn prev_word(&self, i: usize) -> &str {
        if i == 0 {
            ""
        } else {
            self.word_in_sentence(i - 1, i)
        }
    }
    /// Token `i` is a word starting with a capital.
    pub(super) fn capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.toks[i].capital
    }
    /// The value of the digits token `i`, grouping dropped.
    pub(super) fn digits_value(&self, i: usize) -> Option<f64> {
        let raw = self.raw(i);
        // Up to 15 digits and no decimal point: an integer below 2^53,
        // which the parse would give exactly; no buffer. Grouping (a comma,
        // a group space) is skipped as below.
        let (mut n, mut digits, mut point) = (0u64, 0, false);
        for &b in raw.as_bytes() {
            if b.is_ascii_digit() {
                n = n.wrapping_mul(10).wrapping_add(u64::from(b - b'0'));
                digits += 1;
            } else if b == b'.' {
                point = true;
            }
        }
        if !point && (1..=15).contains(&digits) {
            return Some(n as f64);
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
            for i in 0..=tokens.toks.len() {
                for (name, bit, _, on_list) in &folded_lists {
                    let w = tokens.word(i);
                    assert_eq!(tokens.has(i, *bit), on_list(w), "{name}: {w:?}");
                }
            }
        }
    }
}
