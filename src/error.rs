//! The crate's one error type.

use std::fmt;

/// An error from reading articles or gazetteers, or from extraction.
///
/// The type is opaque: ask [`Error::kind`] what went wrong and use its
/// `Display` for a message that names the file, line or article involved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    /// Where the error happened: a file name, `line N`, an article id…
    origin: Option<String>,
    /// The id of the article the error is about, when it is known.
    article: Option<String>,
    message: String,
}

/// The kind of an [`Error`].
///
/// New kinds may be added in minor releases, so match with a wildcard arm.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// An I/O failure while reading input.
    Io,
    /// Bytes that are not valid UTF-8.
    Utf8,
    /// A JSON Lines record that is not valid JSON or lacks a required field.
    Json,
    /// A gazetteer file that does not follow the TSV format.
    Gazetteer,
    /// An article with no text to extract from.
    EmptyArticle,
    /// An article larger than the configured maximum.
    TooLarge,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            origin: None,
            article: None,
            message: message.into(),
        }
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

    /// The id of the article the error is about, when it is known (an
    /// article that failed extraction, a JSON Lines record whose id could be
    /// read but whose text could not).
    pub fn article(&self) -> Option<&str> {
        self.article.as_deref()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.origin {
            Some(origin) => write!(f, "{origin}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Error {
        Error::new(ErrorKind::Io, err.to_string())
    }
}
