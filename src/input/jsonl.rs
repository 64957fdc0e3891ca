//! JSON Lines input: one article object per line, read lazily, with
//! errors that name the stream and line.

use std::io::BufRead;

use serde::Deserialize;

use crate::error::{Error, ErrorKind};

use super::plain::paragraphs;
use super::Article;

/// The fields a JSON Lines article may carry.
#[derive(Deserialize)]
struct JsonArticle {
    id: Option<serde_json::Value>,
    title: Option<String>,
    text: Option<String>,
    body: Option<String>,
    byline: Option<String>,
    agency: Option<String>,
    date: Option<String>,
    url: Option<String>,
}

/// Only the id of a record, read again when the whole record could not be,
/// so that the error names the article.
#[derive(Deserialize)]
struct JsonId {
    id: Option<serde_json::Value>,
}

/// The article id a JSON `id` value gives: a string, or a number as written.
fn article_id(value: serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Parse one JSON Lines record. `origin` names the stream and line for errors.
///
/// An error names the article too whenever the record's id can be read,
/// even when another field is missing or of the wrong type:
///
/// ```
/// let err = newsfacts::input::parse_json_article(r#"{"id": 12, "title": ["x"], "text": "T"}"#, "feed:4")
///     .unwrap_err();
/// assert_eq!(err.kind(), newsfacts::ErrorKind::Json);
/// assert_eq!(err.article(), Some("12"));
/// assert!(err.to_string().starts_with("feed:4 (article 12): "));
/// ```
pub fn parse_json_article(line: &str, origin: &str) -> Result<Article, Error> {
    let raw: JsonArticle = serde_json::from_str(line).map_err(|e| {
        let err = Error::new(ErrorKind::Json, e.to_string()).caused_by(e);
        // Only on the error path: the id alone may still be readable.
        match serde_json::from_str::<JsonId>(line)
            .ok()
            .and_then(|r| r.id)
            .and_then(article_id)
        {
            Some(id) => err.at(format!("{origin} (article {id})")).for_article(&id),
            None => err.at(origin),
        }
    })?;
    let id = match raw.id.map(article_id) {
        Some(Some(id)) => id,
        Some(None) => {
            return Err(
                Error::new(ErrorKind::Json, "\"id\" must be a string or a number").at(origin),
            )
        }
        None => origin.to_string(),
    };
    let body = raw.text.or(raw.body).ok_or_else(|| {
        Error::new(ErrorKind::Json, "no \"text\" or \"body\" field")
            .at(format!("{origin} (article {id})"))
            .for_article(&id)
    })?;
    let body = paragraphs(&body).join("\n\n");
    let title = raw
        .title
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    let text = match &title {
        Some(t) if !body.starts_with(t.as_str()) => format!("{t}\n\n{body}"),
        _ => body,
    };
    Ok(Article {
        id,
        title,
        text,
        byline: raw.byline,
        agency: raw.agency,
        date: raw.date,
        url: raw.url,
    })
}

/// Read articles from a JSON Lines stream, one per non-blank line, lazily.
///
/// Each item is an article or an error naming `name` and the line number;
/// a bad line does not stop the lines after it.
///
/// ```
/// let input = "{\"id\": \"a\", \"text\": \"One.\"}\nnot json\n{\"id\": \"b\", \"body\": \"Two.\"}\n";
/// let items: Vec<_> = newsfacts::input::read_jsonl(input.as_bytes(), "stdin").collect();
/// assert_eq!(items.len(), 3);
/// assert!(items[1].as_ref().unwrap_err().to_string().contains("stdin:2"));
/// assert_eq!(items[2].as_ref().unwrap().id, "b");
/// ```
pub fn read_jsonl<R: BufRead>(reader: R, name: &str) -> JsonlReader<R> {
    JsonlReader {
        reader,
        name: name.to_string(),
        line_no: 0,
        buf: Vec::new(),
        failed: false,
    }
}

/// Iterator over a JSON Lines stream; see [`read_jsonl`].
#[derive(Debug)]
pub struct JsonlReader<R> {
    reader: R,
    name: String,
    line_no: usize,
    buf: Vec<u8>,
    /// Reading failed: the error was given, nothing more will come.
    failed: bool,
}

impl<R> JsonlReader<R> {
    /// Count `lines` already consumed from the stream (blank lines skipped
    /// while guessing the format), so that errors name the right line.
    pub(super) fn after_lines(mut self, lines: usize) -> JsonlReader<R> {
        self.line_no = lines;
        self
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<Article, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        loop {
            self.buf.clear();
            self.line_no += 1;
            let origin = format!("{}:{}", self.name, self.line_no);
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    // A stream that failed once (a closed socket, a
                    // directory) would fail again on every line.
                    self.failed = true;
                    return Some(Err(Error::from(e).at(origin)));
                }
            }
            let line = match std::str::from_utf8(&self.buf) {
                Ok(l) => l,
                Err(e) => return Some(Err(Error::utf8(e).at(origin))),
            };
            let line = line.trim_start_matches('\u{feff}').trim();
            if line.is_empty() {
                continue;
            }
            return Some(parse_json_article(line, &origin));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_errors_name_their_line() {
        let input = "{\"id\": 1, \"title\": \"T\", \"body\": \"B\"}\n\n{\"id\": \"x\"}\n[1]\n";
        let items: Vec<_> = read_jsonl(input.as_bytes(), "in.jsonl").collect();
        assert_eq!(items.len(), 3);
        let a = items[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.text.as_str()), ("1", "T\n\nB"));
        let e = items[1].as_ref().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Json);
        assert!(e.to_string().contains("in.jsonl:3"), "{e}");
        assert!(e.to_string().contains("article x"), "{e}");
        assert_eq!(e.article(), Some("x"));
        assert!(items[2]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("in.jsonl:4"));
    }
}
