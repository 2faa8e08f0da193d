//! The initial states enumerated in parts (`Model::init_part`, which several workers use)
//! are those of one enumeration, in its order, for any number of parts; and a search with
//! several workers reports what a search with one does, at the same initial state.

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
/// to the first error; and whether part 0 says the enumeration was divided.
fn in_parts(m: &SpecModel, parts: usize) -> (Vec<String>, Option<String>, bool) {
    let mut states = Vec::new();
    let mut divided = false;
    for part in 0..parts {
        let r = m.init_part(part, parts, &mut |s| {
            states.push(format!("{:?}", s.values()))
        });
        match r {
            Err(e) => return (states, Some(e.message), divided),
            Ok(d) if part == 0 => divided = d,
            Ok(d) => assert_eq!(d, divided, "part {part} of {parts}"),
        }
    }
    (states, None, divided)
}

/// Initial predicates, and whether their enumeration meets a choice of two or more.
const INITS: [(&str, &str, bool); 10] = [
    ("product", r#"x \in 1..5 /\ y \in {"a", "b"}"#, true),
    (
        "disjunction",
        r#"\/ x = 0 /\ y \in {"a", "b", "c"}
        \/ x \in 1..3 /\ y = "z""#,
        true,
    ),
    ("exists", r#"\E i \in 1..4 : x = i /\ y = "q""#, true),
    ("single", r#"x = 1 /\ y = "only""#, false),
    (
        "first-choice-of-one",
        r#"x \in {7} /\ y \in {"a", "b", "c"}"#,
        true,
    ),
    (
        "guarded",
        r#"x \in 1..6 /\ y \in {"a", "b"} /\ (x % 2 = 0 \/ y = "a")"#,
        true,
    ),
    (
        "error",
        r#"x \in 1..4 /\ y = IF x = 3 THEN 1 \div 0 ELSE "ok""#,
        true,
    ),
    (
        // Three levels of choices (2, 2 and 3 alternatives): with more parts than the
        // first two give, groups of parts divide again at the next.
        "nested",
        r#"\E i \in 1..2 : x \in {i, i + 10} /\ y \in {"a", "b", "c"}"#,
        true,
    ),
    (
        // Branches of unequal depth: one alternative leads to a state with no further
        // choice, the other to three.
        "uneven",
        r#"x \in {0, 1} /\ y = (IF x = 0 THEN "none" ELSE "some") /\ (x = 0 \/ y \in {"some"})
           /\ (x = 0 \/ \E k \in 1..3 : k > 0)"#,
        true,
    ),
    (
        // A conjunction over instances: each instance may assign or test.
        "forall",
        r#"x \in 1..3 /\ \A i \in {"a", "b"} : y \in {i, "b"}"#,
        true,
    ),
];

#[test]
fn the_parts_together_are_the_whole_enumeration_in_order() {
    for (name, init, divides) in INITS {
        let m = model(&format!("parts-{name}"), init, "TRUE");
        let want = whole(&m);
        assert!(!want.0.is_empty(), "{name}");
        for parts in 1..=14 {
            let (states, error, divided) = in_parts(&m, parts);
            assert_eq!((states, error), want, "{name}, {parts} parts");
            assert_eq!(divided, divides && parts > 1, "{name}, {parts} parts");
        }
    }
    // The parts share the work: of 2, part 1 gives the states of x = 3, 4 and 5.
    let m = model("parts-shared", INITS[0].1, "TRUE");
    let count = |part, parts| {
        let mut n = 0;
        m.init_part(part, parts, &mut |_| n += 1).unwrap();
        n
    };
    assert_eq!([count(0, 2), count(1, 2)], [4, 6]);
    // Of 10, each gets one state: 2 parts for each value of x, which divide at y.
    assert_eq!((0..10).map(|p| count(p, 10)).collect::<Vec<_>>(), [1; 10]);
    // Of 12 parts for 12 states of three levels (2, 2, 3), each gets one state.
    let m = model("parts-nested-each", INITS[7].1, "TRUE");
    let count = |part| {
        let mut n = 0;
        m.init_part(part, 12, &mut |_| n += 1).unwrap();
        n
    };
    assert_eq!((0..12).map(count).collect::<Vec<_>>(), [1; 12]);
    // The error comes after the states of the alternatives before its own.
    let m = model("parts-error-order", INITS[6].1, "TRUE");
    let (states, error) = whole(&m);
    assert_eq!(states.len(), 2);
    assert!(error.is_some());
}

#[test]
fn several_workers_report_the_failure_at_the_same_initial_state() {
    for (name, init, _) in INITS {
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
        let holds = [
            "single",
            "first-choice-of-one",
            "guarded",
            "nested",
            "uneven",
        ];
        assert_eq!(one.0 == "Ok", holds.contains(&name), "{name}: {}", one.0);
    }
}
