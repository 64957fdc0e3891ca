//! The longest pattern at a position: a byte trie built from the sorted
//! patterns, children stored contiguously (no allocation per node).
//!
//! A node with a few children finds the next byte among their labels; one
//! with many (the first letters of a word) has a table of 256 bytes, so
//! that no step of a walk searches more than eight labels.
//!
//! The matcher only asks "which is the longest pattern starting here?" at
//! word starts, which is exactly what a leftmost-longest Aho-Corasick search
//! answers when it is resumed after each rejected match (see
//! `Matcher::find`). A trie answers it without failure transitions, which
//! were most of the cost of building the automaton, and is built in one
//! sort and one pass over the sorted patterns.

use std::borrow::Cow;

use super::first_words::{word_key, FirstWords, Key};

/// No pattern ends at this node / no child for this byte.
const NONE: u32 = u32::MAX;

/// The bits of [`Node::children`] that count the children (up to 256).
const COUNT_BITS: u32 = 9;

/// Nodes with more children than this have a child table.
const FEW_CHILDREN: usize = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Node {
    /// Index of the first child in `Trie::nodes`; children are contiguous
    /// and sorted by their byte.
    first_child: u32,
    /// Number of children in the low [`COUNT_BITS`], and above them the
    /// number of the node's child table (see `Trie::dense`) plus one, or 0.
    children: u32,
    /// The pattern that ends here, or [`NONE`].
    pattern: u32,
}

/// A trie's nodes: built, or read in place from the bytes of
/// [`Trie::to_bytes`] embedded in the binary (the embedded gazetteer's ~11 MB
/// trie, which copying would fault in page by page on every cold start).
#[derive(Clone, Debug)]
enum Nodes {
    Built(Vec<Node>),
    /// Twelve bytes a node, as [`Trie::to_bytes`] writes them.
    Packed(&'static [u8]),
}

impl Nodes {
    fn len(&self) -> usize {
        match self {
            Nodes::Built(nodes) => nodes.len(),
            Nodes::Packed(bytes) => bytes.len() / 12,
        }
    }

    fn get(&self, i: usize) -> Option<Node> {
        match self {
            Nodes::Built(nodes) => nodes.get(i).copied(),
            Nodes::Packed(bytes) => packed_node(bytes, i),
        }
    }

    fn iter(&self) -> impl Iterator<Item = Node> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

/// Node `i` of the bytes of [`Trie::to_bytes`].
#[inline]
fn packed_node(bytes: &[u8], i: usize) -> Option<Node> {
    let n: &[u8; 12] = bytes.get(i * 12..i * 12 + 12)?.try_into().ok()?;
    let word = |at: usize| u32::from_le_bytes([n[at], n[at + 1], n[at + 2], n[at + 3]]);
    Some(Node {
        first_child: word(0),
        children: word(4),
        pattern: word(8),
    })
}

impl Node {
    /// The number of children.
    fn count(self) -> usize {
        (self.children & ((1 << COUNT_BITS) - 1)) as usize
    }

    /// The number of the node's child table, if it has one.
    fn table(self) -> Option<usize> {
        (self.children >> COUNT_BITS)
            .checked_sub(1)
            .map(|t| t as usize)
    }
}

impl PartialEq for Nodes {
    fn eq(&self, other: &Nodes) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Nodes {}

/// A byte trie over a set of patterns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Trie {
    nodes: Nodes,
    /// The byte on the edge into each node.
    labels: Cow<'static, [u8]>,
    /// The child tables of the nodes with many children, 256 bytes each:
    /// for each byte, 0 or the rank of the child it leads to plus one.
    dense: Cow<'static, [u8]>,
    /// The child of the root for each first byte, or [`NONE`].
    root: Box<[u32; 256]>,
    /// The node of each prefix of two ASCII bytes (`first * 128 + second`),
    /// or [`NONE`]: a walk from a word start takes its first two steps,
    /// through the widest nodes, in one read.
    pairs: Box<[u32; 128 * 128]>,
    /// The pattern of each one ASCII byte, or [`NONE`].
    singles: [u32; 128],
    /// The node of each pattern's first word (see `first_words`), when
    /// the trie was built with them.
    words: Option<FirstWords>,
}

impl Trie {
    /// Build the trie of `patterns`; pattern `i` is reported as `i`.
    /// Duplicate patterns keep the first id; empty patterns are ignored.
    #[cfg(test)] // The crate builds its tries of sorted patterns.
    pub(crate) fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Trie {
        let pat = |i: u32| patterns[i as usize].as_ref();
        let mut order: Vec<u32> = (0..patterns.len() as u32)
            .filter(|&i| !pat(i).is_empty())
            .collect();
        // Stable, so that among duplicates the first id comes first.
        order.sort_by(|&a, &b| pat(a).cmp(pat(b)));
        Trie::of_order(patterns, &order, true)
    }

    /// `Trie::new` (test-only) of patterns already sorted, without sorting
    /// them again; with the table of their first words when `first_words`
    /// (see [`Trie::longest_at_word`]).
    pub(crate) fn of_sorted<P: AsRef<[u8]>>(patterns: &[P], first_words: bool) -> Trie {
        debug_assert!(patterns.windows(2).all(|w| w[0].as_ref() <= w[1].as_ref()));
        let order: Vec<u32> = (0..patterns.len() as u32)
            .filter(|&i| !patterns[i as usize].as_ref().is_empty())
            .collect();
        Trie::of_order(patterns, &order, first_words)
    }

    /// The trie of `patterns`, whose non-empty ones `order` lists sorted.
    fn of_order<P: AsRef<[u8]>>(patterns: &[P], order: &[u32], first_words: bool) -> Trie {
        let pat = |i: u32| patterns[i as usize].as_ref();
        let mut nodes = vec![Node {
            first_child: 0,
            children: 0,
            pattern: NONE,
        }];
        let mut labels = vec![0u8];
        // Breadth first, so that every node's children are allocated
        // together: the nodes of one depth are numbered from `first` on,
        // and `level` holds the range of `order` below each of them.
        let mut level = vec![(0u32, order.len() as u32)];
        let mut next = Vec::new();
        let (mut first, mut depth) = (0u32, 0usize);
        while !level.is_empty() {
            for (k, &(lo, hi)) in level.iter().enumerate() {
                let node = first as usize + k;
                let (mut lo, hi) = (lo as usize, hi as usize);
                // The pattern equal to this prefix sorts first; duplicates follow.
                while lo < hi && pat(order[lo]).len() == depth {
                    if nodes[node].pattern == NONE {
                        nodes[node].pattern = order[lo];
                    }
                    lo += 1;
                }
                let first_child = nodes.len() as u32;
                let mut i = lo;
                while i < hi {
                    let byte = pat(order[i])[depth];
                    let mut j = i + 1;
                    while j < hi && pat(order[j])[depth] == byte {
                        j += 1;
                    }
                    next.push((i as u32, j as u32));
                    nodes.push(Node {
                        first_child: 0,
                        children: 0,
                        pattern: NONE,
                    });
                    labels.push(byte);
                    i = j;
                }
                let children = nodes.len() as u32 - first_child;
                let n = &mut nodes[node];
                n.first_child = first_child;
                n.children = children;
            }
            first += level.len() as u32;
            depth += 1;
            std::mem::swap(&mut level, &mut next);
            next.clear();
        }
        let dense = child_tables(&mut nodes, &labels);
        let mut trie = Trie::from_parts(
            Nodes::Built(nodes),
            Cow::Owned(labels),
            Cow::Owned(dense),
            None,
        );
        if first_words {
            trie.words = Some(trie.first_words(order.iter().map(|&i| pat(i))));
        }
        trie
    }

    /// The table of the first words of `patterns` (sorted) and their nodes.
    fn first_words<'p>(&self, patterns: impl Iterator<Item = &'p [u8]>) -> FirstWords {
        let mut words: Vec<(Key, u32)> = Vec::new();
        // Pattern words: FNV, as for the crate's other fixed word tables.
        let mut seen: std::collections::HashSet<&[u8], crate::hash::FnvBuild> =
            std::collections::HashSet::default();
        for pattern in patterns {
            let Some(key) = word_key(pattern) else {
                continue;
            };
            if seen.insert(&pattern[..key.len()]) {
                if let Some(node) = self.node_of(&pattern[..key.len()]) {
                    words.push((key, node));
                }
            }
        }
        FirstWords::new(&words)
    }

    /// The trie of `nodes`, `labels` and child tables `dense`, with its
    /// root table.
    fn from_parts(
        nodes: Nodes,
        labels: Cow<'static, [u8]>,
        dense: Cow<'static, [u8]>,
        words: Option<FirstWords>,
    ) -> Trie {
        let mut root = Box::new([NONE; 256]);
        let r = nodes.get(0).unwrap_or(Node {
            first_child: 0,
            children: 0,
            pattern: NONE,
        });
        let children = |n: Node| {
            let first = n.first_child as usize;
            (first..first + n.count()).filter_map(|child| Some((child as u32, *labels.get(child)?)))
        };
        let mut pairs: Box<[u32; 128 * 128]> = vec![NONE; 128 * 128]
            .into_boxed_slice()
            .try_into()
            .unwrap_or_else(|_| unreachable!("128 * 128 entries"));
        let mut singles = [NONE; 128];
        for (child, label) in children(r) {
            root[usize::from(label)] = child;
            if label >= 0x80 {
                continue;
            }
            let Some(n) = nodes.get(child as usize) else {
                continue;
            };
            singles[usize::from(label)] = n.pattern;
            for (grandchild, second) in children(n).filter(|&(_, b)| b < 0x80) {
                pairs[usize::from(label) * 128 + usize::from(second)] = grandchild;
            }
        }
        Trie {
            nodes,
            labels,
            dense,
            root,
            pairs,
            singles,
            words,
        }
    }

    /// The trie as bytes for [`Trie::from_bytes`]: the node count and the
    /// number of child tables (little-endian `u32`s), then each node's three
    /// numbers (little-endian `u32`s), the labels, the child tables and the
    /// first words' table (`first_words`; nothing when the trie has none).
    /// The build script writes the embedded gazetteer's trie so.
    #[allow(dead_code)] // Only the build script writes tries.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let words = self.words.as_ref().map_or(&[][..], FirstWords::bytes);
        let size = 8 + self.nodes.len() * 13 + self.dense.len() + words.len();
        let mut out = Vec::with_capacity(size);
        out.extend_from_slice(&(self.nodes.len() as u32).to_le_bytes());
        out.extend_from_slice(&((self.dense.len() / 256) as u32).to_le_bytes());
        for n in self.nodes.iter() {
            for v in [n.first_child, n.children, n.pattern] {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out.extend_from_slice(&self.labels);
        out.extend_from_slice(&self.dense);
        out.extend_from_slice(words);
        out
    }

    /// Read a trie written by [`Trie::to_bytes`], in place; `None` when
    /// `bytes` does not have its shape.
    ///
    /// The nodes are not checked one by one, which would read (and fault
    /// in) the whole trie on every cold start: every read of a node or a
    /// label is bounds-checked, and a test holds the build script's trie to
    /// the one the crate builds.
    #[allow(dead_code)] // The build script only writes tries.
    pub(crate) fn from_bytes(bytes: &'static [u8]) -> Option<Trie> {
        let (count, rest) = bytes.split_first_chunk::<4>()?;
        let (tables, rest) = rest.split_first_chunk::<4>()?;
        let count = u32::from_le_bytes(*count) as usize;
        let tables = u32::from_le_bytes(*tables) as usize;
        let (nodes, rest) = rest.split_at_checked(count.checked_mul(12)?)?;
        let (labels, rest) = rest.split_at_checked(count)?;
        let (dense, words) = rest.split_at_checked(tables.checked_mul(256)?)?;
        if count == 0 {
            return None;
        }
        Some(Trie::from_parts(
            Nodes::Packed(nodes),
            Cow::Borrowed(labels),
            Cow::Borrowed(dense),
            match words {
                [] => None,
                words => Some(FirstWords::from_bytes(words)?),
            },
        ))
    }

    /// The number of patterns.
    #[allow(dead_code)] // Not used by the build script.
    pub(crate) fn patterns(&self) -> usize {
        self.nodes.iter().filter(|n| n.pattern != NONE).count()
    }

    /// The pattern equal to `pattern`, if there is one.
    #[allow(dead_code)] // Not used by the build script.
    pub(crate) fn exact(&self, pattern: &[u8]) -> Option<u32> {
        let (&first, rest) = pattern.split_first()?;
        let mut node = self.root[usize::from(first)];
        for &b in rest {
            if node == NONE {
                return None;
            }
            node = self.child(node, b);
        }
        let p = self.nodes.get(node as usize)?.pattern;
        (p != NONE).then_some(p)
    }

    /// The node of the prefix `prefix` (not empty), if some pattern starts
    /// with it.
    fn node_of(&self, prefix: &[u8]) -> Option<u32> {
        let (&first, rest) = prefix.split_first()?;
        let mut node = self.root[usize::from(first)];
        for &b in rest {
            if node == NONE {
                return None;
            }
            node = self.child(node, b);
        }
        (node != NONE).then_some(node)
    }

    /// Some pattern starts with `bytes`.
    pub(crate) fn has_prefix(&self, bytes: &[u8]) -> bool {
        let Some((&first, rest)) = bytes.split_first() else {
            return true;
        };
        let mut node = self.root[usize::from(first)];
        for &b in rest {
            if node == NONE {
                return false;
            }
            node = self.child(node, b);
        }
        node != NONE
    }

    /// Some pattern starts with `byte`.
    pub(crate) fn starts_with(&self, byte: u8) -> bool {
        self.root[usize::from(byte)] != NONE
    }

    fn child(&self, node: u32, byte: u8) -> u32 {
        let Some(n) = self.nodes.get(node as usize) else {
            return NONE;
        };
        let first = n.first_child as usize;
        let Some(labels) = self.labels.get(first..first + n.count()) else {
            return NONE;
        };
        match labels.binary_search(&byte) {
            Ok(k) => (first + k) as u32,
            Err(_) => NONE,
        }
    }

    /// The longest pattern that `hay` starts with: (pattern id, length).
    #[inline(always)]
    pub(crate) fn longest_at(&self, hay: &[u8]) -> Option<(u32, usize)> {
        // One walk for each kind of nodes, so that no step asks which.
        match &self.nodes {
            Nodes::Built(nodes) => self.walk(hay, |i| nodes.get(i).copied()),
            Nodes::Packed(bytes) => self.walk(hay, |i| packed_node(bytes, i)),
        }
    }

    /// [`Trie::longest_at`] at a word start, for a scan that rejects a
    /// match followed by a word character: the same answer, except `None`
    /// where the longest pattern ends inside the first word of `hay` (a
    /// run of ASCII letters and digits followed by an ASCII byte, or the
    /// end). Such a word is looked up in the first words' table: when no
    /// pattern starts with it and the byte after, the trie is not entered;
    /// else the walk starts at its node. (A trie built without the table
    /// walks from the root.)
    #[inline(always)]
    pub(crate) fn longest_at_word(&self, hay: &[u8]) -> Option<(u32, usize)> {
        let (Some(words), Some(key)) = (&self.words, word_key(hay)) else {
            return self.longest_at(hay);
        };
        let node = words.node(key)?;
        match &self.nodes {
            Nodes::Built(nodes) => {
                self.walk_from(hay, (node, None, key.len()), |i| nodes.get(i).copied())
            }
            Nodes::Packed(bytes) => {
                self.walk_from(hay, (node, None, key.len()), |i| packed_node(bytes, i))
            }
        }
    }

    /// [`Trie::longest_at`] over the nodes `node_at` reads.
    #[inline(always)]
    fn walk(&self, hay: &[u8], node_at: impl Fn(usize) -> Option<Node>) -> Option<(u32, usize)> {
        let start = match *hay {
            // Two ASCII bytes (most word starts): no node read for the
            // first step.
            [a @ 0..0x80, b @ 0..0x80, ..] => {
                let one = self.singles[usize::from(a)];
                let best = (one != NONE).then_some((one, 1));
                (self.pairs[usize::from(a) * 128 + usize::from(b)], best, 2)
            }
            [a, ..] => (self.root[usize::from(a)], None, 1),
            [] => return None,
        };
        self.walk_from(hay, start, node_at)
    }

    /// The walk from `node`, which `hay[..depth]` leads to, having found
    /// `best` on the way.
    #[inline(always)]
    fn walk_from(
        &self,
        hay: &[u8],
        (mut node, mut best, mut depth): (u32, Option<(u32, usize)>, usize),
        node_at: impl Fn(usize) -> Option<Node>,
    ) -> Option<(u32, usize)> {
        while let Some(n) = node_at(node as usize) {
            if n.pattern != NONE {
                best = Some((n.pattern, depth));
            }
            let Some(&b) = hay.get(depth) else {
                break;
            };
            let first = n.first_child as usize;
            let k = match n.table() {
                Some(t) => match self.dense.get(t * 256 + usize::from(b)) {
                    Some(&rank) => usize::from(rank).checked_sub(1),
                    None => None,
                },
                None => {
                    let Some(labels) = self.labels.get(first..first + n.count()) else {
                        break;
                    };
                    // Most nodes below the first bytes have one child or a few.
                    if labels.len() <= FEW_CHILDREN {
                        labels.iter().position(|&l| l == b)
                    } else {
                        labels.binary_search(&b).ok()
                    }
                }
            };
            let Some(k) = k else {
                break;
            };
            node = (first + k) as u32;
            depth += 1;
        }
        best
    }

    /// Bytes of memory held.
    #[cfg(test)]
    pub(crate) fn heap_bytes(&self) -> usize {
        let nodes = match &self.nodes {
            Nodes::Built(nodes) => nodes.len() * std::mem::size_of::<Node>(),
            Nodes::Packed(_) => 0,
        };
        let tables = 256 * 4 + 128 * 128 * 4 + 128 * 4;
        let words = self.words.as_ref().map_or(0, |w| w.bytes().len());
        nodes + self.labels.len() + self.dense.len() + tables + words
    }
}

/// The child tables of the nodes with more than [`FEW_CHILDREN`] children
/// (and fewer than 256, so that a rank plus one fits a byte), each node's
/// table number recorded in its `children`.
fn child_tables(nodes: &mut [Node], labels: &[u8]) -> Vec<u8> {
    let mut dense = Vec::new();
    for n in nodes.iter_mut() {
        let count = n.count();
        if count <= FEW_CHILDREN || count >= 256 {
            continue;
        }
        let base = dense.len();
        dense.resize(base + 256, 0u8);
        let first = n.first_child as usize;
        for (rank, &label) in (1u8..).zip(&labels[first..first + count]) {
            dense[base + usize::from(label)] = rank;
        }
        n.children |= ((base / 256 + 1) as u32) << COUNT_BITS;
    }
    dense
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_prefix() {
        let t = Trie::new(&["china", "china daily", "chin", "", "x", "china"]);
        assert_eq!(t.longest_at(b"china dailyx"), Some((1, 11)));
        assert_eq!(t.longest_at(b"china dai"), Some((0, 5)));
        assert_eq!(t.longest_at(b"chinx"), Some((2, 4)));
        assert_eq!(t.longest_at(b"chi"), None);
        assert_eq!(t.longest_at(b"xy"), Some((4, 1)));
        assert_eq!(t.longest_at(b""), None);
        assert!(t.heap_bytes() > 0);
        assert_eq!(t.exact(b"china"), Some(0));
        assert_eq!(t.exact(b"chin"), Some(2));
        assert_eq!(
            (t.exact(b"chi"), t.exact(b"chinaa"), t.exact(b"")),
            (None, None, None)
        );
    }

    #[test]
    fn bytes_round_trip() {
        let t = Trie::new(&["china", "china daily", "chin", "x", "ürümqi"]);
        let bytes: &'static [u8] = t.to_bytes().leak();
        assert_eq!(Trie::from_bytes(bytes), Some(t.clone()));
        assert_eq!(Trie::from_bytes(&bytes[..bytes.len() - 1]), None);
        assert_eq!(Trie::from_bytes(&[]), None);
    }

    /// The longest of `patterns` that `hay` starts with, the first id
    /// among equal ones.
    fn longest_by_hand(patterns: &[String], hay: &[u8]) -> Option<(u32, usize)> {
        let mut best: Option<(u32, usize)> = None;
        for (i, p) in patterns.iter().enumerate() {
            let fits = !p.is_empty() && hay.starts_with(p.as_bytes());
            if fits && best.is_none_or(|(_, len)| p.len() > len) {
                best = Some((i as u32, p.len()));
            }
        }
        best
    }

    proptest::proptest! {
        /// With nodes of every width (child tables from nine children on),
        /// built or read back from bytes, the trie finds the longest
        /// pattern at every position.
        #[test]
        fn longest_at_every_position(
            patterns in proptest::collection::vec("[a-tü ]{1,4}", 1..300),
            text in "[a-uü ]{0,60}",
        ) {
            let built = Trie::new(&patterns);
            let read = Trie::from_bytes(built.to_bytes().leak()).expect("a trie");
            proptest::prop_assert_eq!(&read, &built);
            for at in 0..text.len() {
                let expected = longest_by_hand(&patterns, &text.as_bytes()[at..]);
                proptest::prop_assert_eq!(built.longest_at(&text.as_bytes()[at..]), expected);
                proptest::prop_assert_eq!(read.longest_at(&text.as_bytes()[at..]), expected);
            }
        }
    }

    proptest::proptest! {
        /// At every position, built or read back from bytes, the walk from
        /// a word's node gives the walk's answer, less a match that ends
        /// inside the first word; words of every length, some longer than
        /// the table holds, some followed by a character outside ASCII.
        #[test]
        fn word_starts_answer_as_the_walk(
            patterns in proptest::collection::vec("[a-c0-9 .é]{1,5}|[ab]{14,17}[ .]?", 1..120),
            text in "([a-d0-9 .,é]{0,6}|[ab]{14,17}){0,12}",
        ) {
            let built = Trie::new(&patterns);
            let read = Trie::from_bytes(built.to_bytes().leak()).expect("a trie");
            proptest::prop_assert_eq!(&read, &built);
            for at in 0..text.len() {
                let hay = &text.as_bytes()[at..];
                let full = longest_by_hand(&patterns, hay);
                let expected = match word_key(hay) {
                    Some(key) => full.filter(|&(_, len)| len >= key.len()),
                    None => full,
                };
                proptest::prop_assert_eq!(built.longest_at_word(hay), expected);
                proptest::prop_assert_eq!(read.longest_at_word(hay), expected);
            }
        }
    }

    #[test]
    fn wide_nodes_have_tables() {
        let patterns: Vec<String> = (b'a'..=b'z').map(|b| format!("x{}", b as char)).collect();
        let t = Trie::new(&patterns);
        assert_eq!(t.dense.len(), 256, "x has a table, the root has one child");
        assert_eq!(t.longest_at(b"xq"), Some((16, 2)));
        assert_eq!(t.exact(b"xz"), Some(25));
    }
}
