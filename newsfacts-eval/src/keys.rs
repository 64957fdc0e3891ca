//! Key accuracy: does each place and organization get the key of the right
//! referent? Scored against a key gold (`testdata/keys.jsonl`, documented in
//! `testdata/README.md`): one JSON object a line with the article id, the
//! entity's type and canonical name, its mention texts, the expected `key`
//! (null when no data source the crate uses holds the entity) and, for
//! debatable cases, `accept`: other keys that count as right.
//!
//! A gold row is **found** when the record paired with its article (same id,
//! or an id the gold id ends with after a dash: `bbc-business-077` ↔
//! `business-077`) has an entity of the same type whose canonical name or
//! one of whose mentions equals the gold name or one of the gold mentions,
//! ignoring case and runs of whitespace; among several, the one sharing the
//! most forms. A found row is **correct** when the entity's key equals the
//! gold key or one of `accept` (a null gold key wants no key).
//!
//! Per type: **key accuracy** = correct / found, **coverage** = found /
//! rows. Both are split into rows the gold keys (`keyed`) and rows it leaves
//! unkeyed, since the two fail differently: a keyed row fails by a wrong or
//! missing key, an unkeyed row by a key for a homonym or an alias collision.
//!
//! The `evaluate` example prints it per type when given `--keys FILE`, and
//! on its own for the development sets the key gold covers.

use std::collections::BTreeMap;
use std::fmt;

use newsfacts::{ArticleRecord, Entity, EntityType};
use serde::{Deserialize, Serialize};

/// One row of the key gold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyGold {
    /// Development set (`bbc-dev`); informative.
    #[serde(default)]
    pub set: String,
    /// Gold article id (`bbc-business-077`).
    pub article: String,
    /// `place` or `organization`.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Canonical name, as in the mention gold.
    pub name: String,
    /// The entity's mention texts in the article.
    #[serde(default)]
    pub mentions: Vec<String>,
    /// The expected key; `None` when no data source holds the entity.
    pub key: Option<String>,
    /// Other keys that count as right (a parent for a division…).
    #[serde(default)]
    pub accept: Vec<String>,
    /// Why the key is what it is, for hard cases.
    #[serde(default)]
    pub note: Option<String>,
}

/// Read the key gold: one [`KeyGold`] a line; blank lines are skipped.
pub fn read_key_gold(jsonl: &str) -> Result<Vec<KeyGold>, serde_json::Error> {
    jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect()
}

/// Counts for one entity type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct KeyCounts {
    /// Gold rows.
    pub rows: usize,
    /// Rows whose entity the records hold.
    pub found: usize,
    /// Found rows with the expected key.
    pub correct: usize,
}

impl KeyCounts {
    /// correct / found (0 when nothing was found).
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct, self.found)
    }

    /// found / rows (0 for no rows).
    pub fn coverage(&self) -> f64 {
        ratio(self.found, self.rows)
    }

    fn count(&mut self, found: bool, correct: bool) {
        self.rows += 1;
        self.found += usize::from(found);
        self.correct += usize::from(correct);
    }
}

/// Counts for one type, in all and split by whether the gold keys the row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TypeKeyScore {
    /// Every row of the type.
    pub all: KeyCounts,
    /// Rows with a gold key.
    pub keyed: KeyCounts,
    /// Rows whose gold key is null.
    pub unkeyed: KeyCounts,
}

/// A found row whose key is not the expected one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WrongKey {
    /// The gold row.
    pub gold: KeyGold,
    /// The key the record gave (`None`: no key).
    pub got: Option<String>,
    /// The canonical name of the record's entity.
    pub entity: String,
}

/// Key accuracy over a key gold.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct KeyScore {
    /// Per type (`place`, `organization`).
    pub by_type: BTreeMap<EntityType, TypeKeyScore>,
    /// Found rows with a wrong key, in gold order.
    pub wrong: Vec<WrongKey>,
    /// Gold rows whose article has no record.
    pub unpaired_articles: Vec<String>,
}

impl KeyScore {
    /// Counts of one type (zeros when the gold has none).
    pub fn of(&self, kind: EntityType) -> TypeKeyScore {
        self.by_type.get(&kind).copied().unwrap_or_default()
    }
}

/// Score the records' keys against the key gold.
pub fn score_keys(gold: &[KeyGold], records: &[ArticleRecord]) -> KeyScore {
    let mut score = KeyScore::default();
    for row in gold {
        let record = paired_record(&row.article, records);
        if record.is_none() && !score.unpaired_articles.contains(&row.article) {
            score.unpaired_articles.push(row.article.clone());
        }
        let entity = record.and_then(|r| find_entity(row, r));
        let correct = entity.is_some_and(|e| key_is_right(row, e.key.as_deref()));
        let counts = score.by_type.entry(row.kind).or_default();
        counts.all.count(entity.is_some(), correct);
        let split = if row.key.is_some() {
            &mut counts.keyed
        } else {
            &mut counts.unkeyed
        };
        split.count(entity.is_some(), correct);
        if let (Some(e), false) = (entity, correct) {
            score.wrong.push(WrongKey {
                gold: row.clone(),
                got: e.key.clone(),
                entity: e.name.clone(),
            });
        }
    }
    score
}

/// The rows of one development set (`set` field); all rows when none
/// belongs to it, so that a key gold of one set needs no `set` field.
pub fn rows_of_set(gold: &[KeyGold], set: &str) -> Vec<KeyGold> {
    let of_set: Vec<KeyGold> = gold.iter().filter(|r| r.set == set).cloned().collect();
    if of_set.is_empty() {
        gold.to_vec()
    } else {
        of_set
    }
}

/// Per type: key accuracy (correct / found) and coverage (found / rows).
impl fmt::Display for KeyScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Key accuracy")?;
        writeln!(
            f,
            "  {:<22} {:>8} {:>13}   {:>8} {:>13}",
            "", "accuracy", "right/found", "coverage", "found/rows"
        )?;
        for (kind, counts) in &self.by_type {
            let all = counts.all;
            writeln!(
                f,
                "  {:<22} {:>8.3} {:>13}   {:>8.3} {:>13}",
                kind.as_str(),
                all.accuracy(),
                format!("{}/{}", all.correct, all.found),
                all.coverage(),
                format!("{}/{}", all.found, all.rows),
            )?;
        }
        Ok(())
    }
}

impl KeyScore {
    /// The first `n` wrong keys, one a line: article, type, gold name, the
    /// expected key and the key given.
    pub fn wrong_table(&self, n: usize) -> String {
        let mut out = String::new();
        if self.wrong.is_empty() || n == 0 {
            return out;
        }
        out.push_str(&format!(
            "Wrong keys ({} of {})\n",
            n.min(self.wrong.len()),
            self.wrong.len()
        ));
        for w in self.wrong.iter().take(n) {
            out.push_str(&format!(
                "  {:<28} {:<12} {:<28} want {:<14} got {}\n",
                w.gold.article,
                w.gold.kind.as_str(),
                w.gold.name,
                w.gold.key.as_deref().unwrap_or("null"),
                w.got.as_deref().unwrap_or("null"),
            ));
        }
        out
    }
}

/// True when `got` is the gold key or one of the accepted ones.
pub fn key_is_right(row: &KeyGold, got: Option<&str>) -> bool {
    got == row.key.as_deref() || got.is_some_and(|k| row.accept.iter().any(|a| a == k))
}

/// The record of a gold article: same id, else one whose id the gold id ends
/// with after a dash.
fn paired_record<'r>(article: &str, records: &'r [ArticleRecord]) -> Option<&'r ArticleRecord> {
    records.iter().find(|r| r.id == article).or_else(|| {
        records.iter().find(|r| {
            !r.id.is_empty()
                && article
                    .strip_suffix(r.id.as_str())
                    .is_some_and(|prefix| prefix.ends_with('-'))
        })
    })
}

/// The record's entity for a gold row: same type, sharing the most forms
/// (canonical name and mention texts) with the row; the name counts twice
/// when both canonical names agree.
fn find_entity<'r>(row: &KeyGold, record: &'r ArticleRecord) -> Option<&'r Entity> {
    let mut gold_forms: Vec<String> = row.mentions.iter().map(|m| fold(m)).collect();
    gold_forms.push(fold(&row.name));
    let mut best: Option<(&Entity, usize)> = None;
    for entity in record.entities.iter().filter(|e| e.kind == row.kind) {
        let mut forms: Vec<String> = entity.mentions.iter().map(|m| fold(&m.text)).collect();
        forms.push(fold(&entity.name));
        forms.sort();
        forms.dedup();
        let shared = forms.iter().filter(|f| gold_forms.contains(f)).count()
            + usize::from(fold(&entity.name) == fold(&row.name));
        let better = match best {
            Some((_, b)) => shared > b,
            None => true,
        };
        if shared > 0 && better {
            best = Some((entity, shared));
        }
    }
    best.map(|(e, _)| e)
}

/// Lower-cased, whitespace runs made one space.
fn fold(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsfacts::record::Mention;

    fn entity(kind: EntityType, name: &str, key: Option<&str>, texts: &[&str]) -> Entity {
        Entity {
            id: format!("e-{name}"),
            kind,
            name: name.to_string(),
            key: key.map(str::to_string),
            mentions: texts
                .iter()
                .map(|t| Mention {
                    text: t.to_string(),
                    start: 0,
                    end: t.len(),
                    sentence: 0,
                    rule: "test".to_string(),
                    char_start: None,
                    char_end: None,
                })
                .collect(),
        }
    }

    fn record(id: &str, entities: Vec<Entity>) -> ArticleRecord {
        ArticleRecord {
            id: id.to_string(),
            title: None,
            byline: None,
            agency: None,
            date: None,
            url: None,
            sentences: Vec::new(),
            entities,
            claims: Vec::new(),
        }
    }

    const GOLD: &str = r#"
{"set": "reuters-dev", "article": "reuters-1", "type": "place", "name": "WASHINGTON", "mentions": ["WASHINGTON"], "key": "gn:4140963"}
{"set": "reuters-dev", "article": "reuters-1", "type": "place", "name": "Venice", "mentions": ["Venice"], "key": "gn:3164603"}
{"set": "bbc-dev", "article": "bbc-sport-189", "type": "organization", "name": "Blackburn", "mentions": ["Blackburn", "Rovers"], "key": null}
{"set": "bbc-dev", "article": "bbc-sport-189", "type": "organization", "name": "BBC Sport", "mentions": ["BBC Sport"], "key": null, "accept": ["org:bbc"]}
{"set": "bbc-dev", "article": "bbc-sport-189", "type": "place", "name": "Ibrox", "mentions": ["Ibrox"], "key": null}
"#;

    fn records() -> Vec<ArticleRecord> {
        vec![
            record(
                "reuters-1",
                vec![
                    entity(
                        EntityType::Place,
                        "WASHINGTON",
                        Some("US-WA"),
                        &["WASHINGTON"],
                    ),
                    entity(EntityType::Place, "Venice", Some("gn:3164603"), &["Venice"]),
                ],
            ),
            record(
                "sport-189",
                vec![
                    entity(
                        EntityType::Place,
                        "Blackburn",
                        Some("gn:2655524"),
                        &["Blackburn"],
                    ),
                    entity(
                        EntityType::Organization,
                        "Rovers",
                        Some("gn:2655524"),
                        &["Rovers"],
                    ),
                    entity(
                        EntityType::Organization,
                        "BBC  sport",
                        Some("org:bbc"),
                        &["BBC Sport"],
                    ),
                ],
            ),
        ]
    }

    #[test]
    fn gold_reads_with_optional_fields() {
        let gold = read_key_gold(GOLD).unwrap();
        assert_eq!(gold.len(), 5);
        assert_eq!(gold[2].key, None);
        assert_eq!(gold[3].accept, ["org:bbc"]);
        assert_eq!(gold[0].kind, EntityType::Place);
    }

    #[test]
    fn accuracy_counts_found_rows_per_type() {
        let score = score_keys(&read_key_gold(GOLD).unwrap(), &records());
        let place = score.of(EntityType::Place);
        // Ibrox is not found; Washington gets the state, Venice is right.
        assert_eq!(
            place.all,
            KeyCounts {
                rows: 3,
                found: 2,
                correct: 1
            }
        );
        assert_eq!(place.all.accuracy(), 0.5);
        assert!((place.all.coverage() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(
            place.unkeyed,
            KeyCounts {
                rows: 1,
                found: 0,
                correct: 0
            }
        );
        let org = score.of(EntityType::Organization);
        // Blackburn (the club, found by its mention "Rovers") got the town's
        // key: wrong; BBC Sport got an accepted key.
        assert_eq!(
            org.all,
            KeyCounts {
                rows: 2,
                found: 2,
                correct: 1
            }
        );
        assert_eq!(org.unkeyed, org.all);
    }

    #[test]
    fn wrong_keys_are_listed_with_what_was_given() {
        let score = score_keys(&read_key_gold(GOLD).unwrap(), &records());
        let wrong: Vec<(&str, Option<&str>)> = score
            .wrong
            .iter()
            .map(|w| (w.gold.name.as_str(), w.got.as_deref()))
            .collect();
        assert_eq!(
            wrong,
            [
                ("WASHINGTON", Some("US-WA")),
                ("Blackburn", Some("gn:2655524"))
            ]
        );
    }

    #[test]
    fn a_type_mismatch_is_not_found() {
        let gold = read_key_gold(GOLD).unwrap();
        // The place entity "Blackburn" does not stand for the organization row.
        let r = record(
            "sport-189",
            vec![entity(EntityType::Place, "Blackburn", None, &["Blackburn"])],
        );
        let score = score_keys(&gold[2..3], &[r]);
        assert_eq!(score.of(EntityType::Organization).all.found, 0);
    }

    #[test]
    fn articles_pair_by_id_or_dash_suffix_and_unpaired_are_listed() {
        let gold = read_key_gold(GOLD).unwrap();
        let score = score_keys(&gold, &records()[..1]);
        assert_eq!(score.unpaired_articles, ["bbc-sport-189"]);
        assert!(paired_record("bbc-sport-189", &records()).is_some());
        assert!(paired_record("xsport-189", &records()).is_none());
    }

    #[test]
    fn null_gold_key_wants_no_key() {
        let row = &read_key_gold(GOLD).unwrap()[4];
        assert!(key_is_right(row, None));
        assert!(!key_is_right(row, Some("gn:1")));
    }

    #[test]
    fn empty_counts_score_zero() {
        let c = KeyCounts::default();
        assert_eq!((c.accuracy(), c.coverage()), (0.0, 0.0));
    }
}
