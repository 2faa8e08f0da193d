//! Inputs built to break a parser: deep nesting of every bracketed and prefix form, long
//! chains, and truncated or binary text. Each must return diagnostics, never panic or
//! overflow the stack (these tests run on the default 2 MiB test thread stack).

use source::SourceDb;

fn parse(text: &str) -> syntax::ParseResult {
    let mut db = SourceDb::new();
    let id = db.add("Deep.tla", text.to_string());
    syntax::parse_module(&db, id)
}

fn module(body: &str) -> String {
    format!("---- MODULE Deep ----\n{body}\nAfter == 1\n====\n")
}

fn codes(r: &syntax::ParseResult) -> Vec<&'static str> {
    r.errors.iter().map(|d| d.code).collect()
}

/// The deep definition reports `nesting-too-deep` once, and the parser recovers for the next
/// definition.
fn assert_too_deep(body: &str) {
    let r = parse(&module(body));
    assert_eq!(codes(&r), vec!["nesting-too-deep"], "{body:.60}");
    let m = r.module.expect("module header present");
    let last = syntax::dump::dump(&m);
    assert!(last.contains("(def After 1)"), "{last:.200}");
}

#[test]
fn deep_parentheses() {
    let n = 100_000;
    assert_too_deep(&format!("A == {}1{}", "(".repeat(n), ")".repeat(n)));
}

#[test]
fn deep_sets_tuples_functions() {
    let n = 20_000;
    assert_too_deep(&format!("A == {}{}", "{".repeat(n), "}".repeat(n)));
    assert_too_deep(&format!("A == {}1{}", "<<".repeat(n), ">>".repeat(n)));
    assert_too_deep(&format!("A == {}1{}", "f[".repeat(n), "]".repeat(n)));
    assert_too_deep(&format!(
        "A == {}1{}",
        "[x \\in S |-> ".repeat(n),
        "]".repeat(n)
    ));
    // Set filters and maps, whose form is known only at the `:`.
    assert_too_deep(&format!("A == {}S{}", "{x \\in ".repeat(n), "}".repeat(n)));
    assert_too_deep(&format!(
        "A == {}S{}",
        "{x \\in ".repeat(n),
        " : TRUE}".repeat(n)
    ));
}

#[test]
fn deep_prefix_operators_and_keywords() {
    let n = 50_000;
    assert_too_deep(&format!("A == {}1", "- ".repeat(n)));
    assert_too_deep(&format!("A == {}TRUE", "~".repeat(n)));
    assert_too_deep(&format!("A == {}TRUE", "[]".repeat(n)));
    assert_too_deep(&format!("A == {}1", "IF TRUE THEN ".repeat(n)));
    assert_too_deep(&format!("A == {}1", "\\A x : ".repeat(n)));
    assert_too_deep(&format!("A == {}1", "LET a == ".repeat(n)));
    assert_too_deep(&format!("A == {}1", "/\\ ".repeat(n)));
}

#[test]
fn long_flat_chains_are_fine() {
    let n = 50_000;
    // Junctions are flattened, so a long chain is a shallow tree.
    let chain = vec!["x"; n].join(" \\/ ");
    let r = parse(&module(&format!("A == {chain}")));
    assert!(r.errors.is_empty(), "{:?}", codes(&r));
    // Other left-associative chains nest to the left: a long one is too deep a tree.
    let chain = vec!["1"; n].join(" + ");
    assert_too_deep(&format!("A == {chain}"));
    let chain = vec!["1"; 100].join(" + ");
    let r = parse(&module(&format!("A == {chain}")));
    assert!(r.errors.is_empty(), "{:?}", codes(&r));
    let list = vec!["x"; n].join(", ");
    let r = parse(&module(&format!("A == {{{list}}}")));
    assert!(r.errors.is_empty(), "{:?}", codes(&r));
}

#[test]
fn deep_nested_modules() {
    let n = 10_000;
    let text = "---- MODULE M ----\n".repeat(n);
    let r = parse(&text);
    assert!(codes(&r).contains(&"nesting-too-deep"), "{:?}", codes(&r));
}

#[test]
fn deep_cfg_values() {
    let n = 50_000;
    let mut db = SourceDb::new();
    let text = format!("CONSTANT A = {}{}", "{".repeat(n), "}".repeat(n));
    let id = db.add("Deep.cfg", text);
    let (_, errors) = syntax::parse_cfg(&db, id);
    assert_eq!(errors[0].code, "nesting-too-deep");
}

#[test]
fn truncated_modules_never_panic() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/test_data/ok/sets_functions.tla"
    ))
    .expect("test input");
    for end in 0..text.len() {
        if text.is_char_boundary(end) {
            let _ = parse(&text[..end]);
        }
    }
}

#[test]
fn unicode_and_control_characters() {
    let r = parse(&module("A == ∈∈∈ \u{0} \u{7f} 😀 \"😀\" ⟨⟩ ⟨"));
    assert!(!r.errors.is_empty());
}
