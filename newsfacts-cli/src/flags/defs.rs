//! The flag table: every flag of every subcommand, defined once.

use std::ffi::OsString;
use std::path::PathBuf;

use newsfacts::InputFormat;

use super::{Args, Command};

/// One command-line flag: its names, its help and what it sets.
pub(crate) struct Flag {
    /// The long name, without `--`.
    pub(crate) long: &'static str,
    /// The one-letter name, without `-`.
    pub(crate) short: Option<char>,
    /// The placeholder of the value, for a flag that takes one.
    pub(crate) value: Option<&'static str>,
    /// The subcommands that take the flag.
    pub(crate) commands: &'static [Command],
    /// One line for `-h`.
    pub(crate) doc_short: &'static str,
    /// A paragraph for `--help`.
    pub(crate) doc_long: &'static str,
    /// Record the flag (and its value) in `args`; an error says why the
    /// value is not acceptable.
    pub(crate) set: fn(&mut Args, Option<OsString>) -> Result<(), String>,
}

impl Flag {
    /// Whether `command` takes this flag.
    pub(crate) fn applies_to(&self, command: Command) -> bool {
        self.commands.contains(&command)
    }
}

/// Subcommands that read articles.
const READERS: &[Command] = &[Command::Dump, Command::Highlight, Command::Corpus];

/// `evaluate` alone.
const EVALUATE: &[Command] = &[Command::Evaluate];

/// Every flag, in the order the help lists them. `--help` and `--version`
/// are handled by the parser itself and documented by the help writer.
pub(crate) const FLAGS: &[Flag] = &[
    Flag {
        long: "table",
        short: Some('t'),
        value: None,
        commands: &[Command::Dump, Command::Corpus],
        doc_short: "Print a readable table instead of JSON.",
        doc_long: "Print a readable table instead of JSON: for dump, entities then claims \
                   per article (failed articles are shown as a line starting with '!!'); \
                   for corpus, the entities named in several articles and the figure groups.",
        set: |a, _| {
            a.table = true;
            Ok(())
        },
    },
    Flag {
        long: "out",
        short: Some('o'),
        value: Some("FILE"),
        commands: &[Command::Highlight],
        doc_short: "Write the page to FILE instead of standard output.",
        doc_long: "Write the page to FILE instead of standard output, and say on standard \
                   error what was written. With --per-page, FILE is the index page and the \
                   pages are written beside it as FILE's stem followed by -0001, -0002, ….",
        set: |a, v| {
            a.out = Some(path(v)?);
            Ok(())
        },
    },
    Flag {
        long: "html",
        short: None,
        value: Some("FILE"),
        commands: &[Command::Corpus],
        doc_short: "Also write the corpus view as an HTML page to FILE.",
        doc_long: "Also write the corpus view as a self-contained HTML page to FILE, each \
                   entity and figure linking to its articles in the highlight page (see \
                   --highlight-page).",
        set: |a, v| {
            a.html = Some(path(v)?);
            Ok(())
        },
    },
    Flag {
        long: "highlight-page",
        short: None,
        value: Some("URL"),
        commands: &[Command::Corpus],
        doc_short: "The highlight page the HTML links to (default highlight.html).",
        doc_long: "The page 'newsfacts highlight' writes for the same inputs, \
                   which the HTML view's article links point into (URL#article-id). \
                   Default: highlight.html, beside the HTML page.",
        set: |a, v| {
            a.highlight_page = value(v)?;
            Ok(())
        },
    },
    Flag {
        long: "per-page",
        short: Some('n'),
        value: Some("N"),
        commands: &[Command::Highlight],
        doc_short: "Split the output into pages of N articles plus an index (needs --out).",
        doc_long: "Split the output into pages of N articles each, plus an index page that \
                   links them, so that large inputs give pages a browser can open. Needs --out.",
        set: |a, v| {
            let n = number(v)?;
            if n == 0 {
                return Err("must be at least 1".to_string());
            }
            a.per_page = Some(n);
            Ok(())
        },
    },
    Flag {
        long: "jsonl",
        short: None,
        value: None,
        commands: READERS,
        doc_short: "Read every input as JSON Lines.",
        doc_long: "Read every input as JSON Lines: one JSON object per line with \"id\", \
                   \"text\" (or \"body\") and optional \"title\", \"byline\", \"agency\", \
                   \"date\" and \"url\". Without a format flag, files named *.jsonl or \
                   *.ndjson and inputs starting with '{' are read as JSON Lines.",
        set: |a, _| {
            a.format = InputFormat::Jsonl;
            Ok(())
        },
    },
    Flag {
        long: "listing",
        short: None,
        value: None,
        commands: READERS,
        doc_short: "Read every input as a news listing page.",
        doc_long: "Read every input as a news listing page holding several articles, split \
                   into articles with ids STEM-01, STEM-02, …. Without a format flag, inputs \
                   that look like listing pages are split.",
        set: |a, _| {
            a.format = InputFormat::Listing;
            Ok(())
        },
    },
    Flag {
        long: "plain",
        short: None,
        value: None,
        commands: READERS,
        doc_short: "Read every input as one plain-text article.",
        doc_long: "Read every input as one plain-text article whose id is the file's stem; \
                   its first line is the title when a blank line follows it.",
        set: |a, _| {
            a.format = InputFormat::Plain;
            Ok(())
        },
    },
    Flag {
        long: "gazetteer",
        short: Some('g'),
        value: Some("FILE"),
        commands: READERS,
        doc_short: "Add the entries of a gazetteer TSV file (repeatable).",
        doc_long: "Add the entries of a gazetteer TSV file to the embedded ones; the format \
                   is documented in gazetteers/FORMAT.md. May be given several times.",
        set: |a, v| {
            a.gazetteers.push(path(v)?);
            Ok(())
        },
    },
    Flag {
        long: "threads",
        short: Some('j'),
        value: Some("N"),
        commands: READERS,
        doc_short: "Extract on N threads, output in input order (0: one per core; default 1).",
        doc_long: "Extract on N worker threads; records are still written in input order and \
                   memory stays bounded. 0 means one thread per core. The default is 1, since \
                   the usual way to scale out is one process per core (GNU parallel, Spark).",
        set: |a, v| {
            let n = number(v)?;
            a.threads = if n == 0 {
                std::thread::available_parallelism().map_or(1, |n| n.get())
            } else {
                n
            };
            Ok(())
        },
    },
    Flag {
        long: "quiet",
        short: Some('q'),
        value: None,
        commands: READERS,
        doc_short: "No progress bar and no closing summary on standard error.",
        doc_long: "Show no progress bar and no closing summary on standard error. Errors are \
                   still reported there. The progress bar is only ever shown when standard \
                   error is a terminal and the output is not.",
        set: |a, _| {
            a.quiet = true;
            Ok(())
        },
    },
    Flag {
        long: "gold",
        short: None,
        value: Some("FILE"),
        commands: EVALUATE,
        doc_short: "The gold file to score against (required).",
        doc_long: "The gold file to score against: JSON Lines of annotated articles \
                   (ANNOTATION.md). Required.",
        set: |a, v| {
            a.evaluate.gold = Some(path(v)?);
            Ok(())
        },
    },
    Flag {
        long: "corpus",
        short: None,
        value: Some("PATH"),
        commands: EVALUATE,
        doc_short: "Article file or directory the gold annotates (repeatable).",
        doc_long: "An article file, or a directory whose files are all read (sorted), each \
                   read with the automatic format. May be given several times. Without it \
                   the corpus is found beside the gold file: seed.jsonl reads \
                   tag-uyghur.txt next to it or in ../corpus/; NAME.jsonl reads \
                   ../corpus/NAME/ or ../corpus/NAME.txt.",
        set: |a, v| {
            a.evaluate.corpus.push(path(v)?);
            Ok(())
        },
    },
    Flag {
        long: "pred",
        short: None,
        value: Some("FILE"),
        commands: EVALUATE,
        doc_short: "Score these records (JSON Lines) instead of running the extractor.",
        doc_long: "Score this JSON Lines file of records (RECORDS.md shape, read \
                   leniently) instead of running the extractor, so that other systems are \
                   scored by the same code. The corpus, if found, only gives context.",
        set: |a, v| {
            a.evaluate.pred = Some(path(v)?);
            Ok(())
        },
    },
    Flag {
        long: "json",
        short: None,
        value: None,
        commands: EVALUATE,
        doc_short: "Print the report as JSON instead of tables.",
        doc_long: "Print the report as JSON instead of tables; with --keys, as \
                   {\"report\": …, \"keys\": …}.",
        set: |a, _| {
            a.evaluate.json = true;
            Ok(())
        },
    },
    Flag {
        long: "misses",
        short: None,
        value: Some("N"),
        commands: EVALUATE,
        doc_short: "How many of each kind of miss to list (default 15).",
        doc_long: "How many of each kind of miss (and of wrong keys) to list after the \
                   report tables; 0 lists none. Default: 15.",
        set: |a, v| {
            a.evaluate.misses = number(v)?;
            Ok(())
        },
    },
    Flag {
        long: "export-articles",
        short: None,
        value: Some("FILE"),
        commands: EVALUATE,
        doc_short: "Write the corpus's articles as JSON Lines to FILE.",
        doc_long: "Write the corpus's articles as JSON Lines (id, title, text) to FILE, \
                   for external systems, so that they read exactly the text and ids that \
                   newsfacts reads.",
        set: |a, v| {
            a.evaluate.export_articles = Some(path(v)?);
            Ok(())
        },
    },
    Flag {
        long: "keys",
        short: None,
        value: Some("FILE"),
        commands: EVALUATE,
        doc_short: "Also score entity keys against a key gold file.",
        doc_long: "Also score entity keys against a key gold (testdata/keys.jsonl: its \
                   rows of the gold file's set, by the file stem, else all) and print key \
                   accuracy per type after the report. For the development sets the \
                   repository's key gold covers (bbc-dev, bbc-genres-dev, reuters-dev) \
                   this happens without the flag in the tables output; with --json only \
                   when asked.",
        set: |a, v| {
            a.evaluate.keys = Some(path(v)?);
            Ok(())
        },
    },
];

/// The flag with long name `name`.
pub(crate) fn by_long(name: &str) -> Option<&'static Flag> {
    FLAGS.iter().find(|f| f.long == name)
}

/// The flag with short name `c`.
pub(crate) fn by_short(c: char) -> Option<&'static Flag> {
    FLAGS.iter().find(|f| f.short == Some(c))
}

/// A flag's value as a path (any bytes the system allows).
fn path(v: Option<OsString>) -> Result<PathBuf, String> {
    v.map(PathBuf::from)
        .ok_or_else(|| "needs a value".to_string())
}

/// A flag's value as a string.
fn value(v: Option<OsString>) -> Result<String, String> {
    v.ok_or_else(|| "needs a value".to_string())?
        .into_string()
        .map_err(|v| format!("{v:?} is not valid UTF-8"))
}

/// A flag's value as a count.
fn number(v: Option<OsString>) -> Result<usize, String> {
    let s = value(v)?;
    s.parse()
        .map_err(|_| format!("'{s}' is not a whole number"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flags::command_help;

    #[test]
    fn names_are_unique_and_not_taken_by_help_or_version() {
        for (i, a) in FLAGS.iter().enumerate() {
            assert!(!["help", "version"].contains(&a.long), "--{}", a.long);
            assert!(!matches!(a.short, Some('h' | 'V')), "--{}", a.long);
            for b in &FLAGS[i + 1..] {
                assert_ne!(a.long, b.long);
                assert!(a.short.is_none() || a.short != b.short, "-{:?}", a.short);
            }
        }
    }

    #[test]
    fn every_flag_is_in_the_help_of_every_command_that_takes_it() {
        for &command in Command::ALL {
            for long in [false, true] {
                let help = command_help("newsfacts", command, long);
                for flag in FLAGS {
                    // As a whole name: `--json` is not named by `--jsonl`.
                    let name = format!("--{}", flag.long);
                    let named = help.match_indices(&name).any(|(i, _)| {
                        help[i + name.len()..]
                            .chars()
                            .next()
                            .map_or(true, |c| !c.is_alphanumeric() && c != '-')
                    });
                    assert_eq!(named, flag.applies_to(command), "--{}", flag.long);
                }
            }
        }
    }
}
