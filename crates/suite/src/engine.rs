//! The boundary between the suite runner and a model checker.
//!
//! The runner never loads a spec itself: it builds a [`CheckRequest`] per check (the spec,
//! its config, the mutation to apply, and what to look for) and hands it to an [`Engine`].
//! The TLA+ binding implements the trait over the real front end; tests implement it with
//! a table of canned results, so every part of the runner is testable without a spec.

use std::path::PathBuf;
use std::time::Duration;

use value::Value;

/// One run of the checker, as the runner asks for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckRequest {
    /// The `.tla` module (absolute, or relative to the current directory).
    pub spec: PathBuf,
    /// The TLC `.cfg` file.
    pub config: PathBuf,
    /// Constant overrides applied on top of the cfg: `(name, TLA+ value text)`, as a cfg's
    /// `name = value` would write them. Sorted by name.
    pub constants: Vec<(String, String)>,
    /// Operator overrides applied on top of the cfg: `(operator, replacement)`, as a cfg's
    /// `operator <- replacement`. Sorted by operator.
    pub replace: Vec<(String, String)>,
    /// When set, check only these invariants/properties (by name) instead of every one the
    /// cfg lists. An empty list checks none (used for witness searches).
    pub invariants_only: Option<Vec<String>>,
    /// When set, search for a reachable state satisfying this state predicate (an operator
    /// of the spec) and stop there with [`RunVerdict::Reached`] and the trace to it.
    pub reach: Option<String>,
}

/// What kind of check a violation broke.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ViolationKind {
    /// A state invariant.
    Invariant,
    /// A temporal property (today, a safety property such as `[][A]_v`).
    Property,
    /// A reachable state with no successor while deadlock checking is on.
    Deadlock,
}

impl ViolationKind {
    /// The lower-case word used in reports (`invariant`, `property`, `deadlock`).
    pub fn as_str(self) -> &'static str {
        match self {
            ViolationKind::Invariant => "invariant",
            ViolationKind::Property => "property",
            ViolationKind::Deadlock => "deadlock",
        }
    }
}

/// The outcome of one run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunVerdict {
    /// The state space was exhausted and nothing was violated (and, for a reach request,
    /// no state satisfied the predicate).
    Ok,
    /// A check failed; `trace` leads to the offending state.
    Violated {
        /// The name of the invariant or property (for a deadlock, `"Deadlock"`).
        name: String,
        /// Which kind of check failed.
        kind: ViolationKind,
    },
    /// A state satisfying the reach predicate was found; `trace` leads to it.
    Reached {
        /// The predicate's name.
        name: String,
    },
    /// The run could not be completed: the spec did not load, an evaluation failed, …
    Error {
        /// What went wrong, already worded for a person.
        message: String,
    },
}

/// One state of a trace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraceState {
    /// The action that produced this state (for the first state, the engine's label for the
    /// initial predicate, e.g. `Initial predicate`). An action matches a name in a manifest's
    /// `actions` list when the label equals it or starts with it followed by a non-identifier
    /// character (`ApproveA(p1)`, `ApproveA line 12`).
    pub action: String,
    /// The variables and their values, in the spec's declaration order.
    pub vars: Vec<(String, Value)>,
}

/// What the engine reports for one [`CheckRequest`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckResult {
    /// The verdict.
    pub verdict: RunVerdict,
    /// Distinct states found.
    pub distinct: u64,
    /// States generated (duplicates included).
    pub generated: u64,
    /// BFS depth reached.
    pub depth: u64,
    /// For a violation or a reached witness, the shortest trace (first state first);
    /// otherwise empty.
    pub trace: Vec<TraceState>,
    /// Wall-clock time of the run.
    pub duration: Duration,
    /// The names of the invariants and properties this run actually checked. A green claim
    /// passes only if every property it lists is among them, so a property the cfg does not
    /// define cannot pass silently.
    pub checked: Vec<String>,
}

impl CheckResult {
    /// A result carrying only an error (no states explored).
    pub fn error(message: impl Into<String>) -> CheckResult {
        CheckResult {
            verdict: RunVerdict::Error {
                message: message.into(),
            },
            distinct: 0,
            generated: 0,
            depth: 0,
            trace: Vec::new(),
            duration: Duration::ZERO,
            checked: Vec::new(),
        }
    }
}

/// A model checker the runner can drive. Implementations must be callable from several
/// threads at once (the runner checks claims in parallel).
pub trait Engine: Sync {
    /// Runs one check to completion. Never panics on a bad spec: failures are
    /// [`RunVerdict::Error`].
    fn check(&self, req: &CheckRequest) -> CheckResult;

    /// Called for every request, one after another in manifest order, before any check runs,
    /// so that state an engine shares across checks (the TLA+ front end's string order) is
    /// built in the same order whatever the number of jobs. The default does nothing.
    fn prepare(&self, _req: &CheckRequest) {}
}
