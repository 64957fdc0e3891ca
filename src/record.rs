//! The records the extractor emits (`RECORDS.md`): entities with their
//! mentions, and claims (figures and quotes).
//!
//! Field names and lower-case enum values are a contract with tools outside
//! the crate; add fields, never rename them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// `Display` and `FromStr` for a record enum, through its `as_str` names
/// (the serde names), so that the three always agree.
macro_rules! names {
    ($ty:ident, $what:literal, [$($variant:ident),+ $(,)?]) => {
        impl $ty {
            /// Every value, in declaration order.
            const ALL: &'static [$ty] = &[$($ty::$variant),+];
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $ty {
            type Err = Error;

            fn from_str(s: &str) -> Result<$ty, Error> {
                $ty::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| Error::unknown_value($what, s))
            }
        }
    };
}

/// Everything extracted from one article.
///
/// `ArticleRecord::default()` is an empty record, for
/// [`Extractor::extract_into`](crate::Extractor::extract_into) to fill.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// The article's id.
    pub id: String,
    /// The article's title, if it has one.
    pub title: Option<String>,
    /// The byline ("…reports NAME"), if any.
    pub byline: Option<String>,
    /// The agency credit ("ANI", "IANS"), if any.
    pub agency: Option<String>,
    /// The article's publication date as its input gave it ([`Article::date`]).
    /// Left out of the JSON when there is none.
    ///
    /// ```
    /// use newsfacts::input::parse_json_article;
    /// use newsfacts::Extractor;
    ///
    /// let line = r#"{"id": "a", "date": "2004-05-01", "url": "https://example.org/a", "text": "Hi."}"#;
    /// let record = Extractor::new().extract(&parse_json_article(line, "in:1")?)?;
    /// assert_eq!(record.date.as_deref(), Some("2004-05-01"));
    /// assert_eq!(record.url.as_deref(), Some("https://example.org/a"));
    /// # Ok::<(), newsfacts::Error>(())
    /// ```
    ///
    /// [`Article::date`]: crate::Article::date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The article's URL as its input gave it ([`Article::url`]). Left out of
    /// the JSON when there is none.
    ///
    /// [`Article::url`]: crate::Article::url
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The article's sentences, when the extractor was asked for them
    /// ([`ExtractorBuilder::sentences`]); claims point into this list with
    /// [`Claim::sentence_index`], mentions with [`Mention::sentence`].
    /// Left out of the JSON when empty.
    ///
    /// [`ExtractorBuilder::sentences`]: crate::ExtractorBuilder::sentences
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sentences: Vec<Sentence>,
    /// Named entities, in order of first mention.
    pub entities: Vec<Entity>,
    /// Figures and quotes, in reading order.
    pub claims: Vec<Claim>,
}

/// One sentence of the article: its span in [`Article::text`].
///
/// ```
/// use newsfacts::{Article, Extractor, SentenceOutput};
///
/// let extractor = Extractor::builder().sentences(SentenceOutput::Spans).build()?;
/// let article = Article::new("a", "It rained. China sent 20 officials.");
/// let record = extractor.extract(&article)?;
/// let s = &record.sentences[1];
/// assert_eq!(&article.text[s.start..s.end], "China sent 20 officials.");
/// assert_eq!(record.claims[0].sentence_index, Some(1));
/// # Ok::<(), newsfacts::Error>(())
/// ```
///
/// [`Article::text`]: crate::Article::text
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte offset of its first byte.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// Character offset of its start, when the extractor was asked for
    /// character offsets ([`ExtractorBuilder::char_offsets`]).
    ///
    /// [`ExtractorBuilder::char_offsets`]: crate::ExtractorBuilder::char_offsets
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_start: Option<usize>,
    /// Character offset one past its end, with `char_start`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_end: Option<usize>,
}

/// A record id: `prefix` then `n` in decimal ("e12", "c3"), written without
/// the formatting machinery (one per entity and claim).
#[cfg(test)]
pub(crate) fn numbered_id(prefix: char, n: usize) -> String {
    let mut id = String::new();
    write_numbered_id(prefix, n, &mut id);
    id
}

/// Overwrite `id` with the record id `prefix` then `n` in decimal ("e12",
/// "c3"), in its capacity: one per entity and claim, so written without the
/// formatting machinery and, in a reused record, without an allocation.
pub(crate) fn write_numbered_id(prefix: char, n: usize, id: &mut String) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    id.clear();
    id.push(prefix);
    id.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// Overwrite `to` with `from`, in `to`'s capacity (a field of a reused
/// record keeps its buffer).
pub(crate) fn set_str(to: &mut String, from: &str) {
    to.clear();
    to.push_str(from);
}

/// Overwrite `to` with `from`, in the capacity of the string `to` holds,
/// if any. (`None` drops it: an `Option` has nowhere to keep a buffer.)
pub(crate) fn set_opt_str(to: &mut Option<String>, from: Option<&str>) {
    match (to.as_mut(), from) {
        (Some(to), Some(from)) => set_str(to, from),
        (_, from) => *to = from.map(str::to_string),
    }
}

/// Entities (with their mentions), mentions and claims that a refilled
/// record no longer needed, with their strings: kept by the thread for the
/// next record it fills, so that a record longer than the last one takes
/// them rather than new ones.
#[derive(Default)]
pub(crate) struct Spares {
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
    pub claims: Vec<Claim>,
}

/// The most elements of each kind a thread keeps spare (what a long article
/// leaves beyond that is freed).
const MAX_SPARES: usize = 4096;

/// Element `k` of `v` (at most its length): the one there, else a spare
/// moved in, else `blank()`. How a refilled record's lists are overwritten
/// in place.
pub(crate) fn slot<'v, T>(
    v: &'v mut Vec<T>,
    k: usize,
    spares: &mut Vec<T>,
    blank: fn() -> T,
) -> &'v mut T {
    if k == v.len() {
        v.push(spares.pop().unwrap_or_else(blank));
    }
    &mut v[k]
}

/// Shorten `v` to `len` elements, moving those after them to `spares` (up
/// to [`MAX_SPARES`]).
pub(crate) fn shorten<T>(v: &mut Vec<T>, len: usize, spares: &mut Vec<T>) {
    if v.len() > len {
        let room = MAX_SPARES.saturating_sub(spares.len());
        let kept = len + room.min(v.len() - len);
        spares.extend(v.drain(len..kept));
        v.truncate(len);
    }
}

/// The type of a named entity.
///
/// `Display` and `FromStr` use the lower-case names of records and gazetteer
/// files:
///
/// ```
/// use newsfacts::EntityType;
///
/// assert_eq!(EntityType::Organization.to_string(), "organization");
/// assert_eq!("place".parse::<EntityType>()?, EntityType::Place);
/// assert!("Place".parse::<EntityType>().is_err());
/// # Ok::<(), newsfacts::Error>(())
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    /// A named human being.
    Person,
    /// A named body: institution, party, company, group, medium.
    Organization,
    /// A country, region, city, geographic feature or named structure.
    Place,
    /// A nationality, ethnic or religious group ("Chinese", "Uyghurs").
    Nationality,
}

impl EntityType {
    /// The lower-case name used in records and gazetteer files.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Place => "place",
            EntityType::Nationality => "nationality",
        }
    }

    /// Parse the lower-case name used in records and gazetteer files (the
    /// same as `FromStr`, with `None` for an unknown name).
    ///
    /// ```
    /// use newsfacts::EntityType;
    ///
    /// assert_eq!(EntityType::parse("person"), Some(EntityType::Person));
    /// assert_eq!(EntityType::parse("thing"), None);
    /// ```
    pub fn parse(s: &str) -> Option<EntityType> {
        s.parse().ok()
    }
}

names!(
    EntityType,
    "entity type",
    [Person, Organization, Place, Nationality]
);

/// A named entity and every place the article mentions it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Record-local id: `e1`, `e2`, …
    pub id: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Canonical name: the first full form the article gives.
    pub name: String,
    /// The gazetteer key, when a gazetteer entry produced the entity.
    pub key: Option<String>,
    /// Every mention, in reading order.
    pub mentions: Vec<Mention>,
}

/// One occurrence of an entity in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The mention as written: `&article.text[start..end]`.
    pub text: String,
    /// Byte offset of the first byte in `Article::text`.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Index of the sentence holding it (0-based).
    pub sentence: usize,
    /// The rule or gazetteer entry that produced it (`gazetteer:CN`, `rule:title-cue`, …).
    pub rule: String,
    /// Character (Unicode scalar value) offset of `start`, when the extractor
    /// was asked for character offsets ([`ExtractorBuilder::char_offsets`]):
    /// the index Python's `str` and Rust's `chars()` count by.
    ///
    /// [`ExtractorBuilder::char_offsets`]: crate::ExtractorBuilder::char_offsets
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_start: Option<usize>,
    /// Character offset of `end`, with `char_start`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_end: Option<usize>,
}

/// What a claim states.
///
/// `Display` and `FromStr` use the lower-case names of records:
///
/// ```
/// use newsfacts::ClaimKind;
///
/// assert_eq!(ClaimKind::Money.to_string(), "money");
/// assert_eq!("quote".parse::<ClaimKind>()?, ClaimKind::Quote);
/// # Ok::<(), newsfacts::Error>(())
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// A count of things ("500 fighters").
    Count,
    /// An amount of money ("$10 million").
    Money,
    /// A percentage, rate or fraction ("84 per cent").
    Percent,
    /// A measurement or claimed duration ("15-day", "30 km").
    Measure,
    /// A direct quotation.
    Quote,
}

impl ClaimKind {
    /// The lower-case name used in records.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Count => "count",
            ClaimKind::Money => "money",
            ClaimKind::Percent => "percent",
            ClaimKind::Measure => "measure",
            ClaimKind::Quote => "quote",
        }
    }

    /// True for the figure kinds (everything but quotes).
    pub fn is_figure(self) -> bool {
        !matches!(self, ClaimKind::Quote)
    }
}

names!(
    ClaimKind,
    "claim kind",
    [Count, Money, Percent, Measure, Quote]
);

/// How exact a figure is.
///
/// `Display` and `FromStr` use the snake_case names of records:
///
/// ```
/// use newsfacts::record::Qualifier;
///
/// assert_eq!(Qualifier::AtLeast.to_string(), "at_least");
/// assert_eq!("approx".parse::<Qualifier>()?, Qualifier::Approx);
/// # Ok::<(), newsfacts::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Stated as is.
    Exact,
    /// "about", "nearly", "some", "close to"…
    Approx,
    /// "more than", "over", "at least"…, and vague plurals ("thousands").
    AtLeast,
    /// "up to", "fewer than", "under"…
    AtMost,
}

impl Qualifier {
    /// The snake_case name used in records.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
        }
    }
}

names!(Qualifier, "qualifier", [Exact, Approx, AtLeast, AtMost]);

/// Who a claim is attributed to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Canonical name of the person or organization.
    pub name: String,
    /// The entity id in the same record, when the source is an entity.
    pub entity: Option<String>,
}

/// A figure or a quote, with its provenance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Record-local id: `c1`, `c2`, …
    pub id: String,
    /// What the claim states.
    pub kind: ClaimKind,
    /// The number expression as written, or the quote's words.
    pub text: String,
    /// The value as a plain number (figures only).
    pub value: Option<f64>,
    /// Upper bound of a range, else null.
    pub upper: Option<f64>,
    /// Counted noun, ISO currency, `%`, `pp` or measure unit.
    pub unit: Option<String>,
    /// Qualifier (figures only).
    pub qualifier: Option<Qualifier>,
    /// The year the figure holds for.
    pub year: Option<i32>,
    /// Entity id the claim is about.
    pub subject: Option<String>,
    /// Who the text attributes a figure to.
    pub source: Option<Source>,
    /// Who the text names as saying a quote.
    pub speaker: Option<Source>,
    /// True when the text marks the claim as reported, alleged or believed.
    pub hedged: bool,
    /// The sentence holding the claim (for a quote, the sentences holding
    /// it), cut to a window around the claim when it is long.
    ///
    /// Empty, and left out of the JSON, when the extractor was built with
    /// [`SentenceOutput::Spans`] (the planned default of a future major
    /// release): then [`Claim::sentence_index`] points into
    /// [`ArticleRecord::sentences`] instead.
    ///
    /// [`SentenceOutput::Spans`]: crate::SentenceOutput::Spans
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sentence: String,
    /// Byte offset of the claim's text in `Article::text`.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// The rule that produced it (`figure:digits+scale`, `quote:curly`, …).
    pub rule: String,
    /// Index into [`ArticleRecord::sentences`] of the sentence holding the
    /// claim's start, when the extractor was asked for sentence spans
    /// ([`ExtractorBuilder::sentences`]).
    ///
    /// [`ExtractorBuilder::sentences`]: crate::ExtractorBuilder::sentences
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence_index: Option<usize>,
    /// Character offset of `start`, when the extractor was asked for
    /// character offsets ([`ExtractorBuilder::char_offsets`]).
    ///
    /// [`ExtractorBuilder::char_offsets`]: crate::ExtractorBuilder::char_offsets
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_start: Option<usize>,
    /// Character offset of `end`, with `char_start`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_end: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_ids_are_the_prefix_and_the_number() {
        // Over a string that held a longer id, a shorter one and none.
        let mut reused = String::from("e1234567890123");
        for n in [0, 1, 9, 10, 12, 99, 100, 4_096, usize::MAX, 7] {
            assert_eq!(numbered_id('e', n), format!("e{n}"));
            write_numbered_id('c', n, &mut reused);
            assert_eq!(reused, format!("c{n}"));
        }
    }

    #[test]
    fn shortened_lists_keep_their_tails_spare() {
        let mut v: Vec<String> = (0..10).map(|i| i.to_string()).collect();
        let mut spares = vec!["s".to_string()];
        shorten(&mut v, 4, &mut spares);
        assert_eq!(v, ["0", "1", "2", "3"]);
        assert_eq!(spares, ["s", "4", "5", "6", "7", "8", "9"]);
        // A full store of spares frees the rest.
        let mut full = vec![String::new(); MAX_SPARES - 1];
        shorten(&mut v, 1, &mut full);
        assert_eq!((v.len(), full.len()), (1, MAX_SPARES));
        assert_eq!(full.last().map(String::as_str), Some("1"));
        // Slots past the end take spares, last first, then blanks.
        let mut one = vec!["x".to_string()];
        *slot(&mut v, 1, &mut one, String::new) += "+";
        *slot(&mut v, 2, &mut one, String::new) += "+";
        assert_eq!(v, ["0", "x+", "+"]);
        *slot(&mut v, 0, &mut one, String::new) += "+";
        assert_eq!(v, ["0+", "x+", "+"]);
    }

    #[test]
    fn set_strings_overwrite() {
        let mut s = String::from("a longer old value");
        set_str(&mut s, "new");
        assert_eq!(s, "new");
        let mut o = Some(String::from("old"));
        for from in [Some("x"), None, None, Some("yz"), Some("")] {
            set_opt_str(&mut o, from);
            assert_eq!(o.as_deref(), from);
        }
    }
}
