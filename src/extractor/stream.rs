//! The stream: articles extracted as they are read, in parallel when the
//! `rayon` feature is on, results in input order, with a bounded number of
//! articles read ahead.

#[cfg(feature = "rayon")]
use std::collections::VecDeque;

use crate::error::Error;
use crate::input::Article;
use crate::record::ArticleRecord;

use super::Extractor;

/// An iterator over the records of a stream of articles, in input order;
/// made by [`Extractor::extract_iter`] and [`Extractor::extract_results`].
///
/// With the `rayon` feature it keeps up to [`lookahead`] articles in flight
/// on rayon's thread pool (by default four per thread of the pool), so
/// memory stays bounded however long the stream, and a slow article holds
/// back only the results after it. A panic in extraction is resumed on the
/// thread reading the stream. Without the feature each article is extracted
/// when its result is asked for.
///
/// ```
/// use newsfacts::{Article, Extractor};
///
/// let articles = (0..10).map(|i| Article::new(i.to_string(), "Kabul sent 5 envoys."));
/// let ids: Vec<String> = Extractor::new()
///     .extract_iter(articles)
///     .lookahead(3)
///     .map(|r| r.map(|record| record.id))
///     .collect::<Result<_, _>>()?;
/// assert_eq!(ids, ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
/// # Ok::<(), newsfacts::Error>(())
/// ```
///
/// [`lookahead`]: ExtractIter::lookahead
#[derive(Debug)]
pub struct ExtractIter<I> {
    extractor: Extractor,
    source: I,
    #[cfg(feature = "rayon")]
    in_flight: VecDeque<parallel::Pending>,
    #[cfg(feature = "rayon")]
    lookahead: usize,
}

impl<I> ExtractIter<I>
where
    I: Iterator<Item = Result<Article, Error>>,
{
    pub(super) fn new(extractor: Extractor, source: I) -> ExtractIter<I> {
        ExtractIter {
            extractor,
            source,
            #[cfg(feature = "rayon")]
            in_flight: VecDeque::new(),
            #[cfg(feature = "rayon")]
            lookahead: 4 * rayon::current_num_threads(),
        }
    }

    /// Read at most `articles` articles ahead of the result asked for (at
    /// least one). Without the `rayon` feature there is no lookahead and
    /// this does nothing.
    ///
    /// ```
    /// use newsfacts::{Article, Extractor};
    ///
    /// let one_by_one = Extractor::new().extract_iter([Article::new("a", "Hi.")]).lookahead(1);
    /// assert_eq!(one_by_one.count(), 1);
    /// ```
    pub fn lookahead(self, articles: usize) -> ExtractIter<I> {
        #[cfg(feature = "rayon")]
        return ExtractIter {
            lookahead: articles.max(1),
            ..self
        };
        #[cfg(not(feature = "rayon"))]
        {
            let _ = articles;
            self
        }
    }
}

impl<I> Iterator for ExtractIter<I>
where
    I: Iterator<Item = Result<Article, Error>>,
{
    type Item = Result<ArticleRecord, Error>;

    #[cfg(feature = "rayon")]
    fn next(&mut self) -> Option<Self::Item> {
        while self.in_flight.len() < self.lookahead {
            let Some(item) = self.source.next() else {
                break;
            };
            self.in_flight
                .push_back(parallel::Pending::start(&self.extractor, item));
        }
        self.in_flight.pop_front().map(parallel::Pending::wait)
    }

    #[cfg(not(feature = "rayon"))]
    fn next(&mut self) -> Option<Self::Item> {
        let item = self.source.next()?;
        Some(item.and_then(|article| self.extractor.extract(&article)))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        #[cfg(feature = "rayon")]
        let queued = self.in_flight.len();
        #[cfg(not(feature = "rayon"))]
        let queued = 0;
        let (low, high) = self.source.size_hint();
        (
            low.saturating_add(queued),
            high.and_then(|h| h.checked_add(queued)),
        )
    }
}

#[cfg(feature = "rayon")]
mod parallel {
    use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
    use std::sync::mpsc::{sync_channel, Receiver, TryRecvError};

    use super::*;

    /// What a job sends back: its result, or the panic it caught.
    type Outcome = std::thread::Result<Result<ArticleRecord, Error>>;

    /// One item of the stream, extracted on the pool or passed through.
    #[derive(Debug)]
    pub(super) enum Pending {
        Ready(Result<ArticleRecord, Error>),
        Running(Receiver<Outcome>),
    }

    impl Pending {
        /// Start extracting `item` on the pool; an error passes through.
        pub fn start(extractor: &Extractor, item: Result<Article, Error>) -> Pending {
            let article = match item {
                Ok(article) => article,
                Err(e) => return Pending::Ready(Err(e)),
            };
            let extractor = extractor.clone();
            let (tx, rx) = sync_channel(1);
            rayon::spawn(move || {
                let outcome = catch_unwind(AssertUnwindSafe(|| extractor.extract(&article)));
                // The stream may have been dropped meanwhile: nobody to tell.
                let _ = tx.send(outcome);
            });
            Pending::Running(rx)
        }

        /// The result, waiting for it if need be.
        pub fn wait(self) -> Result<ArticleRecord, Error> {
            let rx = match self {
                Pending::Ready(result) => return result,
                Pending::Running(rx) => rx,
            };
            let outcome = loop {
                match rx.try_recv() {
                    Ok(outcome) => break outcome,
                    Err(TryRecvError::Disconnected) => unreachable!("a job always answers"),
                    // Read from a worker of the pool (inside `install`),
                    // run queued jobs meanwhile rather than block a thread
                    // the job may need; when none is left to run, the job
                    // is running elsewhere and blocking is safe.
                    Err(TryRecvError::Empty) => {
                        let helped = rayon::current_thread_index().is_some()
                            && rayon::yield_now() == Some(rayon::Yield::Executed);
                        if !helped {
                            break rx.recv().expect("a job always answers");
                        }
                    }
                }
            };
            outcome.unwrap_or_else(|panic| resume_unwind(panic))
        }
    }
}
