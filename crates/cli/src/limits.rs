//! Search limits on the command line: `--max-states`, `--max-depth`, `--time-limit` and
//! Ctrl-C, mapped onto the engine's [`check::Options`], and how a stopped search is worded.
//!
//! The engine checks its limits between batches of states and returns
//! [`check::Verdict::Incomplete`] with the [`Limit`] that stopped it; this module only parses
//! the user's figures, installs the interrupt handler that raises the engine's stop flag, and
//! names the limit in the text output and the JSON report.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use check::{Limit, Stats};

use crate::args::CheckArgs;
use crate::output::thousands;

/// Exit code of a process ended by a second Ctrl-C (128 + SIGINT, the shell's convention).
pub const EXIT_INTERRUPTED_TWICE: i32 = 130;

/// Parses a duration: plain seconds (`90`, `1.5`) or numbers with units `h`, `m`, `s`
/// (`90s`, `5m`, `1h30m`).
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let bad = || format!("`{text}` is not a duration (examples: `90`, `90s`, `5m`, `1h30m`)");
    let text = text.trim();
    if text.is_empty() {
        return Err(bad());
    }
    if let Ok(secs) = text.parse::<f64>() {
        return Duration::try_from_secs_f64(secs).map_err(|_| bad());
    }
    let mut total = 0.0f64;
    let mut number = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() || c == '.' {
            number.push(c);
            continue;
        }
        let unit = match c {
            'h' => 3600.0,
            'm' => 60.0,
            's' => 1.0,
            _ => return Err(bad()),
        };
        let n: f64 = number.parse().map_err(|_| bad())?;
        total += n * unit;
        number.clear();
    }
    if !number.is_empty() {
        return Err(bad());
    }
    Duration::try_from_secs_f64(total).map_err(|_| bad())
}

/// The options' limits from the arguments (workers and deadlock are set by the caller).
pub fn apply(args: &CheckArgs, mut options: check::Options) -> check::Options {
    options.max_states = args.max_states;
    options.max_depth = args.max_depth;
    options.time_limit = args.time_limit;
    options
}

/// Installs the Ctrl-C handler and returns the flag it raises. The first Ctrl-C raises the
/// flag and prints `notice` on standard error (the engine stops after its current batch and
/// the partial results are reported); a second one ends the process at once. Returns `None`
/// if no handler could be installed (one already is, in this process), in which case Ctrl-C
/// keeps its default effect.
pub fn interrupt_flag(notice: &'static str) -> Option<Arc<AtomicBool>> {
    let flag = Arc::new(AtomicBool::new(false));
    let raised = Arc::clone(&flag);
    let installed = ctrlc::set_handler(move || {
        if raised.swap(true, Ordering::SeqCst) {
            std::process::exit(EXIT_INTERRUPTED_TWICE);
        }
        eprintln!("\nInterrupted: {notice} (Ctrl-C again to quit).");
    });
    installed.ok().map(|()| flag)
}

/// The report's word for a limit: `max-states`, `max-depth`, `time-limit`, `interrupted`.
pub fn limit_word(limit: Limit) -> &'static str {
    match limit {
        Limit::MaxStates => "max-states",
        Limit::MaxDepth => "max-depth",
        Limit::TimeLimit => "time-limit",
        Limit::Stopped => "interrupted",
    }
}

/// The line printed when a limit stopped the search, e.g.
/// `The search is incomplete: stopped at --max-states 1000 after 1,204 distinct states
/// (9,870 generated, 311 left on queue, depth 7).`
pub fn incomplete_line(limit: Limit, options: &check::Options, stats: &Stats) -> String {
    let why = match limit {
        Limit::MaxStates => format!(
            "stopped at --max-states {}",
            options.max_states.unwrap_or_default()
        ),
        Limit::MaxDepth => format!(
            "stopped at --max-depth {}",
            options.max_depth.unwrap_or_default()
        ),
        Limit::TimeLimit => format!(
            "stopped at --time-limit {}",
            options
                .time_limit
                .map(|d| format!("{}s", d.as_secs_f64()))
                .unwrap_or_default()
        ),
        Limit::Stopped => "interrupted".to_string(),
    };
    format!(
        "The search is incomplete: {why} after {} distinct states ({} generated, {} left on \
         queue, depth {}).",
        thousands(stats.distinct),
        thousands(stats.generated),
        thousands(stats.left_on_queue),
        stats.depth
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_with_and_without_units() {
        assert_eq!(parse_duration("90"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("1.5"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse_duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("5m"), Ok(Duration::from_secs(300)));
        assert_eq!(parse_duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_duration("2m10s"), Ok(Duration::from_secs(130)));
    }

    #[test]
    fn malformed_durations_are_rejected() {
        for bad in ["", "m", "5x", "5m3", "-3", "1..2s"] {
            assert!(parse_duration(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn the_incomplete_line_names_the_limit_and_counts() {
        let options = check::Options {
            max_states: Some(1000),
            ..check::Options::default()
        };
        let stats = Stats {
            generated: 9870,
            distinct: 1204,
            left_on_queue: 311,
            depth: 7,
        };
        assert_eq!(
            incomplete_line(Limit::MaxStates, &options, &stats),
            "The search is incomplete: stopped at --max-states 1000 after 1,204 distinct \
             states (9,870 generated, 311 left on queue, depth 7)."
        );
        assert_eq!(limit_word(Limit::Stopped), "interrupted");
    }
}
