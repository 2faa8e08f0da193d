//! The engine's counting and checking rules on tiny models, with every expected figure
//! derived by hand from TLC's rules (see the `search` module documentation): generated =
//! initial states + every successor produced; distinct = states put in the seen set; left on
//! queue = distinct states not yet expanded (a violating successor is never enqueued, a
//! violating initial state is); depth = the deepest level of a distinct state.
//!
//! The figures of the grid, constraint, action-constraint, deadlock, action-property and
//! evaluation-error cases were also confirmed by running TLC 2.19 with one worker on the
//! equivalent TLA+ specs.

mod models;

use check::{ActionId, ErrorSite, ModelError, Verdict};
use models::{actions, counter, counts, grid, states, TestModel};

/// `x' = (x + 1) % n` from 0: `n` distinct states in a cycle, each with one successor.
fn modulo(n: u64) -> TestModel<u64> {
    TestModel::new(vec![0], vec!["Next"], move |&x, emit| {
        emit(ActionId(0), (x + 1) % n);
        Ok(())
    })
}

#[test]
fn counter_modulo_n_visits_every_value_once() {
    // 1 initial state + one successor for each of the 5 states; the last one is 0 again.
    let o = modulo(5).run(1);
    assert_eq!(o.verdict, Verdict::Ok);
    assert!(o.complete);
    assert!(o.trace.is_none());
    assert_eq!(counts(&o), (6, 5, 0, 5));
}

#[test]
fn grid_has_a_state_per_pair_and_an_edge_per_enabled_increment() {
    // (a+1)(b+1) = 4 * 3 = 12 states; IncA is enabled in 3 * 3 states, IncB in 4 * 2:
    // 1 + 9 + 8 = 18 generated; the level of (a, b) is a + b + 1, so the depth is 6.
    let o = grid(3, 2).run_no_deadlock(1);
    assert_eq!(o.verdict, Verdict::Ok);
    assert_eq!(counts(&o), (18, 12, 0, 6));
    // New successors per state in BFS order: (0,0) 2, (1,0) 2, (0,1) 1, (2,0) 2, (1,1) 1,
    // (0,2) 0, (3,0) 1, (2,1) 1, (1,2) 0, (3,1) 1, (2,2) 0, (3,2) 0: mean 11/12, rounded 1;
    // min 0, max 2; the 95th percentile is the bucket holding sample number 11: 2.
    let d = o.outdegree;
    assert_eq!(d.observations(), 12);
    assert_eq!(
        (d.min(), d.max(), d.percentile(0.95)),
        (Some(0), Some(2), Some(2))
    );
    assert_eq!(d.mean().map(f64::round), Some(1.0));
}

#[test]
fn the_corner_of_the_grid_deadlocks_after_everything_else() {
    // (3, 2) is the only state without successors, the only state of the last level, and the
    // last one expanded: every count is final. Its first-found parent is (3, 1) (level 5 is
    // [(3,1), (2,2)] in BFS order), whose is (3, 0): IncA three times, then IncB twice.
    let m = grid(3, 2);
    let o = m.run(1);
    assert_eq!(o.verdict, Verdict::Deadlock);
    assert!(!o.complete);
    assert_eq!(counts(&o), (18, 12, 0, 6));
    assert_eq!(
        actions(&m, &o),
        ["Init", "IncA", "IncA", "IncA", "IncB", "IncB"]
    );
    assert_eq!(states(&o).last(), Some(&(3, 2)));
}

#[test]
fn a_state_with_only_initial_states_has_depth_one() {
    // Two initial states, no successor at all; without deadlock checking the run is complete.
    let m = TestModel::new(vec![7u64, 8], vec!["None"], |_, _| Ok(()));
    let o = m.run_no_deadlock(1);
    assert_eq!(o.verdict, Verdict::Ok);
    assert_eq!(counts(&o), (2, 2, 0, 1));
}

#[test]
fn duplicate_initial_states_count_as_generated_only() {
    let m = TestModel::new(vec![1u64, 1, 2], vec!["None"], |_, _| Ok(()));
    let o = m.run_no_deadlock(1);
    assert_eq!(counts(&o), (3, 2, 0, 1));
}

#[test]
fn no_initial_state_gives_depth_zero() {
    let m = TestModel::new(Vec::<u64>::new(), vec!["Inc"], |_, _| Ok(()));
    let o = m.run(1);
    assert_eq!(o.verdict, Verdict::Ok);
    assert_eq!(counts(&o), (0, 0, 0, 0));
}

#[test]
fn deadlock_is_reported_with_the_counts_of_that_moment() {
    // 0 has successors 1 (Step) and 100 (Trap); 100 has none; 1 -> 2 -> … .
    // Expand 0: generated 3, distinct 3. Expand 1: 2 is new, generated 4, distinct 4.
    // Expand 100: deadlock. The queue holds 2; the deepest state, 2, is at level 3.
    let m = TestModel::new(vec![0u64], vec!["Step", "Trap"], |&x, emit| {
        if x < 10 {
            emit(ActionId(0), x + 1);
        }
        if x == 0 {
            emit(ActionId(1), 100);
        }
        Ok(())
    });
    let o = m.run(1);
    assert_eq!(o.verdict, Verdict::Deadlock);
    assert_eq!(counts(&o), (4, 4, 1, 3));
    assert_eq!(states(&o), [0, 100]);
    assert_eq!(actions(&m, &o), ["Init", "Trap"]);
}

#[test]
fn a_counter_deadlocks_at_its_bound() {
    // 0 .. 4: 5 states on 5 levels, 4 steps; 4 has no successor.
    let m = counter(vec![0], 4);
    let o = m.run(1);
    assert_eq!(o.verdict, Verdict::Deadlock);
    assert_eq!(counts(&o), (5, 5, 0, 5));
    assert_eq!(states(&o), [0, 1, 2, 3, 4]);
    let o = m.run_no_deadlock(1);
    assert_eq!(o.verdict, Verdict::Ok);
    assert_eq!(counts(&o), (5, 5, 0, 5));
}

#[test]
fn invariant_violated_at_depth_k_has_the_unique_shortest_trace() {
    // x = 5 is found at level 6 by 5 steps; it is stored (distinct) but not enqueued.
    let m = counter(vec![0], 100).invariant("Small", |&x| x < 5);
    let o = m.run(1);
    assert_eq!(
        o.verdict,
        Verdict::InvariantViolated {
            index: 0,
            name: "Small".into()
        }
    );
    assert_eq!(counts(&o), (6, 6, 0, 6));
    assert_eq!(states(&o), [0, 1, 2, 3, 4, 5]);
}

#[test]
fn invariant_violated_in_the_grid_stops_at_the_first_failing_successor() {
    // BFS order: (0,0) | (1,0) (0,1) | (2,0) (1,1) (0,2) | (3,0) (2,1) …
    // Expand (0,0): gen 3, dist 3. Expand (1,0): (2,0), (1,1) new: gen 5, dist 5.
    // Expand (0,1): (1,1) seen, (0,2) new: gen 7, dist 6. Expand (2,0): (3,0) new (gen 8,
    // dist 7), (2,1) new and violating (gen 9, dist 8). Queue: (1,1) (0,2) (3,0).
    let m = grid(3, 2).invariant("NotTwoOne", |&(a, b)| (a, b) != (2, 1));
    let o = m.run(1);
    assert_eq!(
        o.verdict,
        Verdict::InvariantViolated {
            index: 0,
            name: "NotTwoOne".into()
        }
    );
    assert_eq!(counts(&o), (9, 8, 3, 4));
    assert_eq!(actions(&m, &o), ["Init", "IncA", "IncA", "IncB"]);
    assert_eq!(states(&o), [(0, 0), (1, 0), (2, 0), (2, 1)]);
}

#[test]
fn the_first_failing_invariant_is_named() {
    let m = counter(vec![0], 10)
        .invariant("Below9", |&x| x < 9)
        .invariant("Below3", |&x| x < 3);
    let o = m.run(1);
    assert_eq!(
        o.verdict,
        Verdict::InvariantViolated {
            index: 1,
            name: "Below3".into()
        }
    );
}

#[test]
fn invariant_violated_by_an_initial_state() {
    // Initial states 0, 1, 2 are checked as they come: 1 violates; 2 is never generated.
    // Both 0 and 1 were enqueued before being checked.
    let m = TestModel::new(vec![0u64, 1, 2], vec!["None"], |_, _| Ok(()))
        .invariant("Zero", |&x| x == 0);
    let o = m.run(1);
    assert_eq!(
        o.verdict,
        Verdict::InvariantViolated {
            index: 0,
            name: "Zero".into()
        }
    );
    assert_eq!(counts(&o), (2, 2, 2, 1));
    assert_eq!(states(&o), [1]);
}

#[test]
fn initial_property_checked_after_invariants_on_initial_states_only() {
    let m = counter(vec![0, 3], 5).initial_property("InitOk", |&x| x == 0);
    let o = m.run(1);
    assert_eq!(
        o.verdict,
        Verdict::InitialPropertyViolated {
            index: 0,
            name: "InitOk".into()
        }
    );
    assert_eq!(counts(&o), (2, 2, 2, 1));
    assert_eq!(states(&o), [3]);
    // Successors are not checked against it: 1 .. 5 would all fail it.
    let m = counter(vec![0], 5).initial_property("InitOk", |&x| x == 0);
    assert_eq!(m.run_no_deadlock(1).verdict, Verdict::Ok);
}

#[test]
fn a_successor_outside_the_constraint_counts_as_generated_not_distinct() {
    // CONSTRAINT x <= 3: 3 -> 4 is generated; 4 is neither distinct nor explored. 3 is not
    // deadlocked since it generated a successor. Generated 1 + 4, distinct 4, depth 4.
    let m = counter(vec![0], 100).constraint(|&x| x <= 3);
    let o = m.run(1);
    assert_eq!(o.verdict, Verdict::Ok);
    assert_eq!(counts(&o), (5, 4, 0, 4));
}

#[test]
fn a_successor_outside_the_constraint_is_still_invariant_checked() {
    // 4 violates; it was never written to the trace, so the depth stays 4, distinct 4.
    let m = counter(vec![0], 100)
        .constraint(|&x| x <= 3)
        .invariant("NotFour", |&x| x != 4);
    let o = m.run(1);
    assert_eq!(
        o.verdict,
        Verdict::InvariantViolated {
            index: 0,
            name: "NotFour".into()
        }
    );
    assert_eq!(counts(&o), (5, 4, 0, 4));
    assert_eq!(states(&o), [0, 1, 2, 3, 4]);
}

#[test]
fn a_state_outside_the_constraint_is_checked_every_time_it_is_generated() {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::Arc;
    // 0 -> 1, 0 -> 2, 1 -> 9, 2 -> 9, with CONSTRAINT x < 9: 9 is generated twice and
    // checked twice (a distinct state would be checked once).
    let checks = Arc::new(AtomicU64::new(0));
    let seen = checks.clone();
    let m = TestModel::new(vec![0u64], vec!["A", "B"], |&x, emit| {
        match x {
            0 => {
                emit(ActionId(0), 1);
                emit(ActionId(1), 2);
            }
            1 | 2 => emit(ActionId(0), 9),
            _ => {}
        }
        Ok(())
    })
    .constraint(|&x| x < 9)
    .invariant("Count", move |&x| {
        if x == 9 {
            seen.fetch_add(1, Ordering::Relaxed);
        }
        true
    });
    let o = m.run(1);
    assert_eq!(o.verdict, Verdict::Ok);
    assert_eq!(counts(&o), (5, 3, 0, 2));
    assert_eq!(checks.load(Ordering::Relaxed), 2);
}

#[test]
fn the_state_constraint_is_not_evaluated_again_on_a_successor_already_seen() {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::Arc;
    // 0 -> 1, 0 -> 2, 1 -> 3, 2 -> 3, 3 -> 0 under a constraint that holds everywhere:
    // generated 1 + 2 + 2 + 1, distinct 4, depth 3. The step 3 -> 0 leads to the initial
    // state, in the seen set since the first level: it was within the constraint then and
    // is the same state now, so a model that gives the same states again has its
    // constraint evaluated on 0 once. A model that may not (its constraint could print or
    // read the search's level) has it evaluated on every successor, as TLC does.
    let diamond = |evaluations: Arc<AtomicU64>| {
        TestModel::new(vec![0u64], vec!["A", "B"], |&x, emit| {
            match x {
                0 => {
                    emit(ActionId(0), 1);
                    emit(ActionId(1), 2);
                }
                1 | 2 => emit(ActionId(0), 3),
                _ => emit(ActionId(0), 0),
            }
            Ok(())
        })
        .constraint(move |&x| {
            if x == 0 {
                evaluations.fetch_add(1, Ordering::Relaxed);
            }
            true
        })
    };
    for workers in [1, 2] {
        let evaluations = Arc::new(AtomicU64::new(0));
        let o = diamond(evaluations.clone()).run(workers);
        assert_eq!(o.verdict, Verdict::Ok);
        assert_eq!(counts(&o), (6, 4, 0, 3));
        assert_eq!(evaluations.load(Ordering::Relaxed), 1);

        let evaluations = Arc::new(AtomicU64::new(0));
        let o = diamond(evaluations.clone())
            .keeping_every_state()
            .run(workers);
        assert_eq!(counts(&o), (6, 4, 0, 3));
        assert_eq!(evaluations.load(Ordering::Relaxed), 2);
    }
}

#[test]
fn an_initial_state_outside_the_constraint_is_checked_not_counted_as_distinct() {
    // Init {0, 5}, CONSTRAINT x <= 3, x' = x + 1 while x < 3: generated 2 + 3, distinct 0..3.
    let m = counter(vec![0, 5], 3).constraint(|&x| x <= 3);
    let o = m.run_no_deadlock(1);
    assert_eq!(o.verdict, Verdict::Ok);
    assert_eq!(counts(&o), (5, 4, 0, 4));
    // With an invariant that 5 violates: the run stops at the second initial state, with 0
    // in the queue.
    let m = counter(vec![0, 5], 3)
        .constraint(|&x| x <= 3)
        .invariant("NotFive", |&x| x != 5);
    let o = m.run(1);
    assert_eq!(
        o.verdict,
        Verdict::InvariantViolated {
            index: 0,
            name: "NotFive".into()
        }
    );
    assert_eq!(counts(&o), (2, 1, 1, 1));
    assert_eq!(states(&o), [5]);
}

#[test]
fn an_action_constraint_discards_steps_that_still_count_as_generated() {
    // Grid 2 x 2 with ACTION_CONSTRAINT "no IncB from a = 0": (0, b > 0) are unreachable.
    // Distinct: (0,0) and the 2 * 3 states with a >= 1 = 7. Successors generated: from
    // (0,0) 2 (one rejected); a = 1: IncA 3 + IncB 2; a = 2: IncB 2; total 1 + 9 = 10.
    // Levels: (1,0) 2, (2,0) (1,1) 3, (2,1) (1,2) 4, (2,2) 5.
    let m = grid(2, 2).action_constraint(|&(a, _), &(_, b2)| !(a == 0 && b2 > 0));
    let o = m.run_no_deadlock(1);
    assert_eq!(o.verdict, Verdict::Ok);
    assert_eq!(counts(&o), (10, 7, 0, 5));
}

#[test]
fn a_step_rejected_by_the_action_constraint_is_still_invariant_checked() {
    // From (0,0): (1,0) new (gen 2, dist 2, enqueued); (0,1) rejected, checked, violating.
    let m = grid(2, 2)
        .action_constraint(|&(a, _), &(_, b2)| !(a == 0 && b2 > 0))
        .invariant("NotZeroOne", |&s| s != (0, 1));
    let o = m.run(1);
    assert_eq!(
        o.verdict,
        Verdict::InvariantViolated {
            index: 0,
            name: "NotZeroOne".into()
        }
    );
    assert_eq!(counts(&o), (3, 2, 1, 2));
    assert_eq!(actions(&m, &o), ["Init", "IncB"]);
}

#[test]
fn a_state_whose_successors_are_all_rejected_is_not_deadlocked() {
    let m = counter(vec![0], 100).action_constraint(|_, _| false);
    let o = m.run(1);
    assert_eq!(o.verdict, Verdict::Ok);
    assert_eq!(counts(&o), (2, 1, 0, 1));
}

#[test]
fn action_property_is_checked_on_steps_to_seen_states() {
    // [][x' = x + 1]_x fails on the wrap-around step 4 -> 0, to a state seen long before.
    // All 5 states were distinct and expanded: generated 6, distinct 5, depth 5.
    let m = modulo(5).action_property("Increasing", |&x, &y| y == x + 1);
    let o = m.run(1);
    assert_eq!(
        o.verdict,
        Verdict::ActionPropertyViolated {
            index: 0,
            name: "Increasing".into()
        }
    );
    assert_eq!(counts(&o), (6, 5, 0, 5));
    assert_eq!(states(&o), [0, 1, 2, 3, 4, 0]);
}

#[test]
fn an_error_in_next_is_reported_with_the_trace_to_the_state_being_expanded() {
    let m = TestModel::new(vec![0u64], vec!["Inc"], |&x, emit| {
        if x == 3 {
            return Err(ModelError::new("boom"));
        }
        emit(ActionId(0), x + 1);
        Ok(())
    });
    let o = m.run(1);
    assert_eq!(o.verdict, Verdict::Error(ModelError::new("boom")));
    assert_eq!(o.error_site, Some(ErrorSite::Next));
    assert_eq!(counts(&o), (4, 4, 0, 4));
    assert_eq!(states(&o), [0, 1, 2, 3]);
}

#[test]
fn successors_emitted_before_an_error_in_next_are_processed() {
    // 3 emits 13 (new: generated 5, distinct 5, enqueued, level 5), then fails.
    let m = TestModel::new(vec![0u64], vec!["Inc", "Jump"], |&x, emit| {
        if x == 3 {
            emit(ActionId(1), 13);
            return Err(ModelError::new("boom"));
        }
        emit(ActionId(0), x + 1);
        Ok(())
    });
    let o = m.run(1);
    assert_eq!(o.error_site, Some(ErrorSite::Next));
    assert_eq!(counts(&o), (5, 5, 1, 5));
    assert_eq!(states(&o), [0, 1, 2, 3]);
}

#[test]
fn an_error_in_an_invariant_is_reported_with_the_trace_to_that_state() {
    // 2 is new (distinct 3, depth 3), fails to evaluate, and is not enqueued.
    let m = counter(vec![0], 10).fallible_invariant("Inv", |&x| {
        if x == 2 {
            Err(ModelError::new("cannot evaluate"))
        } else {
            Ok(true)
        }
    });
    let o = m.run(1);
    assert_eq!(
        o.verdict,
        Verdict::Error(ModelError::new("cannot evaluate"))
    );
    assert_eq!(o.error_site, Some(ErrorSite::Invariant));
    assert_eq!(counts(&o), (3, 3, 0, 3));
    assert_eq!(states(&o), [0, 1, 2]);
}

#[test]
fn an_error_in_init_has_no_trace() {
    let mut m = counter(vec![0], 3);
    m.init = Err(ModelError::new("no init"));
    let o = m.run(1);
    assert_eq!(o.verdict, Verdict::Error(ModelError::new("no init")));
    assert_eq!(o.error_site, Some(ErrorSite::Init));
    assert!(o.trace.is_none());
    assert_eq!(counts(&o), (0, 0, 0, 0));
}
