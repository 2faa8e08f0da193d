//! `warden check`: load a spec and its config, explore it, print TLC-style results, write the
//! JSON report, and return TLC's exit code.
//!
//! The search can be bounded (`--max-states`, `--max-depth`, `--time-limit`) and stopped
//! with Ctrl-C; a stopped search is reported with its counts so far and exit code 4.
//! Progress goes to standard error; the peak memory line follows TLC's summary lines.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context as _;
use check::{Model, ModelError, Options, Outcome, Verdict};
use source::{Diagnostic, Severity, SourceDb};
use spec::{SpecModel, State};

use crate::args::CheckArgs;
use crate::exit;
use crate::itf::to_itf;
use crate::limits;
use crate::memory::{self, Memory};
use crate::output::{state_text, summary, verdict_headline};
use crate::progress::{Mode, Progress};
use crate::report::{OnDisk, RunReport, StateCounts, TraceState, SCHEMA_VERSION};

/// The config path: the one given, or the spec's path with `.cfg`.
pub fn config_path(args: &CheckArgs) -> PathBuf {
    args.config
        .clone()
        .unwrap_or_else(|| args.spec.with_extension("cfg"))
}

/// Parses `--workers`: a positive number or `auto` (one per available core).
pub fn workers(text: &str) -> anyhow::Result<usize> {
    if text == "auto" {
        return Ok(std::thread::available_parallelism().map_or(1, |n| n.get()));
    }
    match text.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => anyhow::bail!("--workers takes a positive number or `auto`, not `{text}`"),
    }
}

/// Runs the command; returns the process exit code.
pub fn run(args: &CheckArgs) -> anyhow::Result<i32> {
    let cfg = config_path(args);
    let workers = workers(&args.workers)?;
    // Installed first, so that a Ctrl-C while the spec loads also stops the search early.
    let stop = limits::interrupt_flag("stopping after the current batch of states");
    let mut db = SourceDb::new();
    let started = Instant::now();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    writeln!(out, "warden {}", env!("CARGO_PKG_VERSION"))?;
    writeln!(
        out,
        "Checking {} with {}",
        args.spec.display(),
        cfg.display()
    )?;
    let model = match spec::load(&mut db, &args.spec, &cfg) {
        Ok(m) => m,
        Err(diags) => return load_failed(args, &cfg, &db, &diags, workers),
    };
    for w in model.warnings() {
        eprint!("{}", source::render(&db, w));
    }
    let mut options = Options::default()
        .with_workers(workers)
        .with_deadlock_check(model.check_deadlock() && !args.deadlock);
    options = limits::apply(args, options);
    options.memory = args.memory;
    options.spill_dir = args.spill_dir.clone();
    options.stop = stop;
    writeln!(out, "Computing initial states...")?;
    out.flush()?;
    let mut progress = Progress::new(Mode::for_stderr(args.no_progress));
    let search_started = Instant::now();
    let mut outcome = check::run(&model, &options, &mut progress);
    let search = Timing::of(search_started.elapsed().as_secs_f64(), &outcome.stats);
    if model.variables().is_empty() {
        // A spec with no variables (an assumption-only run) has one empty behaviour: TLC
        // reports its depth as 1 although it counts no state.
        outcome.stats.depth = outcome.stats.depth.max(1);
    }
    let elapsed = started.elapsed();
    print_outcome(&mut out, &model, &outcome, &options)?;
    let memory = Memory::of_this_process(outcome.stats.distinct);
    writeln!(
        out,
        "{}",
        memory::summary_line(&memory, outcome.stats.generated, search.seconds)
    )?;
    if let Some(line) = memory::disk_line(&outcome.disk) {
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    if let Some(path) = &args.json {
        let mut report = report_of(args, &cfg, &model, &outcome, workers, elapsed.as_millis());
        report.seconds = search.seconds;
        report.states_per_second = search.states_per_second;
        report.distinct_states_per_second = search.distinct_states_per_second;
        report.memory = memory;
        write_json(path, &report)?;
    }
    Ok(exit::of_verdict(&outcome.verdict, outcome.error_site))
}

/// The search's wall time and rates.
struct Timing {
    seconds: f64,
    states_per_second: f64,
    distinct_states_per_second: f64,
}

impl Timing {
    fn of(seconds: f64, stats: &check::Stats) -> Timing {
        Timing {
            seconds,
            states_per_second: memory::per_second(stats.generated, seconds),
            distinct_states_per_second: memory::per_second(stats.distinct, seconds),
        }
    }
}

fn print_outcome(
    out: &mut impl Write,
    model: &SpecModel,
    outcome: &Outcome<State>,
    options: &Options,
) -> anyhow::Result<()> {
    let names = model.variables();
    match &outcome.verdict {
        Verdict::Ok => writeln!(out, "Model checking completed. No error has been found.")?,
        Verdict::Incomplete(limit) => writeln!(
            out,
            "{}",
            limits::incomplete_line(*limit, options, &outcome.stats)
        )?,
        v => {
            let headline = verdict_headline(v).expect("violations have a headline");
            writeln!(out, "{headline}")?;
            if let Verdict::Error(e) = v {
                if !e.detail.is_empty() {
                    writeln!(out, "{}", e.detail)?;
                }
                if e.code == ModelError::UNASSIGNED {
                    // TLC leaves an empty line before this error's trace.
                    writeln!(out)?;
                }
            }
        }
    }
    if let Some(trace) = &outcome.trace {
        writeln!(out, "Error: The behavior up to this point is:")?;
        for (i, step) in trace.steps.iter().enumerate() {
            let label = match step.action {
                None => model.init_label(),
                Some(a) => model.action_label(a),
            };
            writeln!(out, "State {}: <{}>", i + 1, label)?;
            let values: Vec<_> = (0..names.len()).map(|i| step.state.value(i)).collect();
            write!(out, "{}", state_text(names, &values))?;
            writeln!(out)?;
        }
    }
    // TLC prints the depth after every verdict but an evaluation error; a successor that
    // leaves a variable unassigned is reported like a violation (`doNextSetErr`).
    let with_depth = match &outcome.verdict {
        Verdict::Error(e) => e.code == ModelError::UNASSIGNED,
        _ => true,
    };
    write!(out, "{}", summary(&outcome.stats, with_depth))?;
    Ok(())
}

fn verdict_word(v: &Verdict) -> &'static str {
    match v {
        Verdict::Ok => "ok",
        Verdict::InvariantViolated { .. } => "invariant-violated",
        Verdict::InitialPropertyViolated { .. } | Verdict::ActionPropertyViolated { .. } => {
            "property-violated"
        }
        Verdict::Deadlock => "deadlock",
        Verdict::Error(_) => "error",
        Verdict::Incomplete(_) => "incomplete",
    }
}

fn report_of(
    args: &CheckArgs,
    cfg: &Path,
    model: &SpecModel,
    outcome: &Outcome<State>,
    workers: usize,
    millis: u128,
) -> RunReport {
    let violated = match &outcome.verdict {
        Verdict::InvariantViolated { name, .. }
        | Verdict::InitialPropertyViolated { name, .. }
        | Verdict::ActionPropertyViolated { name, .. } => Some(name.clone()),
        _ => None,
    };
    let message = match &outcome.verdict {
        Verdict::Error(e) => Some(e.message.clone()),
        _ => None,
    };
    let names = model.variables();
    let trace = outcome
        .trace
        .iter()
        .flat_map(|t| t.steps.iter())
        .enumerate()
        .map(|(i, step)| {
            let label = match step.action {
                None => model.init_label(),
                Some(a) => model.action_label(a),
            };
            let action = step
                .action
                .map(|_| label.split(' ').next().unwrap_or("").to_string());
            let mut vars = serde_json::Map::new();
            let mut itf = serde_json::Map::new();
            for (i, name) in names.iter().enumerate() {
                match step.state.value(i) {
                    Some(v) => {
                        vars.insert(name.clone(), SpecModel::display_value(v).into());
                        itf.insert(name.clone(), to_itf(v));
                    }
                    // An unassigned variable of an incomplete last step.
                    None => {
                        vars.insert(name.clone(), "null".into());
                        itf.insert(name.clone(), serde_json::Value::Null);
                    }
                }
            }
            TraceState {
                index: i + 1,
                action,
                label,
                vars,
                itf,
            }
        })
        .collect();
    RunReport {
        schema_version: SCHEMA_VERSION,
        warden_version: env!("CARGO_PKG_VERSION"),
        spec: args.spec.display().to_string(),
        config: cfg.display().to_string(),
        verdict: verdict_word(&outcome.verdict),
        violated,
        message,
        states: StateCounts {
            generated: outcome.stats.generated,
            distinct: outcome.stats.distinct,
            left_on_queue: outcome.stats.left_on_queue,
        },
        depth: outcome.stats.depth,
        complete: outcome.complete,
        limit: match outcome.verdict {
            Verdict::Incomplete(l) => Some(limits::limit_word(l)),
            _ => None,
        },
        workers,
        duration_ms: u64::try_from(millis).unwrap_or(u64::MAX),
        seconds: 0.0,
        states_per_second: 0.0,
        distinct_states_per_second: 0.0,
        memory: Memory::default(),
        disk: OnDisk::from(&outcome.disk),
        trace,
    }
}

/// Reports a spec that could not be loaded: diagnostics on stderr, TLC's wording for a false
/// assumption on stdout, and a report with no states.
fn load_failed(
    args: &CheckArgs,
    cfg: &Path,
    db: &SourceDb,
    diags: &[Diagnostic],
    workers: usize,
) -> anyhow::Result<i32> {
    let errors: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    let failure = exit::classify_load_failure(db, &errors);
    for d in diags {
        eprint!("{}", source::render(db, d));
    }
    if let Some(headline) = &failure.headline {
        println!("Error: {headline}");
    }
    if let Some(path) = &args.json {
        let report = RunReport {
            schema_version: SCHEMA_VERSION,
            warden_version: env!("CARGO_PKG_VERSION"),
            spec: args.spec.display().to_string(),
            config: cfg.display().to_string(),
            verdict: failure.verdict,
            violated: failure.violated.clone(),
            message: match (&failure.headline, errors.first()) {
                (Some(h), Some(d)) if !h.contains(&d.message) => Some(format!("{h} {}", d.message)),
                (Some(h), _) => Some(h.clone()),
                (None, d) => d.map(|d| d.message.clone()),
            },
            states: StateCounts {
                generated: 0,
                distinct: 0,
                left_on_queue: 0,
            },
            depth: 0,
            complete: false,
            limit: None,
            workers,
            duration_ms: 0,
            seconds: 0.0,
            states_per_second: 0.0,
            distinct_states_per_second: 0.0,
            memory: Memory::of_this_process(0),
            disk: OnDisk::default(),
            trace: Vec::new(),
        };
        write_json(path, &report)?;
    }
    Ok(failure.exit_code)
}

fn write_json(path: &Path, report: &RunReport) -> anyhow::Result<()> {
    let text = serde_json::to_string_pretty(report).expect("the report serialises");
    std::fs::write(path, text + "\n")
        .with_context(|| format!("cannot write the JSON report to {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workers_are_a_positive_number_or_auto() {
        assert_eq!(workers("3").expect("a number"), 3);
        let auto = workers("auto").expect("auto");
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        assert_eq!(auto, cores);
        for bad in ["0", "-1", "many", ""] {
            assert!(workers(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
