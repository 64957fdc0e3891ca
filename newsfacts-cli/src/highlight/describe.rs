//! Words for values: entity names by id, numbers for reading, claim tooltips.

use newsfacts::{ArticleRecord, Claim};

/// The name of entity `id` in `r`, or the id itself.
pub(super) fn entity_name<'a>(r: &'a ArticleRecord, id: &'a str) -> &'a str {
    r.entities
        .iter()
        .find(|e| e.id == id)
        .map_or(id, |e| e.name.as_str())
}

/// A value for reading: thousands grouped, no trailing `.0`.
pub(super) fn fmt_num(v: f64) -> String {
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

pub(super) fn claim_value(c: &Claim) -> String {
    match (c.value, c.upper) {
        (Some(v), Some(u)) => format!("{}–{}", fmt_num(v), fmt_num(u)),
        (Some(v), None) => fmt_num(v),
        _ => String::new(),
    }
}

pub(super) fn claim_tooltip(c: &Claim, r: &ArticleRecord) -> String {
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
