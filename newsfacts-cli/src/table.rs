//! The readable table `dump --table` prints.

use std::io::{self, Write};

use newsfacts::ArticleRecord;

/// Write one record as a table: a header line, its entities, its claims.
pub(crate) fn write_table(r: &ArticleRecord, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "== {} == {}", r.id, r.title.as_deref().unwrap_or(""))?;
    if r.byline.is_some() || r.agency.is_some() {
        writeln!(
            out,
            "   byline: {}   agency: {}",
            r.byline.as_deref().unwrap_or("-"),
            r.agency.as_deref().unwrap_or("-")
        )?;
    }
    writeln!(out, "  entities")?;
    for e in &r.entities {
        let forms: Vec<&str> = {
            let mut v: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        writeln!(
            out,
            "    {:<4} {:<12} {:<36} x{:<3} {:<14} {}",
            e.id,
            format!("{:?}", e.kind).to_lowercase(),
            e.name,
            e.mentions.len(),
            e.key.as_deref().unwrap_or("-"),
            forms.join(" | ")
        )?;
    }
    writeln!(out, "  claims")?;
    for c in &r.claims {
        let who = c
            .source
            .as_ref()
            .or(c.speaker.as_ref())
            .map_or("-", |s| s.name.as_str());
        match c.value {
            Some(v) => writeln!(
                out,
                "    {:<4} {:<8} {:<22} = {:<12} {:<14} {:<9} year={:<5} src={}{}",
                c.id,
                c.kind.as_str(),
                c.text,
                v,
                c.unit.as_deref().unwrap_or("-"),
                c.qualifier.map_or("-", |q| q.as_str()),
                c.year.map_or("-".to_string(), |y| y.to_string()),
                who,
                if c.hedged { " (hedged)" } else { "" }
            )?,
            None => {
                let short: String = c.text.chars().take(60).collect();
                writeln!(
                    out,
                    "    {:<4} {:<8} {:?} — {}",
                    c.id,
                    c.kind.as_str(),
                    short,
                    who
                )?
            }
        }
    }
    writeln!(out)
}
