//! Athletes and teams in sports results, by the layout of wire results
//! (ANNOTATION.md, Sport): ranked lines ("3. Jane Doe (Kenya) 2:10.34",
//! "1. John Smith 510,258"), a name before a country in brackets, cricket
//! scorecards ("J. Doe c Smith b Brown 45", "Bowling: Brown 10-0-41-2"),
//! scorers and substitutes with their minute ("(Doe 68th)"), and the team
//! named after an athlete in a ranked line ("(Kenya) Team Alpha 1:34").
//!
//! These spans are proposed before the selection: a name of two words wins
//! over a town inside it ("Carla Sacramento (Portugal)"), and a cricket or
//! minute cue wins over a one-word town of the same length.

use super::candidates::{each, Candidates};
use super::spans::{Priority, Span};
use super::tokens::Words;
use crate::record::EntityType;

/// The athletes and teams of the results lines of a sports report.
#[inline(never)]
pub(super) fn athletes(words: &Words<'_, '_>, at: &Candidates, spans: &mut Vec<Span>) {
    // (A run starts at a name word: elsewhere the walk moves on by one.)
    let mut next = 0;
    // (Whether the text has a scorecard's "Did not bat:" line at all, read
    // once: each run's line is looked up only then.)
    let text = words.doc.text;
    let did_not_bat = text.contains("Did not bat:") || text.contains("Did Not Bat:");
    for i in each(&at.name_words) {
        // A run starts where the previous word does not continue it.
        if i < next || (i > 0 && words.joined_or_dot(i) && words.is_name_word(i - 1)) {
            continue;
        }
        let Some(j) = name_run(words, i) else {
            continue;
        };
        if let Some(span) = athlete(words, i, j, did_not_bat) {
            spans.push(span);
            if let Some(team) = team_after(words, i, j) {
                spans.push(team);
            }
        }
        next = j;
    }
}

/// The person span of the run `i..j` when the results layout says it is an
/// athlete.
fn athlete(words: &Words<'_, '_>, i: usize, j: usize, did_not_bat: bool) -> Option<Span> {
    // A nationality may open a name ("Christian", "German") but not close it.
    if words.gaz_kind(j - 1) == Some(EntityType::Nationality) {
        return None;
    }
    // A scorecard's or a minute's cue outweighs a listed company of the
    // same spelling; the looser layouts do not.
    let listed_org = (i..j).all(|k| words.gaz_kind(k) == Some(EntityType::Organization));
    // (The layouts' tests are pure: the cheaper and rarer ones first.)
    let ranked = || results_line(words, i);
    let rule = if scorecard_cue(words, i, j, did_not_bat)
        || minute_after(words, i, j)
        || figures_after(words, j)
    {
        "rule:scorecard"
    } else if listed_org {
        return None;
    } else if person_like(words, i, j) && ranked() && ends_entry(words, j) {
        "rule:results-line"
    } else if j - i >= 2
        && bracket_country(words, j).is_some()
        && (person_like(words, i, j) || ranked())
    {
        "rule:athlete"
    } else {
        return None;
    };
    let (s, e) = words.span(i, j);
    let mut span = Span::from_rule(s, e, Some(EntityType::Person), rule);
    // The layout says what the name is, even where a town has its spelling.
    span.priority = Priority::Defined;
    Some(span)
}

/// A run of name words from token `i`: capitalised words joined by spaces
/// (an initial's dot too), lower-case particles inside ("Maarten den
/// Bakker"), at most five words, no stop or title word.
fn name_run(words: &Words<'_, '_>, i: usize) -> Option<usize> {
    // A given name that is also a stop word ("Jan", "May") may open a run.
    let ok = |k: usize| {
        words.is_name_word(k)
            && (!words.is_stop(k) || (k == i && words.is_first_name(k)))
            && !words.is_all_caps(k)
            && words.title_at(k).is_none()
    };
    if !ok(i) {
        return None;
    }
    let n = words.toks.len();
    let mut end = i + 1;
    let mut j = i + 1;
    while j < n && j - i < 5 && !words.toks[j - 1].possessive {
        // (Asked only where spaces alone do not join the words.)
        let initial_dot = || words.sep(j) == ". " && words.word(j - 1).chars().count() == 1;
        if !(words.joined(j) || initial_dot()) {
            break;
        }
        if ok(j) {
            j += 1;
            end = j;
        } else if words.is_particle(j) && j + 1 < n && words.joined(j + 1) && ok(j + 1) {
            j += 1;
        } else {
            break;
        }
    }
    Some(end)
}

/// A name is person-like: it opens with an initial or a listed given name,
/// or closes with a listed surname.
fn person_like(words: &Words<'_, '_>, i: usize, j: usize) -> bool {
    let first = words.word(i);
    j - i >= 2
        && (first.chars().count() == 1
            || words.lex.first_names.contains(first)
            || words.is_surname(j - 1))
}

/// Token `i` opens an entry of a results list: it follows a rank ("3.
/// Jane Doe"), a shirt number ("15 - Jane Doe") or a line break. A plain-text
/// reader may join a table's lines into one, so a rank after the previous
/// entry's number counts as a line's start ("… 442,201 3. Jane Doe").
fn results_line(words: &Words<'_, '_>, i: usize) -> bool {
    if i == 0 || words.sep(i).contains('\n') {
        return true;
    }
    let rank = words.word(i - 1);
    let numbered = rank.len() <= 3 && rank.chars().all(|c| c.is_ascii_digit());
    if !numbered || !matches!(words.sep(i), ". " | " - ") {
        return false;
    }
    // The rank itself opens the text or a line, or follows an entry's end:
    // a number, a bracket, a comma or semicolon.
    let before = words.sep(i - 1);
    i == 1
        || before.contains('\n')
        || before.trim_end().ends_with([')', ',', ';'])
        || words.word(i - 2).starts_with(|c: char| c.is_ascii_digit())
}

/// The run ends an entry of a results line: a number, a country in
/// brackets, a comma or the line's end follows.
fn ends_entry(words: &Words<'_, '_>, j: usize) -> bool {
    let end = words.toks[j - 1].end;
    let rest = &words.doc.text[end..];
    // The first character after the white space that follows, on the same
    // line: read no further (reading to the line's end was entries × line
    // length in a long paragraph).
    match rest.chars().find(|&c| c == '\n' || !c.is_whitespace()) {
        None | Some('\n') => true,
        Some(c) => {
            matches!(c, ',' | '(' | ')' | ';' | '.')
                || (rest.starts_with(' ') && c.is_ascii_digit())
        }
    }
}

/// The token after a country in brackets right after the run ending at
/// `j` ("Jane Doe (Kenya)", "(U.S.)"), or None.
fn bracket_country(words: &Words<'_, '_>, j: usize) -> Option<usize> {
    let n = words.toks.len();
    let text = words.doc.text;
    // (Joined words have only spaces between them: no bracket.)
    if j >= n || words.joined(j) || text[words.toks[j - 1].end..words.toks[j].start].trim() != "(" {
        return None;
    }
    let mut k = j;
    while k < n && k - j < 3 {
        let country = matches!(
            words.gaz_kind(k),
            Some(EntityType::Place | EntityType::Nationality)
        ) || words.is_all_caps(k);
        if !country {
            return None;
        }
        let after = &text[words.toks[k].end..];
        if after.starts_with(')') || after.starts_with(".)") {
            return Some(k + 1);
        }
        k += 1;
    }
    None
}

/// A cricket scorecard's cue: the run follows "c", "b" or "st" ("c Smith b
/// Brown"), or opens its line before one of them or "lbw", "run out", "not
/// out" ("J. Doe lbw b Brown 4"), or is listed after "Did not bat:".
fn scorecard_cue(words: &Words<'_, '_>, i: usize, j: usize, did_not_bat: bool) -> bool {
    let n = words.toks.len();
    let before =
        |k: usize| k >= 1 && words.joined(k) && matches!(words.word(k - 1), "c" | "b" | "st");
    if before(i) && i >= 2 && !words.sep(i - 1).contains('\n') {
        return true;
    }
    // The batsman opens the entry: a line, or after the last one's runs.
    let opens_line = i == 0
        || words.sep(i).contains('\n')
        || (matches!(words.sep(i), " " | ". ")
            && words.word(i - 1).chars().all(|c| c.is_ascii_digit()))
        || words.sep(i).trim_end().ends_with(':');
    if opens_line && j < n && words.joined(j) {
        let next = words.word(j);
        let after = words.word_lower((j + 1).min(n - 1));
        if matches!(next, "c" | "b" | "st" | "lbw")
            || (matches!(next, "run" | "not") && after == "out")
        {
            return true;
        }
    }
    // (`did_not_bat`: the text holds such a line somewhere.)
    if !did_not_bat {
        return false;
    }
    let line = words.doc.line_span(words.toks[i].start);
    let head = &words.doc.text[line.start..words.toks[i].start];
    head.starts_with("Did not bat:") || head.starts_with("Did Not Bat:")
}

/// A bowler's figures follow ("Brown 10-0-41-2").
fn figures_after(words: &Words<'_, '_>, j: usize) -> bool {
    j < words.toks.len() && words.joined(j) && {
        let w = words.word(j);
        // (Figures open with a digit: most words are turned away unsplit.)
        w.as_bytes().first().is_some_and(u8::is_ascii_digit)
            && w.split('-').count() == 4
            && w.split('-')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    }
}

/// A minute follows the run `i..j`: "Doe 68th)", "Doe (47th)", "Doe 12th
/// min", "(Jane Doe, 66)".
fn minute_after(words: &Words<'_, '_>, i: usize, j: usize) -> bool {
    let n = words.toks.len();
    if j >= n {
        return false;
    }
    let sep = words.sep(j);
    if sep == ", " && words.sep(i).ends_with('(') {
        // A substitute and the minute: "(Jane Doe, 66)", "(Doe, 48 mins)".
        let w = words.word(j);
        let after = words.doc.text[words.toks[j].end..].trim_start();
        return w.len() <= 3
            && w.chars().all(|c| c.is_ascii_digit())
            && (after.starts_with(')') || after.starts_with("min"));
    }
    if !(sep == " " || sep == " (") {
        return false;
    }
    let w = words.word(j);
    // (An ordinal opens with a digit: other words are turned away before
    // their digits are collected.)
    if !w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &w[digits.len()..];
    let ordinal =
        !digits.is_empty() && digits.len() <= 3 && matches!(suffix, "st" | "nd" | "rd" | "th");
    if !ordinal {
        return false;
    }
    let after = words.doc.text[words.toks[j].end..].trim_start();
    after.starts_with([')', ',', ';']) || after.starts_with("min")
}

/// In a ranked line, the team named after an athlete and the country
/// ("(Netherlands) Team Alpha same time", "(U.S.), Lola Ford, 54.483").
fn team_after(words: &Words<'_, '_>, i: usize, j: usize) -> Option<Span> {
    let k = bracket_country(words, j)?;
    if !results_line(words, i) || k >= words.toks.len() {
        return None;
    }
    let text = words.doc.text;
    let between = text[words.toks[k - 1].end..words.toks[k].start].trim_start_matches(['.', ')']);
    if !matches!(between, " " | ", ") {
        return None;
    }
    let team_word = |m: usize| {
        words.is_cap(m)
            && !words.is_stop(m)
            && words.gaz_kind(m) != Some(EntityType::Place)
            && words.word(m).chars().any(char::is_alphabetic)
    };
    let mut m = k;
    while m < words.toks.len() && m - k < 3 && (m == k || words.joined(m)) && team_word(m) {
        m += 1;
    }
    let same_time =
        m < words.toks.len() && words.joined(m) && matches!(words.word(m), "same" | "all");
    if m == k || !(ends_entry(words, m) || same_time) {
        return None;
    }
    let (s, e) = words.span(k, m);
    Some(Span::from_rule(
        s,
        e,
        Some(EntityType::Organization),
        "rule:results-team",
    ))
}

#[cfg(test)]
mod tests {
    /// The first-byte tests turn away no word the full tests would take:
    /// every word of the fixture and development texts (and a few crafted
    /// ones) that reads as a bowler's figures or an ordinal opens with a
    /// digit.
    #[test]
    fn digit_first_tests_turn_away_no_figures_or_ordinal() {
        let figures = |w: &str| {
            w.split('-').count() == 4
                && w.split('-')
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        };
        let ordinal = |w: &str| {
            let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
            let suffix = &w[digits.len()..];
            !digits.is_empty() && digits.len() <= 3 && matches!(suffix, "st" | "nd" | "rd" | "th")
        };
        let texts = crate::text::test_corpus::texts();
        let crafted = [
            "10-0-41-2",
            "68th",
            "1st",
            "-1-2-3",
            "a1-2-3-4",
            "th",
            "٣rd",
        ];
        let words = texts
            .iter()
            .flat_map(|t| t.split_whitespace())
            .chain(crafted);
        for w in words {
            let digit_first = w.as_bytes().first().is_some_and(u8::is_ascii_digit);
            assert!(digit_first || !figures(w), "{w}");
            assert!(digit_first || !ordinal(w), "{w}");
        }
    }
}
