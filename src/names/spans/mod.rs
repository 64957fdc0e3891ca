//! Proposed spans and the selection of those that become mentions.

use std::collections::BTreeMap;
use std::ops::Deref;

use super::tokens::Words;
#[cfg(test)]
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
pub(crate) enum RuleName {
    /// A name rule ("rule:org-head").
    Rule(&'static str),
    /// A gazetteer entry: "gazetteer:" and the entry's key.
    Gazetteer(u32),
}

impl RuleName {
    /// The rule as the mention records it.
    #[cfg(test)]
    pub(crate) fn written(self, gaz: &Gazetteer) -> String {
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
    /// The lists, kept from one article to the next.
    lists: CoverLists,
}

/// A [`Chosen`]'s lists.
#[derive(Default)]
struct CoverLists {
    /// Per token, one more than the first span of `spans` that overlaps
    /// it; 0 where none does. Longer than the tokens, and all 0 between
    /// articles: each article writes (and afterwards clears) only the
    /// tokens its spans overlap.
    cover: Vec<u32>,
    /// The tokens more than one span overlaps, in order, and one past the
    /// last of their spans.
    more: Vec<(u32, u32)>,
    /// The token ranges written in `cover`.
    written: Vec<(u32, u32)>,
    /// The tokens that start where a span starts, in order.
    starts: Vec<u32>,
}

impl<'c> Chosen<'c> {
    /// The spans overlapping each token of `words`.
    pub(super) fn new(words: &Words<'_, '_>, spans: &'c [Span]) -> Chosen<'c> {
        let toks = &words.toks;
        let mut lists = SPARE_COVER
            .try_with(std::cell::Cell::take)
            .unwrap_or_default();
        if lists.cover.len() < toks.len() {
            lists.cover.resize(toks.len(), 0);
        }
        let CoverLists {
            cover,
            more,
            written,
            starts,
        } = &mut lists;
        // Most tokens are in no span: each span fills in the tokens it
        // overlaps. That needs both starts and ends in order (then the
        // spans over a token are a run of the list); otherwise each token
        // is searched as `overlapping` does.
        let ordered = spans
            .windows(2)
            .all(|w| w[0].start <= w[1].start && w[0].end <= w[1].end);
        if ordered {
            // The first token ending after the span's start (spans start
            // in order: the search goes on from the last one's, in steps
            // that double, then halve).
            let mut k = 0;
            for (s, span) in spans.iter().enumerate() {
                k = first_ending_after(&toks[..], k, span.start);
                let s = s as u32;
                let mut j = k;
                while j < toks.len() && toks[j].start < span.end {
                    count_steps(1);
                    if cover[j] == 0 {
                        cover[j] = s + 1;
                    } else {
                        more.push((j as u32, s + 1));
                    }
                    j += 1;
                }
                written.push((k as u32, j as u32));
                if toks.get(k).is_some_and(|t| t.start == span.start) {
                    starts.push(k as u32);
                }
            }
            starts.dedup();
            // A token's spans run to the last one that overlaps it.
            if !more.is_empty() {
                more.sort_unstable();
                more.dedup_by(|later, earlier| {
                    let same = later.0 == earlier.0;
                    if same {
                        earlier.1 = later.1;
                    }
                    same
                });
            }
        } else {
            for (k, t) in toks.iter().enumerate() {
                let from = spans.partition_point(|c| c.end <= t.start);
                let to = from + spans[from..].partition_point(|c| c.start < t.end);
                if from < to {
                    cover[k] = from as u32 + 1;
                    starts.push(k as u32);
                }
                if to > from + 1 {
                    more.push((k as u32, to as u32));
                }
            }
            written.push((0, toks.len() as u32));
        }
        Chosen { spans, lists }
    }

    /// Tokens that may start a chosen span (every token that does, and
    /// some more), in order.
    pub(super) fn start_tokens(&self) -> &[u32] {
        &self.lists.starts
    }

    /// The chosen spans that overlap token `k`
    /// (`overlapping(spans, start, end)` of the token).
    #[inline]
    pub(super) fn at(&self, k: usize) -> &'c [Span] {
        let first = self.lists.cover[k];
        if first == 0 {
            return &[];
        }
        let from = first as usize - 1;
        // (Nearly always no token is under two spans.)
        if self.lists.more.is_empty() {
            return &self.spans[from..=from];
        }
        self.at_one_of_more(k, from)
    }

    /// [`Chosen::at`] for a token `k` under span `from`, some tokens being
    /// under more than one span.
    #[inline(never)]
    fn at_one_of_more(&self, k: usize, from: usize) -> &'c [Span] {
        let more = &self.lists.more;
        let to = match more.binary_search_by_key(&(k as u32), |m| m.0) {
            Ok(m) => more[m].1 as usize,
            Err(_) => from + 1,
        };
        &self.spans[from..to]
    }
}

/// The tokens [`first_ending_after`] steps over one by one before its
/// search.
const SHORT_STEPS: usize = 8;

/// The first of `toks` from `k` on that ends after `offset` (all before
/// `k` end at or before it): a search that goes on in steps that double,
/// then halve, so that a walk over many spans costs about a step per
/// token between them, and less where they are far apart.
fn first_ending_after(toks: &[super::tokens::Token], k: usize, offset: usize) -> usize {
    // (The next span is most often a few tokens on: those are stepped
    // over one by one before the search.)
    let mut lo = k;
    for _ in 0..SHORT_STEPS {
        match toks.get(lo) {
            Some(t) if t.end <= offset => {
                count_steps(1);
                lo += 1;
            }
            _ => return lo,
        }
    }
    let mut step = 1;
    // Grow: `lo` ends at or before `offset`.
    while lo + step <= toks.len() && toks[lo + step - 1].end <= offset {
        count_steps(1);
        lo += step;
        step *= 2;
    }
    let hi = (lo + step).min(toks.len());
    lo + toks[lo..hi].partition_point(|t| {
        count_steps(1);
        t.end <= offset
    })
}

thread_local! {
    /// The last [`Chosen`]'s lists, kept for the next one's (no allocation
    /// or clearing per article once they are grown).
    static SPARE_COVER: std::cell::Cell<CoverLists> =
        const { std::cell::Cell::new(CoverLists { cover: Vec::new(), more: Vec::new(), written: Vec::new(), starts: Vec::new() }) };
}

impl Drop for Chosen<'_> {
    fn drop(&mut self) {
        let mut lists = std::mem::take(&mut self.lists);
        // Only the tokens written are cleared.
        for &(from, to) in &lists.written {
            lists.cover[from as usize..to as usize].fill(0);
        }
        lists.more.clear();
        lists.written.clear();
        lists.starts.clear();
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
/// leftmost; equal keys in the order they were proposed. Blocks take part
/// but are dropped afterwards.
///
/// Spans compete only within a cluster (spans that overlap one another,
/// directly or through others): a span alone is chosen as it is, and only
/// a cluster's spans are put in the order of choice.
#[inline(never)]
pub(super) fn select(spans: Vec<Span>) -> Vec<Span> {
    let mut spare = SelectSpare::take(spans.len());
    // The proposed spans by start.
    let mut by_start = std::mem::take(&mut spare.by_start);
    by_start.extend(
        spans
            .iter()
            .enumerate()
            .filter(|(_, s)| s.start < s.end)
            .map(|(k, s)| (s.start, k as u32)),
    );
    // (The rules propose in runs by start: a stable sort merges the runs.)
    by_start.sort_by_key(|&(start, _)| start);
    // The bytes the spans of a cluster taken so far cover, a bit each: a
    // span is free when none of its bytes is.
    let bytes = spans.iter().map(|s| s.end).max().unwrap_or(0);
    let mut taken = ByteSet::reuse(std::mem::take(&mut spare.taken), bytes);
    let mut keep = std::mem::take(&mut spare.keep);
    let mut order = std::mem::take(&mut spare.order);
    let mut i = 0;
    while i < by_start.len() {
        let mut reach = spans[by_start[i].1 as usize].end;
        let mut j = i + 1;
        while j < by_start.len() && by_start[j].0 < reach {
            reach = reach.max(spans[by_start[j].1 as usize].end);
            j += 1;
        }
        let cluster = &by_start[i..j];
        i = j;
        if let [(start, k)] = *cluster {
            if spans[k as usize].kind.is_some() {
                keep.push((start, k));
            }
            continue;
        }
        order.clear();
        order.extend(cluster.iter().map(|&(start, k)| {
            let s = &spans[k as usize];
            (std::cmp::Reverse(s.end - start), s.priority, start, k)
        }));
        order.sort_unstable();
        let first_kept = keep.len();
        for &(_, _, start, k) in &order {
            let s = &spans[k as usize];
            if taken.any(start, s.end) {
                continue;
            }
            taken.insert(start, s.end);
            if s.kind.is_some() {
                keep.push((start, k));
            }
        }
        // Chosen spans do not overlap: no two share a start.
        keep[first_kept..].sort_unstable();
    }
    // (Each chosen span is moved once. The rules after the selection add
    // single names, sides and recurrences to the list: room for them, so
    // that the list grows in place, not by a copy. A list under
    // `SMALL_LIST` bytes gets none: the room would make it a large
    // allocation, which glibc's malloc serves only after merging the freed
    // small blocks, work it otherwise does later.)
    let mut spans = spans;
    let exact = keep.len() * std::mem::size_of::<Span>();
    let room = if exact < SMALL_LIST {
        0
    } else {
        keep.len() / 2 + 8
    };
    let mut chosen = Vec::with_capacity(keep.len() + room);
    chosen.extend(keep.iter().map(|&(_, k)| {
        let placeholder = Span::from_rule(0, 0, None, "");
        std::mem::replace(&mut spans[k as usize], placeholder)
    }));
    spans.clear();
    by_start.clear();
    keep.clear();
    order.clear();
    SelectSpare {
        spans,
        by_start,
        keep,
        order,
        taken: taken.0,
    }
    .keep();
    chosen
}

/// Allocations under this many bytes are small ones for glibc's malloc
/// (see [`select`]'s chosen list).
const SMALL_LIST: usize = 1024;

/// The proposal list to start an article with, room for `room` spans:
/// the list [`select`] emptied for the thread's last article, when there
/// is one (a proposal list of a long article is a large allocation, made
/// again for every article otherwise).
pub(super) fn proposal_list(room: usize) -> Vec<Span> {
    let mut spare = SelectSpare::take(room);
    let mut spans = std::mem::take(&mut spare.spans);
    // (The other buffers wait for the selection.)
    spare.keep();
    spans.reserve(room);
    spans
}

/// The selection's buffers of the thread's last article, kept for its
/// next one: the proposal list, the spans by start, the chosen ones, a
/// cluster's order of choice and the taken bytes' bits.
#[derive(Default)]
struct SelectSpare {
    spans: Vec<Span>,
    by_start: Vec<(usize, u32)>,
    keep: Vec<(usize, u32)>,
    order: Vec<(std::cmp::Reverse<usize>, Priority, usize, u32)>,
    taken: Vec<u64>,
}

thread_local! {
    static SPARE_SELECT: std::cell::Cell<SelectSpare> =
        std::cell::Cell::new(SelectSpare::default());
}

/// Buffers of up to this many spans are always kept; larger ones are
/// dropped before an article that needs a quarter as many (as the view's
/// words are, see `tokens::Spare`).
const ALWAYS_KEEP_SPANS: usize = 1 << 12;

impl SelectSpare {
    /// The kept buffers (each field may have been taken already, then
    /// empty), for an article of `spans` proposals.
    fn take(spans: usize) -> SelectSpare {
        let spare = SPARE_SELECT
            .try_with(std::cell::Cell::take)
            .unwrap_or_default();
        let served = spare.spans.capacity().max(spare.by_start.capacity());
        if served <= ALWAYS_KEEP_SPANS || spans.saturating_mul(4) >= served {
            spare
        } else {
            SelectSpare::default()
        }
    }

    /// Keep these buffers (the ones not empty) for the thread's next
    /// article.
    fn keep(self) {
        /// `new`, when it is a buffer, replaces `old`.
        fn fresh<T>(new: Vec<T>, old: &mut Vec<T>) {
            if new.capacity() > 0 {
                *old = new;
            }
        }
        // (On a thread being torn down there is nothing to keep them for.)
        let _ = SPARE_SELECT.try_with(|cell| {
            let mut kept = cell.take();
            fresh(self.spans, &mut kept.spans);
            fresh(self.by_start, &mut kept.by_start);
            fresh(self.keep, &mut kept.keep);
            fresh(self.order, &mut kept.order);
            fresh(self.taken, &mut kept.taken);
            cell.set(kept);
        });
    }
}

/// A set of byte offsets, a bit each.
struct ByteSet(Vec<u64>);

impl ByteSet {
    /// The empty set of offsets below `bytes`, in `bits` (emptied; a
    /// large buffer is dropped for a much smaller set).
    fn reuse(mut bits: Vec<u64>, bytes: usize) -> ByteSet {
        let words = bytes.div_ceil(64);
        if bits.capacity() > ALWAYS_KEEP_SPANS && words.saturating_mul(4) < bits.capacity() {
            bits = Vec::new();
        }
        bits.clear();
        bits.resize(words, 0);
        ByteSet(bits)
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
        pub(in crate::names) static STEPS: Cell<usize> = const { Cell::new(0) };
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

/// The sample article of the randomised span tests: words, a hyphen, a
/// curly apostrophe and sentence ends, eight times over.
#[cfg(test)]
pub(super) fn sample_text() -> String {
    "Ab cd, Ef-gh ij. Kl mn op’s qr st uv wx yz. ".repeat(8)
}

/// Up to 29 rule spans at random places of a text of `len` bytes, each up
/// to 20 bytes long, in the order drawn.
#[cfg(test)]
pub(super) fn random_spans(next: &mut impl FnMut(usize) -> usize, len: usize) -> Vec<Span> {
    (0..next(30))
        .map(|_| {
            let start = next(len);
            let end = (start + next(20)).min(len);
            Span::from_rule(start, end, None, "rule:test")
        })
        .collect()
}

/// A small xorshift generator for the randomised tests below: `next(n)`
/// is a number below `n`, the same sequence for the same seed.
#[cfg(test)]
pub(super) fn xorshift(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |below: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % below as u64) as usize
    }
}

#[cfg(test)]
mod select_tests;

#[cfg(test)]
mod chosen_tests;
