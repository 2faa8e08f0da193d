//! Limits, the reporter's events, and how often checks are evaluated.

mod models;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use check::{Limit, Options, Reporter, StartInfo, Stats, Verdict};
use models::{counter, counts, grid};

#[test]
fn max_depth_stops_before_expanding_that_level() {
    // Levels 1, 2, 3 hold 0, 1, 2; level 3 is not expanded: 2 is left on the queue.
    let options = Options {
        max_depth: Some(3),
        ..Options::default()
    };
    let o = counter(vec![0], 100).run_with(&options);
    assert_eq!(o.verdict, Verdict::Incomplete(Limit::MaxDepth));
    assert!(!o.complete);
    assert_eq!(counts(&o), (3, 3, 1, 3));
}

#[test]
fn a_raised_stop_flag_ends_the_search_after_a_batch() {
    let stop = Arc::new(AtomicBool::new(true));
    let options = Options {
        stop: Some(stop),
        ..Options::default()
    };
    // The first batch is the single initial state: 0 is expanded, 1 is left.
    let o = counter(vec![0], 100).run_with(&options);
    assert_eq!(o.verdict, Verdict::Incomplete(Limit::Stopped));
    assert_eq!(counts(&o), (2, 2, 1, 2));
}

#[test]
fn impure_invariants_are_evaluated_once_per_distinct_state_for_any_number_of_workers() {
    for workers in [1, 2, 4] {
        let calls = Arc::new(AtomicU64::new(0));
        let seen = calls.clone();
        let m = grid(40, 40)
            .invariant("Count", move |_| {
                seen.fetch_add(1, Ordering::Relaxed);
                true
            })
            .impure_checks();
        let o = m.run_no_deadlock(workers);
        assert_eq!(o.verdict, Verdict::Ok);
        assert_eq!(o.stats.distinct, 41 * 41);
        assert_eq!(
            calls.load(Ordering::Relaxed),
            41 * 41,
            "workers = {workers}"
        );
    }
}

#[test]
fn pure_invariants_are_evaluated_on_every_distinct_state_for_any_number_of_workers() {
    // With several workers they may also be evaluated on some duplicates; every distinct
    // state is evaluated, and only the results of new states count.
    for workers in [1, 2, 4] {
        let calls = Arc::new(std::sync::Mutex::new(std::collections::HashSet::new()));
        let seen = calls.clone();
        let m = grid(40, 40).invariant("Count", move |&s| {
            seen.lock().unwrap().insert(s);
            true
        });
        let o = m.run_no_deadlock(workers);
        assert_eq!(o.verdict, Verdict::Ok);
        assert_eq!(o.stats.distinct, 41 * 41);
        assert_eq!(calls.lock().unwrap().len(), 41 * 41, "workers = {workers}");
    }
}

#[derive(Default)]
struct Recorder {
    events: Vec<String>,
}

impl Reporter for Recorder {
    fn started(&mut self, info: &StartInfo) {
        self.events.push(format!("started {}", info.workers));
    }
    fn initial_states(&mut self, stats: &Stats) {
        self.events
            .push(format!("init {} {}", stats.generated, stats.distinct));
    }
    fn level_finished(&mut self, stats: &Stats) {
        self.events.push(format!(
            "level {} {} {} {}",
            stats.depth, stats.generated, stats.distinct, stats.left_on_queue
        ));
    }
    fn done(&mut self, verdict: &Verdict, stats: &Stats) {
        self.events
            .push(format!("done {verdict:?} {}", stats.distinct));
    }
}

#[test]
fn the_reporter_sees_each_level_in_order() {
    // Grid 1 x 1: (0,0) | (1,0) (0,1) | (1,1). After level 1: generated 3, left 2.
    let m = grid(1, 1);
    let mut recorder = Recorder::default();
    let options = Options::default()
        .with_workers(2)
        .with_deadlock_check(false);
    let o = check::run(&m, &options, &mut recorder);
    assert_eq!(o.verdict, Verdict::Ok);
    let events: Vec<String> = recorder.events;
    assert_eq!(
        events,
        [
            "started 2",
            "init 1 1",
            "level 2 3 3 2",
            "level 3 5 4 1",
            "level 3 5 4 0",
            "done Ok 4"
        ]
    );
}
