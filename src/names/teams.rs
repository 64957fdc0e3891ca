//! Teams a sports report names without a gazetteer match (ANNOTATION.md,
//! Sport): a club's short form that `club_places.tsv` lists for the
//! report's sport ("Leicestershire" in a cricket report), and a team's
//! nickname after "the" ("the Tigers"). The wire headline's label says the
//! sport ("CRICKET - …").

use super::candidates::{each, Candidates};
use super::spans::Span;
use super::tokens::Words;
use crate::record::EntityType;

/// The sport a wire headline names ("CRICKET - …", "SOCCER - …"), spelt as
/// the sport column of `club_places.tsv`; None without such a headline.
#[inline(never)]
pub(super) fn sport_label(words: &Words<'_, '_>) -> Option<&'static str> {
    let first_line = words.doc.text.lines().next().unwrap_or("");
    let (label, _) = first_line.split_once(" - ")?;
    let label = label.trim().to_lowercase();
    [
        ("soccer", "football"),
        ("football", "football"),
        ("cricket", "cricket"),
        ("rugby union", "rugby-union"),
        ("rugby league", "rugby-league"),
        ("baseball", "baseball"),
    ]
    .iter()
    .find(|(l, _)| label.starts_with(l))
    .map(|&(_, sport)| sport)
}

/// A club form of `club_places.tsv` for the article's sport (any sport when
/// the headline names none), written as the list writes it or in capitals.
pub(super) fn club_form(words: &Words<'_, '_>, name: &str, sport: Option<&str>) -> bool {
    let sports = words.lex.club_places.get(name).or_else(|| {
        // (Only a name in capitals is looked up again: no copy of others.)
        if !(name.is_ascii() && name.chars().all(|c| !c.is_lowercase())) {
            return None;
        }
        // An ASCII name's title case, written on the stack ("LEEDS" →
        // "Leeds", as below: the first byte of the lower case upper-cased).
        const MAX: usize = 48;
        if name.len() <= MAX {
            let mut title = [0u8; MAX];
            let title = &mut title[..name.len()];
            title.copy_from_slice(name.as_bytes());
            title.make_ascii_lowercase();
            let first = title.first_mut()?;
            *first = first.to_ascii_uppercase();
            // (ASCII stays ASCII, hence UTF-8.)
            return std::str::from_utf8(title)
                .ok()
                .and_then(|t| words.lex.club_places.get(t));
        }
        let mut title = name.to_lowercase();
        let first = title.get(..1)?.to_uppercase();
        title.replace_range(..1, &first);
        (name.is_ascii() && name.chars().all(|c| !c.is_lowercase()))
            .then(|| words.lex.club_places.get(&title))
            .flatten()
    });
    sports.is_some_and(|list| sport.map_or(true, |s| list.iter().any(|x| x == s)))
}

/// In a sports report, a club form no gazetteer reads as a place
/// ("Leicestershire" in a cricket report) is the club.
#[inline(never)]
pub(super) fn club_forms(
    words: &Words<'_, '_>,
    at: &Candidates,
    sport: Option<&str>,
    spans: &mut Vec<Span>,
) {
    for i in each(&at.name_words) {
        if words.gaz_kind(i).is_some() || words.is_stop(i) {
            continue;
        }
        if club_form(words, words.word(i), sport) {
            let t = words.toks[i];
            spans.push(Span::from_rule(
                t.start,
                t.end,
                Some(EntityType::Organization),
                "rule:club",
            ));
        }
    }
}

/// In a sports report, a team named by its nickname after "the": one or
/// two capitalised words ending in a plural ("the Tigers", "the Red Sox",
/// "the All Blacks") that no list reads otherwise and that close no
/// competition ("the Olympics", "the Masters").
#[inline(never)]
pub(super) fn nickname_teams(words: &Words<'_, '_>, at: &Candidates, spans: &mut Vec<Span>) {
    let n = words.toks.len();
    let plural = |k: usize| {
        let w = words.word(k);
        (w.len() >= 4 && w.ends_with('s') && !w.ends_with("ss")) || w == "Sox"
    };
    let free = |k: usize| {
        words.is_name_word(k)
            && !words.is_all_caps(k)
            && !words.is_stop(k)
            && words.gaz_kind(k).is_none()
            && words.title_at(k).is_none()
            && !words.lex.cues.event_heads.contains(words.word(k))
    };
    // (A free word is a name word.)
    for i in each(&at.name_words).filter(|&i| i >= 1) {
        if !words.joined(i) || words.word_lower(i - 1) != "the" || !free(i) {
            continue;
        }
        let mut j = i + 1;
        if j < n && words.joined(j) && !words.toks[i].possessive && free(j) {
            j += 1;
        }
        if !plural(j - 1) || (j < n && words.joined(j) && words.is_name_word(j)) {
            continue;
        }
        let (s, e) = words.span(i, j);
        spans.push(Span::from_rule(
            s,
            e,
            Some(EntityType::Organization),
            "rule:team-nickname",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::club_form;
    use crate::gazetteer::Gazetteer;
    use crate::text::Doc;

    /// Session 7's `club_form` (the title case built in `String`s).
    fn old_club_form(lex: &crate::lexicon::NameWords, name: &str, sport: Option<&str>) -> bool {
        let sports = lex.club_places.get(name).or_else(|| {
            if !(name.is_ascii() && name.chars().all(|c| !c.is_lowercase())) {
                return None;
            }
            let mut title = name.to_lowercase();
            let first = title.get(..1)?.to_uppercase();
            title.replace_range(..1, &first);
            lex.club_places.get(&title)
        });
        sports.is_some_and(|list| sport.map_or(true, |s| list.iter().any(|x| x == s)))
    }

    /// The title case written on the stack finds what the `String`s found:
    /// every club form as listed, in capitals, in lower case, and with a
    /// digit or a long tail, for no sport and for each sport.
    #[test]
    fn club_forms_in_capitals_as_the_oracle_finds() {
        let lex = &crate::lexicon::Lexicon::embedded().names;
        let doc = Doc::new("", false);
        let words = super::Words::new(&doc, Gazetteer::embedded(), lex, &[]);
        let mut names: Vec<String> = vec![String::new(), "X".into(), "É".into(), "ÉCOLE".into()];
        let mut sports: Vec<Option<&str>> = vec![None, Some("no such sport")];
        for (form, list) in &lex.club_places {
            names.push(form.clone());
            names.push(form.to_uppercase());
            names.push(form.to_lowercase());
            names.push(format!("{}1", form.to_uppercase()));
            names.push(format!("{}{}", form.to_uppercase(), "A".repeat(48)));
            sports.extend(list.iter().map(|s| Some(s.as_str())));
        }
        sports.sort();
        sports.dedup();
        assert!(names.len() > 20);
        for name in &names {
            for &sport in &sports {
                assert_eq!(
                    club_form(&words, name, sport),
                    old_club_form(lex, name, sport),
                    "{name:?} {sport:?}"
                );
            }
        }
    }
}
