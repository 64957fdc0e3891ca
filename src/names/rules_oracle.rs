//! The name rules as session 7 (for `org_lists` session 8, for
//! `mention_spans` session 9) wrote them, kept as the oracles of the
//! rewritten ones: `names::find` (test builds) runs each oracle beside its
//! rule and asserts that they propose the same spans, so every test that
//! extracts an article compares them, and [`tests`] runs the fixture and
//! development texts through it.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::candidates::{each, merged, Candidates, Marked};
use super::gazetteer_matches::{has_party, last_space, without_descriptor_after};
use super::lists::{introduced_by_org_noun, list_at, plausible_org, Item};
use super::people::{lone_word, person};
use super::spans::{Chosen, Span};
use super::sport::{is_score, line_start};
use super::stage_names::person_cue;
use super::tokens::Words;
use crate::gazetteer::GazMatch;
use crate::record::EntityType;

/// The spans `rule` proposes, as `got` (what the rewritten rule pushed)
/// must be.
pub(super) fn same(got: &[Span], rule: impl FnOnce(&mut Vec<Span>)) {
    let mut want = Vec::new();
    rule(&mut want);
    assert_eq!(format!("{got:?}"), format!("{want:?}"));
}

/// A given name used alone ("Paula's career", "Paula was forced"): a lone
/// capitalised word away from sentence starts and headlines, in no
/// gazetteer and not an ordinary word of the text, that is a listed given
/// name, used at least twice and once with a speech verb after it (an
/// adverb may come between) or as an owner ("Paula's mind"). A lone
/// unknown word before "said" may be a company as well ("Honda said"), so
/// that alone is no cue. Recurrence finds the name everywhere else.
pub(super) fn single_names(
    words: &Words<'_, '_>,
    at: &Candidates,
    chosen: &Chosen<'_>,
    extra: &mut Vec<Span>,
) {
    let n = words.toks.len();
    let first_names = at.marked(Marked::FirstNames);
    if first_names.is_empty() {
        return;
    }
    // (Whether the word is an ordinary word of the text is asked once per
    // word, of the names used often enough: see `lone_word`.)
    let lone =
        |i: usize| !words.is_initial(i) && !words.capitals_mute(i) && lone_word(words, chosen, i);
    let speech_after = |i: usize| {
        let next = |k: usize| (k < n && words.joined(k)).then(|| words.word(k));
        match next(i + 1) {
            Some(w) if words.lex.speech.contains(w) => !words.toks[i].possessive,
            Some(w) if w.ends_with("ly") && !words.toks[i].possessive => {
                next(i + 2).is_some_and(|v| words.lex.speech.contains(v))
            }
            _ => false,
        }
    };
    // A given name alone: used at least twice, once with a speech verb or
    // as the owner of something ("Paula's career").
    // Parts of a person named in full are that person's (recurrence).
    let text = words.doc.text;
    let parts: std::collections::HashSet<&str> = chosen
        .iter()
        .filter(|s| s.kind == Some(EntityType::Person))
        .flat_map(|s| text[s.start..s.end].split(' '))
        .collect();
    // Per name: its uses, a cue among them, and its first token.
    let mut uses: std::collections::HashMap<&str, (usize, bool, usize)> = Default::default();
    for i in each(first_names) {
        if !lone(i) || parts.contains(words.word(i)) {
            continue;
        }
        let owner = words.toks[i].possessive
            && i + 1 < n
            && words.word(i + 1).starts_with(|c: char| c.is_lowercase());
        let u = uses.entry(words.word(i)).or_insert((0, false, i));
        u.0 += 1;
        u.1 |= owner || speech_after(i);
    }
    let named: std::collections::HashSet<&str> = uses
        .iter()
        .filter(|&(_, &(c, cue, first))| c >= 2 && cue && !words.is_common_word(first))
        .map(|(&w, _)| w)
        .collect();
    if named.is_empty() {
        return;
    }
    let mut found: Vec<usize> = Vec::new();
    for i in each(first_names) {
        if named.contains(words.word(i)) && lone(i) {
            found.push(i);
        }
    }
    found.sort_unstable();
    found.dedup();
    for i in found {
        extra.push(person(words, i, i + 1, "rule:single-name"));
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

/// Untyped names in a list of organizations, or after a plural
/// organization noun, as organizations: the walk over every opening word
/// (session 8), each list asked for wherever one opens.
pub(super) fn org_lists(
    words: &Words<'_, '_>,
    at: &Candidates,
    chosen: &Chosen<'_>,
    extra: &mut Vec<Span>,
) {
    let mut items: Vec<Item> = Vec::new();
    let mut words_opening = Vec::new();
    let opening = merged(at.name_or_brand(&mut words_opening), chosen.start_tokens());
    let mut next = 0;
    for i in opening {
        if i < next {
            continue;
        }
        let opens = words.is_name_word(i)
            || words.is_brand(i)
            || chosen
                .at(i)
                .first()
                .is_some_and(|s| s.start == words.toks[i].start);
        let after_comma = || !words.joined(i) && words.sep(i).trim() == ",";
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

/// Initials of the name words in `from..to` (hyphen parts count, so
/// "Tehreek-e-Taliban Pakistan" gives TTP) spell `acr`, with or without the
/// connectors' initials.
pub(super) fn initials_match(words: &Words<'_, '_>, from: usize, to: usize, acr: &str) -> bool {
    // Each spelling is compared as it is read: no string is built.
    let letters = || {
        acr.chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_uppercase)
    };
    if letters().next().is_none() {
        return false;
    }
    // The first letter of each word and of each hyphen part.
    let initials = || {
        (from..to)
            .flat_map(|i| words.word(i).split('-'))
            .filter_map(|part| part.chars().next())
    };
    // Acronyms of camel-case words ("SumOfUs") are rare; skip.
    let caps = initials()
        .filter(|c| c.is_uppercase())
        .flat_map(char::to_uppercase);
    if caps.eq(letters()) {
        return true;
    }
    if initials().flat_map(char::to_uppercase).eq(letters()) {
        return true;
    }
    // An acronym inside the name gives all its letters ("UK Internet
    // Forum" → UKIF).
    let spelled = (from..to).flat_map(|i| {
        let w = words.word(i);
        let whole = words.is_all_caps(i) && w.chars().all(char::is_alphabetic);
        let first = w.chars().next().filter(|c| !whole && c.is_uppercase());
        let whole = whole.then(|| w.chars());
        whole
            .into_iter()
            .flatten()
            .chain(first.into_iter().flat_map(char::to_uppercase))
    });
    spelled.eq(letters())
}

/// "Death Row records", "Xinhua news agency": a listed name written with
/// lower-case words last, the last a descriptor, is the name before them.
fn without_descriptor(words: &Words<'_, '_>, start: usize, end: usize) -> usize {
    let text = words.doc.text;
    let Some(sp) = last_space(&text[start..end]) else {
        return end;
    };
    without_descriptor_after(words, start, end, sp)
}

/// [`super::gazetteer_matches::mention_spans`] as session 9 found it:
/// gazetteer matches as spans, minus the ones the text shows are not
/// mentions: a country inside a currency ("US$", "US dollar"), a party
/// adjective labelling a person or role ("Democrat Jeff Merkley",
/// "Tory spokesman"); a trailing lower-case head word is cut off
/// ("Xinjiang region" → "Xinjiang").
pub(super) fn mention_spans(words: &Words<'_, '_>, matches: &[GazMatch]) -> Vec<Span> {
    let text = words.doc.text;
    // Room for the rules' spans too: the list grows into the proposals.
    let mut out = Vec::new();
    // The first bytes of the currency nouns: the word after a place is
    // read only when its first byte may start one.
    let mut currency_first = [false; 256];
    for w in words.lex.cues.currency_nouns.iter() {
        if let Some(&b) = w.as_bytes().first() {
            currency_first[usize::from(b)] = true;
        }
    }
    let bytes = text.as_bytes();
    for m in matches {
        let e = &words.gaz.entries()[m.entry as usize];
        let (start, mut end) = (m.start, m.end);
        let after = &text[end..];
        if e.kind == EntityType::Place {
            if after.starts_with('$') {
                continue;
            }
            // The word after starts past spaces and tabs; an ASCII first
            // byte no currency noun starts with (in lower case) rules it
            // out unread.
            let at = end + after.len() - after.trim_start_matches([' ', '\t']).len();
            let may_be_currency = bytes.get(at).is_some_and(|&b| {
                if b.is_ascii() {
                    return currency_first[usize::from(b.to_ascii_lowercase())];
                }
                // (The word starts there: its lower case starts with its
                // first character's, whose first byte must start a noun.)
                let c = text[at..].chars().next().unwrap_or(' ');
                let lower = c.to_lowercase().next().unwrap_or(c);
                let mut first = [0u8; 4];
                currency_first[usize::from(lower.encode_utf8(&mut first).as_bytes()[0])]
            });
            // (An ASCII word's lower case is the folded text's: no copy.)
            let next = may_be_currency
                .then(|| words.doc.word_after(end))
                .flatten()
                .map(|(at, w)| {
                    if w.is_ascii() {
                        Cow::Borrowed(&words.doc.folded[at..at + w.len()])
                    } else {
                        Cow::Owned(w.to_lowercase())
                    }
                });
            if next
                .as_deref()
                .is_some_and(|w| words.lex.cues.currency_nouns.contains(w))
                && !text[end..]
                    .trim_start()
                    .starts_with(|c: char| c.is_uppercase())
            {
                continue;
            }
            if let Some(sp) = last_space(&text[start..end]) {
                let last = &text[start + sp + 1..end];
                if last.chars().next().is_some_and(char::is_lowercase)
                    && words.lex.cues.lower_place_heads.contains(last)
                {
                    end = start + sp;
                }
            }
        }
        if e.kind == EntityType::Organization {
            if is_party_label(words, e, start, end) {
                continue;
            }
            end = without_descriptor(words, start, end);
        }
        out.push(Span::gazetteer(words, m.entry, start, end));
    }
    out
}

/// A party's adjective or member noun ("Conservative", "Democrat", "Tory")
/// right before a name or a role is a label, not a mention.
fn is_party_label(
    words: &Words<'_, '_>,
    e: &crate::gazetteer::Entry,
    start: usize,
    end: usize,
) -> bool {
    let written = &words.doc.text[start..end];
    // (The written form first: the entry's names are many to search.)
    if written.bytes().any(|b| b == b' ') || has_party(written) {
        return false;
    }
    // The plural noun is the party itself ("the Conservatives said").
    if written.ends_with('s') && !written.ends_with("ss") {
        return false;
    }
    // (The words after it first: the entry's names are many to search, and
    // most one-word organizations stand before no role or name.)
    label_context(words, end) && (has_party(&e.name) || e.names().any(has_party))
}

/// A role or a person's name follows the name ending at byte `end`: what
/// makes a party's name a label.
fn label_context(words: &Words<'_, '_>, end: usize) -> bool {
    let i = words.toks.partition_point(|t| t.start < end);
    if i >= words.toks.len() {
        return false;
    }
    if !words.joined(i) {
        return false;
    }
    if words.title_at(i).is_some() {
        return true;
    }
    let w = words.word(i);
    if w.chars().next().is_some_and(char::is_lowercase) {
        // "Conservative shadow home secretary", "Labour leader": a role noun
        // within the next three words.
        return (i..(i + 3).min(words.toks.len())).any(|j| {
            words.title_at(j).is_some() || words.lex.cues.party_roles.contains(words.word(j))
        });
    }
    words.lex.first_names.contains(w) && words.name_at(i).is_some_and(|e| e > i + 1)
}

/// [`super::sport::unknown_sides`] as session 9 found it (a cover of
/// every token for the chosen spans).
pub(super) fn unknown_sides(
    words: &Words<'_, '_>,
    at: &Candidates,
    chosen: &[Span],
    spans: &mut Vec<Span>,
) {
    let n = words.toks.len();
    let chosen = super::spans::Chosen::new(words, chosen);
    let taken = |i: usize| !chosen.at(i).is_empty();
    // A neighbour in a list of names ("…, Ijaz Ahmed, Salim Malik, …").
    let listed = |k: usize| {
        k < n && words.is_name_word(k) && !words.is_stop(k) && words.gaz_kind(k).is_none()
    };
    // (A side starts at a name word: elsewhere the walk moves on by one.)
    let mut next = 0;
    for i in each(&at.name_words) {
        if i < next || words.is_stop(i) || taken(i) || words.title_at(i).is_some() {
            continue;
        }
        let mut j = i + 1;
        while j < n
            && j - i < 4
            && words.joined(j)
            && !words.toks[j - 1].possessive
            && words.is_name_word(j)
            && !words.is_stop(j)
            && !taken(j)
        {
            j += 1;
        }
        let after = words.doc.text[words.toks[j - 1].end..].trim_start_matches(' ');
        let bracket_country = after.starts_with('(')
            && j < n
            && (words.gaz_kind(j) == Some(EntityType::Place)
                || words.gaz_kind(j) == Some(EntityType::Nationality)
                || words.is_all_caps(j))
            && words.doc.text[words.toks[j].end..].starts_with(')');
        let in_list = j - i == 2
            && !words.is_all_caps(i)
            && ((i > 0 && words.sep_trimmed(i) == "," && listed(i - 1))
                || (words.sep_trimmed(j) == "," && listed(j)));
        if (bracket_country || in_list) && (words.is_cap(i) && !words.is_all_caps(i)) {
            let (s, e) = words.span(i, j);
            spans.push(Span::from_rule(
                s,
                e,
                Some(EntityType::Person),
                "rule:athlete",
            ));
        } else if !words.is_initial(i) || words.capitals_mute(i) || line_start(words, i) {
            // A club here is one or two words before a plain score; a
            // bowler's figures ("10-2-35-1") follow a player.
            // One word before a score outside brackets is a side, even
            // when it is also a name ("Kent 244").
            let person_like =
                (j - i >= 2 && (words.is_first_name(i) || words.is_surname(j - 1))) || j - i >= 3;
            let score_next = j < n
                && words.sep_trimmed(j).is_empty()
                && is_score(words.word(j))
                && words.word(j).matches('-').count() <= 1;
            let plain = !(i..j).any(|k| words.is_all_caps(k) || words.word(k).chars().count() < 3);
            let role_next = j < n
                && matches!(words.sep_trimmed(j), "" | "'" | "’" | "’s")
                && words.lex.cues.team_roles.contains(words.word_lower(j));
            if !person_like && plain && (score_next || role_next) && !words.is_common_word(i) {
                let (s, e) = words.span(i, j);
                spans.push(Span::from_rule(
                    s,
                    e,
                    Some(EntityType::Organization),
                    "rule:club",
                ));
            }
        }
        next = j;
    }
}

#[cfg(test)]
mod tests {
    use crate::{Article, Extractor};

    /// Every fixture and development text through the extractor: the
    /// oracles run beside their rules in `names::find`.
    #[test]
    fn rules_propose_what_the_oracles_proposed() {
        let x = Extractor::new();
        let texts = crate::text::test_corpus::texts();
        for (k, text) in texts.iter().enumerate() {
            x.extract(&Article::new(format!("t{k}"), text.clone()))
                .unwrap();
        }
        assert!(!texts.is_empty());
    }

    /// Lists of every shape through the extractor (the oracles run beside
    /// their rules): introduced lists, typed lists, runs of more than four
    /// name words, brands, lists after commas and joints, "and" inside a
    /// name, possessives.
    #[test]
    fn lists_propose_what_the_oracle_proposed() {
        let x = Extractor::new();
        let texts = [
            "Companies such as Acme, Vodafone and Renault reported profits.",
            "Networks like Foo Bar Baz Qux Quux, BBC and ITV bid. Firms including eDonkey, iTunes and Microsoft sued.",
            "Vodafone, Big Acme Corp Holdings Group Plus, Orange and BT said so. He said, Acme, Barclays and HSBC did.",
            "The Bank of England, Barclays, HSBC or Lloyds will lend. Marks and Spencer, Tesco and Asda's shares fell.",
            "Retailers like Tesco's rivals, Asda and Morrisons, cut prices. IBM, Dell, Apple, Google and First Direct grew.",
            "the groups such as Amnesty International, Human Rights Watch and Oxfam; banks like Credit Suisse and UBS.",
        ];
        let mut listed = 0;
        for (k, text) in texts.iter().enumerate() {
            let record = x
                .extract(&Article::new(format!("t{k}"), text.to_string()))
                .unwrap();
            let mentions = record.entities.iter().flat_map(|e| &e.mentions);
            listed += mentions.filter(|m| m.rule == "rule:org-list").count();
        }
        // (The rule fires on some of them: the oracle is compared on lists
        // it types, not only on lists it leaves alone.)
        assert!(listed > 0);
    }
}
