//! Two matchers searched as one: the embedded gazetteer's, compiled once per
//! process, and one over the entries a user adds, so that adding a few rows
//! compiles a few rows.
//!
//! The layered search gives the matches of one matcher over both sets of
//! entries, as long as the user's entries only add to the embedded ones
//! (the builder compiles everything afresh when they replace or deny an
//! embedded entry): at each step the leftmost-longest match of either
//! layer, and when both layers hold the same form there, their entries are
//! tried in the order one matcher would try them (strongest policy first,
//! embedded entries before the user's within a policy).

use crate::lexicon::Lexicon;
use crate::text::{on_word_boundaries, Doc};

use super::matcher::{GazMatch, Matcher};
use super::{Gazetteer, MatchPolicy};

/// A layer's next match (start, end, pattern), remembered while it still
/// lies ahead of the search position.
type Hit = Option<(usize, usize, usize)>;

/// Every accepted match of `base` and `user` in `doc`, as `Matcher::find`.
pub(super) fn find(
    base: &Matcher,
    user: &Matcher,
    doc: &Doc<'_>,
    gaz: &Gazetteer,
    lex: &Lexicon,
) -> Vec<GazMatch> {
    let hay = doc.folded.as_str();
    let mut out = Vec::new();
    let mut pos = 0;
    // A leftmost-longest match found from an earlier position is still the
    // leftmost-longest from any position up to its start.
    let (mut next_base, mut next_user): (Hit, Hit) = (None, None);
    while pos < hay.len() {
        next_base = refresh(base, hay, pos, next_base);
        next_user = refresh(user, hay, pos, next_user);
        let Some((start, end)) = leftmost_longest(next_base, next_user) else {
            break;
        };
        let at = |hit: Hit| hit.filter(|&(s, e, _)| (s, e) == (start, end)).map(|h| h.2);
        let (from_base, from_user) = (at(next_base), at(next_user));
        let accepted = on_word_boundaries(doc.text, start, end)
            .then(|| {
                [
                    MatchPolicy::Exact,
                    MatchPolicy::Fold,
                    MatchPolicy::Ambiguous,
                ]
                .into_iter()
                .find_map(|policy| {
                    let try_layer = |layer: &Matcher, pattern: Option<usize>| {
                        pattern.and_then(|p| {
                            layer.accept(doc, gaz, lex, p, (start, end), Some(policy))
                        })
                    };
                    try_layer(base, from_base).or_else(|| try_layer(user, from_user))
                })
            })
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

/// `layer`'s next match from `pos`: the remembered one while it starts at
/// or after `pos`, else searched again.
fn refresh(layer: &Matcher, hay: &str, pos: usize, remembered: Hit) -> Hit {
    match remembered {
        Some(hit) if hit.0 >= pos => Some(hit),
        _ => layer.hit(hay, pos),
    }
}

/// The span of the leftmost of two matches, the longer at the same start.
fn leftmost_longest(a: Hit, b: Hit) -> Option<(usize, usize)> {
    let span = |h: Hit| h.map(|(s, e, _)| (s, e));
    match (span(a), span(b)) {
        (Some(x), Some(y)) => Some(
            if (x.0, std::cmp::Reverse(x.1)) <= (y.0, std::cmp::Reverse(y.1)) {
                x
            } else {
                y
            },
        ),
        (x, y) => x.or(y),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::gazetteer::Entry;
    use crate::record::EntityType;

    /// A small deterministic generator (xorshift), so that failures replay.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }

        fn pick(&mut self, items: &[&'static str]) -> &'static str {
            items[self.below(items.len())]
        }
    }

    const WORDS: &[&str] = &[
        "new", "york", "city", "us", "apple", "reading", "china", "daily", "o'neil", "zürich",
        "la", "paz", "who",
    ];

    fn cased(rng: &mut Rng, word: &str) -> String {
        match rng.below(3) {
            0 => word.to_string(),
            1 => word.to_uppercase(),
            _ => {
                let mut c = word.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }
        }
    }

    fn phrase(rng: &mut Rng) -> String {
        let n = 1 + rng.below(3);
        let words: Vec<String> = (0..n)
            .map(|_| {
                let w = rng.pick(WORDS);
                cased(rng, w)
            })
            .collect();
        words.join(" ")
    }

    fn entry(rng: &mut Rng, key: String) -> Entry {
        let kind = [
            EntityType::Place,
            EntityType::Organization,
            EntityType::Person,
        ][rng.below(3)];
        let policy = [
            MatchPolicy::Exact,
            MatchPolicy::Fold,
            MatchPolicy::Ambiguous,
        ][rng.below(3)];
        let aliases: Vec<String> = (0..rng.below(3)).map(|_| phrase(rng)).collect();
        Entry::new(key, kind, phrase(rng))
            .aliases(aliases)
            .policy(policy)
    }

    fn text(rng: &mut Rng) -> String {
        let mut out = String::new();
        for _ in 0..40 {
            let w = rng.pick(WORDS);
            out.push_str(&cased(rng, w));
            out.push_str(rng.pick(&[" ", " ", " ", ", ", ". ", " in ", "\n\n", "’s "]));
        }
        out
    }

    #[test]
    fn layers_match_as_one_matcher() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let (mut matches, mut user_matches) = (0, 0);
        for round in 0..300 {
            let mut merged = Gazetteer::new();
            let base_len = 1 + rng.below(12);
            for i in 0..base_len {
                merged.push(entry(&mut rng, format!("b{i}")));
            }
            let base = Arc::new(Matcher::new(&merged));
            for i in 0..1 + rng.below(4) {
                merged.push(entry(&mut rng, format!("u{i}")));
            }
            let layered = Matcher::layered(base, &merged, base_len);
            let one = Matcher::new(&merged);
            for _ in 0..5 {
                let text = text(&mut rng);
                let doc = Doc::new(&text, rng.below(2) == 0);
                let found = one.find(&doc, &merged, Lexicon::embedded());
                assert_eq!(
                    layered.find(&doc, &merged, Lexicon::embedded()),
                    found,
                    "round {round}: {merged:?}\n{text}"
                );
                matches += found.len();
                user_matches += found
                    .iter()
                    .filter(|m| m.entry as usize >= base_len)
                    .count();
            }
        }
        // The texts do exercise both layers.
        assert!(
            matches > 2000 && user_matches > 500,
            "{matches} {user_matches}"
        );
    }
}
