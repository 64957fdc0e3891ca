//! The markup algorithm: an article's text with every mention and claim
//! marked, well-formed however the spans nest or cross.

use std::fmt::Write as _;

use newsfacts::{ArticleRecord, Claim};

use super::describe::claim_tooltip;
use super::escape::{escape, escape_text_into};

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
