//! One measured run of `warden bench`: a child process (warden's own `check --json`, or TLC)
//! with a time limit, its wall time, its peak resident set size and the counts it reported.
//!
//! Each run is a process of its own so that its peak memory is its own. The peak is polled
//! from `/proc/<pid>/status` (`VmHWM`, a high-water mark, so polling misses nothing but the
//! last few milliseconds) while the child runs; warden's child also reports its own figure.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use anyhow::Context as _;

use crate::memory::peak_rss_bytes;

/// How often a running child is polled.
const POLL: Duration = Duration::from_millis(20);
/// Time a warden child gets beyond its own `--time-limit` (loading, reporting) before it is
/// killed.
const GRACE: Duration = Duration::from_secs(30);

/// What one run measured.
#[derive(Clone, Debug, PartialEq)]
pub struct Measured {
    /// Distinct states found (absent when the run reported none).
    pub distinct: Option<u64>,
    /// States generated.
    pub generated: Option<u64>,
    /// Wall-clock seconds of the whole process, as the caller saw it.
    pub seconds: f64,
    /// Peak resident set size in bytes.
    pub peak_rss_bytes: Option<u64>,
    /// Whether the counts are the final ones of a finished search (not cut by a limit or a
    /// kill), and so comparable with another engine's.
    pub finished: bool,
    /// `ok`, a verdict word (`invariant-violated`, ...), `timeout`, or `exit N`.
    pub status: String,
}

/// A process's end: its status (`None` when killed at the deadline), wall seconds and the
/// largest peak RSS polled.
struct Ended {
    status: Option<ExitStatus>,
    seconds: f64,
    peak_rss_bytes: Option<u64>,
}

/// Runs `cmd` until it exits or `deadline` passes (then kills it).
fn supervise(mut cmd: Command, deadline: Duration) -> anyhow::Result<Ended> {
    let started = Instant::now();
    let mut child = cmd
        .spawn()
        .with_context(|| format!("cannot start {:?}", cmd.get_program()))?;
    let pid = child.id().to_string();
    let mut peak = None;
    let status = loop {
        if let Some(p) = peak_rss_bytes(&pid) {
            peak = Some(peak.map_or(p, |q: u64| q.max(p)));
        }
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if started.elapsed() >= deadline {
            // The child may have exited in between: then kill fails harmlessly.
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(POLL);
    };
    Ok(Ended {
        status,
        seconds: started.elapsed().as_secs_f64(),
        peak_rss_bytes: peak,
    })
}

fn exit_word(status: Option<ExitStatus>) -> String {
    match status.and_then(|s| s.code()) {
        Some(c) => format!("exit {c}"),
        None if status.is_none() => "timeout".to_string(),
        None => "signal".to_string(),
    }
}

/// Runs `exe check SPEC --config CFG --workers W --json ...` (warden) with `time_limit`.
pub fn warden(
    exe: &Path,
    spec: &Path,
    cfg: &Path,
    workers: usize,
    time_limit: Duration,
    scratch: &Path,
) -> anyhow::Result<Measured> {
    let json = scratch.join("report.json");
    let _ = std::fs::remove_file(&json);
    let stderr = File::create(scratch.join("warden.stderr"))?;
    let mut cmd = Command::new(exe);
    cmd.arg("check")
        .arg(spec)
        .arg("--config")
        .arg(cfg)
        .arg("--workers")
        .arg(workers.to_string())
        .arg("--json")
        .arg(&json)
        .arg("--no-progress")
        .arg("--time-limit")
        .arg(format!("{}", time_limit.as_secs_f64()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(stderr);
    if let Some(dir) = spec.parent().filter(|d| !d.as_os_str().is_empty()) {
        cmd.current_dir(dir);
    }
    let ended = supervise(cmd, time_limit + GRACE)?;
    let report: Option<serde_json::Value> = std::fs::read_to_string(&json)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok());
    let Some(r) = report.filter(|_| ended.status.is_some()) else {
        return Ok(Measured {
            distinct: None,
            generated: None,
            seconds: ended.seconds,
            peak_rss_bytes: ended.peak_rss_bytes,
            finished: false,
            status: exit_word(ended.status),
        });
    };
    let verdict = r["verdict"].as_str().unwrap_or("?");
    let status = match (verdict, r["limit"].as_str()) {
        ("incomplete", Some("time-limit")) => "timeout".to_string(),
        ("incomplete", Some(limit)) => limit.to_string(),
        (v, _) => v.to_string(),
    };
    Ok(Measured {
        distinct: r["states"]["distinct"].as_u64(),
        generated: r["states"]["generated"].as_u64(),
        seconds: ended.seconds,
        peak_rss_bytes: r["memory"]["peak_rss_bytes"]
            .as_u64()
            .or(ended.peak_rss_bytes),
        finished: verdict != "incomplete" && verdict != "error",
        status,
    })
}

/// How TLC is started.
pub struct Java<'a> {
    /// The Java launcher.
    pub java: &'a Path,
    /// `tla2tools.jar`.
    pub jar: &'a Path,
    /// A directory of extra modules (`-DTLA-Library`).
    pub library: Option<&'a Path>,
}

/// Runs TLC on one worker in the spec's directory, with a throw-away metadata directory:
/// `java [-DTLA-Library=DIR] -XX:+UseParallelGC -cp JAR tlc2.TLC -workers 1 -metadir M
/// -config CFG SPEC`.
pub fn tlc(
    java: &Java<'_>,
    spec: &Path,
    cfg: &Path,
    timeout: Duration,
    scratch: &Path,
) -> anyhow::Result<Measured> {
    let out_path = scratch.join("tlc.out");
    let out = File::create(&out_path)?;
    let metadir = scratch.join("tlc-metadir");
    let dir = spec.parent().unwrap_or(Path::new("."));
    let spec_name = spec.file_name().map(PathBuf::from).unwrap_or_default();
    // TLC reads the config relative to its working directory.
    let cfg_arg = match cfg.parent() {
        Some(p) if p == dir => cfg.file_name().map(PathBuf::from).unwrap_or_default(),
        _ => std::path::absolute(cfg)?,
    };
    let mut cmd = Command::new(java.java);
    if let Some(lib) = java.library {
        let lib = std::path::absolute(lib)?;
        cmd.arg(format!("-DTLA-Library={}", lib.display()));
    }
    cmd.arg("-XX:+UseParallelGC")
        .arg("-cp")
        .arg(std::path::absolute(java.jar)?)
        .args(["tlc2.TLC", "-workers", "1", "-metadir"])
        .arg(&metadir)
        .arg("-config")
        .arg(cfg_arg)
        .arg(spec_name)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(out.try_clone()?)
        .stderr(out);
    let ended = supervise(cmd, timeout)?;
    let _ = std::fs::remove_dir_all(&metadir);
    let text = std::fs::read_to_string(&out_path).unwrap_or_default();
    let counts = ended.status.and_then(|_| tlc_counts(&text));
    let status = match ended.status.and_then(|s| s.code()) {
        Some(0) => "ok".to_string(),
        _ => exit_word(ended.status),
    };
    Ok(Measured {
        distinct: counts.map(|c| c.1),
        generated: counts.map(|c| c.0),
        seconds: ended.seconds,
        peak_rss_bytes: ended.peak_rss_bytes,
        finished: counts.is_some(),
        status,
    })
}

/// The last `G states generated, D distinct states found` of TLC's output: `(G, D)`.
pub fn tlc_counts(text: &str) -> Option<(u64, u64)> {
    let number = |s: &str| s.trim().replace(',', "").parse::<u64>().ok();
    text.lines().rev().find_map(|line| {
        let (before, after) = line.split_once(" states generated, ")?;
        let generated = number(before.rsplit(' ').next()?)?;
        let distinct = number(after.split_once(" distinct states found")?.0)?;
        Some((generated, distinct))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tlcs_final_counts_are_read() {
        let out = "\
Progress(3) at 2024-01-01 00:00:00: 1,000 states generated (60,000 s/min), 400 distinct states found (24,000 ds/min), 10 states left on queue.
Model checking completed. No error has been found.
16959159 states generated, 1321761 distinct states found, 0 states left on queue.
The depth of the complete state graph search is 28.
";
        assert_eq!(tlc_counts(out), Some((16_959_159, 1_321_761)));
        let commas = "1,234 states generated, 567 distinct states found, 0 states left on queue.";
        assert_eq!(tlc_counts(commas), Some((1234, 567)));
        assert_eq!(
            tlc_counts("Error: TLC threw an unexpected exception."),
            None
        );
    }
}
