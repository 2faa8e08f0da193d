//! Rebuilding the states of a trace from their fingerprints, as TLC does
//! (`TLCTrace.getTrace`, `Tool.getState(fp, s)`): the first initial state with the first
//! fingerprint, then, step by step, the first successor with the next fingerprint, and the
//! action that gave it.
//!
//! The search stores a state the first time it meets its fingerprint in (parent, successor)
//! order, among the successors within the state and action constraints, so the first such
//! successor of a rebuilt parent is the state the search stored: the rebuilt trace is the
//! one a search that kept every state would report, for any VIEW or symmetry.

use crate::model::{ActionId, Fingerprint, Model};
use crate::outcome::Step;

/// The states with these fingerprints, each a successor of the one before (the first an
/// initial state), with the actions that reached them.
///
/// # Panics
///
/// When the model does not give a state it gave before: a model whose
/// [`Model::reproducible`] is true must give the same initial states and successors, in the
/// same order, every time.
pub(crate) fn rebuild<M: Model>(model: &M, wanted: &[Fingerprint]) -> Vec<Step<M::State>> {
    let mut steps: Vec<Step<M::State>> = Vec::with_capacity(wanted.len());
    for &fp in wanted {
        let mut found: Option<(Option<ActionId>, M::State)> = None;
        let within = |s: &M::State| model.within_constraints(s).unwrap_or(false);
        match steps.last() {
            None => {
                // An error after the state was emitted is the one the search met, later.
                let _ = model.init(&mut |s| {
                    if found.is_none() && model.fingerprint(&s) == fp && within(&s) {
                        found = Some((None, s));
                    }
                });
            }
            Some(prev) => {
                let prev = &prev.state;
                let _ = model.next(prev, &mut |a, s| {
                    if found.is_none()
                        && model.fingerprint(&s) == fp
                        && within(&s)
                        && model.allows_step(prev, &s).unwrap_or(false)
                    {
                        found = Some((Some(a), s));
                    }
                });
            }
        }
        let Some((action, state)) = found else {
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
