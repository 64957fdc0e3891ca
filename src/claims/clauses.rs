//! Clauses: where the clause holding a figure starts and ends in its
//! sentence — after a dateline, after "X said (that)" or "according to X,",
//! at a clause opener ("while", "but"), an "and" before a new subject, or a
//! semicolon outside brackets. A sentence's openers are found once for all
//! its figures (see `sentence_facts`).

use std::ops::Range;

use super::attributor::Attributor;
use super::words::Word;
use crate::lexicon::mark;

impl Attributor<'_, '_> {
    /// The clause holding `pos` within sentence `s`: it starts after a
    /// dateline, after "X said (that)" or "according to X,", and after
    /// "; " or a clause opener ("while", "but"); it ends at "; " or a
    /// clause opener after `pos`.
    pub(super) fn clause_of(&self, s: Range<usize>, pos: usize) -> (usize, usize) {
        let si = self.doc.sentence_index(pos);
        let whole = self.doc.sentences.get(si) == Some(&s);
        let dateline = if whole {
            self.sentence_dateline(si)
        } else {
            dateline_len(&self.text[s.clone()])
        };
        let mut lo = s.start + dateline;
        let lo_sent = lo;
        let verbs = if whole && lo_sent == s.start {
            self.verbs_before(si, lo_sent, pos)
        } else {
            self.verbs(lo_sent..pos)
        };
        for v in verbs {
            if v.word == "according" {
                // "according to X, …": the clause begins after the comma.
                if let Some(k) = self.text[v.end..pos].find(',') {
                    lo = lo.max(v.end + k + 1);
                }
                continue;
            }
            let before = self.passages.clause_start(lo_sent, v.start);
            let lead = self.text[before..v.start].trim_end();
            // "PIW, in this Monday's edition, said …": a name opening the
            // clause, then an aside, is the speaker before the verb.
            let named_first = self
                .mentions
                .within(before..v.start)
                .next()
                .is_some_and(|m| {
                    self.text[before..m.start].trim().is_empty()
                        && self.text[m.end..].starts_with(',')
                        && !lead.contains(['”', '"'])
                });
            if !named_first && (lead.is_empty() || lead.ends_with([',', '”', '"'])) {
                // "…,” said X, …": the speaker follows the verb; what comes
                // after the next comma is a new clause.
                if let Some(k) = self.text[v.end..pos].find(',') {
                    lo = lo.max(v.end + k + 1);
                }
                continue;
            }
            // "X said (that) …": what X said starts after the verb and
            // after a "that" a few words on ("said on Tuesday that").
            let mut after = v.end;
            let near = self.words(v.end..pos);
            if let Some(t) = near.iter().take(5).find(|w| w.2 == "that") {
                after = t.1;
            }
            lo = lo.max(after);
        }
        let mut hi = s.end;
        // The last word ending by `pos` that opens a clause starts the
        // figure's clause; the first starting after `pos` ends it. A word
        // holding `pos` does neither.
        let own;
        let openers = if whole {
            // The whole sentence: its openers are found once for all its
            // figures.
            self.sentence_openers(si)
        } else {
            own = self.clause_openers(s.clone());
            &own[..]
        };
        let before = openers.partition_point(|o| o.1 <= pos);
        if let Some(o) = before.checked_sub(1).map(|k| openers[k]) {
            lo = lo.max(o.0);
        }
        let after = openers.partition_point(|o| o.0 <= pos);
        if let Some(o) = openers.get(after) {
            hi = hi.min(o.0);
        }
        (lo.min(pos), hi.max(pos))
    }

    /// The words of `s` (a sentence, or the part of one a figure reads)
    /// after its dateline that open a clause, as (start, end).
    pub(super) fn clause_openers(&self, s: Range<usize>) -> Vec<(usize, usize)> {
        let lo = s.start + dateline_len(&self.text[s.clone()]);
        let words = self.words(lo..s.end);
        // Past the first word, only a semicolon between two words can
        // make the second open a clause: without one in the sentence, a
        // word opens a clause only by its marks or as "and", tested
        // first (most words are neither).
        let semicolons = self.text.as_bytes()[lo..s.end].contains(&b';');
        (0..words.len())
            .filter(|&i| {
                let (_, _, w, marks) = words[i];
                let may_open =
                    marks & mark::CLAUSE_OPENER != 0 || w == "and" || i == 0 || semicolons;
                may_open && self.opens_clause(&words, i, s.end)
            })
            .map(|i| (words[i].0, words[i].1))
            .collect()
    }

    /// Does word `i` of `words` (a sentence's words up to `end`) open a
    /// clause: a clause opener ("while", "but"), an "and" before a new
    /// subject, or the first word after a semicolon?
    fn opens_clause(&self, words: &[Word<'_>], i: usize, end: usize) -> bool {
        let (ws, _, w, marks) = words[i];
        // "… and she is seeking $25m": a coordinated clause with its own
        // subject.
        let and_pronoun = w == "and"
            && words
                .get(i + 1)
                .is_some_and(|n| matches!(n.2, "he" | "she" | "it" | "they" | "we"));
        // ", and Lenovo's sales fell": "and" after a comma opens a
        // clause when a name follows at once.
        let comma_and = || {
            w == "and"
                && self.text[..ws].trim_end().ends_with(',')
                && words.get(i + 1).is_some_and(|n| {
                    let next_mention = self.mentions.within(n.0..end).next();
                    next_mention.is_some_and(|m| m.start == n.0)
                        || (n.2 == "the"
                            && words
                                .get(i + 2)
                                .is_some_and(|n2| next_mention.is_some_and(|m| m.start == n2.0)))
                })
        };
        // "the US was ahead with 20.5% and China came second": "and"
        // before a name and its verb opens a clause.
        let and_name_verb = || {
            w == "and"
                && words.get(i + 1).is_some_and(|n| {
                    self.mentions.within(n.0..end).next().is_some_and(|m| {
                        m.start == n.0
                            && self.words(m.end..end).first().is_some_and(|v| {
                                self.is_finite_verb(v) && self.text[m.end..v.0].trim().is_empty()
                            })
                    })
                })
        };
        // Only a semicolon between the word before and this one can be
        // the last mark before it.
        let after_semicolon = || {
            let gap = &self.text.as_bytes()[words.get(i.wrapping_sub(1)).map_or(0, |p| p.1)..ws];
            (i == 0 || gap.contains(&b';')) && self.semicolon_before(ws)
        };
        // (Read in order, each only when those before it say no: the
        // answer is the same, as they read and change nothing.)
        marks & mark::CLAUSE_OPENER != 0
            || and_pronoun
            || comma_and()
            || and_name_verb()
            || after_semicolon()
    }

    /// Is the word at `ws` the first after a semicolon outside brackets?
    fn semicolon_before(&self, ws: usize) -> bool {
        // Most words follow a space and a letter: read back over ASCII
        // white space (what `trim_end` skips of ASCII) before trimming.
        let bytes = &self.text.as_bytes()[..ws];
        let last = bytes
            .iter()
            .rev()
            .find(|b| !matches!(b, b'\t'..=b'\r' | b' '));
        if last.is_some_and(|&b| b.is_ascii() && b != b';') {
            return false;
        }
        let before = self.text[..ws].trim_end();
        if !before.ends_with(';') {
            return false;
        }
        // From the line index: searching back costs the line's length.
        let line_start = self.doc.line_span(before.len()).start;
        // Counted from the paren index: counting in the line costs the
        // line's length per semicolon, quadratic in a long paragraph.
        let [opens, closes] = self.parens.get_or_init(|| {
            let at = |mark: u8| {
                let bytes = self.text.as_bytes();
                #[cfg(test)]
                tests::WORK.with(|w| w.set(w.get() + bytes.len()));
                (0..bytes.len()).filter(|&i| bytes[i] == mark).collect()
            };
            [at(b'('), at(b')')]
        });
        let count = |marks: &[usize]| {
            marks.partition_point(|&i| i < before.len())
                - marks.partition_point(|&i| i < line_start)
        };
        count(opens) <= count(closes)
    }
}

/// The length of a wire dateline opening a sentence ("PARIS, June 28 - "),
/// or 0.
pub(super) fn dateline_len(sentence: &str) -> usize {
    // The first word decides first: the dash is searched for only after a
    // word in capitals (the dash's leading space ends that word, so it is
    // the same word as the first of the part before the dash).
    let first = sentence.split([',', ' ']).next().unwrap_or("");
    let caps = first.len() >= 2 && first.chars().all(|c| c.is_uppercase() || c == '.');
    if !caps {
        return 0;
    }
    // The first " - " (else the first " -- ") ends a dateline when at most
    // six words lie before it, that is when it starts before the seventh
    // word: the search reads no further than that (a long sentence of
    // tables or lists opening with a word in capitals is not read whole
    // for each of its figures).
    let seventh = nth_word_start(sentence, 7);
    let (k, dash) = match find_before(sentence, " - ", seventh) {
        Some(k) => (k, 3),
        None => match find_before(sentence, " -- ", seventh) {
            // Only without a " - " anywhere does the " -- " count.
            Some(k) if !sentence.contains(" - ") => (k, 4),
            _ => return 0,
        },
    };
    k + dash
}

/// Where the `n`th word (counted from 1, split at white space) of `text`
/// starts, or past its end when it has fewer words.
fn nth_word_start(text: &str, n: usize) -> usize {
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII bytes one at a time (its white space is `\t`..=`\r` and
        // the space), other characters decoded.
        let (space, len) = if b.is_ascii() {
            (matches!(b, b'\t'..=b'\r' | b' '), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if !space && !in_word {
            words += 1;
            if words == n {
                return i;
            }
        }
        in_word = !space;
        i += len;
    }
    text.len() + 1
}

/// Where the first `pattern` (ASCII) of `text` starts, if it starts
/// before `limit`.
fn find_before(text: &str, pattern: &str, limit: usize) -> Option<usize> {
    let end = text.len().min(limit.saturating_add(pattern.len() - 1));
    text.as_bytes()[..end]
        .windows(pattern.len())
        .position(|w| w == pattern.as_bytes())
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use crate::{Article, Extractor};

    thread_local! {
        /// Bytes read to count brackets before semicolons.
        pub(super) static WORK: Cell<usize> = const { Cell::new(0) };
    }

    #[test]
    fn datelines_open_with_a_word_in_capitals() {
        use super::dateline_len;
        assert_eq!(dateline_len("PARIS, June 28 - Acme said"), 17);
        assert_eq!(dateline_len("NEW YORK -- Acme said"), 12);
        assert_eq!(dateline_len("U.S. - Acme said"), 7);
        assert_eq!(dateline_len("Paris, June 28 - Acme said"), 0);
        assert_eq!(dateline_len("PARIS, June 28 Acme said"), 0);
        assert_eq!(dateline_len("A - b"), 0);
        assert_eq!(dateline_len("ONE TWO THREE FOUR FIVE SIX SEVEN - x"), 0);
        assert_eq!(dateline_len("ONE TWO THREE FOUR FIVE SIX - x"), 30);
        assert_eq!(dateline_len("ONE TWO THREE FOUR FIVE\u{a0}SIX - x"), 31);
    }

    /// The bounded search finds what a search of the whole sentence
    /// finds, on every suffix of some wire texts.
    #[test]
    fn datelines_are_read_as_far_as_the_seventh_word() {
        fn whole(sentence: &str) -> usize {
            let first = sentence.split([',', ' ']).next().unwrap_or("");
            let caps = first.len() >= 2 && first.chars().all(|c| c.is_uppercase() || c == '.');
            if !caps {
                return 0;
            }
            let Some(k) = sentence.find(" - ").or_else(|| sentence.find(" -- ")) else {
                return 0;
            };
            if sentence[..k].split_whitespace().count() <= 6 {
                k + if sentence[k..].starts_with(" -- ") {
                    4
                } else {
                    3
                }
            } else {
                0
            }
        }
        let texts = [
            "LONDON 1996-08-30 - Results of English league matches - Arsenal 2 Chelsea 1 - x",
            "U.S. -- A B C D E -- F - G",
            "NEW  YORK\u{2003}-- é ü - x -- y",
            "PARIS, June 28 -- Acme said -- that 3 - 2",
            "NEW YORK -- Acme said 3 - 2",
            "NEW YORK -- Acme said 3 4 - 2",
            "NEW YORK ONE TWO THREE FOUR FIVE -- Acme",
            "SOCCER 1 2 3 4 5 6 7 8 - 9 -- 10",
            "A1 B2 -",
            "AB -- ",
        ];
        for text in texts {
            for (i, _) in text.char_indices() {
                let s = &text[i..];
                assert_eq!(super::dateline_len(s), whole(s), "{s:?}");
            }
        }
    }

    /// The openers found by testing only the words that may open a
    /// clause are those found by testing every word, on the test corpus
    /// and on sentences with semicolons.
    #[test]
    fn openers_are_those_of_every_word() {
        use super::super::attributor::Attributor;
        use super::dateline_len;
        use crate::lexicon::Lexicon;
        use crate::text::Doc;
        let lex = Lexicon::embedded();
        let mut texts = crate::text::test_corpus::texts();
        texts.push("A; b and he went; (c; d) but e; f. ;G rose; while H fell.".to_string());
        let mut found = 0;
        for text in texts {
            let doc = Doc::new(&text, false);
            let attributor = Attributor::new(&doc, &[], lex);
            for s in &doc.sentences {
                let lo = s.start + dateline_len(&text[s.clone()]);
                let words = attributor.words(lo..s.end);
                let every: Vec<(usize, usize)> = (0..words.len())
                    .filter(|&i| attributor.opens_clause(&words, i, s.end))
                    .map(|i| (words[i].0, words[i].1))
                    .collect();
                assert_eq!(attributor.clause_openers(s.clone()), every, "{s:?}");
                found += every.len();
            }
        }
        assert!(found > 100, "{found} openers");
    }

    /// A long paragraph with a semicolon in every sentence: the brackets
    /// before each semicolon are counted from an index built once, not by
    /// reading the paragraph again for each.
    #[test]
    fn semicolons_in_a_long_paragraph_cost_linear_work() {
        let x = Extractor::new();
        // The semicolon after the figure: the clause before the figure
        // starts after "said", so only the end of the clause is looked for.
        let unit = "Acme (the maker) said 5 people came; the Zorblax Party rose. ";
        for repeats in [50, 400] {
            let text = unit.repeat(repeats);
            let bytes = text.len();
            WORK.with(|w| w.set(0));
            let record = x.extract(&Article::new("a", text)).unwrap();
            let work = WORK.with(Cell::get);
            assert!(record.claims.len() >= repeats);
            assert!(work > 0 && work <= 2 * bytes, "{bytes} bytes: {work} read");
        }
    }
}
