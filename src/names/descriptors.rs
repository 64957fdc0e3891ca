//! Organizations named right after a lower-case descriptor ("milk firm
//! Yili", "state bank VEB").

use super::candidates::{each, Candidates, Marked};
use super::spans::{Priority, Span};
use super::tokens::Words;
use crate::record::EntityType;

/// "milk firm Yili", "state bank VEB": a lower-case organization noun and
/// the capitalised name right after it. A known given name with a surname
/// is left to the person rules.
#[inline(never)]
pub(super) fn org_descriptors(words: &Words<'_, '_>, at: &Candidates, spans: &mut Vec<Span>) {
    let n = words.toks.len();
    for i in each(at.marked(Marked::Descriptors)).take_while(|&i| i + 1 < n) {
        if !words.joined(i + 1) || words.toks[i].possessive {
            continue;
        }
        let j = i + 1;
        if words.capitals_mute(j) || words.gaz_kind(j).is_some() {
            continue;
        }
        if !(words.is_name_word(j) || is_code_name(words.word(j)))
            || words.is_stop(j)
            || words.title_at(j).is_some()
            || words.is_head_word(j)
        {
            continue;
        }
        // Up to three capitalised words; a place name may be part of it
        // ("Dagbladet Nord"), another entity or a title ends it.
        let mut ne = j + 1;
        while ne < n
            && ne - j < 3
            && words.joined(ne)
            && !words.toks[ne - 1].possessive
            && words.is_name_word(ne)
            && !words.is_stop(ne)
            && !words.is_all_caps(ne)
            && words.title_at(ne).is_none()
            && matches!(words.gaz_kind(ne), None | Some(EntityType::Place))
        {
            ne += 1;
        }
        if ne - j >= 2 && words.is_first_name(j) {
            continue;
        }
        let (start, end) = words.span(j, ne);
        spans.push(Span {
            start,
            end,
            kind: Some(EntityType::Organization),
            entry: None,
            canonical: None,
            rule: "rule:org-descriptor".into(),
            priority: Priority::Descriptor,
        });
    }
}

/// A capitalised code with a number after a hyphen ("TF-1", "RTL-2"): a
/// name after a descriptor ("television channel TF-1"), though not a name
/// word elsewhere ("F-16", "COVID-19" name no organization).
fn is_code_name(word: &str) -> bool {
    let Some((head, number)) = word.split_once('-') else {
        return false;
    };
    head.len() >= 2
        && head.chars().all(|c| c.is_ascii_uppercase())
        && !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit())
}
