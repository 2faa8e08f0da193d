//! The JSON run report: a versioned, serialisable view of a suite run for tools.
//!
//! `schema_version` changes only when a field is removed or changes meaning; fields may be
//! added within a version. Durations are milliseconds; everything else is deterministic.

use std::collections::BTreeMap;

use serde::Serialize;
use suite::{CheckKind, CheckReport, ClaimReport, Expectation, RunReport, RunVerdict, SuiteReport};

use crate::artifacts::trace_paths;

/// The version of the report's shape.
pub const SCHEMA_VERSION: u32 = 1;

/// The whole report.
#[derive(Clone, Debug, Serialize)]
pub struct RunDto {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// `warden`.
    pub tool: &'static str,
    /// The tool's version.
    pub version: &'static str,
    /// Whether every claim came out as expected.
    pub passed: bool,
    /// Wall-clock time.
    pub duration_ms: u64,
    /// Tallies.
    pub counts: CountsDto,
    /// One entry per manifest.
    pub suites: Vec<SuiteDto>,
}

/// Tallies of claims and checks.
#[derive(Clone, Debug, Serialize)]
pub struct CountsDto {
    /// Claims run.
    pub claims: usize,
    /// Claims as expected.
    pub claims_passed: usize,
    /// Claims not as expected.
    pub claims_failed: usize,
    /// Checks run.
    pub checks: usize,
    /// Checks as expected.
    pub checks_passed: usize,
}

/// One manifest.
#[derive(Clone, Debug, Serialize)]
pub struct SuiteDto {
    /// `[suite] name`.
    pub name: String,
    /// `[suite] description`.
    pub description: String,
    /// The manifest's path.
    pub manifest: String,
    /// Its selected claims.
    pub claims: Vec<ClaimDto>,
}

/// One claim.
#[derive(Clone, Debug, Serialize)]
pub struct ClaimDto {
    /// The claim id.
    pub id: String,
    /// The claim as a sentence.
    pub title: String,
    /// Its family, if any.
    pub family: Option<String>,
    /// Its tags.
    pub tags: Vec<String>,
    /// The spec path.
    pub spec: String,
    /// The cfg path.
    pub config: String,
    /// Whether every check came out as expected.
    pub passed: bool,
    /// Distinct states over its checks.
    pub distinct: u64,
    /// Engine time over its checks.
    pub duration_ms: u64,
    /// Its checks.
    pub checks: Vec<CheckDto>,
}

/// One check.
#[derive(Clone, Debug, Serialize)]
pub struct CheckDto {
    /// `green`, `red1`, `witness1` …
    pub check: String,
    /// `green`, `red` or `witness`.
    pub kind: &'static str,
    /// The manifest's name for it.
    pub label: String,
    /// What was expected.
    pub expectation: ExpectationDto,
    /// Constant overrides (name to TLA+ text).
    pub constants: BTreeMap<String, String>,
    /// Operator overrides.
    pub replace: BTreeMap<String, String>,
    /// Whether it came out as expected.
    pub passed: bool,
    /// Why not, if not.
    pub reason: Option<String>,
    /// What the engine reported.
    pub verdict: VerdictDto,
    /// Distinct states.
    pub distinct: u64,
    /// Generated states.
    pub generated: u64,
    /// BFS depth.
    pub depth: u64,
    /// States in the trace (0 when there is none).
    pub trace_length: usize,
    /// Engine time.
    pub duration_ms: u64,
    /// The ITF trace file, relative to the output directory.
    pub trace_itf: Option<String>,
    /// The human-readable trace file, relative to the output directory.
    pub trace_text: Option<String>,
}

/// An expectation.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ExpectationDto {
    /// Properties that must hold.
    Holds {
        /// Their names.
        properties: Vec<String>,
    },
    /// The one property that must be violated.
    Violates {
        /// Its name.
        property: String,
        /// Longest allowed counterexample, in states.
        max_trace: Option<u64>,
        /// Actions the counterexample must take.
        actions: Vec<String>,
    },
    /// A predicate that must be reachable.
    Reachable {
        /// Its name.
        predicate: String,
    },
}

/// A verdict.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum VerdictDto {
    /// Nothing violated.
    Ok,
    /// A check failed.
    Violated {
        /// The property (or `Deadlock`).
        name: String,
        /// `invariant`, `property` or `deadlock`.
        violation: &'static str,
    },
    /// The predicate was reached.
    Reached {
        /// The predicate.
        name: String,
    },
    /// The run failed.
    Error {
        /// Why.
        message: String,
    },
}

fn ms(d: std::time::Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// Builds the report's data.
pub fn run_dto(run: &RunReport) -> RunDto {
    let c = run.counts();
    RunDto {
        schema_version: SCHEMA_VERSION,
        tool: "warden",
        version: env!("CARGO_PKG_VERSION"),
        passed: run.passed(),
        duration_ms: ms(run.duration),
        counts: CountsDto {
            claims: c.claims,
            claims_passed: c.claims_passed,
            claims_failed: c.claims - c.claims_passed,
            checks: c.checks,
            checks_passed: c.checks_passed,
        },
        suites: run.suites.iter().map(suite_dto).collect(),
    }
}

fn suite_dto(s: &SuiteReport) -> SuiteDto {
    SuiteDto {
        name: s.info.name.clone(),
        description: s.info.description.clone(),
        manifest: s.manifest.display().to_string(),
        claims: s.claims.iter().map(claim_dto).collect(),
    }
}

fn claim_dto(c: &ClaimReport) -> ClaimDto {
    ClaimDto {
        id: c.claim.id.clone(),
        title: c.claim.title.clone(),
        family: c.claim.family.clone(),
        tags: c.claim.tags.clone(),
        spec: c.claim.spec.display().to_string(),
        config: c.claim.config.display().to_string(),
        passed: c.passed(),
        distinct: c.distinct(),
        duration_ms: ms(c.duration()),
        checks: c.checks.iter().map(|k| check_dto(c, k)).collect(),
    }
}

fn check_dto(claim: &ClaimReport, k: &CheckReport) -> CheckDto {
    let (constants, replace) = match &k.check.request {
        Ok(r) => (
            r.constants.iter().cloned().collect(),
            r.replace.iter().cloned().collect(),
        ),
        Err(_) => Default::default(),
    };
    let paths = trace_paths(&claim.claim, k);
    CheckDto {
        check: k.check.name.clone(),
        kind: match k.check.kind {
            CheckKind::Green => "green",
            CheckKind::Red => "red",
            CheckKind::Witness => "witness",
        },
        label: k.check.label.clone(),
        expectation: match &k.check.expectation {
            Expectation::Holds(p) => ExpectationDto::Holds {
                properties: p.clone(),
            },
            Expectation::Violates {
                name,
                max_trace,
                actions,
            } => ExpectationDto::Violates {
                property: name.clone(),
                max_trace: *max_trace,
                actions: actions.clone(),
            },
            Expectation::Reachable(p) => ExpectationDto::Reachable {
                predicate: p.clone(),
            },
        },
        constants,
        replace,
        passed: k.outcome.passed(),
        reason: k.outcome.reason().map(str::to_string),
        verdict: match &k.result.verdict {
            RunVerdict::Ok => VerdictDto::Ok,
            RunVerdict::Violated { name, kind } => VerdictDto::Violated {
                name: name.clone(),
                violation: kind.as_str(),
            },
            RunVerdict::Reached { name } => VerdictDto::Reached { name: name.clone() },
            RunVerdict::Error { message } => VerdictDto::Error {
                message: message.clone(),
            },
        },
        distinct: k.result.distinct,
        generated: k.result.generated,
        depth: k.result.depth,
        trace_length: k.result.trace.len(),
        duration_ms: ms(k.result.duration),
        trace_itf: paths.as_ref().map(|p| p.0.clone()),
        trace_text: paths.map(|p| p.1),
    }
}

/// The report as pretty-printed JSON (with a final newline).
pub fn report_json(run: &RunReport) -> String {
    let mut s = serde_json::to_string_pretty(&run_dto(run)).expect("DTOs serialise");
    s.push('\n');
    s
}
