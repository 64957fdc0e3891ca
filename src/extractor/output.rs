//! What a record carries on request beyond the pipeline's own output: the
//! article's sentences with claims pointing into them, and character
//! offsets beside byte offsets. Filled in after extraction, so that the
//! stages never see these options.

use crate::record::{ArticleRecord, Sentence};
use crate::text::Doc;

/// How records give the sentence of each claim.
///
/// ```
/// use newsfacts::{Article, Extractor, SentenceOutput};
///
/// let article = Article::new("a", "It rained. China sent 20 officials.");
///
/// // Today's default: each claim copies its sentence.
/// let record = Extractor::new().extract(&article)?;
/// assert_eq!(record.claims[0].sentence, "China sent 20 officials.");
/// assert!(record.sentences.is_empty());
///
/// // The planned default: the record lists the sentences once, claims point to them.
/// let spans = Extractor::builder().sentences(SentenceOutput::Spans).build()?;
/// let record = spans.extract(&article)?;
/// let claim = &record.claims[0];
/// assert_eq!(claim.sentence, "");
/// let s = &record.sentences[claim.sentence_index.unwrap()];
/// assert_eq!(&article.text[s.start..s.end], "China sent 20 officials.");
/// # Ok::<(), newsfacts::Error>(())
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SentenceOutput {
    /// Each claim copies the text of its sentence into
    /// [`Claim::sentence`](crate::Claim::sentence); the record lists no
    /// sentences. The default, and the output of every release so far.
    #[default]
    Text,
    /// Both: the record lists its sentences
    /// ([`ArticleRecord::sentences`]), each claim points to one with
    /// [`Claim::sentence_index`](crate::Claim::sentence_index) and still
    /// copies its text. For moving from `Text` to `Spans`.
    TextAndSpans,
    /// The record lists its sentences and claims point to them; claims copy
    /// no text (`sentence` is empty and left out of the JSON), which makes
    /// records much smaller. Planned as the default of the next major
    /// release.
    Spans,
}

/// The record options the builder sets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Output {
    pub sentences: SentenceOutput,
    pub char_offsets: bool,
}

impl Output {
    /// Add what the options ask for to `record`, extracted from `doc`.
    pub fn finish(&self, doc: &Doc<'_>, record: &mut ArticleRecord) {
        // (Cleared, not replaced: a reused record keeps the room.)
        record.sentences.clear();
        if self.sentences != SentenceOutput::Text {
            record
                .sentences
                .extend(doc.sentences.iter().map(|s| Sentence {
                    start: s.start,
                    end: s.end,
                    char_start: None,
                    char_end: None,
                }));
            for claim in &mut record.claims {
                claim.sentence_index = Some(doc.sentence_index(claim.start));
                if self.sentences == SentenceOutput::Spans {
                    claim.sentence.clear();
                }
            }
        }
        if self.char_offsets {
            add_char_offsets(doc.text, record);
        }
    }
}

/// Fill in `char_start` and `char_end` beside every byte span of `record`.
fn add_char_offsets(text: &str, record: &mut ArticleRecord) {
    let mentions = record.entities.iter().flat_map(|e| &e.mentions);
    let spans = mentions
        .map(|m| (m.start, m.end))
        .chain(record.claims.iter().map(|c| (c.start, c.end)))
        .chain(record.sentences.iter().map(|s| (s.start, s.end)));
    let index = CharIndex::new(text, spans.flat_map(|(s, e)| [s, e]).collect());
    for m in record.entities.iter_mut().flat_map(|e| &mut e.mentions) {
        (m.char_start, m.char_end) = (Some(index.get(m.start)), Some(index.get(m.end)));
    }
    for c in &mut record.claims {
        (c.char_start, c.char_end) = (Some(index.get(c.start)), Some(index.get(c.end)));
    }
    for s in &mut record.sentences {
        (s.char_start, s.char_end) = (Some(index.get(s.start)), Some(index.get(s.end)));
    }
}

/// Character offsets of a set of byte offsets, counted in one pass over the
/// text (a table for every byte would cost eight bytes per byte of text).
struct CharIndex {
    /// The byte offsets, sorted and without duplicates; empty for ASCII
    /// text, where byte and character offsets are the same.
    bytes: Vec<usize>,
    /// The character offset of each.
    chars: Vec<usize>,
}

impl CharIndex {
    fn new(text: &str, mut offsets: Vec<usize>) -> CharIndex {
        if text.is_ascii() {
            return CharIndex {
                bytes: Vec::new(),
                chars: Vec::new(),
            };
        }
        offsets.sort_unstable();
        offsets.dedup();
        let bytes = text.as_bytes();
        let mut chars = Vec::with_capacity(offsets.len());
        let (mut at, mut count) = (0, 0);
        for &offset in &offsets {
            let offset = offset.min(bytes.len());
            // A character starts at every byte that is not a continuation byte.
            count += bytes[at..offset]
                .iter()
                .filter(|&&b| (b as i8) >= -0x40)
                .count();
            at = offset;
            chars.push(count);
        }
        CharIndex {
            bytes: offsets,
            chars,
        }
    }

    fn get(&self, byte: usize) -> usize {
        if self.bytes.is_empty() {
            return byte;
        }
        self.bytes
            .binary_search(&byte)
            .map_or(byte, |i| self.chars[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_counts_characters() {
        let text = "aé😀b";
        let index = CharIndex::new(text, vec![7, 0, 3, 1, 3]);
        assert_eq!(
            [0, 1, 3, 7].map(|b| index.get(b)),
            [0, 1, 2, 3],
            "{:?}",
            index.bytes
        );
        let ascii = CharIndex::new("abc", vec![2]);
        assert_eq!(ascii.get(2), 2);
    }
}
