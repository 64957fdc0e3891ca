//! The one input/emit loop every subcommand runs: read the inputs' articles
//! in order, render each (on worker threads with `--threads`), and hand the
//! rendered pieces to the output strictly in input order.
//!
//! Memory stays bounded: at most a few articles per thread are between
//! reading and writing at any time, and each is written as soon as it and
//! every article before it are ready (no batches, so a streaming caller
//! gets each record without waiting for the next input).

use std::collections::BTreeMap;
use std::io;
use std::sync::mpsc;

use newsfacts::{Article, Error, InputFormat};

use crate::flags::Input;
use crate::progress::Progress;

/// Articles in flight per worker thread.
const IN_FLIGHT_PER_THREAD: usize = 4;

/// One article rendered for the output.
pub(crate) struct Rendered {
    /// What to write.
    pub(crate) bytes: Vec<u8>,
    /// The error, when the article could not be read or extracted (its
    /// stand-in is still in `bytes`).
    pub(crate) error: Option<Error>,
    /// The article id, when known.
    pub(crate) id: Option<String>,
}

/// How a subcommand turns one article into output; runs on any thread.
pub(crate) trait Render: Sync {
    fn render(&self, item: Result<Article, Error>) -> Rendered;
}

/// Where a subcommand's rendered articles go, in input order.
pub(crate) trait Emit: Send {
    fn emit(&mut self, input: &Input, piece: Rendered) -> io::Result<()>;
}

/// How a run went.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Summary {
    /// Articles written (failed ones included).
    pub(crate) articles: usize,
    /// Articles (or whole inputs) that failed.
    pub(crate) failed: usize,
}

/// The settings of one run.
pub(crate) struct Run<'a> {
    pub(crate) inputs: &'a [Input],
    pub(crate) format: InputFormat,
    pub(crate) threads: usize,
    pub(crate) progress: &'a Progress,
    /// Prefix of messages on standard error (`newsfacts dump`).
    pub(crate) program: &'a str,
}

impl Run<'_> {
    /// Read, render and emit every article of every input. An error is an
    /// output failure, which stops the run.
    pub(crate) fn go<R: Render, E: Emit>(&self, render: &R, emit: &mut E) -> io::Result<Summary> {
        let mut writer = Writer {
            emit,
            run: self,
            summary: Summary::default(),
        };
        if self.threads <= 1 {
            for (i, input) in self.inputs.iter().enumerate() {
                for item in input.articles(self.format, self.progress) {
                    writer.write(i, render.render(item))?;
                }
            }
            Ok(writer.summary)
        } else {
            self.parallel(render, writer)
        }
    }

    /// `go` on worker threads: the reading thread spawns one job per article
    /// (after taking one of a fixed number of tokens); a writer thread puts
    /// the results back in order, writes them and returns the tokens.
    fn parallel<R: Render, E: Emit>(
        &self,
        render: &R,
        mut writer: Writer<E>,
    ) -> io::Result<Summary> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.threads)
            .build()
            .map_err(io::Error::other)?;
        let in_flight = self.threads * IN_FLIGHT_PER_THREAD;
        let (token_tx, token_rx) = mpsc::sync_channel::<()>(in_flight);
        for _ in 0..in_flight {
            let _ = token_tx.send(());
        }
        let (done_tx, done_rx) = mpsc::channel::<(usize, usize, Rendered)>();
        std::thread::scope(|scope| {
            let writer = scope.spawn(move || -> io::Result<Summary> {
                let mut pending = BTreeMap::new();
                let mut next = 0;
                for (seq, input, piece) in done_rx {
                    pending.insert(seq, (input, piece));
                    while let Some((input, piece)) = pending.remove(&next) {
                        writer.write(input, piece)?;
                        let _ = token_tx.send(());
                        next += 1;
                    }
                }
                Ok(writer.summary)
            });
            pool.in_place_scope(|jobs| {
                let mut seq = 0;
                'inputs: for (i, input) in self.inputs.iter().enumerate() {
                    for item in input.articles(self.format, self.progress) {
                        // No token: the writer has stopped (the output failed).
                        if token_rx.recv().is_err() {
                            break 'inputs;
                        }
                        let done = done_tx.clone();
                        jobs.spawn(move |_| {
                            let _ = done.send((seq, i, render.render(item)));
                        });
                        seq += 1;
                    }
                }
                drop(done_tx);
            });
            writer
                .join()
                .unwrap_or_else(|_| Err(io::Error::other("the writer thread panicked")))
        })
    }
}

/// The ordered end of the loop: emits, counts and reports failures.
struct Writer<'r, 'e, E> {
    emit: &'e mut E,
    run: &'r Run<'r>,
    summary: Summary,
}

impl<E: Emit> Writer<'_, '_, E> {
    fn write(&mut self, input: usize, piece: Rendered) -> io::Result<()> {
        let input = &self.run.inputs[input];
        if let Some(e) = &piece.error {
            self.summary.failed += 1;
            self.run
                .progress
                .note(&failure_line(self.run.program, input, e));
        }
        self.emit.emit(input, piece)?;
        self.summary.articles += 1;
        self.run.progress.articles(self.summary.articles);
        Ok(())
    }
}

/// The stderr line for a failed article: the error, prefixed with the
/// input's name unless the error already starts with it.
fn failure_line(program: &str, input: &Input, e: &Error) -> String {
    let name = input.name();
    let message = e.to_string();
    if message.starts_with(&name) {
        format!("{program}: {message}")
    } else {
        format!("{program}: {name}: {message}")
    }
}
