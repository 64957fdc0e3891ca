//! The layouts of agency copy (ANNOTATION.md, Rulings: wire-style
//! abbreviations): dateline places ("LONDON 1996-08-22", "NEW YORK, March
//! 11 -", "IRVINE, Calif."), state abbreviations after a town or a
//! lawmaker's party ("Jacksonville, Fla.", "(D-Pa.)"), company names in
//! angle brackets ("`<Acme Holdings Spa>`", but no ticker code "`<ACM.MI>`"),
//! and an acronym in brackets right after an organization's name even when
//! its letters are not the name's initials ("National Bank of Ruritania
//! (BNR)").
//!
//! - `datelines`: dateline places and the date read after them, and a
//!   dateline town named again in the body.
//! - `headlines`: names in an ALL-CAPS headline that the body establishes.
//! - here: state abbreviations, bracketed company names and acronyms in
//!   brackets after a name.

mod datelines;
mod headlines;

pub(super) use datelines::{dateline_names_again, dateline_runs, datelines};
pub(super) use headlines::headline_names;

use super::candidates::{each, Candidates};
use super::spans::{overlapping, Priority, Span};
use super::tokens::Words;
use crate::record::EntityType;

/// State abbreviations after a town ("Irvine, Calif.") or in a lawmaker's
/// party label ("(D-Pa.)"): places. The final dot is part of the name
/// unless it also ends the sentence.
#[inline(never)]
pub(super) fn state_abbreviations(words: &Words<'_, '_>, at: &Candidates, spans: &mut Vec<Span>) {
    let text = words.doc.text;
    let abbreviations = &words.lex.state_abbreviations;
    // Both layouts need a comma or a bracket before the word: only the
    // words after a gap that is not only spaces are visited.
    for k in each(&at.loose).skip_while(|&k| k == 0) {
        let t = words.toks[k];
        // (A hyphen is in the word exactly when the view marks one: the
        // word's text is read only after the cheap tests.)
        let (start, abbr) = if words.has_hyphen(k) {
            match words.word(k).split_once('-') {
                // "(D-Pa.)": the party's letter, then the state.
                Some((party, state))
                    if matches!(party, "D" | "R" | "I") && words.sep(k).ends_with('(') =>
                {
                    (t.start + party.len() + 1, state)
                }
                _ => continue,
            }
        } else {
            let after_town =
                words.is_name_word(k - 1) && !words.toks[k - 1].possessive && words.sep(k) == ", ";
            if !after_town {
                continue;
            }
            (t.start, words.word(k))
        };
        if !abbreviations.contains(abbr) {
            continue;
        }
        let rest = &text[t.end..];
        // Written as an abbreviation: a dot, or the line or a date follows.
        let next = rest.chars().next();
        let closes = matches!(next, None | Some('.' | ',' | ')' | '\n'))
            || rest
                .trim_start_matches(' ')
                .starts_with(|c: char| c.is_ascii_digit());
        if !closes {
            continue;
        }
        let end = if rest.starts_with('.') && !sentence_ends_at(&rest[1..]) {
            t.end + 1
        } else {
            t.end
        };
        let mut span = Span::from_rule(start, end, Some(EntityType::Place), "rule:state");
        span.priority = Priority::Defined;
        spans.push(span);
    }
}

/// The text after a dot shows the dot ended a sentence: the line ends, or
/// a capitalised word follows.
pub(super) fn sentence_ends_at(after: &str) -> bool {
    let mut cs = after.chars();
    match cs.next() {
        None | Some('\n') => true,
        Some(' ') => cs
            .as_str()
            .trim_start_matches(' ')
            .starts_with(|c: char| c.is_uppercase() || c == '"'),
        _ => false,
    }
}

/// Company names in angle brackets, the wire's mark for a company without a
/// ticker ("`<Acme Holdings Spa>`"): an organization. A ticker code
/// ("`<ACM>`", "`<ACM.MI>`") is one word and no name.
#[inline(never)]
pub(super) fn bracketed_companies(
    words: &Words<'_, '_>,
    brackets: &[usize],
    spans: &mut Vec<Span>,
) {
    let text = words.doc.text;
    for &open in brackets.iter().filter(|&&p| text.as_bytes()[p] == b'<') {
        let inner_start = open + 1;
        let Some(len) = text[inner_start..]
            .char_indices()
            .take(80)
            .find(|&(_, c)| c == '>' || c == '\n' || c == '<')
            .filter(|&(_, c)| c == '>')
            .map(|(k, _)| k)
        else {
            continue;
        };
        let inner = &text[inner_start..inner_start + len];
        let named = inner.contains(' ')
            && inner.starts_with(|c: char| c.is_uppercase())
            && inner.trim() == inner
            && inner
                .chars()
                .all(|c| c.is_alphanumeric() || " .&'-,".contains(c));
        if !named {
            continue;
        }
        let end = inner_start + inner.trim_end_matches(['.', ',']).len();
        let mut span = Span::from_rule(
            inner_start,
            end,
            Some(EntityType::Organization),
            "rule:bracketed-company",
        );
        span.priority = Priority::Defined;
        spans.push(span);
    }
}

/// An acronym in brackets right after an organization's name names it
/// ("Party of Democratic Action (SDA)"), even when its letters follow
/// another language's words.
#[inline(never)]
pub(super) fn acronyms_after_names(words: &Words<'_, '_>, chosen: &[Span], extra: &mut Vec<Span>) {
    let text = words.doc.text;
    for s in chosen {
        if s.kind != Some(EntityType::Organization) {
            continue;
        }
        let Some(inner) = text[s.end..].strip_prefix(" (") else {
            continue;
        };
        let acr_len = inner
            .find(')')
            .filter(|&k| (2..=7).contains(&k))
            .unwrap_or(0);
        let acr = &inner[..acr_len];
        let letters = acr.chars().filter(|c| c.is_ascii_uppercase()).count();
        if acr_len == 0 || letters < 2 || !acr.chars().all(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        // "Member of European Parliament (MEP)": the acronym spells more
        // than the name, a role or a longer name around it.
        let initials: String = text[s.start..s.end]
            .split([' ', '-'])
            .filter_map(|w| w.chars().next().filter(char::is_ascii_uppercase))
            .collect();
        if acr.len() > initials.len() && acr.ends_with(initials.as_str()) {
            continue;
        }
        let start = s.end + 2;
        let end = start + acr_len;
        if !overlapping(chosen, start, end).is_empty() {
            continue;
        }
        let canonical = s
            .canonical
            .clone()
            .unwrap_or_else(|| text[s.start..s.end].to_owned());
        let mut span = Span::from_rule(start, end, Some(EntityType::Organization), "rule:acronym");
        span.canonical = Some(canonical);
        extra.push(span);
    }
}
