//! Named word lists: the files of `list word` rows (`figure_words.tsv`,
//! …) that hold the rules' small lists, one row per word, and the
//! [`WordList`] each list becomes.

use std::collections::HashSet;

use super::{columns, embedded_tsv, rows};
use crate::hash::FnvBuild;

/// A list of lower-case words (or phrases of words separated by single
/// spaces), in the file's order.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordList {
    words: Vec<&'static str>,
    /// The words again, for a long list.
    set: HashSet<&'static str, FnvBuild>,
    /// Bit `n` set: a word of `n` bytes is on the list (longer ones: bit 63).
    lengths: u64,
    /// Bit `b` set: a word starting with byte `b` is on the list.
    first_bytes: [u64; 4],
}

/// Lists longer than this are looked up by hash rather than by a scan.
const SCAN_LEN: usize = 12;

impl WordList {
    /// A list of `words`, in their order.
    fn new(words: Vec<&'static str>) -> WordList {
        let set = if words.len() > SCAN_LEN {
            words.iter().copied().collect()
        } else {
            HashSet::default()
        };
        let mut lengths = 0;
        let mut first_bytes = [0; 4];
        for w in &words {
            lengths |= 1 << w.len().min(63);
            if let Some(&b) = w.as_bytes().first() {
                first_bytes[usize::from(b >> 6)] |= 1 << (b & 63);
            }
        }
        WordList {
            words,
            set,
            lengths,
            first_bytes,
        }
    }

    /// `w` is on the list. Most words asked about are not: their length
    /// or first byte turns them away before any comparison.
    pub fn contains(&self, w: &str) -> bool {
        if self.lengths & (1 << w.len().min(63)) == 0 {
            return false;
        }
        if let Some(&b) = w.as_bytes().first() {
            if self.first_bytes[usize::from(b >> 6)] & (1 << (b & 63)) == 0 {
                return false;
            }
        }
        if self.words.len() > SCAN_LEN {
            self.set.contains(w)
        } else {
            self.words.contains(&w)
        }
    }

    /// The words, in the file's order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.iter().copied()
    }

    /// An entry of two words is `first second` (split at its first space).
    /// Asked at every token by some rules: the length filter turns most
    /// words away, and an entry is compared without splitting it.
    pub fn contains_pair(&self, first: &str, second: &str) -> bool {
        let len = first.len() + 1 + second.len();
        if self.lengths & (1 << len.min(63)) == 0 {
            return false;
        }
        self.words.iter().any(|e| {
            e.len() == len
                && e.as_bytes()[first.len()] == b' '
                && e.starts_with(first)
                && e.ends_with(second)
                && !first.contains(' ')
        })
    }

    /// Each entry split into its words, in the file's order.
    pub fn phrases(&self) -> Vec<Vec<&'static str>> {
        self.words.iter().map(|p| p.split(' ').collect()).collect()
    }
}

/// The lists of one `list word` file, handed out by name. Every list of the
/// file must be taken, so a list the code no longer reads (or misspells)
/// is caught by the tests.
pub(super) struct Lists {
    origin: &'static str,
    lists: Vec<(&'static str, Vec<&'static str>)>,
}

impl Lists {
    /// Read the embedded file `origin`.
    pub(super) fn load(origin: &'static str, src: &'static str) -> Lists {
        let table = embedded_tsv(origin, src);
        let [list, word] = columns(&table, ["list", "word"]);
        let mut lists: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
        for row in rows(&table) {
            let (name, word) = (row.cell(list), row.cell(word));
            match lists.iter_mut().find(|(n, _)| *n == name) {
                Some((_, words)) => words.push(word),
                None => lists.push((name, vec![word])),
            }
        }
        Lists { origin, lists }
    }

    /// The list called `name`; it must be in the file.
    pub(super) fn take(&mut self, name: &str) -> WordList {
        let Some(k) = self.lists.iter().position(|(n, _)| *n == name) else {
            panic!("{}: no list `{name}`", self.origin);
        };
        WordList::new(self.lists.swap_remove(k).1)
    }

    /// Check that every list of the file has been taken.
    pub(super) fn finish(self) {
        if let Some((name, _)) = self.lists.first() {
            panic!("{}: list `{name}` is read by no rule", self.origin);
        }
    }
}

/// Declare the struct of one `list word` file: one [`WordList`] field per
/// list, named as the list, and `load`, which takes each list from the
/// embedded file `gazetteers/<file>`.
macro_rules! word_lists {
    (
        $(#[$attr:meta])*
        pub(crate) struct $name:ident from $file:literal {
            $( $(#[$field_attr:meta])* $field:ident, )*
        }
    ) => {
        $(#[$attr])*
        #[derive(Clone, Debug, Default)]
        pub(crate) struct $name {
            $( $(#[$field_attr])* pub $field: $crate::lexicon::lists::WordList, )*
        }

        impl $name {
            /// The lists of the embedded file.
            pub(super) fn load() -> $name {
                let mut lists = $crate::lexicon::lists::Lists::load(
                    $file,
                    include_str!(concat!("../../gazetteers/", $file)),
                );
                let loaded = $name {
                    $( $field: lists.take(stringify!($field)), )*
                };
                lists.finish();
                loaded
            }
        }
    };
}

pub(super) use word_lists;

#[cfg(test)]
mod tests {
    use super::WordList;

    #[test]
    fn pairs_split_at_the_first_space() {
        let list = WordList::new(vec!["lost to", "box office hits", "shares in", "a"]);
        let split = |first: &str, second: &str| {
            list.iter()
                .any(|e| e.split_once(' ') == Some((first, second)))
        };
        for (first, second) in [
            ("lost", "to"),
            ("box", "office hits"),
            ("box office", "hits"),
            ("shares", "in"),
            ("shares", "on"),
            ("lost", ""),
            ("", "a"),
            ("a", ""),
            ("lost to", ""),
        ] {
            assert_eq!(
                list.contains_pair(first, second),
                split(first, second),
                "{first:?} {second:?}"
            );
        }
    }
}
