//! Gazetteer matches in the name rules. Every decision this stage makes
//! about a match the gazetteer automaton accepted is made here: what it says
//! about the words it covers ([`mark_tokens`]), whether it is a mention
//! ([`mention_spans`]), whether it is an acronym's expansion
//! ([`defined_entry`]) and whether it recurs as an established name
//! ([`recurs`]). Whether a name is matched at all (its policy and context)
//! is the gazetteer's own decision, in `Matcher::accept`.

use std::borrow::Cow;

use super::spans::{Priority, RuleName, Span};
use super::tokens::Token;
use super::tokens::Words;
use crate::gazetteer::{Entry, GazMatch, Gazetteer, MatchPolicy};
use crate::record::EntityType;
use crate::text::Doc;

/// Mark the tokens each gazetteer match covers with its type, and whether
/// it may give way to a person name. Every accepted match marks its tokens,
/// including the ones [`mention_spans`] drops: "US" in "US dollar" is no
/// mention, but still no person's name either.
pub(super) fn mark_tokens(
    doc: &Doc<'_>,
    gaz: &Gazetteer,
    toks: &mut [Token],
    matches: &[GazMatch],
) {
    let mut k = 0;
    for m in matches {
        while k < toks.len() && toks[k].end <= m.start {
            k += 1;
        }
        let e = &gaz.entries()[m.entry as usize];
        let gives_way = gives_way_to_person(doc, e, m);
        let mut j = k;
        while j < toks.len() && toks[j].start < m.end {
            toks[j].set_gazetteer(e.kind, gives_way);
            j += 1;
        }
    }
}

/// A one-word place from GeoNames or an ambiguous entry ("Winston", "Davis")
/// may be a person's name instead.
fn gives_way_to_person(doc: &Doc<'_>, e: &Entry, m: &GazMatch) -> bool {
    // (The text is read last: most matches are no place.)
    e.kind == EntityType::Place
        && (e.key.starts_with("gn:") || e.policy == MatchPolicy::Ambiguous)
        && !doc.text[m.start..m.end].contains(' ')
}
impl<'d, 'a> Words<'d, 'a> {
    /// A gazetteer match here rules out a person name through this token.
    pub(super) fn gaz_blocks_name(&self, j: usize) -> bool {
        match self.gaz_kind(j) {
            Some(EntityType::Organization | EntityType::Nationality) => true,
            Some(EntityType::Place) => !self.gaz_soft(j),
            _ => false,
        }
    }
}

impl Span {
    /// The span of a gazetteer entry's match.
    pub(super) fn gazetteer(words: &Words<'_, '_>, entry: u32, start: usize, end: usize) -> Span {
        let e = &words.gaz.entries()[entry as usize];
        Span {
            start,
            end,
            kind: Some(e.kind),
            entry: Some(entry),
            canonical: None,
            rule: RuleName::Gazetteer(entry),
            priority: Priority::Listed,
        }
    }
}

/// Gazetteer matches as spans, minus the ones the text shows are not
/// mentions: a country inside a currency ("US$", "US dollar"), a party
/// adjective labelling a person or role ("Democrat Jeff Merkley",
/// "Tory spokesman"); a trailing lower-case head word is cut off
/// ("Xinjiang region" → "Xinjiang").
#[inline(never)]
pub(super) fn mention_spans(words: &Words<'_, '_>, matches: &[GazMatch]) -> Vec<Span> {
    let text = words.doc.text;
    // Room for the rules' spans too: the list grows into the proposals.
    let mut out = super::spans::proposal_list(2 * matches.len() + 16);
    let currency_first = currency_first_bytes(words);
    let bytes = text.as_bytes();
    let entries = words.gaz.entries();
    for m in matches {
        let e = &entries[m.entry as usize];
        let (start, mut end) = (m.start, m.end);
        match e.kind {
            EntityType::Place => {
                if bytes.get(end) == Some(&b'$') {
                    continue;
                }
                // The word after starts past spaces and tabs (read as
                // bytes: both are ASCII).
                let mut at = end;
                while matches!(bytes.get(at), Some(b' ' | b'\t')) {
                    at += 1;
                }
                if may_start_currency(text, at, &currency_first) && currency_follows(words, end) {
                    continue;
                }
                if let Some(sp) = last_space(&text[start..end]) {
                    let last = &text[start + sp + 1..end];
                    if starts_lowercase(last) && words.lex.cues.lower_place_heads.contains(last) {
                        end = start + sp;
                    }
                }
            }
            // (The name's last space read once: a one-word name may be a
            // party's label, a longer one may end in a descriptor.)
            EntityType::Organization => match last_space(&text[start..end]) {
                None if is_party_label(words, e, start, end) => continue,
                None => {}
                Some(sp) => end = without_descriptor_after(words, start, end, sp),
            },
            _ => {}
        }
        // ([`Span::gazetteer`], the entry already at hand.)
        out.push(Span {
            start,
            end,
            kind: Some(e.kind),
            entry: Some(m.entry),
            canonical: None,
            rule: RuleName::Gazetteer(m.entry),
            priority: Priority::Listed,
        });
    }
    out
}

/// The first bytes of the currency nouns: the word after a place is read
/// only when its first byte may start one.
pub(super) fn currency_first_bytes(words: &Words<'_, '_>) -> [bool; 256] {
    let mut first = [false; 256];
    for w in words.lex.cues.currency_nouns.iter() {
        if let Some(&b) = w.as_bytes().first() {
            first[usize::from(b)] = true;
        }
    }
    first
}

/// The word starting at byte `at` may be a currency noun: an ASCII first
/// byte no currency noun starts with (in lower case) rules it out unread.
fn may_start_currency(text: &str, at: usize, currency_first: &[bool; 256]) -> bool {
    text.as_bytes().get(at).is_some_and(|&b| {
        if b.is_ascii() {
            return currency_first[usize::from(b.to_ascii_lowercase())];
        }
        // (The word starts there: its lower case starts with its first
        // character's, whose first byte must start a noun.)
        let c = text[at..].chars().next().unwrap_or(' ');
        let lower = c.to_lowercase().next().unwrap_or(c);
        let mut first = [0u8; 4];
        currency_first[usize::from(lower.encode_utf8(&mut first).as_bytes()[0])]
    })
}

/// A currency noun follows the place ending at byte `end` ("US dollar"),
/// and no capitalised word ("US Dollar Index" is left to the rules).
fn currency_follows(words: &Words<'_, '_>, end: usize) -> bool {
    let text = words.doc.text;
    // (An ASCII word's lower case is the folded text's: no copy.)
    let next = words.doc.word_after(end).map(|(at, w)| {
        if w.is_ascii() {
            Cow::Borrowed(&words.doc.folded[at..at + w.len()])
        } else {
            Cow::Owned(w.to_lowercase())
        }
    });
    next.as_deref()
        .is_some_and(|w| words.lex.cues.currency_nouns.contains(w))
        && !text[end..]
            .trim_start()
            .starts_with(|c: char| c.is_uppercase())
}

/// `s` starts with a lower-case letter (its first byte read alone when it
/// is ASCII).
fn starts_lowercase(s: &str) -> bool {
    match s.as_bytes().first() {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
        Some(_) => s.chars().next().is_some_and(char::is_lowercase),
    }
}

/// "Death Row records", "Xinhua news agency": a listed name written with
/// lower-case words last, the last a descriptor, is the name before them
/// (its last space at `sp` from `start`).
pub(super) fn without_descriptor_after(
    words: &Words<'_, '_>,
    start: usize,
    end: usize,
    sp: usize,
) -> usize {
    let text = words.doc.text;
    let last = &text[start + sp + 1..end];
    let descriptor = words.lex.org_descriptors.contains(last)
        || words
            .lex
            .org_descriptors
            .contains(last.trim_end_matches('s'))
        || words.lex.cues.plural_descriptors.contains(last);
    if !descriptor || !text[start..].starts_with(char::is_uppercase) {
        return end;
    }
    // Every lower-case word before the descriptor goes too ("news").
    let mut cut = start + sp;
    while let Some(sp) = last_space(&text[start..cut]) {
        if !text[start + sp + 1..cut].starts_with(char::is_lowercase) {
            break;
        }
        cut = start + sp;
    }
    cut
}

/// The last space of `s` (`s.rfind(' ')`, by a byte search: asked of
/// every listed place and organization).
pub(super) fn last_space(s: &str) -> Option<usize> {
    s.bytes().rposition(|b| b == b' ')
}

/// `s` holds "Party" (`s.contains("Party")`, by its capital first).
pub(super) fn has_party(s: &str) -> bool {
    let b = s.as_bytes();
    (0..b.len()).any(|k| b[k] == b'P' && b[k..].starts_with(b"Party"))
}

/// A party's adjective or member noun ("Conservative", "Democrat", "Tory")
/// right before a name or a role is a label, not a mention. (Asked of a
/// one-word name only: a name with a space is no label.)
fn is_party_label(
    words: &Words<'_, '_>,
    e: &crate::gazetteer::Entry,
    start: usize,
    end: usize,
) -> bool {
    let written = &words.doc.text[start..end];
    // (The written form first: the entry's names are many to search.)
    if has_party(written) {
        return false;
    }
    // The plural noun is the party itself ("the Conservatives said").
    if written.ends_with('s') && !written.ends_with("ss") {
        return false;
    }
    // (The words after it first: the entry's names are many to search, and
    // most one-word organizations stand before no role or name.)
    let i = words.toks.partition_point(|t| t.start < end);
    label_context(words, i) && (has_party(&e.name) || e.names().any(has_party))
}

/// A role or a person's name follows at token `i`, the first after a
/// party's name: what makes the name a label.
pub(super) fn label_context(words: &Words<'_, '_>, i: usize) -> bool {
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

/// A gazetteer entry's match recurs as an established name: an ambiguous
/// entry that context licensed once ("Apple's chief" licenses the
/// headline's "Apple"). Other entries are matched wherever they occur.
pub(super) fn recurs(words: &Words<'_, '_>, entry: u32) -> bool {
    words.gaz.entries()[entry as usize].policy == MatchPolicy::Ambiguous
}

/// The gazetteer match that is exactly an acronym's expansion, as its span.
/// The definition itself is the context, so the checks of [`mention_spans`]
/// (currency, party label, trailing head word) do not apply.
pub(super) fn defined_entry(
    words: &Words<'_, '_>,
    matches: &[GazMatch],
    start: usize,
    end: usize,
) -> Option<Span> {
    // The matches run left to right without overlapping (one starts at
    // `start` at most): a search, not a scan per definition.
    let m = &matches[matches.partition_point(|m| m.start < start)..]
        .first()
        .filter(|m| m.start == start && m.end == end)?;
    Some(Span::gazetteer(words, m.entry, start, end))
}

#[cfg(test)]
mod tests {
    use super::{has_party, last_space};

    /// The byte searches answer as the string searches they replace, on
    /// every line of the fixture and development texts and a few made up;
    /// and a word's lower case starts with the first byte of its first
    /// character's lower case (the currency filter's assumption), for every
    /// word there.
    #[test]
    fn byte_searches_as_string_searches() {
        let mut lines: Vec<String> = ["", " ", "Labour Party", "Party", "Part", "a Partyb", "ΣΑΣ"]
            .map(String::from)
            .to_vec();
        for text in crate::text::test_corpus::texts() {
            lines.extend(text.lines().map(String::from));
        }
        for line in &lines {
            assert_eq!(last_space(line), line.rfind(' '), "{line}");
            assert_eq!(has_party(line), line.contains("Party"), "{line}");
            for word in line.split_whitespace() {
                let c = word.chars().next().unwrap();
                let lower = c.to_lowercase().next().unwrap();
                let mut first = [0u8; 4];
                let want = word.to_lowercase().as_bytes()[0];
                assert_eq!(lower.encode_utf8(&mut first).as_bytes()[0], want, "{word}");
            }
        }
    }
}
