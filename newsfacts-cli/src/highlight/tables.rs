//! The entity and claim tables beside each article's text.

use std::fmt::Write as _;

use newsfacts::ArticleRecord;

use super::describe::{claim_value, entity_name};
use super::escape::escape;

/// Append the entity table and the claim table of `r`.
pub(super) fn render_tables(s: &mut String, r: &ArticleRecord) {
    s.push_str(
        "<table class=\"ents\"><caption>Entities</caption>\n\
         <thead><tr><th>id</th><th>name</th><th>type</th><th>key</th><th>×</th></tr></thead><tbody>\n",
    );
    for e in &r.entities {
        let kind = e.kind.as_str();
        let _ = writeln!(
            s,
            "<tr data-ref=\"{}\"><td class=\"id\">{}</td><td>{}</td><td class=\"nw\"><i class=\"sw t-{kind}\"></i>{kind}</td><td class=\"key\">{}</td><td class=\"n\">{}</td></tr>",
            escape(&e.id),
            escape(&e.id),
            escape(&e.name),
            escape(e.key.as_deref().unwrap_or("–")),
            e.mentions.len()
        );
    }
    if r.entities.is_empty() {
        s.push_str("<tr><td colspan=\"5\" class=\"none\">none</td></tr>\n");
    }
    s.push_str("</tbody></table>\n");

    s.push_str(
        "<table class=\"claims\"><caption>Claims</caption>\n\
         <thead><tr><th>id</th><th>kind</th><th>text</th><th>value</th><th>qual.</th><th>year</th><th>subject</th><th>source</th></tr></thead><tbody>\n",
    );
    for c in &r.claims {
        let kind = c.kind.as_str();
        let text: String = if c.text.chars().count() > 90 {
            let mut t: String = c.text.chars().take(88).collect();
            t.push('…');
            t
        } else {
            c.text.clone()
        };
        let value = format!(
            "{}{}",
            claim_value(c),
            c.unit.as_deref().map_or(String::new(), |u| format!(" {u}"))
        );
        let who = c.source.as_ref().or(c.speaker.as_ref());
        let _ = writeln!(
            s,
            "<tr class=\"r-{kind}\" data-ref=\"{}\"><td class=\"id\">{}</td><td class=\"nw\"><i class=\"ul k-{kind}\"></i>{kind}</td><td class=\"ct\" title=\"{}\">{}</td><td class=\"v\">{}</td><td class=\"nw\">{}</td><td class=\"nw\">{}</td><td>{}</td><td>{}</td></tr>",
            escape(&c.id),
            escape(&c.id),
            escape(&c.text),
            escape(&text),
            escape(&value),
            c.qualifier.map_or("", |q| q.as_str()),
            c.year.map_or(String::new(), |y| y.to_string()),
            escape(c.subject.as_deref().map_or("", |id| entity_name(r, id))),
            escape(who.map_or("", |s| s.name.as_str())),
        );
    }
    if r.claims.is_empty() {
        s.push_str("<tr><td colspan=\"8\" class=\"none\">none</td></tr>\n");
    }
    s.push_str("</tbody></table>\n");
}
