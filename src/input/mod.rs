//! Input: the articles the extractor reads, and the three shapes they come in.
//!
//! An [`Article`] is the text to extract from (title, standfirst and body,
//! separated by blank lines) plus the metadata the input gives. Inputs come
//! as one plain-text article, a news listing page holding several, or JSON
//! Lines; [`InputFormat`] says which, or asks for a guess.
//!
//! - `article`: [`Article`] and [`InputFormat`].
//! - `plain`: one plain-text article ([`Article::from_plain_text`],
//!   [`Article::from_bytes`]) and the paragraph normalization every shape uses.
//! - `listing`: listing pages split into articles ([`Article::split_listing`]).
//! - `jsonl`: JSON Lines records ([`parse_json_article`], [`read_jsonl`]).
//! - `stream`: the streaming reader of a file or any reader, whatever its
//!   shape ([`ArticleReader`]).
//! - `read`: whole files and byte buffers of any shape ([`read_file`],
//!   [`read_bytes`]), and [`read_reader`].

mod article;
mod jsonl;
mod listing;
mod plain;
mod read;
mod stream;

pub use article::{Article, InputFormat};
pub use jsonl::{parse_json_article, read_jsonl, JsonlReader};
pub use read::{read_bytes, read_file, read_reader};
pub use stream::ArticleReader;
