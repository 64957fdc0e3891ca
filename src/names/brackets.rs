//! The article's opening brackets, round and angle, found in one pass over
//! its bytes: acronym definitions start at a '(' and wire companies at a
//! '<', and two searches of the whole text (one per byte) cost twice the
//! one pass that tests 32 bytes at a time for both.

/// The byte offsets of every '(' and '<' of `text`, in increasing order.
#[inline(never)]
pub(super) fn opening_brackets(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut chunks = bytes.chunks_exact(32);
    let mut base = 0;
    for chunk in &mut chunks {
        // (No early exit: the compiler tests the 32 bytes as vectors.)
        let any = chunk.iter().fold(0u8, |any, &b| {
            any | u8::from(b == b'(') | u8::from(b == b'<')
        });
        if any != 0 {
            push_brackets(chunk, base, &mut found);
        }
        base += 32;
    }
    push_brackets(chunks.remainder(), base, &mut found);
    found
}

/// The brackets of `bytes` (which start at `base`) pushed onto `found`.
fn push_brackets(bytes: &[u8], base: usize, found: &mut Vec<usize>) {
    for (k, &b) in bytes.iter().enumerate() {
        if b == b'(' || b == b'<' {
            found.push(base + k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::opening_brackets;
    use proptest::prelude::*;

    /// What the two searches found: every '(' and every '<'.
    fn by_search(text: &str) -> Vec<usize> {
        let mut found: Vec<usize> = text.match_indices(['(', '<']).map(|(k, _)| k).collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn brackets_at_chunk_edges() {
        for len in 0..100 {
            for at in 0..len {
                let mut text = "a".repeat(len).into_bytes();
                text[at] = b'(';
                if at + 1 < len {
                    text[len - 1] = b'<';
                }
                let text = String::from_utf8(text).unwrap();
                assert_eq!(opening_brackets(&text), by_search(&text), "{text}");
            }
        }
    }

    proptest! {
        #[test]
        fn brackets_as_the_searches_find(text in "[a (<é)>\n]{0,200}") {
            prop_assert_eq!(opening_brackets(&text), by_search(&text));
        }
    }
}
