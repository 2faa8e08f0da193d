//! The outcome (verdict, counts, trace) does not depend on the number of workers, on models
//! large enough to be split among threads and into several batches.

mod models;

use check::{ActionId, Options, Verdict};
use models::{actions, counts, states, TestModel};

const N: u64 = 30;

/// Three counters in `0..=N` with actions IncA, IncB, IncC, in that order.
fn cube() -> TestModel<(u64, u64, u64)> {
    TestModel::new(
        vec![(0, 0, 0)],
        vec!["IncA", "IncB", "IncC"],
        |&(a, b, c), emit| {
            if a < N {
                emit(ActionId(0), (a + 1, b, c));
            }
            if b < N {
                emit(ActionId(1), (a, b + 1, c));
            }
            if c < N {
                emit(ActionId(2), (a, b, c + 1));
            }
            Ok(())
        },
    )
}

/// Every point of the cube with its number of enabled increments.
fn points() -> impl Iterator<Item = (u64, u64)> {
    (0..=N).flat_map(|a| {
        (0..=N).flat_map(move |b| {
            (0..=N).map(move |c| {
                (
                    a + b + c,
                    [a, b, c].iter().filter(|&&v| v < N).count() as u64,
                )
            })
        })
    })
}

#[test]
fn cube_counts_are_the_same_for_one_two_and_four_workers() {
    // (N+1)^3 states; each increment is enabled in N (N+1)^2 states; depth 3N + 1.
    let expected = (1 + 3 * N * (N + 1) * (N + 1), (N + 1).pow(3), 0, 3 * N + 1);
    for workers in [1, 2, 4] {
        let o = cube().run_no_deadlock(workers);
        assert_eq!(o.verdict, Verdict::Ok, "workers = {workers}");
        assert_eq!(counts(&o), expected, "workers = {workers}");
    }
}

#[test]
fn first_violation_in_the_cube_is_the_same_for_any_number_of_workers() {
    // Invariant a + b + c /= 40. The first state of each level is found from the first state
    // of the previous one by its first enabled action: (30, 10, 0) by IncA x 30, IncB x 10.
    // It is the first successor of the first state of level 40, (30, 9, 0), whose IncA is
    // disabled: every state with sum <= 38 was expanded, generated = 1 + their successors;
    // distinct = states with sum <= 39, plus the violating one; left = level 40 minus the
    // state being expanded.
    let m = cube().invariant("Sum", |&(a, b, c)| a + b + c != 40);
    let expanded: u64 = points().filter(|&(s, _)| s <= 38).map(|(_, e)| e).sum();
    let upto_39 = points().filter(|&(s, _)| s <= 39).count() as u64;
    let level_40 = points().filter(|&(s, _)| s == 39).count() as u64;
    let expected = (1 + expanded + 1, upto_39 + 1, level_40 - 1, 41);
    let mut trace_actions = vec!["Init".to_string()];
    trace_actions.extend(std::iter::repeat_n("IncA".to_string(), 30));
    trace_actions.extend(std::iter::repeat_n("IncB".to_string(), 10));
    let first = m.run(1);
    for workers in [1, 2, 4] {
        let o = m.run(workers);
        assert_eq!(
            o.verdict,
            Verdict::InvariantViolated {
                index: 0,
                name: "Sum".into()
            }
        );
        assert_eq!(counts(&o), expected, "workers = {workers}");
        assert_eq!(actions(&m, &o), trace_actions, "workers = {workers}");
        assert_eq!(o, first, "workers = {workers}");
    }
}

/// A graph on `0..20_000` with many duplicates across parents and a wide first level
/// (9000 initial states, more than one batch).
fn tangle() -> TestModel<u64> {
    TestModel::new(
        (0..9000).collect(),
        vec!["Mul", "Square", "Half"],
        |&x, emit| {
            emit(ActionId(0), (x * 7 + 3) % 20_000);
            emit(ActionId(1), (x * x + 1) % 20_000);
            emit(ActionId(2), x / 2);
            Ok(())
        },
    )
}

#[test]
fn wide_levels_give_the_same_outcome_for_any_number_of_workers() {
    let ok = tangle().run(1);
    let violation = tangle().invariant("NotMany", |&x| x % 1000 != 999).run(1);
    let property = tangle()
        .action_property("Shrinks", |&x, &y| y <= x || x < 19_000)
        .run(1);
    let limited = tangle().run_with(&Options {
        max_states: Some(12_000),
        ..Options::default()
    });
    assert_eq!(ok.verdict, Verdict::Ok);
    assert!(matches!(
        violation.verdict,
        Verdict::InvariantViolated { .. }
    ));
    assert!(matches!(
        property.verdict,
        Verdict::ActionPropertyViolated { .. }
    ));
    assert!(matches!(limited.verdict, Verdict::Incomplete(_)));
    // Packed states, and checks that may be evaluated on the threads that find the states
    // (impure ones are not), give the same outcomes.
    let codec = |m: TestModel<u64>| {
        m.packed(
            |x, out| out.extend_from_slice(&x.to_le_bytes()),
            |b| u64::from_le_bytes(b.try_into().expect("eight bytes")),
        )
    };
    for workers in [1, 2, 4] {
        let m = codec(tangle().invariant("NotMany", |&x| x % 1000 != 999));
        assert_eq!(m.run(workers), violation, "packed, workers = {workers}");
        let m = codec(tangle().invariant("NotMany", |&x| x % 1000 != 999)).impure_checks();
        assert_eq!(
            m.run(workers),
            violation,
            "packed, impure, workers = {workers}"
        );
        let m = tangle()
            .invariant("NotMany", |&x| x % 1000 != 999)
            .impure_checks();
        assert_eq!(m.run(workers), violation, "impure, workers = {workers}");
        let m = codec(tangle().action_property("Shrinks", |&x, &y| y <= x || x < 19_000));
        assert_eq!(m.run(workers), property, "packed, workers = {workers}");
    }
    for workers in [2, 4] {
        assert_eq!(tangle().run(workers), ok, "workers = {workers}");
        let m = tangle().invariant("NotMany", |&x| x % 1000 != 999);
        assert_eq!(m.run(workers), violation, "workers = {workers}");
        let m = tangle().action_property("Shrinks", |&x, &y| y <= x || x < 19_000);
        assert_eq!(m.run(workers), property, "workers = {workers}");
        let options = Options {
            max_states: Some(12_000),
            workers,
            ..Options::default()
        };
        assert_eq!(tangle().run_with(&options), limited, "workers = {workers}");
    }
}

/// A fan: 0 has the 20 000 successors `1..=20_000` (level 2, five batches of parents); each
/// of those has one successor, itself plus 20 000 (level 3); the states of level 3 have
/// none. State `x` of level 2 is stored with id `x`.
fn fan() -> TestModel<u64> {
    TestModel::new(vec![0], vec!["Spread", "Shift"], |&x, emit| {
        if x == 0 {
            (1..=20_000).for_each(|y| emit(ActionId(0), y));
        } else if x <= 20_000 {
            emit(ActionId(1), x + 20_000);
        }
        Ok(())
    })
}

#[test]
fn an_invariant_violation_wins_over_a_later_failure_found_first() {
    // 25 000 (the successor of 5000, in the second batch of level 2's parents) violates the
    // invariant; the step 9000 -> 29 000 (third batch) violates an action property. With
    // several workers the later batch may be merged before the invariants of the earlier
    // one are known; the first failure in (parent, successor) order is still the one
    // reported. Parents 1..=5000 were expanded: generated = 1 + 20 000 + 5000; distinct
    // likewise (the violating state is stored); left = level 2 after 5000 (15 000) plus the
    // 4999 states of level 3 found before the violating one; depth 3.
    let m = fan()
        .invariant("Not25000", |&x| x != 25_000)
        .action_property("Not9000", |&x, _| x != 9000);
    for workers in [1, 2, 4] {
        let o = m.run_no_deadlock(workers);
        assert_eq!(
            o.verdict,
            Verdict::InvariantViolated {
                index: 0,
                name: "Not25000".into()
            },
            "workers = {workers}"
        );
        assert_eq!(
            counts(&o),
            (25_001, 25_001, 19_999, 3),
            "workers = {workers}"
        );
        assert_eq!(states(&o), [0, 5000, 25_000], "workers = {workers}");
        assert_eq!(
            actions(&m, &o),
            ["Init", "Spread", "Shift"],
            "workers = {workers}"
        );
    }
}

#[test]
fn an_invariant_violation_in_the_last_batch_before_a_limit_is_reported() {
    // The state limit is reached after the first batch of level 2's parents (ids 1..=4096),
    // whose successors include the violating 24 000 (successor of 4000): the violation is
    // reported, with the counts at its position: 4000 parents expanded.
    let m = fan().invariant("Not24000", |&x| x != 24_000);
    for workers in [1, 2, 4] {
        let options = Options {
            max_states: Some(20_002),
            workers,
            check_deadlock: false,
            ..Options::default()
        };
        let o = m.run_with(&options);
        assert!(
            matches!(o.verdict, Verdict::InvariantViolated { .. }),
            "workers = {workers}"
        );
        assert_eq!(
            counts(&o),
            (24_001, 24_001, 19_999, 3),
            "workers = {workers}"
        );
    }
}

#[test]
fn an_initial_state_violation_after_several_batches_of_initial_states() {
    // 10 000 initial states 0..10 000 (three batches); 9000 violates the invariant: every
    // state before it was generated, stored and enqueued, and so was the violator.
    let m = TestModel::new((0..10_000u64).collect(), vec!["Stay"], |&x, emit| {
        emit(ActionId(0), x);
        Ok(())
    })
    .invariant("Not9000", |&x| x != 9000);
    for workers in [1, 2, 4] {
        let o = m.run(workers);
        assert!(
            matches!(o.verdict, Verdict::InvariantViolated { .. }),
            "workers = {workers}"
        );
        assert_eq!(counts(&o), (9001, 9001, 9001, 1), "workers = {workers}");
        assert_eq!(states(&o), [9000], "workers = {workers}");
    }
}

#[test]
fn a_trace_rebuilt_from_fingerprints_is_the_trace_of_kept_states() {
    // The search keeps only two levels of states and generates a trace's older states
    // again; a model that cannot be run again has every state kept. Both give the same
    // outcome: in the cube (a 41-step trace), with a constraint that leaves out the first
    // successor of some states, and with action properties and deadlocks in the tangle.
    let cube_sum = || cube().invariant("Sum", |&(a, b, c)| a + b + c != 40);
    let constrained = || {
        cube()
            .constraint(|&(a, b, _)| a != 12 || b > 3)
            .invariant("Sum", |&(a, b, c)| a + b + c != 40)
    };
    let property = || tangle().action_property("Shrinks", |&x, &y| y <= x || x < 19_000);
    let deadlock = || {
        TestModel::new(vec![0u64], vec!["Step"], |&x, emit| {
            if x < 50 {
                emit(ActionId(0), x + 1);
            }
            Ok(())
        })
    };
    for workers in [1, 2] {
        assert_eq!(
            cube_sum().run(workers),
            cube_sum().keeping_every_state().run(workers)
        );
        let o = constrained().run(workers);
        assert_eq!(o, constrained().keeping_every_state().run(workers));
        assert!(
            states(&o).iter().all(|&(a, b, _)| a != 12 || b > 3),
            "{:?}",
            states(&o)
        );
        assert_eq!(
            property().run(workers),
            property().keeping_every_state().run(workers)
        );
        let o = deadlock().run(workers);
        assert_eq!(o.verdict, Verdict::Deadlock);
        assert_eq!(states(&o), (0..=50).collect::<Vec<u64>>());
        assert_eq!(o, deadlock().keeping_every_state().run(workers));
    }
}

#[test]
fn a_seen_set_spilled_to_disk_gives_the_same_outcome() {
    // An 8 KiB table (64 shards of 16 slots, all written out once one holds 12, so at most
    // 768 fingerprints in memory) against the cube's 29 791 states, and the links of finished levels on disk: the outcome, traces included, is that
    // of a search with everything in memory.
    let dir = tempfile::tempdir().unwrap();
    let cube_sum = || cube().invariant("Sum", |&(a, b, c)| a + b + c != 40);
    let ok = cube().run_no_deadlock(1);
    let violation = cube_sum().run(1);
    let property = tangle()
        .action_property("Shrinks", |&x, &y| y <= x || x < 19_000)
        .run(1);
    for workers in [1, 2] {
        let options = Options {
            workers,
            memory: Some(8 << 10),
            spill_dir: Some(dir.path().to_path_buf()),
            ..Options::default()
        };
        let mut spilled = cube().run_with(&options.clone().with_deadlock_check(false));
        assert!(spilled.disk.runs >= 29_791 / 768, "{:?}", spilled.disk);
        let on_disk = spilled.disk.fingerprints;
        assert!(on_disk <= 29_791 && on_disk + 768 >= 29_791, "{on_disk}");
        assert_eq!(spilled.disk.error, None);
        spilled.disk = Default::default();
        assert_eq!(spilled, ok, "workers = {workers}");

        let mut spilled = cube_sum().run_with(&options);
        // The trace's earlier states are rebuilt from links read back from disk.
        assert!(
            spilled.disk.runs > 0 && spilled.disk.links > 0,
            "{:?}",
            spilled.disk
        );
        spilled.disk = Default::default();
        assert_eq!(spilled, violation, "workers = {workers}");

        let m = tangle().action_property("Shrinks", |&x, &y| y <= x || x < 19_000);
        let mut spilled = m.run_with(&options);
        spilled.disk = Default::default();
        assert_eq!(spilled, property, "workers = {workers}");
    }
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing left behind"
    );
}
