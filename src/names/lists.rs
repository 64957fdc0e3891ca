//! Names typed by the list they stand in: "X, Y and Z" where the typed
//! names are all organizations makes the untyped ones organizations too
//! ("Vodafone, Acme and Renault"), and so does a plural organization noun
//! that introduces the list ("companies such as X", "networks like X, Y
//! and Z"). (Lists of people and places are left alone: a list of names
//! mixes kinds too often to say.)

use super::candidates::{merged, Candidates};
use super::spans::{Chosen, Span};
use super::tokens::Words;
use crate::lexicon::mark;
use crate::record::EntityType;

/// One item of a list: tokens `from..to`, and its type when a chosen span
/// is exactly that item.
pub(super) struct Item {
    pub(super) from: usize,
    pub(super) to: usize,
    pub(super) kind: Option<EntityType>,
}

/// A brand written with a lower-case first letter and a capital after it
/// ("eDonkey", "iTunes"): a name word for these rules.
pub(super) fn is_brand_word(words: &Words<'_, '_>, i: usize) -> bool {
    words.is_brand(i)
}

/// [`is_brand_word`] of a word (computed once per token by the view).
#[inline]
pub(super) fn brand_written(w: &str) -> bool {
    // Asked of every word starting in lower case: most have an ASCII
    // second letter that is no capital (a test inlined in the view).
    if let [first, second, ..] = w.as_bytes() {
        if first.is_ascii() && second.is_ascii() && !second.is_ascii_uppercase() {
            return false;
        }
    }
    brand_letters(w)
}

/// [`brand_written`] past its first test.
#[inline(never)]
fn brand_letters(w: &str) -> bool {
    let mut chars = w.chars();
    let (Some(a), Some(b)) = (chars.next(), chars.next()) else {
        return false;
    };
    a.is_lowercase()
        && b.is_uppercase()
        && w.chars().count() >= 4
        && chars.any(char::is_lowercase)
        && !w.contains('-')
}

/// A capitalised word of a closed class (function word, pronoun, day,
/// month), which never opens or continues a name in a list.
fn closed_class(words: &Words<'_, '_>, k: usize) -> bool {
    words.has(k, mark::CLOSED_CLASS)
}

/// The item starting at token `i`: a chosen span, or a run of untyped
/// name words (up to four).
fn item_at(words: &Words<'_, '_>, chosen: &Chosen<'_>, i: usize) -> Option<Item> {
    let n = words.toks.len();
    let t = words.toks[i];
    let over = chosen.at(i);
    if let Some(s) = over.first() {
        if s.start != t.start {
            return None;
        }
        // (The span starts at token `i`: its end is a few tokens on.)
        let mut to = i + 1;
        while to < n && words.toks[to].start < s.end {
            to += 1;
        }
        return Some(Item {
            from: i,
            to,
            kind: s.kind,
        });
    }
    let free = |k: usize| {
        (words.is_name_word(k) || is_brand_word(words, k))
            && !words.is_stop(k)
            && words.title_at(k).is_none()
            && chosen.at(k).is_empty()
    };
    // "First Direct", "New Look": a capitalised ordinary word opens a
    // name when a name word follows it.
    let opener = |k: usize| {
        words.is_stop(k)
            && words.is_name_word(k)
            && !closed_class(words, k)
            && chosen.at(k).is_empty()
            && k + 1 < n
            && words.joined(k + 1)
            && free(k + 1)
    };
    if !(free(i) || opener(i)) || words.capitals_mute(i) {
        return None;
    }
    // "Nat West": an ordinary capitalised word inside the name too.
    let inner = |k: usize| {
        free(k)
            || (words.is_stop(k)
                && words.is_name_word(k)
                && !closed_class(words, k)
                && chosen.at(k).is_empty())
    };
    let mut to = i + 1;
    while to < n && to - i < 4 && words.joined(to) && !words.toks[to - 1].possessive && inner(to) {
        to += 1;
    }
    Some(Item {
        from: i,
        to,
        kind: None,
    })
}

/// A gap that is a comma, spaces around it allowed.
fn comma_gap(sep: &str) -> bool {
    // (Most gaps hold no comma: they are turned away before trimming.)
    sep.bytes().any(|b| b == b',') && sep.trim() == ","
}

/// The list of items starting at token `i`, joined by commas, "and" or
/// "or", into `items` (cleared first).
pub(super) fn list_at(words: &Words<'_, '_>, chosen: &Chosen<'_>, i: usize, items: &mut Vec<Item>) {
    let n = words.toks.len();
    items.clear();
    let mut k = i;
    while k < n {
        let Some(item) = item_at(words, chosen, k) else {
            break;
        };
        let e = item.to;
        items.push(item);
        if e >= n || words.toks[e - 1].possessive {
            break;
        }
        let sep = words.sep_trimmed(e);
        if words.word_among(e, &["and", "or"]) && matches!(sep, "" | ",") && e + 1 < n {
            if !words.joined(e + 1) {
                break;
            }
            k = e + 1;
        } else if sep == "," {
            k = e;
        } else {
            break;
        }
    }
}

/// A plural organization noun and "such as", "like" or "including" right
/// before token `i` ("companies such as").
pub(super) fn introduced_by_org_noun(words: &Words<'_, '_>, i: usize) -> bool {
    let noun = |k: usize| {
        let w = words.word_lower(k);
        w.len() > 3
            && w.ends_with('s')
            && (words.lex.org_descriptors.contains(w)
                || words.lex.org_descriptors.contains(&w[..w.len() - 1])
                || w == "companies")
    };
    if i >= 3 && words.word_is(i - 2, "such") && words.word_is(i - 1, "as") && noun(i - 3) {
        return true;
    }
    i >= 2 && words.word_among(i - 1, &["like", "including"]) && noun(i - 2)
}

/// A run of the words a list can hold, from an opening word on.
struct Run {
    /// One past the run's last word: a word no item or joint can hold.
    end: usize,
    /// Some list opening in the run may type its names: one joined by two
    /// joints or more with an organization among its spans, or one after
    /// a word that can introduce a list ("such as", "like", "including").
    may_type: bool,
}

/// The run of words from opening word `i` on that a list can hold: name
/// words and brands (untyped items), words under a chosen span (typed
/// items) and "and" or "or" (joints). A list that opens in the run ends
/// in it, and the walk of [`org_lists`] starts afresh after it: the runs
/// are walked apart, and only those whose lists can type a name are
/// walked opening by opening.
///
/// The test is a necessary condition, read from the words' bits where it
/// can be: three items need two joints (a gap that is not only spaces, or
/// "and"/"or"), and one typed organization among them; an introduced list
/// needs "such as", "like" or "including" before an opening, which is the
/// word before `i` or, inside the run, a lower-case word under a span.
fn run_from(words: &Words<'_, '_>, chosen: &Chosen<'_>, i: usize) -> Run {
    const INTRODUCERS: [&str; 3] = ["as", "like", "including"];
    let n = words.toks.len();
    let is_org = |k: usize| {
        chosen
            .at(k)
            .first()
            .is_some_and(|s| s.kind == Some(EntityType::Organization))
    };
    let mut introduced = i > 0 && words.word_among(i - 1, &INTRODUCERS);
    let (mut org, mut joints, mut end) = (false, 0, i);
    while end < n {
        let bits = words.toks[end].bits();
        if !(bits.is_name_word() || bits.is_brand()) {
            if words.word_among(end, &["and", "or"]) {
                joints += 1;
            } else if chosen.at(end).is_empty() {
                break;
            } else {
                introduced = introduced || words.word_among(end, &INTRODUCERS);
            }
        }
        org = org || is_org(end);
        joints += usize::from(end > i && !bits.joined());
        end += 1;
    }
    Run {
        end,
        may_type: introduced || (joints >= 2 && org),
    }
}

/// Untyped names in a list of organizations, or after a plural
/// organization noun, as organizations.
#[inline(never)]
pub(super) fn org_lists(
    words: &Words<'_, '_>,
    at: &Candidates,
    chosen: &Chosen<'_>,
    extra: &mut Vec<Span>,
) {
    // One buffer for every list (no allocation per list).
    let mut items: Vec<Item> = Vec::new();
    // An item opens at a name word, a brand or a chosen span's start:
    // elsewhere the walk moves on by one.
    let mut words_opening = Vec::new();
    let opening = merged(at.name_or_brand(&mut words_opening), chosen.start_tokens());
    let mut next = 0;
    // The run of list words the last opening visited stands in, and
    // whether a list in it can be typed (see [`run_from`]).
    let mut run = Run {
        end: 0,
        may_type: false,
    };
    for i in opening {
        if i < next {
            continue;
        }
        if i >= run.end {
            run = run_from(words, chosen, i);
        }
        if !run.may_type {
            // (No list in the run types a name: its openings would only
            // have moved the walk on, to the run's end at most.)
            next = run.end;
            continue;
        }
        // An item starts at a chosen span's start or at a name word.
        let opens = words.is_name_word(i)
            || words.is_brand(i)
            || chosen
                .at(i)
                .first()
                .is_some_and(|s| s.start == words.toks[i].start);
        // Lists start after a word that is not part of one. (Asked only
        // where an item opens: the word's text is read then.)
        let after_comma = || !words.joined(i) && comma_gap(words.sep(i));
        if !opens || (i > 0 && (words.word_among(i - 1, &["and", "or"]) || after_comma())) {
            continue;
        }
        list_at(words, chosen, i, &mut items);
        let Some(last) = items.last() else {
            continue;
        };
        let next_item = last.to;
        let typed = items.iter().filter(|t| t.kind.is_some()).count();
        let all_orgs = items
            .iter()
            .all(|t| t.kind.is_none_or(|k| k == EntityType::Organization));
        let orgs_listed = typed > 0 && items.len() >= 3;
        // (The words before the list are read last.)
        if all_orgs && (orgs_listed || introduced_by_org_noun(words, i)) {
            for item in items.iter().filter(|t| t.kind.is_none()) {
                if plausible_org(words, item, typed >= 2) {
                    let (s, e) = words.span(item.from, item.to);
                    extra.push(Span::from_rule(
                        s,
                        e,
                        Some(EntityType::Organization),
                        "rule:org-list",
                    ));
                }
            }
        }
        next = next_item.max(i + 1);
    }
}

/// An untyped list item that may be an organization: not a sentence-start
/// ordinary word, nor a given name with a surname unless two or more
/// organizations are listed with it.
pub(super) fn plausible_org(words: &Words<'_, '_>, item: &Item, among_orgs: bool) -> bool {
    let i = item.from;
    if words.is_initial(i) && words.is_common_word(i) {
        return false;
    }
    let person_like = item.to - i >= 2 && words.is_first_name(i);
    let surname_like = item.to - i >= 2 && words.is_surname(item.to - 1);
    among_orgs || !(person_like && surname_like)
}
