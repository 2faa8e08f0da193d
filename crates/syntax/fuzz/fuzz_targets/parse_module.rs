//! Fuzz target: any text given to `syntax::parse_module` returns diagnostics, never panics.
//! Run with `cargo +nightly fuzz run parse_module` from `crates/syntax`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let mut db = source::SourceDb::new();
    let id = db.add("Fuzz.tla", text);
    let r = syntax::parse_module(&db, id);
    let _ = source::render_all(&db, &r.errors);
});
