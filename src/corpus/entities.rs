//! The per-entity tally of a corpus view: which articles name an entity and
//! how often.

use serde::{Deserialize, Serialize};

use crate::record::{Entity, EntityType};

/// One entity across the corpus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CorpusEntity {
    /// The entity's key (`corpus_key`): a gazetteer key, or
    /// `name:<type>:<folded name>` for an entity no gazetteer keyed.
    pub key: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The canonical name of its first occurrence.
    pub name: String,
    /// True when the key came from a gazetteer.
    pub keyed: bool,
    /// Articles naming it (exact).
    pub article_count: u64,
    /// Mentions over all those articles (exact).
    pub mention_count: u64,
    /// The first `max_articles_per_entity` articles naming it.
    pub articles: Vec<ArticleRef>,
    /// Articles naming it beyond those listed.
    pub articles_dropped: u64,
}

/// One article naming an entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRef {
    /// The article's id.
    pub id: String,
    /// The entity's mentions in it.
    pub mentions: u64,
}

impl CorpusEntity {
    /// An entity seen for the first time, with no article yet.
    pub(crate) fn new(key: &str, entity: &Entity) -> CorpusEntity {
        CorpusEntity {
            key: key.to_string(),
            kind: entity.kind,
            name: entity.name.clone(),
            keyed: entity.key.is_some(),
            article_count: 0,
            mention_count: 0,
            articles: Vec::new(),
            articles_dropped: 0,
        }
    }

    /// Count one more article naming it (once per article: the caller sums
    /// the mentions of one key's entities), listing it while under `cap`.
    pub(crate) fn add(&mut self, article: &str, mentions: u64, cap: usize) {
        self.mention_count += mentions;
        self.article_count += 1;
        if self.articles.len() < cap {
            self.articles.push(ArticleRef {
                id: article.to_string(),
                mentions,
            });
        } else {
            self.articles_dropped += 1;
        }
    }
}
