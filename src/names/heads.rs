//! Organization and place names marked by a head word: closed by a
//! capitalised head ("World Uyghur Congress", "Three Gorges Dam"), opened by
//! one ("Ministry of Foreign Affairs", "Lake Tessaro"), or followed by a
//! lower-case place head ("Raghistan district"); and the names of laws,
//! programmes and events, which are no entities.

use super::candidates::{each, Candidates, Marked};
use super::spans::Span;
use super::tokens::Words;
use crate::lexicon::{mark, Head, Phrase};
use crate::record::EntityType;

impl<'d, 'a> Words<'d, 'a> {
    /// The organization head ending at token `end - 1`, if any: its start,
    /// kind and phrase.
    #[inline]
    pub(super) fn org_head_ending(&self, end: usize) -> Option<(usize, Head, &'d Phrase)> {
        // (Asked at most words: the mark test is inlined, the lists are not.)
        if end == 0 || end > self.toks.len() || !self.has(end - 1, mark::ORG_HEAD_LAST) {
            return None;
        }
        self.listed_org_head_ending(end)
    }

    #[inline(never)]
    fn listed_org_head_ending(&self, end: usize) -> Option<(usize, Head, &'d Phrase)> {
        let list = self.lex.org_heads_by_last.get(self.word(end - 1))?;
        list.iter().find_map(|&k| {
            let (p, h) = &self.lex.org_heads[k];
            self.phrase_ending(p, end).map(|s| (s, *h, p))
        })
    }

    /// The place head ending at token `end - 1`, if any: its start and kind.
    #[inline]
    pub(super) fn place_head_ending(&self, end: usize) -> Option<(usize, Head)> {
        if end == 0 || end > self.toks.len() || !self.has(end - 1, mark::PLACE_HEAD_LAST) {
            return None;
        }
        self.listed_place_head_ending(end)
    }

    #[inline(never)]
    fn listed_place_head_ending(&self, end: usize) -> Option<(usize, Head)> {
        let list = self.lex.place_heads_by_last.get(self.word(end - 1))?;
        list.iter().find_map(|&k| {
            let (p, h) = &self.lex.place_heads[k];
            self.phrase_ending(p, end).map(|s| (s, *h))
        })
    }

    pub(super) fn is_head_word(&self, i: usize) -> bool {
        // (The mark first: most words are no head's last word.)
        i < self.toks.len()
            && self.has(i, mark::ORG_HEAD_LAST)
            && self.org_head_ending(i + 1).is_some()
    }
}

/// Heads that end names of programmes, not bodies.
pub(super) fn non_entity_head(words: &Words<'_, '_>, p: &Phrase) -> bool {
    p.words
        .last()
        .is_some_and(|w| words.lex.cues.programme_heads.contains(w))
}

/// Names of laws, projects, plans and events: not entities.
pub(super) fn is_project(words: &Words<'_, '_>, from: usize, to: usize) -> bool {
    let last = words.word(to - 1);
    words.lex.cues.project_heads.contains(last)
        || (last == "Corridor" && to >= 2 && to - 1 > from && words.word(to - 2) == "Economic")
}

/// Token `k` may close the name of a law, project or event ([`is_project`]).
fn may_close_project(words: &Words<'_, '_>, k: usize) -> bool {
    let last = words.word(k);
    // (The mark, on the lower-cased word, turns most words away first.)
    (words.has(k, mark::PROJECT_HEAD) && words.lex.cues.project_heads.contains(last))
        || last == "Corridor"
}

/// Organization and place names closed by a capitalised head word
/// ("World Uyghur Congress", "Three Gorges Dam") or opened by one with
/// "of" ("Ministry of Foreign Affairs", "Gulf of Aden").
#[inline(never)]
pub(super) fn org_and_place_heads(words: &Words<'_, '_>, at: &Candidates, spans: &mut Vec<Span>) {
    let n = words.toks.len();
    // (Capitalised words that end a head, by their marks.)
    for i in each(at.marked(Marked::Heads)) {
        if words.capitals_mute(i) {
            continue;
        }
        let end = i + 1;
        if let Some((hs, head, p)) = words.org_head_ending(end) {
            if let Some(s) = org_span(words, hs, end, head, p) {
                spans.push(s);
                continue;
            }
        }
        let place = words.place_head_ending(end);
        if let Some((hs, head)) = place {
            if let Some(s) = place_span(words, hs, end, head) {
                spans.push(s);
                continue;
            }
        }
        // "Lake Tessaro", "Mount Kenya": an opening head and a name.
        if let Some((hs, head)) = place {
            if head.opens && head.strong && hs == i && end < n && words.joined(end) {
                let mut to = end;
                while to < n
                    && to - end < 3
                    && words.joined(to)
                    && words.is_name_word(to)
                    && !words.is_stop(to)
                    && !words.is_head_word(to)
                    && !matches!(
                        words.gaz_kind(to),
                        Some(EntityType::Nationality | EntityType::Organization)
                    )
                {
                    to += 1;
                    if words.toks[to - 1].possessive {
                        break;
                    }
                }
                if to > end {
                    let (start, e) = words.span(hs, to);
                    spans.push(Span::from_rule(
                        start,
                        e,
                        Some(EntityType::Place),
                        "rule:place-head",
                    ));
                }
            }
        }
    }
    // Laws, programmes and events swallow the names inside them.
    for i in each(at.marked(Marked::Projects)) {
        if words.capitals_mute(i) || !may_close_project(words, i) {
            continue;
        }
        // "President Bill Clinton": a given name, not a bill.
        let given_name = words.word(i) == "Bill"
            && i + 1 < n
            && words.joined(i + 1)
            && words.is_name_word(i + 1);
        let from = extend_left(words, i);
        // "Jude Law": a given name and a surname that is also a law's head.
        let surname = from + 1 == i && words.word(i) == "Law" && words.is_first_name(from);
        if from < i && !given_name && !surname && is_project(words, from, i + 1) {
            let (start, end) = words.span(from, i + 1);
            spans.push(Span::from_rule(start, end, None, "rule:non-entity"));
        }
    }
}

/// Extend a name leftwards from token `i` over capitalised words; stops at
/// function words ("The"), titles and anything not joined by a space.
pub(super) fn extend_left(words: &Words<'_, '_>, i: usize) -> usize {
    let mut from = i;
    while from > 0 && words.joined(from) && !words.toks[from - 1].possessive {
        #[cfg(test)]
        tests::WORK.with(|w| w.set(w.get() + 1));
        let j = from - 1;
        if words.is_name_word(j) && !words.is_function_stop(j) {
            if words.title_at(j).is_some_and(|(e, _)| e > from) {
                break;
            }
            from = j;
            continue;
        }
        break;
    }
    from
}

/// Extend a name rightwards from `end` over "of/for/on (the) Capitalised…"
/// ("Institute of Contemporary International Relations").
pub(super) fn extend_right(words: &Words<'_, '_>, mut end: usize, posts: bool) -> usize {
    let n = words.toks.len();
    loop {
        let mut j = end;
        if j >= n || !words.joined(j) || words.toks[j - 1].possessive {
            return end;
        }
        let w = words.word(j);
        let ok = matches!(w, "of" | "for" | "on") || (posts && matches!(w, "in" | "to"));
        if !ok {
            return end;
        }
        j += 1;
        if j < n && words.joined(j) && words.word(j) == "the" {
            j += 1;
        }
        let run_start = j;
        while j < n
            && words.joined(j)
            && words.is_name_word(j)
            && !words.is_function_stop(j)
            && !words.toks[j - 1].possessive
        {
            j += 1;
            // "Science and Technology"
            if j + 1 < n
                && words.joined(j)
                && matches!(words.word(j), "and" | "&")
                && words.joined(j + 1)
                && words.is_name_word(j + 1)
            {
                j += 1;
            }
        }
        if j == run_start || !words.is_name_word(j - 1) {
            return end;
        }
        end = j;
    }
}

pub(super) fn org_span(
    words: &Words<'_, '_>,
    hs: usize,
    he: usize,
    head: Head,
    p: &Phrase,
) -> Option<Span> {
    if non_entity_head(words, p) {
        return None;
    }
    let mut from = extend_left(words, hs);
    // "Economic and Social Council", "Futures and Options Exchange": two
    // capitalised words joined by "and" before the head (not two names,
    // "Acme Corp and Beta Corp").
    if from >= 2
        && from + 1 == hs
        && !words.is_head_word(from - 2)
        && matches!(words.word(from - 1), "and" | "&")
        && words.joined(from)
        && words.joined(from - 1)
        && words.is_name_word(from - 2)
        && !words.is_function_stop(from - 2)
        && !words.toks[from - 2].possessive
    {
        from = extend_left(words, from - 2);
    }
    let is_post = words.lex.cues.posts.contains(&p.words.join(" "));
    let to = if head.opens {
        extend_right(words, he, is_post)
    } else {
        he
    };
    let length = to - from;
    if length < 2 {
        return None;
    }
    // Every word before the head is a nationality: a description unless a
    // post names where it is ("Chinese Embassy in London").
    let modifiers_are_nationalities =
        (from..hs).all(|k| words.gaz_kind(k) == Some(EntityType::Nationality));
    if from < hs && modifiers_are_nationalities && to == he && (is_post || !head.strong) {
        return None;
    }
    if !head.strong {
        let prev = from
            .checked_sub(1)
            .filter(|_| words.joined(from))
            .map(|k| words.word_lower(k))
            .unwrap_or_default();
        let cued = matches!(prev, "the" | "in" | "to" | "by" | "from" | "with" | "told");
        // "Miramax Films", "Acme Sport": a listed organization's name
        // before the head; "Screen Daily has said": a speech verb after.
        let listed_org = (from..hs).any(|k| words.gaz_kind(k) == Some(EntityType::Organization));
        let speaks = {
            let next = |k: usize| (k < words.toks.len() && words.joined(k)).then(|| words.word(k));
            let verb = |w: Option<&str>| w.is_some_and(|w| words.lex.speech.contains(w));
            verb(next(to)) || (matches!(next(to), Some("has" | "had")) && verb(next(to + 1)))
        };
        if !(cued || listed_org || speaks || length >= 3) {
            return None;
        }
    }
    // A sentence-initial single modifier may be an ordinary word
    // ("Several Council members"): it must be known as a name word.
    if from + 1 == hs && to == he && words.is_initial(from) && !words.is_known_name_word(from) {
        return None;
    }
    // "Sony Computer Entertainment America": a country or region after
    // the head names the branch and belongs to the name.
    let n = words.toks.len();
    let to = if to < n
        && words.joined(to)
        && !words.toks[to - 1].possessive
        && words.gaz_kind(to) == Some(EntityType::Place)
        && !words.gaz_soft(to)
        && (to + 1 >= n || !words.joined(to + 1))
    {
        to + 1
    } else {
        to
    };
    let (start, end) = words.span(from, to);
    Some(Span::from_rule(
        start,
        end,
        Some(EntityType::Organization),
        "rule:org-head",
    ))
}

pub(super) fn place_span(words: &Words<'_, '_>, hs: usize, he: usize, head: Head) -> Option<Span> {
    let from = extend_left(words, hs);
    let to = if head.opens {
        extend_right(words, he, false)
    } else {
        he
    };
    if to - from < 2 || is_project(words, from, to) {
        return None;
    }
    if !head.strong {
        let before = |k: usize| {
            k.checked_sub(1)
                .map(|k| words.word_lower(k))
                .unwrap_or_default()
        };
        // "in Tiananmen Square", "at the Royal Albert Hall".
        let mut prev = before(from);
        if prev == "the" {
            prev = before(from - 1);
        }
        if !words.lex.cues.place_prepositions.contains(prev) {
            return None;
        }
    }
    if from + 1 == hs && words.is_initial(from) && words.is_common_word(from) {
        return None;
    }
    let (start, end) = words.span(from, to);
    Some(Span::from_rule(
        start,
        end,
        Some(EntityType::Place),
        "rule:place-head",
    ))
    .filter(|_| head.opens || hs > from)
}

/// "Raghistan and Warduj districts", "Xinjiang region", "the provinces of
/// Badakhshan, Kunduz and Takhar": the names are places, the lower-case
/// head stays out.
#[inline(never)]
pub(super) fn lower_place_heads(words: &Words<'_, '_>, at: &Candidates, spans: &mut Vec<Span>) {
    let n = words.toks.len();
    for i in each(at.marked(Marked::LowerPlaceHeads)) {
        let w = words.word(i);
        if !w.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        let singular = w.strip_suffix("s").unwrap_or(w);
        let singular = if w == "cities" { "city" } else { singular };
        if !words.lex.cues.lower_place_heads.contains(singular)
            && !words.lex.cues.lower_place_heads.contains(w)
        {
            continue;
        }
        let plural = singular != w;
        // Names before the head.
        if i > 0 && words.joined(i) && !words.toks[i - 1].possessive {
            for (a, b) in name_list_before(words, i, plural) {
                push_place(words, spans, a, b);
            }
        }
        // "provinces of A, B and C"
        if plural && i + 2 < n && words.word(i + 1) == "of" && words.joined(i + 1) {
            for (a, b) in name_list_after(words, i + 2) {
                push_place(words, spans, a, b);
            }
        }
    }
}

pub(super) fn push_place(words: &Words<'_, '_>, spans: &mut Vec<Span>, a: usize, b: usize) {
    if (a..b).any(|k| {
        matches!(
            words.gaz_kind(k),
            Some(EntityType::Nationality | EntityType::Organization | EntityType::Person)
        ) || words.is_head_word(k)
            || words.capitals_mute(k)
    }) {
        return;
    }
    if b - a == 1 && words.is_stop(a) {
        return;
    }
    if words.is_initial(a) && words.is_common_word(a) {
        return;
    }
    let (start, end) = words.span(a, b);
    spans.push(Span::from_rule(
        start,
        end,
        Some(EntityType::Place),
        "rule:place-head",
    ));
}

/// The run of name words ending right before token `i` (up to three words);
/// with `list`, also earlier names joined by "and" or commas.
pub(super) fn name_list_before(words: &Words<'_, '_>, i: usize, list: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut end = i;
    loop {
        let mut from = end;
        while from > 0
            && end - from < 3
            && words.is_name_word(from - 1)
            && !words.is_function_stop(from - 1)
            && (from == end || words.joined(from))
        {
            from -= 1;
        }
        if from == end {
            break;
        }
        out.push((from, end));
        if !list || from < 2 {
            break;
        }
        // "A and B", "A, B and C"
        let conj = words.word(from - 1);
        if conj == "and" && words.joined(from) && words.joined(from - 1) {
            end = from - 1;
        } else if words.sep_trimmed(from) == "," {
            end = from;
        } else {
            break;
        }
    }
    out
}

/// Names separated by commas and "and" starting at token `i`.
pub(super) fn name_list_after(words: &Words<'_, '_>, mut i: usize) -> Vec<(usize, usize)> {
    let n = words.toks.len();
    let mut out = Vec::new();
    while i < n && words.is_name_word(i) {
        let mut j = i + 1;
        while j < n && j - i < 3 && words.joined(j) && words.is_name_word(j) {
            j += 1;
        }
        out.push((i, j));
        if j < n && words.sep_trimmed(j) == "," {
            i = j;
        } else if j + 1 < n && words.word(j) == "and" && words.joined(j) {
            i = j + 1;
        } else {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use crate::{Article, Extractor};

    thread_local! {
        /// Words `extend_left` walks back over.
        pub(super) static WORK: Cell<usize> = const { Cell::new(0) };
    }

    /// A long run of capitalised words in a body sentence: the names of
    /// laws are sought back from their head words only, not from every
    /// capitalised word (which walked back over the run: quadratic).
    #[test]
    fn long_capitalised_runs_cost_linear_work() {
        let x = Extractor::new();
        let mut per_word = Vec::new();
        for words in [100, 1600] {
            let run = "Zorblax Quentor ".repeat(words / 2);
            let text = format!("The list was read out. It named {run}and others.");
            WORK.with(|w| w.set(0));
            x.extract(&Article::new("a", text)).unwrap();
            per_word.push(WORK.with(Cell::get) as f64 / words as f64);
        }
        assert!(
            per_word[1] <= 2.0 * per_word[0] + 1.0,
            "steps per word: {per_word:?}"
        );
    }
}
