//! Reports of claim-suite runs: every serialisable view and renderer of a
//! [`suite::RunReport`] — the terminal lines, the JSON run report, JUnit XML, the Markdown
//! summary, ITF traces and human-readable traces.
//!
//! Renderers return strings; [`artifacts()`](fn@artifacts) lists the files of a run with their contents.
//! Writing them is the caller's job, so this crate does no IO.

pub mod artifacts;
pub mod console;
pub mod human;
pub mod itf;
pub mod json;
pub mod junit;
pub mod markdown;

pub use artifacts::{artifacts, trace_paths, Artifact};
pub use console::{claim_lines, summary_line};
pub use human::{steps_text, trace_text};
pub use itf::{trace_to_itf, value_to_itf, TraceMeta};
pub use json::{report_json, run_dto, RunDto, SCHEMA_VERSION};
pub use junit::junit_xml;
pub use markdown::summary_markdown;

/// A check as people read it: its name, and the manifest's description when it adds one
/// (`red1 (check-then-act race)`, but just `green`).
pub fn check_title(check: &suite::PlannedCheck) -> String {
    if check.label == check.name {
        check.name.clone()
    } else {
        format!("{} ({})", check.name, check.label)
    }
}
