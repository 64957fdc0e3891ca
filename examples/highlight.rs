//! Render the facts newsfacts extracts as one self-contained HTML page.
//!
//! ```text
//! cargo run --release --example highlight -- [--listing|--jsonl|--plain] [--gazetteer FILE]… [--out FILE] FILE…
//! ```
//!
//! `-` reads standard input; the page goes to standard output unless `--out`
//! names a file. Each article's text is shown with every mention coloured by
//! its entity type and every claim underlined by kind (hover for details),
//! beside tables of its entities and claims. Articles that fail show an error
//! box in their place, so nothing is lost.
//!
//! The page has inline CSS only and no external assets; a few lines of
//! inline JS light up an entity's mentions when its table row is hovered, but
//! the tooltips are plain `title` attributes and work without it.
//!
//! Markup contract (the browser test reads it): the first (or only) element
//! of a mention carries `data-type` and `data-entity`; the first element of a
//! claim carries `data-kind` and `data-claim`. When spans cross, the markup
//! is closed and reopened to stay well-formed; the reopened pieces carry the
//! class `cont` and none of those data attributes.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use newsfacts::{read_reader, Article, ArticleRecord, Claim, Error, Extractor, InputFormat};

struct Options {
    format: InputFormat,
    gazetteers: Vec<String>,
    out: Option<String>,
    files: Vec<String>,
}

fn usage() -> ! {
    eprintln!(
        "usage: highlight [--listing|--jsonl|--plain] [--gazetteer FILE]... [--out FILE] FILE... ('-' is stdin)"
    );
    std::process::exit(2)
}

fn parse_args() -> Options {
    let mut opts = Options {
        format: InputFormat::Auto,
        gazetteers: Vec::new(),
        out: None,
        files: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--listing" => opts.format = InputFormat::Listing,
            "--jsonl" => opts.format = InputFormat::Jsonl,
            "--plain" => opts.format = InputFormat::Plain,
            "--gazetteer" => opts.gazetteers.push(args.next().unwrap_or_else(|| usage())),
            "--out" => opts.out = Some(args.next().unwrap_or_else(|| usage())),
            "-h" | "--help" => usage(),
            s if s.starts_with("--") => usage(),
            _ => opts.files.push(arg),
        }
    }
    if opts.files.is_empty() {
        usage()
    }
    opts
}

fn main() -> ExitCode {
    let opts = parse_args();
    let mut builder = Extractor::builder();
    for g in &opts.gazetteers {
        // Read, and any error reported, by `build` below.
        builder.gazetteer_file(g);
    }
    let extractor = match builder.build() {
        Ok(x) => x,
        Err(e) => {
            eprintln!("highlight: {e}");
            return ExitCode::from(2);
        }
    };
    let sink: Box<dyn Write> = match &opts.out {
        Some(path) => match File::create(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("highlight: {path}: {e}");
                return ExitCode::from(2);
            }
        },
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    let mut failures = 0usize;
    let result = (|| -> io::Result<()> {
        out.write_all(page_head(&opts.files.join(" ")).as_bytes())?;
        for file in &opts.files {
            if file == "-" {
                run_stdin(&extractor, &opts, &mut out, &mut failures)?;
            } else {
                run_file(&extractor, &opts, Path::new(file), &mut out, &mut failures)?;
            }
        }
        out.write_all(PAGE_TAIL.as_bytes())?;
        out.flush()
    })();
    if let Err(e) = result {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
        eprintln!("highlight: {e}");
        return ExitCode::from(1);
    }
    if failures > 0 {
        eprintln!("highlight: {failures} article(s) gave errors");
    }
    ExitCode::SUCCESS
}

fn run_stdin(
    x: &Extractor,
    opts: &Options,
    out: &mut impl Write,
    failures: &mut usize,
) -> io::Result<()> {
    // JSON Lines are streamed: each record is written as soon as it is ready.
    for item in read_reader(io::stdin().lock(), "stdin", opts.format) {
        emit(x, item, out, failures)?;
    }
    Ok(())
}

fn run_file(
    x: &Extractor,
    opts: &Options,
    path: &Path,
    out: &mut impl Write,
    failures: &mut usize,
) -> io::Result<()> {
    match newsfacts::read_file(path, opts.format) {
        Ok(items) => {
            for item in items {
                emit(x, item, out, failures)?;
            }
        }
        Err(e) => emit(x, Err(e), out, failures)?,
    }
    Ok(())
}

fn emit(
    x: &Extractor,
    item: Result<Article, Error>,
    out: &mut impl Write,
    failures: &mut usize,
) -> io::Result<()> {
    let html = match item {
        Ok(article) => match x.extract(&article) {
            Ok(record) => render_article(&article, &record),
            Err(e) => {
                *failures += 1;
                render_error(Some(&article.id), &e)
            }
        },
        Err(e) => {
            *failures += 1;
            render_error(None, &e)
        }
    };
    out.write_all(html.as_bytes())
}

/// Escape text for HTML element content and quoted attribute values alike.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

fn escape_into(out: &mut String, s: &str) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // A tooltip line break; elsewhere it is ordinary white space.
            '\n' => out.push_str("&#10;"),
            _ => out.push(ch),
        }
    }
}

/// Escape article text: like `escape`, but newlines stay newlines.
fn escape_text_into(out: &mut String, s: &str) {
    for line in s.split_inclusive('\n') {
        match line.strip_suffix('\n') {
            Some(l) => {
                escape_into(out, l);
                out.push('\n');
            }
            None => escape_into(out, line),
        }
    }
}

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

/// What a highlighted span is.
enum Mark<'a> {
    /// Entity index in the record, mention index within the entity.
    Mention(usize),
    Claim(&'a Claim),
}

struct Span<'a> {
    start: usize,
    end: usize,
    mark: Mark<'a>,
}

impl Span<'_> {
    fn is_mention(&self) -> bool {
        matches!(self.mark, Mark::Mention(_))
    }
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

/// The article text as `<p>` paragraphs with every mention and claim marked.
///
/// Spans may nest or cross. The markup is built from events over byte
/// offsets: `want` is the stack of spans covering the current position, in
/// nesting order, and `dom` the elements actually open. Before each piece of
/// text the two are synced: elements above their longest common prefix are
/// closed and the wanted ones opened, so crossing spans are split into
/// pieces and the HTML is always well-formed. Mentions are kept whole: a
/// mention is placed below any open claim that ends before it does, so
/// the claim is the one split.
pub fn render_text(text: &str, r: &ArticleRecord) -> String {
    let breaks = paragraph_breaks(text);
    let valid = |start: usize, end: usize| {
        start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
    };
    let mut spans: Vec<Span> = Vec::new();
    for (ei, e) in r.entities.iter().enumerate() {
        for m in &e.mentions {
            if valid(m.start, m.end) {
                spans.push(Span {
                    start: m.start,
                    end: m.end,
                    mark: Mark::Mention(ei),
                });
            }
        }
    }
    for c in &r.claims {
        if valid(c.start, c.end) {
            spans.push(Span {
                start: c.start,
                end: c.end,
                mark: Mark::Claim(c),
            });
        }
    }
    // Paragraph breaks are not rendered as text: pull span edges that fall
    // inside one out to its edges, so no event happens within a break.
    for sp in &mut spans {
        for &(bs, be) in &breaks {
            if sp.start >= bs && sp.start < be {
                sp.start = be;
            }
            if sp.end > bs && sp.end <= be {
                sp.end = bs;
            }
        }
    }
    spans.retain(|sp| sp.start < sp.end);
    // Outer spans first: earlier start, then longer, then claims around
    // mentions of the same extent.
    spans.sort_by_key(|sp| (sp.start, std::cmp::Reverse(sp.end), sp.is_mention()));

    let mut points: Vec<usize> = vec![0, text.len()];
    for sp in &spans {
        points.push(sp.start);
        points.push(sp.end);
    }
    for &(bs, be) in &breaks {
        points.push(bs);
        points.push(be);
    }
    points.sort_unstable();
    points.dedup();

    let mut out = String::from("<p>");
    let mut want: Vec<usize> = Vec::new();
    let mut dom: Vec<usize> = Vec::new();
    let mut opened = vec![false; spans.len()];
    let mut next = 0; // next span (by start) to open
    let mut pos = 0;
    for &p in &points {
        if p > pos {
            if breaks.iter().any(|&(bs, be)| bs == pos && be == p) {
                close_all(&mut out, &mut dom, &spans);
                out.push_str("</p>\n<p>");
            } else {
                sync(&mut out, &mut dom, &want, &spans, &mut opened, r);
                escape_text_into(&mut out, text.get(pos..p).unwrap_or(""));
            }
        }
        pos = p;
        want.retain(|&i| spans[i].end > p);
        while next < spans.len() && spans[next].start == p {
            let at = if spans[next].is_mention() {
                // Below the lowest open claim that would otherwise cut it.
                want.iter()
                    .position(|&i| !spans[i].is_mention() && spans[i].end < spans[next].end)
                    .unwrap_or(want.len())
            } else {
                want.len()
            };
            want.insert(at, next);
            next += 1;
        }
    }
    close_all(&mut out, &mut dom, &spans);
    out.push_str("</p>\n");
    out
}

fn close_all(out: &mut String, dom: &mut Vec<usize>, spans: &[Span]) {
    while let Some(i) = dom.pop() {
        out.push_str(close_tag(&spans[i]));
    }
}

fn close_tag(sp: &Span) -> &'static str {
    match sp.mark {
        Mark::Mention(_) => "</mark>",
        Mark::Claim(_) => "</span>",
    }
}

fn sync(
    out: &mut String,
    dom: &mut Vec<usize>,
    want: &[usize],
    spans: &[Span],
    opened: &mut [bool],
    r: &ArticleRecord,
) {
    let common = dom.iter().zip(want).take_while(|(a, b)| a == b).count();
    while dom.len() > common {
        if let Some(i) = dom.pop() {
            out.push_str(close_tag(&spans[i]));
        }
    }
    for &i in &want[common..] {
        open_tag(out, &spans[i], opened[i], r);
        opened[i] = true;
        dom.push(i);
    }
}

fn open_tag(out: &mut String, sp: &Span, continued: bool, r: &ArticleRecord) {
    match sp.mark {
        Mark::Mention(ei) => {
            let Some(e) = r.entities.get(ei) else { return };
            let kind = e.kind.as_str();
            let title = format!(
                "{} — {}{}",
                e.name,
                kind,
                e.key
                    .as_deref()
                    .map_or(String::new(), |k| format!(" · {k}"))
            );
            if continued {
                let _ = write!(
                    out,
                    "<mark class=\"m t-{kind} cont\" title=\"{}\">",
                    escape(&title)
                );
            } else {
                let _ = write!(
                    out,
                    "<mark class=\"m t-{kind}\" data-type=\"{kind}\" data-entity=\"{}\" title=\"{}\">",
                    escape(&e.id),
                    escape(&title)
                );
            }
        }
        Mark::Claim(c) => {
            let kind = c.kind.as_str();
            let title = claim_tooltip(c, r);
            if continued {
                let _ = write!(
                    out,
                    "<span class=\"c k-{kind} cont\" title=\"{}\">",
                    escape(&title)
                );
            } else {
                let speaker = c.speaker.as_ref().map_or(String::new(), |sp| {
                    format!(" data-speaker=\"{}\"", escape(&sp.name))
                });
                let _ = write!(
                    out,
                    "<span class=\"c k-{kind}\" data-kind=\"{kind}\" data-claim=\"{}\"{speaker} title=\"{}\">",
                    escape(&c.id),
                    escape(&title)
                );
            }
        }
    }
}

fn entity_name<'a>(r: &'a ArticleRecord, id: &'a str) -> &'a str {
    r.entities
        .iter()
        .find(|e| e.id == id)
        .map_or(id, |e| e.name.as_str())
}

/// A value for reading: thousands grouped, no trailing `.0`.
fn fmt_num(v: f64) -> String {
    let plain = if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    };
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", plain.as_str()),
    };
    let (int, frac) = match rest.find('.') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    if int.len() <= 4 || !int.bytes().all(|b| b.is_ascii_digit()) {
        // Four digits stay as they are, so years read as years.
        return plain;
    }
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{sign}{grouped}{frac}")
}

fn claim_value(c: &Claim) -> String {
    match (c.value, c.upper) {
        (Some(v), Some(u)) => format!("{}–{}", fmt_num(v), fmt_num(u)),
        (Some(v), None) => fmt_num(v),
        _ => String::new(),
    }
}

fn claim_tooltip(c: &Claim, r: &ArticleRecord) -> String {
    let mut lines = vec![format!("{} {}", c.id, c.kind.as_str())];
    let value = claim_value(c);
    if !value.is_empty() {
        lines.push(format!(
            "value: {value}{}",
            c.unit.as_deref().map_or(String::new(), |u| format!(" {u}"))
        ));
    } else if let Some(u) = &c.unit {
        lines.push(format!("unit: {u}"));
    }
    if let Some(q) = c.qualifier {
        lines.push(format!("qualifier: {}", q.as_str()));
    }
    if let Some(y) = c.year {
        lines.push(format!("year: {y}"));
    }
    if let Some(s) = &c.subject {
        lines.push(format!("subject: {}", entity_name(r, s)));
    }
    if let Some(s) = &c.source {
        lines.push(format!("source: {}", s.name));
    }
    if let Some(s) = &c.speaker {
        lines.push(format!("speaker: {}", s.name));
    }
    if c.hedged {
        lines.push("hedged".to_string());
    }
    lines.push(format!("rule: {}", c.rule));
    lines.join("\n")
}

/// Byte ranges of paragraph breaks: runs of white space holding at least
/// two newlines.
fn paragraph_breaks(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut breaks = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\n' {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut newlines = 0;
        while j < bytes.len() && matches!(bytes[j], b'\n' | b'\r' | b' ' | b'\t') {
            newlines += usize::from(bytes[j] == b'\n');
            j += 1;
        }
        if newlines >= 2 {
            breaks.push((i, j));
        }
        i = j;
    }
    breaks
}

fn render_tables(s: &mut String, r: &ArticleRecord) {
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

fn page_head(inputs: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>newsfacts: {}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n\
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

const CSS: &str = r#"
:root { --ink:#1d2330; --muted:#6b7280; --line:#e5e7eb; --bg:#f6f7f9;
  --person:#ffd8b0; --person-d:#c2410c; --org:#cfe3ff; --org-d:#1d4ed8;
  --place:#cdeccf; --place-d:#15803d; --nat:#ead9ff; --nat-d:#7e22ce;
  --count:#dc2626; --money:#0d9488; --percent:#d97706; --measure:#4f46e5; --quote:#64748b; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--ink);
  font:15px/1.5 "Liberation Sans","DejaVu Sans",system-ui,sans-serif; }
.legend { position:sticky; top:0; z-index:10; display:flex; flex-wrap:wrap; gap:.4em 1.4em;
  align-items:center; padding:.6em 1.5em; background:rgba(255,255,255,.96);
  border-bottom:1px solid var(--line); box-shadow:0 1px 6px rgba(0,0,0,.06); font-size:13px; }
.legend .brand { font-weight:700; letter-spacing:.02em; }
.legend .src { color:var(--muted); font-family:"DejaVu Sans Mono",monospace; font-size:12px; }
.legend .group { color:var(--muted); }
.legend .group > * { color:var(--ink); margin-left:.25em; }
.legend .hint { margin-left:auto; color:var(--muted); font-style:italic; }
main { max-width:1400px; margin:0 auto; padding:1.2em 1.5em 3em; }
.article { background:#fff; border:1px solid var(--line); border-radius:10px;
  margin:0 0 1.5em; padding:1.1em 1.4em 1.3em; box-shadow:0 1px 3px rgba(0,0,0,.04); }
.article > header { display:flex; gap:1em; align-items:baseline; flex-wrap:wrap;
  border-bottom:1px solid var(--line); padding-bottom:.5em; margin-bottom:.8em; }
.aid { font:600 12px "DejaVu Sans Mono",monospace; color:#fff; background:var(--ink);
  padding:.1em .5em; border-radius:4px; }
.meta { color:var(--muted); font-size:13px; }
.cols { display:grid; grid-template-columns:minmax(0,1.25fr) minmax(0,1fr); gap:1.8em; }
.text { font:16.5px/1.7 "Liberation Serif","DejaVu Serif",Georgia,serif; }
.text p { margin:0 0 .85em; }
.text.titled p:first-child { font:700 22px/1.3 "Liberation Sans","DejaVu Sans",sans-serif; margin-bottom:.6em; }
mark.m { color:inherit; border-radius:3px; padding:0 .12em; cursor:help;
  -webkit-box-decoration-break:clone; box-decoration-break:clone; }
.t-person { background:var(--person); box-shadow:inset 0 -2px 0 var(--person-d); }
.t-organization { background:var(--org); box-shadow:inset 0 -2px 0 var(--org-d); }
.t-place { background:var(--place); box-shadow:inset 0 -2px 0 var(--place-d); }
.t-nationality { background:var(--nat); box-shadow:inset 0 -2px 0 var(--nat-d); }
.lit { outline:2px solid var(--ink); outline-offset:1px; }
span.c { cursor:help; text-decoration-line:underline; text-decoration-thickness:2.5px;
  text-underline-offset:4px; font-weight:600; }
.k-count { text-decoration-color:var(--count); }
.k-money { text-decoration-color:var(--money); }
.k-percent { text-decoration-color:var(--percent); }
.k-measure { text-decoration-color:var(--measure); }
span.c.k-quote { font-weight:inherit; text-decoration:none; background:#f1f5f9;
  border-left:3px solid var(--quote); padding:.1em .3em; font-style:italic;
  -webkit-box-decoration-break:clone; box-decoration-break:clone; }
span.c.k-quote.cont { border-left:0; }
span.c.k-quote[data-speaker]::before { content:attr(data-speaker); font:600 11px/1 "Liberation Sans",sans-serif;
  font-style:normal; color:#fff; background:var(--quote); border-radius:3px; padding:.15em .4em; margin-right:.4em;
  vertical-align:2px; }
.legend span.c.k-quote { padding:0 .4em; }
aside { font-size:12.5px; min-width:0; }
table { width:100%; border-collapse:collapse; margin-bottom:1.2em; }
caption { text-align:left; font-weight:700; font-size:13px; padding:0 0 .3em;
  text-transform:uppercase; letter-spacing:.05em; color:var(--muted); }
th { text-align:left; font-weight:600; color:var(--muted); border-bottom:2px solid var(--line); padding:.2em .45em; }
td { border-bottom:1px solid var(--line); padding:.22em .45em; vertical-align:top; overflow-wrap:anywhere; }
tbody tr:hover { background:#fafaf5; }
td.id, td.n, td.nw { white-space:nowrap; }
tr.r-quote td.ct { font-style:italic; }
td.v { overflow-wrap:normal; }
td.id, td.key { font-family:"DejaVu Sans Mono",monospace; font-size:11.5px; color:var(--muted); }
td.n { text-align:right; font-variant-numeric:tabular-nums; }
td.none { color:var(--muted); font-style:italic; }
i.sw { display:inline-block; width:.8em; height:.8em; border-radius:2px; margin-right:.35em; vertical-align:-1px; }
i.ul { display:inline-block; width:.9em; height:0; border-bottom:2.5px solid; margin-right:.35em; vertical-align:3px; }
i.ul.k-count { border-color:var(--count); } i.ul.k-money { border-color:var(--money); }
i.ul.k-percent { border-color:var(--percent); } i.ul.k-measure { border-color:var(--measure); }
i.ul.k-quote { border-color:var(--quote); }
.failed .errbox { border:1px solid #fca5a5; background:#fef2f2; color:#991b1b; border-radius:6px; padding:.7em 1em; }
.failed .errbox strong { margin-right:.8em; font-family:"DejaVu Sans Mono",monospace; }
@media (max-width: 900px) { .cols { grid-template-columns:1fr; } }
"#;

// Hovering a table row outlines that entity's mentions (or that claim) in
// the same article.
const PAGE_TAIL: &str = r#"</main>
<script>
document.addEventListener("mouseover", function (ev) {
  var row = ev.target.closest && ev.target.closest("tr[data-ref]");
  document.querySelectorAll(".lit").forEach(function (m) { m.classList.remove("lit"); });
  if (!row) return;
  row.closest("section").querySelectorAll("[data-entity], [data-claim]").forEach(function (m) {
    if (m.dataset.entity === row.dataset.ref || m.dataset.claim === row.dataset.ref) m.classList.add("lit");
  });
});
</script>
</body>
</html>
"#;
