//! The seen set: an open-addressing hash table of 64-bit fingerprints.
//!
//! TLC keeps only fingerprints of the states it has seen (`FPSet`), so two states with the same
//! fingerprint count as one. This is the same idea in a simple fast form: tables of 64-bit
//! slots with linear probing, each doubled when three quarters full. Fingerprints come from
//! models and may be poorly distributed (a Rust model may use a counter as its fingerprint), so
//! the slot is chosen from a multiplicative mix of the fingerprint. `0` marks an empty slot;
//! the fingerprint 0 itself is remembered by a flag.
//!
//! The set is split into [`SHARDS`] tables (TLC's `MultiFPSet` splits it too), by the top bits
//! of the mix, each grown on its own: doubling copies one shard while the others stay as they
//! are, so the memory a resize needs for a moment is a shard's, not the whole table's again.
//!
//! Inserting needs `&mut`: the engine inserts from one thread, in a deterministic order (the
//! merge decides what is new). Meanwhile the threads expanding later batches probe the same
//! slots through a [`SeenReader`] to drop successors already known to be seen: slots are
//! atomics written only from empty to a fingerprint, so a reader sees either, and a miss
//! only means the merge will look the fingerprint up itself.
//!
//! With a memory budget ([`FingerprintSet::with_budget`]) the shards stop growing at the
//! largest size within it; when one of them is three quarters full, the fingerprints of all
//! are merged into a sorted run on disk ([`crate::spill`]) and the tables start empty. A
//! fingerprint is then seen if it is in a table or in the run. Should writing the run fail
//! (a full disk), the tables grow past the budget instead and the failure is reported
//! ([`FingerprintSet::spill_error`]): the search goes on.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::model::Fingerprint;
use crate::spill::Run;

const EMPTY: u64 = 0;
/// The least number of slots of the whole set (of all shards), as a power of two.
const MIN_CAPACITY_LOG2: u32 = 10;
/// The number of shards is `1 << SHARD_BITS`.
const SHARD_BITS: u32 = 6;
/// The number of tables the set is split into.
pub(crate) const SHARDS: usize = 1 << SHARD_BITS;
/// The least number of slots of a shard, as a power of two.
const MIN_SHARD_LOG2: u32 = MIN_CAPACITY_LOG2 - SHARD_BITS;

/// The mix of a fingerprint from which its shard and slot are chosen (Fibonacci hashing: the
/// high bits of the product depend on every bit of `fp`).
fn mix(fp: u64) -> u64 {
    fp.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The shard of a mixed fingerprint: its top bits.
fn shard_of(h: u64) -> usize {
    (h >> (64 - SHARD_BITS)) as usize
}

/// The slots of one size of one shard. Only the owning set writes them (filling empty
/// slots, never clearing one); readers may probe them meanwhile.
#[derive(Debug)]
struct Table {
    slots: Box<[AtomicU64]>,
    /// `64 - log2(slots.len())`: the shift that turns a mixed fingerprint, without its shard
    /// bits, into a slot index.
    shift: u32,
}

impl Table {
    fn with_log2(log2: u32) -> Table {
        Table {
            slots: (0..1usize << log2).map(|_| AtomicU64::new(EMPTY)).collect(),
            shift: 64 - log2,
        }
    }

    fn log2(&self) -> u32 {
        64 - self.shift
    }

    /// The first slot to probe for a fingerprint with mix `h`: the bits after the shard's.
    fn slot_of(&self, h: u64) -> usize {
        ((h << SHARD_BITS) >> self.shift) as usize
    }

    /// Asks the processor to bring the first slot to probe for mix `h` into its cache.
    fn prefetch(&self, h: u64) {
        let slot: *const AtomicU64 = &self.slots[self.slot_of(h)];
        prefetch(slot.cast());
    }

    fn contains(&self, fp: u64, h: u64) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(h);
        loop {
            match self.slots[i].load(Ordering::Relaxed) {
                EMPTY => return false,
                x if x == fp => return true,
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// Puts `fp` (non-zero, with mix `h`) in; returns whether it was absent. Only the owner
    /// calls it.
    fn place(&self, fp: u64, h: u64) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(h);
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

/// The shards of a set at one time.
type Shards = Arc<[Arc<Table>]>;

/// A hint that the byte at `p` will be read soon: the processor starts loading its cache
/// line and goes on.
#[inline]
fn prefetch(p: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch reads nothing and faults on no address; SSE, which the instruction
    // belongs to, is part of every x86-64 processor.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Whether `fp` (non-zero) is in one of `shards`.
fn in_shards(shards: &Shards, fp: u64) -> bool {
    let h = mix(fp);
    shards[shard_of(h)].contains(fp, h)
}

/// A set of fingerprints.
#[derive(Debug)]
pub struct FingerprintSet {
    /// Replaced whole when a shard grows, so a reader's copy stays as it was.
    shards: Shards,
    /// Fingerprints in the set (the tables', the run's and zero).
    len: u64,
    /// Fingerprints in each shard's table.
    in_table: [u64; SHARDS],
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
    /// A shard's largest size within the budget.
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
            shards: (0..SHARDS)
                .map(|_| Arc::new(Table::with_log2(MIN_SHARD_LOG2)))
                .collect(),
            len: 0,
            in_table: [0; SHARDS],
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
            max_log2: 63 - slots.leading_zeros() - SHARD_BITS,
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
        in_shards(&self.shards, fp.0) || self.run().is_some_and(|r| r.contains(fp.0))
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
        // slots of one or two cache lines) while a table takes 11 to 21 bytes per entry.
        let h = mix(fp.0);
        let shard = shard_of(h);
        if (self.in_table[shard] + 1) * 4 > self.shards[shard].slots.len() as u64 * 3 {
            self.make_room(shard);
        }
        let new = self.shards[shard].place(fp.0, h);
        self.len += u64::from(new);
        self.in_table[shard] += u64::from(new);
        new
    }

    /// Grows a shard, or writes every table out to disk when the shard is as large as the
    /// budget allows.
    fn make_room(&mut self, shard: usize) {
        let log2 = self.shards[shard].log2();
        if let Some(spill) = &mut self.spill {
            if log2 >= spill.max_log2 && spill.error.is_none() {
                let mut fps: Vec<u64> = (self.shards.iter())
                    .flat_map(|t| t.slots.iter())
                    .map(|s| s.load(Ordering::Relaxed))
                    .filter(|&fp| fp != EMPTY)
                    .collect();
                fps.sort_unstable();
                match spill.write(&fps) {
                    Ok(run) => {
                        spill.run = Some(Arc::new(run));
                        spill.runs_written += 1;
                        self.shards = (self.shards.iter())
                            .map(|t| Arc::new(Table::with_log2(t.log2())))
                            .collect();
                        self.in_table = [0; SHARDS];
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
        self.grow(shard);
    }

    /// A handle that other threads can probe while this set keeps growing. It sees every
    /// fingerprint inserted before it was made, and may see later ones (those inserted
    /// before the set next resizes): a `false` from it means "not known to be seen".
    pub(crate) fn reader(&self) -> SeenReader {
        SeenReader {
            shards: self.shards.clone(),
            run: self.run().cloned(),
            has_zero: self.has_zero,
        }
    }

    fn grow(&mut self, shard: usize) {
        let old = &self.shards[shard];
        let table = Table::with_log2(old.log2() + 1);
        for fp in old.slots.iter().map(|s| s.load(Ordering::Relaxed)) {
            if fp != EMPTY {
                table.place(fp, mix(fp));
            }
        }
        // Readers holding the old shards keep them alive and still read them correctly.
        let mut shards = self.shards.to_vec();
        shards[shard] = Arc::new(table);
        self.shards = shards.into();
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
    shards: Shards,
    run: Option<Arc<Run>>,
    has_zero: bool,
}

impl SeenReader {
    /// Starts loading the table slot where [`SeenReader::contains`] will look for `fp`, so
    /// that the lookup, made after other work, finds it in the cache.
    pub(crate) fn prefetch(&self, fp: Fingerprint) {
        let h = mix(fp.0);
        self.shards[shard_of(h)].prefetch(h);
    }

    /// Whether `fp` is known to be in the set (see [`FingerprintSet::reader`]).
    pub(crate) fn contains(&self, fp: Fingerprint) -> bool {
        if fp.0 == EMPTY {
            return self.has_zero;
        }
        in_shards(&self.shards, fp.0) || self.run.as_ref().is_some_and(|r| r.contains(fp.0))
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
    fn a_shard_grows_alone() {
        let mut set = FingerprintSet::new();
        let mut fp = 1u64;
        let before = set.shards.clone();
        while Arc::ptr_eq(&set.shards, &before) {
            set.insert(Fingerprint(fp));
            fp += 1;
        }
        // The first shard to be given a 13th fingerprint (past three quarters of its 16
        // slots) was doubled; the others are the same tables.
        let grown: Vec<usize> = (0..SHARDS)
            .filter(|&i| !Arc::ptr_eq(&set.shards[i], &before[i]))
            .collect();
        assert_eq!(grown.len(), 1);
        assert_eq!(set.shards[grown[0]].slots.len(), 32);
        assert_eq!(set.in_table[grown[0]], 13);
        assert!((1..fp).all(|i| set.contains(Fingerprint(i))));
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
        // The shards (16 slots each) never grow; the first to hold 12 fingerprints sends
        // every table to disk, so at least as many runs as one table of 1024 slots needs.
        assert!(set.shards.iter().all(|t| t.slots.len() == 16));
        assert!(set.runs_written() >= 10_000 / 768, "{}", set.runs_written());
        assert_eq!(set.on_disk() + set.in_table.iter().sum::<u64>(), 10_000);
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
