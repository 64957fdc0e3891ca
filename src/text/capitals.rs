//! The capitals test: where a capital letter says nothing about names.
//!
//! Capitals say nothing in a headline style: the title, and lines written in
//! Title Case or ALL CAPS ([`is_title_or_caps`]: no lower-case letter, or at
//! least three words of four letters or more, 80% of them capitalised).
//! Every capitals test of the pipeline is one of the two readings here (the
//! claims stage also asks [`is_title_or_caps`] of a quoted passage, to tell a
//! title from a quote); no stage keeps its own.
//!
//! The two readings answer two questions. [`Doc::in_headline_case`]: *is
//! this offset in headline-style text?* (the title, or a Title Case or ALL
//! CAPS line, however it ends); the gazetteer's ambiguous entries and the
//! figure rules ask it before reading a capital as a name. [`Doc::capitals_mute`]:
//! *may the name rules read a capital here as a sign of a name?* (not in the
//! title or an ALL CAPS line; in a Title Case line only when it does not end
//! like a sentence). They differ because the Title Case count also catches
//! prose dense with names ("Thousands gathered in Liberation Square on
//! Friday.", a results paragraph): the name rules must still find those
//! names, so a sentence ending gives their capitals back, while the
//! gazetteer and the figures only withhold a reading there (an ambiguous
//! match, "a number after a capitalised word is part of a name") and keep the
//! wider test. Merging them, either way, changes the conll-dev output, so
//! both stay.
//!
//! A token's own case (capitalised, ALL CAPS…) is a fact of its base token
//! ([`super::tokens::Case`]).

use unicode_segmentation::UnicodeSegmentation;

use super::Doc;

impl Doc<'_> {
    /// True when `offset` lies in a headline or another line written in
    /// Title Case or ALL CAPS, where capitals say nothing about names.
    pub fn in_headline_case(&self, offset: usize) -> bool {
        if let Some(h) = &self.headline {
            if h.contains(&offset) {
                return true;
            }
        }
        let line = self.line_index(offset);
        *self.line_is_headline[line]
            .get_or_init(|| is_title_or_caps(&self.text[self.line_span(offset)]))
    }

    /// Capitals say nothing here: the title, an ALL-CAPS line, or a Title
    /// Case line that does not end like a sentence. (A short body sentence
    /// full of names, "Thousands gathered in Liberation Square on Friday.",
    /// is Title Case by count but ends with a full stop.)
    pub fn capitals_mute(&self, offset: usize) -> bool {
        if self.headline.as_ref().is_some_and(|h| h.contains(&offset)) {
            return true;
        }
        let line = self.text[self.line_span(offset)].trim_end();
        let all_caps = !line.chars().any(char::is_lowercase);
        // Decide on the cheap tests first: a body line ending like a sentence
        // is never mute, whatever its case, so the (costly) headline-case test
        // is only read for the rest.
        (all_caps || !line.ends_with(['.', '!', '?', '"', '”', ')', ':', ';', ',']))
            && self.in_headline_case(offset)
    }
}

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
