//! Building a matcher's index: every surface form of the entries, grouped
//! by its case-folded pattern, and the trie of the patterns.
//!
//! The patterns are sorted (pattern `p` is the `p`-th smallest folded
//! form), and the forms of one pattern keep entry order, then strongest
//! policy first. The build script runs this same code over the embedded
//! gazetteer (`build.rs` includes this file) and the crate reads its result
//! (`embedded`).

use crate::text::fold_case;

use super::forms::Forms;
use super::parallel;
use super::trie::Trie;
use super::{Entry, MatchPolicy};

/// One surface form that a pattern stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct SurfaceForm {
    pub entry: u32,
    /// The form as written in the gazetteer, kept for exact matching.
    pub surface: Option<Box<str>>,
    /// Whether the form is all capitals (see [`is_acronym`]).
    pub acronym: bool,
}

/// A matcher's index: the trie and the forms of each of its patterns.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Index {
    pub trie: Trie,
    /// The forms of every pattern, strongest policy first within each.
    pub forms: Forms,
    /// The lower-case letters the written forms start with.
    pub lower_written: LowerStarts,
}

/// The lower-case letters that some forms start with: only a form kept as
/// written (exact or acronym) can match a word starting lower case (see
/// `starts`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct LowerStarts {
    /// Bit `b` for the ASCII letter `b`.
    ascii: u128,
    /// A lower-case letter outside ASCII.
    other: bool,
}

impl LowerStarts {
    /// Add the first letter of `written` when it is lower case.
    pub fn add(&mut self, written: &str) {
        match written.chars().next() {
            Some(c) if c.is_ascii_lowercase() => self.ascii |= 1 << (c as u32),
            Some(c) if c.is_lowercase() => self.other = true,
            _ => {}
        }
    }

    /// Some form starts with the ASCII byte `b`, a lower-case letter.
    pub fn has_ascii(&self, b: u8) -> bool {
        b < 0x80 && self.ascii >> b & 1 != 0
    }

    /// Some form starts with a lower-case letter outside ASCII.
    pub fn has_other(&self) -> bool {
        self.other
    }

    /// The ASCII letters (bit `b` for the letter `b`) and the flag for the
    /// others, as `forms` writes them.
    pub fn parts(&self) -> (u128, bool) {
        (self.ascii, self.other)
    }

    /// The [`LowerStarts`] of [`LowerStarts::parts`].
    pub fn from_parts(ascii: u128, other: bool) -> LowerStarts {
        LowerStarts { ascii, other }
    }
}

impl Index {
    /// The index over `entries`, numbered from `offset`: one sort of the
    /// folded forms, and the trie built from them, with the table of their
    /// first words (`first_words`) for a scan from word starts.
    pub fn build(entries: &[Entry], offset: usize) -> Index {
        Index::build_with(entries, offset, true)
    }

    /// [`Index::build`] of a layer over another matcher's entries, whose
    /// trie is only walked from its root (`layers`): without the first
    /// words' table, which would cost a million-row layer ~50 MB.
    pub fn build_layer(entries: &[Entry], offset: usize) -> Index {
        Index::build_with(entries, offset, false)
    }

    fn build_with(entries: &[Entry], offset: usize, first_words: bool) -> Index {
        // The folded forms side by side in one string: no allocation per form.
        let mut arena = String::new();
        let mut spans: Vec<(u32, u32)> = Vec::with_capacity(entries.len() * 2);
        let mut forms = Vec::with_capacity(entries.len() * 2);
        each_form(entries, offset, |folded, form| {
            spans.push((arena.len() as u32, folded.len() as u32));
            arena.push_str(folded);
            forms.push(form);
        });
        let folded = |i: u32| {
            let (start, len) = spans[i as usize];
            &arena.as_bytes()[start as usize..(start + len) as usize]
        };
        let order = sorted(forms.len(), folded);
        let mut patterns: Vec<&[u8]> = Vec::new();
        let mut pattern_of = vec![0u32; forms.len()];
        for &i in &order {
            if patterns.last() != Some(&folded(i)) {
                patterns.push(folded(i));
            }
            pattern_of[i as usize] = patterns.len() as u32 - 1;
        }
        drop(order);
        let trie = Trie::of_sorted(&patterns, first_words);
        let patterns = patterns.len();
        Index::group(trie, forms, &pattern_of, patterns, entries, offset)
    }

    /// Group `forms` by pattern (`pattern_of`, one per form, `patterns` in
    /// all), keeping their order, then strongest policy first.
    fn group(
        trie: Trie,
        forms: Vec<SurfaceForm>,
        pattern_of: &[u32],
        patterns: usize,
        entries: &[Entry],
        offset: usize,
    ) -> Index {
        let mut form_starts = vec![0u32; patterns + 1];
        for &p in pattern_of {
            form_starts[p as usize + 1] += 1;
        }
        for p in 0..patterns {
            form_starts[p + 1] += form_starts[p];
        }
        let mut next: Vec<u32> = form_starts[..patterns].to_vec();
        let mut slots: Vec<Option<SurfaceForm>> = vec![None; forms.len()];
        for (form, &p) in forms.into_iter().zip(pattern_of) {
            slots[next[p as usize] as usize] = Some(form);
            next[p as usize] += 1;
        }
        let mut forms: Vec<SurfaceForm> = slots.into_iter().flatten().collect();
        let mut lower_written = LowerStarts::default();
        for written in forms.iter().filter_map(|f| f.surface.as_deref()) {
            lower_written.add(written);
        }
        for w in form_starts.windows(2) {
            let group = &mut forms[w[0] as usize..w[1] as usize];
            if group.len() > 1 {
                group.sort_by_key(|f| entries[f.entry as usize - offset].policy);
            }
        }
        Index {
            trie,
            forms: Forms::Built {
                forms,
                starts: form_starts,
            },
            lower_written,
        }
    }
}

/// The form indexes `0..count`, ordered by their folded text (`folded`), then by
/// index: the order a stable sort would give.
fn sorted<'a>(count: usize, folded: impl Fn(u32) -> &'a [u8] + Sync) -> Vec<u32> {
    // Each form's first 8 bytes as a number (zero-padded: a shorter form
    // sorts first, as in a byte comparison), so that most comparisons are
    // one of numbers, not of bytes reached through two indirections.
    let prefix = |bytes: &[u8]| {
        let mut head = [0u8; 8];
        let n = bytes.len().min(8);
        head[..n].copy_from_slice(&bytes[..n]);
        u64::from_be_bytes(head)
    };
    let mut keys: Vec<(u64, u32)> = (0..count as u32).map(|i| (prefix(folded(i)), i)).collect();
    parallel::sort_unstable_by(&mut keys, |a, b| {
        a.0.cmp(&b.0)
            .then_with(|| folded(a.1).cmp(folded(b.1)))
            .then(a.1.cmp(&b.1))
    });
    keys.into_iter().map(|(_, i)| i).collect()
}

/// Every matchable form of `entries` (numbered from `offset`), in entry
/// order: each name, then its apostrophe and quote variants, folded.
fn each_form(entries: &[Entry], offset: usize, mut each: impl FnMut(&str, SurfaceForm)) {
    let mut buf = String::new();
    for (i, entry) in entries.iter().enumerate() {
        // Only the key resolver reads a referent row.
        if entry.policy == MatchPolicy::Referent {
            continue;
        }
        let i = (offset + i) as u32;
        let mut add = |surface: &str| {
            let acronym = is_acronym(surface);
            let form = SurfaceForm {
                entry: i,
                acronym,
                // Only exact matching reads the written form.
                surface: (acronym || entry.policy == MatchPolicy::Exact).then(|| surface.into()),
            };
            if surface.is_ascii() {
                buf.clear();
                buf.push_str(surface);
                buf.make_ascii_lowercase();
                each(&buf, form);
            } else {
                each(&fold_case(surface), form);
            }
        };
        for name in entry.names() {
            add(name);
            // Apostrophe and quote variants a name may be written with.
            if name.contains('\'') {
                add(&name.replace('\'', "’"));
            }
            if name.contains('’') {
                add(&name.replace('’', "'"));
            }
        }
    }
}

/// True for a form with capitals and no lower-case letters ("UN", "U.S.", "D66").
fn is_acronym(surface: &str) -> bool {
    surface.chars().any(char::is_uppercase) && !surface.chars().any(char::is_lowercase)
}
