//! The layouts of agency copy (ANNOTATION.md, Rulings: wire-style
//! abbreviations): dateline places ("LONDON 1996-08-22", "NEW YORK, March
//! 11 -", "IRVINE, Calif."), state abbreviations after a town or a
//! lawmaker's party ("Jacksonville, Fla.", "(D-Pa.)"), company names in
//! angle brackets ("`<Acme Holdings Spa>`", but no ticker code "`<ACM.MI>`"),
//! and an acronym in brackets right after an organization's name even when
//! its letters are not the name's initials ("National Bank of Ruritania
//! (BNR)").

use super::candidates::{each, Candidates};
use super::spans::{overlapping, Priority, Proposed, Span};
use super::tokens::Words;
use crate::gazetteer::GazMatch;
use crate::lexicon::NameWords;
use crate::record::EntityType;

/// How far into an article a dateline may stand, in words (title, byline,
/// dateline; a plain-text reader may have joined them into one line).
const DATELINE_WORDS: usize = 60;

/// Dateline places: an ALL-CAPS name followed, after an optional region
/// ("NICE, France"), by a date, near the top of the article. A listed place
/// keeps its gazetteer match (and key); the rule adds the others
/// ("MONTE CARLO", an unlisted town) and a listed organization's spelling
/// ("UNITED NATIONS") as the place where the story was filed.
/// (`runs`: the article's [`dateline_runs`].)
#[inline(never)]
pub(super) fn datelines(
    words: &Words<'_, '_>,
    matches: &[GazMatch],
    runs: &[(usize, usize)],
    spans: &mut Vec<Span>,
) {
    for &(from, to) in runs {
        let (s, e) = words.span(from, to);
        let listed_place = matches.iter().any(|m| {
            m.start == s
                && m.end == e
                && words.gaz.entries()[m.entry as usize].kind == EntityType::Place
        });
        if listed_place {
            continue;
        }
        let mut span = Span::from_rule(s, e, Some(EntityType::Place), "rule:dateline");
        span.priority = Priority::Defined;
        spans.push(span);
    }
}

/// The token ranges of the dateline names: at most four ALL-CAPS words
/// that do not run back into an ALL-CAPS headline. (Found once per
/// article, for [`datelines`] and [`headline_names`].)
#[inline(never)]
pub(super) fn dateline_runs(words: &Words<'_, '_>) -> Vec<(usize, usize)> {
    let text = words.doc.text;
    let n = words.toks.len().min(DATELINE_WORDS);
    let mut runs = Vec::new();
    for last in 0..n {
        if !words.is_all_caps(last) || !date_follows(words.lex, &text[words.toks[last].end..]) {
            continue;
        }
        let caps_before = |k: usize| k > 0 && words.is_all_caps(k - 1) && caps_joined(words, k);
        let mut from = last;
        while last - from < 3 && caps_before(from) {
            from -= 1;
        }
        // Still ALL-CAPS before: a headline without its full stop; only the
        // last word is sure to be the place.
        if caps_before(from) {
            from = last;
        }
        runs.push((from, last + 1));
    }
    runs
}

/// Tokens `j - 1` and `j` of an ALL-CAPS name: a space between, or the dot
/// of a short abbreviation ("ST. LOUIS"), not a headline's full stop.
fn caps_joined(words: &Words<'_, '_>, j: usize) -> bool {
    match words.sep(j) {
        " " => true,
        ". " => words
            .lex
            .cues
            .caps_abbreviations
            .contains(words.word(j - 1)),
        _ => false,
    }
}

/// A date follows a dateline name: an ISO date or a month and day, after at
/// most a short region ("NICE, France 1996-08-30", "FARMINGTON HILLS,
/// Mich.\n1996-08-30", "NEW YORK, June 1 -").
// Asked at every ALL-CAPS word near the top (a wire headline is all of
// them): no allocation, and a headline word turns it away at once.
fn date_follows(lex: &NameWords, rest: &str) -> bool {
    // Without a comma the date comes next ("LONDON 1996-08-22"); a region
    // needs the comma ("NICE, France 1996-08-30").
    let region_allowed = rest.starts_with(',');
    if !region_allowed && !rest.starts_with(' ') {
        return false;
    }
    if !region_allowed {
        if let Some(answer) = date_next(lex, rest) {
            return answer;
        }
    }
    date_follows_read(lex, rest, region_allowed)
}

/// [`date_follows`] without a region (`rest` starts with a space): the
/// first word is an ISO date, or a month before a day. Read as bytes, two
/// words at most, while they are ASCII (then a byte is a character of the
/// window); None where a byte is not, for [`date_follows_read`].
fn date_next(lex: &NameWords, rest: &str) -> Option<bool> {
    let b = rest.as_bytes();
    // (The window's 48 characters are 48 bytes while all are ASCII.)
    let limit = b.len().min(48);
    // (`char::is_whitespace` on ASCII, and the comma.)
    let gap = |c: u8| matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' | b',');
    let mut k = 0;
    let mut word = || -> Option<Option<&str>> {
        while k < limit && gap(b[k]) {
            // A blank line ends the window.
            if b[k] == b'\n' && k + 1 < limit && b[k + 1] == b'\n' {
                return Some(None);
            }
            k += 1;
        }
        let start = k;
        while k < limit && !gap(b[k]) {
            if !b[k].is_ascii() {
                return None;
            }
            k += 1;
        }
        Some((k > start).then(|| &rest[start..k]))
    };
    let Some(first) = word()? else {
        return Some(false);
    };
    // (A date's year opens with a digit: most words are turned away by it.)
    if first.as_bytes()[0].is_ascii_digit() && is_iso_date(first) {
        return Some(true);
    }
    let day_next = word()?.is_some_and(|d| d.len() <= 2 && d.bytes().all(|c| c.is_ascii_digit()));
    Some(day_next && is_month(lex, first.trim_end_matches('.')))
}

/// [`date_follows`] read as characters: the window of 48 characters up to
/// a blank line, split into words.
fn date_follows_read(lex: &NameWords, rest: &str, region_allowed: bool) -> bool {
    let window = first_chars(rest, 48);
    let window = &window[..blank_line(window).unwrap_or(window.len())];
    // The words of the window, read as far as needed: most ALL-CAPS words
    // asked about are headline words, turned away at the first word after.
    let mut words = window
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take(5)
        .peekable();
    let mut region_len = 0;
    let mut k = 0;
    while let Some(w) = words.next() {
        if k > 2 || (k > 0 && !region_allowed) {
            return false;
        }
        if is_iso_date(w) {
            return true;
        }
        // A month and its day ("June 1"), not a headline's "MAY".
        let day_next = words
            .peek()
            .is_some_and(|d| d.len() <= 2 && d.chars().all(|c| c.is_ascii_digit()));
        if day_next && is_month(lex, w.trim_end_matches('.')) {
            return region_len < 30;
        }
        // A region is written in Title Case or as an abbreviation
        // ("France", "Mich."), not as more headline words.
        let headline_word = w.len() > 2 && !w.contains('.') && !w.chars().any(char::is_lowercase);
        if headline_word || !w.chars().all(|c| c.is_alphabetic() || c == '.') {
            return false;
        }
        region_len += w.len();
        k += 1;
    }
    false
}

/// The offset of the first blank line mark (`\n\n`) in `s`.
fn blank_line(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(n) = bytes[from..].iter().position(|&b| b == b'\n') {
        let at = from + n;
        if bytes.get(at + 1) == Some(&b'\n') {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The first `n` characters of `s` (all of it when shorter).
fn first_chars(s: &str, n: usize) -> &str {
    match s.as_bytes().get(..n) {
        // All ASCII: `n` bytes are `n` characters.
        Some(head) if head.is_ascii() => &s[..n],
        _ => s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i]),
    }
}

/// `w` lower-cased is a month name of three letters or more.
fn is_month(lex: &NameWords, w: &str) -> bool {
    const MAX: usize = 16;
    if w.is_ascii() && w.len() <= MAX {
        let mut lower = [0u8; MAX];
        let lower = &mut lower[..w.len()];
        lower.copy_from_slice(w.as_bytes());
        lower.make_ascii_lowercase();
        // ASCII lower-cased is still ASCII, hence UTF-8.
        let month = std::str::from_utf8(lower).unwrap_or("");
        return month.len() >= 3 && lex.months.contains(month);
    }
    let month = w.to_lowercase();
    month.len() >= 3 && lex.months.contains(&month)
}

fn is_iso_date(w: &str) -> bool {
    let mut parts = w.split('-');
    let (Some(year), Some(month), Some(day), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    year.len() == 4
        && month.len() == 2
        && day.len() >= 2
        && [year, month, day]
            .iter()
            .all(|p| p.chars().take(2).all(|c| c.is_ascii_digit()))
}

/// A dateline town no list holds, named again in the body in Title Case
/// ("TAVILDARA, Tajikistan" … "the town of Tavildara").
#[inline(never)]
pub(super) fn dateline_names_again(words: &Words<'_, '_>, chosen: &[Span], extra: &mut Vec<Span>) {
    let text = words.doc.text;
    let mut proposed = Proposed::new(extra);
    let mut hint = 0;
    for s in chosen.iter().filter(|s| s.rule == "rule:dateline") {
        // Only a town no list holds: a listed one is found anyway, and its
        // name inside an event ("Berlin Grand Prix") is no mention. (The
        // spans come in text order: searched from the last answer.)
        let a = crate::sorted::partition_point_from(&words.toks, hint, |t| t.start < s.start);
        hint = a;
        if a < words.toks.len() && words.gaz_kind(a).is_some() {
            continue;
        }
        let caps = &text[s.start..s.end];
        if !caps.is_ascii() {
            continue;
        }
        let title: String = caps
            .split(' ')
            .map(|w| {
                let lower = w.to_ascii_lowercase();
                let mut cs = lower.chars();
                cs.next()
                    .map(|c| c.to_ascii_uppercase().to_string() + cs.as_str())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ");
        for (pos, _) in text.match_indices(title.as_str()) {
            let end = pos + title.len();
            if !crate::text::on_word_boundaries(text, pos, end)
                || !overlapping(chosen, pos, end).is_empty()
                || proposed.overlaps(pos, end)
            {
                continue;
            }
            proposed.add(pos, end);
            extra.push(Span::from_rule(
                pos,
                end,
                Some(EntityType::Place),
                "rule:dateline",
            ));
        }
    }
    extra.sort_by_key(|s| (s.start, s.end));
}

/// State abbreviations after a town ("Irvine, Calif.") or in a lawmaker's
/// party label ("(D-Pa.)"): places. The final dot is part of the name
/// unless it also ends the sentence.
#[inline(never)]
pub(super) fn state_abbreviations(words: &Words<'_, '_>, at: &Candidates, spans: &mut Vec<Span>) {
    let text = words.doc.text;
    let abbreviations = &words.lex.state_abbreviations;
    // Both layouts need a comma or a bracket before the word: only the
    // words after a gap that is not only spaces are visited.
    for k in each(&at.loose).skip_while(|&k| k == 0) {
        let t = words.toks[k];
        // (A hyphen is in the word exactly when the view marks one: the
        // word's text is read only after the cheap tests.)
        let (start, abbr) = if words.has_hyphen(k) {
            match words.word(k).split_once('-') {
                // "(D-Pa.)": the party's letter, then the state.
                Some((party, state))
                    if matches!(party, "D" | "R" | "I") && words.sep(k).ends_with('(') =>
                {
                    (t.start + party.len() + 1, state)
                }
                _ => continue,
            }
        } else {
            let after_town =
                words.is_name_word(k - 1) && !words.toks[k - 1].possessive && words.sep(k) == ", ";
            if !after_town {
                continue;
            }
            (t.start, words.word(k))
        };
        if !abbreviations.contains(abbr) {
            continue;
        }
        let rest = &text[t.end..];
        // Written as an abbreviation: a dot, or the line or a date follows.
        let next = rest.chars().next();
        let closes = matches!(next, None | Some('.' | ',' | ')' | '\n'))
            || rest
                .trim_start_matches(' ')
                .starts_with(|c: char| c.is_ascii_digit());
        if !closes {
            continue;
        }
        let end = if rest.starts_with('.') && !sentence_ends_at(&rest[1..]) {
            t.end + 1
        } else {
            t.end
        };
        let mut span = Span::from_rule(start, end, Some(EntityType::Place), "rule:state");
        span.priority = Priority::Defined;
        spans.push(span);
    }
}

/// The text after a dot shows the dot ended a sentence: the line ends, or
/// a capitalised word follows.
pub(super) fn sentence_ends_at(after: &str) -> bool {
    let mut cs = after.chars();
    match cs.next() {
        None | Some('\n') => true,
        Some(' ') => cs
            .as_str()
            .trim_start_matches(' ')
            .starts_with(|c: char| c.is_uppercase() || c == '"'),
        _ => false,
    }
}

/// Company names in angle brackets, the wire's mark for a company without a
/// ticker ("`<Acme Holdings Spa>`"): an organization. A ticker code
/// ("`<ACM>`", "`<ACM.MI>`") is one word and no name.
#[inline(never)]
pub(super) fn bracketed_companies(
    words: &Words<'_, '_>,
    brackets: &[usize],
    spans: &mut Vec<Span>,
) {
    let text = words.doc.text;
    for &open in brackets.iter().filter(|&&p| text.as_bytes()[p] == b'<') {
        let inner_start = open + 1;
        let Some(len) = text[inner_start..]
            .char_indices()
            .take(80)
            .find(|&(_, c)| c == '>' || c == '\n' || c == '<')
            .filter(|&(_, c)| c == '>')
            .map(|(k, _)| k)
        else {
            continue;
        };
        let inner = &text[inner_start..inner_start + len];
        let named = inner.contains(' ')
            && inner.starts_with(|c: char| c.is_uppercase())
            && inner.trim() == inner
            && inner
                .chars()
                .all(|c| c.is_alphanumeric() || " .&'-,".contains(c));
        if !named {
            continue;
        }
        let end = inner_start + inner.trim_end_matches(['.', ',']).len();
        let mut span = Span::from_rule(
            inner_start,
            end,
            Some(EntityType::Organization),
            "rule:bracketed-company",
        );
        span.priority = Priority::Defined;
        spans.push(span);
    }
}

/// An acronym in brackets right after an organization's name names it
/// ("Party of Democratic Action (SDA)"), even when its letters follow
/// another language's words.
#[inline(never)]
pub(super) fn acronyms_after_names(words: &Words<'_, '_>, chosen: &[Span], extra: &mut Vec<Span>) {
    let text = words.doc.text;
    for s in chosen {
        if s.kind != Some(EntityType::Organization) {
            continue;
        }
        let Some(inner) = text[s.end..].strip_prefix(" (") else {
            continue;
        };
        let acr_len = inner
            .find(')')
            .filter(|&k| (2..=7).contains(&k))
            .unwrap_or(0);
        let acr = &inner[..acr_len];
        let letters = acr.chars().filter(|c| c.is_ascii_uppercase()).count();
        if acr_len == 0 || letters < 2 || !acr.chars().all(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        // "Member of European Parliament (MEP)": the acronym spells more
        // than the name, a role or a longer name around it.
        let initials: String = text[s.start..s.end]
            .split([' ', '-'])
            .filter_map(|w| w.chars().next().filter(char::is_ascii_uppercase))
            .collect();
        if acr.len() > initials.len() && acr.ends_with(initials.as_str()) {
            continue;
        }
        let start = s.end + 2;
        let end = start + acr_len;
        if !overlapping(chosen, start, end).is_empty() {
            continue;
        }
        let canonical = s
            .canonical
            .clone()
            .unwrap_or_else(|| text[s.start..s.end].to_owned());
        let mut span = Span::from_rule(start, end, Some(EntityType::Organization), "rule:acronym");
        span.canonical = Some(canonical);
        extra.push(span);
    }
}

/// Names in an ALL-CAPS wire headline that the article names again below
/// its dateline ("INCE EXPOSED BY GASCOIGNE 'S PRANK" … "Paul Ince", "Paul
/// Gascoigne"): each takes the type the body gives it, also over a town of
/// the same spelling ("LENTINI" for the player Gianluigi Lentini). Capitals
/// alone let no word through: only names the body establishes count.
#[inline(never)]
pub(super) fn headline_names(
    words: &Words<'_, '_>,
    datelines: &[(usize, usize)],
    chosen: &mut Vec<Span>,
) {
    let text = words.doc.text;
    let Some(&(dateline, _)) = datelines.first() else {
        return;
    };
    let body = words.toks[dateline].start;
    let headline = words.toks.partition_point(|t| t.start < body);
    // The headline's ALL-CAPS runs are the only names looked up: the body
    // is read for those alone, not turned into a table of all its names.
    let mut candidates: Vec<&str> = Vec::with_capacity(3 * headline);
    for i in (0..headline).filter(|&i| words.is_all_caps(i)) {
        // (Each run of up to three words, `caps_run`'s, read as one walk:
        // a run that stops at a word stops every longer one there too.)
        let mut j = i + 1;
        loop {
            let (s, e) = words.span(i, j);
            candidates.push(&text[s..e]);
            if j - i == 3 || j >= headline || !words.is_all_caps(j) || words.sep(j) != " " {
                break;
            }
            j += 1;
        }
    }
    // (The runs `caps_run` gives, in test builds: every test that extracts
    // an article compares them.)
    #[cfg(test)]
    {
        let each_run = (0..headline)
            .flat_map(|i| (1..=3).filter_map(move |len| caps_run(words, i, i + len, headline)));
        let want: Vec<&str> = each_run.map(|(s, e)| &text[s..e]).collect();
        assert_eq!(candidates, want);
    }
    if candidates.is_empty() {
        return;
    }
    candidates.sort_unstable();
    candidates.dedup();
    let known = body_names(words, chosen, body, datelines, &candidates);
    if known.is_empty() {
        return;
    }
    let mut found: Vec<Span> = Vec::new();
    let mut i = 0;
    while i < headline {
        let longest = (1..=3).rev().find_map(|len| {
            let j = i + len;
            let (s, e) = caps_run(words, i, j, headline)?;
            let caps = &text[s..e];
            known
                .iter()
                .find(|(key, _, _)| *key == caps)
                .map(|(_, kind, canonical)| (j, s, e, kind, canonical))
        });
        let Some((j, s, e, kind, canonical)) = longest else {
            i += 1;
            continue;
        };
        // Spans inside the name give way; one reaching outside keeps it.
        if overlapping(chosen, s, e)
            .iter()
            .any(|c| c.start < s || c.end > e || c.kind == Some(*kind))
        {
            i = j;
            continue;
        }
        let mut span = Span::from_rule(s, e, Some(*kind), "rule:headline-name");
        span.canonical = Some(canonical.clone());
        found.push(span);
        i = j;
    }
    if found.is_empty() {
        return;
    }
    chosen.retain(|c| !found.iter().any(|f| c.start >= f.start && c.end <= f.end));
    chosen.extend(found);
    chosen.sort_by_key(|s| (s.start, s.end));
}

/// The span of words `i..j` when they are ALL-CAPS words of the headline
/// (before word `headline`) with one space between each two.
fn caps_run(words: &Words<'_, '_>, i: usize, j: usize, headline: usize) -> Option<(usize, usize)> {
    let caps = j <= headline
        && (i..j).all(|k| words.is_all_caps(k))
        && (i + 1..j).all(|k| words.sep(k) == " ");
    caps.then(|| words.span(i, j))
}

/// Of the `candidates` (sorted ALL-CAPS spellings), those the body (from
/// byte `body` on, outside the `datelines`) establishes as names, with the
/// type and canonical name of the first that does: a name in capitals, or
/// a person's name part ("INCE").
fn body_names<'t>(
    words: &Words<'_, 't>,
    chosen: &[Span],
    body: usize,
    datelines: &[(usize, usize)],
    candidates: &[&'t str],
) -> Vec<(&'t str, EntityType, String)> {
    let text = words.doc.text;
    let mut known: Vec<(&'t str, EntityType, String)> = Vec::new();
    // The dateline only says where the story was filed: the body's own
    // mentions type the name ("MILAN" the club, below "MILAN 1996-08-30").
    let in_dateline = |s: &Span| {
        datelines
            .iter()
            .any(|&(a, b)| words.toks[a].start <= s.start && s.end <= words.toks[b - 1].end)
    };
    let shapes = Shapes::new(candidates);
    let mut learn = |form: &str, kind: EntityType, s: &Span| {
        if form.is_ascii() {
            if form.len() < 3 || !shapes.may_spell_one(form) {
                return;
            }
        } else if form.chars().count() < 3 {
            return;
        }
        let Some(key) = candidate_in_capitals(candidates, form) else {
            return;
        };
        if known.iter().all(|(k, _, _)| *k != key) {
            let canonical = s
                .canonical
                .clone()
                .unwrap_or_else(|| text[s.start..s.end].to_owned());
            known.push((key, kind, canonical));
        }
    };
    for s in chosen.iter().filter(|s| s.start >= body && !in_dateline(s)) {
        let Some(kind) = s.kind else { continue };
        if !matches!(
            kind,
            EntityType::Person | EntityType::Organization | EntityType::Place
        ) {
            continue;
        }
        let name = &text[s.start..s.end];
        learn(name, kind, s);
        if kind == EntityType::Person {
            for part in name.split(' ') {
                learn(part, kind, s);
            }
        }
    }
    known
}

/// The shapes of the headline's candidates: for each length (63 standing
/// for 63 and more), the low six bits of their first and of their last
/// bytes. Upper-casing keeps an ASCII form's length and upper-cases its
/// first and last bytes, so an ASCII form whose shape upper-cased is no
/// candidate's is none of them, turned away without a search.
struct Shapes {
    first: [u64; 64],
    last: [u64; 64],
}

impl Shapes {
    fn new(candidates: &[&str]) -> Shapes {
        let mut shapes = Shapes {
            first: [0; 64],
            last: [0; 64],
        };
        for c in candidates {
            if let (Some(&f), Some(&l)) = (c.as_bytes().first(), c.as_bytes().last()) {
                let n = c.len().min(63);
                shapes.first[n] |= 1 << (f & 63);
                shapes.last[n] |= 1 << (l & 63);
            }
        }
        shapes
    }

    /// An ASCII `form` may be a candidate in capitals: one of them has its
    /// length and first byte upper-cased, and one its length and last
    /// byte upper-cased.
    fn may_spell_one(&self, form: &str) -> bool {
        let b = form.as_bytes();
        let (Some(f), Some(l)) = (b.first(), b.last()) else {
            return false;
        };
        let n = form.len().min(63);
        let bit = |set: u64, byte: u8| set >> (byte.to_ascii_uppercase() & 63) & 1 != 0;
        bit(self.first[n], *f) && bit(self.last[n], *l)
    }
}

/// The candidate that is `form` in capitals (`str::to_uppercase`), if any.
fn candidate_in_capitals<'t>(candidates: &[&'t str], form: &str) -> Option<&'t str> {
    const MAX: usize = 64;
    // (Strings order as their bytes do.)
    let find = |upper: &[u8]| {
        let k = candidates.binary_search_by(|c| c.as_bytes().cmp(upper));
        k.ok().map(|k| candidates[k])
    };
    if form.is_ascii() && form.len() <= MAX {
        let mut upper = [0u8; MAX];
        let upper = &mut upper[..form.len()];
        upper.copy_from_slice(form.as_bytes());
        upper.make_ascii_uppercase();
        return find(upper);
    }
    find(form.to_uppercase().as_bytes())
}

#[cfg(test)]
mod tests {
    /// The candidate search by bytes finds what the search by strings
    /// found, and the shape filter turns away no ASCII form that spells a
    /// candidate.
    #[test]
    fn capitals_found_by_bytes_as_by_strings() {
        fn by_strings<'t>(candidates: &[&'t str], form: &str) -> Option<&'t str> {
            let upper = form.to_uppercase();
            let k = candidates.binary_search(&upper.as_str()).ok()?;
            Some(candidates[k])
        }
        let mut candidates = vec![
            "INCE",
            "MILAN",
            "NEW YORK",
            "ÉCOLE",
            "AB",
            "INTER MILAN",
            "MILANO",
            "Z",
            "ZÜRICH",
        ];
        candidates.sort_unstable();
        let forms = [
            "Ince",
            "ince",
            "INCE",
            "Milan",
            "milano",
            "New York",
            "new york",
            "École",
            "école",
            "ab",
            "Inter Milan",
            "z",
            "Zürich",
            "zürich",
            "Zurich",
            "Ma",
            "",
            "Incense",
            "xyz",
        ];
        let shapes = super::Shapes::new(&candidates);
        for form in forms {
            let want = by_strings(&candidates, form);
            assert_eq!(
                super::candidate_in_capitals(&candidates, form),
                want,
                "{form}"
            );
            if form.is_ascii() && want.is_some() {
                assert!(shapes.may_spell_one(form), "{form}");
            }
        }
    }

    /// The byte reading of a date after a dateline name answers as the
    /// reading by characters, after every word of the fixture and
    /// development texts and after crafted gaps (blank lines, the window's
    /// edge, characters that are not ASCII).
    #[test]
    fn dates_read_as_bytes_as_by_characters() {
        let lex = &crate::lexicon::Lexicon::embedded().names;
        let mut rests: Vec<String> = [
            " 1996-08-22",
            " June 1 -",
            " JUNE 12",
            " MAY 5",
            " May 123",
            " Aug. 3",
            " Sept. 30 -",
            " \n\nJune 1",
            " \nJune\n\n1",
            " \u{0B}June\u{0C}1",
            " June, 1",
            "  ",
            " ",
            " PRANK 2",
            " 1996-08-2",
            " Junе 1",
            " June ١",
            " é 1996-08-22",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        rests.push(format!(" {}June 1", " ".repeat(40)));
        rests.push(format!(" {}June 1", " ".repeat(43)));
        rests.push(format!(" {}1996-08-22", " ".repeat(40)));
        for text in crate::text::test_corpus::texts() {
            let rest = text.char_indices().filter(|&(_, c)| c == ' ');
            rests.extend(rest.map(|(k, _)| text[k..].chars().take(60).collect()));
        }
        for rest in &rests {
            if let Some(answer) = super::date_next(lex, rest) {
                assert_eq!(
                    answer,
                    super::date_follows_read(lex, rest, false),
                    "{rest:?}"
                );
            }
        }
        assert!(super::date_follows(lex, " 1996-08-22"));
        assert!(super::date_follows(lex, " June 1 -"));
    }

    /// A dateline town named again many times in a long article: each
    /// mention is checked against the names proposed before it by a
    /// search, not one by one.
    #[test]
    fn dateline_names_again_cost_linear_work() {
        let per_unit = super::super::spans::tests::steps_per_unit(
            |units| {
                let body = "Rain fell on Zorblaxton again. ".repeat(units);
                format!("ZORBLAXTON, Ruritania 1996-08-22\n\n{body}")
            },
            |record| {
                let mentions = record
                    .entities
                    .iter()
                    .filter(|e| e.name.eq_ignore_ascii_case("Zorblaxton"))
                    .map(|e| e.mentions.len())
                    .sum::<usize>();
                assert!(mentions > 40, "mentions: {mentions}");
            },
        );
        assert!(
            per_unit[1] <= 2.0 * per_unit[0],
            "steps per mention: {per_unit:?}"
        );
    }
}
