//! Gold files: the annotated articles that records are scored against, one
//! JSON object a line (the format at the end of `ANNOTATION.md`).

use std::io::BufRead;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::Error;

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
    /// Canonical name of whose quantity it states: `None` when the gold
    /// file does not annotate subjects, `Some(None)` for an annotated null.
    #[serde(default, deserialize_with = "annotated")]
    pub subject: Option<Option<String>>,
    /// Whether the writer marks it as unverified; `None` when not annotated.
    #[serde(default)]
    pub hedged: Option<bool>,
}

/// One gold quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldQuote {
    /// The first eight words inside the marks.
    pub text: String,
    /// Canonical name of the speaker.
    #[serde(default)]
    pub speaker: Option<String>,
    /// Whether the writer marks it as unverified; `None` when not annotated.
    #[serde(default)]
    pub hedged: Option<bool>,
}

/// A field that may be absent (`None`, with `#[serde(default)]`) or present
/// and null (`Some(None)`).
fn annotated<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

/// Read gold articles from a JSON Lines stream; `name` names it in errors.
///
/// Blank lines are skipped; the first bad line is an error naming its line.
///
/// ```
/// let gold = newsfacts_eval::read_gold(
///     "{\"id\": \"g\", \"figures\": [{\"text\": \"500\", \"value\": 500, \"kind\": \"count\"}]}\n".as_bytes(),
///     "gold.jsonl",
/// )?;
/// assert_eq!(gold[0].figures[0].value, 500.0);
/// let err = newsfacts_eval::read_gold("{\"id\": 1".as_bytes(), "gold.jsonl").unwrap_err();
/// assert!(err.to_string().contains("gold.jsonl:1"));
/// # Ok::<(), newsfacts_eval::Error>(())
/// ```
pub fn read_gold<R: BufRead>(reader: R, name: &str) -> Result<Vec<GoldArticle>, Error> {
    read_json_lines(reader, name)
}

/// Read a gold JSON Lines file.
pub fn read_gold_file(path: &Path) -> Result<Vec<GoldArticle>, Error> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::io(name.clone(), &e))?;
    read_gold(std::io::BufReader::new(file), &name)
}

/// Read one `T` from every non-blank line (a leading BOM is ignored); the
/// first bad line is an error naming `name:line`.
pub(crate) fn read_json_lines<R: BufRead, T: for<'de> Deserialize<'de>>(
    reader: R,
    name: &str,
) -> Result<Vec<T>, Error> {
    let mut out = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let origin = format!("{name}:{}", i + 1);
        let line = line.map_err(|e| Error::io(origin.clone(), &e))?;
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() {
            continue;
        }
        let item = serde_json::from_str(line).map_err(|e| Error::json(origin, &e))?;
        out.push(item);
    }
    Ok(out)
}
