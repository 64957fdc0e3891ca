//! `-h`, `--help` and the usage hints of errors, written from the flag table.

use std::fmt::Write as _;

use super::defs::{Flag, FLAGS};
use super::Command;

/// Lines are wrapped to this width.
const WIDTH: usize = 79;
/// Where option descriptions start in `-h` output.
const SHORT_COLUMN: usize = 26;

/// How a subcommand is described: its usage, one line, a paragraph.
struct About {
    /// What follows the program name on the usage line.
    usage: &'static str,
    /// One line for the command list and the top of its help.
    summary: &'static str,
    /// A paragraph for `--help`.
    paragraph: &'static str,
}

/// What each subcommand does.
fn about(command: Command) -> About {
    match command {
        Command::Dump => About {
            usage: "[OPTIONS] FILE...",
            summary: "Write the facts of each article as JSON Lines, or as a table.",
            paragraph: "Extract the people, organizations, places, figures and quotes of \
                        every article in the inputs and write one JSON record per article, \
                        in input order. An article that fails is written as {\"id\", \
                        \"error\", \"origin\"} in its place, so every input article gives \
                        exactly one line. Every input is streamed: a JSON Lines record is \
                        written as soon as it is ready, and from standard input it is \
                        flushed at once, so dump can serve as a streaming worker.",
        },
        Command::Highlight => About {
            usage: "[OPTIONS] [--out FILE [--per-page N]] FILE...",
            summary: "Render the facts of the articles as a self-contained HTML page.",
            paragraph: "Render every article with its mentions coloured by entity type and \
                        its claims underlined by kind (hover for details), beside tables of \
                        its entities and claims. The page has inline CSS and no external \
                        assets. Articles that fail show an error box in their place.",
        },
        Command::Corpus => About {
            usage: "[OPTIONS] [--table] [--html FILE] FILE...",
            summary: "Fold the facts of all articles into one corpus view.",
            paragraph: "Read every article once and fold its record into a corpus view \
                        held in bounded memory: the entities by key, with the articles \
                        naming them and their mention counts, and the figures grouped by \
                        subject, unit and year, with the groups whose sources give values \
                        more than 5% apart marked disagree. Printed as one JSON document, \
                        or a table with --table; --html also writes it as a page linking to \
                        the articles' highlight views.",
        },
        Command::Evaluate => About {
            usage: "--gold FILE [--corpus PATH]... [--pred FILE] [--json] [--misses N] \
                    [--export-articles FILE] [--keys FILE]",
            summary: "Score the facts (or another system's records) against a gold file.",
            paragraph: "Extract the records of the corpus the gold file annotates (or read \
                        them with --pred) and score them against the gold: precision, \
                        recall and F1 of the mentions by type, of the figures and of the \
                        quotes, then the misses of each kind. Articles are read as by dump; \
                        one that cannot be read is skipped with a message on standard \
                        error. A gold, corpus, records or key file that cannot be read \
                        exits with 2, an --export-articles file that cannot be written \
                        with 1.",
        },
    }
}

/// The usage line of `command` run as `program`.
fn usage_line(program: &str, command: Command) -> String {
    format!("Usage: {program} {}", about(command).usage)
}

/// The exit codes, the same for every subcommand.
const EXIT_STATUS: &str = "Exit status:\n  \
    0  every article was read and extracted\n  \
    1  some input or article failed (its error is in the output and on standard\n     \
    error; every other article was still written), or the output failed\n  \
    2  the command line is wrong, a gazetteer cannot be read or the output cannot\n     \
    be created (nothing was run)\n";

/// Help for `newsfacts` itself.
pub(crate) fn top_help() -> String {
    let mut s = format!(
        "newsfacts {}\nThe people, organizations, places, figures and quotes of news articles.\n\n\
         Usage: newsfacts COMMAND [OPTIONS] FILE...\n\nCommands:\n",
        env!("CARGO_PKG_VERSION")
    );
    for &c in Command::ALL {
        let _ = writeln!(s, "  {:<12}{}", c.name(), about(c).summary);
    }
    s.push_str(
        "\nOptions:\n  -h, --help     Print help (--help gives more than -h)\n  \
         -V, --version  Print the version\n\n\
         Run 'newsfacts COMMAND --help' for the options of a command.\n\n",
    );
    s.push_str(EXIT_STATUS);
    s
}

/// Help for one subcommand run as `program` (`newsfacts dump`, or `dump`
/// for the example); `long` for `--help`.
pub(crate) fn command_help(program: &str, command: Command, long: bool) -> String {
    let about = about(command);
    let mut s = format!(
        "{program}: {}\n\n{}\n\n",
        about.summary,
        usage_line(program, command)
    );
    if long {
        wrap_into(&mut s, about.paragraph, 0);
        s.push('\n');
    }
    // `evaluate` names its inputs with flags.
    if command != Command::Evaluate {
        s.push_str("Arguments:\n");
        let files = if long {
            "Input files; '-' reads standard input. Each file is read as JSON Lines, a \
             listing page or one plain-text article (see the format options)."
        } else {
            "Input files; '-' reads standard input."
        };
        describe(&mut s, "FILE...", files, long);
        // A long description ends with a blank line already.
        s.push_str(if long { "" } else { "\n" });
    }
    s.push_str("Options:\n");
    for flag in FLAGS.iter().filter(|f| f.applies_to(command)) {
        let doc = if long { flag.doc_long } else { flag.doc_short };
        describe(&mut s, &names(flag), doc, long);
    }
    describe(
        &mut s,
        "-h, --help",
        "Print help (--help gives more than -h).",
        long,
    );
    describe(&mut s, "-V, --version", "Print the version.", long);
    if long {
        s.push_str(EXIT_STATUS);
    }
    s
}

/// The hint printed under a usage error.
pub(crate) fn usage_hint(program: &str, command: Option<Command>) -> String {
    match command {
        Some(c) => format!(
            "{}\nRun '{program} --help' for the options.",
            usage_line(program, c)
        ),
        None => "Usage: newsfacts COMMAND [OPTIONS] FILE...\n\
                 Run 'newsfacts --help' for the commands."
            .to_string(),
    }
}

/// `-t, --table` or `    --gazetteer FILE`.
fn names(flag: &Flag) -> String {
    let mut s = match flag.short {
        Some(c) => format!("-{c}, --{}", flag.long),
        None => format!("    --{}", flag.long),
    };
    if let Some(v) = flag.value {
        s.push(' ');
        s.push_str(v);
    }
    s
}

/// One option or argument: beside its names for `-h`, below them for
/// `--help`.
fn describe(s: &mut String, names: &str, doc: &str, long: bool) {
    if long {
        let _ = writeln!(s, "  {names}");
        wrap_into(s, doc, 10);
        s.push('\n');
    } else if names.len() + 2 < SHORT_COLUMN {
        let _ = write!(s, "  {names:<width$}", width = SHORT_COLUMN - 2);
        wrap_rest(s, doc, SHORT_COLUMN);
    } else {
        let _ = writeln!(s, "  {names}");
        s.push_str(&" ".repeat(SHORT_COLUMN));
        wrap_rest(s, doc, SHORT_COLUMN);
    }
}

/// Append `text` wrapped to [`WIDTH`], every line indented by `indent`.
fn wrap_into(s: &mut String, text: &str, indent: usize) {
    s.push_str(&" ".repeat(indent));
    wrap_rest(s, text, indent);
}

/// Append `text` wrapped to [`WIDTH`], the current line already at column
/// `indent` and the following ones indented to it.
fn wrap_rest(s: &mut String, text: &str, indent: usize) {
    let mut column = indent;
    for (i, word) in text.split_whitespace().enumerate() {
        let len = word.chars().count();
        if i > 0 && column + 1 + len > WIDTH {
            s.push('\n');
            s.push_str(&" ".repeat(indent));
            column = indent;
        } else if i > 0 {
            s.push(' ');
            column += 1;
        }
        s.push_str(word);
        column += len;
    }
    s.push('\n');
}
