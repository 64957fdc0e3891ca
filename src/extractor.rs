//! The extractor: configuration, and the pipeline that turns an article into
//! its record.

use std::path::Path;
use std::sync::Arc;

use once_cell::sync::Lazy;

use crate::claims;
use crate::entities;
use crate::error::{Error, ErrorKind};
use crate::figures;
use crate::gazetteer::{Gazetteer, Matcher};
use crate::input::Article;
use crate::names::{self, Lexicon};
use crate::record::ArticleRecord;
use crate::text::Doc;

/// Default cap on one article's text: 16 MiB.
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 16 << 20;

/// Turns articles into [`ArticleRecord`]s. Build it once and reuse it: it
/// holds the compiled gazetteer automaton. It is cheap to clone and can be
/// shared between threads.
///
/// ```
/// use newsfacts::{Article, Extractor};
///
/// let extractor = Extractor::new();
/// let article = Article::new("a1", "China said about 500 fighters operate in Afghanistan.");
/// let record = extractor.extract(&article).unwrap();
/// assert!(record.entities.iter().any(|e| e.name == "China"));
/// assert_eq!(record.claims[0].value, Some(500.0));
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    inner: Arc<Inner>,
}

#[derive(Debug)]
pub(crate) struct Inner {
    pub gazetteer: Arc<Gazetteer>,
    pub matcher: Arc<Matcher>,
    pub lexicon: &'static Lexicon,
    pub max_article_bytes: usize,
    pub quotes: bool,
}

struct Compiled {
    gazetteer: Arc<Gazetteer>,
    matcher: Arc<Matcher>,
}

static DEFAULT: Lazy<Compiled> = Lazy::new(|| {
    let gazetteer = Arc::new(Gazetteer::embedded().clone());
    let matcher = Arc::new(Matcher::new(&gazetteer));
    Compiled { gazetteer, matcher }
});

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the embedded default gazetteers. The automaton is
    /// compiled on first use and shared by every extractor built this way.
    pub fn new() -> Extractor {
        ExtractorBuilder::new()
            .build()
            .expect("the embedded gazetteers are valid")
    }

    /// A builder to add gazetteers or change limits.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// The gazetteer this extractor matches.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.inner.gazetteer
    }

    /// Extract entities and claims from one article.
    ///
    /// Fails only for an article with no text or one larger than the
    /// configured maximum; the error names the article.
    pub fn extract(&self, article: &Article) -> Result<ArticleRecord, Error> {
        let inner = &*self.inner;
        if article.text.len() > inner.max_article_bytes {
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!(
                    "{} bytes is more than the maximum of {} bytes",
                    article.text.len(),
                    inner.max_article_bytes
                ),
            )
            .at(format!("article {}", article.id))
            .for_article(&article.id));
        }
        if article.text.trim().is_empty() {
            return Err(
                Error::new(ErrorKind::EmptyArticle, "the article has no text")
                    .at(format!("article {}", article.id))
                    .for_article(&article.id),
            );
        }
        let doc = Doc::new(&article.text, article.title.is_some());
        let gaz_matches = inner.matcher.find(&doc, &inner.gazetteer);
        let candidates = names::find(&doc, &inner.gazetteer, inner.lexicon, gaz_matches);
        let entities = entities::resolve(&doc, &inner.gazetteer, candidates);
        let figures = figures::find(&doc);
        let claims = claims::build(&doc, &entities, figures, inner.quotes);
        Ok(ArticleRecord {
            id: article.id.clone(),
            title: article.title.clone(),
            byline: article.byline.clone(),
            agency: article.agency.clone(),
            entities,
            claims,
        })
    }

    /// Extract from many articles, one result per article, in input order.
    ///
    /// With the `rayon` feature (on by default) the work is spread over all
    /// cores.
    pub fn extract_batch(&self, articles: &[Article]) -> Vec<Result<ArticleRecord, Error>> {
        #[cfg(feature = "rayon")]
        {
            use rayon::prelude::*;
            articles.par_iter().map(|a| self.extract(a)).collect()
        }
        #[cfg(not(feature = "rayon"))]
        {
            articles.iter().map(|a| self.extract(a)).collect()
        }
    }
}

/// Configures an [`Extractor`].
///
/// ```
/// use newsfacts::{Article, Extractor, Gazetteer};
///
/// let mine = Gazetteer::from_tsv(
///     "mine.tsv",
///     "key\ttype\tname\taliases\tmatch\nzz\torganization\tZorblax Industries\tZorblax\tfold\n",
/// ).unwrap();
/// let extractor = Extractor::builder().gazetteer(mine).build().unwrap();
/// let record = extractor.extract(&Article::new("a", "Zorblax Industries hired 20 people.")).unwrap();
/// assert_eq!(record.entities[0].name, "Zorblax Industries");
/// assert_eq!(record.entities[0].key.as_deref(), Some("zz"));
/// ```
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    defaults: bool,
    extra: Vec<Gazetteer>,
    max_article_bytes: usize,
    quotes: bool,
}

impl Default for ExtractorBuilder {
    fn default() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }
}

impl ExtractorBuilder {
    /// A builder with the embedded gazetteers and default limits.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder {
            defaults: true,
            extra: Vec::new(),
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            quotes: true,
        }
    }

    /// Whether to start from the embedded gazetteers (default `true`).
    /// With `false`, only the gazetteers you add are matched.
    pub fn default_gazetteers(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.defaults = yes;
        self
    }

    /// Add a gazetteer; its entries win over earlier ones with the same
    /// type and key.
    pub fn gazetteer(&mut self, gazetteer: Gazetteer) -> &mut ExtractorBuilder {
        self.extra.push(gazetteer);
        self
    }

    /// Read a gazetteer TSV file and add it.
    pub fn gazetteer_file(
        &mut self,
        path: impl AsRef<Path>,
    ) -> Result<&mut ExtractorBuilder, Error> {
        self.extra.push(Gazetteer::from_path(path)?);
        Ok(self)
    }

    /// The largest article text, in bytes, that `extract` accepts.
    pub fn max_article_bytes(&mut self, limit: usize) -> &mut ExtractorBuilder {
        self.max_article_bytes = limit;
        self
    }

    /// Whether to report direct quotations as claims (default `true`).
    pub fn quotes(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.quotes = yes;
        self
    }

    /// Compile the extractor.
    pub fn build(&self) -> Result<Extractor, Error> {
        let (gazetteer, matcher) = if self.defaults && self.extra.is_empty() {
            (Arc::clone(&DEFAULT.gazetteer), Arc::clone(&DEFAULT.matcher))
        } else {
            let mut g = if self.defaults {
                Gazetteer::embedded().clone()
            } else {
                Gazetteer::new()
            };
            for extra in &self.extra {
                g.extend(extra.clone());
            }
            let m = Matcher::new(&g);
            (Arc::new(g), Arc::new(m))
        };
        Ok(Extractor {
            inner: Arc::new(Inner {
                gazetteer,
                matcher,
                lexicon: Lexicon::embedded(),
                max_article_bytes: self.max_article_bytes,
                quotes: self.quotes,
            }),
        })
    }
}
