//! End-to-end tests of the runner over manifests on disk and a table engine: requests built
//! from the manifest, outcome rules, selection, ordering and discovery.

use std::path::{Path, PathBuf};

use suite::fake::{ended, int_trace, ok, reached, violated, TableEngine};
use suite::{
    load_tree, run, CheckKind, CheckResult, Manifest, RunOptions, RunReport, RunVerdict, Selection,
    ViolationKind,
};

/// A fresh scratch directory for one test, removed with everything in it when the returned
/// guard is dropped.
fn scratch(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("warden-suite-{name}-"))
        .tempdir()
        .expect("create scratch dir")
}

/// Writes a manifest and empty spec/config files it names into `dir`.
fn write_suite(dir: &Path, manifest: &str, files: &[&str]) -> PathBuf {
    std::fs::create_dir_all(dir).expect("mkdir");
    for f in files {
        std::fs::write(dir.join(f), "").expect("write model file");
    }
    let path = dir.join("warden.toml");
    std::fs::write(&path, manifest).expect("write manifest");
    path
}

const PAIRING: &str = r#"
[suite]
name = "demo"

[[claim]]
id = "P-RACE"
title = "the cap holds"
tags = ["pairing", "race"]
spec = "Pairing.tla"
config = "Pairing.cfg"

[claim.green]
holds = ["Cap"]

[[claim.red]]
name = "check-then-act"
violates = "Cap"
constants = { Bug = '"race"' }
max_trace = 3
actions = ["BeginA", "CommitB"]

[[claim.witness]]
name = "in flight"
reachable = "W_InFlight"
"#;

fn race_trace() -> Vec<suite::TraceState> {
    int_trace(&[
        ("Initial predicate", &[("n", 0)]),
        ("BeginA", &[("n", 0)]),
        ("CommitB", &[("n", 2)]),
    ])
}

/// The engine for `PAIRING`: `green` and `red` answer its green and its red, and the witness
/// is reached by the race trace.
fn pairing_engine(green: CheckResult, red: CheckResult) -> TableEngine {
    TableEngine::new()
        .on("Pairing.tla holds Cap", green)
        .on("Pairing.tla Bug=\"race\"", red)
        .on(
            "Pairing.tla reach W_InFlight",
            reached("W_InFlight", race_trace()),
        )
}

/// Loads the manifest at `path` and runs all of it on `engine`.
fn run_manifest(path: &Path, engine: &TableEngine) -> RunReport {
    let m = Manifest::load(path).expect("manifest");
    run(&[m], &Selection::default(), engine, &RunOptions::default())
}

#[test]
fn builds_requests_from_the_manifest() {
    let dir_tmp = scratch("requests");
    let dir = dir_tmp.path();
    let path = write_suite(dir, PAIRING, &["Pairing.tla", "Pairing.cfg"]);
    let m = Manifest::load(&path).expect("manifest");
    let engine = pairing_engine(ok(40, &["Cap"]), violated("Cap", race_trace()));
    let report = run(&[m], &Selection::default(), &engine, &RunOptions::default());
    assert!(report.passed(), "{report:#?}");

    let reqs = engine.requests();
    assert_eq!(reqs.len(), 3);
    for r in &reqs {
        assert_eq!(r.spec, dir.join("Pairing.tla"));
        assert_eq!(r.config, dir.join("Pairing.cfg"));
    }
    let red = &reqs[0];
    assert_eq!(
        red.constants,
        vec![("Bug".to_string(), "\"race\"".to_string())]
    );
    assert_eq!(
        (red.invariants_only.clone(), red.reach.clone()),
        (None, None)
    );
    let green = &reqs[1];
    assert_eq!(green.invariants_only, Some(vec!["Cap".to_string()]));
    assert!(green.constants.is_empty() && green.replace.is_empty() && green.reach.is_none());
    let witness = &reqs[2];
    assert_eq!(witness.reach.as_deref(), Some("W_InFlight"));
    assert_eq!(witness.invariants_only, Some(vec![]));

    let claim = &report.suites[0].claims[0];
    let names: Vec<_> = claim
        .checks
        .iter()
        .map(|c| (c.check.kind, c.check.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            (CheckKind::Green, "green"),
            (CheckKind::Red, "red1"),
            (CheckKind::Witness, "witness1")
        ]
    );
    assert_eq!(claim.distinct(), 40 + 10 + 10);
}

#[test]
fn red_breaking_another_property_fails_the_suite() {
    let dir_tmp = scratch("wrong-red");
    let dir = dir_tmp.path();
    let path = write_suite(dir, PAIRING, &["Pairing.tla", "Pairing.cfg"]);
    let engine = pairing_engine(ok(40, &["Cap"]), violated("TypeOK", race_trace()));
    let report = run_manifest(&path, &engine);
    assert!(!report.passed());
    let counts = report.counts();
    assert_eq!((counts.claims, counts.claims_passed), (1, 0));
    assert_eq!((counts.checks, counts.checks_passed), (3, 2));
    let red = &report.suites[0].claims[0].checks[1];
    assert_eq!(
        red.outcome.reason(),
        Some("expected Cap violated, got invariant TypeOK violated instead")
    );
}

#[test]
fn red_ending_in_deadlock_fails() {
    let dir_tmp = scratch("deadlock-red");
    let dir = dir_tmp.path();
    let path = write_suite(dir, PAIRING, &["Pairing.tla", "Pairing.cfg"]);
    let dl = RunVerdict::Violated {
        name: "Deadlock".into(),
        kind: ViolationKind::Deadlock,
    };
    let engine = pairing_engine(ok(40, &["Cap"]), ended(dl, race_trace()));
    let report = run_manifest(&path, &engine);
    let red = &report.suites[0].claims[0].checks[1];
    assert_eq!(
        red.outcome.reason(),
        Some("expected Cap violated, got deadlock reached instead")
    );
}

#[test]
fn green_with_no_property_fails_without_running() {
    let dir_tmp = scratch("empty-green");
    let dir = dir_tmp.path();
    let text = PAIRING.replace("holds = [\"Cap\"]", "holds = []");
    let path = write_suite(dir, &text, &["Pairing.tla", "Pairing.cfg"]);
    let engine = TableEngine::new()
        .on("Pairing.tla Bug=\"race\"", violated("Cap", race_trace()))
        .on(
            "Pairing.tla reach W_InFlight",
            reached("W_InFlight", race_trace()),
        );
    let report = run_manifest(&path, &engine);
    assert!(!report.passed());
    let green = &report.suites[0].claims[0].checks[0];
    assert_eq!(
        green.outcome.reason(),
        Some("error: `holds` is empty: a claim with no property to check cannot pass")
    );
    assert_eq!(engine.requests().len(), 2, "the green is not run");

    // No green table at all is the same failure.
    let text = PAIRING.replace("[claim.green]\nholds = [\"Cap\"]\n", "");
    let path = write_suite(dir, &text, &["Pairing.tla", "Pairing.cfg"]);
    let report = run_manifest(&path, &engine);
    let green = &report.suites[0].claims[0].checks[0];
    assert!(
        green
            .outcome
            .reason()
            .is_some_and(|r| r.contains("no [claim.green]")),
        "{:?}",
        green.outcome
    );
}

#[test]
fn green_property_missing_from_the_cfg_fails() {
    let dir_tmp = scratch("unchecked-green");
    let dir = dir_tmp.path();
    let path = write_suite(dir, PAIRING, &["Pairing.tla", "Pairing.cfg"]);
    let engine = pairing_engine(ok(40, &[]), violated("Cap", race_trace()));
    let report = run_manifest(&path, &engine);
    let green = &report.suites[0].claims[0].checks[0];
    assert_eq!(
        green.outcome.reason(),
        Some("not checked (not an INVARIANT or PROPERTY of the cfg): Cap")
    );
}

#[test]
fn missing_spec_file_is_an_error_before_the_engine() {
    let dir_tmp = scratch("missing-spec");
    let dir = dir_tmp.path();
    let path = write_suite(dir, PAIRING, &["Pairing.cfg"]);
    let engine = TableEngine::new();
    let report = run_manifest(&path, &engine);
    assert!(engine.requests().is_empty());
    let reason = report.suites[0].claims[0].checks[1]
        .outcome
        .reason()
        .map(str::to_string);
    assert_eq!(
        reason,
        Some(format!(
            "error: spec file not found: {}",
            dir.join("Pairing.tla").display()
        ))
    );
}

/// A manifest with `n` claims `<prefix>-1..n`, each green only, tagged by parity.
fn many(prefix: &str, n: usize) -> String {
    let mut s = format!("[suite]\nname = \"{prefix}\"\n");
    for i in 1..=n {
        let tag = if i % 2 == 0 { "even" } else { "odd" };
        s.push_str(&format!(
            "\n[[claim]]\nid = \"{prefix}-{i}\"\ntitle = \"t\"\ntags = [\"{tag}\"]\nspec = \"M.tla\"\nconfig = \"M.cfg\"\n[claim.green]\nholds = [\"Inv\"]\n"
        ));
    }
    s
}

#[test]
fn tree_runs_in_deterministic_order_and_selects() {
    let root_tmp = scratch("tree");
    let root = root_tmp.path();
    write_suite(&root.join("b"), &many("B", 5), &["M.tla", "M.cfg"]);
    write_suite(&root.join("a/nested"), &many("A", 7), &["M.tla", "M.cfg"]);
    write_suite(&root.join(".hidden"), &many("H", 1), &["M.tla", "M.cfg"]);
    write_suite(&root.join("target"), &many("T", 1), &["M.tla", "M.cfg"]);
    let manifests = load_tree(root).expect("tree loads");
    let names: Vec<_> = manifests.iter().map(|m| m.suite.name.as_str()).collect();
    assert_eq!(names, ["A", "B"]);

    let engine = TableEngine::new().on("M.tla holds Inv", ok(1, &["Inv"]));
    let opts = RunOptions { jobs: Some(2) };
    let report = run(&manifests, &Selection::default(), &engine, &opts);
    let ids: Vec<_> = report.claims().map(|c| c.claim.id.clone()).collect();
    let expected: Vec<String> = (1..=7)
        .map(|i| format!("A-{i}"))
        .chain((1..=5).map(|i| format!("B-{i}")))
        .collect();
    assert_eq!(ids, expected);
    assert!(report.passed());

    let sel = Selection {
        claims: vec!["A-*".into(), "B-5".into()],
        tags: vec!["odd".into()],
    };
    let report = run(&manifests, &sel, &engine, &opts);
    let ids: Vec<_> = report.claims().map(|c| c.claim.id.as_str()).collect();
    assert_eq!(ids, ["A-1", "A-3", "A-5", "A-7", "B-5"]);
    assert_eq!(report.suites.len(), 2);

    let none = Selection {
        claims: vec!["ZZZ".into()],
        tags: vec![],
    };
    let report = run(&manifests, &none, &engine, &opts);
    assert!(report.suites.is_empty() && report.passed());
}

#[test]
fn duplicate_ids_across_manifests_and_empty_trees_are_errors() {
    let root_tmp = scratch("dups");
    let root = root_tmp.path();
    write_suite(&root.join("x"), &many("D", 1), &["M.tla", "M.cfg"]);
    write_suite(&root.join("y"), &many("D", 2), &["M.tla", "M.cfg"]);
    let e = load_tree(root).expect_err("duplicate id");
    assert!(e.message.contains("`D-1`"), "{e}");

    let empty_tmp = scratch("empty");
    let empty = empty_tmp.path();
    let e = load_tree(empty).expect_err("no manifest");
    assert!(e.message.contains("no warden.toml"), "{e}");
}

#[test]
fn bundled_gateway_manifest_parses() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/gateway/warden.toml");
    let m = Manifest::load(&path).expect("the bundled manifest is valid");
    assert!(!m.claims.is_empty());
    for c in &m.claims {
        assert!(c.spec.is_file(), "{} names a missing spec", c.id);
        assert!(c.config.is_file(), "{} names a missing config", c.id);
        let holds = c.green.as_ref().map(|g| g.holds.len()).unwrap_or(0);
        assert!(holds > 0, "{} lists no property", c.id);
    }
}
