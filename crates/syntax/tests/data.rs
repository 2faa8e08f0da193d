//! Data-driven parser tests: every file under `test_data/` is parsed and the result compared
//! with the snapshot beside it (`x.tla` → `x.txt`).
//!
//! * `ok/*.tla`: must parse without errors; the snapshot is the tree's S-expression dump.
//! * `err/*.tla`: must report at least one error; the snapshot is the tree (if any) followed
//!   by the rendered diagnostics.
//! * `cfg_ok/*.cfg`, `cfg_err/*.cfg`: the same for configuration files.
//!
//! Run with `UPDATE_EXPECT=1` to rewrite snapshots after an intended change, then review the
//! diff.

use std::path::{Path, PathBuf};

use expect_test::expect_file;
use source::{Severity, SourceDb};

fn files(dir: &str, ext: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("test_data")
        .join(dir);
    let mut out: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("test_data directory exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some(ext))
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no test inputs in {}", root.display());
    out
}

/// Loads `path` into a fresh database under a short, machine-independent name.
fn load(path: &Path, dir: &str) -> (SourceDb, source::FileId) {
    let text = std::fs::read_to_string(path).expect("test input is UTF-8");
    let name = format!(
        "{dir}/{}",
        path.file_name()
            .and_then(|n| n.to_str())
            .expect("file name")
    );
    let mut db = SourceDb::new();
    let id = db.add(name, text);
    (db, id)
}

fn errors_only(diags: &[source::Diagnostic]) -> usize {
    diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

fn tla_dir(dir: &str, expect_errors: bool) {
    for path in files(dir, "tla") {
        let (db, id) = load(&path, dir);
        let r = syntax::parse_module(&db, id);
        let mut actual = String::new();
        if let Some(m) = &r.module {
            actual.push_str(&syntax::dump::dump(m));
        }
        let rendered = source::render_all(&db, &r.errors);
        if expect_errors {
            assert!(
                errors_only(&r.errors) > 0,
                "{} should report an error",
                path.display()
            );
            actual.push_str(&rendered);
        } else {
            assert!(
                r.errors.is_empty(),
                "{} should parse cleanly:\n{rendered}",
                path.display()
            );
        }
        expect_file![path.with_extension("txt")].assert_eq(&actual);
    }
}

fn cfg_dir(dir: &str, expect_errors: bool) {
    for path in files(dir, "cfg") {
        let (db, id) = load(&path, dir);
        let (cfg, errors) = syntax::parse_cfg(&db, id);
        let rendered = source::render_all(&db, &errors);
        let mut actual = format!("{cfg:#?}\n");
        if expect_errors {
            assert!(
                !errors.is_empty(),
                "{} should report an error",
                path.display()
            );
            actual.push_str(&rendered);
        } else {
            assert!(
                errors.is_empty(),
                "{} should read cleanly:\n{rendered}",
                path.display()
            );
        }
        expect_file![path.with_extension("txt")].assert_eq(&actual);
    }
}

#[test]
fn ok_modules() {
    tla_dir("ok", false);
}

#[test]
fn err_modules() {
    tla_dir("err", true);
}

#[test]
fn ok_configs() {
    cfg_dir("cfg_ok", false);
}

#[test]
fn err_configs() {
    cfg_dir("cfg_err", true);
}
