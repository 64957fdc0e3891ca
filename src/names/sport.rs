//! Sport, by the Sport ruling of ANNOTATION.md: a club or team named by its
//! place is an organization ("Leeds beat Hull 2-1"), a national team named
//! by its country stays a place ("Wales beat Italy"), leagues, cups and
//! tournaments are events and no entities ("Premier League", "U.S. Open"),
//! and athletes are people in reports and in results lines
//! ("Jane Doe (Kenya) 2:10.05").

use std::borrow::Cow;
use std::collections::HashSet;

use super::candidates::{each, Candidates, Marked};
use super::spans::Span;
use super::teams::club_form;
use super::tokens::Words;
use crate::hash::PolyBuild;
use crate::lexicon::{mark, WordList};
use crate::record::EntityType;
use crate::sorted::partition_point_from;

/// Whether the article is a sports report: a wire headline "SOCCER - …" or
/// three or more distinct sports words.
#[inline(never)]
pub(super) fn is_sport(words: &Words<'_, '_>, at: &Candidates) -> bool {
    let first_line = words.doc.text.lines().next().unwrap_or("");
    if let Some(label) = before_dash(first_line) {
        let label = label.trim().to_lowercase();
        if words
            .lex
            .cues
            .sport_labels
            .iter()
            .any(|w| label.starts_with(w))
        {
            return true;
        }
    }
    // (Four at most are kept: a list, no copies.)
    let mut seen: Vec<&str> = Vec::with_capacity(4);
    for i in each(at.marked(Marked::SportWords)) {
        let w = words.word_lower(i);
        if !seen.contains(&w) && words.lex.cues.sport_words.contains(w) {
            seen.push(w);
            if seen.len() >= 4 {
                return true;
            }
        }
    }
    false
}

/// The line before its first " - " ("SOCCER - ..."), found from its
/// dashes: a string searcher's setup costs more than reading a headline.
fn before_dash(line: &str) -> Option<&str> {
    let bytes = line.as_bytes();
    let k = line
        .match_indices('-')
        .map(|(k, _)| k)
        .find(|&k| k >= 1 && bytes[k - 1] == b' ' && bytes.get(k + 1) == Some(&b' '))?;
    Some(&line[..k - 1])
}

/// Block the names of competitions: a capitalised run closed by an event
/// head ("Monaco Grand Prix", "U.S. Open"), and in a sports report a
/// league ("Premier League"). A name inside is no mention.
#[inline(never)]
pub(super) fn events(words: &Words<'_, '_>, at: &Candidates, sport: bool, spans: &mut Vec<Span>) {
    let heads = if sport {
        mark::EVENT_HEAD | mark::EVENT_HEAD_CAPS | mark::LEAGUE_HEAD | mark::LEAGUE_HEAD_CAPS
    } else {
        mark::EVENT_HEAD | mark::EVENT_HEAD_CAPS
    };
    for k in each(at.marked(Marked::EventHeads)).filter(|&k| k >= 1) {
        if !words.has(k, heads) {
            continue;
        }
        let w = words.word(k);
        // Asked once per word: the heads are compared in any case only
        // when the word is in capitals ("U.S. OPEN").
        let caps = words.is_all_caps(k);
        let is_head = |heads: &WordList| {
            if caps {
                heads.iter().any(|h| h.eq_ignore_ascii_case(w))
            } else {
                heads.contains(w)
            }
        };
        let cues = &words.lex.cues;
        let event = is_head(&cues.event_heads) || (sport && is_head(&cues.league_heads));
        if !event {
            continue;
        }
        // The name before the head: up to four name words, no stop word.
        let mut i = k;
        while i > 0
            && k - i < 4
            && words.joined_or_dot(i)
            && !words.toks[i - 1].possessive
            && words.is_name_word(i - 1)
            && !words.is_function_stop(i - 1)
        {
            i -= 1;
        }
        if i < k {
            let (s, e) = words.span(i, k + 1);
            spans.push(Span::from_rule(s, e, None, "rule:event"));
        }
    }
}

/// The kind of gazetteer entry a span came from is a country (ISO alpha-2
/// key) or names a continent-sized area: a national team stays a place.
fn is_country(words: &Words<'_, '_>, s: &Span) -> bool {
    s.entry.is_some_and(|e| {
        let key = &words.gaz.entries()[e as usize].key;
        // The home nations field national teams too.
        (key.len() == 2 && key.chars().all(|c| c.is_ascii_uppercase()))
            || matches!(key.as_str(), "GB-ENG" | "GB-SCT" | "GB-WLS" | "GB-NIR")
    })
}

/// Token index range of a span (the oracle of [`token_range_from`]).
#[cfg(test)]
fn token_range(words: &Words<'_, '_>, s: &Span) -> (usize, usize) {
    let a = words.toks.partition_point(|t| t.start < s.start);
    let b = words.toks.partition_point(|t| t.start < s.end);
    (a, b)
}

/// A span's token index range, searched from `hint`, the last answer's end (updated):
/// for spans in text order, whose token searches would each miss the
/// cache over a long article's words.
fn token_range_from(words: &Words<'_, '_>, s: &Span, hint: &mut usize) -> (usize, usize) {
    let a = partition_point_from(&words.toks, *hint, |t| t.start < s.start);
    // (A name is a few tokens long: its end is walked to, not searched.)
    let mut b = a;
    while words.toks.get(b).is_some_and(|t| t.start < s.end) {
        b += 1;
    }
    *hint = b;
    (a, b)
}

/// The lower-cased names of the report's teams (by an article-keyed hash,
/// as the stage's other maps).
type Teams<'d> = HashSet<Cow<'d, str>, PolyBuild>;

/// A span's name in lower case: an ASCII name's is the folded text's (no
/// copy).
fn lower_name<'d>(words: &Words<'d, '_>, s: &Span) -> Cow<'d, str> {
    let name = &words.doc.text[s.start..s.end];
    if name.is_ascii() {
        Cow::Borrowed(&words.doc.folded[s.start..s.end])
    } else {
        Cow::Owned(name.to_lowercase())
    }
}

/// A number that is a score or tally, not a year or date.
pub(super) fn is_score(w: &str) -> bool {
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    !(digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20")))
}

/// A dateline: the name opens its line and a date follows ("LONDON
/// 1996-08-22", "NEW YORK, March 11").
fn is_dateline(words: &Words<'_, '_>, a: usize, b: usize) -> bool {
    let text = words.doc.text;
    let (start, end) = (words.toks[a].start, words.toks[b - 1].end);
    let rest = text[end..].trim_start_matches([',', ' ']);
    // An ISO date says dateline wherever it stands (readers may join the
    // dateline's line to the next).
    if iso_date_opens(rest) {
        return true;
    }
    // The line's start from the line index: searching back for a newline
    // costs the line's length per name, quadratic in a long paragraph.
    let line_start = words.doc.line_span(start).start;
    text[line_start..start].trim().is_empty() && is_month_start(words, rest)
}

/// The digits and hyphens that open `rest` are three parts, of four and
/// two digits first ("1996-08-30"): read in place, no list of parts.
fn iso_date_opens(rest: &str) -> bool {
    let digits = rest
        .find(|c: char| !c.is_ascii_digit() && c != '-')
        .unwrap_or(rest.len());
    let mut parts = rest[..digits].split('-');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(year), Some(month), Some(_), None) => year.len() == 4 && month.len() == 2,
        _ => false,
    }
}

/// Text that starts with a month's name ("March 11").
fn is_month_start(words: &Words<'_, '_>, s: &str) -> bool {
    let w: String = s.chars().take_while(char::is_ascii_alphabetic).collect();
    let w = w.to_lowercase();
    // Full names and the three-letter abbreviations ("Sept" too).
    w.len() >= 3 && words.lex.months.contains(&w)
}

/// The name at `a..b` stands where a team stands: before a score, a result
/// verb or a team role; after a result verb or "against".
fn team_position(words: &Words<'_, '_>, a: usize, b: usize) -> bool {
    let n = words.toks.len();
    let same_line = |k: usize| k < n && !words.sep(k).contains('\n');
    if b < n
        && same_line(b)
        && words.sep_trimmed(b).is_empty()
        && !words.toks[b - 1].possessive
        && is_score(words.word(b))
    {
        return !is_dateline(words, a, b);
    }
    if b < n
        && same_line(b)
        && matches!(words.sep_trimmed(b), "" | "'" | "’" | "’s")
        && words.lex.cues.after_team.contains(words.word_lower(b))
    {
        return true;
    }
    if a >= 1 && same_line(a) && words.sep_trimmed(a).is_empty() {
        let p = words.word_lower(a - 1);
        if words.lex.cues.before_team.contains(p) {
            return true;
        }
        if a >= 2 {
            let pp = words.word_lower(a - 2);
            if words.lex.cues.before_team_pairs.contains_pair(pp, p) {
                return true;
            }
        }
    }
    false
}

/// In a sports report, places that stand where teams stand become
/// organizations (clubs), and so does every other mention of the same name
/// in the article (one sense per article), except datelines and venues
/// ("in Leeds"). Countries stay places: national teams.
#[inline(never)]
pub(super) fn clubs(words: &Words<'_, '_>, sport: Option<&str>, chosen: &mut [Span]) {
    let text = words.doc.text;
    let mut teams: Teams<'_> = HashSet::with_hasher(PolyBuild::new());
    // (The spans come in text order: each token search starts from the
    // last answer.)
    let mut hint = 0;
    for s in chosen.iter() {
        if s.kind != Some(EntityType::Place) || is_country(words, s) {
            continue;
        }
        let (a, b) = token_range_from(words, s, &mut hint);
        // "a move to Goodison Park": a ground, not a team.
        if words.lex.cues.grounds.contains(words.word(b - 1)) {
            continue;
        }
        let labelled_club = sport.is_some() && club_form(words, &text[s.start..s.end], sport);
        if a < b && (labelled_club || team_position(words, a, b) || result_subject(words, a, b)) {
            teams.insert(lower_name(words, s));
        }
    }
    if teams.is_empty() {
        return;
    }
    coordinated_teams(words, chosen, &mut teams);
    // The teams' lengths: an ASCII name of another length is none of them
    // (lower case keeps an ASCII name's length), and is not copied.
    let lengths = teams
        .iter()
        .fold(0u64, |bits, t| bits | 1 << t.len().min(63));
    let mut hint = 0;
    for s in chosen.iter_mut() {
        if s.kind != Some(EntityType::Place) {
            continue;
        }
        let name = &text[s.start..s.end];
        if (name.is_ascii() && lengths & 1 << name.len().min(63) == 0)
            || !teams.contains(&*lower_name(words, s))
        {
            continue;
        }
        let (a, b) = token_range_from(words, s, &mut hint);
        if a >= b {
            continue;
        }
        // "in Leeds" is the town, "signed from Leeds" the club. (Read
        // before the dateline test, which reads the line.)
        if a >= 1 {
            let prev = words.word_lower(a - 1);
            if matches!(prev, "in" | "at" | "near")
                || (prev == "from" && !team_position(words, a, b))
            {
                continue;
            }
        }
        if is_dateline(words, a, b) {
            continue;
        }
        s.kind = Some(EntityType::Organization);
        s.entry = None;
        s.rule = "rule:club".into();
    }
}

/// A place as the subject of a past-tense verb in a sports report ("Surrey
/// closed on 429", "Essex declared"): a team, unless it is where something
/// happens ("in Leeds").
fn result_subject(words: &Words<'_, '_>, a: usize, b: usize) -> bool {
    let n = words.toks.len();
    if b >= n || !words.joined(b) || words.toks[b - 1].possessive {
        return false;
    }
    if a >= 1
        && matches!(
            words.word_lower(a - 1),
            "in" | "at" | "near" | "from" | "to"
        )
    {
        return false;
    }
    let w = words.word(b);
    let past = w.len() > 4
        && w.ends_with("ed")
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !words.lex.cues.place_participles.contains(w);
    past || words.lex.cues.team_verbs.contains(w)
}

/// Places listed with a team ("Essex, Derbyshire and Surrey" after "Surrey"
/// is a team) are teams too.
fn coordinated_teams<'d>(words: &Words<'d, '_>, chosen: &[Span], teams: &mut Teams<'d>) {
    let text = words.doc.text;
    let place = |s: &Span| s.kind == Some(EntityType::Place) && !is_country(words, s);
    for _ in 0..2 {
        for pair in chosen.windows(2) {
            let (x, y) = (&pair[0], &pair[1]);
            if !place(x) || !place(y) {
                continue;
            }
            let between = text[x.end..y.start].trim();
            if !matches!(between, "," | "and" | ", and" | "or") {
                continue;
            }
            let (tx, ty) = (lower_name(words, x), lower_name(words, y));
            if teams.contains(&tx) || teams.contains(&ty) {
                teams.insert(tx);
                teams.insert(ty);
            }
        }
    }
}

/// In a sports report, a capitalised name no list or rule knows that stands
/// where a team stands ("Petofi 2 Dinamo 1") is a club; one followed by a
/// country in brackets ("Jane Doe (Kenya)") is an athlete.
#[inline(never)]
pub(super) fn unknown_sides(
    words: &Words<'_, '_>,
    at: &Candidates,
    chosen: &[Span],
    spans: &mut Vec<Span>,
) {
    let n = words.toks.len();
    let mut taken = Taken::new(words, chosen);
    let mut taken = |i: usize| taken.at(words, i);
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

/// Whether tokens are under a chosen span, asked in text order: one walk
/// over the spans (the furthest end of those starting before the token)
/// rather than a cover of every token. Spans whose ends are out of order
/// (one inside another) are asked of a [`Chosen`](super::spans::Chosen)
/// as before.
enum Taken<'c> {
    Walk {
        spans: &'c [Span],
        /// The first span not yet read, and the furthest end of those read.
        next: usize,
        reach: usize,
        /// The last token asked about (asked in order).
        last: usize,
    },
    Cover(super::spans::Chosen<'c>),
}

impl<'c> Taken<'c> {
    fn new(words: &Words<'_, '_>, spans: &'c [Span]) -> Taken<'c> {
        let ordered = spans
            .windows(2)
            .all(|w| w[0].start <= w[1].start && w[0].end <= w[1].end);
        if !ordered {
            return Taken::Cover(super::spans::Chosen::new(words, spans));
        }
        Taken::Walk {
            spans,
            next: 0,
            reach: 0,
            last: 0,
        }
    }

    /// A chosen span overlaps token `i` (no token before the last asked).
    fn at(&mut self, words: &Words<'_, '_>, i: usize) -> bool {
        match self {
            Taken::Cover(chosen) => !chosen.at(i).is_empty(),
            Taken::Walk {
                spans,
                next,
                reach,
                last,
            } => {
                debug_assert!(i >= *last, "tokens asked out of order");
                *last = i;
                let t = &words.toks[i];
                while let Some(s) = spans.get(*next).filter(|s| s.start < t.end) {
                    *reach = (*reach).max(s.end);
                    *next += 1;
                }
                *reach > t.start
            }
        }
    }
}

/// Token `i` opens its line.
pub(super) fn line_start(words: &Words<'_, '_>, i: usize) -> bool {
    i == 0 || words.sep(i).contains('\n')
}

#[cfg(test)]
mod token_range_tests {
    use super::{lower_name, token_range, token_range_from};
    use crate::gazetteer::Gazetteer;
    use crate::names::spans::{xorshift, Span};
    use crate::names::tokens::Words;
    use crate::text::Doc;

    proptest::proptest! {
        /// The date read in place is the one session 7 split into a list.
        #[test]
        fn iso_dates_as_the_list_read_them(rest in "[0-9-]{0,12}( |x|\n|é)?[0-9a-z -]{0,4}") {
            let iso: Vec<&str> = rest
                .split(|c: char| !c.is_ascii_digit() && c != '-')
                .next()
                .unwrap_or("")
                .split('-')
                .collect();
            let want = iso.len() == 3 && iso[0].len() == 4 && iso[1].len() == 2;
            proptest::prop_assert_eq!(super::iso_date_opens(&rest), want, "{:?}", rest);
        }
    }

    /// The ranges searched from the last answer are the whole-article
    /// search's, for spans in text order and out of it; the lower-case
    /// names are `to_lowercase`'s, ASCII or not.
    #[test]
    fn as_whole_article_search() {
        let text = "Leeds beat İstanbul 2-1. Ab Cd, Ef-gh ÉTÉ ij. KELVIN\u{212A} Kl. ".repeat(20);
        let doc = Doc::new(&text, false);
        let lex = &crate::lexicon::Lexicon::embedded().names;
        let words = Words::new(&doc, Gazetteer::embedded(), lex, &[]);
        let n = words.toks.len();
        let mut next = xorshift(0x1234_5678_9abc_def1_u64);
        for round in 0..300 {
            let mut spans: Vec<Span> = (0..1 + next(40))
                .map(|_| {
                    let a = next(n);
                    let b = (a + next(4)).min(n - 1);
                    let (start, end) = (words.toks[a].start, words.toks[b].end);
                    Span::from_rule(start, end, None, "rule:test")
                })
                .collect();
            if round % 2 == 0 {
                spans.sort_by_key(|s| s.start);
            }
            let mut hint = round % 7;
            for s in &spans {
                assert_eq!(
                    token_range_from(&words, s, &mut hint),
                    token_range(&words, s)
                );
                let name = &text[s.start..s.end];
                assert_eq!(lower_name(&words, s), name.to_lowercase());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The headline's label as the first line's `split_once(" - ")`
        /// finds it.
        #[test]
        fn label_before_the_first_dash(
            text in "[A é\r\n-]{0,300}|[A é-]{100,300}(\r?\n[A -]{0,9})?"
        ) {
            let first_line = text.lines().next().unwrap_or("");
            prop_assert_eq!(
                super::before_dash(first_line),
                first_line.split_once(" - ").map(|(label, _)| label)
            );
        }
    }
}
