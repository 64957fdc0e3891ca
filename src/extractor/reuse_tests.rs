//! `extract_into` over one record reused across articles gives what
//! `extract` gives for each: long, short and failing articles in any order,
//! with and without metadata, under every output option (quotes on and
//! off, each sentence output, character offsets).

use std::sync::OnceLock;

use proptest::prelude::*;

use crate::{Article, ArticleRecord, Extractor, SentenceOutput};

/// Extractors with each output option.
fn extractors() -> &'static [Extractor] {
    static EXTRACTORS: OnceLock<Vec<Extractor>> = OnceLock::new();
    EXTRACTORS.get_or_init(|| {
        let build = |quotes, sentences, offsets| {
            Extractor::builder()
                .quotes(quotes)
                .sentences(sentences)
                .char_offsets(offsets)
                .build()
                .unwrap()
        };
        vec![
            Extractor::new(),
            build(false, SentenceOutput::Text, false),
            build(true, SentenceOutput::Spans, true),
            build(true, SentenceOutput::TextAndSpans, false),
            build(false, SentenceOutput::TextAndSpans, true),
        ]
    })
}

/// Articles long and short, with and without metadata, and two that fail.
fn articles() -> &'static [Article] {
    static ARTICLES: OnceLock<Vec<Article>> = OnceLock::new();
    ARTICLES.get_or_init(|| {
        let mut texts = crate::text::test_corpus::texts();
        // The fixture page, and the longest and a middling development text.
        let fixture = texts.remove(0);
        texts.sort_by_key(String::len);
        let mut picked = vec![fixture];
        picked.extend(texts.last().cloned());
        picked.extend(texts.get(texts.len() / 2).cloned());
        picked.extend([
            "China said about 500 fighters operate in Afghanistan.".to_string(),
            "“We will win,” said Li Wei, an expert at the Oxus Society. \
             Mr Li told Reuters that $6bn (£3.2bn) was lent in 2003."
                .to_string(),
            "Zürich’s mayor, Élodie Brun, said 84 per cent of the 1,200 \
             voters backed the plan. Brun called it “a clear result”."
                .to_string(),
            "Kabul.".to_string(),
            String::new(),
            " \n ".to_string(),
        ]);
        picked
            .into_iter()
            .enumerate()
            .map(|(i, text)| {
                let mut a = Article::new(format!("a{i}"), text);
                if i % 2 == 0 {
                    a.title = a.text.lines().next().map(str::to_string);
                    a.byline = Some(format!("Reporter {i}"));
                    a.url = Some(format!("https://example.org/{i}"));
                } else {
                    a.agency = Some("ANI".to_string());
                    a.date = Some("2004-05-01".to_string());
                }
                a
            })
            .collect()
    })
}

/// What `extract` gives for article `a` with extractor `x`.
fn expected(x: usize, a: usize) -> &'static Result<ArticleRecord, String> {
    static EXPECTED: OnceLock<Vec<Vec<Result<ArticleRecord, String>>>> = OnceLock::new();
    let table = EXPECTED.get_or_init(|| {
        (extractors().iter())
            .map(|x| {
                (articles().iter())
                    .map(|a| x.extract(a).map_err(|e| e.to_string()))
                    .collect()
            })
            .collect()
    });
    &table[x][a]
}

/// Refill one record with each (extractor, article) of `steps` in turn,
/// starting from `record`, checking each result against `extract`'s.
fn check_sequence(steps: &[(usize, usize)], mut record: ArticleRecord) {
    for &(x, a) in steps {
        let got = extractors()[x].extract_into(&articles()[a], &mut record);
        match (expected(x, a), got) {
            (Ok(want), Ok(())) => assert_eq!(&record, want, "extractor {x}, article {a}"),
            (Err(want), Err(e)) => assert_eq!(&e.to_string(), want),
            (want, got) => panic!("extractor {x}, article {a}: {want:?} but {got:?}"),
        }
    }
}

/// Long, then short, then long again, and a failure between, under each
/// extractor and switching extractors.
#[test]
fn refilled_records_equal_extracted_ones() {
    let n = articles().len();
    let order = [0, n - 4, 1, n - 1, 2, n - 6, 0, n - 3, 3, 4, 5, 1];
    for x in 0..extractors().len() {
        let steps: Vec<_> = order.iter().map(|&a| (x, a)).collect();
        check_sequence(&steps, ArticleRecord::default());
    }
    let mixed: Vec<_> = (order.iter().enumerate())
        .map(|(i, &a)| (i % extractors().len(), a))
        .collect();
    check_sequence(&mixed, ArticleRecord::default());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any order of articles and extractors, from an empty record or from
    /// the record of any article.
    #[test]
    fn refilled_records_equal_extracted_ones_in_any_order(
        start in 0..articles().len(),
        steps in proptest::collection::vec((0..extractors().len(), 0..articles().len()), 1..10),
    ) {
        let record = match expected(0, start) {
            Ok(record) => record.clone(),
            Err(_) => ArticleRecord::default(),
        };
        check_sequence(&steps, record);
    }
}

/// The address of every string and list of `record` that holds something.
fn buffers(record: &ArticleRecord) -> Vec<*const u8> {
    let mut out = vec![record.id.as_ptr(), record.entities.as_ptr().cast()];
    for e in &record.entities {
        out.extend([e.id.as_ptr(), e.name.as_ptr(), e.mentions.as_ptr().cast()]);
        out.extend(e.key.as_deref().map(str::as_ptr));
        for m in &e.mentions {
            out.extend([m.text.as_ptr(), m.rule.as_ptr()]);
        }
    }
    out.push(record.claims.as_ptr().cast());
    for c in &record.claims {
        out.extend([c.id.as_ptr(), c.text.as_ptr(), c.sentence.as_ptr()]);
        out.extend([c.rule.as_ptr()]);
        out.extend(c.subject.as_deref().map(str::as_ptr));
    }
    out
}

/// A record refilled with the article it holds keeps every buffer: its
/// strings and lists are overwritten in place, none made again. (Claims'
/// units and sources are left out: a unit is the figure's own string, moved
/// in, and a currency conversion's source a copy of its amount's.)
#[test]
fn refilling_with_the_same_article_keeps_every_buffer() {
    // Quotes off: the figures' claims come in reading order, so sorting
    // them leaves each buffer at its place.
    let x = &extractors()[1];
    for a in &articles()[..3] {
        let mut record = x.extract(a).unwrap();
        assert!(record.claims.len() > 1 && record.entities.len() > 1);
        let before = buffers(&record);
        x.extract_into(a, &mut record).unwrap();
        assert_eq!(buffers(&record), before, "article {}", a.id);
    }
}
