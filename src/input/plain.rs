//! Plain-text articles: the title is the first line when a blank line
//! follows it; paragraphs are runs of lines, each joined into one line.

use crate::error::Error;

use super::Article;

impl Article {
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
    /// assert_eq!(err.article(), Some("bad"));
    /// ```
    pub fn from_bytes(id: &str, bytes: &[u8]) -> Result<Article, Error> {
        let raw = std::str::from_utf8(bytes)
            .map_err(|e| Error::utf8(e).at(format!("article {id}")).for_article(id))?;
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
}

/// Non-blank paragraphs (runs of lines), each line trimmed and joined by a space.
pub(super) fn paragraphs(raw: &str) -> Vec<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_without_title() {
        let a = Article::from_plain_text("x", "Just one line of text.\nAnd more.");
        assert_eq!(a.title, None);
        assert_eq!(a.text, "Just one line of text. And more.");
    }
}
