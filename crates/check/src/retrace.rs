//! Rebuilding the states of a trace from their fingerprints, as TLC does
//! (`TLCTrace.getTrace`, `Tool.getState(fp, s)`): the first initial state with the first
//! fingerprint, then, step by step, the first successor by the recorded action with the
//! next fingerprint.
//!
//! The search stores a state the first time it meets its fingerprint in (parent, successor)
//! order, among the successors within the state and action constraints, so the first such
//! successor of a rebuilt parent is the state the search stored: the rebuilt trace is the
//! one a search that kept every state would report, for any VIEW or symmetry.

use crate::model::{ActionId, Fingerprint, Model};
use crate::outcome::Step;

/// The states with these fingerprints, reached by these actions (`None` for the initial
/// state), from an initial state on.
///
/// # Panics
///
/// When the model does not give a state it gave before: a model whose
/// [`Model::reproducible`] is true must give the same initial states and successors, in the
/// same order, every time.
pub(crate) fn rebuild<M: Model>(
    model: &M,
    wanted: &[(Fingerprint, Option<ActionId>)],
) -> Vec<Step<M::State>> {
    let mut steps: Vec<Step<M::State>> = Vec::with_capacity(wanted.len());
    for &(fp, action) in wanted {
        let mut found = None;
        let within = |s: &M::State| model.within_constraints(s).unwrap_or(false);
        match (steps.last(), action) {
            (None, _) => {
                // An error after the state was emitted is the one the search met, later.
                let _ = model.init(&mut |s| {
                    if found.is_none() && model.fingerprint(&s) == fp && within(&s) {
                        found = Some(s);
                    }
                });
            }
            (Some(prev), Some(action)) => {
                let prev = &prev.state;
                let _ = model.next(prev, &mut |a, s| {
                    if found.is_none()
                        && a == action
                        && model.fingerprint(&s) == fp
                        && within(&s)
                        && model.allows_step(prev, &s).unwrap_or(false)
                    {
                        found = Some(s);
                    }
                });
            }
            (Some(_), None) => {}
        }
        let Some(state) = found else {
            panic!(
                "state {} of a trace could not be generated again from its fingerprint: the model \
                 says it is reproducible but gave other states the second time",
                steps.len() + 1
            );
        };
        steps.push(Step { action, state });
    }
    steps
}
