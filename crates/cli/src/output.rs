//! TLC-style text output: the lines a user (and their Makefiles' `grep`s) know from TLC.
//!
//! `Error: Invariant Inv is violated.`, `Error: The behavior up to this point is:`,
//! `State k: <label>` followed by `/\ var = value` lines, and the summary lines
//! `G states generated, D distinct states found, Q states left on queue.` and
//! `The depth of the complete state graph search is N.`

use check::{Stats, Verdict};
use std::fmt::Write as _;
use value::Value;

/// One state in TLC's form: `x = 1` for a single variable, otherwise `/\ x = 1` lines. An
/// unassigned variable (`None`, in the last state of an incomplete step) prints as `null`,
/// as TLC prints it.
pub fn state_text(names: &[String], values: &[Option<&Value>]) -> String {
    let mut out = String::new();
    let shown = |v: &Option<&Value>| v.map_or_else(|| "null".to_string(), ToString::to_string);
    if names.len() == 1 {
        let _ = writeln!(out, "{} = {}", names[0], shown(&values[0]));
        return out;
    }
    for (name, v) in names.iter().zip(values) {
        let _ = writeln!(out, "/\\ {name} = {}", shown(v));
    }
    out
}

/// The first error line for a verdict (`None` for ok and incomplete runs).
pub fn verdict_headline(verdict: &Verdict) -> Option<String> {
    match verdict {
        Verdict::Ok | Verdict::Incomplete(_) => None,
        Verdict::InvariantViolated { name, .. } => {
            Some(format!("Error: Invariant {name} is violated."))
        }
        Verdict::InitialPropertyViolated { name, .. } => Some(format!(
            "Error: Property {name} is violated by the initial state."
        )),
        Verdict::ActionPropertyViolated { name, .. } => {
            Some(format!("Error: Action property {name} is violated."))
        }
        Verdict::Deadlock => Some("Error: Deadlock reached.".to_string()),
        Verdict::Error(e) => Some(format!("Error: {e}")),
    }
}

/// TLC's two summary lines (the depth line is omitted after evaluation errors, as TLC does).
pub fn summary(stats: &Stats, with_depth: bool) -> String {
    let mut out = format!(
        "{} states generated, {} distinct states found, {} states left on queue.\n",
        stats.generated, stats.distinct, stats.left_on_queue
    );
    if with_depth {
        let _ = writeln!(
            out,
            "The depth of the complete state graph search is {}.",
            stats.depth
        );
    }
    out
}

/// A count with TLC's thousands separators (`1,234,567`), as in its progress lines.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_variable_states_have_no_bullet() {
        let text = state_text(&["x".to_string()], &[Some(&Value::Int(3))]);
        assert_eq!(text, "x = 3\n");
    }

    #[test]
    fn several_variables_are_a_conjunction_list() {
        let names = ["x".to_string(), "s".to_string()];
        let s = Value::string("a");
        let text = state_text(&names, &[Some(&Value::Int(0)), Some(&s)]);
        assert_eq!(text, "/\\ x = 0\n/\\ s = \"a\"\n");
    }

    #[test]
    fn unassigned_variables_print_as_null() {
        let names = ["x".to_string(), "y".to_string()];
        let text = state_text(&names, &[Some(&Value::Int(1)), None]);
        assert_eq!(text, "/\\ x = 1\n/\\ y = null\n");
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(16959159), "16,959,159");
    }

    #[test]
    fn summary_lines_follow_tlc() {
        let stats = Stats {
            generated: 11,
            distinct: 5,
            left_on_queue: 0,
            depth: 3,
        };
        assert_eq!(
            summary(&stats, true),
            "11 states generated, 5 distinct states found, 0 states left on queue.\n\
             The depth of the complete state graph search is 3.\n"
        );
        assert_eq!(
            verdict_headline(&Verdict::Deadlock).as_deref(),
            Some("Error: Deadlock reached.")
        );
    }
}
