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

/// TLC's exit code for an error that maps to no exit status of its own.
pub const ERROR: i32 = 255;

/// The exit code of a finished search; `site` says what was being evaluated when an error
/// was raised.
///
/// TLC's rule (`tlc2.output.EC.ExitStatus.errorConstantToExitStatus`, applied by
/// `tlc2.TLC.main` to the code `ModelChecker.modelCheck` returns):
///
/// - An error in an invariant or a property is reported as
///   `EC.TLC_INVARIANT_EVALUATION_FAILED` / `TLC_ACTION_PROPERTY_EVALUATION_FAILED`: 76
///   (the replay that prints the expression stack does not re-evaluate it).
/// - An error while computing the initial states is replayed and then always reported as
///   `EC.TLC_NESTED_EXPRESSION` (`ModelChecker.modelCheck` catches every `Throwable` of the
///   replay of `doInit`): 75, whatever its kind, `Assert` included. An initial state that
///   leaves a variable unassigned is not an exception but `EC.TLC_INITIAL_STATE`-like
///   (`Tool.isGoodState` false in `DoInitFunctor`), which maps to no status: 255.
/// - An error while computing successors (or their constraints) is replayed with the
///   expression stack recorded; if the replay throws an `EvalException`, its own `EC` code
///   is returned, otherwise `EC.TLC_NESTED_EXPRESSION`. `EvalException`s come from TLC's
///   standard modules (code `module-argument`: `EC.TLC_MODULE_*`, which map to no status:
///   255) and from `Assert` (`EC.TLC_VALUE_ASSERT_FAILED`: 14). Errors of TLC's evaluator
///   proper (`Assert.fail`: domain errors, CHOOSE, comparisons of values of different
///   kinds) are `TLCRuntimeException`s: 75. A successor leaving a variable unassigned is
///   `EC.TLC_STATE_NOT_COMPLETELY_SPECIFIED_NEXT`: 75.
pub fn of_verdict(v: &Verdict, site: Option<ErrorSite>) -> i32 {
    match v {
        Verdict::Ok => OK,
        Verdict::InvariantViolated { .. } | Verdict::InitialPropertyViolated { .. } => SAFETY,
        Verdict::ActionPropertyViolated { .. } => LIVENESS,
        Verdict::Deadlock => DEADLOCK,
        Verdict::Incomplete(_) => INCOMPLETE,
        Verdict::Error(e) => match site {
            Some(ErrorSite::Invariant | ErrorSite::InitialProperty | ErrorSite::ActionProperty) => {
                SAFETY_EVAL
            }
            Some(ErrorSite::Init) | None => match e.code {
                "unassigned-variable" => ERROR,
                _ => EVAL,
            },
            Some(ErrorSite::Next | ErrorSite::Constraint | ErrorSite::ActionConstraint) => {
                match e.code {
                    "assert-failed" => ASSERT,
                    "module-argument" => ERROR,
                    _ => EVAL,
                }
            }
        },
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
    // An ASSUME that cannot be evaluated is an error, with the exit code of an assumption
    // violation (10), as TLC reports it.
    if let Some(d) = errors.iter().find(|d| d.code == "eval-error") {
        return LoadFailure {
            headline: d.message.lines().next().map(str::to_string),
            ..failure("error", ASSUMPTION)
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
    // A SYMMETRY set TLC cannot use makes TLC fail with an unexpected exception (255).
    if errors.iter().any(|d| d.code == "symmetry-error") {
        return failure("error", ERROR);
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
