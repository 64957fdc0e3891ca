//! What a [`Report`] holds: precision/recall and accuracy counts, per type,
//! per article, and the lists of misses.

use serde::Serialize;

/// The entity types that are scored, in table order.
pub(crate) const SCORED_TYPES: [&str; 3] = ["person", "organization", "place"];

/// Precision, recall and F1 from true positives, false positives and false
/// negatives.
///
/// With neither gold items nor predictions all three are 1; otherwise an
/// empty denominator gives 0.
///
/// ```
/// let s = newsfacts_eval::PrecisionRecall::new(3, 1, 2);
/// assert_eq!(s.precision, 0.75);
/// assert_eq!(s.recall, 0.6);
/// assert!((s.f1 - 2.0 / 3.0).abs() < 1e-12);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct PrecisionRecall {
    /// Items found that gold holds too.
    #[serde(rename = "tp")]
    pub true_positives: usize,
    /// Items found that gold lacks.
    #[serde(rename = "fp")]
    pub false_positives: usize,
    /// Gold items not found.
    #[serde(rename = "fn")]
    pub false_negatives: usize,
    /// true positives / everything found.
    pub precision: f64,
    /// true positives / everything in gold.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl PrecisionRecall {
    /// Scores from the counts of true positives, false positives and false
    /// negatives.
    pub fn new(tp: usize, fp: usize, fn_: usize) -> PrecisionRecall {
        if tp + fp + fn_ == 0 {
            return PrecisionRecall {
                precision: 1.0,
                recall: 1.0,
                f1: 1.0,
                ..PrecisionRecall::default()
            };
        }
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + fn_);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        PrecisionRecall {
            true_positives: tp,
            false_positives: fp,
            false_negatives: fn_,
            precision,
            recall,
            f1,
        }
    }

    /// Count one binary decision: `gold` and `predicted` say whether the
    /// item is in the positive class.
    pub(crate) fn push(&mut self, gold: bool, predicted: bool) {
        let one = |b: bool| usize::from(b);
        *self = self.add(PrecisionRecall::new(
            one(gold && predicted),
            one(!gold && predicted),
            one(gold && !predicted),
        ));
    }

    /// The sum of two sets of counts, scored again.
    pub(crate) fn add(self, other: PrecisionRecall) -> PrecisionRecall {
        PrecisionRecall::new(
            self.true_positives + other.true_positives,
            self.false_positives + other.false_positives,
            self.false_negatives + other.false_negatives,
        )
    }
}

/// Share of correct answers among scored items.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Accuracy {
    /// Items answered correctly.
    pub correct: usize,
    /// Items scored.
    pub total: usize,
    /// correct / total (0 when nothing was scored).
    pub accuracy: f64,
}

impl Accuracy {
    /// Accuracy from counts.
    pub fn new(correct: usize, total: usize) -> Accuracy {
        let accuracy = if total == 0 {
            0.0
        } else {
            correct as f64 / total as f64
        };
        Accuracy {
            correct,
            total,
            accuracy,
        }
    }

    /// What was counted since `before` (an earlier copy of this tally).
    pub(crate) fn since(self, before: Accuracy) -> Accuracy {
        Accuracy::new(self.correct - before.correct, self.total - before.total)
    }

    /// Count one more item, correct or not.
    pub(crate) fn push(&mut self, ok: bool) {
        *self = Accuracy::new(self.correct + usize::from(ok), self.total + 1);
    }
}

/// Mention or entity scores, overall (micro) and per type.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TypedScores {
    /// All three types together.
    pub overall: PrecisionRecall,
    /// Persons.
    pub person: PrecisionRecall,
    /// Organizations.
    pub organization: PrecisionRecall,
    /// Places.
    pub place: PrecisionRecall,
}

impl TypedScores {
    fn get_mut(&mut self, kind: &str) -> Option<&mut PrecisionRecall> {
        match kind {
            "person" => Some(&mut self.person),
            "organization" => Some(&mut self.organization),
            "place" => Some(&mut self.place),
            _ => None,
        }
    }

    /// The scores of one type (`overall` for any other name).
    pub(crate) fn get(&self, kind: &str) -> PrecisionRecall {
        match kind {
            "person" => self.person,
            "organization" => self.organization,
            "place" => self.place,
            _ => self.overall,
        }
    }

    /// Add one article's counts for `kind` to it and to the overall scores.
    pub(crate) fn add(&mut self, kind: &str, counts: PrecisionRecall) {
        if let Some(p) = self.get_mut(kind) {
            *p = p.add(counts);
        }
        self.overall = self.overall.add(counts);
    }
}

/// Figure scores.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FigureScores {
    /// Pairs of equal value.
    pub value: PrecisionRecall,
    /// Pairs whose kind, unit and upper bound agree too.
    pub full: PrecisionRecall,
    /// Kind agreement among value pairs.
    pub kind: Accuracy,
    /// Unit agreement (normalised) among value pairs.
    pub unit: Accuracy,
    /// Qualifier agreement among value pairs.
    pub qualifier: Accuracy,
    /// Year agreement among value pairs.
    pub year: Accuracy,
    /// Source agreement among value pairs.
    pub source: Accuracy,
    /// Subject agreement among value pairs whose gold annotates subjects.
    pub subject: Accuracy,
    /// Subject agreement among those pairs whose gold subject is not null.
    pub subject_named: Accuracy,
    /// `hedged` among value pairs whose gold annotates it: true is the
    /// positive class.
    pub hedged: PrecisionRecall,
}

/// Quote scores.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct QuoteScores {
    /// Quotes matched by their first five words.
    pub quotes: PrecisionRecall,
    /// Speaker agreement among matched quotes.
    pub speaker: Accuracy,
    /// `hedged` among matched quotes whose gold annotates it: true is the
    /// positive class.
    pub hedged: PrecisionRecall,
}

/// How the gold articles were paired with records.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Pairing {
    /// Gold articles.
    pub gold: usize,
    /// Gold articles paired with a record.
    pub paired: usize,
    /// Gold ids without a record (all their items count as misses).
    pub unpaired_gold: Vec<String>,
    /// Record ids without a gold article (left out of the scores).
    pub unpaired_records: Vec<String>,
    /// (gold id, record id) pairs.
    pub pairs: Vec<(String, String)>,
}

/// A mention text missed or wrongly found, with how often.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MentionMiss {
    /// Entity type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Normalised mention text.
    pub text: String,
    /// Occurrences over all articles.
    pub count: usize,
}

/// A figure problem: a gold figure with no prediction (`missed`), a
/// prediction with no gold figure (`spurious`), or a pair whose fields
/// differ (`mismatch`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureMiss {
    /// Gold article id.
    pub article: String,
    /// `missed`, `spurious` or `mismatch`.
    pub what: &'static str,
    /// Figure text (gold for missed and mismatch, predicted for spurious).
    pub text: String,
    /// Figure value.
    pub value: f64,
    /// Gold fields as `kind unit qualifier upper year source` (empty for spurious).
    pub gold: String,
    /// Predicted fields, same layout (empty for missed).
    pub predicted: String,
    /// The sentence around it, when known.
    pub context: Option<String>,
}

/// A quote missed or wrongly found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuoteMiss {
    /// Gold article id.
    pub article: String,
    /// `missed` or `spurious`.
    pub what: &'static str,
    /// Up to eight words of the quote.
    pub text: String,
}

/// Scores for one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleScores {
    /// Gold id.
    pub id: String,
    /// Mention scores.
    pub mentions: PrecisionRecall,
    /// Figure value scores.
    pub figures: PrecisionRecall,
    /// Figure full-match scores.
    pub figures_full: PrecisionRecall,
    /// Quote scores.
    pub quotes: PrecisionRecall,
    /// Figure subject agreement among this article's value pairs whose
    /// gold annotates it.
    pub subject: Accuracy,
    /// Figure source agreement among this article's value pairs.
    pub source: Accuracy,
    /// Speaker agreement among this article's matched quotes.
    pub speaker: Accuracy,
}

/// Everything [`score`](crate::score) measures. `Display` prints a table; see
/// [`Report::misses_table`] for the worst misses.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// Article pairing.
    pub articles: Pairing,
    /// Mention scores.
    pub mentions: TypedScores,
    /// Entity-level scores: sets of (type, canonical name) per article.
    pub entities: TypedScores,
    /// Figure scores.
    pub figures: FigureScores,
    /// Quote scores.
    pub quotes: QuoteScores,
    /// Per-article scores, in gold order.
    pub per_article: Vec<ArticleScores>,
    /// Gold mentions not found, most frequent first.
    pub mention_false_negatives: Vec<MentionMiss>,
    /// Mentions found that gold lacks, most frequent first.
    pub mention_false_positives: Vec<MentionMiss>,
    /// Figure misses, in gold order.
    pub figure_misses: Vec<FigureMiss>,
    /// Quote misses, in gold order.
    pub quote_misses: Vec<QuoteMiss>,
}
