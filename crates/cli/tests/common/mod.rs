//! Helpers shared by the `cli` integration tests: where the corpus is and how its files are
//! listed, so every test walks it in the same deterministic order.

use std::path::{Path, PathBuf};

/// The `corpus/` directory at the workspace root.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

/// Every file below `corpus/` that `keep` accepts, depth first: each directory's entries in
/// path order, a subdirectory's files in its place.
pub fn corpus_files(keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    fn walk(dir: &Path, keep: &dyn Fn(&Path) -> bool, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("corpus directory is readable")
            .map(|e| e.expect("directory entry").path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, keep, out);
            } else if keep(&p) {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&corpus_dir(), &keep, &mut out);
    out
}
