//! The seen set: an open-addressing hash table of 64-bit fingerprints.
//!
//! TLC keeps only fingerprints of the states it has seen (`FPSet`), so two states with the same
//! fingerprint count as one. This is the same idea in its simplest fast form: a flat table of
//! 64-bit slots with linear probing, doubled when three quarters full. Fingerprints come from
//! models and may be poorly distributed (a Rust model may use a counter as its fingerprint), so the
//! slot is chosen from a multiplicative mix of the fingerprint. `0` marks an empty slot; the
//! fingerprint 0 itself is remembered by a flag.
//!
//! Inserting needs `&mut`: the engine inserts from one thread, in a deterministic order (the
//! merge decides what is new). Meanwhile the threads expanding later batches probe the same
//! slots through a [`SeenReader`] to drop successors already known to be seen: slots are
//! atomics written only from empty to a fingerprint, so a reader sees either, and a miss
//! only means the merge will look the fingerprint up itself.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::model::Fingerprint;

const EMPTY: u64 = 0;
const MIN_CAPACITY_LOG2: u32 = 10;

/// The slots of one size of the table. Only the owning set writes them (filling empty
/// slots, never clearing one); readers may probe them meanwhile.
#[derive(Debug)]
struct Table {
    slots: Box<[AtomicU64]>,
    /// `64 - log2(slots.len())`: the shift that turns a mixed fingerprint into a slot index.
    shift: u32,
}

impl Table {
    fn with_log2(log2: u32) -> Table {
        Table {
            slots: (0..1usize << log2).map(|_| AtomicU64::new(EMPTY)).collect(),
            shift: 64 - log2,
        }
    }

    fn slot_of(&self, fp: u64) -> usize {
        // Fibonacci hashing: the high bits of the product depend on every bit of `fp`.
        (fp.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    fn contains(&self, fp: u64) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(fp);
        loop {
            match self.slots[i].load(Ordering::Relaxed) {
                EMPTY => return false,
                x if x == fp => return true,
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// Puts `fp` (non-zero) in; returns whether it was absent. Only the owner calls it.
    fn place(&self, fp: u64) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(fp);
        loop {
            match self.slots[i].load(Ordering::Relaxed) {
                EMPTY => {
                    self.slots[i].store(fp, Ordering::Relaxed);
                    return true;
                }
                x if x == fp => return false,
                _ => i = (i + 1) & mask,
            }
        }
    }
}

/// A set of fingerprints.
#[derive(Debug)]
pub struct FingerprintSet {
    table: Arc<Table>,
    len: u64,
    has_zero: bool,
}

impl Default for FingerprintSet {
    fn default() -> FingerprintSet {
        FingerprintSet::new()
    }
}

impl Clone for FingerprintSet {
    fn clone(&self) -> FingerprintSet {
        let table = Table {
            slots: self
                .table
                .slots
                .iter()
                .map(|s| AtomicU64::new(s.load(Ordering::Relaxed)))
                .collect(),
            shift: self.table.shift,
        };
        FingerprintSet {
            table: Arc::new(table),
            len: self.len,
            has_zero: self.has_zero,
        }
    }
}

impl FingerprintSet {
    /// An empty set.
    pub fn new() -> FingerprintSet {
        FingerprintSet {
            table: Arc::new(Table::with_log2(MIN_CAPACITY_LOG2)),
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
        self.table.contains(fp.0)
    }

    /// Inserts `fp`; returns whether it was new.
    pub fn insert(&mut self, fp: Fingerprint) -> bool {
        if fp.0 == EMPTY {
            let new = !self.has_zero;
            self.has_zero = true;
            self.len += u64::from(new);
            return new;
        }
        // Keep the load factor at most three quarters so probe sequences stay short (a few
        // slots of one or two cache lines) while the table takes 11 to 21 bytes per entry.
        if (self.len + 1) * 4 > self.table.slots.len() as u64 * 3 {
            self.grow();
        }
        let new = self.table.place(fp.0);
        self.len += u64::from(new);
        new
    }

    /// A handle that other threads can probe while this set keeps growing. It sees every
    /// fingerprint inserted before it was made, and may see later ones (those inserted
    /// before the set next resizes): a `false` from it means "not known to be seen".
    pub(crate) fn reader(&self) -> SeenReader {
        SeenReader {
            table: self.table.clone(),
            has_zero: self.has_zero,
        }
    }

    fn grow(&mut self) {
        let log2 = 64 - self.table.shift + 1;
        let table = Table::with_log2(log2);
        for fp in self.table.slots.iter().map(|s| s.load(Ordering::Relaxed)) {
            if fp != EMPTY {
                table.place(fp);
            }
        }
        // Readers holding the old table keep it alive and still read it correctly.
        self.table = Arc::new(table);
    }
}

/// A read-only view of a [`FingerprintSet`], for the threads that expand states.
#[derive(Clone, Debug)]
pub(crate) struct SeenReader {
    table: Arc<Table>,
    has_zero: bool,
}

impl SeenReader {
    /// Whether `fp` is known to be in the set (see [`FingerprintSet::reader`]).
    pub(crate) fn contains(&self, fp: Fingerprint) -> bool {
        if fp.0 == EMPTY {
            return self.has_zero;
        }
        self.table.contains(fp.0)
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

    #[test]
    fn a_reader_sees_what_was_inserted_before_it_was_made() {
        let mut set = FingerprintSet::new();
        for i in 1..=100u64 {
            set.insert(Fingerprint(i));
        }
        let reader = set.reader();
        // Enough inserts to resize: the reader keeps the old slots, still correct for them.
        for i in 101..=5000u64 {
            set.insert(Fingerprint(i));
        }
        assert!((1..=100).all(|i| reader.contains(Fingerprint(i))));
        assert!(!reader.contains(Fingerprint(0)));
        assert!(!reader.contains(Fingerprint(6000)));
        assert!((1..=5000).all(|i| set.reader().contains(Fingerprint(i))));
        let copy = set.clone();
        set.insert(Fingerprint(7000));
        assert!(!copy.contains(Fingerprint(7000)));
        assert_eq!(copy.len(), 5000);
    }
}
