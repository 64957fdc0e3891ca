//! The old code of [`super::cut`], kept as the oracle of its differential
//! tests (compiled only in tests).

use super::cut::{joined_end, Joins};
use crate::lexicon::mark;
use crate::text::{Doc, TokenKind as BaseKind};

/// [`super::cut::tokenize`] as it was before it moved runs of plain words in one
/// copy: the oracle of its differential test.
pub(super) fn tokenize_oracle(doc: &Doc<'_>) -> Joins {
    let base = &doc.tokens;
    // Token and base indices are u32: four bytes a token.
    let n = u32::try_from(base.len()).expect("article too long");
    // Each base token its own token at first (the common case, filled
    // without a loop); joins below move the later ones down.
    let mut joins = Joins {
        firsts: (0..n).collect(),
        ..Joins::default()
    };
    let mut out = 0;
    let mut k = 0;
    while let Some(first) = base.get(k) {
        let i = out as u32;
        joins.firsts[out] = k as u32;
        out += 1;
        // Only a glued base token after this one can join it: most tokens
        // stand alone and skip the joining.
        let alone = base.get(k + 1).map_or(true, |t| !t.glued);
        if alone && first.kind == BaseKind::Letters && first.marks & mark::NUMBER_WORD == 0 {
            // The common case: a word of one base token, no number word.
            k += 1;
            continue;
        }
        let next = joined_end(doc, k, alone, i, &mut joins.anchors);
        if next > k + 1 {
            // A join ("China's", "1,721") is looked up.
            let end = base[next - 1].end;
            let marks = doc.word_marks.get(&doc.folded[first.start..end]);
            joins.joined_marks.push((i, marks));
            // A joined word may be a number word its first piece is not.
            if marks & mark::NUMBER_WORD != 0
                && first.kind != BaseKind::Digits
                && joins.anchors.last() != Some(&i)
            {
                joins.anchors.push(i);
            }
        }
        k = next;
    }
    joins.firsts.truncate(out);
    joins
}

/// [`super::cut::digits_value_of`] through the parse alone: the oracle of its
/// differential test.
pub(super) fn digits_value_oracle(raw: &str) -> Option<f64> {
    let kept: String = raw
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    kept.parse().ok()
}
