//! HTML escaping of text and attribute values.

/// Escape text for HTML element content and quoted attribute values alike.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

pub(super) fn escape_into(out: &mut String, s: &str) {
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
pub(super) fn escape_text_into(out: &mut String, s: &str) {
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
