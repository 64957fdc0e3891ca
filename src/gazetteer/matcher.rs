//! The matcher: one automaton over every surface form of a gazetteer, and
//! the per-match decision whether an entry's policy accepts it there.

use std::collections::HashMap;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};

use crate::hash::FnvBuild;
use crate::text::{fold_case, on_word_boundaries, Doc};

use super::context::ambiguous_context;
use super::{layers, Entry, Gazetteer, MatchPolicy};

/// One surface form that a pattern stands for.
#[derive(Clone, Debug)]
struct SurfaceForm {
    entry: u32,
    /// The form as written in the gazetteer, kept for exact matching.
    surface: Option<Box<str>>,
    /// Whether the form is all capitals (see [`is_acronym`]).
    acronym: bool,
}

/// A gazetteer match accepted in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct GazMatch {
    pub start: usize,
    pub end: usize,
    pub entry: u32,
}

/// The compiled automaton over every surface form of a gazetteer.
///
/// One Aho-Corasick automaton (leftmost-longest) runs over the case-folded
/// text; each pattern id maps to the forms (entry, written form) that fold to
/// it, and [`Matcher::accept`] decides per match whether the entry's policy
/// allows it there. Folding keeps byte offsets (see `text::fold_case`), so a
/// match in the folded text is the same span of the original.
#[derive(Debug)]
pub(crate) struct Matcher {
    automaton: AhoCorasick,
    /// Forms per pattern id, strongest policy first.
    forms: Vec<Vec<SurfaceForm>>,
    /// The matcher of the entries before this one's (the embedded
    /// gazetteer), searched together with it: see `layers`.
    base: Option<Arc<Matcher>>,
}

impl Matcher {
    /// Compile the automaton over every surface form of `gaz`.
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

    /// Compile the automaton over `entries`, numbered from `offset`.
    fn over(entries: &[Entry], offset: usize, base: Option<Arc<Matcher>>) -> Matcher {
        let mut pattern_ids: HashMap<Box<str>, u32, FnvBuild> =
            HashMap::with_capacity_and_hasher(entries.len() * 5 / 4, FnvBuild::default());
        let mut patterns: Vec<Box<str>> = Vec::with_capacity(entries.len() * 5 / 4);
        let mut forms: Vec<Vec<SurfaceForm>> = Vec::with_capacity(entries.len() * 5 / 4);
        for (i, entry) in entries.iter().enumerate() {
            let i = offset + i;
            for name in entry.names() {
                let mut add = |surface: &str| {
                    let folded = fold_case(surface);
                    let pattern = match pattern_ids.get(folded.as_str()) {
                        Some(&pattern) => pattern,
                        None => {
                            let pattern = patterns.len() as u32;
                            let folded: Box<str> = folded.into_boxed_str();
                            pattern_ids.insert(folded.clone(), pattern);
                            patterns.push(folded);
                            forms.push(Vec::new());
                            pattern
                        }
                    };
                    let acronym = is_acronym(surface);
                    forms[pattern as usize].push(SurfaceForm {
                        entry: i as u32,
                        acronym,
                        // Only exact matching reads the written form.
                        surface: (acronym || entry.policy == MatchPolicy::Exact)
                            .then(|| surface.into()),
                    });
                };
                add(name);
                // Apostrophe and quote variants a name may be written with.
                if name.contains('\'') {
                    add(&name.replace('\'', "’"));
                }
                if name.contains('’') {
                    add(&name.replace('’', "'"));
                }
            }
        }
        for list in &mut forms {
            list.sort_by_key(|f| entries[f.entry as usize - offset].policy);
        }
        // Prefilters pay off for few patterns, not for tens of thousands of
        // names; leaving it off also makes construction cheaper.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .build(patterns.iter().map(|p| p.as_bytes()))
            .expect("gazetteer automaton fits in memory");
        Matcher {
            automaton,
            forms,
            base,
        }
    }

    /// The leftmost-longest match at or after `pos` in `hay`: its start,
    /// end and pattern.
    pub(super) fn hit(&self, hay: &str, pos: usize) -> Option<(usize, usize, usize)> {
        let hit = self.automaton.find(Input::new(hay).span(pos..hay.len()))?;
        Some((hit.start(), hit.end(), hit.pattern().as_usize()))
    }

    /// Every accepted gazetteer match in `doc`, left to right, not overlapping.
    ///
    /// When the leftmost-longest match is rejected (a word character borders
    /// it, or its policy refuses it here) the search resumes one character
    /// after its start, so a later match inside it can still be found.
    pub fn find(&self, doc: &Doc<'_>, gaz: &Gazetteer) -> Vec<GazMatch> {
        if let Some(base) = &self.base {
            return layers::find(base, self, doc, gaz);
        }
        let hay = doc.folded.as_str();
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < hay.len() {
            let Some(hit) = self.automaton.find(Input::new(hay).span(pos..hay.len())) else {
                break;
            };
            let (start, end) = (hit.start(), hit.end());
            let accepted = on_word_boundaries(doc.text, start, end)
                .then(|| self.accept(doc, gaz, hit.pattern().as_usize(), start, end, None))
                .flatten();
            match accepted {
                Some(entry) => {
                    out.push(GazMatch { start, end, entry });
                    pos = end;
                }
                None => pos = start + hay[start..].chars().next().map_or(1, char::len_utf8),
            }
        }
        out
    }

    /// The entry whose policy accepts the match of `pattern` at
    /// `start..end`, strongest policy first; only among entries whose row
    /// has the policy `only`, when given.
    pub(super) fn accept(
        &self,
        doc: &Doc<'_>,
        gaz: &Gazetteer,
        pattern: usize,
        start: usize,
        end: usize,
        only: Option<MatchPolicy>,
    ) -> Option<u32> {
        let original = &doc.text[start..end];
        let capitalised = original.chars().next().is_some_and(|c| !c.is_lowercase());
        for form in &self.forms[pattern] {
            let entry = &gaz.entries[form.entry as usize];
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
                MatchPolicy::Exact => form.surface.as_deref() == Some(original),
                MatchPolicy::Fold => capitalised,
                MatchPolicy::Ambiguous => {
                    capitalised
                        && !doc.in_headline_case(start)
                        && !doc.is_sentence_initial(start)
                        && ambiguous_context(doc, entry.kind, start, end)
                }
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

/// True for a form with capitals and no lower-case letters ("UN", "U.S.", "D66").
fn is_acronym(surface: &str) -> bool {
    surface.chars().any(char::is_uppercase) && !surface.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz(rows: &str) -> Gazetteer {
        Gazetteer::from_tsv("t.tsv", &format!("key\ttype\tname\taliases\tmatch\n{rows}")).unwrap()
    }

    fn found(g: &Gazetteer, text: &str) -> Vec<String> {
        let doc = Doc::new(text, false);
        Matcher::new(g)
            .find(&doc, g)
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

    #[test]
    fn apostrophes_fold() {
        let g = gaz("p\torganization\tPeople's Daily\t\tfold\n");
        assert_eq!(found(&g, "the People’s Daily"), vec!["People’s Daily=p"]);
    }
}
