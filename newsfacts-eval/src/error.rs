//! The crate's error: reading a gold or records file failed.

use std::fmt;

/// An error from reading a gold or records file. Its `Display` names the
/// file (and line), as `newsfacts::Error` does for articles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    /// The file, or `file:line`.
    origin: String,
    message: String,
}

/// The kind of an [`Error`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The file could not be opened or read.
    Io,
    /// A line is not valid JSON or lacks a required field.
    Json,
}

impl Error {
    pub(crate) fn io(origin: impl Into<String>, err: &std::io::Error) -> Error {
        Error {
            kind: ErrorKind::Io,
            origin: origin.into(),
            message: err.to_string(),
        }
    }

    pub(crate) fn json(origin: impl Into<String>, err: &serde_json::Error) -> Error {
        Error {
            kind: ErrorKind::Json,
            origin: origin.into(),
            message: err.to_string(),
        }
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The file, or `file:line`, where it happened.
    pub fn origin(&self) -> &str {
        &self.origin
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

impl std::error::Error for Error {}
