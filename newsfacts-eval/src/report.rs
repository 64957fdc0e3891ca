//! A [`Report`] as text: the score tables (`Display`) and the worst misses
//! ([`Report::misses_table`]).
//!
//! Every score is one row of one table shape: a label, then P, R and F1
//! with their counts ([`prf_row`]) or an accuracy with its counts
//! ([`accuracy_row`]), under one header ([`header_row`]).

use std::fmt;

use crate::scores::{
    Accuracy, FigureMiss, MentionMiss, PrecisionRecall, QuoteMiss, Report, TypedScores,
    SCORED_TYPES,
};

/// The column titles of every score row.
fn header_row(f: &mut fmt::Formatter<'_>) -> fmt::Result {
    writeln!(
        f,
        "  {:<22} {:>6} {:>6} {:>6}   {:>5} {:>5} {:>5}",
        "", "P", "R", "F1", "tp", "fp", "fn"
    )
}

/// One precision/recall row.
fn prf_row(f: &mut fmt::Formatter<'_>, label: &str, s: PrecisionRecall) -> fmt::Result {
    writeln!(
        f,
        "  {label:<22} {:>6.3} {:>6.3} {:>6.3}   {:>5} {:>5} {:>5}",
        s.precision, s.recall, s.f1, s.true_positives, s.false_positives, s.false_negatives
    )
}

/// A precision/recall row for a rare positive class (`hedged`): `-` with a
/// note when neither the gold nor the records hold a positive, where P, R
/// and F1 would read as a perfect 1.000.
fn rare_class_row(f: &mut fmt::Formatter<'_>, label: &str, s: PrecisionRecall) -> fmt::Result {
    if s.true_positives + s.false_positives + s.false_negatives == 0 {
        writeln!(
            f,
            "  {label:<22} {:>6}   (no positives in gold or records)",
            "-"
        )
    } else {
        prf_row(f, label, s)
    }
}

/// One accuracy row; `-` when nothing was scored.
fn accuracy_row(f: &mut fmt::Formatter<'_>, label: &str, a: Accuracy) -> fmt::Result {
    if a.total == 0 {
        writeln!(f, "  {label:<22} {:>6}", "-")
    } else {
        writeln!(
            f,
            "  {label:<22} {:>6.3}   ({} of {})",
            a.accuracy, a.correct, a.total
        )
    }
}

/// A titled block: the overall row, then one row per scored type.
fn typed_block(f: &mut fmt::Formatter<'_>, title: &str, scores: &TypedScores) -> fmt::Result {
    writeln!(f, "{title}")?;
    prf_row(f, "overall", scores.overall)?;
    for kind in SCORED_TYPES {
        prf_row(f, kind, scores.get(kind))?;
    }
    Ok(())
}

/// The first line: how many gold articles, how many paired, which not.
fn pairing_line(f: &mut fmt::Formatter<'_>, report: &Report) -> fmt::Result {
    let a = &report.articles;
    let no_record = if a.unpaired_gold.is_empty() {
        String::new()
    } else {
        format!("; no record for {}", a.unpaired_gold.join(", "))
    };
    let no_gold = if a.unpaired_records.is_empty() {
        String::new()
    } else {
        format!("; {} record(s) without gold", a.unpaired_records.len())
    };
    writeln!(
        f,
        "articles: {} gold, {} paired{no_record}{no_gold}",
        a.gold, a.paired
    )
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        pairing_line(f, self)?;
        header_row(f)?;
        typed_block(f, "mentions", &self.mentions)?;
        typed_block(f, "entities (type, canonical)", &self.entities)?;
        writeln!(f, "figures")?;
        prf_row(f, "value", self.figures.value)?;
        prf_row(f, "full (kind+unit+upper)", self.figures.full)?;
        accuracy_row(f, "kind accuracy", self.figures.kind)?;
        accuracy_row(f, "unit accuracy", self.figures.unit)?;
        accuracy_row(f, "qualifier accuracy", self.figures.qualifier)?;
        accuracy_row(f, "year accuracy", self.figures.year)?;
        accuracy_row(f, "source accuracy", self.figures.source)?;
        accuracy_row(f, "subject accuracy", self.figures.subject)?;
        accuracy_row(f, "  where gold not null", self.figures.subject_named)?;
        rare_class_row(f, "hedged", self.figures.hedged)?;
        writeln!(f, "quotes")?;
        prf_row(f, "first five words", self.quotes.quotes)?;
        accuracy_row(f, "speaker accuracy", self.quotes.speaker)?;
        rare_class_row(f, "hedged", self.quotes.hedged)?;
        writeln!(f, "per article (F1)       mentions figures  full  quotes")?;
        for s in &self.per_article {
            writeln!(
                f,
                "  {:<22} {:>6.3} {:>7.3} {:>6.3} {:>6.3}",
                s.id, s.mentions.f1, s.figures.f1, s.figures_full.f1, s.quotes.f1
            )?;
        }
        Ok(())
    }
}

impl Report {
    /// The worst misses, at most `n` of each list: mention false negatives
    /// and false positives (most frequent first), figure and quote misses.
    ///
    /// ```
    /// let report = newsfacts_eval::score(&[], &[]);
    /// assert!(report.misses_table(5).to_string().contains("mentions missed"));
    /// ```
    pub fn misses_table(&self, n: usize) -> impl fmt::Display + '_ {
        MissesTable { report: self, n }
    }
}

/// [`Report::misses_table`]'s display.
struct MissesTable<'a> {
    report: &'a Report,
    n: usize,
}

impl fmt::Display for MissesTable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = self.report;
        mention_misses(f, "mentions missed", &r.mention_false_negatives, self.n)?;
        mention_misses(f, "mentions spurious", &r.mention_false_positives, self.n)?;
        for what in ["missed", "mismatch", "spurious"] {
            let list: Vec<&FigureMiss> =
                r.figure_misses.iter().filter(|m| m.what == what).collect();
            writeln!(f, "figures {what} ({})", list.len())?;
            for m in list.iter().take(self.n) {
                figure_miss(f, m)?;
            }
        }
        for what in ["missed", "spurious"] {
            let list: Vec<&QuoteMiss> = r.quote_misses.iter().filter(|m| m.what == what).collect();
            writeln!(f, "quotes {what} ({})", list.len())?;
            for m in list.iter().take(self.n) {
                writeln!(f, "  {:<18} {}", m.article, m.text)?;
            }
        }
        Ok(())
    }
}

/// A titled list of the first `n` mention misses.
fn mention_misses(
    f: &mut fmt::Formatter<'_>,
    title: &str,
    list: &[MentionMiss],
    n: usize,
) -> fmt::Result {
    writeln!(f, "{title} ({} distinct)", list.len())?;
    for m in list.iter().take(n) {
        writeln!(f, "  {:>3}x {:<13} {}", m.count, m.kind, m.text)?;
    }
    Ok(())
}

/// One figure miss: its text and value, then gold, predicted and context
/// lines when known.
fn figure_miss(f: &mut fmt::Formatter<'_>, m: &FigureMiss) -> fmt::Result {
    writeln!(f, "  {:<18} {:<16} = {}", m.article, m.text, m.value)?;
    if !m.gold.is_empty() {
        writeln!(f, "      gold: {}", m.gold)?;
    }
    if !m.predicted.is_empty() {
        writeln!(f, "      pred: {}", m.predicted)?;
    }
    if let Some(c) = &m.context {
        let short: String = c.chars().take(160).collect();
        writeln!(f, "      in:   {short}")?;
    }
    Ok(())
}
