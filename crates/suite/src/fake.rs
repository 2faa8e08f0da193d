//! A table-driven [`Engine`] for tests: canned results keyed by a readable summary of the
//! request, and a record of every request made.
//!
//! The key of a request is the spec's file name followed by what distinguishes the check:
//! `holds A,B` for a green (the `invariants_only` list), `reach W` for a witness, then each
//! constant override as `Name=value` and each operator override as `Op<-Repl`, separated by
//! single spaces: `M.tla holds Inv`, `M.tla Bug="race"`, `M.tla reach W`.

use std::sync::Mutex;
use std::time::Duration;

use value::Value;

use crate::engine::{CheckRequest, CheckResult, Engine, RunVerdict, TraceState, ViolationKind};

/// An engine answering from a table.
#[derive(Debug, Default)]
pub struct TableEngine {
    rows: Vec<(String, CheckResult)>,
    calls: Mutex<Vec<CheckRequest>>,
}

impl TableEngine {
    /// An empty table (every request gets an error result).
    pub fn new() -> TableEngine {
        TableEngine::default()
    }

    /// Answers requests whose [`key`](TableEngine::key) is `key` with `result`.
    pub fn on(mut self, key: &str, result: CheckResult) -> TableEngine {
        self.rows.push((key.to_string(), result));
        self
    }

    /// The key a request is looked up by.
    pub fn key(req: &CheckRequest) -> String {
        let mut key = req
            .spec
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(w) = &req.reach {
            key.push_str(&format!(" reach {w}"));
        } else if let Some(names) = &req.invariants_only {
            key.push_str(&format!(" holds {}", names.join(",")));
        }
        for (k, v) in &req.constants {
            key.push_str(&format!(" {k}={v}"));
        }
        for (k, v) in &req.replace {
            key.push_str(&format!(" {k}<-{v}"));
        }
        key
    }

    /// Every request made so far, sorted by key (calls arrive in any order).
    pub fn requests(&self) -> Vec<CheckRequest> {
        let mut v = self.calls.lock().expect("no panics while locked").clone();
        v.sort_by_key(TableEngine::key);
        v
    }
}

impl Engine for TableEngine {
    fn check(&self, req: &CheckRequest) -> CheckResult {
        self.calls
            .lock()
            .expect("no panics while locked")
            .push(req.clone());
        let key = TableEngine::key(req);
        self.rows
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, r)| r.clone())
            .unwrap_or_else(|| CheckResult::error(format!("no canned result for `{key}`")))
    }
}

/// A passing run that checked `checked`.
pub fn ok(distinct: u64, checked: &[&str]) -> CheckResult {
    CheckResult {
        verdict: RunVerdict::Ok,
        distinct,
        generated: distinct * 2,
        depth: 3,
        trace: Vec::new(),
        duration: Duration::from_millis(5),
        checked: checked.iter().map(|s| s.to_string()).collect(),
    }
}

/// A run that violated invariant `name` along `trace`.
pub fn violated(name: &str, trace: Vec<TraceState>) -> CheckResult {
    ended(
        RunVerdict::Violated {
            name: name.into(),
            kind: ViolationKind::Invariant,
        },
        trace,
    )
}

/// A run that reached predicate `name` along `trace`.
pub fn reached(name: &str, trace: Vec<TraceState>) -> CheckResult {
    ended(RunVerdict::Reached { name: name.into() }, trace)
}

/// A run with `verdict` that stopped at the end of `trace`.
pub fn ended(verdict: RunVerdict, trace: Vec<TraceState>) -> CheckResult {
    CheckResult {
        verdict,
        distinct: 10,
        generated: 20,
        depth: trace.len() as u64,
        trace,
        duration: Duration::from_millis(3),
        checked: Vec::new(),
    }
}

/// A trace of states over integer variables: `steps` is a list of
/// `(action, [(var, value)])`.
pub fn int_trace(steps: &[(&str, &[(&str, i64)])]) -> Vec<TraceState> {
    steps
        .iter()
        .map(|(action, vars)| TraceState {
            action: action.to_string(),
            vars: vars
                .iter()
                .map(|(n, v)| (n.to_string(), Value::Int(*v)))
                .collect(),
        })
        .collect()
}
