//! Report authors: the organizations an article names as the authors of a
//! document ("X published the report", "the report compiled by X", "the UN
//! report"), so that "the report said" can be sourced to its author.

use std::ops::Range;

use super::attributor::Attributor;
use super::mentions::EntityMention;
use crate::lexicon::{mark, ClaimCues};
use crate::record::EntityType;
use crate::text::TokenKind;

/// Does the folded noun phrase `folded` name a document ("the report")?
///
/// One pass over the phrase for all the document words: a position is
/// tried only when its byte starts one of them (the list is a handful of
/// words; a search per word read the phrase once for each). None of the
/// words overlaps itself, so every occurrence is one that a search for
/// non-overlapping matches finds: the answer is that of
/// [`names_a_document_by_word`] (test `one_pass_finds_what_each_word_finds`).
pub(super) fn names_a_document(folded: &str, cues: &ClaimCues) -> bool {
    let mut firsts = [false; 256];
    for d in cues.document_words.iter() {
        match d.as_bytes().first() {
            Some(&b) => firsts[usize::from(b)] = true,
            // An empty word (none is listed) matches everywhere: the
            // search per word answers it.
            None => return names_a_document_by_word(folded, cues),
        }
    }
    let bytes = folded.as_bytes();
    (0..bytes.len()).any(|i| {
        firsts[usize::from(bytes[i])]
            && cues.document_words.iter().any(|d| {
                let d: &str = d;
                bytes[i..].starts_with(d.as_bytes())
                    && crate::text::on_word_boundaries(folded, i, i + d.len())
            })
    })
}

/// [`names_a_document`] by one search per document word (and for an
/// empty word, which matches everywhere).
fn names_a_document_by_word(folded: &str, cues: &ClaimCues) -> bool {
    let at_words = |i: usize, d: &str| crate::text::on_word_boundaries(folded, i, i + d.len());
    cues.document_words.iter().any(|d| {
        let d: &str = d;
        if d.is_empty() {
            return folded.match_indices(d).any(|(i, _)| at_words(i, d));
        }
        matches_of(folded, d).any(|i| at_words(i, d))
    })
}

/// Where `needle` occurs in `hay`, leftmost first and not overlapping (as
/// `str::match_indices`): a byte-by-byte search, since a noun phrase is a
/// few dozen bytes and a substring searcher's setup costs more than that.
fn matches_of<'h>(hay: &'h str, needle: &'h str) -> impl Iterator<Item = usize> + 'h {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let mut i = 0;
    std::iter::from_fn(move || {
        let first = *needle.first()?;
        while i + needle.len() <= hay.len() {
            if hay[i] == first && hay[i..].starts_with(needle) {
                let at = i;
                i += needle.len();
                return Some(at);
            }
            i += 1;
        }
        None
    })
}

/// The report authors found so far: the sentences before `next` are read,
/// each author as (sentence start, entity), at most one per sentence.
#[derive(Default)]
pub(super) struct Authors {
    next: usize,
    found: Vec<(usize, usize)>,
}

impl Attributor<'_, '_> {
    /// The organization sentence `s` names as the author of a document.
    fn sentence_author(&self, s: Range<usize>, orgs: &mut Vec<EntityMention>) -> Option<usize> {
        let folded = &self.doc.folded[s.clone()];
        orgs.clear();
        orgs.extend(
            self.mentions
                .within(s.clone())
                .filter(|m| m.kind == EntityType::Organization),
        );
        if orgs.is_empty() || !self.may_name_a_document(s.clone()) {
            return None;
        }
        let words = self.words(s.clone());
        let mut found: Option<usize> = None;
        for (i, &(ws, we, w, marks)) in words.iter().enumerate() {
            if found.is_some() {
                break;
            }
            if marks & mark::PUBLISH_VERB != 0 {
                // "X published the report": the organization right before.
                let seg_start = self.text[s.start..ws]
                    .rfind(',')
                    .map_or(s.start, |c| s.start + c);
                if let Some(m) = orgs
                    .iter()
                    .rev()
                    .find(|m| m.end <= ws && m.start >= seg_start)
                {
                    found = Some(m.entity);
                }
                // "the report compiled by X".
                if found.is_none() && words.get(i + 1).is_some_and(|x| x.2 == "by")
                    || words.get(i + 2).is_some_and(|x| x.2 == "by")
                {
                    if let Some(m) = orgs.iter().find(|m| m.start >= we) {
                        found = Some(m.entity);
                    }
                }
                continue;
            }
            // A one-word document noun is the word itself; one of
            // several words (longer than the word) starts at it.
            let is_doc = marks & mark::DOCUMENT_WORD != 0
                && self.cues.document_words.iter().any(|d| {
                    w == d
                        || d.len() > w.len()
                            && d.as_bytes()[0] == w.as_bytes()[0]
                            && folded[ws - s.start..].starts_with(d)
                            && d.contains(' ')
                });
            if is_doc {
                // "the UN report", "the State Department's report".
                if let Some(m) = orgs.iter().rev().find(|m| m.end <= ws) {
                    let gap = &self.text[m.end..ws];
                    let gap_words = gap.split_whitespace().count();
                    if gap_words <= 2 && !gap.contains([',', ';', '.']) {
                        found = Some(m.entity);
                    }
                }
            }
        }
        found
    }

    /// May a word of `s` be a publishing verb or a document noun (marked
    /// [`mark::PUBLISH_VERB`], [`mark::DOCUMENT_WORD`])? Read from the base
    /// tokens, so that a sentence without one builds no word index. The
    /// listed words are lower-case letters only: a word of one token has
    /// the token's marks, and the others that may be listed (glued letter
    /// tokens, a token cut by the sentence's edge) are looked up, so they
    /// count as possible.
    fn may_name_a_document(&self, s: Range<usize>) -> bool {
        let toks = &self.doc.tokens;
        let from = toks.partition_point(|t| t.end <= s.start);
        let mut letters_end = None;
        for t in toks[from..].iter().take_while(|t| t.start < s.end) {
            if t.marks & (mark::PUBLISH_VERB | mark::DOCUMENT_WORD) != 0
                || t.start < s.start
                || t.end > s.end
            {
                return true;
            }
            if t.kind == TokenKind::Letters {
                if letters_end == Some(t.start) {
                    return true;
                }
                letters_end = Some(t.end);
            }
        }
        false
    }

    /// Read on until the sentences starting by `pos` are read and, when
    /// `first` is set, until an author is found (or the text ends).
    fn read_authors(&self, authors: &mut Authors, pos: usize, first: bool) {
        let mut orgs = Vec::new();
        let sentences = &self.doc.sentences;
        while let Some(s) = sentences.get(authors.next) {
            if s.start > pos && !(first && authors.found.is_empty()) {
                break;
            }
            #[cfg(test)]
            tests::WORK.with(|w| w.set(w.get() + 1));
            authors.next += 1;
            if let Some(e) = self.sentence_author(s.clone(), &mut orgs) {
                authors.found.push((s.start, e));
            }
        }
    }

    /// The author of a document mentioned at `pos`: the last one named
    /// before it, else the first one named. The article is read only as
    /// far as that answer needs.
    pub(super) fn author_at(&self, pos: usize) -> Option<usize> {
        let mut authors = self.authors.borrow_mut();
        self.read_authors(&mut authors, pos, false);
        let before = authors.found.iter().rev().find(|&&(o, _)| o <= pos);
        if let Some(&(_, e)) = before {
            return Some(e);
        }
        self.read_authors(&mut authors, pos, true);
        authors.found.first().map(|&(_, e)| e)
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    /// The byte search finds what `str::match_indices` finds.
    #[test]
    fn matches_are_those_of_match_indices() {
        let hays = [
            "the report reports",
            "aaaa",
            "éa éa",
            "",
            "reportreport",
            "a b a b a",
        ];
        let needles = ["report", "aa", "éa", "a b a", "a", "x"];
        for hay in hays {
            for needle in needles {
                let want: Vec<usize> = hay.match_indices(needle).map(|(i, _)| i).collect();
                let got: Vec<usize> = super::matches_of(hay, needle).collect();
                assert_eq!(got, want, "{hay:?} {needle:?}");
            }
        }
    }

    /// The one pass over a phrase answers as the search per document
    /// word, over every range of the fixture's and development texts'
    /// sentences that starts at a word (and a few made-up phrases).
    #[test]
    fn one_pass_finds_what_each_word_finds() {
        let cues = &crate::lexicon::Lexicon::embedded().claims;
        let made_up = [
            "the report",
            "reports",
            "a white paper",
            "white-paper",
            "the study's survey",
            "paperreport",
            "préport",
            "report",
            "",
        ];
        for phrase in made_up {
            assert_eq!(
                super::names_a_document(phrase, cues),
                super::names_a_document_by_word(phrase, cues),
                "{phrase:?}"
            );
        }
        let (mut yes, mut tried) = (0, 0);
        for text in crate::text::test_corpus::texts().into_iter().step_by(5) {
            let doc = crate::text::Doc::new(&text, false);
            let folded = doc.folded.as_str();
            for s in &doc.sentences {
                let starts: Vec<usize> = (s.start..s.end)
                    .filter(|&i| i == s.start || folded.as_bytes()[i - 1] == b' ')
                    .collect();
                for &a in starts.iter().step_by(3) {
                    for b in [s.end, (a + 40).min(s.end)] {
                        let Some(phrase) = folded.get(a..b) else {
                            continue;
                        };
                        let want = super::names_a_document_by_word(phrase, cues);
                        assert_eq!(super::names_a_document(phrase, cues), want, "{phrase:?}");
                        yes += usize::from(want);
                        tried += 1;
                    }
                }
            }
        }
        assert!(yes > 100 && tried > 10_000, "{yes} of {tried}");
    }

    use crate::{Article, Extractor};

    thread_local! {
        /// Sentences read for report authors.
        pub(super) static WORK: Cell<usize> = const { Cell::new(0) };
    }

    /// "The report said" early in a long article reads the sentences up to
    /// it, not the whole article.
    #[test]
    fn authors_are_read_as_far_as_asked() {
        let x = Extractor::new();
        let head =
            "The United Nations published a report on Monday. The report said 5 people died. ";
        let unit = "Acme Corp sold 7 cars to Zorblax Ltd in May. ";
        for repeats in [50, 400] {
            WORK.with(|w| w.set(0));
            let text = format!("{head}{}", unit.repeat(repeats));
            let record = x.extract(&Article::new("a", text)).unwrap();
            let work = WORK.with(Cell::get);
            let claim = record.claims.iter().find(|c| c.value == Some(5.0));
            assert!(claim.and_then(|c| c.source.as_ref()).is_some());
            assert!(
                work > 0 && work <= 5,
                "{repeats} repeats: {work} sentences read"
            );
        }
    }
}
