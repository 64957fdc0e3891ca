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

/// Polynomial hashing modulo the Mersenne prime 2^61 − 1 at a point chosen
/// at random once per process: for maps keyed by article text, where
/// SipHash costs more than the rest of a lookup.
///
/// Why input cannot make it collide: the blocks of a key (4 bytes each,
/// then a last block that tags the leftover bytes with their count, after
/// a leading 1 so that keys of different lengths differ in degree) are the
/// coefficients of a polynomial evaluated at the secret point `r`. Two
/// different keys of at most `L` blocks give different polynomials, and
/// their difference has at most `L` roots, so they collide for at most `L`
/// of the 2^61 − 1 points; they share a map bucket (the low `k` bits, kept
/// by the final odd multiplication) with probability at most `2L / 2^k`.
/// That is a universal family (Carter and Wegman): without the point,
/// text chosen to collide collides no more often than random text.
#[derive(Clone, Copy)]
pub(crate) struct PolyBuild {
    point: u64,
}

/// The modulus of [`PolyBuild`]'s hashes.
const P61: u64 = (1 << 61) - 1;

impl PolyBuild {
    /// The process's hasher family: its point is drawn once from the
    /// standard library's random keys.
    pub(crate) fn new() -> PolyBuild {
        static POINT: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
        let point = *POINT.get_or_init(|| {
            use std::hash::BuildHasher;
            let seed = std::collections::hash_map::RandomState::new().hash_one(0x5eed_u64);
            // A point in 1..P61: 0 would hash every key to its length.
            seed % (P61 - 1) + 1
        });
        PolyBuild { point }
    }
}

impl Default for PolyBuild {
    fn default() -> PolyBuild {
        PolyBuild::new()
    }
}

impl std::hash::BuildHasher for PolyBuild {
    type Hasher = Poly;
    fn build_hasher(&self) -> Poly {
        Poly {
            acc: 1,
            point: self.point,
        }
    }
}

/// A hasher of [`PolyBuild`]: Horner's rule over the key's blocks.
pub(crate) struct Poly {
    acc: u64,
    point: u64,
}

impl Poly {
    /// `acc · point + block` modulo 2^61 − 1.
    #[inline]
    fn push(&mut self, block: u64) {
        let product = u128::from(self.acc) * u128::from(self.point);
        let folded = (product as u64 & P61) + (product >> 61) as u64;
        let reduced = if folded >= P61 { folded - P61 } else { folded };
        let sum = reduced + block;
        self.acc = if sum >= P61 { sum - P61 } else { sum };
    }
}

impl Hasher for Poly {
    #[inline]
    fn finish(&self) -> u64 {
        // Odd: a bijection on every run of low bits, so buckets collide
        // exactly when the hashes' low bits do; spreads into the high bits
        // the map's tags read.
        self.acc.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut blocks = bytes.chunks_exact(4);
        for b in &mut blocks {
            self.push(u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])));
        }
        // The 0–3 bytes left, tagged with their count above them: every
        // write ends in one such block, so the blocks spell the bytes back.
        let rest = blocks.remainder();
        let mut last = (rest.len() as u64) << 32;
        for (i, &b) in rest.iter().enumerate() {
            last |= u64::from(b) << (8 * i);
        }
        self.push(last);
    }

    /// The block `write(&[b])` would push, without the slicing: `str`'s
    /// hash ends every key with `write_u8(0xff)`.
    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.push(1 << 32 | u64::from(b));
    }
}

/// A map key with its [`PolyBuild`] hash computed once: a lookup and the
/// insert after it hash the key's text once (a map of such keys hashes
/// with [`PrehashedBuild`], which passes the hash through). Keys compare
/// by hash, then by text, so equal hashes of different texts stay apart.
#[derive(Clone, Debug)]
pub(crate) struct Hashed<T> {
    hash: u64,
    key: T,
}

impl<T: AsRef<str>> Hashed<T> {
    /// `key` with its hash under `build` (the hash a [`PolyBuild`] map
    /// gives the `str`).
    #[inline]
    pub(crate) fn new(build: &PolyBuild, key: T) -> Hashed<T> {
        use std::hash::BuildHasher;
        Hashed {
            hash: build.hash_one(key.as_ref()),
            key,
        }
    }
}

impl<T> std::hash::Hash for Hashed<T> {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

impl<T: AsRef<str>> PartialEq for Hashed<T> {
    #[inline]
    fn eq(&self, other: &Hashed<T>) -> bool {
        self.hash == other.hash && self.key.as_ref() == other.key.as_ref()
    }
}

impl<T: AsRef<str>> Eq for Hashed<T> {}

/// The hasher of maps keyed by [`Hashed`]: the hash already made.
#[derive(Default)]
pub(crate) struct Prehashed(u64);

/// Builds [`Prehashed`] hashers.
pub(crate) type PrehashedBuild = BuildHasherDefault<Prehashed>;

impl Hasher for Prehashed {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `Hashed` keys are hashed so; anything else still hashes
        // (FNV-1a), only not as well.
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::hash::BuildHasher;

    use super::*;

    #[test]
    fn poly_hashes_tell_keys_apart() {
        let build = PolyBuild::new();
        let keys = [
            "",
            "a",
            "b",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "abcd\0",
            "\0abcd",
            "\0",
            "\0\0\0\0",
            "reagan",
            "Reagan",
            "united nations",
            "united nation",
        ];
        let hashes: HashSet<u64> = keys.iter().map(|k| build.hash_one(k)).collect();
        assert_eq!(hashes.len(), keys.len());
        // The same key hashes the same way in another map of the process.
        assert_eq!(
            build.hash_one("reagan"),
            PolyBuild::new().hash_one("reagan")
        );
    }

    #[test]
    fn poly_write_u8_is_a_one_byte_write() {
        let build = PolyBuild::new();
        for b in [0, 1, 0x7f, 0xff] {
            let mut one = build.build_hasher();
            one.write_u8(b);
            let mut bytes = build.build_hasher();
            bytes.write(&[b]);
            assert_eq!(one.finish(), bytes.finish(), "{b}");
        }
    }

    #[test]
    fn hashed_keys_hash_as_their_text_and_compare_by_text() {
        use std::collections::HashMap;
        let build = PolyBuild::new();
        let key = Hashed::new(&build, "reagan");
        assert_eq!(key.hash, build.hash_one("reagan"));
        // Equal hashes of different texts are different keys.
        let (a, b) = (Hashed { hash: 7, key: "a" }, Hashed { hash: 7, key: "b" });
        assert_ne!(a, b);
        let mut map: HashMap<Hashed<&str>, u8, PrehashedBuild> = HashMap::default();
        map.insert(a.clone(), 1);
        map.insert(b.clone(), 2);
        map.insert(Hashed::new(&build, "reagan"), 3);
        assert_eq!((map[&a], map[&b], map[&key]), (1, 2, 3));
        assert_eq!(map.get(&Hashed::new(&build, "regan")), None);
    }

    #[test]
    fn poly_push_reduces_modulo_the_prime() {
        let mut h = Poly {
            acc: P61 - 1,
            point: P61 - 1,
        };
        // (−1)(−1) + (P61 − 1) = 1 − 1 = 0 (mod P61)
        h.push(P61 - 1);
        assert_eq!(h.acc, 0);
        let mut h = Poly { acc: 2, point: 3 };
        h.push(5);
        assert_eq!(h.acc, 11);
    }
}
