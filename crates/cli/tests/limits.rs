//! End-to-end tests of bounded searches: `--max-states`, `--max-depth`, `--time-limit` and
//! Ctrl-C stop the search with exit code 4, the `The search is incomplete` line, and a JSON
//! report whose verdict is `incomplete` with the limit named; a limit that is not reached
//! changes nothing. Full counts come from the corpus `.expect` files (TLC's figures); the
//! counts at `--max-depth 3` are derived by hand in the test that uses them.

#[allow(dead_code)] // Not every helper is used here.
mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::corpus_dir;

/// The corpus spec used: five counters in 0..6, 16807 states (corpus/basics/Counters).
fn counters() -> PathBuf {
    corpus_dir().join("basics/Counters.tla")
}

/// A fresh scratch directory for one test, removed with everything in it when the returned
/// guard is dropped.
fn scratch(test: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("warden-limits-{test}-"))
        .tempdir()
        .expect("scratch dir")
}

/// Runs `warden check SPEC ARGS --json R`; returns the exit code, stdout and the report.
fn check(spec: &Path, args: &[&str], dir: &Path) -> (i32, String, serde_json::Value) {
    let json = dir.join("report.json");
    let out = Command::new(env!("CARGO_BIN_EXE_warden"))
        .arg("check")
        .arg(spec)
        .args(args)
        .arg("--json")
        .arg(&json)
        .output()
        .expect("warden runs");
    let report = std::fs::read_to_string(&json).expect("a report was written");
    (
        out.status.code().expect("warden exits normally"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        serde_json::from_str(&report).expect("the report is JSON"),
    )
}

fn counts(r: &serde_json::Value) -> (u64, u64, u64, u64) {
    let n = |v: &serde_json::Value| v.as_u64().expect("a number");
    (
        n(&r["states"]["distinct"]),
        n(&r["states"]["generated"]),
        n(&r["states"]["left_on_queue"]),
        n(&r["depth"]),
    )
}

#[test]
fn max_states_stops_with_exit_4_and_an_incomplete_report() {
    let tmp = scratch("max-states");
    let dir = tmp.path();
    let (code, stdout, r) = check(&counters(), &["--max-states", "100"], dir);
    assert_eq!(code, 4, "{stdout}");
    assert_eq!(r["verdict"], "incomplete");
    assert_eq!(r["limit"], "max-states");
    assert_eq!(r["complete"], false);
    let (distinct, generated, left, _) = counts(&r);
    // TLC finds 16807 distinct states (Counters.expect); the search stopped well before.
    assert!((100..16807).contains(&distinct), "{distinct} distinct");
    assert!(left > 0 && generated >= distinct);
    assert!(
        stdout.contains("The search is incomplete: stopped at --max-states 100 after"),
        "{stdout}"
    );
    // TLC's summary line follows, with the report's counts.
    let summary =
        format!("{generated} states generated, {distinct} distinct states found, {left} states left on queue.");
    assert!(stdout.contains(&summary), "{stdout}");
    // The counts at the stop do not depend on the number of workers.
    let (code2, _, r2) = check(&counters(), &["--max-states", "100", "--workers", "2"], dir);
    assert_eq!(code2, 4);
    assert_eq!(counts(&r2), counts(&r));
}

#[test]
fn max_depth_expands_no_state_at_that_depth() {
    let tmp = scratch("max-depth");
    let dir = tmp.path();
    let (code, stdout, r) = check(&counters(), &["--max-depth", "3"], dir);
    assert_eq!(code, 4, "{stdout}");
    assert_eq!(r["limit"], "max-depth");
    // By hand: depth 1 is the zero vector; depth 2 the 5 vectors with one counter at 1;
    // depth 3 the 15 vectors summing to 2 (no decrement is enabled before two counters are
    // positive). Generated: 1 initial state, 5 successors of it, 5 increments of each of the
    // 5 states at depth 2. The 15 states at depth 3 are left on the queue.
    assert_eq!(counts(&r), (21, 31, 15, 3));
}

#[test]
fn time_limit_zero_stops_after_the_first_batch() {
    let tmp = scratch("time-limit");
    let dir = tmp.path();
    let (code, stdout, r) = check(&counters(), &["--time-limit", "0s"], dir);
    assert_eq!(code, 4, "{stdout}");
    assert_eq!(r["limit"], "time-limit");
    assert!(counts(&r).0 < 16807);
    assert!(stdout.contains("stopped at --time-limit 0s"), "{stdout}");
}

#[test]
fn limits_not_reached_change_nothing_and_memory_is_reported() {
    let tmp = scratch("not-reached");
    let dir = tmp.path();
    let args = [
        "--max-states",
        "1000000",
        "--max-depth",
        "100",
        "--time-limit",
        "1h",
    ];
    let (code, stdout, r) = check(&counters(), &args, dir);
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(r["verdict"], "ok");
    assert!(r["limit"].is_null());
    // TLC's figures (Counters.expect).
    assert_eq!(counts(&r), (16807, 133771, 0, 31));
    assert!(r["seconds"].as_f64().is_some_and(|s| s >= 0.0));
    assert!(r["states_per_second"].as_f64().is_some());
    let line = stdout
        .lines()
        .find(|l| l.starts_with("Peak memory: "))
        .expect("a peak memory line");
    if cfg!(target_os = "linux") {
        let peak = r["memory"]["peak_rss_bytes"]
            .as_u64()
            .expect("VmHWM on Linux");
        let per_state = r["memory"]["bytes_per_distinct_state"]
            .as_f64()
            .expect("bytes per state");
        assert!((per_state - peak as f64 / 16807.0).abs() < 1e-6);
        assert!(line.contains("bytes per distinct state"), "{line}");
    }
    // It comes after TLC's summary lines.
    let depth_line = stdout
        .find("The depth of the complete state graph search is 31.")
        .expect("TLC's depth line");
    assert!(stdout
        .find("Peak memory: ")
        .is_some_and(|at| at > depth_line));
}

#[test]
fn malformed_limits_are_usage_errors() {
    for args in [
        ["--time-limit", "soon"],
        ["--max-states", "-1"],
        ["--max-depth", "0"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_warden"))
            .arg("check")
            .arg(counters())
            .args(args)
            .output()
            .expect("warden runs");
        assert_eq!(out.status.code(), Some(2), "{args:?} was accepted");
    }
}

/// A spec whose states never end (x counts up for ever).
const ENDLESS: &str = "\
---- MODULE Endless ----
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = x + 1
====
";

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_search_and_reports_it() {
    let tmp = scratch("interrupt");
    let dir = tmp.path();
    std::fs::write(dir.join("Endless.tla"), ENDLESS).expect("write spec");
    std::fs::write(dir.join("Endless.cfg"), "INIT Init\nNEXT Next\n").expect("write cfg");
    let json = dir.join("report.json");
    // The time limit only ends the run if the interrupt is lost; the assertions tell which.
    let mut child = Command::new(env!("CARGO_BIN_EXE_warden"))
        .current_dir(dir)
        .args(["check", "Endless.tla", "--time-limit", "300", "--json"])
        .arg(&json)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("warden starts");
    let mut stdout = BufReader::new(child.stdout.take().expect("piped"));
    let mut text = String::new();
    // The handler is installed before the first line is printed; wait until the search is
    // about to start.
    while !text.contains("Computing initial states...") {
        let mut line = String::new();
        if stdout.read_line(&mut line).expect("stdout readable") == 0 {
            break;
        }
        text.push_str(&line);
    }
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).expect("stdout readable");
    let status = child.wait().expect("warden ends");
    assert_eq!(status.code(), Some(4), "{text}{rest}");
    assert!(
        rest.contains("The search is incomplete: interrupted after"),
        "{rest}"
    );
    let r: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("report")).expect("JSON");
    assert_eq!(r["verdict"], "incomplete");
    assert_eq!(r["limit"], "interrupted");
}

#[test]
fn a_memory_budget_spills_the_seen_set_to_disk_and_changes_no_count() {
    let tmp = scratch("memory");
    let dir = tmp.path();
    let spill = dir.join("spill");
    std::fs::create_dir_all(&spill).unwrap();
    let args = ["--memory", "8K", "--spill-dir", spill.to_str().unwrap()];
    let (code, stdout, r) = check(&counters(), &args, dir);
    assert_eq!(code, 0, "{stdout}");
    // TLC's figures (Counters.expect).
    assert_eq!(counts(&r), (16807, 133771, 0, 31));
    // An 8 KiB table holds at most 768 fingerprints before it is written out.
    let on_disk = r["disk"]["fingerprints"].as_u64().unwrap();
    assert!(on_disk <= 16807 && on_disk + 768 >= 16807, "{r}");
    let runs = r["disk"]["runs"].as_u64().unwrap();
    assert!(runs >= 16807 / 768, "{r}");
    // Every level is finished when the search completes: every state's link went to disk.
    assert_eq!(r["disk"]["links"].as_u64(), Some(16807), "{r}");
    assert!(stdout.contains(&format!(
        "fingerprints of the seen set (its table written out {runs} times)"
    )));
    // The levels' packed states went to disk 4 KiB at a time and were read back from there.
    assert!(r["disk"]["packed_bytes"].as_u64().unwrap() >= 4096, "{r}");
    assert!(
        stdout.contains("of packed states of the levels kept."),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read_dir(&spill).unwrap().count(),
        0,
        "spill files removed"
    );
}

#[test]
fn a_counterexample_found_under_a_memory_budget_is_the_same() {
    // DieHard's states are packed and its links go to disk; the trace read back is the one
    // found with everything in memory.
    let tmp = scratch("memory-trace");
    let dir = tmp.path();
    let spec = corpus_dir().join("basics/DieHard.tla");
    let (code, _, plain) = check(&spec, &[], dir);
    let (packed_code, stdout, packed) = check(&spec, &["--memory", "1K"], dir);
    assert_eq!((code, packed_code), (12, 12), "{stdout}");
    assert_eq!(counts(&packed), counts(&plain));
    assert_eq!(packed["trace"], plain["trace"]);
    assert_eq!(
        plain["trace"].as_array().map(Vec::len),
        Some(7),
        "DieHard.expect"
    );
    assert!(packed["disk"]["links"].as_u64().unwrap() > 0, "{packed}");
}

#[test]
fn a_bad_memory_budget_or_spill_directory_is_a_usage_error() {
    let tmp = scratch("memory-bad");
    let dir = tmp.path();
    for args in [
        vec!["--memory", "lots"],
        vec!["--memory", "1G", "--spill-dir", "/no/such/directory"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_warden"))
            .arg("check")
            .arg(counters())
            .args(&args)
            .current_dir(dir)
            .output()
            .expect("warden runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(args[args.len() - 1]), "{stderr}");
    }
}
