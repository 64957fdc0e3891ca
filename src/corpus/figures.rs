//! Figure groups of a corpus view: the figures that share a subject key, a
//! unit and a year, and whether different sources give values more than 5%
//! apart.
//!
//! A figure's *source* is the entity the text attributes it to (by its corpus
//! key), else the attributed name, else the article itself: an unattributed
//! figure is the article's own claim.
//!
//! The disagreement test is exact over every figure folded, kept or not,
//! while storing O(1) per group: for values of one sign the pair furthest
//! apart in ratio is the largest and the smallest value, so it is enough to
//! keep the two largest values from two distinct sources and the two smallest
//! from two distinct sources, and to compare the pairs whose sources differ.

use serde::{Deserialize, Serialize};

use crate::record::{ArticleRecord, Claim, ClaimKind, EntityType, Qualifier};

/// Values further apart than this share of the larger magnitude disagree.
pub const DISAGREEMENT: f64 = 0.05;

/// The figures of one subject, unit and year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FigureGroup {
    /// The subject's corpus key.
    pub subject: String,
    /// The subject's type.
    pub subject_type: EntityType,
    /// The subject's canonical name where the group was first seen.
    pub subject_name: String,
    /// The figures' unit (counted noun, ISO currency, `%`, …).
    pub unit: String,
    /// The year the figures hold for, when the text gives one.
    pub year: Option<i32>,
    /// Figures folded into the group (exact).
    pub count: u64,
    /// Smallest value (exact).
    pub min: f64,
    /// Largest value (exact).
    pub max: f64,
    /// True when two different sources give values more than 5% apart.
    pub disagree: bool,
    /// The first `max_figures_per_group` figures.
    pub figures: Vec<CorpusFigure>,
    /// Figures beyond those listed.
    pub figures_dropped: u64,
}

/// One figure in a group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CorpusFigure {
    /// The article's id.
    pub article: String,
    /// The claim's id in the article's record (`c3`).
    pub claim: String,
    /// Its kind (count, money, percent, measure).
    pub kind: ClaimKind,
    /// The number expression as written.
    pub text: String,
    /// The value.
    pub value: f64,
    /// The upper bound of a range.
    pub upper: Option<f64>,
    /// Its qualifier.
    pub qualifier: Option<Qualifier>,
    /// Who the text attributes it to, when anyone.
    pub source: Option<String>,
    /// The source identity compared for disagreement: a corpus key,
    /// `source:<name>` or `article:<id>`.
    pub source_key: String,
    /// True when the text marks it as reported, alleged or believed.
    pub hedged: bool,
}

/// Subject key and type, unit and year.
pub(crate) type GroupKey = (String, EntityType, String, Option<i32>);

/// A figure placed in its group, ready to fold.
pub(crate) struct Placed<'r> {
    pub(crate) group: GroupKey,
    pub(crate) subject_name: &'r str,
    pub(crate) figure: CorpusFigure,
}

impl<'r> Placed<'r> {
    /// Place a figure claim of `record` (`keys[i]` is the corpus key of
    /// `record.entities[i]`); `None` when it has no subject, unit or value.
    pub(crate) fn new(
        record: &'r ArticleRecord,
        keys: &[String],
        claim: &Claim,
    ) -> Option<Placed<'r>> {
        let entity_index = |id: &str| record.entities.iter().position(|e| e.id == id);
        let subject = entity_index(claim.subject.as_deref()?)?;
        let unit = claim.unit.clone()?;
        let value = claim.value.filter(|v| v.is_finite())?;
        let (source, source_key) = match &claim.source {
            Some(s) => match s.entity.as_deref().and_then(entity_index) {
                Some(i) => (Some(s.name.clone()), keys[i].clone()),
                None => (
                    Some(s.name.clone()),
                    format!("source:{}", s.name.to_lowercase()),
                ),
            },
            None => (None, format!("article:{}", record.id)),
        };
        Some(Placed {
            group: (
                keys[subject].clone(),
                record.entities[subject].kind,
                unit,
                claim.year,
            ),
            subject_name: &record.entities[subject].name,
            figure: CorpusFigure {
                article: record.id.clone(),
                claim: claim.id.clone(),
                kind: claim.kind,
                text: claim.text.clone(),
                value,
                upper: claim.upper,
                qualifier: claim.qualifier,
                source,
                source_key,
                hedged: claim.hedged,
            },
        })
    }
}

impl FigureGroup {
    /// An empty group.
    pub(crate) fn new(key: &GroupKey, subject_name: &str) -> FigureGroup {
        FigureGroup {
            subject: key.0.clone(),
            subject_type: key.1,
            subject_name: subject_name.to_string(),
            unit: key.2.clone(),
            year: key.3,
            count: 0,
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
            disagree: false,
            figures: Vec::new(),
            figures_dropped: 0,
        }
    }

    /// Fold one figure in, listing it while under `cap`; `spread` is the
    /// group's own [`Spread`].
    pub(crate) fn add(&mut self, spread: &mut Spread, figure: CorpusFigure, cap: usize) {
        self.count += 1;
        self.min = self.min.min(figure.value);
        self.max = self.max.max(figure.value);
        spread.add(figure.value, &figure.source_key);
        self.disagree = self.disagree || spread.disagree();
        if self.figures.len() < cap {
            self.figures.push(figure);
        } else {
            self.figures_dropped += 1;
        }
    }
}

/// True when `a` and `b` are more than `DISAGREEMENT` (5%) apart, relative to
/// the larger magnitude.
pub fn values_disagree(a: f64, b: f64) -> bool {
    (a - b).abs() > DISAGREEMENT * a.abs().max(b.abs())
}

/// The two largest and two smallest values of distinct sources: the state
/// of a group's disagreement test, kept beside the group (not serialized).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Spread {
    high: Vec<(f64, String)>,
    low: Vec<(f64, String)>,
}

impl Spread {
    fn add(&mut self, value: f64, source: &str) {
        keep_extreme(&mut self.high, value, source, |new, old| new > old);
        keep_extreme(&mut self.low, value, source, |new, old| new < old);
    }

    fn disagree(&self) -> bool {
        self.high.iter().any(|(h, hs)| {
            self.low
                .iter()
                .any(|(l, ls)| hs != ls && values_disagree(*h, *l))
        })
    }
}

/// Keep in `best` (at most two entries, best first, distinct sources) each
/// source's best value by `better`.
fn keep_extreme(
    best: &mut Vec<(f64, String)>,
    value: f64,
    source: &str,
    better: impl Fn(f64, f64) -> bool,
) {
    if let Some(entry) = best.iter_mut().find(|(_, s)| s == source) {
        if better(value, entry.0) {
            entry.0 = value;
        }
    } else if best.len() < 2 {
        best.push((value, source.to_string()));
    } else if better(value, best[1].0) {
        best[1] = (value, source.to_string());
    }
    if best.len() == 2 && better(best[1].0, best[0].0) {
        best.swap(0, 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_compares_distinct_sources_only() {
        let mut spread = Spread::default();
        spread.add(10.0, "a");
        spread.add(9.9, "a");
        assert!(!spread.disagree(), "one source alone never disagrees");
        spread.add(10.2, "b");
        assert!(!spread.disagree());
        spread.add(9.0, "c");
        assert!(spread.disagree(), "9.0 (c) vs 10.2 (b)");
    }

    #[test]
    fn spread_keeps_the_runner_up_of_another_source() {
        let mut spread = Spread::default();
        for (v, s) in [(100.0, "a"), (1.0, "a"), (99.0, "b"), (98.0, "c")] {
            spread.add(v, s);
        }
        // a holds both extremes; b's 99 is the high of another source.
        assert!(spread.disagree(), "a's 1.0 vs b's 99");
    }

    #[test]
    fn values_disagree_is_relative_to_the_larger_magnitude() {
        assert!(!values_disagree(100.0, 95.0));
        assert!(values_disagree(100.0, 94.9));
        assert!(values_disagree(-1.0, 1.0));
        assert!(!values_disagree(0.0, 0.0));
    }
}
