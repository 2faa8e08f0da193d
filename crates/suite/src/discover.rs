//! Finding manifests: a directory holding a `warden.toml`, or a tree of them.
//!
//! Discovery walks the tree in sorted order (so runs and reports are ordered the same on
//! every machine), skipping hidden directories and build output (`target`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::manifest::{Manifest, ManifestError, MANIFEST_NAME};

/// Every manifest under `root`, sorted by path. `root` may also be a manifest file itself.
pub fn find_manifests(root: &Path) -> Result<Vec<PathBuf>, ManifestError> {
    let io_err = |path: &Path, e: std::io::Error| ManifestError {
        path: path.to_path_buf(),
        position: None,
        message: e.to_string(),
    };
    let meta = std::fs::metadata(root).map_err(|e| io_err(root, e))?;
    if meta.is_file() {
        return Ok(vec![root.to_path_buf()]);
    }
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let mut entries = BTreeSet::new();
        for entry in std::fs::read_dir(&dir).map_err(|e| io_err(&dir, e))? {
            entries.insert(entry.map_err(|e| io_err(&dir, e))?.path());
        }
        // Reverse so that the stack pops subdirectories in sorted order.
        for path in entries.into_iter().rev() {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if path.is_dir() {
                if !name.starts_with('.') && name != "target" {
                    stack.push(path);
                }
            } else if name == MANIFEST_NAME {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Loads every manifest under `root`. A tree without one is an error, and so is a claim id
/// used by two manifests (ids name artifacts and must be unique across a run).
pub fn load_tree(root: &Path) -> Result<Vec<Manifest>, ManifestError> {
    let paths = find_manifests(root)?;
    if paths.is_empty() {
        return Err(ManifestError {
            path: root.to_path_buf(),
            position: None,
            message: format!("no {MANIFEST_NAME} found here or below"),
        });
    }
    let manifests = paths
        .iter()
        .map(|p| Manifest::load(p))
        .collect::<Result<Vec<_>, _>>()?;
    let mut owner: std::collections::BTreeMap<&str, &Path> = Default::default();
    for m in &manifests {
        for c in &m.claims {
            if let Some(first) = owner.insert(&c.id, &m.path) {
                return Err(ManifestError {
                    path: m.path.clone(),
                    position: None,
                    message: format!("claim id `{}` is also used by {}", c.id, first.display()),
                });
            }
        }
    }
    Ok(manifests)
}

/// Whether `dir` holds a manifest at any depth (used to pick the bundled suite).
pub fn has_manifest(dir: &Path) -> bool {
    find_manifests(dir).is_ok_and(|v| !v.is_empty())
}
