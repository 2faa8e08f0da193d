//! The breadth-first search, with TLC's counting and checking rules.
//!
//! The search is level-synchronous: the states of level `L` (initial states are level 1)
//! are expanded in batches of a fixed size. Each batch is expanded on the worker threads
//! ([`crate::expand`]: successors, constraints, fingerprints, action properties), then
//! merged on this thread in (parent, successor) order, up to the first failure that does
//! not depend on what is new; then the invariants of the states the merge found new are
//! checked on the worker threads, and the first failure in (parent, successor) order wins.
//! The merge is the only place that decides what is new, so with one worker or many the
//! distinct states of each level, their parent links, the counts and the failure reported
//! are the same. The counts at a failure are those recorded at its position in that order.
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
//!   constraints hold on the step (`Tool.isInModel`, `Tool.isInActions`). Only a successor
//!   in the model is fingerprinted and put in the seen set (`Worker.isSeenState`); if new, it
//!   is written to the trace (so the trace can reach it) but not enqueued yet. A successor
//!   that is new *or outside the model* has its invariants checked
//!   (`Worker.doNextCheckInvariants`): a state outside the constraints is checked every time
//!   it is generated, even though it is never counted as distinct. Then the action properties
//!   (`[][A]_v`, "implied actions") are checked on every step, to a seen state too
//!   (`Worker.doNextCheckImplied`). Only then is a new in-model successor enqueued. A failure
//!   throws out of the successor computation: nothing after it is generated or checked.
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

use std::time::Instant;

use crate::expand::{expand_all, Check, Class, Expansion};
use crate::fpset::FingerprintSet;
use crate::graph::{StateGraph, StateId};
use crate::model::{ActionId, Model, ModelError};
use crate::options::Options;
use crate::outcome::{ErrorSite, Limit, Outcome, Stats, Step, Trace, Verdict};
use crate::outdegree::OutDegree;
use crate::reporter::{Reporter, StartInfo};

/// Parents expanded per batch. It does not depend on the number of workers, so neither do
/// the points where limits are checked.
const BATCH: usize = 4096;

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
    let mut search = Search {
        model,
        options,
        seen: FingerprintSet::new(),
        graph: StateGraph::new(),
        generated: 0,
        depth: 0,
        outdegree: OutDegree::default(),
        started: Instant::now(),
    };
    let outcome = search.explore(reporter);
    reporter.done(&outcome.verdict, &outcome.stats);
    outcome
}

/// A failure found: what to report, and the trace that shows it.
struct Failure<S> {
    verdict: Verdict,
    site: Option<ErrorSite>,
    trace: Option<Trace<S>>,
}

/// The counts at one position of the merge, kept so that a failure found later (an
/// invariant checked after the merge) reports the counts of its own position.
#[derive(Clone, Copy)]
struct Mark {
    generated: u64,
    distinct: u64,
    /// The number of stored states at that point (the last one may be the violator).
    stored: usize,
    /// The state being expanded.
    parent: StateId,
    /// Whether the state the failure is about was stored as new (and so is not in the queue).
    violator_stored: bool,
}

struct Search<'a, M: Model> {
    model: &'a M,
    options: &'a Options,
    seen: FingerprintSet,
    graph: StateGraph<M::State>,
    generated: u64,
    /// The largest level of a stored state (0 before the first one).
    depth: u64,
    /// New successors per fully expanded state.
    outdegree: OutDegree,
    started: Instant,
}

impl<M: Model> Search<'_, M> {
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

    fn mark(&self, parent: StateId, violator_stored: bool) -> Mark {
        Mark {
            generated: self.generated,
            distinct: self.seen.len(),
            stored: self.graph.len(),
            parent,
            violator_stored,
        }
    }

    /// The counts at `mark`, a position while expanding level `level`, whose successors get
    /// ids from `next_level_start` on.
    fn stats_at(mark: &Mark, level: u64, next_level_start: usize) -> Stats {
        // Dequeued: every state up to and including the parent. A violating successor was
        // stored but never enqueued.
        let left = mark.stored - mark.parent.0 - 1 - usize::from(mark.violator_stored);
        Stats {
            generated: mark.generated,
            distinct: mark.distinct,
            left_on_queue: left as u64,
            depth: if mark.stored > next_level_start {
                level + 1
            } else {
                level
            },
        }
    }

    fn outcome(&self, failure: Failure<M::State>, stats: Stats) -> Outcome<M::State> {
        Outcome {
            verdict: failure.verdict,
            stats,
            trace: failure.trace,
            error_site: failure.site,
            complete: false,
            outdegree: self.outdegree,
        }
    }

    fn explore(&mut self, reporter: &mut dyn Reporter) -> Outcome<M::State> {
        if let Some(failure) = self.initial_states() {
            // Every stored initial state was enqueued before it was checked.
            return self.outcome(failure, self.stats(self.graph.len()));
        }
        reporter.initial_states(&self.stats(self.graph.len()));

        let mut level_start = 0;
        let mut level = 1u64;
        while level_start < self.graph.len() {
            let level_end = self.graph.len();
            if self.options.max_depth.is_some_and(|max| level >= max) {
                return self.stop(Limit::MaxDepth, level_end - level_start);
            }
            let mut batch_start = level_start;
            while batch_start < level_end {
                let batch_end = (batch_start + BATCH).min(level_end);
                if let Some((failure, mark)) = self.batch(batch_start..batch_end, level) {
                    return self.outcome(failure, Self::stats_at(&mark, level, level_end));
                }
                batch_start = batch_end;
                let left = self.graph.len() - batch_start;
                reporter.progress(&self.stats(left));
                if let Some(limit) = self.limit_reached() {
                    return self.stop(limit, left);
                }
            }
            reporter.level_finished(&self.stats(self.graph.len() - level_end));
            level_start = level_end;
            level += 1;
        }
        Outcome {
            verdict: Verdict::Ok,
            stats: self.stats(0),
            trace: None,
            error_site: None,
            complete: true,
            outdegree: self.outdegree,
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

    /// Generates, stores and checks the initial states; returns the first failure.
    fn initial_states(&mut self) -> Option<Failure<M::State>> {
        let model = self.model;
        let mut failure = None;
        let result = model.init(&mut |state| {
            if failure.is_none() {
                failure = self.initial_state(state);
            }
        });
        match (failure, result) {
            (Some(f), _) => Some(f),
            (None, Err(e)) => Some(error(ErrorSite::Init, e, None)),
            (None, Ok(())) => None,
        }
    }

    fn initial_state(&mut self, state: M::State) -> Option<Failure<M::State>> {
        let model = self.model;
        self.generated += 1;
        let single = |state: &M::State| {
            Some(Trace {
                steps: vec![Step {
                    action: None,
                    state: state.clone(),
                }],
            })
        };
        match model.within_constraints(&state) {
            Err(e) => return Some(error(ErrorSite::Constraint, e, single(&state))),
            Ok(true) => {
                if !self.seen.insert(model.fingerprint(&state)) {
                    return None;
                }
                self.graph.add_initial(state.clone());
                self.depth = 1;
            }
            Ok(false) => {}
        }
        let invariants = Check::from(model.check_invariants(&state));
        if let Some(f) = self.invariant_failure(invariants, || single(&state)) {
            return Some(f);
        }
        match model.check_initial_properties(&state) {
            Err(e) => Some(error(ErrorSite::InitialProperty, e, single(&state))),
            Ok(Some(index)) => Some(Failure {
                verdict: Verdict::InitialPropertyViolated {
                    index,
                    name: name_at(model.initial_property_names(), index),
                },
                site: None,
                trace: single(&state),
            }),
            Ok(None) => None,
        }
    }

    /// Expands the states with ids in `batch` (of level `level`), stores the new successors
    /// and checks them. Returns the first failure, with the counts at its position.
    fn batch(
        &mut self,
        batch: std::ops::Range<usize>,
        level: u64,
    ) -> Option<(Failure<M::State>, Mark)> {
        let workers = self.options.worker_count();
        let expansions = expand_all(
            self.model,
            &self.seen,
            self.graph.slice(batch.clone()),
            workers,
        );
        let first_new = self.graph.len();
        let mut marks = Vec::new();
        let mut definite = None;
        for (i, expansion) in expansions.into_iter().enumerate() {
            let parent = StateId(batch.start + i);
            definite = self.merge(parent, level, expansion, &mut marks);
            if definite.is_some() {
                break;
            }
        }
        // The invariants of the new states, which all come before any failure of the merge
        // (it stopped there); at the same successor, the invariants are checked first.
        let model = self.model;
        let new_states = self.graph.slice(first_new..self.graph.len());
        let checks = crate::parallel::map(new_states, workers, |s| {
            Check::from(model.check_invariants(s))
        });
        if let Some(k) = checks.iter().position(|c| !c.holds()) {
            let id = StateId(first_new + k);
            let check = checks
                .into_iter()
                .nth(k)
                .expect("k is a position in checks");
            let failure = self
                .invariant_failure(check, || Some(self.graph.trace_to(id)))
                .expect("the check at k fails");
            return Some((failure, marks[k]));
        }
        definite
    }

    /// Merges the successors of `parent` (a state of `level`) in order: counts them, stores
    /// the new ones (recording a mark for each in `marks`) and returns the first failure
    /// that does not depend on invariants of new states.
    fn merge(
        &mut self,
        parent: StateId,
        level: u64,
        expansion: Expansion<M::State>,
        marks: &mut Vec<Mark>,
    ) -> Option<(Failure<M::State>, Mark)> {
        let generated_none = expansion.succs.is_empty();
        let mut new_successors = 0;
        for succ in expansion.succs {
            self.generated += 1;
            let action = succ.action;
            let mut state = succ.state;
            let mut stored = None;
            match succ.class {
                Class::ConstraintFailed(site, e) => {
                    let failure = error(site, e, self.through(parent, action, state));
                    return Some((failure, self.mark(parent, false)));
                }
                Class::Seen => {}
                Class::OutOfModel => {
                    if let Some(f) = self.invariant_failure(succ.invariant, || {
                        self.through(parent, action, state.take())
                    }) {
                        return Some((f, self.mark(parent, false)));
                    }
                }
                Class::Candidate(fp) => {
                    if self.seen.insert(fp) {
                        let new = state.take().expect("a candidate keeps its state");
                        let id = self.graph.add_successor(parent, action, new);
                        self.depth = self.depth.max(level + 1);
                        stored = Some(id);
                        new_successors += 1;
                        marks.push(self.mark(parent, true));
                    }
                }
            }
            if let Some(f) = self.property_failure(succ.property, || match stored {
                Some(id) => Some(self.graph.trace_to(id)),
                None => self.through(parent, action, state.take()),
            }) {
                return Some((f, self.mark(parent, stored.is_some())));
            }
        }
        if let Some(e) = expansion.next_error {
            let parent_state = &self.graph.slice(parent.0..parent.0 + 1)[0];
            let trace = match self.model.incomplete_successor(parent_state, &e) {
                // TLC counts the incomplete successor as generated (not distinct: it is
                // never fingerprinted) and ends the trace with it.
                Some((action, succ)) => {
                    self.generated += 1;
                    self.through(parent, action, Some(succ))
                }
                None => Some(self.graph.trace_to(parent)),
            };
            let failure = error(ErrorSite::Next, e, trace);
            return Some((failure, self.mark(parent, false)));
        }
        if generated_none && self.options.check_deadlock {
            let failure = Failure {
                verdict: Verdict::Deadlock,
                site: None,
                trace: Some(self.graph.trace_to(parent)),
            };
            return Some((failure, self.mark(parent, false)));
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
        Some(self.graph.trace_through(parent, action, state))
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
            Check::Failed(e) => Some(error(site, e, trace())),
            Check::Violated(index) => Some(Failure {
                verdict: violated(index),
                site: None,
                trace: trace(),
            }),
        }
    }
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
