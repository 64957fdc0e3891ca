//! The figures stage's view of the text: tokens (digits, words, punctuation)
//! joined from the document's base tokens ([`crate::text::Token`]), read
//! through the base tokens (glued to the previous token, first on its line,
//! sentence, capital, the lexicon's lists the word is on: its first base
//! token's facts), and the accessors the rules read them with.
//!
//! The view holds no copy of the base tokens: one `u32` per token (the
//! index of its first base token), the marks of the few tokens joined from
//! several, and the tokens where a figure can start.
//!
//! `cut` makes the view's token list from the base tokens; `oracle` keeps
//! its old code as the oracle of the differential tests.

mod cut;
#[cfg(test)]
mod oracle;

use std::cell::{Cell, OnceCell};

pub(in crate::figures) use cut::{digits_value_and_shape, digits_value_of};
use cut::{tokenize, Joins};

use crate::lexicon::{mark, FigureWords, NumberWord};
use crate::record::Qualifier;
use crate::text::{first_char, Doc, Token as BaseToken, TokenKind as BaseKind};

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
    /// The number words last looked up ([`Tokens::number_word`]), by token
    /// index modulo their count: the steps of one figure ask the same few
    /// tokens several times.
    pub(super) number_memo: [Cell<NumberMemo>; NUMBER_MEMO],
}

/// A token and the number word it is, if any ([`Tokens::number_memo`]).
pub(super) type NumberMemo = (usize, Option<(NumberWord, f64)>);

/// Slots of [`Tokens::number_memo`].
pub(super) const NUMBER_MEMO: usize = 8;

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
            number_memo: std::array::from_fn(|_| Cell::new((usize::MAX, None))),
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
    /// The last byte of token `i`'s lower-case text, read from its last
    /// base token without the text; `None` past the end.
    pub(super) fn last_byte(&self, i: usize) -> Option<u8> {
        self.first_base(i)?;
        let end = self.doc.tokens[self.base_end(i) - 1].end;
        self.doc.folded.as_bytes().get(end.wrapping_sub(1)).copied()
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

impl Drop for Tokens<'_, '_> {
    /// The token buffers go back to the thread for its next article.
    fn drop(&mut self) {
        std::mem::take(&mut self.joins).keep();
    }
}

#[cfg(test)]
mod tests {
    use super::cut::plain_run_end;
    use super::oracle::{digits_value_oracle, tokenize_oracle};
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
        texts.push("said” it’s x’ ’y ½ 3½ x½ €5 £ ₹7 “quoted” a–b ‘$’ z$ ”$4 ½$".into());
        texts.push(String::new());
        texts.push("word".into());
        for text in &texts {
            let doc = Doc::new(text, false);
            let joins = tokenize(&doc);
            assert_eq!(joins, tokenize_oracle(&doc), "{text:?}");
            // The next text is cut in these buffers, as the next article is.
            joins.keep();
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
        texts.push("said” it’s x’ ’y ½ 3½ x½ €5 £ ₹7 “quoted” a–b ‘$’ z$ ”$4 ½$".into());
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

    /// `prev_word`, `qualifier_before` and `number_word` answer from their
    /// memos as they do from the words, whatever order they are asked in.
    #[test]
    fn memos_answer_as_the_words() {
        let lex = &crate::lexicon::Lexicon::embedded().figures;
        let mut texts = crate::text::test_corpus::texts();
        texts.push("more than 5, up to a rate of 6 and at least 7 people".into());
        texts.push("one two three four five six seven eight nine ten million dozen half".repeat(3));
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
                let w = tokens.word(i);
                let listed = lex.numbers.get(w).copied().filter(|_| tokens.is_word(i));
                assert_eq!(tokens.number_word(i), listed, "{text:?} {i}");
                assert_eq!(tokens.number_word(i), listed, "{text:?} {i}");
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
            "1\u{2009}721",
            "1\u{a0}000\u{a0}000",
            "12345678901234567890",
            "1,234,567,890,123,456.5",
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
            // The shape: digits alone, as the old test of every byte said.
            let plain = raw.bytes().all(|b| b.is_ascii_digit());
            let shape = digits_value_and_shape(raw).map(|(_, plain)| plain);
            assert_eq!(shape, want.map(|_| plain), "{raw:?}");
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
