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
    // "First" opens many bank names ("First Union Corp").
    let word = |j: usize| {
        words.is_name_word(j)
            && (!words.lex.is_function_stop(words.word(j)) || words.word(j) == "First")
            && words.title_at(j).is_none()
            && !words.toks[j].possessive
    };
    let initials = |j: usize| {
        let w = words.word(j);
        w.split('.').all(|p| p.chars().count() == 1)
            && w.chars().all(|c| c.is_uppercase() || c == '.')
    };
    let mut from = k;
    let mut partners = false;
    while from > 0 && k - from < 8 {
        let sep = words.sep(from);
        let prev = from - 1;
        // A partner's name after "and" or "&" is one word ("Dorrit and Co",
        // "Smith, Jones and Brown Inc"): "Acme and Beta One Corp" names two.
        let one_after = k - from <= 1;
        if (sep == " " || (sep == ". " && initials(prev))) && word(prev) {
            from = prev;
        } else if sep == " & " && one_after && word(prev) {
            from = prev;
            partners = true;
        } else if sep == " "
            && prev > 0
            && words.joined(prev)
            && word(prev - 1)
            && ((words.word(prev) == "and" && one_after)
                // "Bank of Ruritania Corp", "First of Ruritania Corp", not
                // "Jane Doe of Acme Corp".
                || (words.word(prev) == "of"
                    && (words.is_head_word(prev - 1) || words.word(prev - 1) == "First")))
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

/// Generic last words of a company's name that its short form drops with
/// the legal suffix ("Mercantile Bancorp Inc" → "Mercantile").
const GENERIC_TAILS: &[&str] = &[
    "Bancorp",
    "Bancorporation",
    "Bancshares",
    "Group",
    "Holdings",
    "Holding",
    "Industries",
    "International",
    "Enterprises",
    "Financial",
];

/// The short form of a company named with its legal suffix, where the
/// article uses it ("Mercantile Bancorp Inc. … Mercantile said"): the
/// company, with the full name as canonical. The short form must stand
/// alone, not open a longer capitalised name.
pub(super) fn short_forms(words: &Words<'_, '_>, chosen: &[Span], extra: &mut Vec<Span>) {
    let text = words.doc.text;
    let mut stems: Vec<(&str, String)> = Vec::new();
    for s in chosen.iter().filter(|s| s.rule == "rule:company-suffix") {
        let written = &text[s.start..s.end];
        let name = written.trim_end_matches('.');
        let Some((stem, _suffix)) = name.rsplit_once(' ') else {
            continue;
        };
        let Some((short, tail)) = stem.rsplit_once(' ') else {
            continue;
        };
        // A short form is searched once: the search of a repeated one
        // finds only places the first search took (that was a scan of the
        // text per mention of the company).
        if GENERIC_TAILS.contains(&tail)
            && !short.contains([',', '&'])
            && !short.ends_with(" and")
            && !stems.iter().any(|(seen, _)| *seen == short)
        {
            let canonical = s.canonical.clone().unwrap_or_else(|| written.to_owned());
            stems.push((short, canonical));
        }
    }
    let n = words.toks.len();
    for (short, canonical) in stems {
        #[cfg(test)]
        tests::TEXT_SCANS.with(|n| n.set(n.get() + 1));
        for (pos, _) in text.match_indices(short) {
            let end = pos + short.len();
            if !crate::text::on_word_boundaries(text, pos, end)
                || !super::spans::overlapping(chosen, pos, end).is_empty()
                || extra.iter().any(|x| x.start < end && x.end > pos)
            {
                continue;
            }
            let next = words.toks.partition_point(|t| t.start < end);
            if next < n && words.joined(next) && words.is_name_word(next) {
                continue;
            }
            let mut span = Span::from_rule(
                pos,
                end,
                Some(EntityType::Organization),
                "rule:company-short",
            );
            span.canonical = Some(canonical.clone());
            extra.push(span);
        }
    }
}

/// "General Motors do Brasil", "Nestle de Mexico": a company's national
/// arm, named by the company, a Romance "of" and one capitalised word. The
/// chosen organization span grows over them (a place span on the last word
/// is dropped): the arm is its own organization.
pub(super) fn national_arms(words: &Words<'_, '_>, chosen: &mut Vec<Span>) {
    let n = words.toks.len();
    let mut grown = Vec::new();
    for (k, s) in chosen.iter().enumerate() {
        if s.kind != Some(EntityType::Organization) {
            continue;
        }
        // Tokens end in order: a binary search, not a scan per span (that
        // was organizations × tokens on a long article).
        let last = words.toks.partition_point(|t| {
            #[cfg(test)]
            tests::WORK.with(|w| w.set(w.get() + 1));
            t.end < s.end
        });
        if words.toks.get(last).is_none_or(|t| t.end != s.end) {
            continue;
        }
        let (of, name) = (last + 1, last + 2);
        let arm = name < n
            && words.joined(of)
            && words.joined(name)
            && !words.toks[last].possessive
            && matches!(words.word(of), "do" | "da" | "de" | "del")
            && words.is_name_word(name)
            && !words.is_stop(name)
            && !(name + 1 < n && words.joined(name + 1) && words.is_name_word(name + 1));
        if arm {
            grown.push((k, words.toks[name].end));
        }
    }
    for &(k, end) in &grown {
        let s = &mut chosen[k];
        s.end = end;
        s.entry = None;
        s.canonical = None;
        s.rule = "rule:org-national-arm".into();
    }
    if !grown.is_empty() {
        let arms: Vec<(usize, usize)> = grown
            .iter()
            .map(|&(k, _)| (chosen[k].start, chosen[k].end))
            .collect();
        chosen.retain(|c| {
            !arms
                .iter()
                .any(|&(a, b)| c.start >= a && c.end <= b && (c.start, c.end) != (a, b))
        });
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use crate::{Article, Extractor};

    thread_local! {
        /// Tokens compared by `national_arms` to find a span's last token.
        pub(super) static WORK: Cell<usize> = const { Cell::new(0) };
        /// Searches of the whole text by `short_forms`.
        pub(super) static TEXT_SCANS: Cell<usize> = const { Cell::new(0) };
    }

    /// A company named again and again with its legal suffix is searched
    /// for its short form once, not once per mention.
    #[test]
    fn short_forms_search_the_text_once_per_company() {
        let x = Extractor::new();
        let unit = "Mercantile Bancorp Inc. said profits rose. Mercantile said it would grow. ";
        TEXT_SCANS.with(|n| n.set(0));
        let record = x.extract(&Article::new("a", unit.repeat(300))).unwrap();
        let scans = TEXT_SCANS.with(Cell::get);
        assert!(record
            .entities
            .iter()
            .any(|e| e.name.starts_with("Mercantile")));
        assert_eq!(scans, 1, "{scans} searches of the text for one company");
    }

    /// Many organizations in one long article cost a binary search each in
    /// `national_arms`, not a scan of the tokens each.
    #[test]
    fn national_arms_cost_log_work_per_organization() {
        let x = Extractor::new();
        let unit = "The Zorblax Institute said it would grow. ";
        for repeats in [50, 800] {
            let text = unit.repeat(repeats);
            let tokens = text.split_whitespace().count();
            WORK.with(|w| w.set(0));
            let record = x.extract(&Article::new("a", text)).unwrap();
            let work = WORK.with(Cell::get);
            assert!(record
                .entities
                .iter()
                .any(|e| e.name == "Zorblax Institute"));
            let log = usize::BITS - tokens.leading_zeros();
            assert!(
                work > 0 && work <= 2 * repeats * log as usize,
                "{repeats} organizations: {work} steps for {tokens} tokens"
            );
        }
    }
}
