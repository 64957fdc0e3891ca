//! Records read leniently, so that other systems' output (spaCy,
//! quantulum3…) is scored by the same code as newsfacts' own.

use std::io::BufRead;
use std::path::Path;

use newsfacts::record::{Mention, Qualifier, Source};
use newsfacts::{ArticleRecord, Claim, ClaimKind, Entity, EntityType};
use serde::Deserialize;

use crate::error::Error;
use crate::gold::read_json_lines;

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
                            char_end: None,
                            char_start: None,
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
                    char_end: None,
                    char_start: None,
                    sentence_index: None,
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
            date: None,
            sentences: Vec::new(),
            url: None,
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
/// let recs = newsfacts_eval::read_records(line.replace('\n', " ").as_bytes(), "peer")?;
/// assert_eq!(recs[0].entities.len(), 1);
/// assert_eq!(recs[0].entities[0].name, "Paris");
/// assert_eq!(recs[0].claims[0].source.as_ref().unwrap().name, "Li Wei");
/// # Ok::<(), newsfacts_eval::Error>(())
/// ```
pub fn read_records<R: BufRead>(reader: R, name: &str) -> Result<Vec<ArticleRecord>, Error> {
    let loose: Vec<LooseRecord> = read_json_lines(reader, name)?;
    Ok(loose.into_iter().map(LooseRecord::into_record).collect())
}

/// Read a records JSON Lines file; see [`read_records`].
pub fn read_records_file(path: &Path) -> Result<Vec<ArticleRecord>, Error> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::io(name.clone(), &e))?;
    read_records(std::io::BufReader::new(file), &name)
}
