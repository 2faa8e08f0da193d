//! What a run returns: the verdict, the statistics, and the trace that explains the verdict.
//!
//! A violation is not an error of the engine: it is a [`Verdict`] with a [`Trace`]. Only the
//! command-line front end maps verdicts to exit codes and wording.

use crate::model::{ActionId, ModelError};
use crate::outdegree::OutDegree;

/// The result of exploring a model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome<S> {
    /// What the search found.
    pub verdict: Verdict,
    /// The counts at the moment the search stopped (TLC's figures at that moment).
    pub stats: Stats,
    /// For a violation, a deadlock or an evaluation error in a state: the shortest behaviour
    /// that reaches it. `None` for [`Verdict::Ok`], for a limit, and for an error raised
    /// before any state exists (e.g. while enumerating the initial states).
    pub trace: Option<Trace<S>>,
    /// Where an evaluation error was raised (set exactly when the verdict is
    /// [`Verdict::Error`]), so a front end can word it as TLC does.
    pub error_site: Option<ErrorSite>,
    /// Whether every reachable state (within the constraints) was explored. True exactly
    /// when the verdict is [`Verdict::Ok`].
    pub complete: bool,
    /// New successors per expanded state (TLC prints its summary on success only).
    pub outdegree: OutDegree,
    /// What the search kept on disk (nothing without [`crate::Options::memory`]).
    pub disk: DiskUse,
}

/// What a search with a memory budget kept on disk.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DiskUse {
    /// Fingerprints on disk at the end of the search.
    pub fingerprints: u64,
    /// How many times the in-memory table was written out.
    pub runs: u64,
    /// States whose parent link and fingerprint were moved to disk (those of finished
    /// levels, read back only to build a trace).
    pub links: u64,
    /// Bytes of packed states written to disk (the levels kept, read back when expanded;
    /// each file is removed once its states are no longer needed).
    pub packed_bytes: u64,
    /// Why writing to disk failed, if it did: what could not be written stayed in memory.
    pub error: Option<String>,
}

/// What the search found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Every reachable state was explored and every check held.
    Ok,
    /// A reachable state violates the invariant `index` (into `Model::invariant_names`).
    InvariantViolated {
        /// Index into the model's invariant names.
        index: usize,
        /// The invariant's name.
        name: String,
    },
    /// An initial state violates the initial-state property `index` (into
    /// `Model::initial_property_names`; TLC: "Property P is violated by the initial state").
    InitialPropertyViolated {
        /// Index into the model's initial-state property names.
        index: usize,
        /// The property's name.
        name: String,
    },
    /// A step violates the action property `index` (into `Model::action_property_names`).
    ActionPropertyViolated {
        /// Index into the model's action property names.
        index: usize,
        /// The property's name.
        name: String,
    },
    /// A reachable state has no successor at all (and deadlock checking is on).
    Deadlock,
    /// Evaluating the model failed; see [`Outcome::error_site`] for what was being evaluated.
    Error(ModelError),
    /// The search stopped at a limit before exploring every reachable state; no violation
    /// was found in the states explored.
    Incomplete(Limit),
}

/// Why a search stopped before it was complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// `Options::max_states` distinct states were found.
    MaxStates,
    /// Every state at depth `Options::max_depth` was reached and none was expanded.
    MaxDepth,
    /// `Options::time_limit` elapsed.
    TimeLimit,
    /// The caller raised `Options::stop`.
    Stopped,
}

/// What was being evaluated when a [`ModelError`] was raised. (Which invariant or property
/// failed to evaluate is for the model to say in the error's message: the engine asks for
/// all of them at once.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorSite {
    /// Enumerating the initial states (the trace is absent).
    Init,
    /// Computing the successors of the last state of the trace.
    Next,
    /// Evaluating the state constraints on the last state of the trace.
    Constraint,
    /// Evaluating the action constraints on the last step of the trace.
    ActionConstraint,
    /// Evaluating the invariants on the last state of the trace.
    Invariant,
    /// Evaluating the initial-state properties on the (single) state of the trace.
    InitialProperty,
    /// Evaluating the action properties on the last step of the trace.
    ActionProperty,
}

/// The counts TLC prints: `G states generated, D distinct states found, Q states left on
/// queue.` and `The depth of the complete state graph search is N.`
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Every state produced: initial states and successors, duplicates and states outside
    /// the constraints included.
    pub generated: u64,
    /// States inserted into the seen set (only states within the constraints).
    pub distinct: u64,
    /// Distinct states found but not yet expanded.
    pub left_on_queue: u64,
    /// The largest level of a distinct state (initial states are level 1); 0 when no state
    /// was generated.
    pub depth: u64,
}

/// A behaviour: an initial state and the steps that follow it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trace<S> {
    /// The states in order; the first has no action.
    pub steps: Vec<Step<S>>,
}

/// One state of a trace and the action that produced it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step<S> {
    /// The action of the step into `state`; `None` for the initial state.
    pub action: Option<ActionId>,
    /// The state.
    pub state: S,
}

impl<S> Trace<S> {
    /// The number of states in the trace.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    /// Whether the trace has no state.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The last state, the one the verdict is about.
    pub fn last(&self) -> Option<&S> {
        self.steps.last().map(|s| &s.state)
    }
}
