//! Context cues: what licenses a name that is also a common word
//! (`MatchPolicy::Ambiguous`) at one place in the text.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use crate::hash::FnvBuild;
use crate::record::EntityType;
use crate::text::Doc;
use crate::tsv::Tsv;

/// Speech verbs ("said", "told", "insisted"): after a name that is also a
/// word, they show it is a person. These are the verbs of
/// `gazetteers/attribution_verbs.tsv` that can tag a quotation, less those
/// that are also common nouns ("claims", "notes"), which say nothing there.
static SPEECH_VERBS: Lazy<HashSet<&'static str, FnvBuild>> = Lazy::new(|| {
    let src = include_str!("../../gazetteers/attribution_verbs.tsv");
    let table = Tsv::parse("attribution_verbs.tsv", src)
        .unwrap_or_else(|e| panic!("embedded word list is invalid: {e}"));
    table
        .rows()
        .map(|row| row.unwrap_or_else(|e| panic!("embedded word list is invalid: {e}")))
        .filter(|row| row.get("quote") == Some("yes") && row.get("use") != Some("noun"))
        .filter_map(|row| row.get("verb"))
        .collect()
});

/// Context that licenses an ambiguous name: a preposition of place before a
/// place, a role or speech cue around a person, or an organization cue.
pub(super) fn ambiguous_context(doc: &Doc<'_>, kind: EntityType, start: usize, end: usize) -> bool {
    let before = doc.word_before(start).map(|(_, w)| w.to_ascii_lowercase());
    let after = doc.word_after(end).map(|(_, w)| w.to_ascii_lowercase());
    let before = before.as_deref().unwrap_or("");
    let after = after.as_deref().unwrap_or("");
    match kind {
        EntityType::Place => matches!(
            before,
            "in" | "from"
                | "to"
                | "of"
                | "at"
                | "near"
                | "across"
                | "into"
                | "outside"
                | "inside"
                | "via"
                | "visited"
                | "visit"
                | "toward"
                | "towards"
                | "within"
        ),
        EntityType::Person => SPEECH_VERBS.contains(after),
        // A company or body named by a common word ("Apple", "Shell") shows
        // itself by a determiner or preposition before it, a possessive, or
        // a reporting or corporate verb after it.
        EntityType::Organization => {
            let possessive = doc.text[end..].starts_with("'s") || doc.text[end..].starts_with("’s");
            possessive
                || matches!(
                    before,
                    "the"
                        | "at"
                        | "by"
                        | "from"
                        | "for"
                        | "with"
                        | "against"
                        | "rival"
                        | "join"
                        | "joined"
                )
                || matches!(
                    after,
                    "said"
                        | "says"
                        | "reported"
                        | "reports"
                        | "announced"
                        | "announces"
                        | "shares"
                        | "stock"
                        | "chief"
                        | "executives"
                        | "spokesman"
                        | "spokeswoman"
                        | "spokesperson"
                        | "inc"
                        | "plc"
                        | "ltd"
                        | "corp"
                        | "group"
                )
        }
        // A capitalised nationality word away from a sentence start and a
        // headline is the adjective ("Afghan refugees"), not the blanket.
        EntityType::Nationality => true,
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
            .find(&doc, &gaz)
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
