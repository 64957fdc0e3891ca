//! The figures stage's view of the text: tokens (digits, words, punctuation)
//! with the facts every rule asks about them (glued to the previous token,
//! first on its line, sentence), and the accessors the rules read them with.
//!
//! The tokenizer is kept to this one file on purpose: it is to be replaced by
//! the shared text-layer tokenizer, and nothing else here knows how tokens are
//! cut.

use crate::lexicon::FigureWords;
use crate::text::Doc;

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
}

/// Thin spaces and no-break spaces that group digits ("1 721").
fn is_group_space(c: char) -> bool {
    matches!(c, '\u{2009}' | '\u{202F}' | '\u{00A0}')
}

/// Cut the text into tokens, in one pass.
fn tokenize(doc: &Doc<'_>) -> Vec<Token> {
    let text = doc.text;
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 5 + 8);
    let mut i = 0;
    let mut glued = false;
    let mut newline = true;
    let mut sent = 0usize;
    let sents = &doc.sentences;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b' ' || b == b'\t' || b == b'\r' {
            glued = false;
            i += 1;
            continue;
        }
        if b == b'\n' {
            glued = false;
            newline = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if b.is_ascii_digit() {
            i += 1;
            loop {
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                // Grouping: ",ddd" / thin space + ddd, decimals ".d".
                if i + 1 < bytes.len() && (bytes[i] == b',' || bytes[i] == b'.') {
                    let sep = bytes[i];
                    let run = bytes[i + 1..]
                        .iter()
                        .take_while(|c| c.is_ascii_digit())
                        .count();
                    if sep == b',' && run == 3 {
                        i += 1 + run;
                        continue;
                    }
                    if sep == b'.' && run > 0 && !text[start..i].contains('.') {
                        i += 1 + run;
                        continue;
                    }
                } else if i < bytes.len() && bytes[i] >= 0x80 {
                    if let Some(c) = text[i..].chars().next() {
                        if is_group_space(c) {
                            let after = i + c.len_utf8();
                            let run = bytes[after..]
                                .iter()
                                .take_while(|c| c.is_ascii_digit())
                                .count();
                            if run == 3 {
                                i = after + run;
                                continue;
                            }
                        }
                    }
                }
                break;
            }
            kind = TokenKind::Digits;
        } else {
            let c = match text[i..].chars().next() {
                Some(c) => c,
                None => break,
            };
            if c.is_alphabetic() {
                i += c.len_utf8();
                while i < bytes.len() {
                    if bytes[i].is_ascii_alphabetic() {
                        i += 1;
                        continue;
                    }
                    let Some(d) = text[i..].chars().next() else {
                        break;
                    };
                    let inner_apostrophe = (d == '\'' || d == '’')
                        && text[i + d.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphabetic);
                    if d.is_alphabetic() || inner_apostrophe {
                        i += d.len_utf8();
                    } else {
                        break;
                    }
                }
                kind = TokenKind::Word;
            } else {
                i += c.len_utf8();
                if c.is_whitespace() {
                    glued = false;
                    continue;
                }
                kind = TokenKind::Punct(c);
            }
        }
        while sent + 1 < sents.len() && sents[sent].end <= start {
            sent += 1;
        }
        toks.push(Token {
            start,
            end: i,
            kind,
            glued,
            newline,
            sentence: sent,
        });
        glued = true;
        newline = false;
    }
    toks
}

/// The document and its tokens: every figure rule is a method on this view,
/// taking and returning token indices. Reading past either end yields an
/// empty word and no kind, so rules can look ahead without bounds checks.
pub(super) struct Tokens<'a, 'd> {
    pub(super) doc: &'a Doc<'d>,
    pub(super) lex: &'a FigureWords,
    pub(super) toks: Vec<Token>,
}

impl<'a, 'd> Tokens<'a, 'd> {
    /// Tokenize `doc`; the rules read their word lists from `lex`.
    pub(super) fn new(doc: &'a Doc<'d>, lex: &'a FigureWords) -> Self {
        Tokens {
            doc,
            lex,
            toks: tokenize(doc),
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
    /// Token `i` is a word.
    pub(super) fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }
    /// Token `i` is the punctuation mark `c`.
    pub(super) fn is_punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(TokenKind::Punct(c))
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
        self.is_word(i) && self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }
    /// The value of the digits token `i`, grouping dropped.
    pub(super) fn digits_value(&self, i: usize) -> Option<f64> {
        let raw = self.raw(i);
        let mut buf = String::with_capacity(raw.len());
        for c in raw.chars() {
            if c.is_ascii_digit() || c == '.' {
                buf.push(c);
            }
        }
        buf.parse().ok()
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
