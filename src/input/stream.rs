//! The streaming reader: the articles of a file or of any reader, one at a
//! time, whatever the input's shape.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use crate::error::Error;

use super::jsonl::JsonlReader;
use super::read::{file_stem, is_jsonl_path, read_bytes};
use super::{read_jsonl, Article, InputFormat};

/// The articles of one input, read lazily and in order: an iterator of
/// `Result<Article, Error>`.
///
/// JSON Lines (forced, a `.jsonl`/`.ndjson` file, or text whose first
/// non-blank byte is `{`) are read a line at a time, so memory stays flat
/// whatever the input's size, and a bad line is one error naming the input
/// and the line (`feed.jsonl:7: …`) with the lines after it still read. A
/// plain-text file is one article and a listing page is split into its
/// articles; both are read whole (an article is extracted whole anyway).
/// An input that cannot be opened or read is one error naming it.
///
/// Nothing is read until the first call to `next`.
///
/// ```
/// use newsfacts::{ArticleReader, InputFormat};
///
/// let feed = "{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \"b\"}\n{\"id\": \"c\", \"text\": \"Three.\"}\n";
/// let mut articles = ArticleReader::new(feed.as_bytes(), "feed", InputFormat::Auto);
/// assert_eq!(articles.next().unwrap()?.id, "a");
/// let bad = articles.next().unwrap().unwrap_err();
/// assert_eq!(bad.to_string(), "feed:2 (article b): no \"text\" or \"body\" field");
/// assert_eq!(articles.next().unwrap()?.id, "c");
/// assert!(articles.next().is_none());
///
/// // A file: its name in errors, its stem as the id of a plain-text article.
/// let missing = ArticleReader::open("no/such/file.txt", InputFormat::Auto).next().unwrap();
/// assert!(missing.unwrap_err().to_string().starts_with("no/such/file.txt: "));
/// # Ok::<(), newsfacts::Error>(())
/// ```
#[derive(Debug)]
pub struct ArticleReader<R> {
    state: State<R>,
    /// The input's name in errors.
    name: String,
    /// The id of a plain-text article, and the id stem of listing articles.
    stem: String,
    format: InputFormat,
    /// The input's name says JSON Lines.
    jsonl_name: bool,
}

/// How far an [`ArticleReader`] has got.
#[derive(Debug)]
enum State<R> {
    /// Nothing read yet: the shape is decided on the first `next`.
    Start(R),
    /// JSON Lines, a line at a time.
    Lines(JsonlReader<R>),
    /// The articles of an input read whole, or the one error of an input
    /// that could not be read.
    Whole(std::vec::IntoIter<Result<Article, Error>>),
}

impl ArticleReader<BufReader<File>> {
    /// The articles of the file at `path`. Errors name the path; a
    /// plain-text article's id is the file's stem (`news/a1.txt` gives
    /// `a1`), listing articles are `<stem>-01`, `-02`, …; a `.jsonl` or
    /// `.ndjson` name means JSON Lines when `format` is `Auto`. A file that
    /// cannot be opened is one error, the reader's only item.
    pub fn open(path: impl AsRef<Path>, format: InputFormat) -> ArticleReader<BufReader<File>> {
        let path = path.as_ref();
        let state = match File::open(path) {
            Ok(file) => State::Start(BufReader::new(file)),
            Err(e) => State::failed(e, &path.display().to_string()),
        };
        ArticleReader::of_path(state, path, format)
    }
}

impl<R> ArticleReader<R> {
    /// A reader in `state` of the file at `path`.
    fn of_path(state: State<R>, path: &Path, format: InputFormat) -> ArticleReader<R> {
        ArticleReader {
            state,
            name: path.display().to_string(),
            stem: file_stem(path),
            format,
            jsonl_name: is_jsonl_path(path),
        }
    }
}

impl<R: BufRead> ArticleReader<R> {
    /// The articles read from `reader` (standard input, a socket, a
    /// decompressor), named `name` in errors; `name` is also the id of a
    /// plain-text article and the id stem of listing articles.
    pub fn new(reader: R, name: impl Into<String>, format: InputFormat) -> ArticleReader<R> {
        let name = name.into();
        ArticleReader {
            state: State::Start(reader),
            stem: name.clone(),
            name,
            format,
            jsonl_name: false,
        }
    }

    /// The articles of the file at `path`, read from `reader`: the file
    /// already opened, perhaps wrapped (to count the bytes read, say).
    /// Names and ids are those of [`ArticleReader::open`].
    pub fn for_path(reader: R, path: &Path, format: InputFormat) -> ArticleReader<R> {
        ArticleReader::of_path(State::Start(reader), path, format)
    }

    /// Decide the input's shape: stream JSON Lines, or read the rest whole.
    fn start(&self, mut reader: R) -> State<R> {
        // An input that cannot be read at all (a directory) is one error
        // naming it, whatever its shape.
        if let Err(e) = reader.fill_buf() {
            return State::failed(e, &self.name);
        }
        match self.format {
            InputFormat::Jsonl => State::Lines(read_jsonl(reader, &self.name)),
            InputFormat::Auto if self.jsonl_name => State::Lines(read_jsonl(reader, &self.name)),
            InputFormat::Auto => self.guess(reader),
            _ => self.read_whole(reader, Vec::new()),
        }
    }

    /// Stream JSON Lines when the first byte that is not white space is `{`,
    /// else read the input whole and guess again from all of it.
    fn guess(&self, mut reader: R) -> State<R> {
        let mut blank = Vec::new();
        match first_non_blank_byte(&mut reader, &mut blank) {
            Ok(Some(b'{')) => {
                // Line numbers in errors count the blank lines passed over.
                let lines = blank.iter().filter(|&&b| b == b'\n').count();
                State::Lines(read_jsonl(reader, &self.name).after_lines(lines))
            }
            Ok(_) => self.read_whole(reader, blank),
            Err(e) => State::failed(e, &self.name),
        }
    }

    /// Read the rest of the input after `head` and take it apart.
    fn read_whole(&self, mut reader: R, mut head: Vec<u8>) -> State<R> {
        if let Err(e) = reader.read_to_end(&mut head) {
            return State::failed(e, &self.name);
        }
        let items = read_bytes(&head, &self.name, &self.stem, self.format, false);
        State::Whole(items.into_iter())
    }
}

impl<R> State<R> {
    /// The state of an input named `name` that could not be read: its one
    /// error.
    fn failed(e: std::io::Error, name: &str) -> State<R> {
        State::Whole(vec![Err(Error::from(e).at(name))].into_iter())
    }
}

impl<R: BufRead> Iterator for ArticleReader<R> {
    type Item = Result<Article, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match &mut self.state {
                State::Lines(lines) => return lines.next(),
                State::Whole(items) => return items.next(),
                State::Start(_) => {
                    // Take the reader out, leaving an empty list in its place.
                    let state =
                        std::mem::replace(&mut self.state, State::Whole(Vec::new().into_iter()));
                    let State::Start(reader) = state else {
                        unreachable!("the state was Start")
                    };
                    self.state = self.start(reader);
                }
            }
        }
    }
}

/// Peek at the first byte that is not ASCII white space, moving the whole
/// blank lines before it from the reader into `blank` (so that the line the
/// byte is on is still read whole, and nothing is lost when the input is
/// read whole after all).
fn first_non_blank_byte(
    reader: &mut impl BufRead,
    blank: &mut Vec<u8>,
) -> std::io::Result<Option<u8>> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(None);
        }
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(i) => {
                let b = buf[i];
                let line_start = buf[..i]
                    .iter()
                    .rposition(|&c| c == b'\n')
                    .map_or(0, |p| p + 1);
                blank.extend_from_slice(&buf[..line_start]);
                reader.consume(line_start);
                return Ok(Some(b));
            }
            None => {
                let n = buf.len();
                blank.extend_from_slice(buf);
                reader.consume(n);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    /// A file in a fresh temporary directory, removed on drop.
    struct TempFile(std::path::PathBuf);

    impl TempFile {
        fn new(name: &str, bytes: &[u8]) -> TempFile {
            let dir = std::env::temp_dir().join(format!(
                "newsfacts-stream-{}-{}",
                std::process::id(),
                name.replace('.', "-")
            ));
            std::fs::create_dir_all(&dir).unwrap();
            let path = dir.join(name);
            std::fs::write(&path, bytes).unwrap();
            TempFile(path)
        }
    }

    impl Drop for TempFile {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(self.0.parent().unwrap());
        }
    }

    /// Each item as its article id or its error message.
    fn outline(items: impl Iterator<Item = Result<Article, Error>>) -> Vec<String> {
        items
            .map(|item| match item {
                Ok(a) => a.id,
                Err(e) => format!("error: {e}"),
            })
            .collect()
    }

    #[test]
    fn a_bad_jsonl_line_is_one_error_and_the_rest_still_come_in_order() {
        let feed = b"\n\n{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \"b\", \"text\": \n\n{\"id\": \"c\", \"text\": \"Three.\"}\n\xff\n{\"id\": \"d\", \"body\": \"Four.\"}\n";
        let file = TempFile::new("feed.jsonl", feed);
        let name = file.0.display().to_string();
        let got = outline(ArticleReader::open(&file.0, InputFormat::Auto));
        assert_eq!(got.len(), 5, "{got:#?}");
        assert_eq!(got[0], "a");
        assert!(
            got[1].starts_with(&format!("error: {name}:4: ")),
            "{got:#?}"
        );
        assert_eq!(got[2], "c");
        assert!(
            got[3].starts_with(&format!("error: {name}:7: ")),
            "{got:#?}"
        );
        assert_eq!(got[4], "d");
        // Guessed from the first `{` of a reader, after the blank lines too.
        let got = outline(ArticleReader::new(&feed[..], "in", InputFormat::Auto));
        assert_eq!(got[0], "a");
        assert!(got[1].starts_with("error: in:4: "), "{got:#?}");
        assert!(got[3].starts_with("error: in:7: "), "{got:#?}");
    }

    #[test]
    fn jsonl_is_streamed_a_line_at_a_time() {
        // A reader that fails once the first line has been taken: only a
        // stream gets the first article out.
        struct FirstLineThenFail(&'static [u8]);
        impl std::io::Read for FirstLineThenFail {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                if self.0.is_empty() {
                    return Err(std::io::Error::other("gone"));
                }
                let n = self.0.len().min(buf.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let reader = BufReader::new(FirstLineThenFail(b"{\"id\": \"a\", \"text\": \"One.\"}\n"));
        let got = outline(ArticleReader::new(reader, "sock", InputFormat::Auto));
        assert_eq!(got, ["a", "error: sock:2: gone"]);
    }

    #[test]
    fn plain_files_are_one_article_named_by_their_stem() {
        let file = TempFile::new(
            "talks.txt",
            b"\n\nTalks in Kabul\n\nChina sent 20 officials.\n",
        );
        let items: Vec<_> = ArticleReader::open(&file.0, InputFormat::Auto).collect();
        assert_eq!(items.len(), 1);
        let a = items[0].as_ref().unwrap();
        assert_eq!(a.id, "talks");
        assert_eq!(a.title.as_deref(), Some("Talks in Kabul"));
        assert_eq!(a.text, "Talks in Kabul\n\nChina sent 20 officials.");
    }

    #[test]
    fn listing_pages_are_split() {
        let page = "Tag: x\n\n  • First\n\n    First\n\n    Body one.\n\n  • Second\n\n    Second\n\n    Body two.\n";
        let file = TempFile::new("page.txt", page.as_bytes());
        let got = outline(ArticleReader::open(&file.0, InputFormat::Auto));
        assert_eq!(got, ["page-01", "page-02"]);
    }

    #[test]
    fn unreadable_inputs_are_one_error_naming_them() {
        let file = TempFile::new("latin1.txt", b"\n  \nCaf\xe9 society.");
        let name = file.0.display().to_string();
        let items: Vec<_> = ArticleReader::open(&file.0, InputFormat::Auto).collect();
        let e = items[0].as_ref().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Utf8);
        assert_eq!(e.article(), Some("latin1"));
        // The byte offset counts the blank lines read while guessing.
        assert_eq!(
            e.to_string(),
            format!("article latin1 ({name}): not UTF-8 at byte 7")
        );

        let missing = file.0.with_file_name("missing.jsonl");
        let got = outline(ArticleReader::open(&missing, InputFormat::Auto));
        assert_eq!(got.len(), 1);
        assert!(
            got[0].starts_with(&format!("error: {}: ", missing.display())),
            "{got:?}"
        );

        // A directory fails on its first read, as a whole, in any format.
        let dir = file.0.parent().unwrap();
        for format in [InputFormat::Auto, InputFormat::Jsonl, InputFormat::Plain] {
            let got = outline(ArticleReader::open(dir, format));
            assert_eq!(got.len(), 1, "{got:?}");
            assert!(
                got[0].starts_with(&format!("error: {}: ", dir.display())),
                "{got:?}"
            );
        }
    }
}
