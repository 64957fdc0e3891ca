//! Context cues: what licenses a name that is also a common word
//! (`MatchPolicy::Ambiguous`) at one place in the text.

use std::borrow::Cow;

use crate::lexicon::Lexicon;
use crate::record::EntityType;
use crate::text::Doc;

/// Context that licenses an ambiguous name: a preposition of place before a
/// place, a role or speech cue around a person, or an organization cue.
pub(super) fn ambiguous_context(
    doc: &Doc<'_>,
    lex: &Lexicon,
    kind: EntityType,
    start: usize,
    end: usize,
) -> bool {
    let before = doc.word_before(start).map(|w| ascii_lower(doc, w));
    let after = doc.word_after(end).map(|w| ascii_lower(doc, w));
    let before = before.as_deref().unwrap_or("");
    let after = after.as_deref().unwrap_or("");
    match kind {
        EntityType::Place => lex.gazetteer.place_before.contains(before),
        // Speech verbs ("said", "insisted") after a name that is also a word
        // show it is a person; those that are also nouns ("claims") do not.
        EntityType::Person => lex.verbs.is_quote_tag(after),
        // A company or body named by a common word ("Apple", "Shell") shows
        // itself by a determiner or preposition before it, a possessive, or
        // a reporting or corporate verb after it.
        EntityType::Organization => {
            let possessive = doc.text[end..].starts_with("'s") || doc.text[end..].starts_with("’s");
            possessive
                || lex.gazetteer.organization_before.contains(before)
                || lex.gazetteer.organization_after.contains(after)
        }
        // A capitalised nationality word away from a sentence start and a
        // headline is the adjective ("Afghan refugees"), not the blanket.
        EntityType::Nationality => true,
    }
}

/// Word `w` of the text, at `at`, with its ASCII letters in lower case: the
/// folded text when the word is all ASCII (the same bytes), so that a
/// match allocates nothing for its context.
fn ascii_lower<'d>(doc: &'d Doc<'_>, (at, w): (usize, &str)) -> Cow<'d, str> {
    if w.is_ascii() {
        Cow::Borrowed(&doc.folded[at..at + w.len()])
    } else {
        Cow::Owned(w.to_ascii_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::{Gazetteer, Matcher};
    use crate::text::Doc;

    fn matched(rows: &str, text: &str) -> Vec<String> {
        let header = "key\ttype\tname\taliases\tmatch\n";
        let gaz = Gazetteer::from_tsv("t.tsv", &format!("{header}{rows}")).unwrap();
        let doc = Doc::new(text, false);
        Matcher::new(&gaz)
            .find(&doc, &gaz, crate::lexicon::Lexicon::embedded())
            .into_iter()
            .map(|m| text[m.start..m.end].to_string())
            .collect()
    }

    #[test]
    fn speech_verbs_license_an_ambiguous_person() {
        let row = "p\tperson\tJordan\t\tambiguous\n";
        assert_eq!(matched(row, "In the end Jordan said no."), ["Jordan"]);
        assert_eq!(matched(row, "In the end Jordan insisted."), ["Jordan"]);
        // Also a noun: says nothing after the name.
        assert!(matched(row, "In the end Jordan claims it.").is_empty());
        assert!(matched(row, "In the end Jordan left.").is_empty());
    }

    #[test]
    fn prepositions_license_an_ambiguous_place() {
        let row = "r\tplace\tReading\t\tambiguous\n";
        assert_eq!(matched(row, "He lives in Reading now."), ["Reading"]);
        assert!(matched(row, "He likes Reading now.").is_empty());
    }
}
