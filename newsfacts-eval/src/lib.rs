//! Evaluation against gold annotations: how close extracted records come to
//! what `ANNOTATION.md` says an article holds.
//!
//! Gold files are JSON Lines, one article a line (the format at the end of
//! `ANNOTATION.md`): `id`, `title`, `byline`, `agency`, `mentions`,
//! `figures` and `quotes`. [`score`] pairs each gold article with a record
//! (by id, else by normalised title, else by an id that the gold id ends
//! with) and counts:
//!
//! - **Mentions** of persons, organizations and places: per article and
//!   type, the multiset of mention texts (apostrophes and whitespace
//!   normalised, otherwise exact). Other entity types (`nationality`…) are
//!   ignored, never counted as false positives. **Entity-level** scores
//!   compare per article the set of (type, canonical name).
//! - **Figures** (claims of kind count, money, percent, measure): each gold
//!   figure, in reading order, takes the first unpaired predicted figure
//!   with an equal value (relative tolerance 1e-6; `upper` ignored),
//!   preferring one whose text matches. *Value* scores count those pairs;
//!   *full-match* scores count pairs whose kind, unit (see
//!   [`normalize_unit`]) and upper bound agree too. Among pairs, the
//!   qualifier, year and source are scored as accuracies; so is the
//!   subject (the record's subject entity's name against the gold
//!   canonical name), overall and where the gold subject is not null, when
//!   the gold annotates subjects. `hedged` is scored as precision and
//!   recall of `true` among pairs whose gold annotates it.
//! - **Quotes** (claims of kind quote): a prediction matches a gold quote
//!   when their first five words agree ignoring case and punctuation (see
//!   [`quote_key`]); one-to-one, greedy, in order. Speakers are scored among
//!   matched quotes, and `hedged` like a figure's.
//!
//! Gold articles without a record count all their items as misses; records
//! without a gold article are left out and listed in the [`Report`].
//!
//! The crate is the workspace's evaluation and test support, not part of
//! the `newsfacts` library: the `evaluate` example and the accuracy tests
//! score with it, and [`invariants`] and [`table`] hold the checks that the
//! tests and the fuzz targets share.
//!
//! # Modules
//!
//! - `gold` reads gold files; `records` reads other systems' records leniently.
//! - `normalize` says when two mentions, names, units or quotes are the same.
//! - `score` pairs articles and scores mentions and entities; `figures` and
//!   `quotes` pair and score those; `scores` holds the [`Report`] types.
//! - `report` prints a [`Report`] as tables.
//! - [`keys`] scores entity keys against a key gold (`testdata/keys.jsonl`).
//!
//! # Example
//!
//! ```
//! use newsfacts::{Article, Extractor};
//!
//! let gold = newsfacts_eval::read_gold(
//!     r#"{"id": "g1", "title": "Talks", "byline": null, "agency": null,
//!         "mentions": [{"type": "place", "text": "Kabul", "canonical": "Kabul"}],
//!         "figures": [], "quotes": []}"#
//!         .replace('\n', " ")
//!         .as_bytes(),
//!     "gold",
//! )?;
//! let record = Extractor::new().extract(&Article::from_plain_text("a1", "Talks\n\nThey met in Kabul."))?;
//! let report = newsfacts_eval::score(&gold, &[record]);
//! assert_eq!(report.articles.paired, 1);
//! assert_eq!(report.mentions.overall.true_positives + report.mentions.overall.false_negatives, 1);
//! println!("{report}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod error;
mod figures;
mod gold;
pub mod invariants;
pub mod keys;
mod normalize;
mod quotes;
mod records;
mod report;
mod score;
mod scores;
pub mod table;

#[cfg(test)]
mod tests;

pub use error::{Error, ErrorKind};
pub use gold::{read_gold, read_gold_file, GoldArticle, GoldFigure, GoldMention, GoldQuote};
pub use normalize::{normalize_mention, normalize_name, normalize_unit, quote_key};
pub use records::{read_records, read_records_file};
pub use score::{score, score_with_articles};
pub use scores::{
    Accuracy, ArticleScores, FigureMiss, FigureScores, MentionMiss, Pairing, PrecisionRecall,
    QuoteMiss, QuoteScores, Report, TypedScores,
};
