//! The records the extractor emits (`RECORDS.md`): entities with their
//! mentions, and claims (figures and quotes).
//!
//! Field names and lower-case enum values are a contract with tools outside
//! the crate; add fields, never rename them.

use serde::{Deserialize, Serialize};

/// Everything extracted from one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// The article's id.
    pub id: String,
    /// The article's title, if it has one.
    pub title: Option<String>,
    /// The byline ("…reports NAME"), if any.
    pub byline: Option<String>,
    /// The agency credit ("ANI", "IANS"), if any.
    pub agency: Option<String>,
    /// Named entities, in order of first mention.
    pub entities: Vec<Entity>,
    /// Figures and quotes, in reading order.
    pub claims: Vec<Claim>,
}

/// The type of a named entity.
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

    /// Parse the lower-case name used in records and gazetteer files.
    pub fn parse(s: &str) -> Option<EntityType> {
        Some(match s {
            "person" => EntityType::Person,
            "organization" => EntityType::Organization,
            "place" => EntityType::Place,
            "nationality" => EntityType::Nationality,
            _ => return None,
        })
    }
}

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
}

/// What a claim states.
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

/// How exact a figure is.
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
    /// The sentence holding the claim.
    pub sentence: String,
    /// Byte offset of the claim's text in `Article::text`.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// The rule that produced it (`figure:digits+scale`, `quote:curly`, …).
    pub rule: String,
}
