//! The extractor: configuration, and the pipeline that turns an article into
//! its record.
//!
//! - `builder`: [`ExtractorBuilder`], which gathers gazetteers, word lists,
//!   limits and output options and compiles an [`Extractor`].
//! - `output`: what a record carries on request beyond the pipeline's own
//!   output ([`SentenceOutput`], character offsets).
//! - `stream`: [`ExtractIter`], the parallel, order-keeping stream.
//! - `scratch`: the per-thread buffers reused from one article to the next.

use std::borrow::Cow;
use std::sync::Arc;

use crate::claims;
use crate::entities;
use crate::error::{Error, ErrorKind};
use crate::figures;
use crate::figures::Figure;
use crate::gazetteer::{Gazetteer, Matcher};
use crate::input::Article;
use crate::lexicon::{FigureWords, Lexicon};
use crate::names;
use crate::record::{set_str, ArticleRecord, Claim, Entity, Spares};
use crate::text::Doc;

mod builder;
mod output;
#[cfg(test)]
mod reuse_tests;
mod scratch;
mod stream;

pub use builder::ExtractorBuilder;
pub use output::SentenceOutput;
pub use stream::ExtractIter;

use output::Output;

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
    /// The embedded word lists, or a copy with the builder's additions.
    pub lexicon: Cow<'static, Lexicon>,
    pub max_article_bytes: usize,
    pub quotes: bool,
    pub output: Output,
}

/// The figures stage's signature ([`figures::find`]).
type FindFigures = fn(&Doc<'_>, &FigureWords) -> Vec<Figure>;
/// The claims stage's signature ([`claims::build`]).
type BuildClaims =
    fn(&Doc<'_>, &[Entity], Vec<Figure>, &Lexicon, bool, &mut Vec<Claim>, &mut Spares);

impl Inner {
    /// The pipeline's stages over the prepared `doc` of `article`, written
    /// into `record` (whose strings and vectors are reused, with this
    /// thread's `spares` when it grows). Kept out of line so that each stage
    /// stays a function of its own in a profile (`scripts/bench/stages.sh`).
    #[inline(never)]
    fn run_stages(
        &self,
        article: &Article,
        doc: &Doc<'_>,
        record: &mut ArticleRecord,
        spares: &mut Spares,
    ) {
        let lexicon = &*self.lexicon;
        let gaz_matches = self.matcher.find(doc, &self.gazetteer, lexicon);
        let candidates = names::find(doc, &self.gazetteer, &lexicon.names, gaz_matches);
        let entities = &mut record.entities;
        let gaz = &self.gazetteer;
        entities::resolve(doc, gaz, &lexicon.gazetteer, candidates, entities, spares);
        // The two smaller stages are called through opaque pointers, so that
        // the optimizer keeps them functions of their own (stages.sh counts
        // each by name; LLVM inlined one or the other into this function
        // depending on unrelated changes). One indirect call per article.
        let find_figures: FindFigures = std::hint::black_box(figures::find);
        let build_claims: BuildClaims = std::hint::black_box(claims::build);
        let figures = find_figures(doc, &lexicon.figures);
        let claims = &mut record.claims;
        let quotes = self.quotes;
        build_claims(
            doc,
            &record.entities,
            figures,
            lexicon,
            quotes,
            claims,
            spares,
        );
        set_str(&mut record.id, &article.id);
        // (`Option::clone_from` copies into the string already there.)
        record.title.clone_from(&article.title);
        record.byline.clone_from(&article.byline);
        record.agency.clone_from(&article.agency);
        record.date.clone_from(&article.date);
        record.url.clone_from(&article.url);
        self.output.finish(doc, record);
    }

    /// The error for an article the extractor refuses: one with no text or
    /// one larger than the configured maximum.
    fn refusal(&self, article: &Article) -> Option<Error> {
        let error = if article.text.len() > self.max_article_bytes {
            Error::new(
                ErrorKind::TooLarge,
                format!(
                    "{} bytes is more than the maximum of {} bytes",
                    article.text.len(),
                    self.max_article_bytes
                ),
            )
        } else if article.text.trim().is_empty() {
            Error::new(ErrorKind::EmptyArticle, "the article has no text")
        } else {
            return None;
        };
        Some(
            error
                .at(format!("article {}", article.id))
                .for_article(&article.id),
        )
    }
}

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

    /// A builder to add gazetteers or word lists, or change limits and
    /// output options.
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
    ///
    /// To extract from many articles one at a time, [`Extractor::extract_into`]
    /// refills one record instead of making a new one for each.
    pub fn extract(&self, article: &Article) -> Result<ArticleRecord, Error> {
        let mut record = ArticleRecord::default();
        self.extract_into(article, &mut record)?;
        Ok(record)
    }

    /// Extract entities and claims from one article into `record`,
    /// overwriting all of it: afterwards `record` equals what
    /// [`Extractor::extract`] returns for `article`, whatever it held
    /// before.
    ///
    /// The record's strings and vectors are reused: its fields are
    /// overwritten in their capacity, and its entities, mentions and claims
    /// in place, so a loop that refills one record allocates for its output
    /// only where an article needs more room than the ones before (making
    /// and freeing a record's many small strings is a good part of the cost
    /// of a short article). Keep the record between articles, not for
    /// longer: it keeps the room of the largest it held.
    ///
    /// Fails as [`Extractor::extract`] does (and with the same error); then
    /// the record's contents are unspecified (a valid record, perhaps part
    /// of an earlier article's) until the next call that succeeds.
    ///
    /// ```
    /// use newsfacts::{Article, ArticleRecord, Extractor};
    ///
    /// let extractor = Extractor::new();
    /// let articles = [
    ///     Article::new("a1", "China said about 500 fighters operate in Afghanistan."),
    ///     Article::new("a2", "   "),
    ///     Article::new("a3", "Kabul sent 20 envoys to Beijing."),
    /// ];
    /// // One record, refilled by each article.
    /// let mut record = ArticleRecord::default();
    /// let mut figures = 0;
    /// for article in &articles {
    ///     if let Err(e) = extractor.extract_into(article, &mut record) {
    ///         // An empty article: `record` holds nothing useful now.
    ///         assert_eq!(e.article(), Some("a2"));
    ///         continue;
    ///     }
    ///     assert_eq!(record.id, article.id);
    ///     figures += record.claims.len();
    /// }
    /// assert_eq!(figures, 2);
    /// assert_eq!(record.entities[0].name, "Kabul");
    /// # Ok::<(), newsfacts::Error>(())
    /// ```
    pub fn extract_into(&self, article: &Article, record: &mut ArticleRecord) -> Result<(), Error> {
        let inner = &*self.inner;
        if let Some(error) = inner.refusal(article) {
            return Err(error);
        }
        let has_title = article.title.is_some();
        scratch::with_doc(&article.text, has_title, &inner.lexicon, |doc, spares| {
            inner.run_stages(article, doc, record, spares);
        });
        Ok(())
    }

    /// Extract from many articles, one result per article, in input order.
    ///
    /// With the `rayon` feature (on by default) the work is spread over all
    /// cores. For a stream that need not be held in memory at once, see
    /// [`Extractor::extract_iter`].
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

    /// Extract from a stream of articles, one result per article, in input
    /// order, reading ahead only a bounded number of articles.
    ///
    /// With the `rayon` feature (on by default) the articles read ahead are
    /// extracted in parallel on rayon's thread pool (the global one, or the
    /// pool whose `install` the stream is read in); without it, one at a
    /// time as the stream is read. See [`ExtractIter`].
    ///
    /// ```
    /// use newsfacts::{Article, Extractor};
    ///
    /// let extractor = Extractor::new();
    /// let articles = (0..100).map(|i| Article::new(format!("a{i}"), format!("China sent {i} envoys.")));
    /// for (i, record) in extractor.extract_iter(articles).enumerate() {
    ///     let record = record?;
    ///     assert_eq!(record.id, format!("a{i}"));
    /// }
    /// # Ok::<(), newsfacts::Error>(())
    /// ```
    pub fn extract_iter<I>(
        &self,
        articles: I,
    ) -> ExtractIter<impl Iterator<Item = Result<Article, Error>>>
    where
        I: IntoIterator<Item = Article>,
    {
        self.extract_results(articles.into_iter().map(Ok))
    }

    /// [`Extractor::extract_iter`] for what a reader yields: each article is
    /// extracted, each error is passed through in its place.
    ///
    /// ```
    /// use newsfacts::input::read_jsonl;
    /// use newsfacts::Extractor;
    ///
    /// let input = "{\"id\": \"a\", \"text\": \"China sent 20 envoys.\"}\nnot json\n";
    /// let results: Vec<_> = Extractor::new()
    ///     .extract_results(read_jsonl(input.as_bytes(), "stdin"))
    ///     .collect();
    /// assert_eq!(results[0].as_ref().unwrap().claims[0].value, Some(20.0));
    /// assert!(results[1].as_ref().unwrap_err().to_string().starts_with("stdin:2"));
    /// ```
    pub fn extract_results<I>(&self, items: I) -> ExtractIter<I::IntoIter>
    where
        I: IntoIterator<Item = Result<Article, Error>>,
    {
        ExtractIter::new(self.clone(), items.into_iter())
    }
}
