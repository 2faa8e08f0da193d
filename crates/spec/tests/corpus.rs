//! Checks the action labels and the trace states of the corpus models (specs with TLC's
//! expected results) against the traces TLC printed beside some entries. Verdicts, counts and exit
//! codes of the whole corpus are compared end to end, through the `warden` binary, by the
//! cli crate's corpus test.

use std::path::{Path, PathBuf};

use source::SourceDb;

fn entries() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut out = Vec::new();
    let Ok(areas) = std::fs::read_dir(&root) else {
        return out;
    };
    for area in areas.flatten() {
        let Ok(files) = std::fs::read_dir(area.path()) else {
            continue;
        };
        for f in files.flatten() {
            let p = f.path();
            if p.extension().is_some_and(|e| e == "expect") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The action labels TLC printed in the traces kept beside some entries are among the
/// model's labels.
#[test]
fn action_labels_match_tlc_traces() {
    for e in entries() {
        let trace = e.with_extension("tlc.txt");
        let Ok(text) = std::fs::read_to_string(&trace) else {
            continue;
        };
        let mut db = SourceDb::new();
        let Ok(m) = spec::load(&mut db, &e.with_extension("tla"), &e.with_extension("cfg")) else {
            continue;
        };
        let labels: Vec<String> = (0..m.action_count())
            .map(|i| check::Model::action_label(&m, check::ActionId(i as u32)))
            .collect();
        for line in text.lines() {
            let Some(rest) = line.strip_prefix("State ") else {
                continue;
            };
            let Some((_, label)) = rest.split_once(": <") else {
                continue;
            };
            let label = label.trim_end_matches('>');
            if label == "Initial predicate" {
                continue;
            }
            assert!(
                labels.iter().any(|l| l == label),
                "{}: TLC's label `{label}` is not among {labels:?}",
                e.display()
            );
        }
    }
}

/// The states of the counterexample traces TLC printed beside some entries (their
/// `/\ var = value` lines, state by state) are those of warden's shortest trace, in order:
/// the same successors are generated first.
#[test]
fn trace_states_match_tlc_traces() {
    let mut compared = 0;
    for e in entries() {
        let Ok(text) = std::fs::read_to_string(e.with_extension("tlc.txt")) else {
            continue;
        };
        let tlc = tlc_trace_states(&text);
        if tlc.is_empty() {
            continue;
        }
        let mut db = SourceDb::new();
        let m = spec::load(&mut db, &e.with_extension("tla"), &e.with_extension("cfg"))
            .unwrap_or_else(|_| panic!("{} loads", e.display()));
        let options = check::Options::default().with_deadlock_check(m.check_deadlock());
        let outcome = check::run(&m, &options, &mut check::NullReporter);
        let trace = outcome
            .trace
            .unwrap_or_else(|| panic!("{}: warden gives no trace", e.display()));
        let ours: Vec<Vec<String>> = trace
            .steps
            .iter()
            .map(|step| {
                m.variables()
                    .iter()
                    .enumerate()
                    .filter_map(|(i, name)| {
                        let v = step.state.value(i)?;
                        Some(format!(
                            "/\\ {name} = {}",
                            spec::SpecModel::display_value(v)
                        ))
                    })
                    .collect::<Vec<_>>()
            })
            .map(sorted)
            .collect();
        let tlc: Vec<Vec<String>> = tlc.into_iter().map(sorted).collect();
        assert_eq!(ours, tlc, "{}", e.display());
        compared += 1;
    }
    assert!(compared >= 5, "only {compared} traces compared");
}

/// The lines in order (TLC prints a state's variables in its own order).
fn sorted(mut lines: Vec<String>) -> Vec<String> {
    lines.sort();
    lines
}

/// The `/\ var = value` lines of each `State k:` block of TLC's output.
fn tlc_trace_states(text: &str) -> Vec<Vec<String>> {
    let mut states: Vec<Vec<String>> = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if line.starts_with("State ") && line.contains(": <") {
            states.push(Vec::new());
            inside = true;
        } else if line.trim().is_empty() {
            inside = false;
        } else if inside && line.starts_with("/\\ ") {
            if let Some(s) = states.last_mut() {
                s.push(line.to_string());
            }
        }
    }
    states
}
