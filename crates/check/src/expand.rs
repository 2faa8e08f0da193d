//! Expanding a batch of states: the part of a BFS step that may run on many threads.
//!
//! For each parent state, in order, the model's successors are computed and every check that
//! does not depend on the order of discovery is evaluated: the state and action constraints,
//! the fingerprint, whether it was seen before this batch, the invariants of a successor
//! outside the constraints, and the action properties of every step. What is new in this
//! batch, and so which check failure is the first one, is decided afterwards by the
//! sequential merge in (parent, successor) order, so the outcome does not depend on how
//! parents were split among threads. (The invariants of new states are checked after the
//! merge, once it is known which states are new.)

use crate::fpset::FingerprintSet;
use crate::model::{ActionId, Fingerprint, Model, ModelError};
use crate::outcome::ErrorSite;

/// The result of one check on one state or step.
#[derive(Debug)]
pub(crate) enum Check {
    /// Every property held.
    Holds,
    /// The property with this index was violated.
    Violated(usize),
    /// Evaluating failed.
    Failed(ModelError),
}

impl Check {
    pub(crate) fn from(result: Result<Option<usize>, ModelError>) -> Check {
        match result {
            Ok(None) => Check::Holds,
            Ok(Some(index)) => Check::Violated(index),
            Err(e) => Check::Failed(e),
        }
    }

    pub(crate) fn holds(&self) -> bool {
        matches!(self, Check::Holds)
    }
}

/// Where a successor stands with respect to the seen set and the constraints.
#[derive(Debug)]
pub(crate) enum Class {
    /// Within the constraints and already in the seen set before this batch.
    Seen,
    /// Within the constraints and not seen before this batch: new unless an earlier successor
    /// of this batch has the same fingerprint.
    Candidate(Fingerprint),
    /// Outside a state or action constraint: checked, but neither stored nor explored.
    OutOfModel,
    /// Evaluating a constraint failed.
    ConstraintFailed(ErrorSite, ModelError),
}

/// One successor of a parent, with the checks evaluated on it.
#[derive(Debug)]
pub(crate) struct Succ<S> {
    pub(crate) action: ActionId,
    /// The state, kept when the merge may need it (to store it or to show it in a trace).
    pub(crate) state: Option<S>,
    pub(crate) class: Class,
    /// The invariants (evaluated here only for states outside the constraints).
    pub(crate) invariant: Check,
    /// The action properties of the step (not evaluated after a constraint failure or
    /// after an invariant failure of a state outside the constraints).
    pub(crate) property: Check,
}

/// All successors of one parent.
#[derive(Debug)]
pub(crate) struct Expansion<S> {
    pub(crate) succs: Vec<Succ<S>>,
    /// The error `Model::next` returned, unless a check failure among `succs` stopped the
    /// expansion first (TLC aborts the successor computation at the first failure).
    pub(crate) next_error: Option<ModelError>,
}

/// Expands one parent.
pub(crate) fn expand<M: Model>(
    model: &M,
    seen: &FingerprintSet,
    parent: &M::State,
) -> Expansion<M::State> {
    let mut succs = Vec::new();
    // Set once a successor's outcome is a failure whatever the merge decides: TLC would stop
    // there, so later successors are neither counted nor checked.
    let mut stopped = false;
    let result = model.next(parent, &mut |action, state| {
        if stopped {
            return;
        }
        let succ = classify(model, seen, parent, action, state);
        stopped = is_final(&succ);
        succs.push(succ);
    });
    let next_error = match result {
        Err(e) if !stopped => Some(e),
        _ => None,
    };
    Expansion { succs, next_error }
}

/// Whether this successor ends the search whatever is found new before it in the batch.
fn is_final<S>(succ: &Succ<S>) -> bool {
    match succ.class {
        Class::ConstraintFailed(..) => true,
        Class::OutOfModel => !succ.invariant.holds() || !succ.property.holds(),
        // A candidate whose invariants fail may still be a duplicate of an earlier successor
        // of this batch; the merge decides. A failing action property counts either way.
        Class::Seen | Class::Candidate(_) => !succ.property.holds(),
    }
}

fn classify<M: Model>(
    model: &M,
    seen: &FingerprintSet,
    parent: &M::State,
    action: ActionId,
    state: M::State,
) -> Succ<M::State> {
    let failed = |site, e, state| Succ {
        action,
        state: Some(state),
        class: Class::ConstraintFailed(site, e),
        invariant: Check::Holds,
        property: Check::Holds,
    };
    // TLC evaluates the state constraint first and the action constraint only if it holds.
    let in_model = match model.within_constraints(&state) {
        Err(e) => return failed(ErrorSite::Constraint, e, state),
        Ok(false) => false,
        Ok(true) => match model.allows_step(parent, &state) {
            Err(e) => return failed(ErrorSite::ActionConstraint, e, state),
            Ok(allowed) => allowed,
        },
    };
    let class = if in_model {
        let fp = model.fingerprint(&state);
        if seen.contains(fp) {
            Class::Seen
        } else {
            Class::Candidate(fp)
        }
    } else {
        Class::OutOfModel
    };
    let invariant = match class {
        Class::OutOfModel => Check::from(model.check_invariants(&state)),
        _ => Check::Holds,
    };
    let property = if matches!(class, Class::OutOfModel) && !invariant.holds() {
        Check::Holds
    } else {
        Check::from(model.check_action_properties(parent, &state))
    };
    let keep = !matches!(class, Class::Seen) || !property.holds();
    Succ {
        action,
        state: keep.then_some(state),
        class,
        invariant,
        property,
    }
}

/// Expands `parents` on `workers` threads; the result is in the order of `parents`.
pub(crate) fn expand_all<M: Model>(
    model: &M,
    seen: &FingerprintSet,
    parents: &[M::State],
    workers: usize,
) -> Vec<Expansion<M::State>> {
    crate::parallel::map(parents, workers, |p| expand(model, seen, p))
}
