//! Helpers for the spec tests: write a spec and cfg to a temporary directory, load them, and
//! explore the state space with a plain breadth-first search.

// Each test binary uses only part of the helpers.
#![allow(dead_code)]

use std::collections::HashSet;
use std::path::PathBuf;

use check::Model;
use source::SourceDb;
use spec::SpecModel;

/// A fresh directory for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("warden-spec-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// Writes files and loads `main` with `cfg`; returns the model or the rendered diagnostics.
pub fn load(name: &str, files: &[(&str, &str)], cfg: &str) -> Result<SpecModel, String> {
    let dir = temp_dir(name);
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

/// Breadth-first search over a model.
pub fn explore(m: &SpecModel) -> Outcome {
    let mut seen = HashSet::new();
    let mut frontier = Vec::new();
    let mut inits = Vec::new();
    if let Err(e) = m.init(&mut |s| inits.push(s)) {
        return Outcome::Error(e.message);
    }
    let names = m.invariant_names();
    for s in inits {
        match m.check_invariants(&s) {
            Ok(Some(i)) => return Outcome::Violated(names[i].clone()),
            Err(e) => return Outcome::Error(e.message),
            Ok(None) => {}
        }
        match m.check_initial_properties(&s) {
            Ok(Some(i)) => return Outcome::PropertyViolated(m.initial_property_names()[i].clone()),
            Err(e) => return Outcome::Error(e.message),
            Ok(None) => {}
        }
        match m.within_constraints(&s) {
            Ok(true) => {}
            Ok(false) => continue,
            Err(e) => return Outcome::Error(e.message),
        }
        if seen.insert(m.fingerprint(&s)) {
            frontier.push(s);
        }
    }
    while !frontier.is_empty() {
        let mut next_frontier = Vec::new();
        for s in &frontier {
            let mut succ = Vec::new();
            if let Err(e) = m.next(s, &mut |_, t| succ.push(t)) {
                return Outcome::Error(e.message);
            }
            if succ.is_empty() && m.check_deadlock() {
                return Outcome::Deadlock;
            }
            for t in succ {
                match m.check_invariants(&t) {
                    Ok(Some(i)) => return Outcome::Violated(names[i].clone()),
                    Err(e) => return Outcome::Error(e.message),
                    Ok(None) => {}
                }
                match m.check_action_properties(s, &t) {
                    Ok(Some(i)) => {
                        return Outcome::PropertyViolated(m.action_property_names()[i].clone())
                    }
                    Err(e) => return Outcome::Error(e.message),
                    Ok(None) => {}
                }
                match m.allows_step(s, &t) {
                    Ok(true) => {}
                    Ok(false) => continue,
                    Err(e) => return Outcome::Error(e.message),
                }
                match m.within_constraints(&t) {
                    Ok(true) => {}
                    Ok(false) => continue,
                    Err(e) => return Outcome::Error(e.message),
                }
                if seen.insert(m.fingerprint(&t)) {
                    next_frontier.push(t);
                }
            }
        }
        frontier = next_frontier;
    }
    Outcome::Ok(seen.len())
}
