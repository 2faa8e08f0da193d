//! `warden suite [DIR]`: runs every claim of a claim suite, prints one line per claim and a
//! summary, writes the artifacts (JUnit XML, JSON run report, Markdown summary, ITF and
//! human traces) and exits non-zero when any claim is not as expected.
//!
//! With no DIR the bundled suite is run: `models/` under the current directory if it holds
//! a manifest, else the `models/` directory of the workspace this binary was built from.
//! Artifacts go to `--out` (default `target/warden-suite`); its `traces/` directory is
//! cleared first so that it only ever holds the traces of the last run.

use std::path::{Path, PathBuf};

use clap::Args;

/// Every claim came out as expected.
pub const EXIT_OK: i32 = 0;
/// At least one claim did not come out as expected.
pub const EXIT_NOT_AS_EXPECTED: i32 = 1;
/// The suite could not be run: no or a malformed manifest, or no claim selected.
pub const EXIT_USAGE: i32 = 2;

/// The exit codes, for `--help`.
pub const SUITE_EXIT_CODES_HELP: &str = "\
Exit codes:
  0  every claim came out as expected
  1  some claim did not (a green violated, a red that broke the wrong property or nothing,
     a witness not reached, an error)
  2  the suite could not be run (manifest missing or malformed, no claim selected)";

/// Arguments of `warden suite`.
#[derive(Clone, Debug, Args)]
#[command(after_help = SUITE_EXIT_CODES_HELP)]
pub struct SuiteArgs {
    /// A directory holding a warden.toml, or a tree of them (or a manifest file). Defaults to
    /// the bundled suite (`models/`).
    pub dir: Option<PathBuf>,
    /// Run only claims whose id matches this pattern (`*` and `?` allowed); repeatable.
    #[arg(long = "claim", value_name = "ID")]
    pub claims: Vec<String>,
    /// Run only claims carrying this tag; repeatable.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Directory for junit.xml, report.json, summary.md and traces/.
    #[arg(long, value_name = "DIR", default_value = "target/warden-suite")]
    pub out: PathBuf,
    /// Claims checked at once (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// List the selected claims and their checks without running them.
    #[arg(long)]
    pub list: bool,
}

/// Runs the suite and returns the process exit code. Errors are only for IO failures while
/// writing artifacts; a bad manifest is reported on stderr with [`EXIT_USAGE`].
pub fn run(args: &SuiteArgs, engine: &dyn suite::Engine) -> anyhow::Result<i32> {
    let root = match &args.dir {
        Some(dir) => dir.clone(),
        None => match bundled_suite() {
            Some(dir) => dir,
            None => {
                eprintln!(
                    "error: no DIR given and no bundled suite found (models/ with a {})",
                    suite::MANIFEST_NAME
                );
                return Ok(EXIT_USAGE);
            }
        },
    };
    let manifests = match suite::load_tree(&root) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(EXIT_USAGE);
        }
    };
    let selection = suite::Selection {
        claims: args.claims.clone(),
        tags: args.tags.clone(),
    };
    let selected: Vec<&suite::Claim> = manifests
        .iter()
        .flat_map(|m| m.claims.iter())
        .filter(|c| selection.matches(c))
        .collect();
    if selected.is_empty() {
        eprintln!(
            "error: no claim under {} matches the selection",
            root.display()
        );
        return Ok(EXIT_USAGE);
    }
    if args.list {
        for claim in selected {
            println!("{}  {}", claim.id, claim.title);
            for check in suite::plan_claim(claim) {
                println!("    {:<10} {}", check.name, check.expectation);
            }
        }
        return Ok(EXIT_OK);
    }
    println!(
        "running {} claim(s) from {} manifest(s) under {}",
        selected.len(),
        manifests.len(),
        root.display()
    );
    let options = suite::RunOptions { jobs: args.jobs };
    let report = suite::run(&manifests, &selection, engine, &options);
    for claim in report.claims() {
        for line in ::report::claim_lines(claim) {
            println!("{line}");
        }
    }
    write_artifacts(&args.out, &report)?;
    println!("{}", ::report::summary_line(&report));
    println!("artifacts: {}", args.out.display());
    Ok(if report.passed() {
        EXIT_OK
    } else {
        EXIT_NOT_AS_EXPECTED
    })
}

/// Writes every artifact of `report` under `out`, replacing the previous run's traces.
pub fn write_artifacts(out: &Path, report: &suite::RunReport) -> anyhow::Result<()> {
    use anyhow::Context as _;
    let traces = out.join("traces");
    if traces.is_dir() {
        std::fs::remove_dir_all(&traces)
            .with_context(|| format!("cannot clear {}", traces.display()))?;
    }
    for artifact in ::report::artifacts(report) {
        let path = out.join(&artifact.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, artifact.contents)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// The bundled suite: `models/` under the current directory, else the workspace's own.
pub fn bundled_suite() -> Option<PathBuf> {
    let here = PathBuf::from("models");
    if suite::has_manifest(&here) {
        return Some(here);
    }
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models");
    suite::has_manifest(&built).then_some(built)
}

#[cfg(test)]
mod tests {
    use super::*;
    use suite::fake::{int_trace, ok, reached, violated, TableEngine};

    /// A fresh scratch directory holding empty `M.tla` and `M.cfg`, removed with everything
    /// in it when the returned guard is dropped.
    fn scratch(name: &str) -> tempfile::TempDir {
        let tmp = tempfile::Builder::new()
            .prefix(&format!("warden-cli-suite-{name}-"))
            .tempdir()
            .expect("create scratch dir");
        for f in ["M.tla", "M.cfg"] {
            std::fs::write(tmp.path().join(f), "").expect("write model file");
        }
        tmp
    }

    const MANIFEST: &str = r#"
[suite]
name = "demo"

[[claim]]
id = "C-ONE"
title = "one"
tags = ["a"]
spec = "M.tla"
config = "M.cfg"
[claim.green]
holds = ["Inv"]
[[claim.red]]
name = "bug"
violates = "Inv"
constants = { Bug = "TRUE" }
[[claim.witness]]
name = "w"
reachable = "W"

[[claim]]
id = "C-TWO"
title = "two"
tags = ["b"]
spec = "M.tla"
config = "M.cfg"
[claim.green]
holds = ["Inv"]
"#;

    fn args(dir: &Path, out: &Path) -> SuiteArgs {
        SuiteArgs {
            dir: Some(dir.to_path_buf()),
            claims: vec![],
            tags: vec![],
            out: out.to_path_buf(),
            jobs: Some(2),
            list: false,
        }
    }

    fn trace() -> Vec<suite::TraceState> {
        int_trace(&[("Initial predicate", &[("x", 0)]), ("Step", &[("x", 1)])])
    }

    #[test]
    fn passing_suite_exits_zero_and_writes_artifacts() {
        let tmp = scratch("pass");
        let dir = tmp.path();
        std::fs::write(dir.join("warden.toml"), MANIFEST).expect("manifest");
        let out = dir.join("out");
        std::fs::create_dir_all(out.join("traces")).expect("mkdir");
        std::fs::write(out.join("traces/stale.itf.json"), "{}").expect("stale");
        let engine = TableEngine::new()
            .on("M.tla holds Inv", ok(5, &["Inv"]))
            .on("M.tla Bug=TRUE", violated("Inv", trace()))
            .on("M.tla reach W", reached("W", trace()));
        let code = run(&args(dir, &out), &engine).expect("runs");
        assert_eq!(code, EXIT_OK);
        for f in [
            "junit.xml",
            "report.json",
            "summary.md",
            "traces/C-ONE-red1.itf.json",
            "traces/C-ONE-red1.trace.txt",
            "traces/C-ONE-witness1.itf.json",
        ] {
            assert!(out.join(f).is_file(), "{f} not written");
        }
        assert!(!out.join("traces/stale.itf.json").exists());
    }

    #[test]
    fn red_breaking_another_property_exits_one() {
        let tmp = scratch("wrong");
        let dir = tmp.path();
        std::fs::write(dir.join("warden.toml"), MANIFEST).expect("manifest");
        let engine = TableEngine::new()
            .on("M.tla holds Inv", ok(5, &["Inv"]))
            .on("M.tla Bug=TRUE", violated("TypeOK", trace()))
            .on("M.tla reach W", reached("W", trace()));
        let code = run(&args(dir, &dir.join("out")), &engine).expect("runs");
        assert_eq!(code, EXIT_NOT_AS_EXPECTED);
        let json = std::fs::read_to_string(dir.join("out/report.json")).expect("report");
        assert!(json.contains("got invariant TypeOK violated instead"));
    }

    #[test]
    fn selection_and_manifest_errors_exit_two() {
        let tmp = scratch("errors");
        let dir = tmp.path();
        std::fs::write(dir.join("warden.toml"), MANIFEST).expect("manifest");
        let engine = TableEngine::new().on("M.tla holds Inv", ok(5, &["Inv"]));
        let mut a = args(dir, &dir.join("out"));
        a.tags = vec!["b".into()];
        assert_eq!(run(&a, &engine).expect("runs"), EXIT_OK, "only C-TWO runs");
        a.claims = vec!["C-ONE".into()];
        assert_eq!(
            run(&a, &engine).expect("runs"),
            EXIT_USAGE,
            "nothing selected"
        );
        std::fs::write(dir.join("warden.toml"), format!("{MANIFEST}\nbogus = 1\n")).expect("w");
        assert_eq!(
            run(&args(dir, &dir.join("out")), &engine).expect("runs"),
            EXIT_USAGE
        );
    }

    #[test]
    fn bundled_suite_is_found() {
        let dir = bundled_suite().expect("the workspace has models/");
        assert!(suite::has_manifest(&dir));
    }
}
