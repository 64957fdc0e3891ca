//! `corpus`: every article's record folded into one corpus view
//! (`newsfacts::Corpus`), printed at the end as JSON, a table or also an
//! HTML page.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

use newsfacts::corpus::{CorpusView, FigureGroup};
use newsfacts::{Article, ArticleRecord, Corpus, Error, Extractor};

use crate::flags::Input;
use crate::run::{Emit, Render, Rendered};

/// Extracts a record and passes it on as JSON, to be folded in input order.
pub(crate) struct CorpusRender<'x> {
    pub(crate) extractor: &'x Extractor,
}

impl Render for CorpusRender<'_> {
    fn render(&self, item: Result<Article, Error>) -> Rendered {
        let (id, result) = match item {
            Ok(article) => (Some(article.id.clone()), self.extractor.extract(&article)),
            Err(e) => (e.article().map(str::to_string), Err(e)),
        };
        match result {
            // Writing to a Vec cannot fail.
            Ok(record) => Rendered {
                bytes: serde_json::to_vec(&record).unwrap_or_default(),
                error: None,
                id,
            },
            Err(e) => Rendered {
                bytes: Vec::new(),
                error: Some(e),
                id,
            },
        }
    }
}

/// Folds each record into the corpus; nothing is written until the end.
pub(crate) struct CorpusEmit {
    pub(crate) corpus: Corpus,
}

impl Emit for CorpusEmit {
    fn emit(&mut self, _input: &Input, piece: Rendered) -> io::Result<()> {
        if piece.error.is_none() {
            let record: ArticleRecord = serde_json::from_slice(&piece.bytes)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
            self.corpus.add(&record);
        }
        Ok(())
    }
}

/// The view as one JSON document.
pub(crate) fn write_json(view: &CorpusView, out: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, view)?;
    writeln!(out)
}

/// The view as a table: entities named in two or more articles, then the
/// figure groups (disagreeing ones marked `!`).
pub(crate) fn write_table(view: &CorpusView, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{} articles", view.articles)?;
    writeln!(out, "\nEntities in 2 or more articles")?;
    writeln!(
        out,
        "  {:<12} {:<32} {:<22} {:>8} {:>8}",
        "type", "name", "key", "articles", "mentions"
    )?;
    for e in view.shared_entities(2) {
        writeln!(
            out,
            "  {:<12} {:<32} {:<22} {:>8} {:>8}",
            e.kind.as_str(),
            e.name,
            if e.keyed { e.key.as_str() } else { "-" },
            e.article_count,
            e.mention_count
        )?;
    }
    writeln!(out, "\nFigure groups (subject, unit, year)")?;
    for g in &view.figure_groups {
        writeln!(
            out,
            "{} {} · {} · {}  ({} figures, {} to {})",
            if g.disagree { "!" } else { " " },
            g.subject_name,
            g.unit,
            g.year.map_or("-".to_string(), |y| y.to_string()),
            g.count,
            g.min,
            g.max
        )?;
        for f in &g.figures {
            writeln!(
                out,
                "      {:<24} {:<28} {}{}",
                f.article,
                f.text,
                f.value,
                f.source
                    .as_deref()
                    .map_or(String::new(), |s| format!("  (source: {s})"))
            )?;
        }
    }
    Ok(())
}

/// The view as a self-contained HTML page; article ids link to
/// `highlight#id`.
pub(crate) fn write_html(view: &CorpusView, path: &Path, highlight: &str) -> io::Result<()> {
    let link = |id: &str| {
        format!(
            "<a href=\"{}#{}\">{}</a>",
            escape(highlight),
            escape(id),
            escape(id)
        )
    };
    let mut s = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>newsfacts corpus view</title><style>\
         body{font:14px/1.4 system-ui,sans-serif;margin:2em}table{border-collapse:collapse}\
         td,th{border-bottom:1px solid #ddd;padding:2px 8px;text-align:left;vertical-align:top}\
         .n{text-align:right}.disagree{background:#fee}code{font-size:12px}\
         </style></head><body>\n",
    );
    let _ = writeln!(s, "<h1>Corpus view</h1><p>{} articles</p>", view.articles);
    s.push_str("<h2 id=\"entities\">Entities in 2 or more articles</h2>\n<table><tr><th>type</th><th>name</th><th>key</th><th class=\"n\">articles</th><th class=\"n\">mentions</th><th>in</th></tr>\n");
    for e in view.shared_entities(2) {
        let articles: Vec<String> = e
            .articles
            .iter()
            .map(|a| format!("{} ({})", link(&a.id), a.mentions))
            .collect();
        let _ = writeln!(
            s,
            "<tr><td>{}</td><td>{}</td><td><code>{}</code></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            e.kind.as_str(),
            escape(&e.name),
            if e.keyed { escape(&e.key) } else { "-".to_string() },
            e.article_count,
            e.mention_count,
            articles.join(", ")
        );
    }
    s.push_str("</table>\n<h2 id=\"figures\">Figure groups</h2>\n");
    for g in &view.figure_groups {
        write_group(&mut s, g, &link);
    }
    s.push_str("</body></html>\n");
    std::fs::write(path, s)
}

/// One figure group as a table.
fn write_group(s: &mut String, g: &FigureGroup, link: &dyn Fn(&str) -> String) {
    let _ = writeln!(
        s,
        "<table class=\"{}\"><caption>{} · {} · {}{}</caption>",
        if g.disagree { "disagree" } else { "" },
        escape(&g.subject_name),
        escape(&g.unit),
        g.year.map_or("-".to_string(), |y| y.to_string()),
        if g.disagree {
            " · sources disagree"
        } else {
            ""
        }
    );
    for f in &g.figures {
        let _ = writeln!(
            s,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            link(&f.article),
            escape(&f.text),
            f.value,
            escape(f.source.as_deref().unwrap_or(""))
        );
    }
    s.push_str("</table>\n");
}

/// Escape text for HTML content and quoted attribute values.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
