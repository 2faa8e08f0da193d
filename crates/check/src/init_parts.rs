//! Initial states enumerated in parts on the worker pool ([`Model::init_part`]) and taken
//! in the order one enumeration gives them.
//!
//! A model whose initial predicate chooses among many states (an inductive invariant used as
//! `Init`, say) spends much of a run in that enumeration; made on one thread, it would bound
//! what more workers can gain. Each part also fingerprints its states and, if the model's
//! checks are pure ([`Model::pure_checks`]), checks them, on the thread that found them,
//! while they are in its caches. The parts are started a few at
//! a time, in order, and taken in order, each as soon as it is done: the states of the first
//! parts are stored while later ones are enumerated, and only the parts started and not yet
//! taken hold states in memory.

use std::collections::VecDeque;
use std::sync::Arc;

use crate::expand::Check;
use crate::model::{Fingerprint, Model, ModelError};
use crate::parallel::Pool;

/// Parts per worker: many more parts than threads, so that parts of unequal sizes still
/// keep every thread busy and each part holds few states.
const PARTS_PER_WORKER: usize = 32;

/// Parts started and not yet taken, per worker.
const STARTED_PER_WORKER: usize = 2;

/// What a part computed of an initial state besides the state.
pub(crate) struct Found {
    pub(crate) fp: Fingerprint,
    /// [`initial_checks`] of the state, if the model's checks are pure. (Computed for every
    /// state: the search uses them only for those it checks.)
    pub(crate) checks: Option<(Check, Check)>,
}

/// The checks of an initial state: its invariants, then, if they hold, its initial
/// properties.
pub(crate) fn initial_checks<M: Model>(model: &M, state: &M::State) -> (Check, Check) {
    let invariants = Check::from(model.check_initial_invariants(state));
    let properties = if invariants.holds() {
        Check::from(model.check_initial_properties(state))
    } else {
        Check::Holds
    };
    (invariants, properties)
}

/// Enumerates the initial states of `model` in parts on `pool`, and calls `take` with each
/// and what its part computed of it, in [`Model::init`]'s order, until `take` returns
/// false; returns the error that ended the enumeration, if one did (after the states before
/// it).
pub(crate) fn initial_states<'env, M: Model>(
    pool: &Pool<'env>,
    model: &'env M,
    take: &mut dyn FnMut(M::State, Found) -> bool,
) -> Result<(), ModelError> {
    let workers = pool.threads() + 1;
    let parts = PARTS_PER_WORKER * workers;
    let pure = model.pure_checks();
    let enumerate = Arc::new(move |&part: &usize| {
        let mut states = Vec::new();
        let divided = model.init_part(part, parts, &mut |s| {
            let found = Found {
                fp: model.fingerprint(&s),
                checks: pure.then(|| initial_checks(model, &s)),
            };
            states.push((s, found));
        });
        (states, divided)
    });
    let start = |part: usize| pool.map(Arc::new(vec![part]), enumerate.clone());
    let mut taken =
        |states: Vec<(M::State, Found)>| states.into_iter().all(|(s, found)| take(s, found));
    // The first part alone: when the enumeration is not divided, it has every state.
    let (states, divided) = one(pool.wait(start(0)));
    if !taken(states) || !divided? {
        return Ok(());
    }
    let mut next = 1;
    let mut started = VecDeque::new();
    while next < parts || !started.is_empty() {
        while next < parts && started.len() < STARTED_PER_WORKER * workers {
            started.push_back(start(next));
            next += 1;
        }
        let (states, divided) = one(pool.wait(started.pop_front().expect("started")));
        if !taken(states) {
            // The parts started later end unread.
            return Ok(());
        }
        divided?;
    }
    Ok(())
}

/// The result of a map over one item.
fn one<R>(mut results: Vec<R>) -> R {
    results.pop().expect("one part, one result")
}
