//! Unit tests of lowering and evaluation: a module text is parsed, lowered, and one of its
//! operators evaluated; expected values are derived by hand.

use std::collections::BTreeMap;

use expect_test::{expect, Expect};
use source::FileId;
use value::Value;

use crate::{lower_program, Ctx, Output, RootName};

struct Quiet;

impl Output for Quiet {
    fn print(&self, _: &str) {}
}

fn module(src: &str) -> String {
    format!(
        "---- MODULE T ----\nEXTENDS Naturals, Integers, Sequences, FiniteSets, TLC, Bags\n{src}\n====\n"
    )
}

/// Evaluates the zero-arity operator `name` of the module body `src`.
fn eval_op(src: &str, name: &str) -> String {
    let text = module(src);
    let parsed = syntax::parse_text(FileId(0), &text);
    if parsed.has_errors() {
        return format!("parse error: {:?}", parsed.errors);
    }
    let Some(m) = parsed.module else {
        return "no module".to_string();
    };
    let (prog, diags) = lower_program(&m, &BTreeMap::new());
    if !diags.is_empty() {
        return diags
            .iter()
            .map(|d| format!("{}: {}", d.code, d.message))
            .collect::<Vec<_>>()
            .join("\n");
    }
    let Some(RootName::Op(id, 0)) = prog.lookup(name) else {
        return format!("no operator {name}");
    };
    let out = Quiet;
    let mut cx = Ctx::new(&prog, &[], &out);
    match cx.eval_op(id) {
        Ok(v) => crate::vals::display(&v),
        Err(e) => format!("error: {}", e.message),
    }
}

fn check(src: &str, expect: Expect) {
    expect.assert_eq(&eval_op(src, "Test"));
}

#[test]
fn arithmetic() {
    // `-.` binds tighter than `%` but looser than `\div`; `\div` rounds down.
    check(
        "Test == <<2 + 3 * 4, 7 \\div 2, (-7) \\div 2, -7 \\div 2, -7 % 3, 2^10, -(3)>>",
        expect![[r#"<<14, 3, -4, -3, 2, 1024, -3>>"#]],
    );
}

#[test]
fn sets() {
    check(
        "Test == <<{3, 1, 2} \\cup {5}, {1, 2, 3} \\ {2}, {x * x : x \\in 1..3}, {x \\in 1..6 : x % 2 = 0}, SUBSET {1, 2}, Cardinality(1..10)>>",
        expect![[r#"<<{1, 2, 3, 5}, {1, 3}, {1, 4, 9}, {2, 4, 6}, {{}, {1}, {2}, {1, 2}}, 10>>"#]],
    );
}

#[test]
fn quantifiers_and_choose() {
    check(
        "Test == <<\\A x \\in 1..3 : x > 0, \\E x \\in 1..3 : x > 2, CHOOSE x \\in 1..10 : x * x > 20>>",
        expect![[r#"<<TRUE, TRUE, 5>>"#]],
    );
}

#[test]
fn functions_records_except() {
    check(
        "f == [x \\in 1..3 |-> x * 10]\nr == [a |-> 1, b |-> <<2, 3>>]\nTest == <<f[2], [f EXCEPT ![2] = @ + 1], r.b[2], [r EXCEPT !.b[1] = 9], DOMAIN r>>",
        expect![[r#"<<20, <<10, 21, 30>>, 3, [a |-> 1, b |-> <<9, 3>>], {"a", "b"}>>"#]],
    );
}

#[test]
fn clauses_of_one_except_apply_in_turn() {
    // Later clauses see the function the earlier ones made (and change it in place, which
    // must not show): the same point twice, paths through one fresh record, a key outside
    // the domain, and the function EXCEPT starts from, read again after it.
    check(
        r#"f == <<1, 2>>
r == [a |-> [x |-> 1, y |-> 2], b |-> 3]
Test == <<[f EXCEPT ![1] = 5, ![1] = @ + 1], [r EXCEPT !.a.x = @ + 10, !.a.y = @ * 2, !.b = @ - 1], [f EXCEPT ![1] = 5, ![3] = 7], f, r>>"#,
        expect![[r#"
            << <<6, 2>>,
               [a |-> [x |-> 11, y |-> 4], b |-> 2],
               <<5, 2>>,
               <<1, 2>>,
               [a |-> [x |-> 1, y |-> 2], b |-> 3] >>"#]],
    );
}

#[test]
fn sequences() {
    check(
        "s == <<1, 2, 3, 4>>\nTest == <<Len(s), Head(s), Tail(s), Append(s, 5), s \\o <<0>>, SubSeq(s, 2, 3), SelectSeq(s, LAMBDA x : x % 2 = 0)>>",
        expect![[r#"<<4, 1, <<2, 3, 4>>, <<1, 2, 3, 4, 5>>, <<1, 2, 3, 4, 0>>, <<2, 3>>, <<2, 4>>>>"#]],
    );
}

#[test]
fn recursion_let_and_higher_order() {
    check(
        "RECURSIVE Sum(_)\nSum(S) == IF S = {} THEN 0 ELSE LET x == CHOOSE y \\in S : TRUE IN x + Sum(S \\ {x})\nfact[n \\in Nat] == IF n = 0 THEN 1 ELSE n * fact[n - 1]\nTwice(F(_), x) == F(F(x))\nInc(x) == x + 1\nTest == <<Sum(1..4), fact[5], Twice(Inc, 3), Twice(LAMBDA y : y * 2, 3)>>",
        expect![[r#"<<10, 120, 5, 12>>"#]],
    );
}

#[test]
fn case_and_if() {
    check(
        "F(x) == CASE x < 0 -> \"neg\" [] x = 0 -> \"zero\" [] OTHER -> \"pos\"\nTest == <<F(-1), F(0), F(3), IF 1 > 2 THEN 1 ELSE 2>>",
        expect![[r#"<<"neg", "zero", "pos", 2>>"#]],
    );
}

#[test]
fn bags_and_tlc() {
    check(
        "B == SetToBag({1, 2}) (+) SetToBag({2})\nTest == <<CopiesIn(2, B), BagCardinality(B), BagToSet(B), (1 :> \"a\" @@ 1 :> \"b\")[1], ToString(12)>>",
        expect![[r#"<<2, 3, {1, 2}, "a", "12">>"#]],
    );
}

#[test]
fn set_minus_a_written_singleton_is_set_minus_that_set() {
    // `S \ {e}` is computed without building `{e}`; the same difference with the set
    // behind a definition is computed the general way. Both give the same value, or the
    // same error when an element cannot be compared with `e`. The values are derived by
    // hand; the error messages are those of the general way (TLC 2.20 words the
    // incomparable case "Attempted to check equality of string "a" with non-string: 1").
    let cases = [
        ("1..5", "3"),
        ("{1, 2}", "7"),
        ("{}", "1"),
        ("{<<1, 2>>, <<2, 1>>}", "<<2, 1>>"),
        ("{{1}, {2}}", "1..1"),
        ("{\"a\", \"b\"}", "\"b\""),
        ("{1, 2}", "\"a\""),
        // Tuples compare part by part, and stop at the first that differs.
        ("{<<1, \"a\">>, <<2, 3>>}", "<<2, 3>>"),
        ("{<<1, \"a\">>}", "<<1, 2>>"),
        ("3", "1"),
    ];
    let mut shown = Vec::new();
    for (set, elem) in cases {
        let direct = eval_op(&format!("Test == {set} \\ {{{elem}}}"), "Test");
        let general = eval_op(&format!("T == {{{elem}}}\nTest == {set} \\ T"), "Test");
        assert_eq!(direct, general, "{set} \\ {{{elem}}}");
        shown.push(direct);
    }
    expect![[r#"
        {1, 2, 4, 5}
        {1, 2}
        {}
        {<<1, 2>>}
        {{2}}
        {"a"}
        error: Attempted to compare integer 1 with non-integer:
        "a"
        {<<1, "a">>}
        error: Attempted to compare string "a" with non-string:
        2
        error: The first argument of \ should be a set, but instead it is:
        3"#]]
    .assert_eq(&shown.join("\n"));
}

#[test]
fn errors_carry_messages() {
    check(
        "Test == CHOOSE x \\in 1..3 : x > 5",
        expect![[r#"
            error: Attempted to compute the value of an expression of form
            CHOOSE x \in S: P, but no element of S satisfied P."#]],
    );
    check(
        "Test == CHOOSE x \\in {} : TRUE",
        expect![[r#"
            error: Attempted to compute the value of an expression of form
            CHOOSE x \in S: P, but no element of S satisfied P."#]],
    );
    check(
        "Test == CASE 1 > 2 -> 1",
        expect![[r#"error: Attempted to evaluate a CASE with no conditions true."#]],
    );
}

#[test]
fn undefined_names_and_arity_are_reported() {
    check(
        "Test == Foo + 1",
        expect![[r#"undefined-operator: Unknown operator: `Foo'."#]],
    );
    check(
        "F(a, b) == a + b\nTest == F(1)",
        expect![[r#"arity-mismatch: The operator F requires 2 arguments, but 1 were given."#]],
    );
}

#[test]
fn evaluation_error_has_span() {
    let text = module("Test == <<1, 2>>[3]");
    let parsed = syntax::parse_text(FileId(0), &text);
    let m = parsed.module.expect("parses");
    let (prog, diags) = lower_program(&m, &BTreeMap::new());
    assert!(diags.is_empty());
    let Some(RootName::Op(id, 0)) = prog.lookup("Test") else {
        panic!("Test is defined");
    };
    let out = Quiet;
    let mut cx = Ctx::new(&prog, &[], &out);
    let e = cx.eval_op(id).expect_err("out of domain");
    let span = e.span.expect("has a span");
    assert_eq!(&text[span.start as usize..span.end as usize], "<<1, 2>>[3]");
}

#[test]
fn init_enumeration_counts() {
    // x \in 1..3, y \in {x, x + 1} with a guard x # 2: x = 1 -> 2 states, x = 3 -> 2 states.
    let text = module("VARIABLES x, y\nInit == /\\ x \\in 1..3\n        /\\ x # 2\n        /\\ \\/ y = x\n           \\/ y = x + 1");
    let m = syntax::parse_text(FileId(0), &text).module.expect("parses");
    let (prog, diags) = lower_program(&m, &BTreeMap::new());
    assert!(diags.is_empty(), "{diags:?}");
    let Some(RootName::Op(id, 0)) = prog.lookup("Init") else {
        panic!("Init is defined");
    };
    let out = Quiet;
    let mut cx = Ctx::new(&prog, &[], &out);
    let mut states: Vec<std::sync::Arc<[Value]>> = Vec::new();
    cx.init_states(&crate::op_expr(&prog, id), &mut |s| {
        states.push(s);
        Ok(())
    })
    .expect("enumerates");
    let shown: Vec<String> = states
        .iter()
        .map(|s| {
            s.iter()
                .map(crate::vals::display)
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect();
    assert_eq!(shown, ["1,1", "1,2", "3,3", "3,4"]);
}

#[test]
fn operator_arguments_of_the_wrong_arity_are_reported() {
    check(
        "Ap(F(_), x) == F(x)\nAdd(a, b) == a + b\nTest == Ap(Add, 1)",
        expect![[
            r#"arity-mismatch: The operator argument takes 2 arguments, but the parameter expects 1."#
        ]],
    );
}

#[test]
fn builtin_operators_as_arguments() {
    check(
        "Fold(Op(_, _), a, b) == Op(a, b)\nTest == <<Fold(+, 2, 3), Fold(\\cup, {1}, {2})>>",
        expect![[r#"<<5, {1, 2}>>"#]],
    );
}

#[test]
fn state_reads_follow_operators_and_refuse_what_depends_on_more_than_the_state() {
    let text = module(
        r#"VARIABLES x, y, z
G(v) == v + z
Ap(F(_), v) == F(v)
R[n \in 0..3] == IF n = 0 THEN y ELSE R[n - 1]
Plain == x + 1
ViaLet == LET f(v) == v + y IN f(1)
ViaArgument == Ap(G, 1)
ViaLambda == Ap(LAMBDA v : v + x, 1)
Recursive == R[3]
Constant == 1..3
Printing == PrintT(x)
Level == TLCGet("level") > 1
Primed == x' = x
Enabled == ENABLED (x' = 1)"#,
    );
    let m = syntax::parse_text(FileId(0), &text).module.expect("parses");
    let (prog, diags) = lower_program(&m, &BTreeMap::new());
    assert!(diags.is_empty(), "{diags:?}");
    let reads = |name: &str| {
        let Some(RootName::Op(id, 0)) = prog.lookup(name) else {
            panic!("{name} is defined");
        };
        crate::state_reads(&prog, &crate::op_expr(&prog, id)).map(|vs| {
            vs.iter()
                .map(|&v| prog.vars[v as usize].as_str())
                .collect::<Vec<_>>()
                .join(",")
        })
    };
    assert_eq!(reads("Plain").as_deref(), Some("x"));
    assert_eq!(reads("ViaLet").as_deref(), Some("y"));
    assert_eq!(reads("ViaArgument").as_deref(), Some("z"));
    assert_eq!(reads("ViaLambda").as_deref(), Some("x"));
    assert_eq!(reads("Recursive").as_deref(), Some("y"));
    assert_eq!(reads("Constant").as_deref(), Some(""));
    for opaque in ["Printing", "Level", "Primed", "Enabled"] {
        assert_eq!(reads(opaque), None, "{opaque}");
    }
}

#[test]
fn effects_are_found_in_any_definition_and_through_arguments() {
    let program = |defs: &str| {
        let text = module(&format!(
            "VARIABLES x\nId(v) == v\nAp(F(_), v) == F(v)\n{defs}"
        ));
        let m = syntax::parse_text(FileId(0), &text).module.expect("parses");
        let (prog, diags) = lower_program(&m, &BTreeMap::new());
        assert!(diags.is_empty(), "{diags:?}");
        prog
    };
    let root = |prog: &crate::program::Program, name: &str| {
        let Some(RootName::Op(id, 0)) = prog.lookup(name) else {
            panic!("{name} is defined");
        };
        crate::op_expr(prog, id)
    };
    let quiet = program("Next == x' = Ap(Id, x + 1)");
    assert!(!crate::has_effects(&quiet, &[&root(&quiet, "Next")]));
    for defs in [
        "Next == x' = PrintT(x)",
        "Next == x' = x + 1\nUnused == Print(x, x)",
        "Next == x' = Ap(LAMBDA v : TLCGet(v), 1)",
        "Next == x' = RandomElement(1..3)",
    ] {
        let prog = program(defs);
        assert!(crate::has_effects(&prog, &[&root(&prog, "Next")]), "{defs}");
    }
}

#[test]
fn choose_true_is_the_first_element_in_tlc_order() {
    // Smaller sets and shorter tuples come first; the general path (a body that is not
    // the literal TRUE) chooses the same.
    check(
        "S == {{1, 2}, {3}}\nT == {<<2, 0>>, <<5>>}\nTest == <<CHOOSE x \\in S : TRUE, CHOOSE x \\in T : TRUE, CHOOSE x \\in 4..9 : TRUE, CHOOSE x \\in S : x = x>>",
        expect!["<<{3}, <<5>>, 4, {3}>>"],
    );
}

#[test]
fn values_said_to_be_built_normal_hold_no_lazy_set() {
    // Each operator's body: whether `builds_normal` says it is built normal, and, derived by
    // hand, whether its value holds a lazy set. A value said to be normal must hold none (a
    // state stores it unwalked). The others are refused: an operand that is not built
    // normal (`\cup` of an interval is explicit all the same; `Append` of one holds it).
    // A tuple's parts are normalised as it is built, so its point is normal.
    let text = module(
        r#"Cup == {{1}, {2, 3}} \cup {{4}}
CupLazy == {{1}, {2, 3}} \cup {1..2}
CupLazyOperand == {1} \cup (2..3)
Cap == {{1}, {2, 3}} \cap SUBSET (1..3)
Minus == {{1}, {2, 3}} \ {{1}}
Append1 == Append(<<{1}, {2}>>, {3})
AppendLazy == Append(<<{1}, {2}>>, 1..3)
Tail1 == Tail(<<{1}, {2}>>)
Head1 == Head(<<{1}, {2}>>)
Sub == SubSeq(<<{1}, {2}>>, 1, 1)
Concat == <<{1}, {2}>> \o <<{5}>>
Point == <<{1}, {2}>>[2]
Field == [a |-> {1}, b |-> 2].a
NormalisedPart == <<1..2>>[1]"#,
    );
    let m = syntax::parse_text(FileId(0), &text).module.expect("parses");
    let (prog, diags) = lower_program(&m, &BTreeMap::new());
    assert!(diags.is_empty(), "{diags:?}");
    let out = Quiet;
    // (operator, said normal, holds a lazy set)
    let cases = [
        ("Cup", true, false),
        ("CupLazy", true, false),
        ("CupLazyOperand", false, false),
        ("Cap", true, false),
        ("Minus", true, false),
        ("Append1", true, false),
        ("AppendLazy", false, true),
        ("Tail1", true, false),
        ("Head1", true, false),
        ("Sub", true, false),
        ("Concat", true, false),
        ("Point", true, false),
        ("Field", true, false),
        ("NormalisedPart", true, false),
    ];
    for (name, normal, lazy) in cases {
        let Some(RootName::Op(id, 0)) = prog.lookup(name) else {
            panic!("{name} is defined");
        };
        let body = &prog.op(id).body;
        assert_eq!(body.builds_normal(), normal, "{name}: builds_normal");
        let v = Ctx::new(&prog, &[], &out).eval_op(id).expect("evaluates");
        assert_eq!(
            v.contains_lazy(),
            lazy,
            "{name}: {}",
            crate::vals::display(&v)
        );
    }
}
