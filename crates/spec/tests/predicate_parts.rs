//! Invariants and state constraints checked part by part in successors: a conjunct whose
//! variables a step left alone is not evaluated again; every other conjunct is, and errors
//! read as in a plain check.

mod support;

use check::Model;
use spec::{SpecModel, State};
use support::{explore, load, Outcome};

/// The initial state and the chain of successors of a spec whose Next has one successor.
fn chain(m: &SpecModel, steps: usize) -> Vec<State> {
    let mut states = Vec::new();
    m.init(&mut |s| states.push(s)).expect("init");
    assert_eq!(states.len(), 1);
    for _ in 0..steps {
        let mut next = Vec::new();
        let last = states.last().expect("a state");
        m.next(last, &mut |_, s| next.push(s)).expect("next");
        assert_eq!(next.len(), 1);
        states.extend(next);
    }
    states
}

#[test]
fn a_conjunct_over_unchanged_variables_is_taken_from_the_parent() {
    // The initial state violates the first conjunct (x = 9). Its successor keeps x and
    // satisfies the second conjunct: checked alone it violates Inv, checked as a successor
    // of a state that satisfies Inv (the search's contract) only the y part is evaluated.
    let spec = r#"---- MODULE Parts ----
EXTENDS Naturals
VARIABLES x, y
TypeOK == x \in 0..5
Bounded == y < 2
Inv == TypeOK /\ Bounded
Init == x = 9 /\ y = 0
Next == y' = y + 1 /\ UNCHANGED x
===="#;
    let m = load(
        "parts",
        &[("Parts.tla", spec)],
        "INIT Init\nNEXT Next\nINVARIANT Inv\n",
    )
    .expect("loads");
    let s = chain(&m, 2);
    assert_eq!(m.check_invariants(&s[0]), Ok(Some(0)));
    assert_eq!(m.check_invariants(&s[1]), Ok(Some(0)));
    assert_eq!(m.check_successor_invariants(&s[0], &s[1]), Ok(None));
    // y changed and the y part is false.
    assert_eq!(m.check_successor_invariants(&s[1], &s[2]), Ok(Some(0)));
    // The search reports the initial state's violation.
    assert_eq!(explore(&m), Outcome::Violated("Inv".to_string()));
}

#[test]
fn a_changed_variable_is_checked_through_definitions_and_constant_operators() {
    // Small is bound to an operator of the spec by the configuration; it reads y, so the
    // conjunct naming it is evaluated when only y changes (were it taken for constant, the
    // third state would pass). y = 0, 1, 2: the third state violates Inv.
    let spec = r#"---- MODULE Bound ----
EXTENDS Naturals
CONSTANT Small
VARIABLES x, y
YSmall == y < 2
Inv == /\ x = 0
       /\ Small
Init == x = 0 /\ y = 0
Next == y' = y + 1 /\ UNCHANGED x
===="#;
    let m = load(
        "bound",
        &[("Bound.tla", spec)],
        "CONSTANT Small <- YSmall\nINIT Init\nNEXT Next\nINVARIANT Inv\n",
    )
    .expect("loads");
    let s = chain(&m, 2);
    assert_eq!(m.check_successor_invariants(&s[0], &s[1]), Ok(None));
    assert_eq!(m.check_successor_invariants(&s[1], &s[2]), Ok(Some(0)));
    assert_eq!(explore(&m), Outcome::Violated("Inv".to_string()));
}

#[test]
fn a_failing_part_gives_the_error_of_a_plain_check() {
    // In the successor (y = 1) the second conjunct applies <<1>> outside its domain.
    let spec = r#"---- MODULE Err ----
EXTENDS Naturals
VARIABLES x, y
Inv == /\ x \in 0..5
       /\ y < 1 \/ <<1>>[y + 1] = 1
Init == x = 0 /\ y = 0
Next == y' = y + 1 /\ UNCHANGED x
===="#;
    let m = load(
        "err",
        &[("Err.tla", spec)],
        "INIT Init\nNEXT Next\nINVARIANT Inv\n",
    )
    .expect("loads");
    let s = chain(&m, 1);
    let plain = m.check_invariants(&s[1]).expect_err("fails");
    let part = m
        .check_successor_invariants(&s[0], &s[1])
        .expect_err("fails");
    assert!(
        plain
            .message
            .starts_with("Evaluating invariant Inv failed."),
        "{}",
        plain.message
    );
    assert_eq!(part.message, plain.message);
    assert_eq!(part.detail, plain.detail);
}

#[test]
fn a_membership_conjunct_tests_the_changed_parts_of_a_variable() {
    // net[1] grows by its length at each step: <<>>, <<0>>, <<0, 1>>, <<0, 1, 2>>, then
    // <<0, 1, 2, 3>>, whose new element is outside 0..2; net[2] never changes.
    let spec = r#"---- MODULE Net ----
EXTENDS Naturals, Sequences
VARIABLE net
TypeOK == net \in [{1, 2} -> Seq(0..2)]
Init == net = [p \in {1, 2} |-> <<>>]
Next == net' = [net EXCEPT ![1] = Append(@, Len(@))]
===="#;
    let m = load(
        "net",
        &[("Net.tla", spec)],
        "INIT Init\nNEXT Next\nINVARIANT TypeOK\n",
    )
    .expect("loads");
    let s = chain(&m, 4);
    for i in 0..3 {
        assert_eq!(
            m.check_successor_invariants(&s[i], &s[i + 1]),
            Ok(None),
            "step {i}"
        );
    }
    assert_eq!(m.check_successor_invariants(&s[3], &s[4]), Ok(Some(0)));
    assert_eq!(explore(&m), Outcome::Violated("TypeOK".to_string()));
}

#[test]
fn an_inclusion_conjunct_tests_the_new_elements_of_a_set() {
    // msgs gains one element a step: {9}, then 0, 1, 2, 3 and 4 join it. The initial state
    // holds 9, outside Good: checked alone each state violates the invariant, but checked
    // as a successor of a state that satisfies it (the search's contract) only the new
    // element is tested, until 4 joins. Both spellings of inclusion are taken so.
    let spec = r#"---- MODULE Msgs ----
EXTENDS Naturals, FiniteSets
VARIABLE msgs
Good == 0..3
Sub == msgs \subseteq Good
Pow == msgs \in SUBSET Good
Init == msgs = {9}
Next == msgs' = msgs \cup {Cardinality(msgs) - 1}
===="#;
    for inv in ["Sub", "Pow"] {
        let m = load(
            "msgs",
            &[("Msgs.tla", spec)],
            &format!("INIT Init\nNEXT Next\nINVARIANT {inv}\n"),
        )
        .expect("loads");
        let s = chain(&m, 5);
        for i in 0..4 {
            assert_eq!(m.check_invariants(&s[i + 1]), Ok(Some(0)), "{inv} {i}");
            assert_eq!(
                m.check_successor_invariants(&s[i], &s[i + 1]),
                Ok(None),
                "{inv} step {i}"
            );
        }
        assert_eq!(
            m.check_successor_invariants(&s[4], &s[5]),
            Ok(Some(0)),
            "{inv}"
        );
        assert_eq!(explore(&m), Outcome::Violated(inv.to_string()));
    }
}

#[test]
fn a_constraint_conjunct_over_unchanged_variables_is_taken_from_the_parent() {
    // x counts up, y stays. The initial state is outside the constraint (y = 5); checked as
    // a successor of a state within it (the search's contract), only the x part is
    // evaluated. Explored for real, no state is within it: 1 generated, 0 distinct.
    let spec = r#"---- MODULE Cons ----
EXTENDS Naturals
VARIABLES x, y
Small == x < 2 /\ y < 2
Init == x = 0 /\ y = 5
Next == x' = x + 1 /\ UNCHANGED y
===="#;
    let m = load(
        "cons",
        &[("Cons.tla", spec)],
        "INIT Init\nNEXT Next\nCONSTRAINT Small\n",
    )
    .expect("loads");
    let s = chain(&m, 2);
    assert_eq!(m.within_constraints(&s[1]), Ok(false));
    assert_eq!(m.successor_within_constraints(&s[0], &s[1]), Ok(true));
    // x changed and the x part is false.
    assert_eq!(m.successor_within_constraints(&s[1], &s[2]), Ok(false));
    assert_eq!(explore(&m), Outcome::Ok(0));
}

#[test]
fn an_initial_state_skips_the_conjuncts_init_evaluated_as_guards() {
    // Init assigns x and y with TypeOK's memberships, then tests Ordered: every initial
    // state satisfies Ordered, so an initial state skips it. The state (2, 0) is no initial
    // state; checked as one, it shows the skip: only TypeOK's parts are evaluated.
    let spec = r#"---- MODULE Guards ----
EXTENDS Naturals
VARIABLES x, y
TypeOK == x \in 0..5 /\ y \in 0..5
Ordered == x <= y
Inv == TypeOK /\ Ordered
Init == TypeOK /\ Ordered /\ x = 0 /\ y = 0
Next == x' = x + 2 /\ UNCHANGED y
===="#;
    let m = load(
        "guards",
        &[("Guards.tla", spec)],
        "INIT Init\nNEXT Next\nINVARIANT Inv\n",
    )
    .expect("loads");
    let s = chain(&m, 1);
    assert_eq!(m.check_invariants(&s[0]), Ok(None));
    assert_eq!(m.check_initial_invariants(&s[0]), Ok(None));
    assert_eq!(m.check_invariants(&s[1]), Ok(Some(0)));
    assert_eq!(m.check_initial_invariants(&s[1]), Ok(None));
    // The step to (2, 0) breaks Ordered.
    assert_eq!(explore(&m), Outcome::Violated("Inv".to_string()));
}

#[test]
fn a_conjunct_of_init_after_a_disjunction_is_not_taken_for_a_guard() {
    // y is assigned inside a disjunction, which may assign on some branches only: x <= y
    // after it is not counted as a guard (here every branch assigns y, but the rule only
    // reads `x \in S` and `x = e` conjuncts), and is evaluated in an initial state.
    let spec = r#"---- MODULE Branches ----
EXTENDS Naturals
VARIABLES x, y
Ordered == x <= y
Init == x \in 0..1 /\ (y = 1 \/ y = 2) /\ Ordered
Next == x' = x + 2 /\ UNCHANGED y
===="#;
    let m = load(
        "branches",
        &[("Branches.tla", spec)],
        "INIT Init\nNEXT Next\nINVARIANT Ordered\n",
    )
    .expect("loads");
    let mut init = Vec::new();
    m.init(&mut |s| init.push(s)).expect("init");
    // (0, 1), (0, 2), (1, 1), (1, 2)
    assert_eq!(init.len(), 4);
    let mut next = Vec::new();
    m.next(&init[0], &mut |_, s| next.push(s)).expect("next");
    // (2, 1) breaks Ordered, also when checked as an initial state.
    assert_eq!(m.check_initial_invariants(&next[0]), Ok(Some(0)));
}

#[test]
fn under_a_view_a_seen_fingerprint_does_not_stand_for_the_constraints() {
    // VIEW x merges (0, 0) and (0, 2). From (1, 1) the step to (0, 2) finds the view of
    // (0, 0) in the seen set, but (0, 2) is outside the constraint c <= 1, so TLC checks its
    // invariants, and c # 2 fails there (a successor outside the constraints is checked
    // every time it is generated). TLC 2.20 with one worker reports this violation.
    let spec = r#"---- MODULE Viewed ----
EXTENDS Naturals
VARIABLES x, c
Init == x = 0 /\ c = 0
Next == x' = 1 - x /\ c' = c + 1
NotTwo == c # 2
Small == c <= 1
View == x
===="#;
    let m = load(
        "viewed",
        &[("Viewed.tla", spec)],
        "INIT Init\nNEXT Next\nVIEW View\nCONSTRAINT Small\nINVARIANT NotTwo\n",
    )
    .expect("loads");
    assert_eq!(explore(&m), Outcome::Violated("NotTwo".to_string()));
}
