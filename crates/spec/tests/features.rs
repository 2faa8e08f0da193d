//! Feature tests: instances, nested modules, ENABLED, action properties, level errors,
//! assumptions, VIEW. Expected counts are derived by hand in the comments.

mod support;

use support::{explore, load, Outcome};

#[test]
fn named_and_parameterised_instances() {
    // Counter module instantiated with its variable bound to `a` and `b`; each counts to 2
    // independently: 3 * 3 = 9 states.
    let lib = "---- MODULE Ctr ----\nEXTENDS Naturals\nCONSTANT Max\nVARIABLE c\nInit == c = 0\nInc == c < Max /\\ c' = c + 1\n====\n";
    let main = r#"---- MODULE Main ----
EXTENDS Naturals
VARIABLES a, b
A == INSTANCE Ctr WITH c <- a, Max <- 2
B(m) == INSTANCE Ctr WITH c <- b, Max <- m
Init == A!Init /\ B(2)!Init
Next == (A!Inc /\ UNCHANGED b) \/ (B(2)!Inc /\ UNCHANGED a)
===="#;
    let m = load(
        "inst",
        &[("Main.tla", main), ("Ctr.tla", lib)],
        "INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE\n",
    )
    .expect("loads");
    assert_eq!(explore(&m), Outcome::Ok(9));
}

#[test]
fn nested_module_sees_enclosing_definitions() {
    // Inner uses Limit from the enclosing module; x goes 0..3: 4 states.
    let main = r#"---- MODULE Outer ----
EXTENDS Naturals
VARIABLE x
Limit == 3
---- MODULE Inner ----
Step == x < Limit /\ x' = x + 1
====
I == INSTANCE Inner
Init == x = 0
Next == I!Step
===="#;
    let m = load(
        "nested",
        &[("Outer.tla", main)],
        "INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE\n",
    )
    .expect("loads");
    assert_eq!(explore(&m), Outcome::Ok(4));
}

#[test]
fn enabled_in_an_invariant() {
    // x counts 0..2; Inc is enabled exactly when x < 2, so the invariant holds.
    let main = "---- MODULE En ----\nEXTENDS Naturals\nVARIABLE x\nInit == x = 0\nInc == x < 2 /\\ x' = x + 1\nNext == Inc\nInv == (ENABLED Inc) = (x < 2)\n====\n";
    let m = load(
        "enabled",
        &[("En.tla", main)],
        "INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE\n",
    )
    .expect("loads");
    assert_eq!(explore(&m), Outcome::Ok(3));
}

#[test]
fn action_property_violation() {
    // x goes 0 -> 1 -> 2 -> 0; the property forbids decreasing steps.
    let main = "---- MODULE Ap ----\nEXTENDS Naturals\nVARIABLE x\nInit == x = 0\nNext == x' = (x + 1) % 3\nMono == [][x' >= x]_x\n====\n";
    let m = load(
        "actprop",
        &[("Ap.tla", main)],
        "INIT Init\nNEXT Next\nPROPERTY Mono\n",
    )
    .expect("loads");
    assert_eq!(explore(&m), Outcome::PropertyViolated("Mono".to_string()));
}

#[test]
fn state_property_is_checked_like_an_invariant() {
    let main = "---- MODULE Sp ----\nEXTENDS Naturals\nVARIABLE x\nInit == x = 0\nNext == x < 5 /\\ x' = x + 1\nSmall == [](x < 3)\n====\n";
    let m = load(
        "stateprop",
        &[("Sp.tla", main)],
        "INIT Init\nNEXT Next\nPROPERTY Small\n",
    )
    .expect("loads");
    assert_eq!(explore(&m), Outcome::Violated("Small".to_string()));
}

#[test]
fn liveness_property_is_reported_as_unsupported() {
    let main = "---- MODULE Lv ----\nEXTENDS Naturals\nVARIABLE x\nInit == x = 0\nNext == x < 5 /\\ x' = x + 1\nEventually == <>(x = 5)\n====\n";
    let err = load(
        "live",
        &[("Lv.tla", main)],
        "INIT Init\nNEXT Next\nPROPERTY Eventually\n",
    )
    .err()
    .expect("rejected");
    assert!(err.contains("unsupported-liveness"), "{err}");
}

#[test]
fn primed_invariant_is_a_level_error() {
    let main =
        "---- MODULE Lev ----\nVARIABLE x\nInit == x = 0\nNext == x' = x\nInv == x' = x\n====\n";
    let err = load(
        "level",
        &[("Lev.tla", main)],
        "INIT Init\nNEXT Next\nINVARIANT Inv\n",
    )
    .err()
    .expect("rejected");
    assert!(err.contains("invariant-level"), "{err}");
}

#[test]
fn false_assumption_uses_tlc_wording() {
    let main = "---- MODULE As ----\nEXTENDS Naturals\nCONSTANT N\nASSUME N > 5\nVARIABLE x\nInit == x = 0\nNext == x' = x\n====\n";
    let err = load(
        "assume",
        &[("As.tla", main)],
        "CONSTANT N = 3\nINIT Init\nNEXT Next\n",
    )
    .err()
    .expect("rejected");
    assert!(
        err.contains("Assumption line 4, col 8 to line 4, col 12 of module As is false."),
        "{err}"
    );
}

#[test]
fn view_merges_states() {
    // x counts 0..4 and y toggles; the view keeps only x: 5 distinct views.
    let main = "---- MODULE Vw ----\nEXTENDS Naturals\nVARIABLES x, y\nInit == x = 0 /\\ y = 0\nNext == x < 4 /\\ x' = x + 1 /\\ y' = 1 - y\nV == x\n====\n";
    let m = load(
        "view",
        &[("Vw.tla", main)],
        "INIT Init\nNEXT Next\nVIEW V\nCHECK_DEADLOCK FALSE\n",
    )
    .expect("loads");
    assert_eq!(explore(&m), Outcome::Ok(5));
}

#[test]
fn cfg_replaces_operators_and_standard_operators() {
    // Nat is replaced by 0..3 and Limit by a definition giving 2: x ranges over {0, 1, 2}.
    let main = "---- MODULE Ov ----\nEXTENDS Naturals\nVARIABLE x\nLimit == 100\nTwo == 2\nSmallNat == 0..3\nInit == x \\in {n \\in Nat : n <= Limit}\nNext == UNCHANGED x\n====\n";
    let m = load(
        "override",
        &[("Ov.tla", main)],
        "CONSTANT Limit <- Two\nCONSTANT Nat <- SmallNat\nINIT Init\nNEXT Next\n",
    )
    .expect("loads");
    assert_eq!(explore(&m), Outcome::Ok(3));
}

#[test]
fn operator_arguments_may_be_assigned_by_the_callee() {
    // Set(v) assigns its argument: two variables each set once, 2 states per variable
    // reachable in order: (0,0) -> (1,0) or (0,1) -> (1,1): 4 states.
    let main = "---- MODULE Arg ----\nVARIABLES a, b\nSet(v, old) == old = 0 /\\ v = 1\nInit == a = 0 /\\ b = 0\nNext == \\/ Set(a', a) /\\ b' = b\n        \\/ Set(b', b) /\\ a' = a\n====\n";
    let m = load(
        "argref",
        &[("Arg.tla", main)],
        "INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE\n",
    )
    .expect("loads");
    assert_eq!(explore(&m), Outcome::Ok(4));
}

#[test]
fn spec_as_property_checks_its_initial_predicate_and_steps() {
    // The model starts at 0 or 1 and counts up to 3; the property's Init allows only 0.
    let main = "---- MODULE Rf ----\nEXTENDS Naturals\nVARIABLE x\nInit == x \\in {0, 1}\nNext == x < 3 /\\ x' = x + 1\nPInit == x = 0\nPSpec == PInit /\\ [][x' = x + 1]_x\nQSpec == x \\in 0..1 /\\ [][x' = x + 1]_x\n====\n";
    let m = load(
        "refine",
        &[("Rf.tla", main)],
        "INIT Init\nNEXT Next\nPROPERTY PSpec\nCHECK_DEADLOCK FALSE\n",
    )
    .expect("loads");
    assert_eq!(explore(&m), Outcome::PropertyViolated("PSpec".to_string()));
    // x in {0, 1} then up to 3: states 0, 1, 2, 3.
    let m = load(
        "refine2",
        &[("Rf.tla", main)],
        "INIT Init\nNEXT Next\nPROPERTY QSpec\nCHECK_DEADLOCK FALSE\n",
    )
    .expect("loads");
    assert_eq!(explore(&m), Outcome::Ok(4));
}

/// Collects what `Print` and `PrintT` write.
struct Lines(std::sync::Mutex<Vec<String>>);

impl eval::Output for Lines {
    fn print(&self, line: &str) {
        self.0.lock().expect("not poisoned").push(line.to_string());
    }
}

#[test]
fn a_spec_that_prints_keeps_its_states_so_nothing_prints_twice() {
    // x = 0 -> 1 -> 2 -> 3, which violates x < 3; Next prints x each time it is taken:
    // 0, 1, 2 during the search. Rebuilding the trace from fingerprints would run Next on
    // 0 and 1 again (only the last two levels are kept) and print them twice; the same spec
    // without the print has its states rebuilt, with the same trace.
    let spec = |next: &str| {
        format!("---- MODULE P ----\nEXTENDS Naturals, TLC\nVARIABLE x\nInit == x = 0\nNext == {next}\nInv == x < 3\n====\n")
    };
    let cfg = "INIT Init\nNEXT Next\nINVARIANT Inv\n";
    let mut printing = load(
        "prints",
        &[("P.tla", &spec("x' = x + 1 /\\ PrintT(x)"))],
        cfg,
    )
    .expect("loads");
    let quiet = load("quiet", &[("P.tla", &spec("x' = x + 1"))], cfg).expect("loads");
    assert!(!check::Model::reproducible(&printing));
    assert!(check::Model::reproducible(&quiet));
    let lines = std::sync::Arc::new(Lines(std::sync::Mutex::new(Vec::new())));
    printing.set_output(lines.clone());
    let options = check::Options::default();
    let printed = check::run(&printing, &options, &mut check::NullReporter);
    assert_eq!(*lines.0.lock().expect("not poisoned"), ["0", "1", "2"]);
    let rebuilt = check::run(&quiet, &options, &mut check::NullReporter);
    let xs = |o: &check::Outcome<spec::State>| -> Vec<String> {
        o.trace
            .as_ref()
            .expect("a trace")
            .steps
            .iter()
            .map(|s| s.state.values()[0].to_string())
            .collect()
    };
    assert_eq!(xs(&printed), ["0", "1", "2", "3"]);
    assert_eq!(xs(&rebuilt), ["0", "1", "2", "3"]);
}

#[test]
fn a_constant_let_definition_is_remembered_per_program_and_per_captured_value() {
    // `q` reads only `p` and the constant `K`: a thread remembers its value across states,
    // keyed by the program and by `p`. Two programs of the same text with other values of
    // `K`, checked one after the other on this thread, each see their own `q`; and `p`
    // takes the values 0, 1, 2 of x across states. x goes 0, 1, 2: 3 states either way.
    let main = r#"---- MODULE Lets ----
EXTENDS Naturals
CONSTANT K
VARIABLE x
F(p) == LET q == <<p, p + K>> IN q
Init == x = 0
Next == x' = (x + 1) % 3
Inv == F(x + 0) = <<x, x + K>> /\ F(2) = <<2, 2 + K>>
===="#;
    for k in [1, 2, 1, 5] {
        let m = load(
            &format!("const-let-{k}"),
            &[("Lets.tla", main)],
            &format!("INIT Init\nNEXT Next\nINVARIANT Inv\nCONSTANT K = {k}\n"),
        )
        .expect("loads");
        assert_eq!(explore(&m), Outcome::Ok(3), "K = {k}");
    }
}

/// `MapThenFoldSet` written out as a fold over subsets, and `FoldFunction` and
/// `FoldFunctionOnSet` as calls of it, in a module named `name` (the community module
/// `Functions` names them so, and warden computes them natively under that name).
fn fold_modules(name: &str) -> [(String, String); 2] {
    let folds = r#"---- MODULE Folds ----
MapThenFoldSet(op(_,_), base, f(_), choose(_), S) ==
  LET iter[s \in SUBSET S] ==
        IF s = {} THEN base ELSE LET x == choose(s) IN op(f(x), iter[s \ {x}])
  IN iter[S]
===="#;
    let functions = format!(
        r#"---- MODULE {name} ----
EXTENDS Folds
FoldFunction(op(_,_), base, fun) ==
  MapThenFoldSet(op, base, LAMBDA i : fun[i], LAMBDA s : CHOOSE x \in s : TRUE, DOMAIN fun)
FoldFunctionOnSet(op(_,_), base, fun, indices) ==
  MapThenFoldSet(op, base, LAMBDA i : fun[i], LAMBDA s : CHOOSE x \in s : TRUE, indices)
===="#
    );
    [
        ("Folds.tla".to_string(), folds.to_string()),
        (format!("{name}.tla"), functions),
    ]
}

/// Checks a spec extending `Functions` (computed natively) or `Functionz` (the same text
/// under another name, evaluated as written) whose invariant is `inv`.
fn fold_outcome(module: &str, inv: &str) -> Outcome {
    let main = format!(
        r#"---- MODULE Main ----
EXTENDS Integers, Sequences, {module}
VARIABLE x
Init == x = [i \in 1..3 |-> i * 10]
Next == UNCHANGED x
f[n \in Nat] == n * 2
Cat(a, b) == <<a>> \o b
Inv == {inv}
===="#
    );
    let [folds, functions] = fold_modules(module);
    let files = [
        ("Main.tla", main.as_str()),
        (folds.0.as_str(), folds.1.as_str()),
        (functions.0.as_str(), functions.1.as_str()),
    ];
    let m = load(
        &format!("folds-{module}"),
        &files,
        "INIT Init\nNEXT Next\nINVARIANT Inv\n",
    )
    .expect("loads");
    explore(&m)
}

#[test]
fn function_folds_computed_natively_agree_with_their_definition() {
    // By hand: 10 + 30; <<10>> \o (<<20>> \o (<<30>> \o <<>>)); 1 + 10 + 20 + 30; f[4] +
    // f[5] (a function definition, applied point by point: the definition is evaluated);
    // the record's fields in order; no index: the base.
    let inv = r#"<< FoldFunctionOnSet(+, 0, x, {1, 3}),
              FoldFunctionOnSet(Cat, <<>>, x, 1..3),
              FoldFunction(+, 1, x),
              FoldFunctionOnSet(+, 0, f, {4, 5}),
              FoldFunction(Cat, <<>>, [b |-> 2, a |-> 1]),
              FoldFunctionOnSet(+, 7, x, {}) >>
           = <<40, <<10, 20, 30>>, 61, 18, <<1, 2>>, 7>>"#;
    for module in ["Functions", "Functionz"] {
        assert_eq!(fold_outcome(module, inv), Outcome::Ok(1), "{module}");
    }
    // `+` is computed in place while the sum stays in TLC's 32 bits; past them it is applied
    // as the definition applies it (which warns): 2147483647 + 10 by hand.
    let past = "FoldFunctionOnSet(+, 2147483647, x, {1}) = 2147483657";
    for module in ["Functions", "Functionz"] {
        assert_eq!(fold_outcome(module, past), Outcome::Ok(1), "{module}");
    }
    // Where the native fold cannot apply `fun`, the definition fails as written: the same
    // error, at the same place of the module.
    for inv in [
        r#"FoldFunctionOnSet(+, 0, x, {1, 4}) = 0"#,
        r#"FoldFunctionOnSet(+, 0, x, Nat) = 0"#,
        r#"FoldFunction(+, 0, {1, 2}) = 0"#,
        r#"FoldFunctionOnSet(+, "a", x, {1}) = 0"#,
    ] {
        let native = fold_outcome("Functions", inv);
        let written = fold_outcome("Functionz", inv);
        let Outcome::Error(native) = native else {
            panic!("{inv}: {native:?}");
        };
        assert_eq!(
            Outcome::Error(native.replace("Functions", "Functionz")),
            written,
            "{inv}"
        );
    }
}
