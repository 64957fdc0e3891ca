//! newsfacts turns news articles into structured records: the people,
//! organizations and places they name, the figures they claim (with
//! qualifier, unit, year, subject and source) and the quotes they carry.
//!
//! Every mention and claim carries its byte span in [`Article::text`] and the
//! rule or gazetteer entry that produced it.
//! What the records should hold is specified in `docs/ANNOTATION.md`, their
//! JSON shape in `docs/RECORDS.md`.
//!
//! # Example
//!
//! Build an [`Extractor`] once, then feed it articles:
//!
//! ```
//! use newsfacts::{Article, EntityType, Extractor};
//!
//! let extractor = Extractor::new();
//! let article = Article::from_plain_text(
//!     "example",
//!     "Talks in Kabul\n\nChina sent 20 officials to Afghanistan, Xinhua said.",
//! );
//! let record = extractor.extract(&article)?;
//!
//! let places: Vec<&str> = record
//!     .entities
//!     .iter()
//!     .filter(|e| e.kind == EntityType::Place)
//!     .map(|e| e.name.as_str())
//!     .collect();
//! assert!(places.contains(&"Afghanistan"));
//!
//! let figure = &record.claims[0];
//! assert_eq!(figure.text, "20");
//! assert_eq!(&article.text[figure.start..figure.end], "20");
//!
//! // Records serialize to the JSON shape of docs/RECORDS.md.
//! let json = serde_json::to_string(&record).unwrap();
//! assert!(json.contains("\"type\":\"place\""));
//! # Ok::<(), newsfacts::Error>(())
//! ```
//!
//! # Input
//!
//! [`Article::from_plain_text`], [`input::read_jsonl`] and [`Article::split_listing`]
//! read the three input shapes; [`read_file`] guesses which one a file holds.
//! [`Extractor::extract_iter`] (and [`Extractor::extract_results`], for a
//! reader's items) streams any number of articles through the extractor, in
//! parallel with the `rayon` feature, records in input order.
//! [`Extractor::extract_into`] refills one record per article, reusing its
//! strings and lists, for a loop that writes each record out before the next.
//!
//! # Gazetteers and word lists
//!
//! The default gazetteers (countries, regions, cities, organizations, people,
//! nationalities) are compiled into the crate. Add your own entries with
//! [`ExtractorBuilder::entry`] or TSV files with
//! [`ExtractorBuilder::gazetteer_file`] (the format is documented in
//! `gazetteers/FORMAT.md`); take embedded ones away with deny rows
//! ([`MatchPolicy::Deny`], [`ExtractorBuilder::deny_entry`],
//! [`ExtractorBuilder::deny_name`]). The name rules' word lists grow with
//! [`ExtractorBuilder::first_names`], [`ExtractorBuilder::person_titles`],
//! [`ExtractorBuilder::person_roles`] and
//! [`ExtractorBuilder::organization_heads`].
//!
//! # Record options
//!
//! By default records have exactly the shape of `docs/RECORDS.md`. On
//! request they also list the article's sentences, with claims pointing to
//! them instead of copying their text ([`SentenceOutput`]), and carry
//! character offsets beside byte offsets ([`ExtractorBuilder::char_offsets`]).
//! An article's `date` and `url` are carried over whenever the input gives
//! them.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod claims;
pub mod corpus;
mod entities;
mod error;
mod extractor;
mod figures;
pub mod gazetteer;
mod hash;
pub mod input;
mod lexicon;
mod names;
pub mod record;
mod sorted;
mod text;
mod tsv;

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub use corpus::Corpus;
pub use error::{Error, ErrorKind};
pub use extractor::{
    ExtractIter, Extractor, ExtractorBuilder, SentenceOutput, DEFAULT_MAX_ARTICLE_BYTES,
};
pub use gazetteer::{Entry, Gazetteer, MatchPolicy};
pub use input::{read_file, read_reader, Article, ArticleReader, InputFormat};
pub use record::{ArticleRecord, Claim, ClaimKind, Entity, EntityType};
