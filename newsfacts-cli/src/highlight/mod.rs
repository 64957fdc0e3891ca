//! The highlight page: articles rendered as self-contained HTML.
//!
//! Each article's text is shown with every mention coloured by its entity
//! type and every claim underlined by kind (hover for details), beside
//! tables of its entities and claims. Articles that fail show an error box
//! in their place, so nothing is lost.
//!
//! A page is [`page_head`], then one [`render_article`] or [`render_error`]
//! per article, then [`page_tail`]; [`render_index`] links the pages of a
//! split output. It has inline CSS only (`style.css`) and
//! no external assets; a few lines of inline JS (`script.js`) light up an
//! entity's mentions when its table row is hovered, but the tooltips are
//! plain `title` attributes and work without it.
//!
//! Markup contract (the browser test reads it): the first (or only) element
//! of a mention carries `data-type` and `data-entity`; the first element of a
//! claim carries `data-kind` and `data-claim`. When spans cross, the markup
//! is closed and reopened to stay well-formed; the reopened pieces carry the
//! class `cont` and none of those data attributes.
//!
//! This module knows nothing of the command line; `commands::highlight`
//! drives it.

mod describe;
mod escape;
mod index;
mod markup;
mod tables;

use std::fmt::Write as _;

use newsfacts::{Article, ArticleRecord, Error};

use escape::escape;
pub use index::{render_index, PageSummary};
pub use markup::render_text;
use tables::render_tables;

/// The page's style sheet.
const CSS: &str = include_str!("style.css");

/// The end of a page. Its script outlines an entity's mentions (or a claim)
/// in the same article when its table row is hovered.
const PAGE_TAIL: &str = concat!(
    "</main>\n<script>\n",
    include_str!("script.js"),
    "</script>\n</body>\n</html>\n"
);

/// The error box that stands in for an article that failed.
pub fn render_error(id: Option<&str>, e: &Error) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<section class=\"article failed\"><div class=\"errbox\"><strong>{}</strong>{}</div></section>",
        escape(id.or(e.origin()).unwrap_or("input")),
        escape(&e.to_string()),
    );
    s
}

/// One article: header, highlighted text, and its tables.
pub fn render_article(article: &Article, r: &ArticleRecord) -> String {
    let mut s = String::new();
    let mentions: usize = r.entities.iter().map(|e| e.mentions.len()).sum();
    let _ = write!(
        s,
        "<section class=\"article\" id=\"{}\">\n<header><span class=\"aid\">{}</span>",
        escape(&r.id),
        escape(&r.id)
    );
    let mut meta = Vec::new();
    if let Some(b) = &r.byline {
        meta.push(format!("by {}", escape(b)));
    }
    if let Some(a) = &r.agency {
        meta.push(escape(a));
    }
    meta.push(format!(
        "{} entities · {} mentions · {} claims",
        r.entities.len(),
        mentions,
        r.claims.len()
    ));
    let _ =
        write!(
        s,
        "<span class=\"meta\">{}</span></header>\n<div class=\"cols\">\n<div class=\"text{}\">\n",
        meta.join(" · "),
        if article.title.is_some() { " titled" } else { "" }
    );
    s.push_str(&render_text(&article.text, r));
    s.push_str("</div>\n<aside>\n");
    render_tables(&mut s, r);
    s.push_str("</aside>\n</div>\n</section>\n");
    s
}

/// The start of a page: head, style sheet and the legend; `inputs` names
/// what the page shows.
pub fn page_head(inputs: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>newsfacts: {}</title>\n<style>\n\n{CSS}</style>\n</head>\n<body>\n\
         <div class=\"legend\"><span class=\"brand\">newsfacts</span>\
         <span class=\"src\">{}</span>\
         <span class=\"group\">entities \
         <mark class=\"m t-person\">person</mark> \
         <mark class=\"m t-organization\">organization</mark> \
         <mark class=\"m t-place\">place</mark> \
         <mark class=\"m t-nationality\">nationality</mark></span>\
         <span class=\"group\">claims \
         <span class=\"c k-count\">count</span> \
         <span class=\"c k-money\">money</span> \
         <span class=\"c k-percent\">percent</span> \
         <span class=\"c k-measure\">measure</span> \
         <span class=\"c k-quote\">quote</span></span>\
         <span class=\"hint\">hover for details</span></div>\n<main>\n",
        escape(inputs),
        escape(inputs),
    )
}

/// The end of a page, after the last article.
pub fn page_tail() -> &'static str {
    PAGE_TAIL
}
