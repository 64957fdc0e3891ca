//! Organizations no list holds, typed by the words around them: "X's
//! board", "X's shareholders", "shares in X", "a stake in X". A capitalised
//! name that owns a board or shares is a body, not a person or a place.
//! (A spokesman, a chief or an album may be a person's too.)

use super::spans::{overlapping, Span};
use super::tokens::Words;
use crate::record::EntityType;

/// Names no rule typed, with an organization cue, as organizations.
pub(super) fn org_cues(words: &Words<'_, '_>, chosen: &[Span], extra: &mut Vec<Span>) {
    let n = words.toks.len();
    let free = |i: usize| {
        let t = words.toks[i];
        words.is_name_word(i)
            && !words.is_stop(i)
            && words.title_at(i).is_none()
            && overlapping(chosen, t.start, t.end).is_empty()
    };
    let mut i = 0;
    while i < n {
        if !free(i) || words.capitals_mute(i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        // "Douglas & Lomason": an ampersand joins the names of a firm.
        while j < n
            && j - i < 4
            && (words.joined(j) || words.sep(j) == " & ")
            && !words.toks[j - 1].possessive
            && free(j)
        {
            j += 1;
        }
        // A known given name with a surname is a person's name.
        let person_like = j - i >= 2 && words.lex.first_names.contains(words.word(i));
        let sentence_start = words.initial[i] && words.is_common_word(i);
        if !person_like && !sentence_start && has_org_cue(words, i, j) {
            let (s, e) = words.span(i, j);
            extra.push(Span::from_rule(
                s,
                e,
                Some(EntityType::Organization),
                "rule:org-cue",
            ));
        }
        i = j;
    }
}

/// The name at `i..j` owns what only a body owns, or follows "shares in".
fn has_org_cue(words: &Words<'_, '_>, i: usize, j: usize) -> bool {
    let n = words.toks.len();
    if words.toks[j - 1].possessive && j < n {
        let next = words.word_lower(j);
        let next = if matches!(next, "new" | "latest" | "former" | "own") && j + 1 < n {
            words.word_lower(j + 1)
        } else {
            next
        };
        if words.lex.cues.owned_by_orgs.contains(next) {
            return true;
        }
    }
    if i >= 2 && words.joined(i) {
        let (pp, p) = (words.word_lower(i - 2), words.word_lower(i - 1));
        if words.lex.cues.before_org_pairs.contains_pair(pp, p) {
            return true;
        }
    }
    false
}
