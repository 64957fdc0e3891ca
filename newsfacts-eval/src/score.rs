//! Scoring: pair gold articles with records, then score each pair's
//! mentions and entities here, its figures (`figures`) and quotes (`quotes`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use newsfacts::{Article, ArticleRecord};

use crate::figures::score_figures;
use crate::gold::GoldArticle;
use crate::normalize::{normalize_mention, normalize_name, normalize_title};
use crate::quotes::score_quotes;
use crate::scores::{
    ArticleScores, MentionMiss, Pairing, PrecisionRecall, Report, TypedScores, SCORED_TYPES,
};

/// Score `records` against `gold`. See the crate docs for the rules.
pub fn score(gold: &[GoldArticle], records: &[ArticleRecord]) -> Report {
    score_with_articles(gold, records, &[])
}

/// Like [`score`], with the articles' texts, so that missed gold figures
/// can be shown in their sentence. `articles` are looked up by record id.
pub fn score_with_articles(
    gold: &[GoldArticle],
    records: &[ArticleRecord],
    articles: &[Article],
) -> Report {
    let texts: HashMap<&str, &str> = articles
        .iter()
        .map(|a| (a.id.as_str(), a.text.as_str()))
        .collect();
    let pairing = pair_articles(gold, records);
    let mut report = Report {
        articles: Pairing {
            gold: gold.len(),
            ..Pairing::default()
        },
        ..Report::default()
    };
    let mut fn_counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut fp_counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    let empty = ArticleRecord {
        id: String::new(),
        title: None,
        byline: None,
        agency: None,
        entities: Vec::new(),
        claims: Vec::new(),
        date: None,
        sentences: Vec::new(),
        url: None,
    };
    for (g, paired) in gold.iter().zip(&pairing) {
        let record = match paired {
            Some(i) => {
                report.articles.paired += 1;
                report
                    .articles
                    .pairs
                    .push((g.id.clone(), records[*i].id.clone()));
                &records[*i]
            }
            None => {
                report.articles.unpaired_gold.push(g.id.clone());
                &empty
            }
        };
        let text = paired.and_then(|i| texts.get(records[i].id.as_str()).copied());
        let mentions = score_mentions(g, record, &mut report, &mut fn_counts, &mut fp_counts);
        score_entities(g, record, &mut report.entities);
        let before = (
            report.figures.subject,
            report.figures.source,
            report.quotes.speaker,
        );
        let (figures, figures_full) = score_figures(g, record, text, &mut report);
        let quotes = score_quotes(g, record, &mut report);
        report.per_article.push(ArticleScores {
            id: g.id.clone(),
            mentions,
            figures,
            figures_full,
            quotes,
            subject: report.figures.subject.since(before.0),
            source: report.figures.source.since(before.1),
            speaker: report.quotes.speaker.since(before.2),
        });
    }
    let used: BTreeSet<usize> = pairing.iter().flatten().copied().collect();
    report.articles.unpaired_records = records
        .iter()
        .enumerate()
        .filter(|(i, _)| !used.contains(i))
        .map(|(_, r)| r.id.clone())
        .collect();
    report.mention_false_negatives = sorted_misses(fn_counts);
    report.mention_false_positives = sorted_misses(fp_counts);
    report
}

/// For each gold article, the index of its record: same id, else same
/// normalised title, else a record id that the gold id ends with after a
/// dash (`bbc-business-077` ↔ `business-077`). Each record pairs once.
fn pair_articles(gold: &[GoldArticle], records: &[ArticleRecord]) -> Vec<Option<usize>> {
    let mut used = vec![false; records.len()];
    let mut out = vec![None; gold.len()];
    let mut take = |out: &mut Vec<Option<usize>>,
                    pred: &dyn Fn(&GoldArticle, &ArticleRecord) -> bool| {
        for (gi, g) in gold.iter().enumerate() {
            if out[gi].is_some() {
                continue;
            }
            if let Some(ri) = (0..records.len()).find(|&ri| !used[ri] && pred(g, &records[ri])) {
                used[ri] = true;
                out[gi] = Some(ri);
            }
        }
    };
    take(&mut out, &|g, r| g.id == r.id);
    take(&mut out, &|g, r| match (&g.title, &r.title) {
        (Some(a), Some(b)) => {
            let a = normalize_title(a);
            !a.is_empty() && a == normalize_title(b)
        }
        _ => false,
    });
    take(&mut out, &|g, r| {
        !r.id.is_empty()
            && g.id
                .strip_suffix(r.id.as_str())
                .is_some_and(|prefix| prefix.ends_with('-'))
    });
    out
}

fn score_mentions(
    g: &GoldArticle,
    r: &ArticleRecord,
    report: &mut Report,
    fn_counts: &mut BTreeMap<(String, String), usize>,
    fp_counts: &mut BTreeMap<(String, String), usize>,
) -> PrecisionRecall {
    let mut article = PrecisionRecall::default();
    for kind in SCORED_TYPES {
        let gold: Vec<String> = g
            .mentions
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| normalize_mention(&m.text))
            .collect();
        let pred: Vec<String> = r
            .entities
            .iter()
            .filter(|e| e.kind.as_str() == kind)
            .flat_map(|e| e.mentions.iter().map(|m| normalize_mention(&m.text)))
            .collect();
        let (tp, missed, spurious) = multiset_match(&gold, &pred);
        for t in &missed {
            *fn_counts.entry((kind.to_string(), t.clone())).or_default() += 1;
        }
        for t in &spurious {
            *fp_counts.entry((kind.to_string(), t.clone())).or_default() += 1;
        }
        let counts = PrecisionRecall::new(tp, spurious.len(), missed.len());
        report.mentions.add(kind, counts);
        article = article.add(counts);
    }
    article
}

/// Multiset intersection of `gold` and `pred`: the number matched, the gold
/// items left over, the predicted items left over.
pub(crate) fn multiset_match(
    gold: &[String],
    pred: &[String],
) -> (usize, Vec<String>, Vec<String>) {
    let mut left: HashMap<&str, usize> = HashMap::new();
    for p in pred {
        *left.entry(p.as_str()).or_default() += 1;
    }
    let mut tp = 0;
    let mut missed = Vec::new();
    for g in gold {
        match left.get_mut(g.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                tp += 1;
            }
            _ => missed.push(g.clone()),
        }
    }
    let mut spurious = Vec::new();
    for p in pred {
        if let Some(n) = left.get_mut(p.as_str()) {
            if *n > 0 {
                *n -= 1;
                spurious.push(p.clone());
            }
        }
    }
    (tp, missed, spurious)
}

fn score_entities(g: &GoldArticle, r: &ArticleRecord, scores: &mut TypedScores) {
    for kind in SCORED_TYPES {
        let gold: BTreeSet<String> = g
            .mentions
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| normalize_name(&m.canonical))
            .collect();
        let pred: BTreeSet<String> = r
            .entities
            .iter()
            .filter(|e| e.kind.as_str() == kind)
            .map(|e| normalize_name(&e.name))
            .collect();
        let tp = gold.intersection(&pred).count();
        scores.add(
            kind,
            PrecisionRecall::new(tp, pred.len() - tp, gold.len() - tp),
        );
    }
}

fn sorted_misses(counts: BTreeMap<(String, String), usize>) -> Vec<MentionMiss> {
    let mut v: Vec<MentionMiss> = counts
        .into_iter()
        .map(|((kind, text), count)| MentionMiss { kind, text, count })
        .collect();
    // Most frequent first; ties in type then text order (the map's order).
    v.sort_by_key(|m| std::cmp::Reverse(m.count));
    v
}
