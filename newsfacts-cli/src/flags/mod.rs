//! The command line: subcommands, flags and what they parse into.
//!
//! Every flag is defined once, in [`defs`], with its short and long help and
//! the subcommands that take it; [`parse`] reads the arguments with `lexopt`
//! against that table and [`help`] writes `-h` and `--help` from it, so the
//! help cannot drift from what is accepted.

mod defs;
mod help;
mod parse;

use std::path::PathBuf;

use newsfacts::InputFormat;

pub(crate) use help::{command_help, top_help, usage_hint};
pub(crate) use parse::{parse, Parsed};

/// A subcommand of `newsfacts`.
///
/// A new subcommand becomes a variant here, its flags rows in the flag
/// table naming it, and a module under `commands/`.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Write each article's record as JSON Lines, or a readable table.
    Dump,
    /// Render the records as self-contained HTML pages.
    Highlight,
    /// Fold the records into one corpus view: entities across articles,
    /// figure groups.
    Corpus,
    /// Score the records (newsfacts' own, or another system's) against a
    /// gold file.
    Evaluate,
}

impl Command {
    /// Every subcommand, in the order the help lists them.
    pub const ALL: &'static [Command] = &[
        Command::Dump,
        Command::Highlight,
        Command::Corpus,
        Command::Evaluate,
    ];

    /// The name typed on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Command::Dump => "dump",
            Command::Highlight => "highlight",
            Command::Corpus => "corpus",
            Command::Evaluate => "evaluate",
        }
    }

    /// The subcommand called `name`, if there is one.
    pub fn from_name(name: &str) -> Option<Command> {
        Command::ALL.iter().copied().find(|c| c.name() == name)
    }
}

/// Where articles come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Input {
    /// Standard input (`-` on the command line).
    Stdin,
    /// A file.
    Path(PathBuf),
}

/// Everything a run needs to know, as parsed from the command line.
#[derive(Clone, Debug)]
pub(crate) struct Args {
    pub(crate) command: Command,
    pub(crate) format: InputFormat,
    pub(crate) gazetteers: Vec<PathBuf>,
    pub(crate) inputs: Vec<Input>,
    /// `dump`: a readable table instead of JSON Lines.
    pub(crate) table: bool,
    /// `highlight`: the page (or index) file instead of standard output.
    pub(crate) out: Option<PathBuf>,
    /// `highlight`: articles per page; `None` writes a single page.
    pub(crate) per_page: Option<usize>,
    /// `corpus`: also write the view as an HTML page to this file.
    pub(crate) html: Option<PathBuf>,
    /// `corpus`: the highlight page the HTML view links articles to.
    pub(crate) highlight_page: String,
    /// `evaluate`: what to score and how to report it.
    pub(crate) evaluate: EvaluateArgs,
    /// Worker threads; 1 extracts on the reading thread.
    pub(crate) threads: usize,
    /// No progress bar and no closing summary.
    pub(crate) quiet: bool,
}

impl Args {
    fn new(command: Command) -> Args {
        Args {
            command,
            format: InputFormat::Auto,
            gazetteers: Vec::new(),
            inputs: Vec::new(),
            table: false,
            out: None,
            per_page: None,
            html: None,
            highlight_page: "highlight.html".to_string(),
            evaluate: EvaluateArgs::default(),
            threads: 1,
            quiet: false,
        }
    }
}

/// The flags of `evaluate`.
#[derive(Clone, Debug)]
pub(crate) struct EvaluateArgs {
    /// The gold file (required).
    pub(crate) gold: Option<PathBuf>,
    /// Article files or directories; empty: found beside the gold file.
    pub(crate) corpus: Vec<PathBuf>,
    /// Score these records instead of running the extractor.
    pub(crate) pred: Option<PathBuf>,
    /// The report as JSON instead of tables.
    pub(crate) json: bool,
    /// How many of each kind of miss to list.
    pub(crate) misses: usize,
    /// Write the corpus's articles as JSON Lines to this file.
    pub(crate) export_articles: Option<PathBuf>,
    /// A key gold to score entity keys against.
    pub(crate) keys: Option<PathBuf>,
}

impl Default for EvaluateArgs {
    fn default() -> EvaluateArgs {
        EvaluateArgs {
            gold: None,
            corpus: Vec::new(),
            pred: None,
            json: false,
            misses: 15,
            export_articles: None,
            keys: None,
        }
    }
}
