//! Unit tests of the scoring rules.

use newsfacts::record::{Mention, Qualifier, Source};
use newsfacts::{ArticleRecord, Claim, ClaimKind, Entity, EntityType};

use crate::figures::{pair_figures, sentence_around};
use crate::score::multiset_match;
use crate::*;

fn record(
    id: &str,
    entities: Vec<(EntityType, &str, Vec<&str>)>,
    claims: Vec<Claim>,
) -> ArticleRecord {
    ArticleRecord {
        id: id.into(),
        title: None,
        byline: None,
        agency: None,
        entities: entities
            .into_iter()
            .enumerate()
            .map(|(i, (kind, name, mentions))| Entity {
                id: format!("e{i}"),
                kind,
                name: name.into(),
                key: None,
                mentions: mentions
                    .into_iter()
                    .map(|t| Mention {
                        text: t.into(),
                        start: 0,
                        end: 0,
                        sentence: 0,
                        rule: String::new(),
                        char_end: None,
                        char_start: None,
                    })
                    .collect(),
            })
            .collect(),
        claims,
        date: None,
        sentences: Vec::new(),
        url: None,
    }
}

fn claim(kind: ClaimKind, text: &str, value: Option<f64>, unit: Option<&str>) -> Claim {
    Claim {
        id: "c".into(),
        kind,
        text: text.into(),
        value,
        upper: None,
        unit: unit.map(str::to_string),
        qualifier: Some(Qualifier::Exact),
        year: None,
        subject: None,
        source: None,
        speaker: None,
        hedged: false,
        sentence: String::new(),
        start: 0,
        end: 0,
        rule: String::new(),
        char_end: None,
        char_start: None,
        sentence_index: None,
    }
}

fn gold(line: &str) -> GoldArticle {
    serde_json::from_str(line).unwrap()
}

fn gfig(text: &str, value: f64, kind: &str, unit: Option<&str>) -> GoldFigure {
    GoldFigure {
        text: text.into(),
        value,
        kind: kind.into(),
        unit: unit.map(str::to_string),
        qualifier: Some("exact".into()),
        upper: None,
        year: None,
        source: None,
        subject: None,
        hedged: None,
    }
}

#[test]
fn multiset_matching_table() {
    // (gold, predicted, tp, fp, fn)
    type Row<'a> = (&'a [&'a str], &'a [&'a str], usize, usize, usize);
    let rows: &[Row] = &[
        (&["China", "China"], &["China"], 1, 0, 1),
        (&["China"], &["China", "China"], 1, 1, 0),
        (&["China", "Taliban"], &["Taliban", "China"], 2, 0, 0),
        (&["Xi Jinping"], &["Xi"], 0, 1, 1),
        (&[], &["China"], 0, 1, 0),
        (&["China"], &[], 0, 0, 1),
    ];
    for (g, p, tp, fp, fn_) in rows {
        let g: Vec<String> = g.iter().map(|s| s.to_string()).collect();
        let p: Vec<String> = p.iter().map(|s| s.to_string()).collect();
        let (t, missed, spurious) = multiset_match(&g, &p);
        assert_eq!(
            (t, spurious.len(), missed.len()),
            (*tp, *fp, *fn_),
            "{g:?} vs {p:?}"
        );
    }
}

#[test]
fn mentions_by_type_ignore_other_types_and_normalise_apostrophes() {
    let g = gold(
        r#"{"id": "a", "mentions": [
        {"type": "place", "text": "China", "canonical": "China"},
        {"type": "place", "text": "Cote d’Ivoire", "canonical": "Cote d’Ivoire"},
        {"type": "person", "text": "Blinken", "canonical": "Antony Blinken"}]}"#,
    );
    let r = record(
        "a",
        vec![
            (EntityType::Place, "China", vec!["China"]),
            (EntityType::Place, "Cote d'Ivoire", vec!["Cote  d'Ivoire"]),
            (EntityType::Organization, "Blinken", vec!["Blinken"]),
            (
                EntityType::Nationality,
                "Chinese",
                vec!["Chinese", "Chinese"],
            ),
        ],
        vec![],
    );
    let rep = score(&[g], &[r]);
    assert_eq!(rep.mentions.place, PrecisionRecall::new(2, 0, 0));
    assert_eq!(rep.mentions.person, PrecisionRecall::new(0, 0, 1));
    assert_eq!(rep.mentions.organization, PrecisionRecall::new(0, 1, 0));
    assert_eq!(rep.mentions.overall, PrecisionRecall::new(2, 1, 1));
    // Entity level: canonical names, case-insensitive.
    assert_eq!(rep.entities.place, PrecisionRecall::new(2, 0, 0));
    assert_eq!(rep.entities.person, PrecisionRecall::new(0, 0, 1));
}

#[test]
fn unit_normalisation_table() {
    let same = [
        ("km", "kilometres"),
        ("km", "Kilometers"),
        ("MW", "megawatts"),
        ("kg", "kilograms"),
        ("tonnes", "tons"),
        ("bn", "billion"),
        ("%", "per cent"),
        ("fighters", "fighter"),
        ("countries", "country"),
        ("Uyghurs", "uyghurs"),
        ("oil fields", "oil field"),
        ("pp", "percentage points"),
        ("CNY per USD", "cny per usd"),
    ];
    for (a, b) in same {
        assert_eq!(normalize_unit(a), normalize_unit(b), "{a} vs {b}");
    }
    let different = [
        ("USD", "GBP"),
        ("days", "months"),
        ("km", "miles"),
        ("%", "pp"),
    ];
    for (a, b) in different {
        assert_ne!(normalize_unit(a), normalize_unit(b), "{a} vs {b}");
    }
}

#[test]
fn figure_pairing_table() {
    use ClaimKind::*;
    // Each row: gold figures, predicted (text, value), expected pairing.
    type Row = (
        Vec<GoldFigure>,
        Vec<(&'static str, f64)>,
        Vec<Option<usize>>,
    );
    let rows: Vec<Row> = vec![
        // Reading order, first unpaired with equal value.
        (
            vec![gfig("5", 5.0, "count", None), gfig("5", 5.0, "count", None)],
            vec![("5", 5.0), ("7", 7.0), ("5", 5.0)],
            vec![Some(0), Some(2)],
        ),
        // Prefer the one whose text matches.
        (
            vec![gfig("$10 million", 1e7, "money", Some("USD"))],
            vec![("10m", 1e7), ("$10 million", 1e7)],
            vec![Some(1)],
        ),
        // Relative tolerance.
        (
            vec![gfig("33.33", 33.33, "percent", Some("%"))],
            vec![("a third", 33.330_000_01)],
            vec![Some(0)],
        ),
        (
            vec![gfig("500", 500.0, "count", None)],
            vec![("50", 50.0)],
            vec![None],
        ),
    ];
    for (g, p, want) in rows {
        let claims: Vec<Claim> = p
            .iter()
            .map(|(t, v)| claim(Count, t, Some(*v), None))
            .collect();
        let pred: Vec<(&Claim, f64)> = claims.iter().map(|c| (c, c.value.unwrap())).collect();
        assert_eq!(pair_figures(&g, &pred), want, "{g:?}");
    }
}

#[test]
fn figure_scores_value_full_and_fields() {
    let mut g1 = gfig("500", 500.0, "count", Some("fighters"));
    g1.qualifier = Some("approx".into());
    g1.source = Some("Li Wei".into());
    let g2 = gfig("30 km", 30.0, "measure", Some("km"));
    let g3 = gfig("7", 7.0, "count", None);
    let g = GoldArticle {
        id: "a".into(),
        title: None,
        byline: None,
        agency: None,
        mentions: vec![],
        figures: vec![g1, g2, g3],
        quotes: vec![],
    };
    let mut c1 = claim(ClaimKind::Count, "500", Some(500.0), Some("fighter"));
    c1.qualifier = Some(Qualifier::Approx);
    c1.source = Some(Source {
        name: "li wei".into(),
        entity: None,
    });
    let c2 = claim(ClaimKind::Count, "30", Some(30.0), Some("kilometres"));
    let c3 = claim(ClaimKind::Percent, "2", Some(2.0), Some("%"));
    let quote = claim(ClaimKind::Quote, "7 words", None, None);
    let rep = score(&[g], &[record("a", vec![], vec![c1, c2, c3, quote])]);
    assert_eq!(rep.figures.value, PrecisionRecall::new(2, 1, 1));
    // c2 has the wrong kind.
    assert_eq!(rep.figures.full, PrecisionRecall::new(1, 2, 2));
    assert_eq!(rep.figures.kind, Accuracy::new(1, 2));
    assert_eq!(rep.figures.unit, Accuracy::new(2, 2));
    assert_eq!(rep.figures.qualifier, Accuracy::new(2, 2));
    assert_eq!(rep.figures.source, Accuracy::new(2, 2));
    let whats: Vec<&str> = rep.figure_misses.iter().map(|m| m.what).collect();
    assert_eq!(whats, ["mismatch", "missed", "spurious"]);
}

#[test]
fn subject_and_hedged_scored_where_annotated() {
    // (gold subject, predicted subject entity, gold hedged, predicted hedged)
    let mut g1 = gfig("300", 300.0, "count", Some("jobs"));
    g1.subject = Some(Some("Lloyds Banking Group".into()));
    g1.hedged = Some(true);
    let mut g2 = gfig("40", 40.0, "count", Some("jobs"));
    g2.subject = Some(None);
    g2.hedged = Some(false);
    // Not annotated: neither subject nor hedged is scored.
    let g3 = gfig("7", 7.0, "count", None);
    let g = GoldArticle {
        id: "a".into(),
        title: None,
        byline: None,
        agency: None,
        mentions: vec![],
        figures: vec![g1, g2, g3],
        quotes: vec![],
    };
    let mut c1 = claim(ClaimKind::Count, "300", Some(300.0), Some("jobs"));
    c1.subject = Some("e0".into());
    c1.hedged = true;
    let mut c2 = claim(ClaimKind::Count, "40", Some(40.0), Some("jobs"));
    c2.subject = Some("e0".into());
    c2.hedged = true;
    let c3 = claim(ClaimKind::Count, "7", Some(7.0), None);
    let entities = vec![(
        EntityType::Organization,
        "Lloyds Banking Group",
        vec!["Lloyds"],
    )];
    let rep = score(&[g], &[record("a", entities, vec![c1, c2, c3])]);
    assert_eq!(rep.figures.subject, Accuracy::new(1, 2));
    assert_eq!(rep.figures.subject_named, Accuracy::new(1, 1));
    assert_eq!(rep.per_article[0].subject, Accuracy::new(1, 2));
    assert_eq!(rep.per_article[0].source, rep.figures.source);
    assert_eq!(rep.figures.hedged, PrecisionRecall::new(1, 1, 0));
    let gold_line = r#"{"id": "b", "figures": [{"text": "5", "value": 5, "kind": "count", "subject": null, "hedged": false}], "quotes": [{"text": "We will win", "speaker": null, "hedged": true}]}"#;
    let read = gold(gold_line);
    assert_eq!(read.figures[0].subject, Some(None));
    assert_eq!(read.figures[0].hedged, Some(false));
    assert_eq!(read.quotes[0].hedged, Some(true));
    assert_eq!(
        gold(r#"{"id": "c", "figures": [{"text": "5", "value": 5, "kind": "count"}]}"#).figures[0]
            .subject,
        None
    );
}

#[test]
fn quote_five_word_matching_table() {
    // (gold text, predicted text, match?)
    let rows = [
        (
            "It’s hard to see a wanted man turning",
            "It's hard to see a wanted man turning himself in.",
            true,
        ),
        (
            "The two companies [Rosneft and CNPC] have agreed",
            "The two companies [Rosneft and CNPC] have",
            true,
        ),
        (
            "Where have the members of the ETIM gone",
            "“Where have the members of the Taliban gone?",
            true,
        ),
        (
            "Where have the members of the ETIM gone",
            "Where are the members of the ETIM",
            false,
        ),
        ("We will not be silent", "We will not be", false),
    ];
    for (g, p, want) in rows {
        let ga = GoldArticle {
            id: "a".into(),
            title: None,
            byline: None,
            agency: None,
            mentions: vec![],
            figures: vec![],
            quotes: vec![GoldQuote {
                text: g.into(),
                speaker: None,
                hedged: None,
            }],
        };
        let rep = score(
            &[ga],
            &[record(
                "a",
                vec![],
                vec![claim(ClaimKind::Quote, p, None, None)],
            )],
        );
        assert_eq!(rep.quotes.quotes.true_positives == 1, want, "{g} / {p}");
    }
}

#[test]
fn quotes_are_one_to_one_and_speakers_scored() {
    let ga = gold(
        r#"{"id": "a", "quotes": [
        {"text": "We will fight on and on", "speaker": "Jane Roe"},
        {"text": "We will fight on and on again", "speaker": null}]}"#,
    );
    let mut q = claim(ClaimKind::Quote, "We will fight on and on", None, None);
    q.speaker = Some(Source {
        name: "Jane Roe".into(),
        entity: None,
    });
    let rep = score(&[ga], &[record("a", vec![], vec![q])]);
    assert_eq!(rep.quotes.quotes, PrecisionRecall::new(1, 0, 1));
    assert_eq!(rep.quotes.speaker, Accuracy::new(1, 1));
}

#[test]
fn articles_pair_by_id_title_or_id_suffix() {
    let g = vec![
        gold(r#"{"id": "seed-01", "title": "China’s  plan"}"#),
        gold(r#"{"id": "bbc-business-077", "title": "Other"}"#),
        gold(
            r#"{"id": "x", "title": "Lost", "mentions": [{"type": "place", "text": "Paris", "canonical": "Paris"}]}"#,
        ),
    ];
    let mut r1 = record("tag-uyghur-01", vec![], vec![]);
    r1.title = Some("China's plan".into());
    let r2 = record("business-077", vec![], vec![]);
    let r3 = record("extra", vec![], vec![]);
    let rep = score(&g, &[r3, r2, r1]);
    assert_eq!(rep.articles.paired, 2);
    assert_eq!(rep.articles.unpaired_gold, ["x"]);
    assert_eq!(rep.articles.unpaired_records, ["extra"]);
    // The unpaired gold article's items are misses.
    assert_eq!(rep.mentions.overall, PrecisionRecall::new(0, 0, 1));
}

#[test]
fn loose_records_from_other_systems() {
    let line = r#"{"id": 7, "entities": [{"type": "PERSON", "name": "x"}, {"type": "person", "name": "Li Wei", "mentions": [{"text": "Li Wei", "start": 3, "end": 9}]}], "claims": [{"kind": "money", "text": "$5", "value": 5, "unit": "USD", "qualifier": "weird", "year": 2020.0}, {"kind": "date", "text": "2020"}]}"#;
    let recs = read_records(line.as_bytes(), "t").unwrap();
    assert_eq!(recs[0].id, "7");
    assert_eq!(recs[0].entities.len(), 1);
    assert_eq!(recs[0].claims.len(), 1);
    assert_eq!(recs[0].claims[0].qualifier, None);
    assert_eq!(recs[0].claims[0].year, Some(2020));
}

#[test]
fn sentence_context() {
    let t = "Title\n\nOne said 5. Then 500 came, he said. End 500 again.";
    assert_eq!(
        sentence_around(t, "500", 1).as_deref(),
        Some("Then 500 came, he said.")
    );
    assert_eq!(
        sentence_around(t, "500", 2).as_deref(),
        Some("End 500 again.")
    );
    assert_eq!(sentence_around(t, "500", 3), None);
}
