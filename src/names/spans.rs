//! Proposed spans and the selection of those that become mentions.

use std::collections::BTreeMap;
use std::ops::Deref;

use super::tokens::Words;
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
    pub(super) rule: String,
    /// Decides among spans of equal length.
    pub(super) priority: Priority,
}

impl Span {
    /// A rule's span: no gazetteer entry, no canonical name, rule priority.
    pub(super) fn from_rule(
        start: usize,
        end: usize,
        kind: Option<EntityType>,
        rule: &str,
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
    let from = sorted.partition_point(|c| c.end <= start);
    let to = from + sorted[from..].partition_point(|c| c.start < end);
    &sorted[from..to]
}

/// The chosen spans (sorted by start), and for each token the chosen spans
/// that overlap it: the rules after the selection ask this of most tokens,
/// so it is found in one walk over both lists rather than by a search per
/// token and rule. Reads as the slice of spans.
pub(super) struct Chosen<'c> {
    spans: &'c [Span],
    /// Per token, the range of `spans` that overlaps it.
    cover: Vec<(u32, u32)>,
}

impl<'c> Chosen<'c> {
    /// The spans overlapping each token of `words`.
    pub(super) fn new(words: &Words<'_, '_>, spans: &'c [Span]) -> Chosen<'c> {
        let toks = &words.toks;
        let mut cover = Vec::with_capacity(toks.len());
        // One walk needs both starts and ends in order (spans that do not
        // overlap); otherwise each token is searched as `overlapping` does.
        let ordered = spans
            .windows(2)
            .all(|w| w[0].start <= w[1].start && w[0].end <= w[1].end);
        if ordered {
            let (mut from, mut to) = (0, 0);
            for t in toks {
                while from < spans.len() && spans[from].end <= t.start {
                    from += 1;
                }
                to = to.max(from);
                while to < spans.len() && spans[to].start < t.end {
                    to += 1;
                }
                cover.push((from as u32, to as u32));
            }
        } else {
            for t in toks {
                let from = spans.partition_point(|c| c.end <= t.start);
                let to = from + spans[from..].partition_point(|c| c.start < t.end);
                cover.push((from as u32, to as u32));
            }
        }
        Chosen { spans, cover }
    }

    /// The chosen spans that overlap token `k`
    /// (`overlapping(spans, start, end)` of the token).
    pub(super) fn at(&self, k: usize) -> &'c [Span] {
        let (from, to) = self.cover[k];
        &self.spans[from as usize..to as usize]
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
    // The order is decided on small keys, not by moving the spans; the
    // index keeps equal keys in the order they were proposed.
    let mut order: Vec<(std::cmp::Reverse<usize>, Priority, usize, u32)> = spans
        .iter()
        .enumerate()
        .filter(|(_, s)| s.start < s.end)
        .map(|(k, s)| {
            let length = std::cmp::Reverse(s.end - s.start);
            (length, s.priority, s.start, k as u32)
        })
        .collect();
    order.sort_unstable();
    // The bytes the spans taken so far cover: a span is free when none of
    // its bytes is (work linear in the spans' lengths).
    let bytes = spans.iter().map(|s| s.end).max().unwrap_or(0);
    let mut taken = vec![false; bytes];
    let mut keep = vec![false; spans.len()];
    for &(_, _, _, k) in &order {
        let s = &spans[k as usize];
        let range = &mut taken[s.start..s.end];
        if range.contains(&true) {
            continue;
        }
        range.fill(true);
        keep[k as usize] = s.kind.is_some();
    }
    let mut chosen: Vec<Span> = spans
        .into_iter()
        .zip(keep)
        .filter_map(|(s, keep)| keep.then_some(s))
        .collect();
    // Chosen spans do not overlap: no two share a start.
    chosen.sort_unstable_by_key(|s| (s.start, s.end));
    chosen
}
