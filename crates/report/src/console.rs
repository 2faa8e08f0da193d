//! The terminal view of a run: one line per claim (outcome, id, expectation, checks as
//! expected, states, time), an indented line for every check that is not as expected, and
//! a closing summary.

use std::time::Duration;

use suite::{CheckKind, ClaimReport, Expectation, RunReport};

/// `1234567` as `1,234,567`.
pub fn group_digits(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        let left = s.len() - i;
        if i > 0 && left / 3 * 3 == left {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A duration as seconds with two decimals (`0.42s`).
pub fn seconds(d: Duration) -> String {
    format!("{:.2}s", d.as_secs_f64())
}

/// What a claim expects, in brief: its green properties and how many reds and witnesses.
pub fn claim_expectation(claim: &ClaimReport) -> String {
    let mut parts = Vec::new();
    let count = |kind| claim.checks.iter().filter(|k| k.check.kind == kind).count();
    if let Some(green) = claim
        .checks
        .iter()
        .find(|k| k.check.kind == CheckKind::Green)
    {
        parts.push(match &green.check.expectation {
            Expectation::Holds(p) if !p.is_empty() => format!("holds {}", p.join(", ")),
            _ => "holds nothing".to_string(),
        });
    }
    let reds = count(CheckKind::Red);
    if reds > 0 {
        parts.push(format!("{reds} red{}", if reds == 1 { "" } else { "s" }));
    }
    let witnesses = count(CheckKind::Witness);
    if witnesses > 0 {
        parts.push(format!(
            "{witnesses} witness{}",
            if witnesses == 1 { "" } else { "es" }
        ));
    }
    parts.join("; ")
}

/// The line for one claim, followed by one indented line per check not as expected.
pub fn claim_lines(claim: &ClaimReport) -> Vec<String> {
    let passed = claim.checks.iter().filter(|k| k.outcome.passed()).count();
    let mut lines = vec![format!(
        "{:<4} {:<28} {:<48} {}/{} as expected  {:>12} states  {:>8}",
        if claim.passed() { "ok" } else { "FAIL" },
        claim.claim.id,
        claim_expectation(claim),
        passed,
        claim.checks.len(),
        group_digits(claim.distinct()),
        seconds(claim.duration())
    )];
    for k in &claim.checks {
        if let Some(reason) = k.outcome.reason() {
            lines.push(format!(
                "       {}: {}",
                crate::check_title(&k.check),
                reason
            ));
        }
    }
    lines
}

/// The closing summary line.
pub fn summary_line(run: &RunReport) -> String {
    let c = run.counts();
    let states: u64 = run.claims().map(ClaimReport::distinct).sum();
    format!(
        "{}: {} claims, {} as expected, {} not; {}/{} checks as expected; {} states; {}",
        if run.passed() {
            "suite passed"
        } else {
            "suite FAILED"
        },
        c.claims,
        c.claims_passed,
        c.claims - c.claims_passed,
        c.checks_passed,
        c.checks,
        group_digits(states),
        seconds(run.duration)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_grouped() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(1000), "1,000");
        assert_eq!(group_digits(1234567), "1,234,567");
    }

    #[test]
    fn seconds_have_two_decimals() {
        assert_eq!(seconds(Duration::from_millis(420)), "0.42s");
    }
}
