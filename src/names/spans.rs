//! Proposed spans and the selection of those that become mentions.

use std::collections::BTreeMap;
use std::ops::Deref;

use super::tokens::Words;
use crate::gazetteer::Gazetteer;
use crate::record::EntityType;

/// A proposed span: a mention, or a block (a non-entity name such as a law
/// or a territorial designation) that swallows the matches inside it.
#[derive(Clone, Debug)]
pub(super) struct Span {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: Option<EntityType>,
    pub(super) entry: Option<u32>,
    pub(super) canonical: Option<String>,
    pub(super) rule: RuleName,
    /// Decides among spans of equal length.
    pub(super) priority: Priority,
}

impl Span {
    /// A rule's span: no gazetteer entry, no canonical name, rule priority.
    pub(super) fn from_rule(
        start: usize,
        end: usize,
        kind: Option<EntityType>,
        rule: &'static str,
    ) -> Span {
        Span {
            start,
            end,
            kind,
            entry: None,
            canonical: None,
            rule: rule.into(),
            priority: Priority::Rule,
        }
    }
}

/// Which rule or gazetteer entry proposed a span: its mention's `rule`,
/// written out only for the spans chosen (no string per proposed span).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum RuleName {
    /// A name rule ("rule:org-head").
    Rule(&'static str),
    /// A gazetteer entry: "gazetteer:" and the entry's key.
    Gazetteer(u32),
}

impl RuleName {
    /// The rule as the mention records it.
    pub(super) fn written(self, gaz: &Gazetteer) -> String {
        match self {
            RuleName::Rule(rule) => rule.to_owned(),
            RuleName::Gazetteer(entry) => {
                // (Two copies, not `format!`: one per mention.)
                let key = &gaz.entries()[entry as usize].key;
                let mut rule = String::with_capacity("gazetteer:".len() + key.len());
                rule.push_str("gazetteer:");
                rule.push_str(key);
                rule
            }
        }
    }
}

impl From<&'static str> for RuleName {
    fn from(rule: &'static str) -> RuleName {
        RuleName::Rule(rule)
    }
}

impl PartialEq<&str> for RuleName {
    fn eq(&self, other: &&str) -> bool {
        matches!(self, RuleName::Rule(rule) if rule == other)
    }
}

/// Which of two spans of equal length wins: the earlier variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Priority {
    /// The text says what the name is: an acronym definition, or a person
    /// named after a title ("Mr. Thornbury" over a small town's name).
    Defined,
    /// A gazetteer match.
    Listed,
    /// A name rule.
    Rule,
    /// An organization after a descriptor ("firm Yili"): any other reading
    /// of the same words wins.
    Descriptor,
}

/// True when `start..end` overlaps a span of `taken` (start → end, not
/// overlapping each other).
pub(super) fn overlaps_map(taken: &BTreeMap<usize, usize>, start: usize, end: usize) -> bool {
    taken
        .range(..end)
        .next_back()
        .is_some_and(|(_, &e)| e > start)
}

/// The spans of `sorted` (by start, not overlapping) that overlap `start..end`.
pub(super) fn overlapping(sorted: &[Span], start: usize, end: usize) -> &[Span] {
    &sorted[overlapping_range(sorted, start, end)]
}

/// Where [`overlapping`]'s spans are in `sorted`.
pub(super) fn overlapping_range(
    sorted: &[Span],
    start: usize,
    end: usize,
) -> std::ops::Range<usize> {
    let from = sorted.partition_point(|c| c.end <= start);
    let to = from + sorted[from..].partition_point(|c| c.start < end);
    from..to
}

/// The chosen spans (sorted by start), and for each token the chosen spans
/// that overlap it: the rules after the selection ask this of most tokens,
/// so it is found in one walk over both lists rather than by a search per
/// token and rule. Reads as the slice of spans.
pub(super) struct Chosen<'c> {
    spans: &'c [Span],
    /// Per token, the range of `spans` that overlaps it.
    cover: Vec<(u32, u32)>,
    /// The tokens that start where a span starts, in order.
    starts: Vec<u32>,
}

impl<'c> Chosen<'c> {
    /// The spans overlapping each token of `words`.
    pub(super) fn new(words: &Words<'_, '_>, spans: &'c [Span]) -> Chosen<'c> {
        let toks = &words.toks;
        // Most tokens are in no span: all start empty, and each span
        // fills in the tokens it overlaps. That needs both starts and ends
        // in order (then the spans over a token are a run of the list);
        // otherwise each token is searched as `overlapping` does.
        let ordered = spans
            .windows(2)
            .all(|w| w[0].start <= w[1].start && w[0].end <= w[1].end);
        let (mut cover, mut starts) = SPARE_COVER
            .try_with(std::cell::Cell::take)
            .unwrap_or_default();
        cover.clear();
        starts.clear();
        if ordered {
            cover.resize(toks.len(), (0, 0));
            // The first token ending after the span's start (spans start
            // in order: the walk goes on from the last one's).
            let mut k = 0;
            for (s, span) in spans.iter().enumerate() {
                while k < toks.len() && toks[k].end <= span.start {
                    count_steps(1);
                    k += 1;
                }
                let s = s as u32;
                let mut j = k;
                while j < toks.len() && toks[j].start < span.end {
                    count_steps(1);
                    let c = &mut cover[j];
                    if c.0 == c.1 {
                        c.0 = s;
                    }
                    c.1 = s + 1;
                    j += 1;
                }
                if toks.get(k).is_some_and(|t| t.start == span.start) {
                    starts.push(k as u32);
                }
            }
            starts.dedup();
        } else {
            for t in toks {
                let from = spans.partition_point(|c| c.end <= t.start);
                let to = from + spans[from..].partition_point(|c| c.start < t.end);
                cover.push((from as u32, to as u32));
            }
            starts.extend(
                (0..toks.len())
                    .filter(|&k| cover[k].0 < cover[k].1)
                    .map(|k| k as u32),
            );
        }
        Chosen {
            spans,
            cover,
            starts,
        }
    }

    /// Tokens that may start a chosen span (every token that does, and
    /// some more), in order.
    pub(super) fn start_tokens(&self) -> &[u32] {
        &self.starts
    }

    /// The chosen spans that overlap token `k`
    /// (`overlapping(spans, start, end)` of the token).
    pub(super) fn at(&self, k: usize) -> &'c [Span] {
        let (from, to) = self.cover[k];
        &self.spans[from as usize..to as usize]
    }
}

/// A [`Chosen`]'s per-token cover and span-start tokens.
type CoverLists = (Vec<(u32, u32)>, Vec<u32>);

thread_local! {
    /// The last [`Chosen`]'s lists, kept for the next one's (no allocation
    /// per article once they are grown).
    static SPARE_COVER: std::cell::Cell<CoverLists> =
        const { std::cell::Cell::new((Vec::new(), Vec::new())) };
}

impl Drop for Chosen<'_> {
    fn drop(&mut self) {
        let lists = (
            std::mem::take(&mut self.cover),
            std::mem::take(&mut self.starts),
        );
        // (At a thread's end the spare is gone: the lists are dropped.)
        let _ = SPARE_COVER.try_with(|spare| spare.set(lists));
    }
}

impl Deref for Chosen<'_> {
    type Target = [Span];

    fn deref(&self) -> &[Span] {
        self.spans
    }
}

/// Choose non-overlapping spans: longest first, then by priority, then
/// leftmost. Blocks take part but are dropped afterwards.
pub(super) fn select(spans: Vec<Span>) -> Vec<Span> {
    // The bytes the spans taken so far cover, a bit each: a span is free
    // when none of its bytes is (work linear in the spans' lengths).
    let bytes = spans.iter().map(|s| s.end).max().unwrap_or(0);
    let mut taken = ByteSet::new(bytes);
    let mut keep: Vec<(usize, u32)> = Vec::new();
    for k in selection_order(&spans, bytes) {
        let k = k as u32;
        let s = &spans[k as usize];
        if taken.any(s.start, s.end) {
            continue;
        }
        taken.insert(s.start, s.end);
        if s.kind.is_some() {
            keep.push((s.start, k));
        }
    }
    // Chosen spans do not overlap: no two share a start. (Sorted as small
    // keys; each span is moved once.)
    keep.sort_unstable();
    let mut spans = spans;
    keep.iter()
        .map(|&(_, k)| {
            let placeholder = Span::from_rule(0, 0, None, "");
            std::mem::replace(&mut spans[k as usize], placeholder)
        })
        .collect()
}

/// A set of byte offsets, a bit each.
struct ByteSet(Vec<u64>);

impl ByteSet {
    /// The empty set of offsets below `bytes`.
    fn new(bytes: usize) -> ByteSet {
        ByteSet(vec![0; bytes.div_ceil(64)])
    }

    /// The bits of word `w` in `start..end`.
    fn mask(w: usize, start: usize, end: usize) -> u64 {
        let from = start.max(w * 64) - w * 64;
        let to = end.min(w * 64 + 64) - w * 64;
        let below = |k: usize| if k == 64 { u64::MAX } else { (1 << k) - 1 };
        below(to) & !below(from)
    }

    /// Some offset of `start..end` (not empty) is in the set.
    fn any(&self, start: usize, end: usize) -> bool {
        (start / 64..end.div_ceil(64)).any(|w| self.0[w] & ByteSet::mask(w, start, end) != 0)
    }

    /// Adds the offsets `start..end` (not empty).
    fn insert(&mut self, start: usize, end: usize) {
        for w in start / 64..end.div_ceil(64) {
            self.0[w] |= ByteSet::mask(w, start, end);
        }
    }
}

/// The indices of the non-empty `spans` (ending at most at `bytes`) in the
/// order they are chosen: longest first, then by priority, then leftmost;
/// equal keys in the order they were proposed.
fn selection_order(spans: &[Span], bytes: usize) -> Vec<u64> {
    let proposed = spans.iter().enumerate().filter(|(_, s)| s.start < s.end);
    if bytes < 1 << 22 && spans.len() < 1 << 18 {
        // The whole key in 64 bits (offsets and lengths fit in 22, the
        // index in 18): length (inverted, longest first), priority, start,
        // index. Nearly every article is that short; the key is then
        // replaced by its index in place.
        let mut keys: Vec<u64> = proposed
            .map(|(k, s)| {
                let shorter = (1 << 22) - 1 - (s.end - s.start) as u64;
                shorter << 42 | (s.priority as u64) << 40 | (s.start as u64) << 18 | k as u64
            })
            .collect();
        keys.sort_unstable();
        keys.iter_mut().for_each(|key| *key &= (1 << 18) - 1);
        return keys;
    }
    if bytes <= u32::MAX as usize && spans.len() <= u32::MAX as usize {
        // The whole key in one integer (offsets fit in 32 bits): length
        // (inverted, longest first), priority, start, index.
        let mut keys: Vec<u128> = proposed
            .map(|(k, s)| {
                let shorter = u32::MAX - (s.end - s.start) as u32;
                u128::from(shorter) << 96
                    | (s.priority as u128) << 64
                    | (s.start as u128) << 32
                    | k as u128
            })
            .collect();
        keys.sort_unstable();
        keys.into_iter().map(|key| u64::from(key as u32)).collect()
    } else {
        let mut keys: Vec<(std::cmp::Reverse<usize>, Priority, usize, usize)> = proposed
            .map(|(k, s)| (std::cmp::Reverse(s.end - s.start), s.priority, s.start, k))
            .collect();
        keys.sort_unstable();
        keys.into_iter().map(|(_, _, _, k)| k as u64).collect()
    }
}

/// Spans proposed so far, asked whether a new span overlaps any of them:
/// by a search, since a comparison with each is quadratic when a long
/// article proposes many.
pub(super) struct Proposed {
    /// The spans there were at the start (they may overlap each other),
    /// by start: their starts, and the greatest end up to each.
    starts: Vec<usize>,
    reach: Vec<usize>,
    /// The spans added since (not overlapping each other): start → end.
    added: BTreeMap<usize, usize>,
}

impl Proposed {
    /// The spans of `spans`, in any order.
    pub(super) fn new(spans: &[Span]) -> Proposed {
        let mut bounds: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
        bounds.sort_unstable();
        let starts = bounds.iter().map(|&(start, _)| start).collect();
        let reach = bounds
            .iter()
            .scan(0, |reach, &(_, end)| {
                *reach = end.max(*reach);
                Some(*reach)
            })
            .collect();
        Proposed {
            starts,
            reach,
            added: BTreeMap::new(),
        }
    }

    /// True when `start..end` overlaps a span proposed so far.
    pub(super) fn overlaps(&self, start: usize, end: usize) -> bool {
        let before = self.starts.partition_point(|&s| {
            count_steps(1);
            s < end
        });
        // The map's search: a step per call (its depth grows as a log).
        count_steps(1);
        (before > 0 && self.reach[before - 1] > start) || overlaps_map(&self.added, start, end)
    }

    /// Adds `start..end`, which overlaps no span proposed so far.
    pub(super) fn add(&mut self, start: usize, end: usize) {
        self.added.insert(start, end);
    }
}

/// Counts `n` steps of work for the tests that check a rule's work grows
/// with the article, not faster.
pub(super) fn count_steps(n: usize) {
    #[cfg(test)]
    tests::STEPS.with(|s| s.set(s.get() + n));
    let _ = n;
}

#[cfg(test)]
pub(super) mod tests {
    use std::cell::Cell;

    use crate::{Article, ArticleRecord as Record, Extractor};

    thread_local! {
        /// Steps counted by `count_steps`.
        pub(super) static STEPS: Cell<usize> = const { Cell::new(0) };
    }

    /// The steps per unit of an article made of `text(50)` and of
    /// `text(800)` units (16 times the text), after `check` on each record.
    pub(in crate::names) fn steps_per_unit(
        text: impl Fn(usize) -> String,
        check: impl Fn(&Record),
    ) -> [f64; 2] {
        let x = Extractor::new();
        let mut per_unit = [0.0; 2];
        for (k, units) in [50, 800].into_iter().enumerate() {
            STEPS.with(|s| s.set(0));
            let record = x.extract(&Article::new("a", text(units))).unwrap();
            check(&record);
            per_unit[k] = STEPS.with(Cell::get) as f64 / units as f64;
        }
        per_unit
    }
}
