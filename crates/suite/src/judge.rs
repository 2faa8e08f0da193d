//! Judging a result against its expectation: the claim outcome rules.
//!
//! - green passes iff nothing was violated and every listed property was actually checked;
//! - red passes iff the violated property is exactly the named one (a deadlock or another
//!   property fails, naming what was violated), the trace is no longer than `max_trace`,
//!   and every listed action labels some step of it;
//! - a witness passes iff its predicate was reached;
//! - an error always fails.

use crate::engine::{CheckResult, RunVerdict, TraceState, ViolationKind};
use crate::plan::Expectation;

/// Whether a check came out as expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// As expected.
    Pass,
    /// Not as expected, with the reason worded for a person.
    Fail(String),
}

impl Outcome {
    /// Whether this is [`Outcome::Pass`].
    pub fn passed(&self) -> bool {
        matches!(self, Outcome::Pass)
    }

    /// The failure reason, if any.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Outcome::Pass => None,
            Outcome::Fail(r) => Some(r),
        }
    }
}

/// A short description of a verdict for messages (`invariant Inv violated`).
pub fn describe_verdict(v: &RunVerdict) -> String {
    match v {
        RunVerdict::Ok => "no violation".into(),
        RunVerdict::Violated {
            kind: ViolationKind::Deadlock,
            ..
        } => "deadlock reached".into(),
        RunVerdict::Violated { name, kind } => format!("{} {name} violated", kind.as_str()),
        RunVerdict::Reached { name } => format!("{name} reached"),
        RunVerdict::Error { message } => format!("error: {message}"),
    }
}

/// Judges `result` against `expectation`.
pub fn judge(expectation: &Expectation, result: &CheckResult) -> Outcome {
    if let RunVerdict::Error { message } = &result.verdict {
        return Outcome::Fail(format!("error: {message}"));
    }
    match expectation {
        Expectation::Holds(names) => judge_holds(names, result),
        Expectation::Violates {
            name,
            max_trace,
            actions,
        } => judge_violates(name, *max_trace, actions, result),
        Expectation::Reachable(pred) => match &result.verdict {
            RunVerdict::Reached { name } if name == pred => Outcome::Pass,
            RunVerdict::Ok => Outcome::Fail(format!(
                "{pred} is satisfied by no reachable state ({} distinct states explored)",
                result.distinct
            )),
            other => Outcome::Fail(format!(
                "expected {pred} reached, got {}",
                describe_verdict(other)
            )),
        },
    }
}

fn judge_holds(names: &[String], result: &CheckResult) -> Outcome {
    if names.is_empty() {
        return Outcome::Fail("no property to check: `holds` is empty".into());
    }
    if result.verdict != RunVerdict::Ok {
        return Outcome::Fail(format!(
            "expected to hold, got {}",
            describe_verdict(&result.verdict)
        ));
    }
    let unchecked: Vec<&str> = names
        .iter()
        .filter(|n| !result.checked.contains(n))
        .map(String::as_str)
        .collect();
    if !unchecked.is_empty() {
        return Outcome::Fail(format!(
            "not checked (not an INVARIANT or PROPERTY of the cfg): {}",
            unchecked.join(", ")
        ));
    }
    Outcome::Pass
}

fn judge_violates(
    expected: &str,
    max_trace: Option<u64>,
    actions: &[String],
    result: &CheckResult,
) -> Outcome {
    match &result.verdict {
        RunVerdict::Violated { name, kind }
            if name == expected && *kind != ViolationKind::Deadlock => {}
        RunVerdict::Ok => {
            return Outcome::Fail(format!(
                "expected {expected} violated, but nothing was violated ({} distinct states)",
                result.distinct
            ))
        }
        other => {
            return Outcome::Fail(format!(
                "expected {expected} violated, got {} instead",
                describe_verdict(other)
            ))
        }
    }
    let len = result.trace.len() as u64;
    if let Some(max) = max_trace {
        if len > max {
            return Outcome::Fail(format!(
                "counterexample has {len} states, more than max_trace = {max}"
            ));
        }
    }
    let missing: Vec<&str> = actions
        .iter()
        .filter(|a| !result.trace.iter().any(|s| action_matches(s, a)))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        return Outcome::Fail(format!(
            "counterexample does not take action(s) {} (it takes: {})",
            missing.join(", "),
            trace_actions(&result.trace).join(", ")
        ));
    }
    Outcome::Pass
}

/// Whether a state's action label names `action`: equal, or `action` followed by a
/// character that cannot continue an identifier (`A(p1)`, `A line 3`, `A>`).
pub fn action_matches(state: &TraceState, action: &str) -> bool {
    let label = state.action.trim_start_matches('<');
    match label.strip_prefix(action) {
        Some(rest) => rest
            .chars()
            .next()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_')),
        None => false,
    }
}

/// The action labels of a trace's steps (after the initial state).
fn trace_actions(trace: &[TraceState]) -> Vec<&str> {
    trace.iter().skip(1).map(|s| s.action.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn result(verdict: RunVerdict, actions: &[&str], checked: &[&str]) -> CheckResult {
        CheckResult {
            verdict,
            distinct: 7,
            generated: 9,
            depth: 3,
            trace: actions
                .iter()
                .map(|a| TraceState {
                    action: a.to_string(),
                    vars: vec![],
                })
                .collect(),
            duration: Duration::ZERO,
            checked: checked.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn violated(name: &str) -> RunVerdict {
        RunVerdict::Violated {
            name: name.into(),
            kind: ViolationKind::Invariant,
        }
    }

    fn violates(name: &str, max: Option<u64>, actions: &[&str]) -> Expectation {
        Expectation::Violates {
            name: name.into(),
            max_trace: max,
            actions: actions.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn fail(o: Outcome) -> String {
        o.reason().expect("expected a failure").to_string()
    }

    #[test]
    fn green_passes_only_when_ok_and_checked() {
        let holds = Expectation::Holds(vec!["A".into(), "B".into()]);
        assert_eq!(
            judge(&holds, &result(RunVerdict::Ok, &[], &["A", "B", "C"])),
            Outcome::Pass
        );
        assert_eq!(
            fail(judge(&holds, &result(RunVerdict::Ok, &[], &["A"]))),
            "not checked (not an INVARIANT or PROPERTY of the cfg): B"
        );
        assert_eq!(
            fail(judge(
                &holds,
                &result(violated("A"), &["Init"], &["A", "B"])
            )),
            "expected to hold, got invariant A violated"
        );
    }

    #[test]
    fn green_with_no_property_fails() {
        let r = fail(judge(
            &Expectation::Holds(vec![]),
            &result(RunVerdict::Ok, &[], &[]),
        ));
        assert!(r.contains("no property"), "{r}");
    }

    #[test]
    fn red_must_violate_exactly_the_named_property() {
        let e = violates("Safe", None, &[]);
        assert_eq!(
            judge(&e, &result(violated("Safe"), &["Init", "Go"], &[])),
            Outcome::Pass
        );
        assert_eq!(
            fail(judge(&e, &result(violated("Other"), &["Init"], &[]))),
            "expected Safe violated, got invariant Other violated instead"
        );
        let prop = RunVerdict::Violated {
            name: "Other".into(),
            kind: ViolationKind::Property,
        };
        assert_eq!(
            fail(judge(&e, &result(prop, &["Init"], &[]))),
            "expected Safe violated, got property Other violated instead"
        );
        let dl = RunVerdict::Violated {
            name: "Safe".into(),
            kind: ViolationKind::Deadlock,
        };
        assert_eq!(
            fail(judge(&e, &result(dl, &["Init"], &[]))),
            "expected Safe violated, got deadlock reached instead"
        );
        assert_eq!(
            fail(judge(&e, &result(RunVerdict::Ok, &[], &[]))),
            "expected Safe violated, but nothing was violated (7 distinct states)"
        );
    }

    #[test]
    fn red_trace_length_and_actions() {
        let r = result(
            violated("Safe"),
            &["Initial predicate", "A(p1)", "B line 4"],
            &[],
        );
        assert_eq!(
            judge(&violates("Safe", Some(3), &["A", "B"]), &r),
            Outcome::Pass
        );
        assert_eq!(
            fail(judge(&violates("Safe", Some(2), &[]), &r)),
            "counterexample has 3 states, more than max_trace = 2"
        );
        assert_eq!(
            fail(judge(&violates("Safe", None, &["A", "C", "AB"]), &r)),
            "counterexample does not take action(s) C, AB (it takes: A(p1), B line 4)"
        );
    }

    #[test]
    fn witness_needs_the_predicate_reached() {
        let e = Expectation::Reachable("W".into());
        let reached = RunVerdict::Reached { name: "W".into() };
        assert_eq!(judge(&e, &result(reached, &["Init"], &[])), Outcome::Pass);
        assert_eq!(
            fail(judge(&e, &result(RunVerdict::Ok, &[], &[]))),
            "W is satisfied by no reachable state (7 distinct states explored)"
        );
        let other = RunVerdict::Reached { name: "V".into() };
        assert_eq!(
            fail(judge(&e, &result(other, &["Init"], &[]))),
            "expected W reached, got V reached"
        );
    }

    #[test]
    fn errors_always_fail() {
        let err = RunVerdict::Error {
            message: "boom".into(),
        };
        for e in [
            Expectation::Holds(vec!["A".into()]),
            violates("A", None, &[]),
            Expectation::Reachable("W".into()),
        ] {
            assert_eq!(
                fail(judge(&e, &result(err.clone(), &[], &["A"]))),
                "error: boom"
            );
        }
    }
}
