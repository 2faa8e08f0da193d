//! How to run a search: deadlock checking, the number of workers, and optional limits.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

/// Settings of one run. `Options::default()` checks deadlock with one worker and no limit.
#[derive(Clone, Debug)]
pub struct Options {
    /// Report a reachable state without successors as a deadlock (TLC's default; off with
    /// `-deadlock` or `CHECK_DEADLOCK FALSE`).
    pub check_deadlock: bool,
    /// The number of worker threads that compute successors (at least 1; 0 counts as 1).
    /// The outcome does not depend on it.
    pub workers: usize,
    /// Stop once this many distinct states were found (checked between batches, so the
    /// count may exceed it slightly; the exact figure does not depend on `workers`).
    pub max_states: Option<u64>,
    /// Do not expand states at this depth (initial states are depth 1).
    pub max_depth: Option<u64>,
    /// Stop after this much wall-clock time (checked between batches).
    pub time_limit: Option<Duration>,
    /// Set by the caller (e.g. on Ctrl-C) to stop the search between batches.
    pub stop: Option<Arc<AtomicBool>>,
    /// The most memory, in bytes, the seen set's table may take. Past it, fingerprints are
    /// kept in sorted files in `spill_dir`, the trace links of finished levels are moved
    /// there too (see [`crate::Outcome::disk`]), and the kept states, packed
    /// ([`crate::Model::pack`]), are written there as well, a sixty-fourth of the budget at
    /// a time; `None` keeps everything in memory. The outcome does not depend on it.
    pub memory: Option<u64>,
    /// Where the seen set writes its files under a memory budget (a directory of its own is
    /// made there and removed after the search); the system's temporary directory if `None`.
    pub spill_dir: Option<PathBuf>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            check_deadlock: true,
            workers: 1,
            max_states: None,
            max_depth: None,
            time_limit: None,
            stop: None,
            memory: None,
            spill_dir: None,
        }
    }
}

impl Options {
    /// The options with `workers` worker threads.
    pub fn with_workers(mut self, workers: usize) -> Options {
        self.workers = workers;
        self
    }

    /// The options with deadlock checking on or off.
    pub fn with_deadlock_check(mut self, check_deadlock: bool) -> Options {
        self.check_deadlock = check_deadlock;
        self
    }

    /// The directory the seen set spills to.
    pub(crate) fn spill_dir(&self) -> PathBuf {
        self.spill_dir.clone().unwrap_or_else(std::env::temp_dir)
    }

    /// The number of worker threads actually used.
    pub(crate) fn worker_count(&self) -> usize {
        self.workers.max(1)
    }
}
