//! The matcher: one trie over every surface form of a gazetteer, and the
//! per-match decision whether an entry's policy accepts it there.

use std::sync::Arc;

use crate::lexicon::Lexicon;
use crate::text::Doc;

use super::compile::Index;
use super::context::ambiguous_context;
use super::starts::{word_char_at, Positions, StartTable, Starts};
use super::token_starts::{space_starts, TokenStarts};
use super::trie::Trie;
use super::{embedded, layers, Entry, Gazetteer, MatchPolicy};

/// A gazetteer match accepted in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct GazMatch {
    pub start: usize,
    pub end: usize,
    pub entry: u32,
}

/// The compiled index over every surface form of a gazetteer.
///
/// A trie of the case-folded forms is asked for the longest form at each
/// word start of the case-folded text (the matches of one leftmost-longest
/// Aho-Corasick search, see [`Matcher::find`]); each pattern id maps to the
/// forms (entry, written form) that fold to it, and [`Matcher::accept`]
/// decides per match whether the entry's policy allows it there. Folding
/// keeps byte offsets (see `text::fold_case`), so a match in the folded text
/// is the same span of the original.
///
/// Construction: `Matcher::new(&gazetteer)` (one sort of the folded forms
/// and one pass over them), `Matcher::embedded` (the index precompiled by the
/// build script), or `Matcher::layered(base, &gazetteer, from)` for entries
/// added after those `base` was built over.
#[derive(Debug)]
pub(crate) struct Matcher {
    /// The trie and the forms of each pattern (see `compile`).
    index: Index,
    /// Where a match this matcher accepts may start (see `starts`).
    accepting: StartTable,
    /// Where the trie may find a match that starts a word.
    any: StartTable,
    /// Some pattern starts with white space, which no token holds.
    space_starts: bool,
    /// The matcher of the entries before this one's (the embedded
    /// gazetteer), searched together with it: see `layers`.
    base: Option<Arc<Matcher>>,
}

impl Matcher {
    /// Compile the index over every surface form of `gaz`.
    pub fn new(gaz: &Gazetteer) -> Matcher {
        Matcher::over(&gaz.entries, 0, None)
    }

    /// A matcher over the entries of `gaz` from index `from` on, searched
    /// together with `base`, the matcher of the entries before them: the
    /// same matches as `Matcher::new(gaz)` when `base` is that of the entries
    /// before `from`, unchanged (see `layers`), for the cost of compiling the
    /// new entries only.
    pub fn layered(base: Arc<Matcher>, gaz: &Gazetteer, from: usize) -> Matcher {
        Matcher::over(&gaz.entries[from..], from, Some(base))
    }

    /// The matcher of the embedded gazetteer `gaz`: the same as
    /// `Matcher::new(gaz)`, with the index the build script precompiled
    /// when there is one (see `embedded`).
    pub fn embedded(gaz: &Gazetteer) -> Matcher {
        match embedded::index() {
            Some(index) => Matcher::of_index(index, None),
            None => Matcher::new(gaz),
        }
    }

    /// Compile the index over `entries`, numbered from `offset`.
    fn over(entries: &[Entry], offset: usize, base: Option<Arc<Matcher>>) -> Matcher {
        let index = match base {
            Some(_) => Index::build_layer(entries, offset),
            None => Index::build(entries, offset),
        };
        Matcher::of_index(index, base)
    }

    fn of_index(index: Index, base: Option<Arc<Matcher>>) -> Matcher {
        Matcher {
            accepting: StartTable::accepting(&index),
            any: StartTable::any(&index.trie),
            space_starts: space_starts(&index.trie),
            index,
            base,
        }
    }

    /// The leftmost-longest match at or after `pos` in `hay` (folded text)
    /// that starts a word: its start, end and pattern. (A match starting
    /// inside a word is always rejected, so leaving it out changes no
    /// result; folding keeps which characters are word characters.)
    pub(super) fn hit(&self, hay: &str, pos: usize) -> Option<(usize, usize, usize)> {
        let trie = &self.index.trie;
        Starts::new(hay, hay, &self.any, trie, pos).find_map(|start| {
            let (pattern, len) = trie.longest_at(&hay.as_bytes()[start..])?;
            Some((start, start + len, pattern as usize))
        })
    }

    /// Every accepted gazetteer match in `doc`, left to right, not overlapping.
    ///
    /// When the leftmost-longest match is rejected (a word character borders
    /// it, or its policy refuses it here) the search resumes one character
    /// after its start, so a later match inside it can still be found.
    /// The context cues read `lex`.
    // Kept out of line so that profiles (`scripts/bench/stages.sh`) see the
    // stage.
    #[inline(never)]
    pub fn find(&self, doc: &Doc<'_>, gaz: &Gazetteer, lex: &Lexicon) -> Vec<GazMatch> {
        if let Some(base) = &self.base {
            return layers::find(base, self, doc, gaz, lex);
        }
        let trie = &self.index.trie;
        let (text, folded) = (doc.text, doc.folded.as_str());
        let positions = TokenStarts::new(
            text,
            folded,
            &doc.tokens,
            &self.accepting,
            trie,
            self.space_starts,
        );
        scan_positions(trie, positions, text, folded, |pattern, start, end| {
            self.accept(doc, gaz, lex, pattern, (start, end), None)
        })
    }

    /// The entry whose policy accepts the match of `pattern` at
    /// `start..end`, strongest policy first; only among entries whose row
    /// has the policy `only`, when given.
    pub(super) fn accept(
        &self,
        doc: &Doc<'_>,
        gaz: &Gazetteer,
        lex: &Lexicon,
        pattern: usize,
        (start, end): (usize, usize),
        only: Option<MatchPolicy>,
    ) -> Option<u32> {
        // The first byte answers for ASCII, without slicing the text.
        let capitalised = match doc.text.as_bytes().get(start) {
            Some(&b) if b.is_ascii() => !b.is_ascii_lowercase(),
            _ => doc.text[start..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_lowercase()),
        };
        let original = doc.text.as_bytes().get(start..end);
        for form in self.index.forms.of(pattern) {
            let Some(entry) = gaz.entries.get(form.entry as usize) else {
                continue;
            };
            if only.is_some_and(|p| p != entry.policy) {
                continue;
            }
            // An all-caps form is an acronym whatever its row says: "WHO"
            // must not match "Who", nor "US" match "us".
            let policy = if form.acronym {
                MatchPolicy::Exact
            } else {
                entry.policy
            };
            let ok = match policy {
                MatchPolicy::Exact => form.surface.is_some_and(|s| Some(s.as_bytes()) == original),
                MatchPolicy::Fold => capitalised,
                // The headline test last: the first one on a line reads
                // the whole line.
                MatchPolicy::Ambiguous => {
                    capitalised
                        && !doc.is_sentence_initial(start)
                        && ambiguous_context(doc, lex, entry.kind, start, end)
                        && !doc.in_headline_case(start)
                }
                // Only the key resolver reads a referent row.
                MatchPolicy::Referent => false,
                // Deny rows are never entries (`Gazetteer::push`).
                _ => false,
            };
            if ok {
                return Some(form.entry);
            }
        }
        None
    }
}

/// [`scan_positions`] at the positions of the bytes of `text` that `starts`
/// allows: the reference the tests hold the scan to.
#[cfg(test)]
fn scan(
    trie: &Trie,
    starts: &StartTable,
    text: &str,
    folded: &str,
    accept: impl FnMut(usize, usize, usize) -> Option<u32>,
) -> Vec<GazMatch> {
    let positions = Starts::new(text, folded, starts, trie, 0);
    scan_positions(trie, positions, text, folded, accept)
}

/// Bytes of text per gazetteer match, about, in news (the fixture has one
/// per ~64): sizes the match list.
const MATCH_SPACING: usize = 64;

/// The accepted matches of a leftmost-longest search of `trie`'s patterns in
/// `folded` (the case-folded `text`), resumed one character after each
/// rejected match: at each position the longest pattern starting there, if
/// it lies on word boundaries of `text` and `accept` takes it.
///
/// Only `positions` are looked up: the word starts at which a match may be
/// accepted (see `starts`); a match elsewhere would be rejected.
fn scan_positions(
    trie: &Trie,
    mut positions: impl Positions,
    text: &str,
    folded: &str,
    mut accept: impl FnMut(usize, usize, usize) -> Option<u32>,
) -> Vec<GazMatch> {
    let hay = folded.as_bytes();
    // About one match per 64 bytes of news text: room for them up front
    // rather than a list regrown from empty in every article.
    let mut out = Vec::with_capacity(text.len() / MATCH_SPACING + 8);
    while let Some(start) = positions.next_start() {
        // A match that ends inside the first word would be rejected.
        let Some((pattern, len)) = trie.longest_at_word(&hay[start..]) else {
            continue;
        };
        let end = start + len;
        // No word character ends before a position (see `starts`).
        if !word_char_at(text, end) {
            if let Some(entry) = accept(pattern as usize, start, end) {
                out.push(GazMatch { start, end, entry });
                positions.skip_to(end);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{fold_case, on_word_boundaries};

    fn gaz(rows: &str) -> Gazetteer {
        Gazetteer::from_tsv("t.tsv", &format!("key\ttype\tname\taliases\tmatch\n{rows}")).unwrap()
    }

    fn found(g: &Gazetteer, text: &str) -> Vec<String> {
        let doc = Doc::new(text, false);
        Matcher::new(g)
            .find(&doc, g, Lexicon::embedded())
            .into_iter()
            .map(|m| {
                format!(
                    "{}={}",
                    &text[m.start..m.end],
                    g.entries()[m.entry as usize].key
                )
            })
            .collect()
    }

    #[test]
    fn policies() {
        let g = gaz("US\tplace\tUnited States\tUS|U.S.|America\texact\nJP\tplace\tJapan\t\tfold\nGB-RDG\tplace\tReading\t\tambiguous\n");
        assert_eq!(
            found(&g, "Let us go to the US and JAPAN."),
            vec!["US=US", "JAPAN=JP"]
        );
        assert_eq!(
            found(&g, "Reading is fun. He lives in Reading."),
            vec!["Reading=GB-RDG"]
        );
        assert_eq!(found(&g, "japan ware"), Vec::<String>::new());
        let g = gaz("who\torganization\tWorld Health Organization\tWHO\tfold\n");
        assert_eq!(found(&g, "Who knows? The WHO does."), vec!["WHO=who"]);
    }

    #[test]
    fn longest_and_word_bounded() {
        let g = gaz("CN\tplace\tChina\t\tfold\ncd\torganization\tChina Daily\t\tfold\n");
        assert_eq!(
            found(&g, "China Daily said Chinaware China’s"),
            vec!["China Daily=cd", "China=CN"]
        );
    }

    /// The scan must find what one leftmost-longest Aho-Corasick automaton
    /// finds when resumed one character after each rejected match.
    fn aho_corasick_scan(
        patterns: &[String],
        text: &str,
        folded: &str,
        mut accept: impl FnMut(usize, usize, usize) -> Option<u32>,
    ) -> Vec<GazMatch> {
        use aho_corasick::{AhoCorasick, Input, MatchKind};
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .unwrap();
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < folded.len() {
            let Some(hit) = ac.find(Input::new(folded).span(pos..folded.len())) else {
                break;
            };
            let (start, end) = (hit.start(), hit.end());
            match on_word_boundaries(text, start, end)
                .then(|| accept(hit.pattern().as_usize(), start, end))
                .flatten()
            {
                Some(entry) => {
                    out.push(GazMatch { start, end, entry });
                    pos = end;
                }
                None => pos = start + folded[start..].chars().next().map_or(1, char::len_utf8),
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn same_matches_as_aho_corasick(
            patterns in proptest::collection::hash_set("[abAé .'’-]{1,6}", 1..40),
            text in "[abAé .'’,-]{0,120}",
            reject in 0usize..5,
        ) {
            let patterns: Vec<String> = patterns.into_iter().map(|p| fold_case(&p)).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
            let folded = fold_case(&text);
            // Refuse some matches, as a policy would, to exercise resuming.
            let accept = |p: usize, s: usize, e: usize| ((p + s + e) % 5 >= reject).then_some(p as u32);
            let trie = Trie::new(&patterns);
            proptest::prop_assert_eq!(
                scan(&trie, &StartTable::any(&trie), &text, &folded, accept),
                aho_corasick_scan(&patterns, &text, &folded, accept)
            );
        }
    }

    /// The forms of `entries` by folded pattern, sorted, as `Index::build`
    /// must group them: entry order, then strongest policy first.
    fn reference_index(entries: &[Entry]) -> Vec<(String, Vec<(u32, bool)>)> {
        let mut by_pattern: std::collections::BTreeMap<String, Vec<(MatchPolicy, u32, bool)>> =
            Default::default();
        for (i, e) in entries.iter().enumerate() {
            for name in e.names() {
                let mut variants = vec![name.to_string()];
                if name.contains('\'') {
                    variants.push(name.replace('\'', "’"));
                }
                if name.contains('’') {
                    variants.push(name.replace('’', "'"));
                }
                for v in variants {
                    let acronym =
                        v.chars().any(char::is_uppercase) && !v.chars().any(char::is_lowercase);
                    by_pattern
                        .entry(fold_case(&v))
                        .or_default()
                        .push((e.policy, i as u32, acronym));
                }
            }
        }
        by_pattern
            .into_iter()
            .map(|(p, mut forms)| {
                forms.sort_by_key(|f| f.0);
                (p, forms.into_iter().map(|(_, e, a)| (e, a)).collect())
            })
            .collect()
    }

    proptest::proptest! {
        /// A matcher's index over a random gazetteer groups the forms as
        /// `reference_index` does, and its trie finds what one
        /// leftmost-longest Aho-Corasick automaton over the sorted patterns
        /// finds.
        #[test]
        fn built_index_matches_as_aho_corasick(
            rows in proptest::collection::vec(
                ("[abAé .'’-]{1,6}", proptest::collection::vec("[abAé .'’-]{1,6}", 0..3), 0usize..3),
                1..40,
            ),
            text in "[abAé .'’,-]{0,120}",
            reject in 0usize..5,
        ) {
            let policies = [MatchPolicy::Exact, MatchPolicy::Fold, MatchPolicy::Ambiguous];
            let entries: Vec<Entry> = rows
                .into_iter()
                .enumerate()
                .map(|(i, (name, aliases, policy))| {
                    Entry::new(format!("k{i}"), crate::record::EntityType::Place, name)
                        .aliases(aliases)
                        .policy(policies[policy])
                })
                .collect();
            let reference = reference_index(&entries);
            let index = Index::build(&entries, 0);
            let grouped: Vec<Vec<(u32, bool)>> = (0..index.forms.patterns())
                .map(|p| index.forms.of(p).map(|f| (f.entry, f.acronym)).collect())
                .collect();
            let expected: Vec<Vec<(u32, bool)>> = reference.iter().map(|(_, forms)| forms.clone()).collect();
            proptest::prop_assert_eq!(grouped, expected);
            let patterns: Vec<String> = reference.into_iter().map(|(p, _)| p).collect();
            let folded = fold_case(&text);
            let accept = |p: usize, s: usize, e: usize| ((p + s + e) % 5 >= reject).then_some(p as u32);
            proptest::prop_assert_eq!(
                scan(&index.trie, &StartTable::any(&index.trie), &text, &folded, accept),
                aho_corasick_scan(&patterns, &text, &folded, accept)
            );
        }
    }

    proptest::proptest! {
        /// Looking up only the word starts `StartTable::accepting` allows
        /// loses no match: `find` is the scan of every word start with the
        /// policies' decision.
        #[test]
        fn accepting_starts_lose_no_match(
            rows in proptest::collection::vec(
                ("[abAÉé .'’-]{1,6}", proptest::collection::vec("[abAÉé .'’-]{1,6}", 0..3), 0usize..3),
                1..40,
            ),
            text in "[abAÉé .'’,-]{0,120}",
        ) {
            let policies = [MatchPolicy::Exact, MatchPolicy::Fold, MatchPolicy::Ambiguous];
            let mut gaz = Gazetteer::new();
            for (i, (name, aliases, policy)) in rows.into_iter().enumerate() {
                gaz.push(
                    Entry::new(format!("k{i}"), crate::record::EntityType::Nationality, name)
                        .aliases(aliases)
                        .policy(policies[policy]),
                );
            }
            let m = Matcher::new(&gaz);
            let doc = Doc::new(&text, false);
            let lex = Lexicon::embedded();
            let every = scan(&m.index.trie, &m.any, doc.text, &doc.folded, |p, s, e| {
                m.accept(&doc, &gaz, lex, p, (s, e), None)
            });
            proptest::prop_assert_eq!(m.find(&doc, &gaz, lex), every);
        }
    }

    #[test]
    fn apostrophes_fold() {
        let g = gaz("p\torganization\tPeople's Daily\t\tfold\n");
        assert_eq!(found(&g, "the People’s Daily"), vec!["People’s Daily=p"]);
    }
}
