//! The article: what the extractor reads, and how an input file says
//! which shape it holds.

use serde::{Deserialize, Serialize};

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
}
