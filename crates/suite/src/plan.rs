//! Turning a claim into the checks that decide it: its green model, each red mutation and
//! each witness, with the [`CheckRequest`] the engine will run and the [`Expectation`] the
//! result is judged against.
//!
//! Check names are short and stable (`green`, `red1`, `red2`, `witness1` …, numbered in
//! manifest order from 1) because they name artifacts: `<claim>-<check>.itf.json`.

use std::fmt;

use crate::engine::CheckRequest;
use crate::manifest::Claim;

/// Which part of a claim a check comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CheckKind {
    /// The unmutated model; its properties must hold.
    Green,
    /// A mutation; it must violate exactly the named property.
    Red,
    /// A reachability witness on the unmutated model.
    Witness,
}

impl CheckKind {
    /// `green`, `red` or `witness`.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckKind::Green => "green",
            CheckKind::Red => "red",
            CheckKind::Witness => "witness",
        }
    }
}

/// What a check's result must show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expectation {
    /// No violation, and every listed property was checked. Empty means the claim checks
    /// nothing, which fails.
    Holds(Vec<String>),
    /// Exactly this property is violated (not another one, not a deadlock).
    Violates {
        /// The property's name.
        name: String,
        /// The counterexample may have at most this many states.
        max_trace: Option<u64>,
        /// Actions that must label some step of the counterexample.
        actions: Vec<String>,
    },
    /// Some reachable state satisfies the predicate.
    Reachable(String),
}

impl fmt::Display for Expectation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expectation::Holds(names) if names.is_empty() => write!(f, "holds (nothing listed)"),
            Expectation::Holds(names) => write!(f, "holds {}", names.join(", ")),
            Expectation::Violates {
                name, max_trace, ..
            } => {
                write!(f, "violates {name}")?;
                if let Some(n) = max_trace {
                    write!(f, " in <= {n} states")?;
                }
                Ok(())
            }
            Expectation::Reachable(p) => write!(f, "reaches {p}"),
        }
    }
}

/// One check of a claim, ready to run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedCheck {
    /// The check's stable name within the claim (`green`, `red1`, `witness2`).
    pub name: String,
    /// Green, red or witness.
    pub kind: CheckKind,
    /// The manifest's description of it (a red's or witness's `name`; `green` for green).
    pub label: String,
    /// What the result must show.
    pub expectation: Expectation,
    /// The engine request; `Err` when the check is malformed and must fail without running
    /// (a claim with nothing to check).
    pub request: Result<CheckRequest, String>,
}

/// The checks of `claim`, in order: green, reds, witnesses. A claim always has a green
/// check, so a claim that lists no property fails rather than passing vacuously.
pub fn plan_claim(claim: &Claim) -> Vec<PlannedCheck> {
    let base = |constants: Vec<(String, String)>, replace: Vec<(String, String)>| CheckRequest {
        spec: claim.spec.clone(),
        config: claim.config.clone(),
        constants,
        replace,
        invariants_only: None,
        reach: None,
    };
    let holds = claim
        .green
        .as_ref()
        .map(|g| g.holds.clone())
        .unwrap_or_default();
    let green_request = if holds.is_empty() {
        Err(match claim.green {
            None => "the claim has no [claim.green] table: there is no property to check".into(),
            Some(_) => "`holds` is empty: a claim with no property to check cannot pass".into(),
        })
    } else {
        Ok(CheckRequest {
            invariants_only: Some(holds.clone()),
            ..base(vec![], vec![])
        })
    };
    let mut checks = vec![PlannedCheck {
        name: "green".into(),
        kind: CheckKind::Green,
        label: "green".into(),
        expectation: Expectation::Holds(holds),
        request: green_request,
    }];
    for (i, red) in claim.red.iter().enumerate() {
        let pairs = |m: &std::collections::BTreeMap<String, String>| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect::<Vec<_>>()
        };
        checks.push(PlannedCheck {
            name: format!("red{}", i + 1),
            kind: CheckKind::Red,
            label: red.name.clone(),
            expectation: Expectation::Violates {
                name: red.violates.clone(),
                max_trace: red.max_trace,
                actions: red.actions.clone(),
            },
            request: Ok(base(pairs(&red.constants), pairs(&red.replace))),
        });
    }
    for (i, w) in claim.witness.iter().enumerate() {
        checks.push(PlannedCheck {
            name: format!("witness{}", i + 1),
            kind: CheckKind::Witness,
            label: w.name.clone(),
            expectation: Expectation::Reachable(w.reachable.clone()),
            request: Ok(CheckRequest {
                invariants_only: Some(vec![]),
                reach: Some(w.reachable.clone()),
                ..base(vec![], vec![])
            }),
        });
    }
    checks
}
