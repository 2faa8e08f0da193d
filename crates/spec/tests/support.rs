//! Helpers for the spec tests: write a spec and cfg to a temporary directory, load them, and
//! explore the state space with the engine.

// Each test binary uses only part of the helpers.
#![allow(dead_code)]

use source::SourceDb;
use spec::SpecModel;

/// A fresh directory for one test, removed with everything in it when the returned guard
/// is dropped.
pub fn temp_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("warden-spec-{name}-"))
        .tempdir()
        .expect("create temp dir")
}

/// Writes files and loads `main` with `cfg`; returns the model or the rendered diagnostics.
/// The files are read while loading, so the directory is removed when this returns.
pub fn load(name: &str, files: &[(&str, &str)], cfg: &str) -> Result<SpecModel, String> {
    let guard = temp_dir(name);
    let dir = guard.path();
    for (f, text) in files {
        std::fs::write(dir.join(f), text).expect("write module");
    }
    std::fs::write(dir.join("MC.cfg"), cfg).expect("write cfg");
    let main = dir.join(files[0].0);
    let mut db = SourceDb::new();
    spec::load(&mut db, &main, &dir.join("MC.cfg")).map_err(|d| source::render_all(&db, &d))
}

/// Outcome of a small exhaustive search.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Every reachable state satisfies the invariants; distinct states.
    Ok(usize),
    /// An invariant is violated (its name), after this many distinct states were found.
    Violated(String),
    /// An action property is violated (its name).
    PropertyViolated(String),
    /// A state without successors.
    Deadlock,
    /// An evaluation error with its message.
    Error(String),
}

/// Explores a model with the engine (one worker, the config's deadlock setting).
pub fn explore(m: &SpecModel) -> Outcome {
    let options = check::Options::default().with_deadlock_check(m.check_deadlock());
    let outcome = check::run(m, &options, &mut check::NullReporter);
    match outcome.verdict {
        check::Verdict::Ok => Outcome::Ok(outcome.stats.distinct as usize),
        check::Verdict::InvariantViolated { name, .. } => Outcome::Violated(name),
        check::Verdict::InitialPropertyViolated { name, .. }
        | check::Verdict::ActionPropertyViolated { name, .. } => Outcome::PropertyViolated(name),
        check::Verdict::Deadlock => Outcome::Deadlock,
        check::Verdict::Error(e) => Outcome::Error(e.message),
        check::Verdict::Incomplete(limit) => Outcome::Error(format!("incomplete: {limit:?}")),
    }
}
