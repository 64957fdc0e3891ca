//! Case folding that keeps byte offsets, so that a match found in the
//! folded text is the same span of the original.

/// Lower-case `text`, keeping every character's byte length so offsets stay
/// valid in both strings. The rare characters whose lower case has another
/// length (`İ`, `ẞ`) are left as they are.
pub(crate) fn fold_case(text: &str) -> String {
    let mut out = String::new();
    fold_case_into(text, &mut out);
    out
}

/// [`fold_case`] into `out`, whose old content (and buffer) it replaces.
pub(crate) fn fold_case_into(text: &str, out: &mut String) {
    // News text is mostly ASCII with a few curly quotes: lower-case all the
    // bytes at once (ASCII folding keeps every byte's length and leaves the
    // bytes of other characters alone), then fold the characters outside
    // ASCII in place, each into one of the same length. The copy stays a
    // `String` throughout, so that it is never checked for UTF-8 again.
    out.clear();
    out.push_str(text);
    out.make_ascii_lowercase();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(at) = next_non_ascii(bytes, i) {
        // The commonest characters outside ASCII have no case: U+0080 to
        // U+00BF (no-break space, `£`, `°`) and U+2000 to U+203F (curly
        // quotes, dashes, `…`, `•`), skipped without decoding.
        match bytes[at..] {
            [0xc2, ..] => {
                i = at + 2;
                continue;
            }
            [0xe2, 0x80, ..] => {
                i = at + 3;
                continue;
            }
            _ => {}
        }
        let c = text[at..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        let folded = fold_char(c);
        i = at + c.len_utf8();
        if folded != c {
            out.replace_range(at..i, folded.encode_utf8(&mut [0; 4]));
        }
    }
}

/// The offset of the first byte outside ASCII at or after `i`, read
/// thirty-two bytes at a time (most stretches between two characters
/// outside ASCII are longer), then eight.
pub(super) fn next_non_ascii(bytes: &[u8], mut i: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(i..i + 32) {
        let word = |at: usize| u64::from_le_bytes(chunk[at..at + 8].try_into().expect("eight"));
        if (word(0) | word(8) | word(16) | word(24)) & HIGH != 0 {
            break;
        }
        i += 32;
    }
    while let Some(word) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        if word & HIGH != 0 {
            break;
        }
        i += 8;
    }
    bytes[i..].iter().position(|b| !b.is_ascii()).map(|n| i + n)
}

/// The character `c` becomes in the folded text: its lower case when that
/// is one character of the same length, else `c`.
pub(crate) fn fold_char(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::is_word_char;
    use super::*;

    proptest::proptest! {
        /// The first byte outside ASCII, found by words, is the first
        /// found byte by byte, from every start.
        #[test]
        fn next_non_ascii_is_the_first(
            bytes in proptest::collection::vec(proptest::sample::select(vec![b'a', b' ', 0x7f, 0x80, 0xc3]), 0..80),
            from in 0usize..80,
        ) {
            let from = from.min(bytes.len());
            let first = bytes[from..].iter().position(|b| !b.is_ascii()).map(|n| from + n);
            proptest::prop_assert_eq!(next_non_ascii(&bytes, from), first);
        }
    }

    #[test]
    fn folding_keeps_offsets() {
        let text = "JAPAN’s İstanbul ẞ Ürümqi";
        let folded = fold_case(text);
        assert_eq!(folded.len(), text.len());
        assert!(folded.starts_with("japan’s"));
        assert!(folded.contains("ürümqi"));
    }

    /// Folding in place agrees with folding each character on its own,
    /// for every character, inside ASCII text.
    #[test]
    fn folding_in_place_folds_each_character() {
        let mut out = String::from("old content");
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            let text = format!("Ab{c}Cd{c}");
            fold_case_into(&text, &mut out);
            let f = fold_char(c);
            assert_eq!(out, format!("ab{f}cd{f}"), "{c:?}");
        }
    }

    #[test]
    fn folding_keeps_word_characters() {
        // Matches are found in the folded text and their word boundaries
        // checked in the original: both must agree on every character.
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            let folded = fold_case(c.encode_utf8(&mut [0; 4]));
            let f = folded.chars().next().unwrap();
            assert_eq!(is_word_char(c), is_word_char(f), "{c:?}");
        }
    }
}
