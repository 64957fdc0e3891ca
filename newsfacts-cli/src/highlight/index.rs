//! The index page that links the pages of a split output.

use std::fmt::Write as _;

use super::escape::escape;
use super::CSS;

/// What one page of a split output holds, for the index.
#[derive(Clone, Debug, Default)]
pub struct PageSummary {
    /// The page's file name, relative to the index.
    pub file: String,
    /// Articles on the page, failed ones included.
    pub articles: usize,
    /// Articles on the page that failed.
    pub failed: usize,
    /// The id of the page's first article, when known.
    pub first_id: Option<String>,
    /// The id of the page's last article, when known.
    pub last_id: Option<String>,
}

/// The index page: one row per page with its articles' range.
pub fn render_index(inputs: &str, pages: &[PageSummary]) -> String {
    let total: usize = pages.iter().map(|p| p.articles).sum();
    let failed: usize = pages.iter().map(|p| p.failed).sum();
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>newsfacts: {}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n\
         <div class=\"legend\"><span class=\"brand\">newsfacts</span>\
         <span class=\"src\">{}</span>\
         <span class=\"group\">{total} articles · {failed} failed · {} pages</span></div>\n<main>\n\
         <section class=\"article\"><table class=\"pages\"><caption>Pages</caption>\n\
         <thead><tr><th>page</th><th>articles</th><th>failed</th><th>first</th><th>last</th></tr></thead><tbody>\n",
        escape(inputs),
        escape(inputs),
        pages.len(),
    );
    for p in pages {
        let _ = writeln!(
            s,
            "<tr><td><a href=\"{}\">{}</a></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"id\">{}</td><td class=\"id\">{}</td></tr>",
            escape(&p.file),
            escape(&p.file),
            p.articles,
            p.failed,
            escape(p.first_id.as_deref().unwrap_or("–")),
            escape(p.last_id.as_deref().unwrap_or("–")),
        );
    }
    s.push_str("</tbody></table></section>\n</main>\n</body>\n</html>\n");
    s
}
