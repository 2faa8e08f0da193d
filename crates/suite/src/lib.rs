//! Claim suites: a `warden.toml` manifest declares security claims, each decided by a green
//! model that must hold, red mutations that must violate exactly one named property, and
//! witnesses that must be reachable. This crate finds manifests, selects claims, runs their
//! checks through an [`Engine`] and judges each result; rendering the outcome is the
//! `report` crate's job.
//!
//! The runner is written against the [`Engine`] trait only, so it can be tested with canned
//! results and bound to the TLA+ front end separately.
//!
//! ```
//! use suite::{Engine, CheckRequest, CheckResult, Manifest, Selection, RunOptions};
//! struct Never;
//! impl Engine for Never {
//!     fn check(&self, _: &CheckRequest) -> CheckResult { CheckResult::error("no engine") }
//! }
//! let m = Manifest::parse("warden.toml".as_ref(), "[suite]\nname = \"empty\"\n").unwrap();
//! let report = suite::run(&[m], &Selection::default(), &Never, &RunOptions::default());
//! assert!(report.passed() && report.counts().claims == 0);
//! ```

pub mod discover;
pub mod engine;
pub mod fake;
pub mod judge;
pub mod manifest;
pub mod plan;
pub mod run;
pub mod select;
pub mod tla_engine;

pub use discover::{find_manifests, has_manifest, load_tree};
pub use engine::{CheckRequest, CheckResult, Engine, RunVerdict, TraceState, ViolationKind};
pub use judge::{action_matches, describe_verdict, judge, Outcome};
pub use manifest::{Claim, Green, Manifest, ManifestError, Red, SuiteInfo, Witness, MANIFEST_NAME};
pub use plan::{plan_claim, CheckKind, Expectation, PlannedCheck};
pub use run::{
    run, run_claim, CheckReport, ClaimReport, Counts, RunOptions, RunReport, SuiteReport,
};
pub use select::{glob_match, Selection};
pub use tla_engine::TlaEngine;
