//! Opening inputs as streams of articles: the library's
//! [`ArticleReader`](newsfacts::ArticleReader), reading through a counter
//! for the progress bar.
//!
//! Every input is streamed: JSON Lines (forced, named `*.jsonl`/`*.ndjson`,
//! or starting with `{`) are read a line at a time whether they come from a
//! file or standard input, so memory stays flat whatever the size. Plain
//! text and listing pages are one article or one page, read whole.

use std::fs::File;
use std::io::{self, BufReader};

use newsfacts::{Article, ArticleReader, Error, InputFormat};

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
                Box::new(ArticleReader::new(reader, "stdin", format))
            }
            Input::Path(path) => match File::open(path) {
                Ok(file) => {
                    let reader = BufReader::with_capacity(BUFFER, Counted::new(file, progress));
                    Box::new(ArticleReader::for_path(reader, path, format))
                }
                // The library words the error of a file it cannot open.
                Err(_) => Box::new(ArticleReader::open(path, format)),
            },
        }
    }
}
