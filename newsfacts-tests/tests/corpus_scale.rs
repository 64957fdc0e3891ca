//! The corpus view over a generated corpus of 10,000 articles: one pass over
//! a lazy stream of records, exact counts, and storage bounded by the caps.

use newsfacts::corpus::CorpusLimits;
use newsfacts::record::{Mention, Qualifier, Source};
use newsfacts::{ArticleRecord, Claim, ClaimKind, Corpus, Entity, EntityType};

const ARTICLES: usize = 10_000;

fn entity(id: usize, kind: EntityType, name: String, key: Option<String>) -> Entity {
    Entity {
        id: format!("e{id}"),
        kind,
        name: name.clone(),
        key,
        mentions: vec![Mention {
            text: name,
            start: 0,
            end: 1,
            sentence: 0,
            rule: "generated".to_string(),
            char_end: None,
            char_start: None,
        }],
    }
}

fn figure(id: usize, subject: &str, value: f64, unit: &str, source: Option<&str>) -> Claim {
    Claim {
        id: format!("c{id}"),
        kind: ClaimKind::Count,
        text: value.to_string(),
        value: Some(value),
        upper: None,
        unit: Some(unit.to_string()),
        qualifier: Some(Qualifier::Exact),
        year: Some(2004),
        subject: Some(subject.to_string()),
        source: source.map(|name| Source {
            name: name.to_string(),
            entity: None,
        }),
        speaker: None,
        hedged: false,
        sentence: String::new(),
        start: 0,
        end: 1,
        rule: "generated".to_string(),
        char_end: None,
        char_start: None,
        sentence_index: None,
    }
}

/// Article `n`: China in every article, one of 2,000 cities (keyed), five
/// names found nowhere else (unkeyed), and figures about China and the city.
fn article(n: usize) -> ArticleRecord {
    let mut entities = vec![
        entity(1, EntityType::Place, "China".into(), Some("CN".into())),
        entity(
            2,
            EntityType::Place,
            format!("City {}", n % 2_000),
            Some(format!("gn:{}", n % 2_000)),
        ),
    ];
    for i in 0..5 {
        entities.push(entity(
            3 + i,
            EntityType::Person,
            format!("Person {n} {i}"),
            None,
        ));
    }
    // Every source says 100 dams in China in 2004, except one at 120.
    let dams = if n == 7_777 { 120.0 } else { 100.0 };
    let source = format!("Agency {}", n % 3);
    let claims = vec![
        figure(1, "e1", dams, "dams", Some(&source)),
        figure(2, "e2", (n % 2_000) as f64 + 1.0, "people", None),
        figure(3, "e2", 1.0, &format!("unit{n}"), None),
    ];
    ArticleRecord {
        id: format!("gen-{n:05}"),
        title: None,
        byline: None,
        agency: None,
        entities,
        claims,
        date: None,
        sentences: Vec::new(),
        url: None,
    }
}

/// Resident memory of this process in bytes (Linux), else None.
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

#[test]
fn ten_thousand_articles_fold_in_one_pass_within_the_caps() {
    let limits = CorpusLimits {
        max_entities: 20_000,
        max_articles_per_entity: 25,
        max_groups: 5_000,
        max_figures_per_group: 10,
    };
    let mut corpus = Corpus::with_limits(limits);
    let before = resident_bytes();
    let mut generated = 0;
    let mut peak_items = 0;
    // One pass over a lazy stream: no record outlives its fold.
    for record in (0..ARTICLES).map(|n| {
        generated += 1;
        article(n)
    }) {
        corpus.add(&record);
        peak_items = peak_items.max(corpus.stored_items());
    }
    assert_eq!(generated, ARTICLES);

    // Storage bounded by the caps, whatever the corpus size.
    let bound = limits.max_entities * (1 + limits.max_articles_per_entity)
        + limits.max_groups * (1 + limits.max_figures_per_group);
    assert!(
        peak_items <= bound,
        "{peak_items} items stored, bound {bound}"
    );

    let view = corpus.view();
    assert_eq!(view.articles, ARTICLES as u64);
    assert_eq!(view.entities.len(), limits.max_entities);
    // 2 + 2,000 keyed + 50,000 unkeyed occurrences; the table holds 20,000.
    let admitted_unkeyed = (limits.max_entities - 2_001) as u64;
    assert_eq!(view.dropped.entity_occurrences, 50_000 - admitted_unkeyed);

    // Counts stay exact past the reference cap.
    let china = &view.entities[0];
    assert_eq!(
        (china.key.as_str(), china.article_count),
        ("CN", ARTICLES as u64)
    );
    assert_eq!(china.articles.len(), limits.max_articles_per_entity);
    assert_eq!(
        china.articles_dropped,
        (ARTICLES - limits.max_articles_per_entity) as u64
    );
    let city = view.entities.iter().find(|e| e.key == "gn:7").unwrap();
    assert_eq!(city.article_count, (ARTICLES / 2_000) as u64);

    // One 120 among 9,999 figures of 100 from three agencies: a disagreement,
    // found although that figure is far past the group's figure cap.
    let dams = view
        .figure_groups
        .iter()
        .find(|g| g.unit == "dams")
        .unwrap();
    assert_eq!(
        (dams.count, dams.figures.len()),
        (ARTICLES as u64, limits.max_figures_per_group)
    );
    assert!(dams.disagree);
    assert_eq!(
        view.disagreements().count(),
        1,
        "the city groups have one source each per value"
    );
    assert!(
        view.dropped.figures > 0,
        "the unit{{n}} groups overflow the group table"
    );

    // And the process did not grow with the corpus: the caps allow some
    // tens of MB here; allow headroom for the allocator and the view clone.
    if let (Some(before), Some(after)) = (before, resident_bytes()) {
        let grown = after.saturating_sub(before);
        eprintln!("stored items: peak {peak_items} (bound {bound}); resident growth {grown} bytes");
        assert!(grown < 96 << 20, "resident memory grew by {grown} bytes");
    }
}
