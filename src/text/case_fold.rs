//! Case folding that keeps byte offsets, so that a match found in the
//! folded text is the same span of the original.

/// Lower-case `text`, keeping every character's byte length so offsets stay
/// valid in both strings. The rare characters whose lower case has another
/// length (`İ`, `ẞ`) are left as they are.
pub(crate) fn fold_case(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // News text is mostly ASCII with a few curly quotes: copy ASCII runs
        // in bulk and decode only the characters outside them.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(ascii);
        out.push_str(run);
        // Safe to lower-case in place: ASCII folding keeps every byte's length.
        let from = out.len() - run.len();
        out[from..].make_ascii_lowercase();
        let Some(c) = tail.chars().next() else {
            break;
        };
        out.push(fold_char(c));
        rest = &tail[c.len_utf8()..];
    }
    out
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

    #[test]
    fn folding_keeps_offsets() {
        let text = "JAPAN’s İstanbul ẞ Ürümqi";
        let folded = fold_case(text);
        assert_eq!(folded.len(), text.len());
        assert!(folded.starts_with("japan’s"));
        assert!(folded.contains("ürümqi"));
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
