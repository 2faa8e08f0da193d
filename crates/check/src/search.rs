//! The breadth-first search, with TLC's counting and checking rules.
//!
//! The search is level-synchronous: the states of level `L` (initial states are level 1)
//! are expanded in batches of a fixed size. Each batch is expanded on the worker pool
//! ([`crate::expand`]: successors, constraints, fingerprints, action properties), then
//! merged on this thread in (parent, successor) order, up to the first failure that does
//! not depend on what is new; the invariants of the states the merge found new are then
//! checked on the pool. The stages overlap: while batch `k` is merged, the next batches of
//! the level are being expanded (they drop successors already in the seen set, read
//! concurrently; a successor inserted meanwhile is left to the merge), and the invariants of
//! earlier batches are being checked. Pending checks are settled strictly in batch order
//! before any failure, limit or verdict is reported, so the first failure in (parent,
//! successor) order wins. Initial states are handled the same way, in batches: counted and
//! stored in order on this thread, checked on the pool. The merge is the only place that
//! decides what is new, so with one worker or many the distinct states of each level, their
//! parent links, the counts and the failure reported are the same. The counts at a failure
//! are those recorded at its position in that order.
//! With one worker TLC expands states in the order it found them (a FIFO queue), which is
//! this order, so the figures are TLC's with one worker.
//!
//! # TLC's rules, and where they come from
//!
//! Source: `tlaplus/tlaplus`, `tlatools/org.lamport.tlatools/src/tlc2/tool/`.
//!
//! - **Initial states** (`ModelChecker.DoInitFunctor.addElement`). Each initial state
//!   counts as generated (`numberOfInitialStates`, which `ModelChecker.getStatesGenerated`
//!   adds to the workers' counts), duplicates included. A state that satisfies the state
//!   constraints is fingerprinted; if new, it is written to the trace and enqueued at once,
//!   before its checks. The action constraints are not evaluated on initial states. A state
//!   that is new or outside the constraints has its invariants checked, then the initial
//!   parts of the properties ("implied inits"); a duplicate is not checked. The first
//!   failure throws out of `Tool.getInitStates`, so later initial states are not generated.
//!   (TLC prints no state counts after a violation in an initial state; the counts returned
//!   here are those of that moment: the violating state is in the queue.)
//! - **Successors** (`Worker.addElement`, called by `Tool.getNextStates` for every
//!   successor of every action, streamed). Each successor counts as generated before
//!   anything else, so successors outside the constraints and duplicates count. Then
//!   `inModel` = the state constraints hold on it, and (only if they do) the action
//!   constraints hold on the step (`Tool.isInModel`, `Tool.isInActions`). (Here the state
//!   constraints are not evaluated again on a successor whose fingerprint is already in the
//!   seen set, when the model gives the same states again and its fingerprints are of
//!   states, not of a VIEW or a symmetry's representative: only states within them enter
//!   it, so the answer is known, TRUE and without error.) Only a successor
//!   in the model is fingerprinted and put in the seen set (`Worker.isSeenState`); if new, it
//!   is written to the trace (so the trace can reach it) but not enqueued yet. A successor
//!   that is new *or outside the model* has its invariants checked
//!   (`Worker.doNextCheckInvariants`): a state outside the constraints is checked every time
//!   it is generated, even though it is never counted as distinct. Then the action properties
//!   (`[][A]_v`, "implied actions") are checked on every step, to a seen state too
//!   (`Worker.doNextCheckImplied`). Only then is a new in-model successor enqueued. A failure
//!   throws out of the successor computation: nothing after it is generated or checked.
//!   (Here, where the model's checks are pure, the invariants of a candidate are evaluated
//!   by the worker that found it, before the merge knows whether it is new: on a duplicate,
//!   their result is dropped, as if they had not been evaluated. Likewise for initial
//!   states, which are enumerated in parts on the workers.)
//! - **Order**: a successor is checked as soon as it is generated, before the next one is
//!   generated (the functor `Worker.addElement` is called from inside `Tool.getNextStates`).
//! - **Deadlock** (`Worker.run`): a state is deadlocked when computing its successors
//!   generated none (the generated count did not move), so a state whose successors are all
//!   outside the constraints, or all seen, is not deadlocked. The trace ends in that state.
//! - **Evaluation errors** (`Worker.run` → `ModelChecker.doNextFailed`,
//!   `ModelChecker.doNextEvalFailed`): an error while computing the successors of `s` is
//!   reported with the trace to `s`, except a successor that leaves a variable unassigned
//!   (`Tool.isGoodState` false → `ModelChecker.doNextSetErr(cur, succ, action)`): it was
//!   already counted as generated (`Worker.addElement` counts first) and the trace ends
//!   with it (`Model::incomplete_successor`); the successors emitted before the error were already
//!   processed (counted, stored, checked). An error in a constraint, an invariant or an
//!   action property of a successor `t` is reported with the trace to `s` followed by `t`.
//! - **Counts** (`ModelChecker.printSummary`): generated = initial states + successors;
//!   distinct = size of the seen set (a violating new in-model successor is in it);
//!   left on queue = states enqueued and not yet dequeued (the state being expanded was
//!   dequeued; a violating successor was never enqueued; a violating initial state was).
//! - **Depth** (`ConcurrentTLCTrace.getLevel`, `Worker.writeState`): the largest level of a
//!   state written to the trace (a new in-model successor has its parent's level + 1), and
//!   at least 1; `printSummary` prints 0 when nothing was generated. A violating successor
//!   outside the constraints is never written, so it does not raise the depth.

use std::collections::VecDeque;
use std::ops::Range;
use std::sync::Arc;
use std::time::Instant;

use crate::expand::{expand_all, Check, Class, Expanding, Expansion};
use crate::fpset::FingerprintSet;
use crate::graph::{Fresh, StateGraph, StateId};
use crate::init_parts::{self, initial_checks, Found};
use crate::model::{ActionId, Model, ModelError};
use crate::options::Options;
use crate::outcome::{DiskUse, ErrorSite, Limit, Outcome, Stats, Step, Trace, Verdict};
use crate::outdegree::OutDegree;
use crate::parallel::{with_pool, Handle, Pool};
use crate::recent::Recent;
use crate::reporter::{Reporter, StartInfo};

/// Parents expanded per batch (and initial states checked per batch). It does not depend on
/// the number of workers, so neither do the points where limits are checked.
const BATCH: usize = 4096;

/// With more than one worker, the batches of a level whose expansion is started before the
/// current one is merged, so the threads keep computing while the merge runs. (With one
/// worker everything runs on the caller's thread, one batch at a time.)
const AHEAD: usize = 2;

/// Explores `model` breadth-first and returns what it found.
///
/// See the module documentation of `search` for the rules followed (TLC's).
pub fn run<M: Model>(
    model: &M,
    options: &Options,
    reporter: &mut dyn Reporter,
) -> Outcome<M::State> {
    reporter.started(&StartInfo {
        workers: options.worker_count(),
        check_deadlock: options.check_deadlock,
    });
    let outcome = with_pool(options.worker_count(), |pool| {
        let graph = match options.memory {
            Some(bytes) => StateGraph::spilling_to(options.spill_dir(), arena_segment(bytes)),
            None => StateGraph::new(),
        };
        let graph = if model.reproducible() {
            graph
        } else {
            graph.recording_actions()
        };
        let mut search = Search {
            model,
            options,
            pool,
            seen: match options.memory {
                Some(bytes) => FingerprintSet::with_budget(bytes, &options.spill_dir()),
                None => FingerprintSet::new(),
            },
            graph,
            generated: 0,
            depth: 0,
            outdegree: OutDegree::default(),
            started: Instant::now(),
            level: 1,
            level_end: 0,
            pending: VecDeque::new(),
            recent: Arc::new(Recent::new()),
        };
        let mut outcome = search.explore(reporter);
        let (links, packed_bytes, error) = search.graph.on_disk();
        outcome.disk = DiskUse {
            fingerprints: search.seen.on_disk(),
            runs: search.seen.runs_written(),
            links,
            packed_bytes,
            error: search.seen.spill_error().or(error).map(str::to_string),
        };
        release(std::mem::replace(&mut search.graph, StateGraph::new()));
        outcome
    });
    reporter.done(&outcome.verdict, &outcome.stats);
    outcome
}

/// A batch being expanded: the handle on its states' expansions.
type Started<S> = Handle<Expansion<S>>;

/// How many bytes of packed states a search under a memory budget of `budget` bytes keeps in
/// memory before writing them out: a sixty-fourth of the budget, from 4 KiB to 64 MiB.
fn arena_segment(budget: u64) -> usize {
    (budget / 64).clamp(4 << 10, 64 << 20) as usize
}

/// Frees states on a thread of their own: millions of states take a noticeable time to
/// free, which the caller need not wait for (a process that exits right after the search
/// does not wait at all).
fn release<T: Send + 'static>(states: T) {
    // When no thread can be started, the closure, and the states with it, are dropped here.
    let _ = std::thread::Builder::new().spawn(move || drop(states));
}

/// The number of states of a finished level past which they are freed on a thread of their
/// own (see [`release`]) rather than at once.
const FREE_APART: usize = 50_000;

/// A failure found: what to report, and the trace that shows it.
struct Failure<S> {
    verdict: Verdict,
    site: Option<ErrorSite>,
    trace: Option<Trace<S>>,
}

/// The states whose checks a [`Pending`] holds.
enum Subject<S> {
    /// The stored states with ids from this one on (new successors of one batch).
    Stored(usize),
    /// These initial states (new ones, or outside the constraints).
    Initial(Arc<Vec<S>>),
}

/// The checks of the states one batch found (or of a batch of initial states), computed on
/// the workers while the search goes on. They are settled in order: every state they are
/// about comes, in (parent, successor) order, before whatever a later merge finds.
struct Pending<S> {
    subject: Subject<S>,
    /// The counts at the position of each checked state (those of a failure there).
    at: Vec<Stats>,
    /// The out-degree histogram once the batch was merged (reported with a failure).
    outdegree: OutDegree,
    /// For each state: its invariants, then (initial states only) its initial properties.
    checks: Handle<(Check, Check)>,
}

struct Search<'a, 'p, M: Model> {
    model: &'a M,
    options: &'a Options,
    pool: &'p Pool<'a>,
    seen: FingerprintSet,
    graph: StateGraph<M::State>,
    generated: u64,
    /// The largest level of a stored state (0 before the first one).
    depth: u64,
    /// New successors per fully expanded state.
    outdegree: OutDegree,
    started: Instant,
    /// The level being expanded (initial states are level 1).
    level: u64,
    /// The id of the first state of the next level.
    level_end: usize,
    /// Checks under way, oldest first.
    pending: VecDeque<Pending<M::State>>,
    /// The candidates found lately (see [`crate::recent`]).
    recent: Arc<Recent>,
}

impl<M: Model> Search<'_, '_, M> {
    fn stats(&self, left_on_queue: usize) -> Stats {
        Stats {
            generated: self.generated,
            distinct: self.seen.len(),
            left_on_queue: left_on_queue as u64,
            depth: if self.generated == 0 {
                0
            } else {
                self.depth.max(1)
            },
        }
    }

    /// The counts now, at a position while expanding `parent`; `violator_stored` tells
    /// whether the state a failure there is about was stored as new (and so is not in the
    /// queue).
    fn at(&self, parent: StateId, violator_stored: bool) -> Stats {
        let stored = self.graph.len();
        // Dequeued: every state up to and including the parent. A violating successor was
        // stored but never enqueued.
        let left = stored - parent.0 - 1 - usize::from(violator_stored);
        Stats {
            generated: self.generated,
            distinct: self.seen.len(),
            left_on_queue: left as u64,
            depth: if stored > self.level_end {
                self.level + 1
            } else {
                self.level
            },
        }
    }

    /// The counts now, while computing the initial states: every stored one is enqueued.
    fn initial_at(&self) -> Stats {
        Stats {
            generated: self.generated,
            distinct: self.seen.len(),
            left_on_queue: self.graph.len() as u64,
            depth: 1,
        }
    }

    fn outcome(&self, failure: Failure<M::State>, stats: Stats) -> Outcome<M::State> {
        Self::outcome_with(failure, stats, self.outdegree)
    }

    fn outcome_with(
        failure: Failure<M::State>,
        stats: Stats,
        outdegree: OutDegree,
    ) -> Outcome<M::State> {
        Outcome {
            verdict: failure.verdict,
            stats,
            trace: failure.trace,
            error_site: failure.site,
            complete: false,
            outdegree,
            disk: DiskUse::default(),
        }
    }

    fn explore(&mut self, reporter: &mut dyn Reporter) -> Outcome<M::State> {
        if let Some(outcome) = self.initial_states() {
            return outcome;
        }
        reporter.initial_states(&self.stats(self.graph.len()));

        let ahead = if self.pool.threads() == 0 { 0 } else { AHEAD };
        let mut level_start = 0;
        while level_start < self.graph.len() {
            let level_end = self.graph.len();
            self.level_end = level_end;
            if self.options.max_depth.is_some_and(|max| self.level >= max) {
                return self
                    .settle(true)
                    .unwrap_or_else(|| self.stop(Limit::MaxDepth, level_end - level_start));
            }
            let batches: Vec<Range<usize>> = (level_start..level_end)
                .step_by(BATCH)
                .map(|start| start..(start + BATCH).min(level_end))
                .collect();
            let mut started = VecDeque::new();
            for (b, batch) in batches.iter().enumerate() {
                while b + started.len() < batches.len() && started.len() <= ahead {
                    started.push_back(self.start_expanding(batches[b + started.len()].clone()));
                }
                let handle = started.pop_front().expect("batch b was started");
                let expansions = self.pool.wait(handle);
                if let Some(outcome) = self.batch(batch.clone(), expansions) {
                    return outcome;
                }
                let left = self.graph.len() - batch.end;
                reporter.progress(&self.stats(left));
                if let Some(limit) = self.limit_reached() {
                    return self.settle(true).unwrap_or_else(|| self.stop(limit, left));
                }
            }
            reporter.level_finished(&self.stats(self.graph.len() - level_end));
            level_start = level_end;
            self.level += 1;
            if self.model.reproducible() {
                let done = self.graph.forget_before(level_start);
                if done.len() >= FREE_APART {
                    release(done);
                }
            }
        }
        if let Some(outcome) = self.settle(true) {
            return outcome;
        }
        Outcome {
            verdict: Verdict::Ok,
            stats: self.stats(0),
            trace: None,
            error_site: None,
            complete: true,
            outdegree: self.outdegree,
            disk: DiskUse::default(),
        }
    }

    fn stop(&self, limit: Limit, left_on_queue: usize) -> Outcome<M::State> {
        let failure = Failure {
            verdict: Verdict::Incomplete(limit),
            site: None,
            trace: None,
        };
        self.outcome(failure, self.stats(left_on_queue))
    }

    fn limit_reached(&self) -> Option<Limit> {
        let o = self.options;
        if o.stop
            .as_ref()
            .is_some_and(|s| s.load(std::sync::atomic::Ordering::Relaxed))
        {
            Some(Limit::Stopped)
        } else if o.max_states.is_some_and(|max| self.seen.len() >= max) {
            Some(Limit::MaxStates)
        } else if o.time_limit.is_some_and(|t| self.started.elapsed() >= t) {
            Some(Limit::TimeLimit)
        } else {
            None
        }
    }

    /// Settles the pending checks in order, up to the first failure; with `block` false,
    /// only those already computed. With no pool thread, pending checks are computed here.
    fn settle(&mut self, block: bool) -> Option<Outcome<M::State>> {
        let block = block || self.pool.threads() == 0;
        while let Some(front) = self.pending.front() {
            if !block && !front.checks.is_done() {
                return None;
            }
            let pending = self.pending.pop_front().expect("there is a front");
            let checks = self.pool.wait(pending.checks);
            let Some(k) = checks.iter().position(|(i, p)| !i.holds() || !p.holds()) else {
                continue;
            };
            let (invariants, properties) = checks.into_iter().nth(k).expect("k is a position");
            let trace = || match &pending.subject {
                Subject::Stored(first) => Some(self.graph.trace_to(self.model, StateId(first + k))),
                Subject::Initial(states) => single(&states[k]),
            };
            let failure = match self.invariant_failure(invariants, trace) {
                Some(f) => f,
                None => {
                    Self::check_failure(properties, ErrorSite::InitialProperty, trace, |index| {
                        Verdict::InitialPropertyViolated {
                            index,
                            name: name_at(self.model.initial_property_names(), index),
                        }
                    })
                    .expect("the check at k fails")
                }
            };
            return Some(Self::outcome_with(
                failure,
                pending.at[k],
                pending.outdegree,
            ));
        }
        None
    }

    /// Generates and stores the initial states, and checks them; returns the outcome of the
    /// first failure.
    fn initial_states(&mut self) -> Option<Outcome<M::State>> {
        let model = self.model;
        let mut buffer = Vec::new();
        let mut done = None;
        let mut take = |this: &mut Self, state, found| {
            if done.is_none() {
                buffer.push((state, found));
                if buffer.len() == BATCH {
                    done = this.initial_batch(std::mem::take(&mut buffer));
                }
            }
            done.is_none()
        };
        // With several workers the enumeration is made in parts, in parallel (it would
        // print in parallel too, so not for a model that prints), and its states then taken
        // in order as if from one enumeration.
        let result = if self.pool.threads() > 0 && model.reproducible() {
            init_parts::initial_states(self.pool, model, &mut |state, found| {
                take(self, state, Some(found))
            })
        } else {
            model.init(&mut |state| {
                take(self, state, None);
            })
        };
        if done.is_none() && !buffer.is_empty() {
            done = self.initial_batch(buffer);
        }
        let done = done.or_else(|| self.settle(true));
        match (done, result) {
            (Some(outcome), _) => Some(outcome),
            (None, Err(e)) => {
                // Every stored initial state was enqueued.
                let failure = error(ErrorSite::Init, e, None);
                Some(self.outcome(failure, self.stats(self.graph.len())))
            }
            (None, Ok(())) => None,
        }
    }

    /// Counts and stores a batch of initial states in order (with their fingerprints and
    /// checks where their part computed them), and starts checking the ones TLC checks
    /// (new, or outside the constraints; not duplicates).
    fn initial_batch(
        &mut self,
        states: Vec<(M::State, Option<Found>)>,
    ) -> Option<Outcome<M::State>> {
        let model = self.model;
        let mut checked = Vec::new();
        let mut computed = Vec::new();
        let mut at = Vec::new();
        let mut definite = None;
        for (state, found) in states {
            let (fp, checks) = match found {
                Some(Found { fp, checks }) => (Some(fp), checks),
                None => (None, None),
            };
            self.generated += 1;
            match model.within_constraints(&state) {
                Err(e) => {
                    let failure = error(ErrorSite::Constraint, e, single(&state));
                    definite = Some((failure, self.initial_at()));
                    break;
                }
                Ok(true) => {
                    let fp = fp.unwrap_or_else(|| model.fingerprint(&state));
                    if !self.seen.insert(fp) {
                        continue;
                    }
                    self.graph
                        .add_initial(model, Fresh::State(state.clone()), fp);
                    self.depth = 1;
                }
                Ok(false) => {}
            }
            at.push(self.initial_at());
            checked.push(state);
            computed.extend(checks);
        }
        let checked = Arc::new(checked);
        let checks = if computed.len() == checked.len() {
            Handle::ready(computed)
        } else {
            let check = move |s: &M::State| initial_checks(model, s);
            self.pool.map(checked.clone(), Arc::new(check))
        };
        self.queue_checks(Subject::Initial(checked), at, checks, definite)
    }

    /// Queues the checks of a batch behind those already pending, then settles what has
    /// finished; with a failure already known (`definite`, at a later position than every
    /// queued check), settles everything first: an earlier failure among the checks wins.
    fn queue_checks(
        &mut self,
        subject: Subject<M::State>,
        at: Vec<Stats>,
        checks: Handle<(Check, Check)>,
        definite: Option<(Failure<M::State>, Stats)>,
    ) -> Option<Outcome<M::State>> {
        self.pending.push_back(Pending {
            subject,
            at,
            outdegree: self.outdegree,
            checks,
        });
        if let Some((failure, stats)) = definite {
            return Some(
                self.settle(true)
                    .unwrap_or_else(|| self.outcome(failure, stats)),
            );
        }
        self.settle(false)
    }

    /// Starts expanding the states with ids in `batch` on the workers (which unpack them).
    fn start_expanding(&self, batch: Range<usize>) -> Started<M::State> {
        let (parents, bytes) = self.graph.stored(batch.clone());
        let ex = Expanding {
            seen: self.seen.reader(),
            recent: self.recent.clone(),
            eager: self.pool.threads() > 0 && self.model.pure_checks(),
        };
        let parents = batch.zip(parents).collect();
        expand_all(
            self.pool,
            self.model,
            ex,
            Arc::new(parents),
            Arc::new(bytes),
        )
    }

    /// Merges the expansions of the states with ids in `batch` (of the current level),
    /// stores the new successors and queues their checks. Returns the outcome of the first
    /// failure known so far.
    fn batch(
        &mut self,
        batch: Range<usize>,
        expansions: Vec<Expansion<M::State>>,
    ) -> Option<Outcome<M::State>> {
        let first_new = self.graph.len();
        let mut at = Vec::new();
        let mut checks = Vec::new();
        let mut definite = None;
        for (i, expansion) in expansions.into_iter().enumerate() {
            definite = self.merge(StateId(batch.start + i), expansion, &mut at, &mut checks);
            if definite.is_some() {
                break;
            }
        }
        // The invariants of the new states (evaluated by the expansion or by the merge),
        // which all come before any failure of the merge (it stopped there); at the same
        // successor, the invariants are checked first.
        let checks = Handle::ready(checks);
        self.queue_checks(Subject::Stored(first_new), at, checks, definite)
    }

    /// Merges the successors of `parent` (a state of the current level) in order: counts
    /// them, stores the new ones (recording the counts at each in `at`, and its invariants
    /// in `checks`) and returns the first failure that does not depend on invariants of
    /// new states.
    fn merge(
        &mut self,
        parent: StateId,
        expansion: Expansion<M::State>,
        at: &mut Vec<Stats>,
        checks: &mut Vec<(Check, Check)>,
    ) -> Option<(Failure<M::State>, Stats)> {
        let generated_none = expansion.generated() == 0;
        let Expansion {
            parent: parent_state,
            succs,
            packed,
            seen_after,
            next_error,
        } = expansion;
        let model = self.model;
        let mut new_successors = 0;
        for succ in succs {
            self.generated += succ.seen_before + 1;
            let action = succ.action;
            let bytes = succ.packed.map(|(start, len)| &packed[start..start + len]);
            // The state itself, for a trace through it (unpacked if it was packed).
            let mut state = succ.state;
            let mut state = || state.take().or_else(|| bytes.map(|b| model.unpack(b)));
            let mut stored = None;
            match succ.class {
                Class::ConstraintFailed(site, e) => {
                    let failure = error(site, *e, self.through(parent, action, state()));
                    return Some((failure, self.at(parent, false)));
                }
                Class::Seen => {}
                Class::OutOfModel => {
                    let invariant = succ.invariant.expect("evaluated on a state outside");
                    if let Some(f) =
                        self.invariant_failure(invariant, || self.through(parent, action, state()))
                    {
                        return Some((f, self.at(parent, false)));
                    }
                }
                Class::Candidate(fp) => {
                    if self.seen.insert(fp) {
                        let (new, invariant) = match (bytes, succ.invariant) {
                            (Some(b), Some(invariant)) => (Fresh::Packed(b), invariant),
                            (_, invariant) => {
                                let new = state().expect("a candidate kept or packed");
                                let invariant = invariant.unwrap_or_else(|| {
                                    let parent = parent_state.as_ref().expect("kept");
                                    Check::from(model.check_successor_invariants(parent, &new))
                                });
                                (Fresh::State(new), invariant)
                            }
                        };
                        let id = self.graph.add_successor(model, parent, action, new, fp);
                        self.depth = self.depth.max(self.level + 1);
                        stored = Some(id);
                        new_successors += 1;
                        at.push(self.at(parent, true));
                        checks.push((invariant, Check::Holds));
                    }
                }
            }
            if let Some(f) = self.property_failure(succ.property, || match stored {
                Some(id) => Some(self.graph.trace_to(model, id)),
                None => self.through(parent, action, state()),
            }) {
                return Some((f, self.at(parent, stored.is_some())));
            }
        }
        self.generated += seen_after;
        if let Some(e) = next_error {
            let parent_state = parent_state.expect("an expansion that failed keeps its parent");
            let trace = match model.incomplete_successor(&parent_state, &e) {
                // TLC counts the incomplete successor as generated (not distinct: it is
                // never fingerprinted) and ends the trace with it.
                Some((action, succ)) => {
                    self.generated += 1;
                    self.through(parent, action, Some(succ))
                }
                None => Some(self.graph.trace_to(model, parent)),
            };
            let failure = error(ErrorSite::Next, e, trace);
            return Some((failure, self.at(parent, false)));
        }
        if generated_none && self.options.check_deadlock {
            let failure = Failure {
                verdict: Verdict::Deadlock,
                site: None,
                trace: Some(self.graph.trace_to(model, parent)),
            };
            return Some((failure, self.at(parent, false)));
        }
        self.outdegree.add(new_successors);
        None
    }

    fn through(
        &self,
        parent: StateId,
        action: ActionId,
        state: Option<M::State>,
    ) -> Option<Trace<M::State>> {
        let state = state.expect("a successor that can fail keeps its state");
        Some(self.graph.trace_through(self.model, parent, action, state))
    }

    fn invariant_failure(
        &self,
        check: Check,
        trace: impl FnOnce() -> Option<Trace<M::State>>,
    ) -> Option<Failure<M::State>> {
        Self::check_failure(check, ErrorSite::Invariant, trace, |index| {
            Verdict::InvariantViolated {
                index,
                name: name_at(self.model.invariant_names(), index),
            }
        })
    }

    fn property_failure(
        &self,
        check: Check,
        trace: impl FnOnce() -> Option<Trace<M::State>>,
    ) -> Option<Failure<M::State>> {
        Self::check_failure(check, ErrorSite::ActionProperty, trace, |index| {
            Verdict::ActionPropertyViolated {
                index,
                name: name_at(self.model.action_property_names(), index),
            }
        })
    }

    /// The failure a check result means: none when it holds, an evaluation error at `site`,
    /// or the violation `violated` builds from the index of the failing check.
    fn check_failure(
        check: Check,
        site: ErrorSite,
        trace: impl FnOnce() -> Option<Trace<M::State>>,
        violated: impl FnOnce(usize) -> Verdict,
    ) -> Option<Failure<M::State>> {
        match check {
            Check::Holds => None,
            Check::Failed(e) => Some(error(site, *e, trace())),
            Check::Violated(index) => Some(Failure {
                verdict: violated(index),
                site: None,
                trace: trace(),
            }),
        }
    }
}

/// The trace made of one initial state.
fn single<S: Clone>(state: &S) -> Option<Trace<S>> {
    Some(Trace {
        steps: vec![Step {
            action: None,
            state: state.clone(),
        }],
    })
}

fn error<S>(site: ErrorSite, e: ModelError, trace: Option<Trace<S>>) -> Failure<S> {
    Failure {
        verdict: Verdict::Error(e),
        site: Some(site),
        trace,
    }
}

/// The name at `index`, or a placeholder if the model returned an index out of range.
fn name_at(names: Vec<String>, index: usize) -> String {
    names
        .into_iter()
        .nth(index)
        .unwrap_or_else(|| format!("#{index}"))
}
