//! Hashing for the crate's fixed tables (word lists, gazetteer patterns).

use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the keys are short ASCII words, where SipHash's setup dominates.
/// Only for tables of fixed words (the word lists); sets built from article
/// text keep the default hasher, which input cannot make collide.
#[derive(Default)]
pub(crate) struct Fnv(u64);

/// Builds [`Fnv`] hashers for fixed word tables.
pub(crate) type FnvBuild = BuildHasherDefault<Fnv>;

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}
