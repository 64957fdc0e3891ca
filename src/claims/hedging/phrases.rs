//! The hedge phrases read by hand: what the regex [`super::HEDGE`] finds,
//! without running it.
//!
//! Every phrase is ASCII; only the word boundaries around a phrase, and
//! the word "citing" may skip, read a neighbouring character. An ASCII
//! neighbour is a word character when it is a letter, a digit or `_` (as
//! for the regex's Unicode `\w`); a neighbour outside ASCII is not decided
//! here: the reading says it is unsure and the caller runs the regex
//! instead (folded news text is almost all ASCII around its hedges).
//!
//! The regex is run lazily, so each new text state costs it a step of
//! determinization: on a short corpus most of its cost (bbc-dev: 1.3 M of
//! claims' 3.2 M instructions).

/// What reading the hedge phrases at one position found.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Read {
    /// A phrase ending at this byte.
    Match(usize),
    /// No phrase.
    NoMatch,
    /// A character outside ASCII decides: ask the regex.
    Unsure,
}

/// Is ASCII byte `b` a word character (`\w`)?
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Is the character before `i` a word character? `None` outside ASCII.
fn word_before(t: &[u8], i: usize) -> Option<bool> {
    match i.checked_sub(1).map(|k| t[k]) {
        None => Some(false),
        Some(b) if b.is_ascii() => Some(is_word_byte(b)),
        Some(_) => None,
    }
}

/// Is the character at `i` a word character? `None` outside ASCII.
fn word_at(t: &[u8], i: usize) -> Option<bool> {
    match t.get(i) {
        None => Some(false),
        Some(&b) if b.is_ascii() => Some(is_word_byte(b)),
        Some(_) => None,
    }
}

/// Where `s` ends when `t` holds it at `i`.
fn lit(t: &[u8], i: usize, s: &str) -> Option<usize> {
    t.get(i..)?.starts_with(s.as_bytes()).then_some(i + s.len())
}

/// The first of `words` that `t` holds at `i`, and where it ends (the
/// words of each list differ before the shorter one's end, so at most one
/// is there, but for "suggest" and "suggested", tried in the regex's
/// order by [`ends`]).
fn one_of(t: &[u8], i: usize, words: &[&str]) -> Option<usize> {
    words.iter().find_map(|w| lit(t, i, w))
}

/// A phrase ending at `e`, when a word boundary follows (every phrase ends
/// with a letter).
fn ends(t: &[u8], e: usize) -> Read {
    match word_at(t, e) {
        Some(false) => Read::Match(e),
        Some(true) => Read::NoMatch,
        None => Read::Unsure,
    }
}

/// The first of the readings `reads` (in the regex's order of
/// alternatives) that is not [`Read::NoMatch`], read in order and no
/// further.
fn first<const N: usize>(t: &[u8], i: usize, reads: [fn(&[u8], usize) -> Read; N]) -> Read {
    reads
        .iter()
        .map(|read| read(t, i))
        .find(|r| *r != Read::NoMatch)
        .unwrap_or(Read::NoMatch)
}

/// [`ends`] at `e`, or no match without one.
fn ends_at(t: &[u8], e: Option<usize>) -> Read {
    e.map_or(Read::NoMatch, |e| ends(t, e))
}

/// The phrases that open with a letter, in the regex's order, at `i`
/// (the boundary before `i` not read).
fn phrase_at(t: &[u8], i: usize) -> Read {
    match t[i] {
        b'r' => first(t, i, [reportedly_at, attributed_at, reports_at]),
        b'a' => first(t, i, [allegedly_at, be_verb_at, according_at]),
        b'p' => ends_at(t, lit(t, i, "purportedly")),
        b's' => ends_at(t, lit(t, i, "supposedly")),
        b'i' => first(t, i, [it_is_at, be_verb_at]),
        b'w' => first(t, i, [be_verb_at, attributed_at]),
        b'q' => attributed_at(t, i),
        b'c' => first(t, i, [citing_at, attributed_at, claimed_at]),
        _ => Read::NoMatch,
    }
}

/// `reportedly`.
fn reportedly_at(t: &[u8], i: usize) -> Read {
    ends_at(t, lit(t, i, "reportedly"))
}

/// `allegedly`.
fn allegedly_at(t: &[u8], i: usize) -> Read {
    ends_at(t, lit(t, i, "allegedly"))
}

/// `reports (?:said|say|suggest|suggested)`: "suggest" first, as the
/// regex tries it.
fn reports_at(t: &[u8], i: usize) -> Read {
    let Some(p) = lit(t, i, "reports ") else {
        return Read::NoMatch;
    };
    match ends_at(t, one_of(t, p, &["said", "say", "suggest"])) {
        Read::NoMatch => ends_at(t, lit(t, p, "suggested")),
        r => r,
    }
}

/// `it is (?:believed|thought|claimed|alleged|understood)`.
fn it_is_at(t: &[u8], i: usize) -> Read {
    let e = lit(t, i, "it is ").and_then(|p| {
        one_of(
            t,
            p,
            &["believed", "thought", "claimed", "alleged", "understood"],
        )
    });
    ends_at(t, e)
}

/// `claimed|claims that`.
fn claimed_at(t: &[u8], i: usize) -> Read {
    match ends_at(t, lit(t, i, "claimed")) {
        Read::NoMatch => ends_at(t, lit(t, i, "claims that")),
        r => r,
    }
}

/// `(?:is|are|was|were) (?:believed|thought|said|alleged|rumou?red|understood|suspected) (?:to|of)`.
fn be_verb_at(t: &[u8], i: usize) -> Read {
    let e = one_of(t, i, &["is ", "are ", "was ", "were "])
        .and_then(|p| {
            one_of(
                t,
                p,
                &[
                    "believed ",
                    "thought ",
                    "said ",
                    "alleged ",
                    "rumored ",
                    "rumoured ",
                    "understood ",
                    "suspected ",
                ],
            )
        })
        .and_then(|p| one_of(t, p, &["to", "of"]));
    ends_at(t, e)
}

/// `according to (?:media |unconfirmed |press |news |local )?reports`.
fn according_at(t: &[u8], i: usize) -> Read {
    let Some(p) = lit(t, i, "according to ") else {
        return Read::NoMatch;
    };
    let source = one_of(
        t,
        p,
        &["media ", "unconfirmed ", "press ", "news ", "local "],
    );
    match ends_at(t, source.and_then(|s| lit(t, s, "reports"))) {
        Read::NoMatch => ends_at(t, lit(t, p, "reports")),
        r => r,
    }
}

/// `(?:quote|quotation|words|remarks|comments) attributed to`.
fn attributed_at(t: &[u8], i: usize) -> Read {
    let e = one_of(
        t,
        i,
        &["quote ", "quotation ", "words ", "remarks ", "comments "],
    )
    .and_then(|p| lit(t, p, "attributed to"));
    ends_at(t, e)
}

/// `citing (?:\w+ )?(?:media|press|news|local|unconfirmed) reports`: the
/// optional word, when there is one, is the whole run of word characters
/// after "citing " (it must be followed by a space).
fn citing_at(t: &[u8], i: usize) -> Read {
    let Some(p) = lit(t, i, "citing ") else {
        return Read::NoMatch;
    };
    let source_reports = |at: usize| {
        one_of(t, at, &["media", "press", "news", "local", "unconfirmed"])
            .and_then(|s| lit(t, s, " reports"))
    };
    let mut run = p;
    while t.get(run).is_some_and(|&b| b.is_ascii() && is_word_byte(b)) {
        run += 1;
    }
    if t.get(run).is_some_and(|b| !b.is_ascii()) {
        // The word may go on past ASCII.
        return Read::Unsure;
    }
    let with_word = if run > p && t.get(run) == Some(&b' ') {
        ends_at(t, source_reports(run + 1))
    } else {
        Read::NoMatch
    };
    match with_word {
        Read::NoMatch => ends_at(t, source_reports(p)),
        r => r,
    }
}

/// Where the matches of the regex [`super::HEDGE`] in `folded` start that
/// start at or after `from` and before `to` (given that none starts at
/// or after `to`), in order; `None` when a character outside ASCII
/// decides one.
pub(super) fn phrase_starts(folded: &str, from: usize, to: usize) -> Option<Vec<usize>> {
    let t = folded.as_bytes();
    let mut out = Vec::new();
    let mut i = from;
    while i < to.min(t.len()) {
        let b = t[i];
        let read = if b == b',' {
            // `, claims`: the boundary before the comma needs a word
            // character before it.
            match lit(t, i, ", claims").map(|e| ends(t, e)) {
                None | Some(Read::NoMatch) => Read::NoMatch,
                Some(r) => match word_before(t, i) {
                    Some(true) => r,
                    Some(false) => Read::NoMatch,
                    None => Read::Unsure,
                },
            }
        } else if matches!(b, b'r' | b'a' | b'p' | b's' | b'i' | b'w' | b'q' | b'c') {
            // The boundary first: most such letters are inside words.
            match word_before(t, i) {
                Some(true) => Read::NoMatch,
                Some(false) => phrase_at(t, i),
                None => match phrase_at(t, i) {
                    Read::NoMatch => Read::NoMatch,
                    _ => Read::Unsure,
                },
            }
        } else {
            Read::NoMatch
        };
        match read {
            Read::Match(e) => {
                out.push(i);
                i = e;
            }
            Read::Unsure => return None,
            Read::NoMatch => i += 1,
        }
    }
    Some(out)
}
