//! The claims stage's words, read by range from the document's base tokens.
//!
//! A claims word is what the pattern `[\p{L}\p{N}][\p{L}\p{N}’'\-]*` finds
//! in the folded text: a letter or digit, then letters, digits, apostrophes
//! and hyphens. It is a join of adjacent base tokens ([`crate::text::Token`]):
//! letters, digits or numerals, then those and the punctuation `’`, `'`,
//! `-`. (Marks, alphabetic but neither `\p{L}` nor `\p{N}`, end a word.)
//! Folding keeps every character's token kind, so the tokens of the original
//! text cut the folded text the same way.
//!
//! Each word carries its lexicon marks ([`crate::lexicon::mark`]), the bits
//! from [`mark::FOLDED`] on: the lower-case lists it is on. A word that is
//! one whole base token copies the token's (looked up once by the text
//! layer); a join of tokens, or a word cut by a range's edge, is looked up.

use std::borrow::Cow;
use std::cell::{Cell, OnceCell};
use std::ops::{Deref, Range};

use crate::lexicon::{mark, WordMarks};
use crate::text::{Doc, Token, TokenKind};

/// A word of the folded text: its start, its end, the word itself and its
/// marks (the [`mark`] bits from [`mark::FOLDED`] on: the lower-case lists
/// the word is on).
pub(super) type Word<'t> = (usize, usize, &'t str, u64);

/// The marks of the folded word `w` (a join of tokens or a cut word).
fn looked_up(marks: &WordMarks, w: &str) -> u64 {
    marks.get(w) & !mark::EXACT
}

/// The marks of the word `start..end`, which begins in token `t`: the
/// token's own when the word is the whole token (its folded text, looked
/// up once by the text layer), else looked up.
fn marks_of(doc: &Doc<'_>, t: &Token, start: usize, end: usize) -> u64 {
    if start == t.start && end == t.end {
        t.marks & !mark::EXACT
    } else {
        looked_up(doc.word_marks, &doc.folded[start..end])
    }
}

/// A token that can start a word: letters or digits (`\p{L}`, `\p{N}`).
fn starts_word(t: &Token) -> bool {
    matches!(
        t.kind,
        TokenKind::Letters | TokenKind::Digits | TokenKind::Numeral
    )
}

/// A token that can continue a word: those, an apostrophe or a hyphen.
fn continues_word(text: &str, t: &Token) -> bool {
    starts_word(t)
        || t.kind == TokenKind::Punct
            && matches!(
                text.as_bytes().get(t.start..t.end),
                Some(b"'" | b"-" | b"\xE2\x80\x99")
            )
}

/// The words of the folded text within `r`, exactly as a search of that
/// range alone finds them (a word cut by either edge of `r` is cut there
/// too): the tokens are clipped to `r` and joined. A token is one character
/// or a run of one kind, so a clipped token keeps its kind.
pub(super) fn words_in<'d>(doc: &'d Doc<'_>, r: Range<usize>) -> impl Iterator<Item = Word<'d>> {
    let text = doc.text;
    let folded = doc.folded.as_str();
    let toks = &doc.tokens;
    // An empty range holds no word (and clips every token to nothing); nor
    // does one cut inside a character, as for [`WordIndex::words`] (callers
    // add byte counts to offsets: "the 40 bytes after a figure").
    let mut k = if r.is_empty() || folded.get(r.clone()).is_none() {
        toks.len()
    } else {
        toks.partition_point(|t| t.end <= r.start)
    };
    std::iter::from_fn(move || {
        while k < toks.len() && toks[k].start < r.end {
            let t = &toks[k];
            k += 1;
            if !starts_word(t) {
                continue;
            }
            let start = t.start.max(r.start);
            let mut end = t.end.min(r.end);
            while k < toks.len()
                && toks[k].start == end
                && end < r.end
                && continues_word(text, &toks[k])
            {
                end = toks[k].end.min(r.end);
                k += 1;
            }
            return Some((
                start,
                end,
                &folded[start..end],
                marks_of(doc, t, start, end),
            ));
        }
        None
    })
}

/// How many words [`words_in`] finds in `r`, counting no further than
/// `cap`: the same walk over the tokens, without the words' text or marks
/// (a quoted passage asks only whether it holds 3, 8 or 16 words).
pub(super) fn count_words_in(doc: &Doc<'_>, r: Range<usize>, cap: usize) -> usize {
    let text = doc.text;
    let toks = &doc.tokens;
    if r.is_empty() || doc.folded.get(r.clone()).is_none() {
        return 0;
    }
    let mut k = toks.partition_point(|t| t.end <= r.start);
    let mut n = 0;
    while n < cap && k < toks.len() && toks[k].start < r.end {
        let t = &toks[k];
        k += 1;
        if !starts_word(t) {
            continue;
        }
        let mut end = t.end.min(r.end);
        while k < toks.len()
            && toks[k].start == end
            && end < r.end
            && continues_word(text, &toks[k])
        {
            end = toks[k].end.min(r.end);
            k += 1;
        }
        n += 1;
    }
    n
}

/// The words of a range: a borrowed run of the index when no word is cut
/// by the range's edges (the common case), else an owned copy. Read it as a
/// slice.
pub(super) struct Words<'s, 't>(Cow<'s, [Word<'t>]>);

impl<'t> Words<'_, 't> {
    /// The words as a slice (for slice patterns).
    pub(super) fn as_slice(&self) -> &[Word<'t>] {
        &self.0
    }
}

impl<'t> Deref for Words<'_, 't> {
    type Target = [Word<'t>];

    fn deref(&self) -> &[Word<'t>] {
        &self.0
    }
}

/// The words of one text, indexed a sentence at a time on first use, so
/// that the words of a range within a sentence are a slice of its index,
/// read without joining tokens or allocating again, and a sentence that
/// holds no claim costs nothing.
///
/// The text is cut into segments at its sentences' starts, each moved on
/// past the tokens of a word begun before it (words hold no white space,
/// so the move is almost never needed): every word then lies within one
/// segment.
pub(super) struct WordIndex<'t> {
    text: &'t str,
    folded: &'t str,
    tokens: &'t [Token],
    sentences: &'t [Range<usize>],
    /// The lexicon's table, for the marks of words cut by a range.
    marks: &'t WordMarks,
    /// Per segment (one per sentence, or one for a text without any): its
    /// words, indexed on first use.
    segments: Vec<OnceCell<Segment<'t>>>,
    /// The segment read last: the rules read around one claim at a time.
    last: Cell<usize>,
}

/// The words of one segment of the text.
struct Segment<'t> {
    /// The bytes the segment covers: from its first token to the next
    /// segment's first token.
    span: Range<usize>,
    words: Vec<Word<'t>>,
}

impl<'t> WordIndex<'t> {
    /// An index of the words of `doc`, empty until asked.
    pub(super) fn new(doc: &'t Doc<'_>) -> WordIndex<'t> {
        let n = doc.sentences.len().max(1);
        WordIndex {
            text: doc.text,
            folded: doc.folded.as_str(),
            tokens: &doc.tokens,
            sentences: &doc.sentences,
            marks: doc.word_marks,
            segments: (0..n).map(|_| OnceCell::new()).collect(),
            last: Cell::new(0),
        }
    }

    /// The first token of segment `k` (the token count past the last).
    fn segment_token(&self, k: usize) -> usize {
        let toks = self.tokens;
        if k == 0 {
            return 0;
        }
        let Some(s) = self.sentences.get(k) else {
            return toks.len();
        };
        let mut t = toks.partition_point(|t| t.start < s.start);
        if t < toks.len() && self.continues_earlier_word(t) {
            // Past the rest of that word.
            t += 1;
            while t < toks.len()
                && toks[t].start == toks[t - 1].end
                && continues_word(self.text, &toks[t])
            {
                t += 1;
            }
        }
        t
    }

    /// Does token `t` belong to a word begun at an earlier token?
    fn continues_earlier_word(&self, t: usize) -> bool {
        let toks = self.tokens;
        let mut j = t;
        // Back over joined tokens to the one that starts their word.
        while j > 0 && toks[j - 1].end == toks[j].start && continues_word(self.text, &toks[j]) {
            if starts_word(&toks[j - 1]) {
                return true;
            }
            j -= 1;
        }
        false
    }

    /// Segment `k`, indexed now if not yet.
    fn segment(&self, k: usize) -> &Segment<'t> {
        self.segments[k].get_or_init(|| {
            let (from, to) = (self.segment_token(k), self.segment_token(k + 1));
            let toks = &self.tokens[..to];
            let byte = |t: usize| {
                if k == 0 && t == 0 {
                    0
                } else {
                    self.tokens.get(t).map_or(self.text.len(), |t| t.start)
                }
            };
            let mut words = Vec::with_capacity(to - from);
            let mut rest = &toks[from.min(to)..];
            while let Some((t, tail)) = rest.split_first() {
                rest = tail;
                if !starts_word(t) {
                    continue;
                }
                let mut end = t.end;
                while let Some((n, tail)) = rest.split_first() {
                    if n.start != end || !continues_word(self.text, n) {
                        break;
                    }
                    end = n.end;
                    rest = tail;
                }
                let w = &self.folded[t.start..end];
                let marks = if end == t.end {
                    t.marks & !mark::EXACT
                } else {
                    looked_up(self.marks, w)
                };
                words.push((t.start, end, w, marks));
            }
            #[cfg(test)]
            tests::WORK.with(|w| w.set(w.get() + words.len()));
            Segment {
                span: byte(from)..byte(to).max(byte(from)),
                words,
            }
        })
    }

    /// The segment holding byte `at`, and its number.
    fn segment_at(&self, at: usize) -> (usize, &Segment<'t>) {
        let last = self.last.get();
        if let Some(seg) = self.segments[last]
            .get()
            .filter(|seg| seg.span.contains(&at))
        {
            return (last, seg);
        }
        // A segment starts at or after its sentence's start.
        let mut k = self
            .sentences
            .partition_point(|s| s.start <= at)
            .saturating_sub(1);
        while k > 0 && self.segment(k).span.start > at {
            k -= 1;
        }
        self.last.set(k);
        (k, self.segment(k))
    }

    /// The last `n` words of `r`, as the tail of [`words`](Self::words)
    /// gives them, without a copy of the words before them when the range
    /// is cut (a sentence's part around a figure).
    pub(super) fn words_tail(&self, r: Range<usize>, n: usize) -> Words<'_, 't> {
        if r.is_empty() || self.folded.get(r.clone()).is_none() {
            return Words(Cow::Borrowed(&[]));
        }
        let (k, seg) = self.segment_at(r.start);
        if r.end > seg.span.end && k + 1 != self.segments.len() {
            let all = self.words(r);
            return Words(Cow::Owned(all[all.len().saturating_sub(n)..].to_vec()));
        }
        let inner = overlapping(&seg.words, &r);
        if inner.len() <= n {
            return self.words(r);
        }
        let tail = &inner[inner.len() - n..];
        // Not the first word overlapping `r`: it starts inside `r`, and
        // only the last one may be cut; uncut, the tail is the index's.
        if tail.last().is_some_and(|w| w.1 <= r.end) {
            return Words(Cow::Borrowed(tail));
        }
        self.words(tail[0].0..r.end)
    }

    /// Words of `r` in the folded text with their offsets, as [`words_in`]
    /// gives them.
    pub(super) fn words(&self, r: Range<usize>) -> Words<'_, 't> {
        let folded = self.folded;
        if r.is_empty() || folded.get(r.clone()).is_none() {
            return Words(Cow::Borrowed(&[]));
        }
        let (first, seg) = self.segment_at(r.start);
        let inner: Cow<'_, [Word<'t>]> =
            if r.end <= seg.span.end || first + 1 == self.segments.len() {
                Cow::Borrowed(overlapping(&seg.words, &r))
            } else {
                // A range over several sentences: their words joined.
                let mut all = Vec::new();
                let mut k = first;
                while k < self.segments.len() {
                    let seg = self.segment(k);
                    all.extend_from_slice(overlapping(&seg.words, &r));
                    if r.end <= seg.span.end {
                        break;
                    }
                    k += 1;
                }
                Cow::Owned(all)
            };
        let cut_first = inner.first().is_some_and(|w| w.0 < r.start);
        let cut_last = inner.last().is_some_and(|w| w.1 > r.end);
        if !cut_first && !cut_last {
            return Words(inner);
        }
        let mut out = Vec::with_capacity(inner.len());
        let mut rest = &inner[..];
        // A word begun before `r` is cut at `r.start`: its rest is a word
        // from its first letter or digit (the rest holds nothing else but
        // apostrophes and hyphens).
        if let (true, Some((&(_, e, _, _), tail))) = (cut_first, inner.split_first()) {
            let cut = e.min(r.end);
            let lead = folded[r.start..cut]
                .find(|c| !matches!(c, '’' | '\'' | '-'))
                .map(|p| r.start + p);
            if let Some(from) = lead {
                let w = &folded[from..cut];
                out.push((from, cut, w, looked_up(self.marks, w)));
            }
            rest = tail;
        }
        for &(s, e, w, marks) in rest {
            if e > r.end {
                let cut = &folded[s..r.end];
                out.push((s, r.end, cut, looked_up(self.marks, cut)));
            } else {
                out.push((s, e, w, marks));
            }
        }
        Words(Cow::Owned(out))
    }
}

/// The words of `words` (in order) that overlap `r`.
fn overlapping<'w, 't>(words: &'w [Word<'t>], r: &Range<usize>) -> &'w [Word<'t>] {
    let from = words.partition_point(|&(_, e, _, _)| e <= r.start);
    let to = from + words[from..].partition_point(|&(s, _, _, _)| s < r.end);
    &words[from..to]
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;
    use std::cell::Cell;

    thread_local! {
        /// Words indexed.
        pub(super) static WORK: Cell<usize> = const { Cell::new(0) };
    }

    /// What a word is, as a pattern: the definition the token joins follow.
    fn pattern() -> Regex {
        Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}’'\-]*").unwrap()
    }

    /// The words `pattern` finds in the folded text of `r`, with the marks
    /// a lookup of each gives: what every reader of the index must match.
    fn pattern_words<'d>(word: &Regex, doc: &'d Doc<'_>, r: Range<usize>) -> Vec<Word<'d>> {
        let marks = &crate::lexicon::Lexicon::embedded().marks;
        word.find_iter(&doc.folded[r.clone()])
            .map(|m| {
                let w = m.as_str();
                (
                    r.start + m.start(),
                    r.start + m.end(),
                    w,
                    looked_up(marks, w),
                )
            })
            .collect()
    }

    const TEXTS: [&str; 5] = [
        "O'Brien's co-op—“Ünal’s 3-4 x'-y” -'a 'b, İstanbul dog-'s 2024.",
        "日本語のテキスト ١٢٣ Ⅻ ½ café naïve Ελλάδα ǅemal x\u{301}y \u{a0}a…b",
        "'-’ - ' 9’ a- हिन्दी Ⓐb",
        "JAPAN’S ẞtraße",
        "",
    ];

    /// The token joins find what the pattern finds, over every range, and
    /// each word's marks are what a lookup of the word gives.
    #[test]
    fn words_match_the_pattern_on_every_range() {
        let word = pattern();
        for text in TEXTS {
            let doc = Doc::new(text, false);
            let index = WordIndex::new(&doc);
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for (k, &a) in bounds.iter().enumerate() {
                for &b in &bounds[k..] {
                    let fresh = pattern_words(&word, &doc, a..b);
                    let joined: Vec<_> = words_in(&doc, a..b).collect();
                    assert_eq!(joined, fresh, "{text:?} {a}..{b}");
                    assert_eq!(*index.words(a..b), fresh, "{text:?} {a}..{b}");
                    for n in [1, 2, 5] {
                        let tail = &fresh[fresh.len().saturating_sub(n)..];
                        assert_eq!(*index.words_tail(a..b, n), *tail, "{text:?} {a}..{b} {n}");
                    }
                }
            }
        }
    }

    /// The count of a range's words is that of [`words_in`], up to every
    /// cap, over every range.
    #[test]
    fn counted_words_are_the_words_in_a_range() {
        for text in TEXTS {
            let doc = Doc::new(text, false);
            for a in 0..=text.len() {
                for b in a..=text.len() {
                    for cap in [0, 1, 2, 3, 16] {
                        let want = words_in(&doc, a..b).take(cap).count();
                        assert_eq!(count_words_in(&doc, a..b, cap), want, "{text:?} {a}..{b}");
                    }
                }
            }
        }
    }

    /// A range cut inside a character (callers add byte counts to offsets)
    /// holds no word in both readers, rather than panicking.
    #[test]
    fn ranges_cut_inside_a_character_hold_no_word() {
        for text in TEXTS {
            let doc = Doc::new(text, false);
            let index = WordIndex::new(&doc);
            for a in 0..=text.len() {
                for b in a..=text.len() {
                    let whole = text.is_char_boundary(a) && text.is_char_boundary(b);
                    if !whole {
                        assert_eq!(words_in(&doc, a..b).count(), 0, "{text:?} {a}..{b}");
                        assert!(index.words(a..b).is_empty(), "{text:?} {a}..{b}");
                    }
                }
            }
        }
    }

    /// The index cut at any sentence starts, even inside a word, gives
    /// the words of one index of the whole text, over every range.
    #[test]
    fn words_are_the_same_at_any_sentence_cuts() {
        let word = pattern();
        let texts = [
            "O'Brien's co-op—“Ünal’s 3-4 x'-y” -'a 'b. İstanbul dog-'s 2024. Next",
            "a-'-b c’d '-’ - ' 9’ a- x",
        ];
        for text in texts {
            let mut doc = Doc::new(text, false);
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            // Sentences starting at every third, fifth or seventh boundary.
            for step in [3, 5, 7] {
                let starts: Vec<usize> = bounds.iter().copied().step_by(step).collect();
                doc.sentences = starts
                    .iter()
                    .enumerate()
                    .map(|(i, &a)| a..starts.get(i + 1).copied().unwrap_or(text.len()))
                    .collect();
                let index = WordIndex::new(&doc);
                for (k, &a) in bounds.iter().enumerate() {
                    for &b in &bounds[k..] {
                        let fresh = pattern_words(&word, &doc, a..b);
                        assert_eq!(*index.words(a..b), fresh, "{text:?} {a}..{b} /{step}");
                        let tail = &fresh[fresh.len().saturating_sub(2)..];
                        assert_eq!(
                            *index.words_tail(a..b, 2),
                            *tail,
                            "{text:?} {a}..{b} /{step}"
                        );
                    }
                }
            }
        }
    }

    /// Only the sentences of claims (and those their rules read) are
    /// indexed, not every sentence of the article.
    #[test]
    fn only_sentences_near_claims_are_indexed() {
        let x = crate::Extractor::new();
        let unit = "The weather was fine and the sea was calm. ";
        let tail = "Li Wei said 5 people came.";
        for repeats in [50, 400] {
            WORK.with(|w| w.set(0));
            let text = format!("{}{tail}", unit.repeat(repeats));
            let record = x.extract(&crate::Article::new("a", text)).unwrap();
            let work = WORK.with(Cell::get);
            assert!(record.claims.iter().any(|c| c.value == Some(5.0)));
            assert!(
                work > 0 && work <= 30,
                "{repeats} sentences: {work} words indexed"
            );
        }
    }

    /// Over the fixture and the development texts, each word's marks are
    /// what a lookup of the word gives: a whole token's copied marks are
    /// its word's.
    #[test]
    fn word_marks_are_looked_up_marks() {
        let marks = &crate::lexicon::Lexicon::embedded().marks;
        let mut marked = 0;
        for text in crate::text::test_corpus::texts() {
            let doc = Doc::new(&text, false);
            let index = WordIndex::new(&doc);
            for &(_, _, w, m) in index.words(0..text.len()).iter() {
                assert_eq!(m, looked_up(marks, w), "{w:?}");
                marked += usize::from(m != 0);
            }
        }
        assert!(marked > 1000, "{marked} words marked");
    }
}
