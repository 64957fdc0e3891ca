//! Quotes: matched by their first five words, one-to-one, in order; the
//! speakers of matched quotes are scored as an accuracy.

use newsfacts::{ArticleRecord, Claim, ClaimKind};

use crate::gold::GoldArticle;
use crate::normalize::{quote_key, same_name};
use crate::scores::{PrecisionRecall, QuoteMiss, Report};

/// Score one article's quotes into `report`; returns its quote scores.
pub(crate) fn score_quotes(
    g: &GoldArticle,
    r: &ArticleRecord,
    report: &mut Report,
) -> PrecisionRecall {
    let pred: Vec<&Claim> = r
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Quote)
        .collect();
    let pred_keys: Vec<Vec<String>> = pred.iter().map(|c| quote_key(&c.text)).collect();
    let mut used = vec![false; pred.len()];
    let mut tp = 0;
    for gq in &g.quotes {
        let key = quote_key(&gq.text);
        let hit = (0..pred.len()).find(|&i| !used[i] && !key.is_empty() && pred_keys[i] == key);
        match hit {
            Some(i) => {
                used[i] = true;
                tp += 1;
                let ok = same_name(
                    gq.speaker.as_deref(),
                    pred[i].speaker.as_ref().map(|s| s.name.as_str()),
                );
                report.quotes.speaker.push(ok);
                if let Some(hedged) = gq.hedged {
                    report.quotes.hedged.push(hedged, pred[i].hedged);
                }
            }
            None => report.quote_misses.push(QuoteMiss {
                article: g.id.clone(),
                what: "missed",
                text: gq.text.clone(),
            }),
        }
    }
    for (i, c) in pred.iter().enumerate() {
        if !used[i] {
            report.quote_misses.push(QuoteMiss {
                article: g.id.clone(),
                what: "spurious",
                text: c
                    .text
                    .split_whitespace()
                    .take(8)
                    .collect::<Vec<_>>()
                    .join(" "),
            });
        }
    }
    let scores = PrecisionRecall::new(tp, pred.len() - tp, g.quotes.len() - tp);
    report.quotes.quotes = report.quotes.quotes.add(scores);
    scores
}
