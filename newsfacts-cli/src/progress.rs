//! The progress bar on standard error, and messages that must not tear it.

use std::io::{self, IsTerminal, Read};

use indicatif::{ProgressBar, ProgressStyle};

/// A progress bar over the bytes read, or nothing when it would not be seen
/// or would mix with the output.
#[derive(Clone)]
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar when not `quiet`, standard error is a terminal and the output
    /// does not go to that terminal too. `total` is the number of bytes to
    /// read, when known (no standard input among the inputs).
    pub(crate) fn new(quiet: bool, output_to_stdout: bool, total: Option<u64>) -> Progress {
        let shown = !quiet
            && io::stderr().is_terminal()
            && !(output_to_stdout && io::stdout().is_terminal());
        if !shown {
            return Progress { bar: None };
        }
        let (bar, template) = match total {
            Some(n) => (
                ProgressBar::new(n),
                "{spinner} {elapsed_precise} [{bar:30}] {bytes}/{total_bytes} \
                 {bytes_per_sec} eta {eta} · {msg}",
            ),
            None => (
                ProgressBar::no_length(),
                "{spinner} {elapsed_precise} {bytes} read, {bytes_per_sec} · {msg}",
            ),
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message("0 articles");
        Progress { bar: Some(bar) }
    }

    /// `n` more input bytes were read.
    pub(crate) fn read(&self, n: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(n);
        }
    }

    /// `n` articles have been written.
    pub(crate) fn articles(&self, n: usize) {
        if let Some(bar) = &self.bar {
            bar.set_message(format!("{n} articles"));
        }
    }

    /// Print a line on standard error without tearing the bar.
    pub(crate) fn note(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Remove the bar.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// A reader that reports the bytes it reads to a [`Progress`].
pub(crate) struct Counted<R> {
    inner: R,
    progress: Progress,
}

impl<R> Counted<R> {
    pub(crate) fn new(inner: R, progress: &Progress) -> Counted<R> {
        Counted {
            inner,
            progress: progress.clone(),
        }
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.read(n as u64);
        Ok(n)
    }
}
