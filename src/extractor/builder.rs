//! The builder: gazetteers, word lists, limits and output options, gathered
//! and then compiled into an [`Extractor`].

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use once_cell::sync::Lazy;

use crate::error::Error;
use crate::gazetteer::{Entry, Gazetteer, MatchPolicy, Matcher};
use crate::hash::FnvBuild;
use crate::lexicon::{Lexicon, LexiconAdditions};
use crate::record::EntityType;

use super::output::{Output, SentenceOutput};
use super::{Extractor, Inner, DEFAULT_MAX_ARTICLE_BYTES};

/// Configures an [`Extractor`].
///
/// Every method takes and returns `&mut ExtractorBuilder`, so calls chain
/// on a temporary or on a bound builder alike, and [`build`] takes `&self`.
/// Nothing fails before `build`: a gazetteer file is read, and its errors
/// reported, when the extractor is built.
///
/// ```
/// use newsfacts::{Article, Extractor, Gazetteer};
///
/// let mine = Gazetteer::from_tsv(
///     "mine.tsv",
///     "key\ttype\tname\taliases\tmatch\nzz\torganization\tZorblax Industries\tZorblax\tfold\n",
/// )?;
/// // Chained on a temporary…
/// let extractor = Extractor::builder().gazetteer(mine.clone()).quotes(false).build()?;
/// // …or on a bound builder, one call at a time.
/// let mut builder = Extractor::builder();
/// builder.gazetteer(mine);
/// builder.quotes(false);
/// let same = builder.build()?;
///
/// let article = Article::new("a", "Zorblax Industries hired 20 people.");
/// let record = extractor.extract(&article)?;
/// assert_eq!(record.entities[0].name, "Zorblax Industries");
/// assert_eq!(record.entities[0].key.as_deref(), Some("zz"));
/// assert_eq!(same.extract(&article)?, record);
/// # Ok::<(), newsfacts::Error>(())
/// ```
///
/// [`build`]: ExtractorBuilder::build
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    defaults: bool,
    /// Gazetteers in the order they were added (deny rows apply to what
    /// came before them).
    extra: Vec<Source>,
    lexicon: LexiconAdditions,
    max_article_bytes: usize,
    quotes: bool,
    output: Output,
}

/// A gazetteer added to the builder: loaded, or a file read at build time.
#[derive(Clone, Debug)]
enum Source {
    Loaded(Gazetteer),
    File(PathBuf),
}

/// The embedded gazetteer and its automaton, compiled once per process.
struct Compiled {
    gazetteer: Arc<Gazetteer>,
    matcher: Arc<Matcher>,
}

static DEFAULT: Lazy<Compiled> = Lazy::new(|| {
    let gazetteer = Arc::clone(Gazetteer::embedded_shared());
    let matcher = Arc::new(Matcher::embedded(&gazetteer));
    Compiled { gazetteer, matcher }
});

/// The (type, key) of every embedded entry: a user entry with one of them
/// replaces an embedded entry rather than adding one.
static EMBEDDED_KEYS: Lazy<HashSet<(EntityType, &'static str), FnvBuild>> = Lazy::new(|| {
    let embedded = Gazetteer::embedded();
    embedded
        .entries()
        .iter()
        .map(|e| (e.kind, e.key.as_str()))
        .collect()
});

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
            lexicon: LexiconAdditions::default(),
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            quotes: true,
            output: Output::default(),
        }
    }

    /// Whether to start from the embedded gazetteers (default `true`).
    /// With `false`, only the gazetteers you add are matched.
    pub fn default_gazetteers(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.defaults = yes;
        self
    }

    /// Add a gazetteer; its entries win over earlier ones with the same
    /// type and key, and its deny rows remove what they name from the
    /// embedded gazetteers and those added before it.
    ///
    /// Entries that only add to the embedded gazetteers cost what they hold
    /// to compile: they get a matcher of their own, searched together with
    /// the embedded one, which is compiled once per process. Replacing an
    /// embedded entry (same type and key) or denying one compiles the whole
    /// matcher afresh, which takes as long as the first `Extractor::new()`.
    pub fn gazetteer(&mut self, gazetteer: Gazetteer) -> &mut ExtractorBuilder {
        self.extra.push(Source::Loaded(gazetteer));
        self
    }

    /// Add a gazetteer TSV file (format: `gazetteers/FORMAT.md`), read when
    /// the extractor is built: [`build`](ExtractorBuilder::build) fails with
    /// an error naming the file and line if it cannot be read or parsed.
    ///
    /// ```
    /// use newsfacts::{ErrorKind, Extractor};
    ///
    /// let err = Extractor::builder().gazetteer_file("/no/such/mine.tsv").build().unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Io);
    /// assert!(err.to_string().starts_with("/no/such/mine.tsv: "));
    /// ```
    pub fn gazetteer_file(&mut self, path: impl Into<PathBuf>) -> &mut ExtractorBuilder {
        self.extra.push(Source::File(path.into()));
        self
    }

    /// Add one gazetteer entry (a deny row when its policy is
    /// [`MatchPolicy::Deny`]).
    ///
    /// ```
    /// use newsfacts::{Article, EntityType, Entry, Extractor};
    ///
    /// let extractor = Extractor::builder()
    ///     .entry(Entry::new("org:zorblax", EntityType::Organization, "Zorblax").alias("ZBX"))
    ///     .build()?;
    /// let record = extractor.extract(&Article::new("a", "Shares of ZBX rose."))?;
    /// assert_eq!(record.entities[0].key.as_deref(), Some("org:zorblax"));
    /// # Ok::<(), newsfacts::Error>(())
    /// ```
    pub fn entry(&mut self, entry: Entry) -> &mut ExtractorBuilder {
        let mut gazetteer = Gazetteer::new();
        gazetteer.push(entry);
        self.gazetteer(gazetteer)
    }

    /// Remove the entry of type `kind` with key `key` from the embedded
    /// gazetteers and those added before (the deny row `key kind * deny`).
    ///
    /// ```
    /// use newsfacts::{Article, EntityType, Extractor};
    ///
    /// let text = "Talks in China ended.";
    /// let extractor = Extractor::builder().deny_entry(EntityType::Place, "CN").build()?;
    /// let record = extractor.extract(&Article::new("a", text))?;
    /// assert!(record.entities.iter().all(|e| e.key.as_deref() != Some("CN")));
    /// # Ok::<(), newsfacts::Error>(())
    /// ```
    pub fn deny_entry(
        &mut self,
        kind: EntityType,
        key: impl Into<String>,
    ) -> &mut ExtractorBuilder {
        self.entry(Entry::new(key, kind, "*").policy(MatchPolicy::Deny))
    }

    /// Stop matching `name` (compared case-insensitively) as any entry of
    /// type `kind` in the embedded gazetteers and those added before (the
    /// deny row `* kind name deny`). Entries keep their other names.
    ///
    /// ```
    /// use newsfacts::{Article, EntityType, Extractor};
    ///
    /// let extractor = Extractor::builder().deny_name(EntityType::Place, "Kabul").build()?;
    /// let record = extractor.extract(&Article::new("a", "He flew from Kabul to Delhi."))?;
    /// assert!(record.entities.iter().all(|e| e.name != "Kabul"));
    /// assert!(record.entities.iter().any(|e| e.name == "Delhi"));
    /// # Ok::<(), newsfacts::Error>(())
    /// ```
    pub fn deny_name(
        &mut self,
        kind: EntityType,
        name: impl Into<String>,
    ) -> &mut ExtractorBuilder {
        self.entry(Entry::new("*", kind, name).policy(MatchPolicy::Deny))
    }

    /// Add given names (as written, "Zorblaxa") to those the person-name
    /// rules know.
    ///
    /// ```
    /// use newsfacts::{Article, EntityType, Extractor};
    ///
    /// let extractor = Extractor::builder().first_names(["Qwerty"]).build()?;
    /// let record = extractor.extract(&Article::new("a", "The plan was backed by Qwerty Uiopson."))?;
    /// let person = record.entities.iter().find(|e| e.kind == EntityType::Person).unwrap();
    /// assert_eq!(person.name, "Qwerty Uiopson");
    /// # Ok::<(), newsfacts::Error>(())
    /// ```
    pub fn first_names<I, S>(&mut self, names: I) -> &mut ExtractorBuilder
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.lexicon
            .first_names
            .extend(names.into_iter().map(Into::into));
        self
    }

    /// Add capitalised titles ("Grand Vizier") that precede a person's name
    /// and are kept out of it; matched as written.
    ///
    /// ```
    /// use newsfacts::{Article, EntityType, Extractor};
    ///
    /// let extractor = Extractor::builder().person_titles(["Grand Vizier"]).build()?;
    /// let text = "The move was announced by Grand Vizier Tobble Frumpkin on Monday.";
    /// let record = extractor.extract(&Article::new("a", text))?;
    /// let person = record.entities.iter().find(|e| e.kind == EntityType::Person).unwrap();
    /// assert_eq!(person.name, "Tobble Frumpkin");
    /// # Ok::<(), newsfacts::Error>(())
    /// ```
    pub fn person_titles<I, S>(&mut self, titles: I) -> &mut ExtractorBuilder
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.lexicon
            .titles
            .extend(titles.into_iter().map(Into::into));
        self
    }

    /// Add lower-case role nouns ("stargazer") that introduce a person's
    /// name ("stargazer Tobble Frumpkin"); matched in any case.
    ///
    /// ```
    /// use newsfacts::{Article, EntityType, Extractor};
    ///
    /// let extractor = Extractor::builder().person_roles(["stargazer"]).build()?;
    /// let text = "The comet was first seen by stargazer Quimby Marsh last year.";
    /// let record = extractor.extract(&Article::new("a", text))?;
    /// let person = record.entities.iter().find(|e| e.kind == EntityType::Person).unwrap();
    /// assert_eq!(person.name, "Quimby Marsh");
    /// # Ok::<(), newsfacts::Error>(())
    /// ```
    pub fn person_roles<I, S>(&mut self, roles: I) -> &mut ExtractorBuilder
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.lexicon.roles.extend(roles.into_iter().map(Into::into));
        self
    }

    /// Add head words ("Syndicate") that make a capitalised name ending in
    /// them an organization by themselves.
    ///
    /// ```
    /// use newsfacts::{Article, EntityType, Extractor};
    ///
    /// let extractor = Extractor::builder().organization_heads(["Syndicate"]).build()?;
    /// let text = "Prices were set by the Northern Grain Syndicate last week.";
    /// let record = extractor.extract(&Article::new("a", text))?;
    /// let org = record.entities.iter().find(|e| e.kind == EntityType::Organization).unwrap();
    /// assert_eq!(org.name, "Northern Grain Syndicate");
    /// # Ok::<(), newsfacts::Error>(())
    /// ```
    pub fn organization_heads<I, S>(&mut self, heads: I) -> &mut ExtractorBuilder
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.lexicon
            .org_heads
            .extend(heads.into_iter().map(Into::into));
        self
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

    /// How records give the sentence of each claim (default
    /// [`SentenceOutput::Text`]; see [`SentenceOutput`]).
    ///
    /// ```
    /// use newsfacts::{Article, Extractor, SentenceOutput};
    ///
    /// let extractor = Extractor::builder().sentences(SentenceOutput::TextAndSpans).build()?;
    /// let record = extractor.extract(&Article::new("a", "Rain. China sent 20 envoys."))?;
    /// assert_eq!(record.sentences.len(), 2);
    /// assert_eq!(record.claims[0].sentence_index, Some(1));
    /// assert_eq!(record.claims[0].sentence, "China sent 20 envoys.");
    /// # Ok::<(), newsfacts::Error>(())
    /// ```
    pub fn sentences(&mut self, output: SentenceOutput) -> &mut ExtractorBuilder {
        self.output.sentences = output;
        self
    }

    /// Whether records carry character offsets (`char_start`, `char_end`)
    /// beside byte offsets, for consumers whose strings index by character
    /// (Python's `str`); default `false`.
    ///
    /// ```
    /// use newsfacts::{Article, Extractor};
    ///
    /// let extractor = Extractor::builder().char_offsets(true).build()?;
    /// let article = Article::new("a", "Ürümqi police said 20 people died.");
    /// let record = extractor.extract(&article)?;
    /// let claim = &record.claims[0];
    /// assert_eq!((claim.start, claim.end), (21, 23));
    /// assert_eq!((claim.char_start, claim.char_end), (Some(19), Some(21)));
    /// let chars: String = article.text.chars().skip(19).take(2).collect();
    /// assert_eq!(chars, "20");
    /// # Ok::<(), newsfacts::Error>(())
    /// ```
    pub fn char_offsets(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.output.char_offsets = yes;
        self
    }

    /// Compile the extractor: read the gazetteer files, merge the
    /// gazetteers and build their automaton, add the word lists.
    ///
    /// Fails when a gazetteer file cannot be read or parsed; the error
    /// names the file (and line).
    pub fn build(&self) -> Result<Extractor, Error> {
        let (gazetteer, matcher) = self.compile_gazetteers()?;
        let lexicon = if self.lexicon.is_empty() {
            Cow::Borrowed(Lexicon::embedded())
        } else {
            Cow::Owned(Lexicon::embedded().extended(&self.lexicon))
        };
        Ok(Extractor {
            inner: Arc::new(Inner {
                gazetteer,
                matcher,
                lexicon,
                max_article_bytes: self.max_article_bytes,
                quotes: self.quotes,
                output: self.output,
            }),
        })
    }

    /// The merged gazetteer and its matcher. Entries that only add to the
    /// embedded gazetteer get a matcher of their own, searched together
    /// with the embedded one (compiled once per process); entries that
    /// replace or deny embedded ones mean compiling everything afresh.
    fn compile_gazetteers(&self) -> Result<(Arc<Gazetteer>, Arc<Matcher>), Error> {
        if self.defaults && self.extra.is_empty() {
            return Ok((Arc::clone(&DEFAULT.gazetteer), Arc::clone(&DEFAULT.matcher)));
        }
        let added = self
            .extra
            .iter()
            .map(|source| match source {
                Source::Loaded(gazetteer) => Ok(gazetteer.clone()),
                Source::File(path) => Gazetteer::from_path(path),
            })
            .collect::<Result<Vec<Gazetteer>, Error>>()?;
        let only_adds = added.iter().all(|g| {
            g.denials().is_empty()
                && g.entries()
                    .iter()
                    .all(|e| !EMBEDDED_KEYS.contains(&(e.kind, e.key.as_str())))
        });
        if self.defaults && only_adds {
            let mut user = Gazetteer::new();
            for g in added {
                user.extend(g);
            }
            // `user` shares no (type, key) with the embedded entries (checked
            // above), so its entries are appended without indexing those.
            let mut merged = Gazetteer::clone(&DEFAULT.gazetteer);
            let from = merged.len();
            merged.append_new(user);
            let matcher = Matcher::layered(Arc::clone(&DEFAULT.matcher), &merged, from);
            return Ok((Arc::new(merged), Arc::new(matcher)));
        }
        let mut merged = if self.defaults {
            Gazetteer::embedded().clone()
        } else {
            Gazetteer::new()
        };
        for g in added {
            merged.extend(g);
        }
        let matcher = Matcher::new(&merged);
        Ok((Arc::new(merged), Arc::new(matcher)))
    }
}
