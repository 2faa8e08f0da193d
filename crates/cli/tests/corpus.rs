//! Runs the `warden` binary on every specification of `corpus/` and compares its verdict,
//! counts, depth, trace length and exit code with the `.expect` file beside it, whose figures
//! were obtained from TLC (see `corpus/README.md`). All mismatches are reported together.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use common::{corpus_dir, corpus_files};

/// Parses `key = value` lines; `#` starts a comment.
fn parse_expect(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

/// TLC wraps most evaluation errors in a generic preamble ("TLC threw an unexpected
/// exception."); its specific text follows on later lines. warden reports the specific text,
/// so the generic preamble matches any message; any other expected text must appear in
/// warden's message.
fn message_matches(want: &str, got: &str) -> bool {
    want == "TLC threw an unexpected exception." || got.contains(want)
}

/// Runs one spec and returns the differences from its expectation. `fast` is the mode of the
/// fast path of conditions (`WARDEN_FAST`): `on`, or `check` to evaluate every condition it
/// decides on the general path too, and stop with a panic where the two differ.
fn check_one(expect_path: &Path, fast: &str) -> Vec<String> {
    let expected = parse_expect(&std::fs::read_to_string(expect_path).expect("readable"));
    let spec = expect_path.with_extension("tla");
    let cfg = expect_path.with_extension("cfg");
    let stem = spec.file_stem().and_then(|s| s.to_str()).unwrap_or("spec");
    // A fresh directory for the JSON report, removed with it when `scratch` is dropped.
    let scratch = tempfile::Builder::new()
        .prefix(&format!("warden-corpus-{stem}-"))
        .tempdir()
        .expect("scratch dir");
    let json = scratch.path().join(format!("{stem}.json"));
    let output = Command::new(env!("CARGO_BIN_EXE_warden"))
        .arg("check")
        .arg(&spec)
        .arg("--config")
        .arg(&cfg)
        .arg("--json")
        .arg(&json)
        .env("WARDEN_FAST", fast)
        .output()
        .expect("warden runs");
    let mut actual: BTreeMap<String, String> = BTreeMap::new();
    actual.insert(
        "exit_code".into(),
        output
            .status
            .code()
            .map_or("signal".into(), |c| c.to_string()),
    );
    if let Ok(text) = std::fs::read_to_string(&json) {
        let r: serde_json::Value = serde_json::from_str(&text).expect("report is JSON");
        let num = |v: &serde_json::Value| v.as_u64().map_or("?".into(), |n| n.to_string());
        actual.insert(
            "verdict".into(),
            r["verdict"].as_str().unwrap_or("?").into(),
        );
        if let Some(v) = r["violated"].as_str() {
            actual.insert("violated".into(), v.into());
        }
        if let Some(m) = r["message"].as_str() {
            actual.insert("message".into(), m.into());
        }
        actual.insert("distinct".into(), num(&r["states"]["distinct"]));
        actual.insert("generated".into(), num(&r["states"]["generated"]));
        actual.insert("left_on_queue".into(), num(&r["states"]["left_on_queue"]));
        actual.insert("depth".into(), num(&r["depth"]));
        let len = r["trace"].as_array().map_or(0, Vec::len);
        actual.insert("trace_length".into(), len.to_string());
    }
    drop(scratch);
    let name = expect_path
        .strip_prefix(corpus_dir())
        .unwrap_or(expect_path)
        .display()
        .to_string();
    let mut diffs = Vec::new();
    for (key, want) in &expected {
        let got = actual.get(key).map(String::as_str).unwrap_or("<absent>");
        let same = if key == "message" {
            message_matches(want, got)
        } else {
            got == want
        };
        let known = KNOWN_DIFFERENCES
            .iter()
            .find(|(spec, k, _)| *spec == name && k == key);
        match (same, known) {
            (true, None) | (false, Some(_)) => {}
            (false, None) => diffs.push(format!("{key}: expected {want}, got {got}")),
            (true, Some((_, _, why))) => diffs.push(format!(
                "{key}: now matches TLC ({want}); remove it from KNOWN_DIFFERENCES ({why})"
            )),
        }
    }
    if !diffs.is_empty() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let first: String = stderr.lines().take(6).collect::<Vec<_>>().join("\n    ");
        if !first.is_empty() {
            diffs.push(format!("stderr: {first}"));
        }
    }
    diffs
}

/// Known differences from TLC, each with its cause: `(spec, key, why)`. A listed key is
/// not compared; instead the test fails if it no longer differs, so the list only shrinks
/// when the difference is fixed.
const KNOWN_DIFFERENCES: &[(&str, &str, &str)] = &[];

#[test]
fn corpus_matches_tlc() {
    corpus_matches_tlc_with("on");
}

/// The fast path of conditions decides as the general path does on every condition of the
/// corpus it decides (a difference panics, and the spec's exit code then differs).
#[test]
fn corpus_matches_tlc_with_both_paths_compared() {
    corpus_matches_tlc_with("check");
}

fn corpus_matches_tlc_with(fast: &str) {
    let files = corpus_files(|p| p.extension().is_some_and(|e| e == "expect"));
    assert!(
        files.len() >= 10,
        "the corpus has specs ({} found)",
        files.len()
    );
    let mut failures = Vec::new();
    for f in &files {
        let diffs = check_one(f, fast);
        if !diffs.is_empty() {
            let name = f
                .strip_prefix(corpus_dir())
                .unwrap_or(f)
                .display()
                .to_string();
            failures.push(format!("{name}:\n  {}", diffs.join("\n  ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} corpus specs differ from TLC:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
