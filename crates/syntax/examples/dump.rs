//! Prints the syntax tree of a `.tla` file (or the config of a `.cfg` file) and its
//! diagnostics: a debugging aid.
//!
//! Usage: `cargo run -p syntax --example dump -- FILE`

use source::SourceDb;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump FILE");
        return;
    };
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("cannot read {path}");
        return;
    };
    let mut db = SourceDb::new();
    let id = db.add(&path, String::from_utf8_lossy(&bytes).into_owned());
    if path.ends_with(".cfg") {
        let (cfg, errors) = syntax::parse_cfg(&db, id);
        println!("{cfg:#?}");
        print!("{}", source::render_all(&db, &errors));
    } else {
        let r = syntax::parse_module(&db, id);
        if let Some(m) = &r.module {
            print!("{}", syntax::dump::dump(m));
        }
        print!("{}", source::render_all(&db, &r.errors));
    }
}
