//! One fast hasher for the analysis's own tables. Their keys are short words
//! from our lists or the document, and hashes that are hashes already, so the
//! default SipHash (built to resist crafted keys) costs more than it buys.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash's mixing: a rotate, an xor and a multiply per eight bytes.
#[derive(Clone, Default)]
pub struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    /// Eight bytes at a time, then the rest.
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(word);
            self.write_u64(u64::from_le_bytes(eight));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut eight = [0u8; 8];
            eight[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(eight));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(SEED);
    }
}

pub type FastSet<T> = HashSet<T, BuildHasherDefault<FastHasher>>;
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
