//! Headline case: lines written in Title Case or ALL CAPS, where capitals
//! say nothing about names.

use unicode_segmentation::UnicodeSegmentation;

/// True for a line written in Title Case or ALL CAPS (a headline style).
pub(crate) fn is_title_or_caps(line: &str) -> bool {
    let mut words = 0usize;
    let mut capitalised = 0usize;
    let mut has_lower = false;
    for w in line.unicode_words() {
        if w.chars().any(char::is_lowercase) {
            has_lower = true;
        }
        // Short function words ("of", "in", "the") stay lower in Title Case.
        if w.chars().count() < 4 || !w.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        words += 1;
        if w.chars().next().is_some_and(char::is_uppercase) {
            capitalised += 1;
        }
    }
    if words == 0 {
        return false;
    }
    if !has_lower {
        return true;
    }
    words >= 3 && capitalised * 10 >= words * 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_styles() {
        assert!(is_title_or_caps("China Justifies Uyghur Strategy"));
        assert!(is_title_or_caps("JAPAN AND CHINA SIGN DEAL"));
        assert!(!is_title_or_caps(
            "China has rejected the genocide allegations."
        ));
    }
}
