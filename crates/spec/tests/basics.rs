//! End-to-end tests: a spec and cfg are loaded and explored; state counts are derived by
//! hand in the comments.

mod support;

use support::{explore, load, Outcome};

#[test]
fn counter_with_constant_bound() {
    // x ranges over 0..N with N = 3: states x = 0, 1, 2, 3.
    let m = load(
        "counter",
        &[(
            "Counter.tla",
            "---- MODULE Counter ----\nEXTENDS Naturals\nCONSTANT N\nVARIABLE x\nInit == x = 0\nInc == x < N /\\ x' = x + 1\nReset == x = N /\\ x' = 0\nNext == Inc \\/ Reset\nInv == x <= N\n====\n",
        )],
        "CONSTANT N = 3\nINIT Init\nNEXT Next\nINVARIANT Inv\n",
    )
    .expect("loads");
    assert_eq!(explore(&m), Outcome::Ok(4));
    assert_eq!(m.action_count(), 2);
    assert_eq!(
        check::Model::action_label(&m, check::ActionId(0)),
        "Inc line 6, col 8 to line 6, col 26 of module Counter"
    );
}

#[test]
fn two_processes_with_exists_and_unchanged() {
    // pc: [{p1, p2} -> {"a", "b"}], 4 states; each step flips one process from a to b
    // or back. All 4 reachable.
    let m = load(
        "procs",
        &[(
            "Procs.tla",
            r#"---- MODULE Procs ----
CONSTANT P
VARIABLES pc, n
Init == pc = [p \in P |-> "a"] /\ n = 0
Flip(p) == /\ pc' = [pc EXCEPT ![p] = IF @ = "a" THEN "b" ELSE "a"]
           /\ UNCHANGED n
Next == \E p \in P : Flip(p)
Spec == Init /\ [][Next]_<<pc, n>>
TypeOK == pc \in [P -> {"a", "b"}]
===="#,
        )],
        "CONSTANT P = {p1, p2}\nSPECIFICATION Spec\nINVARIANT TypeOK\n",
    )
    .expect("loads");
    assert_eq!(explore(&m), Outcome::Ok(4));
    // One action per process, named by the operator with its parameter.
    assert_eq!(m.action_count(), 2);
    assert!(check::Model::action_label(&m, check::ActionId(0)).starts_with("Flip(p1) line 5"));
}

#[test]
fn invariant_violation_is_found() {
    let m = load(
        "viol",
        &[(
            "V.tla",
            "---- MODULE V ----\nEXTENDS Integers, Sequences\nVARIABLE s\nInit == s = <<>>\nNext == Len(s) < 5 /\\ s' = Append(s, Len(s))\nInv == Len(s) < 3\n====\n",
        )],
        "INIT Init\nNEXT Next\nINVARIANT Inv\n",
    )
    .expect("loads");
    assert_eq!(explore(&m), Outcome::Violated("Inv".to_string()));
}

#[test]
fn incomplete_successor_is_an_error() {
    let m = load(
        "incomplete",
        &[(
            "I.tla",
            "---- MODULE I ----\nVARIABLES x, y\nInit == x = 0 /\\ y = 0\nNext == x' = 1\n====\n",
        )],
        "INIT Init\nNEXT Next\n",
    )
    .expect("loads");
    match explore(&m) {
        Outcome::Error(msg) => assert!(
            msg.contains("not completely specified") && msg.contains("y"),
            "{msg}"
        ),
        other => panic!("expected an error, got {other:?}"),
    }
}
