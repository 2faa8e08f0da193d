//! The initial states enumerated in parts (`Model::init_part`, which several workers use)
//! are those of one enumeration, in its order; and a search with several workers reports
//! what a search with one does, at the same initial state.

mod support;

use check::{Model, Options};
use spec::SpecModel;

/// A spec with variables `x`, `y`, the initial predicate `init` and no successor (each state
/// steps to itself), invariant `Inv` (`inv`).
fn model(name: &str, init: &str, inv: &str) -> SpecModel {
    let src = format!(
        "---- MODULE M ----\nEXTENDS Integers\nVARIABLES x, y\nInit == {init}\nNext == UNCHANGED <<x, y>>\nInv == {inv}\n====\n"
    );
    support::load(
        name,
        &[("M.tla", &src)],
        "INIT Init\nNEXT Next\nINVARIANT Inv\n",
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

/// The initial states as text, and the error's message, in `init`'s order.
fn whole(m: &SpecModel) -> (Vec<String>, Option<String>) {
    let mut states = Vec::new();
    let r = m.init(&mut |s| states.push(format!("{:?}", s.values())));
    (states, r.err().map(|e| e.message))
}

/// The same from `parts` parts, by the rule `Model::init_part` states: part after part, up
/// to the first error.
fn in_parts(m: &SpecModel, parts: usize) -> (Vec<String>, Option<String>) {
    let mut states = Vec::new();
    for part in 0..parts {
        let r = m.init_part(part, parts, &mut |s| {
            states.push(format!("{:?}", s.values()))
        });
        if let Err(e) = r {
            return (states, Some(e.message));
        }
    }
    (states, None)
}

const INITS: [(&str, &str); 7] = [
    ("product", r#"x \in 1..5 /\ y \in {"a", "b"}"#),
    (
        "disjunction",
        r#"\/ x = 0 /\ y \in {"a", "b", "c"}
        \/ x \in 1..3 /\ y = "z""#,
    ),
    ("exists", r#"\E i \in 1..4 : x = i /\ y = "q""#),
    ("single", r#"x = 1 /\ y = "only""#),
    (
        "first-choice-of-one",
        r#"x \in {7} /\ y \in {"a", "b", "c"}"#,
    ),
    (
        "guarded",
        r#"x \in 1..6 /\ y \in {"a", "b"} /\ (x % 2 = 0 \/ y = "a")"#,
    ),
    (
        "error",
        r#"x \in 1..4 /\ y = IF x = 3 THEN 1 \div 0 ELSE "ok""#,
    ),
];

#[test]
fn the_parts_together_are_the_whole_enumeration_in_order() {
    for (name, init) in INITS {
        let m = model(&format!("parts-{name}"), init, "TRUE");
        let want = whole(&m);
        assert!(!want.0.is_empty(), "{name}");
        for parts in 1..=5 {
            assert_eq!(in_parts(&m, parts), want, "{name}, {parts} parts");
        }
    }
    // The parts share the work: of 2, part 1 gives the states of x = 3, 4 and 5.
    let m = model("parts-shared", INITS[0].1, "TRUE");
    let mut counts = [0, 0];
    for (part, count) in counts.iter_mut().enumerate() {
        m.init_part(part, 2, &mut |_| *count += 1).unwrap();
    }
    assert_eq!(counts, [4, 6]);
    // The error comes after the states of the alternatives before its own.
    let m = model("parts-error-order", INITS[6].1, "TRUE");
    let (states, error) = whole(&m);
    assert_eq!(states.len(), 2);
    assert!(error.is_some());
}

#[test]
fn two_workers_report_the_failure_at_the_same_initial_state() {
    for (name, init) in INITS {
        // Violated at the third initial state in order (at least), or never.
        let m = model(
            &format!("workers-{name}"),
            init,
            r#"~(x = 3 /\ y \in {"b", "z", "q"})"#,
        );
        let run = |workers| {
            let options = Options {
                workers,
                ..Options::default()
            };
            let o = check::run(&m, &options, &mut check::NullReporter);
            let trace: Vec<String> = (o.trace.iter())
                .flat_map(|t| &t.steps)
                .map(|s| format!("{:?}", s.state.values()))
                .collect();
            (format!("{:?}", o.verdict), o.stats, trace)
        };
        let one = run(1);
        assert_eq!(run(2), one, "{name}");
        assert_eq!(run(3), one, "{name}");
        let holds = ["single", "first-choice-of-one", "guarded"].contains(&name);
        assert_eq!(one.0 == "Ok", holds, "{name}: {}", one.0);
    }
}
