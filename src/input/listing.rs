//! News listing pages: several articles on one page, each under a bullet
//! line, with bylines, agency credits and link lines to take apart.

use once_cell::sync::Lazy;
use regex::Regex;

use super::Article;

impl Article {
    /// Split a news listing page into its articles, ids `<stem>-01`, `-02`, …
    ///
    /// A listing page has bullet lines (`• Title`) each followed by the title
    /// again, a standfirst ending "…reports NAME", and the body. Link lines
    /// ("ALSO READ", "READ MORE"), carriage notices, lone one-word tag lines and
    /// bare URLs are dropped; "(ANI)"/"(IANS)" credits become `agency`.
    pub fn split_listing(stem: &str, raw: &str) -> Vec<Article> {
        let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        let mut articles = Vec::new();
        let mut current: Option<(String, Vec<String>)> = None;
        for line in raw.lines() {
            let trimmed = line.trim();
            if let Some(title) = bullet_title(trimmed) {
                if let Some((t, lines)) = current.take() {
                    articles.push(build_listing_article(stem, articles.len() + 1, t, lines));
                }
                current = Some((title.to_string(), Vec::new()));
            } else if let Some((_, lines)) = current.as_mut() {
                lines.push(trimmed.to_string());
            }
        }
        if let Some((t, lines)) = current.take() {
            articles.push(build_listing_article(stem, articles.len() + 1, t, lines));
        }
        articles
    }

    /// True when `raw` looks like a listing page: a bullet line whose title
    /// is repeated on the next non-blank line.
    pub fn looks_like_listing(raw: &str) -> bool {
        let mut lines = raw.lines().map(str::trim).filter(|l| !l.is_empty());
        while let Some(line) = lines.next() {
            if let Some(title) = bullet_title(line) {
                return lines.next() == Some(title);
            }
        }
        false
    }
}

fn bullet_title(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('•').or_else(|| line.strip_prefix("* "))?;
    let title = rest.trim();
    (!title.is_empty()).then_some(title)
}

static REPORTS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:[\s,]|…|\.)*\breports\s+(?P<by>[\p{Lu}][^.…\n]*?)[\s.]*$").unwrap()
});
static AGENCY: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\s*\((?P<agency>ANI|IANS|PTI|AFP|AP|Reuters|UNI)\)\s*$").unwrap());
static URL: Lazy<Regex> = Lazy::new(|| Regex::new(r"^(?:https?://|www\.)\S+$").unwrap());
static LINK_LINE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?i:also\s+read|read\s+more|read\s+also)\b").unwrap());
static CARRIAGE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\((?i:the\s+)?(?i:content|article|story)\s+is\s+being\s+carried\b").unwrap()
});

fn is_dropped_line(line: &str) -> bool {
    LINK_LINE.is_match(line)
        || CARRIAGE.is_match(line)
        || URL.is_match(line)
        || (!line.contains(char::is_whitespace)
            && line.chars().all(|c| c.is_alphabetic() || c == '-')
            && line.chars().next().is_some_and(char::is_uppercase))
}

fn build_listing_article(stem: &str, n: usize, title: String, lines: Vec<String>) -> Article {
    // Paragraphs: runs of non-blank lines, minus dropped lines.
    let mut paras: Vec<String> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in lines {
        if line.is_empty() {
            if !current.is_empty() {
                paras.push(current.join(" "));
                current.clear();
            }
        } else if !is_dropped_line(&line) {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paras.push(current.join(" "));
    }
    // The title is given once.
    if paras.first().map(|p| p.trim()) == Some(title.trim()) {
        paras.remove(0);
    }
    let mut byline = None;
    if let Some(first) = paras.first_mut() {
        if let Some(caps) = REPORTS.captures(first) {
            byline = Some(caps["by"].trim().to_string());
            let cut = caps.get(0).map_or(first.len(), |m| m.start());
            // Keep the sentence's own closing punctuation.
            let kept = first[..cut].trim_end().to_string();
            let tail = &first[cut..caps.name("by").map_or(cut, |m| m.start())];
            let punct: String = tail.chars().filter(|c| matches!(c, '.' | '…')).collect();
            *first = format!("{kept}{punct}");
        }
    }
    let mut agency = None;
    for p in paras.iter_mut() {
        if let Some(caps) = AGENCY.captures(p) {
            agency.get_or_insert_with(|| caps["agency"].to_string());
            let cut = caps.get(0).map_or(p.len(), |m| m.start());
            p.truncate(cut);
        }
    }
    paras.retain(|p| !p.trim().is_empty());
    let mut text = title.clone();
    for p in &paras {
        text.push_str("\n\n");
        text.push_str(p);
    }
    Article {
        id: format!("{stem}-{n:02}"),
        title: Some(title),
        text,
        byline,
        agency,
        date: None,
        url: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Tag: Uyghur\n\n  • First story\n\n    First story\n\n    Experts warned of risks….reports Jane Roe\n\n    Body one (ANI)\n\n    ALSO READ: Something else\n\n    Uyghur\n\n    https://example.org/x\n\n    (The content is being carried under an arrangement with x.com)\n\n  • Second\n\n    Second\n\n    Lead, reports Asian Lite News.\n\n    Body two.\n";

    #[test]
    fn listing_pages_split_into_articles() {
        assert!(Article::looks_like_listing(PAGE));
        let arts = Article::split_listing("page", PAGE);
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].id, "page-01");
        assert_eq!(arts[0].byline.as_deref(), Some("Jane Roe"));
        assert_eq!(arts[0].agency.as_deref(), Some("ANI"));
        assert_eq!(
            arts[0].text,
            "First story\n\nExperts warned of risks….\n\nBody one"
        );
        assert_eq!(arts[1].id, "page-02");
        assert_eq!(arts[1].byline.as_deref(), Some("Asian Lite News"));
        assert_eq!(arts[1].text, "Second\n\nLead\n\nBody two.");
    }
}
