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
//!
//! With a memory budget ([`FingerprintSet::with_budget`]) the table stops growing at the
//! largest size within it; when that table is three quarters full, its fingerprints are
//! merged into a sorted run on disk ([`crate::spill`]) and the table starts empty. A
//! fingerprint is then seen if it is in the table or in the run. Should writing the run fail
//! (a full disk), the table grows past the budget instead and the failure is reported
//! ([`FingerprintSet::spill_error`]): the search goes on.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::model::Fingerprint;
use crate::spill::Run;

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
    /// Fingerprints in the set (the table's, the run's and zero).
    len: u64,
    /// Fingerprints in `table`.
    in_table: u64,
    has_zero: bool,
    spill: Option<Spill>,
}

/// Where a budgeted set keeps what does not fit in its table.
#[derive(Debug)]
struct Spill {
    /// The directory in which `dir` is made when the table is first written out.
    parent: PathBuf,
    /// Removed, with any run left in it, when the set is dropped.
    dir: Option<tempfile::TempDir>,
    /// The table's largest size within the budget.
    max_log2: u32,
    run: Option<Arc<Run>>,
    runs_written: u64,
    error: Option<String>,
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
            table: Arc::new(Table::with_log2(MIN_CAPACITY_LOG2)),
            len: 0,
            in_table: 0,
            has_zero: false,
            spill: None,
        }
    }

    /// An empty set whose table takes at most `bytes` (but at least 8 KiB) and which keeps
    /// the fingerprints past it in sorted runs, in a directory of its own made in `dir` when
    /// first needed.
    pub fn with_budget(bytes: u64, dir: &Path) -> FingerprintSet {
        let slots = (bytes / 8).max(1 << MIN_CAPACITY_LOG2);
        let mut set = FingerprintSet::new();
        set.spill = Some(Spill {
            parent: dir.to_path_buf(),
            dir: None,
            max_log2: 63 - slots.leading_zeros(),
            run: None,
            runs_written: 0,
            error: None,
        });
        set
    }

    /// The number of fingerprints kept on disk.
    pub fn on_disk(&self) -> u64 {
        self.run().map_or(0, |r| r.len())
    }

    /// How many times the table was written out to disk.
    pub fn runs_written(&self) -> u64 {
        self.spill.as_ref().map_or(0, |s| s.runs_written)
    }

    /// Why writing to disk failed, if it did (the table then grew past the budget).
    pub fn spill_error(&self) -> Option<&str> {
        self.spill.as_ref().and_then(|s| s.error.as_deref())
    }

    fn run(&self) -> Option<&Arc<Run>> {
        self.spill.as_ref().and_then(|s| s.run.as_ref())
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
        self.table.contains(fp.0) || self.run().is_some_and(|r| r.contains(fp.0))
    }

    /// Inserts `fp`; returns whether it was new.
    pub fn insert(&mut self, fp: Fingerprint) -> bool {
        if fp.0 == EMPTY {
            let new = !self.has_zero;
            self.has_zero = true;
            self.len += u64::from(new);
            return new;
        }
        // A budgeted set may empty its table to make room, so it looks first.
        if self.spill.is_some() && self.contains(fp) {
            return false;
        }
        // Keep the load factor at most three quarters so probe sequences stay short (a few
        // slots of one or two cache lines) while the table takes 11 to 21 bytes per entry.
        if (self.in_table + 1) * 4 > self.table.slots.len() as u64 * 3 {
            self.make_room();
        }
        let new = self.table.place(fp.0);
        self.len += u64::from(new);
        self.in_table += u64::from(new);
        new
    }

    /// Grows the table, or writes it out to disk when it is as large as the budget allows.
    fn make_room(&mut self) {
        let log2 = 64 - self.table.shift;
        if let Some(spill) = &mut self.spill {
            if log2 >= spill.max_log2 && spill.error.is_none() {
                let mut fps: Vec<u64> = (self.table.slots.iter())
                    .map(|s| s.load(Ordering::Relaxed))
                    .filter(|&fp| fp != EMPTY)
                    .collect();
                fps.sort_unstable();
                match spill.write(&fps) {
                    Ok(run) => {
                        spill.run = Some(Arc::new(run));
                        spill.runs_written += 1;
                        self.table = Arc::new(Table::with_log2(log2));
                        self.in_table = 0;
                        return;
                    }
                    Err(e) => {
                        spill.error = Some(format!(
                            "could not write the seen set to disk in {}: {e}",
                            spill.parent.display()
                        ));
                    }
                }
            }
        }
        self.grow();
    }

    /// A handle that other threads can probe while this set keeps growing. It sees every
    /// fingerprint inserted before it was made, and may see later ones (those inserted
    /// before the set next resizes): a `false` from it means "not known to be seen".
    pub(crate) fn reader(&self) -> SeenReader {
        SeenReader {
            table: self.table.clone(),
            run: self.run().cloned(),
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

impl Spill {
    /// The run of the current one and `fps` (sorted, none in the current run).
    fn write(&mut self, fps: &[u64]) -> io::Result<Run> {
        if self.dir.is_none() {
            let mut dir = tempfile::Builder::new();
            self.dir = Some(dir.prefix("warden-seen-").tempdir_in(&self.parent)?);
        }
        let dir = self.dir.as_ref().expect("made above");
        let path = dir.path().join(format!("run-{}", self.runs_written));
        Run::merge(self.run.as_deref(), fps, &path)
    }
}

/// A read-only view of a [`FingerprintSet`], for the threads that expand states.
#[derive(Clone, Debug)]
pub(crate) struct SeenReader {
    table: Arc<Table>,
    run: Option<Arc<Run>>,
    has_zero: bool,
}

impl SeenReader {
    /// Whether `fp` is known to be in the set (see [`FingerprintSet::reader`]).
    pub(crate) fn contains(&self, fp: Fingerprint) -> bool {
        if fp.0 == EMPTY {
            return self.has_zero;
        }
        self.table.contains(fp.0) || self.run.as_ref().is_some_and(|r| r.contains(fp.0))
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
    }

    #[test]
    fn a_budgeted_set_spills_to_disk_and_still_counts_each_fingerprint_once() {
        let dir = tempfile::tempdir().unwrap();
        // 8 KiB: a table of 1024 slots, written out at 768 fingerprints.
        let mut set = FingerprintSet::with_budget(8 << 10, dir.path());
        // Never zero: zero is kept apart from the table.
        let fp = |i: u64| Fingerprint((i + 1).wrapping_mul(0x2545_F491_4F6C_DD1D));
        for i in 0..10_000u64 {
            assert!(set.insert(fp(i)), "{i} is new");
            // Every tenth insert repeats an earlier fingerprint, in the table or on disk.
            assert!(!set.insert(fp(i / 10 * 7)), "{i}: {} was seen", i / 10 * 7);
        }
        assert_eq!(set.len(), 10_000);
        assert_eq!(set.runs_written(), 10_000 / 768);
        assert_eq!(set.on_disk(), 10_000 / 768 * 768);
        assert!(set.spill_error().is_none());
        let reader = set.reader();
        for i in 0..10_000u64 {
            assert!(set.contains(fp(i)) && reader.contains(fp(i)), "{i}");
            assert!(!set.contains(fp(i + 10_000)) && !reader.contains(fp(i + 10_000)));
        }
        assert!(set.insert(Fingerprint(0)) && !set.insert(Fingerprint(0)));
        assert_eq!(set.len(), 10_001);
        drop(set);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "nothing left"
        );
    }

    #[test]
    fn a_set_that_cannot_write_to_disk_grows_past_its_budget() {
        let dir = tempfile::tempdir().unwrap();
        let mut set = FingerprintSet::with_budget(8 << 10, &dir.path().join("missing"));
        for i in 1..=5000u64 {
            assert!(set.insert(Fingerprint(i)));
        }
        assert!((1..=5000).all(|i| set.contains(Fingerprint(i))));
        assert_eq!((set.len(), set.on_disk(), set.runs_written()), (5000, 0, 0));
        let error = set.spill_error().expect("the failure is kept");
        assert!(error.contains("missing"), "{error}");
    }
}
