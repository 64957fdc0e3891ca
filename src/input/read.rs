//! Reading articles from files, byte buffers and readers, guessing the
//! input format when asked to.

use std::io::BufRead;
use std::path::Path;

use crate::error::Error;

use super::{read_jsonl, Article, ArticleReader, InputFormat};

/// Read articles from any reader (standard input, a socket, a decompressor).
///
/// The [`ArticleReader`] of `reader`, boxed: JSON Lines (forced, or guessed
/// from a first non-blank `{`) are streamed lazily, so memory stays bounded
/// whatever the input size; other formats are read whole and then split.
/// `name` names the stream in errors and is the id stem of plain and
/// listing articles.
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
    reader: R,
    name: &str,
    format: InputFormat,
) -> Box<dyn Iterator<Item = Result<Article, Error>> + 'r> {
    Box::new(ArticleReader::new(reader, name, format))
}

/// Read every article in a file, guessing or forcing its format.
///
/// The file is read whole and its articles collected; for large files,
/// [`ArticleReader::open`] reads JSON Lines a line at a time instead. The
/// outer error is for a file that cannot be read at all; each inner item
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
            return vec![Err(Error::utf8(e)
                .at(format!("article {stem} ({name})"))
                .for_article(stem))]
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

/// True when a file's name says JSON Lines.
pub(super) fn is_jsonl_path(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    )
}

/// The id stem of a file's articles: its name without the extension.
pub(super) fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn invalid_utf8_names_the_article() {
        let out = read_bytes(b"ab\xffcd", "f.txt", "f", InputFormat::Auto, false);
        let e = out[0].as_ref().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Utf8);
        assert!(e.to_string().contains("article f"));
    }
}
