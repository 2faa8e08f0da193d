//! The table `warden bench` prints: one row per model and engine, the ratio of warden's
//! generated states per second to TLC's in the same run, and the geometric mean of those
//! ratios over the models.

use crate::memory::per_second;
use crate::output::thousands;

/// One row of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The model's name.
    pub model: String,
    /// `TLC-ref` (the bench file's figures), `TLC` (run now) or `warden-wN`.
    pub engine: String,
    /// Distinct states.
    pub distinct: Option<u64>,
    /// Generated states.
    pub generated: Option<u64>,
    /// Wall seconds.
    pub seconds: Option<f64>,
    /// Peak resident set size in bytes.
    pub peak_rss_bytes: Option<u64>,
    /// warden's generated states per second divided by TLC's in the same run.
    pub ratio: Option<f64>,
    /// The counts differ from TLC's (of this run, or else the reference).
    pub differs: bool,
    /// How the run ended.
    pub status: String,
}

/// The column headings.
pub fn header() -> String {
    format!(
        "{:<16} {:<10} {:>12} {:>13} {:>8} {:>11} {:>11} {:>8} {:>8} {:>7}  status",
        "model",
        "engine",
        "distinct",
        "generated",
        "wall s",
        "distinct/s",
        "gen/s",
        "RSS MiB",
        "B/state",
        "vs TLC"
    )
}

/// A row as text; `-` for absent figures and `!` after counts that differ from TLC's.
pub fn row_text(r: &Row) -> String {
    let count = |n: Option<u64>| {
        let flag = if r.differs { "!" } else { "" };
        n.map_or_else(|| "-".to_string(), |n| format!("{}{flag}", thousands(n)))
    };
    let rate = |n: Option<u64>| match (n, r.seconds) {
        (Some(n), Some(s)) => thousands(per_second(n, s) as u64),
        _ => "-".to_string(),
    };
    let rss = r
        .peak_rss_bytes
        .map_or("-".to_string(), |b| format!("{:.0}", b as f64 / 1048576.0));
    let per_state = match (r.peak_rss_bytes, r.distinct) {
        (Some(b), Some(d)) if d > 0 => format!("{:.0}", b as f64 / d as f64),
        _ => "-".to_string(),
    };
    format!(
        "{:<16} {:<10} {:>12} {:>13} {:>8} {:>11} {:>11} {:>8} {:>8} {:>7}  {}",
        r.model,
        r.engine,
        count(r.distinct),
        count(r.generated),
        r.seconds.map_or("-".to_string(), |s| format!("{s:.1}")),
        rate(r.distinct),
        rate(r.generated),
        rss,
        per_state,
        r.ratio.map_or("-".to_string(), |x| format!("{x:.2}")),
        r.status
    )
}

/// The geometric mean of positive ratios (`None` for none).
pub fn geometric_mean(ratios: &[f64]) -> Option<f64> {
    let positive: Vec<f64> = ratios.iter().copied().filter(|r| *r > 0.0).collect();
    if positive.is_empty() {
        return None;
    }
    let log_sum: f64 = positive.iter().map(|r| r.ln()).sum();
    Some((log_sum / positive.len() as f64).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geometric_mean_of_ratios() {
        let m = geometric_mean(&[2.0, 8.0]).expect("two ratios");
        assert!((m - 4.0).abs() < 1e-9, "{m}");
        assert_eq!(geometric_mean(&[]), None);
    }

    #[test]
    fn rows_show_rates_memory_and_flags() {
        let row = Row {
            model: "M".into(),
            engine: "warden-w1".into(),
            distinct: Some(1000),
            generated: Some(4000),
            seconds: Some(2.0),
            peak_rss_bytes: Some(2 * 1048576),
            ratio: Some(1.5),
            differs: true,
            status: "ok".into(),
        };
        let words: Vec<String> = row_text(&row)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        assert_eq!(
            words,
            [
                "M",
                "warden-w1",
                "1,000!",
                "4,000!",
                "2.0",
                "500",
                "2,000",
                "2",
                "2097",
                "1.50",
                "ok"
            ]
        );
    }
}
