//! The longest pattern at a position: a byte trie built from the sorted
//! patterns, children stored contiguously (no allocation per node).
//!
//! The matcher only asks "which is the longest pattern starting here?" at
//! word starts, which is exactly what a leftmost-longest Aho-Corasick search
//! answers when it is resumed after each rejected match (see
//! `Matcher::find`). A trie answers it without failure transitions, which
//! were most of the cost of building the automaton, and is built in one
//! sort and one pass over the sorted patterns.

use std::borrow::Cow;

/// No pattern ends at this node / no child for this byte.
const NONE: u32 = u32::MAX;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Node {
    /// Index of the first child in `Trie::nodes`; children are contiguous
    /// and sorted by their byte.
    first_child: u32,
    /// Number of children.
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
    /// The child of the root for each first byte, or [`NONE`].
    root: Box<[u32; 256]>,
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
        Trie::of_order(patterns, &order)
    }

    /// `Trie::new` (test-only) of patterns already sorted, without sorting them again.
    pub(crate) fn of_sorted<P: AsRef<[u8]>>(patterns: &[P]) -> Trie {
        debug_assert!(patterns.windows(2).all(|w| w[0].as_ref() <= w[1].as_ref()));
        let order: Vec<u32> = (0..patterns.len() as u32)
            .filter(|&i| !patterns[i as usize].as_ref().is_empty())
            .collect();
        Trie::of_order(patterns, &order)
    }

    /// The trie of `patterns`, whose non-empty ones `order` lists sorted.
    fn of_order<P: AsRef<[u8]>>(patterns: &[P], order: &[u32]) -> Trie {
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
        Trie::from_parts(Nodes::Built(nodes), Cow::Owned(labels))
    }

    /// The trie of `nodes` and `labels`, with its root table.
    fn from_parts(nodes: Nodes, labels: Cow<'static, [u8]>) -> Trie {
        let mut root = Box::new([NONE; 256]);
        let r = nodes.get(0).unwrap_or(Node {
            first_child: 0,
            children: 0,
            pattern: NONE,
        });
        for child in r.first_child..r.first_child + r.children {
            root[labels[child as usize] as usize] = child;
        }
        Trie {
            nodes,
            labels,
            root,
        }
    }

    /// The trie as bytes for [`Trie::from_bytes`]: the node count, then
    /// each node's three numbers, then the labels (little-endian `u32`s).
    /// The build script writes the embedded gazetteer's trie so.
    #[allow(dead_code)] // Only the build script writes tries.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(4 + self.nodes.len() * 13);
        out.extend_from_slice(&(self.nodes.len() as u32).to_le_bytes());
        for n in self.nodes.iter() {
            for v in [n.first_child, n.children, n.pattern] {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out.extend_from_slice(&self.labels);
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
        let count = u32::from_le_bytes(*count) as usize;
        let (nodes, labels) = rest.split_at_checked(count.checked_mul(12)?)?;
        if count == 0 || labels.len() != count {
            return None;
        }
        Some(Trie::from_parts(
            Nodes::Packed(nodes),
            Cow::Borrowed(labels),
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

    /// Some pattern starts with `byte`.
    pub(crate) fn starts_with(&self, byte: u8) -> bool {
        self.root[usize::from(byte)] != NONE
    }

    fn child(&self, node: u32, byte: u8) -> u32 {
        let Some(n) = self.nodes.get(node as usize) else {
            return NONE;
        };
        let first = n.first_child as usize;
        let labels = &self.labels[first..first + n.children as usize];
        match labels.binary_search(&byte) {
            Ok(k) => (first + k) as u32,
            Err(_) => NONE,
        }
    }

    /// The longest pattern that `hay` starts with: (pattern id, length).
    pub(crate) fn longest_at(&self, hay: &[u8]) -> Option<(u32, usize)> {
        // One walk for each kind of nodes, so that no step asks which.
        match &self.nodes {
            Nodes::Built(nodes) => self.walk(hay, |i| nodes.get(i).copied()),
            Nodes::Packed(bytes) => self.walk(hay, |i| packed_node(bytes, i)),
        }
    }

    /// [`Trie::longest_at`] over the nodes `node_at` reads.
    #[inline(always)]
    fn walk(&self, hay: &[u8], node_at: impl Fn(usize) -> Option<Node>) -> Option<(u32, usize)> {
        let mut node = self.root[usize::from(*hay.first()?)];
        let mut best = None;
        let mut depth = 1;
        while let Some(n) = node_at(node as usize) {
            if n.pattern != NONE {
                best = Some((n.pattern, depth));
            }
            let Some(&b) = hay.get(depth) else {
                break;
            };
            let first = n.first_child as usize;
            let Some(labels) = self.labels.get(first..first + n.children as usize) else {
                break;
            };
            // Most nodes below the first bytes have one child or a few.
            let k = match labels.len() {
                0..=8 => labels.iter().position(|&l| l == b),
                _ => labels.binary_search(&b).ok(),
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
        nodes + self.labels.len() + 256 * 4
    }
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
}
