//! The files a suite run leaves behind, as (relative path, contents) pairs: the caller
//! (the CLI) writes them under its output directory, so this crate does no IO.
//!
//! ```text
//! junit.xml                          one test case per check
//! report.json                        the run report (schema_version 1)
//! summary.md                         a Markdown table for CI comments
//! traces/<claim>-<check>.itf.json    every counterexample and witness trace, in ITF
//! traces/<claim>-<check>.trace.txt   the same trace for people, one diff per step
//! ```

use std::path::PathBuf;

use suite::{describe_verdict, CheckReport, Claim, RunReport};

use crate::human::trace_text;
use crate::itf::{trace_to_itf, TraceMeta};

/// One file to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Artifact {
    /// Path relative to the output directory, `/`-separated.
    pub path: PathBuf,
    /// The file's contents.
    pub contents: String,
}

/// The trace files of a check, relative to the output directory, if it has a trace.
pub fn trace_paths(claim: &Claim, check: &CheckReport) -> Option<(String, String)> {
    if check.result.trace.is_empty() {
        return None;
    }
    let stem = format!("traces/{}-{}", claim.id, check.check.name);
    Some((format!("{stem}.itf.json"), format!("{stem}.trace.txt")))
}

/// Every artifact of a run, in a fixed order.
pub fn artifacts(run: &RunReport) -> Vec<Artifact> {
    let mut out = vec![
        Artifact {
            path: "junit.xml".into(),
            contents: crate::junit::junit_xml(run),
        },
        Artifact {
            path: "report.json".into(),
            contents: crate::json::report_json(run),
        },
        Artifact {
            path: "summary.md".into(),
            contents: crate::markdown::summary_markdown(run),
        },
    ];
    for claim in run.claims() {
        for check in &claim.checks {
            let Some((itf, text)) = trace_paths(&claim.claim, check) else {
                continue;
            };
            let meta = TraceMeta {
                source: claim.claim.spec.display().to_string(),
                description: format!(
                    "{} {}: {} ({})",
                    claim.claim.id,
                    check.check.name,
                    describe_verdict(&check.result.verdict),
                    check.check.label
                ),
                claim: claim.claim.id.clone(),
                check: check.check.name.clone(),
            };
            let doc = trace_to_itf(&check.result.trace, &meta);
            let mut json = serde_json::to_string_pretty(&doc).expect("JSON values serialise");
            json.push('\n');
            out.push(Artifact {
                path: itf.into(),
                contents: json,
            });
            out.push(Artifact {
                path: text.into(),
                contents: trace_text(&claim.claim, check),
            });
        }
    }
    out
}
