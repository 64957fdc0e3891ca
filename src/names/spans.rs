//! Proposed spans and the selection of those that become mentions.

use std::collections::BTreeMap;

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

/// Choose non-overlapping spans: longest first, then by priority, then
/// leftmost. Blocks take part but are dropped afterwards.
pub(super) fn select(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by_key(|s| (std::cmp::Reverse(s.end - s.start), s.priority, s.start));
    let mut chosen: Vec<Span> = Vec::new();
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    for s in spans {
        if s.start >= s.end || overlaps_map(&taken, s.start, s.end) {
            continue;
        }
        taken.insert(s.start, s.end);
        chosen.push(s);
    }
    chosen.retain(|s| s.kind.is_some());
    chosen.sort_by_key(|s| (s.start, s.end));
    chosen
}
