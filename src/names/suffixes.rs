//! Company names closed by a legal-form suffix: "Acme Industries Inc",
//! "Dorrit and Co", "Hale & Pardoe Co", "Smith, Jones and Brown Inc",
//! "Banca Rossi SpA". The name runs back from the suffix over capitalised
//! words, "and" or "&" between two of them, "of" inside, and the commas of
//! a list of partners closed by "and" or "&". The suffix's dot is part of
//! the name unless it also ends the sentence ("Norwest Corp. said").

use super::spans::Span;
use super::tokens::Words;
use super::wire::sentence_ends_at;
use crate::record::EntityType;

/// Legal forms and the partnership words that close a company's name.
const SUFFIXES: &[&str] = &[
    "Inc",
    "Incorporated",
    "Corp",
    "Corporation",
    "Co",
    "Cos",
    "Ltd",
    "Limited",
    "Plc",
    "plc",
    "PLC",
    "LLC",
    "AG",
    "SA",
    "NV",
    "BV",
    "SpA",
    "Spa",
    "GmbH",
    "ASA",
    "Oyj",
    "Bhd",
    "Ltda",
    "Bros",
    "Sons",
];

/// The longest company name each legal suffix closes.
pub(super) fn company_names(words: &Words<'_, '_>, spans: &mut Vec<Span>) {
    let n = words.toks.len();
    for k in 1..n {
        if !SUFFIXES.contains(&words.word(k)) || words.capitals_mute(k) {
            continue;
        }
        // A suffix inside a longer name ("Co Bldg Auth") closes nothing.
        if k + 1 < n && words.joined(k + 1) && words.is_name_word(k + 1) {
            continue;
        }
        let Some(from) = name_start(words, k) else {
            continue;
        };
        let text = words.doc.text;
        let (start, mut end) = words.span(from, k + 1);
        if text[end..].starts_with('.') && !sentence_ends_at(&text[end + 1..]) {
            end += 1;
        }
        spans.push(Span::from_rule(
            start,
            end,
            Some(EntityType::Organization),
            "rule:company-suffix",
        ));
    }
}

/// The first token of the name the suffix at `k` closes, or None.
fn name_start(words: &Words<'_, '_>, k: usize) -> Option<usize> {
    let word = |j: usize| {
        words.is_name_word(j)
            && !words.lex.is_function_stop(words.word(j))
            && words.title_at(j).is_none()
            && !words.toks[j].possessive
    };
    let mut from = k;
    let mut partners = false;
    while from > 0 && k - from < 8 {
        let sep = words.sep(from);
        let prev = from - 1;
        if (sep == " " || (sep == ". " && words.word(prev).chars().count() == 1)) && word(prev) {
            from = prev;
        } else if sep == " & " && word(prev) {
            from = prev;
            partners = true;
        } else if sep == " "
            && matches!(words.word(prev), "and" | "of")
            && prev > 0
            && words.joined(prev)
            && word(prev - 1)
        {
            partners |= words.word(prev) == "and";
            from = prev - 1;
        } else if sep == ", " && partners && word(prev) {
            from = prev;
        } else {
            break;
        }
    }
    (from < k).then_some(from)
}
