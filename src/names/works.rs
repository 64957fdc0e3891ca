//! Names of works and of names written with a capitalised "The": a film,
//! an album or a book is no entity, and a person's or place's name inside
//! its title is no mention (Rulings: works). Bands and newspapers keep
//! their "The" ("told The Sun", "The Beatles").
//!
//! Each rule proposes a block (a span with no type) over the title, which
//! swallows the person and place readings inside it, or a longer mention
//! that takes in the "The".

use std::collections::HashMap;

use super::candidates::{each, Candidates, Marked};
use super::spans::{Priority, Span};
use super::tokens::Words;
use crate::lexicon::mark;
use crate::record::EntityType;

/// Blocks over the titles of works and over names opened by a capitalised
/// article mid-sentence ("A Very Long Engagement").
#[inline(never)]
pub(super) fn works(words: &Words<'_, '_>, at: &Candidates, spans: &mut Vec<Span>) {
    after_work_nouns(words, at, spans);
    before_work_nouns(words, at, spans);
    subtitled(words, at, spans);
    capitalised_articles(words, at, spans);
}

/// The capitalised run starting at `i` (up to six words, "of"/"the"/"and"
/// inside when a capitalised word follows): the end token, if any.
fn title_run(words: &Words<'_, '_>, i: usize) -> Option<usize> {
    let n = words.toks.len();
    if i >= n || !words.is_name_word(i) || words.capitals_mute(i) {
        return None;
    }
    let mut end = i + 1;
    let mut j = i + 1;
    while j < n && j - i < 7 && words.joined(j) && !words.toks[j - 1].possessive {
        if words.is_name_word(j) {
            j += 1;
            end = j;
        } else if words.word_among(j, &["of", "the", "and", "in"])
            && j + 1 < n
            && words.joined(j + 1)
            && words.is_name_word(j + 1)
        {
            j += 1;
        } else {
            break;
        }
    }
    Some(end)
}

fn block(words: &Words<'_, '_>, from: usize, to: usize, spans: &mut Vec<Span>) {
    let (start, end) = words.span(from, to);
    let mut s = Span::from_rule(start, end, None, "rule:work");
    // A title outweighs every reading of the same words.
    s.priority = Priority::Defined;
    spans.push(s);
}

/// "the drama Vera Drake", "box office hits Vera Drake, Calendar Girls and
/// Enduring Love": the titles after a work noun, a list of them too.
fn after_work_nouns(words: &Words<'_, '_>, at: &Candidates, spans: &mut Vec<Span>) {
    let n = words.toks.len();
    let cues = &words.lex.cues;
    // (Only the words the marks say may be one.)
    for k in each(at.marked(Marked::WorkNouns)).take_while(|&k| k + 1 < n) {
        // Every work noun is written in lower case.
        if !words.is_lower(k) {
            continue;
        }
        let w = words.word(k);
        let work_noun = words.has(k, mark::WORK_NOUN)
            || (k > 0
                && words.joined(k)
                && words.has(k, mark::WORK_PAIR_LAST)
                && cues
                    .work_noun_pairs
                    .contains_pair(words.word_lower(k - 1), w));
        if !work_noun || words.toks[k].possessive || !words.joined(k + 1) {
            continue;
        }
        // "films such as X, Y and Z", "albums including X".
        let plural = w.ends_with('s');
        let first = match (
            words.word(k + 1),
            words.toks.get(k + 2).map(|_| words.word(k + 2)),
        ) {
            ("such", Some("as")) if plural => k + 3,
            ("like" | "including", _) if plural => k + 2,
            _ => k + 1,
        };
        if first < n {
            title_list(words, first, spans);
        }
    }
}

/// Block the titles of a list starting at token `i`: "X, Y and Z".
fn title_list(words: &Words<'_, '_>, mut i: usize, spans: &mut Vec<Span>) {
    let n = words.toks.len();
    for _ in 0..6 {
        let Some(e) = title_run(words, i) else { break };
        block(words, i, e, spans);
        match list_next(words, e) {
            Some(next) if next < n => i = next,
            _ => break,
        }
    }
}

/// Where the next item of a list starts after an item ending at `e`.
fn list_next(words: &Words<'_, '_>, e: usize) -> Option<usize> {
    let n = words.toks.len();
    if e + 1 < n && words.sep_trimmed(e) == "," && words.is_name_word(e) {
        Some(e)
    } else if e + 1 < n && words.word_is(e, "and") && words.joined(e) && words.joined(e + 1) {
        Some(e + 1)
    } else {
        None
    }
}

/// "the Harry Potter series", "the Bond films".
fn before_work_nouns(words: &Words<'_, '_>, at: &Candidates, spans: &mut Vec<Span>) {
    for k in each(at.marked(Marked::WorkNounsAfter)).filter(|&k| k >= 1) {
        if !words.joined(k) || !words.is_lower(k) {
            continue;
        }
        let mut i = k;
        while i > 0
            && k - i < 4
            && words.joined(i)
            && words.is_name_word(i - 1)
            && !words.toks[i - 1].possessive
            && !words.is_function_stop(i - 1)
        {
            i -= 1;
        }
        if i < k && i > 0 && words.joined(i) && words.word(i - 1) == "the" {
            block(words, i, k, spans);
        }
    }
}

/// "Bridget Jones: The Edge of Reason": a name followed by a subtitle is a
/// work's title.
fn subtitled(words: &Words<'_, '_>, at: &Candidates, spans: &mut Vec<Span>) {
    let n = words.toks.len();
    // (Joined by spaces alone, the gap holds no colon.)
    for k in each(&at.loose)
        .filter(|&k| k >= 1)
        .take_while(|&k| k + 1 < n)
    {
        if !words.is_cap(k) {
            continue;
        }
        if words.sep(k) != ": "
            || !matches!(words.word(k), "The" | "A" | "An")
            || !words.is_name_word(k + 1)
            || !words.joined(k + 1)
            || words.capitals_mute(k)
        {
            continue;
        }
        let mut i = k;
        while i > 0
            && k - i < 4
            && (i == k || words.joined(i))
            && words.is_name_word(i - 1)
            && !words.toks[i - 1].possessive
        {
            i -= 1;
        }
        if i < k && !words.is_initial(i) {
            block(words, i, k, spans);
            // The titles listed after it are works too ("X: The Y, Z and
            // W were filmed").
            if let Some(e) = title_run(words, k) {
                if let Some(next) = list_next(words, e) {
                    title_list(words, next, spans);
                }
            }
        }
    }
}

/// A capitalised "The", "A" or "An" after a lower-case word, or after a
/// comma ("In 1987, The …"), opens a name:
/// a work ("after The Joshua Tree", "while A Very Long Engagement won"), a
/// band or a newspaper ("told The Sun"). A listed organization or place
/// after it takes the "The" into its span; a newspaper after "told" is an
/// organization; anything else is a title, no entity.
fn capitalised_articles(words: &Words<'_, '_>, at: &Candidates, spans: &mut Vec<Span>) {
    let n = words.toks.len();
    // The gazetteer's spans by start, so that each "The" looks up its own
    // (linear in the text, however many there are); made at the first.
    // (Only the spans proposed before this rule: not the ones it adds.)
    let proposed = spans.len();
    let mut listed_at: Option<HashMap<usize, Vec<Span>>> = None;
    let no_spans: Vec<Span> = Vec::new();
    for k in each(&at.caps)
        .filter(|&k| k >= 1)
        .take_while(|&k| k + 1 < n)
    {
        // (Three bytes at most first: most words are turned away without
        // their text.)
        let t = words.toks[k];
        if t.end - t.start > 3 || words.is_initial(k) {
            continue;
        }
        let article = words.word(k);
        if !matches!(article, "The" | "A" | "An")
            || words.capitals_mute(k)
            || !words.joined(k + 1)
            || !after_lower_word_or_comma(words, k)
        {
            continue;
        }
        let Some(e) = title_run(words, k + 1) else {
            continue;
        };
        let listed_at = listed_at.get_or_insert_with(|| {
            let mut by_start: HashMap<usize, Vec<Span>> = HashMap::new();
            for s in spans[..proposed].iter().filter(|s| s.entry.is_some()) {
                by_start.entry(s.start).or_default().push(s.clone());
            }
            by_start
        });
        let listed_from = |start: usize| listed_at.get(&start).unwrap_or(&no_spans);
        let (start, end) = words.span(k, e);
        // A listed name that starts with the article ("The Hague") is
        // the gazetteer's to place.
        if listed_from(start).iter().any(|s| s.end >= end) {
            continue;
        }
        let listed = listed_from(words.toks[k + 1].start).iter().find(|s| {
            s.end == end && matches!(s.kind, Some(EntityType::Organization | EntityType::Place))
        });
        let told = words.word(k - 1) == "told" || (e < n && words.joined(e) && words.is_speech(e));
        let mut s = match listed {
            Some(l) if article == "The" => Span {
                start,
                rule: "rule:the-name".into(),
                ..l.clone()
            },
            None if told && article == "The" && words.gaz_kind(k + 1).is_none() => {
                Span::from_rule(start, end, Some(EntityType::Organization), "rule:the-name")
            }
            _ => Span::from_rule(start, end, None, "rule:work"),
        };
        s.priority = Priority::Defined;
        spans.push(s);
    }
}

/// Token `k` follows a lower-case word in the same phrase, or a comma
/// after a word that is not a name. (A dateline's date before a "The" may
/// have lost its line break.)
fn after_lower_word_or_comma(words: &Words<'_, '_>, k: usize) -> bool {
    let prev = words.word(k - 1);
    match words.sep(k) {
        " " => prev.starts_with(char::is_lowercase),
        ", " => !prev.starts_with(char::is_uppercase),
        _ => false,
    }
}
