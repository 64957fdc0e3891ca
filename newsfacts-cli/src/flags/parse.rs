//! Reading the command line against the flag table, with `lexopt`.

use std::ffi::OsString;
use std::fmt;
use std::path::PathBuf;

use super::defs::{self, Flag};
use super::{Args, Command, Input};

/// What the command line asks for.
#[derive(Debug)]
pub(crate) enum Parsed {
    /// Print help: for one subcommand or (`None`) for `newsfacts` itself;
    /// `long` for `--help`, short for `-h`.
    Help {
        command: Option<Command>,
        long: bool,
    },
    /// Print the version.
    Version,
    /// Run a subcommand.
    Run(Box<Args>),
}

/// A command line that cannot be run: what is wrong, and for which
/// subcommand (so the hint names its help).
#[derive(Debug)]
pub(crate) struct UsageError {
    pub(crate) command: Option<Command>,
    pub(crate) message: String,
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Parse `args` (without the program name). `fixed` is the subcommand when
/// the program is one subcommand (the examples); otherwise the first
/// argument that is not a flag names it.
pub(crate) fn parse(
    fixed: Option<Command>,
    args: impl IntoIterator<Item = OsString>,
) -> Result<Parsed, UsageError> {
    let mut parser = lexopt::Parser::from_args(args);
    let mut args = fixed.map(Args::new);
    let fail = |args: &Option<Args>, message: String| UsageError {
        command: args.as_ref().map(|a| a.command),
        message,
    };
    while let Some(arg) = parser.next().map_err(|e| fail(&args, e.to_string()))? {
        let command = args.as_ref().map(|a| a.command);
        let flag = match arg {
            lexopt::Arg::Short('h') => {
                return Ok(Parsed::Help {
                    command,
                    long: false,
                })
            }
            lexopt::Arg::Long("help") => {
                return Ok(Parsed::Help {
                    command,
                    long: true,
                })
            }
            lexopt::Arg::Short('V') | lexopt::Arg::Long("version") => return Ok(Parsed::Version),
            lexopt::Arg::Short(c) => defs::by_short(c).ok_or(format!("unknown option '-{c}'")),
            lexopt::Arg::Long(name) => {
                defs::by_long(name).ok_or(format!("unknown option '--{name}'"))
            }
            lexopt::Arg::Value(value) => {
                match &mut args {
                    Some(a) => a.inputs.push(input(value)),
                    None => args = Some(Args::new(subcommand(value)?)),
                }
                continue;
            }
        };
        let flag = flag.map_err(|m| fail(&args, m))?;
        let Some(a) = &mut args else {
            return Err(fail(
                &args,
                format!("--{} comes before the subcommand", flag.long),
            ));
        };
        apply(flag, a, &mut parser).map_err(|m| fail(&args, m))?;
    }
    let Some(args) = args else {
        return Err(fail(&args, "no subcommand given".to_string()));
    };
    check(&args).map_err(|m| fail(&Some(args.clone()), m))?;
    Ok(Parsed::Run(Box::new(args)))
}

/// The subcommand a positional argument names.
fn subcommand(value: OsString) -> Result<Command, UsageError> {
    let name = value.to_string_lossy();
    Command::from_name(&name).ok_or_else(|| UsageError {
        command: None,
        message: format!("unknown subcommand '{name}'"),
    })
}

/// A positional argument: a file, or `-` for standard input.
fn input(value: OsString) -> Input {
    if value == "-" {
        Input::Stdin
    } else {
        Input::Path(PathBuf::from(value))
    }
}

/// Record one flag, reading its value when it takes one.
fn apply(flag: &Flag, args: &mut Args, parser: &mut lexopt::Parser) -> Result<(), String> {
    if !flag.applies_to(args.command) {
        return Err(format!(
            "--{} is not an option of {}",
            flag.long,
            args.command.name()
        ));
    }
    let value = match flag.value {
        Some(name) => Some(
            parser
                .value()
                .map_err(|_| format!("--{} needs a value ({name})", flag.long))?,
        ),
        None => None,
    };
    (flag.set)(args, value).map_err(|m| format!("--{}: {m}", flag.long))
}

/// Rules that span several flags.
fn check(args: &Args) -> Result<(), String> {
    let reads_articles = matches!(
        args.command,
        Command::Dump | Command::Highlight | Command::Corpus
    );
    if reads_articles && args.inputs.is_empty() {
        return Err("no input given: name one or more FILEs ('-' reads standard input)".into());
    }
    if args.command == Command::Evaluate {
        if args.evaluate.gold.is_none() {
            return Err("--gold FILE is required: the gold file to score against".into());
        }
        if !args.inputs.is_empty() {
            return Err(
                "evaluate takes no FILE arguments; name the articles with --corpus PATH".into(),
            );
        }
    }
    if args.per_page.is_some() && args.out.is_none() {
        return Err("--per-page needs --out (the index page)".into());
    }
    Ok(())
}
