//! The longest pattern at a position: a byte trie built from the sorted
//! patterns, children stored contiguously (no allocation per node).
//!
//! The matcher only asks "which is the longest pattern starting here?" at
//! word starts, which is exactly what a leftmost-longest Aho-Corasick search
//! answers when it is resumed after each rejected match (see
//! `Matcher::find`). A trie answers it without failure transitions, which
//! were most of the cost of building the automaton, and is built in one
//! sort and one pass over the sorted patterns.

use std::collections::VecDeque;

/// No pattern ends at this node / no child for this byte.
const NONE: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
struct Node {
    /// Index of the first child in `Trie::nodes`; children are contiguous
    /// and sorted by their byte.
    first_child: u32,
    /// Number of children.
    children: u32,
    /// The pattern that ends here, or [`NONE`].
    pattern: u32,
}

/// A byte trie over a set of patterns.
#[derive(Clone, Debug)]
pub(crate) struct Trie {
    nodes: Vec<Node>,
    /// The byte on the edge into each node.
    labels: Vec<u8>,
    /// The child of the root for each first byte, or [`NONE`].
    root: Box<[u32; 256]>,
}

impl Trie {
    /// Build the trie of `patterns`; pattern `i` is reported as `i`.
    /// Duplicate patterns keep the first id; empty patterns are ignored.
    pub(crate) fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Trie {
        let pat = |i: u32| patterns[i as usize].as_ref();
        let mut order: Vec<u32> = (0..patterns.len() as u32)
            .filter(|&i| !pat(i).is_empty())
            .collect();
        // Stable, so that among duplicates the first id comes first.
        order.sort_by(|&a, &b| pat(a).cmp(pat(b)));
        let mut nodes = vec![Node {
            first_child: 0,
            children: 0,
            pattern: NONE,
        }];
        let mut labels = vec![0u8];
        // (node, range of `order` below it, depth). Breadth first, so that
        // every node's children are allocated together.
        let mut queue = VecDeque::from([(0u32, 0usize, order.len(), 0usize)]);
        while let Some((node, mut lo, hi, depth)) = queue.pop_front() {
            // The pattern equal to this prefix sorts first; duplicates follow.
            while lo < hi && pat(order[lo]).len() == depth {
                if nodes[node as usize].pattern == NONE {
                    nodes[node as usize].pattern = order[lo];
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
                queue.push_back((nodes.len() as u32, i, j, depth + 1));
                nodes.push(Node {
                    first_child: 0,
                    children: 0,
                    pattern: NONE,
                });
                labels.push(byte);
                i = j;
            }
            let children = nodes.len() as u32 - first_child;
            let n = &mut nodes[node as usize];
            n.first_child = first_child;
            n.children = children;
        }
        let mut root = Box::new([NONE; 256]);
        let r = nodes[0];
        for child in r.first_child..r.first_child + r.children {
            root[labels[child as usize] as usize] = child;
        }
        Trie {
            nodes,
            labels,
            root,
        }
    }

    fn child(&self, node: u32, byte: u8) -> u32 {
        let n = self.nodes[node as usize];
        let first = n.first_child as usize;
        let labels = &self.labels[first..first + n.children as usize];
        match labels.binary_search(&byte) {
            Ok(k) => (first + k) as u32,
            Err(_) => NONE,
        }
    }

    /// The longest pattern that `hay` starts with: (pattern id, length).
    pub(crate) fn longest_at(&self, hay: &[u8]) -> Option<(u32, usize)> {
        let mut node = *self.root.get(usize::from(*hay.first()?))?;
        let mut best = None;
        let mut depth = 1;
        loop {
            if node == NONE {
                return best;
            }
            let pattern = self.nodes[node as usize].pattern;
            if pattern != NONE {
                best = Some((pattern, depth));
            }
            let Some(&b) = hay.get(depth) else {
                return best;
            };
            node = self.child(node, b);
            depth += 1;
        }
    }

    /// Bytes of memory held.
    #[cfg(test)]
    pub(crate) fn heap_bytes(&self) -> usize {
        self.nodes.len() * std::mem::size_of::<Node>() + self.labels.len() + 256 * 4
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
    }
}
