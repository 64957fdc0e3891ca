//! The forms of each pattern of a matcher's index: built, or read in place
//! from the bytes the build script wrote for the embedded gazetteer, so that
//! a cold start decodes none of its ~110,000 forms.
//!
//! The bytes ([`Forms::to_bytes`]), little-endian: the pattern count, the
//! form count, the [`LowerStarts`] (128 bits and a flag), then the first
//! form of each pattern and the end (`u32`s), then each form as twelve
//! bytes: its entry, the offset and length of its written form in the text
//! beside, and its flags (bit 0: an acronym; bit 1: written form kept).
//! The build script includes this file, so both sides share the format.

use std::ops::Range;

use super::compile::{LowerStarts, SurfaceForm};

/// Bytes before the pattern starts.
const HEADER: usize = 28;

/// Bytes of one form.
const FORM: usize = 12;

/// The forms of each pattern.
#[derive(Debug)]
pub(super) enum Forms {
    Built {
        /// The forms of every pattern, strongest policy first within each.
        forms: Vec<SurfaceForm>,
        /// Pattern `p`'s forms are `forms[starts[p]..starts[p + 1]]`.
        starts: Vec<u32>,
    },
    /// As [`Forms::to_bytes`] wrote them.
    Packed {
        starts: &'static [u8],
        forms: &'static [u8],
        text: &'static str,
    },
}

/// One form of a pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct FormRef<'a> {
    pub entry: u32,
    /// The form as written, kept for exact matching.
    pub surface: Option<&'a str>,
    /// The form is all capitals.
    pub acronym: bool,
}

/// The `u32` at byte `at` of `bytes`, 0 past the end.
fn word(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u32::from_le_bytes)
}

impl Forms {
    /// The number of patterns.
    pub fn patterns(&self) -> usize {
        match self {
            Forms::Built { starts, .. } => starts.len().saturating_sub(1),
            Forms::Packed { starts, .. } => (starts.len() / 4).saturating_sub(1),
        }
    }

    /// The numbers of pattern `pattern`'s forms.
    fn range(&self, pattern: usize) -> Range<usize> {
        let (start, end) = match self {
            Forms::Built { starts, .. } => (
                starts.get(pattern).copied().unwrap_or(0),
                starts.get(pattern + 1).copied().unwrap_or(0),
            ),
            Forms::Packed { starts, .. } => {
                (word(starts, 4 * pattern), word(starts, 4 * pattern + 4))
            }
        };
        start as usize..end as usize
    }

    /// Form number `i`.
    fn get(&self, i: usize) -> Option<FormRef<'_>> {
        match self {
            Forms::Built { forms, .. } => forms.get(i).map(|f| FormRef {
                entry: f.entry,
                surface: f.surface.as_deref(),
                acronym: f.acronym,
            }),
            Forms::Packed { forms, text, .. } => {
                let record = forms.get(i * FORM..i * FORM + FORM)?;
                let (offset, rest) = (word(record, 4) as usize, word(record, 8));
                let (len, flags) = ((rest & 0xffff) as usize, rest >> 16);
                Some(FormRef {
                    entry: word(record, 0),
                    surface: match flags & 2 {
                        0 => None,
                        _ => Some(text.get(offset..offset + len)?),
                    },
                    acronym: flags & 1 != 0,
                })
            }
        }
    }

    /// The forms of pattern `pattern`, strongest policy first.
    pub fn of(&self, pattern: usize) -> impl Iterator<Item = FormRef<'_>> + '_ {
        self.range(pattern).map_while(|i| self.get(i))
    }

    /// The forms and `lower` as bytes, and the text of the written forms.
    #[allow(dead_code)] // Only the build script writes forms.
    pub fn to_bytes(&self, lower: &LowerStarts) -> (Vec<u8>, String) {
        let patterns = self.patterns();
        let count = 0..patterns
            .checked_sub(1)
            .map_or(0, |last| self.range(last).end);
        let mut out = Vec::with_capacity(HEADER + 4 * (patterns + 1) + FORM * count.len());
        let (ascii, other) = lower.parts();
        out.extend_from_slice(&(patterns as u32).to_le_bytes());
        out.extend_from_slice(&(count.len() as u32).to_le_bytes());
        out.extend_from_slice(&ascii.to_le_bytes());
        out.extend_from_slice(&u32::from(other).to_le_bytes());
        for p in 0..patterns {
            out.extend_from_slice(&(self.range(p).start as u32).to_le_bytes());
        }
        out.extend_from_slice(&(count.end as u32).to_le_bytes());
        let mut text = String::new();
        for form in count.filter_map(|i| self.get(i)) {
            let surface = form.surface.unwrap_or("");
            let flags = u32::from(form.acronym) | u32::from(form.surface.is_some()) << 1;
            out.extend_from_slice(&form.entry.to_le_bytes());
            out.extend_from_slice(&(text.len() as u32).to_le_bytes());
            out.extend_from_slice(&(surface.len() as u32 | flags << 16).to_le_bytes());
            text.push_str(surface);
        }
        (out, text)
    }

    /// Read forms written by [`Forms::to_bytes`], in place, and their
    /// [`LowerStarts`]; `None` when the bytes do not have that shape.
    #[allow(dead_code)] // The build script only writes forms.
    pub fn from_bytes(bytes: &'static [u8], text: &'static str) -> Option<(Forms, LowerStarts)> {
        let header = bytes.get(..HEADER)?;
        let (patterns, count) = (word(header, 0) as usize, word(header, 4) as usize);
        let ascii = u128::from_le_bytes(header.get(8..24)?.try_into().ok()?);
        let lower = LowerStarts::from_parts(ascii, word(header, 24) != 0);
        let (starts, forms) = bytes[HEADER..].split_at_checked(4 * (patterns + 1))?;
        (forms.len() == FORM * count).then_some((
            Forms::Packed {
                starts,
                forms,
                text,
            },
            lower,
        ))
    }
}

impl PartialEq for Forms {
    fn eq(&self, other: &Forms) -> bool {
        self.patterns() == other.patterns()
            && (0..self.patterns()).all(|p| self.of(p).eq(other.of(p)))
    }
}

impl Eq for Forms {}
