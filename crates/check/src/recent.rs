//! The candidates the workers of a search found lately, so that a worker can tell a
//! successor already found from an earlier parent for a duplicate before doing a candidate's
//! work on it (evaluating its invariants, packing it).
//!
//! Parents are merged in the order of their ids, and each parent's successors in the order
//! they were generated. A successor whose fingerprint was found as a candidate from a parent
//! with a smaller id, or earlier from the same parent, comes later in that order than the
//! one found first: the merge would find its fingerprint inserted by then, so it is a state
//! already seen. The table is shared by the workers and direct-mapped by fingerprint; an
//! entry overwritten, or one being written while it is read, is only a duplicate that goes
//! undetected here, and the merge finds it anyway. A "found before" answer is always true:
//! each entry is read under a sequence number (a seqlock), so its fingerprint and parent are
//! read as written together.

use std::sync::atomic::{fence, AtomicU64, Ordering};

use crate::model::Fingerprint;

/// Entries of the table (24 bytes each, 1.5 MiB): more than the candidates of the batches
/// expanded at once on most models.
const SLOTS: usize = 1 << 16;

/// One entry: a fingerprint and the id of the parent it was found from, written under
/// `seq` (odd while being written; 0 while empty).
#[derive(Default)]
struct Entry {
    seq: AtomicU64,
    fp: AtomicU64,
    parent: AtomicU64,
}

/// The table of one search.
pub(crate) struct Recent {
    entries: Box<[Entry]>,
}

impl Recent {
    pub(crate) fn new() -> Recent {
        Recent {
            entries: (0..SLOTS).map(|_| Entry::default()).collect(),
        }
    }

    /// Whether `fp` was found as a candidate from a parent with an id at most `parent`
    /// (from `parent`, then earlier among its successors); if not, records that it was found
    /// from `parent`, unless another thread is writing the same entry.
    pub(crate) fn found_before(&self, fp: Fingerprint, parent: usize) -> bool {
        let entry = &self.entries[fp.0 as usize % SLOTS];
        let parent = parent as u64;
        let seq = entry.seq.load(Ordering::Acquire);
        if seq % 2 == 1 {
            return false;
        }
        if seq != 0 {
            let (found, from) = (
                entry.fp.load(Ordering::Relaxed),
                entry.parent.load(Ordering::Relaxed),
            );
            fence(Ordering::Acquire);
            let unchanged = entry.seq.load(Ordering::Relaxed) == seq;
            if unchanged && found == fp.0 && from <= parent {
                return true;
            }
        }
        // Record it, unless another thread has started writing this entry meanwhile.
        if entry
            .seq
            .compare_exchange(seq, seq + 1, Ordering::Relaxed, Ordering::Relaxed)
            .is_ok()
        {
            fence(Ordering::Release);
            entry.fp.store(fp.0, Ordering::Relaxed);
            entry.parent.store(parent, Ordering::Relaxed);
            entry.seq.store(seq + 2, Ordering::Release);
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_candidate_is_found_before_only_from_a_parent_no_later() {
        let recent = Recent::new();
        let fp = Fingerprint(0xdead_beef);
        assert!(!recent.found_before(fp, 10));
        // From the same parent again, or a later one: a duplicate.
        assert!(recent.found_before(fp, 10));
        assert!(recent.found_before(fp, 11));
        // From an earlier parent: merged first, so not known to be a duplicate; it is
        // recorded instead.
        assert!(!recent.found_before(fp, 9));
        assert!(recent.found_before(fp, 9));
        // Another fingerprint in the same slot replaces the entry.
        let other = Fingerprint(fp.0 + SLOTS as u64);
        assert!(!recent.found_before(other, 20));
        assert!(!recent.found_before(fp, 21));
        // Another search's table knows none of these.
        assert!(!Recent::new().found_before(fp, 30));
    }

    #[test]
    fn threads_sharing_the_table_never_pair_a_fingerprint_with_another_ones_parent() {
        // Fingerprints in 8 slots (many to a slot), each found from parents `10 fp + j`.
        // Thread `t` asks about the `k`-th fingerprints, `k ≡ t (mod 4)`, once from parent
        // `10 fp`,
        // first of all: nothing was recorded from a parent that low, so the answer must be
        // false. Meanwhile the other threads record the same fingerprints from parents
        // `10 fp + 1` and up in the same slots: an entry read while it is rewritten, its
        // fingerprint with another's parent, would answer true.
        let recent = Recent::new();
        let fps: Vec<u64> = (1..2000u64)
            .flat_map(|m| (0..8u64).map(move |slot| slot + SLOTS as u64 * m))
            .collect();
        std::thread::scope(|s| {
            for t in 0..4u64 {
                let (recent, fps) = (&recent, &fps);
                s.spawn(move || {
                    for round in 0..10u64 {
                        for (k, &fp) in fps.iter().enumerate() {
                            let first = round == 0 && k as u64 % 4 == t;
                            let parent = (10 * fp + if first { 0 } else { 1 + round }) as usize;
                            let found = recent.found_before(Fingerprint(fp), parent);
                            assert!(!(first && found), "fingerprint {fp} from parent {parent}");
                        }
                    }
                });
            }
        });
    }
}
