//! Feature hashing: features are 32-bit hashes of a template number and integer or string
//! parts, so training and prediction build them with the same code and no vocabulary.

use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Hash of a string (a word form, a tag).
#[inline]
pub fn hash_str(s: &str) -> u64 {
    dyad_core::fnv::fnv1a64(s.as_bytes())
}

/// Combines a template id with up to three parts into a feature id.
#[inline]
pub fn feat(template: u32, a: u64, b: u64, c: u64) -> u32 {
    let mut h = (template as u64).wrapping_mul(K);
    h = (h.rotate_left(5) ^ a).wrapping_mul(K);
    h = (h.rotate_left(5) ^ b).wrapping_mul(K);
    h = (h.rotate_left(5) ^ c).wrapping_mul(K);
    (h >> 32) as u32 ^ h as u32
}

/// A hasher for keys that are already hashes.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) | *b as u64;
        }
    }
    fn write_u32(&mut self, i: u32) {
        self.0 = (i as u64).wrapping_mul(K);
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = i.wrapping_mul(K);
    }
}

pub type IdMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<IdHasher>>;
