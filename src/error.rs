//! The crate's one error type.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

/// An error from reading articles or gazetteers, or from extraction.
///
/// The type is opaque: ask [`Error::kind`] what went wrong, [`Error::article`]
/// which article it is about, and use its `Display` for a message that names
/// the file, line or article involved. An error caused by another one (an
/// I/O failure, bytes that are not UTF-8) keeps it as its
/// [`source`](std::error::Error::source).
///
/// ```
/// use std::error::Error as _;
/// use newsfacts::{ErrorKind, Gazetteer};
///
/// let err = Gazetteer::from_path("/no/such/file.tsv").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Io);
/// assert!(err.to_string().starts_with("/no/such/file.tsv: "));
/// let io = err.source().unwrap().downcast_ref::<std::io::Error>().unwrap();
/// assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
/// ```
#[derive(Clone, Debug)]
pub struct Error {
    kind: ErrorKind,
    /// Where the error happened: a file name, `line N`, an article id…
    origin: Option<String>,
    /// The id of the article the error is about, when it is known.
    article: Option<String>,
    message: String,
    /// The error that caused this one. Shared, so that the error stays
    /// `Clone` though an I/O error is not.
    source: Option<Arc<dyn std::error::Error + Send + Sync + 'static>>,
}

/// The kind of an [`Error`].
///
/// New kinds may be added in minor releases, so match with a wildcard arm.
/// Its `Display` and `FromStr` use the snake_case names below.
///
/// ```
/// use newsfacts::ErrorKind;
///
/// assert_eq!(ErrorKind::TooLarge.to_string(), "too_large");
/// assert_eq!("utf8".parse::<ErrorKind>().unwrap(), ErrorKind::Utf8);
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// An I/O failure while reading input (`io`).
    Io,
    /// Bytes that are not valid UTF-8 (`utf8`).
    Utf8,
    /// A JSON Lines record that is not valid JSON or lacks a required field
    /// (`json`).
    Json,
    /// A gazetteer file that does not follow the TSV format (`gazetteer`).
    Gazetteer,
    /// An article with no text to extract from (`empty_article`).
    EmptyArticle,
    /// An article larger than the configured maximum (`too_large`).
    TooLarge,
    /// A string that names none of a type's values, from a `FromStr`
    /// implementation of this crate (`parse`).
    Parse,
}

impl ErrorKind {
    /// Every kind, in declaration order.
    const ALL: [ErrorKind; 7] = [
        ErrorKind::Io,
        ErrorKind::Utf8,
        ErrorKind::Json,
        ErrorKind::Gazetteer,
        ErrorKind::EmptyArticle,
        ErrorKind::TooLarge,
        ErrorKind::Parse,
    ];

    /// The snake_case name of the kind (`io`, `too_large`, …).
    ///
    /// ```
    /// assert_eq!(newsfacts::ErrorKind::EmptyArticle.as_str(), "empty_article");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Utf8 => "utf8",
            ErrorKind::Json => "json",
            ErrorKind::Gazetteer => "gazetteer",
            ErrorKind::EmptyArticle => "empty_article",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::Parse => "parse",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ErrorKind {
    type Err = Error;

    fn from_str(s: &str) -> Result<ErrorKind, Error> {
        ErrorKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| Error::unknown_value("error kind", s))
    }
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            origin: None,
            article: None,
            message: message.into(),
            source: None,
        }
    }

    /// The error of a `FromStr` that was given none of `what`'s names.
    pub(crate) fn unknown_value(what: &str, value: &str) -> Error {
        Error::new(ErrorKind::Parse, format!("unknown {what} {value:?}"))
    }

    /// Bytes that are not UTF-8, keeping the decoder's error as the source.
    pub(crate) fn utf8(err: std::str::Utf8Error) -> Error {
        Error::new(
            ErrorKind::Utf8,
            format!("not UTF-8 at byte {}", err.valid_up_to()),
        )
        .caused_by(err)
    }

    /// Keep `source` as the error that caused this one.
    pub(crate) fn caused_by(
        mut self,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Error {
        self.source = Some(Arc::new(source));
        self
    }

    /// Record the id of the article the error is about.
    pub(crate) fn for_article(mut self, id: &str) -> Error {
        self.article = Some(id.to_string());
        self
    }

    /// Attach (or prefix) where the error happened.
    pub(crate) fn at(mut self, origin: impl Into<String>) -> Error {
        let origin = origin.into();
        self.origin = Some(match self.origin.take() {
            Some(inner) => format!("{origin}: {inner}"),
            None => origin,
        });
        self
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Where the error happened (file and line, or article id), when known.
    pub fn origin(&self) -> Option<&str> {
        self.origin.as_deref()
    }

    /// The id of the article the error is about, when it is known: an
    /// article that failed extraction, a JSON Lines record whose id could be
    /// read but whose other fields could not, a plain-text article whose
    /// bytes are not UTF-8.
    ///
    /// ```
    /// let line = r#"{"id": "a7", "text": 5}"#;
    /// let err = newsfacts::input::parse_json_article(line, "in.jsonl:3").unwrap_err();
    /// assert_eq!(err.article(), Some("a7"));
    /// assert!(err.to_string().starts_with("in.jsonl:3 (article a7): "));
    /// ```
    pub fn article(&self) -> Option<&str> {
        self.article.as_deref()
    }
}

/// Errors are equal when their kind, origin, article and message are; the
/// source is not compared.
impl PartialEq for Error {
    fn eq(&self, other: &Error) -> bool {
        (self.kind, &self.origin, &self.article, &self.message)
            == (other.kind, &other.origin, &other.article, &other.message)
    }
}

impl Eq for Error {}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.origin {
            Some(origin) => write!(f, "{origin}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Error {
        Error::new(ErrorKind::Io, err.to_string()).caused_by(err)
    }
}
