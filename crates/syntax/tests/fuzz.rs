//! Property test: the parser never panics. Starting from the well-formed inputs in
//! `test_data/ok` and `test_data/cfg_ok`, random mutations (deleting, duplicating and swapping
//! byte ranges, inserting operator tokens and brackets, truncating) must still yield a
//! `ParseResult` / config with diagnostics, never a panic or a stack overflow.

use std::path::Path;

use proptest::prelude::*;
use source::SourceDb;

/// Tokens worth inserting: operators, brackets, keywords, layout-sensitive bullets, comment
/// and string openers.
const TOKENS: &[&str] = &[
    "/\\",
    "\\/",
    "\n/\\ ",
    "\n  \\/ ",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "<<",
    ">>",
    ">>_",
    "]_",
    "==",
    "=",
    "\\in",
    ":",
    "::",
    ",",
    "!",
    "@",
    "'",
    "|->",
    "->",
    "<-",
    "EXCEPT",
    "LET",
    "IN",
    "IF",
    "THEN",
    "ELSE",
    "CASE",
    "[]",
    "OTHER",
    "\\A",
    "\\E",
    "CHOOSE",
    "LAMBDA",
    "WF_",
    "SF_",
    "(*",
    "*)",
    "\\*",
    "\"",
    "----",
    "====",
    "---- MODULE X ----",
    "THEOREM",
    "<1>1.",
    "PROOF",
    "BY",
    "QED",
    "INSTANCE",
    "WITH",
    "LOCAL",
    "RECURSIVE",
    "_",
    "-.",
    "^+",
    "..",
    "\\X",
    "~",
    "-",
    "SUBSET",
    "∧",
    "⟨",
    "≜",
    "\u{0}",
    "é",
];

#[derive(Clone, Debug)]
enum Mutation {
    Delete(usize, usize),
    Duplicate(usize, usize),
    Swap(usize, usize, usize),
    Insert(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0usize..40).prop_map(|(a, n)| Mutation::Delete(a, n)),
        (any::<usize>(), 0usize..40).prop_map(|(a, n)| Mutation::Duplicate(a, n)),
        (any::<usize>(), any::<usize>(), 1usize..20).prop_map(|(a, b, n)| Mutation::Swap(a, b, n)),
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(a, t)| Mutation::Insert(a, t)),
        (any::<usize>()).prop_map(Mutation::Truncate),
    ]
}

fn apply(mut bytes: Vec<u8>, m: &Mutation) -> Vec<u8> {
    let len = bytes.len().max(1);
    match *m {
        Mutation::Delete(a, n) => {
            let a = a % len;
            let b = (a + n).min(bytes.len());
            if a < b {
                bytes.drain(a..b);
            }
        }
        Mutation::Duplicate(a, n) => {
            let a = a % len;
            let b = (a + n).min(bytes.len());
            if a < b {
                let chunk: Vec<u8> = bytes[a..b].to_vec();
                bytes.splice(b..b, chunk);
            }
        }
        Mutation::Swap(a, b, n) => {
            let (a, b) = (a % len, b % len);
            let (a, b) = (a.min(b), a.max(b));
            if a + n <= b && b + n <= bytes.len() {
                for i in 0..n {
                    bytes.swap(a + i, b + i);
                }
            }
        }
        Mutation::Insert(a, t) => {
            let a = a % (bytes.len() + 1);
            let tok = format!(" {} ", TOKENS[t]);
            bytes.splice(a..a, tok.into_bytes());
        }
        Mutation::Truncate(a) => bytes.truncate(a % len),
    }
    bytes
}

fn inputs(dir: &str, ext: &str) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("test_data")
        .join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(root)
        .expect("test_data directory exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some(ext))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read(p).expect("readable test input"))
        .collect()
}

fn mutate(seeds: &[Vec<u8>], pick: usize, ms: &[Mutation]) -> String {
    let mut bytes = seeds[pick % seeds.len()].clone();
    for m in ms {
        bytes = apply(bytes, m);
    }
    // Byte edits may split a UTF-8 sequence; the front end receives text, so repair it.
    String::from_utf8_lossy(&bytes).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn mutated_modules_never_panic(pick in any::<usize>(), ms in prop::collection::vec(mutation(), 1..8)) {
        let seeds = inputs("ok", "tla");
        let text = mutate(&seeds, pick, &ms);
        let mut db = SourceDb::new();
        let id = db.add("Fuzz.tla", text);
        let r = syntax::parse_module(&db, id);
        // Rendering must not panic either (spans are in bounds or clamped).
        let _ = source::render_all(&db, &r.errors);
        if let Some(m) = &r.module {
            let _ = syntax::dump::dump(m);
        }
    }

    #[test]
    fn mutated_configs_never_panic(pick in any::<usize>(), ms in prop::collection::vec(mutation(), 1..8)) {
        let seeds = inputs("cfg_ok", "cfg");
        let text = mutate(&seeds, pick, &ms);
        let mut db = SourceDb::new();
        let id = db.add("Fuzz.cfg", text);
        let (_, errors) = syntax::parse_cfg(&db, id);
        let _ = source::render_all(&db, &errors);
    }
}
