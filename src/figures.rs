//! Figures: numbers that state a quantity, with their kind, unit, qualifier
//! and year (ANNOTATION.md, "Figures").
//!
//! The text is cut once into tokens (numbers, words, punctuation), then one
//! left-to-right pass tries the figure grammar at every token that can start
//! a number: digits, number words, vague plurals ("thousands"), fractions
//! ("a third", "one in five") and currency prefixes ("HK$"). Each figure is
//! then given its qualifier (from the words before it), its unit (the word
//! after it, or the counted noun of its noun phrase) and finally, in a second
//! linear pass over each sentence, its year.
//!
//! Word lists live in `gazetteers/figure_*.tsv`; the small closed grammatical
//! sets (qualifier phrases, prepositions, determiners) are constants here.

use std::collections::HashMap;

use once_cell::sync::Lazy;

use crate::hash::FnvBuild;
use crate::record::{ClaimKind, Qualifier};
use crate::text::Doc;

/// A figure found in the text, before it becomes a claim.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Figure {
    pub start: usize,
    pub end: usize,
    pub kind: ClaimKind,
    pub value: f64,
    pub upper: Option<f64>,
    pub unit: Option<String>,
    pub qualifier: Qualifier,
    pub year: Option<i32>,
    pub rule: String,
}

// ---------------------------------------------------------------------------
// Word lists

#[derive(Clone, Copy, Debug, PartialEq)]
enum NumClass {
    Unit,
    Tens,
    Hundred,
    Scale,
    Suffix,
    Dozen,
    Vague,
    Fraction,
    Few,
}

#[derive(Debug)]
struct Lexicon {
    numbers: HashMap<&'static str, (NumClass, f64), FnvBuild>,
    /// Prefix currency forms, case-sensitive, longest first.
    prefixes: Vec<(&'static str, &'static str)>,
    /// Suffix currency forms, lower-case word sequences, longest first.
    suffixes: Vec<(Vec<&'static str>, &'static str)>,
    /// Measure units, lower-case word sequences, longest first.
    units: Vec<(Vec<&'static str>, &'static str)>,
}

fn tsv_rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split('\t').map(str::trim).collect())
}

static LEX: Lazy<Lexicon> = Lazy::new(|| {
    let mut numbers = HashMap::default();
    for row in tsv_rows(include_str!("../gazetteers/figure_numbers.tsv")) {
        let (Some(word), Some(class), Some(value)) = (row.first(), row.get(1), row.get(2)) else {
            continue;
        };
        let class = match *class {
            "unit" => NumClass::Unit,
            "tens" => NumClass::Tens,
            "hundred" => NumClass::Hundred,
            "scale" => NumClass::Scale,
            "suffix" => NumClass::Suffix,
            "dozen" => NumClass::Dozen,
            "vague" => NumClass::Vague,
            "fraction" => NumClass::Fraction,
            "few" => NumClass::Few,
            _ => continue,
        };
        if let Ok(v) = value.parse::<f64>() {
            numbers.insert(*word, (class, v));
        }
    }
    let mut prefixes = Vec::new();
    let mut suffixes = Vec::new();
    for row in tsv_rows(include_str!("../gazetteers/figure_currencies.tsv")) {
        let (Some(form), Some(iso), Some(pos)) = (row.first(), row.get(1), row.get(2)) else {
            continue;
        };
        if matches!(*pos, "prefix" | "both") {
            prefixes.push((*form, *iso));
        }
        if matches!(*pos, "suffix" | "both") {
            suffixes.push((form.split(' ').collect::<Vec<_>>(), *iso));
        }
    }
    prefixes.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    suffixes.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    let mut units = Vec::new();
    for row in tsv_rows(include_str!("../gazetteers/figure_units.tsv")) {
        let (Some(form), Some(cat)) = (row.first(), row.get(1)) else {
            continue;
        };
        units.push((form.split(' ').collect::<Vec<_>>(), *cat));
    }
    units.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    Lexicon {
        numbers,
        prefixes,
        suffixes,
        units,
    }
});

// Small closed sets.

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Words that end a counted noun phrase.
const NP_STOP: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "to",
    "from",
    "by",
    "with",
    "without",
    "for",
    "and",
    "or",
    "but",
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "who",
    "whom",
    "which",
    "whose",
    "as",
    "than",
    "into",
    "onto",
    "across",
    "around",
    "over",
    "under",
    "between",
    "among",
    "per",
    "during",
    "after",
    "before",
    "since",
    "until",
    "about",
    "against",
    "through",
    "via",
    "like",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "do",
    "does",
    "did",
    "not",
    "no",
    "up",
    "down",
    "out",
    "off",
    "more",
    "less",
    "each",
    "every",
    "all",
    "both",
    "when",
    "where",
    "while",
    "if",
    "so",
    "then",
    "there",
    "here",
    "it",
    "they",
    "them",
    "we",
    "he",
    "she",
    "you",
    "i",
    "also",
    "already",
    "still",
    "now",
    "only",
    "just",
    "said",
    "says",
    "say",
    "including",
    "what",
    "respectively",
    "ago",
    "later",
    "earlier",
    "too",
    "apiece",
    "each",
    "whereas",
];

/// Verbs (and auxiliaries) that show a bare number is the subject ("Nine were executed").
const SUBJECT_VERBS: &[&str] = &[
    "were", "was", "are", "is", "had", "have", "has", "will", "would", "could", "can", "may",
    "might", "did", "died", "remain", "remained", "remain", "live", "lived", "work", "worked",
    "face", "faced", "suffered", "received", "got", "went", "came", "fled", "took", "gave", "held",
    "made", "left", "lost", "won", "joined", "signed", "voted", "say", "said",
];

/// Participles used as adjectives before a counted noun ("500 armed men").
const PARTICIPLE_ADJ: &[&str] = &[
    "armed",
    "wounded",
    "injured",
    "displaced",
    "detained",
    "registered",
    "skilled",
    "unnamed",
    "suspected",
    "alleged",
    "trained",
    "qualified",
    "unidentified",
    "elected",
    "confirmed",
    "reported",
    "estimated",
    "licensed",
    "named",
    "listed",
    "killed",
    "missing",
    "disabled",
    "retired",
    "talented",
    "dedicated",
    "affected",
    "infected",
    "vaccinated",
    "selected",
    "detailed",
    "related",
    "associated",
    "united",
    "advanced",
    "experienced",
    "undocumented",
    "unaccompanied",
    "displaced",
    "imprisoned",
    "jailed",
    "abducted",
    "kidnapped",
    "arrested",
    "banned",
    "designated",
    "accused",
    "convicted",
    "so-called",
];

/// Irregular plurals (and collective nouns) heading a counted noun phrase.
const PLURAL_NOUNS: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "police",
    "youth",
    "staff",
    "personnel",
    "cattle",
    "sheep",
    "fish",
    "data",
    "media",
    "criteria",
    "aircraft",
    "livestock",
    "deer",
    "folk",
    "clergy",
    "militia",
    "infantry",
    "crew",
    "teeth",
    "feet",
    "mice",
    "geese",
    "offspring",
    "policemen",
    "policewomen",
    "servicemen",
    "firemen",
    "gunmen",
    "fishermen",
    "businessmen",
    "chairmen",
    "spokesmen",
    "congressmen",
    "tribesmen",
];

/// Words ending in -s that are not plural nouns.
const NOT_PLURAL: &[&str] = &[
    "overseas",
    "various",
    "previous",
    "serious",
    "famous",
    "dangerous",
    "numerous",
    "less",
    "unless",
    "across",
    "plus",
    "thus",
    "its",
    "his",
    "this",
    "has",
    "was",
    "is",
    "as",
    "us",
    "always",
    "perhaps",
    "towards",
    "afterwards",
    "besides",
    "nearly",
    "news",
    "politics",
    "economics",
    "analysis",
    "basis",
    "crisis",
    "status",
    "bus",
    "gas",
    "chaos",
    "series",
    "species",
    "means",
    "headquarters",
    "mass",
    "class",
    "press",
    "process",
    "business",
    "progress",
    "congress",
    "success",
    "access",
    "address",
    "wellness",
    "illness",
    "religious",
    "anonymous",
    "enormous",
    "tremendous",
    "vicious",
    "nervous",
    "obvious",
    "continuous",
    "indigenous",
    "autonomous",
    "precious",
    "curious",
    "generous",
];

/// Determiners after which a small count refers back ("the two countries").
const BACK_DETERMINERS: &[&str] = &[
    "the", "its", "their", "these", "those", "both", "his", "her", "our",
];

/// Words before a duration that place something in time instead of claiming a length.
const TIME_PLACERS: &[&str] = &[
    "in",
    "within",
    "during",
    "after",
    "before",
    "past",
    "last",
    "next",
    "previous",
    "coming",
    "first",
    "recent",
    "following",
    "every",
    "each",
    "since",
    "another",
    "few",
    "final",
    "initial",
    "early",
    "earlier",
    "latest",
    "subsequent",
    "upcoming",
    "remaining",
    "prior",
];

/// Words after a duration that place something in time.
const TIME_AFTER: &[&str] = &[
    "ago",
    "earlier",
    "later",
    "before",
    "after",
    "since",
    "running",
    "hence",
    "prior",
    "beforehand",
    "afterwards",
    "on",
    "into",
    "old-",
];

/// Hyphenated durations that only qualify a record ("six-year high").
const RECORD_WORDS: &[&str] = &[
    "high", "low", "highs", "lows", "record", "peak", "best", "worst", "lowest", "highest", "top",
    "bottom", "ago", "old",
];

/// Qualifier phrases before a number, longest first within each group.
const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["not", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["in", "excess", "of"], Qualifier::AtLeast),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["a", "maximum", "of"], Qualifier::AtMost),
    (&["as", "many", "as"], Qualifier::AtMost),
    (&["as", "much", "as"], Qualifier::AtMost),
    (&["as", "few", "as"], Qualifier::AtLeast),
    (&["as", "little", "as"], Qualifier::AtLeast),
    (&["in", "the", "region", "of"], Qualifier::Approx),
    (&["more", "or", "less"], Qualifier::Approx),
    (&["an", "estimated"], Qualifier::Approx),
    (&["at", "least"], Qualifier::AtLeast),
    (&["more", "than"], Qualifier::AtLeast),
    (&["greater", "than"], Qualifier::AtLeast),
    (&["upwards", "of"], Qualifier::AtLeast),
    (&["upward", "of"], Qualifier::AtLeast),
    (&["up", "to"], Qualifier::AtMost),
    (&["at", "most"], Qualifier::AtMost),
    (&["less", "than"], Qualifier::AtMost),
    (&["fewer", "than"], Qualifier::AtMost),
    (&["close", "to"], Qualifier::Approx),
    (&["just", "over"], Qualifier::AtLeast),
    (&["well", "over"], Qualifier::AtLeast),
    (&["just", "under"], Qualifier::AtMost),
    (&["well", "under"], Qualifier::AtMost),
    (&["just", "below"], Qualifier::AtMost),
    (&["well", "above"], Qualifier::AtLeast),
    (&["just", "above"], Qualifier::AtLeast),
    (&["over"], Qualifier::AtLeast),
    (&["above"], Qualifier::AtLeast),
    (&["exceeding"], Qualifier::AtLeast),
    (&["under"], Qualifier::AtMost),
    (&["below"], Qualifier::AtMost),
    (&["about"], Qualifier::Approx),
    (&["around"], Qualifier::Approx),
    (&["approximately"], Qualifier::Approx),
    (&["approx"], Qualifier::Approx),
    (&["some"], Qualifier::Approx),
    (&["roughly"], Qualifier::Approx),
    (&["nearly"], Qualifier::Approx),
    (&["almost"], Qualifier::Approx),
    (&["estimated"], Qualifier::Approx),
    (&["circa"], Qualifier::Approx),
];

/// Filler between a qualifier and its number ("close to a rate of 8.28").
const QUALIFIER_FILLER: &[&[&str]] = &[
    &["a", "rate", "of"],
    &["a", "total", "of"],
    &["a", "level", "of"],
    &["a", "value", "of"],
    &["a", "peak", "of"],
];

/// Verbs of change: "rose from 5% to 7%" is two figures, not a range.
const CHANGE_VERBS: &[&str] = &[
    "rose",
    "risen",
    "rise",
    "rises",
    "rising",
    "increased",
    "increase",
    "increases",
    "fell",
    "fallen",
    "fall",
    "falls",
    "falling",
    "grew",
    "grown",
    "grow",
    "grows",
    "dropped",
    "declined",
    "jumped",
    "climbed",
    "up",
    "down",
    "cut",
    "raised",
    "slipped",
    "surged",
    "soared",
    "plunged",
    "slumped",
    "went",
    "changed",
    "moved",
    "lowered",
    "doubled",
    "increasing",
    "expanded",
    "shrank",
    "widened",
    "narrowed",
    "edged",
    "slid",
    "tumbled",
    "leapt",
    "leaped",
];

fn is_in(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

// ---------------------------------------------------------------------------
// Tokens

#[derive(Clone, Copy, Debug, PartialEq)]
enum TK {
    /// Digits with grouping and decimals ("1,721", "8.28").
    Num,
    /// Letters (with inner apostrophes: "China's").
    Word,
    /// One other non-space character.
    Punct(char),
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    kind: TK,
    /// No space before this token.
    glued: bool,
    /// A line break lies between the previous token and this one.
    newline: bool,
    sentence: usize,
}

fn is_group_space(c: char) -> bool {
    matches!(c, '\u{2009}' | '\u{202F}' | '\u{00A0}')
}

fn tokenize(doc: &Doc<'_>) -> Vec<Tok> {
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
            kind = TK::Num;
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
                kind = TK::Word;
            } else {
                i += c.len_utf8();
                if c.is_whitespace() {
                    glued = false;
                    continue;
                }
                kind = TK::Punct(c);
            }
        }
        while sent + 1 < sents.len() && sents[sent].end <= start {
            sent += 1;
        }
        toks.push(Tok {
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

// ---------------------------------------------------------------------------
// The scanner

struct Scan<'a, 'd> {
    doc: &'a Doc<'d>,
    toks: Vec<Tok>,
}

/// A parsed number expression.
#[derive(Clone, Copy, Debug)]
struct Num {
    value: f64,
    /// First and one-past-last token.
    first: usize,
    end: usize,
    vague: bool,
    words: bool,
    scaled: bool,
    /// Plain integer of digits, as written, no scale (candidate year).
    plain_int: bool,
    /// The token after it is a glued measure unit ("10km").
    fraction: bool,
}

#[derive(Clone, Debug)]
struct Found {
    fig: Figure,
    /// Token range of the figure's text.
    first: usize,
    end: usize,
    /// Token where the counted-noun search starts.
    np: usize,
    vague: bool,
    needs_unit: bool,
    /// Conversion in brackets of the previous money figure.
    conversion: bool,
    small_back: bool,
}

impl<'a, 'd> Scan<'a, 'd> {
    fn word(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.doc.folded[t.start..t.end],
            None => "",
        }
    }
    fn raw(&self, i: usize) -> &'d str {
        match self.toks.get(i) {
            Some(t) => &self.doc.text[t.start..t.end],
            None => "",
        }
    }
    fn kind(&self, i: usize) -> Option<TK> {
        self.toks.get(i).map(|t| t.kind)
    }
    fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TK::Word)
    }
    fn is_punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(TK::Punct(c))
    }
    fn is_dash(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(TK::Punct('-' | '–' | '—')))
    }
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }
    fn same_sentence(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => x.sentence == y.sentence,
            _ => false,
        }
    }
    /// The lower-case word at `i` if it is a word token in the same sentence as `anchor`.
    fn w(&self, i: usize, anchor: usize) -> &str {
        if self.is_word(i) && self.same_sentence(i, anchor) {
            self.word(i)
        } else {
            ""
        }
    }
    fn prev_w(&self, i: usize) -> &str {
        if i == 0 {
            ""
        } else {
            self.w(i - 1, i)
        }
    }
    fn lex(&self, i: usize) -> Option<(NumClass, f64)> {
        if !self.is_word(i) {
            return None;
        }
        let w = self.word(i);
        // Every number word is short ASCII: skip the hash for the rest.
        if w.len() > 9 || !w.as_bytes()[0].is_ascii_lowercase() {
            return None;
        }
        LEX.numbers.get(w).copied()
    }
    fn capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }
    fn num_value(&self, i: usize) -> Option<f64> {
        let raw = self.raw(i);
        let mut buf = String::with_capacity(raw.len());
        for c in raw.chars() {
            if c.is_ascii_digit() || c == '.' {
                buf.push(c);
            }
        }
        buf.parse().ok()
    }
    fn sentence_start_tok(&self, i: usize) -> bool {
        i == 0 || !self.same_sentence(i - 1, i)
    }

    // -- number words ------------------------------------------------------

    /// Number words from `i`: "two hundred and fifty", "one and a half million".
    fn parse_words(&self, i: usize) -> Option<Num> {
        let mut total = 0.0;
        let mut cur = 0.0;
        let mut any = false;
        let mut scaled = false;
        let mut j = i;
        let mut last_unit = false;
        loop {
            match self.lex(j) {
                Some((NumClass::Unit, v)) if !last_unit => {
                    cur += v;
                    any = true;
                    last_unit = true;
                    j += 1;
                }
                Some((NumClass::Tens, v)) if !last_unit => {
                    cur += v;
                    any = true;
                    j += 1;
                    if self.is_dash(j) && self.glued(j) && self.glued(j + 1) {
                        if let Some((NumClass::Unit, u)) = self.lex(j + 1) {
                            if u < 10.0 {
                                cur += u;
                                j += 2;
                            }
                        }
                    }
                    last_unit = true;
                }
                Some((NumClass::Hundred, _)) if any => {
                    cur = cur.max(1.0) * 100.0;
                    last_unit = false;
                    j += 1;
                }
                Some((NumClass::Scale, v)) if any => {
                    total += cur.max(1.0) * v;
                    cur = 0.0;
                    scaled = true;
                    last_unit = false;
                    j += 1;
                }
                Some((NumClass::Dozen, v)) if any && !scaled => {
                    cur = cur.max(1.0) * v;
                    last_unit = false;
                    j += 1;
                }
                _ => {
                    if any && self.word(j) == "and" {
                        // "and a half", or "hundred and fifty".
                        if self.word(j + 1) == "a" && self.word(j + 2) == "half" {
                            cur += 0.5;
                            j += 3;
                            last_unit = true;
                            continue;
                        }
                        if !last_unit {
                            if let Some((NumClass::Unit | NumClass::Tens, _)) = self.lex(j + 1) {
                                j += 1;
                                continue;
                            }
                        }
                    }
                    break;
                }
            }
        }
        if !any {
            return None;
        }
        Some(Num {
            value: total + cur,
            first: i,
            end: j,
            vague: false,
            words: true,
            scaled,
            plain_int: false,
            fraction: false,
        })
    }

    /// Scale words after a number: "1.5 million", "5 lakh crore".
    fn apply_scales(&self, mut n: Num) -> Num {
        loop {
            match self.lex(n.end) {
                Some((NumClass::Scale | NumClass::Hundred, v))
                    if self.same_sentence(n.first, n.end) =>
                {
                    n.value *= v;
                    n.scaled = true;
                    n.plain_int = false;
                    n.end += 1;
                }
                Some((NumClass::Dozen, v)) if !n.scaled => {
                    n.value *= v;
                    n.end += 1;
                }
                _ => return n,
            }
        }
    }

    /// A number starting at token `i`, with its scale.
    fn parse_number(&self, i: usize) -> Option<Num> {
        let t = self.toks.get(i)?;
        match t.kind {
            TK::Num => {
                let raw = self.raw(i);
                let value = self.num_value(i)?;
                let mut n = Num {
                    value,
                    first: i,
                    end: i + 1,
                    vague: false,
                    words: false,
                    scaled: false,
                    plain_int: raw.bytes().all(|b| b.is_ascii_digit()),
                    fraction: false,
                };
                if self.is_word(i + 1) && self.glued(i + 1) {
                    if let Some((NumClass::Scale | NumClass::Suffix, v)) = self.lex(i + 1) {
                        n.value *= v;
                        n.scaled = true;
                        n.plain_int = false;
                        n.end += 1;
                    }
                }
                Some(self.apply_scales(n))
            }
            TK::Word => {
                let w = self.word(i);
                // "a million", "a dozen", "a hundred"
                if w == "a" || w == "an" {
                    if let Some((NumClass::Scale | NumClass::Hundred | NumClass::Dozen, v)) =
                        self.lex(i + 1)
                    {
                        if self.word(i + 1).len() > 1 {
                            let n = Num {
                                value: v,
                                first: i,
                                end: i + 2,
                                vague: false,
                                words: true,
                                scaled: true,
                                plain_int: false,
                                fraction: false,
                            };
                            return Some(self.apply_scales(n));
                        }
                    }
                    // "a quarter of a million"
                    if let Some((NumClass::Fraction, f)) = self.lex(i + 1) {
                        if self.word(i + 2) == "of" && self.word(i + 3) == "a" {
                            if let Some((NumClass::Scale, v)) = self.lex(i + 4) {
                                return Some(Num {
                                    value: f / 100.0 * v,
                                    first: i,
                                    end: i + 5,
                                    vague: false,
                                    words: true,
                                    scaled: true,
                                    plain_int: false,
                                    fraction: false,
                                });
                            }
                        }
                    }
                    return None;
                }
                match self.lex(i) {
                    Some((NumClass::Fraction, f)) if w == "half" => {
                        // "half a million", "half a dozen"
                        if self.word(i + 1) == "a" {
                            if let Some((NumClass::Scale | NumClass::Dozen, v)) = self.lex(i + 2) {
                                return Some(Num {
                                    value: f / 100.0 * v,
                                    first: i,
                                    end: i + 3,
                                    vague: false,
                                    words: true,
                                    scaled: true,
                                    plain_int: false,
                                    fraction: false,
                                });
                            }
                        }
                        None
                    }
                    Some((NumClass::Vague, v)) => {
                        let mut n = Num {
                            value: v,
                            first: i,
                            end: i + 1,
                            vague: true,
                            words: true,
                            scaled: true,
                            plain_int: false,
                            fraction: false,
                        };
                        // "tens of thousands", "hundreds of millions"
                        while self.word(n.end) == "of" {
                            match self.lex(n.end + 1) {
                                Some((NumClass::Vague, v2)) if v2 >= 1000.0 => {
                                    n.value *= v2 / 2.0;
                                    n.end += 2;
                                }
                                _ => break,
                            }
                        }
                        Some(n)
                    }
                    Some((NumClass::Few, v)) => {
                        // "several hundred", "a few thousand"
                        match self.lex(i + 1) {
                            Some((NumClass::Scale | NumClass::Hundred, s)) => {
                                let n = Num {
                                    value: v,
                                    first: i,
                                    end: i + 1,
                                    vague: true,
                                    words: true,
                                    scaled: false,
                                    plain_int: false,
                                    fraction: false,
                                };
                                let mut n = self.apply_scales(n);
                                if n.value == v {
                                    n.value *= s;
                                }
                                Some(n)
                            }
                            _ => None,
                        }
                    }
                    Some((NumClass::Unit | NumClass::Tens, _)) => {
                        let n = self.parse_words(i)?;
                        // "one and a half million": scales parsed inside.
                        // "three quarters of a million"
                        if let Some((NumClass::Fraction, f)) = self.lex(n.end) {
                            if self.word(n.end + 1) == "of" && self.word(n.end + 2) == "a" {
                                if let Some((NumClass::Scale, s)) = self.lex(n.end + 3) {
                                    return Some(Num {
                                        value: n.value * f / 100.0 * s,
                                        first: i,
                                        end: n.end + 4,
                                        vague: false,
                                        words: true,
                                        scaled: true,
                                        plain_int: false,
                                        fraction: false,
                                    });
                                }
                            }
                        }
                        Some(n)
                    }
                    _ => None,
                }
            }
            TK::Punct(_) => None,
        }
    }

    // -- fractions ---------------------------------------------------------

    /// "half", "a third", "two-thirds", "one in five", "nine out of ten".
    fn parse_fraction(&self, i: usize) -> Option<Num> {
        let w = self.word(i);
        let prev = self.prev_w(i);
        let blocked_prev = |p: &str| {
            matches!(
                p,
                "the"
                    | "first"
                    | "second"
                    | "third"
                    | "fourth"
                    | "last"
                    | "final"
                    | "latest"
                    | "this"
                    | "that"
                    | "each"
                    | "every"
                    | "next"
                    | "previous"
            )
        };
        // Numerator then fraction word.
        let (num, fi) = if w == "half" {
            (1.0, i)
        } else if w == "a" || w == "one" || w == "an" {
            (1.0, i + 1)
        } else if let Some((NumClass::Unit, v)) = self.lex(i) {
            let fi = if self.is_dash(i + 1) && self.glued(i + 1) {
                i + 2
            } else {
                i + 1
            };
            (v, fi)
        } else if self.kind(i) == Some(TK::Num) {
            (self.num_value(i)?, i + 1)
        } else {
            (0.0, usize::MAX)
        };
        if fi != usize::MAX {
            if let Some((NumClass::Fraction, f)) = self.lex(fi) {
                if w != "half" && self.word(fi) == "half" {
                    return None;
                }
                // "the first half", "the second quarter", "the third time".
                if blocked_prev(prev) {
                    return None;
                }
                let next = self.w(fi + 1, fi);
                let next2 = self.w(fi + 2, fi);
                let next_is_dash = self.is_dash(fi + 1) && self.glued(fi + 1);
                if next_is_dash {
                    return None;
                }
                // Time words: "half an hour", "a quarter of a century", "second quarter".
                let time_word = |s: &str| {
                    matches!(
                        s,
                        "hour"
                            | "day"
                            | "week"
                            | "month"
                            | "year"
                            | "century"
                            | "decade"
                            | "mile"
                            | "time"
                            | "point"
                            | "way"
                            | "dozen"
                    )
                };
                let proportion = match next {
                    "of" => {
                        let after = if next2 == "a" || next2 == "an" {
                            self.w(fi + 3, fi)
                        } else {
                            next2
                        };
                        !(time_word(after)
                            || self.kind(fi + 2) == Some(TK::Num)
                            || matches!(after, "the" if time_word(self.w(fi + 3, fi))))
                    }
                    "the" | "its" | "their" | "his" | "her" | "our" | "all" | "these" | "those" => {
                        !time_word(next2)
                    }
                    "a" | "an" => false,
                    _ => {
                        matches!(
                            prev,
                            "by" | "than" | "about" | "nearly" | "almost" | "roughly"
                        ) || self.toks.get(fi + 1).is_none()
                            || matches!(self.kind(fi + 1), Some(TK::Punct(_)))
                    }
                };
                if !proportion {
                    return None;
                }
                if w == "half" && num == 1.0 && fi == i {
                    // bare "half" needs "of", a determiner, or "by half"
                    if !(matches!(next, "of" | "the" | "its" | "their" | "his" | "her" | "our")
                        || prev == "by")
                    {
                        return None;
                    }
                }
                // Exact per cent from the denominator: two-thirds is 66.6667.
                let denom = (100.0 / f).round();
                let value = round4(num * 100.0 / denom);
                return Some(Num {
                    value,
                    first: i,
                    end: fi + 1,
                    vague: false,
                    words: true,
                    scaled: false,
                    plain_int: false,
                    fraction: true,
                });
            }
        }
        // "one in five", "one in every five", "nine out of ten", "1 in 4"
        let numer = match self.lex(i) {
            Some((NumClass::Unit | NumClass::Tens, v)) => v,
            _ if self.kind(i) == Some(TK::Num) => self.num_value(i)?,
            _ => return None,
        };
        let mut j = i + 1;
        match (self.word(j), self.word(j + 1)) {
            ("in", "every") => j += 2,
            ("in", _) => j += 1,
            ("out", "of") => j += 2,
            _ => return None,
        }
        let denom = match self.lex(j) {
            Some((NumClass::Unit | NumClass::Tens, v)) => v,
            _ if self.kind(j) == Some(TK::Num) => self.num_value(j)?,
            _ => return None,
        };
        if denom <= numer || denom == 0.0 || denom > 1000.0 {
            return None;
        }
        // "in" followed by a four-digit year is not a proportion ("one in 2004").
        if self.kind(j) == Some(TK::Num) && self.raw(j).len() == 4 {
            return None;
        }
        Some(Num {
            value: round4(numer / denom * 100.0),
            first: i,
            end: j + 1,
            vague: false,
            words: true,
            scaled: false,
            plain_int: false,
            fraction: true,
        })
    }

    // -- currency ------------------------------------------------------------

    /// A currency prefix ending right before token `j`: returns (first token, ISO).
    fn currency_prefix(&self, j: usize) -> Option<(usize, &'static str)> {
        if j == 0 {
            return None;
        }
        let num = self.toks.get(j)?;
        // The prefix text: up to 3 tokens before, glued together, glued or
        // separated by one space from the number.
        for &(form, iso) in &LEX.prefixes {
            let mut k = j;
            let mut need = form;
            let mut ok = false;
            while k > 0 && !need.is_empty() {
                k -= 1;
                let piece = self.raw(k);
                if !need.ends_with(piece) || piece.is_empty() {
                    break;
                }
                need = &need[..need.len() - piece.len()];
                if k + 1 != j && !self.glued(k + 1) {
                    break;
                }
                if need.is_empty() {
                    ok = true;
                }
            }
            if !ok {
                continue;
            }
            // Word prefixes must not be glued to letters before them.
            if k > 0 && self.glued(k) && self.is_word(k - 1) {
                continue;
            }
            // A word prefix ("Rs", "USD") must start its word.
            let _ = num;
            return Some((k, iso));
        }
        None
    }

    /// A currency word sequence starting at token `j`: (end token, ISO).
    fn currency_suffix(&self, j: usize) -> Option<(usize, &'static str)> {
        if !self.is_word(j) {
            return None;
        }
        'forms: for (words, iso) in &LEX.suffixes {
            for (k, w) in words.iter().enumerate() {
                if !self.is_word(j + k) || !self.word(j + k).eq_ignore_ascii_case(w) {
                    continue 'forms;
                }
            }
            // ISO codes as suffix must be written in capitals.
            if iso.eq_ignore_ascii_case(words[0]) && self.raw(j) != *iso {
                continue;
            }
            return Some((j + words.len(), iso));
        }
        None
    }

    /// A measure unit starting at token `j`: (end token, category).
    fn unit_at(&self, j: usize) -> Option<(usize, &'static str)> {
        if !self.is_word(j) {
            return None;
        }
        'forms: for (words, cat) in &LEX.units {
            for (k, w) in words.iter().enumerate() {
                if !self.is_word(j + k) || self.word(j + k) != *w {
                    continue 'forms;
                }
            }
            return Some((j + words.len(), cat));
        }
        None
    }

    // -- context tests -------------------------------------------------------

    /// Words before token `first` (lower-case), nearest first, within the sentence.
    fn words_before(&self, first: usize, n: usize) -> [&str; 5] {
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

    /// Qualifier from the words before token `first`; returns it and the first
    /// token of the qualifier phrase.
    fn qualifier_before(&self, first: usize) -> Option<(Qualifier, usize)> {
        let mut k = first;
        // Skip filler such as "a rate of".
        for filler in QUALIFIER_FILLER {
            let n = filler.len();
            if k >= n && (0..n).all(|m| self.word(k - n + m) == filler[m]) {
                k -= n;
                break;
            }
        }
        for (phrase, q) in QUALIFIERS {
            let n = phrase.len();
            if k < n {
                continue;
            }
            if (0..n).all(|m| {
                let t = k - n + m;
                self.is_word(t) && self.same_sentence(t, first) && self.word(t) == phrase[m]
            }) {
                let w0 = phrase[0];
                // "some of", "over the", "under the" are not qualifiers; they
                // cannot precede a number anyway, but "some" can be a
                // determiner of another noun: only trust it right before.
                if w0 == "up" {
                    // "added up to", "adds up to": a sum, not a ceiling.
                    let before = if k - n > 0 {
                        self.w(k - n - 1, first)
                    } else {
                        ""
                    };
                    if matches!(
                        before,
                        "added"
                            | "add"
                            | "adds"
                            | "adding"
                            | "summed"
                            | "sums"
                            | "ran"
                            | "runs"
                            | "went"
                            | "goes"
                            | "go"
                            | "moved"
                            | "came"
                            | "comes"
                            | "built"
                            | "builds"
                            | "stepped"
                    ) {
                        continue;
                    }
                }
                if w0 == "over" || w0 == "under" {
                    // "ran over", "took over" are phrasal verbs.
                    let before = if k - n > 0 {
                        self.w(k - n - 1, first)
                    } else {
                        ""
                    };
                    if matches!(
                        before,
                        "took" | "take" | "taking" | "takes" | "handed" | "hand" | "won"
                    ) {
                        continue;
                    }
                }
                return Some((*q, k - n));
            }
        }
        None
    }

    fn is_month(&self, i: usize) -> bool {
        self.is_word(i) && is_in(MONTHS, self.word(i)) && self.capitalised(i)
    }

    /// True when a digits token is a date part, a time, an ordinal, part of a
    /// name or an identifier.
    fn not_a_quantity(&self, i: usize, n: &Num) -> bool {
        let t = &self.toks[i];
        let raw = self.raw(i);
        // Glued to letters before: "D66", "G20", "Democrats66".
        if t.glued && i > 0 && self.is_word(i - 1) && self.currency_prefix(i).is_none() {
            return true;
        }
        // "Covid-19", "MiG-29", "mid-2004".
        if t.glued && i > 1 && self.is_dash(i - 1) && self.glued(i - 1) && self.is_word(i - 2) {
            return true;
        }
        // Slashes and colons: "9/11", "24/7", "10:30", URLs.
        for k in [i.wrapping_sub(1), n.end] {
            if let Some(TK::Punct('/' | ':' | '#' | '@' | '_' | '=' | '&')) = self.kind(k) {
                let adj = if k == n.end { self.glued(k) } else { t.glued };
                if adj {
                    return true;
                }
            }
        }
        // Leading zero: "020", "007".
        if raw.len() > 1 && raw.starts_with('0') && !raw.starts_with("0.") {
            return true;
        }
        // Glued letters after that are not a scale: "12th", "1990s", "4G", "10am".
        if !n.scaled && self.is_word(i + 1) && self.glued(i + 1) {
            let suf = self.word(i + 1);
            if self.unit_at(i + 1).is_none() && !matches!(suf, "pc" | "bp" | "bps") {
                return true;
            }
        }
        // Apostrophe decades: "the 1990's", "the 30's".
        if matches!(self.kind(n.end), Some(TK::Punct('\'' | '’')))
            && self.glued(n.end)
            && self.word(n.end + 1) == "s"
            && self.glued(n.end + 1)
        {
            let y = n.value;
            if (10.0..100.0).contains(&y) && y % 10.0 == 0.0 || (1000.0..2100.0).contains(&y) {
                return true;
            }
        }
        // Dates: "July 5", "5 July", "Aug 31".
        if i > 0 && self.is_month(i - 1) && self.same_sentence(i - 1, i) {
            return true;
        }
        if self.is_month(n.end) && !n.scaled {
            return true;
        }
        // Times: "10 am", "3 p.m.", "10 GMT".
        if matches!(
            self.word(n.end),
            "am" | "pm" | "gmt" | "bst" | "hrs" | "o'clock"
        ) && !n.scaled
            && (self.word(n.end) != "am" || self.raw(n.end) == "am")
        {
            return true;
        }
        if self.word(n.end) == "a" && self.is_punct(n.end + 1, '.') && self.word(n.end + 2) == "m"
            || self.word(n.end) == "p"
                && self.is_punct(n.end + 1, '.')
                && self.word(n.end + 2) == "m"
        {
            return true;
        }
        // Caption counters and list numbering: "(3)", "1)", "2." at line start.
        if self.is_punct(n.end, ')') && self.glued(n.end) && !n.scaled {
            let lone = i > 0 && self.is_punct(i - 1, '(') && t.glued;
            let listy = !(i > 0 && self.is_punct(i - 1, '('));
            if lone || listy {
                return true;
            }
        }
        if t.newline && self.is_punct(n.end, '.') && self.glued(n.end) {
            return true;
        }
        // The second number of a pair ("2-1", "2003-04"): its first number
        // was already judged.
        if t.glued && i >= 2 && self.is_dash(i - 1) && self.kind(i - 2) == Some(TK::Num) {
            return true;
        }
        // Numbers next to numbers (phone numbers, codes): "020 7946 0958".
        if self.kind(n.end) == Some(TK::Num) && !self.glued(n.end) {
            return true;
        }
        if i > 0 && self.kind(i - 1) == Some(TK::Num) && !t.glued {
            return true;
        }
        if i > 0 && self.is_punct(i - 1, '+') && t.glued {
            // "+44" phone prefix; "500+" is handled as a trailing qualifier.
            return true;
        }
        // Street addresses: "10 Downing Street".
        if self.capitalised(n.end) {
            let mut k = n.end;
            while self.capitalised(k) && k < n.end + 4 {
                if matches!(
                    self.word(k),
                    "street" | "road" | "avenue" | "lane" | "boulevard" | "drive" | "st"
                ) {
                    return true;
                }
                k += 1;
            }
        }
        // Part of a name: "Taliban 2.0", "FTSE 100", "Article 370", "Boeing 747".
        if i > 0 && !t.glued && self.capitalised(i - 1) && self.same_sentence(i - 1, i) {
            let prev = i - 1;
            let function_word = matches!(
                self.word(prev),
                "in" | "by"
                    | "since"
                    | "about"
                    | "some"
                    | "nearly"
                    | "over"
                    | "under"
                    | "around"
                    | "almost"
                    | "roughly"
                    | "approximately"
                    | "only"
                    | "just"
                    | "and"
                    | "the"
                    | "with"
                    | "for"
                    | "of"
                    | "to"
                    | "from"
                    | "at"
                    | "on"
                    | "up"
                    | "more"
                    | "less"
                    | "between"
                    | "than"
                    | "all"
                    | "another"
                    | "those"
                    | "these"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "at least"
                    | "least"
                    | "most"
                    | "every"
                    | "each"
                    | "a"
                    | "an"
                    | "there"
                    | "were"
                    | "was"
                    | "are"
                    | "is"
                    | "also"
                    | "had"
                    | "have"
                    | "has"
                    | "around,"
                    | "during"
                    | "after"
                    | "before"
                    | "until"
                    | "within"
                    | "like"
                    | "killing"
                    | "killed"
                    | "per"
                    | "if"
                    | "when"
                    | "while"
                    | "as"
                    | "so"
                    | "but"
                    | "or"
                    | "nor"
                    | "yet"
                    | "then"
                    | "now"
            );
            let possessive = self.raw(prev).ends_with("'s") || self.raw(prev).ends_with("’s");
            let suffix = self.percent_at(n.end).is_some()
                || self.currency_suffix(n.end).is_some()
                || n.scaled;
            let headline = self.doc.in_headline_case(t.start);
            if !function_word
                && !possessive
                && !suffix
                && !headline
                && !self.sentence_start_tok(prev)
            {
                return true;
            }
        }
        false
    }

    /// A percent sign or word at `j`: (end token, unit).
    fn percent_at(&self, j: usize) -> Option<(usize, &'static str)> {
        if self.is_punct(j, '%') {
            return Some((j + 1, "%"));
        }
        match (self.word(j), self.word(j + 1)) {
            ("per", "cent") => Some((j + 2, "%")),
            ("percent" | "pct", _) => Some((j + 1, "%")),
            ("pc", _) if self.glued(j) => Some((j + 1, "%")),
            ("percentage", "points" | "point") => Some((j + 2, "pp")),
            ("per", "centage") if matches!(self.word(j + 2), "points" | "point") => {
                Some((j + 3, "pp"))
            }
            ("basis", "points" | "point") => Some((j + 2, "bp")),
            ("bp" | "bps", _) => Some((j + 1, "bp")),
            ("pp", _) | ("ppt", _) | ("ppts", _) => Some((j + 1, "pp")),
            _ => None,
        }
    }

    /// Try every figure pattern at token `i`.
    fn try_at(&self, i: usize, prev: Option<&Found>) -> Option<Found> {
        let tok = self.toks.get(i)?;
        // Currency symbol or prefix word first: parse the number after it.
        let mut money: Option<(usize, &'static str)> = None;
        let mut start_tok = i;
        let num_tok = if tok.kind == TK::Num {
            i
        } else {
            // A prefix starting here, followed by a number within 3 tokens.
            let mut found = None;
            for k in i + 1..(i + 4).min(self.toks.len()) {
                if self.kind(k) == Some(TK::Num) {
                    if let Some((p, iso)) = self.currency_prefix(k) {
                        if p == i {
                            found = Some((k, iso));
                        }
                    }
                    break;
                }
            }
            match found {
                Some((k, iso)) => {
                    money = Some((k, iso));
                    k
                }
                None => i,
            }
        };
        if money.is_none() && tok.kind == TK::Num {
            // A glued prefix before this number would have been taken at its
            // own token, so nothing to do here.
            start_tok = i;
        }
        let mut rule = "figure:digits";
        let frac = self.parse_fraction(num_tok);
        let num = self.parse_number(num_tok);
        let mut n = match (frac, num) {
            (Some(f), Some(m)) if m.end > f.end && m.scaled => m,
            (Some(f), _) => {
                rule = "figure:fraction";
                f
            }
            (None, Some(m)) => m,
            (None, None) => return None,
        };
        if n.words && !n.fraction {
            rule = if n.vague {
                "figure:vague"
            } else {
                "figure:words"
            };
        } else if n.scaled && !n.fraction {
            rule = "figure:digits+scale";
        }
        if tok.kind == TK::Num && !n.fraction && self.not_a_quantity(num_tok, &n) {
            return None;
        }
        if money.is_some() {
            rule = "figure:money-symbol";
        }
        let first_word = if n.words { self.word(n.first) } else { "" };
        let mut kind = ClaimKind::Count;
        let mut unit: Option<String> = None;
        let mut end = n.end;
        let mut upper: Option<f64> = None;
        let mut needs_unit = false;
        let mut np = end;
        let mut qualifier_override: Option<Qualifier> = None;

        if n.fraction {
            kind = ClaimKind::Percent;
            unit = Some("%".into());
        }

        // Ranges: "between 10 and 20", "10-20", "five to six", "tens of
        // thousands to over 1 million". "from X to Y" with a change verb is two
        // figures.
        let mut range_end = None;
        if !n.fraction {
            let prevw = self.prev_w(n.first);
            let j = end;
            let dash =
                self.is_dash(j) && self.toks.get(j).is_some_and(|t| t.glued) && self.glued(j + 1);
            let conj = match self.word(j) {
                "to" => true,
                "and" => prevw == "between",
                "or" => true,
                _ => false,
            };
            if (dash && self.kind(j + 1) == Some(TK::Num) && !n.words) || conj {
                let mut k = j + 1;
                let mut q2 = None;
                if conj {
                    if let Some((q, _)) = self.qualifier_at_start(k) {
                        q2 = Some(q);
                        k = self.skip_qualifier(k);
                    }
                }
                let money2 = if money.is_some() {
                    // "$10m to $20m"
                    if let Some(kk) = (k..k + 3).find(|&kk| self.kind(kk) == Some(TK::Num)) {
                        match self.currency_prefix(kk) {
                            Some((p, _)) if p == k => {
                                k = kk;
                                true
                            }
                            _ => false,
                        }
                    } else {
                        false
                    }
                } else {
                    false
                };
                let _ = money2;
                let second = self.parse_number(k);
                if let Some(m) = second {
                    let from_change = prevw == "from" && {
                        let before = self.words_before(n.first, 3);
                        CHANGE_VERBS.contains(&before[1])
                    };
                    let score_like = dash && !n.scaled && !m.scaled && m.value <= n.value;

                    let mut lo = n.value;
                    if m.scaled && !n.scaled && !n.vague {
                        // "5 to 6 million": the scale applies to both.
                        let s = m.value / self.base_value(&m);
                        if s > 1.0 && lo * s <= m.value {
                            lo *= s;
                        }
                    }
                    let year_like = n.plain_int
                        && (1800.0..2100.0).contains(&n.value)
                        && self.raw(n.first).len() == 4;
                    if !from_change && !score_like && lo < m.value && !year_like && (dash || conj) {
                        if conj && self.word(j) == "or" && (m.vague || n.vague) {
                            // "hundreds or thousands" is two vague quantities
                        } else {
                            range_end = Some((m, q2));
                            n.value = lo;
                        }
                    } else if dash && (score_like || year_like) {
                        return None;
                    }
                } else if dash {
                    return None;
                }
            }
        }
        if let Some((m, q2)) = range_end {
            upper = Some(m.value);
            end = m.end;
            np = end;
            if n.vague {
                qualifier_override = Some(Qualifier::AtLeast);
            } else if let Some(q) = q2 {
                let _ = q;
            }
            rule = "figure:range";
            n.end = m.end;
        }

        // What follows: percent, currency, measure unit.
        if !n.fraction {
            if let Some((e, u)) = self.percent_at(end) {
                kind = ClaimKind::Percent;
                unit = Some(u.into());
                end = e;
                np = e;
                // "7% to 8%", "7%-8%": one range unless it is a change
                // ("from 5% to 7%", "rose 5% to 7%").
                let q0 = self.qualifier_before(n.first).map_or(n.first, |(_, k)| k);
                let before = self.words_before(q0, 1)[0];
                let change = matches!(before, "from" | "by") || CHANGE_VERBS.contains(&before);
                let sep = self.word(e) == "to" || self.is_dash(e) && self.glued(e);
                if upper.is_none() && sep && !change {
                    if let Some(m) = self.parse_number(e + 1) {
                        if let Some((e2, u2)) = self.percent_at(m.end) {
                            if u2 == u && m.value > n.value && !m.words {
                                upper = Some(m.value);
                                end = e2;
                                np = e2;
                                rule = "figure:range";
                            }
                        }
                    }
                }
                if rule == "figure:digits" {
                    rule = "figure:percent";
                }
            } else if let Some((_, iso)) = money {
                kind = ClaimKind::Money;
                unit = Some(iso.into());
            // "22,201bn yen" after a symbol is unusual; still absorb a
            // trailing currency word ("$5 million dollars" is rare).
            } else if let Some((e, iso)) = self.currency_suffix(end) {
                if let Some((quote_iso, e2)) = self.exchange_rate(e).filter(|(q, _)| *q != iso) {
                    // "8.28 yuan to the dollar": an exchange rate.
                    kind = ClaimKind::Measure;
                    unit = Some(format!("{iso} per {quote_iso}"));
                    np = e2;
                    rule = "figure:exchange-rate";
                } else {
                    kind = ClaimKind::Money;
                    unit = Some(iso.into());
                    end = e;
                    np = e;
                    if rule == "figure:digits" {
                        rule = "figure:money-word";
                    }
                }
            } else if n.vague && self.word(end) == "of" && self.currency_suffix(end + 1).is_some() {
                // "millions of dollars"
                if let Some((e, iso)) = self.currency_suffix(end + 1) {
                    kind = ClaimKind::Money;
                    unit = Some(iso.into());
                    end = e;
                    np = e;
                }
            } else if let Some((e, cat)) = self.measure_after(end, &n) {
                // Exchange rates first: "8.28 yuan to the dollar" is handled above.
                match self.duration_or_measure(n.first, end, e, cat) {
                    Some((text_end, u)) => {
                        kind = ClaimKind::Measure;
                        unit = Some(u);
                        end = text_end;
                        np = e;
                        rule = if cat == "duration" {
                            "figure:duration"
                        } else {
                            "figure:measure"
                        };
                    }
                    None => return None,
                }
            } else if let Some((quote_iso, e)) = self.exchange_rate(end) {
                kind = ClaimKind::Measure;
                let base = self.base_currency(n.first).unwrap_or("?");
                unit = Some(format!("{base} per {quote_iso}"));
                np = e;
                rule = "figure:exchange-rate";
            } else {
                needs_unit = true;
            }
        } else if let Some((e, _)) = self.percent_at(end) {
            // "one in five per cent" is not a thing, but be safe.
            end = e;
        }

        // Money after a currency prefix: the number ends where it ends; the
        // text starts at the prefix.
        if let Some((_, _)) = money {
            if let Some((p, _)) = self.currency_prefix(num_tok) {
                start_tok = p;
            }
        }
        let first = if money.is_some() { start_tok } else { n.first };

        // "one" meaning "a" or "a certain" ("one broker", "one hour"): only a
        // figure with a qualifier ("only one") or set against another count.
        if first_word == "one"
            && n.value == 1.0
            && !n.scaled
            && matches!(kind, ClaimKind::Count | ClaimKind::Measure)
        {
            let q = matches!(
                self.qualifier_before(first),
                Some((Qualifier::AtLeast | Qualifier::AtMost, _))
            );
            let prev = self.prev_w(first);
            if (!(q || matches!(prev, "only" | "just" | "single")) || self.word(end) == "of")
                && (kind == ClaimKind::Measure || !self.one_contrasted(first, end))
            {
                return None;
            }
        }
        // A capitalised number word inside a sentence is part of a name
        // ("China Three Gorges Project").
        if n.words
            && !n.fraction
            && self.capitalised(n.first)
            && !self.doc.is_sentence_initial(self.toks[n.first].start)
            && !self.doc.in_headline_case(self.toks[n.first].start)
        {
            return None;
        }
        // "at the age of 18 (years)": a condition, not a claim.
        if first >= 2 && self.prev_w(first) == "of" && self.word(first - 2) == "age" {
            return None;
        }
        // Filters for counts.
        if kind == ClaimKind::Count {
            // Plain four-digit numbers are years unless they plainly count.
            let year_like = n.plain_int
                && upper.is_none()
                && self.raw(n.first).len() == 4
                && (1500.0..=2100.0).contains(&n.value);
            if year_like {
                let qual = self.qualifier_before(first).is_some();
                let prev = self.prev_w(first);
                let next_plural = self.is_word(end)
                    && !self.capitalised(end)
                    && self.looks_plural(self.word(end));
                let prev_blocks = matches!(
                    prev,
                    "the"
                        | "in"
                        | "of"
                        | "since"
                        | "by"
                        | "from"
                        | "to"
                        | "until"
                        | "during"
                        | "for"
                        | "between"
                        | "and"
                        | "its"
                        | "their"
                        | "this"
                        | "that"
                        | "mid"
                        | "early"
                        | "late"
                        | "s"
                ) || (first > 0 && self.is_punct(first - 1, '\''))
                    || first > 0 && {
                        // "the company's 2004 profits"
                        let r = self.raw(first - 1);
                        self.is_word(first - 1) && (r.ends_with("'s") || r.ends_with("’s"))
                    };
                if !(qual || next_plural && !prev_blocks) {
                    return None;
                }
            }

            if n.words && !n.vague && !n.scaled && self.word(end) == "of" && n.value == 1.0 {
                return None;
            }

            // "scores" and "tens" need "of" (or a sentence start) to be vague
            // quantities: "test scores" is not.
            if n.vague
                && matches!(first_word, "scores" | "tens")
                && self.word(n.first + 1) != "of"
                && !self.sentence_start_tok(first)
            {
                return None;
            }
            // Lone number words without a counted noun are rarely figures,
            // unless they are the subject ("Nine were executed").
            if n.words && !n.vague && !n.scaled && n.value < 100.0 {
                let end = self.skip_open_quote(end);
                let nxt = self.word(end);
                let compound = self.is_dash(end + 1) && self.glued(end + 1);
                let noun_follows = self.is_word(end)
                    && (!is_in(NP_STOP, nxt) || compound)
                    && !is_in(SUBJECT_VERBS, nxt)
                    && !self.capitalised(end)
                    || self.capitalised(end) && !self.is_month(end);
                let of_follows = nxt == "of" && (first_word != "one");
                let subject = is_in(SUBJECT_VERBS, nxt);
                let times_word = nxt == "times";
                if times_word || !(noun_follows || of_follows || subject) {
                    return None;
                }
            }
            if self.word(end) == "times" || self.word(end) == "time" {
                return None;
            }
        }

        // Trailing qualifiers: "or more", "-plus", "+", "or so", "-odd".
        let mut trailing_q = None;
        match (self.word(end), self.word(end + 1)) {
            ("or", "more") | ("and", "more") | ("or", "over") | ("and", "above") => {
                trailing_q = Some(Qualifier::AtLeast)
            }
            ("or", "less") | ("or", "fewer") | ("and", "under") | ("or", "under") => {
                trailing_q = Some(Qualifier::AtMost)
            }
            ("or", "so") | ("odd", _) => trailing_q = Some(Qualifier::Approx),
            _ => {}
        }
        if trailing_q.is_some() && np == end {
            np = if self.word(end) == "odd" {
                end + 1
            } else {
                end + 2
            };
        }
        if self.is_punct(end, '+') && self.glued(end) {
            trailing_q = Some(Qualifier::AtLeast);
            if np == end {
                np = end + 1;
            }
        }
        if self.is_dash(end) && self.glued(end) && matches!(self.word(end + 1), "odd" | "plus") {
            if np == end {
                np = end + 2;
            }
            trailing_q = Some(if self.word(end + 1) == "odd" {
                Qualifier::Approx
            } else {
                Qualifier::AtLeast
            });
        }

        let mut qualifier = Qualifier::Exact;
        if let Some((q, _)) = self.qualifier_before(first) {
            qualifier = q;
        } else if let Some(q) = trailing_q {
            qualifier = q;
        }
        if n.vague {
            qualifier = Qualifier::AtLeast;
        }
        if let Some(q) = qualifier_override {
            qualifier = q;
        }

        // A bracketed conversion of the previous money figure.
        let mut conversion = false;
        if kind == ClaimKind::Money {
            if let Some(p) = prev {
                if p.fig.kind == ClaimKind::Money
                    && first > 0
                    && (self.is_punct(first - 1, '(')
                        || self.is_punct(first - 1, ';')
                        || self.is_punct(first - 1, ','))
                    && (p.end == first - 1
                        || p.end + 1 == first - 1 && self.is_punct(p.end, ')')
                        || self.is_punct(p.end, '(') && p.end + 1 == first
                        || (first >= 2 && self.is_punct(first - 1, ';') && p.end + 1 == first))
                    && self.same_sentence(p.first, first)
                {
                    conversion = true;
                    qualifier = p.fig.qualifier;
                }
            }
        }

        // A small count after "the/its/their…" that refers back.
        let mut small_back = false;
        if kind == ClaimKind::Count && n.value <= 10.0 && !n.scaled && upper.is_none() {
            let prev = self.prev_w(first);
            if is_in(BACK_DETERMINERS, prev) {
                small_back = true;
            }
            if prev == "big" && self.prev_w(first - 1) == "the" {
                return None;
            }
        }

        let start = self.toks[first].start;
        let end_byte = self.toks[end - 1].end;
        let fig = Figure {
            start,
            end: end_byte,
            kind,
            value: n.value,
            upper,
            unit,
            qualifier,
            year: None,
            rule: rule.into(),
        };
        Some(Found {
            fig,
            first,
            end,
            np,
            vague: n.vague
                && upper.is_none()
                && matches!(self.lex(n.first), Some((NumClass::Vague, _))),
            needs_unit,
            conversion,
            small_back,
        })
    }

    /// Skip an opening quotation mark before a noun ("eight “terrorists”").
    fn skip_open_quote(&self, k: usize) -> usize {
        if matches!(self.kind(k), Some(TK::Punct('“' | '"' | '‘')))
            && self.is_word(k + 1)
            && self.glued(k + 1)
        {
            k + 1
        } else {
            k
        }
    }

    fn base_value(&self, m: &Num) -> f64 {
        // The number before its scale words.
        if let Some(TK::Num) = self.kind(m.first) {
            self.num_value(m.first).unwrap_or(m.value)
        } else {
            match self.parse_words_unscaled(m.first) {
                Some(v) if v > 0.0 => v,
                _ => m.value,
            }
        }
    }

    fn parse_words_unscaled(&self, i: usize) -> Option<f64> {
        let mut v = 0.0;
        let mut j = i;
        while let Some((NumClass::Unit | NumClass::Tens, x)) = self.lex(j) {
            v += x;
            j += 1;
        }
        if j == i {
            None
        } else {
            Some(v)
        }
    }

    /// A qualifier phrase starting at token `k` (after "to" in a range).
    fn qualifier_at_start(&self, k: usize) -> Option<(Qualifier, usize)> {
        for (phrase, q) in QUALIFIERS {
            if (0..phrase.len()).all(|m| self.is_word(k + m) && self.word(k + m) == phrase[m]) {
                return Some((*q, phrase.len()));
            }
        }
        None
    }

    fn skip_qualifier(&self, k: usize) -> usize {
        match self.qualifier_at_start(k) {
            Some((_, n)) => k + n,
            None => k,
        }
    }

    /// "one known terrorist only to recruit 10 unknown terrorists": "one"
    /// set against another count of the same noun in the sentence.
    fn one_contrasted(&self, first: usize, end: usize) -> bool {
        let Some((head, _)) = self.counted_noun(end, false, 1.0) else {
            return false;
        };
        let head = self.word(head).to_string();
        let mut k = end;
        while k < self.toks.len() && self.same_sentence(k, first) && k < end + 15 {
            if self.kind(k) == Some(TK::Num) {
                for m in k + 1..k + 4 {
                    let w = self.word(m);
                    if w.starts_with(head.as_str()) && w.len() <= head.len() + 2 {
                        return true;
                    }
                }
            }
            k += 1;
        }
        false
    }

    /// A measure unit after the number: direct ("120,000 barrels"), glued
    /// ("10km"), hyphenated ("15-day"), or after "more" ("Thirty more years").
    /// Returns (end token of unit, category).
    fn measure_after(&self, end: usize, n: &Num) -> Option<(usize, &'static str)> {
        if self.is_dash(end) && self.glued(end) && self.glued(end + 1) {
            return self.unit_at(end + 1);
        }
        if let Some(r) = self.unit_at(end) {
            // "5 m" is never metres here; units need a space or glue only.
            return Some(r);
        }
        if matches!(
            self.word(end),
            "more" | "additional" | "further" | "extra" | "long"
        ) {
            if let Some((e, cat)) = self.unit_at(end + 1) {
                if cat == "duration" {
                    return Some((e, cat));
                }
            }
        }
        let _ = n;
        None
    }

    /// Decide a measure: durations only when the length is the claim. Returns
    /// (text end token, unit text).
    fn duration_or_measure(
        &self,
        first: usize,
        end: usize,
        unit_end: usize,
        cat: &str,
    ) -> Option<(usize, String)> {
        let hyphen = self.is_dash(end) && self.glued(end);
        let filler = matches!(
            self.word(end),
            "more" | "additional" | "further" | "extra" | "long"
        ) && self.unit_at(end).is_none();
        let unit_first = if hyphen || filler { end + 1 } else { end };
        let unit_text =
            self.doc.text[self.toks[unit_first].start..self.toks[unit_end - 1].end].to_string();
        if cat == "index" && hyphen {
            // "a 10-point plan"
            return None;
        }
        if cat != "duration" {
            let text_end = if hyphen || self.glued(end) {
                unit_end
            } else {
                end
            };
            return Some((text_end, unit_text));
        }
        // Unit reported in the plural ("15-day" → "days").
        let plural = {
            let u = unit_text.to_lowercase();
            match u.as_str() {
                "century" => "centuries".to_string(),
                _ if u.ends_with('s') => u,
                _ => format!("{u}s"),
            }
        };
        let after = self.word(unit_end);
        let after2 = self.word(unit_end + 1);
        if hyphen {
            // "six-year high", "a 15-year-old"
            if self.is_dash(unit_end) && self.glued(unit_end) && after2 == "old" {
                return Some((unit_end + 2, plural));
            }
            if is_in(RECORD_WORDS, after) {
                return None;
            }
            let mut k = first;
            while k > 0 && k + 3 > first {
                k -= 1;
                let w = self.w(k, first);
                if matches!(
                    w,
                    "first" | "second" | "third" | "last" | "previous" | "past"
                ) {
                    return None;
                }
            }
            return Some((unit_end, plural));
        }
        // Placement in time.
        let before = self.words_before(first, 3);
        if before[0] == "the" && matches!(after, "that" | "which" | "since") {
            // "the 66 years that I have been alive": the length is the point.
            return Some((end, plural));
        }
        let q = self.qualifier_before(first);
        let b0 = match q {
            Some((_, qs)) => {
                let w = self.words_before(qs, 2);
                if self.words_before(first, 1)[0] == "over" && !matches!(w[0], "for" | "of" | "to")
                {
                    return None;
                }
                w[0]
            }
            None => before[0],
        };
        if is_in(TIME_PLACERS, b0) || (b0 == "the" && is_in(TIME_PLACERS, before[1])) {
            return None;
        }
        if is_in(TIME_PLACERS, before[0]) || is_in(TIME_PLACERS, before[1]) && before[0] == "the" {
            return None;
        }
        if b0 == "over" {
            return None;
        }
        if is_in(TIME_AFTER, after) || after == "from" && after2 == "now" {
            return None;
        }
        if after == "in" && after2 == "a" && self.word(unit_end + 2) == "row" {
            return None;
        }
        if matches!(after, "to" | "ending" | "ended" | "through") && self.is_month(unit_end + 1) {
            return None;
        }
        if after == "of" && matches!(after2, "trading" | "talks" | "negotiations" | "fighting") {
            return None;
        }
        if after == "old" || after == "older" || after == "younger" {
            return Some((end, plural));
        }
        let _ = cat;
        Some((end, plural))
    }

    /// "to the dollar", "per US dollar", "against the euro": the quoted currency.
    fn exchange_rate(&self, end: usize) -> Option<(&'static str, usize)> {
        let mut k = end;
        if !matches!(self.word(k), "to" | "per" | "against") {
            return None;
        }
        k += 1;
        if matches!(self.word(k), "the" | "one" | "a" | "each") {
            k += 1;
        }
        let iso = match (self.word(k), self.word(k + 1)) {
            ("us" | "american", "dollar") => {
                k += 2;
                "USD"
            }
            ("dollar", _) => {
                k += 1;
                "USD"
            }
            ("euro", _) => {
                k += 1;
                "EUR"
            }
            ("pound", _) => {
                k += 1;
                "GBP"
            }
            ("yen", _) => {
                k += 1;
                "JPY"
            }
            ("yuan", _) => {
                k += 1;
                "CNY"
            }
            ("rupee", _) => {
                k += 1;
                "INR"
            }
            _ => return None,
        };
        Some((iso, k))
    }

    /// The currency an exchange rate is quoted in: a currency word right
    /// after the number or the nearest one mentioned before it.
    fn base_currency(&self, first: usize) -> Option<&'static str> {
        let start_sent = self.toks.get(first)?.sentence;
        let mut k = first;
        while k > 0 {
            k -= 1;
            if self.toks[k].sentence + 3 < start_sent {
                break;
            }
            if let Some((_, iso)) = self.currency_suffix(k) {
                if iso != "USD" {
                    return Some(iso);
                }
            }
        }
        None
    }

    fn looks_plural(&self, w: &str) -> bool {
        if is_in(PLURAL_NOUNS, w) || w.ends_with("men") && w.len() > 4 {
            return true;
        }
        if is_in(NOT_PLURAL, w) || w.len() < 3 {
            return false;
        }
        w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.ends_with("'s")
            && !w.ends_with("’s")
    }

    /// The counted noun after a count: the head of its noun phrase.
    fn counted_noun(&self, np: usize, vague: bool, value: f64) -> Option<(usize, usize)> {
        let mut k = np;
        // "500 fighters of the group", "hundreds of Uyghur youth", "Four of
        // China's six networks", "two of its other projects".
        if self.word(k) == "of" {
            k += 1;
            loop {
                let w = self.word(k);
                if matches!(
                    w,
                    "the"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "our"
                        | "these"
                        | "those"
                        | "this"
                        | "that"
                        | "my"
                        | "your"
                        | "all"
                        | "such"
                ) || self.kind(k) == Some(TK::Num)
                    || self.raw(k).ends_with("'s")
                    || self.raw(k).ends_with("’s")
                    || matches!(self.lex(k), Some((NumClass::Unit | NumClass::Tens, _)))
                {
                    k += 1;
                    continue;
                }
                break;
            }
        } else if vague {
            return None;
        }
        // Collect the noun phrase words.
        let k = self.skip_open_quote(k);
        let mut words: Vec<usize> = Vec::new();
        let mut j = k;
        while words.len() < 6 && self.is_word(j) && self.same_sentence(j, np) {
            let w = self.word(j);
            let compound = self.is_dash(j + 1) && self.glued(j + 1) && self.glued(j + 2);
            if is_in(NP_STOP, w) && !(w == "more" && j == np) && !compound {
                break;
            }
            if words.is_empty() && is_in(SUBJECT_VERBS, w) {
                return None;
            }
            if self.is_month(j) {
                break;
            }
            words.push(j);
            let plural = self.looks_plural(w);
            j += 1;
            while self.is_dash(j) && self.glued(j) && self.is_word(j + 1) && self.glued(j + 1) {
                j += 2;
            }
            if plural && value != 1.0 {
                // "300 policemen and women"
                if self.word(j) == "and"
                    && self.is_word(j + 1)
                    && self.looks_plural(self.word(j + 1))
                    && !self.is_word(j + 2)
                {
                    return Some((words[words.len() - 1], j + 2));
                }
                return Some((words[words.len() - 1], j));
            }
        }
        if words.is_empty() {
            return None;
        }
        if value == 1.0 {
            // Singular: the last word before a stop, leaving out a verb
            // ("one candidate remained").
            let mut words = words;
            while words.len() > 1 {
                let w = self.word(*words.last()?);
                if is_in(SUBJECT_VERBS, w) || w.ends_with("ed") && !is_in(PARTICIPLE_ADJ, w) {
                    words.pop();
                } else {
                    break;
                }
            }
            let last = *words.last()?;
            return Some((last, last + 1));
        }
        // No plural: an acronym ("500 ETIM"), or a single collective noun
        // ("hundreds of Uyghur youth").
        if let Some(&a) = words.iter().find(|&&t| {
            let r = self.raw(t);
            r.len() >= 2 && r.chars().all(|c| c.is_uppercase())
        }) {
            return Some((a, a + 1));
        }
        let first = words[0];
        if words.len() <= 3
            && !self.raw(first).ends_with("ed")
            && !self.raw(*words.last()?).ends_with("ed")
            && j > first
            && (!self.is_word(j) || is_in(NP_STOP, self.word(j)))
        {
            let last = *words.last()?;
            if self.word(np) == "of" || words.len() >= 2 {
                return Some((last, last + 1));
            }
        }
        None
    }
}

fn round4(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}

// ---------------------------------------------------------------------------
// Years

#[derive(Clone, Copy, Debug)]
struct YearMention {
    tok: usize,
    year: i32,
    /// Written as a fronted adverbial ("In 2018, …"), binds forward.
    fronted: bool,
    /// "2003's 9.1%": binds the figure right after.
    possessive: bool,
}

impl<'a, 'd> Scan<'a, 'd> {
    /// Years in the sentence that can tie a figure to a year.
    fn years_in(&self, from: usize, to: usize, figs: &[(usize, usize)]) -> Vec<YearMention> {
        let mut out = Vec::new();
        let mut k = from;
        while k < to {
            if self.kind(k) != Some(TK::Num) || self.raw(k).len() != 4 {
                k += 1;
                continue;
            }
            if figs.iter().any(|&(a, b)| a <= k && k < b) {
                k += 1;
                continue;
            }
            let Some(v) = self.num_value(k) else {
                k += 1;
                continue;
            };
            if !(1800.0..=2100.0).contains(&v) || self.raw(k).contains(['.', ',']) {
                k += 1;
                continue;
            }
            let year = v as i32;
            // Not glued to letters, not a name modifier ("2008 Beijing Olympics",
            // "2021 Trafficking in Persons").
            if self.toks[k].glued && k > 0 && self.is_word(k - 1) {
                k += 1;
                continue;
            }
            if self.capitalised(k + 1) && !self.is_month(k + 1) {
                k += 1;
                continue;
            }
            // Full dates ("11 September 2001", "July 5, 2009") only date an event.
            let mut m = k;
            if m > 0 && self.is_punct(m - 1, ',') {
                m -= 1;
            }
            let month_before = m > 0 && self.is_month(m - 1);
            let day_before_month = month_before
                && m >= 2
                && (self.kind(m - 2) == Some(TK::Num)
                    || matches!(self.kind(m - 2), Some(TK::Word))
                        && self.word(m - 2).ends_with("th")
                        && self.kind(m.saturating_sub(3)) == Some(TK::Num));

            let month_day = k >= 3
                && self.is_punct(k - 1, ',')
                && self.kind(k - 2) == Some(TK::Num)
                && self.is_month(k - 3);
            let day_ordinal = k >= 2
                && self.is_word(k - 1)
                && matches!(self.word(k - 1), "th" | "st" | "nd" | "rd")
                && self.toks[k - 1].glued;
            if day_before_month || month_day || day_ordinal {
                k += 1;
                continue;
            }
            // Periods bounded by two years: "between 1997 and 2016",
            // "from 2003 to 2004", "1997-2016".
            let head = if month_before { m - 1 } else { k };
            let pw = self.prev_w(head);
            let two_years = |j: usize| {
                let mut j = j;
                if self.is_month(j) {
                    j += 1;
                }
                self.kind(j) == Some(TK::Num)
                    && self.raw(j).len() == 4
                    && self
                        .num_value(j)
                        .is_some_and(|v| (1800.0..=2100.0).contains(&v))
            };
            let mut period = false;
            if pw == "between" || pw == "from" {
                let mut j = k + 1;
                if matches!(self.word(j), "and" | "to" | "until" | "till") || self.is_dash(j) {
                    j += 1;
                    if two_years(j) {
                        period = true;
                    }
                }
            }
            if matches!(pw, "and" | "to" | "until" | "till") || (head > 0 && self.is_dash(head - 1))
            {
                // The second year of a period.
                for back in 1..5 {
                    if head > back
                        && self.kind(head - back - 1) == Some(TK::Num)
                        && self.raw(head - back - 1).len() == 4
                    {
                        let w = self.words_before(head - back - 1, 1)[0];
                        if matches!(w, "between" | "from") || self.is_dash(head - 1) {
                            period = true;
                        }
                        break;
                    }
                }
            }
            if self.is_dash(k + 1) && self.glued(k + 1) && self.kind(k + 2) == Some(TK::Num) {
                period = true;
            }
            if period {
                k += 1;
                continue;
            }
            // "faster than in 2004": a comparison, not the figure's year.
            if pw == "in" && self.prev_w(head.saturating_sub(1)) == "than" {
                k += 1;
                continue;
            }
            let possessive =
                matches!(self.kind(k + 1), Some(TK::Punct('\'' | '’'))) && self.word(k + 2) == "s";
            // Fronted: the clause before it holds no figure, and a comma follows.
            let mut e = k + 1;
            if possessive {
                e = k + 3;
            }
            let comma_after = self.is_punct(e, ',');
            let clause_start = {
                let mut c = head;
                while c > from {
                    let p = c - 1;
                    if self.is_punct(p, ';')
                        || self.is_punct(p, ',')
                            && matches!(self.word(c), "and" | "but" | "while" | "when")
                    {
                        break;
                    }
                    c -= 1;
                }
                c
            };
            let fig_before = figs.iter().any(|&(a, _)| a >= clause_start && a < head);
            let fronted = comma_after && !fig_before;
            out.push(YearMention {
                tok: k,
                year,
                fronted,
                possessive,
            });
            k += 1;
        }
        out
    }

    fn clause_break_between(&self, a: usize, b: usize) -> bool {
        let mut dashes = 0;
        for k in a..b {
            match self.kind(k) {
                Some(TK::Punct(';')) => return true,
                Some(TK::Punct('-' | '–' | '—')) if !self.glued(k) => dashes += 1,
                Some(TK::Punct(',')) => {
                    if matches!(
                        self.word(k + 1),
                        "but" | "although" | "though" | "while" | "whereas" | "compared"
                    ) {
                        return true;
                    }
                }
                _ => {
                    if matches!(self.word(k), "although" | "whereas") {
                        return true;
                    }
                }
            }
        }
        dashes % 2 == 1
    }

    /// Bind years to the figures of one sentence (`idx` are indices into `found`).
    fn bind_years(&self, found: &mut [Found], idx: &[usize]) {
        if idx.is_empty() {
            return;
        }
        let s = self.toks[found[idx[0]].first].sentence;
        let from = {
            let mut k = found[idx[0]].first;
            while k > 0 && self.toks[k - 1].sentence == s {
                k -= 1;
            }
            k
        };
        let to = {
            let mut k = found[idx[idx.len() - 1]].end;
            while k < self.toks.len() && self.toks[k].sentence == s {
                k += 1;
            }
            k
        };
        let spans: Vec<(usize, usize)> = idx
            .iter()
            .map(|&f| (found[f].first, found[f].end))
            .collect();
        let years = self.years_in(from, to, &spans);
        let mut year_of: Vec<Option<(i32, usize)>> = vec![None; idx.len()];
        let set = |slot: &mut Option<(i32, usize)>, y: i32, dist: usize| {
            if slot.map_or(true, |(_, d)| dist < d) {
                *slot = Some((y, dist));
            }
        };
        for y in &years {
            if y.possessive {
                if let Some(p) = idx.iter().position(|&f| found[f].first > y.tok) {
                    let d = found[idx[p]].first - y.tok;
                    if d <= 4 {
                        set(&mut year_of[p], y.year, 0);
                    }
                }
                continue;
            }
            if y.fronted {
                for (p, &f) in idx.iter().enumerate() {
                    if found[f].first > y.tok {
                        set(&mut year_of[p], y.year, found[f].first - y.tok);
                    }
                }
            }
            // Backward: the nearest figure before it in the same clause, with
            // its bracketed conversions and a "by X to Y" partner.
            if let Some(p) = idx.iter().rposition(|&f| found[f].end <= y.tok) {
                let f = idx[p];
                if !self.clause_break_between(found[f].end, y.tok) {
                    let d = y.tok - found[f].end;
                    set(&mut year_of[p], y.year, d);
                    let mut q = p;
                    while q > 0 {
                        let cur = &found[idx[q]];
                        let prevf = &found[idx[q - 1]];
                        let linked = cur.conversion
                            || (self.word(cur.first.saturating_sub(1)) == "to"
                                && prevf.end + 1 == cur.first
                                && self.words_before(prevf.first, 1)[0] == "by");
                        if !linked {
                            break;
                        }
                        set(&mut year_of[q - 1], y.year, d + 1);
                        q -= 1;
                    }
                }
            }
        }
        // Propagation: conversions take their amount's year; "compared with X"
        // takes the year of the figure compared; "X the previous year" is the
        // year before.
        for p in 0..idx.len() {
            let f = idx[p];
            if year_of[p].is_none() && p > 0 {
                let cur = &found[f];
                let before = self.words_before(cur.first, 2);
                if cur.conversion || (before[0] == "with" && before[1] == "compared") {
                    year_of[p] = year_of[p - 1];
                }
            }
            let e = found[f].end;
            let prev_year = matches!(
                (self.word(e), self.word(e + 1), self.word(e + 2)),
                ("the", "previous", "year") | ("the", "year", "before") | ("a", "year", "earlier")
            );
            if prev_year && p > 0 {
                if let Some((y, _)) = year_of[p - 1] {
                    year_of[p] = Some((y - 1, 0));
                }
            }
        }
        for (p, &f) in idx.iter().enumerate() {
            found[f].fig.year = year_of[p].map(|(y, _)| y);
        }
    }

    /// The singular stem of a counted noun, to look for it earlier in the text.
    fn seen_before(&self, head: usize, before: usize) -> bool {
        let w = self.word(head);
        let stem = if let Some(s) = w.strip_suffix("ies") {
            s
        } else if let Some(s) = w.strip_suffix("es") {
            if s.ends_with(['s', 'x', 'z']) || s.ends_with("ch") || s.ends_with("sh") {
                s
            } else {
                &w[..w.len() - 1]
            }
        } else if let Some(s) = w.strip_suffix('s') {
            s
        } else {
            w
        };
        if stem.len() < 3 {
            return false;
        }
        let hay_start = before.saturating_sub(20_000);
        let mut lo = hay_start;
        while !self.doc.folded.is_char_boundary(lo) {
            lo += 1;
        }
        let hay = &self.doc.folded[lo..before];
        let mut from = 0;
        while let Some(p) = hay[from..].find(stem) {
            let at = from + p;
            let ok_before = hay[..at]
                .chars()
                .next_back()
                .map_or(true, |c| !c.is_alphabetic());
            if ok_before {
                return true;
            }
            from = at + stem.len();
        }
        false
    }
}

/// Every figure in `doc`, in reading order.
pub(crate) fn find(doc: &Doc<'_>) -> Vec<Figure> {
    let scan = Scan {
        doc,
        toks: tokenize(doc),
    };
    let mut found: Vec<Found> = Vec::new();
    let mut i = 0;
    let n = scan.toks.len();
    while i < n {
        let t = scan.toks[i];
        let candidate = match t.kind {
            TK::Num => true,
            TK::Word => {
                // A number word, "a"/"an", or a currency word right before
                // a number or a "$" ("Rs 500", "HK$327m").
                let w = scan.word(i);
                scan.lex(i).is_some()
                    || matches!(w, "a" | "an")
                    || w.len() <= 3
                        && (scan.kind(i + 1) == Some(TK::Num)
                            || scan.is_punct(i + 1, '$')
                            || scan.is_punct(i + 1, '.') && scan.kind(i + 2) == Some(TK::Num))
            }
            TK::Punct(c) => !c.is_ascii() || c == '$',
        };
        if candidate {
            if let Some(f) = scan.try_at(i, found.last()) {
                i = f.end.max(i + 1);
                found.push(f);
                continue;
            }
            // Skip past a whole non-figure number ("July 5, 2009").
        }
        i += 1;
    }

    // Units for counts; the small back-referring counts; elliptical units.
    let mut last_count_unit: Option<(usize, String)> = None;
    let mut keep = vec![true; found.len()];
    for fi in 0..found.len() {
        let f = &found[fi];
        let sent = scan.toks[f.first].sentence;
        if f.needs_unit && f.fig.kind == ClaimKind::Count {
            let head = scan.counted_noun(f.np, f.vague, f.fig.value);
            let mut unit: Option<String> = None;
            if let Some((h, e)) = head {
                let hs = scan.toks[h].start;
                let he = scan.toks[e - 1].end;
                unit = Some(doc.text[hs..he].to_string());
                if f.small_back {
                    // "the two countries" refers back when its noun was
                    // already used; "their two leaders" does unless an
                    // apposition names them ("its two main rivals - X and Y").
                    let det = scan.prev_w(f.first);
                    let apposition = scan.is_dash(e) && !scan.glued(e) || scan.is_punct(e, ':');
                    let seen = scan.seen_before(h, scan.toks[f.first].start);
                    if matches!(det, "the" | "both") && seen
                        || !matches!(det, "the" | "both") && !apposition
                    {
                        keep[fi] = false;
                    }
                }
            } else if f.small_back {
                keep[fi] = false;
            }
            if unit.is_none() && !f.vague {
                unit = scan.unit_from_context(f, &last_count_unit, sent);
            }
            if keep[fi] {
                if let Some(u) = &unit {
                    last_count_unit = Some((sent, u.clone()));
                }
            }
            found[fi].fig.unit = unit;
        }
        // "rose 120 points to 10,450": the level after a measured change
        // is in the same unit.
        if found[fi].fig.kind == ClaimKind::Count && found[fi].fig.unit.is_none() && fi > 0 {
            let (prev, cur) = found.split_at_mut(fi);
            let p = &prev[fi - 1];
            let c = &mut cur[0];
            if p.fig.kind == ClaimKind::Measure
                && p.fig.unit.as_deref() == Some("points")
                && matches!(scan.prev_w(c.first), "to" | "at")
                && p.np + 1 == c.first
            {
                c.fig.kind = ClaimKind::Measure;
                c.fig.unit = p.fig.unit.clone();
            }
        }
    }
    let mut found: Vec<Found> = found
        .into_iter()
        .zip(keep)
        .filter_map(|(f, k)| k.then_some(f))
        .collect();

    // Years, sentence by sentence.
    let mut s = 0;
    while s < found.len() {
        let sent = scan.toks[found[s].first].sentence;
        let mut e = s;
        while e < found.len() && scan.toks[found[e].first].sentence == sent {
            e += 1;
        }
        let idx: Vec<usize> = (s..e).collect();
        scan.bind_years(&mut found, &idx);
        s = e;
    }
    // A number too long for f64 is not a quantity anyone states.
    found
        .into_iter()
        .map(|f| f.fig)
        .filter(|f| f.value.is_finite() && f.upper.map_or(true, f64::is_finite))
        .collect()
}

impl<'a, 'd> Scan<'a, 'd> {
    /// A count with no noun after it: "the number of Uyghurs increased from
    /// 3.61 million", "a total population of 25.85 million", "minorities
    /// totalled 14.93 million", "197 people died, with 1,721 suffered".
    fn unit_from_context(
        &self,
        f: &Found,
        last: &Option<(usize, String)>,
        sent: usize,
    ) -> Option<String> {
        let first = f.first;
        let mut q = first;
        if let Some((_, qs)) = self.qualifier_before(first) {
            q = qs;
        }
        let before = self.words_before(q, 2);
        // "<noun> of N"
        if before[0] == "of" && q >= 2 && self.is_word(q - 2) {
            let w = self.word(q - 2);
            if !is_in(NP_STOP, w)
                && self.lex(q - 2).is_none()
                && !matches!(
                    w,
                    "total" | "rate" | "level" | "number" | "sum" | "peak" | "average"
                )
            {
                return Some(self.raw(q - 2).to_string());
            }
        }
        // "the number of X … N"
        let mut k = q;
        while k > 1 && self.same_sentence(k - 1, first) && k + 25 > q {
            k -= 1;
            if self.word(k) == "number" && self.word(k + 1) == "of" {
                let mut j = k + 2;
                while self.is_word(j) && j < k + 6 {
                    if self.looks_plural(self.word(j)) {
                        return Some(self.raw(j).to_string());
                    }
                    j += 1;
                }
            }
        }
        // "<plural subject> totalled N"
        if matches!(
            before[0],
            "totalled" | "totaled" | "numbered" | "totalling" | "totaling" | "number" | "numbering"
        ) {
            let mut k = q.saturating_sub(1);
            while k > 0 && self.same_sentence(k - 1, first) && k + 8 > q {
                k -= 1;
                if self.is_word(k) && self.looks_plural(self.word(k)) && !self.capitalised(k) {
                    return Some(self.raw(k).to_string());
                }
            }
        }
        // Elliptical subject: reuse the last counted noun of this sentence, or
        // of the previous one when the number opens its sentence.
        let next = self.word(f.end);
        let subject =
            is_in(SUBJECT_VERBS, next) || (next.ends_with("ed") && !is_in(PARTICIPLE_ADJ, next));
        if let Some((ls, u)) = last {
            if *ls == sent && (subject || matches!(before[0], "from" | "with" | "to")) {
                return Some(u.clone());
            }
            if *ls + 1 == sent && subject && self.sentence_start_tok(q) {
                return Some(u.clone());
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(text: &str) -> Vec<(String, f64, Option<String>)> {
        let doc = Doc::new(text, false);
        find(&doc)
            .into_iter()
            .map(|f| (text[f.start..f.end].to_string(), f.value, f.unit))
            .collect()
    }

    #[test]
    fn lexicons_load() {
        assert!(LEX.numbers.len() > 50);
        assert!(LEX.prefixes.iter().any(|(f, _)| *f == "HK$"));
        assert!(LEX.units.len() > 30);
    }

    #[test]
    fn one_long_sentence_is_linear() {
        // Many figures and no sentence end: every per-figure look-back must
        // stay bounded.
        let unit = "the Minister of Finance Li Wei said about 20 people in Kabul “left” and ";
        let text = unit.repeat((2 << 20) / unit.len());
        let t = std::time::Instant::now();
        let doc = Doc::new(&text, false);
        let n = find(&doc).len();
        eprintln!("{} figures in {:?}", n, t.elapsed());
        assert!(n > 1000);
        assert!(t.elapsed().as_secs() < 5);
    }

    #[test]
    fn huge_numbers_are_dropped() {
        let text = "7".repeat(5000);
        assert!(figs(&text).iter().all(|f| f.1.is_finite()));
    }

    #[test]
    fn basic_forms() {
        assert_eq!(figs("He paid $10 million.")[0].0, "$10 million");
        assert_eq!(figs("Profit was HK$327m.")[0].1, 327_000_000.0);
        assert_eq!(
            figs("About 500 fighters left.")[0].2.as_deref(),
            Some("fighters")
        );
    }
}
