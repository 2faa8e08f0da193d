//! Command-line arguments.
//!
//! `warden check` also accepts TLC's single-dash spellings (`-config`, `-workers`,
//! `-deadlock`) so it can replace `java tlc2.TLC` in existing Makefiles; they are rewritten to
//! the double-dash forms before clap sees them.

use clap::{Args, Parser, Subcommand};
use std::ffi::OsString;
use std::path::PathBuf;

/// The exit codes, documented once and shown by `warden check --help`.
pub const EXIT_CODES_HELP: &str = "\
Exit codes (TLC's, but 4):
   0  no error found
   4  the search stopped before it was complete: at --max-states, --max-depth or
      --time-limit, or on Ctrl-C (warden's own code; TLC has none for this)
  10  an ASSUME is false
  11  deadlock reached
  12  a safety property (invariant or action property) is violated
  13  a liveness property is violated
  14  an Assert failed
  75  an error while evaluating the spec
  76  an error while evaluating an invariant or property
 150  the spec could not be parsed or resolved
 151  the configuration could not be parsed or bound
 153  a system error (a file could not be read or written)

A stopped search prints `The search is incomplete: ...` with the limit and the counts so far,
then TLC's summary lines; the JSON report has verdict `incomplete` and `limit` (`max-states`,
`max-depth`, `time-limit` or `interrupted`). A first Ctrl-C stops the search after the current
batch of states and reports; a second one ends the process at once (exit 130).

Progress goes to standard error, never to standard output: on a terminal one line updated
every 2 seconds (states generated, distinct, on queue, depth, states/s); otherwise TLC's
`Progress(D) at TIME: ...` line once a minute. `--no-progress` turns it off.

After the summary, a `Peak memory: ...` line gives the peak resident set size and bytes per
distinct state; the JSON report has `memory.peak_rss_bytes`, `memory.bytes_per_distinct_state`,
`seconds` and `states_per_second`.";

/// warden: a fast model checker for TLA+ security regression suites.
#[derive(Debug, Parser)]
#[command(name = "warden", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a TLA+ specification against a TLC configuration.
    #[command(after_help = EXIT_CODES_HELP)]
    Check(CheckArgs),
    /// Run a claim suite: every claim's green, reds and witnesses, with CI artifacts.
    Suite(crate::suite_cmd::SuiteArgs),
    /// Measure throughput and memory on a set of models, optionally against TLC.
    Bench(crate::bench::BenchArgs),
}

/// Arguments of `warden check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The specification (`Spec.tla`).
    pub spec: PathBuf,
    /// The TLC configuration; defaults to the spec's path with `.cfg` (TLC: `-config`).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Number of worker threads, or `auto` for one per core (TLC: `-workers`).
    #[arg(long, default_value = "1")]
    pub workers: String,
    /// Do not check for deadlock (TLC: `-deadlock`).
    #[arg(long)]
    pub deadlock: bool,
    /// Write a JSON run report to this path.
    #[arg(long)]
    pub json: Option<PathBuf>,
    /// Stop once this many distinct states were found (checked after each batch of states,
    /// so the count may exceed it slightly). The run ends with exit code 4.
    #[arg(long, value_name = "N")]
    pub max_states: Option<u64>,
    /// Do not expand states at this depth (initial states are at depth 1). If states were
    /// left unexpanded, the run ends with exit code 4.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_depth: Option<u64>,
    /// Stop after the search has run this long (wall-clock time, loading excluded): `90s`,
    /// `5m`, `1h`, `1h30m` or plain seconds. The run ends with exit code 4.
    #[arg(long, value_name = "DURATION", value_parser = crate::limits::parse_duration)]
    pub time_limit: Option<std::time::Duration>,
    /// The most memory the seen set's table of fingerprints may take (`512M`, `2GiB`,
    /// plain bytes). Past it, fingerprints go to sorted files on disk, as TLC's disk
    /// fingerprint set does: slower, but the search goes on. The trace links of finished
    /// levels go to disk too, and the packed states of the two levels kept are written to
    /// disk a sixty-fourth of the budget at a time (without a budget they stay in memory).
    /// The counts do not depend on it.
    #[arg(long, value_name = "SIZE", value_parser = crate::memory::parse_size)]
    pub memory: Option<u64>,
    /// The directory in which `--memory` writes its files (a directory of its own is made
    /// there and removed at the end); default: the system's temporary directory.
    #[arg(long, value_name = "DIR", value_parser = existing_dir)]
    pub spill_dir: Option<PathBuf>,
    /// Do not show progress on standard error.
    #[arg(long)]
    pub no_progress: bool,
}

/// A path that names an existing directory.
fn existing_dir(text: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(text);
    if path.is_dir() {
        Ok(path)
    } else {
        Err(format!("`{text}` is not an existing directory"))
    }
}

/// Rewrites TLC's single-dash long options into clap's double-dash form.
pub fn normalize_tlc_spellings(args: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    const TLC_LONG: [&str; 3] = ["-config", "-workers", "-deadlock"];
    args.into_iter()
        .map(|a| match a.to_str() {
            Some(s) if TLC_LONG.contains(&s) => OsString::from(format!("-{s}")),
            _ => a,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> CheckArgs {
        let args = normalize_tlc_spellings(args.iter().map(OsString::from));
        match Cli::try_parse_from(args).expect("arguments parse").command {
            Command::Check(c) => c,
            other => panic!("expected a check command, got {other:?}"),
        }
    }

    #[test]
    fn tlc_spellings_are_accepted() {
        let c = parse(&[
            "warden",
            "check",
            "M.tla",
            "-config",
            "X.cfg",
            "-workers",
            "2",
            "-deadlock",
        ]);
        assert_eq!(c.config, Some(PathBuf::from("X.cfg")));
        assert_eq!(c.workers, "2");
        assert!(c.deadlock);
    }

    #[test]
    fn double_dash_spellings_are_accepted() {
        let c = parse(&["warden", "check", "M.tla", "--json", "r.json"]);
        assert_eq!(c.json, Some(PathBuf::from("r.json")));
        assert!(!c.deadlock);
        assert_eq!(c.config, None);
    }
}
