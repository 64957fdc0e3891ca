//! Names in an ALL-CAPS wire headline that the body below the dateline
//! establishes ("INCE EXPOSED BY GASCOIGNE 'S PRANK" … "Paul Ince").

use super::super::spans::{overlapping, Span};
use super::super::tokens::Words;
use crate::record::EntityType;

/// Names in an ALL-CAPS wire headline that the article names again below
/// its dateline ("INCE EXPOSED BY GASCOIGNE 'S PRANK" … "Paul Ince", "Paul
/// Gascoigne"): each takes the type the body gives it, also over a town of
/// the same spelling ("LENTINI" for the player Gianluigi Lentini). Capitals
/// alone let no word through: only names the body establishes count.
#[inline(never)]
pub(in crate::names) fn headline_names(
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
}
