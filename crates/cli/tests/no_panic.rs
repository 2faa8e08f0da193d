//! Whole-pipeline panic freedom: the `warden` binary, given a randomly mutated corpus spec and
//! config, must end with a diagnostic or a verdict, never a panic. Each case takes a corpus
//! entry (`corpus/<area>/X.tla` + `X.cfg`), applies a few random mutations (deleting,
//! duplicating and swapping lines or tokens, changing numbers, inserting operator tokens,
//! truncating, rewriting config constants, substituting one of the spec's names for another),
//! writes the result beside copies of the entry's library modules in a fresh directory and
//! runs `warden check X.tla --config X.cfg`.
//!
//! A mutation may well describe an infinite state space, so a run is killed after a few
//! seconds; only a crash (exit code 101, `panicked at` on stderr, a stack overflow or another
//! signal) fails the test. The seed is fixed so CI is deterministic; `WARDEN_NO_PANIC_CASES`
//! raises the case count and `WARDEN_NO_PANIC_SEED` picks another seed when hunting locally.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};

use common::corpus_files;

/// Cases run by default (CI); each is one process, most end in milliseconds.
const DEFAULT_CASES: u32 = 150;

/// A run still going after this long is killed (its state space is presumably infinite).
const TIMEOUT: Duration = Duration::from_secs(5);

/// Tokens worth inserting into a spec: operators, brackets, keywords, bullets, comment and
/// string openers, numbers and names that may or may not be defined.
const SPEC_TOKENS: &[&str] = &[
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
    "#",
    "\\in",
    "\\notin",
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
    "<>",
    "~>",
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
    "UNCHANGED",
    "ENABLED",
    "DOMAIN",
    "SUBSET",
    "UNION",
    "INSTANCE",
    "WITH",
    "LOCAL",
    "RECURSIVE",
    "EXTENDS",
    "VARIABLE",
    "CONSTANT",
    "ASSUME",
    "_",
    "-.",
    "^+",
    "..",
    "\\X",
    "~",
    "-",
    "+",
    "*",
    "\\div",
    "%",
    "^",
    "\\o",
    "\\cup",
    "\\cap",
    "\\subseteq",
    "\\",
    "0",
    "1",
    "-1",
    "2147483648",
    "9223372036854775807",
    "99999999999999999999",
    "TRUE",
    "FALSE",
    "x",
    "Nat",
    "Int",
    "Seq",
    "Len",
    "Head",
    "Tail",
    "Append",
    "SubSeq",
    "Cardinality",
    "Print",
    "Assert",
    "@@",
    ":>",
    "TLCGet",
    "STRING",
    "BOOLEAN",
    "\"s\"",
];

/// Replacements for the right-hand side of a config constant assignment, and config words.
const CFG_TOKENS: &[&str] = &[
    "0",
    "1",
    "-1",
    "3",
    "100",
    "99999999999999999999",
    "{}",
    "{1, 2}",
    "{a, b}",
    "a",
    "\"s\"",
    "TRUE",
    "FALSE",
    "<-",
    "=",
    "{",
    "}",
    ",",
    "Init",
    "Next",
    "Spec",
    "Inv",
    "TypeOK",
    "Missing",
    "CONSTANT",
    "CONSTANTS",
    "INIT",
    "NEXT",
    "SPECIFICATION",
    "INVARIANT",
    "INVARIANTS",
    "PROPERTY",
    "PROPERTIES",
    "CONSTRAINT",
    "ACTION_CONSTRAINT",
    "SYMMETRY",
    "VIEW",
    "CHECK_DEADLOCK",
    "ALIAS",
    "POSTCONDITION",
    "\\*",
    "(*",
    "*)",
    "[",
    "]",
    "<<",
    ">>",
    "@",
];

/// One random edit; the numbers are reduced modulo the sizes of the text they apply to.
#[derive(Clone, Debug)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    DeleteToken(usize),
    DuplicateToken(usize),
    SwapTokens(usize, usize),
    ChangeNumber(usize, usize),
    InsertToken(usize, usize),
    /// A line `CONSTANT a <- b` (in a spec: `a == b`) naming two identifiers of the spec.
    Substitute(usize, usize, usize),
    Truncate(usize),
}

/// A mutation and the file it edits.
#[derive(Clone, Debug)]
struct Edit {
    in_cfg: bool,
    mutation: Mutation,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let n = 0usize..100_000;
    prop_oneof![
        n.clone().prop_map(Mutation::DeleteLine),
        n.clone().prop_map(Mutation::DuplicateLine),
        (n.clone(), n.clone()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        n.clone().prop_map(Mutation::DeleteToken),
        n.clone().prop_map(Mutation::DuplicateToken),
        (n.clone(), n.clone()).prop_map(|(a, b)| Mutation::SwapTokens(a, b)),
        (n.clone(), n.clone()).prop_map(|(a, b)| Mutation::ChangeNumber(a, b)),
        (n.clone(), n.clone()).prop_map(|(a, b)| Mutation::InsertToken(a, b)),
        (n.clone(), n.clone()).prop_map(|(a, b)| Mutation::InsertToken(a, b)),
        (n.clone(), n.clone(), n.clone()).prop_map(|(a, b, c)| Mutation::Substitute(a, b, c)),
        n.prop_map(Mutation::Truncate),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    (prop::bool::weighted(0.3), mutation()).prop_map(|(in_cfg, mutation)| Edit { in_cfg, mutation })
}

/// The byte ranges of the lines of `text` (each with its newline).
fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// The byte ranges of the tokens of `text`: runs of word characters, runs of other
/// non-space characters.
fn tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, bool)> = None;
    for (i, c) in text.char_indices() {
        let class = if c.is_whitespace() {
            None
        } else {
            Some(c.is_alphanumeric() || c == '_')
        };
        match (cur, class) {
            (Some((_, w)), Some(k)) if w == k => {}
            (Some((s, _)), _) => {
                out.push((s, i));
                cur = class.map(|k| (i, k));
            }
            (None, _) => cur = class.map(|k| (i, k)),
        }
    }
    if let Some((s, _)) = cur {
        out.push((s, text.len()));
    }
    out
}

/// The ranges of the decimal numbers of `text`.
fn numbers(text: &str) -> Vec<(usize, usize)> {
    tokens(text)
        .into_iter()
        .filter(|&(s, e)| text[s..e].bytes().all(|b| b.is_ascii_digit()))
        .collect()
}

/// Swaps two non-overlapping ranges of `text`.
fn swap(text: &str, a: (usize, usize), b: (usize, usize)) -> String {
    let (a, b) = if a.0 <= b.0 { (a, b) } else { (b, a) };
    if a.1 > b.0 {
        return text.to_string();
    }
    format!(
        "{}{}{}{}{}",
        &text[..a.0],
        &text[b.0..b.1],
        &text[a.1..b.0],
        &text[a.0..a.1],
        &text[b.1..]
    )
}

/// The identifiers of `text`, sorted and without duplicates.
fn identifiers(text: &str) -> Vec<String> {
    let mut out: Vec<String> = tokens(text)
        .into_iter()
        .map(|(s, e)| &text[s..e])
        .filter(|t| t.starts_with(|c: char| c.is_alphabetic()))
        .map(str::to_string)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Applies one mutation; `inserts` are the tokens an insertion picks from, `names` the
/// identifiers a substitution picks from, `in_cfg` says which kind of file `text` is.
fn apply(text: &str, m: &Mutation, inserts: &[&str], names: &[String], in_cfg: bool) -> String {
    let pick = |v: &[(usize, usize)], i: usize| (!v.is_empty()).then(|| v[i % v.len()]);
    let splice = |(s, e): (usize, usize), with: &str| format!("{}{with}{}", &text[..s], &text[e..]);
    let out = match m {
        Mutation::DeleteLine(i) => pick(&lines(text), *i).map(|r| splice(r, "")),
        Mutation::DuplicateLine(i) => {
            pick(&lines(text), *i).map(|r| splice((r.1, r.1), &text[r.0..r.1]))
        }
        Mutation::SwapLines(i, j) => {
            let ls = lines(text);
            pick(&ls, *i)
                .zip(pick(&ls, *j))
                .map(|(a, b)| swap(text, a, b))
        }
        Mutation::DeleteToken(i) => pick(&tokens(text), *i).map(|r| splice(r, "")),
        Mutation::DuplicateToken(i) => {
            pick(&tokens(text), *i).map(|r| splice((r.1, r.1), &format!(" {}", &text[r.0..r.1])))
        }
        Mutation::SwapTokens(i, j) => {
            let ts = tokens(text);
            pick(&ts, *i)
                .zip(pick(&ts, *j))
                .map(|(a, b)| swap(text, a, b))
        }
        Mutation::ChangeNumber(i, v) => {
            const VALUES: &[&str] = &["0", "1", "2", "3", "5", "7", "10", "255", "65536"];
            pick(&numbers(text), *i).map(|r| splice(r, VALUES[v % VALUES.len()]))
        }
        Mutation::InsertToken(i, t) => {
            let ts = tokens(text);
            let at = pick(&ts, *i).map_or(0, |r| r.0);
            Some(splice(
                (at, at),
                &format!("{} ", inserts[t % inserts.len()]),
            ))
        }
        Mutation::Substitute(i, a, b) if !names.is_empty() => {
            let (a, b) = (&names[a % names.len()], &names[b % names.len()]);
            let line = if in_cfg {
                format!("CONSTANT {a} <- {b}\n")
            } else {
                format!("{a} == {b}\n")
            };
            let at = pick(&lines(text), *i).map_or(0, |r| r.0);
            Some(splice((at, at), &line))
        }
        Mutation::Substitute(..) => None,
        Mutation::Truncate(i) => {
            let mut at = i % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            Some(text[..at].to_string())
        }
    };
    out.unwrap_or_else(|| text.to_string())
}

/// Every corpus entry: a `.tla` with a `.cfg` beside it, sorted.
fn corpus_entries() -> Vec<PathBuf> {
    let out = corpus_files(|p| {
        p.extension().is_some_and(|e| e == "tla") && p.with_extension("cfg").is_file()
    });
    assert!(!out.is_empty(), "the corpus has entries");
    out
}

/// What a run did.
struct Run {
    code: Option<i32>,
    stderr: String,
    timed_out: bool,
}

/// Runs `warden check` in `dir` on `X.tla`/`X.cfg`, killing it after [`TIMEOUT`].
fn run_warden(dir: &Path, name: &str) -> Run {
    let err_path = dir.join("stderr.txt");
    let err = std::fs::File::create(&err_path).expect("stderr file");
    let mut child = Command::new(env!("CARGO_BIN_EXE_warden"))
        .current_dir(dir)
        .arg("check")
        .arg(format!("{name}.tla"))
        .arg("--config")
        .arg(format!("{name}.cfg"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(err)
        .spawn()
        .expect("warden starts");
    let start = Instant::now();
    let (code, timed_out) = loop {
        if let Some(status) = child.try_wait().expect("wait for warden") {
            break (status.code(), false);
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break (None, true);
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let stderr = String::from_utf8_lossy(&std::fs::read(&err_path).unwrap_or_default()).into();
    Run {
        code,
        stderr,
        timed_out,
    }
}

fn env_number<T: std::str::FromStr>(name: &str) -> Option<T> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

#[test]
fn mutated_corpus_specs_never_panic() {
    let entries = corpus_entries();
    let cases = env_number("WARDEN_NO_PANIC_CASES").unwrap_or(DEFAULT_CASES);
    let seed: u64 = env_number("WARDEN_NO_PANIC_SEED").unwrap_or(0x5741_5244_454e);
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let config = Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 200,
        ..Config::default()
    };
    let mut runner = TestRunner::new_with_rng(
        config,
        TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes),
    );
    // Removed with everything in it when dropped, unless a failing case is kept (below).
    let root = tempfile::Builder::new()
        .prefix("warden-no-panic-")
        .tempdir()
        .expect("temp dir");
    let counter = AtomicUsize::new(0);
    let timeouts = AtomicUsize::new(0);
    let codes: Mutex<BTreeMap<i32, usize>> = Mutex::new(BTreeMap::new());
    let strategy = (0..entries.len(), prop::collection::vec(edit(), 1..4));
    let result = runner.run(&strategy, |(entry, edits)| {
        let spec_path = &entries[entry];
        let name = spec_path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a corpus file name is UTF-8");
        let mut spec = std::fs::read_to_string(spec_path).expect("spec is readable");
        let mut cfg =
            std::fs::read_to_string(spec_path.with_extension("cfg")).expect("cfg is readable");
        let names = identifiers(&spec);
        for e in &edits {
            if e.in_cfg {
                cfg = apply(&cfg, &e.mutation, CFG_TOKENS, &names, true);
            } else {
                spec = apply(&spec, &e.mutation, SPEC_TOKENS, &names, false);
            }
        }
        let dir = root
            .path()
            .join(counter.fetch_add(1, Ordering::Relaxed).to_string());
        std::fs::create_dir_all(&dir).expect("temp dir");
        // The entry's neighbours, for EXTENDS and INSTANCE of library modules.
        let src_dir = spec_path.parent().expect("a corpus file has a directory");
        for f in std::fs::read_dir(src_dir)
            .expect("corpus directory")
            .flatten()
        {
            let p = f.path();
            if p.extension().is_some_and(|e| e == "tla") {
                let to = dir.join(p.file_name().expect("a file name"));
                std::fs::copy(&p, to).expect("copy a library module");
            }
        }
        std::fs::write(dir.join(format!("{name}.tla")), &spec).expect("write spec");
        std::fs::write(dir.join(format!("{name}.cfg")), &cfg).expect("write cfg");
        let run = run_warden(&dir, name);
        if run.timed_out {
            timeouts.fetch_add(1, Ordering::Relaxed);
        }
        if let Some(c) = run.code {
            *codes
                .lock()
                .expect("no panic while counting")
                .entry(c)
                .or_default() += 1;
        }
        // A run that died of a signal we did not send (a stack overflow aborts) is a crash
        // as much as a panic is.
        let panicked = run.code == Some(101)
            || (run.code.is_none() && !run.timed_out)
            || run.stderr.contains("panicked at")
            || run.stderr.contains("overflowed its stack");
        if panicked {
            return Err(TestCaseError::fail(format!(
                "warden panicked on {name} (exit {:?}), kept in {}\n--- {name}.tla\n{spec}\n--- \
                 {name}.cfg\n{cfg}\n--- stderr\n{}",
                run.code,
                dir.display(),
                run.stderr
            )));
        }
        let _ = std::fs::remove_dir_all(&dir);
        Ok(())
    });
    eprintln!(
        "{} runs, {} killed after {:?}; exit codes (code: runs): {:?}",
        counter.load(Ordering::Relaxed),
        timeouts.load(Ordering::Relaxed),
        TIMEOUT,
        codes.lock().expect("no panic while counting")
    );
    if let Err(e) = result {
        // The failing cases' directories are kept for inspection, as the message says.
        let _kept = root.keep();
        panic!("{e}");
    }
}
