//! Facts across a corpus: fold [`ArticleRecord`]s, one at a time, into a
//! [`CorpusView`] — the entities named across articles (by key, with their
//! article ids and mention counts) and the figures grouped by subject key,
//! unit and year, with groups whose sources disagree flagged. Entities meet
//! by (type, key): keys are unique within a type.
//!
//! * `entities` holds the per-entity tally (articles and mentions).
//! * `figures` holds the figure groups and the disagreement test.
//!
//! # Bounded memory
//!
//! A [`Corpus`] reads each record once and keeps nothing of it but what the
//! view shows, under the caps of [`CorpusLimits`]. What it stores is bounded
//! by those caps, whatever the number of articles:
//!
//! * at most `max_entities` entities and `max_groups` figure groups; an entity
//!   or group first seen when its table is full is not admitted, and what it
//!   would have held is counted in [`Dropped`];
//! * per entity, at most `max_articles_per_entity` article references (the
//!   first ones read); `article_count` and `mention_count` stay exact and
//!   `articles_dropped` says how many references were left out;
//! * per group, at most `max_figures_per_group` figures (the first ones
//!   read); `count`, `min`, `max` and `disagree` stay exact, since the
//!   disagreement test keeps only the extreme values of two distinct sources
//!   (see `figures`).
//!
//! # Example
//!
//! ```
//! use newsfacts::{Article, Corpus, Extractor};
//!
//! let extractor = Extractor::new();
//! let mut corpus = Corpus::new();
//! for (id, text) in [("a1", "Talks in Kabul\n\nChina sent 20 officials to Afghanistan."),
//!                    ("a2", "Afghanistan and China\n\nThe talks went on.")] {
//!     corpus.add(&extractor.extract(&Article::from_plain_text(id, text))?);
//! }
//! let view = corpus.view();
//! let china = view.entities.iter().find(|e| e.key == "CN").unwrap();
//! assert_eq!(china.article_count, 2);
//! # Ok::<(), newsfacts::Error>(())
//! ```

mod entities;
mod figures;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::record::{ArticleRecord, Entity, EntityType};

pub use entities::{ArticleRef, CorpusEntity};
pub use figures::{values_disagree, CorpusFigure, FigureGroup};

/// The caps that bound a [`Corpus`]'s memory (module docs: *Bounded memory*).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusLimits {
    /// Most entities kept.
    pub max_entities: usize,
    /// Most article references kept per entity.
    pub max_articles_per_entity: usize,
    /// Most figure groups kept.
    pub max_groups: usize,
    /// Most figures kept per group.
    pub max_figures_per_group: usize,
}

impl Default for CorpusLimits {
    /// Generous for tens of thousands of articles: at most 50,000 entities ×
    /// 50 references and 50,000 groups × 20 figures, a few hundred MB in the
    /// worst case and far less on news, where most names occur once.
    fn default() -> CorpusLimits {
        CorpusLimits {
            max_entities: 50_000,
            max_articles_per_entity: 50,
            max_groups: 50_000,
            max_figures_per_group: 20,
        }
    }
}

/// What the caps left out, counted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dropped {
    /// Entity occurrences (one per entity per article) not admitted because
    /// the entity table was full.
    pub entity_occurrences: u64,
    /// Mentions of those occurrences.
    pub entity_mentions: u64,
    /// Figures not admitted because their group was new and the group table
    /// was full.
    pub figures: u64,
}

/// The corpus view: what a [`Corpus`] has folded so far.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CorpusView {
    /// Records folded.
    pub articles: u64,
    /// Entities, most articles first (then by key).
    pub entities: Vec<CorpusEntity>,
    /// Figure groups, by subject key, unit and year.
    pub figure_groups: Vec<FigureGroup>,
    /// Figures not grouped because they have no subject, unit or value.
    pub figures_ungrouped: u64,
    /// What the caps left out.
    pub dropped: Dropped,
    /// The caps in force.
    pub limits: CorpusLimits,
}

impl CorpusView {
    /// The entities named in at least `min_articles` articles.
    pub fn shared_entities(&self, min_articles: u64) -> impl Iterator<Item = &CorpusEntity> {
        self.entities
            .iter()
            .filter(move |e| e.article_count >= min_articles)
    }

    /// The figure groups whose sources disagree.
    pub fn disagreements(&self) -> impl Iterator<Item = &FigureGroup> {
        self.figure_groups.iter().filter(|g| g.disagree)
    }
}

/// Folds records into a [`CorpusView`] in one pass and bounded memory.
#[derive(Clone, Debug)]
pub struct Corpus {
    limits: CorpusLimits,
    articles: u64,
    /// By (type, key): a key is unique within its type only ("British" and
    /// "UK" both carry `GB`).
    entities: HashMap<(EntityType, String), CorpusEntity>,
    groups: HashMap<figures::GroupKey, (FigureGroup, figures::Spread)>,
    figures_ungrouped: u64,
    dropped: Dropped,
}

impl Default for Corpus {
    fn default() -> Corpus {
        Corpus::new()
    }
}

impl Corpus {
    /// An empty corpus with the default [`CorpusLimits`].
    pub fn new() -> Corpus {
        Corpus::with_limits(CorpusLimits::default())
    }

    /// An empty corpus with the given caps.
    pub fn with_limits(limits: CorpusLimits) -> Corpus {
        Corpus {
            limits,
            articles: 0,
            entities: HashMap::new(),
            groups: HashMap::new(),
            figures_ungrouped: 0,
            dropped: Dropped::default(),
        }
    }

    /// Fold one article's record in.
    pub fn add(&mut self, record: &ArticleRecord) {
        self.articles += 1;
        let keys: Vec<String> = record.entities.iter().map(corpus_key).collect();
        for (first, mentions) in entities_by_key(record, &keys) {
            self.add_entity(&record.id, &record.entities[first], &keys[first], mentions);
        }
        for claim in record.claims.iter().filter(|c| c.kind.is_figure()) {
            let Some(figure) = figures::Placed::new(record, &keys, claim) else {
                self.figures_ungrouped += 1;
                continue;
            };
            self.add_figure(figure);
        }
    }

    /// Fold every record of an iterator in (one pass).
    pub fn extend<'a>(&mut self, records: impl IntoIterator<Item = &'a ArticleRecord>) {
        for record in records {
            self.add(record);
        }
    }

    /// Number of stored items (entities, their article references, groups
    /// and their figures): what the caps bound.
    pub fn stored_items(&self) -> usize {
        let refs: usize = self.entities.values().map(|e| e.articles.len()).sum();
        let figs: usize = self.groups.values().map(|(g, _)| g.figures.len()).sum();
        self.entities.len() + refs + self.groups.len() + figs
    }

    /// The view so far, sorted (entities by article count, groups by key).
    pub fn view(&self) -> CorpusView {
        let mut entities: Vec<CorpusEntity> = self.entities.values().cloned().collect();
        entities.sort_by(|a, b| {
            (b.article_count, b.mention_count)
                .cmp(&(a.article_count, a.mention_count))
                .then_with(|| (&a.key, a.kind).cmp(&(&b.key, b.kind)))
        });
        let mut figure_groups: Vec<FigureGroup> =
            self.groups.values().map(|(g, _)| g.clone()).collect();
        figure_groups.sort_by(|a, b| group_order(a).cmp(&group_order(b)));
        CorpusView {
            articles: self.articles,
            entities,
            figure_groups,
            figures_ungrouped: self.figures_ungrouped,
            dropped: self.dropped.clone(),
            limits: self.limits,
        }
    }

    fn add_entity(&mut self, article: &str, entity: &Entity, key: &str, mentions: u64) {
        let id = (entity.kind, key.to_string());
        if let Some(tally) = self.entities.get_mut(&id) {
            tally.add(article, mentions, self.limits.max_articles_per_entity);
            return;
        }
        if self.entities.len() >= self.limits.max_entities {
            self.dropped.entity_occurrences += 1;
            self.dropped.entity_mentions += mentions;
            return;
        }
        let mut tally = CorpusEntity::new(key, entity);
        tally.add(article, mentions, self.limits.max_articles_per_entity);
        self.entities.insert(id, tally);
    }

    fn add_figure(&mut self, figure: figures::Placed) {
        let cap = self.limits.max_figures_per_group;
        if let Some((group, spread)) = self.groups.get_mut(&figure.group) {
            group.add(spread, figure.figure, cap);
            return;
        }
        if self.groups.len() >= self.limits.max_groups {
            self.dropped.figures += 1;
            return;
        }
        let mut group = FigureGroup::new(&figure.group, figure.subject_name);
        let mut spread = figures::Spread::default();
        group.add(&mut spread, figure.figure, cap);
        self.groups.insert(figure.group, (group, spread));
    }
}

/// The order of groups in a view: subject, its type, unit, year.
fn group_order(g: &FigureGroup) -> (&str, EntityType, &str, Option<i32>) {
    (&g.subject, g.subject_type, &g.unit, g.year)
}

/// The record's entities folded by type and corpus key: for each, the index
/// of its first entity and the mentions of all its entities (a record may
/// hold two entities of one key; the article still counts once).
fn entities_by_key(record: &ArticleRecord, keys: &[String]) -> Vec<(usize, u64)> {
    let mut first: HashMap<(EntityType, &str), usize> = HashMap::new();
    let mut folded: Vec<(usize, u64)> = Vec::new();
    for (i, entity) in record.entities.iter().enumerate() {
        let mentions = entity.mentions.len() as u64;
        match first.get(&(entity.kind, keys[i].as_str())) {
            Some(&slot) => folded[slot].1 += mentions,
            None => {
                first.insert((entity.kind, &keys[i]), folded.len());
                folded.push((i, mentions));
            }
        }
    }
    folded
}

/// The key an entity is counted under across the corpus (with its type): its
/// gazetteer key,
/// else `name:<type>:<folded name>` so that unkeyed names still meet
/// (two articles' "Tate Gallery") without colliding with a gazetteer key.
pub fn corpus_key(entity: &Entity) -> String {
    match &entity.key {
        Some(key) => key.clone(),
        None => {
            let folded: Vec<String> = entity
                .name
                .split_whitespace()
                .map(|w| w.to_lowercase())
                .collect();
            format!("name:{}:{}", entity.kind.as_str(), folded.join(" "))
        }
    }
}

#[cfg(test)]
mod tests;
