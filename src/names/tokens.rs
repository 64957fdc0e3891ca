//! The article's words as the name rules see them: the stage's words,
//! joined from the document's base tokens, and [`Words`], which holds every
//! per-word fact the rules ask about (computed once, or on first use).

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashSet;

use crate::gazetteer::{GazMatch, Gazetteer};
use crate::lexicon::{mark, NameWords, Phrase, TitleKind};
use crate::record::EntityType;
use crate::text::{is_punct, Doc, Token as BaseToken, TokenKind};

/// One word of the text.
#[derive(Clone, Copy, Debug)]
pub(super) struct Token {
    pub(super) start: usize,
    pub(super) end: usize,
    /// The word carried a possessive `'s`/`’s` (left out of `start..end`).
    pub(super) possessive: bool,
    /// Starts with a capital letter.
    capital: bool,
    /// Starts with a lower-case letter.
    lower: bool,
    /// Written in capitals: two letters or more, none lower case.
    all_caps: bool,
    /// Only spaces between the previous token and this one (see
    /// [`Words::joined`]).
    joined: bool,
    /// Only spaces, or an abbreviation's dot and spaces, between the
    /// previous token and this one (see [`Words::joined_or_dot`]).
    joined_or_dot: bool,
    /// The word lists the word is on ([`mark`] bits: the base token's, see
    /// [`crate::text::Token::marks`]).
    marks: u64,
    /// Lower-casing leaves the word as it is.
    folds_to_itself: bool,
    /// A brand written with a lower-case first letter ("eDonkey", see
    /// [`super::lists::is_brand_word`]).
    brand: bool,
    /// A hyphen inside the word ("al-Qaeda").
    hyphen: bool,
    /// A letter in the word (`char::is_alphabetic`).
    alphabetic: bool,
}

/// The stage's words, joined from the document's base tokens
/// ([`crate::text::Token`]): letters and digits, with `-`, `'`, `’`, `.`
/// and `&` kept when they sit between two of them ("al-Qaeda", "O'Brien",
/// "U.S"). A possessive `'s` is cut off.
pub(super) fn tokenize(doc: &Doc<'_>) -> Vec<Token> {
    let base = &doc.tokens;
    let text = doc.text;
    let alphanumeric = |j: usize| {
        base.get(j)
            .is_some_and(|t| t.glued && t.kind.is_alphanumeric())
    };
    let connector = |j: usize| {
        base.get(j).is_some_and(|t| {
            t.glued
                && t.kind == TokenKind::Punct
                && matches!(&text[t.start..t.end], "-" | "'" | "’" | "." | "&")
        })
    };
    let mut out: Vec<Token> = Vec::with_capacity(base.len() / 2 + 8);
    let mut k = 0;
    while k < base.len() {
        let first = &base[k];
        if !first.kind.is_alphanumeric() {
            k += 1;
            continue;
        }
        let mut j = k + 1;
        loop {
            if alphanumeric(j) {
                j += 1;
            } else if connector(j) && alphanumeric(j + 1) {
                j += 2;
            } else {
                break;
            }
        }
        let (start, mut end) = (first.start, base[j - 1].end);
        let mut possessive = false;
        // A possessive is a word, an apostrophe and an "s": three tokens
        // at least (most words are one).
        if j - k >= 3 {
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
        let parts = &base[k..if possessive { j - 2 } else { j }];
        // After a possessive the separator reads "’s" (see `Words::sep`).
        let (joined, joined_or_dot) = match out.last() {
            Some(prev) if !prev.possessive => gap_facts(&text[prev.end..start]),
            _ => (false, false),
        };
        out.push(Token {
            start,
            end,
            possessive,
            capital: first.case.starts_upper(),
            lower: first.case.starts_lower(),
            all_caps: written_in_capitals(text, parts),
            joined,
            joined_or_dot,
            marks: word_marks(doc, parts, start, end),
            folds_to_itself: false,
            brand: first.case.starts_lower()
                && second_may_be_upper(text, start)
                && super::lists::brand_written(&text[start..end]),
            hyphen: parts.len() > 1 && parts.iter().any(|t| is_punct(text, t, '-')),
            alphabetic: parts.iter().any(|t| t.kind.is_alphabetic()),
        });
        k = j;
    }
    out
}

/// The lists the word `start..end`, made of the base tokens `parts`, is on
/// ([`mark`] bits of its text and of its lower-case form): the base token's
/// marks for a word of one ASCII token (whose folded text is the word
/// lower-cased), looked up for a join ("al-Qaeda", "U.S") or a word
/// outside ASCII (lower-cased by `str::to_lowercase` here, which can differ
/// from the folded text).
fn word_marks(doc: &Doc<'_>, parts: &[BaseToken], start: usize, end: usize) -> u64 {
    let w = &doc.text[start..end];
    if !w.is_ascii() {
        return doc.word_marks.of(w, &w.to_lowercase());
    }
    match parts {
        [one] => one.marks,
        _ => doc.word_marks.of(w, &doc.folded[start..end]),
    }
}

/// The character after the first at `start` may be a capital: it is one
/// of ASCII, or outside ASCII (asked no further here). A brand's second
/// letter is a capital ("eDonkey"), so most words are turned away here.
fn second_may_be_upper(text: &str, start: usize) -> bool {
    // The first character of a word that starts lower case: its length.
    let first_len = text[start..].chars().next().map_or(1, char::len_utf8);
    text.as_bytes()
        .get(start + first_len)
        .is_some_and(|&b| !b.is_ascii() || b.is_ascii_uppercase())
}

/// Whether a gap between two tokens joins them in one phrase: only spaces
/// (no-break ones too), and only spaces after an abbreviation's dots.
fn gap_facts(gap: &str) -> (bool, bool) {
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

/// The article's words and the facts the rules ask about each word.
pub(super) struct Words<'d, 'a> {
    pub(super) doc: &'d Doc<'a>,
    pub(super) gaz: &'d Gazetteer,
    pub(super) lex: &'d NameWords,
    pub(super) toks: Vec<Token>,
    /// Gazetteer type covering each token, if any.
    pub(super) gaz_kind: Vec<Option<EntityType>>,
    /// The gazetteer match covering each token may give way to a person
    /// name: a one-word city or an ambiguous entry ("Winston", "Davis").
    pub(super) gaz_soft: Vec<bool>,
    /// The token's capitals say nothing: it is on a headline-case line
    /// (see [`Doc::capitals_mute`]).
    pub(super) mute: Vec<bool>,
    /// The token starts a sentence.
    pub(super) initial: Vec<bool>,
    /// Lower-case words that occur written in lower case somewhere in the text
    /// (built on first use; only those some other word could ask about).
    lower_words: OnceCell<HashSet<&'a str>>,
    /// Capitalised words that occur away from sentence starts and headlines
    /// (built on first use; only those some other word could ask about).
    mid_caps: OnceCell<HashSet<&'a str>>,
    // Per-token facts the rules ask for many times, computed once.
    /// Each token lower-cased (`str::to_lowercase`).
    lower: Vec<Cow<'a, str>>,
    /// See [`Words::compute_name_word`].
    name_word: Vec<bool>,
    /// The title or role starting at each token (see [`Words::compute_title_at`]).
    pub(super) titles: Vec<Option<(usize, TitleKind)>>,
}
impl<'a> Words<'a, 'a> {
    /// Tokenize `doc` and compute the per-token facts. (Lower-cased words
    /// borrow from the folded text, so the text's lifetime is the borrow's.)
    pub(super) fn new(
        doc: &'a Doc<'a>,
        gaz: &'a Gazetteer,
        lex: &'a NameWords,
        matches: &[GazMatch],
    ) -> Words<'a, 'a> {
        let toks = tokenize(doc);
        let marks = super::gazetteer_matches::mark_tokens(doc, gaz, &toks, matches);
        let mute = mute_tokens(doc, &toks);
        let initial = sentence_initial_tokens(doc, &toks);
        let mut toks = toks;
        let lower: Vec<Cow<'a, str>> = toks
            .iter_mut()
            .map(|t| {
                let w = &doc.text[t.start..t.end];
                // The folded text lower-cases an ASCII word exactly as
                // `to_lowercase` does; other words are lower-cased on their own.
                let lower = match doc.folded.get(t.start..t.end) {
                    Some(f) if w.is_ascii() => Cow::Borrowed(f),
                    _ => Cow::Owned(w.to_lowercase()),
                };
                t.folds_to_itself = *w == *lower;
                lower
            })
            .collect();
        let mut words = Words {
            doc,
            gaz,
            lex,
            toks,
            gaz_kind: marks.kind,
            gaz_soft: marks.soft,
            mute,
            initial,
            lower_words: OnceCell::new(),
            mid_caps: OnceCell::new(),
            lower,
            name_word: Vec::new(),
            titles: Vec::new(),
        };
        words.name_word = (0..words.toks.len())
            .map(|i| words.compute_name_word(i))
            .collect();
        words.titles = (0..words.toks.len())
            .map(|i| words.compute_title_at(i))
            .collect();
        words
    }
}

/// A set of words that may answer "no" wrongly but never "yes" wrongly
/// without hashing a word: each word sets one bit of 4,096, chosen by its
/// length and its first and last bytes. (Words chosen to share bits only
/// make the filter let more through.)
pub(super) struct WordFilter([u64; 64]);

impl WordFilter {
    pub(super) fn new<'w>(words: impl Iterator<Item = &'w str>) -> WordFilter {
        let mut bits = [0u64; 64];
        for w in words {
            let b = WordFilter::bit(w);
            bits[b / 64] |= 1 << (b % 64);
        }
        WordFilter(bits)
    }

    fn bit(w: &str) -> usize {
        let bytes = w.as_bytes();
        let (first, last) = (bytes.first().copied(), bytes.last().copied());
        let key = u32::from(first.unwrap_or(0)) << 16
            | u32::from(last.unwrap_or(0)) << 8
            | (bytes.len() as u32 & 0xff);
        (key.wrapping_mul(0x9e37_79b9) >> 20) as usize
    }

    /// `w` may be one of the words (it is, or shares their bit).
    pub(super) fn may_hold(&self, w: &str) -> bool {
        let b = WordFilter::bit(w);
        self.0[b / 64] & (1 << (b % 64)) != 0
    }
}

/// Whether each token's capitals say nothing ([`Doc::capitals_mute`]).
fn mute_tokens(doc: &Doc<'_>, toks: &[Token]) -> Vec<bool> {
    // One answer per line: the test reads the whole line. Tokens come in
    // order, so only the current line's answer is kept.
    let mut cache: Option<(std::ops::Range<usize>, bool)> = None;
    toks.iter()
        .map(|t| match &cache {
            Some((line, mute)) if line.start <= t.start && t.start <= line.end => *mute,
            _ => {
                let line = doc.line_span(t.start);
                let mute = doc.capitals_mute(t.start);
                cache = Some((line, mute));
                mute
            }
        })
        .collect()
}

/// Whether each token starts a sentence: the first token at or after each
/// sentence start (a walk over both lists keeps this linear).
fn sentence_initial_tokens(doc: &Doc<'_>, toks: &[Token]) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    let mut k = 0;
    for sent in &doc.sentences {
        while k < toks.len() && toks[k].start < sent.start {
            k += 1;
        }
        if k < toks.len() && toks[k].start < sent.end {
            out[k] = true;
        }
    }
    out
}
impl<'d, 'a> Words<'d, 'a> {
    pub(super) fn word(&self, i: usize) -> &'a str {
        let t = self.toks[i];
        &self.doc.text[t.start..t.end]
    }

    /// The text between token `i - 1` and token `i`.
    pub(super) fn sep(&self, i: usize) -> &'a str {
        if i == 0 || i >= self.toks.len() {
            return "";
        }
        if self.toks[i - 1].possessive {
            return "’s";
        }
        &self.doc.text[self.toks[i - 1].end..self.toks[i].start]
    }

    /// Tokens `i - 1` and `i` are in one phrase: only spaces between them.
    pub(super) fn joined(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.joined)
    }

    /// Token `i`'s word is on a list of `marks` (any of the [`mark`] bits).
    pub(super) fn has(&self, i: usize, marks: u64) -> bool {
        self.toks[i].marks & marks != 0
    }

    /// A listed given name.
    pub(super) fn is_first_name(&self, i: usize) -> bool {
        self.has(i, mark::FIRST_NAME)
    }

    /// A listed surname.
    pub(super) fn is_surname(&self, i: usize) -> bool {
        self.has(i, mark::SURNAME)
    }

    /// A speech verb.
    pub(super) fn is_speech(&self, i: usize) -> bool {
        self.has(i, mark::SPEECH)
    }

    /// A capitalised word that can never start a name
    /// ([`NameWords::is_function_stop`]).
    pub(super) fn is_function_stop(&self, i: usize) -> bool {
        self.has(i, mark::FUNCTION_STOP)
    }

    pub(super) fn is_cap(&self, i: usize) -> bool {
        self.toks[i].capital
    }

    /// A hyphen inside the word ("al-Qaeda").
    pub(super) fn has_hyphen(&self, i: usize) -> bool {
        self.toks[i].hyphen
    }

    /// A brand written with a lower-case first letter ("eDonkey").
    pub(super) fn is_brand(&self, i: usize) -> bool {
        self.toks[i].brand
    }

    /// Starts with a lower-case letter.
    pub(super) fn is_lower(&self, i: usize) -> bool {
        self.toks[i].lower
    }

    pub(super) fn is_all_caps(&self, i: usize) -> bool {
        self.toks[i].all_caps
    }

    /// A word that can be part of a name: capitalised, with every hyphen
    /// part capitalised except short particles ("Tehreek-e-Taliban",
    /// "al-Qaeda"); "US-backed" is not one.
    pub(super) fn is_name_word(&self, i: usize) -> bool {
        self.name_word[i]
    }

    pub(super) fn compute_name_word(&self, i: usize) -> bool {
        let t = self.toks[i];
        if !t.hyphen {
            return t.capital && t.alphabetic;
        }
        let w = self.word(i);
        let parts: Vec<&str> = w.split('-').collect();
        let cap = |p: &str| p.chars().next().is_some_and(char::is_uppercase);
        let first_ok = parts
            .first()
            .is_some_and(|p| cap(p) || self.lex.cues.particles.contains(&p.to_lowercase()));
        let last_ok = parts.last().is_some_and(|p| cap(p));
        first_ok && last_ok
    }

    pub(super) fn is_stop(&self, i: usize) -> bool {
        self.has(i, mark::STOP)
    }

    /// Case-insensitive phrase match of `p` starting at token `i`; returns
    /// the token index one past the phrase. Words of a phrase may be
    /// separated by spaces or an abbreviation's dot.
    pub(super) fn phrase_at(&self, p: &Phrase, i: usize) -> Option<usize> {
        if i + p.words.len() > self.toks.len() {
            return None;
        }
        for (k, pw) in p.words.iter().enumerate() {
            let j = i + k;
            if k > 0 {
                let s = self.sep(j).trim_start_matches('.');
                if s.is_empty() || !s.chars().all(|c| c == ' ') {
                    return None;
                }
            }
            let ok = if p.fold {
                self.lower[j] == pw.as_str()
            } else {
                self.word(j) == pw
            };
            if !ok {
                return None;
            }
        }
        Some(i + p.words.len())
    }

    /// Phrase ending at token `end - 1` (exclusive `end`); returns its start.
    pub(super) fn phrase_ending(&self, p: &Phrase, end: usize) -> Option<usize> {
        let start = end.checked_sub(p.words.len())?;
        (self.phrase_at(p, start) == Some(end)).then_some(start)
    }

    /// Capitals here say nothing: a headline-case line.
    pub(super) fn capitals_mute(&self, i: usize) -> bool {
        self.mute[i]
    }

    /// A capitalised word known to be (part of) a name: a gazetteer match,
    /// a listed given name or surname, or a word the text capitalises
    /// somewhere other than at a sentence start.
    pub(super) fn is_known_name_word(&self, i: usize) -> bool {
        self.gaz_kind[i].is_some()
            || self.has(i, mark::FIRST_NAME | mark::SURNAME)
            // A capital away from sentence starts and headlines is one
            // itself.
            || self.is_mid_cap(i)
            || self.mid_caps().contains(self.word(i))
    }

    /// A capitalised word that is also an ordinary word in this text
    /// ("Will", "Mark" written "will", "mark" elsewhere).
    pub(super) fn is_common_word(&self, i: usize) -> bool {
        // A word in lower case is one itself.
        self.is_stop(i) || self.is_plain_lower(i) || self.lower_words().contains(self.word_lower(i))
    }

    /// Starts lower case and lower-casing leaves it as it is: a word of
    /// `lower_words` itself.
    fn is_plain_lower(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.lower && t.folds_to_itself
    }

    /// Capitalised away from sentence starts and headlines: a word of
    /// `mid_caps` itself.
    fn is_mid_cap(&self, i: usize) -> bool {
        !self.initial[i] && !self.mute[i] && self.toks[i].capital
    }

    /// The words written in lower case, among those the other words'
    /// lower-case forms could be (`is_common_word` answers the rest
    /// without it).
    fn lower_words(&self) -> &HashSet<&'a str> {
        self.lower_words.get_or_init(|| {
            let askers = (0..self.toks.len()).filter(|&k| !self.is_plain_lower(k));
            let filter = WordFilter::new(askers.map(|k| self.word_lower(k)));
            (0..self.toks.len())
                .filter(|&k| self.toks[k].lower)
                .map(|k| self.word(k))
                .filter(|w| filter.may_hold(w))
                .collect()
        })
    }

    /// The words capitalised away from sentence starts and headlines,
    /// among those the other words could be.
    fn mid_caps(&self) -> &HashSet<&'a str> {
        self.mid_caps.get_or_init(|| {
            let askers = (0..self.toks.len()).filter(|&k| !self.is_mid_cap(k));
            let filter = WordFilter::new(askers.map(|k| self.word(k)));
            (0..self.toks.len())
                .filter(|&k| self.is_mid_cap(k))
                .map(|k| self.word(k))
                .filter(|w| filter.may_hold(w))
                .collect()
        })
    }

    pub(super) fn span(&self, from: usize, to: usize) -> (usize, usize) {
        (self.toks[from].start, self.toks[to - 1].end)
    }

    pub(super) fn word_lower(&self, i: usize) -> &str {
        &self.lower[i]
    }

    /// Joined by spaces, or by an abbreviation's dot ("Mr. Smith").
    pub(super) fn joined_or_dot(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.joined_or_dot)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(&Doc::new(text, false))
            .into_iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    /// The word sets asked through a filter answer as the whole sets would.
    #[test]
    fn common_and_known_words_as_the_whole_sets_answer() {
        let text = "The will of Will. Mark said the mark was set. WILL Mark iPhone \
                    iphone Paris paris. Will Smith met Mark Jones in Paris, the Will said.";
        let doc = Doc::new(text, false);
        let lex = &crate::lexicon::Lexicon::embedded().names;
        let words = Words::new(&doc, Gazetteer::embedded(), lex, &[]);
        let n = words.toks.len();
        let lower: HashSet<&str> = (0..n)
            .filter(|&k| words.toks[k].lower)
            .map(|k| words.word(k))
            .collect();
        let mid: HashSet<&str> = (0..n)
            .filter(|&k| !words.initial[k] && !words.mute[k] && words.toks[k].capital)
            .map(|k| words.word(k))
            .collect();
        for i in 0..n {
            let common = words.is_stop(i) || lower.contains(words.word_lower(i));
            assert_eq!(words.is_common_word(i), common, "{}", words.word(i));
            let known = words.gaz_kind[i].is_some()
                || words.has(i, mark::FIRST_NAME | mark::SURNAME)
                || mid.contains(words.word(i));
            assert_eq!(words.is_known_name_word(i), known, "{}", words.word(i));
        }
        let filter = WordFilter::new(["will", "mark"].into_iter());
        assert!(filter.may_hold("will") && filter.may_hold("mark"));
    }

    /// Each word's marks are what one lookup of the word and of its
    /// lower-case form in the lexicon's table gives (the base token's marks
    /// are copied for most words), and its brand fact what the brand test
    /// gives (most words are turned away before it), over the fixture and
    /// development texts.
    #[test]
    fn word_marks_as_looked_up() {
        let mut texts = crate::text::test_corpus::texts();
        texts.push("iPhone eDonkey é iÉcole aB a iA".to_string());
        let lexicon = crate::lexicon::Lexicon::embedded();
        let mut words = 0;
        for text in &texts {
            let doc = Doc::new(text, false);
            for t in tokenize(&doc) {
                let w = &text[t.start..t.end];
                let looked_up = lexicon.marks.of(w, &w.to_lowercase());
                assert_eq!(t.marks, looked_up, "{w:?}");
                let brand = t.lower && super::super::lists::brand_written(w);
                assert_eq!(t.brand, brand, "{w:?}");
                words += 1;
            }
        }
        assert!(words > 1000, "{} texts, {words} words", texts.len());
    }

    #[test]
    fn tokens() {
        assert_eq!(
            words("Sirajuddin’s al-Qaeda U.S. O'Brien's Tehreek-e-Taliban, (ETIM)"),
            vec![
                "Sirajuddin",
                "al-Qaeda",
                "U.S",
                "O'Brien",
                "Tehreek-e-Taliban",
                "ETIM"
            ]
        );
    }
}
