//! Names the article has established, found again where they recur: a
//! rule-found name again (also in a headline or at a sentence start), and a
//! given name or surname of a person named in full.
//!
//! `occurrences` finds where the established names are written again.

mod occurrences;
#[cfg(test)]
mod old_occurrences;

use std::collections::BTreeMap;

use super::candidates::{Candidates, CapKey};
use super::gazetteer_matches::recurs;
use super::spans::{count_steps, overlaps_map, Chosen, Priority, Span};
use super::tokens::Words;
use super::word_sets::WordFilter;
use crate::record::EntityType;
use crate::sorted::partition_point_from;
use occurrences::occurrences;

/// What the chosen spans establish.
struct Established<'a> {
    /// Names (exact text) that recur: rule-found names, and ambiguous
    /// gazetteer names that context licensed once ("Apple's chief" licenses
    /// the headline's "Apple"). Distinct, longest first, then by text.
    names: Vec<(&'a str, KnownName)>,
    /// The words of people's full names: their capitalised words
    /// ("Sirajuddin", "Haqqani"), and the words after the first (a
    /// gazetteer match equal to one of these that is also capitalised is
    /// the person: "Stalin" after "Josef Stalin"; a given name that is also
    /// a place, "Paris", is not converted).
    parts: NameParts<'a>,
}

/// The words of an article's people's full names, sorted (by a number made
/// of their first bytes, then by text) and distinct, each with what it is
/// ([`NameParts::PART`], [`NameParts::LATER`]): an article names a handful
/// of people, too few words for a hash table to pay.
struct NameParts<'a> {
    words: Vec<(u64, &'a str, u8)>,
    /// What some word is (the flags of all the words).
    any: u8,
}

impl<'a> NameParts<'a> {
    /// A capitalised word of a full name (a "part").
    const PART: u8 = 1;
    /// A word after the first.
    const LATER: u8 = 2;

    /// The words with their flags, in any order, repeats allowed.
    fn new(mut words: Vec<(u64, &'a str, u8)>) -> NameParts<'a> {
        words.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        words.dedup_by(|later, first| {
            let same = later.1 == first.1;
            if same {
                first.2 |= later.2;
            }
            same
        });
        let any = words.iter().fold(0, |any, w| any | w.2);
        NameParts { words, any }
    }

    /// The key `w` is sorted by: its first eight bytes, read as one number
    /// (their order is the text's, as far as they go).
    fn key(w: &str) -> u64 {
        let mut key = [0u8; 8];
        let n = w.len().min(8);
        key[..n].copy_from_slice(&w.as_bytes()[..n]);
        u64::from_be_bytes(key)
    }

    /// `w` with its flags, to be passed to `new`.
    fn entry(w: &'a str, flags: u8) -> (u64, &'a str, u8) {
        (NameParts::key(w), w, flags)
    }

    /// Some word has all of `flags`.
    fn any(&self, flags: u8) -> bool {
        self.any & flags == flags
    }

    /// The flags of `w`: 0 when it is no word of a full name.
    fn flags(&self, w: &str) -> u8 {
        let key = (NameParts::key(w), w);
        match self.words.binary_search_by(|e| (e.0, e.1).cmp(&key)) {
            Ok(k) => self.words[k].2,
            Err(_) => 0,
        }
    }

    /// The words with all of `flags`.
    fn with(&self, flags: u8) -> impl Iterator<Item = &'a str> + '_ {
        (self.words.iter())
            .filter(move |w| w.2 & flags == flags)
            .map(|w| w.1)
    }
}

/// An established name's type, canonical name and gazetteer entry.
#[derive(Clone)]
struct KnownName {
    kind: EntityType,
    canonical: Option<String>,
    entry: Option<u32>,
}

/// Add the recurrences of established names to the chosen spans. A one-word
/// gazetteer match that is a part of a person's name becomes that person
/// ("Haqqani" after "Sirajuddin Haqqani").
pub(super) fn known_names(
    words: &Words<'_, '_>,
    at: &Candidates,
    mut chosen: Vec<Span>,
) -> Vec<Span> {
    let established = establish(words, &chosen);
    convert_name_parts(words.doc.text, &established, &mut chosen);
    let mut extra = Vec::new();
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    // (No person named in full, no part to find: no per-token cover either.)
    if established.parts.any(NameParts::PART) {
        let parts = &established.parts;
        // Spans with starts and ends in order (nearly always) are met by a
        // cursor as the walk goes; otherwise each token's are looked up.
        if in_order(&chosen) {
            let mut cover = Cursor::new(words, &chosen);
            let covered = |k: usize| cover.covered(k);
            name_part_mentions(words, at, covered, parts, &mut taken, &mut extra);
        } else {
            let cover = Chosen::new(words, &chosen);
            let covered = |k: usize| !cover.at(k).is_empty();
            name_part_mentions(words, at, covered, parts, &mut taken, &mut extra);
        }
    }
    let replaced = recurrences(
        words,
        at,
        &chosen,
        &established.names,
        &mut taken,
        &mut extra,
    );
    // (`retain` visits the spans in order.)
    if replaced.contains(&true) {
        let mut k = 0;
        chosen.retain(|_| {
            k += 1;
            !replaced[k - 1]
        });
    }
    add_in_order(chosen, extra)
}

/// `chosen` and `extra` in the order of their bounds, `chosen`'s first
/// where bounds are equal (as a stable sort of both would put them).
fn add_in_order(mut chosen: Vec<Span>, mut extra: Vec<Span>) -> Vec<Span> {
    let bounds = |s: &Span| (s.start, s.end);
    if extra.is_empty() && chosen.is_sorted_by_key(bounds) {
        return chosen;
    }
    if !chosen.is_sorted_by_key(bounds) {
        chosen.extend(extra);
        chosen.sort_by_key(bounds);
        return chosen;
    }
    // (`chosen` is in order, and `extra` short: one merge, in place from
    // the back, which moves only the spans after the first extra one.)
    extra.sort_by_key(bounds);
    let n = chosen.len();
    chosen.resize_with(n + extra.len(), || Span::from_rule(0, 0, None, ""));
    // (`chosen[..i]` is still to merge; `chosen[i..w]` is free room.)
    let (mut i, mut w) = (n, chosen.len());
    while let Some(x) = extra.pop() {
        // (A chosen span of the same bounds stays before the extra one.)
        while i > 0 && bounds(&chosen[i - 1]) > bounds(&x) {
            chosen.swap(i - 1, w - 1);
            (i, w) = (i - 1, w - 1);
        }
        chosen[w - 1] = x;
        w -= 1;
    }
    chosen
}

/// The spans' starts and ends are each in order.
fn in_order(spans: &[Span]) -> bool {
    spans
        .windows(2)
        .all(|w| w[0].start <= w[1].start && w[0].end <= w[1].end)
}

/// Whether chosen spans (starts and ends in order) overlap tokens asked in
/// order: a cursor over the spans, the furthest end of those started
/// before the token's end kept ([`Chosen::at`] of each token, without its
/// per-token lists).
struct Cursor<'w, 's> {
    toks: &'w [super::tokens::Token],
    spans: &'s [Span],
    /// The spans before it start before the last token asked ends.
    next: usize,
    /// The furthest end of those spans.
    reach: usize,
}

impl<'w, 's> Cursor<'w, 's> {
    fn new(words: &'w Words<'_, '_>, spans: &'s [Span]) -> Cursor<'w, 's> {
        Cursor {
            toks: &words.toks,
            spans,
            next: 0,
            reach: 0,
        }
    }

    /// Some span overlaps token `k` (asked in order: never below the last
    /// token asked).
    fn covered(&mut self, k: usize) -> bool {
        let t = &self.toks[k];
        while let Some(s) = self.spans.get(self.next).filter(|s| s.start < t.end) {
            self.reach = self.reach.max(s.end);
            self.next += 1;
        }
        self.reach > t.start
    }
}

/// The names and name parts the chosen spans establish.
#[inline(never)]
fn establish<'a>(words: &Words<'_, 'a>, chosen: &[Span]) -> Established<'a> {
    let text = words.doc.text;
    let mut names = Vec::with_capacity(chosen.len());
    // (Room for the words of a dozen people's names at once: the list
    // grows step by step otherwise.)
    let mut parts = Vec::with_capacity(24);
    for s in chosen {
        let Some(kind) = s.kind else { continue };
        let t = &text[s.start..s.end];
        if s.entry.map_or(true, |e| recurs(words, e)) {
            names.push((
                t,
                KnownName {
                    kind,
                    canonical: s.canonical.clone(),
                    entry: s.entry,
                },
            ));
        }
        if kind == EntityType::Organization {
            let stem = short_form(words, t).or_else(|| headed_short_form(words, s));
            if let Some(stem) = stem {
                names.push((
                    stem,
                    KnownName {
                        kind,
                        canonical: Some(s.canonical.clone().unwrap_or_else(|| t.to_owned())),
                        entry: s.entry,
                    },
                ));
            }
        }
        if kind == EntityType::Person && t.as_bytes().contains(&b' ') {
            for (k, p) in space_separated(t).enumerate() {
                let mut flags = 0;
                if k > 0 {
                    flags |= NameParts::LATER;
                }
                if p.chars().nth(1).is_some()
                    && p.chars().next().is_some_and(char::is_uppercase)
                    && !words.lex.stop.contains_key(p)
                {
                    flags |= NameParts::PART;
                }
                if flags != 0 {
                    parts.push(NameParts::entry(p, flags));
                }
            }
        }
    }
    // Longest names first, so "Harbour Pilots Association" is placed
    // before a shorter name inside it; then by text, for a deterministic
    // result. (A stable sort: a name's first proposal stands.)
    names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
    names.dedup_by(|later, first| later.0 == first.0);
    Established {
        names,
        parts: NameParts::new(parts),
    }
}

/// The parts of `t` between spaces (`t.split(' ')`, by a byte search).
fn space_separated(t: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(t);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == b' ') {
            Some(k) => {
                rest = Some(&r[k + 1..]);
                Some(&r[..k])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// The short form of a company name that ends in a legal suffix (the
/// lexicon's `legal_suffixes`): the words before it, without a trailing
/// "and", "&" or comma ("Stotler and Co" → "Stotler").
fn short_form<'t>(words: &Words<'_, '_>, name: &'t str) -> Option<&'t str> {
    // (A byte search: asked of every organization's name.)
    let space = name.bytes().rposition(|b| b == b' ')?;
    let (stem, last) = (&name[..space], &name[space + 1..]);
    if !words.lex.cues.legal_suffixes.contains(last) {
        return None;
    }
    let stem = stem.trim_end_matches(',').trim_end();
    let stem = stem
        .strip_suffix(" and")
        .or_else(|| stem.strip_suffix(" &"))
        .unwrap_or(stem)
        .trim_end_matches(',');
    (stem.chars().count() >= 3 && stem.starts_with(char::is_uppercase)).then_some(stem)
}

/// The short form of a two-word name closed by a head word ("Tate
/// Gallery" … "the Tate"): the first word, when it is no ordinary word of
/// the text, no listed name and no given name.
fn headed_short_form<'a>(words: &Words<'_, 'a>, s: &Span) -> Option<&'a str> {
    if s.rule != "rule:org-head" {
        return None;
    }
    let a = words.toks.partition_point(|t| t.start < s.start);
    let b = words.toks.partition_point(|t| t.start < s.end);
    if b != a + 2 || words.toks[a].possessive {
        return None;
    }
    let stem = words.word(a);
    if !words.lex.cues.shortened_heads.contains(words.word(a + 1)) {
        return None;
    }
    let plain = words.is_name_word(a)
        && stem.chars().count() >= 3
        && !words.is_stop(a)
        && !words.is_common_word(a)
        && words.gaz_kind(a).is_none()
        && !words.lex.first_names.contains(stem);
    plain.then_some(stem)
}

/// One-word gazetteer non-person matches equal to a name part: the person.
#[inline(never)]
fn convert_name_parts(text: &str, established: &Established<'_>, chosen: &mut [Span]) {
    let parts = &established.parts;
    if !parts.any(NameParts::LATER) {
        return;
    }
    // (The parts' lengths and first and last bytes turn most spans away
    // before any hashing.)
    let filter = WordFilter::new(parts.with(NameParts::LATER));
    for s in chosen.iter_mut() {
        if matches!(s.kind, Some(EntityType::Person | EntityType::Nationality)) {
            continue;
        }
        let t = &text[s.start..s.end];
        if filter.may_hold(t)
            && !t.contains(' ')
            && parts.flags(t) == NameParts::PART | NameParts::LATER
        {
            s.kind = Some(EntityType::Person);
            s.entry = None;
            s.canonical = None;
            s.rule = "coref:name-part".into();
        }
    }
}

/// A name part alone, outside every chosen span (`covered` answers for a
/// token, asked in order), is the person.
#[inline(never)]
fn name_part_mentions(
    words: &Words<'_, '_>,
    at: &Candidates,
    mut covered: impl FnMut(usize) -> bool,
    parts: &NameParts<'_>,
    taken: &mut BTreeMap<usize, usize>,
    extra: &mut Vec<Span>,
) {
    let n = words.toks.len();
    let bytes = words.doc.text.as_bytes();
    // The parts' lengths and last bytes by their first byte (low six bits
    // each: small tables) turn most words away before any search (a part
    // written in capitals has the same length and first byte).
    let mut lengths = [0u64; 64];
    let mut last_bytes = [0u64; 64];
    for p in parts.with(NameParts::PART) {
        let (first, last) = (p.as_bytes()[0] & 63, p.as_bytes()[p.len() - 1] & 63);
        lengths[usize::from(first)] |= 1 << p.len().min(63);
        last_bytes[usize::from(first)] |= 1 << last;
    }
    let may_be_part = |k: usize| {
        let t = &words.toks[k];
        lengths[usize::from(bytes[t.start] & 63)] & (1 << (t.end - t.start).min(63)) != 0
    };
    // (In capitals, the last byte is not the part's.)
    let may_be_part_key = |key: CapKey| {
        let first = key.first_byte_low();
        lengths[first] & (1 << key.len()) != 0
            && (key.all_caps() || last_bytes[first] & (1 << key.last_byte_low()) != 0)
    };
    // A part, also written in capitals ("REAGAN" in a wire headline).
    let is_part = |k: usize| {
        if !may_be_part(k) {
            return false;
        }
        let w = words.word(k);
        let is = |w: &str| parts.flags(w) & NameParts::PART != 0;
        is(w)
            || (words.is_all_caps(k) && w.is_ascii() && {
                let mut title = w.to_ascii_lowercase();
                title[..1].make_ascii_uppercase();
                is(title.as_str())
            })
    };
    // (A part is capitalised: elsewhere the walk moves on by one.)
    let mut next = 0;
    for (k, key) in at.caps_with_keys() {
        // (The cheap tests first: the part test searches for the word.)
        if k < next || !may_be_part_key(key) {
            continue;
        }
        count_steps(1);
        let t = words.toks[k];
        if covered(k) || !is_part(k) || overlaps_map(taken, t.start, t.end) {
            continue;
        }
        // Several parts in a row are one mention ("Suu Kyi" after "Aung San
        // Suu Kyi").
        let mut e = k + 1;
        while e < n && words.joined(e) && !words.toks[e - 1].possessive && is_part(e) && !covered(e)
        {
            e += 1;
        }
        // Not a name part when the word runs on into a longer capitalised
        // name we did not recognise ("Chen Quanguo" vs "Chen Wenqing").
        // (On an ALL-CAPS or headline-case line every word is capitalised.)
        let runs_on = !words.capitals_mute(k)
            && ((e < n
                && words.joined(e)
                && words.is_name_word(e)
                && !words.is_stop(e)
                && !words.toks[e - 1].possessive)
                || (k > 0
                    && words.joined(k)
                    && words.is_name_word(k - 1)
                    && !words.is_stop(k - 1)
                    && words.title_at(k - 1).is_none()));
        if !runs_on {
            let (start, end) = (t.start, words.toks[e - 1].end);
            taken.insert(start, end);
            extra.push(Span::from_rule(
                start,
                end,
                Some(EntityType::Person),
                "coref:name-part",
            ));
        }
        next = e;
    }
}

/// Every later occurrence of an established name (`names`: distinct,
/// longest first), longest names first; the
/// chosen spans it swallows are returned (a flag for each) to be dropped.
/// (Spans with the same bounds as a swallowed one are swallowed too: they
/// overlap the same names.)
#[inline(never)]
fn recurrences(
    words: &Words<'_, '_>,
    at: &Candidates,
    chosen: &[Span],
    names: &[(&str, KnownName)],
    taken: &mut BTreeMap<usize, usize>,
    extra: &mut Vec<Span>,
) -> Vec<bool> {
    let text = words.doc.text;
    let mut replaced = vec![false; chosen.len()];
    // Longest names first (the order of `names`).
    let mut occurrences = occurrences(words, at, names);
    occurrences.sort_unstable();
    // One name's occurrences come in text order: search the chosen spans
    // from where its last occurrence was found.
    let (mut hint_name, mut hint) = (usize::MAX, 0);
    for &(n, pos) in &occurrences {
        let (name, known) = &names[n];
        if n != hint_name {
            (hint_name, hint) = (n, 0);
        }
        let end = pos + name.len();
        if !crate::text::on_word_boundaries(text, pos, end) || overlaps_map(taken, pos, end) {
            continue;
        }
        // A ticker code in angle brackets ("<AMR>") is no name.
        if text[..pos].ends_with('<') && text[end..].starts_with(['>', '.']) {
            continue;
        }
        // A longer established name wins over shorter matches inside
        // it ("Winston Churchill" over the town "Winston").
        let from = partition_point_from(chosen, hint, |c| c.end <= pos);
        hint = from;
        let range = from..from + partition_point_from(&chosen[from..], 0, |c| c.start < end);
        let inside = &chosen[range.clone()];
        if inside
            .iter()
            .any(|c| c.start < pos || c.end > end || (c.start == pos && c.end == end))
        {
            continue;
        }
        replaced[range].fill(true);
        taken.insert(pos, end);
        extra.push(Span {
            start: pos,
            end,
            kind: Some(known.kind),
            entry: known.entry,
            canonical: known.canonical.clone(),
            rule: "coref:known-name".into(),
            priority: Priority::Rule,
        });
    }
    replaced
}

#[cfg(test)]
mod tests {
    /// A thousand established names that share their first word ("Institute
    /// of …"): each token start is looked up once per name length, not
    /// compared with every name of that first word.
    #[test]
    fn names_sharing_a_first_word_cost_linear_work() {
        let name = |k: usize| {
            let letter = |d: usize| char::from(b'a' + (k / d % 26) as u8);
            format!(
                "Institute of Zorbla{}{}{} Studies",
                letter(676),
                letter(26),
                letter(1)
            )
        };
        let per_unit = super::super::spans::tests::steps_per_unit(
            |units| {
                (0..units)
                    .map(|k| {
                        format!(
                            "Officials at the {} said on Monday it would work. ",
                            name(k)
                        )
                    })
                    .collect()
            },
            |record| {
                assert!(record
                    .entities
                    .iter()
                    .any(|e| e.name == "Institute of Zorblaaab Studies"));
            },
        );
        assert!(
            per_unit[1] <= 2.0 * per_unit[0],
            "steps per name: {per_unit:?}"
        );
    }
}

#[cfg(test)]
mod establish_tests;

#[cfg(test)]
mod cursor_tests;
