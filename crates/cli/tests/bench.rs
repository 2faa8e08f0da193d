//! End-to-end tests of `warden bench` over a tiny bench file of corpus specs, whose
//! reference figures are the corpus `.expect` counts (TLC's): one row per model and worker
//! count with TLC's counts, nothing flagged, exit 0; a reference that disagrees is flagged
//! with `!` and exit 1; an unknown model name is a usage error.

#[allow(dead_code)] // Not every helper is used here.
mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use common::corpus_dir;

/// Corpus specs benched: (name, path under corpus/ without extension).
const MODELS: [(&str, &str); 3] = [
    ("Counters", "basics/Counters"),
    ("DieHard", "basics/DieHard"),
    ("Peterson", "basics/Peterson"),
];

/// The `distinct` and `generated` figures of a corpus entry's `.expect` file.
fn expected(path: &str) -> (u64, u64) {
    let text = std::fs::read_to_string(corpus_dir().join(format!("{path}.expect")))
        .expect("readable .expect");
    let map: BTreeMap<&str, &str> = text
        .lines()
        .filter_map(|l| l.split('#').next()?.split_once('='))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect();
    let n = |k: &str| map[k].parse::<u64>().expect("a count");
    (n("distinct"), n("generated"))
}

/// Writes a bench file for MODELS, with `tweak` applied to the reference generated count,
/// into a fresh scratch directory; returns the directory's guard (it is removed with
/// everything in it when the guard is dropped) and the file's path.
fn bench_file(test: &str, tweak: impl Fn(&str, u64) -> u64) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::Builder::new()
        .prefix(&format!("warden-bench-{test}-"))
        .tempdir()
        .expect("scratch dir");
    let mut text = String::new();
    for (name, path) in MODELS {
        let (distinct, generated) = expected(path);
        text.push_str(&format!(
            "[[model]]\nname = \"{name}\"\nspec = \"{path}.tla\"\ncfg = \"{path}.cfg\"\n\
             tlc = {{ distinct = {distinct}, generated = {} }}\n\n",
            tweak(name, generated)
        ));
    }
    let file = dir.path().join("models.toml");
    std::fs::write(&file, text).expect("write bench file");
    (dir, file)
}

/// Runs `warden bench --file F --examples corpus/ ARGS`; returns the exit code and stdout.
fn bench(file: &PathBuf, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_warden"))
        .arg("bench")
        .arg("--file")
        .arg(file)
        .arg("--examples")
        .arg(corpus_dir())
        .args(args)
        .output()
        .expect("warden runs");
    (
        out.status.code().expect("warden exits normally"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// The rows of an engine: model name -> (distinct, generated) as printed (with any `!`).
fn rows(stdout: &str, engine: &str) -> BTreeMap<String, (String, String)> {
    stdout
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|w| w.len() > 3 && w[1] == engine)
        .map(|w| {
            (
                w[0].to_string(),
                (w[2].replace(',', ""), w[3].replace(',', "")),
            )
        })
        .collect()
}

#[test]
fn a_row_per_model_and_worker_count_with_tlcs_counts() {
    let (_dir, file) = bench_file("agree", |_, g| g);
    let (code, stdout) = bench(&file, &["--workers", "1,2"]);
    assert_eq!(code, 0, "{stdout}");
    for engine in ["TLC-ref", "warden-w1", "warden-w2"] {
        let got = rows(&stdout, engine);
        assert_eq!(got.len(), MODELS.len(), "{engine} rows in:\n{stdout}");
        for (name, path) in MODELS {
            let (d, g) = expected(path);
            assert_eq!(
                got[name],
                (d.to_string(), g.to_string()),
                "{name} {engine} in:\n{stdout}"
            );
        }
    }
    // The violation is reported as the run's status; no TLC run, so no ratio.
    assert!(stdout.lines().any(|l| l.starts_with("DieHard")
        && l.contains("warden-w1")
        && l.ends_with("invariant-violated")));
    // No TLC run, so no ratio to TLC; two worker counts, so a speed-up of one over the other.
    assert!(!stdout.contains("/TLC"), "{stdout}");
    assert!(
        stdout.contains("warden-w2 speed-up over warden-w1: geometric mean"),
        "{stdout}"
    );
}

#[test]
fn repeated_runs_keep_the_median_and_say_how_many_were_made() {
    let (_dir, file) = bench_file("repeat", |_, g| g);
    let (code, stdout) = bench(&file, &["Counters", "DieHard", "--repeat", "3"]);
    assert_eq!(code, 0, "{stdout}");
    let (d, g) = expected("basics/Counters");
    assert_eq!(
        rows(&stdout, "warden-w1")["Counters"],
        (d.to_string(), g.to_string())
    );
    assert!(stdout
        .lines()
        .any(|l| l.starts_with("Counters") && l.ends_with("ok x3")));
    assert!(stdout
        .lines()
        .any(|l| l.starts_with("DieHard") && l.ends_with("invariant-violated x3")));
    let (code, _) = bench(&file, &["Counters", "--repeat", "0"]);
    assert_eq!(code, 2, "a repeat count of 0 is a usage error");
}

#[test]
fn counts_that_differ_from_tlc_are_flagged() {
    let (_dir, file) = bench_file(
        "differ",
        |name, g| if name == "Peterson" { g + 1 } else { g },
    );
    let (code, stdout) = bench(&file, &["Peterson", "Counters"]);
    assert_eq!(code, 1, "{stdout}");
    let got = rows(&stdout, "warden-w1");
    assert!(got["Peterson"].0.ends_with('!'), "{stdout}");
    assert!(!got["Counters"].0.ends_with('!'), "{stdout}");
}

#[test]
fn unknown_models_are_usage_errors() {
    let (_dir, file) = bench_file("unknown", |_, g| g);
    let (code, _) = bench(&file, &["NoSuchModel"]);
    assert_eq!(code, 2);
    let (code, stdout) = bench(&file, &["--list"]);
    assert_eq!(code, 0);
    assert_eq!(stdout.lines().count(), MODELS.len());
}

/// A stand-in for `java` that records its arguments and prints TLC's closing lines with
/// Counters' figures from TLC (Counters.expect), so the TLC path is tested without Java. It
/// takes a second, so that warden's ratio to it shows in two decimals even on a busy machine.
#[cfg(unix)]
#[test]
fn tlc_runs_beside_warden_and_ratios_are_printed() {
    use std::os::unix::fs::PermissionsExt;
    let (tmp, file) = bench_file("tlc", |_, g| g);
    let dir = tmp.path();
    let args_log = dir.join("java-args.txt");
    let (distinct, generated) = expected("basics/Counters");
    let java = dir.join("fake-java");
    std::fs::write(
        &java,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\nsleep 1\n\
             echo 'Model checking completed. No error has been found.'\n\
             echo '{generated} states generated, {distinct} distinct states found, 0 states left on queue.'\n",
            args_log.display()
        ),
    )
    .expect("write fake java");
    std::fs::set_permissions(&java, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let jar = dir.join("tla2tools.jar");
    let (code, stdout) = bench(
        &file,
        &[
            "Counters",
            "--tlc",
            jar.to_str().expect("UTF-8 path"),
            "--tlc-library",
            dir.to_str().expect("UTF-8 path"),
            "--java",
            java.to_str().expect("UTF-8 path"),
        ],
    );
    assert_eq!(code, 0, "{stdout}");
    let tlc = rows(&stdout, "TLC");
    assert_eq!(
        tlc["Counters"],
        (distinct.to_string(), generated.to_string())
    );
    let warden = stdout
        .lines()
        .find(|l| l.starts_with("Counters") && l.contains("warden-w1"))
        .expect("a warden row");
    let ratio = warden.split_whitespace().nth(9).expect("a ratio column");
    assert!(ratio.parse::<f64>().is_ok_and(|r| r > 0.0), "{warden}");
    assert!(
        stdout.contains("warden-w1/TLC generated states per second: geometric mean"),
        "{stdout}"
    );
    // TLC's command line: one worker, a throw-away metadir, the cfg and spec by name.
    let logged = std::fs::read_to_string(&args_log).expect("the fake java ran");
    let argv: Vec<&str> = logged.lines().collect();
    assert!(argv[0].starts_with("-DTLA-Library="), "{argv:?}");
    let tlc_at = argv
        .iter()
        .position(|a| *a == "tlc2.TLC")
        .expect("tlc2.TLC");
    assert_eq!(&argv[tlc_at + 1..tlc_at + 4], ["-workers", "1", "-metadir"]);
    assert_eq!(
        &argv[tlc_at + 5..],
        ["-config", "Counters.cfg", "Counters.tla"]
    );
}
