//! The seen set: an open-addressing hash table of 64-bit fingerprints.
//!
//! TLC keeps only fingerprints of the states it has seen (`FPSet`), so two states with the
//! same fingerprint count as one. This is the same idea in its simplest fast form: a flat
//! `Vec<u64>` with linear probing, doubled when half full. Fingerprints come from models and
//! may be poorly distributed (a Rust model may use a counter as its fingerprint), so the slot
//! is chosen from a multiplicative mix of the fingerprint. `0` marks an empty slot; the
//! fingerprint 0 itself is remembered by a flag.
//!
//! Readers may share it (`&FingerprintSet` is `Sync`); inserting needs `&mut`. The engine
//! inserts from one thread, in a deterministic order. A concurrent set can replace this type
//! without touching the search.

use crate::model::Fingerprint;

const EMPTY: u64 = 0;
const MIN_CAPACITY_LOG2: u32 = 10;

/// A set of fingerprints.
#[derive(Clone, Debug)]
pub struct FingerprintSet {
    slots: Vec<u64>,
    /// `64 - log2(slots.len())`: the shift that turns a mixed fingerprint into a slot index.
    shift: u32,
    len: u64,
    has_zero: bool,
}

impl Default for FingerprintSet {
    fn default() -> FingerprintSet {
        FingerprintSet::new()
    }
}

impl FingerprintSet {
    /// An empty set.
    pub fn new() -> FingerprintSet {
        FingerprintSet {
            slots: vec![EMPTY; 1 << MIN_CAPACITY_LOG2],
            shift: 64 - MIN_CAPACITY_LOG2,
            len: 0,
            has_zero: false,
        }
    }

    /// The number of fingerprints in the set.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether `fp` is in the set.
    pub fn contains(&self, fp: Fingerprint) -> bool {
        if fp.0 == EMPTY {
            return self.has_zero;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(fp.0);
        loop {
            match self.slots[i] {
                EMPTY => return false,
                x if x == fp.0 => return true,
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// Inserts `fp`; returns whether it was new.
    pub fn insert(&mut self, fp: Fingerprint) -> bool {
        if fp.0 == EMPTY {
            let new = !self.has_zero;
            self.has_zero = true;
            self.len += u64::from(new);
            return new;
        }
        // Keep the load factor at most one half so probe sequences stay short.
        if (self.len + 1) * 2 > self.slots.len() as u64 {
            self.grow();
        }
        let new = Self::place(&mut self.slots, self.shift, fp.0);
        self.len += u64::from(new);
        new
    }

    fn slot_of(&self, fp: u64) -> usize {
        Self::slot_in(self.shift, fp)
    }

    fn slot_in(shift: u32, fp: u64) -> usize {
        // Fibonacci hashing: the high bits of the product depend on every bit of `fp`.
        (fp.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
    }

    /// Puts `fp` (non-zero) into `slots`; returns whether it was absent.
    fn place(slots: &mut [u64], shift: u32, fp: u64) -> bool {
        let mask = slots.len() - 1;
        let mut i = Self::slot_in(shift, fp);
        loop {
            match slots[i] {
                EMPTY => {
                    slots[i] = fp;
                    return true;
                }
                x if x == fp => return false,
                _ => i = (i + 1) & mask,
            }
        }
    }

    fn grow(&mut self) {
        let new_len = self.slots.len() * 2;
        let shift = self.shift - 1;
        let mut slots = vec![EMPTY; new_len];
        for &fp in self.slots.iter().filter(|&&fp| fp != EMPTY) {
            Self::place(&mut slots, shift, fp);
        }
        self.slots = slots;
        self.shift = shift;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserts_are_counted_once_across_resizes() {
        let mut set = FingerprintSet::new();
        for i in 0..10_000u64 {
            assert!(set.insert(Fingerprint(i * 7)), "{i} is new");
        }
        for i in 0..10_000u64 {
            assert!(!set.insert(Fingerprint(i * 7)), "{i} was seen");
            assert!(set.contains(Fingerprint(i * 7)));
            assert_eq!(set.contains(Fingerprint(i * 7 + 1)), (i * 7 + 1) % 7 == 0);
        }
        assert_eq!(set.len(), 10_000);
    }

    #[test]
    fn zero_is_a_fingerprint_like_any_other() {
        let mut set = FingerprintSet::new();
        assert!(!set.contains(Fingerprint(0)));
        assert!(set.insert(Fingerprint(0)));
        assert!(!set.insert(Fingerprint(0)));
        assert!(set.contains(Fingerprint(0)));
        assert_eq!(set.len(), 1);
    }
}
