//! `dump`: one JSON record (or table) per article, in input order.

use std::cell::RefCell;
use std::io::{self, Write};

use newsfacts::{Article, ArticleRecord, Error, Extractor};

use crate::flags::{Args, Input};
use crate::run::{Emit, Render, Rendered};
use crate::table::write_table;

/// Renders a record as a JSON line or a table.
pub(crate) struct DumpRender<'x> {
    pub(crate) extractor: &'x Extractor,
    pub(crate) table: bool,
}

thread_local! {
    /// The record each thread refills article after article (rendered
    /// before the next): its strings and vectors are reused rather than
    /// made and freed again for every article.
    static KEPT: RefCell<ArticleRecord> = RefCell::new(ArticleRecord::default());
}

impl Render for DumpRender<'_> {
    fn render(&self, item: Result<Article, Error>) -> Rendered {
        let mut bytes = Vec::new();
        let (id, error) = match item {
            Ok(article) => {
                let error = KEPT.with_borrow_mut(|record| {
                    match self.extractor.extract_into(&article, record) {
                        Ok(()) => {
                            self.write_record(record, &mut bytes);
                            None
                        }
                        Err(e) => Some(e),
                    }
                });
                (Some(article.id), error)
            }
            Err(e) => (e.article().map(str::to_string), Some(e)),
        };
        if let Some(e) = &error {
            self.write_error(id.as_deref(), e, &mut bytes);
        }
        Rendered { bytes, error, id }
    }
}

impl DumpRender<'_> {
    /// A record as a JSON line or a table.
    fn write_record(&self, record: &ArticleRecord, bytes: &mut Vec<u8>) {
        // Writing to a Vec cannot fail.
        if self.table {
            let _ = write_table(record, bytes);
        } else {
            let _ = serde_json::to_writer(&mut *bytes, record);
            bytes.push(b'\n');
        }
    }

    /// The stand-in of an article that failed.
    fn write_error(&self, id: Option<&str>, e: &Error, bytes: &mut Vec<u8>) {
        if self.table {
            let _ = writeln!(bytes, "!! {e}\n");
        } else {
            let obj = serde_json::json!({
                "id": id,
                "error": e.to_string(),
                "origin": e.origin(),
            });
            let _ = serde_json::to_writer(&mut *bytes, &obj);
            bytes.push(b'\n');
        }
    }
}

/// Writes the pieces to standard output.
pub(crate) struct DumpEmit<W> {
    pub(crate) out: W,
    /// Flush after each JSON record read from standard input, so that a
    /// streaming caller gets it at once.
    pub(crate) flush_stdin_records: bool,
}

impl<W: Write + Send> Emit for DumpEmit<W> {
    fn emit(&mut self, input: &Input, piece: Rendered) -> io::Result<()> {
        self.out.write_all(&piece.bytes)?;
        if self.flush_stdin_records && *input == Input::Stdin {
            self.out.flush()?;
        }
        Ok(())
    }
}

/// The emitter of `args`: JSON records from standard input are flushed one
/// by one, tables are not.
pub(crate) fn emitter<W: Write + Send>(args: &Args, out: W) -> DumpEmit<W> {
    DumpEmit {
        out,
        flush_stdin_records: !args.table,
    }
}
