//! Article input: plain-text files, JSON Lines streams and news listing
//! pages split into their articles.

use std::io::BufRead;
use std::path::Path;

use once_cell::sync::Lazy;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};

/// One news article: what the extractor reads.
///
/// `text` is everything that is extracted from: the title, the standfirst
/// and the body, in that order, separated by blank lines. Record offsets are
/// byte offsets into it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Identifier: the JSONL `id`, a file stem, or `<stem>-NN` for a split page.
    pub id: String,
    /// The title, when known (it is also the first paragraph of `text`).
    pub title: Option<String>,
    /// The text to extract from.
    pub text: String,
    /// The byline ("…reports NAME"), kept out of `text`.
    pub byline: Option<String>,
    /// The agency credit ("ANI", "IANS"), kept out of `text`.
    pub agency: Option<String>,
    /// Publication date as given by the input.
    pub date: Option<String>,
    /// Source URL as given by the input.
    pub url: Option<String>,
}

/// How to read an input file.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// Guess: `.jsonl`/`.ndjson` files and text starting with `{` are JSON
    /// Lines, text that looks like a listing page is split, anything else is
    /// one plain-text article.
    #[default]
    Auto,
    /// One article; its first line is the title when a blank line follows.
    Plain,
    /// A news listing page holding several articles.
    Listing,
    /// One JSON object per line.
    Jsonl,
}

impl Article {
    /// An article with the given id and text and no title or metadata.
    ///
    /// ```
    /// let a = newsfacts::Article::new("a1", "China said 500 people came.");
    /// assert_eq!(a.id, "a1");
    /// assert_eq!(a.title, None);
    /// ```
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            text: text.into(),
            ..Article::default()
        }
    }

    /// One plain-text article: its first line is the title when a blank line
    /// follows it.
    ///
    /// ```
    /// let a = newsfacts::Article::from_plain_text("bbc-1", "Title here\n\nBody text.");
    /// assert_eq!(a.title.as_deref(), Some("Title here"));
    /// assert_eq!(a.text, "Title here\n\nBody text.");
    /// ```
    pub fn from_plain_text(id: impl Into<String>, raw: &str) -> Article {
        let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        let paragraphs = paragraphs(raw);
        let normalized = paragraphs.join("\n\n");
        let mut lines = raw.trim_start().lines();
        let first = lines.next().map(str::trim);
        let blank_follows = lines.next().is_some_and(|l| l.trim().is_empty());
        let title = match first {
            Some(t) if blank_follows && !t.is_empty() => Some(t.to_string()),
            _ => None,
        };
        Article {
            id: id.into(),
            title,
            text: normalized,
            ..Article::default()
        }
    }

    /// Decode bytes as one plain-text article; bytes that are not UTF-8 give
    /// an error naming the article.
    ///
    /// ```
    /// let err = newsfacts::Article::from_bytes("bad", b"caf\xe9").unwrap_err();
    /// assert_eq!(err.kind(), newsfacts::ErrorKind::Utf8);
    /// assert!(err.to_string().contains("bad"));
    /// ```
    pub fn from_bytes(id: &str, bytes: &[u8]) -> Result<Article, Error> {
        let raw = std::str::from_utf8(bytes).map_err(|e| {
            Error::new(
                ErrorKind::Utf8,
                format!("not UTF-8 at byte {}", e.valid_up_to()),
            )
            .at(format!("article {id}"))
        })?;
        Ok(Article::from_plain_text(id, raw))
    }

    /// Decode bytes as one plain-text article, replacing bytes that are not
    /// UTF-8 with U+FFFD, for input whose encoding is known to be dirty.
    ///
    /// ```
    /// let a = newsfacts::Article::from_bytes_lossy("bad", b"caf\xe9 life");
    /// assert_eq!(a.text, "caf\u{fffd} life");
    /// ```
    pub fn from_bytes_lossy(id: &str, bytes: &[u8]) -> Article {
        Article::from_plain_text(id, &String::from_utf8_lossy(bytes))
    }

    /// Split a news listing page into its articles, ids `<stem>-01`, `-02`, …
    ///
    /// A listing page has bullet lines (`• Title`) each followed by the title
    /// again, a standfirst ending "…reports NAME", and the body. Link lines
    /// ("ALSO READ", "READ MORE"), carriage notices, lone one-word tag lines and
    /// bare URLs are dropped; "(ANI)"/"(IANS)" credits become `agency`.
    pub fn split_listing(stem: &str, raw: &str) -> Vec<Article> {
        let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        let mut articles = Vec::new();
        let mut current: Option<(String, Vec<String>)> = None;
        for line in raw.lines() {
            let trimmed = line.trim();
            if let Some(title) = bullet_title(trimmed) {
                if let Some((t, lines)) = current.take() {
                    articles.push(build_listing_article(stem, articles.len() + 1, t, lines));
                }
                current = Some((title.to_string(), Vec::new()));
            } else if let Some((_, lines)) = current.as_mut() {
                lines.push(trimmed.to_string());
            }
        }
        if let Some((t, lines)) = current.take() {
            articles.push(build_listing_article(stem, articles.len() + 1, t, lines));
        }
        articles
    }

    /// True when `raw` looks like a listing page: a bullet line whose title
    /// is repeated on the next non-blank line.
    pub fn looks_like_listing(raw: &str) -> bool {
        let mut lines = raw.lines().map(str::trim).filter(|l| !l.is_empty());
        while let Some(line) = lines.next() {
            if let Some(title) = bullet_title(line) {
                return lines.next() == Some(title);
            }
        }
        false
    }
}

fn bullet_title(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('•').or_else(|| line.strip_prefix("* "))?;
    let title = rest.trim();
    (!title.is_empty()).then_some(title)
}

/// Non-blank paragraphs (runs of lines), each line trimmed and joined by a space.
fn paragraphs(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in raw.lines() {
        let t = line.trim();
        if t.is_empty() {
            if !current.is_empty() {
                out.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(t);
        }
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    out
}

static REPORTS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:[\s,]|…|\.)*\breports\s+(?P<by>[\p{Lu}][^.…\n]*?)[\s.]*$").unwrap()
});
static AGENCY: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\s*\((?P<agency>ANI|IANS|PTI|AFP|AP|Reuters|UNI)\)\s*$").unwrap());
static URL: Lazy<Regex> = Lazy::new(|| Regex::new(r"^(?:https?://|www\.)\S+$").unwrap());
static LINK_LINE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?i:also\s+read|read\s+more|read\s+also)\b").unwrap());
static CARRIAGE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\((?i:the\s+)?(?i:content|article|story)\s+is\s+being\s+carried\b").unwrap()
});

fn is_dropped_line(line: &str) -> bool {
    LINK_LINE.is_match(line)
        || CARRIAGE.is_match(line)
        || URL.is_match(line)
        || (!line.contains(char::is_whitespace)
            && line.chars().all(|c| c.is_alphabetic() || c == '-')
            && line.chars().next().is_some_and(char::is_uppercase))
}

fn build_listing_article(stem: &str, n: usize, title: String, lines: Vec<String>) -> Article {
    // Paragraphs: runs of non-blank lines, minus dropped lines.
    let mut paras: Vec<String> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in lines {
        if line.is_empty() {
            if !current.is_empty() {
                paras.push(current.join(" "));
                current.clear();
            }
        } else if !is_dropped_line(&line) {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paras.push(current.join(" "));
    }
    // The title is given once.
    if paras.first().map(|p| p.trim()) == Some(title.trim()) {
        paras.remove(0);
    }
    let mut byline = None;
    if let Some(first) = paras.first_mut() {
        if let Some(caps) = REPORTS.captures(first) {
            byline = Some(caps["by"].trim().to_string());
            let cut = caps.get(0).map_or(first.len(), |m| m.start());
            // Keep the sentence's own closing punctuation.
            let kept = first[..cut].trim_end().to_string();
            let tail = &first[cut..caps.name("by").map_or(cut, |m| m.start())];
            let punct: String = tail.chars().filter(|c| matches!(c, '.' | '…')).collect();
            *first = format!("{kept}{punct}");
        }
    }
    let mut agency = None;
    for p in paras.iter_mut() {
        if let Some(caps) = AGENCY.captures(p) {
            agency.get_or_insert_with(|| caps["agency"].to_string());
            let cut = caps.get(0).map_or(p.len(), |m| m.start());
            p.truncate(cut);
        }
    }
    paras.retain(|p| !p.trim().is_empty());
    let mut text = title.clone();
    for p in &paras {
        text.push_str("\n\n");
        text.push_str(p);
    }
    Article {
        id: format!("{stem}-{n:02}"),
        title: Some(title),
        text,
        byline,
        agency,
        date: None,
        url: None,
    }
}

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

/// Parse one JSON Lines record. `origin` names the stream and line for errors.
pub fn parse_json_article(line: &str, origin: &str) -> Result<Article, Error> {
    let raw: JsonArticle = serde_json::from_str(line)
        .map_err(|e| Error::new(ErrorKind::Json, e.to_string()).at(origin))?;
    let id = match raw.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(_) => {
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
/// let items: Vec<_> = newsfacts::read_jsonl(input.as_bytes(), "stdin").collect();
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
    }
}

/// Iterator over a JSON Lines stream; see [`read_jsonl`].
#[derive(Debug)]
pub struct JsonlReader<R> {
    reader: R,
    name: String,
    line_no: usize,
    buf: Vec<u8>,
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<Article, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            self.buf.clear();
            self.line_no += 1;
            let origin = format!("{}:{}", self.name, self.line_no);
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => return Some(Err(Error::from(e).at(origin))),
            }
            let line = match std::str::from_utf8(&self.buf) {
                Ok(l) => l,
                Err(e) => {
                    let msg = format!("not UTF-8 at byte {}", e.valid_up_to());
                    return Some(Err(Error::new(ErrorKind::Utf8, msg).at(origin)));
                }
            };
            let line = line.trim_start_matches('\u{feff}').trim();
            if line.is_empty() {
                continue;
            }
            return Some(parse_json_article(line, &origin));
        }
    }
}

/// Read articles from any reader (standard input, a socket, a decompressor).
///
/// JSON Lines (forced, or guessed from a first non-blank `{`) are streamed
/// lazily, so memory stays bounded whatever the input size; other formats
/// are read whole and then split. `name` names the stream in errors and is
/// the id stem of plain and listing articles.
///
/// ```
/// use newsfacts::{read_reader, InputFormat};
///
/// let input = "\n{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \"b\"}\n";
/// let items: Vec<_> = read_reader(input.as_bytes(), "stdin", InputFormat::Auto).collect();
/// assert_eq!(items[0].as_ref().unwrap().id, "a");
/// assert!(items[1].as_ref().unwrap_err().to_string().contains("stdin:3"));
/// ```
pub fn read_reader<'r, R: BufRead + 'r>(
    mut reader: R,
    name: &str,
    format: InputFormat,
) -> Box<dyn Iterator<Item = Result<Article, Error>> + 'r> {
    let io_error = |e: std::io::Error| -> Box<dyn Iterator<Item = Result<Article, Error>> + 'r> {
        Box::new(std::iter::once(Err(Error::from(e).at(name.to_string()))))
    };
    let (stream, skipped_lines) = match format {
        InputFormat::Jsonl => (true, 0),
        InputFormat::Auto => match first_non_blank_byte(&mut reader) {
            Ok((b, lines)) => (b == Some(b'{'), lines),
            Err(e) => return io_error(e),
        },
        _ => (false, 0),
    };
    if stream {
        let mut lines = read_jsonl(reader, name);
        // Line numbers in errors count the blank lines already consumed.
        lines.line_no = skipped_lines;
        return Box::new(lines);
    }
    let mut bytes = Vec::new();
    if let Err(e) = std::io::Read::read_to_end(&mut reader, &mut bytes) {
        return io_error(e);
    }
    Box::new(read_bytes(&bytes, name, name, format, false).into_iter())
}

/// Peek at the first byte that is not white space, consuming only the
/// whole blank lines before it; also says how many lines that was.
fn first_non_blank_byte(reader: &mut impl BufRead) -> std::io::Result<(Option<u8>, usize)> {
    let mut lines = 0;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok((None, lines));
        }
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(i) => {
                let b = buf[i];
                // Keep the partial line so that a reader sees it whole.
                let line_start = buf[..i]
                    .iter()
                    .rposition(|&c| c == b'\n')
                    .map_or(0, |p| p + 1);
                lines += buf[..line_start].iter().filter(|&&c| c == b'\n').count();
                reader.consume(line_start);
                return Ok((Some(b), lines));
            }
            None => {
                let n = buf.len();
                lines += buf.iter().filter(|&&c| c == b'\n').count();
                reader.consume(n);
            }
        }
    }
}

/// Read every article in a file, guessing or forcing its format.
///
/// The outer error is for a file that cannot be read at all; each inner item
/// is one article or an error naming it.
pub fn read_file(path: &Path, format: InputFormat) -> Result<Vec<Result<Article, Error>>, Error> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::from(e).at(name.clone()))?;
    Ok(read_bytes(
        &bytes,
        &name,
        &file_stem(path),
        format,
        is_jsonl_path(path),
    ))
}

/// Read every article in `bytes` named `name` (for errors) with id stem `stem`.
pub fn read_bytes(
    bytes: &[u8],
    name: &str,
    stem: &str,
    format: InputFormat,
    jsonl_hint: bool,
) -> Vec<Result<Article, Error>> {
    let looks_jsonl = || {
        jsonl_hint
            || bytes
                .iter()
                .find(|b| !b.is_ascii_whitespace())
                .is_some_and(|&b| b == b'{')
    };
    if format == InputFormat::Jsonl || (format == InputFormat::Auto && looks_jsonl()) {
        return read_jsonl(bytes, name).collect();
    }
    let raw = match std::str::from_utf8(bytes) {
        Ok(raw) => raw,
        Err(e) => {
            let msg = format!("not UTF-8 at byte {}", e.valid_up_to());
            return vec![Err(
                Error::new(ErrorKind::Utf8, msg).at(format!("article {stem} ({name})"))
            )];
        }
    };
    let listing = format == InputFormat::Listing
        || (format == InputFormat::Auto && Article::looks_like_listing(raw));
    if listing {
        Article::split_listing(stem, raw)
            .into_iter()
            .map(Ok)
            .collect()
    } else {
        vec![Ok(Article::from_plain_text(stem, raw))]
    }
}

fn is_jsonl_path(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    )
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Tag: Uyghur\n\n  • First story\n\n    First story\n\n    Experts warned of risks….reports Jane Roe\n\n    Body one (ANI)\n\n    ALSO READ: Something else\n\n    Uyghur\n\n    https://example.org/x\n\n    (The content is being carried under an arrangement with x.com)\n\n  • Second\n\n    Second\n\n    Lead, reports Asian Lite News.\n\n    Body two.\n";

    #[test]
    fn listing_pages_split_into_articles() {
        assert!(Article::looks_like_listing(PAGE));
        let arts = Article::split_listing("page", PAGE);
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].id, "page-01");
        assert_eq!(arts[0].byline.as_deref(), Some("Jane Roe"));
        assert_eq!(arts[0].agency.as_deref(), Some("ANI"));
        assert_eq!(
            arts[0].text,
            "First story\n\nExperts warned of risks….\n\nBody one"
        );
        assert_eq!(arts[1].id, "page-02");
        assert_eq!(arts[1].byline.as_deref(), Some("Asian Lite News"));
        assert_eq!(arts[1].text, "Second\n\nLead\n\nBody two.");
    }

    #[test]
    fn plain_text_without_title() {
        let a = Article::from_plain_text("x", "Just one line of text.\nAnd more.");
        assert_eq!(a.title, None);
        assert_eq!(a.text, "Just one line of text. And more.");
    }

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

    #[test]
    fn invalid_utf8_names_the_article() {
        let out = read_bytes(b"ab\xffcd", "f.txt", "f", InputFormat::Auto, false);
        let e = out[0].as_ref().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Utf8);
        assert!(e.to_string().contains("article f"));
    }
}
