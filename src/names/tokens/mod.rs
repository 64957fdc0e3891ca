//! The article's words as the name rules see them: the stage's words,
//! joined from the document's base tokens, and [`Words`], which holds every
//! per-word fact the rules ask about (computed once, or on first use).
//!
//! Each word is one [`Token`] of 32 bytes: its span, its lexicon marks and
//! its facts as bits. A word's lower-case form is the folded text at the
//! word's offsets for an ASCII word (no copy); only the other words keep a
//! lower-cased copy, in one side string ([`OwnLowers`]). The words are
//! made in `join`.

mod join;
#[cfg(test)]
mod join_oracle;

use std::cell::{Cell, OnceCell};
use std::collections::HashSet;
use std::mem::take;

use crate::gazetteer::{GazMatch, Gazetteer};
use crate::hash::PolyBuild;
use crate::lexicon::{mark, NameWords, Phrase, TitleKind};
use crate::record::EntityType;
use crate::text::Doc;

/// One word of the text: 24 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Token {
    pub(super) start: usize,
    pub(super) end: usize,
    /// The word lists the word is on ([`mark`] bits, the names stage's:
    /// the low 32; the base token's, see [`crate::text::Token::marks`]).
    marks: u32,
    /// The word's [`fact`] bits, and in the top two the kind of the title
    /// starting at the word ([`Token::title_kind`]).
    facts: u16,
    /// The word carried a possessive `'s`/`’s` (left out of `start..end`).
    pub(super) possessive: bool,
    /// The type of the gazetteer match covering the word (low three bits,
    /// see [`Token::gaz`]) and the length in words of the title starting at
    /// the word (high five bits, see [`Words::compute_title_at`]).
    gaz_title: u8,
}

/// The facts of a word, one bit each in [`Token::facts`].
mod fact {
    /// Starts with a capital letter.
    pub(super) const CAPITAL: u16 = 1;
    /// Starts with a lower-case letter.
    pub(super) const LOWER: u16 = 1 << 1;
    /// Written in capitals: two letters or more, none lower case.
    pub(super) const ALL_CAPS: u16 = 1 << 2;
    /// Only spaces between the previous token and this one (see
    /// [`Words::joined`](super::Words::joined)).
    pub(super) const JOINED: u16 = 1 << 3;
    /// Only spaces, or an abbreviation's dot and spaces, between the
    /// previous token and this one.
    pub(super) const JOINED_OR_DOT: u16 = 1 << 4;
    /// Starts lower case and lower-casing leaves it as it is (only asked of
    /// words that start lower case).
    pub(super) const PLAIN_LOWER: u16 = 1 << 5;
    /// A brand written with a lower-case first letter ("eDonkey").
    pub(super) const BRAND: u16 = 1 << 6;
    /// A hyphen inside the word ("al-Qaeda").
    pub(super) const HYPHEN: u16 = 1 << 7;
    /// The word can be part of a name (see
    /// [`Words::is_name_word`](super::Words::is_name_word)): capitalised
    /// with a letter in it (`char::is_alphabetic`), or a hyphenated word
    /// that passes the parts test.
    pub(super) const NAME_WORD: u16 = 1 << 8;
    /// The lower-case form is kept in [`OwnLowers`](super::OwnLowers), not
    /// read from the folded text.
    pub(super) const OWN_LOWER: u16 = 1 << 9;
    /// The gazetteer match covering the word may give way to a person name:
    /// a one-word city or an ambiguous entry ("Winston", "Davis").
    pub(super) const GAZ_SOFT: u16 = 1 << 10;
    /// The word's capitals say nothing: it is on a headline-case line (see
    /// [`Doc::capitals_mute`](crate::text::Doc::capitals_mute)).
    pub(super) const MUTE: u16 = 1 << 11;
    /// The word starts a sentence.
    pub(super) const INITIAL: u16 = 1 << 12;
    // Bit 13 is free.
    /// The two bits above the facts: the title kind (see
    /// [`Token::title_kind`](super::Token::title_kind)).
    pub(super) const TITLE_SHIFT: u32 = 14;
}

impl Token {
    /// A word of `start..end` with the facts `facts`, on no list yet.
    fn new(start: usize, end: usize, possessive: bool, facts: u16) -> Token {
        Token {
            start,
            end,
            marks: 0,
            facts,
            possessive,
            gaz_title: 0,
        }
    }

    fn is(&self, facts: u16) -> bool {
        self.facts & facts != 0
    }

    fn set(&mut self, facts: u16, on: bool) {
        if on {
            self.facts |= facts;
        } else {
            self.facts &= !facts;
        }
    }

    /// Type of the gazetteer match covering the word, if any.
    fn gaz(&self) -> Option<EntityType> {
        match self.gaz_title & 0b111 {
            0 => None,
            1 => Some(EntityType::Person),
            2 => Some(EntityType::Organization),
            3 => Some(EntityType::Place),
            _ => Some(EntityType::Nationality),
        }
    }

    /// The kind of the title starting at the word, if any.
    fn title_kind(&self) -> Option<TitleKind> {
        match self.facts >> fact::TITLE_SHIFT {
            0 => None,
            1 => Some(TitleKind::Title),
            2 => Some(TitleKind::Nobility),
            _ => Some(TitleKind::Role),
        }
    }

    /// Mark a title of kind `kind` and `words` words starting at the word.
    fn set_title(&mut self, kind: TitleKind, words: usize) {
        let code: u16 = match kind {
            TitleKind::Title => 1,
            TitleKind::Nobility => 2,
            TitleKind::Role => 3,
        };
        let words = u8::try_from(words)
            .ok()
            .filter(|&n| n < 32)
            .expect("a title of a few words");
        self.facts = self.facts & !(0b11 << fact::TITLE_SHIFT) | code << fact::TITLE_SHIFT;
        self.gaz_title = self.gaz_title & 0b111 | words << 3;
    }
}

/// The lower-case forms of the words whose form is not the folded text at
/// their offsets (words outside ASCII), one after the other in one string.
#[derive(Default, Debug, PartialEq, Eq)]
pub(super) struct OwnLowers {
    text: String,
    /// Word index and end in `text` of each form, in word order (a form
    /// starts where the one before ends).
    ends: Vec<(usize, usize)>,
}

impl OwnLowers {
    fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
    }

    fn push(&mut self, word: usize, lower: &str) {
        self.text.push_str(lower);
        self.ends.push((word, self.text.len()));
    }

    fn get(&self, word: usize) -> &str {
        let k = self.ends.partition_point(|&(w, _)| w < word);
        let start = k.checked_sub(1).map_or(0, |p| self.ends[p].1);
        &self.text[start..self.ends[k].1]
    }
}

/// The article's words and the facts the rules ask about each word.
pub(super) struct Words<'d, 'a> {
    pub(super) doc: &'d Doc<'a>,
    pub(super) gaz: &'d Gazetteer,
    pub(super) lex: &'d NameWords,
    pub(super) toks: Vec<Token>,
    /// The lower-case forms of the words outside ASCII.
    lowers: OwnLowers,
    /// Lower-case words that occur written in lower case somewhere in the text
    /// (built on first use; only those some other word could ask about).
    pub(super) lower_words: OnceCell<HashSet<&'a str, PolyBuild>>,
    /// Capitalised words that occur away from sentence starts and headlines
    /// (built on first use; only those some other word could ask about).
    pub(super) mid_caps: OnceCell<HashSet<&'a str, PolyBuild>>,
}
impl<'a> Words<'a, 'a> {
    /// Tokenize `doc` and compute the per-token facts.
    pub(super) fn new(
        doc: &'a Doc<'a>,
        gaz: &'a Gazetteer,
        lex: &'a NameWords,
        matches: &[GazMatch],
    ) -> Words<'a, 'a> {
        let mut spare = Spare::take(doc.tokens.len());
        join::tokenize(doc, &mut spare.toks, &mut spare.lowers, &mut spare.rare);
        let (mut toks, lowers) = (take(&mut spare.toks), take(&mut spare.lowers));
        super::gazetteer_matches::mark_tokens(doc, gaz, &mut toks, matches);
        let mut words = Words {
            doc,
            gaz,
            lex,
            toks,
            lowers,
            lower_words: OnceCell::new(),
            mid_caps: OnceCell::new(),
        };
        words.mark_names_and_titles(&spare.rare);
        spare.keep();
        words
    }

    /// Mark the hyphenated words that can be part of a name and the titles,
    /// at the words (`rare`) that can have them: a hyphen, a title's first
    /// word.
    fn mark_names_and_titles(&mut self, rare: &[usize]) {
        for &i in rare {
            if self.toks[i].is(fact::HYPHEN) {
                let name = self.hyphen_name_word(i);
                self.toks[i].set(fact::NAME_WORD, name);
            }
            if let Some((end, kind)) = self.compute_title_at(i) {
                self.toks[i].set_title(kind, end - i);
            }
        }
    }
}

/// The view's buffers of the thread's last article, kept for its next one
/// (no allocation per article once they are grown): the words and their
/// own lower-case forms come back when the [`Words`] are dropped, the rare
/// words' list when the view is made.
#[derive(Default)]
struct Spare {
    toks: Vec<Token>,
    lowers: OwnLowers,
    rare: Vec<usize>,
}

thread_local! {
    static SPARE: Cell<Spare> = Cell::new(Spare::default());
}

/// Buffers of up to this many words are always kept; larger ones are
/// dropped before an article with a quarter as many base tokens (as the
/// document's buffers are, see `extractor::scratch`).
const ALWAYS_KEEP_WORDS: usize = 1 << 16;

impl Spare {
    /// The kept buffers, for an article of `tokens` base tokens.
    fn take(tokens: usize) -> Spare {
        let spare = SPARE.try_with(Cell::take).unwrap_or_default();
        let served = spare.toks.capacity();
        if served <= ALWAYS_KEEP_WORDS || tokens.saturating_mul(4) >= served {
            spare
        } else {
            Spare::default()
        }
    }

    /// Keep these buffers for the thread's next article.
    fn keep(self) {
        // (On a thread being torn down there is nothing to keep them for.)
        let _ = SPARE.try_with(|cell| {
            let mut kept = cell.take();
            if self.toks.capacity() > 0 {
                kept.toks = self.toks;
                kept.lowers = self.lowers;
            }
            if self.rare.capacity() > 0 {
                kept.rare = self.rare;
            }
            cell.set(kept);
        });
    }
}

impl Drop for Words<'_, '_> {
    fn drop(&mut self) {
        let mut lowers = take(&mut self.lowers);
        lowers.clear();
        Spare {
            toks: take(&mut self.toks),
            lowers,
            rare: Vec::new(),
        }
        .keep();
    }
}

/// A word's fact and mark bits, read at once: for a walk over every word
/// ([`Candidates::new`](super::candidates::Candidates::new), the word
/// sets), which asks each word several questions.
#[derive(Clone, Copy)]
pub(super) struct WordBits {
    facts: u16,
    marks: u32,
}

impl WordBits {
    /// [`Words::is_cap`].
    #[inline]
    pub(super) fn is_cap(self) -> bool {
        self.facts & fact::CAPITAL != 0
    }

    /// [`Words::joined`].
    #[inline]
    pub(super) fn joined(self) -> bool {
        self.facts & fact::JOINED != 0
    }

    /// [`Words::is_name_word`].
    #[inline]
    pub(super) fn is_name_word(self) -> bool {
        self.facts & fact::NAME_WORD != 0
    }

    /// [`Words::is_brand`].
    #[inline]
    pub(super) fn is_brand(self) -> bool {
        self.facts & fact::BRAND != 0
    }

    /// [`Words::has`].
    #[inline]
    pub(super) fn has(self, marks: u64) -> bool {
        debug_assert!(marks >> 32 == 0, "not a names mark: {marks:#x}");
        u64::from(self.marks) & marks != 0
    }

    /// [`Words::is_lower`].
    #[inline]
    pub(super) fn is_lower(self) -> bool {
        self.facts & fact::LOWER != 0
    }

    /// [`Words::is_plain_lower`].
    #[inline]
    pub(super) fn is_plain_lower(self) -> bool {
        self.facts & fact::PLAIN_LOWER != 0
    }

    /// [`Words::is_mid_cap`].
    #[inline]
    pub(super) fn is_mid_cap(self) -> bool {
        self.facts & (fact::INITIAL | fact::MUTE | fact::CAPITAL) == fact::CAPITAL
    }

    /// A title or role starts at the word ([`Words::title_at`]).
    #[inline]
    pub(super) fn starts_title(self) -> bool {
        u32::from(self.facts) >> fact::TITLE_SHIFT != 0
    }
}

impl Token {
    /// The word's fact and mark bits.
    #[inline]
    pub(super) fn bits(&self) -> WordBits {
        WordBits {
            facts: self.facts,
            marks: self.marks,
        }
    }
}

/// Gazetteer facts of the words, set by
/// [`mark_tokens`](super::gazetteer_matches::mark_tokens).
impl Token {
    /// The word is covered by a match of type `kind` that may (`soft`) or
    /// may not give way to a person name.
    pub(super) fn set_gazetteer(&mut self, kind: EntityType, soft: bool) {
        let code = match kind {
            EntityType::Person => 1,
            EntityType::Organization => 2,
            EntityType::Place => 3,
            EntityType::Nationality => 4,
        };
        self.gaz_title = self.gaz_title & !0b111 | code;
        self.set(fact::GAZ_SOFT, soft);
    }

    /// The title or role starting at this word, number `i`: its end (one
    /// past its last word) and kind.
    pub(super) fn title_at(&self, i: usize) -> Option<(usize, TitleKind)> {
        self.title_kind()
            .map(|kind| (i + usize::from(self.gaz_title >> 3), kind))
    }
}

impl<'d, 'a> Words<'d, 'a> {
    pub(super) fn word(&self, i: usize) -> &'a str {
        let t = self.toks[i];
        &self.doc.text[t.start..t.end]
    }

    /// The text between token `i - 1` and token `i`.
    pub(super) fn sep(&self, i: usize) -> &'a str {
        if i == 0 || i >= self.toks.len() {
            return "";
        }
        if self.toks[i - 1].possessive {
            return "’s";
        }
        &self.doc.text[self.toks[i - 1].end..self.toks[i].start]
    }

    /// Tokens `i - 1` and `i` are in one phrase: only spaces between them.
    pub(super) fn joined(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is(fact::JOINED))
    }

    /// Token `i`'s word is on a list of `marks` (any of the [`mark`] bits).
    pub(super) fn has(&self, i: usize, marks: u64) -> bool {
        // The names stage's marks are the low 32 bits.
        debug_assert!(marks >> 32 == 0, "not a names mark: {marks:#x}");
        u64::from(self.toks[i].marks) & marks != 0
    }

    /// A listed given name.
    pub(super) fn is_first_name(&self, i: usize) -> bool {
        self.has(i, mark::FIRST_NAME)
    }

    /// A listed surname.
    pub(super) fn is_surname(&self, i: usize) -> bool {
        self.has(i, mark::SURNAME)
    }

    /// A speech verb.
    pub(super) fn is_speech(&self, i: usize) -> bool {
        self.has(i, mark::SPEECH)
    }

    /// A capitalised word that can never start a name
    /// ([`NameWords::is_function_stop`]).
    pub(super) fn is_function_stop(&self, i: usize) -> bool {
        self.has(i, mark::FUNCTION_STOP)
    }

    pub(super) fn is_cap(&self, i: usize) -> bool {
        self.toks[i].is(fact::CAPITAL)
    }

    /// A hyphen inside the word ("al-Qaeda").
    pub(super) fn has_hyphen(&self, i: usize) -> bool {
        self.toks[i].is(fact::HYPHEN)
    }

    /// A brand written with a lower-case first letter ("eDonkey").
    pub(super) fn is_brand(&self, i: usize) -> bool {
        self.toks[i].is(fact::BRAND)
    }

    /// Starts with a lower-case letter.
    pub(super) fn is_lower(&self, i: usize) -> bool {
        self.toks[i].is(fact::LOWER)
    }

    pub(super) fn is_all_caps(&self, i: usize) -> bool {
        self.toks[i].is(fact::ALL_CAPS)
    }

    /// The word starts a sentence.
    pub(super) fn is_initial(&self, i: usize) -> bool {
        self.toks[i].is(fact::INITIAL)
    }

    /// Type of the gazetteer match covering the word, if any.
    pub(super) fn gaz_kind(&self, i: usize) -> Option<EntityType> {
        self.toks[i].gaz()
    }

    /// The gazetteer match covering the word may give way to a person name:
    /// a one-word city or an ambiguous entry ("Winston", "Davis").
    pub(super) fn gaz_soft(&self, i: usize) -> bool {
        self.toks[i].is(fact::GAZ_SOFT)
    }

    /// A word that can be part of a name: capitalised, with every hyphen
    /// part capitalised except short particles ("Tehreek-e-Taliban",
    /// "al-Qaeda"); "US-backed" is not one.
    pub(super) fn is_name_word(&self, i: usize) -> bool {
        self.toks[i].is(fact::NAME_WORD)
    }

    /// [`Words::is_name_word`] for a word with a hyphen.
    fn hyphen_name_word(&self, i: usize) -> bool {
        let w = self.word(i);
        let cap = |p: &str| p.chars().next().is_some_and(char::is_uppercase);
        let (first, last) = (w.split('-').next(), w.rsplit('-').next());
        let particle = |p: &str| {
            if p.is_ascii() {
                // The folded text lower-cases ASCII as `str::to_lowercase`.
                let start = self.toks[i].start;
                self.lex
                    .cues
                    .particles
                    .contains(&self.doc.folded[start..start + p.len()])
            } else {
                self.lex.cues.particles.contains(&p.to_lowercase())
            }
        };
        let first_ok = first.is_some_and(|p| cap(p) || particle(p));
        let last_ok = last.is_some_and(cap);
        first_ok && last_ok
    }

    pub(super) fn is_stop(&self, i: usize) -> bool {
        self.has(i, mark::STOP)
    }

    /// Case-insensitive phrase match of `p` starting at token `i`; returns
    /// the token index one past the phrase. Words of a phrase may be
    /// separated by spaces or an abbreviation's dot.
    pub(super) fn phrase_at(&self, p: &Phrase, i: usize) -> Option<usize> {
        let end = i + p.words.len();
        let toks = self.toks.get(i..end)?;
        for (k, (t, pw)) in toks.iter().zip(&p.words).enumerate() {
            // The separator test is the word's gap fact (`sep` after a
            // possessive reads "’s": no gap fact either), and a word of
            // another length is no match: no text read for those.
            if k > 0 && !t.is(fact::JOINED_OR_DOT) {
                return None;
            }
            let own = p.fold && t.is(fact::OWN_LOWER);
            if t.end - t.start != pw.len() && !own {
                return None;
            }
            let ok = if p.fold {
                self.word_lower(i + k) == pw.as_str()
            } else {
                self.word(i + k) == pw
            };
            if !ok {
                return None;
            }
        }
        Some(end)
    }

    /// Phrase ending at token `end - 1` (exclusive `end`); returns its start.
    pub(super) fn phrase_ending(&self, p: &Phrase, end: usize) -> Option<usize> {
        let start = end.checked_sub(p.words.len())?;
        (self.phrase_at(p, start) == Some(end)).then_some(start)
    }

    /// Capitals here say nothing: a headline-case line.
    pub(super) fn capitals_mute(&self, i: usize) -> bool {
        self.toks[i].is(fact::MUTE)
    }

    /// Starts lower case and lower-casing leaves it as it is: a word of
    /// `lower_words` itself.
    pub(super) fn is_plain_lower(&self, i: usize) -> bool {
        self.toks[i].is(fact::PLAIN_LOWER)
    }

    /// Capitalised away from sentence starts and headlines: a word of
    /// `mid_caps` itself.
    pub(super) fn is_mid_cap(&self, i: usize) -> bool {
        self.toks[i].facts & (fact::INITIAL | fact::MUTE | fact::CAPITAL) == fact::CAPITAL
    }

    pub(super) fn span(&self, from: usize, to: usize) -> (usize, usize) {
        (self.toks[from].start, self.toks[to - 1].end)
    }

    /// The word lower-cased (`str::to_lowercase`).
    pub(super) fn word_lower(&self, i: usize) -> &str {
        let t = &self.toks[i];
        if t.is(fact::OWN_LOWER) {
            self.lowers.get(i)
        } else {
            &self.doc.folded[t.start..t.end]
        }
    }

    /// Joined by spaces, or by an abbreviation's dot ("Mr. Smith").
    pub(super) fn joined_or_dot(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is(fact::JOINED_OR_DOT))
    }
}

#[cfg(test)]
mod tests;
