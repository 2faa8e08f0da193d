//! The [`Model`] trait: what the engine needs to know about a system to explore it.
//!
//! The engine knows nothing of TLA+. A TLA+ spec bound to a config (the `spec` crate) and a
//! hand-written Rust model are both just implementations of this trait.

use std::fmt;

/// A 64-bit fingerprint of a state (or of its VIEW / symmetry representative).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint(pub u64);

/// Index of an action in the model's action table (see [`Model::action_label`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActionId(pub u32);

/// An error raised while evaluating the model in some state: the search stops and reports
/// it with the trace that reaches the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelError {
    /// One-line summary (e.g. `Attempted to apply function to an argument not in its domain`).
    pub message: String,
    /// Further lines (source location with a caret, the expression stack …), already rendered.
    pub detail: String,
    /// What kind of error this is, kebab-case and stable (e.g. `evaluation`,
    /// `module-argument`, `assert-failed`, `unassigned-variable`), so a front end can map
    /// errors to exit codes without reading the wording. [`ModelError::EVALUATION`] when the
    /// model does not say.
    pub code: &'static str,
}

impl ModelError {
    /// The code of an error the model does not classify further.
    pub const EVALUATION: &'static str = "evaluation";

    /// The code of an error about a successor that leaves part of the state undetermined
    /// (see [`Model::incomplete_successor`]).
    pub const UNASSIGNED: &'static str = "unassigned-variable";

    /// An error with a message, no detail and the code [`ModelError::EVALUATION`].
    pub fn new(message: impl Into<String>) -> ModelError {
        ModelError {
            message: message.into(),
            detail: String::new(),
            code: ModelError::EVALUATION,
        }
    }

    /// The same error with another code.
    pub fn with_code(mut self, code: &'static str) -> ModelError {
        self.code = code;
        self
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if !self.detail.is_empty() {
            write!(f, "\n{}", self.detail)?;
        }
        Ok(())
    }
}

impl std::error::Error for ModelError {}

/// A system to explore: initial states, a successor relation, the checks to make.
///
/// Every method must be deterministic: the same state gives the same successors in the same
/// order, so that counts and shortest traces are reproducible for any number of workers.
pub trait Model: Sync {
    /// One state of the system.
    type State: Clone + Send + Sync + 'static;

    /// Calls `emit` with every initial state, in a fixed order.
    fn init(&self, emit: &mut dyn FnMut(Self::State)) -> Result<(), ModelError>;

    /// Calls `emit` with the initial states of part `part` of `parts`, so that threads can
    /// enumerate them apart, and returns whether the enumeration was divided. Parts `0`,
    /// `1`, … `parts - 1`, one after the other, each up to its error if it has one, and no
    /// further than the first part with an error, must give [`Model::init`]'s states in its
    /// order, and its error. An enumeration that was not divided has every state in part 0
    /// and none in the others, which the search then does not enumerate. (A spec divides
    /// its enumeration at its choices, each part taking a run of the alternatives.) Called
    /// only on a [`Model::reproducible`] model. The default does not divide: part 0 is
    /// [`Model::init`].
    fn init_part(
        &self,
        part: usize,
        _parts: usize,
        emit: &mut dyn FnMut(Self::State),
    ) -> Result<bool, ModelError> {
        if part == 0 {
            self.init(emit)?;
        }
        Ok(false)
    }

    /// Calls `emit` with every successor of `state` and the action that produced it, in a
    /// fixed order. Duplicates may be emitted; each counts as a generated state.
    fn next(
        &self,
        state: &Self::State,
        emit: &mut dyn FnMut(ActionId, Self::State),
    ) -> Result<(), ModelError>;

    /// The successor that `next` could not complete when it failed with `error` on `state`,
    /// and the action that produced it; `None` (the default) when the error is not about one
    /// successor. TLC counts such a successor as generated (not distinct) and shows it, with
    /// its undetermined part, as the last state of the error's trace
    /// (`ModelChecker.doNextSetErr` after `Tool.isGoodState` failed). Called only after an
    /// error, so a model may recompute it.
    fn incomplete_successor(
        &self,
        _state: &Self::State,
        _error: &ModelError,
    ) -> Option<(ActionId, Self::State)> {
        None
    }

    /// The fingerprint used to decide whether a state was seen before (under a VIEW or a
    /// symmetry, the fingerprint of the view or of the canonical representative).
    fn fingerprint(&self, state: &Self::State) -> Fingerprint;

    /// Whether states with the same fingerprint are the same state (fingerprint collisions
    /// aside): false when the fingerprint is that of a VIEW or of a symmetry's
    /// representative, shared by states that differ. Only then does a fingerprint found in
    /// the seen set tell what the state itself satisfies (see [`Model::reproducible`]).
    /// The default is true.
    fn fingerprint_identifies_state(&self) -> bool {
        true
    }

    /// Whether [`Model::init`] and [`Model::next`] give the same states, in the same order,
    /// every time they are called (and print nothing), and [`Model::within_constraints`]
    /// gives the same answer on the same state. The search then keeps only the states
    /// of the level being expanded and of the next one, with a fingerprint and a parent
    /// link for every other state, and rebuilds a trace by generating its states again from
    /// their fingerprints, as TLC does, and, where [`Model::fingerprint_identifies_state`],
    /// does not evaluate the state constraints again on a successor already seen (it was
    /// within them). A model that answers false has every state kept.
    /// The default is true; the search panics when a model that answers true gives other
    /// states the second time.
    fn reproducible(&self) -> bool {
        true
    }

    /// Whether evaluating the invariants and the initial properties has no effect and reads
    /// nothing but the state (and, for a successor, its parent): no printing, no counter of
    /// the search, no randomness. The search may then evaluate them on the thread that found
    /// a state, before it knows whether the state is new, and so also on some states it then
    /// finds were seen before (their results unused). The default is true; a model whose
    /// checks have an effect (they print, log or count) answers false, and the search then
    /// evaluates them once on each state that needs them, as TLC does.
    fn pure_checks(&self) -> bool {
        true
    }

    /// Appends a compact encoding of `state` to `out` and returns true, or returns false if
    /// this model (or this state) has none; `out` may then hold a partial encoding, which is
    /// dropped. The search keeps every state encoded that it can, and calls [`Model::unpack`]
    /// on the thread that expands it. The default has no encoding.
    fn pack(&self, _state: &Self::State, _out: &mut Vec<u8>) -> bool {
        false
    }

    /// The state [`Model::pack`] encoded into `bytes`. Called only with bytes that `pack`
    /// wrote in this process, so a model may panic on any other.
    fn unpack(&self, _bytes: &[u8]) -> Self::State {
        unreachable!("a model without pack has nothing to unpack")
    }

    /// The names of the state invariants, in the order they are checked.
    fn invariant_names(&self) -> Vec<String>;

    /// The index (into [`Model::invariant_names`]) of the first invariant `state` violates.
    fn check_invariants(&self, state: &Self::State) -> Result<Option<usize>, ModelError>;

    /// The same as [`Model::check_invariants`] for `state`, a successor of `parent`. The
    /// search calls it only where `parent` satisfies every invariant or its own failure is
    /// reported instead, so a model may skip the invariants, or the parts of one, whose
    /// inputs `state` shares with `parent`. The default checks `state` alone.
    fn check_successor_invariants(
        &self,
        parent: &Self::State,
        state: &Self::State,
    ) -> Result<Option<usize>, ModelError> {
        let _ = parent;
        self.check_invariants(state)
    }

    /// The same as [`Model::check_invariants`] for `state`, an initial state given by
    /// [`Model::init`], so a model may skip what every initial state satisfies by
    /// construction. The default checks `state` alone.
    fn check_initial_invariants(&self, state: &Self::State) -> Result<Option<usize>, ModelError> {
        self.check_invariants(state)
    }

    /// Whether `state` satisfies the state constraints (a state outside them is checked but
    /// neither counted as distinct nor explored). The default has no constraint.
    fn within_constraints(&self, _state: &Self::State) -> Result<bool, ModelError> {
        Ok(true)
    }

    /// The same as [`Model::within_constraints`] for `state`, a successor of `parent`, which
    /// satisfies the constraints (only such states are explored), so a model may skip the
    /// constraints, or the parts of one, whose inputs `state` shares with `parent`. The
    /// default checks `state` alone.
    fn successor_within_constraints(
        &self,
        parent: &Self::State,
        state: &Self::State,
    ) -> Result<bool, ModelError> {
        let _ = parent;
        self.within_constraints(state)
    }

    /// Whether the step `from -> to` satisfies the action constraints (a successor that does
    /// not is discarded before it is fingerprinted). The default has no constraint.
    fn allows_step(&self, _from: &Self::State, _to: &Self::State) -> Result<bool, ModelError> {
        Ok(true)
    }

    /// The names of the properties checked on each initial state (the state-level part of a
    /// temporal property, e.g. `Init` in `Init /\ [][Next]_v`; TLC's "implied inits"), in
    /// order. They are checked after the invariants. The default has none.
    fn initial_property_names(&self) -> Vec<String> {
        Vec::new()
    }

    /// The index (into [`Model::initial_property_names`]) of the first initial-state
    /// property that the initial state `state` violates.
    fn check_initial_properties(&self, _state: &Self::State) -> Result<Option<usize>, ModelError> {
        Ok(None)
    }

    /// The names of the action properties (step properties such as `[][A]_v`), in order.
    fn action_property_names(&self) -> Vec<String> {
        Vec::new()
    }

    /// The index of the first action property the step `from -> to` violates.
    fn check_action_properties(
        &self,
        _from: &Self::State,
        _to: &Self::State,
    ) -> Result<Option<usize>, ModelError> {
        Ok(None)
    }

    /// A human-readable label for an action (TLC prints `<Name line L, col C to line L2,
    /// col C2 of module M>`; a Rust model may print just the name).
    fn action_label(&self, action: ActionId) -> String;

    /// The label of the initial-state predicate (TLC's `<Initial predicate>`).
    fn init_label(&self) -> String {
        "Initial predicate".to_string()
    }
}
