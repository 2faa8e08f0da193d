//! Initial states enumerated in parts on the worker pool ([`Model::init_part`]), taken in
//! the order one enumeration gives them.
//!
//! A model whose initial predicate chooses among many states (an inductive invariant used as
//! `Init`, say) spends much of a run in that enumeration; made on one thread, it would bound
//! what more workers can gain. The parts are started at once and taken in order, each as
//! soon as it is done, so the states of the first parts are stored and checked while the
//! later ones are still being enumerated.

use std::sync::Arc;

use crate::model::{Model, ModelError};
use crate::parallel::Pool;

/// Parts per thread: more parts than threads, so that one long part does not leave the
/// other threads idle while there is work left.
const PARTS_PER_THREAD: usize = 4;

/// Enumerates the initial states of `model` in parts on `pool`, and calls `take` with each,
/// in [`Model::init`]'s order; returns the error that ended the enumeration, if one did
/// (after the states before it).
pub(crate) fn initial_states<'env, M: Model>(
    pool: &Pool<'env>,
    model: &'env M,
    take: &mut dyn FnMut(M::State),
) -> Result<(), ModelError> {
    let parts = PARTS_PER_THREAD * (pool.threads() + 1);
    let enumerate = Arc::new(move |&part: &usize| {
        let mut states = Vec::new();
        let r = model.init_part(part, parts, &mut |s| states.push(s));
        (states, r)
    });
    let handles: Vec<_> = (0..parts)
        .map(|part| pool.map_each(Arc::new(vec![part]), enumerate.clone()))
        .collect();
    for handle in handles {
        let (states, result) = pool.wait(handle).pop().expect("one part, one result");
        states.into_iter().for_each(&mut *take);
        // The later parts are not needed; they end unread.
        result?;
    }
    Ok(())
}
