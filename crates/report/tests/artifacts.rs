//! Artifacts of a run over a table engine: ITF traces read back through the independent
//! `itf` crate and compared with the original trace, JUnit test cases, the JSON report's
//! shape, the Markdown table and the human trace.

use std::collections::BTreeMap;

use suite::fake::{ok, reached, violated, TableEngine};
use suite::{run, Manifest, RunOptions, RunReport, Selection, TraceState};
use value::Value;

/// A fresh scratch directory for one test, removed with everything in it when the returned
/// guard is dropped.
fn scratch(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("warden-report-{name}-"))
        .tempdir()
        .expect("create scratch dir")
}

const MANIFEST: &str = r#"
[suite]
name = "demo"
description = "a | piped description"

[[claim]]
id = "P-RACE"
title = "the cap | holds"
tags = ["race"]
spec = "M.tla"
config = "M.cfg"

[claim.green]
holds = ["Cap"]

[[claim.red]]
name = "check-then-act"
violates = "Cap"
constants = { Bug = '"race"' }
actions = ["Begin"]

[[claim.red]]
name = "breaks the type instead"
violates = "Cap"
constants = { Bug = '"typo"' }

[[claim.witness]]
name = "in flight"
reachable = "W"
"#;

fn s(x: &str) -> Value {
    Value::Str(value::Str::from(x))
}

/// A trace using every kind of value ITF can carry.
fn rich_trace() -> Vec<TraceState> {
    let rec = Value::record(vec![
        (value::Str::from("owner"), s("a")),
        (value::Str::from("n"), Value::Int(-3)),
    ])
    .expect("record");
    let func = Value::func(vec![
        (Value::ModelValue(value::Str::from("p1")), Value::Bool(true)),
        (
            Value::ModelValue(value::Str::from("p2")),
            Value::Bool(false),
        ),
    ])
    .expect("function");
    let set = Value::set(vec![Value::Int(3), Value::Int(1), Value::Int(2)]).expect("set");
    let nested = Value::set(vec![
        Value::tuple(vec![s("x"), Value::Int(1)]),
        Value::empty_tuple(),
    ])
    .expect("set of tuples");
    vec![
        TraceState {
            action: "Initial predicate".into(),
            vars: vec![
                ("n".into(), Value::Int(0)),
                ("rows".into(), Value::empty_set()),
                ("seq".into(), Value::empty_tuple()),
                ("who".into(), func.clone()),
            ],
        },
        TraceState {
            action: "Begin".into(),
            vars: vec![
                ("n".into(), Value::Int(i64::MAX)),
                ("rows".into(), set),
                ("seq".into(), Value::tuple(vec![rec.clone(), s("é\"q")])),
                ("who".into(), func),
            ],
        },
        TraceState {
            action: "Commit".into(),
            vars: vec![
                ("n".into(), Value::Int(i64::MIN)),
                ("rows".into(), nested),
                ("seq".into(), Value::tuple(vec![rec])),
                ("who".into(), Value::Bool(true)),
            ],
        },
    ]
}

/// Runs the demo manifest over a table engine in a fresh scratch directory; the directory
/// is returned with the report and lives as long as the caller keeps it.
fn demo_run(name: &str) -> (tempfile::TempDir, RunReport) {
    let guard = scratch(name);
    let dir = guard.path();
    for f in ["M.tla", "M.cfg"] {
        std::fs::write(dir.join(f), "").expect("write");
    }
    let path = dir.join("warden.toml");
    std::fs::write(&path, MANIFEST).expect("write manifest");
    let m = Manifest::load(&path).expect("manifest");
    let engine = TableEngine::new()
        .on("M.tla holds Cap", ok(1234, &["Cap"]))
        .on("M.tla Bug=\"race\"", violated("Cap", rich_trace()))
        .on(
            "M.tla Bug=\"typo\"",
            violated("TypeOK", rich_trace()[..2].to_vec()),
        )
        .on("M.tla reach W", reached("W", rich_trace()[..1].to_vec()));
    let report = run(&[m], &Selection::default(), &engine, &RunOptions::default());
    (guard, report)
}

fn artifact_map(report: &RunReport) -> BTreeMap<String, String> {
    report::artifacts(report)
        .into_iter()
        .map(|a| (a.path.to_string_lossy().replace('\\', "/"), a.contents))
        .collect()
}

/// Reads an ITF value (as decoded by the `itf` crate) back into a warden value.
fn from_itf(v: &itf::Value) -> Value {
    match v {
        itf::Value::Bool(b) => Value::Bool(*b),
        itf::Value::Number(n) => Value::Int(*n),
        itf::Value::BigInt(b) => Value::Int(b.to_string().parse().expect("fits i64")),
        itf::Value::String(s) => Value::Str(value::Str::from(s.as_str())),
        itf::Value::List(items) => Value::tuple(items.iter().map(from_itf).collect()),
        itf::Value::Tuple(items) => Value::tuple(items.iter().map(from_itf).collect()),
        itf::Value::Set(items) => {
            Value::set(items.iter().map(from_itf).collect()).expect("comparable set")
        }
        itf::Value::Map(m) => {
            Value::func(m.iter().map(|(k, v)| (from_itf(k), from_itf(v))).collect())
                .expect("function")
        }
        // The `itf` crate's untagged decoding reads `{"#unserializable": s}` as a record
        // with that one field; our model values are written that way.
        itf::Value::Record(r) if r.len() == 1 && r.contains_key("#unserializable") => {
            match r.get("#unserializable") {
                Some(itf::Value::String(name)) => {
                    Value::ModelValue(value::Str::from(name.as_str()))
                }
                other => panic!("malformed #unserializable: {other:?}"),
            }
        }
        itf::Value::Record(r) => Value::record(
            r.iter()
                .map(|(k, v)| (value::Str::from(k.as_str()), from_itf(v)))
                .collect(),
        )
        .expect("record"),
        itf::Value::Unserializable(u) => {
            let json = serde_json::to_value(u).expect("serialise");
            let name = json["#unserializable"].as_str().expect("name").to_string();
            Value::ModelValue(value::Str::from(name))
        }
    }
}

#[test]
fn itf_traces_read_back_through_the_itf_crate() {
    let (_dir, report) = demo_run("itf");
    let files = artifact_map(&report);
    let text = files
        .get("traces/P-RACE-red1.itf.json")
        .expect("red1 trace written");
    let trace: itf::Trace<itf::Value> = serde_json::from_str(text).expect("itf crate reads it");
    let original = rich_trace();
    assert_eq!(trace.vars, ["n", "rows", "seq", "who"]);
    assert_eq!(trace.meta.format.as_deref(), Some("ITF"));
    assert_eq!(
        trace.meta.other.get("claim").map(String::as_str),
        Some("P-RACE")
    );
    assert_eq!(trace.states.len(), original.len());
    for (i, (got, want)) in trace.states.iter().zip(&original).enumerate() {
        assert_eq!(got.meta.index, Some(i as u64));
        assert_eq!(got.meta.other.get("action"), Some(&want.action));
        let itf::Value::Record(rec) = &got.value else {
            panic!("state {i} is not a record: {:?}", got.value);
        };
        assert_eq!(rec.len(), want.vars.len());
        for (name, v) in &want.vars {
            let read = from_itf(rec.get(name).expect("variable present"));
            assert_eq!(&read, v, "state {i} variable {name}");
        }
    }
    // Integers are always big-int objects, never bare JSON numbers.
    let raw: serde_json::Value = serde_json::from_str(text).expect("json");
    assert_eq!(raw["states"][0]["n"], serde_json::json!({"#bigint": "0"}));
    assert_eq!(
        raw["states"][1]["n"],
        serde_json::json!({"#bigint": i64::MAX.to_string()})
    );
}

#[test]
fn trace_files_for_every_counterexample_and_witness() {
    let (_dir, report) = demo_run("files");
    let files = artifact_map(&report);
    let names: Vec<&str> = files.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "junit.xml",
            "report.json",
            "summary.md",
            "traces/P-RACE-red1.itf.json",
            "traces/P-RACE-red1.trace.txt",
            "traces/P-RACE-red2.itf.json",
            "traces/P-RACE-red2.trace.txt",
            "traces/P-RACE-witness1.itf.json",
            "traces/P-RACE-witness1.trace.txt",
        ]
    );
    let human = &files["traces/P-RACE-red2.trace.txt"];
    assert!(
        human.starts_with("P-RACE red2 (red): breaks the type instead\n"),
        "{human}"
    );
    assert!(
        human.contains("got:      invariant TypeOK violated\n"),
        "{human}"
    );
    assert!(
        human.contains("outcome:  NOT as expected: expected Cap violated, got invariant TypeOK violated instead\n"),
        "{human}"
    );
    assert!(human.contains("\nmutation: Bug = \"typo\"\n"), "{human}");
    // The function `who` is unchanged in state 2, so only three variables are shown.
    let state2 = human.split("State 2: <Begin>\n").nth(1).expect("state 2");
    let state2 = state2.split("\n\n").next().expect("block");
    assert_eq!(state2.lines().count(), 3, "{state2}");
    assert!(!state2.contains("who"), "{state2}");
}

#[test]
fn junit_has_one_case_per_check() {
    let (_dir, report) = demo_run("junit");
    let xml = &artifact_map(&report)["junit.xml"];
    assert_eq!(xml.matches("<testcase ").count(), 4, "{xml}");
    for name in [
        "P-RACE/green",
        "P-RACE/red1",
        "P-RACE/red2",
        "P-RACE/witness1",
    ] {
        assert!(
            xml.contains(&format!("name=\"{name}\"")),
            "{name} missing in {xml}"
        );
    }
    assert!(xml.contains("classname=\"P-RACE\""));
    assert_eq!(xml.matches("<failure").count(), 1, "{xml}");
    assert!(
        xml.contains("got invariant TypeOK violated instead"),
        "{xml}"
    );
    assert!(
        xml.contains("tests=\"4\"") && xml.contains("failures=\"1\""),
        "{xml}"
    );
}

#[test]
fn json_report_is_versioned_and_complete() {
    let (_dir, report) = demo_run("json");
    let json: serde_json::Value =
        serde_json::from_str(&artifact_map(&report)["report.json"]).expect("valid JSON");
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["passed"], false);
    assert_eq!(json["counts"]["claims"], 1);
    assert_eq!(json["counts"]["claims_failed"], 1);
    assert_eq!(json["counts"]["checks_passed"], 3);
    let claim = &json["suites"][0]["claims"][0];
    assert_eq!(claim["id"], "P-RACE");
    assert_eq!(claim["distinct"], 1234 + 10 * 3);
    let red1 = &claim["checks"][1];
    assert_eq!(red1["check"], "red1");
    assert_eq!(red1["expectation"]["kind"], "violates");
    assert_eq!(red1["expectation"]["property"], "Cap");
    assert_eq!(red1["constants"]["Bug"], "\"race\"");
    assert_eq!(red1["verdict"]["kind"], "violated");
    assert_eq!(red1["verdict"]["violation"], "invariant");
    assert_eq!(red1["trace_length"], 3);
    assert_eq!(red1["trace_itf"], "traces/P-RACE-red1.itf.json");
    let red2 = &claim["checks"][2];
    assert_eq!(red2["passed"], false);
    assert_eq!(
        red2["reason"],
        "expected Cap violated, got invariant TypeOK violated instead"
    );
    let green = &claim["checks"][0];
    assert_eq!(green["trace_itf"], serde_json::Value::Null);
    assert_eq!(
        green["expectation"]["properties"],
        serde_json::json!(["Cap"])
    );
}

#[test]
fn markdown_summary_table() {
    let (_dir, report) = demo_run("md");
    let md = &artifact_map(&report)["summary.md"];
    assert!(
        md.starts_with("## ❌ warden suite: 0/1 claims as expected\n"),
        "{md}"
    );
    assert!(
        md.contains("| ❌ | `P-RACE` | the cap \\| holds | 3/4 | 1,264 |"),
        "{md}"
    );
    assert!(
        md.contains("- `P-RACE` red2 (breaks the type instead): expected Cap violated"),
        "{md}"
    );
}

#[test]
fn console_lines() {
    let (_dir, report) = demo_run("console");
    let claim = report.claims().next().expect("one claim");
    let lines = report::claim_lines(claim);
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with("FAIL P-RACE "), "{}", lines[0]);
    assert!(
        lines[0].contains("holds Cap; 2 reds; 1 witness"),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("3/4 as expected"), "{}", lines[0]);
    assert!(lines[0].contains("1,264 states"), "{}", lines[0]);
    assert!(lines[1]
        .trim_start()
        .starts_with("red2 (breaks the type instead): expected Cap"));
    let summary = report::summary_line(&report);
    assert!(
        summary.starts_with(
            "suite FAILED: 1 claims, 0 as expected, 1 not; 3/4 checks as expected; 1,264 states;"
        ),
        "{summary}"
    );
}
