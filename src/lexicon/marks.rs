//! Word marks: which of the lexicon's word lists each word is on, as the
//! bits of one `u64`, so that a word is hashed once and then asked about
//! every list with a bit test.
//!
//! The [`Lexicon`](super::Lexicon) owns one table for every family
//! ([`WordMarks`]); the text layer reads it once per base token
//! (`text::Doc`), and each stage's view copies the bits to its words.
//! Lists are matched on the word as written ([`mark::EXACT`] bits: the name
//! lists that tell "Will" from "will") or on its lower-case form (the bits
//! from [`mark::FOLDED`] on).
//!
//! Words of up to 16 bytes (nearly all) are keyed by integers read off
//! their bytes ([`ShortKey`]), so that a lookup hashes and compares without
//! a loop over the bytes or a call.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::sync::OnceLock;

/// The bits of [`WordMarks`]: the list a word is on.
pub(crate) mod mark {
    // Lists matched on the word as written.

    /// A listed given name (`first_names`).
    pub const FIRST_NAME: u64 = 1;
    /// A listed surname (`surnames`).
    pub const SURNAME: u64 = 1 << 1;
    /// A surname of East Asian origin: family name first ("Xi Jinping").
    pub const EAST_ASIAN_SURNAME: u64 = 1 << 2;
    /// A capitalised stop word (`stop`).
    pub const STOP: u64 = 1 << 3;
    /// A stop word that never starts a name ([`super::super::NameWords::is_function_stop`]).
    pub const FUNCTION_STOP: u64 = 1 << 4;
    /// A stop word of a closed class: function word, pronoun, day, month.
    pub const CLOSED_CLASS: u64 = 1 << 5;
    /// A speech verb (`speech`).
    pub const SPEECH: u64 = 1 << 6;
    /// An organization descriptor (`org_descriptors`).
    pub const ORG_DESCRIPTOR: u64 = 1 << 7;
    /// A particle inside person names (`cues.particles`).
    pub const PARTICLE: u64 = 1 << 8;
    /// The last word of an organization head (`org_heads_by_last`).
    pub const ORG_HEAD_LAST: u64 = 1 << 9;
    /// The last word of a place head (`place_heads_by_last`).
    pub const PLACE_HEAD_LAST: u64 = 1 << 10;
    /// The first word of a party noun (`party_nouns`).
    pub const PARTY_FIRST: u64 = 1 << 11;
    /// A lower-case place head, or its plural (`cues.lower_place_heads`:
    /// "district", "districts").
    pub const LOWER_PLACE_HEAD: u64 = 1 << 12;
    /// The head of a competition's name (`cues.event_heads`), as written.
    pub const EVENT_HEAD: u64 = 1 << 13;
    /// … and in ASCII capitals ("OPEN").
    pub const EVENT_HEAD_CAPS: u64 = 1 << 14;
    /// The head of a league's name (`cues.league_heads`), as written.
    pub const LEAGUE_HEAD: u64 = 1 << 15;
    /// … and in ASCII capitals ("LEAGUE").
    pub const LEAGUE_HEAD_CAPS: u64 = 1 << 16;
    /// A noun for a work before its title (`cues.work_nouns`: "film").
    pub const WORK_NOUN: u64 = 1 << 17;
    /// The last word of a two-word work noun (`cues.work_noun_pairs`).
    pub const WORK_PAIR_LAST: u64 = 1 << 18;
    /// A noun for works after their title (`cues.work_nouns_after`: "series").
    pub const WORK_NOUN_AFTER: u64 = 1 << 19;

    /// The bits of the lists matched on the word as written.
    pub const EXACT: u64 = FOLDED - 1;
    /// The first bit of the lists matched on the lower-case word.
    pub const FOLDED: u64 = 1 << 24;

    // Name lists matched on the lower-case word.

    /// The lower-case first word of a title or role (`titles_by_first`).
    pub const TITLE_FIRST: u64 = 1 << 24;
    /// A sports word (`cues.sport_words`).
    pub const SPORT_WORD: u64 = 1 << 25;
    /// A legal-form suffix, lower-cased (`cues.company_suffixes`: "inc").
    pub const COMPANY_SUFFIX: u64 = 1 << 26;
    /// The head of a law's, project's or event's name, lower-cased
    /// (`cues.project_heads`: "act").
    pub const PROJECT_HEAD: u64 = 1 << 27;

    // Figure lists (all lower-case).

    /// A number word (`numbers`: "five", "million", "dozen").
    pub const NUMBER_WORD: u64 = 1 << 32;
    /// Ends a counted noun phrase (`cues.np_stop`).
    pub const NP_STOP: u64 = 1 << 33;
    /// A verb showing a bare number is the subject (`cues.subject_verbs`).
    pub const SUBJECT_VERB: u64 = 1 << 34;
    /// A participle used as an adjective (`cues.participle_adjectives`).
    pub const PARTICIPLE_ADJECTIVE: u64 = 1 << 35;
    /// An irregular plural heading a counted noun (`cues.plural_nouns`).
    pub const PLURAL_NOUN: u64 = 1 << 36;
    /// A word ending in -s that is no plural noun (`cues.not_plural`).
    pub const NOT_PLURAL: u64 = 1 << 37;
    /// A determiner skipped after "of" (`cues.of_determiners`).
    pub const OF_DETERMINER: u64 = 1 << 38;
    /// A word making the next figure a term of comparison
    /// (`cues.comparison_links`).
    pub const COMPARISON_LINK: u64 = 1 << 39;
    /// Not the counted noun before "of N" (`cues.aggregate_nouns`).
    pub const AGGREGATE_NOUN: u64 = 1 << 40;
    /// A verb of change (`cues.change_verbs`).
    pub const CHANGE_VERB: u64 = 1 << 41;
    /// A month name or abbreviation, lower-case (`months`).
    pub const MONTH: u64 = 1 << 42;
    /// The first word of a measure unit (`units`).
    pub const UNIT_FIRST: u64 = 1 << 43;
    /// The first word of a currency suffix (`suffixes`), in ASCII lower
    /// case (the rules compare it ignoring ASCII case).
    pub const CURRENCY_FIRST: u64 = 1 << 44;

    // Claims lists (all lower-case, matched on the folded word).

    /// An attribution verb (`attribution_verbs.tsv`: "said", "estimates").
    pub const ATTRIBUTION_VERB: u64 = 1 << 45;
    /// Starts a new clause with its own subject (`clause_openers`).
    pub const CLAUSE_OPENER: u64 = 1 << 46;
    /// Opens a prepositional phrase (`prepositions`).
    pub const PREPOSITION: u64 = 1 << 47;
    /// A pronoun that refers back to a name (`pronouns`).
    pub const PRONOUN: u64 = 1 << 48;
    /// Makes an organization a document's author (`publish_verbs`).
    pub const PUBLISH_VERB: u64 = 1 << 49;
    /// An auxiliary or past form that shows a subject (`finite_verbs`).
    pub const FINITE_VERB: u64 = 1 << 50;
    /// Between a subject and its verb, changes nothing (`skip_before_verb`).
    pub const SKIP_BEFORE_VERB: u64 = 1 << 51;
    /// A document noun of one word, or the first word of one of several
    /// (`document_words`: "report", "white" of "white paper").
    pub const DOCUMENT_WORD: u64 = 1 << 52;

    // Sentence splitting's list (lower-case).

    /// A word after which a full stop does not end a sentence
    /// (`sentences.abbreviations`: "mr", "jan"; the dotted ones, "u.s",
    /// are no single token and are read off the text).
    pub const ABBREVIATION: u64 = 1 << 53;
}

/// Each marked word and the bits of the lists it is on.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordMarks {
    /// The words of at most [`ShortKey::MAX`] bytes (nearly all), by key.
    short: HashMap<ShortKey, u64, BuildHasherDefault<KeyHasher>>,
    /// The longer words.
    long: HashMap<Box<[u8]>, u64, BuildHasherDefault<WordHasher>>,
    /// Bit `n` set: a marked word of `n` bytes exists (longer ones: bit 63).
    /// Most words asked about are marked by no list: their length or first
    /// byte turns them away before any hashing.
    lengths: u64,
    /// Bit `b` set: a marked word starts with byte `b`.
    first_bytes: [u64; 4],
    /// [`WordMarks::of_bytes`] of each word of one byte (an ASCII
    /// character), made on first use after the last change: a token in
    /// six is one ("," "." "a"), answered by one read.
    one_byte: OnceLock<[u64; 128]>,
    /// Some marked word is all ASCII digits: without one, a number is on
    /// no list and needs no lookup ([`WordMarks::has_digit_words`]).
    digit_words: bool,
    /// Which marks these are ([`WordMarks::id`]).
    id: TableId,
    /// Every marked word, for the tests.
    #[cfg(test)]
    words: Vec<Box<str>>,
}

impl WordMarks {
    /// Set `bit` on each of `words`.
    pub fn mark<'w>(&mut self, bit: u64, words: impl IntoIterator<Item = &'w str>) {
        self.one_byte = OnceLock::new();
        self.id = TableId::default();
        for w in words {
            self.lengths |= 1 << w.len().min(63);
            self.digit_words |= !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
            if let Some(&b) = w.as_bytes().first() {
                self.first_bytes[usize::from(b >> 6)] |= 1 << (b & 63);
            }
            // A short word is keyed and hashed once (the entry); a long
            // one is copied only when new.
            let new = match ShortKey::of(w.as_bytes()) {
                Some(key) => match self.short.entry(key) {
                    Entry::Occupied(mut known) => {
                        *known.get_mut() |= bit;
                        false
                    }
                    Entry::Vacant(slot) => {
                        slot.insert(bit);
                        true
                    }
                },
                None => match self.long.get_mut(w.as_bytes()) {
                    Some(known) => {
                        *known |= bit;
                        false
                    }
                    None => {
                        self.long.insert(w.as_bytes().into(), bit);
                        true
                    }
                },
            };
            #[cfg(test)]
            if new {
                self.words.push(w.into());
            }
            #[cfg(not(test))]
            let _ = new;
        }
    }

    /// The bits of the lists `w` is on (0 for a word on none).
    #[inline]
    pub fn get(&self, w: &str) -> u64 {
        self.get_bytes(w.as_bytes())
    }

    /// [`WordMarks::get`] of the word whose UTF-8 bytes are `w` (the text
    /// layer asks with byte slices, which cost no character-boundary test).
    #[inline]
    pub fn get_bytes(&self, w: &[u8]) -> u64 {
        match ShortKey::of(w) {
            Some(key) => match w.first() {
                Some(&first) => self.get_key(key, first),
                None => self.short.get(&key).copied().unwrap_or(0),
            },
            None => {
                if self.turns_away(w.len(), w[0]) {
                    return 0;
                }
                self.long.get(w).copied().unwrap_or(0)
            }
        }
    }

    /// The bits of the short word (not empty) whose key is `key` and first
    /// byte `first`.
    #[inline]
    fn get_key(&self, key: ShortKey, first: u8) -> u64 {
        if self.turns_away(key.len as usize, first) {
            return 0;
        }
        self.short.get(&key).copied().unwrap_or(0)
    }

    /// True when no marked word has `len` bytes or none starts with
    /// byte `first`: most words asked about are turned away here.
    #[inline]
    fn turns_away(&self, len: usize, first: u8) -> bool {
        self.lengths & (1 << len.min(63)) == 0
            || self.first_bytes[usize::from(first >> 6)] & (1 << (first & 63)) == 0
    }

    /// [`WordMarks::of_bytes`] of a word of one to eight bytes given as
    /// integers (its bytes little-endian, zero above its length `n`): as
    /// written, `exact`; lower-cased, `lower` (the text layer's marks memo
    /// has read them already, and compares them without a call).
    pub fn of_short(&self, exact: u64, lower: u64, n: usize) -> u64 {
        let m = self.get_key(ShortKey::short(exact, n), exact as u8);
        if exact == lower {
            return m;
        }
        (m & mark::EXACT) | (self.get_key(ShortKey::short(lower, n), lower as u8) & !mark::EXACT)
    }

    /// [`WordMarks::of_bytes`] of a word of nine to sixteen bytes given as
    /// integers: its first eight bytes and its last eight, as written
    /// (`exact`) and lower-cased (`lower`); `n` is its length.
    pub fn of_long(&self, exact: (u64, u64), lower: (u64, u64), n: usize) -> u64 {
        let m = self.get_key(ShortKey::long(exact, n), exact.0 as u8);
        if exact == lower {
            return m;
        }
        (m & mark::EXACT) | (self.get_key(ShortKey::long(lower, n), lower.0 as u8) & !mark::EXACT)
    }

    /// A number that two tables share only if they mark the same words
    /// with the same bits (a copy keeps it; a change gives a new one): the
    /// text layer keeps the marks it has looked up from one article to the
    /// next while the table's id stays the same.
    #[inline]
    pub fn id(&self) -> u64 {
        self.id.0
    }

    /// Some marked word is all ASCII digits (without one, no number is
    /// on a list).
    #[inline]
    pub fn has_digit_words(&self) -> bool {
        self.digit_words
    }

    /// The marks of a word written `exact`, lower-cased `lower`: the exact
    /// word's [`mark::EXACT`] bits, the lower-case word's from
    /// [`mark::FOLDED`] on.
    #[inline]
    pub fn of(&self, exact: &str, lower: &str) -> u64 {
        self.of_bytes(exact.as_bytes(), lower.as_bytes())
    }

    /// [`WordMarks::of`] of UTF-8 bytes.
    #[inline]
    pub fn of_bytes(&self, exact: &[u8], lower: &[u8]) -> u64 {
        let m = self.get_bytes(exact);
        if exact == lower {
            return m;
        }
        (m & mark::EXACT) | (self.get_bytes(lower) & !mark::EXACT)
    }

    /// [`WordMarks::of_bytes`] of every word of one byte, by its byte
    /// (the text layer's table for its one-byte tokens).
    pub fn one_byte_marks(&self) -> &[u64; 128] {
        self.one_byte.get_or_init(|| {
            std::array::from_fn(|b| {
                let b = b as u8;
                self.of_bytes(&[b], &[b.to_ascii_lowercase()])
            })
        })
    }

    /// Room for `n` more words without growing the table.
    pub fn reserve(&mut self, n: usize) {
        self.short.reserve(n);
    }

    /// Forget every mark.
    pub fn clear(&mut self) {
        *self = WordMarks::default();
    }

    /// Every marked word.
    #[cfg(test)]
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|w| &**w)
    }
}

/// [`WordMarks::id`]: each new or changed table takes the next number.
#[derive(Clone, Debug)]
struct TableId(u64);

impl Default for TableId {
    fn default() -> TableId {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        TableId(NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    }
}

/// A word of at most [`ShortKey::MAX`] bytes as integers: the table is asked
/// once per token of every article, and integers hash and compare without
/// a loop or a call. Two words have equal keys only if they are equal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct ShortKey {
    /// Every byte of a word of up to eight ([`word_integer`]), or the first
    /// eight bytes of a word of 9 to 16.
    head: u64,
    /// 0, or the last eight bytes of a word of 9 to 16: with the length
    /// and `head`, every byte of the word.
    tail: u64,
    len: u64,
}

impl ShortKey {
    const MAX: usize = 16;

    /// The key of `bytes`, if it is short enough.
    #[inline]
    fn of(bytes: &[u8]) -> Option<ShortKey> {
        let n = bytes.len();
        let eight = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
        Some(match n {
            0..=8 => ShortKey::short(word_integer(bytes), n),
            9..=ShortKey::MAX => ShortKey::long((eight(0), eight(n - 8)), n),
            _ => return None,
        })
    }

    /// The key of a word of up to eight bytes whose [`word_integer`] is
    /// `word`, `n` its length.
    #[inline]
    fn short(word: u64, n: usize) -> ShortKey {
        ShortKey {
            head: word,
            tail: 0,
            len: n as u64,
        }
    }

    /// The key of a word of 9 to 16 bytes whose first eight and last
    /// eight bytes (little-endian) are `(head, tail)`, `n` its length.
    #[inline]
    fn long((head, tail): (u64, u64), n: usize) -> ShortKey {
        ShortKey {
            head,
            tail,
            len: n as u64,
        }
    }
}

/// The bytes of a word of up to eight bytes as one little-endian integer,
/// zero above its length; read without a loop (overlapping reads of the
/// same bytes agree, so they are ORed).
#[inline]
fn word_integer(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    let four = |at: usize| u64::from(u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()));
    let byte = |at: usize| u64::from(bytes[at]) << (8 * at);
    match n {
        0 => 0,
        1..=3 => byte(0) | byte(n / 2) | byte(n - 1),
        4..=7 => four(0) | four(n - 4) << (8 * (n - 4)),
        _ => u64::from_le_bytes(bytes[..8].try_into().unwrap()),
    }
}

impl Hash for ShortKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.head.wrapping_mul(MIX).rotate_left(26) ^ self.tail ^ self.len << 58);
    }
}

/// The hasher of [`ShortKey`]s: one multiply folds the key's one `u64` so
/// that both its high bits (the table's tags) and low bits (its slots) vary.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        let product = u128::from(self.0 ^ MIX) * u128::from(MIX);
        (product as u64) ^ ((product >> 64) as u64)
    }

    fn write_u64(&mut self, x: u64) {
        self.0 ^= x;
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(MIX);
        }
    }
}

/// A hasher for the longer words that reads eight bytes at a time.
#[derive(Default)]
struct WordHasher(u64);

const MIX: u64 = 0x9e37_79b9_7f4a_7c15;

impl WordHasher {
    fn add(&mut self, x: u64) {
        self.0 = (self.0 ^ x).wrapping_mul(MIX).rotate_left(29);
    }
}

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        let h = self.0;
        (h ^ (h >> 32)).wrapping_mul(MIX) ^ (h >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        self.add(bytes.len() as u64);
        let mut chunks = bytes.chunks(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    /// The end mark `str` hashes after its bytes: `write` has mixed in the
    /// length already.
    fn write_u8(&mut self, _: u8) {}
}

#[cfg(test)]
mod tests {
    use super::{mark, WordMarks};
    use crate::lexicon::marked_lists;
    use crate::lexicon::Lexicon;
    use crate::text::{test_corpus, Doc};

    /// Every word of up to twelve letters "a" and "b" has a key of its own.
    #[test]
    fn short_keys_of_all_small_words_differ() {
        let mut keys = std::collections::HashSet::new();
        let mut count = 0;
        for len in 0..=12 {
            for bits in 0..1u32 << len {
                let word: Vec<u8> = (0..len).map(|i| b'a' + (bits >> i & 1) as u8).collect();
                let key = super::ShortKey::of(&word).unwrap();
                keys.insert((key.head, key.tail, key.len));
                count += 1;
            }
        }
        assert_eq!(keys.len(), count);
    }

    proptest::proptest! {
        /// Two short words have one key only if they are one word.
        #[test]
        fn short_keys_tell_words_apart(
            a in proptest::collection::vec(proptest::sample::select(vec![0u8, b'a', b'b', 0xc3]), 0..20),
            b in proptest::collection::vec(proptest::sample::select(vec![0u8, b'a', b'b', 0xc3]), 0..20),
        ) {
            let (ka, kb) = (super::ShortKey::of(&a), super::ShortKey::of(&b));
            proptest::prop_assert_eq!(ka.is_some(), a.len() <= super::ShortKey::MAX);
            if let (Some(ka), Some(kb)) = (ka, kb) {
                proptest::prop_assert_eq!(ka == kb, a == b);
            }
        }
    }

    /// Every word of every marked list, as written, lower-cased, in ASCII
    /// capitals and capitalised, one per line.
    fn listed_words(lex: &Lexicon) -> String {
        let mut out = String::new();
        for w in lex.marks.words() {
            let mut cap = w.to_lowercase();
            if let Some(first) = cap.get(..1) {
                cap = first.to_uppercase() + &cap[1..];
            }
            for form in [w.to_string(), w.to_lowercase(), w.to_ascii_uppercase(), cap] {
                out.push_str(&form);
                out.push('\n');
            }
        }
        out
    }

    /// Each base token's mark bit is the list's answer for the token's text
    /// (lists matched as written) or its folded text (the others), for
    /// every marked list, over the fixture, the development texts and every
    /// listed word in four casings.
    #[test]
    fn token_marks_are_list_membership() {
        let lex = Lexicon::embedded();
        let lists = marked_lists(lex);
        let mut texts = test_corpus::texts();
        texts.push(listed_words(lex));
        let mut every_bit = 0;
        for text in &texts {
            let doc = Doc::new(text, false);
            for t in &doc.tokens {
                let (exact, folded) = (&text[t.start..t.end], &doc.folded[t.start..t.end]);
                for (name, bit, as_written, on_list) in &lists {
                    let w = if *as_written { exact } else { folded };
                    assert_eq!(t.marks & bit != 0, on_list(w), "{name}: {w:?}");
                }
                every_bit |= t.marks;
            }
        }
        let all = lists.iter().fold(0, |m, (_, bit, _, _)| m | bit);
        assert_eq!(every_bit, all, "some list marked no token");
        for (name, _, _, on_list) in &lists {
            assert!(!on_list(""), "{name} holds the empty word");
        }
    }

    #[test]
    fn a_word_carries_the_bits_of_its_lists() {
        let mut marks = WordMarks::default();
        marks.mark(1, ["Paris", "Jordan"]);
        marks.mark(4, ["Jordan", "said"]);
        marks.mark(mark::FOLDED, ["jordan"]);
        assert_eq!(marks.get("Jordan"), 5);
        assert_eq!(marks.get("Paris"), 1);
        assert_eq!(marks.get("said"), 4);
        assert_eq!(marks.get("paris"), 0);
        assert_eq!(marks.get(""), 0);
        assert_eq!(marks.of("Jordan", "jordan"), 5 | mark::FOLDED);
        assert_eq!(marks.of("jordan", "jordan"), mark::FOLDED);
        let long = "Mohammed-Abdulrahman-bin-Khalid";
        marks.mark(2, [long, "Jordanian"]);
        assert_eq!(marks.get(long), 2);
        assert_eq!(marks.get(&long[..30]), 0);
        assert_eq!(marks.get("Jordanian"), 2);
        assert_eq!(marks.get("Jordanians"), 0);
        // A copy marks the same words: it keeps the id; a change does not.
        let copy = marks.clone();
        assert_eq!(copy.id(), marks.id());
        marks.mark(8, ["Amman"]);
        assert_ne!(copy.id(), marks.id());
        let id = marks.id();
        marks.clear();
        assert_ne!(marks.id(), id);
        assert_eq!(marks.get("Jordan"), 0);
    }
}
