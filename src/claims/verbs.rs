//! Finding attribution verbs in a stretch of text ("said", "told",
//! "according to"), with the readings that rule a listed word out: a noun
//! ("the reports"), a verb with an object ("added 34 companies"), an
//! adjective ("the said report"). The list itself is the lexicon's
//! [`AttributionVerbs`](crate::lexicon::AttributionVerbs).

use std::ops::Range;

use super::attributor::Attributor;
use super::words::Word;
use crate::lexicon::mark;

/// An attribution verb found in the text.
#[derive(Clone, Copy, Debug)]
pub(super) struct AttributionVerb {
    pub(super) start: usize,
    pub(super) end: usize,
    /// The verb as listed; "according" for "according to" and "attributed
    /// to".
    pub(super) word: &'static str,
    /// Can introduce or tag a direct quotation.
    pub(super) tags_quote: bool,
}

/// May `word` be an attribution verb: is it marked [`mark::ATTRIBUTION_VERB`]
/// or as long as "according" or "attributed"? A test of two fields, before
/// [`Attributor::verb_at`] reads the word and its neighbours.
fn may_be_verb(word: &Word<'_>) -> bool {
    word.3 & mark::ATTRIBUTION_VERB != 0 || matches!(word.2.len(), 9 | 10)
}

impl Attributor<'_, '_> {
    /// Attribution verbs in `r`, outside quoted passages, in order.
    pub(super) fn verbs(&self, r: Range<usize>) -> Vec<AttributionVerb> {
        self.verbs_of(&self.words(r)).collect()
    }

    /// The first of [`verbs`](Self::verbs) of `r` that `wanted` takes,
    /// without reading the words after it or collecting the verbs.
    pub(super) fn first_verb(
        &self,
        r: Range<usize>,
        wanted: impl Fn(&AttributionVerb) -> bool,
    ) -> Option<AttributionVerb> {
        self.verbs_of(&self.words(r)).find(|v| wanted(v))
    }

    /// The last of [`verbs`](Self::verbs) of `r` that `wanted` takes,
    /// read back from the range's end (a verb reads only its neighbours)
    /// without collecting the verbs.
    pub(super) fn last_verb(
        &self,
        r: Range<usize>,
        wanted: impl Fn(&AttributionVerb) -> bool,
    ) -> Option<AttributionVerb> {
        self.verbs_of(&self.words(r)).rev().find(|v| wanted(v))
    }

    /// [`verbs`](Self::verbs) of `lo..pos`, where `lo` starts sentence
    /// `si` and `pos` lies in it: the sentence's verbs, but for the last
    /// two words of the range, which read the words after them (cut at
    /// `pos` or missing) and so are read again.
    pub(super) fn verbs_before(&self, si: usize, lo: usize, pos: usize) -> Vec<AttributionVerb> {
        let words = self.words(lo..pos);
        let tail = words.len().saturating_sub(2);
        let Some(&(tail_start, _, _, _)) = words.get(tail) else {
            return Vec::new();
        };
        let mut out: Vec<AttributionVerb> = self
            .sentence_verbs(si)
            .iter()
            .take_while(|v| v.start < tail_start)
            .copied()
            .collect();
        out.extend((tail..words.len()).filter_map(|i| self.verb_at(&words, i)));
        out
    }

    /// The attribution verb that word `i` of `words` is, if it is one.
    fn verb_at(&self, words: &[Word<'_>], i: usize) -> Option<AttributionVerb> {
        let (s, e, w, marks) = words[i];
        let according = w == "according" || w == "attributed";
        // Most words are no verb: their marks say so before the quotes
        // are read, and only a listed verb is looked up.
        let listed = if according {
            None
        } else if marks & mark::ATTRIBUTION_VERB == 0 {
            return None;
        } else {
            Some(self.verbs.lookup(w)?)
        };
        if self.passages.contains(s) {
            return None;
        }
        let next = words.get(i + 1).map(|x| x.2);
        let Some((word, usage)) = listed else {
            return (next == Some("to")).then(|| AttributionVerb {
                start: s,
                end: words[i + 1].1,
                word: "according",
                tags_quote: true,
            });
        };
        let prev = i.checked_sub(1).map(|k| words[k].2);
        if word == "saying" && prev == Some("as") {
            // "quoted X as saying": the verb is "quoted".
            return None;
        }
        if usage.noun_too {
            let after_comma = self.text[..s].trim_end().ends_with(',');
            // "the $20bn he estimates is needed": after a subject
            // pronoun the word is a verb.
            let after_pronoun = matches!(prev, Some("he" | "she" | "it" | "they" | "we"));
            if !(after_comma || after_pronoun || matches!(next, Some("that" | "out"))) {
                return None;
            }
        }
        if usage.intransitive {
            let after = self.text[e..].trim_start_matches([' ', '\t']);
            let object = after.chars().next().is_some_and(char::is_alphanumeric);
            // "…,” added Azzoni": right after a quote the verb comes
            // before its subject, which is no object.
            let inverted = self.text[..s]
                .trim_end()
                .trim_end_matches(',')
                .ends_with(['”', '"', '’', '\'']);
            if object
                && !inverted
                && !matches!(next, Some("that" | "on" | "in" | "at" | "later" | "today"))
            {
                return None;
            }
        }
        // "faster than predicted", "as expected": no one is cited.
        // "the said report", "a cited study": adjectives, not verbs.
        if matches!(
            prev,
            Some("than" | "as" | "the" | "a" | "an" | "its" | "their")
        ) {
            return None;
        }
        Some(AttributionVerb {
            start: s,
            end: e,
            word,
            tags_quote: usage.tags_quote,
        })
    }
}

impl<'a, 'd> Attributor<'a, 'd> {
    /// The attribution verbs among `words`, read lazily from either end
    /// ([`verbs`](Self::verbs), [`first_verb`](Self::first_verb),
    /// [`last_verb`](Self::last_verb)).
    fn verbs_of<'w, 't>(
        &'w self,
        words: &'w [Word<'t>],
    ) -> impl DoubleEndedIterator<Item = AttributionVerb> + use<'w, 't, 'a, 'd> {
        (0..words.len())
            .filter(|&i| may_be_verb(&words[i]))
            .filter_map(move |i| self.verb_at(words, i))
    }
}

#[cfg(test)]
mod tests {
    use super::super::attributor::Attributor;
    use crate::lexicon::Lexicon;
    use crate::text::Doc;

    /// The verbs of any range, with the words that can be no verb passed
    /// over, are those that reading every word of the range finds.
    #[test]
    fn verbs_of_prefiltered_words_are_those_of_every_word() {
        let texts = [
            "According to police, 5 people died, attributed to rebels, the mayor said.",
            "SAID Li: unsaid, re-said, said's; they’d said. Accordingto 3said said3 told.",
        ];
        let lex = Lexicon::embedded();
        let mut found = 0;
        for text in texts {
            let doc = Doc::new(text, false);
            let attributor = Attributor::new(&doc, &[], lex);
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&p| text.is_char_boundary(p))
                .collect();
            for (a, &lo) in bounds.iter().enumerate() {
                for &hi in &bounds[a..] {
                    let got = attributor.verbs(lo..hi);
                    let words = attributor.words(lo..hi);
                    let want: Vec<_> = (0..words.len())
                        .filter_map(|i| attributor.verb_at(&words, i))
                        .collect();
                    let key = |v: &[super::AttributionVerb]| {
                        v.iter()
                            .map(|v| (v.start, v.end, v.word))
                            .collect::<Vec<_>>()
                    };
                    assert_eq!(key(&got), key(&want), "{text:?} at {lo}..{hi}");
                    // The first verb a test takes is the first of them all
                    // that it takes.
                    for quote_only in [false, true] {
                        let wanted = |v: &super::AttributionVerb| v.tags_quote || !quote_only;
                        let first = attributor.first_verb(lo..hi, wanted);
                        let oracle = got.iter().find(|v| wanted(v));
                        assert_eq!(
                            key(first.as_slice()),
                            key(&oracle.into_iter().copied().collect::<Vec<_>>()),
                            "{text:?} at {lo}..{hi}"
                        );
                        // And the last, the last of them that it takes.
                        let last = attributor.last_verb(lo..hi, wanted);
                        let oracle = got.iter().rev().find(|v| wanted(v));
                        assert_eq!(
                            key(last.as_slice()),
                            key(&oracle.into_iter().copied().collect::<Vec<_>>()),
                            "{text:?} at {lo}..{hi}"
                        );
                    }
                    found += want.len();
                }
            }
        }
        assert!(found > 1000, "{found} verbs found");
    }

    /// The verbs before a position in a sentence, read from the sentence's
    /// verbs, are those of the range itself, at every position.
    #[test]
    fn verbs_before_a_position_are_the_range_verbs() {
        let texts = [
            "According to police, 5 people died, the mayor said on Tuesday.",
            "The $20bn he estimates is needed; analysts estimate 3 more, added Li.",
            "“We won,” added Azzoni, quoted as saying that 40 had come. The said report, as expected, cited 4.",
            "Reports claimed 7 deaths, attributed to rebels who warned that 12 fled.",
        ];
        let lex = Lexicon::embedded();
        let mut found = 0;
        for text in texts {
            let doc = Doc::new(text, false);
            let attributor = Attributor::new(&doc, &[], lex);
            for (si, s) in doc.sentences.iter().enumerate() {
                for pos in s.clone().filter(|&p| text.is_char_boundary(p)) {
                    let got = attributor.verbs_before(si, s.start, pos);
                    let want = attributor.verbs(s.start..pos);
                    let key = |v: &Vec<super::AttributionVerb>| {
                        v.iter()
                            .map(|v| (v.start, v.end, v.word, v.tags_quote))
                            .collect::<Vec<_>>()
                    };
                    assert_eq!(key(&got), key(&want), "{text:?} at {pos}");
                    found += want.len();
                }
            }
        }
        assert!(found > 100, "{found} verbs found");
    }
}
