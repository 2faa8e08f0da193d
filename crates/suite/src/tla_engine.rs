//! The real [`Engine`]: loads a TLA+ spec with the request's configuration overrides, explores
//! it with the checking engine, and reports the verdict in the suite's terms.

use std::time::Instant;

use check::{Model, NullReporter, Options, Verdict};
use source::SourceDb;
use spec::{Overrides, SpecModel};

use crate::engine::{CheckRequest, CheckResult, Engine, RunVerdict, TraceState, ViolationKind};

/// Checks TLA+ specs (one worker per check: the suite runs checks in parallel).
#[derive(Clone, Copy, Debug, Default)]
pub struct TlaEngine;

fn overrides(req: &CheckRequest) -> Overrides {
    Overrides {
        constants: req.constants.clone(),
        replace: req.replace.clone(),
        only_properties: req.invariants_only.clone(),
        reach: req.reach.clone(),
    }
}

impl Engine for TlaEngine {
    /// Loads the spec once: loading installs its names into the process-wide string order
    /// (TLC's interning order), so doing it sequentially in manifest order makes that order,
    /// and with it every count and trace, independent of how checks are scheduled.
    fn prepare(&self, req: &CheckRequest) {
        let mut db = SourceDb::new();
        let _ = spec::load_with(&mut db, &req.spec, &req.config, &overrides(req));
    }

    fn check(&self, req: &CheckRequest) -> CheckResult {
        let started = Instant::now();
        let mut db = SourceDb::new();
        let model = match spec::load_with(&mut db, &req.spec, &req.config, &overrides(req)) {
            Ok(m) => m,
            Err(diags) => {
                let mut result = CheckResult::error(source::render_all(&db, &diags));
                result.duration = started.elapsed();
                return result;
            }
        };
        // A witness search looks for a state; a deadlock on the way is not what it asks.
        let deadlock = model.check_deadlock() && req.reach.is_none();
        let options = Options::default().with_deadlock_check(deadlock);
        let outcome = check::run(&model, &options, &mut NullReporter);
        let verdict = verdict(&model, &outcome.verdict, req.reach.as_deref());
        let trace = outcome
            .trace
            .iter()
            .flat_map(|t| t.steps.iter())
            .map(|step| TraceState {
                action: match step.action {
                    None => model.init_label(),
                    Some(a) => model.action_label(a),
                },
                vars: model
                    .variables()
                    .iter()
                    .cloned()
                    .zip(step.state.values().iter().cloned())
                    .collect(),
            })
            .collect();
        CheckResult {
            verdict,
            distinct: outcome.stats.distinct,
            generated: outcome.stats.generated,
            depth: outcome.stats.depth,
            trace,
            duration: started.elapsed(),
            checked: checked_names(&model, req.reach.as_deref()),
        }
    }
}

/// The names of every invariant and property the model checks, the witness target excluded.
fn checked_names(model: &SpecModel, reach: Option<&str>) -> Vec<String> {
    let mut names: Vec<String> = model
        .invariant_names()
        .into_iter()
        .chain(model.initial_property_names())
        .chain(model.action_property_names())
        .collect();
    if let Some(target) = reach {
        // The target was appended last, after the configuration's own invariants.
        if let Some(pos) = names.iter().rposition(|n| n == target) {
            names.remove(pos);
        }
    }
    names.sort();
    names.dedup();
    names
}

fn verdict(model: &SpecModel, v: &Verdict, reach: Option<&str>) -> RunVerdict {
    let target_index = reach.map(|_| model.invariant_names().len() - 1);
    match v {
        Verdict::Ok => RunVerdict::Ok,
        Verdict::InvariantViolated { index, name } if Some(*index) == target_index => {
            RunVerdict::Reached { name: name.clone() }
        }
        Verdict::InvariantViolated { index, name } => RunVerdict::Violated {
            name: name.clone(),
            kind: if model.invariant_is_property(*index) {
                ViolationKind::Property
            } else {
                ViolationKind::Invariant
            },
        },
        Verdict::InitialPropertyViolated { name, .. }
        | Verdict::ActionPropertyViolated { name, .. } => RunVerdict::Violated {
            name: name.clone(),
            kind: ViolationKind::Property,
        },
        Verdict::Deadlock => RunVerdict::Violated {
            name: "deadlock".to_string(),
            kind: ViolationKind::Deadlock,
        },
        Verdict::Error(e) => RunVerdict::Error {
            message: e.to_string(),
        },
        Verdict::Incomplete(limit) => RunVerdict::Error {
            message: format!("the search stopped before it was complete ({limit:?})"),
        },
    }
}
