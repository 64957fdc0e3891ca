//! Sentence boundaries (UAX #29) around one terminator.
//!
//! Within a line whose characters all have a [`class_of`] (ASCII and the
//! common non-ASCII of news text: curly quotes, dashes, Latin letters), a
//! boundary can only follow a terminator (`.`, `!`, `?`): rule SB11,
//! `SATerm Close* Sp* ÷`. Everywhere else the state is "plain" and no rule
//! fires. So the splitter does not run the rules over every byte: at each
//! terminator of the token stream it runs [`window`], the state machine of
//! `unicode-segmentation`'s forward iterator, from the terminator until the
//! state is plain again (a few characters), and reports the boundaries it
//! found. The rules there look back at most one character before the
//! terminator, which [`window`] reads to seed its state.

/// The sentence-break classes of UAX #29 that the fast lines hold (no
/// `OLetter`, `Sep`, `Format` or `Extend`: lines with those are segmented
/// by `unicode-segmentation`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Class {
    Cr,
    Lf,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    SContinue,
    Close,
    Other,
}

/// The class of each ASCII byte.
static ASCII: [Class; 128] = {
    let mut t = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = ascii_class(b as u8);
        b += 1;
    }
    t
};

const fn ascii_class(b: u8) -> Class {
    match b {
        b'\r' => Class::Cr,
        b'\n' => Class::Lf,
        b'\t' | 0x0b | 0x0c | b' ' => Class::Sp,
        b'a'..=b'z' => Class::Lower,
        b'A'..=b'Z' => Class::Upper,
        b'0'..=b'9' => Class::Numeric,
        b'.' => Class::ATerm,
        b'!' | b'?' => Class::STerm,
        b',' | b'-' | b':' | b';' => Class::SContinue,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Class::Close,
        _ => Class::Other,
    }
}

/// The class of a character the fast path knows, `None` for the rest.
pub(super) fn class_of(c: char) -> Option<Class> {
    if c.is_ascii() {
        return Some(ASCII[c as usize]);
    }
    Some(match c {
        '‘' | '’' | '“' | '”' | '«' | '»' => Class::Close,
        '–' | '—' => Class::SContinue,
        '\u{a0}' => Class::Sp,
        '£' | '€' | '°' | '×' | '÷' | '…' | '•' => Class::Other,
        'À'..='ɏ' if c.is_lowercase() => Class::Lower,
        'À'..='ɏ' if c.is_uppercase() => Class::Upper,
        _ => return None,
    })
}

/// What the state remembers of one earlier character (runs of `Close` and
/// of `Sp` count once), as in `unicode-segmentation`'s forward iterator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Sot,
    Other,
    Cr,
    Lf,
    ATerm,
    UpperLower,
    ClosePlus,
    SpPlus,
    STerm,
}

/// The last four parts, oldest first.
#[derive(Clone, Copy, Debug)]
struct State([Part; 4]);

impl State {
    fn next(self, c: Class) -> State {
        let p = self.0;
        match (p[3], c) {
            (Part::ClosePlus, Class::Close) | (Part::SpPlus, Class::Sp) => self,
            _ => State([p[1], p[2], p[3], part_of(c)]),
        }
    }

    /// The index of the terminator behind `Close*` (after skipping `Sp*`
    /// first when `skip_sp`), for rules SB8, SB8a and SB11.
    fn term_index(self, mut idx: usize, skip_sp: bool) -> Option<usize> {
        let p = self.0;
        if skip_sp && p[idx] == Part::SpPlus {
            idx = idx.checked_sub(1)?;
        }
        if p[idx] == Part::ClosePlus {
            idx = idx.checked_sub(1)?;
        }
        Some(idx)
    }

    fn is_term_at(self, idx: Option<usize>) -> bool {
        idx.is_some_and(|i| matches!(self.0[i], Part::STerm | Part::ATerm))
    }

    /// SB8: `ATerm Close* Sp* ×` when a lower-case letter follows before
    /// any letter, separator or terminator (`lower_ahead`, asked only
    /// after an `ATerm`).
    fn sb8(self, lower_ahead: impl FnOnce() -> bool) -> bool {
        let Some(idx) = self.term_index(3, true) else {
            return false;
        };
        self.0[idx] == Part::ATerm && lower_ahead()
    }

    /// SB8a: `SATerm Close* Sp*` before `SContinue | SATerm`, and SB10.
    fn sb8a(self) -> bool {
        self.is_term_at(self.term_index(3, true))
    }

    /// SB9: `SATerm Close*` before `Close | Sp | ParaSep`.
    fn sb9(self) -> bool {
        self.is_term_at(self.term_index(3, false))
    }

    /// SB11: `SATerm Close* Sp* ParaSep? ÷`.
    fn sb11(self) -> bool {
        let start = match self.0[3] {
            Part::Cr | Part::Lf => 2,
            _ => 3,
        };
        self.is_term_at(self.term_index(start, true))
    }

    /// No rule can break before the next character, nor look further back
    /// than the last part, while the last part is a letter or "other".
    fn is_plain(self) -> bool {
        matches!(self.0[3], Part::UpperLower | Part::Other)
    }

    /// True when a boundary comes before a character of class `c` in this
    /// state; `lower_ahead` answers SB8's look-ahead from that character.
    fn breaks_before(self, c: Class, lower_ahead: impl FnOnce() -> bool) -> bool {
        let last = self.0[3];
        match c {
            // The start of a line is a boundary the caller knows.
            _ if last == Part::Sot => false,
            Class::Lf if last == Part::Cr => false,
            _ if matches!(last, Part::Cr | Part::Lf) => true,
            Class::Numeric if last == Part::ATerm => false,
            Class::Upper if self.0[2] == Part::UpperLower && last == Part::ATerm => false,
            _ if self.sb8(lower_ahead) => false,
            Class::SContinue | Class::STerm | Class::ATerm if self.sb8a() => false,
            Class::Close | Class::Sp | Class::Cr | Class::Lf if self.sb9() => false,
            Class::Sp | Class::Cr | Class::Lf if self.sb8a() => false,
            _ => self.sb11(),
        }
    }
}

/// The part a character of class `c` leaves in the state.
fn part_of(c: Class) -> Part {
    match c {
        Class::Cr => Part::Cr,
        Class::Lf => Part::Lf,
        Class::ATerm => Part::ATerm,
        Class::Upper | Class::Lower => Part::UpperLower,
        Class::Close => Part::ClosePlus,
        Class::Sp => Part::SpPlus,
        Class::STerm => Part::STerm,
        Class::Numeric | Class::SContinue | Class::Other => Part::Other,
    }
}

/// True when `b` is a terminator byte (`ATerm` or `STerm`): where a
/// [`window`] starts.
pub(super) fn is_terminator(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?')
}

/// The class and length of the character at `pos` of `text`.
fn class_at(text: &str, pos: usize) -> (Class, usize) {
    let b = text.as_bytes()[pos];
    if b.is_ascii() {
        return (ASCII[b as usize], 1);
    }
    let c = text[pos..]
        .chars()
        .next()
        .unwrap_or(char::REPLACEMENT_CHARACTER);
    (class_of(c).unwrap_or(Class::Other), c.len_utf8())
}

/// Run the rules from the terminator at byte `start` of `text` (on a line
/// whose characters all have a [`class_of`]) until no rule can fire before
/// the next terminator: the state is plain, or the line ends (at its `\n`,
/// which is not read, or at the end of the text). Push the offset of each
/// boundary found to `breaks` (each is the start of a non-space character
/// of the line) and return the offset where the window stopped.
pub(super) fn window(text: &str, start: usize, breaks: &mut Vec<usize>) -> usize {
    match quick_window(text.as_bytes(), start) {
        Some(Quick::LineEnd) => start + 1,
        Some(Quick::Capital) => {
            breaks.push(start + 2);
            start + 3
        }
        None => window_by_rules(text, start, breaks),
    }
}

/// The two endings of most sentences, which [`quick_window`] recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Quick {
    /// `word.` at the end of its line or of the text: no boundary in the
    /// window (the line break is one the caller knows).
    LineEnd,
    /// `word. C`: a boundary before the capital, where the window stops.
    Capital,
}

/// The window from the terminator at `start` when it follows an ASCII
/// letter or digit and is followed by the end of its line, or by one space
/// and an ASCII capital: what [`window_by_rules`] finds there, without
/// running the rules (no rule breaks before such a terminator; SB9 holds
/// the space; SB11 breaks before the capital, SB8 looking ahead sees the
/// capital first). `None` for every other terminator.
#[inline]
fn quick_window(bytes: &[u8], start: usize) -> Option<Quick> {
    if start == 0 || !bytes[start - 1].is_ascii_alphanumeric() {
        return None;
    }
    match bytes.get(start + 1..) {
        Some([] | [b'\n', ..]) => Some(Quick::LineEnd),
        Some([b' ', c, ..]) if c.is_ascii_uppercase() => Some(Quick::Capital),
        _ => None,
    }
}

/// [`window`] by the rules, for any terminator.
fn window_by_rules(text: &str, start: usize, breaks: &mut Vec<usize>) -> usize {
    let bytes = text.as_bytes();
    // The state before the terminator: only its last part is ever read
    // (rule SB7 looks one character back), the older ones say "nothing".
    let mut state = match text[..start].chars().next_back() {
        None | Some('\n') => State([Part::Sot; 4]),
        Some(c) => State([
            Part::Other,
            Part::Other,
            Part::Other,
            part_of(class_of(c).unwrap_or(Class::Other)),
        ]),
    };
    // SB8's look-ahead answer and the offset up to which it holds (the
    // character that decided it): a run of spaces or quotes after a full
    // stop asks the same question at each character.
    let mut ahead: Option<(usize, bool)> = None;
    let mut pos = start;
    while pos < bytes.len() && bytes[pos] != b'\n' {
        let (c, len) = class_at(text, pos);
        let before = state;
        state = before.next(c);
        if before.breaks_before(c, || match ahead {
            Some((until, answer)) if pos <= until => answer,
            _ => {
                let (until, answer) = lower_ahead(text, pos);
                ahead = Some((until, answer));
                answer
            }
        }) {
            breaks.push(pos);
        }
        pos += len;
        if state.is_plain() {
            break;
        }
    }
    pos
}

/// SB8's look-ahead from `pos`: whether a lower-case letter comes before
/// any letter, paragraph separator or terminator, and the offset of the
/// character that decided it (the end of the line when none did).
fn lower_ahead(text: &str, pos: usize) -> (usize, bool) {
    for (i, c) in text[pos..].char_indices() {
        #[cfg(test)]
        tests::CHARS_LOOKED_AHEAD.with(|n| n.set(n.get() + 1));
        match class_of(c).unwrap_or(Class::Other) {
            Class::Lower => return (pos + i, true),
            Class::Upper | Class::Cr | Class::Lf | Class::STerm | Class::ATerm => {
                return (pos + i, false)
            }
            _ => {}
        }
    }
    (text.len(), false)
}

#[cfg(test)]
pub(super) mod tests {
    use std::cell::Cell;

    use super::*;

    thread_local! {
        /// Characters read by SB8's look-ahead on this thread.
        pub(crate) static CHARS_LOOKED_AHEAD: Cell<usize> = const { Cell::new(0) };
    }

    /// Every character [`class_of`] knows: the fast lines' alphabet.
    pub(crate) fn known_chars() -> impl Iterator<Item = char> {
        (0u32..0x250)
            .chain([
                0x2018, 0x2019, 0x201c, 0x201d, 0x2013, 0x2014, 0x20ac, 0xab, 0xbb,
            ])
            .filter_map(char::from_u32)
            .filter(|&c| class_of(c).is_some())
    }

    /// The quick windows are the rules' windows, for every terminator
    /// between any two characters of a small alphabet and before any two
    /// more.
    #[test]
    fn quick_windows_are_the_rules_windows() {
        let alphabet = [
            "a", "Z", "5", " ", "\n", "\r", ".", "!", "?", "\"", "’", ",", "é", "É",
        ];
        let mut quick = 0;
        for before in alphabet.iter().chain([&""]) {
            for term in [".", "!", "?"] {
                for a in alphabet.iter().chain([&""]) {
                    for b in alphabet.iter().chain([&""]) {
                        for c in alphabet.iter().chain([&""]) {
                            let text = format!("{before}{term}{a}{b}{c}");
                            let start = before.len();
                            let (mut fast, mut slow) = (Vec::new(), Vec::new());
                            let fast_end = window(&text, start, &mut fast);
                            let slow_end = window_by_rules(&text, start, &mut slow);
                            assert_eq!((fast, fast_end), (slow, slow_end), "{text:?}");
                            quick += usize::from(quick_window(text.as_bytes(), start).is_some());
                        }
                    }
                }
            }
        }
        assert!(quick > 1_000, "{quick} quick windows");
    }

    #[test]
    fn windows_stop_when_plain() {
        let text = "He left. Then? \"Yes.\" ok";
        let mut breaks = Vec::new();
        let end = window(text, 7, &mut breaks);
        assert_eq!((breaks.as_slice(), end), (&[9][..], 10));
        breaks.clear();
        let end = window(text, 13, &mut breaks);
        assert_eq!((breaks.as_slice(), end), (&[15][..], 17));
    }
}
