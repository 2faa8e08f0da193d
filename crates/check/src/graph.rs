//! The explored part of the state graph: every distinct state with a link to its parent.
//!
//! TLC writes `(predecessor, fingerprint)` records to a trace file and rebuilds a counterexample by
//! re-running the next-state relation from an initial state. This store keeps the states of all
//! levels in memory instead, with one `(parent, action)` link (8 bytes) per state, so a trace is a
//! walk back to an initial state. Memory grows with the number of distinct states times the size of
//! a state; a disk-backed or fingerprint-only store can replace this type without touching the
//! search.
//!
//! States are numbered in the order they were found, which is BFS order: the states of
//! level `L` are a contiguous range of ids.

use std::collections::BTreeMap;

use crate::model::ActionId;
use crate::outcome::{Step, Trace};

/// The id of a distinct state: its position in discovery order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct StateId(pub(crate) usize);

/// How a state was first reached: the id of its parent and its action, 8 bytes. The parent
/// is [`NO_PARENT`] for an initial state, and [`FAR_PARENT`] when its id does not fit in 32
/// bits (it is then kept in [`StateGraph::far_parents`]).
#[derive(Clone, Copy, Debug)]
struct Link {
    parent: u32,
    action: ActionId,
}

const NO_PARENT: u32 = u32::MAX;
const FAR_PARENT: u32 = u32::MAX - 1;

/// Distinct states, their parent links and level boundaries.
#[derive(Debug)]
pub(crate) struct StateGraph<S> {
    states: Vec<S>,
    links: Vec<Link>,
    /// The parents of the states whose parent id is at least [`FAR_PARENT`], by state id
    /// (only past four billion states).
    far_parents: BTreeMap<usize, usize>,
}

impl<S: Clone> StateGraph<S> {
    pub(crate) fn new() -> StateGraph<S> {
        StateGraph {
            states: Vec::new(),
            links: Vec::new(),
            far_parents: BTreeMap::new(),
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

    /// The successor states with ids in `range`, in order, each after its parent.
    pub(crate) fn with_parents(&self, range: std::ops::Range<usize>) -> Vec<(S, S)> {
        range
            .map(|id| {
                let (parent, _) = self
                    .parent(StateId(id))
                    .expect("a successor state has a parent");
                (self.states[parent.0].clone(), self.states[id].clone())
            })
            .collect()
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
        let near = u32::try_from(parent.0).ok().filter(|&p| p < FAR_PARENT);
        if near.is_none() {
            self.far_parents.insert(self.states.len(), parent.0);
        }
        let parent = near.unwrap_or(FAR_PARENT);
        self.push(state, Link { parent, action })
    }

    fn push(&mut self, state: S, link: Link) -> StateId {
        self.states.push(state);
        self.links.push(link);
        StateId(self.states.len() - 1)
    }

    /// The parent of `id` and the action that reached it; `None` for an initial state.
    fn parent(&self, id: StateId) -> Option<(StateId, ActionId)> {
        let link = self.links[id.0];
        match link.parent {
            NO_PARENT => None,
            FAR_PARENT => Some((StateId(self.far_parents[&id.0]), link.action)),
            near => Some((StateId(near as usize), link.action)),
        }
    }

    /// The shortest known behaviour from an initial state to `id`.
    pub(crate) fn trace_to(&self, id: StateId) -> Trace<S> {
        let mut steps = Vec::new();
        let mut at = id;
        loop {
            let parent = self.parent(at);
            steps.push(Step {
                action: parent.map(|(_, action)| action),
                state: self.states[at.0].clone(),
            });
            match parent {
                Some((p, _)) => at = p,
                None => break,
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trace_walks_the_parent_links_back_to_an_initial_state() {
        let mut g = StateGraph::new();
        let a = g.add_initial('a');
        g.add_initial('b');
        let c = g.add_successor(a, ActionId(3), 'c');
        let d = g.add_successor(c, ActionId(4), 'd');
        let steps: Vec<_> = g
            .trace_to(d)
            .steps
            .iter()
            .map(|s| (s.action, s.state))
            .collect();
        assert_eq!(
            steps,
            [
                ('a', None),
                ('c', Some(ActionId(3))),
                ('d', Some(ActionId(4)))
            ]
            .map(|(s, a)| (a, s))
        );
    }

    #[test]
    fn parent_ids_beyond_32_bits_are_kept_aside() {
        let mut g = StateGraph::new();
        g.add_initial(0u8);
        let far = StateId(FAR_PARENT as usize + 5);
        let id = g.add_successor(far, ActionId(1), 1);
        assert_eq!(g.parent(id), Some((far, ActionId(1))));
        let near = g.add_successor(StateId(0), ActionId(2), 2);
        assert_eq!(g.parent(near), Some((StateId(0), ActionId(2))));
        assert_eq!(g.parent(StateId(0)), None);
    }
}
