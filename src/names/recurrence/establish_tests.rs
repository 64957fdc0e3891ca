use std::collections::{HashMap, HashSet};

use super::*;
use crate::gazetteer::Gazetteer;
use crate::hash::PolyBuild;
use crate::text::Doc;

/// The names as `establish` first collected them: a map by text (the
/// first proposal of a name stands), then sorted longest first.
fn names_by_map<'a>(words: &Words<'_, 'a>, chosen: &[Span]) -> Vec<(&'a str, KnownName)> {
    let text = words.doc.text;
    let mut names: HashMap<&str, KnownName, PolyBuild> = HashMap::default();
    for s in chosen {
        let Some(kind) = s.kind else { continue };
        let t = &text[s.start..s.end];
        if s.entry.map_or(true, |e| recurs(words, e)) {
            names.entry(t).or_insert_with(|| KnownName {
                kind,
                canonical: s.canonical.clone(),
                entry: s.entry,
            });
        }
        if kind == EntityType::Organization {
            let stem = short_form(words, t).or_else(|| headed_short_form(words, s));
            if let Some(stem) = stem {
                names.entry(stem).or_insert_with(|| KnownName {
                    kind,
                    canonical: Some(s.canonical.clone().unwrap_or_else(|| t.to_owned())),
                    entry: s.entry,
                });
            }
        }
    }
    let mut names: Vec<(&str, KnownName)> = names.into_iter().collect();
    names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
    names
}

/// The name parts as `establish` first collected them: two hash sets.
fn parts_by_sets<'a>(
    words: &Words<'_, 'a>,
    chosen: &[Span],
) -> (HashSet<&'a str>, HashSet<&'a str>) {
    let text = words.doc.text;
    let (mut parts, mut later_parts) = (HashSet::new(), HashSet::new());
    for s in chosen {
        let t = &text[s.start..s.end];
        if s.kind == Some(EntityType::Person) && t.contains(' ') {
            for (k, p) in t.split(' ').enumerate() {
                if k > 0 {
                    later_parts.insert(p);
                }
                if p.chars().nth(1).is_some()
                    && p.chars().next().is_some_and(char::is_uppercase)
                    && !words.lex.stop.contains_key(p)
                {
                    parts.insert(p);
                }
            }
        }
    }
    (parts, later_parts)
}

/// One sorted list of flagged words answers as the two sets of name
/// parts did, for every word of the text and every part, over random
/// person spans (repeated, overlapping, with lower-case and stop words).
#[test]
fn name_parts_as_the_sets_held() {
    let text = "Aung San Suu Kyi met Josef Stalin and Paris Hilton of the \
                Hilton in Paris. AUNG SAN said de Gaulle and van Gogh. "
        .repeat(4);
    let doc = Doc::new(&text, false);
    let lex = &crate::lexicon::Lexicon::embedded().names;
    let words = Words::new(&doc, Gazetteer::embedded(), lex, &[]);
    let toks = &words.toks;
    let mut next = super::super::spans::xorshift(0x0123_4567_89ab_cdef);
    for _ in 0..400 {
        let spans: Vec<Span> = (0..next(12))
            .map(|_| {
                let from = next(toks.len());
                let to = (from + 1 + next(4)).min(toks.len());
                let kind = [EntityType::Person, EntityType::Place][next(4).min(1)];
                Span::from_rule(toks[from].start, toks[to - 1].end, Some(kind), "rule:test")
            })
            .collect();
        let (parts, later_parts) = parts_by_sets(&words, &spans);
        let got = establish(&words, &spans).parts;
        let mut asked: Vec<&str> = (0..toks.len()).map(|k| words.word(k)).collect();
        asked.extend(parts.iter().chain(&later_parts));
        for w in asked {
            let flags = got.flags(w);
            assert_eq!(flags & NameParts::PART != 0, parts.contains(w), "{w:?}");
            assert_eq!(
                flags & NameParts::LATER != 0,
                later_parts.contains(w),
                "{w:?}"
            );
        }
        let with = |flags| got.with(flags).collect::<HashSet<&str>>();
        assert_eq!(with(NameParts::PART), parts);
        assert_eq!(with(NameParts::LATER), later_parts);
        assert_eq!(got.any(NameParts::PART), !parts.is_empty());
        assert_eq!(got.any(NameParts::LATER), !later_parts.is_empty());
    }
}

/// The byte split splits as `split(' ')` does.
#[test]
fn space_separated_as_split() {
    for t in [
        "",
        " ",
        "a",
        "a b",
        " a  b ",
        "Aung San Suu Kyi",
        "x\u{a0}y z",
    ] {
        let got: Vec<&str> = space_separated(t).collect();
        assert_eq!(got, t.split(' ').collect::<Vec<_>>(), "{t:?}");
    }
}

/// One sorted list with the later proposals of a name dropped holds the
/// names the map held, with the same facts, over random spans (repeated
/// names of other kinds and entries, legal suffixes, head words).
#[test]
fn one_sorted_list_holds_what_the_map_held() {
    let text = "Acme Holdings Inc said. Stotler and Co, Stotler and Co. Tate Gallery \
                and the Tate. Acme Holdings Inc met Paris Hilton in Paris. "
        .repeat(6);
    let doc = Doc::new(&text, false);
    let lex = &crate::lexicon::Lexicon::embedded().names;
    let gaz = Gazetteer::embedded();
    let words = Words::new(&doc, gaz, lex, &[]);
    let toks = &words.toks;
    let mut next = super::super::spans::xorshift(0x5851_f42d_4c95_7f2d);
    let kinds = [
        EntityType::Organization,
        EntityType::Person,
        EntityType::Place,
    ];
    for _ in 0..400 {
        let spans: Vec<Span> = (0..next(40))
            .map(|_| {
                let from = next(toks.len());
                let to = (from + 1 + next(3)).min(toks.len());
                let mut s = Span::from_rule(
                    toks[from].start,
                    toks[to - 1].end,
                    (next(5) > 0).then(|| kinds[next(3)]),
                    ["rule:org-head", "rule:test"][next(2)],
                );
                s.entry = (next(3) == 0).then(|| next(gaz.entries().len()) as u32);
                s.canonical = (next(4) == 0).then(|| format!("C{}", next(3)));
                s
            })
            .collect();
        let want = names_by_map(&words, &spans);
        let got = establish(&words, &spans).names;
        let facts = |names: &[(&str, KnownName)]| {
            names
                .iter()
                .map(|(t, k)| (t.to_string(), k.kind, k.canonical.clone(), k.entry))
                .collect::<Vec<_>>()
        };
        assert_eq!(facts(&got), facts(&want));
    }
}
