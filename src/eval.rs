//! Evaluation against gold annotations: how close extracted records come to
//! what `ANNOTATION.md` says an article holds.
//!
//! Gold files are JSON Lines, one article a line (the format at the end of
//! `ANNOTATION.md`): `id`, `title`, `byline`, `agency`, `mentions`,
//! `figures` and `quotes`. [`score`] pairs each gold article with a record
//! (by id, else by normalised title, else by an id that the gold id ends
//! with) and counts:
//!
//! - **Mentions** of persons, organizations and places: per article and
//!   type, the multiset of mention texts (apostrophes and whitespace
//!   normalised, otherwise exact). Other entity types (`nationality`…) are
//!   ignored, never counted as false positives. **Entity-level** scores
//!   compare per article the set of (type, canonical name).
//! - **Figures** (claims of kind count, money, percent, measure): each gold
//!   figure, in reading order, takes the first unpaired predicted figure
//!   with an equal value (relative tolerance 1e-6; `upper` ignored),
//!   preferring one whose text matches. *Value* scores count those pairs;
//!   *full-match* scores count pairs whose kind, unit (see
//!   [`normalize_unit`]) and upper bound agree too. Among pairs, the
//!   qualifier, year and source are scored as accuracies.
//! - **Quotes** (claims of kind quote): a prediction matches a gold quote
//!   when their first five words agree ignoring case and punctuation (see
//!   [`quote_key`]); one-to-one, greedy, in order. Speakers are scored among
//!   matched quotes.
//!
//! Gold articles without a record count all their items as misses; records
//! without a gold article are left out and listed in the [`Report`].
//!
//! # Example
//!
//! ```
//! use newsfacts::{eval, Article, Extractor};
//!
//! let gold = eval::read_gold(
//!     r#"{"id": "g1", "title": "Talks", "byline": null, "agency": null,
//!         "mentions": [{"type": "place", "text": "Kabul", "canonical": "Kabul"}],
//!         "figures": [], "quotes": []}"#
//!         .replace('\n', " ")
//!         .as_bytes(),
//!     "gold",
//! )?;
//! let record = Extractor::new().extract(&Article::from_plain_text("a1", "Talks\n\nThey met in Kabul."))?;
//! let report = eval::score(&gold, &[record]);
//! assert_eq!(report.articles.paired, 1);
//! assert_eq!(report.mentions.overall.tp + report.mentions.overall.fn_, 1);
//! println!("{report}");
//! # Ok::<(), newsfacts::Error>(())
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::io::BufRead;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::error::{Error, ErrorKind};
use crate::record::{
    ArticleRecord, Claim, ClaimKind, Entity, EntityType, Mention, Qualifier, Source,
};

/// The entity types that are scored, in table order.
const SCORED_TYPES: [&str; 3] = ["person", "organization", "place"];

/// How many words of a quote decide whether two quotes are the same.
const QUOTE_KEY_WORDS: usize = 5;

/// Relative tolerance for equal figure values.
const VALUE_TOLERANCE: f64 = 1e-6;

/// Unit names and abbreviations that evaluation treats as equal, as
/// (alias, canonical) after lower-casing and plural stripping. A small
/// closed set: `ANNOTATION.md` says either written form of a unit is right.
const UNIT_ALIASES: &[(&str, &str)] = &[
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("km", "km"),
    ("metre", "m"),
    ("meter", "m"),
    ("mile", "mile"),
    ("mi", "mile"),
    ("megawatt", "mw"),
    ("mw", "mw"),
    ("kilowatt", "kw"),
    ("kw", "kw"),
    ("gigawatt", "gw"),
    ("gw", "gw"),
    ("kilogram", "kg"),
    ("kilogramme", "kg"),
    ("kg", "kg"),
    ("tonne", "tonne"),
    ("ton", "tonne"),
    ("metric ton", "tonne"),
    ("billion", "bn"),
    ("bn", "bn"),
    ("%", "%"),
    ("percent", "%"),
    ("per cent", "%"),
    ("pc", "%"),
    ("percentage point", "pp"),
    ("pp", "pp"),
    ("hour", "hour"),
    ("hr", "hour"),
    ("year", "year"),
    ("yr", "year"),
    ("barrel", "barrel"),
    ("bbl", "barrel"),
];

// ---------------------------------------------------------------------------
// Gold input

/// One gold article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoldArticle {
    /// Gold id (`seed-01`, `bbc-business-077`).
    pub id: String,
    /// The article's title.
    #[serde(default)]
    pub title: Option<String>,
    /// The byline, if any.
    #[serde(default)]
    pub byline: Option<String>,
    /// The agency credit, if any.
    #[serde(default)]
    pub agency: Option<String>,
    /// Every entity mention, in reading order.
    #[serde(default)]
    pub mentions: Vec<GoldMention>,
    /// Every figure, in reading order.
    #[serde(default)]
    pub figures: Vec<GoldFigure>,
    /// Every direct quotation, in reading order.
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
}

/// One gold mention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldMention {
    /// `person`, `organization` or `place`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The mention as written.
    pub text: String,
    /// The entity's canonical name.
    pub canonical: String,
}

/// One gold figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoldFigure {
    /// The number expression as written.
    pub text: String,
    /// Its value.
    pub value: f64,
    /// `count`, `money`, `percent` or `measure`.
    pub kind: String,
    /// Counted noun, ISO currency, `%`, `pp` or unit.
    #[serde(default)]
    pub unit: Option<String>,
    /// `exact`, `approx`, `at_least` or `at_most`.
    #[serde(default)]
    pub qualifier: Option<String>,
    /// Upper bound of a range.
    #[serde(default)]
    pub upper: Option<f64>,
    /// The year the figure holds for.
    #[serde(default)]
    pub year: Option<i32>,
    /// Canonical name of who the text attributes it to.
    #[serde(default)]
    pub source: Option<String>,
}

/// One gold quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldQuote {
    /// The first eight words inside the marks.
    pub text: String,
    /// Canonical name of the speaker.
    #[serde(default)]
    pub speaker: Option<String>,
}

/// Read gold articles from a JSON Lines stream; `name` names it in errors.
///
/// Blank lines are skipped; the first bad line is an error naming its line.
///
/// ```
/// let gold = newsfacts::eval::read_gold(
///     "{\"id\": \"g\", \"figures\": [{\"text\": \"500\", \"value\": 500, \"kind\": \"count\"}]}\n".as_bytes(),
///     "gold.jsonl",
/// )?;
/// assert_eq!(gold[0].figures[0].value, 500.0);
/// let err = newsfacts::eval::read_gold("{\"id\": 1".as_bytes(), "gold.jsonl").unwrap_err();
/// assert!(err.to_string().contains("gold.jsonl:1"));
/// # Ok::<(), newsfacts::Error>(())
/// ```
pub fn read_gold<R: BufRead>(reader: R, name: &str) -> Result<Vec<GoldArticle>, Error> {
    read_json_lines(reader, name)
}

/// Read a gold JSON Lines file.
pub fn read_gold_file(path: &Path) -> Result<Vec<GoldArticle>, Error> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::from(e).at(name.clone()))?;
    read_gold(std::io::BufReader::new(file), &name)
}

fn read_json_lines<R: BufRead, T: for<'de> Deserialize<'de>>(
    reader: R,
    name: &str,
) -> Result<Vec<T>, Error> {
    let mut out = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let origin = format!("{name}:{}", i + 1);
        let line = line.map_err(|e| Error::from(e).at(origin.clone()))?;
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() {
            continue;
        }
        let item = serde_json::from_str(line)
            .map_err(|e| Error::new(ErrorKind::Json, e.to_string()).at(origin))?;
        out.push(item);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Predicted records from other systems

/// A record as other systems may write it: only `id` is required, and
/// entity types or claim kinds this crate does not know are skipped.
#[derive(Deserialize)]
struct LooseRecord {
    id: serde_json::Value,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    byline: Option<String>,
    #[serde(default)]
    agency: Option<String>,
    #[serde(default)]
    entities: Vec<LooseEntity>,
    #[serde(default)]
    claims: Vec<LooseClaim>,
}

#[derive(Deserialize)]
struct LooseEntity {
    #[serde(default)]
    id: Option<String>,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    key: Option<String>,
    #[serde(default)]
    mentions: Vec<LooseMention>,
}

#[derive(Deserialize)]
struct LooseMention {
    text: String,
    #[serde(default)]
    start: usize,
    #[serde(default)]
    end: usize,
    #[serde(default)]
    sentence: usize,
    #[serde(default)]
    rule: Option<String>,
}

#[derive(Deserialize)]
struct LooseClaim {
    #[serde(default)]
    id: Option<String>,
    kind: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    value: Option<f64>,
    #[serde(default)]
    upper: Option<f64>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    qualifier: Option<String>,
    #[serde(default)]
    year: Option<f64>,
    #[serde(default)]
    subject: Option<String>,
    #[serde(default)]
    source: Option<LooseSource>,
    #[serde(default)]
    speaker: Option<LooseSource>,
    #[serde(default)]
    hedged: bool,
    #[serde(default)]
    sentence: Option<String>,
    #[serde(default)]
    start: usize,
    #[serde(default)]
    end: usize,
    #[serde(default)]
    rule: Option<String>,
}

/// A source given as an object (`{"name", "entity"}`) or a bare name.
#[derive(Deserialize)]
#[serde(untagged)]
enum LooseSource {
    Object {
        name: String,
        #[serde(default)]
        entity: Option<String>,
    },
    Name(String),
}

impl LooseSource {
    fn into_source(self) -> Source {
        match self {
            LooseSource::Object { name, entity } => Source { name, entity },
            LooseSource::Name(name) => Source { name, entity: None },
        }
    }
}

fn parse_claim_kind(s: &str) -> Option<ClaimKind> {
    Some(match s {
        "count" => ClaimKind::Count,
        "money" => ClaimKind::Money,
        "percent" => ClaimKind::Percent,
        "measure" => ClaimKind::Measure,
        "quote" => ClaimKind::Quote,
        _ => return None,
    })
}

fn parse_qualifier(s: &str) -> Option<Qualifier> {
    Some(match s {
        "exact" => Qualifier::Exact,
        "approx" => Qualifier::Approx,
        "at_least" => Qualifier::AtLeast,
        "at_most" => Qualifier::AtMost,
        _ => return None,
    })
}

impl LooseRecord {
    fn into_record(self) -> ArticleRecord {
        let id = match self.id {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        };
        let entities = self
            .entities
            .into_iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let kind = EntityType::parse(&e.kind)?;
                let name = e
                    .name
                    .or_else(|| e.mentions.first().map(|m| m.text.clone()))?;
                Some(Entity {
                    id: e.id.unwrap_or_else(|| format!("e{}", i + 1)),
                    kind,
                    name,
                    key: e.key,
                    mentions: e
                        .mentions
                        .into_iter()
                        .map(|m| Mention {
                            text: m.text,
                            start: m.start,
                            end: m.end,
                            sentence: m.sentence,
                            rule: m.rule.unwrap_or_default(),
                        })
                        .collect(),
                })
            })
            .collect();
        let claims = self
            .claims
            .into_iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let kind = parse_claim_kind(&c.kind)?;
                Some(Claim {
                    id: c.id.unwrap_or_else(|| format!("c{}", i + 1)),
                    kind,
                    text: c.text,
                    value: c.value,
                    upper: c.upper,
                    unit: c.unit,
                    qualifier: c.qualifier.as_deref().and_then(parse_qualifier),
                    year: c
                        .year
                        .filter(|y| y.fract() == 0.0 && y.abs() < 1e6)
                        .map(|y| y as i32),
                    subject: c.subject,
                    source: c.source.map(LooseSource::into_source),
                    speaker: c.speaker.map(LooseSource::into_source),
                    hedged: c.hedged,
                    sentence: c.sentence.unwrap_or_default(),
                    start: c.start,
                    end: c.end,
                    rule: c.rule.unwrap_or_default(),
                })
            })
            .collect();
        ArticleRecord {
            id,
            title: self.title,
            byline: self.byline,
            agency: self.agency,
            entities,
            claims,
        }
    }
}

/// Read records (`RECORDS.md` shape) from a JSON Lines stream, leniently, so
/// that other systems' output is scored by the same code.
///
/// Only `id` is required. Missing fields take empty defaults; entities of
/// types and claims of kinds this crate does not know are dropped (they
/// would not be scored anyway); a source or speaker may be an object
/// `{"name": …}` or a bare string. Lines with an `error` field and no
/// entities (the dump example's failures) give an empty record.
///
/// ```
/// let line = r#"{"id": "a", "entities": [{"type": "event", "name": "X"},
///   {"type": "place", "mentions": [{"text": "Paris"}]}],
///   "claims": [{"kind": "count", "text": "5", "value": 5, "source": "Li Wei"}]}"#;
/// let recs = newsfacts::eval::read_records(line.replace('\n', " ").as_bytes(), "peer")?;
/// assert_eq!(recs[0].entities.len(), 1);
/// assert_eq!(recs[0].entities[0].name, "Paris");
/// assert_eq!(recs[0].claims[0].source.as_ref().unwrap().name, "Li Wei");
/// # Ok::<(), newsfacts::Error>(())
/// ```
pub fn read_records<R: BufRead>(reader: R, name: &str) -> Result<Vec<ArticleRecord>, Error> {
    let loose: Vec<LooseRecord> = read_json_lines(reader, name)?;
    Ok(loose.into_iter().map(LooseRecord::into_record).collect())
}

/// Read a records JSON Lines file; see [`read_records`].
pub fn read_records_file(path: &Path) -> Result<Vec<ArticleRecord>, Error> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::from(e).at(name.clone()))?;
    read_records(std::io::BufReader::new(file), &name)
}

// ---------------------------------------------------------------------------
// Normalisation

/// Mention text as compared: curly apostrophes and quotes made straight,
/// whitespace runs made one space, ends trimmed. Case and everything else
/// are kept.
///
/// ```
/// use newsfacts::eval::normalize_mention;
/// assert_eq!(normalize_mention(" Xi\u{a0} Jinping "), "Xi Jinping");
/// assert_eq!(normalize_mention("Cote d’Ivoire"), "Cote d'Ivoire");
/// ```
pub fn normalize_mention(s: &str) -> String {
    let folded: String = s.chars().map(fold_quote_char).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name (canonical, source, speaker) as compared: [`normalize_mention`],
/// lower-cased, with surrounding punctuation trimmed.
///
/// ```
/// use newsfacts::eval::normalize_name;
/// assert_eq!(normalize_name("Li  Wei."), normalize_name("li wei"));
/// ```
pub fn normalize_name(s: &str) -> String {
    normalize_mention(s)
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

fn fold_quote_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' | '`' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201f}' | '\u{2033}' => '"',
        _ => c,
    }
}

/// A unit as compared: lower-cased, whitespace collapsed, a plural `s`
/// (or `ies` → `y`) stripped, and common abbreviations and names made one
/// (km/kilometres/kilometers, MW/megawatts, kg, tonnes/tons, bn, %…).
/// Currency codes stay as they are.
///
/// ```
/// use newsfacts::eval::normalize_unit;
/// assert_eq!(normalize_unit("Kilometres"), normalize_unit("km"));
/// assert_eq!(normalize_unit("megawatts"), normalize_unit("MW"));
/// assert_eq!(normalize_unit("fighters"), normalize_unit("fighter"));
/// assert_ne!(normalize_unit("USD"), normalize_unit("GBP"));
/// ```
pub fn normalize_unit(s: &str) -> String {
    let lower = normalize_mention(s).to_lowercase();
    if let Some(canon) = unit_alias(&lower) {
        return canon.to_string();
    }
    let singular = singular(&lower);
    unit_alias(&singular).map_or(singular, str::to_string)
}

fn unit_alias(s: &str) -> Option<&'static str> {
    UNIT_ALIASES
        .iter()
        .find(|(alias, _)| *alias == s)
        .map(|(_, canon)| *canon)
}

fn singular(s: &str) -> String {
    if let Some(stem) = s.strip_suffix("ies") {
        if !stem.is_empty() {
            return format!("{stem}y");
        }
    }
    match s.strip_suffix('s') {
        Some(stem) if !stem.is_empty() && !stem.ends_with('s') => stem.to_string(),
        _ => s.to_string(),
    }
}

/// The words that decide whether two quotes are the same: the first five
/// word tokens, lower-cased, each stripped of everything but letters and
/// digits (tokens left empty are dropped).
///
/// ```
/// use newsfacts::eval::quote_key;
/// assert_eq!(
///     quote_key("“It’s hard to see a wanted man"),
///     quote_key("it's HARD to see, a man"),
/// );
/// assert_eq!(quote_key("[Rosneft and CNPC] have agreed"), ["rosneft", "and", "cnpc", "have", "agreed"]);
/// ```
pub fn quote_key(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .take(QUOTE_KEY_WORDS)
        .collect()
}

fn same_value(a: f64, b: f64) -> bool {
    if a == b {
        return true;
    }
    (a - b).abs() <= VALUE_TOLERANCE * a.abs().max(b.abs())
}

fn same_upper(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => same_value(a, b),
        _ => false,
    }
}

fn same_name(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => normalize_name(a) == normalize_name(b),
        _ => false,
    }
}

fn normalize_title(s: &str) -> String {
    normalize_mention(s)
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------
// Scores

/// Precision, recall and F1 from true positives, false positives and false
/// negatives.
///
/// With neither gold items nor predictions all three are 1; otherwise an
/// empty denominator gives 0.
///
/// ```
/// let s = newsfacts::eval::Prf::new(3, 1, 2);
/// assert_eq!(s.precision, 0.75);
/// assert_eq!(s.recall, 0.6);
/// assert!((s.f1 - 2.0 / 3.0).abs() < 1e-12);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// tp / (tp + fp).
    pub precision: f64,
    /// tp / (tp + fn).
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl Prf {
    /// Scores from counts.
    pub fn new(tp: usize, fp: usize, fn_: usize) -> Prf {
        if tp + fp + fn_ == 0 {
            return Prf {
                precision: 1.0,
                recall: 1.0,
                f1: 1.0,
                ..Prf::default()
            };
        }
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + fn_);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            tp,
            fp,
            fn_,
            precision,
            recall,
            f1,
        }
    }

    fn add(self, other: Prf) -> Prf {
        Prf::new(self.tp + other.tp, self.fp + other.fp, self.fn_ + other.fn_)
    }
}

/// Share of correct answers among scored items.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Accuracy {
    /// Items answered correctly.
    pub correct: usize,
    /// Items scored.
    pub total: usize,
    /// correct / total (0 when nothing was scored).
    pub accuracy: f64,
}

impl Accuracy {
    /// Accuracy from counts.
    pub fn new(correct: usize, total: usize) -> Accuracy {
        let accuracy = if total == 0 {
            0.0
        } else {
            correct as f64 / total as f64
        };
        Accuracy {
            correct,
            total,
            accuracy,
        }
    }

    fn push(&mut self, ok: bool) {
        *self = Accuracy::new(self.correct + usize::from(ok), self.total + 1);
    }
}

/// Mention or entity scores, overall (micro) and per type.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TypedScores {
    /// All three types together.
    pub overall: Prf,
    /// Persons.
    pub person: Prf,
    /// Organizations.
    pub organization: Prf,
    /// Places.
    pub place: Prf,
}

impl TypedScores {
    fn get_mut(&mut self, kind: &str) -> Option<&mut Prf> {
        match kind {
            "person" => Some(&mut self.person),
            "organization" => Some(&mut self.organization),
            "place" => Some(&mut self.place),
            _ => None,
        }
    }

    fn get(&self, kind: &str) -> Prf {
        match kind {
            "person" => self.person,
            "organization" => self.organization,
            "place" => self.place,
            _ => self.overall,
        }
    }

    fn add(&mut self, kind: &str, counts: Prf) {
        if let Some(p) = self.get_mut(kind) {
            *p = p.add(counts);
        }
        self.overall = self.overall.add(counts);
    }
}

/// Figure scores.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FigureScores {
    /// Pairs of equal value.
    pub value: Prf,
    /// Pairs whose kind, unit and upper bound agree too.
    pub full: Prf,
    /// Kind agreement among value pairs.
    pub kind: Accuracy,
    /// Unit agreement (normalised) among value pairs.
    pub unit: Accuracy,
    /// Qualifier agreement among value pairs.
    pub qualifier: Accuracy,
    /// Year agreement among value pairs.
    pub year: Accuracy,
    /// Source agreement among value pairs.
    pub source: Accuracy,
}

/// Quote scores.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct QuoteScores {
    /// Quotes matched by their first five words.
    pub quotes: Prf,
    /// Speaker agreement among matched quotes.
    pub speaker: Accuracy,
}

/// How the gold articles were paired with records.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Pairing {
    /// Gold articles.
    pub gold: usize,
    /// Gold articles paired with a record.
    pub paired: usize,
    /// Gold ids without a record (all their items count as misses).
    pub unpaired_gold: Vec<String>,
    /// Record ids without a gold article (left out of the scores).
    pub unpaired_records: Vec<String>,
    /// (gold id, record id) pairs.
    pub pairs: Vec<(String, String)>,
}

/// A mention text missed or wrongly found, with how often.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MentionMiss {
    /// Entity type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Normalised mention text.
    pub text: String,
    /// Occurrences over all articles.
    pub count: usize,
}

/// A figure problem: a gold figure with no prediction (`missed`), a
/// prediction with no gold figure (`spurious`), or a pair whose fields
/// differ (`mismatch`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureMiss {
    /// Gold article id.
    pub article: String,
    /// `missed`, `spurious` or `mismatch`.
    pub what: &'static str,
    /// Figure text (gold for missed and mismatch, predicted for spurious).
    pub text: String,
    /// Figure value.
    pub value: f64,
    /// Gold fields as `kind unit qualifier upper year source` (empty for spurious).
    pub gold: String,
    /// Predicted fields, same layout (empty for missed).
    pub predicted: String,
    /// The sentence around it, when known.
    pub context: Option<String>,
}

/// A quote missed or wrongly found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuoteMiss {
    /// Gold article id.
    pub article: String,
    /// `missed` or `spurious`.
    pub what: &'static str,
    /// Up to eight words of the quote.
    pub text: String,
}

/// Scores for one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleScores {
    /// Gold id.
    pub id: String,
    /// Mention scores.
    pub mentions: Prf,
    /// Figure value scores.
    pub figures: Prf,
    /// Figure full-match scores.
    pub figures_full: Prf,
    /// Quote scores.
    pub quotes: Prf,
}

/// Everything [`score`] measures. `Display` prints a table; see
/// [`Report::misses_table`] for the worst misses.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// Article pairing.
    pub articles: Pairing,
    /// Mention scores.
    pub mentions: TypedScores,
    /// Entity-level scores: sets of (type, canonical name) per article.
    pub entities: TypedScores,
    /// Figure scores.
    pub figures: FigureScores,
    /// Quote scores.
    pub quotes: QuoteScores,
    /// Per-article scores, in gold order.
    pub per_article: Vec<ArticleScores>,
    /// Gold mentions not found, most frequent first.
    pub mention_false_negatives: Vec<MentionMiss>,
    /// Mentions found that gold lacks, most frequent first.
    pub mention_false_positives: Vec<MentionMiss>,
    /// Figure misses, in gold order.
    pub figure_misses: Vec<FigureMiss>,
    /// Quote misses, in gold order.
    pub quote_misses: Vec<QuoteMiss>,
}

// ---------------------------------------------------------------------------
// Scoring

/// Score `records` against `gold`. See the module docs for the rules.
pub fn score(gold: &[GoldArticle], records: &[ArticleRecord]) -> Report {
    score_with_articles(gold, records, &[])
}

/// Like [`score`], with the articles' texts, so that missed gold figures
/// can be shown in their sentence. `articles` are looked up by record id.
pub fn score_with_articles(
    gold: &[GoldArticle],
    records: &[ArticleRecord],
    articles: &[Article],
) -> Report {
    let texts: HashMap<&str, &str> = articles
        .iter()
        .map(|a| (a.id.as_str(), a.text.as_str()))
        .collect();
    let pairing = pair_articles(gold, records);
    let mut report = Report {
        articles: Pairing {
            gold: gold.len(),
            ..Pairing::default()
        },
        ..Report::default()
    };
    let mut fn_counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut fp_counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    let empty = ArticleRecord {
        id: String::new(),
        title: None,
        byline: None,
        agency: None,
        entities: Vec::new(),
        claims: Vec::new(),
    };
    for (g, paired) in gold.iter().zip(&pairing) {
        let record = match paired {
            Some(i) => {
                report.articles.paired += 1;
                report
                    .articles
                    .pairs
                    .push((g.id.clone(), records[*i].id.clone()));
                &records[*i]
            }
            None => {
                report.articles.unpaired_gold.push(g.id.clone());
                &empty
            }
        };
        let text = paired.and_then(|i| texts.get(records[i].id.as_str()).copied());
        let mentions = score_mentions(g, record, &mut report, &mut fn_counts, &mut fp_counts);
        score_entities(g, record, &mut report.entities);
        let (figures, figures_full) = score_figures(g, record, text, &mut report);
        let quotes = score_quotes(g, record, &mut report);
        report.per_article.push(ArticleScores {
            id: g.id.clone(),
            mentions,
            figures,
            figures_full,
            quotes,
        });
    }
    let used: BTreeSet<usize> = pairing.iter().flatten().copied().collect();
    report.articles.unpaired_records = records
        .iter()
        .enumerate()
        .filter(|(i, _)| !used.contains(i))
        .map(|(_, r)| r.id.clone())
        .collect();
    report.mention_false_negatives = sorted_misses(fn_counts);
    report.mention_false_positives = sorted_misses(fp_counts);
    report
}

/// For each gold article, the index of its record: same id, else same
/// normalised title, else a record id that the gold id ends with after a
/// dash (`bbc-business-077` ↔ `business-077`). Each record pairs once.
fn pair_articles(gold: &[GoldArticle], records: &[ArticleRecord]) -> Vec<Option<usize>> {
    let mut used = vec![false; records.len()];
    let mut out = vec![None; gold.len()];
    let mut take = |out: &mut Vec<Option<usize>>,
                    pred: &dyn Fn(&GoldArticle, &ArticleRecord) -> bool| {
        for (gi, g) in gold.iter().enumerate() {
            if out[gi].is_some() {
                continue;
            }
            if let Some(ri) = (0..records.len()).find(|&ri| !used[ri] && pred(g, &records[ri])) {
                used[ri] = true;
                out[gi] = Some(ri);
            }
        }
    };
    take(&mut out, &|g, r| g.id == r.id);
    take(&mut out, &|g, r| match (&g.title, &r.title) {
        (Some(a), Some(b)) => {
            let a = normalize_title(a);
            !a.is_empty() && a == normalize_title(b)
        }
        _ => false,
    });
    take(&mut out, &|g, r| {
        !r.id.is_empty()
            && g.id
                .strip_suffix(r.id.as_str())
                .is_some_and(|prefix| prefix.ends_with('-'))
    });
    out
}

fn score_mentions(
    g: &GoldArticle,
    r: &ArticleRecord,
    report: &mut Report,
    fn_counts: &mut BTreeMap<(String, String), usize>,
    fp_counts: &mut BTreeMap<(String, String), usize>,
) -> Prf {
    let mut article = Prf::default();
    for kind in SCORED_TYPES {
        let gold: Vec<String> = g
            .mentions
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| normalize_mention(&m.text))
            .collect();
        let pred: Vec<String> = r
            .entities
            .iter()
            .filter(|e| e.kind.as_str() == kind)
            .flat_map(|e| e.mentions.iter().map(|m| normalize_mention(&m.text)))
            .collect();
        let (tp, missed, spurious) = multiset_match(&gold, &pred);
        for t in &missed {
            *fn_counts.entry((kind.to_string(), t.clone())).or_default() += 1;
        }
        for t in &spurious {
            *fp_counts.entry((kind.to_string(), t.clone())).or_default() += 1;
        }
        let counts = Prf::new(tp, spurious.len(), missed.len());
        report.mentions.add(kind, counts);
        article = article.add(counts);
    }
    article
}

/// Multiset intersection of `gold` and `pred`: the number matched, the gold
/// items left over, the predicted items left over.
fn multiset_match(gold: &[String], pred: &[String]) -> (usize, Vec<String>, Vec<String>) {
    let mut left: HashMap<&str, usize> = HashMap::new();
    for p in pred {
        *left.entry(p.as_str()).or_default() += 1;
    }
    let mut tp = 0;
    let mut missed = Vec::new();
    for g in gold {
        match left.get_mut(g.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                tp += 1;
            }
            _ => missed.push(g.clone()),
        }
    }
    let mut spurious = Vec::new();
    for p in pred {
        if let Some(n) = left.get_mut(p.as_str()) {
            if *n > 0 {
                *n -= 1;
                spurious.push(p.clone());
            }
        }
    }
    (tp, missed, spurious)
}

fn score_entities(g: &GoldArticle, r: &ArticleRecord, scores: &mut TypedScores) {
    for kind in SCORED_TYPES {
        let gold: BTreeSet<String> = g
            .mentions
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| normalize_name(&m.canonical))
            .collect();
        let pred: BTreeSet<String> = r
            .entities
            .iter()
            .filter(|e| e.kind.as_str() == kind)
            .map(|e| normalize_name(&e.name))
            .collect();
        let tp = gold.intersection(&pred).count();
        scores.add(kind, Prf::new(tp, pred.len() - tp, gold.len() - tp));
    }
}

/// Fields of a figure as shown in misses.
fn describe(
    kind: &str,
    unit: Option<&str>,
    qualifier: Option<&str>,
    upper: Option<f64>,
    year: Option<i32>,
    source: Option<&str>,
) -> String {
    let mut s = format!(
        "{kind} {} {}",
        unit.unwrap_or("-"),
        qualifier.unwrap_or("-")
    );
    if let Some(u) = upper {
        s.push_str(&format!(" upper={u}"));
    }
    if let Some(y) = year {
        s.push_str(&format!(" year={y}"));
    }
    if let Some(src) = source {
        s.push_str(&format!(" src={src}"));
    }
    s
}

fn describe_gold(f: &GoldFigure) -> String {
    describe(
        &f.kind,
        f.unit.as_deref(),
        f.qualifier.as_deref(),
        f.upper,
        f.year,
        f.source.as_deref(),
    )
}

fn describe_claim(c: &Claim) -> String {
    describe(
        c.kind.as_str(),
        c.unit.as_deref(),
        c.qualifier.map(Qualifier::as_str),
        c.upper,
        c.year,
        c.source.as_ref().map(|s| s.name.as_str()),
    )
}

/// Pair gold figures with predicted ones; see the module docs. Returns, per
/// gold figure, the index into `pred` it is paired with.
fn pair_figures(gold: &[GoldFigure], pred: &[(&Claim, f64)]) -> Vec<Option<usize>> {
    let mut used = vec![false; pred.len()];
    gold.iter()
        .map(|g| {
            let candidates = || {
                pred.iter()
                    .enumerate()
                    .filter(|(i, (_, v))| !used[*i] && same_value(g.value, *v))
            };
            let gtext = normalize_mention(&g.text);
            let pick = candidates()
                .find(|(_, (c, _))| normalize_mention(&c.text) == gtext)
                .or_else(|| candidates().next())
                .map(|(i, _)| i);
            if let Some(i) = pick {
                used[i] = true;
            }
            pick
        })
        .collect()
}

fn score_figures(
    g: &GoldArticle,
    r: &ArticleRecord,
    text: Option<&str>,
    report: &mut Report,
) -> (Prf, Prf) {
    let pred: Vec<(&Claim, f64)> = r
        .claims
        .iter()
        .filter(|c| c.kind.is_figure())
        .filter_map(|c| c.value.map(|v| (c, v)))
        .collect();
    let pairs = pair_figures(&g.figures, &pred);
    let scores = &mut report.figures;
    let mut full = 0;
    let mut paired = 0;
    let mut seen_text: HashMap<String, usize> = HashMap::new();
    for (gf, p) in g.figures.iter().zip(&pairs) {
        let occurrence = {
            let n = seen_text.entry(gf.text.clone()).or_default();
            *n += 1;
            *n
        };
        let Some(pi) = *p else {
            report.figure_misses.push(FigureMiss {
                article: g.id.clone(),
                what: "missed",
                text: gf.text.clone(),
                value: gf.value,
                gold: describe_gold(gf),
                predicted: String::new(),
                context: text.and_then(|t| sentence_around(t, &gf.text, occurrence)),
            });
            continue;
        };
        paired += 1;
        let c = pred[pi].0;
        let kind_ok = gf.kind == c.kind.as_str();
        let unit_ok = match (&gf.unit, &c.unit) {
            (None, None) => true,
            (Some(a), Some(b)) => normalize_unit(a) == normalize_unit(b),
            _ => false,
        };
        let upper_ok = same_upper(gf.upper, c.upper);
        let qualifier_ok = gf.qualifier.as_deref() == c.qualifier.map(Qualifier::as_str);
        let year_ok = gf.year == c.year;
        let source_ok = same_name(
            gf.source.as_deref(),
            c.source.as_ref().map(|s| s.name.as_str()),
        );
        scores.kind.push(kind_ok);
        scores.unit.push(unit_ok);
        scores.qualifier.push(qualifier_ok);
        scores.year.push(year_ok);
        scores.source.push(source_ok);
        if kind_ok && unit_ok && upper_ok {
            full += 1;
        }
        if !(kind_ok && unit_ok && upper_ok && qualifier_ok && year_ok && source_ok) {
            report.figure_misses.push(FigureMiss {
                article: g.id.clone(),
                what: "mismatch",
                text: gf.text.clone(),
                value: gf.value,
                gold: describe_gold(gf),
                predicted: describe_claim(c),
                context: Some(c.sentence.clone()).filter(|s| !s.is_empty()),
            });
        }
    }
    let used: BTreeSet<usize> = pairs.iter().flatten().copied().collect();
    for (i, (c, v)) in pred.iter().enumerate() {
        if !used.contains(&i) {
            report.figure_misses.push(FigureMiss {
                article: g.id.clone(),
                what: "spurious",
                text: c.text.clone(),
                value: *v,
                gold: String::new(),
                predicted: describe_claim(c),
                context: Some(c.sentence.clone()).filter(|s| !s.is_empty()),
            });
        }
    }
    let value = Prf::new(paired, pred.len() - paired, g.figures.len() - paired);
    let full = Prf::new(full, pred.len() - full, g.figures.len() - full);
    scores.value = scores.value.add(value);
    scores.full = scores.full.add(full);
    (value, full)
}

/// The sentence holding the `occurrence`-th (1-based) occurrence of
/// `needle` in `text`, roughly: from the previous sentence end or paragraph
/// break to the next. At most about 240 bytes.
fn sentence_around(text: &str, needle: &str, occurrence: usize) -> Option<String> {
    if needle.is_empty() {
        return None;
    }
    let (start, _) = text.match_indices(needle).nth(occurrence.checked_sub(1)?)?;
    let before = &text[..start];
    let from = before
        .rfind(". ")
        .map(|i| i + 2)
        .into_iter()
        .chain(before.rfind('\n').map(|i| i + 1))
        .max()
        .unwrap_or(0);
    let after = &text[start..];
    let to = after
        .find(". ")
        .map(|i| i + 1)
        .into_iter()
        .chain(after.find('\n'))
        .min()
        .unwrap_or(after.len());
    let s = text[from..start + to].trim();
    let mut cut = s.len().min(240);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    Some(s[..cut].to_string())
}

fn score_quotes(g: &GoldArticle, r: &ArticleRecord, report: &mut Report) -> Prf {
    let pred: Vec<&Claim> = r
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Quote)
        .collect();
    let pred_keys: Vec<Vec<String>> = pred.iter().map(|c| quote_key(&c.text)).collect();
    let mut used = vec![false; pred.len()];
    let mut tp = 0;
    for gq in &g.quotes {
        let key = quote_key(&gq.text);
        let hit = (0..pred.len()).find(|&i| !used[i] && !key.is_empty() && pred_keys[i] == key);
        match hit {
            Some(i) => {
                used[i] = true;
                tp += 1;
                let ok = same_name(
                    gq.speaker.as_deref(),
                    pred[i].speaker.as_ref().map(|s| s.name.as_str()),
                );
                report.quotes.speaker.push(ok);
            }
            None => report.quote_misses.push(QuoteMiss {
                article: g.id.clone(),
                what: "missed",
                text: gq.text.clone(),
            }),
        }
    }
    for (i, c) in pred.iter().enumerate() {
        if !used[i] {
            report.quote_misses.push(QuoteMiss {
                article: g.id.clone(),
                what: "spurious",
                text: c
                    .text
                    .split_whitespace()
                    .take(8)
                    .collect::<Vec<_>>()
                    .join(" "),
            });
        }
    }
    let scores = Prf::new(tp, pred.len() - tp, g.quotes.len() - tp);
    report.quotes.quotes = report.quotes.quotes.add(scores);
    scores
}

fn sorted_misses(counts: BTreeMap<(String, String), usize>) -> Vec<MentionMiss> {
    let mut v: Vec<MentionMiss> = counts
        .into_iter()
        .map(|((kind, text), count)| MentionMiss { kind, text, count })
        .collect();
    // Most frequent first; ties in type then text order (the map's order).
    v.sort_by_key(|m| std::cmp::Reverse(m.count));
    v
}

// ---------------------------------------------------------------------------
// Display

fn prf_row(f: &mut fmt::Formatter<'_>, label: &str, s: Prf) -> fmt::Result {
    writeln!(
        f,
        "  {label:<22} {:>6.3} {:>6.3} {:>6.3}   {:>5} {:>5} {:>5}",
        s.precision, s.recall, s.f1, s.tp, s.fp, s.fn_
    )
}

fn acc_row(f: &mut fmt::Formatter<'_>, label: &str, a: Accuracy) -> fmt::Result {
    if a.total == 0 {
        writeln!(f, "  {label:<22} {:>6}", "-")
    } else {
        writeln!(
            f,
            "  {label:<22} {:>6.3}   ({} of {})",
            a.accuracy, a.correct, a.total
        )
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = &self.articles;
        writeln!(
            f,
            "articles: {} gold, {} paired{}{}",
            a.gold,
            a.paired,
            if a.unpaired_gold.is_empty() {
                String::new()
            } else {
                format!("; no record for {}", a.unpaired_gold.join(", "))
            },
            if a.unpaired_records.is_empty() {
                String::new()
            } else {
                format!("; {} record(s) without gold", a.unpaired_records.len())
            },
        )?;
        writeln!(
            f,
            "  {:<22} {:>6} {:>6} {:>6}   {:>5} {:>5} {:>5}",
            "", "P", "R", "F1", "tp", "fp", "fn"
        )?;
        writeln!(f, "mentions")?;
        prf_row(f, "overall", self.mentions.overall)?;
        for kind in SCORED_TYPES {
            prf_row(f, kind, self.mentions.get(kind))?;
        }
        writeln!(f, "entities (type, canonical)")?;
        prf_row(f, "overall", self.entities.overall)?;
        for kind in SCORED_TYPES {
            prf_row(f, kind, self.entities.get(kind))?;
        }
        writeln!(f, "figures")?;
        prf_row(f, "value", self.figures.value)?;
        prf_row(f, "full (kind+unit+upper)", self.figures.full)?;
        acc_row(f, "kind accuracy", self.figures.kind)?;
        acc_row(f, "unit accuracy", self.figures.unit)?;
        acc_row(f, "qualifier accuracy", self.figures.qualifier)?;
        acc_row(f, "year accuracy", self.figures.year)?;
        acc_row(f, "source accuracy", self.figures.source)?;
        writeln!(f, "quotes")?;
        prf_row(f, "first five words", self.quotes.quotes)?;
        acc_row(f, "speaker accuracy", self.quotes.speaker)?;
        writeln!(f, "per article (F1)       mentions figures  full  quotes")?;
        for s in &self.per_article {
            writeln!(
                f,
                "  {:<22} {:>6.3} {:>7.3} {:>6.3} {:>6.3}",
                s.id, s.mentions.f1, s.figures.f1, s.figures_full.f1, s.quotes.f1
            )?;
        }
        Ok(())
    }
}

impl Report {
    /// The worst misses, at most `n` of each list: mention false negatives
    /// and false positives (most frequent first), figure and quote misses.
    ///
    /// ```
    /// let report = newsfacts::eval::score(&[], &[]);
    /// assert!(report.misses_table(5).to_string().contains("mentions missed"));
    /// ```
    pub fn misses_table(&self, n: usize) -> impl fmt::Display + '_ {
        MissesTable { report: self, n }
    }
}

struct MissesTable<'a> {
    report: &'a Report,
    n: usize,
}

impl fmt::Display for MissesTable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (r, n) = (self.report, self.n);
        let mention_list =
            |f: &mut fmt::Formatter<'_>, title: &str, list: &[MentionMiss]| -> fmt::Result {
                writeln!(f, "{title} ({} distinct)", list.len())?;
                for m in list.iter().take(n) {
                    writeln!(f, "  {:>3}x {:<13} {}", m.count, m.kind, m.text)?;
                }
                Ok(())
            };
        mention_list(f, "mentions missed", &r.mention_false_negatives)?;
        mention_list(f, "mentions spurious", &r.mention_false_positives)?;
        for what in ["missed", "mismatch", "spurious"] {
            let list: Vec<&FigureMiss> =
                r.figure_misses.iter().filter(|m| m.what == what).collect();
            writeln!(f, "figures {what} ({})", list.len())?;
            for m in list.iter().take(n) {
                writeln!(f, "  {:<18} {:<16} = {}", m.article, m.text, m.value)?;
                if !m.gold.is_empty() {
                    writeln!(f, "      gold: {}", m.gold)?;
                }
                if !m.predicted.is_empty() {
                    writeln!(f, "      pred: {}", m.predicted)?;
                }
                if let Some(c) = &m.context {
                    let short: String = c.chars().take(160).collect();
                    writeln!(f, "      in:   {short}")?;
                }
            }
        }
        for what in ["missed", "spurious"] {
            let list: Vec<&QuoteMiss> = r.quote_misses.iter().filter(|m| m.what == what).collect();
            writeln!(f, "quotes {what} ({})", list.len())?;
            for m in list.iter().take(n) {
                writeln!(f, "  {:<18} {}", m.article, m.text)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(
        id: &str,
        entities: Vec<(EntityType, &str, Vec<&str>)>,
        claims: Vec<Claim>,
    ) -> ArticleRecord {
        ArticleRecord {
            id: id.into(),
            title: None,
            byline: None,
            agency: None,
            entities: entities
                .into_iter()
                .enumerate()
                .map(|(i, (kind, name, mentions))| Entity {
                    id: format!("e{i}"),
                    kind,
                    name: name.into(),
                    key: None,
                    mentions: mentions
                        .into_iter()
                        .map(|t| Mention {
                            text: t.into(),
                            start: 0,
                            end: 0,
                            sentence: 0,
                            rule: String::new(),
                        })
                        .collect(),
                })
                .collect(),
            claims,
        }
    }

    fn claim(kind: ClaimKind, text: &str, value: Option<f64>, unit: Option<&str>) -> Claim {
        Claim {
            id: "c".into(),
            kind,
            text: text.into(),
            value,
            upper: None,
            unit: unit.map(str::to_string),
            qualifier: Some(Qualifier::Exact),
            year: None,
            subject: None,
            source: None,
            speaker: None,
            hedged: false,
            sentence: String::new(),
            start: 0,
            end: 0,
            rule: String::new(),
        }
    }

    fn gold(line: &str) -> GoldArticle {
        serde_json::from_str(line).unwrap()
    }

    fn gfig(text: &str, value: f64, kind: &str, unit: Option<&str>) -> GoldFigure {
        GoldFigure {
            text: text.into(),
            value,
            kind: kind.into(),
            unit: unit.map(str::to_string),
            qualifier: Some("exact".into()),
            upper: None,
            year: None,
            source: None,
        }
    }

    #[test]
    fn multiset_matching_table() {
        // (gold, predicted, tp, fp, fn)
        type Row<'a> = (&'a [&'a str], &'a [&'a str], usize, usize, usize);
        let rows: &[Row] = &[
            (&["China", "China"], &["China"], 1, 0, 1),
            (&["China"], &["China", "China"], 1, 1, 0),
            (&["China", "Taliban"], &["Taliban", "China"], 2, 0, 0),
            (&["Xi Jinping"], &["Xi"], 0, 1, 1),
            (&[], &["China"], 0, 1, 0),
            (&["China"], &[], 0, 0, 1),
        ];
        for (g, p, tp, fp, fn_) in rows {
            let g: Vec<String> = g.iter().map(|s| s.to_string()).collect();
            let p: Vec<String> = p.iter().map(|s| s.to_string()).collect();
            let (t, missed, spurious) = multiset_match(&g, &p);
            assert_eq!(
                (t, spurious.len(), missed.len()),
                (*tp, *fp, *fn_),
                "{g:?} vs {p:?}"
            );
        }
    }

    #[test]
    fn mentions_by_type_ignore_other_types_and_normalise_apostrophes() {
        let g = gold(
            r#"{"id": "a", "mentions": [
            {"type": "place", "text": "China", "canonical": "China"},
            {"type": "place", "text": "Cote d’Ivoire", "canonical": "Cote d’Ivoire"},
            {"type": "person", "text": "Blinken", "canonical": "Antony Blinken"}]}"#,
        );
        let r = record(
            "a",
            vec![
                (EntityType::Place, "China", vec!["China"]),
                (EntityType::Place, "Cote d'Ivoire", vec!["Cote  d'Ivoire"]),
                (EntityType::Organization, "Blinken", vec!["Blinken"]),
                (
                    EntityType::Nationality,
                    "Chinese",
                    vec!["Chinese", "Chinese"],
                ),
            ],
            vec![],
        );
        let rep = score(&[g], &[r]);
        assert_eq!(rep.mentions.place, Prf::new(2, 0, 0));
        assert_eq!(rep.mentions.person, Prf::new(0, 0, 1));
        assert_eq!(rep.mentions.organization, Prf::new(0, 1, 0));
        assert_eq!(rep.mentions.overall, Prf::new(2, 1, 1));
        // Entity level: canonical names, case-insensitive.
        assert_eq!(rep.entities.place, Prf::new(2, 0, 0));
        assert_eq!(rep.entities.person, Prf::new(0, 0, 1));
    }

    #[test]
    fn unit_normalisation_table() {
        let same = [
            ("km", "kilometres"),
            ("km", "Kilometers"),
            ("MW", "megawatts"),
            ("kg", "kilograms"),
            ("tonnes", "tons"),
            ("bn", "billion"),
            ("%", "per cent"),
            ("fighters", "fighter"),
            ("countries", "country"),
            ("Uyghurs", "uyghurs"),
            ("oil fields", "oil field"),
            ("pp", "percentage points"),
            ("CNY per USD", "cny per usd"),
        ];
        for (a, b) in same {
            assert_eq!(normalize_unit(a), normalize_unit(b), "{a} vs {b}");
        }
        let different = [
            ("USD", "GBP"),
            ("days", "months"),
            ("km", "miles"),
            ("%", "pp"),
        ];
        for (a, b) in different {
            assert_ne!(normalize_unit(a), normalize_unit(b), "{a} vs {b}");
        }
    }

    #[test]
    fn figure_pairing_table() {
        use ClaimKind::*;
        // Each row: gold figures, predicted (text, value), expected pairing.
        type Row = (
            Vec<GoldFigure>,
            Vec<(&'static str, f64)>,
            Vec<Option<usize>>,
        );
        let rows: Vec<Row> = vec![
            // Reading order, first unpaired with equal value.
            (
                vec![gfig("5", 5.0, "count", None), gfig("5", 5.0, "count", None)],
                vec![("5", 5.0), ("7", 7.0), ("5", 5.0)],
                vec![Some(0), Some(2)],
            ),
            // Prefer the one whose text matches.
            (
                vec![gfig("$10 million", 1e7, "money", Some("USD"))],
                vec![("10m", 1e7), ("$10 million", 1e7)],
                vec![Some(1)],
            ),
            // Relative tolerance.
            (
                vec![gfig("33.33", 33.33, "percent", Some("%"))],
                vec![("a third", 33.330_000_01)],
                vec![Some(0)],
            ),
            (
                vec![gfig("500", 500.0, "count", None)],
                vec![("50", 50.0)],
                vec![None],
            ),
        ];
        for (g, p, want) in rows {
            let claims: Vec<Claim> = p
                .iter()
                .map(|(t, v)| claim(Count, t, Some(*v), None))
                .collect();
            let pred: Vec<(&Claim, f64)> = claims.iter().map(|c| (c, c.value.unwrap())).collect();
            assert_eq!(pair_figures(&g, &pred), want, "{g:?}");
        }
    }

    #[test]
    fn figure_scores_value_full_and_fields() {
        let mut g1 = gfig("500", 500.0, "count", Some("fighters"));
        g1.qualifier = Some("approx".into());
        g1.source = Some("Li Wei".into());
        let g2 = gfig("30 km", 30.0, "measure", Some("km"));
        let g3 = gfig("7", 7.0, "count", None);
        let g = GoldArticle {
            id: "a".into(),
            title: None,
            byline: None,
            agency: None,
            mentions: vec![],
            figures: vec![g1, g2, g3],
            quotes: vec![],
        };
        let mut c1 = claim(ClaimKind::Count, "500", Some(500.0), Some("fighter"));
        c1.qualifier = Some(Qualifier::Approx);
        c1.source = Some(Source {
            name: "li wei".into(),
            entity: None,
        });
        let c2 = claim(ClaimKind::Count, "30", Some(30.0), Some("kilometres"));
        let c3 = claim(ClaimKind::Percent, "2", Some(2.0), Some("%"));
        let quote = claim(ClaimKind::Quote, "7 words", None, None);
        let rep = score(&[g], &[record("a", vec![], vec![c1, c2, c3, quote])]);
        assert_eq!(rep.figures.value, Prf::new(2, 1, 1));
        // c2 has the wrong kind.
        assert_eq!(rep.figures.full, Prf::new(1, 2, 2));
        assert_eq!(rep.figures.kind, Accuracy::new(1, 2));
        assert_eq!(rep.figures.unit, Accuracy::new(2, 2));
        assert_eq!(rep.figures.qualifier, Accuracy::new(2, 2));
        assert_eq!(rep.figures.source, Accuracy::new(2, 2));
        let whats: Vec<&str> = rep.figure_misses.iter().map(|m| m.what).collect();
        assert_eq!(whats, ["mismatch", "missed", "spurious"]);
    }

    #[test]
    fn quote_five_word_matching_table() {
        // (gold text, predicted text, match?)
        let rows = [
            (
                "It’s hard to see a wanted man turning",
                "It's hard to see a wanted man turning himself in.",
                true,
            ),
            (
                "The two companies [Rosneft and CNPC] have agreed",
                "The two companies [Rosneft and CNPC] have",
                true,
            ),
            (
                "Where have the members of the ETIM gone",
                "“Where have the members of the Taliban gone?",
                true,
            ),
            (
                "Where have the members of the ETIM gone",
                "Where are the members of the ETIM",
                false,
            ),
            ("We will not be silent", "We will not be", false),
        ];
        for (g, p, want) in rows {
            let ga = GoldArticle {
                id: "a".into(),
                title: None,
                byline: None,
                agency: None,
                mentions: vec![],
                figures: vec![],
                quotes: vec![GoldQuote {
                    text: g.into(),
                    speaker: None,
                }],
            };
            let rep = score(
                &[ga],
                &[record(
                    "a",
                    vec![],
                    vec![claim(ClaimKind::Quote, p, None, None)],
                )],
            );
            assert_eq!(rep.quotes.quotes.tp == 1, want, "{g} / {p}");
        }
    }

    #[test]
    fn quotes_are_one_to_one_and_speakers_scored() {
        let ga = gold(
            r#"{"id": "a", "quotes": [
            {"text": "We will fight on and on", "speaker": "Jane Roe"},
            {"text": "We will fight on and on again", "speaker": null}]}"#,
        );
        let mut q = claim(ClaimKind::Quote, "We will fight on and on", None, None);
        q.speaker = Some(Source {
            name: "Jane Roe".into(),
            entity: None,
        });
        let rep = score(&[ga], &[record("a", vec![], vec![q])]);
        assert_eq!(rep.quotes.quotes, Prf::new(1, 0, 1));
        assert_eq!(rep.quotes.speaker, Accuracy::new(1, 1));
    }

    #[test]
    fn articles_pair_by_id_title_or_id_suffix() {
        let g = vec![
            gold(r#"{"id": "seed-01", "title": "China’s  plan"}"#),
            gold(r#"{"id": "bbc-business-077", "title": "Other"}"#),
            gold(
                r#"{"id": "x", "title": "Lost", "mentions": [{"type": "place", "text": "Paris", "canonical": "Paris"}]}"#,
            ),
        ];
        let mut r1 = record("tag-uyghur-01", vec![], vec![]);
        r1.title = Some("China's plan".into());
        let r2 = record("business-077", vec![], vec![]);
        let r3 = record("extra", vec![], vec![]);
        let rep = score(&g, &[r3, r2, r1]);
        assert_eq!(rep.articles.paired, 2);
        assert_eq!(rep.articles.unpaired_gold, ["x"]);
        assert_eq!(rep.articles.unpaired_records, ["extra"]);
        // The unpaired gold article's items are misses.
        assert_eq!(rep.mentions.overall, Prf::new(0, 0, 1));
    }

    #[test]
    fn loose_records_from_other_systems() {
        let line = r#"{"id": 7, "entities": [{"type": "PERSON", "name": "x"}, {"type": "person", "name": "Li Wei", "mentions": [{"text": "Li Wei", "start": 3, "end": 9}]}], "claims": [{"kind": "money", "text": "$5", "value": 5, "unit": "USD", "qualifier": "weird", "year": 2020.0}, {"kind": "date", "text": "2020"}]}"#;
        let recs = read_records(line.as_bytes(), "t").unwrap();
        assert_eq!(recs[0].id, "7");
        assert_eq!(recs[0].entities.len(), 1);
        assert_eq!(recs[0].claims.len(), 1);
        assert_eq!(recs[0].claims[0].qualifier, None);
        assert_eq!(recs[0].claims[0].year, Some(2020));
    }

    #[test]
    fn sentence_context() {
        let t = "Title\n\nOne said 5. Then 500 came, he said. End 500 again.";
        assert_eq!(
            sentence_around(t, "500", 1).as_deref(),
            Some("Then 500 came, he said.")
        );
        assert_eq!(
            sentence_around(t, "500", 2).as_deref(),
            Some("End 500 again.")
        );
        assert_eq!(sentence_around(t, "500", 3), None);
    }
}
