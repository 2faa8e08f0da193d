//! The Markdown summary a CI job can post as a comment: a headline, one table row per
//! claim, and the reason for every check that is not as expected.

use std::fmt::Write as _;

use suite::RunReport;

use crate::console::{group_digits, seconds};

/// Renders the summary.
pub fn summary_markdown(run: &RunReport) -> String {
    let c = run.counts();
    let mut out = String::new();
    let mark = if run.passed() { "✅" } else { "❌" };
    let _ = writeln!(
        out,
        "## {mark} warden suite: {}/{} claims as expected\n",
        c.claims_passed, c.claims
    );
    let _ = writeln!(
        out,
        "{} of {} checks as expected, {} in total.\n",
        c.checks_passed,
        c.checks,
        seconds(run.duration)
    );
    if c.claims == 0 {
        out.push_str("No claim was selected.\n");
        return out;
    }
    out.push_str("| | claim | title | checks | states | time |\n");
    out.push_str("|---|---|---|---:|---:|---:|\n");
    for claim in run.claims() {
        let passed = claim.checks.iter().filter(|k| k.outcome.passed()).count();
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {}/{} | {} | {} |",
            if claim.passed() { "✅" } else { "❌" },
            claim.claim.id,
            escape(&claim.claim.title),
            passed,
            claim.checks.len(),
            group_digits(claim.distinct()),
            seconds(claim.duration())
        );
    }
    let failures: Vec<String> = run
        .claims()
        .flat_map(|claim| {
            claim.checks.iter().filter_map(move |k| {
                k.outcome.reason().map(|r| {
                    format!(
                        "- `{}` {}: {}",
                        claim.claim.id,
                        escape(&crate::check_title(&k.check)),
                        escape(r)
                    )
                })
            })
        })
        .collect();
    if !failures.is_empty() {
        out.push_str("\n### Not as expected\n\n");
        for f in failures {
            out.push_str(&f);
            out.push('\n');
        }
    }
    out
}

/// Keeps text from breaking the table: pipes escaped, newlines folded.
fn escape(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}
