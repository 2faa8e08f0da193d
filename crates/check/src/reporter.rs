//! Events the engine pushes while it runs, so a front end can show progress.
//!
//! The engine never prints. Every event is sent from the thread that called `run`: `started`
//! first, `initial_states` once, `progress` and `level_finished` as the search goes, `done`
//! last, with the verdict and counts that are the same for any number of workers. How many
//! `progress` and `level_finished` events come before `done` is an engine detail: after each
//! merged batch, and with several workers a failure found by a check that settles late may
//! be reported after a few more batches were merged (their events already sent), so a front
//! end must not derive results from them, and one that prints on a timer should rate-limit
//! them itself.

use crate::outcome::{Stats, Verdict};

/// What a run is about to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StartInfo {
    /// The number of worker threads.
    pub workers: usize,
    /// Whether deadlock is checked.
    pub check_deadlock: bool,
}

/// Receives the events of a run. Every method has an empty default.
pub trait Reporter {
    /// The search starts (before the initial states are computed).
    fn started(&mut self, _info: &StartInfo) {}

    /// The initial states were computed (TLC: "Finished computing initial states: …").
    /// `stats.generated` counts the initial states, `stats.distinct` the distinct ones.
    fn initial_states(&mut self, _stats: &Stats) {}

    /// Some states were expanded; the counts so far.
    fn progress(&mut self, _stats: &Stats) {}

    /// Every state of a level was expanded; `stats.depth` is the deepest level found.
    fn level_finished(&mut self, _stats: &Stats) {}

    /// The search is over.
    fn done(&mut self, _verdict: &Verdict, _stats: &Stats) {}
}

/// A reporter that ignores every event.
#[derive(Clone, Copy, Debug, Default)]
pub struct NullReporter;

impl Reporter for NullReporter {}
