//! Words around an offset and word boundaries, read straight from the text.

/// True when a word character continues a name or number at this position.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True when `start..end` in `text` is a whole word sequence: no word
/// character right before `start` or right after `end`.
pub(crate) fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

/// Words longer than this are not names; scanning stops there so that a
/// huge token costs a bounded amount per look.
const MAX_WORD_CHARS: usize = 64;

fn is_inner_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.' | '&')
}

pub(crate) fn word_before(text: &str, offset: usize) -> Option<(usize, &str)> {
    let head = text[..offset].trim_end_matches([' ', '\t']);
    let end = head.len();
    let start = head
        .char_indices()
        .rev()
        .take(MAX_WORD_CHARS)
        .take_while(|&(_, c)| is_inner_word_char(c))
        .last()
        .map(|(i, _)| i)?;
    let word = head[start..end].trim_end_matches(['.', '\'', '’', '-']);
    let word = word.trim_start_matches(['.', '\'', '’', '-']);
    if word.is_empty() {
        None
    } else {
        let lead = head[start..end].len()
            - head[start..end]
                .trim_start_matches(['.', '\'', '’', '-'])
                .len();
        Some((start + lead, word))
    }
}

pub(crate) fn word_after(text: &str, offset: usize) -> Option<(usize, &str)> {
    let tail = &text[offset..];
    let skipped = tail.len() - tail.trim_start_matches([' ', '\t']).len();
    let start = offset + skipped;
    let len: usize = text[start..]
        .chars()
        .take(MAX_WORD_CHARS)
        .take_while(|&c| is_inner_word_char(c))
        .map(char::len_utf8)
        .sum();
    let word = text[start..start + len].trim_end_matches(['.', '\'', '’', '-']);
    if word.is_empty() {
        None
    } else {
        Some((start, word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_around_offsets() {
        let text = "said Mr. Smith, in London.";
        assert_eq!(word_before(text, 9), Some((5, "Mr")));
        assert_eq!(word_after(text, 4), Some((5, "Mr")));
    }
}
