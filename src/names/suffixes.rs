//! Company names closed by a legal-form suffix: "Acme Industries Inc",
//! "Dorrit and Co", "Hale & Pardoe Co", "Smith, Jones and Brown Inc",
//! "Banca Rossi SpA". The name runs back from the suffix over capitalised
//! words, "and" or "&" between two of them, "of" inside, and the commas of
//! a list of partners closed by "and" or "&". The suffix's dot is part of
//! the name unless it also ends the sentence ("Norwest Corp. said").

use aho_corasick::AhoCorasick;

use super::candidates::{each, Candidates, Marked};
use super::spans::{Proposed, Span};
use super::tokens::Words;
use super::wire::sentence_ends_at;
use crate::record::EntityType;
use crate::sorted::partition_point_from;

/// The longest company name each legal suffix closes.
#[inline(never)]
pub(super) fn company_names(words: &Words<'_, '_>, at: &Candidates, spans: &mut Vec<Span>) {
    let n = words.toks.len();
    // (The mark, on the lower-cased word, turns most words away before
    // the list is read.)
    for k in each(at.marked(Marked::CompanySuffixes)).filter(|&k| k >= 1) {
        if !words.lex.cues.company_suffixes.contains(words.word(k)) || words.capitals_mute(k) {
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
            && (!words.is_function_stop(j) || words.word(j) == "First")
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

/// The short form of a company named with its legal suffix, where the
/// article uses it ("Mercantile Bancorp Inc. … Mercantile said"): the
/// company, with the full name as canonical. The short form must stand
/// alone, not open a longer capitalised name.
#[inline(never)]
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
        if words.lex.cues.generic_tails.contains(tail)
            && !short.contains([',', '&'])
            && !short.ends_with(" and")
        {
            let canonical = s.canonical.clone().unwrap_or_else(|| written.to_owned());
            stems.push((short, canonical));
        }
    }
    if stems.is_empty() {
        return;
    }
    // A stem named twice adds nothing the first did not.
    let mut seen = std::collections::HashSet::new();
    stems.retain(|&(short, _)| seen.insert(short));
    let n = words.toks.len();
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut hint = 0;
    for (k, pos) in stem_matches(text, &stems) {
        let end = pos + stems[k].0.len();
        if !crate::text::on_word_boundaries(text, pos, end)
            || !super::spans::overlapping(chosen, pos, end).is_empty()
        {
            continue;
        }
        // (The matches come in text order: searched from the last answer.)
        let next = partition_point_from(&words.toks, hint, |t| t.start < end);
        hint = next;
        if next < n && words.joined(next) && words.is_name_word(next) {
            continue;
        }
        found.push((k, pos));
    }
    // Stem by stem, each in reading order: an earlier company's short form
    // stands over a later one's it overlaps.
    found.sort_by_key(|&(k, _)| k);
    let mut proposed = Proposed::new(extra);
    for (k, pos) in found {
        let (short, canonical) = &stems[k];
        let end = pos + short.len();
        if proposed.overlaps(pos, end) {
            continue;
        }
        proposed.add(pos, end);
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

/// Where each stem occurs in `text`, as `str::match_indices` finds it
/// (stem by stem, left to right, not overlapping itself): (stem, start)
/// pairs in no particular order. One search for all stems: a search per
/// stem is quadratic in a long article that names many companies.
fn stem_matches(text: &str, stems: &[(&str, String)]) -> Vec<(usize, usize)> {
    super::spans::count_steps(text.len());
    let Ok(searcher) = AhoCorasick::new(stems.iter().map(|&(short, _)| short)) else {
        // Too many stems for one automaton: a search per stem.
        return stems
            .iter()
            .enumerate()
            .flat_map(|(k, &(short, _))| text.match_indices(short).map(move |(pos, _)| (k, pos)))
            .collect();
    };
    // The overlapping search reports every occurrence; `match_indices`
    // goes on after the end of the occurrence it found.
    let mut resume = vec![0; stems.len()];
    let mut matches = Vec::new();
    for m in searcher.find_overlapping_iter(text) {
        let k = m.pattern().as_usize();
        if m.start() >= resume[k] {
            resume[k] = m.end();
            matches.push((k, m.start()));
        }
    }
    matches
}

/// "General Motors do Brasil", "Nestle de Mexico": a company's national
/// arm, named by the company, a Romance "of" and one capitalised word. The
/// chosen organization span grows over them (a place span on the last word
/// is dropped): the arm is its own organization.
#[inline(never)]
pub(super) fn national_arms(words: &Words<'_, '_>, chosen: &mut Vec<Span>) {
    let n = words.toks.len();
    let mut grown = Vec::new();
    let mut hint = 0;
    for (k, s) in chosen.iter().enumerate() {
        if s.kind != Some(EntityType::Organization) {
            continue;
        }
        // The token the span ends with, by a search: a scan of the tokens
        // per organization would be quadratic in a long article. (The
        // spans come in text order: the search starts from the last
        // answer, in the cache.)
        let last = partition_point_from(&words.toks, hint, |t| {
            #[cfg(test)]
            tests::WORK.with(|w| w.set(w.get() + 1));
            t.end < s.end
        });
        hint = last;
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
        let mut arms: Vec<(usize, usize)> = grown
            .iter()
            .map(|&(k, _)| (chosen[k].start, chosen[k].end))
            .collect();
        arms.sort_unstable();
        let reach: Vec<usize> = arms
            .iter()
            .scan(0, |reach, &(_, end)| {
                *reach = end.max(*reach);
                Some(*reach)
            })
            .collect();
        chosen.retain(|c| !inside_an_arm(&arms, &reach, c.start, c.end));
    }
}

/// True when `start..end` lies inside one of `arms` (sorted, with the
/// greatest end up to each in `reach`) and is not that arm: by a search,
/// since a comparison with each arm is quadratic in a long article.
fn inside_an_arm(arms: &[(usize, usize)], reach: &[usize], start: usize, end: usize) -> bool {
    let step = |yes: bool| {
        super::spans::count_steps(1);
        yes
    };
    // Of the arms that start before it, the one reaching furthest decides.
    let before = arms.partition_point(|&(a, _)| step(a < start));
    if before > 0 && reach[before - 1] >= end {
        return true;
    }
    // Of those that start with it, the longest, unless it is the span.
    let with = before + arms[before..].partition_point(|&(a, _)| step(a == start));
    with > before && arms[with - 1].1 > end
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use crate::{Article, Extractor};

    thread_local! {
        /// Tokens compared by `national_arms` to find where its spans end.
        pub(super) static WORK: Cell<usize> = const { Cell::new(0) };
    }

    /// Many organizations in one long article: finding where each ends
    /// costs a search near the last one's end, not a scan of every token
    /// (which was quadratic) nor a search of the whole article.
    #[test]
    fn national_arms_cost_a_search_per_organization() {
        let x = Extractor::new();
        let unit = "Zorblax Widgets Inc said sales of Zorblax Widgets Inc rose. ";
        let mut per_unit = Vec::new();
        for repeats in [50, 800] {
            let text = unit.repeat(repeats);
            WORK.with(|w| w.set(0));
            let record = x.extract(&Article::new("a", text)).unwrap();
            assert!(record
                .entities
                .iter()
                .any(|e| e.name == "Zorblax Widgets Inc"));
            per_unit.push(WORK.with(Cell::get) as f64 / repeats as f64);
        }
        // A scan grows with the tokens, a whole-article search with their
        // log (16 times the text: 4 more steps per organization); a search
        // from the last answer (the organizations come in text order) not
        // at all.
        assert!(
            per_unit[1] <= 1.1 * per_unit[0],
            "work per sentence: {per_unit:?}"
        );
    }

    /// A company's name with a three-letter code: the unit of the tests
    /// below ("Zorblaxabc").
    fn company(k: usize) -> String {
        let letter = |d: usize| char::from(b'a' + (k / d % 26) as u8);
        format!("Zorblax{}{}{}", letter(676), letter(26), letter(1))
    }

    /// Many companies named in full and then short: their short forms are
    /// found in one search of the text, and each is checked against the
    /// names proposed before it by a search, not one by one.
    #[test]
    fn short_forms_cost_linear_work() {
        let per_unit = super::super::spans::tests::steps_per_unit(
            |units| {
                (0..units)
                    .map(|k| {
                        let c = company(k);
                        format!("{c} Bancshares Inc. opened. Sales of {c} rose. ")
                    })
                    .collect()
            },
            |record| {
                let company = record
                    .entities
                    .iter()
                    .find(|e| e.name == "Zorblaxaab Bancshares Inc.")
                    .unwrap();
                assert_eq!(company.mentions[1].rule, "rule:company-short");
            },
        );
        assert!(
            per_unit[1] <= 2.0 * per_unit[0],
            "steps per company: {per_unit:?}"
        );
    }

    /// Many national arms: a span inside one is found by a search of the
    /// arms, not by comparing each span with each arm.
    #[test]
    fn national_arms_filter_costs_linear_work() {
        let per_unit = super::super::spans::tests::steps_per_unit(
            |units| {
                (0..units)
                    .map(|k| format!("{} Inc do Brasil opened. ", company(k)))
                    .collect()
            },
            |record| {
                assert!(record
                    .entities
                    .iter()
                    .any(|e| e.name == "Zorblaxaab Inc do Brasil"));
            },
        );
        assert!(
            per_unit[1] <= 2.0 * per_unit[0],
            "steps per arm: {per_unit:?}"
        );
    }
}
