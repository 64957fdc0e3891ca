//! Quotations: finding quote marks and the passages between them, closing
//! a passage at a sloppy mark, and telling quotes from scare quotes and
//! titles.
//!
//! Double marks, curly or straight, are matched by position rather than
//! glyph, since sources mix them up; single marks count outside double
//! quotes only. A passage running over paragraphs is one when each new
//! paragraph opens with a mark, or when a paragraph breaks mid-sentence; a
//! mark that reopens after a sentence's end inside an open quote is such a
//! paragraph whose line break was lost.

use std::borrow::Cow;
use std::ops::Range;

use aho_corasick::{AhoCorasick, Input, MatchKind};
use once_cell::sync::Lazy;

use super::words::{count_words_in, words_in};
use crate::lexicon::{mark, AttributionVerbs, ClaimCues};
use crate::text::{is_title_or_caps, Doc};

/// A quoted passage: `open` is where its opening mark is (the sentence start
/// when the mark is missing), `inner` the words inside the marks.
#[derive(Clone, Debug)]
pub(super) struct QuotedPassage {
    pub(super) open: usize,
    pub(super) inner: Range<usize>,
    /// Where the closing mark ends.
    pub(super) close_end: usize,
    /// Opened with a curly mark (`quote:curly`) rather than a straight one.
    pub(super) curly: bool,
}

/// Every quoted passage of a document, short ones too (they hide their
/// words from attribution), sorted by opening mark; they do not overlap.
pub(super) struct QuotedPassages {
    sorted: Vec<QuotedPassage>,
}

impl QuotedPassages {
    /// Find the quoted passages of `doc`.
    pub(super) fn find(doc: &Doc<'_>, verbs: &AttributionVerbs) -> QuotedPassages {
        let mut scanner = QuoteScanner::new(doc, verbs);
        scanner.scan();
        let mut sorted = scanner.finish();
        sorted.sort_by_key(|q| q.open);
        QuotedPassages { sorted }
    }

    /// All passages, in order.
    pub(super) fn all(&self) -> &[QuotedPassage] {
        &self.sorted
    }

    /// Is `pos` inside the marks of a passage?
    pub(super) fn contains(&self, pos: usize) -> bool {
        // Passages are sorted and do not overlap: look at the last ones
        // opening before `pos`.
        let i = self.sorted.partition_point(|q| q.inner.start <= pos);
        self.sorted[..i]
            .iter()
            .rev()
            .take(2)
            .any(|q| pos < q.inner.end)
    }

    /// Where the subject of a verb at `v` may begin: `sent_start` or the
    /// end of a quoted passage between it and the verb.
    pub(super) fn clause_start(&self, sent_start: usize, v: usize) -> usize {
        let i = self.sorted.partition_point(|q| q.open < v);
        self.sorted[..i]
            .iter()
            .rev()
            .take(3)
            .filter(|q| q.close_end <= v && q.close_end > sent_start)
            .map(|q| q.close_end)
            .max()
            .unwrap_or(sent_start)
    }

    /// Where the first passage opening at or after `pos` opens.
    pub(super) fn next_open(&self, pos: usize) -> Option<usize> {
        self.sorted
            .get(self.sorted.partition_point(|r| r.open < pos))
            .map(|r| r.open)
    }
}

/// Is this quoted passage a quote (a clause, or eight words or more),
/// rather than a scare quote, label or title?
pub(super) fn is_quotation(
    doc: &Doc<'_>,
    q: &QuotedPassage,
    verbs: &AttributionVerbs,
    cues: &ClaimCues,
) -> bool {
    let text = doc.text;
    let inner = &text[q.inner.clone()];
    // The rules below ask whether there are at least 3 or 8 words, or at
    // most 15: counting to 16 answers them all without reading a long
    // quotation to its end.
    let n = count_words_in(doc, q.inner.clone(), 16);
    let before = text[..q.open].trim_end();
    let prev_word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // Lower-cased only when it has a capital (no String for most words).
    let prev_word: Cow<'_, str> = if prev_word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        Cow::Borrowed(prev_word)
    } else {
        Cow::Owned(prev_word.to_lowercase())
    };
    if cues.title_cues.contains(&prev_word) {
        return false;
    }
    let first_upper = inner
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase);
    let ends_sentence = inner.trim_end().ends_with(['.', '?', '!', ',', '…'])
        || text
            .get(q.inner.end..q.close_end)
            .is_some_and(|t| t.contains([',', '.', '?', '!']));
    if first_upper && !ends_sentence && n <= 15 && is_title_or_caps(inner) {
        return false;
    }
    if n >= 8 {
        return true;
    }
    // "people would say "why couldn't she do that?"": a clause that a
    // speech verb introduces.
    let spoken = verbs
        .lookup(&prev_word)
        .is_some_and(|(_, usage)| usage.tags_quote);
    n >= 3 && (first_upper || spoken) && (ends_sentence || before.ends_with(':'))
}

/// What a quote mark does, as read from its neighbours.
#[derive(Clone, Copy, Debug, PartialEq)]
enum MarkRole {
    Open,
    Close,
    /// Spaces on both sides: decided by whether a quote is open.
    Either,
}

fn is_quote_char(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'')
}

fn is_double_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '"')
}

/// What the marks around byte `i` say a quote mark `c` does.
fn mark_role(text: &str, i: usize, c: char) -> Option<MarkRole> {
    let prev = text[..i].chars().next_back();
    let next = text[i + c.len_utf8()..].chars().next();
    let prev_open = prev.map_or(true, |p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/')
    });
    let next_space = next.map_or(true, char::is_whitespace);
    let next_close = next.map_or(true, |n| {
        n.is_whitespace()
            || matches!(n, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '…')
            || is_quote_char(n)
    });
    if prev_open && !next_space {
        Some(MarkRole::Open)
    } else if !prev_open && next_close {
        Some(MarkRole::Close)
    } else if prev_open && next_space {
        Some(MarkRole::Either)
    } else {
        // A mark between letters: an apostrophe for single marks.
        match c {
            '“' | '”' | '"' => Some(MarkRole::Either),
            _ => None,
        }
    }
}

/// One left-to-right pass over the text, pairing quote marks.
struct QuoteScanner<'a, 'd> {
    doc: &'d Doc<'a>,
    /// The attribution verbs (a speech verb after a mark closes a quote).
    verbs: &'d AttributionVerbs,
    text: &'a str,
    found: Vec<QuotedPassage>,
    /// The open double quote: (mark start, inner start, curly).
    double: Option<(usize, usize, bool)>,
    /// Opening double marks nested inside the open double quote.
    depth: usize,
    /// The open double quote has already run over a paragraph break
    /// mid-sentence.
    carried: bool,
    /// The opening mark of a paragraph that continues the open double
    /// quote: it neither closes nor nests.
    skip_mark: Option<usize>,
    /// The open single quote: (mark start, inner start).
    single: Option<(usize, usize)>,
}

impl<'a, 'd> QuoteScanner<'a, 'd> {
    fn new(doc: &'d Doc<'a>, verbs: &'d AttributionVerbs) -> QuoteScanner<'a, 'd> {
        QuoteScanner {
            doc,
            verbs,
            text: doc.text,
            found: Vec::new(),
            double: None,
            depth: 0,
            carried: false,
            skip_mark: None,
            single: None,
        }
    }

    /// Keep the passage `inner` (trimmed of spaces and a trailing comma)
    /// unless it is empty.
    fn push(&mut self, open: usize, inner: Range<usize>, close_end: usize, curly: bool) {
        let raw = &self.text[inner.clone()];
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        let trimmed = trimmed.strip_suffix(',').unwrap_or(trimmed).trim_end();
        if trimmed.is_empty() {
            return;
        }
        let start = inner.start + lead;
        self.found.push(QuotedPassage {
            open,
            inner: start..start + trimmed.len(),
            close_end,
            curly,
        });
    }

    fn scan(&mut self) {
        let text = self.text;
        let mut i = 0;
        while i < text.len() {
            // Only line breaks and quote marks matter: skip to the next
            // byte that can start one (the curly marks all start with 0xE2).
            let Some(next) = next_mark_byte(text.as_bytes(), i) else {
                break;
            };
            i = next;
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            let len = c.len_utf8();
            if c == '\n' {
                i = self.line_break(i);
                continue;
            }
            if !is_quote_char(c) {
                i += len;
                continue;
            }
            // The role is read only for a mark that counts: single marks
            // (most of them apostrophes) inside a double quote do not.
            if is_double_mark(c) {
                self.double_mark(i, c, mark_role(text, i, c));
            } else if self.double.is_none() {
                self.single_mark(i, c, mark_role(text, i, c));
            }
            i += len;
        }
    }

    /// A line break at `i`: single quotes end; an open double quote goes on
    /// when the next paragraph opens with a mark or the break cuts a
    /// sentence (once), and ends otherwise. Returns where to read on.
    fn line_break(&mut self, i: usize) -> usize {
        let text = self.text;
        self.single = None;
        let rest = &text[i..];
        let next = i + (rest.len() - rest.trim_start().len());
        if let Some((o, is, curly)) = self.double {
            let before = text[..i].trim_end();
            let clean = before.ends_with(['.', '?', '!', '…', ':', ';', '"', '”', '’']);
            let next_char = text[next..].chars().next();
            if matches!(next_char, Some('“' | '"')) {
                self.skip_mark = Some(next);
                self.depth = 0;
            } else if !clean && !self.carried && next_char.is_some_and(char::is_lowercase) {
                self.carried = true;
            } else {
                self.push(o, is..before.len(), before.len(), curly);
                self.double = None;
                self.depth = 0;
            }
        }
        next.max(i + '\n'.len_utf8())
    }

    /// A double mark `c` at `i`.
    fn double_mark(&mut self, i: usize, c: char, role: Option<MarkRole>) {
        let text = self.text;
        let len = c.len_utf8();
        if self.skip_mark == Some(i) {
            self.skip_mark = None;
            return;
        }
        match (self.double, role) {
            (_, None) => {}
            (None, Some(MarkRole::Open | MarkRole::Either)) => {
                self.double = Some((i, i + len, c != '"'));
                self.depth = 0;
                self.carried = false;
                self.single = None;
            }
            (None, Some(MarkRole::Close)) => {
                // A double mark closing a passage opened with a single one
                // ('Networks like … revenue," it said): sources mix marks.
                if let Some((o, is)) = self.single.take() {
                    self.push(o, is..i, i + len, c != '"');
                    return;
                }
                // A closing mark with no opening one after a full stop:
                // the quote began with its sentence.
                let before = text[..i].trim_end();
                if before.ends_with(['.', '?', '!']) {
                    let s = self.doc.sentence_span(i.saturating_sub(1));
                    let lo = s.start.min(i);
                    if !text[lo..i].contains(is_double_mark) {
                        self.push(lo, lo..i, i + len, c != '"');
                    }
                }
            }
            (Some((o, is, curly)), Some(MarkRole::Close | MarkRole::Either)) => {
                if self.depth > 0 {
                    self.depth -= 1;
                } else {
                    self.push(o, is..i, i + len, curly);
                    self.double = None;
                }
            }
            (Some((o, is, curly)), Some(MarkRole::Open)) => {
                if sloppy_close(self.doc, self.verbs, i, len) {
                    self.push(o, is..i, i + len, curly);
                    self.double = None;
                    self.depth = 0;
                } else if self.depth == 0 && reopens_paragraph(text, i, len) {
                    // `… play him? "Juninho is …`: a new paragraph of the
                    // same quotation whose line break was lost; it reopens
                    // without closing, so the quote goes on.
                } else {
                    self.depth += 1;
                }
            }
        }
    }

    /// A single mark `c` at `i`, outside double quotes: ’ never opens and
    /// ‘ never closes (they are apostrophes).
    fn single_mark(&mut self, i: usize, c: char, role: Option<MarkRole>) {
        let len = c.len_utf8();
        let curly = c != '\'';
        match (self.single, role) {
            (_, None) => {}
            (None, Some(MarkRole::Open)) if c != '’' => self.single = Some((i, i + len)),
            (Some((o, is)), Some(MarkRole::Close)) if c != '‘' => {
                self.push(o, is..i, i + len, curly);
                self.single = None;
            }
            (Some(_), Some(MarkRole::Open)) if c != '’' => self.single = Some((i, i + len)),
            _ => {}
        }
    }

    /// The passages found; a double quote still open runs to the end of the
    /// text.
    fn finish(mut self) -> Vec<QuotedPassage> {
        if let Some((o, is, curly)) = self.double {
            let end = self.text.trim_end().len().max(is);
            self.push(o, is..end, end, curly);
        }
        self.found
    }
}

/// The bytes that can start a line break or a quote mark: `\n`, `"`, `'`
/// and 0xE2 (the first byte of every curly mark), found by one (SIMD)
/// search for the four.
static MARK_BYTES: Lazy<AhoCorasick> = Lazy::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(MARKS)
        .unwrap()
});

/// The four bytes of [`MARK_BYTES`].
const MARKS: [&[u8]; 4] = [b"\n", b"\"", b"'", b"\xE2"];

/// The same search by the packed (Teddy) searcher alone, where the machine
/// has one: the marks are about a hundred bytes apart, and the automaton's
/// search around it (input checks, prefilter, then the automaton) cost
/// more per call than the vector search itself.
static MARK_BYTES_PACKED: Lazy<Option<aho_corasick::packed::Searcher>> = Lazy::new(|| {
    aho_corasick::packed::Config::new()
        .match_kind(aho_corasick::packed::MatchKind::LeftmostFirst)
        .builder()
        .extend(MARKS)
        .build()
});

/// Where the first byte at or after `from` is one that can start a line
/// break or a quote mark ([`MARK_BYTES`]).
fn next_mark_byte(bytes: &[u8], from: usize) -> Option<usize> {
    if from >= bytes.len() {
        return None;
    }
    match &*MARK_BYTES_PACKED {
        Some(packed) => packed
            .find_in(bytes, aho_corasick::Span::from(from..bytes.len()))
            .map(|m| m.start()),
        None => MARK_BYTES
            .find(Input::new(bytes).range(from..))
            .map(|m| m.start()),
    }
}

/// An opening mark after a sentence's end and a space, before a capital
/// ("… him? "Juninho …"): inside an open quote, the reopening of a new
/// paragraph of the same quotation.
fn reopens_paragraph(text: &str, i: usize, len: usize) -> bool {
    let head = &text[..i];
    head.ends_with(' ')
        && head.trim_end().ends_with(['.', '?', '!'])
        && text[i + len..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

/// An opening-looking mark inside an open quote that actually closes it:
/// it follows a comma or end punctuation and a space, and an attribution
/// follows it (`…in Raghistan, “Li Wei … told the Global Times.`).
fn sloppy_close(doc: &Doc<'_>, verbs: &AttributionVerbs, i: usize, len: usize) -> bool {
    let text = doc.text;
    let head = &text[..i];
    if !head.ends_with(' ') || !head.trim_end().ends_with([',', '.', '?', '!']) {
        return false;
    }
    let rest = &doc.folded[i + len..];
    let mut end = rest
        .find(['.', '?', '!', '“', '”', '"', '\n'])
        .unwrap_or(rest.len())
        .min(250);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    words_in(doc, i + len..i + len + end).any(|(_, _, w, marks)| {
        marks & mark::ATTRIBUTION_VERB != 0
            && verbs
                .lookup(w)
                .is_some_and(|(_, usage)| usage.tags_quote && !usage.noun_too)
    })
}

#[cfg(test)]
mod tests {
    use super::next_mark_byte;

    /// The eight-byte search finds what a byte-by-byte search finds.
    #[test]
    fn mark_bytes_are_found_as_one_byte_at_a_time() {
        let texts = [
            "plain words and more plain words here",
            "a \"quote\" here",
            "it's “curly” and ‘single’ — dash\nnext line",
            "",
            "x",
            "12345678\n",
            "1234567'",
            "ééééééééé\"",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            for from in 0..=bytes.len() {
                let slow = bytes[from..]
                    .iter()
                    .position(|&b| matches!(b, b'\n' | b'"' | b'\'' | 0xE2))
                    .map(|p| from + p);
                assert_eq!(next_mark_byte(bytes, from), slow, "{text:?} {from}");
            }
        }
        // Every mark of the fixture and development texts, searched from
        // just past the one before (the packed searcher's long and short
        // spans alike).
        let mut marks = 0;
        for text in crate::text::test_corpus::texts() {
            let bytes = text.as_bytes();
            let mut from = 0;
            loop {
                let slow = bytes[from.min(bytes.len())..]
                    .iter()
                    .position(|&b| matches!(b, b'\n' | b'"' | b'\'' | 0xE2))
                    .map(|p| from + p);
                assert_eq!(next_mark_byte(bytes, from), slow, "at {from}");
                let Some(at) = slow else { break };
                marks += 1;
                from = at + 1;
            }
        }
        assert!(marks > 1000, "{marks} marks");
    }
}
