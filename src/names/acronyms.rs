//! Acronym definitions: "Full Name (ACR)" and "ACR (Full Name)".

use std::collections::HashMap;

use crate::hash::PolyBuild;

use super::candidates::{each, Candidates};
use super::gazetteer_matches::defined_entry;
use super::heads::{is_project, non_entity_head};
use super::spans::{Priority, Span};
use super::tokens::Words;
use crate::gazetteer::GazMatch;
use crate::record::EntityType;

impl<'d, 'a> Words<'d, 'a> {
    /// An acronym as a definition may write it: 2–6 letters, capitalised,
    /// mostly capitals or a short mixed form ("ETIM", "D66", "Sepa").
    pub(super) fn is_acronym_like(&self, i: usize) -> bool {
        let w = self.word(i);
        let letters = w.chars().filter(|c| c.is_alphanumeric()).count();
        self.is_cap(i) && (2..=7).contains(&letters) && !w.contains(['-', '\'', '’'])
    }
}

/// Acronym definitions: "Full Name (ACR)" and "ACR (Full Name)". The full
/// name becomes a mention; every occurrence of the acronym in the article
/// links to it.
#[inline(never)]
pub(super) fn definitions(
    words: &Words<'_, '_>,
    at: &Candidates,
    matches: &[GazMatch],
    brackets: &[usize],
    spans: &mut Vec<Span>,
) {
    let text = words.doc.text;
    let n = words.toks.len();
    let mut defs: Vec<(String, Span)> = Vec::new();
    // The tokens after a gap holding an opening bracket, found from the
    // brackets (few) rather than by reading every gap: the token after each
    // bracket by a galloping search from the last one.
    let toks = &words.toks;
    let (mut hint, mut last) = (0, 0);
    for &p in brackets.iter().filter(|&&p| text.as_bytes()[p] == b'(') {
        let i = crate::sorted::partition_point_from(toks, hint, |t| t.start <= p);
        hint = i;
        // (Not the gap before a token: the first, past the last, inside a
        // word, after a possessive (whose gap reads "’s"), or one seen.)
        if i == 0 || i >= n || i == last || toks[i - 1].end > p || toks[i - 1].possessive {
            continue;
        }
        last = i;
        #[cfg(test)]
        tests::GAPS.with(|g| g.set(g.get() + 1));
        if !words.sep(i).trim_end().ends_with('(') {
            continue;
        }
        // "Full Name (ACR)"
        if words.is_acronym_like(i) && text[words.toks[i].end..].starts_with(')') {
            let acr = words.word(i);
            // "Domain Name (DN) system": the name of a technique or a standard.
            if i + 1 < n && words.lex.cues.thing_nouns.contains(words.word(i + 1)) {
                continue;
            }
            if let Some(from) = expansion_before(words, i, acr) {
                if let Some(def) = defined_span(words, matches, from, i) {
                    defs.push((acr.to_string(), def));
                }
            }
            continue;
        }
        // "ACR (Full Name)"
        if words.is_all_caps(i - 1) && words.is_name_word(i) {
            let acr = words.word(i - 1);
            let mut j = i;
            while j + 1 < n && !text[words.toks[j].end..].starts_with(')') && j - i < 10 {
                j += 1;
            }
            if text[words.toks[j].end..].starts_with(')') && initials_match(words, i, j + 1, acr) {
                if let Some(def) = defined_span(words, matches, i, j + 1) {
                    defs.push((acr.to_string(), def));
                }
            }
        }
    }
    // The tokens of each defined acronym, found in one pass: scanning every
    // token once per definition would be quadratic in the article's length.
    // (Hashed as the stage's other article-keyed maps: `PolyBuild`.)
    let mut occurrences: HashMap<&str, Vec<usize>, PolyBuild> = defs
        .iter()
        .map(|(acr, _)| (acr.as_str(), Vec::new()))
        .collect();
    if !occurrences.is_empty() {
        // The acronyms' first bytes and lengths turn most words away
        // before any hashing.
        let mut first_bytes = [false; 256];
        let mut lengths = 0u64;
        for acr in occurrences.keys() {
            first_bytes[usize::from(acr.as_bytes()[0])] = true;
            lengths |= 1 << acr.len().min(63);
        }
        // A word that starts with an ASCII capital is capitalised: when
        // every acronym does, only the capitalised words can be one.
        let capitals = first_bytes[..usize::from(b'A')].iter().all(|&b| !b)
            && first_bytes[usize::from(b'Z') + 1..].iter().all(|&b| !b);
        let all: Vec<u32>;
        let seen: &[u32] = if capitals {
            &at.caps
        } else {
            all = (0..n as u32).collect();
            &all
        };
        for t in each(seen) {
            #[cfg(test)]
            tests::WORK.with(|w| w.set(w.get() + 1));
            let w = words.word(t);
            if !first_bytes[usize::from(w.as_bytes()[0])] || lengths & (1 << w.len().min(63)) == 0 {
                continue;
            }
            if let Some(found) = occurrences.get_mut(w) {
                found.push(t);
            }
        }
    }
    for (acr, def) in &defs {
        // Only the first definition of an acronym links its occurrences: a
        // later one's spans would have the same range and priority, and
        // `spans::select` keeps the first pushed of those, so they could
        // never be chosen (and pushing them all would be quadratic).
        let canonical = text[def.start..def.end].to_string();
        for t in occurrences.remove(acr.as_str()).unwrap_or_default() {
            #[cfg(test)]
            tests::WORK.with(|w| w.set(w.get() + 1));
            spans.push(Span {
                start: words.toks[t].start,
                end: words.toks[t].end,
                kind: def.kind,
                entry: def.entry,
                canonical: Some(canonical.clone()),
                rule: "rule:acronym".into(),
                priority: Priority::Defined,
            });
        }
        spans.push(def.clone());
    }
}

/// The start token of the expansion ending right before token `paren`
/// (which holds the acronym): the shortest run of name words and connectors
/// whose initials spell the acronym.
pub(super) fn expansion_before(words: &Words<'_, '_>, paren: usize, acr: &str) -> Option<usize> {
    let end = paren;
    let mut from = end;
    while from > 0 && end - from < 12 {
        from -= 1;
        if from + 1 < end && !words.joined(from + 1) {
            break;
        }
        if words.is_name_word(from) && initials_match(words, from, end, acr) {
            return Some(from);
        }
        if !(words.is_name_word(from) || words.lex.cues.connectors.contains(words.word(from))) {
            break;
        }
    }
    None
}

/// Initials of the name words in `from..to` (hyphen parts count, so
/// "Tehreek-e-Taliban Pakistan" gives TTP) spell `acr`, with or without the
/// connectors' initials.
pub(super) fn initials_match(words: &Words<'_, '_>, from: usize, to: usize, acr: &str) -> bool {
    if let Some(answer) = ascii_initials_match(words, from, to, acr) {
        return answer;
    }
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

/// [`initials_match`] when the acronym and the words `from..to` are ASCII
/// (nearly all are): the same three spellings compared byte by byte, with
/// no character decoded or case-mapped (None: not all ASCII, or an
/// acronym of over 16 letters).
fn ascii_initials_match(words: &Words<'_, '_>, from: usize, to: usize, acr: &str) -> Option<bool> {
    let mut buffer = [0u8; 16];
    let mut len = 0;
    for b in acr.bytes() {
        if !b.is_ascii() {
            return None;
        }
        if b.is_ascii_alphabetic() {
            *buffer.get_mut(len)? = b.to_ascii_uppercase();
            len += 1;
        }
    }
    let letters = &buffer[..len];
    if letters.is_empty() {
        return Some(false);
    }
    if !(from..to).all(|i| words.word(i).is_ascii()) {
        return None;
    }
    let initials = || {
        (from..to)
            .flat_map(|i| words.word(i).split('-'))
            .filter_map(|part| part.bytes().next())
    };
    if initials()
        .filter(u8::is_ascii_uppercase)
        .eq(letters.iter().copied())
    {
        return Some(true);
    }
    if initials()
        .map(|b| b.to_ascii_uppercase())
        .eq(letters.iter().copied())
    {
        return Some(true);
    }
    // A word in capitals gives all its letters; another its capital first.
    let spelled = (from..to).flat_map(|i| {
        let w = words.word(i).as_bytes();
        let whole = words.is_all_caps(i) && w.iter().all(u8::is_ascii_alphabetic);
        let first = w
            .first()
            .copied()
            .filter(|b| !whole && b.is_ascii_uppercase());
        let whole: &[u8] = if whole { w } else { &[] };
        whole.iter().copied().chain(first)
    });
    Some(spelled.eq(letters.iter().copied()))
}

/// The mention an acronym definition spans `from..to` makes: a gazetteer
/// entry's type when the expansion is one, else by its head word; a law,
/// project or programme makes no entity.
pub(super) fn defined_span(
    words: &Words<'_, '_>,
    matches: &[GazMatch],
    from: usize,
    to: usize,
) -> Option<Span> {
    let (start, end) = words.span(from, to);
    if let Some(span) = defined_entry(words, matches, start, end) {
        return Some(span);
    }
    if words.capitals_mute(from) {
        return None;
    }
    // "Member of European Parliament (MEP)" names a role, not a body.
    if words.title_at(from).is_some() {
        return None;
    }

    let kind = if let Some((_, head, p)) = words.org_head_ending(to) {
        if non_entity_head(words, p) {
            None
        } else {
            let _ = head;
            Some(EntityType::Organization)
        }
    } else if words.place_head_ending(to).is_some() {
        if is_project(words, from, to) {
            None
        } else {
            Some(EntityType::Place)
        }
    } else if is_project(words, from, to) {
        None
    } else {
        Some(EntityType::Organization)
    };
    Some(Span {
        start,
        end,
        kind,
        entry: None,
        canonical: None,
        rule: "rule:acronym".into(),
        priority: Priority::Defined,
    })
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use crate::{Article, Extractor};

    thread_local! {
        /// Tokens compared and occurrence spans pushed by `definitions`.
        pub(super) static WORK: Cell<usize> = const { Cell::new(0) };
        /// Gaps `definitions` read for an opening bracket.
        pub(super) static GAPS: Cell<usize> = const { Cell::new(0) };
    }

    /// The definitions are looked for only after the gaps that hold an
    /// opening bracket: a text of 400 sentences and commas with two
    /// brackets has two gaps read (session 7 read all 1,200 gaps that were
    /// not only spaces). The definitions found are those of every gap
    /// read (differential: `rules_propose_what_the_oracles_proposed` and
    /// the snapshots).
    #[test]
    fn only_gaps_with_a_bracket_are_read() {
        let x = Extractor::new();
        let mut text = "Zorb grew, Quux fell; prices rose. ".repeat(200);
        text.push_str("The Zorblax Quantum Widgets (ZQW) said ZQW (a firm) grew.");
        GAPS.with(|g| g.set(0));
        let record = x.extract(&Article::new("a", text)).unwrap();
        assert!(record
            .entities
            .iter()
            .any(|e| e.name == "Zorblax Quantum Widgets"));
        let read = GAPS.with(Cell::get);
        assert_eq!(read, 2);
    }

    /// The byte-wise spellings answer as the character-wise ones (session
    /// 7's `initials_match`, kept in `rules_oracle`) for every run of up to
    /// six words of random texts and random acronyms, ASCII or not.
    #[test]
    fn ascii_initials_as_the_oracle_matches() {
        use proptest::prelude::*;
        let lex = &crate::lexicon::Lexicon::embedded().names;
        let word =
            "[A-Z][a-z]{0,5}|[A-Z]{2,4}|[a-z]{1,4}|[A-Z][a-z]*-[a-zA-Z]+|É[a-z]{1,3}|ß|[A-Z]1";
        let text = proptest::collection::vec(proptest::string::string_regex(word).unwrap(), 1..9);
        let acr = "[A-Za-z0-9ÉéŒ.]{0,7}|[A-Z]{17,18}";
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(2_000));
        runner
            .run(&(text, acr), |(text, acr)| {
                let text = text.join(" ");
                let doc = crate::text::Doc::new(&text, false);
                let words = super::super::tokens::Words::new(
                    &doc,
                    crate::gazetteer::Gazetteer::embedded(),
                    lex,
                    &[],
                );
                let n = words.toks.len();
                for from in 0..n {
                    for to in from + 1..=(from + 6).min(n) {
                        let got = super::initials_match(&words, from, to, &acr);
                        let want =
                            super::super::rules_oracle::initials_match(&words, from, to, &acr);
                        prop_assert_eq!(got, want, "{:?} {}..{} {:?}", text, from, to, acr);
                    }
                }
                Ok(())
            })
            .unwrap();
    }

    /// An acronym defined again and again in one long article costs work
    /// linear in its tokens, not tokens × definitions.
    #[test]
    fn repeated_definitions_cost_linear_work() {
        let x = Extractor::new();
        let unit = "The Zorblax Quantum Widgets (ZQW) said ZQW would grow. ";
        for repeats in [50, 400] {
            let text = unit.repeat(repeats);
            let tokens = text.split_whitespace().count();
            WORK.with(|w| w.set(0));
            let record = x.extract(&Article::new("a", text)).unwrap();
            let work = WORK.with(Cell::get);
            assert!(record
                .entities
                .iter()
                .any(|e| e.name == "Zorblax Quantum Widgets"));
            // One pass over the tokens plus one span per occurrence.
            assert!(
                work <= 3 * tokens,
                "{repeats} definitions: {work} steps for {tokens} tokens"
            );
        }
    }
}
