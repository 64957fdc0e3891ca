//! `dump`: one JSON record (or table) per article, in input order.

use std::io::{self, Write};

use newsfacts::{Article, Error, Extractor};

use crate::flags::{Args, Input};
use crate::run::{Emit, Render, Rendered};
use crate::table::write_table;

/// Renders a record as a JSON line or a table.
pub(crate) struct DumpRender<'x> {
    pub(crate) extractor: &'x Extractor,
    pub(crate) table: bool,
}

impl Render for DumpRender<'_> {
    fn render(&self, item: Result<Article, Error>) -> Rendered {
        let (id, result) = match item {
            Ok(article) => (Some(article.id.clone()), self.extractor.extract(&article)),
            Err(e) => (e.article().map(str::to_string), Err(e)),
        };
        let mut bytes = Vec::new();
        // Writing to a Vec cannot fail.
        let error = match result {
            Ok(record) => {
                if self.table {
                    let _ = write_table(&record, &mut bytes);
                } else {
                    let _ = serde_json::to_writer(&mut bytes, &record);
                    bytes.push(b'\n');
                }
                None
            }
            Err(e) => {
                if self.table {
                    let _ = writeln!(bytes, "!! {e}\n");
                } else {
                    let obj = serde_json::json!({
                        "id": id,
                        "error": e.to_string(),
                        "origin": e.origin(),
                    });
                    let _ = serde_json::to_writer(&mut bytes, &obj);
                    bytes.push(b'\n');
                }
                Some(e)
            }
        };
        Rendered { bytes, error, id }
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
