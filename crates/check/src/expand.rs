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

use std::sync::Arc;

use crate::fpset::SeenReader;
use crate::graph::Kept;
use crate::model::{ActionId, Fingerprint, Model, ModelError};
use crate::outcome::ErrorSite;
use crate::parallel::{Handle, Pool};
use crate::recent::Recent;

/// The result of one check on one state or step.
#[derive(Debug)]
pub(crate) enum Check {
    /// Every property held.
    Holds,
    /// The property with this index was violated.
    Violated(usize),
    /// Evaluating failed (boxed: errors are rare, and this keeps a successor small).
    Failed(Box<ModelError>),
}

impl Check {
    pub(crate) fn from(result: Result<Option<usize>, ModelError>) -> Check {
        match result {
            Ok(None) => Check::Holds,
            Ok(Some(index)) => Check::Violated(index),
            Err(e) => Check::Failed(Box::new(e)),
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
    /// Within the constraints and not known to be seen: new unless the merge finds its
    /// fingerprint (inserted by an earlier successor).
    Candidate(Fingerprint),
    /// Outside a state or action constraint: checked, but neither stored nor explored.
    OutOfModel,
    /// Evaluating a constraint failed.
    ConstraintFailed(ErrorSite, Box<ModelError>),
}

/// One successor of a parent that the merge must look at, with the checks evaluated on it.
/// (A successor already seen whose action properties hold only counts as generated: it is
/// not recorded, only counted in `seen_before`.)
#[derive(Debug)]
pub(crate) struct Succ<S> {
    /// Successors already seen, with every action property holding, generated just before
    /// this one.
    pub(crate) seen_before: u64,
    pub(crate) action: ActionId,
    /// The state, kept when the merge may need it (to store it or to show it in a trace),
    /// unless packed.
    pub(crate) state: Option<S>,
    /// Where a candidate packed by [`Model::pack`] lies in the expansion's `packed` bytes
    /// (start and length); its state is then not kept.
    pub(crate) packed: Option<(usize, usize)>,
    pub(crate) class: Class,
    /// The invariants, if evaluated: on a state outside the constraints, and on a candidate
    /// of an eager expansion ([`Expanding::eager`]).
    pub(crate) invariant: Option<Check>,
    /// The action properties of the step (not evaluated after a constraint failure or
    /// after an invariant failure of a state outside the constraints).
    pub(crate) property: Check,
}

/// All successors of one parent.
#[derive(Debug)]
pub(crate) struct Expansion<S> {
    /// The parent, when the merge needs it: after an error of [`Model::next`], and to
    /// evaluate the invariants of new candidates when the expansion was not eager.
    pub(crate) parent: Option<S>,
    pub(crate) succs: Vec<Succ<S>>,
    /// The encodings of the packed candidates.
    pub(crate) packed: Vec<u8>,
    /// Successors already seen (with their action properties holding) generated after the
    /// last one in `succs`.
    pub(crate) seen_after: u64,
    /// The error `Model::next` returned, unless a check failure among `succs` stopped the
    /// expansion first (TLC aborts the successor computation at the first failure).
    pub(crate) next_error: Option<ModelError>,
}

impl<S> Expansion<S> {
    /// The number of successors generated.
    pub(crate) fn generated(&self) -> u64 {
        self.succs.iter().map(|s| s.seen_before + 1).sum::<u64>() + self.seen_after
    }
}

/// What the threads expanding the batches of a search share.
pub(crate) struct Expanding {
    /// The seen set as it was when the batch started, or later.
    pub(crate) seen: SeenReader,
    /// The candidates found lately (see [`crate::recent`]).
    pub(crate) recent: Arc<Recent>,
    /// Whether a candidate's invariants are evaluated and it is packed here, on the thread
    /// that found it, rather than by the merge: with several workers, so that the values
    /// of a successor are read, packed and freed by the thread that made them (the merge,
    /// on another thread, then touches only its bytes). With one worker the merge does it,
    /// on the same thread, only for the candidates that are new.
    pub(crate) eager: bool,
}

/// Expands one parent (with id `parent_id`).
pub(crate) fn expand<M: Model>(
    model: &M,
    ex: &Expanding,
    parent_id: usize,
    parent: &M::State,
) -> Expansion<M::State> {
    let mut succs = Vec::new();
    let mut packed = Vec::new();
    let mut seen_run = 0;
    // Set once a successor's outcome is a failure whatever the merge decides: TLC would stop
    // there, so later successors are neither counted nor checked.
    let mut stopped = false;
    // The successors are all made first. Where the fingerprint settles whether a state was
    // seen, each successor's is computed as it comes and its slot in the seen set fetched
    // meanwhile, so that the lookups (a cache miss each, in a large set) overlap.
    let trusted = model.reproducible() && model.fingerprint_identifies_state();
    // Room for the successors of most states at once, rather than growing one by one.
    let mut made = Vec::with_capacity(8);
    let result = model.next(parent, &mut |action, state| {
        let fp = trusted.then(|| model.fingerprint(&state));
        if let Some(fp) = fp {
            ex.seen.prefetch(fp);
        }
        made.push((action, state, fp));
    });
    for (action, state, fp) in made {
        if stopped {
            break;
        }
        match classify(
            model,
            ex,
            (parent_id, parent),
            (action, state, fp),
            &mut packed,
        ) {
            None => seen_run += 1,
            Some(mut succ) => {
                succ.seen_before = std::mem::take(&mut seen_run);
                stopped = is_final(&succ);
                succs.push(succ);
            }
        }
    }
    let next_error = match result {
        Err(e) if !stopped => Some(e),
        _ => None,
    };
    Expansion {
        parent: None,
        succs,
        packed,
        seen_after: seen_run,
        next_error,
    }
}

/// Whether this successor ends the search whatever is found new before it in the batch.
fn is_final<S>(succ: &Succ<S>) -> bool {
    match succ.class {
        Class::ConstraintFailed(..) => true,
        Class::OutOfModel => {
            succ.invariant.as_ref().is_some_and(|i| !i.holds()) || !succ.property.holds()
        }
        // A candidate whose invariants fail may still be a duplicate of an earlier successor
        // of this batch; the merge decides. A failing action property counts either way.
        Class::Seen | Class::Candidate(_) => !succ.property.holds(),
    }
}

/// The successor with its checks; `None` for one already seen whose action properties
/// hold (the merge only counts it). An eager expansion ([`Expanding::eager`]) evaluates a
/// candidate's invariants and packs it onto `packed` if the model can. That work is wasted
/// on a candidate that the merge finds was reached earlier in the batch, so a candidate
/// found before from an earlier parent (see [`crate::recent`]) is taken for the duplicate
/// it is. (Eager only where [`Model::pure_checks`]: evaluating the invariants of a
/// duplicate then changes nothing but time.) The successor comes with its fingerprint
/// where the model is reproducible and the fingerprint identifies the state.
fn classify<M: Model>(
    model: &M,
    ex: &Expanding,
    (parent_id, parent): (usize, &M::State),
    (action, state, fp): (ActionId, M::State, Option<Fingerprint>),
    packed: &mut Vec<u8>,
) -> Option<Succ<M::State>> {
    let failed = |site, e, state| Succ {
        seen_before: 0,
        action,
        state: Some(state),
        packed: None,
        class: Class::ConstraintFailed(site, Box::new(e)),
        invariant: None,
        property: Check::Holds,
    };
    // Only states within the state constraints enter the seen set, so a state found there
    // satisfied them when it was stored, and evaluating them again on the same state gives
    // the same answer (the model gives the same states again, so its constraints read
    // nothing but the state). Most successors are duplicates: they skip the state
    // constraints, whose verdict (TRUE, without error) is known. Not under a VIEW or a
    // symmetry: there the fingerprint found may be another state's. The action
    // constraints read the parent too and are evaluated as TLC does.
    let lookup = |state: &M::State| {
        let fp = model.fingerprint(state);
        (fp, ex.seen.contains(fp))
    };
    // `fp`, the state's fingerprint, is given exactly where this holds (see `expand`).
    let known = fp.map(|fp| (fp, ex.seen.contains(fp)));
    let within = match known {
        Some((_, true)) => Ok(true),
        _ => model.successor_within_constraints(parent, &state),
    };
    // TLC evaluates the state constraint first and the action constraint only if it holds.
    let in_model = match within {
        Err(e) => return Some(failed(ErrorSite::Constraint, e, state)),
        Ok(false) => false,
        Ok(true) => match model.allows_step(parent, &state) {
            Err(e) => return Some(failed(ErrorSite::ActionConstraint, e, state)),
            Ok(allowed) => allowed,
        },
    };
    let class = if in_model {
        match known.unwrap_or_else(|| lookup(&state)) {
            (_, true) => Class::Seen,
            (fp, false) if ex.recent.found_before(fp, parent_id) => Class::Seen,
            (fp, false) => Class::Candidate(fp),
        }
    } else {
        Class::OutOfModel
    };
    let evaluated = match class {
        Class::OutOfModel => true,
        Class::Candidate(_) => ex.eager,
        Class::Seen | Class::ConstraintFailed(..) => false,
    };
    let invariant =
        evaluated.then(|| Check::from(model.check_successor_invariants(parent, &state)));
    let property =
        if matches!(class, Class::OutOfModel) && invariant.as_ref().is_some_and(|i| !i.holds()) {
            Check::Holds
        } else {
            Check::from(model.check_action_properties(parent, &state))
        };
    let seen = matches!(class, Class::Seen);
    if seen && property.holds() {
        return None;
    }
    let start = packed.len();
    let eager = ex.eager && matches!(class, Class::Candidate(_));
    let (state, packed) = if eager && model.pack(&state, packed) {
        (None, Some((start, packed.len() - start)))
    } else {
        packed.truncate(start);
        (Some(state), None)
    };
    Some(Succ {
        seen_before: 0,
        action,
        state,
        packed,
        class,
        invariant,
        property,
    })
}

/// Starts expanding `parents` (their ids, and the states as the graph stores them, packed
/// ones in `bytes`) on `pool`: each is unpacked on the thread that expands it (and dropped
/// there, unless the merge needs it). The result, in the order of `parents`, is each
/// parent's expansion.
pub(crate) fn expand_all<'env, M: Model>(
    pool: &Pool<'env>,
    model: &'env M,
    ex: Expanding,
    parents: Arc<Vec<(usize, Kept<M::State>)>>,
    bytes: Arc<Vec<u8>>,
) -> Handle<Expansion<M::State>>
where
    M::State: 'env,
{
    pool.map(
        parents,
        Arc::new(move |(id, p): &(usize, Kept<M::State>)| {
            let parent = p.state(model, &bytes);
            let mut expansion = expand(model, &ex, *id, &parent);
            if expansion.next_error.is_some() || !ex.eager {
                expansion.parent = Some(parent);
            }
            expansion
        }),
    )
}
