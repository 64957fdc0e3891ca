//! Test-only: every list the lexicon's word marks hold, with its bit and
//! the list's own answer, for the differential tests (mark bit == list
//! membership) of the text layer and the stages' views.

use super::mark;
use crate::lexicon::Lexicon;

/// A marked list: its bit, whether it is matched on the word as
/// written (else on the folded word), and the list's own answer.
pub(crate) type Listed = (&'static str, u64, bool, Box<dyn Fn(&str) -> bool>);

/// Every list the lexicon marks, answered by the list itself.
pub(crate) fn marked_lists(lex: &'static Lexicon) -> Vec<Listed> {
    let mut lists = people_and_stop_words(lex);
    lists.extend(head_and_cue_lists(lex));
    lists.extend(figure_lists(lex));
    lists.extend(claim_lists(lex));
    let abbreviations = &lex.sentences.abbreviations;
    lists.push((
        "abbreviations",
        mark::ABBREVIATION,
        false,
        Box::new(|w| abbreviations.contains(w)),
    ));
    lists
}

/// The names lists about people and stop words.
fn people_and_stop_words(lex: &'static Lexicon) -> Vec<Listed> {
    let n = &lex.names;
    let stop_class = move |w: &str, classes: &[&str]| {
        n.stop.get(w).is_some_and(|c| classes.contains(&c.as_str()))
    };
    let east_asian = ["chinese", "korean", "vietnamese", "japanese"];
    let closed = ["function", "pronoun", "weekday", "month"];
    let function = [
        "function",
        "pronoun",
        "discourse",
        "weekday",
        "month",
        "misc",
    ];
    vec![
        (
            "first_names",
            mark::FIRST_NAME,
            true,
            Box::new(|w| n.first_names.contains(w)),
        ),
        (
            "surnames",
            mark::SURNAME,
            true,
            Box::new(|w| n.surnames.contains_key(w)),
        ),
        (
            "east asian surnames",
            mark::EAST_ASIAN_SURNAME,
            true,
            Box::new(move |w| {
                n.surnames
                    .get(w)
                    .is_some_and(|o| east_asian.contains(&o.as_str()))
            }),
        ),
        (
            "stop",
            mark::STOP,
            true,
            Box::new(|w| n.stop.contains_key(w)),
        ),
        (
            "function stop",
            mark::FUNCTION_STOP,
            true,
            Box::new(move |w| stop_class(w, &function)),
        ),
        (
            "function stop (rule)",
            mark::FUNCTION_STOP,
            true,
            Box::new(|w| n.is_function_stop(w)),
        ),
        (
            "closed class",
            mark::CLOSED_CLASS,
            true,
            Box::new(move |w| stop_class(w, &closed)),
        ),
        (
            "speech",
            mark::SPEECH,
            true,
            Box::new(|w| n.speech.contains(w)),
        ),
        (
            "org_descriptors",
            mark::ORG_DESCRIPTOR,
            true,
            Box::new(|w| n.org_descriptors.contains(w)),
        ),
        (
            "particles",
            mark::PARTICLE,
            true,
            Box::new(|w| n.cues.particles.contains(w)),
        ),
    ]
}

/// The names lists of heads and cues.
fn head_and_cue_lists(lex: &'static Lexicon) -> Vec<Listed> {
    let n = &lex.names;
    let caps = |list: &'static crate::lexicon::WordList| {
        move |w: &str| list.iter().any(|h| h.to_ascii_uppercase() == w)
    };
    let lower_place_head = move |w: &str| {
        let heads = &n.cues.lower_place_heads;
        heads.contains(w)
            || heads.iter().any(|h| format!("{h}s") == w)
            || w == "cities" && heads.contains("city")
    };
    vec![
        (
            "org head last",
            mark::ORG_HEAD_LAST,
            true,
            Box::new(|w| n.org_heads_by_last.contains_key(w)),
        ),
        (
            "place head last",
            mark::PLACE_HEAD_LAST,
            true,
            Box::new(|w| n.place_heads_by_last.contains_key(w)),
        ),
        (
            "party first",
            mark::PARTY_FIRST,
            true,
            Box::new(|w| n.party_nouns.iter().any(|p| p.words[0] == w)),
        ),
        (
            "lower place heads",
            mark::LOWER_PLACE_HEAD,
            true,
            Box::new(lower_place_head),
        ),
        (
            "event_heads",
            mark::EVENT_HEAD,
            true,
            Box::new(|w| n.cues.event_heads.contains(w)),
        ),
        (
            "event_heads caps",
            mark::EVENT_HEAD_CAPS,
            true,
            Box::new(caps(&n.cues.event_heads)),
        ),
        (
            "league_heads",
            mark::LEAGUE_HEAD,
            true,
            Box::new(|w| n.cues.league_heads.contains(w)),
        ),
        (
            "league_heads caps",
            mark::LEAGUE_HEAD_CAPS,
            true,
            Box::new(caps(&n.cues.league_heads)),
        ),
        (
            "work_nouns",
            mark::WORK_NOUN,
            true,
            Box::new(|w| n.cues.work_nouns.contains(w)),
        ),
        (
            "work_noun_pairs last",
            mark::WORK_PAIR_LAST,
            true,
            Box::new(|w| {
                n.cues
                    .work_noun_pairs
                    .iter()
                    .any(|p| p.split_once(' ').is_some_and(|(_, last)| last == w))
            }),
        ),
        (
            "work_nouns_after",
            mark::WORK_NOUN_AFTER,
            true,
            Box::new(|w| n.cues.work_nouns_after.contains(w)),
        ),
        (
            "company_suffixes lower",
            mark::COMPANY_SUFFIX,
            false,
            Box::new(|w| {
                n.cues
                    .company_suffixes
                    .iter()
                    .any(|s| s.to_lowercase() == w)
            }),
        ),
        (
            "project_heads lower",
            mark::PROJECT_HEAD,
            false,
            Box::new(|w| n.cues.project_heads.iter().any(|h| h.to_lowercase() == w)),
        ),
        (
            "title first",
            mark::TITLE_FIRST,
            false,
            Box::new(|w| n.titles_by_first.contains_key(w)),
        ),
        (
            "sport_words",
            mark::SPORT_WORD,
            false,
            Box::new(|w| n.cues.sport_words.contains(w)),
        ),
    ]
}

/// The figures lists.
fn figure_lists(lex: &'static Lexicon) -> Vec<Listed> {
    let f = &lex.figures;
    vec![
        (
            "numbers",
            mark::NUMBER_WORD,
            false,
            Box::new(|w| f.numbers.contains_key(w)),
        ),
        (
            "np_stop",
            mark::NP_STOP,
            false,
            Box::new(|w| f.cues.np_stop.contains(w)),
        ),
        (
            "subject_verbs",
            mark::SUBJECT_VERB,
            false,
            Box::new(|w| f.cues.subject_verbs.contains(w)),
        ),
        (
            "participle_adjectives",
            mark::PARTICIPLE_ADJECTIVE,
            false,
            Box::new(|w| f.cues.participle_adjectives.contains(w)),
        ),
        (
            "plural_nouns",
            mark::PLURAL_NOUN,
            false,
            Box::new(|w| f.cues.plural_nouns.contains(w)),
        ),
        (
            "not_plural",
            mark::NOT_PLURAL,
            false,
            Box::new(|w| f.cues.not_plural.contains(w)),
        ),
        (
            "of_determiners",
            mark::OF_DETERMINER,
            false,
            Box::new(|w| f.cues.of_determiners.contains(w)),
        ),
        (
            "comparison_links",
            mark::COMPARISON_LINK,
            false,
            Box::new(|w| f.cues.comparison_links.contains(w)),
        ),
        (
            "aggregate_nouns",
            mark::AGGREGATE_NOUN,
            false,
            Box::new(|w| f.cues.aggregate_nouns.contains(w)),
        ),
        (
            "change_verbs",
            mark::CHANGE_VERB,
            false,
            Box::new(|w| f.cues.change_verbs.contains(w)),
        ),
        (
            "months",
            mark::MONTH,
            false,
            Box::new(|w| f.months.contains(w)),
        ),
        (
            "unit first words",
            mark::UNIT_FIRST,
            false,
            Box::new(|w| f.units.iter().any(|(u, _)| u[0] == w)),
        ),
        (
            "currency first words",
            mark::CURRENCY_FIRST,
            false,
            Box::new(|w| f.suffixes.iter().any(|(c, _)| c[0].eq_ignore_ascii_case(w))),
        ),
    ]
}

/// The claims lists.
fn claim_lists(lex: &'static Lexicon) -> Vec<Listed> {
    let c = &lex.claims;
    // What the claims stage calls a word (`claims::words`).
    let claims_word = regex::Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}’'\-]*").unwrap();
    vec![
        (
            "attribution verbs",
            mark::ATTRIBUTION_VERB,
            false,
            Box::new(|w| lex.verbs.lookup(w).is_some()),
        ),
        (
            "clause_openers",
            mark::CLAUSE_OPENER,
            false,
            Box::new(|w| c.clause_openers.contains(w)),
        ),
        (
            "prepositions",
            mark::PREPOSITION,
            false,
            Box::new(|w| c.prepositions.contains(w)),
        ),
        (
            "pronouns",
            mark::PRONOUN,
            false,
            Box::new(|w| c.pronouns.contains(w)),
        ),
        (
            "publish_verbs",
            mark::PUBLISH_VERB,
            false,
            Box::new(|w| c.publish_verbs.contains(w)),
        ),
        (
            "finite_verbs",
            mark::FINITE_VERB,
            false,
            Box::new(|w| c.finite_verbs.contains(w)),
        ),
        (
            "skip_before_verb",
            mark::SKIP_BEFORE_VERB,
            false,
            Box::new(|w| c.skip_before_verb.contains(w)),
        ),
        (
            "document_words",
            mark::DOCUMENT_WORD,
            false,
            Box::new(move |w| {
                c.document_words.iter().any(|d| match d.contains(' ') {
                    true => claims_word
                        .find(d)
                        .is_some_and(|m| m.start() == 0 && m.as_str() == w),
                    false => d == w,
                })
            }),
        ),
    ]
}
