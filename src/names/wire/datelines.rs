//! Dateline places near the top of agency copy ("LONDON 1996-08-22",
//! "NEW YORK, March 11 -"), the reading of the date after them, and a
//! dateline town named again in the body.

use super::super::spans::{overlapping, Priority, Proposed, Span};
use super::super::tokens::Words;
use crate::gazetteer::GazMatch;
use crate::lexicon::NameWords;
use crate::record::EntityType;

/// How far into an article a dateline may stand, in words (title, byline,
/// dateline; a plain-text reader may have joined them into one line).
const DATELINE_WORDS: usize = 60;

/// Dateline places: an ALL-CAPS name followed, after an optional region
/// ("NICE, France"), by a date, near the top of the article. A listed place
/// keeps its gazetteer match (and key); the rule adds the others
/// ("MONTE CARLO", an unlisted town) and a listed organization's spelling
/// ("UNITED NATIONS") as the place where the story was filed.
/// (`runs`: the article's [`dateline_runs`].)
#[inline(never)]
pub(in crate::names) fn datelines(
    words: &Words<'_, '_>,
    matches: &[GazMatch],
    runs: &[(usize, usize)],
    spans: &mut Vec<Span>,
) {
    for &(from, to) in runs {
        let (s, e) = words.span(from, to);
        let listed_place = matches.iter().any(|m| {
            m.start == s
                && m.end == e
                && words.gaz.entries()[m.entry as usize].kind == EntityType::Place
        });
        if listed_place {
            continue;
        }
        let mut span = Span::from_rule(s, e, Some(EntityType::Place), "rule:dateline");
        span.priority = Priority::Defined;
        spans.push(span);
    }
}

/// The token ranges of the dateline names: at most four ALL-CAPS words
/// that do not run back into an ALL-CAPS headline. (Found once per
/// article, for [`datelines`] and [`headline_names`].)
#[inline(never)]
pub(in crate::names) fn dateline_runs(words: &Words<'_, '_>) -> Vec<(usize, usize)> {
    let text = words.doc.text;
    let n = words.toks.len().min(DATELINE_WORDS);
    let mut runs = Vec::new();
    for last in 0..n {
        if !words.is_all_caps(last) || !date_follows(words.lex, &text[words.toks[last].end..]) {
            continue;
        }
        let caps_before = |k: usize| k > 0 && words.is_all_caps(k - 1) && caps_joined(words, k);
        let mut from = last;
        while last - from < 3 && caps_before(from) {
            from -= 1;
        }
        // Still ALL-CAPS before: a headline without its full stop; only the
        // last word is sure to be the place.
        if caps_before(from) {
            from = last;
        }
        runs.push((from, last + 1));
    }
    runs
}

/// Tokens `j - 1` and `j` of an ALL-CAPS name: a space between, or the dot
/// of a short abbreviation ("ST. LOUIS"), not a headline's full stop.
fn caps_joined(words: &Words<'_, '_>, j: usize) -> bool {
    match words.sep(j) {
        " " => true,
        ". " => words
            .lex
            .cues
            .caps_abbreviations
            .contains(words.word(j - 1)),
        _ => false,
    }
}

/// A date follows a dateline name: an ISO date or a month and day, after at
/// most a short region ("NICE, France 1996-08-30", "FARMINGTON HILLS,
/// Mich.\n1996-08-30", "NEW YORK, June 1 -").
// Asked at every ALL-CAPS word near the top (a wire headline is all of
// them): no allocation, and a headline word turns it away at once.
fn date_follows(lex: &NameWords, rest: &str) -> bool {
    // Without a comma the date comes next ("LONDON 1996-08-22"); a region
    // needs the comma ("NICE, France 1996-08-30").
    let region_allowed = rest.starts_with(',');
    if !region_allowed && !rest.starts_with(' ') {
        return false;
    }
    if !region_allowed {
        if let Some(answer) = date_next(lex, rest) {
            return answer;
        }
    }
    date_follows_read(lex, rest, region_allowed)
}

/// [`date_follows`] without a region (`rest` starts with a space): the
/// first word is an ISO date, or a month before a day. Read as bytes, two
/// words at most, while they are ASCII (then a byte is a character of the
/// window); None where a byte is not, for [`date_follows_read`].
fn date_next(lex: &NameWords, rest: &str) -> Option<bool> {
    let b = rest.as_bytes();
    // (The window's 48 characters are 48 bytes while all are ASCII.)
    let limit = b.len().min(48);
    // (`char::is_whitespace` on ASCII, and the comma.)
    let gap = |c: u8| matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' | b',');
    let mut k = 0;
    let mut word = || -> Option<Option<&str>> {
        while k < limit && gap(b[k]) {
            // A blank line ends the window.
            if b[k] == b'\n' && k + 1 < limit && b[k + 1] == b'\n' {
                return Some(None);
            }
            k += 1;
        }
        let start = k;
        while k < limit && !gap(b[k]) {
            if !b[k].is_ascii() {
                return None;
            }
            k += 1;
        }
        Some((k > start).then(|| &rest[start..k]))
    };
    let Some(first) = word()? else {
        return Some(false);
    };
    // (A date's year opens with a digit: most words are turned away by it.)
    if first.as_bytes()[0].is_ascii_digit() && is_iso_date(first) {
        return Some(true);
    }
    let day_next = word()?.is_some_and(|d| d.len() <= 2 && d.bytes().all(|c| c.is_ascii_digit()));
    Some(day_next && is_month(lex, first.trim_end_matches('.')))
}

/// [`date_follows`] read as characters: the window of 48 characters up to
/// a blank line, split into words.
fn date_follows_read(lex: &NameWords, rest: &str, region_allowed: bool) -> bool {
    let window = first_chars(rest, 48);
    let window = &window[..blank_line(window).unwrap_or(window.len())];
    // The words of the window, read as far as needed: most ALL-CAPS words
    // asked about are headline words, turned away at the first word after.
    let mut words = window
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take(5)
        .peekable();
    let mut region_len = 0;
    let mut k = 0;
    while let Some(w) = words.next() {
        if k > 2 || (k > 0 && !region_allowed) {
            return false;
        }
        if is_iso_date(w) {
            return true;
        }
        // A month and its day ("June 1"), not a headline's "MAY".
        let day_next = words
            .peek()
            .is_some_and(|d| d.len() <= 2 && d.chars().all(|c| c.is_ascii_digit()));
        if day_next && is_month(lex, w.trim_end_matches('.')) {
            return region_len < 30;
        }
        // A region is written in Title Case or as an abbreviation
        // ("France", "Mich."), not as more headline words.
        let headline_word = w.len() > 2 && !w.contains('.') && !w.chars().any(char::is_lowercase);
        if headline_word || !w.chars().all(|c| c.is_alphabetic() || c == '.') {
            return false;
        }
        region_len += w.len();
        k += 1;
    }
    false
}

/// The offset of the first blank line mark (`\n\n`) in `s`.
fn blank_line(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(n) = bytes[from..].iter().position(|&b| b == b'\n') {
        let at = from + n;
        if bytes.get(at + 1) == Some(&b'\n') {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The first `n` characters of `s` (all of it when shorter).
fn first_chars(s: &str, n: usize) -> &str {
    match s.as_bytes().get(..n) {
        // All ASCII: `n` bytes are `n` characters.
        Some(head) if head.is_ascii() => &s[..n],
        _ => s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i]),
    }
}

/// `w` lower-cased is a month name of three letters or more.
fn is_month(lex: &NameWords, w: &str) -> bool {
    const MAX: usize = 16;
    if w.is_ascii() && w.len() <= MAX {
        let mut lower = [0u8; MAX];
        let lower = &mut lower[..w.len()];
        lower.copy_from_slice(w.as_bytes());
        lower.make_ascii_lowercase();
        // ASCII lower-cased is still ASCII, hence UTF-8.
        let month = std::str::from_utf8(lower).unwrap_or("");
        return month.len() >= 3 && lex.months.contains(month);
    }
    let month = w.to_lowercase();
    month.len() >= 3 && lex.months.contains(&month)
}

fn is_iso_date(w: &str) -> bool {
    let mut parts = w.split('-');
    let (Some(year), Some(month), Some(day), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    year.len() == 4
        && month.len() == 2
        && day.len() >= 2
        && [year, month, day]
            .iter()
            .all(|p| p.chars().take(2).all(|c| c.is_ascii_digit()))
}

/// A dateline town no list holds, named again in the body in Title Case
/// ("TAVILDARA, Tajikistan" … "the town of Tavildara").
#[inline(never)]
pub(in crate::names) fn dateline_names_again(
    words: &Words<'_, '_>,
    chosen: &[Span],
    extra: &mut Vec<Span>,
) {
    let text = words.doc.text;
    let mut proposed = Proposed::new(extra);
    let mut hint = 0;
    for s in chosen.iter().filter(|s| s.rule == "rule:dateline") {
        // Only a town no list holds: a listed one is found anyway, and its
        // name inside an event ("Berlin Grand Prix") is no mention. (The
        // spans come in text order: searched from the last answer.)
        let a = crate::sorted::partition_point_from(&words.toks, hint, |t| t.start < s.start);
        hint = a;
        if a < words.toks.len() && words.gaz_kind(a).is_some() {
            continue;
        }
        let caps = &text[s.start..s.end];
        if !caps.is_ascii() {
            continue;
        }
        let title: String = caps
            .split(' ')
            .map(|w| {
                let lower = w.to_ascii_lowercase();
                let mut cs = lower.chars();
                cs.next()
                    .map(|c| c.to_ascii_uppercase().to_string() + cs.as_str())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ");
        for (pos, _) in text.match_indices(title.as_str()) {
            let end = pos + title.len();
            if !crate::text::on_word_boundaries(text, pos, end)
                || !overlapping(chosen, pos, end).is_empty()
                || proposed.overlaps(pos, end)
            {
                continue;
            }
            proposed.add(pos, end);
            extra.push(Span::from_rule(
                pos,
                end,
                Some(EntityType::Place),
                "rule:dateline",
            ));
        }
    }
    extra.sort_by_key(|s| (s.start, s.end));
}

#[cfg(test)]
mod tests {
    /// The byte reading of a date after a dateline name answers as the
    /// reading by characters, after every word of the fixture and
    /// development texts and after crafted gaps (blank lines, the window's
    /// edge, characters that are not ASCII).
    #[test]
    fn dates_read_as_bytes_as_by_characters() {
        let lex = &crate::lexicon::Lexicon::embedded().names;
        let mut rests: Vec<String> = [
            " 1996-08-22",
            " June 1 -",
            " JUNE 12",
            " MAY 5",
            " May 123",
            " Aug. 3",
            " Sept. 30 -",
            " \n\nJune 1",
            " \nJune\n\n1",
            " \u{0B}June\u{0C}1",
            " June, 1",
            "  ",
            " ",
            " PRANK 2",
            " 1996-08-2",
            " Junе 1",
            " June ١",
            " é 1996-08-22",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        rests.push(format!(" {}June 1", " ".repeat(40)));
        rests.push(format!(" {}June 1", " ".repeat(43)));
        rests.push(format!(" {}1996-08-22", " ".repeat(40)));
        for text in crate::text::test_corpus::texts() {
            let rest = text.char_indices().filter(|&(_, c)| c == ' ');
            rests.extend(rest.map(|(k, _)| text[k..].chars().take(60).collect()));
        }
        for rest in &rests {
            if let Some(answer) = super::date_next(lex, rest) {
                assert_eq!(
                    answer,
                    super::date_follows_read(lex, rest, false),
                    "{rest:?}"
                );
            }
        }
        assert!(super::date_follows(lex, " 1996-08-22"));
        assert!(super::date_follows(lex, " June 1 -"));
    }

    /// A dateline town named again many times in a long article: each
    /// mention is checked against the names proposed before it by a
    /// search, not one by one.
    #[test]
    fn dateline_names_again_cost_linear_work() {
        let per_unit = super::super::super::spans::tests::steps_per_unit(
            |units| {
                let body = "Rain fell on Zorblaxton again. ".repeat(units);
                format!("ZORBLAXTON, Ruritania 1996-08-22\n\n{body}")
            },
            |record| {
                let mentions = record
                    .entities
                    .iter()
                    .filter(|e| e.name.eq_ignore_ascii_case("Zorblaxton"))
                    .map(|e| e.mentions.len())
                    .sum::<usize>();
                assert!(mentions > 40, "mentions: {mentions}");
            },
        );
        assert!(
            per_unit[1] <= 2.0 * per_unit[0],
            "steps per mention: {per_unit:?}"
        );
    }
}
