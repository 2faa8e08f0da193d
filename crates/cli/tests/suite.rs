//! End-to-end runs of `warden suite` with the real checker on a small fixture suite: a claim
//! that is as expected passes, while a red that breaks another property than the one it
//! names and a green with no property both fail the run.

use std::path::{Path, PathBuf};
use std::process::Command;

fn run_suite(args: &[&str], out: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_warden"))
        .arg("suite")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/suites/wrong"))
        .arg("--out")
        .arg(out)
        .args(args)
        .output()
        .expect("warden runs")
}

/// A fresh scratch directory, removed with everything in it when the returned guard is
/// dropped, and the path of an output directory inside it that does not exist yet (warden
/// creates it).
fn out_dir(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::Builder::new()
        .prefix(&format!("warden-suite-{name}-"))
        .tempdir()
        .expect("scratch dir");
    let out = dir.path().join("out");
    (dir, out)
}

#[test]
fn a_claim_as_expected_passes_with_its_artifacts() {
    let (_dir, out) = out_dir("ok");
    let r = run_suite(&["--claim", "T-OK"], &out);
    let stdout = String::from_utf8_lossy(&r.stdout);
    assert_eq!(
        r.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&r.stderr)
    );
    assert!(stdout.contains("T-OK"), "{stdout}");
    for file in ["junit.xml", "report.json", "summary.md"] {
        assert!(out.join(file).is_file(), "{file} written");
    }
    // The red's counterexample: n goes 0, 1, 2, 3 (three Inc steps; the bound is 2).
    let itf = std::fs::read_to_string(out.join("traces/T-OK-red1.itf.json")).expect("red trace");
    let itf: serde_json::Value = serde_json::from_str(&itf).expect("ITF is JSON");
    let states = itf["states"].as_array().expect("states");
    let ns: Vec<&str> = states
        .iter()
        .filter_map(|s| s["n"]["#bigint"].as_str())
        .collect();
    assert_eq!(ns, ["0", "1", "2", "3"]);
    assert!(
        out.join("traces/T-OK-witness1.itf.json").is_file(),
        "witness trace kept"
    );
}

#[test]
fn a_red_that_breaks_another_property_fails_the_suite() {
    let (_dir, out) = out_dir("wrong");
    let r = run_suite(&["--claim", "T-WRONG-PROPERTY"], &out);
    let stdout = String::from_utf8_lossy(&r.stdout);
    assert_eq!(r.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("Bounded"),
        "the failure names the property broken: {stdout}"
    );
}

#[test]
fn a_green_with_no_property_fails_the_suite() {
    let (_dir, out) = out_dir("empty");
    let r = run_suite(&["--claim", "T-EMPTY-GREEN"], &out);
    assert_eq!(
        r.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&r.stdout)
    );
}

/// Every check's verdict, distinct count and trace length, from a run report.
fn check_figures(report: &Path) -> Vec<(String, String, u64, u64)> {
    let text = std::fs::read_to_string(report).expect("report.json written");
    let r: serde_json::Value = serde_json::from_str(&text).expect("report is JSON");
    let mut out = Vec::new();
    for suite in r["suites"].as_array().expect("suites") {
        for claim in suite["claims"].as_array().expect("claims") {
            for check in claim["checks"].as_array().expect("checks") {
                out.push((
                    format!("{}/{}", claim["id"], check["check"]),
                    check["verdict"].to_string(),
                    check["distinct"].as_u64().expect("distinct"),
                    check["trace_length"].as_u64().unwrap_or(0),
                ));
            }
        }
    }
    out
}

#[test]
fn the_bundled_suite_gives_the_same_figures_for_any_number_of_jobs() {
    let models = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models");
    let run = |jobs: &str| {
        let (_dir, out) = out_dir(&format!("jobs{jobs}"));
        let r = Command::new(env!("CARGO_BIN_EXE_warden"))
            .arg("suite")
            .arg(&models)
            .args(["-j", jobs, "--out"])
            .arg(&out)
            .output()
            .expect("warden runs");
        assert_eq!(
            r.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&r.stdout)
        );
        check_figures(&out.join("report.json"))
    };
    let one = run("1");
    assert!(one.len() > 100, "the bundled suite has its checks");
    assert_eq!(one, run("3"));
}

/// The bundled suite, with every condition the fast path decides evaluated on the general
/// path too (`WARDEN_FAST=check` panics where they differ): every claim is as expected.
#[test]
fn the_bundled_suite_holds_with_both_evaluation_paths_compared() {
    let (_dir, out) = out_dir("fast-check");
    let r = Command::new(env!("CARGO_BIN_EXE_warden"))
        .arg("suite")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models"))
        .arg("--out")
        .arg(&out)
        .env("WARDEN_FAST", "check")
        .output()
        .expect("warden runs");
    assert_eq!(
        r.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&r.stdout),
        String::from_utf8_lossy(&r.stderr)
    );
}
