//! People named by names no list holds: a nickname inside a full name
//! ("Marion "Suge" Knight"), and a single name that the text shows is a
//! person's ("sign Juninho", "Juninho's career", "Juninho, 31,"). Once
//! found, recurrence finds the name everywhere else in the article.

use std::collections::{HashMap, HashSet};

use super::candidates::{each, Candidates, Marked};
use super::people::{lone_word, person};
use super::spans::{Chosen, Priority, Span};
use super::tokens::Words;

/// "Marion "Suge" Knight": a given name, a quoted nickname and a surname
/// are one name, quotes and all.
pub(super) fn nicknames(words: &Words<'_, '_>, at: &Candidates, spans: &mut Vec<Span>) {
    let n = words.toks.len();
    for i in each(at.marked(Marked::FirstNames)).take_while(|&i| i + 2 < n) {
        if words.capitals_mute(i) {
            continue;
        }
        let open = words.sep(i + 1);
        let close = words.sep(i + 2);
        let quoted = matches!(open, " \"" | " “" | " '" | " ‘")
            && matches!(close, "\" " | "” " | "' " | "’ ");
        if !quoted || !words.is_name_word(i + 1) || !words.is_name_word(i + 2) {
            continue;
        }
        let Some(ne) = words.name_at(i + 2) else {
            continue;
        };
        if (i + 2..ne).any(|k| words.gaz_blocks_name(k)) {
            continue;
        }
        let mut p = person(words, i, ne, "rule:nickname");
        p.priority = Priority::Defined;
        spans.push(p);
    }
}

/// Single names no list holds, used at least twice and once with a cue that
/// only a person fits: a possessive person noun ("X's career"), an age in
/// commas ("X, 31,"), and in a sports report the object of "sign" or the
/// subject of "was signed".
pub(super) fn cued_single_names(
    words: &Words<'_, '_>,
    at: &Candidates,
    chosen: &Chosen<'_>,
    sport: bool,
    extra: &mut Vec<Span>,
) {
    // (A lone word is a name word: only those are visited.) Whether the
    // word is an ordinary word of the text depends on its text alone: it
    // is asked once per word, of the words used often enough.
    let lone = |i: usize| lone_word(words, chosen, i);
    // Per word: its uses, a cue among them, and its first token.
    let mut uses: HashMap<&str, (usize, bool, usize)> = HashMap::new();
    // The lone words, kept: the second pass visits only them.
    let mut lone_words: Vec<usize> = Vec::new();
    for i in each(&at.name_words) {
        if !lone(i) {
            continue;
        }
        lone_words.push(i);
        let cue = !words.capitals_mute(i) && person_cue(words, i, sport);
        let u = uses.entry(words.word(i)).or_insert((0, false, i));
        u.0 += 1;
        u.1 |= cue;
    }
    let mut named: HashSet<&str> = HashSet::new();
    for (&w, &(c, cue, first)) in &uses {
        if c >= 2 && cue && !words.is_common_word(first) {
            named.insert(w);
        }
    }
    if named.is_empty() {
        return;
    }
    for i in lone_words {
        let w = words.word(i);
        if named.contains(w) && !words.is_initial(i) && !words.capitals_mute(i) {
            extra.push(person(words, i, i + 1, "rule:single-name"));
        }
    }
}

/// A cue at token `i` that only a person's name fits.
fn person_cue(words: &Words<'_, '_>, i: usize, sport: bool) -> bool {
    let n = words.toks.len();
    let next = |k: usize| (k < n && words.joined(k)).then(|| words.word(k));
    if words.toks[i].possessive
        && next(i + 1).is_some_and(|w| words.lex.cues.owned_by_people.contains(w))
    {
        return true;
    }
    // "X, 31,": an age in commas.
    if i + 1 < n && words.sep_trimmed(i + 1) == "," {
        let w = words.word(i + 1);
        let age = w.len() == 2 && w.chars().all(|c| c.is_ascii_digit()) && !w.starts_with('0');
        if age && i + 2 < n && words.sep_trimmed(i + 2) == "," {
            return true;
        }
    }
    if !sport {
        return false;
    }
    let object_of_sign =
        i > 0 && words.joined(i) && words.lex.cues.sign_verbs.contains(words.word(i - 1));
    let signed =
        next(i + 1).is_some_and(|w| matches!(w, "was" | "is")) && next(i + 2) == Some("signed");
    object_of_sign || signed
}
