//! Gazetteers: named people, organizations, places and nationalities from
//! TSV files, and the index that finds them in text.
//!
//! The file format is documented in `gazetteers/FORMAT.md`: a header row
//! `key, type, name, aliases, match` (tab separated), one entry per row.
//!
//! - `entry`: [`Entry`], its [`MatchPolicy`], and the [`Gazetteer`] that
//!   holds entries.
//! - `load`: the files compiled into the crate and user TSV files.
//! - `matcher`: the index over every surface form, and which matches an
//!   entry's policy accepts (`Matcher`).
//! - `compile`: the matcher's index of every form by folded pattern.
//! - `forms`: the forms of each pattern, built or read in place.
//! - `embedded`: the embedded gazetteer's entries and index as `build.rs`
//!   precompiled them, read from their packed form (`packed`).
//! - `parallel`: the parts of a large build that run on several threads.
//! - `starts`: where in a text a match may start, so that most word starts
//!   never enter the trie.
//! - `token_starts`: the same positions, read from the text's base tokens.
//! - `trie`: the byte trie that finds the longest form at a position.
//! - `first_words`: the trie node of each form's first word, by hash.
//! - `layers`: the embedded gazetteer's matcher and one over a user's
//!   entries, searched as one.
//! - `context`: the cues that license a name that is also a common word.
//! - `homonyms`: the key resolver's tables of rows that share forms.
//! - `resolve`: which of the rows sharing a place name the article means
//!   (the entity's key).

mod columns;
mod compile;
mod context;
mod embedded;
mod entry;
mod first_words;
mod forms;
mod homonyms;
mod layers;
mod load;
mod matcher;
mod packed;
mod parallel;
mod resolve;
mod starts;
mod token_starts;
mod trie;

pub use entry::{Entry, Gazetteer, MatchPolicy, PlaceFacts};
pub(crate) use matcher::{GazMatch, Matcher};
pub(crate) use resolve::{resolve_keys, KeyGroup};
