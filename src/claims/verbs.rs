//! Finding attribution verbs in a stretch of text ("said", "told",
//! "according to"), with the readings that rule a listed word out: a noun
//! ("the reports"), a verb with an object ("added 34 companies"), an
//! adjective ("the said report"). The list itself is the lexicon's
//! [`AttributionVerbs`](crate::lexicon::AttributionVerbs).

use std::ops::Range;

use super::attributor::Attributor;

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

impl Attributor<'_, '_> {
    /// Attribution verbs in `r`, outside quoted passages, in order.
    pub(super) fn verbs(&self, r: Range<usize>) -> Vec<AttributionVerb> {
        let words = self.words(r.clone());
        let mut out = Vec::new();
        for (i, &(s, e, w)) in words.iter().enumerate() {
            let according = w == "according" || w == "attributed";
            // Most words are no verb: looked up before the quotes are.
            let listed = if according {
                None
            } else {
                match self.verbs.lookup(w) {
                    Some(listed) => Some(listed),
                    None => continue,
                }
            };
            if self.passages.contains(s) {
                continue;
            }
            let next = words.get(i + 1).map(|x| x.2);
            if according {
                if next == Some("to") {
                    out.push(AttributionVerb {
                        start: s,
                        end: words[i + 1].1,
                        word: "according",
                        tags_quote: true,
                    });
                }
                continue;
            }
            let Some((word, usage)) = listed else {
                continue;
            };
            if word == "saying" && i > 0 && words[i - 1].2 == "as" {
                // "quoted X as saying": the verb is "quoted".
                continue;
            }
            if usage.noun_too {
                let after_comma = self.text[..s].trim_end().ends_with(',');
                // "the $20bn he estimates is needed": after a subject
                // pronoun the word is a verb.
                let after_pronoun =
                    i > 0 && matches!(words[i - 1].2, "he" | "she" | "it" | "they" | "we");
                if !(after_comma || after_pronoun || matches!(next, Some("that" | "out"))) {
                    continue;
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
                    continue;
                }
            }
            // "faster than predicted", "as expected": no one is cited.
            if i > 0 && matches!(words[i - 1].2, "than" | "as") {
                continue;
            }
            // "the said report", "a cited study": adjectives, not verbs.
            if i > 0 && matches!(words[i - 1].2, "the" | "a" | "an" | "its" | "their") {
                continue;
            }
            out.push(AttributionVerb {
                start: s,
                end: e,
                word,
                tags_quote: usage.tags_quote,
            });
        }
        out
    }
}
