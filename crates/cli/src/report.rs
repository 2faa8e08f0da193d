//! The JSON run report written by `warden check --json PATH`.
//!
//! The report is a stable, versioned document for CI tooling: the verdict as a kebab-case
//! word, the violated property, TLC's counts, the limit that stopped an incomplete search,
//! timing and peak memory, and the trace with every variable both as TLA+
//! text and in the ITF JSON encoding.

use serde::Serialize;
use serde_json::Value as Json;

use crate::memory::Memory;

/// The report's schema version; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// The whole report.
#[derive(Debug, Serialize)]
pub struct RunReport {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// warden's version.
    pub warden_version: &'static str,
    /// The specification checked.
    pub spec: String,
    /// The configuration used.
    pub config: String,
    /// `ok`, `invariant-violated`, `property-violated`, `deadlock`, `assumption-failed`,
    /// `error` or `incomplete`.
    pub verdict: &'static str,
    /// The violated invariant or property, if any.
    pub violated: Option<String>,
    /// The error message for `error` and `assumption-failed` verdicts.
    pub message: Option<String>,
    /// TLC's counts.
    pub states: StateCounts,
    /// Number of BFS levels explored.
    pub depth: u64,
    /// Whether every reachable state was explored.
    pub complete: bool,
    /// For an `incomplete` verdict, the limit that stopped the search: `max-states`,
    /// `max-depth`, `time-limit` or `interrupted` (Ctrl-C); otherwise `null`.
    pub limit: Option<&'static str>,
    /// Worker threads used.
    pub workers: usize,
    /// Wall-clock time of the whole run (loading included) in milliseconds.
    pub duration_ms: u64,
    /// Wall-clock time of the search alone (loading excluded) in seconds.
    pub seconds: f64,
    /// States generated per second of the search (`states.generated / seconds`).
    pub states_per_second: f64,
    /// Distinct states found per second of the search (`states.distinct / seconds`).
    pub distinct_states_per_second: f64,
    /// Peak memory of the process: `peak_rss_bytes` and `bytes_per_distinct_state` (each
    /// `null` where unknown).
    pub memory: Memory,
    /// What the search kept on disk under `--memory`.
    pub disk: OnDisk,
    /// The counterexample or error trace (empty when there is none).
    pub trace: Vec<TraceState>,
}

/// What the search kept on disk under `--memory` (all zero and `null` without it).
#[derive(Debug, Default, Serialize)]
pub struct OnDisk {
    /// Fingerprints of the seen set on disk at the end of the search.
    pub fingerprints: u64,
    /// How many times the seen set's table was written out.
    pub runs: u64,
    /// States whose trace link and fingerprint were moved to disk.
    pub links: u64,
    /// Bytes of packed states written to disk.
    pub packed_bytes: u64,
    /// Why writing to disk failed, if it did (what could not be written stayed in memory).
    pub error: Option<String>,
}

impl From<&check::DiskUse> for OnDisk {
    fn from(d: &check::DiskUse) -> OnDisk {
        OnDisk {
            fingerprints: d.fingerprints,
            runs: d.runs,
            links: d.links,
            packed_bytes: d.packed_bytes,
            error: d.error.clone(),
        }
    }
}

/// TLC's three counts.
#[derive(Debug, Serialize)]
pub struct StateCounts {
    /// States generated, duplicates included.
    pub generated: u64,
    /// Distinct states found.
    pub distinct: u64,
    /// States found but not explored when the search stopped.
    pub left_on_queue: u64,
}

/// One state of a trace.
#[derive(Debug, Serialize)]
pub struct TraceState {
    /// One-based position in the trace.
    pub index: usize,
    /// The action's name (`null` for the initial state).
    pub action: Option<String>,
    /// TLC's label of the step (`Initial predicate` or `Name line … of module M`).
    pub label: String,
    /// Each variable's value as TLA+ text, in declaration order.
    pub vars: serde_json::Map<String, Json>,
    /// Each variable's value in the ITF encoding.
    pub itf: serde_json::Map<String, Json>,
}
