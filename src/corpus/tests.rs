//! Unit tests of the corpus fold, on records built by hand.

use super::*;
use crate::record::{Claim, ClaimKind, Entity, EntityType, Mention, Qualifier, Source};

fn entity(id: &str, kind: EntityType, name: &str, key: Option<&str>, mentions: usize) -> Entity {
    Entity {
        id: id.to_string(),
        kind,
        name: name.to_string(),
        key: key.map(str::to_string),
        mentions: (0..mentions)
            .map(|i| Mention {
                text: name.to_string(),
                start: i * 10,
                end: i * 10 + name.len(),
                sentence: i,
                rule: "test".to_string(),
                char_end: None,
                char_start: None,
            })
            .collect(),
    }
}

fn figure(
    id: &str,
    subject: &str,
    value: f64,
    unit: &str,
    year: Option<i32>,
    source: Option<(&str, Option<&str>)>,
) -> Claim {
    Claim {
        id: id.to_string(),
        kind: ClaimKind::Count,
        text: value.to_string(),
        value: Some(value),
        upper: None,
        unit: Some(unit.to_string()),
        qualifier: Some(Qualifier::Exact),
        year,
        subject: Some(subject.to_string()),
        source: source.map(|(name, entity)| Source {
            name: name.to_string(),
            entity: entity.map(str::to_string),
        }),
        speaker: None,
        hedged: false,
        sentence: String::new(),
        start: 0,
        end: 0,
        rule: "test".to_string(),
        char_end: None,
        char_start: None,
        sentence_index: None,
    }
}

fn record(id: &str, entities: Vec<Entity>, claims: Vec<Claim>) -> ArticleRecord {
    ArticleRecord {
        id: id.to_string(),
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

fn china(id: &str, mentions: usize) -> Entity {
    entity(id, EntityType::Place, "China", Some("CN"), mentions)
}

#[test]
fn entities_meet_by_key_across_articles() {
    let mut corpus = Corpus::new();
    corpus.add(&record("a1", vec![china("e1", 3)], vec![]));
    corpus.add(&record(
        "a2",
        vec![
            china("e1", 1),
            entity("e2", EntityType::Organization, "Tate Gallery", None, 2),
        ],
        vec![],
    ));
    corpus.add(&record(
        "a3",
        vec![entity(
            "e1",
            EntityType::Organization,
            "Tate  gallery",
            None,
            1,
        )],
        vec![],
    ));
    let view = corpus.view();
    assert_eq!(view.articles, 3);
    let cn = &view.entities[0];
    assert_eq!(
        (cn.key.as_str(), cn.article_count, cn.mention_count),
        ("CN", 2, 4)
    );
    assert_eq!(
        cn.articles
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        ["a1", "a2"]
    );
    let tate = view.entities.iter().find(|e| !e.keyed).unwrap();
    assert_eq!(tate.key, "name:organization:tate gallery");
    assert_eq!((tate.article_count, tate.mention_count), (2, 3));
    assert_eq!(view.shared_entities(2).count(), 2);
}

#[test]
fn keys_meet_within_a_type_only() {
    let mut corpus = Corpus::new();
    let british = entity("e2", EntityType::Nationality, "British", Some("GB"), 2);
    let uk = entity("e1", EntityType::Place, "UK", Some("GB"), 1);
    corpus.add(&record("a1", vec![uk, british], vec![]));
    let view = corpus.view();
    assert_eq!(view.entities.len(), 2, "the nationality is not the country");
    assert!(view.entities.iter().all(|e| e.article_count == 1));
}

#[test]
fn one_article_counts_once_even_with_two_entities_of_one_key() {
    let mut corpus = Corpus::new();
    corpus.add(&record("a1", vec![china("e1", 2), china("e2", 1)], vec![]));
    let view = corpus.view();
    assert_eq!(view.entities.len(), 1);
    assert_eq!(
        (
            view.entities[0].article_count,
            view.entities[0].mention_count
        ),
        (1, 3)
    );
    assert_eq!(view.entities[0].articles[0].mentions, 3);
}

#[test]
fn article_references_are_capped_and_counted() {
    let limits = CorpusLimits {
        max_articles_per_entity: 2,
        ..CorpusLimits::default()
    };
    let mut corpus = Corpus::with_limits(limits);
    for i in 0..5 {
        corpus.add(&record(
            &format!("a{i}"),
            vec![china("e1", 1), china("e2", 1)],
            vec![],
        ));
    }
    let cn = &corpus.view().entities[0];
    assert_eq!(
        (
            cn.article_count,
            cn.mention_count,
            cn.articles.len(),
            cn.articles_dropped
        ),
        (5, 10, 2, 3)
    );
}

#[test]
fn entity_table_is_capped_and_drops_are_counted() {
    let limits = CorpusLimits {
        max_entities: 1,
        ..CorpusLimits::default()
    };
    let mut corpus = Corpus::with_limits(limits);
    corpus.add(&record(
        "a1",
        vec![
            china("e1", 1),
            entity("e2", EntityType::Place, "Japan", Some("JP"), 4),
        ],
        vec![],
    ));
    corpus.add(&record("a2", vec![china("e1", 1)], vec![]));
    let view = corpus.view();
    assert_eq!(view.entities.len(), 1);
    assert_eq!(view.entities[0].article_count, 2);
    assert_eq!(
        (
            view.dropped.entity_occurrences,
            view.dropped.entity_mentions
        ),
        (1, 4)
    );
}

#[test]
fn figures_group_by_subject_unit_and_year() {
    let mut corpus = Corpus::new();
    let claims = vec![
        figure("c1", "e1", 100.0, "soldiers", Some(2004), None),
        figure("c2", "e1", 100.0, "soldiers", Some(2005), None),
        figure("c3", "e1", 7.0, "%", Some(2004), None),
        Claim {
            subject: None,
            ..figure("c4", "e1", 1.0, "x", None, None)
        },
    ];
    corpus.add(&record("a1", vec![china("e1", 1)], claims));
    corpus.add(&record(
        "a2",
        vec![china("e9", 1)],
        vec![figure("c1", "e9", 102.0, "soldiers", Some(2004), None)],
    ));
    let view = corpus.view();
    assert_eq!(view.figures_ungrouped, 1);
    let keys: Vec<(&str, &str, Option<i32>, u64)> = view
        .figure_groups
        .iter()
        .map(|g| (g.subject.as_str(), g.unit.as_str(), g.year, g.count))
        .collect();
    assert_eq!(
        keys,
        [
            ("CN", "%", Some(2004), 1),
            ("CN", "soldiers", Some(2004), 2),
            ("CN", "soldiers", Some(2005), 1)
        ]
    );
    let soldiers = &view.figure_groups[1];
    assert_eq!((soldiers.min, soldiers.max), (100.0, 102.0));
    assert_eq!(soldiers.figures[1].article, "a2");
    assert_eq!(soldiers.figures[1].source_key, "article:a2");
    assert!(!soldiers.disagree, "2% apart is agreement");
}

#[test]
fn different_sources_more_than_five_percent_apart_disagree() {
    let mut corpus = Corpus::new();
    let ents = || {
        vec![
            china("e1", 1),
            entity(
                "e2",
                EntityType::Organization,
                "Xinhua",
                Some("org:xinhua"),
                1,
            ),
        ]
    };
    corpus.add(&record(
        "a1",
        ents(),
        vec![figure(
            "c1",
            "e1",
            100.0,
            "soldiers",
            None,
            Some(("Xinhua", Some("e2"))),
        )],
    ));
    corpus.add(&record(
        "a2",
        ents(),
        vec![figure(
            "c1",
            "e1",
            120.0,
            "soldiers",
            None,
            Some(("Xinhua", Some("e2"))),
        )],
    ));
    let view = corpus.view();
    assert!(
        !view.figure_groups[0].disagree,
        "one source revising itself is not a disagreement"
    );
    corpus.add(&record(
        "a3",
        vec![china("e1", 1)],
        vec![figure(
            "c1",
            "e1",
            104.0,
            "soldiers",
            None,
            Some(("Li Wei", None)),
        )],
    ));
    assert!(
        corpus.view().figure_groups[0].disagree,
        "Li Wei's 104 is more than 5% below Xinhua's 120"
    );
    assert_eq!(corpus.view().disagreements().count(), 1);
    assert_eq!(
        corpus.view().figure_groups[0].figures[2].source_key,
        "source:li wei"
    );
}

#[test]
fn disagreement_is_exact_beyond_the_figure_cap() {
    let limits = CorpusLimits {
        max_figures_per_group: 1,
        ..CorpusLimits::default()
    };
    let mut corpus = Corpus::with_limits(limits);
    for (i, v) in [50.0, 50.0, 50.0, 60.0].into_iter().enumerate() {
        corpus.add(&record(
            &format!("a{i}"),
            vec![china("e1", 1)],
            vec![figure("c1", "e1", v, "t", None, None)],
        ));
    }
    let group = &corpus.view().figure_groups[0];
    assert_eq!(
        (group.count, group.figures.len(), group.figures_dropped),
        (4, 1, 3)
    );
    assert!(group.disagree);
}

#[test]
fn view_serializes_and_round_trips() {
    let mut corpus = Corpus::new();
    corpus.add(&record(
        "a1",
        vec![china("e1", 1)],
        vec![figure("c1", "e1", 3.0, "dams", Some(2004), None)],
    ));
    let view = corpus.view();
    let json = serde_json::to_string(&view).unwrap();
    assert!(json.contains("\"disagree\":false"));
    assert!(json.contains("\"type\":\"place\""));
    let back: CorpusView = serde_json::from_str(&json).unwrap();
    assert_eq!(back.entities, view.entities);
    assert_eq!(back, view);
}
