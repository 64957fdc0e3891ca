//! `highlight`: the articles as one HTML page, or as pages of N articles
//! plus an index.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use newsfacts::{Article, Error, Extractor};

use crate::flags::{Args, Input};
use crate::highlight::{
    page_head, page_tail, render_article, render_error, render_index, PageSummary,
};
use crate::run::{Emit, Render, Rendered};

/// A single page larger than this gets a hint about `--per-page`.
const LARGE_PAGE: u64 = 50 * 1024 * 1024;

/// Renders an article (or its error box) as HTML.
pub(crate) struct HighlightRender<'x> {
    pub(crate) extractor: &'x Extractor,
}

impl Render for HighlightRender<'_> {
    fn render(&self, item: Result<Article, Error>) -> Rendered {
        let (html, id, error) = match item {
            Ok(article) => match self.extractor.extract(&article) {
                Ok(record) => (render_article(&article, &record), Some(article.id), None),
                Err(e) => (
                    render_error(Some(&article.id), &e),
                    Some(article.id),
                    Some(e),
                ),
            },
            Err(e) => (
                render_error(None, &e),
                e.article().map(str::to_string),
                Some(e),
            ),
        };
        Rendered {
            bytes: html.into_bytes(),
            error,
            id,
        }
    }
}

/// An open output page.
struct Page {
    out: BufWriter<Box<dyn Write + Send>>,
    summary: PageSummary,
}

/// Writes the pages: one page (to `--out` or standard output), or with
/// `--per-page` numbered pages beside the `--out` index.
pub(crate) struct PageEmit {
    /// What the pages show: the input names.
    label: String,
    out: Option<PathBuf>,
    per_page: Option<usize>,
    current: Option<Page>,
    done: Vec<PageSummary>,
    bytes: u64,
}

impl PageEmit {
    /// The writer for `args`; the single page is created at once, so that an
    /// output that cannot be created stops the run before any work.
    pub(crate) fn new(args: &Args) -> io::Result<PageEmit> {
        let label = args.inputs.iter().map(|i| match i {
            Input::Stdin => "-".to_string(),
            Input::Path(p) => p.display().to_string(),
        });
        let mut pages = PageEmit {
            label: label.collect::<Vec<_>>().join(" "),
            out: args.out.clone(),
            per_page: args.per_page,
            current: None,
            done: Vec::new(),
            bytes: 0,
        };
        if pages.per_page.is_none() {
            let sink: Box<dyn Write + Send> = match &pages.out {
                Some(path) => Box::new(File::create(path).map_err(|e| named(path, e))?),
                None => Box::new(io::stdout()),
            };
            pages.open(sink, String::new())?;
        } else if let Some(index) = &pages.out {
            // Fail early when the index cannot be written either.
            File::create(index).map_err(|e| named(index, e))?;
        }
        Ok(pages)
    }

    /// Start a page on `sink`.
    fn open(&mut self, sink: Box<dyn Write + Send>, file: String) -> io::Result<()> {
        let mut out = BufWriter::new(sink);
        let head = page_head(&self.label);
        out.write_all(head.as_bytes())?;
        self.bytes += head.len() as u64;
        self.current = Some(Page {
            out,
            summary: PageSummary {
                file,
                ..PageSummary::default()
            },
        });
        Ok(())
    }

    /// End the open page, if any.
    fn close(&mut self) -> io::Result<()> {
        if let Some(mut page) = self.current.take() {
            page.out.write_all(page_tail().as_bytes())?;
            page.out.flush()?;
            self.bytes += page_tail().len() as u64;
            self.done.push(page.summary);
        }
        Ok(())
    }

    /// The file of page `n` (from 1) beside the index: `facts-0001.html`.
    fn page_path(index: &Path, n: usize) -> PathBuf {
        let stem = index
            .file_stem()
            .map_or("page".into(), |s| s.to_string_lossy());
        let ext = index
            .extension()
            .map_or("html".into(), |s| s.to_string_lossy());
        index.with_file_name(format!("{stem}-{n:04}.{ext}"))
    }

    /// Close the last page, write the index when split, and say on
    /// standard error what was written (unless `quiet`).
    pub(crate) fn finish(mut self, program: &str, quiet: bool) -> io::Result<()> {
        self.close()?;
        let articles: usize = self.done.iter().map(|p| p.articles).sum();
        let Some(out) = &self.out else {
            return Ok(());
        };
        if self.per_page.is_some() {
            let index = render_index(&self.label, &self.done);
            std::fs::write(out, index).map_err(|e| named(out, e))?;
            if !quiet {
                let (first, last) = match (self.done.first(), self.done.last()) {
                    (Some(f), Some(l)) => (f.file.as_str(), l.file.as_str()),
                    _ => ("-", "-"),
                };
                eprintln!(
                    "{program}: wrote {articles} articles on {} pages ({first} … {last}, {}) \
                     and their index {}",
                    self.done.len(),
                    size(self.bytes),
                    out.display()
                );
            }
        } else if !quiet {
            eprintln!(
                "{program}: wrote {articles} articles to {} ({})",
                out.display(),
                size(self.bytes)
            );
            if self.bytes > LARGE_PAGE {
                eprintln!(
                    "{program}: a large page; --per-page N splits it into pages of N articles"
                );
            }
        }
        Ok(())
    }
}

impl Emit for PageEmit {
    fn emit(&mut self, _input: &Input, piece: Rendered) -> io::Result<()> {
        if let (Some(n), Some(index)) = (self.per_page, self.out.clone()) {
            if self
                .current
                .as_ref()
                .is_some_and(|p| p.summary.articles >= n)
            {
                self.close()?;
            }
            if self.current.is_none() {
                let path = Self::page_path(&index, self.done.len() + 1);
                let file = File::create(&path).map_err(|e| named(&path, e))?;
                let name = path
                    .file_name()
                    .map_or(String::new(), |f| f.to_string_lossy().into_owned());
                self.open(Box::new(file), name)?;
            }
        }
        let Some(page) = &mut self.current else {
            return Ok(());
        };
        page.out.write_all(&piece.bytes)?;
        self.bytes += piece.bytes.len() as u64;
        let s = &mut page.summary;
        s.articles += 1;
        s.failed += usize::from(piece.error.is_some());
        if s.first_id.is_none() {
            s.first_id.clone_from(&piece.id);
        }
        s.last_id = piece.id;
        Ok(())
    }
}

/// An I/O error that names its file.
fn named(path: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

/// A byte count for reading.
fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / (1 << 20) as f64),
        b if b >= 1 << 10 => format!("{:.1} KB", b as f64 / (1 << 10) as f64),
        b => format!("{b} bytes"),
    }
}
