//! Tab-separated data files with a header line: the one reader for every
//! file under `gazetteers/`.
//!
//! The shape all of them share: UTF-8 (a leading byte-order mark is
//! ignored), LF or CRLF line ends, blank lines and lines starting with `#`
//! skipped anywhere, the first other line is the header naming the columns,
//! and every row after it has as many tab-separated cells as the header.
//! Cells are trimmed. Errors are [`ErrorKind::Gazetteer`] and name the file
//! and line (`countries.tsv:12: …`).
//!
//! ```text
//! let table = Tsv::parse("figure_units.tsv", src)?;
//! let (form, category) = (table.column("form")?, table.column("category")?);
//! for row in table.rows() {
//!     let row = row?;
//!     units.push((row.cell(form), row.cell(category)));
//! }
//! ```

use crate::error::{Error, ErrorKind};

/// A TSV source whose header has been read; its rows are read on demand.
#[derive(Debug)]
pub(crate) struct Tsv<'a> {
    /// Names the file in errors.
    origin: String,
    /// The column names, in order.
    header: Vec<&'a str>,
    /// The header's line number (1-based).
    header_line: usize,
    /// The source (without a byte-order mark).
    src: &'a str,
}

/// A column of a [`Tsv`], looked up once by name with [`Tsv::column`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Column(usize);

/// One data row: its cells, by column, and its line for errors.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Row<'t, 'a> {
    table: &'t Tsv<'a>,
    /// The row's line number (1-based).
    line_no: usize,
    /// The raw line, without its line end.
    line: &'a str,
    /// Where the first [`CELL_BOUNDS`] cells end (byte offsets), found once
    /// per row: a row's cells are read several times each.
    ends: [u32; CELL_BOUNDS],
}

/// Cells whose ends a [`Row`] keeps; later ones are searched on each read.
const CELL_BOUNDS: usize = 12;

/// The end offsets of the first [`CELL_BOUNDS`] cells of `line`, and the
/// number of cells, in one pass.
fn cell_ends(line: &str) -> ([u32; CELL_BOUNDS], usize) {
    let mut ends = [line.len() as u32; CELL_BOUNDS];
    let mut cells = 1;
    for (i, &b) in line.as_bytes().iter().enumerate() {
        if b == b'\t' {
            if let Some(end) = ends.get_mut(cells - 1) {
                *end = i as u32;
            }
            cells += 1;
        }
    }
    (ends, cells)
}

/// `cell` without surrounding whitespace; a cell that starts and ends with
/// a printable ASCII character, as most do, is returned without decoding.
fn trim(cell: &str) -> &str {
    match cell.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => cell,
        [only] if only.is_ascii_graphic() => cell,
        _ => cell.trim(),
    }
}

/// The lines that carry nothing: blank lines and `#` comments.
fn is_skipped(line: &str) -> bool {
    line.trim().is_empty() || line.starts_with('#')
}

impl<'a> Tsv<'a> {
    /// Read the header of `src`; `origin` names the file in errors.
    ///
    /// Fails only when there is no header line at all.
    pub fn parse(origin: &str, src: &'a str) -> Result<Tsv<'a>, Error> {
        let src = src.strip_prefix('\u{feff}').unwrap_or(src);
        let (index, line) = src
            .lines()
            .enumerate()
            .find(|(_, line)| !is_skipped(line))
            .ok_or_else(|| Error::new(ErrorKind::Gazetteer, "no header row").at(origin))?;
        Ok(Tsv {
            origin: origin.to_string(),
            header: line.split('\t').map(str::trim).collect(),
            header_line: index + 1,
            src,
        })
    }

    /// Require the header to be exactly `expected` (names and order).
    pub fn expect_header(&self, expected: &[&str]) -> Result<(), Error> {
        if self.header == expected {
            return Ok(());
        }
        Err(self.error_at(
            self.header_line,
            format!("expected the header `{}`", expected.join("\\t")),
        ))
    }

    /// The header's column names, in order.
    pub fn header(&self) -> &[&'a str] {
        &self.header
    }

    /// Require the header to start with `expected` (names and order).
    pub fn expect_header_prefix(&self, expected: &[&str]) -> Result<(), Error> {
        if self.header.starts_with(expected) {
            return Ok(());
        }
        Err(self.error_at(
            self.header_line,
            format!("expected the header to start `{}`", expected.join("\\t")),
        ))
    }

    /// The column named `name`; an error naming the header line when the
    /// header has no such column.
    pub fn column(&self, name: &str) -> Result<Column, Error> {
        self.header
            .iter()
            .position(|&c| c == name)
            .map(Column)
            .ok_or_else(|| {
                self.error_at(
                    self.header_line,
                    format!("no column `{name}` in the header"),
                )
            })
    }

    /// The data rows, in order. A row whose number of cells differs from
    /// the header's is an error naming its line; reading goes on after it.
    pub fn rows(&self) -> impl Iterator<Item = Result<Row<'_, 'a>, Error>> + '_ {
        self.src
            .lines()
            .enumerate()
            .skip(self.header_line)
            .filter(|(_, line)| !is_skipped(line))
            .map(move |(index, line)| {
                let (ends, found) = cell_ends(line);
                let row = Row {
                    table: self,
                    line_no: index + 1,
                    line,
                    ends,
                };
                if found == self.header.len() {
                    Ok(row)
                } else {
                    Err(row.error(format!(
                        "expected {} tab-separated columns, found {found}",
                        self.header.len()
                    )))
                }
            })
    }

    /// An upper bound on the number of rows, for sizing collections.
    pub fn max_rows(&self) -> usize {
        self.src.bytes().filter(|&b| b == b'\n').count() + 1
    }

    /// An error of this file at line `line_no`.
    fn error_at(&self, line_no: usize, message: String) -> Error {
        Error::new(ErrorKind::Gazetteer, message).at(format!("{}:{line_no}", self.origin))
    }
}

impl<'t, 'a> Row<'t, 'a> {
    /// The trimmed cell in `column`.
    pub fn cell(&self, column: Column) -> &'a str {
        // Rows are checked to have as many cells as the header.
        if column.0 < CELL_BOUNDS {
            // Found once per row (see `cell_ends`); a cell past the last tab
            // starts and ends at the line's end, so it reads as "".
            let start = match column.0 {
                0 => 0,
                k => (self.ends[k - 1] as usize + 1).min(self.line.len()),
            };
            let end = (self.ends[column.0] as usize).max(start);
            return trim(&self.line[start..end]);
        }
        let bytes = self.line.as_bytes();
        let mut start = 0;
        for _ in 0..column.0 {
            match bytes[start..].iter().position(|&b| b == b'\t') {
                Some(tab) => start += tab + 1,
                None => return "",
            }
        }
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\t')
            .map_or(bytes.len(), |tab| start + tab);
        trim(&self.line[start..end])
    }

    /// The row's line number (1-based).
    pub fn line_no(&self) -> usize {
        self.line_no
    }

    /// An error about this row, naming the file and line.
    pub fn error(&self, message: impl Into<String>) -> Error {
        self.table.error_at(self.line_no, message.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_by_column_name() {
        let src = "\u{feff}# a comment\n\nword\tclass \r\none\tunit\r\n# more\n\n two \t tens\n";
        let table = Tsv::parse("t.tsv", src).unwrap();
        table.expect_header(&["word", "class"]).unwrap();
        let (word, class) = (
            table.column("word").unwrap(),
            table.column("class").unwrap(),
        );
        let rows: Vec<_> = table.rows().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].cell(word), rows[0].cell(class)), ("one", "unit"));
        assert_eq!((rows[1].cell(word), rows[1].line_no()), ("two", 7));
        assert!(table.column("value").is_err());
    }

    #[test]
    fn cells_as_split_reads_them() {
        let header = (0..12)
            .map(|i| format!("c{i}"))
            .collect::<Vec<_>>()
            .join("\t");
        for line in [
            "",
            "a",
            "a\tb",
            "\t\t",
            " x \t y\t",
            "1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11",
        ] {
            let src = format!("{header}\n{line}\n");
            let table = Tsv::parse("t.tsv", &src).unwrap();
            let row = Row {
                table: &table,
                line_no: 2,
                line,
                ends: cell_ends(line).0,
            };
            for k in 0..12 {
                let want = line.split('\t').nth(k).unwrap_or("").trim();
                assert_eq!(row.cell(Column(k)), want, "{line:?} cell {k}");
            }
        }
    }

    #[test]
    fn errors_name_file_and_line() {
        let err = Tsv::parse("t.tsv", "# only\n\n").unwrap_err();
        assert_eq!(err.to_string(), "t.tsv: no header row");
        let table = Tsv::parse("t.tsv", "# c\na\tb\n1\t2\n1\n1\t2\t3\n").unwrap();
        assert_eq!(
            table.expect_header(&["a", "c"]).unwrap_err().to_string(),
            "t.tsv:2: expected the header `a\\tc`"
        );
        assert_eq!(
            table.column("c").unwrap_err().to_string(),
            "t.tsv:2: no column `c` in the header"
        );
        let errors: Vec<String> = table
            .rows()
            .filter_map(Result::err)
            .map(|e| e.to_string())
            .collect();
        assert_eq!(
            errors,
            [
                "t.tsv:4: expected 2 tab-separated columns, found 1",
                "t.tsv:5: expected 2 tab-separated columns, found 3"
            ]
        );
        let row = table.rows().next().unwrap().unwrap();
        assert_eq!(row.error("bad").to_string(), "t.tsv:3: bad");
        assert_eq!(row.error("bad").kind(), ErrorKind::Gazetteer);
    }

    #[test]
    fn every_data_file_reads() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteers");
        let mut files = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().and_then(|e| e.to_str()) != Some("tsv") {
                continue;
            }
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let src = std::fs::read_to_string(&path).unwrap();
            let table = Tsv::parse(&name, &src).unwrap();
            let rows = table.rows().collect::<Result<Vec<_>, _>>().unwrap();
            assert!(!rows.is_empty(), "{name}");
            files += 1;
        }
        assert!(files >= 20);
    }
}
