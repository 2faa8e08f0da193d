//! Progress of a running search, shown on standard error so standard output (TLC's lines,
//! which scripts compare and grep) is the same with or without it.
//!
//! On a terminal it is one line rewritten at most every [`TERMINAL_INTERVAL`] (states
//! generated, distinct, on queue, depth, states per second) and erased when the search ends.
//! Elsewhere (a log file, CI) it is TLC's line once per [`PLAIN_INTERVAL`]:
//! `Progress(D) at TIME: N states generated (R s/min), M distinct states found (R' ds/min),
//! K states left on queue.`, with the rates over the time since the previous line and the
//! time in UTC. The engine sends an event after every batch; this reporter rate-limits them.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use check::{Reporter, Stats, Verdict};

use crate::output::thousands;

/// How often the terminal line is rewritten at most.
pub const TERMINAL_INTERVAL: Duration = Duration::from_secs(2);
/// How often a plain progress line is printed (TLC prints one a minute).
pub const PLAIN_INTERVAL: Duration = Duration::from_secs(60);

/// Where progress goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Nothing is shown.
    Off,
    /// One line on a terminal, rewritten in place.
    Terminal,
    /// TLC's periodic lines.
    Plain,
}

impl Mode {
    /// The mode for standard error: off when asked, a terminal line on a terminal, plain
    /// lines otherwise.
    pub fn for_stderr(disabled: bool) -> Mode {
        if disabled {
            Mode::Off
        } else if std::io::stderr().is_terminal() {
            Mode::Terminal
        } else {
            Mode::Plain
        }
    }
}

/// A [`Reporter`] that shows progress on standard error.
pub struct Progress {
    mode: Mode,
    started: Instant,
    /// When the last line was shown, and the counts then (for the rates).
    last: (Instant, Stats),
    /// Whether a terminal line is on screen (to be erased at the end).
    on_screen: bool,
}

impl Progress {
    /// A reporter in `mode`, timing from now.
    pub fn new(mode: Mode) -> Progress {
        let now = Instant::now();
        Progress {
            mode,
            started: now,
            last: (now, Stats::default()),
            on_screen: false,
        }
    }

    fn event(&mut self, stats: &Stats) {
        let interval = match self.mode {
            Mode::Off => return,
            Mode::Terminal => TERMINAL_INTERVAL,
            Mode::Plain => PLAIN_INTERVAL,
        };
        let now = Instant::now();
        if now.duration_since(self.last.0) < interval {
            return;
        }
        let since = now.duration_since(self.last.0).as_secs_f64();
        let mut err = std::io::stderr().lock();
        // Progress is best effort: a closed stderr must not stop the search.
        let _ = match self.mode {
            Mode::Terminal => {
                let total = now.duration_since(self.started).as_secs_f64();
                self.on_screen = true;
                write!(err, "\r\x1b[2K{}", terminal_line(stats, total))
            }
            _ => writeln!(
                err,
                "{}",
                tlc_line(stats, &utc_text(SystemTime::now()), &self.last.1, since)
            ),
        };
        let _ = err.flush();
        self.last = (now, *stats);
    }
}

impl Reporter for Progress {
    fn progress(&mut self, stats: &Stats) {
        self.event(stats);
    }

    fn level_finished(&mut self, stats: &Stats) {
        self.event(stats);
    }

    fn done(&mut self, _verdict: &Verdict, _stats: &Stats) {
        if self.on_screen {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
            self.on_screen = false;
        }
    }
}

/// The terminal line: `Depth 7: 1,234,567 generated, 123,456 distinct, 12,345 on queue
/// (410,000 states/s, 3.0 s)`, the rate over the whole search so far.
pub fn terminal_line(stats: &Stats, seconds: f64) -> String {
    let rate = crate::memory::per_second(stats.generated, seconds) as u64;
    format!(
        "Depth {}: {} generated, {} distinct, {} on queue ({} states/s, {:.0} s)",
        stats.depth,
        thousands(stats.generated),
        thousands(stats.distinct),
        thousands(stats.left_on_queue),
        thousands(rate),
        seconds
    )
}

/// TLC's progress line at `time`, with per-minute rates since `previous` (`seconds` ago).
pub fn tlc_line(stats: &Stats, time: &str, previous: &Stats, seconds: f64) -> String {
    let per_minute = |now: u64, then: u64| {
        thousands((crate::memory::per_second(now.saturating_sub(then), seconds) * 60.0) as u64)
    };
    format!(
        "Progress({}) at {time}: {} states generated ({} s/min), {} distinct states found \
         ({} ds/min), {} states left on queue.",
        stats.depth,
        thousands(stats.generated),
        per_minute(stats.generated, previous.generated),
        thousands(stats.distinct),
        per_minute(stats.distinct, previous.distinct),
        thousands(stats.left_on_queue)
    )
}

/// `YYYY-MM-DD HH:MM:SS` in UTC.
pub fn utc_text(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`, for non-negative days).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats(generated: u64, distinct: u64, left_on_queue: u64, depth: u64) -> Stats {
        Stats {
            generated,
            distinct,
            left_on_queue,
            depth,
        }
    }

    #[test]
    fn the_plain_line_is_tlcs() {
        let now = stats(1_234_567, 123_456, 12_345, 7);
        let before = stats(34_567, 3_456, 0, 3);
        assert_eq!(
            tlc_line(&now, "2024-08-08 10:15:32", &before, 60.0),
            "Progress(7) at 2024-08-08 10:15:32: 1,234,567 states generated (1,200,000 s/min), \
             123,456 distinct states found (120,000 ds/min), 12,345 states left on queue."
        );
    }

    #[test]
    fn the_terminal_line_has_counts_and_rate() {
        assert_eq!(
            terminal_line(&stats(20_000, 5_000, 100, 4), 2.0),
            "Depth 4: 20,000 generated, 5,000 distinct, 100 on queue (10,000 states/s, 2 s)"
        );
    }

    #[test]
    fn utc_dates_are_civil() {
        assert_eq!(utc_text(UNIX_EPOCH), "1970-01-01 00:00:00");
        // 2024-02-29 12:34:56 UTC (a leap day).
        let t = UNIX_EPOCH + Duration::from_secs(1_709_210_096);
        assert_eq!(utc_text(t), "2024-02-29 12:34:56");
    }
}
