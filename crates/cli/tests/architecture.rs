//! Holds the workspace's internal dependency edges to the list in ARCHITECTURE.md, so that an
//! edge pointing up the pipeline (say, `check` depending on `syntax`) cannot land silently.

use std::collections::BTreeMap;
use std::process::Command;

/// Each crate and the workspace crates it may depend on (normal dependencies).
const ALLOWED: &[(&str, &[&str])] = &[
    ("source", &[]),
    ("syntax", &["source"]),
    ("value", &[]),
    ("eval", &["source", "syntax", "value"]),
    ("check", &[]),
    ("spec", &["source", "syntax", "value", "eval", "check"]),
    (
        "suite",
        &["source", "syntax", "value", "eval", "check", "spec"],
    ),
    ("report", &["suite", "value"]),
    (
        "cli",
        &[
            "source", "syntax", "value", "eval", "check", "spec", "suite", "report",
        ],
    ),
];

#[test]
fn internal_dependencies_follow_the_pipeline() {
    let out = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("metadata is JSON");
    let packages = meta["packages"].as_array().expect("packages array");
    let names: Vec<&str> = packages.iter().filter_map(|p| p["name"].as_str()).collect();
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    for p in packages {
        let name = p["name"].as_str().expect("package name");
        let Some(ok) = allowed.get(name) else {
            panic!("crate `{name}` is not listed in ARCHITECTURE.md's table (and this test)");
        };
        for d in p["dependencies"].as_array().expect("dependencies") {
            let dep = d["name"].as_str().expect("dependency name");
            let normal = d["kind"].is_null();
            if normal && names.contains(&dep) {
                assert!(
                    ok.contains(&dep),
                    "`{name}` depends on `{dep}`, which ARCHITECTURE.md does not allow"
                );
            }
        }
    }
}
