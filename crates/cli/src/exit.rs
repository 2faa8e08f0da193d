//! TLC's exit codes, and how verdicts and load failures map onto them.

use check::{ErrorSite, Verdict};
use source::{Diagnostic, SourceDb};

/// No error found.
pub const OK: i32 = 0;
/// An ASSUME is false.
pub const ASSUMPTION: i32 = 10;
/// Deadlock reached.
pub const DEADLOCK: i32 = 11;
/// An invariant (safety property) is violated.
pub const SAFETY: i32 = 12;
/// A temporal property is violated (TLC uses it for action properties too).
pub const LIVENESS: i32 = 13;
/// `Assert` failed.
pub const ASSERT: i32 = 14;
/// An error while evaluating the spec.
pub const EVAL: i32 = 75;
/// An error while evaluating an invariant or a safety property.
pub const SAFETY_EVAL: i32 = 76;
/// The spec could not be parsed or resolved.
pub const SPEC_PARSE: i32 = 150;
/// The configuration could not be parsed or bound.
pub const CONFIG_PARSE: i32 = 151;
/// A system error: a file could not be read or written.
pub const SYSTEM: i32 = 153;
/// The search stopped at a limit before it was complete (warden's own).
pub const INCOMPLETE: i32 = 4;

/// The exit code of a finished search; `site` says what was being evaluated when an error
/// was raised (TLC gives errors in invariants and properties their own code).
pub fn of_verdict(v: &Verdict, site: Option<ErrorSite>) -> i32 {
    match v {
        Verdict::Error(_)
            if matches!(
                site,
                Some(ErrorSite::Invariant | ErrorSite::InitialProperty | ErrorSite::ActionProperty)
            ) =>
        {
            SAFETY_EVAL
        }
        Verdict::Ok => OK,
        Verdict::InvariantViolated { .. } | Verdict::InitialPropertyViolated { .. } => SAFETY,
        Verdict::ActionPropertyViolated { .. } => LIVENESS,
        Verdict::Deadlock => DEADLOCK,
        Verdict::Error(e) if e.message.starts_with("The first argument of Assert") => ASSERT,
        Verdict::Error(_) => EVAL,
        Verdict::Incomplete(_) => INCOMPLETE,
    }
}

/// How a spec that failed to load is reported.
#[derive(Debug, PartialEq, Eq)]
pub struct LoadFailure {
    /// The report's verdict word.
    pub verdict: &'static str,
    /// The violated invariant (a constant-level invariant equal to FALSE).
    pub violated: Option<String>,
    /// A TLC-worded line to print after `Error: ` on standard output, if TLC prints one.
    pub headline: Option<String>,
    /// The exit code.
    pub exit_code: i32,
}

/// Classifies load errors: a false assumption, a constant-level FALSE invariant, an IO
/// problem, or a parse/resolution error in the spec or in the config.
pub fn classify_load_failure(db: &SourceDb, errors: &[&Diagnostic]) -> LoadFailure {
    let failure = |verdict, exit_code| LoadFailure {
        verdict,
        violated: None,
        headline: None,
        exit_code,
    };
    if let Some(d) = errors.iter().find(|d| d.code == "assumption-false") {
        return LoadFailure {
            headline: Some(d.message.clone()),
            ..failure("assumption-failed", ASSUMPTION)
        };
    }
    if let Some(d) = errors.iter().find(|d| d.code == "invariant-false") {
        let name = d
            .message
            .strip_prefix("The invariant of ")
            .and_then(|s| s.strip_suffix(" is equal to FALSE"))
            .map(str::to_string);
        return LoadFailure {
            violated: name,
            headline: Some(d.message.clone()),
            ..failure("error", CONFIG_PARSE)
        };
    }
    if errors.iter().any(|d| d.code == "io-error") {
        return failure("error", SYSTEM);
    }
    let in_cfg = errors.iter().any(|d| {
        d.primary_span()
            .is_some_and(|s| db.path(s.file).extension().is_some_and(|e| e == "cfg"))
    });
    if in_cfg {
        failure("error", CONFIG_PARSE)
    } else {
        LoadFailure {
            headline: Some("Parsing or semantic analysis failed.".to_string()),
            ..failure("error", SPEC_PARSE)
        }
    }
}
