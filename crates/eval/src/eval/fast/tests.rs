//! Which conditions are compiled, and what the fast path decides against the general path.

use std::collections::BTreeMap;

use source::FileId;
use value::Value;

use crate::eval::{Ctx, Slot};
use crate::ir::{ExprKind, OpId};
use crate::{lower_program, Output, Program, RootName};

struct Quiet;

impl Output for Quiet {
    fn print(&self, _: &str) {}
}

/// The program of a module whose body is `src`, with the standard modules.
fn program(src: &str) -> Program {
    let text =
        format!("---- MODULE T ----\nEXTENDS Naturals, Sequences, FiniteSets\n{src}\n====\n");
    let parsed = syntax::parse_text(FileId(0), &text);
    assert!(!parsed.has_errors(), "{:?}", parsed.errors);
    let (mut prog, diags) = lower_program(&parsed.module.expect("a module"), &BTreeMap::new());
    assert!(diags.is_empty(), "{diags:?}");
    prog.cache_constants();
    prog
}

fn op(prog: &Program, name: &str) -> OpId {
    match prog.lookup(name) {
        Some(RootName::Op(id, _)) => id,
        _ => panic!("no operator {name}"),
    }
}

/// Whether the body of `C(y) == cond` is compiled as a whole.
fn compiled(cond: &str) -> bool {
    let prog = program(&format!("C(y) == {cond}"));
    matches!(prog.op(op(&prog, "C")).body.kind, ExprKind::Fast(_))
}

#[test]
fn guards_compile_and_what_enumeration_walks_does_not() {
    // Guards: comparisons, membership of a non-variable, negations, `\A`, `IF`.
    for cond in [
        "y[1] # 2",
        "y[1] < Len(y)",
        "y[2] \\in {1, 2}",
        "y[2] \\notin {1, 2}",
        "~(y = 2)",
        "~\\E i \\in 1..3 : y[i] = 2",
        "\\A i \\in 1..3 : y[i] >= 0",
        "\\A i, j \\in 1..3 : y[i] + y[j] # 7",
        "IF y[1] = 1 THEN y[2] > 0 ELSE y[3] > 0",
        "y[1] = 1 => y[2] = 2",
        "LET m == Head(y) IN m = 1",
    ] {
        assert!(compiled(cond), "{cond} compiles");
    }
    // What enumeration walks or may assign: an equality or membership of a frame slot (the
    // argument may be a variable), `\E` and `\/` (each way they hold is a branch), a
    // conjunction (split into conjuncts), and forms the fast path does not know.
    for cond in [
        "y = 2",
        "y \\in {1, 2}",
        "\\E i \\in 1..3 : y[i] = 2",
        "y[1] = 1 \\/ y[2] = 2",
        "y[1] = 1 /\\ y[2] = 2",
        "\\A i \\in 1..3 : y[i] = 2 \\/ y[i] = 3",
        "y[1] \\div 2 = 1",
        "y[1] \\in {y[1]}",
        "Tail(y) = << >>",
    ] {
        assert!(!compiled(cond), "{cond} does not compile");
    }
}

/// The fast path's answer for `C(y) == cond` with `y` bound to `y`, after the general path's
/// (which computes constant sets once, as the fast path needs them), and the general path's.
fn both(cond: &str, y: &Value) -> (Option<bool>, Result<bool, String>) {
    let prog = program(&format!("C(y) == {cond}"));
    let body = &prog.op(op(&prog, "C")).body;
    let ExprKind::Fast(f) = &body.kind else {
        panic!("{cond} compiles");
    };
    let out = Quiet;
    let mut cx = Ctx::new(&prog, &[], &out);
    cx.stack.push(Slot::Val(y.clone()));
    cx.base = 0;
    let general = cx.eval_bool(&f.expr).map_err(|e| e.message.clone());
    (f.run(&cx), general)
}

fn int(i: i64) -> Value {
    Value::Int(i)
}

#[test]
fn the_fast_path_decides_as_the_general_path_does() {
    // y = <<1, 2, <<3>>, [a |-> 4], {1, 2}>>
    let rec = Value::record(vec![(value::Str::new("a"), int(4))]).expect("a record");
    let set = Value::set(vec![int(2), int(1)]).expect("a set");
    let y = Value::Tuple(vec![int(1), int(2), Value::Tuple(vec![int(3)].into()), rec, set].into());
    for (cond, want) in [
        ("y[1] < y[2]", true),
        ("y[1] >= y[2]", false),
        ("y[1] <= y[1]", true),
        ("y[2] > y[1]", true),
        ("Len(y[3]) = 1", true),
        ("y[4].a + 1 = 5", true),
        ("y[4].a * 2 - y[1] = 7", true),
        ("y[1] \\in {1, 2}", true),
        ("y[2] \\notin 1..2", false),
        ("y[3] = <<3>>", true),
        ("y[3] # << >>", true),
        ("Cardinality(y[5]) = 2", true),
        ("y[1] \\in y[5]", true),
        ("\\A i \\in y[5] : i < 3", true),
        ("\\A i \\in y[5] : i < 2", false),
        ("\\A i \\in 1..2 : y[i] > 0", true),
        ("\\A i, j \\in 1..2 : i # j => y[i] # y[j]", true),
        ("~\\E i \\in 1..2 : y[i] = 3", true),
        (
            "~\\E i \\in 1..2 : \\E j \\in 1..2 : y[i] + y[j] = 4",
            false,
        ),
        ("IF y[1] = 1 THEN y[2] = 2 ELSE FALSE", true),
        ("(y[1] = 1) <=> (y[2] = 3)", false),
        ("LET m == y[4] IN m.a = 4", true),
        ("LET m == Head(y) IN LET n == m IN n # 1", false),
        ("\\A i \\in 1..2 : LET z == y[i] IN z > 0", true),
    ] {
        let (fast, general) = both(cond, &y);
        assert_eq!(general, Ok(want), "{cond}: the general path");
        assert_eq!(fast, Some(want), "{cond}: the fast path");
    }
}

#[test]
fn the_fast_path_leaves_to_the_general_path_what_it_cannot_decide() {
    let y = Value::Tuple(vec![int(1), int(100_000), Value::Tuple(vec![].into())].into());
    for cond in [
        // A point outside the domain, values of other kinds compared: TLC's errors.
        "y[7] = 1",
        "y[1] < \"a\"",
        "y[3] = 1",
        "Len(y[1]) = 0",
        "LET h == Head(y[3]) IN h = 1",
        // Past 32 bits TLC reports an overflow (the general path warns).
        "y[2] * y[2] > 0",
    ] {
        let (fast, general) = both(cond, &y);
        assert_eq!(fast, None, "{cond}: left to the general path ({general:?})");
    }
}

/// For each action of `Next` (split as TLC does), whether its first conjunct is checked on
/// the fast path before it is enumerated, and its successors from the one initial state
/// (each as its values joined by commas) or the error it gives.
fn actions(src: &str) -> Vec<(bool, Result<Vec<String>, String>)> {
    let prog = program(src);
    let out = Quiet;
    let mut init = Vec::new();
    Ctx::new(&prog, &[], &out)
        .init_states(&crate::op_expr(&prog, op(&prog, "Init")), &mut |s| {
            init.push(s);
            Ok(())
        })
        .expect("Init enumerates");
    assert_eq!(init.len(), 1, "one initial state");
    let next = crate::op_expr(&prog, op(&prog, "Next"));
    let mut cx = Ctx::new(&prog, &init[0], &out);
    crate::split_actions(&prog, &next, &out)
        .iter()
        .map(|a| {
            let mut found = Vec::new();
            let r = cx.action_successors(a, &String::new, &mut None, &mut |s| {
                let shown: Vec<String> = s.iter().map(crate::vals::display).collect();
                found.push(shown.join(","));
                Ok(())
            });
            (
                a.guard.is_some(),
                r.map(|()| found).map_err(|e| e.message.clone()),
            )
        })
        .collect()
}

#[test]
fn an_action_whose_first_conjunct_is_false_has_no_successor_and_the_others_are_enumerated() {
    let ok = |v: &[&str]| Ok(v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    let got = actions(
        "VARIABLES x, on
         Init == x = <<2, 0, 1>> /\\ on = <<TRUE, FALSE>>
         Dec(i) == /\\ x[i] > 0
                   /\\ x' = [x EXCEPT ![i] = @ - 1]
                   /\\ UNCHANGED on
         Flip(j) == /\\ on[j]
                    /\\ \\E b \\in BOOLEAN : on' = [on EXCEPT ![j] = b]
                    /\\ UNCHANGED x
         Set == /\\ x' \\in {x, <<0, 0, 0>>}
                /\\ x[1] = 2
                /\\ UNCHANGED on
         Off == /\\ x[7] = 1
                /\\ UNCHANGED <<x, on>>
         Next == (\\E i \\in 1..3 : Dec(i)) \\/ (\\E j \\in 1..2 : Flip(j)) \\/ Set \\/ Off",
    );
    // Worked by hand: Dec(1) and Dec(3) hold (x[1] = 2, x[3] = 1), Dec(2) does not
    // (x[2] = 0); Flip(1) holds (on[1]), Flip(2) does not; Set's first conjunct assigns,
    // so nothing is checked before it (its choices come in TLC's order of the set, then
    // its guard reads the current x, which holds for both); Off reads x outside its domain, which the fast path
    // cannot decide: the general path gives TLC's error.
    assert_eq!(got.len(), 7);
    assert_eq!(got[0], (true, ok(&["<<1, 0, 1>>,<<TRUE, FALSE>>"])));
    assert_eq!(got[1], (true, ok(&[])));
    assert_eq!(got[2], (true, ok(&["<<2, 0, 0>>,<<TRUE, FALSE>>"])));
    assert_eq!(
        got[3],
        (
            true,
            ok(&[
                "<<2, 0, 1>>,<<FALSE, FALSE>>",
                "<<2, 0, 1>>,<<TRUE, FALSE>>"
            ])
        )
    );
    assert_eq!(got[4], (true, ok(&[])));
    assert_eq!(
        got[5],
        (
            false,
            ok(&["<<0, 0, 0>>,<<TRUE, FALSE>>", "<<2, 0, 1>>,<<TRUE, FALSE>>"])
        )
    );
    let (checked, off) = &got[6];
    assert!(*checked, "Off's first conjunct compiles");
    assert!(
        matches!(off, Err(m) if m.contains("<<2, 0, 1>>") && m.contains('7')),
        "Off: {off:?}"
    );
}
