//! The candidates a thread found lately, so that it can tell a successor it already found
//! from an earlier parent of the same search for a duplicate before doing a candidate's
//! work on it (evaluating its invariants, packing it).
//!
//! Parents are merged in the order of their ids, and each parent's successors in the order
//! they were generated. A successor whose fingerprint this thread found as a candidate from
//! a parent with a smaller id, or earlier from the same parent, comes later in that order
//! than the one found first: the merge would find its fingerprint inserted by then, so it
//! is a state already seen. Each thread keeps its own table (no sharing between threads,
//! no locks), direct-mapped by fingerprint: an entry overwritten is only a duplicate that
//! goes undetected here, and the merge finds it anyway.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::model::Fingerprint;

/// Entries per thread (96 KiB).
const SLOTS: usize = 1 << 12;

/// One candidate found: the search, its fingerprint and its parent's id.
#[derive(Clone, Copy, Default)]
struct Entry {
    search: u64,
    fp: u64,
    parent: usize,
}

thread_local! {
    static RECENT: RefCell<Vec<Entry>> = const { RefCell::new(Vec::new()) };
}

/// A number for a new search, never given before in this process: a thread's entries from
/// other searches do not count in this one.
pub(crate) fn new_search() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Whether this thread found `fp` as a candidate in search `search` from a parent with an
/// id at most `parent` (from `parent`, then earlier among its successors); if not, records
/// that it found it from `parent`.
pub(crate) fn found_before(search: u64, fp: Fingerprint, parent: usize) -> bool {
    RECENT.with(|recent| {
        let mut recent = recent.borrow_mut();
        if recent.is_empty() {
            recent.resize(SLOTS, Entry::default());
        }
        let entry = &mut recent[fp.0 as usize % SLOTS];
        if entry.search == search && entry.fp == fp.0 && entry.parent <= parent {
            return true;
        }
        *entry = Entry {
            search,
            fp: fp.0,
            parent,
        };
        false
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_candidate_is_found_before_only_from_a_parent_no_later_in_the_same_search() {
        let (a, b) = (new_search(), new_search());
        let fp = Fingerprint(0xdead_beef);
        assert!(!found_before(a, fp, 10));
        // From the same parent again, or a later one: a duplicate.
        assert!(found_before(a, fp, 10));
        assert!(found_before(a, fp, 11));
        // From an earlier parent: merged first, so not known to be a duplicate; it is
        // recorded instead.
        assert!(!found_before(a, fp, 9));
        assert!(found_before(a, fp, 9));
        // Another search does not see this one's entries.
        assert!(!found_before(b, fp, 20));
        // Another fingerprint in the same slot replaces the entry.
        let other = Fingerprint(fp.0 + SLOTS as u64);
        assert!(!found_before(b, other, 20));
        assert!(!found_before(b, fp, 21));
        // Each thread has its own table.
        std::thread::spawn(move || assert!(!found_before(b, fp, 22)))
            .join()
            .unwrap();
    }
}
