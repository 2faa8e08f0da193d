//! `warden bench`: runs a named set of models and prints, per model, distinct and generated
//! states, wall seconds, states per second, peak memory and bytes per state, beside TLC's
//! reference figures from the bench file, and, with `--tlc JAR`, beside TLC run in the same
//! session (with the ratio of generated states per second and its geometric mean).
//!
//! Each run is a child process (this binary's `check --json`, or `java ... tlc2.TLC`), so
//! peak memory is per model and a run that exceeds `--timeout` is cut without losing the
//! others. Ctrl-C stops the running child (which reports its counts so far) and the bench.

mod child;
mod file;
mod table;

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::Duration;

use anyhow::Context as _;
use clap::Args;

use child::Measured;
use file::{BenchFile, BenchModel, Reference};
use table::Row;

/// Every run finished and every count agrees with TLC's.
pub const EXIT_OK: i32 = 0;
/// Some count differs from TLC's, or some run did not finish (timeout, error, missing spec).
pub const EXIT_DIFFERS: i32 = 1;
/// The bench could not be run: the bench file is missing or malformed, or a name is unknown.
pub const EXIT_USAGE: i32 = 2;

/// The help text after the options.
const BENCH_HELP: &str = "\
The bench file (TOML) lists the models: `[[model]]` tables with `name`, `spec` and `cfg`
(relative to --examples) and `tlc = { distinct = D, generated = G, seconds = S }`, TLC's
figures on one worker. Each run is a child process (`warden check --json`, or TLC), so its
peak memory (RSS) is its own; B/state is peak RSS over distinct states. With --tlc, TLC runs
first (`java -XX:+UseParallelGC -cp JAR tlc2.TLC -workers 1`, in the spec's directory, with a
throw-away -metadir) and `vs TLC` is warden's generated states per second over TLC's, above 1
when warden is faster; the geometric mean over the models closes the table. With several
worker counts, the table also closes with the speed-up of each over the first: its wall time
over theirs, per model, and their geometric mean. With --repeat N every run (TLC's too) is
made N times and the row is the run of median wall time (status `ok xN`), so one slow run
does not decide a ratio. A count followed by `!` differs from TLC's (this run's, else the
bench file's).

Exit codes:
  0  every run finished and every count agrees with TLC's
  1  some count differs, or some run did not finish (timeout, error, missing spec)
  2  the bench file is missing or malformed, or a model name is unknown";

/// Arguments of `warden bench`.
#[derive(Clone, Debug, Args)]
#[command(after_help = BENCH_HELP)]
pub struct BenchArgs {
    /// Models to run, by name; all of the bench file's when none is given.
    pub models: Vec<String>,
    /// The bench file (default: `bench/models.toml` here, else the one of the workspace this
    /// binary was built from).
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// The directory the bench file's paths are relative to (a tlaplus/Examples checkout).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub examples: PathBuf,
    /// warden's worker counts, comma-separated (`auto` allowed): one run per count.
    #[arg(long, value_name = "N,...", default_value = "1")]
    pub workers: String,
    /// Time limit of each run (`90s`, `5m`, or seconds).
    #[arg(long, value_name = "DURATION", default_value = "300",
          value_parser = crate::limits::parse_duration)]
    pub timeout: Duration,
    /// Also run TLC from this `tla2tools.jar`, and compare with it.
    #[arg(long, value_name = "JAR")]
    pub tlc: Option<PathBuf>,
    /// A directory of extra TLA+ modules for TLC (passed as `-DTLA-Library=DIR`), e.g. the
    /// TLAPS modules some specs extend.
    #[arg(long, value_name = "DIR")]
    pub tlc_library: Option<PathBuf>,
    /// The Java launcher used with --tlc.
    #[arg(long, value_name = "PATH", default_value = "java")]
    pub java: PathBuf,
    /// Make every run this many times and keep the one of median wall time.
    #[arg(long, value_name = "N", default_value_t = 1,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub repeat: u32,
    /// List the bench file's models and exit.
    #[arg(long)]
    pub list: bool,
}

/// The default bench file: `bench/models.toml` in the current directory, else the
/// workspace's.
fn default_file() -> PathBuf {
    let here = PathBuf::from("bench/models.toml");
    if here.is_file() {
        return here;
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/models.toml")
}

/// Runs the command; returns the process exit code.
pub fn run(args: &BenchArgs) -> anyhow::Result<i32> {
    let path = args.file.clone().unwrap_or_else(default_file);
    let bench = match std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|t| BenchFile::parse(&t))
    {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: bench file {}: {e}", path.display());
            return Ok(EXIT_USAGE);
        }
    };
    let models = match bench.select(&args.models) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(EXIT_USAGE);
        }
    };
    if args.list {
        for m in &models {
            let cfg = m
                .cfg
                .as_ref()
                .map_or(String::new(), |c| c.display().to_string());
            println!("{:<16} {}  {cfg}", m.name, m.spec.display());
        }
        return Ok(EXIT_OK);
    }
    let workers = args
        .workers
        .split(',')
        .map(|w| crate::check_cmd::workers(w.trim()))
        .collect::<anyhow::Result<Vec<usize>>>()?;
    let exe = std::env::current_exe().context("cannot find the warden binary")?;
    let scratch = std::env::temp_dir().join(format!("warden-bench-{}", std::process::id()));
    std::fs::create_dir_all(&scratch)
        .with_context(|| format!("cannot create {}", scratch.display()))?;
    let outcome = run_models(args, &models, &workers, &exe, &scratch);
    let _ = std::fs::remove_dir_all(&scratch);
    outcome
}

fn run_models(
    args: &BenchArgs,
    models: &[&BenchModel],
    workers: &[usize],
    exe: &Path,
    scratch: &Path,
) -> anyhow::Result<i32> {
    println!(
        "{} model(s) under {}; timeout {} s per run; TLC {}",
        models.len(),
        args.examples.display(),
        args.timeout.as_secs_f64(),
        args.tlc
            .as_ref()
            .map_or("not run (reference figures only)".to_string(), |j| {
                format!("run from {}", j.display())
            })
    );
    println!("{}", table::header());
    // A Ctrl-C reaches the running child too (it stops and reports its counts so far); the
    // bench then prints that row and runs nothing more.
    let interrupted = crate::limits::interrupt_flag("stopping after the current run");
    let stop = || {
        interrupted
            .as_ref()
            .is_some_and(|f| f.load(Ordering::SeqCst))
    };
    let mut all_good = true;
    // Per worker count, the ratios warden/TLC of generated states per second, and the
    // speed-ups over the first worker count (its wall time over this one's).
    let mut ratios: Vec<Vec<f64>> = vec![Vec::new(); workers.len()];
    let mut speedups: Vec<Vec<f64>> = vec![Vec::new(); workers.len()];
    for m in models {
        if stop() {
            break;
        }
        let spec = m.spec_path(&args.examples);
        let cfg = m.cfg_path(&args.examples);
        if !spec.is_file() || !cfg.is_file() {
            println!(
                "{:<16} missing {} or {}",
                m.name,
                spec.display(),
                cfg.display()
            );
            all_good = false;
            continue;
        }
        if m.tlc != Reference::default() {
            println!("{}", table::row_text(&reference_row(m)));
        }
        let tlc = match &args.tlc {
            Some(jar) => {
                let java = child::Java {
                    java: &args.java,
                    jar,
                    library: args.tlc_library.as_deref(),
                };
                let t = median_run(args.repeat, || {
                    child::tlc(&java, &spec, &cfg, args.timeout, scratch)
                })?;
                let differs = differs(&t, None, &m.tlc);
                all_good &= t.finished && !differs;
                println!("{}", table::row_text(&row(m, "TLC", &t, None, differs)));
                Some(t)
            }
            None => None,
        };
        let mut first: Option<Measured> = None;
        for (i, &w) in workers.iter().enumerate() {
            if stop() {
                break;
            }
            let r = median_run(args.repeat, || {
                child::warden(exe, &spec, &cfg, w, args.timeout, scratch)
            })?;
            let ratio = tlc.as_ref().and_then(|t| ratio(&r, t));
            if let Some(x) = ratio {
                ratios[i].push(x);
            }
            match &first {
                None => first = Some(r.clone()),
                Some(f) => speedups[i].extend(speedup(f, &r)),
            }
            let differs = differs(&r, tlc.as_ref(), &m.tlc);
            all_good &= r.finished && !differs;
            let engine = format!("warden-w{w}");
            println!("{}", table::row_text(&row(m, &engine, &r, ratio, differs)));
        }
    }
    if args.tlc.is_some() {
        for (w, rs) in workers.iter().zip(&ratios) {
            match table::geometric_mean(rs) {
                Some(g) => println!(
                    "warden-w{w}/TLC generated states per second: geometric mean {g:.2} over {} model(s)",
                    rs.len()
                ),
                None => println!("warden-w{w}/TLC: no model finished on both"),
            }
        }
    }
    for (w, rs) in workers.iter().zip(&speedups).skip(1) {
        if let Some(g) = table::geometric_mean(rs) {
            println!(
                "warden-w{w} speed-up over warden-w{}: geometric mean {g:.2} over {} model(s)",
                workers[0],
                rs.len()
            );
        }
    }
    if stop() {
        println!("Interrupted: the remaining runs were not started.");
        all_good = false;
    }
    if all_good {
        Ok(EXIT_OK)
    } else {
        println!("Some runs did not finish or their counts (marked !) differ from TLC's.");
        Ok(EXIT_DIFFERS)
    }
}

fn reference_row(m: &BenchModel) -> Row {
    Row {
        model: m.name.clone(),
        engine: "TLC-ref".into(),
        distinct: m.tlc.distinct,
        generated: m.tlc.generated,
        seconds: m.tlc.seconds,
        peak_rss_bytes: None,
        ratio: None,
        differs: false,
        status: "reference".into(),
    }
}

fn row(m: &BenchModel, engine: &str, r: &Measured, ratio: Option<f64>, differs: bool) -> Row {
    Row {
        model: m.name.clone(),
        engine: engine.to_string(),
        distinct: r.distinct,
        generated: r.generated,
        seconds: Some(r.seconds),
        peak_rss_bytes: r.peak_rss_bytes,
        ratio,
        differs,
        status: r.status.clone(),
    }
}

/// Makes a run `n` times and returns the one of median wall time, its status marked with the
/// number of runs; a run that did not finish is returned at once (its figures are not
/// comparable, and repeating a timeout only wastes time).
fn median_run(
    n: u32,
    mut run: impl FnMut() -> anyhow::Result<Measured>,
) -> anyhow::Result<Measured> {
    let mut runs = Vec::with_capacity(n as usize);
    for _ in 0..n {
        let r = run()?;
        if !r.finished {
            return Ok(r);
        }
        runs.push(r);
    }
    runs.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
    let mut median = runs.swap_remove(runs.len() / 2);
    if n > 1 {
        median.status = format!("{} x{n}", median.status);
    }
    Ok(median)
}

/// The wall time of `base` over that of `other`, when both searches finished with the same
/// counts (above 1 when `other` is faster).
fn speedup(base: &Measured, other: &Measured) -> Option<f64> {
    let same = base.distinct == other.distinct && base.generated == other.generated;
    (base.finished && other.finished && same && other.seconds > 0.0)
        .then(|| base.seconds / other.seconds)
}

/// warden's generated states per second over TLC's, when both searches finished.
fn ratio(warden: &Measured, tlc: &Measured) -> Option<f64> {
    if !(warden.finished && tlc.finished) || warden.seconds <= 0.0 || tlc.seconds <= 0.0 {
        return None;
    }
    let rate = |m: &Measured| m.generated.map(|g| g as f64 / m.seconds);
    match (rate(warden), rate(tlc)) {
        (Some(w), Some(t)) if t > 0.0 => Some(w / t),
        _ => None,
    }
}

/// Whether a finished run's counts differ from TLC's: those of TLC's run in this session if
/// it finished, else the bench file's reference figures.
fn differs(r: &Measured, tlc: Option<&Measured>, reference: &Reference) -> bool {
    if !r.finished {
        return false;
    }
    let (distinct, generated) = match tlc.filter(|t| t.finished) {
        Some(t) => (t.distinct, t.generated),
        None => (reference.distinct, reference.generated),
    };
    let differ = |want: Option<u64>, got: Option<u64>| want.is_some_and(|w| got != Some(w));
    differ(distinct, r.distinct) || differ(generated, r.generated)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measured(distinct: u64, generated: u64, seconds: f64, finished: bool) -> Measured {
        Measured {
            distinct: Some(distinct),
            generated: Some(generated),
            seconds,
            peak_rss_bytes: None,
            finished,
            status: "ok".into(),
        }
    }

    #[test]
    fn the_ratio_is_of_generated_states_per_second() {
        let w = measured(10, 100, 1.0, true);
        let t = measured(10, 100, 4.0, true);
        assert_eq!(ratio(&w, &t), Some(4.0));
        assert_eq!(ratio(&measured(5, 50, 1.0, false), &t), None);
    }

    #[test]
    fn the_median_run_is_kept_and_an_unfinished_one_ends_the_repeats() {
        let mut times = [3.0, 1.0, 2.0].into_iter();
        let r = median_run(3, || Ok(measured(10, 100, times.next().unwrap(), true))).unwrap();
        assert_eq!((r.seconds, r.status.as_str()), (2.0, "ok x3"));
        let mut made = 0;
        let r = median_run(3, || {
            made += 1;
            Ok(measured(1, 2, 9.0, false))
        })
        .unwrap();
        assert_eq!((made, r.finished, r.status.as_str()), (1, false, "ok"));
        let once = median_run(1, || Ok(measured(10, 100, 5.0, true))).unwrap();
        assert_eq!(once.status, "ok");
    }

    #[test]
    fn the_speedup_is_of_wall_time_between_runs_with_the_same_counts() {
        let one = measured(10, 100, 3.0, true);
        assert_eq!(speedup(&one, &measured(10, 100, 2.0, true)), Some(1.5));
        assert_eq!(speedup(&one, &measured(10, 99, 2.0, true)), None);
        assert_eq!(speedup(&one, &measured(10, 100, 2.0, false)), None);
    }

    #[test]
    fn counts_are_compared_with_tlcs_run_else_the_reference() {
        let reference = Reference {
            distinct: Some(10),
            generated: Some(100),
            seconds: None,
        };
        let same = measured(10, 100, 1.0, true);
        let other = measured(10, 99, 1.0, true);
        assert!(!differs(&same, None, &reference));
        assert!(differs(&other, None, &reference));
        // TLC's own run wins over the reference.
        assert!(!differs(&other, Some(&other.clone()), &reference));
        // An unfinished run is not compared.
        assert!(!differs(&measured(1, 2, 1.0, false), None, &reference));
    }
}
