//! The human-readable trace: a header saying what was checked and how it came out, then
//! each state as TLC prints one (`/\ var = value`), except that after the first state only
//! the variables that changed are shown, so each step reads as a diff.

use std::fmt::Write as _;

use suite::{describe_verdict, CheckReport, Claim, TraceState};
use value::pretty_print;

/// Renders a check's trace with its context.
pub fn trace_text(claim: &Claim, check: &CheckReport) -> String {
    let mut out = String::new();
    let c = &check.check;
    let _ = writeln!(
        out,
        "{} {} ({}): {}",
        claim.id,
        c.name,
        c.kind.as_str(),
        c.label
    );
    let _ = writeln!(out, "expected: {}", c.expectation);
    let _ = writeln!(out, "got:      {}", describe_verdict(&check.result.verdict));
    let _ = match check.outcome.reason() {
        None => writeln!(out, "outcome:  as expected"),
        Some(r) => writeln!(out, "outcome:  NOT as expected: {r}"),
    };
    let _ = writeln!(out, "spec:     {}", claim.spec.display());
    let _ = writeln!(out, "config:   {}", claim.config.display());
    if let Ok(req) = &c.request {
        for (k, v) in &req.constants {
            let _ = writeln!(out, "mutation: {k} = {v}");
        }
        for (k, v) in &req.replace {
            let _ = writeln!(out, "mutation: {k} <- {v}");
        }
    }
    out.push('\n');
    out.push_str(&steps_text(&check.result.trace));
    out
}

/// Renders the states of a trace, the first in full and the others as diffs.
pub fn steps_text(trace: &[TraceState]) -> String {
    let mut out = String::new();
    let mut prev: Option<&TraceState> = None;
    for (i, state) in trace.iter().enumerate() {
        let _ = writeln!(out, "State {}: <{}>", i + 1, state.action);
        let mut shown = 0;
        for (name, v) in &state.vars {
            let unchanged =
                prev.is_some_and(|p| p.vars.iter().any(|(pn, pv)| pn == name && pv == v));
            if unchanged {
                continue;
            }
            shown += 1;
            let text = pretty_print(&v.to_string());
            let indent = " ".repeat(name.len() + 6);
            let body = text.replace('\n', &format!("\n{indent}"));
            let _ = writeln!(out, "/\\ {name} = {body}");
        }
        if shown == 0 {
            out.push_str("(no variable changed)\n");
        }
        out.push('\n');
        prev = Some(state);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use value::Value;

    fn st(action: &str, vars: &[(&str, i64)]) -> TraceState {
        TraceState {
            action: action.into(),
            vars: vars
                .iter()
                .map(|(n, v)| (n.to_string(), Value::Int(*v)))
                .collect(),
        }
    }

    #[test]
    fn only_changed_variables_after_the_first_state() {
        let trace = vec![
            st("Initial predicate", &[("a", 0), ("b", 0)]),
            st("IncA", &[("a", 1), ("b", 0)]),
            st("Stutter", &[("a", 1), ("b", 0)]),
            st("Both", &[("a", 2), ("b", 5)]),
        ];
        assert_eq!(
            steps_text(&trace),
            "State 1: <Initial predicate>\n/\\ a = 0\n/\\ b = 0\n\n\
             State 2: <IncA>\n/\\ a = 1\n\n\
             State 3: <Stutter>\n(no variable changed)\n\n\
             State 4: <Both>\n/\\ a = 2\n/\\ b = 5\n\n"
        );
    }
}
