//! Organizations no list holds, typed by the words around them: "X's
//! board", "X's shareholders", "shares in X", "a stake in X". A capitalised
//! name that owns a board or shares is a body, not a person or a place.
//! (A spokesman, a chief or an album may be a person's too.)

use super::candidates::{each, Candidates};
use super::lists::is_brand_word;
use super::spans::{Chosen, Span};
use super::tokens::Words;
use crate::lexicon::mark;
use crate::record::EntityType;

/// Names no rule typed, with an organization cue, as organizations.
#[inline(never)]
pub(super) fn org_cues(
    words: &Words<'_, '_>,
    at: &Candidates,
    chosen: &Chosen<'_>,
    extra: &mut Vec<Span>,
) {
    let n = words.toks.len();
    let free = |i: usize| {
        (words.is_name_word(i) || is_brand_word(words, i))
            && !words.is_stop(i)
            && words.title_at(i).is_none()
            && chosen.at(i).is_empty()
    };
    // (A free word is a name word or a brand: elsewhere the walk moves on
    // by one.)
    let mut next = 0;
    let mut opening = Vec::new();
    for i in each(at.name_or_brand(&mut opening)) {
        if i < next || !free(i) || words.capitals_mute(i) {
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
        let person_like = j - i >= 2 && words.is_first_name(i);
        // An ordinary word at a sentence start ("Shares in …") is no name.
        // (Asked last: it reads the text's lower-case words.)
        let sentence_start = || words.is_initial(i) && words.is_common_word(i);
        // "chairman of Ing C. Olivetti": the name runs on past a dot.
        let runs_on = j < n && words.joined_or_dot(j) && words.is_name_word(j);
        if !person_like
            && !runs_on
            && (has_org_cue(words, i, j)
                || web_address(words, i, j)
                || the_acronym(words, i, j)
                || (role_before_person(words, chosen, j) && !joins_a_name(words, i)))
            && !sentence_start()
        {
            let (s, e) = words.span(i, j);
            extra.push(Span::from_rule(
                s,
                e,
                Some(EntityType::Organization),
                "rule:org-cue",
            ));
        }
        next = j;
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
    if described_speaker(words, j) {
        return true;
    }
    if i >= 2 && words.joined(i) {
        let (pp, p) = (words.word_lower(i - 2), words.word_lower(i - 1));
        if words.lex.cues.before_org_pairs.contains_pair(pp, p) {
            return true;
        }
        if matches!(p, "of" | "for" | "with" | "at") && words.lex.cues.roles_in_orgs.contains(pp) {
            return true;
        }
        // "industrial relations director of Autolatina": written in lower
        // case, the role is a post in a body ("Director of Public
        // Prosecutions" is a title).
        if p == "of" && words.word(i - 2) == "director" {
            return true;
        }
    }
    false
}

/// "X daily said", "X news agency quoted": after the name, one or two
/// lower-case organization nouns and a speech verb.
fn described_speaker(words: &Words<'_, '_>, j: usize) -> bool {
    let n = words.toks.len();
    let mut k = j;
    while k < n
        && k - j < 2
        && words.joined(k)
        && !words.toks[k - 1].possessive
        && (words.has(k, mark::ORG_DESCRIPTOR) || words.word(k) == "news")
    {
        k += 1;
    }
    k > j
        && words.has(k - 1, mark::ORG_DESCRIPTOR)
        && k < n
        && words.joined(k)
        && (words.is_speech(k) || words.lex.cues.report_verbs.contains(words.word(k)))
}

/// The name at `i` continues one before it ("Stotler and Co"): too short
/// to stand alone, or after "and" or "&"; or it may be an ordinary word
/// at a sentence start ("Record boss Jane Doe").
fn joins_a_name(words: &Words<'_, '_>, i: usize) -> bool {
    words.word(i).chars().count() < 3
        || (words.is_initial(i) && !words.is_known_name_word(i))
        || (i > 0 && words.joined(i) && words.word_among(i - 1, &["and", "&"]))
}

/// "Wippit boss Jane Doe": a role of a body, then a person's name.
fn role_before_person(words: &Words<'_, '_>, chosen: &Chosen<'_>, j: usize) -> bool {
    let n = words.toks.len();
    if j >= n
        || !words.joined(j)
        || words.toks[j - 1].possessive
        || !words.lex.cues.roles_after_orgs.contains(words.word(j))
    {
        return false;
    }
    // Up to two more role words ("chief executive", "lead singer").
    let mut k = j + 1;
    while k < n && k - j < 3 && words.joined(k) && words.word(k).starts_with(char::is_lowercase) {
        k += 1;
    }
    k < n
        && words.joined(k)
        && chosen
            .at(k)
            .first()
            .is_some_and(|s| s.start == words.toks[k].start && s.kind == Some(EntityType::Person))
}

/// "Amazon.com": a web address written as a name is its company's.
fn web_address(words: &Words<'_, '_>, i: usize, j: usize) -> bool {
    j == i + 1 && {
        let w = words.word(i);
        let suffixes = &words.lex.cues.web_suffixes;
        suffixes
            .iter()
            .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
    }
}

/// "the IAAF said", "to the BPI.": an unknown acronym after a lower-case
/// "the", standing as a subject or alone, is a body's ("the IDN problem" is
/// a modifier). After a sentence-initial "The" it may be anything.
fn the_acronym(words: &Words<'_, '_>, i: usize, j: usize) -> bool {
    let n = words.toks.len();
    let w = words.word(i);
    if j != i + 1
        || i == 0
        || !words.joined(i)
        || !words.word_is(i - 1, "the")
        || !(3..=6).contains(&w.len())
        || !w.chars().all(|c| c.is_ascii_uppercase())
        || words.gaz_kind(i).is_some()
        || words.lex.cues.common_noun_acronyms.contains(w)
    {
        return false;
    }
    if j >= n || !words.joined(j) || words.toks[i].possessive {
        return true;
    }
    let next = words.word(j);
    words.lex.cues.after_subject.contains(next)
        || (next.len() > 4 && next.ends_with("ed") && next.chars().all(|c| c.is_ascii_lowercase()))
}
