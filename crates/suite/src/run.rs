//! Running selected claims against an [`Engine`] and collecting the judged results.
//!
//! Claims run in parallel (rayon); the checks of one claim run one after another. Results
//! come back in manifest order whatever the scheduling, so every report is deterministic
//! apart from the timings.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::engine::{CheckResult, Engine};
use crate::judge::{judge, Outcome};
use crate::manifest::{Claim, Manifest, SuiteInfo};
use crate::plan::{plan_claim, PlannedCheck};
use crate::select::Selection;

/// How to run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunOptions {
    /// Claims checked at once; `None` uses rayon's default (one per core).
    pub jobs: Option<usize>,
}

/// A check with its result and judgement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckReport {
    /// What was run and expected.
    pub check: PlannedCheck,
    /// What the engine reported (an error result when the check could not run).
    pub result: CheckResult,
    /// Whether it came out as expected.
    pub outcome: Outcome,
}

/// A claim with its checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimReport {
    /// The claim as declared (paths resolved).
    pub claim: Claim,
    /// Its checks: green, reds, witnesses.
    pub checks: Vec<CheckReport>,
}

impl ClaimReport {
    /// A claim passes when every one of its checks does.
    pub fn passed(&self) -> bool {
        self.checks.iter().all(|c| c.outcome.passed())
    }

    /// Distinct states over all its checks.
    pub fn distinct(&self) -> u64 {
        self.checks.iter().map(|c| c.result.distinct).sum()
    }

    /// Engine time over all its checks.
    pub fn duration(&self) -> Duration {
        self.checks.iter().map(|c| c.result.duration).sum()
    }
}

/// The selected claims of one manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuiteReport {
    /// The manifest file.
    pub manifest: PathBuf,
    /// Its `[suite]` table.
    pub info: SuiteInfo,
    /// The selected claims, in manifest order.
    pub claims: Vec<ClaimReport>,
}

/// A whole run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunReport {
    /// One entry per manifest with at least one selected claim, in discovery order.
    pub suites: Vec<SuiteReport>,
    /// Wall-clock time of the run.
    pub duration: Duration,
}

impl RunReport {
    /// Every claim, in order.
    pub fn claims(&self) -> impl Iterator<Item = &ClaimReport> {
        self.suites.iter().flat_map(|s| s.claims.iter())
    }

    /// Whether every claim came out as expected.
    pub fn passed(&self) -> bool {
        self.claims().all(ClaimReport::passed)
    }

    /// Tallies of claims and checks.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for claim in self.claims() {
            c.claims += 1;
            if claim.passed() {
                c.claims_passed += 1;
            }
            for check in &claim.checks {
                c.checks += 1;
                if check.outcome.passed() {
                    c.checks_passed += 1;
                }
            }
        }
        c
    }
}

/// Tallies of a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Claims run.
    pub claims: usize,
    /// Claims that came out as expected.
    pub claims_passed: usize,
    /// Checks run.
    pub checks: usize,
    /// Checks that came out as expected.
    pub checks_passed: usize,
}

/// Runs every claim of `manifests` that `selection` selects.
pub fn run(
    manifests: &[Manifest],
    selection: &Selection,
    engine: &dyn Engine,
    options: &RunOptions,
) -> RunReport {
    let start = Instant::now();
    let jobs: Vec<(usize, &Claim)> = manifests
        .iter()
        .enumerate()
        .flat_map(|(i, m)| m.claims.iter().map(move |c| (i, c)))
        .filter(|(_, c)| selection.matches(c))
        .collect();
    for (_, claim) in &jobs {
        for check in plan_claim(claim) {
            if let Ok(req) = &check.request {
                if missing_file(req).is_none() {
                    engine.prepare(req);
                }
            }
        }
    }
    let work = || -> Vec<(usize, ClaimReport)> {
        jobs.par_iter()
            .map(|&(i, c)| (i, run_claim(c, engine)))
            .collect()
    };
    let results = match options.jobs {
        Some(n) => match rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
        {
            Ok(pool) => pool.install(work),
            Err(_) => work(),
        },
        None => work(),
    };
    let mut suites: Vec<SuiteReport> = Vec::new();
    for (i, claim) in results {
        let m = &manifests[i];
        match suites.last_mut() {
            Some(s) if s.manifest == m.path => s.claims.push(claim),
            _ => suites.push(SuiteReport {
                manifest: m.path.clone(),
                info: m.suite.clone(),
                claims: vec![claim],
            }),
        }
    }
    RunReport {
        suites,
        duration: start.elapsed(),
    }
}

/// Runs and judges the checks of one claim.
pub fn run_claim(claim: &Claim, engine: &dyn Engine) -> ClaimReport {
    let checks = plan_claim(claim)
        .into_iter()
        .map(|check| {
            let result = match &check.request {
                Err(problem) => CheckResult::error(problem.clone()),
                Ok(req) => match missing_file(req) {
                    Some(msg) => CheckResult::error(msg),
                    None => engine.check(req),
                },
            };
            let outcome = judge(&check.expectation, &result);
            CheckReport {
                check,
                result,
                outcome,
            }
        })
        .collect();
    ClaimReport {
        claim: claim.clone(),
        checks,
    }
}

/// A spec or config that is not there is reported before the engine is asked.
fn missing_file(req: &crate::engine::CheckRequest) -> Option<String> {
    [("spec", &req.spec), ("config", &req.config)]
        .into_iter()
        .find(|(_, p)| !p.is_file())
        .map(|(what, p)| format!("{what} file not found: {}", p.display()))
}
