//! JUnit XML, the format CI systems show test results in: one `<testsuite>` per manifest,
//! one `<testcase>` per check, named `<claim id>/<check>` with the claim id as class name,
//! and a `<failure>` carrying the reason when a check is not as expected (`type` is
//! `error` when the engine could not run it, `expectation` otherwise).

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
use suite::{describe_verdict, RunReport, RunVerdict};

/// Renders the run as JUnit XML.
pub fn junit_xml(run: &RunReport) -> String {
    let mut report = Report::new("warden suite");
    report.set_time(run.duration);
    for s in &run.suites {
        let mut ts = TestSuite::new(s.info.name.as_str());
        for claim in &s.claims {
            for check in &claim.checks {
                let status = match check.outcome.reason() {
                    None => TestCaseStatus::success(),
                    Some(reason) => {
                        let mut st = TestCaseStatus::non_success(NonSuccessKind::Failure);
                        st.set_message(reason);
                        st.set_type(match check.result.verdict {
                            RunVerdict::Error { .. } => "error",
                            _ => "expectation",
                        });
                        st.set_description(format!(
                            "{} {} ({}): expected {}; {}",
                            claim.claim.id,
                            check.check.name,
                            check.check.label,
                            check.check.expectation,
                            reason
                        ));
                        st
                    }
                };
                let mut tc =
                    TestCase::new(format!("{}/{}", claim.claim.id, check.check.name), status);
                tc.set_classname(claim.claim.id.as_str());
                tc.set_time(check.result.duration);
                tc.set_system_out(format!(
                    "{}\nexpected: {}\ngot: {} ({} distinct states, depth {})\n",
                    check.check.label,
                    check.check.expectation,
                    describe_verdict(&check.result.verdict),
                    check.result.distinct,
                    check.result.depth
                ));
                ts.add_test_case(tc);
            }
        }
        report.add_test_suite(ts);
    }
    report
        .to_string()
        .unwrap_or_else(|e| format!("<!-- JUnit serialisation failed: {e} -->\n"))
}
