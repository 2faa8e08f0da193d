//! The explored part of the state graph: every distinct state's fingerprint and a link to
//! its parent, and the states of the levels still needed.
//!
//! TLC writes `(predecessor, fingerprint)` records to a trace file and rebuilds a
//! counterexample by re-running the next-state relation from an initial state. This store
//! does the same: for every distinct state it keeps the id of its parent (4 bytes) and its
//! fingerprint (8 bytes), and the states themselves only from the level being expanded on
//! ([`StateGraph::forget_before`] drops older ones, and under a memory budget moves their
//! links and fingerprints to disk, see [`crate::trail`]). A trace is rebuilt from the
//! fingerprints along the links by [`crate::retrace`], which also finds the action of each
//! step. A model that cannot rebuild its states ([`crate::Model::reproducible`] false) keeps
//! every state and the action that reached it ([`StateGraph::recording_actions`]), and a
//! trace is a walk back along the links.
//!
//! Every kept state that [`crate::Model::pack`] can encode is held packed in the
//! [`crate::arena`] (which under a memory budget writes it to disk) and unpacked by the
//! thread that reads it. For specs this is faster, not only smaller: a state's bytes are
//! read in order and unpacked into fresh memory of the thread expanding it, and a forgotten
//! level is freed without touching its values. Kept as they were, states share their values
//! with states of older levels, which are read and released where they lie, in memory long
//! since out of the caches, and whose counts both threads of a parallel run change. (On the
//! nine bench models, packing every state instead of only those past a level of 262,144
//! took from as much time to 26% less on one worker, but for btree (2% more), and less
//! memory on seven of them.)
//!
//! States are numbered in the order they were found, which is BFS order: the states of
//! level `L` are a contiguous range of ids.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;

use crate::arena::Arena;
use crate::model::{ActionId, Fingerprint, Model};
use crate::outcome::{Step, Trace};
use crate::retrace;
use crate::trail::Trail;

/// The id of a distinct state: its position in discovery order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct StateId(pub(crate) usize);

// A state's link holds its parent's id, or [`NO_PARENT`] for an initial state, or
// [`FAR_PARENT`] when the id does not fit in 32 bits (it is then kept in
// [`StateGraph::far_parents`]).
const NO_PARENT: u32 = u32::MAX;
const FAR_PARENT: u32 = u32::MAX - 1;

/// Distinct states' links and fingerprints, and the states with ids from
/// [`StateGraph::first_kept`] on.
#[derive(Debug)]
pub(crate) struct StateGraph<S> {
    /// The states with ids `first_kept..`, in order.
    states: Vec<Kept<S>>,
    first_kept: usize,
    /// The encodings of the packed states.
    arena: Arena,
    trail: Trail,
    /// The parents of the states whose parent id is at least [`FAR_PARENT`], by state id
    /// (only past four billion states).
    far_parents: BTreeMap<usize, usize>,
    /// The action that reached each state, by id, when recorded (see
    /// [`StateGraph::recording_actions`]); otherwise a trace finds them again.
    actions: Option<Vec<ActionId>>,
}

/// A state to store: as it is (packed by the graph if the model can), or already packed by
/// [`Model::pack`] (on the thread that found it).
pub(crate) enum Fresh<'a, S> {
    State(S),
    Packed(&'a [u8]),
}

/// A kept state: as it is, or packed by [`Model::pack`] into the graph's arena (from byte
/// `start` of all written, `len` bytes).
#[derive(Debug)]
pub(crate) enum Kept<S> {
    Plain(S),
    Packed { start: usize, len: usize },
}

impl<S: Clone> Kept<S> {
    /// The state, unpacked from `bytes` (which a packed state's offsets count from).
    pub(crate) fn state<M: Model<State = S>>(&self, model: &M, bytes: &[u8]) -> S {
        match self {
            Kept::Plain(s) => s.clone(),
            &Kept::Packed { start, len } => model.unpack(&bytes[start..start + len]),
        }
    }
}

impl<S: Clone> StateGraph<S> {
    pub(crate) fn new() -> StateGraph<S> {
        StateGraph::with_trail(Trail::new())
    }

    /// A graph that moves the links and fingerprints of forgotten states to a file in `dir`,
    /// and writes the packed states out to files in `dir` `segment` bytes at a time (see
    /// [`crate::arena`]).
    pub(crate) fn spilling_to(dir: PathBuf, segment: usize) -> StateGraph<S> {
        let mut graph = StateGraph::with_trail(Trail::spilling_to(dir.clone()));
        graph.arena = Arena::spilling_to(dir, segment);
        graph
    }

    fn with_trail(trail: Trail) -> StateGraph<S> {
        StateGraph {
            states: Vec::new(),
            first_kept: 0,
            arena: Arena::new(),
            trail,
            far_parents: BTreeMap::new(),
            actions: None,
        }
    }

    /// This graph, recording the action that reached each state, for a model whose traces
    /// cannot be rebuilt by running it again: its traces are then walks along the kept
    /// states, which it must not forget.
    pub(crate) fn recording_actions(mut self) -> StateGraph<S> {
        self.actions = Some(Vec::new());
        self
    }

    /// The number of states whose link and fingerprint are on disk, the bytes of packed
    /// states written to disk, and why writing failed, if it did.
    pub(crate) fn on_disk(&self) -> (u64, u64, Option<&str>) {
        let (bytes, error) = self.arena.on_disk();
        (
            self.trail.on_disk() as u64,
            bytes,
            self.trail.error().or(error),
        )
    }

    /// The number of distinct states found (kept or not).
    pub(crate) fn len(&self) -> usize {
        self.trail.len()
    }

    /// The kept states with ids in `range`, in order.
    #[cfg(test)]
    pub(crate) fn states<M: Model<State = S>>(&self, model: &M, range: Range<usize>) -> Vec<S> {
        range.map(|id| self.kept(model, StateId(id))).collect()
    }

    /// The kept states with ids in `range`, as stored: plain ones cloned, packed ones with
    /// their bytes copied into the returned buffer (which their offsets then count from),
    /// for the threads that expand them to unpack ([`Kept::state`]).
    pub(crate) fn stored(&self, range: Range<usize>) -> (Vec<Kept<S>>, Vec<u8>) {
        let states = &self.states[range.start - self.first_kept..range.end - self.first_kept];
        let size = states
            .iter()
            .map(|k| match k {
                Kept::Plain(_) => 0,
                Kept::Packed { len, .. } => *len,
            })
            .sum();
        // Allocated once: grown by doubling, the buffer would be copied and its new pages
        // zeroed by the kernel at each step.
        let mut bytes = Vec::with_capacity(size);
        let kept = states
            .iter()
            .map(|k| match k {
                Kept::Plain(s) => Kept::Plain(s.clone()),
                &Kept::Packed { start, len } => {
                    let at = bytes.len();
                    bytes.extend_from_slice(&self.arena.read(start, len));
                    Kept::Packed { start: at, len }
                }
            })
            .collect();
        (kept, bytes)
    }

    fn kept<M: Model<State = S>>(&self, model: &M, id: StateId) -> S {
        match &self.states[id.0 - self.first_kept] {
            Kept::Plain(s) => s.clone(),
            &Kept::Packed { start, len } => model.unpack(&self.arena.read(start, len)),
        }
    }

    pub(crate) fn add_initial<M: Model<State = S>>(
        &mut self,
        model: &M,
        state: Fresh<'_, S>,
        fp: Fingerprint,
    ) -> StateId {
        self.push(model, state, fp, NO_PARENT, ActionId(0))
    }

    pub(crate) fn add_successor<M: Model<State = S>>(
        &mut self,
        model: &M,
        parent: StateId,
        action: ActionId,
        state: Fresh<'_, S>,
        fp: Fingerprint,
    ) -> StateId {
        let near = u32::try_from(parent.0).ok().filter(|&p| p < FAR_PARENT);
        if near.is_none() {
            self.far_parents.insert(self.len(), parent.0);
        }
        let parent = near.unwrap_or(FAR_PARENT);
        self.push(model, state, fp, parent, action)
    }

    fn push<M: Model<State = S>>(
        &mut self,
        model: &M,
        state: Fresh<'_, S>,
        fp: Fingerprint,
        link: u32,
        action: ActionId,
    ) -> StateId {
        let start = self.arena.end();
        let kept = match state {
            Fresh::Packed(bytes) => {
                self.arena.buffer().extend_from_slice(bytes);
                self.arena.settle();
                Kept::Packed {
                    start,
                    len: bytes.len(),
                }
            }
            Fresh::State(state) if model.pack(&state, self.arena.buffer()) => {
                let len = self.arena.end() - start;
                self.arena.settle();
                Kept::Packed { start, len }
            }
            Fresh::State(state) => {
                self.arena.truncate(start);
                Kept::Plain(state)
            }
        };
        self.states.push(kept);
        self.trail.push(link, fp);
        if let Some(actions) = &mut self.actions {
            actions.push(action);
        }
        StateId(self.len() - 1)
    }

    /// Drops the states with ids below `id` (their links and fingerprints stay) and returns
    /// them, for the caller to free where it likes.
    pub(crate) fn forget_before(&mut self, id: usize) -> Vec<Kept<S>> {
        let n = id.saturating_sub(self.first_kept).min(self.states.len());
        self.first_kept += n;
        // Only a trace reads their records now.
        self.trail.retire_before(self.first_kept);
        let forgotten: Vec<Kept<S>> = self.states.drain(..n).collect();
        // The arena's bytes before the first packed state still kept are no longer read.
        let first_packed = self.states.iter().find_map(|k| match k {
            Kept::Packed { start, .. } => Some(*start),
            Kept::Plain(_) => None,
        });
        self.arena
            .forget_before(first_packed.unwrap_or(self.arena.end()));
        forgotten
    }

    /// The parent of `id`; `None` for an initial state.
    fn parent(&self, id: StateId) -> Option<StateId> {
        match self.trail.link(id.0) {
            NO_PARENT => None,
            FAR_PARENT => Some(StateId(self.far_parents[&id.0])),
            near => Some(StateId(near as usize)),
        }
    }

    /// The shortest known behaviour from an initial state to `id`: the states along the
    /// parent links, generated again from their fingerprints; where actions are recorded,
    /// the kept states along them (after the forgotten ones, generated again).
    pub(crate) fn trace_to<M: Model<State = S>>(&self, model: &M, id: StateId) -> Trace<S> {
        // The ids along the path, from an initial state to `id`. Ids rise along it, so the
        // forgotten ones are a prefix.
        let mut path = vec![id];
        while let Some(p) = self.parent(*path.last().expect("not empty")) {
            path.push(p);
        }
        path.reverse();
        let rebuilt = match &self.actions {
            Some(_) => path.iter().take_while(|i| i.0 < self.first_kept).count(),
            None => path.len(),
        };
        let fingerprints: Vec<Fingerprint> = path[..rebuilt]
            .iter()
            .map(|i| self.trail.fingerprint(i.0))
            .collect();
        let mut steps = retrace::rebuild(model, &fingerprints);
        if let Some(actions) = &self.actions {
            for &i in &path[rebuilt..] {
                steps.push(Step {
                    action: self.parent(i).map(|_| actions[i.0]),
                    state: self.kept(model, i),
                });
            }
        }
        Trace { steps }
    }

    /// The trace to `parent` followed by the step `action` into `state` (a state that is not
    /// stored: a successor outside the constraints, or one that is checked before storing).
    pub(crate) fn trace_through<M: Model<State = S>>(
        &self,
        model: &M,
        parent: StateId,
        action: ActionId,
        state: S,
    ) -> Trace<S> {
        let mut trace = self.trace_to(model, parent);
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
    use crate::model::ModelError;

    /// A binary tree of numbers: `n` has successors `2n + 1` (action 1) and `2n + 2`
    /// (action 2); initial states 0 and 100. Its fingerprint is `(n + 1) / fold`, so with
    /// `fold` 2 the two successors of a state share one (as under a VIEW); the state `banned` is
    /// outside the constraints.
    struct Tree {
        fold: u64,
        banned: u64,
    }

    impl Model for Tree {
        type State = u64;
        fn init(&self, emit: &mut dyn FnMut(u64)) -> Result<(), ModelError> {
            emit(0);
            emit(100);
            Ok(())
        }
        fn next(&self, n: &u64, emit: &mut dyn FnMut(ActionId, u64)) -> Result<(), ModelError> {
            emit(ActionId(1), 2 * n + 1);
            emit(ActionId(2), 2 * n + 2);
            Ok(())
        }
        fn fingerprint(&self, n: &u64) -> Fingerprint {
            Fingerprint((n + 1) / self.fold)
        }
        fn invariant_names(&self) -> Vec<String> {
            Vec::new()
        }
        fn check_invariants(&self, _: &u64) -> Result<Option<usize>, ModelError> {
            Ok(None)
        }
        fn within_constraints(&self, n: &u64) -> Result<bool, ModelError> {
            Ok(*n != self.banned)
        }
        fn action_label(&self, a: ActionId) -> String {
            format!("A{}", a.0)
        }
        /// Multiples of 5 cannot be packed (after writing a byte, which must be dropped).
        fn pack(&self, n: &u64, out: &mut Vec<u8>) -> bool {
            out.push(0xAB);
            if n.is_multiple_of(5) {
                return false;
            }
            out.pop();
            out.extend_from_slice(&n.to_le_bytes());
            true
        }
        fn unpack(&self, bytes: &[u8]) -> u64 {
            u64::from_le_bytes(bytes.try_into().expect("8 bytes"))
        }
    }

    /// The plain states among `kept` (the packed ones are in the arena).
    fn plain(kept: Vec<Kept<u64>>) -> Vec<u64> {
        kept.into_iter()
            .filter_map(|k| match k {
                Kept::Plain(s) => Some(s),
                Kept::Packed { .. } => None,
            })
            .collect()
    }

    const TREE: Tree = Tree {
        fold: 1,
        banned: u64::MAX,
    };

    fn steps(t: Trace<u64>) -> Vec<(Option<u32>, u64)> {
        t.steps
            .iter()
            .map(|s| (s.action.map(|a| a.0), s.state))
            .collect()
    }

    /// 0 -> 2 -> 5 -> 12, stored as the search would (`fold` 1).
    fn chain(g: &mut StateGraph<u64>) -> StateId {
        let a = g.add_initial(&TREE, Fresh::State(0), Fingerprint(1));
        g.add_initial(&TREE, Fresh::State(100), Fingerprint(101));
        let b = g.add_successor(&TREE, a, ActionId(2), Fresh::State(2), Fingerprint(3));
        let c = g.add_successor(&TREE, b, ActionId(1), Fresh::State(5), Fingerprint(6));
        g.add_successor(&TREE, c, ActionId(2), Fresh::State(12), Fingerprint(13))
    }

    #[test]
    fn a_trace_walks_the_parent_links_back_to_an_initial_state() {
        let mut g = StateGraph::new();
        let d = chain(&mut g);
        assert_eq!(
            steps(g.trace_to(&TREE, d)),
            [(None, 0), (Some(2), 2), (Some(1), 5), (Some(2), 12)]
        );
    }

    #[test]
    fn forgotten_states_of_a_trace_are_generated_again() {
        let mut g = StateGraph::new();
        let d = chain(&mut g);
        // 0 and 100 cannot be packed (multiples of 5); 2 is packed.
        assert_eq!(plain(g.forget_before(3)), vec![0, 100]);
        assert_eq!(g.len(), 5);
        assert_eq!(g.states(&TREE, 3..5), [5, 12]);
        assert_eq!(
            steps(g.trace_to(&TREE, d)),
            [(None, 0), (Some(2), 2), (Some(1), 5), (Some(2), 12)]
        );
        g.forget_before(5);
        assert_eq!(
            steps(g.trace_through(&TREE, d, ActionId(1), 25)),
            [
                (None, 0),
                (Some(2), 2),
                (Some(1), 5),
                (Some(2), 12),
                (Some(1), 25)
            ]
        );
    }

    #[test]
    fn packed_states_read_back_as_they_were_and_their_bytes_are_dropped_with_them() {
        let mut g = StateGraph::new();
        let d = chain(&mut g);
        // 0, 100 and 5 cannot be packed; 2 and 12 are, 8 bytes each.
        assert_eq!(g.arena.in_memory(), 16);
        assert_eq!(g.states(&TREE, 0..5), [0, 100, 2, 5, 12]);
        assert_eq!(plain(g.forget_before(3)), vec![0, 100]);
        assert_eq!(
            (g.arena.in_memory(), g.arena.end() - g.arena.in_memory()),
            (8, 8),
            "2's bytes dropped"
        );
        assert_eq!(g.states(&TREE, 4..5), [12]);
        assert_eq!(
            steps(g.trace_to(&TREE, d)),
            [(None, 0), (Some(2), 2), (Some(1), 5), (Some(2), 12)]
        );
        let e = g.add_successor(&TREE, d, ActionId(1), Fresh::State(25), Fingerprint(26));
        let f = g.add_successor(&TREE, e, ActionId(2), Fresh::State(52), Fingerprint(53));
        g.forget_before(5);
        assert_eq!(
            (g.arena.in_memory(), g.arena.end() - g.arena.in_memory()),
            (8, 16),
            "25 is plain, 52 packed"
        );
        assert_eq!(g.states(&TREE, 5..7), [25, 52]);
        assert_eq!(steps(g.trace_to(&TREE, f)).last(), Some(&(Some(2), 52)));
        // A state packed by its finder is stored as those bytes.
        let mut bytes = Vec::new();
        assert!(TREE.pack(&106, &mut bytes));
        let h = g.add_successor(
            &TREE,
            f,
            ActionId(2),
            Fresh::Packed(&bytes),
            Fingerprint(107),
        );
        assert_eq!(g.arena.in_memory(), 8 + 8, "106 packed after 52");
        assert_eq!(g.states(&TREE, 7..8), [106]);
        assert_eq!(steps(g.trace_to(&TREE, h)).last(), Some(&(Some(2), 106)));
    }

    #[test]
    fn a_spilling_graph_reads_its_packed_states_back_from_disk() {
        let dir = tempfile::tempdir().unwrap();
        // Segments of 20 bytes: the packed states (8 bytes) go to disk three at a time.
        let mut g = StateGraph::spilling_to(dir.path().to_path_buf(), 20);
        // 0 -> 1 -> 3 -> 7 -> ... by action 1 (n -> 2n + 1), as the search stores it.
        let chain: Vec<u64> = (0..40).map(|k| (1u64 << k) - 1).collect();
        let mut last = g.add_initial(&TREE, Fresh::State(0), Fingerprint(1));
        for &n in &chain[1..] {
            last = g.add_successor(
                &TREE,
                last,
                ActionId(1),
                Fresh::State(n),
                Fingerprint(n + 1),
            );
        }
        let packable = chain.iter().filter(|n| !n.is_multiple_of(5)).count();
        let (_, packed, error) = g.on_disk();
        assert_eq!(error, None);
        assert_eq!(packed, 24 * (packable as u64 / 3));
        assert_eq!(packed as usize + g.arena.in_memory(), 8 * packable);
        assert_eq!(g.states(&TREE, 0..40), chain);
        g.forget_before(30);
        assert_eq!(g.states(&TREE, 30..33), chain[30..33]);
        let trace = steps(g.trace_to(&TREE, last));
        assert_eq!(trace.iter().map(|s| s.1).collect::<Vec<_>>(), chain);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "unnamed");
    }

    #[test]
    fn stored_states_are_unpacked_from_the_bytes_copied_with_them() {
        let dir = tempfile::tempdir().unwrap();
        // Segments of 8 bytes: each packed state goes to disk once stored.
        let mut g = StateGraph::spilling_to(dir.path().to_path_buf(), 8);
        let d = chain(&mut g);
        g.add_successor(&TREE, d, ActionId(2), Fresh::State(26), Fingerprint(27));
        // 0, 100 and 5 are plain; 2, 12 and 26 packed.
        assert_eq!(g.on_disk().1, 24);
        let (stored, bytes) = g.stored(1..6);
        assert_eq!(bytes.len(), 24);
        let states: Vec<u64> = stored.iter().map(|k| k.state(&TREE, &bytes)).collect();
        assert_eq!(states, [100, 2, 5, 12, 26]);
    }

    #[test]
    fn a_rebuilt_state_is_the_first_in_order_within_the_constraints() {
        // With fold 2 the two successors of a state share a fingerprint: from 0 the search
        // stores 1 (action 1, fingerprint 1), and from 1 it stores 3 (action 1, fingerprint
        // 2), unless 3 is outside the constraints; then it stores 4 (action 2).
        for (banned, want, action) in [(u64::MAX, 3, 1), (4, 3, 1), (3, 4, 2)] {
            let tree = Tree { fold: 2, banned };
            let store = |record: bool| {
                let mut g = StateGraph::new();
                if record {
                    g = g.recording_actions();
                }
                let a = g.add_initial(&TREE, Fresh::State(0), Fingerprint(0));
                let b = g.add_successor(&TREE, a, ActionId(1), Fresh::State(1), Fingerprint(1));
                let c = g.add_successor(
                    &TREE,
                    b,
                    ActionId(action),
                    Fresh::State(want),
                    Fingerprint(2),
                );
                (g, c)
            };
            let (mut g, c) = store(false);
            let got = steps(g.trace_to(&tree, c));
            assert_eq!(
                got,
                [(None, 0), (Some(1), 1), (Some(action), want)],
                "banned {banned}"
            );
            // The same once the states are forgotten, and the same as a store that keeps
            // every state and the action that reached it.
            g.forget_before(3);
            assert_eq!(got, steps(g.trace_to(&tree, c)));
            let (kept, c) = store(true);
            assert_eq!(got, steps(kept.trace_to(&tree, c)));
        }
    }

    #[test]
    fn parent_ids_beyond_32_bits_are_kept_aside() {
        let mut g = StateGraph::new();
        g.add_initial(&TREE, Fresh::State(0u64), Fingerprint(0));
        let far = StateId(FAR_PARENT as usize + 5);
        let id = g.add_successor(&TREE, far, ActionId(1), Fresh::State(1), Fingerprint(1));
        assert_eq!(g.parent(id), Some(far));
        let near = g.add_successor(
            &TREE,
            StateId(0),
            ActionId(2),
            Fresh::State(2),
            Fingerprint(2),
        );
        assert_eq!(g.parent(near), Some(StateId(0)));
        assert_eq!(g.parent(StateId(0)), None);
    }
}
