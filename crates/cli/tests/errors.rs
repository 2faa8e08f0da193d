//! End-to-end tests of malformed input: a spec or config that is wrong ends the `warden`
//! binary with TLC's exit code for its kind (150 for the spec, 151 for the config, 153 for a
//! file that cannot be read) and a diagnostic that names `file:line:col` and puts a caret
//! under the offending column. The expected positions are counted by hand from the inputs.
//! Inputs that once made the binary panic are kept here too, as regression tests.

use std::path::Path;
use std::process::Command;

/// A well-formed spec the config tests pair with.
const OK_SPEC: &str = "\
---- MODULE Ok ----
VARIABLE x
Init == x = 0
Next == x' = 1 - x
Inv == x \\in {0, 1}
====
";

/// A fresh directory holding the given files, removed with everything in it when the
/// returned guard is dropped.
fn fixture(test: &str, files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::Builder::new()
        .prefix(&format!("warden-errors-{test}-"))
        .tempdir()
        .expect("temp dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write fixture");
    }
    dir
}

/// The exit code and stderr of `warden check <spec> --config <cfg>` run in `dir`.
fn check(dir: &Path, spec: &str, cfg: &str) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_warden"))
        .current_dir(dir)
        .args(["check", spec, "--config", cfg])
        .output()
        .expect("warden runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        !stderr.contains("panicked at"),
        "warden panicked:\n{stderr}"
    );
    (out.status.code().expect("warden exits normally"), stderr)
}

/// Asserts that `stderr` has a diagnostic at `file:line:col` whose source excerpt shows line
/// `line` with a caret under column `col` (ASCII input: columns are characters).
fn assert_located(stderr: &str, file: &str, line: usize, col: usize) {
    let header = format!("--> {file}:{line}:{col}");
    assert!(stderr.contains(&header), "no `{header}` in:\n{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    let gutter = format!("{line} | ");
    let at = lines
        .iter()
        .position(|l| l.trim_start().starts_with(&gutter))
        .unwrap_or_else(|| panic!("no excerpt of line {line} in:\n{stderr}"));
    let source_start = lines[at].find(&gutter).expect("found above") + gutter.len();
    let caret_line = lines.get(at + 1).expect("a caret line follows the excerpt");
    let caret = caret_line
        .find('^')
        .unwrap_or_else(|| panic!("no caret under line {line} in:\n{stderr}"));
    assert_eq!(
        caret - source_start + 1,
        col,
        "the caret is not under column {col}:\n{stderr}"
    );
}

#[test]
fn a_syntax_error_points_at_the_unexpected_token() {
    let spec = "\
---- MODULE Syn ----
VARIABLE x
Init == x = (1 + )
Next == x' = x
====
";
    let dir = fixture(
        "syntax",
        &[("Syn.tla", spec), ("Syn.cfg", "INIT Init\nNEXT Next\n")],
    );
    let (code, stderr) = check(dir.path(), "Syn.tla", "Syn.cfg");
    assert_eq!(code, 150, "{stderr}");
    // `)` is the 18th character of `Init == x = (1 + )`.
    assert_located(&stderr, "Syn.tla", 3, 18);
}

#[test]
fn an_unterminated_comment_points_at_its_opening() {
    let spec = "\
---- MODULE Com ----
VARIABLE x
Init == x = 0 (* never closed
Next == x' = x
====
";
    let dir = fixture(
        "comment",
        &[("Com.tla", spec), ("Com.cfg", "INIT Init\nNEXT Next\n")],
    );
    let (code, stderr) = check(dir.path(), "Com.tla", "Com.cfg");
    assert_eq!(code, 150, "{stderr}");
    assert!(stderr.contains("unterminated comment"), "{stderr}");
    // `(*` starts at the 15th character of `Init == x = 0 (* never closed`.
    assert_located(&stderr, "Com.tla", 3, 15);
}

#[test]
fn an_undefined_operator_points_at_its_use() {
    let spec = "\
---- MODULE Und ----
VARIABLE x
Init == x = 0
Next == x' = Foo(x)
====
";
    let dir = fixture(
        "undefined",
        &[("Und.tla", spec), ("Und.cfg", "INIT Init\nNEXT Next\n")],
    );
    let (code, stderr) = check(dir.path(), "Und.tla", "Und.cfg");
    assert_eq!(code, 150, "{stderr}");
    assert!(stderr.contains("Foo"), "{stderr}");
    // `Foo` starts at the 14th character of `Next == x' = Foo(x)`.
    assert_located(&stderr, "Und.tla", 4, 14);
}

#[test]
fn a_config_naming_a_missing_invariant_points_at_the_name() {
    let cfg = "INIT Init\nNEXT Next\nINVARIANT Missing\n";
    let dir = fixture("missing-inv", &[("Ok.tla", OK_SPEC), ("Ok.cfg", cfg)]);
    let (code, stderr) = check(dir.path(), "Ok.tla", "Ok.cfg");
    assert_eq!(code, 151, "{stderr}");
    assert!(stderr.contains("Missing"), "{stderr}");
    // `Missing` follows `INVARIANT ` (10 characters).
    assert_located(&stderr, "Ok.cfg", 3, 11);
}

#[test]
fn a_config_with_an_unknown_keyword_points_at_it() {
    let cfg = "INIT Init\nNEXT Next\nINVARIANTZ Inv\n";
    let dir = fixture("keyword", &[("Ok.tla", OK_SPEC), ("Ok.cfg", cfg)]);
    let (code, stderr) = check(dir.path(), "Ok.tla", "Ok.cfg");
    assert_eq!(code, 151, "{stderr}");
    assert!(stderr.contains("INVARIANTZ"), "{stderr}");
    assert_located(&stderr, "Ok.cfg", 3, 1);
}

#[test]
fn a_config_with_a_bad_value_points_at_the_value() {
    let cfg = "INIT Init\nNEXT Next\nCHECK_DEADLOCK maybe\n";
    let dir = fixture("bad-value", &[("Ok.tla", OK_SPEC), ("Ok.cfg", cfg)]);
    let (code, stderr) = check(dir.path(), "Ok.tla", "Ok.cfg");
    assert_eq!(code, 151, "{stderr}");
    // `maybe` follows `CHECK_DEADLOCK ` (15 characters).
    assert_located(&stderr, "Ok.cfg", 3, 16);
}

#[test]
fn a_missing_spec_file_is_a_system_error() {
    let dir = fixture("no-spec", &[("Ok.cfg", "INIT Init\nNEXT Next\n")]);
    let (code, stderr) = check(dir.path(), "Nope.tla", "Ok.cfg");
    assert_eq!(code, 153, "{stderr}");
    assert!(stderr.contains("Nope.tla"), "{stderr}");
}

#[test]
fn a_missing_config_file_is_a_system_error() {
    let dir = fixture("no-cfg", &[("Ok.tla", OK_SPEC)]);
    let (code, stderr) = check(dir.path(), "Ok.tla", "Nope.cfg");
    assert_eq!(code, 153, "{stderr}");
    assert!(stderr.contains("Nope.cfg"), "{stderr}");
}

/// The exit code, stdout and stderr of `warden check X.tla --config X.cfg` on the given
/// files; asserts the run neither panicked nor died of a signal.
fn check_files(test: &str, name: &str, spec: &str, cfg: &str) -> (i32, String, String) {
    let dir = fixture(
        test,
        &[
            (&format!("{name}.tla"), spec),
            (&format!("{name}.cfg"), cfg),
        ],
    );
    let out = Command::new(env!("CARGO_BIN_EXE_warden"))
        .current_dir(dir.path())
        .args([
            "check",
            &format!("{name}.tla"),
            "--config",
            &format!("{name}.cfg"),
        ])
        .output()
        .expect("warden runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        !stderr.contains("panicked at") && !stderr.contains("overflowed its stack"),
        "warden crashed:\n{stderr}"
    );
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("warden was killed by a signal:\n{stderr}"));
    assert_ne!(code, 101, "a panic exit code:\n{stderr}");
    (code, stdout, stderr)
}

/// Regression: the lowest 64-bit integer divided by -1 overflowed inside `\div` and panicked.
#[test]
fn dividing_the_lowest_integer_by_minus_one_is_an_overflow_error() {
    let spec = "\
---- MODULE DivMin ----
EXTENDS Integers
VARIABLE x
Init == x = 0
Next == x' = x
Inv == (-9223372036854775807 - 1) \\div -1 > 0
====
";
    let cfg = "INIT Init\nNEXT Next\nINVARIANT Inv\n";
    let (code, stdout, stderr) = check_files("div-min", "DivMin", spec, cfg);
    assert_eq!(code, 76, "{stdout}{stderr}");
    assert!(
        stdout.contains("Overflow when computing \\div."),
        "{stdout}"
    );
}

/// Regression: an infinitely recursive operator overflowed the stack and aborted.
#[test]
fn an_infinitely_recursive_operator_is_an_error() {
    let spec = "\
---- MODULE Rec ----
EXTENDS Naturals
VARIABLE x
RECURSIVE R(_)
R(n) == R(n + 1)
Init == x = 0
Next == x' = x
Inv == R(0) = 1
====
";
    let cfg = "INIT Init\nNEXT Next\nINVARIANT Inv\n";
    let (code, stdout, stderr) = check_files("rec-op", "Rec", spec, cfg);
    assert_eq!(code, 76, "{stdout}{stderr}");
    assert!(stdout.contains("infinite recursion"), "{stdout}");
}

/// Regression: an infinitely recursive function definition overflowed the stack.
#[test]
fn an_infinitely_recursive_function_is_an_error() {
    let spec = "\
---- MODULE RecFn ----
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = x
Inv == LET f[n \\in Nat] == f[n + 1] IN f[0] = 1
====
";
    let cfg = "INIT Init\nNEXT Next\nINVARIANT Inv\n";
    let (code, stdout, stderr) = check_files("rec-fn", "RecFn", spec, cfg);
    assert_eq!(code, 76, "{stdout}{stderr}");
    assert!(stdout.contains("infinite recursion"), "{stdout}");
}

/// Regression: an infinitely recursive action overflowed the stack while its successors were
/// enumerated (a path that does not go through expression evaluation).
#[test]
fn an_infinitely_recursive_action_is_an_error() {
    let spec = "\
---- MODULE RecAct ----
EXTENDS Naturals
VARIABLE x
RECURSIVE A(_)
A(n) == x' = n \\/ A(n + 1)
Init == x = 0
Next == A(0)
====
";
    let (code, stdout, stderr) = check_files("rec-act", "RecAct", spec, "INIT Init\nNEXT Next\n");
    assert_eq!(code, 75, "{stdout}{stderr}");
    assert!(stdout.contains("infinite recursion"), "{stdout}");
}

/// A deep but finite recursion is not mistaken for an infinite one.
#[test]
fn a_deep_finite_recursion_evaluates() {
    let spec = "\
---- MODULE Deep ----
EXTENDS Naturals
VARIABLE x
RECURSIVE S(_)
S(n) == IF n = 0 THEN 0 ELSE n + S(n - 1)
Init == x = 0
Next == x' = x
Inv == S(5000) = 12502500
====
";
    let cfg = "INIT Init\nNEXT Next\nINVARIANT Inv\n";
    let (code, stdout, stderr) = check_files("deep", "Deep", spec, cfg);
    assert_eq!(code, 0, "{stdout}{stderr}");
}

/// Regression: substituting an operator of another arity (`Next <- Op` with `Op(a)`) made the
/// evaluator read a missing argument and panic; it is a configuration error at the `<-`.
#[test]
fn a_substitution_with_another_arity_is_a_config_error() {
    let spec = "\
---- MODULE Arity ----
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = x
Op(a) == x' = a
====
";
    let cfg = "CONSTANT Next <- Op\nINIT Init\nNEXT Next\n";
    let (code, stdout, stderr) = check_files("arity", "Arity", spec, cfg);
    assert_eq!(code, 151, "{stdout}{stderr}");
    assert!(stderr.contains("arity-mismatch"), "{stderr}");
    // The substitution `Next <- Op` starts the first line, after `CONSTANT ` (9 characters).
    assert_located(&stderr, "Arity.cfg", 1, 10);
}

/// Regression: the same for a substitution scoped to a module (`Z <- [Lib] Two`).
#[test]
fn a_module_scoped_substitution_with_another_arity_is_a_config_error() {
    let lib = "\
---- MODULE Lib ----
Z == 1
====
";
    let spec = "\
---- MODULE Scoped ----
EXTENDS Naturals
VARIABLE x
I == INSTANCE Lib
Two(a, b) == a + b
Init == x = I!Z
Next == x' = x
====
";
    let cfg = "INIT Init\nNEXT Next\nCONSTANT Z <- [Lib] Two\n";
    let dir = fixture(
        "scoped-arity",
        &[("Lib.tla", lib), ("Scoped.tla", spec), ("Scoped.cfg", cfg)],
    );
    let (code, stderr) = check(dir.path(), "Scoped.tla", "Scoped.cfg");
    assert_eq!(code, 151, "{stderr}");
    assert!(stderr.contains("arity-mismatch"), "{stderr}");
    // `Z <- [Lib] Two` follows `CONSTANT ` (9 characters) on the third line.
    assert_located(&stderr, "Scoped.cfg", 3, 10);
}

/// Regression: adding bag counts overflowed inside `(+)` and panicked.
#[test]
fn a_bag_count_overflow_is_an_error() {
    let spec = "\
---- MODULE BagMax ----
EXTENDS Bags, TLC
VARIABLE x
Init == x = 0
Next == x' = x
Inv == (1 :> 9223372036854775807) (+) (1 :> 1) # EmptyBag
====
";
    let cfg = "INIT Init\nNEXT Next\nINVARIANT Inv\n";
    let (code, stdout, stderr) = check_files("bag-max", "BagMax", spec, cfg);
    assert_eq!(code, 76, "{stdout}{stderr}");
    assert!(stdout.contains("Overflow when computing (+)."), "{stdout}");
}
