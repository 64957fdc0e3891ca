//! Parties named by their members' plural noun: "the Socialists", "the
//! Christian Democrats and Socialists" (ANNOTATION.md, Rulings: the party as
//! a noun is a mention). Capitalised and after "the", or listed with such a
//! noun, the plural is the party; "Socialists" opening a sentence or in
//! lower case is not.

use super::candidates::{each, Candidates, Marked};
use super::spans::Span;
use super::tokens::Words;
use crate::lexicon::Phrase;
use crate::record::EntityType;

/// The party nouns after "the", and those listed with them.
#[inline(never)]
pub(super) fn party_nouns(words: &Words<'_, '_>, at: &Candidates, spans: &mut Vec<Span>) {
    let n = words.toks.len();
    let mut listed = false;
    // (Capitalised first words of a party noun: elsewhere the walk moves
    // on by one.)
    let mut next = 1;
    for i in each(at.marked(Marked::Parties)) {
        if i < next {
            continue;
        }
        let Some(end) = noun_at(words, i) else {
            continue;
        };
        let prev = words.word_lower(i - 1);
        let after_the = prev == "the" && words.joined(i);
        let in_list = listed && matches!(prev, "and" | "or") && words.joined(i);
        let runs_on = end < n && words.joined(end) && words.is_name_word(end);
        if (after_the || in_list) && !runs_on {
            let (s, e) = words.span(i, end);
            spans.push(Span::from_rule(
                s,
                e,
                Some(EntityType::Organization),
                "rule:party-noun",
            ));
            listed = true;
        } else {
            listed = false;
        }
        next = end;
    }
}

/// The end of the party noun starting at token `i`, if one does.
fn noun_at(words: &Words<'_, '_>, i: usize) -> Option<usize> {
    let nouns: &[Phrase] = &words.lex.party_nouns;
    nouns.iter().find_map(|p| words.phrase_at(p, i))
}
