//! Opening inputs as streams of articles.
//!
//! Every input is streamed: JSON Lines (forced, named `*.jsonl`/`*.ndjson`,
//! or starting with `{`) are read a line at a time whether they come from a
//! file or standard input, so memory stays flat whatever the size. Plain
//! text and listing pages are one article or one page, read whole. Ids,
//! error messages and line numbers are those of `newsfacts::read_file`.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use newsfacts::input::{read_bytes, read_jsonl};
use newsfacts::{read_file, read_reader, Article, Error, InputFormat};

use crate::flags::Input;
use crate::progress::{Counted, Progress};

/// The articles of one input, in order; an item is an article or the error
/// that stands in its place.
pub(crate) type Articles = Box<dyn Iterator<Item = Result<Article, Error>>>;

/// Read buffer size: enough to see past the blank lines before a first `{`.
const BUFFER: usize = 64 * 1024;

impl Input {
    /// The input's name in messages.
    pub(crate) fn name(&self) -> String {
        match self {
            Input::Stdin => "stdin".to_string(),
            Input::Path(p) => p.display().to_string(),
        }
    }

    /// The input's size in bytes, when it is a file whose size is known.
    pub(crate) fn size(&self) -> Option<u64> {
        match self {
            Input::Stdin => None,
            Input::Path(p) => std::fs::metadata(p).ok().map(|m| m.len()),
        }
    }

    /// The input's articles, reporting bytes read to `progress`.
    pub(crate) fn articles(&self, format: InputFormat, progress: &Progress) -> Articles {
        match self {
            Input::Stdin => {
                let reader = BufReader::with_capacity(BUFFER, Counted::new(io::stdin(), progress));
                read_reader(reader, "stdin", format)
            }
            Input::Path(path) => file_articles(path, format, progress),
        }
    }
}

/// The articles of a file: JSON Lines streamed, anything else read whole.
fn file_articles(path: &Path, format: InputFormat, progress: &Progress) -> Articles {
    // Whatever cannot be opened or read is left to `read_file`, which fails
    // the same way and words the error as the library does.
    let whole = || -> Articles {
        let items = match read_file(path, format) {
            Ok(items) => items,
            Err(e) => vec![Err(e)],
        };
        progress.read(std::fs::metadata(path).map_or(0, |m| m.len()));
        Box::new(items.into_iter())
    };
    let Ok(file) = File::open(path) else {
        return whole();
    };
    let mut reader = BufReader::with_capacity(BUFFER, Counted::new(file, progress));
    let name = path.display().to_string();
    // A file that cannot be read (a directory) fails here, before any line.
    let first = match reader.fill_buf() {
        Ok(buf) => match buf.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(&b) => Some(b),
            // Nothing but white space in the first buffer: too rare to peek
            // further for.
            None if !buf.is_empty() => return whole(),
            None => None,
        },
        Err(_) => return whole(),
    };
    let stream = match format {
        InputFormat::Jsonl => true,
        InputFormat::Auto => is_jsonl_path(path) || first == Some(b'{'),
        _ => false,
    };
    if stream {
        return Box::new(read_jsonl(reader, &name));
    }
    let mut bytes = Vec::new();
    if reader.read_to_end(&mut bytes).is_err() {
        return whole();
    }
    let items = read_bytes(&bytes, &name, &file_stem(path), format, is_jsonl_path(path));
    Box::new(items.into_iter())
}

/// As `newsfacts::read_file` tells JSON Lines files by name.
fn is_jsonl_path(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    )
}

/// As `newsfacts::read_file` makes article ids of file names.
fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".to_string())
}
