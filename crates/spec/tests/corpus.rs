//! Checks the action labels of the corpus models (specs with TLC's expected results) against
//! the labels TLC printed in the traces kept beside some entries. Verdicts, counts and exit
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
