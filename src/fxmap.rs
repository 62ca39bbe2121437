//! A hash map for keys made inside the program (ids, offsets, hashes already mixed), where
//! the standard map's DoS-resistant hasher costs more than the lookups it serves: the
//! multiply-rotate hash of rustc's `FxHasher`, a word at a time.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// See the module note. Not for keys an outsider chooses (text of a file read, say).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Fx {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
    }
}

impl Hasher for Fx {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u16(&mut self, i: u16) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_u128(&mut self, i: u128) {
        self.add(i as u64);
        self.add((i >> 64) as u64);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_hash_alike_and_near_keys_apart() {
        let mut m: FxMap<(u32, usize, usize), u32> = FxMap::default();
        for a in 0..200u32 {
            for s in 0..50usize {
                m.insert((a, s, s + 7), a * 100 + s as u32);
            }
        }
        assert_eq!(m.len(), 200 * 50);
        assert_eq!(m.get(&(17, 3, 10)), Some(&1703));
        assert_eq!(m.get(&(17, 3, 11)), None);
        let h = |k: &[u64]| {
            let mut f = Fx::default();
            std::hash::Hash::hash(k, &mut f);
            f.finish()
        };
        assert_eq!(h(&[1, 2, 3]), h(&[1, 2, 3]));
        assert_ne!(h(&[1, 2, 3]), h(&[1, 3, 2]));
        assert_ne!(
            h(&[1, 2]),
            h(&[1, 2, 0]),
            "the length is part of a slice's hash"
        );
    }
}
