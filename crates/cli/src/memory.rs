//! Peak memory of a run: the peak resident set size (Linux's `VmHWM`) and what it comes to
//! per distinct state, for the end-of-run line, the JSON report and `warden bench`.
//!
//! Only Linux exposes the figure without a system call binding (`/proc/<pid>/status`); on
//! other systems the figure is absent and reported as unknown rather than guessed.

use std::fmt::Write as _;

use serde::Serialize;

/// Peak memory figures of a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Memory {
    /// The peak resident set size of the process in bytes (`null` where unknown).
    pub peak_rss_bytes: Option<u64>,
    /// The peak resident set size divided by the number of distinct states (`null` where
    /// unknown or when no state was found). It includes the process's baseline (the binary,
    /// the parsed spec), so it is an upper bound that is meaningful for large runs.
    pub bytes_per_distinct_state: Option<f64>,
}

impl Memory {
    /// This process's figures after a run that found `distinct` states.
    pub fn of_this_process(distinct: u64) -> Memory {
        Memory::from_peak(peak_rss_bytes("self"), distinct)
    }

    /// The figures for a known peak (or none) and `distinct` states.
    pub fn from_peak(peak_rss_bytes: Option<u64>, distinct: u64) -> Memory {
        Memory {
            peak_rss_bytes,
            bytes_per_distinct_state: peak_rss_bytes
                .filter(|_| distinct > 0)
                .map(|b| b as f64 / distinct as f64),
        }
    }
}

/// The peak resident set size of process `pid` (`"self"` for this one) in bytes, read from
/// the `VmHWM` line of `/proc/<pid>/status`; `None` where there is no such file.
pub fn peak_rss_bytes(pid: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    vm_hwm(&status)
}

/// The `VmHWM:  1234 kB` figure of a `/proc/<pid>/status` text, in bytes.
fn vm_hwm(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let mut words = line["VmHWM:".len()..].split_whitespace();
    let n: u64 = words.next()?.parse().ok()?;
    let unit = match words.next() {
        Some("kB") | None => 1024,
        Some("mB") | Some("MB") => 1024 * 1024,
        Some(_) => return None,
    };
    Some(n * unit)
}

/// A byte count in MiB with one decimal (`123.4 MiB`), or `unknown`.
pub fn mib(bytes: Option<u64>) -> String {
    bytes.map_or_else(
        || "unknown".to_string(),
        |b| format!("{:.1} MiB", b as f64 / (1024.0 * 1024.0)),
    )
}

/// The line on what the search kept on disk under `--memory`, e.g. `On disk: 41,000,000
/// fingerprints of the seen set (its table written out 5 times), the trace links of 40,100,000
/// states, 912.0 MiB of packed states of the levels kept.`, or the warning that writing failed; `None` when nothing went to disk.
pub fn disk_line(disk: &check::DiskUse) -> Option<String> {
    if let Some(error) = &disk.error {
        return Some(format!(
            "Warning: {error}; what could not be written stayed in memory, past --memory."
        ));
    }
    let mut parts = Vec::new();
    if disk.runs > 0 {
        parts.push(format!(
            "{} fingerprints of the seen set (its table written out {} time{})",
            crate::output::thousands(disk.fingerprints),
            disk.runs,
            if disk.runs == 1 { "" } else { "s" },
        ));
    }
    if disk.links > 0 {
        parts.push(format!(
            "the trace links of {} states",
            crate::output::thousands(disk.links)
        ));
    }
    if disk.packed_bytes > 0 {
        parts.push(format!(
            "{} of packed states of the levels kept",
            mib(Some(disk.packed_bytes))
        ));
    }
    (!parts.is_empty()).then(|| format!("On disk: {}.", parts.join(", ")))
}

/// Parses a size in bytes: a number with an optional unit `K`, `M`, `G`, `T` (powers of
/// 1024; `KiB`, `KB`, `k`… are read the same), e.g. `512M`, `1.5GiB`, `65536`.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let bad = || format!("`{text}` is not a size (examples: `512M`, `2GiB`, `65536`)");
    let t = text.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let number: f64 = number.parse().map_err(|_| bad())?;
    let power = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 1,
        "m" | "mb" | "mib" => 2,
        "g" | "gb" | "gib" => 3,
        "t" | "tb" | "tib" => 4,
        _ => return Err(bad()),
    };
    let bytes = number * 1024f64.powi(power);
    if !bytes.is_finite() || bytes < 1.0 || bytes >= u64::MAX as f64 {
        return Err(bad());
    }
    Ok(bytes as u64)
}

/// The end-of-run line, e.g. `Peak memory: 412.3 MiB resident, 311 bytes per distinct state;
/// 16,959,159 states generated in 40.2 s (421,870 states/s).` It follows TLC's summary lines
/// and is warden's own (TLC prints nothing like it).
pub fn summary_line(memory: &Memory, generated: u64, seconds: f64) -> String {
    let mut out = format!("Peak memory: {} resident", mib(memory.peak_rss_bytes));
    if let Some(b) = memory.bytes_per_distinct_state {
        let _ = write!(out, ", {b:.0} bytes per distinct state");
    }
    let _ = write!(
        out,
        "; {} states generated in {seconds:.1} s ({} states/s).",
        crate::output::thousands(generated),
        crate::output::thousands(per_second(generated, seconds) as u64)
    );
    out
}

/// `count / seconds`, 0 for an empty interval.
pub fn per_second(count: u64, seconds: f64) -> f64 {
    if seconds > 0.0 {
        count as f64 / seconds
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vm_hwm_is_read_in_bytes() {
        let status = "Name:\twarden\nVmPeak:\t  20000 kB\nVmHWM:\t    1500 kB\nVmRSS:\t 1200 kB\n";
        assert_eq!(vm_hwm(status), Some(1500 * 1024));
        assert_eq!(vm_hwm("Name:\twarden\n"), None);
    }

    #[test]
    fn bytes_per_state_needs_states_and_a_peak() {
        let m = Memory::from_peak(Some(1000), 10);
        assert_eq!(m.bytes_per_distinct_state, Some(100.0));
        assert_eq!(
            Memory::from_peak(Some(1000), 0).bytes_per_distinct_state,
            None
        );
        assert_eq!(Memory::from_peak(None, 10).bytes_per_distinct_state, None);
    }

    #[test]
    fn sizes_with_and_without_units() {
        assert_eq!(parse_size("65536"), Ok(65536));
        assert_eq!(parse_size("64K"), Ok(65536));
        assert_eq!(parse_size("512MiB"), Ok(512 << 20));
        assert_eq!(parse_size("1.5g"), Ok(3 << 29));
        assert_eq!(parse_size("2 GB"), Ok(2 << 30));
        for bad in ["", "M", "5x", "-3", "1..2G", "0", "5bb", "5ib", "1e3"] {
            assert!(parse_size(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn the_disk_line_says_what_went_to_disk_or_why_not() {
        assert_eq!(disk_line(&check::DiskUse::default()), None);
        let written = check::DiskUse {
            fingerprints: 1_500_000,
            runs: 2,
            links: 1_700_000,
            packed_bytes: 3 << 20,
            error: None,
        };
        assert_eq!(
            disk_line(&written).as_deref(),
            Some(
                "On disk: 1,500,000 fingerprints of the seen set (its table written out 2 \
                 times), the trace links of 1,700,000 states, 3.0 MiB of packed states of \
                 the levels kept."
            )
        );
        let failed = check::DiskUse {
            error: Some("could not write".into()),
            ..check::DiskUse::default()
        };
        assert!(disk_line(&failed)
            .unwrap()
            .starts_with("Warning: could not write;"));
    }

    #[test]
    fn the_summary_line_has_memory_and_rate() {
        let m = Memory::from_peak(Some(3 * 1024 * 1024), 1024);
        assert_eq!(
            summary_line(&m, 20_000, 2.0),
            "Peak memory: 3.0 MiB resident, 3072 bytes per distinct state; 20,000 states \
             generated in 2.0 s (10,000 states/s)."
        );
        assert_eq!(
            summary_line(&Memory::default(), 0, 0.0),
            "Peak memory: unknown resident; 0 states generated in 0.0 s (0 states/s)."
        );
    }

    #[test]
    fn this_process_has_a_peak_on_linux() {
        if cfg!(target_os = "linux") {
            assert!(peak_rss_bytes("self").is_some_and(|b| b > 0));
        }
    }
}
