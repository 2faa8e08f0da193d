//! The explored part of the state graph: every distinct state with a link to its parent.
//!
//! TLC writes `(predecessor, fingerprint)` records to a trace file and rebuilds a
//! counterexample by re-running the next-state relation from an initial state. This store
//! keeps the states of all levels in memory instead, with one `(parent, action)` link per
//! state, so a trace is a walk back to an initial state. Memory grows with the number of
//! distinct states times the size of a state; a disk-backed or fingerprint-only store can
//! replace this type without touching the search.
//!
//! States are numbered in the order they were found, which is BFS order: the states of
//! level `L` are a contiguous range of ids.

use crate::model::ActionId;
use crate::outcome::{Step, Trace};

/// The id of a distinct state: its position in discovery order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct StateId(pub(crate) usize);

/// How a state was first reached: its parent and action, or `NO_PARENT` for an initial
/// state (a flat pair rather than an enum: 16 bytes per state instead of 24).
#[derive(Clone, Copy, Debug)]
struct Link {
    parent: usize,
    action: ActionId,
}

const NO_PARENT: usize = usize::MAX;

/// Distinct states, their parent links and level boundaries.
#[derive(Debug)]
pub(crate) struct StateGraph<S> {
    states: Vec<S>,
    links: Vec<Link>,
}

impl<S: Clone> StateGraph<S> {
    pub(crate) fn new() -> StateGraph<S> {
        StateGraph {
            states: Vec::new(),
            links: Vec::new(),
        }
    }

    /// The number of states stored.
    pub(crate) fn len(&self) -> usize {
        self.states.len()
    }

    /// The states with ids in `range`, in order.
    pub(crate) fn slice(&self, range: std::ops::Range<usize>) -> &[S] {
        &self.states[range]
    }

    pub(crate) fn add_initial(&mut self, state: S) -> StateId {
        self.push(
            state,
            Link {
                parent: NO_PARENT,
                action: ActionId(0),
            },
        )
    }

    pub(crate) fn add_successor(&mut self, parent: StateId, action: ActionId, state: S) -> StateId {
        self.push(
            state,
            Link {
                parent: parent.0,
                action,
            },
        )
    }

    fn push(&mut self, state: S, link: Link) -> StateId {
        self.states.push(state);
        self.links.push(link);
        StateId(self.states.len() - 1)
    }

    /// The shortest known behaviour from an initial state to `id`.
    pub(crate) fn trace_to(&self, id: StateId) -> Trace<S> {
        let mut steps = Vec::new();
        let mut at = id;
        loop {
            let link = self.links[at.0];
            let initial = link.parent == NO_PARENT;
            steps.push(Step {
                action: (!initial).then_some(link.action),
                state: self.states[at.0].clone(),
            });
            if initial {
                break;
            }
            at = StateId(link.parent);
        }
        steps.reverse();
        Trace { steps }
    }

    /// The trace to `parent` followed by the step `action` into `state` (a state that is not
    /// stored: a successor outside the constraints, or one that is checked before storing).
    pub(crate) fn trace_through(&self, parent: StateId, action: ActionId, state: S) -> Trace<S> {
        let mut trace = self.trace_to(parent);
        trace.steps.push(Step {
            action: Some(action),
            state,
        });
        trace
    }
}
