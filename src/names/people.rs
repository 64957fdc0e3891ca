//! Person names: after a title or role, with a speech cue or an appositive
//! role, a listed given name with a surname, or a family name first.

use std::cell::Cell;

use super::candidates::{each, Candidates, Marked};
use super::spans::{Chosen, Priority, Span};
use super::stage_names::Tally;
use super::tokens::Words;
use crate::lexicon::{mark, TitleKind};
use crate::record::EntityType;

impl<'d, 'a> Words<'d, 'a> {
    pub(super) fn is_particle(&self, i: usize) -> bool {
        self.has(i, mark::PARTICLE)
    }

    pub(super) fn title_at(&self, i: usize) -> Option<(usize, TitleKind)> {
        self.toks.get(i).and_then(|t| t.title_at(i))
    }

    /// The title or role starting at token `i` (asked once, by the view,
    /// at each word a title can start at: the lists are not inlined).
    #[inline]
    pub(super) fn compute_title_at(&self, i: usize) -> Option<(usize, TitleKind)> {
        if i >= self.toks.len() || !self.has(i, mark::TITLE_FIRST) {
            return None;
        }
        self.listed_title_at(i)
    }

    #[inline(never)]
    fn listed_title_at(&self, i: usize) -> Option<(usize, TitleKind)> {
        let list = self.lex.titles_by_first.get(self.word_lower(i))?;
        list.iter().find_map(|&k| {
            let (p, kind) = &self.lex.titles[k];
            self.phrase_at(p, i).map(|e| (e, *kind))
        })
    }

    /// A person name starting at token `i`: name words joined by spaces,
    /// with particles inside. Stops at titles, head words, stop words and
    /// gazetteer places/organizations/nationalities. Returns the end index.
    pub(super) fn name_at(&self, i: usize) -> Option<usize> {
        if i >= self.toks.len()
            || !self.is_name_word(i)
            || self.is_stop(i)
            || self.is_head_word(i)
            || self.title_at(i).is_some()
        {
            return None;
        }
        let mut end = i + 1;
        let mut j = i + 1;
        while j < self.toks.len() && j - i < 6 && !self.toks[j - 1].possessive && self.joined(j) {
            if self.is_name_word(j) {
                if self.is_stop(j)
                    || self.is_head_word(j)
                    || self.place_head_ending(j + 1).is_some()
                    || self.is_all_caps(j)
                    || self.title_at(j).is_some_and(|(e, _)| {
                        e < self.toks.len() && self.joined(e) && self.is_name_word(e)
                    })
                    || (self.gaz_blocks_name(j))
                {
                    break;
                }
                j += 1;
                end = j;
            } else if self.is_particle(j)
                && (j + 1..(j + 3).min(self.toks.len()))
                    .find(|&k| !self.is_particle(k))
                    .is_some_and(|k| self.is_name_word(k) && self.joined(k))
            {
                j += 1;
            } else {
                break;
            }
        }
        Some(end)
    }
}

pub(super) fn person(words: &Words<'_, '_>, from: usize, to: usize, rule: &'static str) -> Span {
    let (start, end) = words.span(from, to);
    Span::from_rule(start, end, Some(EntityType::Person), rule)
}

/// Person names: after a title or role ("Home Secretary Charles Clarke",
/// "lawyer Jane Doe"), a known first name with a surname ("Frederick
/// Forsyth"), a family name first ("Xi Jinping"), a name with a speech cue
/// ("…, Jane Doe said") or an appositive role ("Li Wei, an expert on…").
#[inline(never)]
pub(super) fn people(words: &Words<'_, '_>, at: &Candidates, spans: &mut Vec<Span>) {
    // (Elsewhere a word moves the walk on by one: it is no name word and
    // no title.)
    let mut next = 0;
    let common = CommonWords::default();
    for i in at.name_or_title() {
        if i < next {
            continue;
        }
        next = match words.title_at(i) {
            Some((te, kind)) => after_title(words, i, te, kind, spans),
            None => bare_name(words, i, &common, spans),
        };
    }
}

/// Whether a word is an ordinary word of the text ([`Words::is_common_word`]),
/// asked by [`bare_name`] of the few given names that start a sentence or a
/// headline-case line. The first answers scan the words for one written
/// in lower case as this one (a few instructions a word) instead of
/// building the text's lower-case word set (about sixty a word), which most
/// articles then never need; past [`CommonWords::SCANS`] answers, the set
/// (so a long article's work stays linear).
#[derive(Default)]
struct CommonWords {
    scans: Cell<usize>,
}

impl CommonWords {
    /// Answers given by a scan, at most.
    const SCANS: usize = 4;

    fn ask(&self, words: &Words<'_, '_>, i: usize) -> bool {
        if words.lower_words.get().is_some() || self.scans.get() >= Self::SCANS {
            return words.is_common_word(i);
        }
        self.scans.set(self.scans.get() + 1);
        // (`is_common_word`'s set holds every word written in lower case
        // that some word's lower-case form may be: this word's among them.)
        let common = words.is_stop(i) || words.is_plain_lower(i) || {
            let lower = words.word_lower(i);
            // Most of these words are names, written nowhere in lower
            // case: a search of the text's bytes (vectorised in `std`)
            // turns them away before the walk over the words.
            words.doc.text.contains(lower) && {
                #[cfg(test)]
                tests::SCANNED.with(|c| c.set(c.get() + words.toks.len()));
                let text = words.doc.text.as_bytes();
                words.toks.iter().any(|t| {
                    t.bits().is_lower()
                        && t.end - t.start == lower.len()
                        && &text[t.start..t.end] == lower.as_bytes()
                })
            }
        };
        // (The set's answer, in test builds: every test that extracts an
        // article compares the two.)
        #[cfg(test)]
        if tests::ORACLE.with(Cell::get) {
            assert_eq!(common, words.is_common_word(i), "{}", words.word(i));
        }
        common
    }
}

/// A person named after the title or role at `i..te` ("Home Secretary
/// Charles Clarke", "lawyer Jane Doe", "Chinese envoy in the UN, Geng
/// Shuang"). Returns the token to go on from.
fn after_title(
    words: &Words<'_, '_>,
    i: usize,
    mut te: usize,
    kind: TitleKind,
    spans: &mut Vec<Span>,
) -> usize {
    let n = words.toks.len();
    let lower_role = kind == TitleKind::Role && !words.is_cap(i);
    if words.capitals_mute(i) && !lower_role {
        return te;
    }
    let mut kind = kind;
    // Chains: "Lord Chancellor", "Afghan Interior Minister".
    while te < n && words.joined_or_dot(te) {
        match words.title_at(te) {
            Some((e, k)) if words.is_cap(te) || k == TitleKind::Role => {
                te = e;
                kind = k;
            }
            _ => break,
        }
    }
    if te < n && words.joined_or_dot(te) && !words.toks[te - 1].possessive {
        let found = words
            .name_at(te)
            .filter(|_| !words.gaz_blocks_name(te))
            .filter(|&ne| kind != TitleKind::Role || role_name_plausible(words, i, te, ne));
        if let Some(ne) = found {
            if !(words.capitals_mute(te) && ne - te < 2) {
                let mut p = person(words, te, ne, "rule:title-cue");
                // "Mr. Thornbury": the title outweighs a small town's name.
                if (te..ne).all(|k| words.gaz_kind(k).is_none() || words.gaz_soft(k)) {
                    p.priority = Priority::Defined;
                }
                spans.push(p);
                if kind == TitleKind::Nobility {
                    territorial_block(words, ne, spans);
                }
                return ne;
            }
        }
    }
    // "Chinese envoy in the UN, Geng Shuang"
    if kind == TitleKind::Role {
        let mut j = te;
        while j < n && j - te < 6 && !words.sep(j).contains(['.', ';', '\n']) {
            if words.sep_trimmed(j) == "," {
                if let Some(ne) = words.name_at(j) {
                    if ne - j >= 2 && words.gaz_kind(j).is_none() {
                        spans.push(person(words, j, ne, "rule:title-cue"));
                    }
                }
                break;
            }
            j += 1;
        }
    }
    te
}

/// A person name starting at `i` without a title: a given name and a
/// surname, a family name first, or a name with a speech cue or an
/// appositive role. Returns the token to go on from.
fn bare_name(
    words: &Words<'_, '_>,
    i: usize,
    common: &CommonWords,
    spans: &mut Vec<Span>,
) -> usize {
    // Rules are tried at every capitalised word, so a name inside an
    // unrecognised run ("Democrat Gary Whitfield") is still found.
    if !words.is_name_word(i) || !may_continue_name(words, i) {
        return i + 1;
    }
    #[cfg(test)]
    tests::NAME_AT.with(|c| c.set(c.get() + 1));
    let Some(ne) = words.name_at(i) else {
        return i + 1;
    };
    let length = ne - i;
    // Every rule below needs two words or more.
    if length < 2 {
        return i + 1;
    }
    let mute = words.capitals_mute(i);
    let initial = words.is_initial(i);
    let known_surname = words.is_surname(ne - 1);
    // Given name + surname.
    // A given name that is also a gazetteer place ("Paris", "Winston")
    // needs a known surname after it.
    let place_first = words.gaz_kind(i).is_some() && !known_surname;
    // "Royal Albert Hall": a name closed by a head word is a facility's
    // or a body's, not a person's.
    let headed = ne < words.toks.len()
        && words.joined(ne)
        && (words.is_head_word(ne) || words.place_head_ending(ne + 1).is_some());
    // "Virginia Madsen": a given name that is also a state or a country,
    // with a listed surname no list places.
    let place_given = length == 2
        && known_surname
        && words.gaz_kind(i) == Some(EntityType::Place)
        && words.gaz_kind(i + 1).is_none();
    if length >= 2
        && words.is_first_name(i)
        && (!words.gaz_blocks_name(i) || place_given)
        && !place_first
        && !headed
    {
        // (The ordinary-word test last: it reads the text's lower-case words.)
        let weak_start = || (initial || mute) && common.ask(words, i);
        if !((mute && !known_surname) || weak_start()) {
            spans.push(person(words, i, ne, "rule:first-name"));
            return ne;
        }
    }
    // Family name first: "Xi Jinping", "Chen Wenqing".
    let east_asian = words.has(i, mark::EAST_ASIAN_SURNAME);
    if east_asian && (2..=3).contains(&length) && !mute && !words.gaz_blocks_name(i) {
        spans.push(person(words, i, ne, "rule:first-name"));
        return ne;
    }
    if length >= 2 && !mute && (0..length).all(|k| !words.gaz_blocks_name(i + k)) {
        if speech_cue(words, i, ne) {
            spans.push(person(words, i, ne, "rule:speech-cue"));
            return ne;
        }
        if appositive_role(words, ne) || appositive_age(words, ne) {
            spans.push(person(words, i, ne, "rule:title-cue"));
            return ne;
        }
    }
    i + 1
}

/// A name of two words or more can start at the name word `i`: the word
/// after it is joined to it (no possessive between) and is a name word or
/// a particle. Elsewhere [`Words::name_at`] ends the name at `i + 1`, and
/// every rule of [`bare_name`] needs two words: one read of the next word's
/// bits turns most capitalised words away (sentence starts, lone names)
/// before the name is walked.
#[inline]
fn may_continue_name(words: &Words<'_, '_>, i: usize) -> bool {
    i + 1 < words.toks.len()
        && !words.toks[i].possessive
        && words.joined(i + 1)
        && (words.is_name_word(i + 1) || words.is_particle(i + 1))
}

/// A lower-case role noun is also an ordinary noun ("the sister Xiluodu
/// dam", "market leader Mengniu Dairy"): the name after it must look like a
/// person's (a listed given name or surname in it) and must not be followed
/// by a lower-case head noun.
pub(super) fn role_name_plausible(
    words: &Words<'_, '_>,
    role: usize,
    from: usize,
    to: usize,
) -> bool {
    if to < words.toks.len() && words.joined(to) {
        let next = words.word(to);
        let singular = next.strip_suffix('s').unwrap_or(next);
        if words.lex.cues.lower_place_heads.contains(singular)
            || words.lex.org_descriptors.contains(next)
        {
            return false;
        }
    }
    let listed = (from..to).any(|k| {
        words.has(k, mark::FIRST_NAME | mark::SURNAME) || {
            let w = words.word(k);
            w.contains('-') && w.split('-').any(|p| words.lex.surnames.contains_key(p))
        }
    });
    // "by scholar Jane Doe": a role right after a function word or a
    // punctuation mark introduces a person; after another noun ("market
    // leader") it may be part of a description.
    let plain_role = role == 0 || !words.joined(role) || {
        let prev = words.word(role - 1);
        let mut cap = prev.chars();
        let capitalised: String = cap
            .next()
            .map(|c| c.to_uppercase().chain(cap).collect())
            .unwrap_or_default();
        words.lex.is_function_stop(&capitalised)
    };
    // A player's or a musician's role names a person even by one name
    // ("striker Zanko", "rapper Dre").
    let one_name_role = words
        .lex
        .cues
        .person_only_roles
        .contains(words.word_lower(from - 1));
    listed
        || (plain_role && to - from >= 2 && !words.is_common_word(to - 1))
        || (one_name_role && !words.is_common_word(to - 1) && words.gaz_kind(from).is_none())
}

/// "Lord Nicholls of Birkenhead": the designation is neither part of the
/// name nor a place mention.
pub(super) fn territorial_block(words: &Words<'_, '_>, ne: usize, spans: &mut Vec<Span>) {
    let n = words.toks.len();
    if ne + 1 < n && words.joined(ne) && words.word_is(ne, "of") && words.is_name_word(ne + 1) {
        let mut j = ne + 2;
        while j < n && words.joined(j) && words.is_name_word(j) {
            j += 1;
        }
        let (start, end) = words.span(ne, j);
        spans.push(Span::from_rule(start, end, None, "rule:territorial"));
    }
}

/// "X said", "X told", "said X", "according to X".
pub(super) fn speech_cue(words: &Words<'_, '_>, from: usize, to: usize) -> bool {
    let n = words.toks.len();
    if to < n && words.joined(to) && words.is_speech(to) {
        return true;
    }
    if from > 0 && words.joined(from) && words.is_speech(from - 1) {
        return true;
    }
    from > 1 && words.word_is(from - 1, "to") && words.word_lower(from - 2) == "according"
}

/// "X, 19, …", "X, a 52-year-old …": an age in apposition.
pub(super) fn appositive_age(words: &Words<'_, '_>, ne: usize) -> bool {
    let n = words.toks.len();
    if ne >= n || words.sep_trimmed(ne) != "," {
        return false;
    }
    let j = if words.word_among(ne, &["a", "an"]) && ne + 1 < n && words.joined(ne + 1) {
        ne + 1
    } else {
        ne
    };
    let w = words.word(j);
    let (number, rest) = w.split_at(w.find(|c: char| !c.is_ascii_digit()).unwrap_or(w.len()));
    if !(1..=2).contains(&number.len()) || number.starts_with('0') {
        return false;
    }
    // "52-year-old", "52 year-old"; a bare number only as "X, 19,".
    let year_old = |s: &str| s.trim_start_matches('-').starts_with("year-old");
    if year_old(rest) {
        return true;
    }
    rest.is_empty()
        && (j + 1 < n
            && (year_old(words.word(j + 1)) || (j == ne && words.sep_trimmed(j + 1) == ",")))
}

/// "X, an expert on …", "X, the Intelligence Chief of China".
pub(super) fn appositive_role(words: &Words<'_, '_>, ne: usize) -> bool {
    let n = words.toks.len();
    if ne >= n || words.sep_trimmed(ne) != "," {
        return false;
    }
    let mut j = ne;
    if words.word_among(j, &["a", "an", "the"]) {
        j += 1;
    }
    let stop = (j + 4).min(n);
    while j < stop {
        if j > ne && !words.joined(j) {
            return false;
        }
        if words.title_at(j).is_some() {
            return true;
        }
        j += 1;
    }
    false
}

/// Initials: one to three capital letters joined by dots ("J", "J.K").
fn is_initials(w: &str) -> bool {
    // "J", "J.K", "J.R.R": odd bytes are capitals, even ones dots.
    let b = w.as_bytes();
    b.len() % 2 == 1
        && b.len() <= 5
        && b.iter().enumerate().all(|(k, &c)| {
            if k % 2 == 0 {
                c.is_ascii_uppercase()
            } else {
                c == b'.'
            }
        })
}

/// Names with initials: "J.K. Rowling", "P. Simmons", "George R.R. Martin".
/// The initials are part of the name (Rulings: stage names and initials).
#[inline(never)]
pub(super) fn initials(words: &Words<'_, '_>, at: &Candidates, spans: &mut Vec<Span>) {
    let n = words.toks.len();
    for i in each(&at.caps).take_while(|&i| i + 1 < n) {
        // (Initials are five bytes at most: most words are turned away
        // before their text is read.)
        let t = words.toks[i];
        if t.end - t.start > 5 {
            continue;
        }
        if !is_initials(words.word(i)) || words.gaz_kind(i).is_some() {
            continue;
        }
        let sep = words.sep(i + 1);
        if !(sep.starts_with(". ") && sep[1..].chars().all(|c| c == ' ')) {
            continue;
        }
        let Some(ne) = words.name_at(i + 1) else {
            continue;
        };
        if (i + 1..ne).any(|k| words.gaz_blocks_name(k) || words.is_all_caps(k)) {
            continue;
        }
        // A given name before the initials belongs to the name.
        let from = if i > 0 && words.joined(i) && words.is_first_name(i - 1) {
            i - 1
        } else {
            i
        };
        let mut p = person(words, from, ne, "rule:initials");
        p.priority = Priority::Defined;
        spans.push(p);
    }
}

/// A capitalised word standing alone: a name word with no name word joined
/// before or after it, in no gazetteer, not in capitals, no stop word,
/// title or head word, and inside no chosen span. Whether it is also an
/// ordinary word of the text ([`Words::is_common_word`]) is left to the
/// caller: that depends on the word's text alone, so the rules that count
/// a word's uses ask it once per word, of the words used often enough.
#[inline]
pub(super) fn lone_word(words: &Words<'_, '_>, chosen: &Chosen<'_>, i: usize) -> bool {
    let n = words.toks.len();
    words.is_name_word(i)
        && !words.is_all_caps(i)
        && words.gaz_kind(i).is_none()
        && !words.is_stop(i)
        && words.title_at(i).is_none()
        && !words.is_head_word(i)
        && !(i > 0 && words.joined(i) && words.is_name_word(i - 1))
        && !(i + 1 < n && words.joined(i + 1) && words.is_name_word(i + 1))
        && chosen.at(i).is_empty()
}

/// A given name used alone ("Paula's career", "Paula was forced"): a lone
/// capitalised word away from sentence starts and headlines, in no
/// gazetteer and not an ordinary word of the text, that is a listed given
/// name, used at least twice and once with a speech verb after it (an
/// adverb may come between) or as an owner ("Paula's mind"). A lone
/// unknown word before "said" may be a company as well ("Honda said"), so
/// that alone is no cue. Recurrence finds the name everywhere else.
#[inline(never)]
pub(super) fn single_names(
    words: &Words<'_, '_>,
    at: &Candidates,
    chosen: &Chosen<'_>,
    extra: &mut Vec<Span>,
) {
    let n = words.toks.len();
    let first_names = at.marked(Marked::FirstNames);
    if first_names.is_empty() {
        return;
    }
    // (Whether the word is an ordinary word of the text is asked once per
    // word, of the names used often enough: see `lone_word`.)
    let lone =
        |i: usize| !words.is_initial(i) && !words.capitals_mute(i) && lone_word(words, chosen, i);
    let speech_after = |i: usize| {
        let next = |k: usize| (k < n && words.joined(k)).then(|| words.word(k));
        match next(i + 1) {
            Some(w) if words.lex.speech.contains(w) => !words.toks[i].possessive,
            Some(w) if w.ends_with("ly") && !words.toks[i].possessive => {
                next(i + 2).is_some_and(|v| words.lex.speech.contains(v))
            }
            _ => false,
        }
    };
    // A given name alone: used at least twice, once with a speech verb or
    // as the owner of something ("Paula's career"). The uses are counted
    // only when some lone name has a cue, and only of the cued names.
    let (mut lone_names, mut cued) = (Vec::new(), Vec::new());
    for i in each(first_names) {
        if !lone(i) {
            continue;
        }
        lone_names.push(i);
        let owner = words.toks[i].possessive
            && i + 1 < n
            && words.word(i + 1).starts_with(|c: char| c.is_lowercase());
        if owner || speech_after(i) {
            cued.push(i);
        }
    }
    if cued.is_empty() {
        return;
    }
    let mut tally = Tally::of(words, &cued);
    // Parts of a person named in full are that person's (recurrence).
    let text = words.doc.text;
    for s in chosen.iter() {
        if s.kind == Some(EntityType::Person) {
            text[s.start..s.end]
                .split(' ')
                .for_each(|part| tally.exclude(part));
        }
    }
    tally.count(words, &lone_names);
    tally.name(words);
    for i in lone_names {
        if tally.named(words.word(i)) {
            extra.push(person(words, i, i + 1, "rule:single-name"));
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use crate::{Article, Extractor};

    thread_local! {
        /// Names walked by `bare_name` (calls of `Words::name_at`).
        pub(super) static NAME_AT: Cell<usize> = const { Cell::new(0) };
        /// Words read by `CommonWords::ask`'s scans.
        pub(super) static SCANNED: Cell<usize> = const { Cell::new(0) };
        /// `CommonWords::ask` checks its scans against the word set (which
        /// builds the set: off for the count test).
        pub(super) static ORACLE: Cell<bool> = const { Cell::new(true) };
    }

    /// Given names at sentence starts are asked whether they are ordinary
    /// words by a scan of the words only a few times per article: one long
    /// article of 2,000 such sentences reads each word at most
    /// `CommonWords::SCANS` times (a scan per name would read every word
    /// 2,000 times).
    #[test]
    fn sentence_start_names_scan_the_words_a_few_times() {
        let x = Extractor::new();
        // (Written in lower case once: the text search alone does not
        // settle the names.)
        let text = "Will Zorblax grew. Mark Quintar fell. ".repeat(1_000) + "We will mark it.";
        SCANNED.with(|c| c.set(0));
        ORACLE.with(|o| o.set(false));
        x.extract(&Article::new("a", text.clone())).unwrap();
        ORACLE.with(|o| o.set(true));
        let scanned = SCANNED.with(Cell::get);
        let words = text.split_whitespace().count();
        assert!(scanned > 0, "no scan");
        assert!(
            scanned <= super::CommonWords::SCANS * (words + 10),
            "{scanned} words read for {words}"
        );
    }

    /// `bare_name` walks a name only where a second name word follows the
    /// first: capitalised words standing alone (sentence starts, one-word
    /// names) are turned away by the next word's bits. (Session 7's walk
    /// called `name_at` at each of them: 300 here.)
    #[test]
    fn lone_capitals_walk_no_name() {
        let x = Extractor::new();
        let text = "Yesterday it rained. Zorblax grew, Quintar said nothing. ".repeat(100);
        NAME_AT.with(|c| c.set(0));
        x.extract(&Article::new("a", text)).unwrap();
        let walked = NAME_AT.with(Cell::get);
        assert_eq!(walked, 0, "{walked} names walked");
        let text = "Yesterday Jane Doe said Zorblax grew. ".repeat(100);
        NAME_AT.with(|c| c.set(0));
        let record = x.extract(&Article::new("a", text)).unwrap();
        assert!(record.entities.iter().any(|e| e.name == "Jane Doe"));
        let walked = NAME_AT.with(Cell::get);
        // ("Yesterday", a stop word, is turned away by `name_at` itself.)
        assert!(walked <= 200, "{walked} names walked");
    }
}
