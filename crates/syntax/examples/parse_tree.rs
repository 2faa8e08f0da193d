//! Parses every `.tla` and `.cfg` file under the given directories and prints the errors
//! found and a count: a quick way to run the front end over a corpus of real specs.
//!
//! Usage: `cargo run -p syntax --example parse_tree -- DIR... [--quiet]`

use std::path::{Path, PathBuf};

use source::{Severity, SourceDb};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
        } else if matches!(p.extension().and_then(|e| e.to_str()), Some("tla" | "cfg")) {
            out.push(p);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quiet = args.iter().any(|a| a == "--quiet");
    let mut files = Vec::new();
    for a in args.iter().filter(|a| !a.starts_with("--")) {
        let p = PathBuf::from(a);
        if p.is_dir() {
            walk(&p, &mut files);
        } else {
            files.push(p);
        }
    }
    let mut db = SourceDb::new();
    let (mut ok, mut failed, mut no_module) = (0, 0, 0);
    for path in files {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let id = db.add(&path, text);
        let (errors, has_module) = if path.extension().and_then(|e| e.to_str()) == Some("cfg") {
            (syntax::parse_cfg(&db, id).1, true)
        } else {
            let r = syntax::parse_module(&db, id);
            (r.errors, r.module.is_some())
        };
        let errors: Vec<_> = errors
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        if !has_module {
            no_module += 1;
        }
        if errors.is_empty() {
            ok += 1;
        } else {
            failed += 1;
            if !quiet {
                print!("{}", source::render(&db, &errors[0]));
                if errors.len() > 1 {
                    println!("  (+{} more in {})", errors.len() - 1, path.display());
                }
            } else {
                println!("FAIL {} ({})", path.display(), errors[0].code);
            }
        }
    }
    println!("parsed: {ok} ok, {failed} with errors ({no_module} without a module header)");
}
