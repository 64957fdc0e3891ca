//! Figures: pair each gold figure with a predicted one of equal value, then
//! score the pair's fields and list what went wrong.

use std::collections::{BTreeSet, HashMap};

use newsfacts::record::Qualifier;
use newsfacts::{ArticleRecord, Claim};

use crate::gold::{GoldArticle, GoldFigure};
use crate::normalize::{normalize_mention, normalize_unit, same_name, same_upper, same_value};
use crate::scores::{FigureMiss, PrecisionRecall, Report};

/// A figure's fields in one line, for the misses table.
struct Described<'a> {
    kind: &'a str,
    unit: Option<&'a str>,
    qualifier: Option<&'a str>,
    upper: Option<f64>,
    year: Option<i32>,
    source: Option<&'a str>,
    subject: Option<&'a str>,
}

fn describe(d: Described<'_>) -> String {
    let Described {
        kind,
        unit,
        qualifier,
        upper,
        year,
        source,
        subject,
    } = d;
    let mut s = format!(
        "{kind} {} {}",
        unit.unwrap_or("-"),
        qualifier.unwrap_or("-")
    );
    if let Some(u) = upper {
        s.push_str(&format!(" upper={u}"));
    }
    if let Some(y) = year {
        s.push_str(&format!(" year={y}"));
    }
    if let Some(src) = source {
        s.push_str(&format!(" src={src}"));
    }
    if let Some(subj) = subject {
        s.push_str(&format!(" subj={subj}"));
    }
    s
}

fn describe_gold(f: &GoldFigure) -> String {
    describe(Described {
        kind: &f.kind,
        unit: f.unit.as_deref(),
        qualifier: f.qualifier.as_deref(),
        upper: f.upper,
        year: f.year,
        source: f.source.as_deref(),
        subject: f.subject.as_ref().and_then(|s| s.as_deref()),
    })
}

fn describe_claim(c: &Claim, r: &ArticleRecord) -> String {
    describe(Described {
        kind: c.kind.as_str(),
        unit: c.unit.as_deref(),
        qualifier: c.qualifier.map(Qualifier::as_str),
        upper: c.upper,
        year: c.year,
        source: c.source.as_ref().map(|s| s.name.as_str()),
        subject: subject_name(c, r),
    })
}

/// The name of the entity a claim's `subject` id refers to in its record.
fn subject_name<'r>(c: &Claim, r: &'r ArticleRecord) -> Option<&'r str> {
    let id = c.subject.as_deref()?;
    r.entities
        .iter()
        .find(|e| e.id == id)
        .map(|e| e.name.as_str())
}

/// Pair gold figures with predicted ones; see the crate docs. Returns, per
/// gold figure, the index into `pred` it is paired with.
pub(crate) fn pair_figures(gold: &[GoldFigure], pred: &[(&Claim, f64)]) -> Vec<Option<usize>> {
    let mut used = vec![false; pred.len()];
    gold.iter()
        .map(|g| {
            let candidates = || {
                pred.iter()
                    .enumerate()
                    .filter(|(i, (_, v))| !used[*i] && same_value(g.value, *v))
            };
            let gtext = normalize_mention(&g.text);
            let pick = candidates()
                .find(|(_, (c, _))| normalize_mention(&c.text) == gtext)
                .or_else(|| candidates().next())
                .map(|(i, _)| i);
            if let Some(i) = pick {
                used[i] = true;
            }
            pick
        })
        .collect()
}

/// Score one article's figures into `report`; returns its value and
/// full-match scores. `text` is the article's text, for context of misses.
pub(crate) fn score_figures(
    g: &GoldArticle,
    r: &ArticleRecord,
    text: Option<&str>,
    report: &mut Report,
) -> (PrecisionRecall, PrecisionRecall) {
    let pred: Vec<(&Claim, f64)> = r
        .claims
        .iter()
        .filter(|c| c.kind.is_figure())
        .filter_map(|c| c.value.map(|v| (c, v)))
        .collect();
    let pairs = pair_figures(&g.figures, &pred);
    let scores = &mut report.figures;
    let mut full = 0;
    let mut paired = 0;
    let mut seen_text: HashMap<String, usize> = HashMap::new();
    for (gf, p) in g.figures.iter().zip(&pairs) {
        let occurrence = {
            let n = seen_text.entry(gf.text.clone()).or_default();
            *n += 1;
            *n
        };
        let Some(pi) = *p else {
            report.figure_misses.push(FigureMiss {
                article: g.id.clone(),
                what: "missed",
                text: gf.text.clone(),
                value: gf.value,
                gold: describe_gold(gf),
                predicted: String::new(),
                context: text.and_then(|t| sentence_around(t, &gf.text, occurrence)),
            });
            continue;
        };
        paired += 1;
        let c = pred[pi].0;
        let kind_ok = gf.kind == c.kind.as_str();
        let unit_ok = match (&gf.unit, &c.unit) {
            (None, None) => true,
            (Some(a), Some(b)) => normalize_unit(a) == normalize_unit(b),
            _ => false,
        };
        let upper_ok = same_upper(gf.upper, c.upper);
        let qualifier_ok = gf.qualifier.as_deref() == c.qualifier.map(Qualifier::as_str);
        let year_ok = gf.year == c.year;
        let source_ok = same_name(
            gf.source.as_deref(),
            c.source.as_ref().map(|s| s.name.as_str()),
        );
        scores.kind.push(kind_ok);
        scores.unit.push(unit_ok);
        scores.qualifier.push(qualifier_ok);
        scores.year.push(year_ok);
        scores.source.push(source_ok);
        let mut subject_ok = true;
        if let Some(gold_subject) = &gf.subject {
            subject_ok = same_name(gold_subject.as_deref(), subject_name(c, r));
            scores.subject.push(subject_ok);
            if gold_subject.is_some() {
                scores.subject_named.push(subject_ok);
            }
        }
        if let Some(hedged) = gf.hedged {
            scores.hedged.push(hedged, c.hedged);
        }
        if kind_ok && unit_ok && upper_ok {
            full += 1;
        }
        let fields_ok = qualifier_ok && year_ok && source_ok && subject_ok;
        if !(kind_ok && unit_ok && upper_ok && fields_ok) {
            report.figure_misses.push(FigureMiss {
                article: g.id.clone(),
                what: "mismatch",
                text: gf.text.clone(),
                value: gf.value,
                gold: describe_gold(gf),
                predicted: describe_claim(c, r),
                context: Some(c.sentence.clone()).filter(|s| !s.is_empty()),
            });
        }
    }
    let used: BTreeSet<usize> = pairs.iter().flatten().copied().collect();
    for (i, (c, v)) in pred.iter().enumerate() {
        if !used.contains(&i) {
            report.figure_misses.push(FigureMiss {
                article: g.id.clone(),
                what: "spurious",
                text: c.text.clone(),
                value: *v,
                gold: String::new(),
                predicted: describe_claim(c, r),
                context: Some(c.sentence.clone()).filter(|s| !s.is_empty()),
            });
        }
    }
    let value = PrecisionRecall::new(paired, pred.len() - paired, g.figures.len() - paired);
    let full = PrecisionRecall::new(full, pred.len() - full, g.figures.len() - full);
    scores.value = scores.value.add(value);
    scores.full = scores.full.add(full);
    (value, full)
}

/// The sentence holding the `occurrence`-th (1-based) occurrence of
/// `needle` in `text`, roughly: from the previous sentence end or paragraph
/// break to the next. At most about 240 bytes.
pub(crate) fn sentence_around(text: &str, needle: &str, occurrence: usize) -> Option<String> {
    if needle.is_empty() {
        return None;
    }
    let (start, _) = text.match_indices(needle).nth(occurrence.checked_sub(1)?)?;
    let before = &text[..start];
    let from = before
        .rfind(". ")
        .map(|i| i + 2)
        .into_iter()
        .chain(before.rfind('\n').map(|i| i + 1))
        .max()
        .unwrap_or(0);
    let after = &text[start..];
    let to = after
        .find(". ")
        .map(|i| i + 1)
        .into_iter()
        .chain(after.find('\n'))
        .min()
        .unwrap_or(after.len());
    let s = text[from..start + to].trim();
    let mut cut = s.len().min(240);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    Some(s[..cut].to_string())
}
