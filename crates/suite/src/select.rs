//! Choosing claims: `--claim` patterns (shell-style globs over ids) and `--tag`s.
//!
//! Within one option the values are alternatives; the two options combine as "and": a claim
//! is run when (no `--claim` was given or its id matches one pattern) and (no `--tag` was
//! given or it carries one of the tags).

use crate::manifest::Claim;

/// The claims a run is restricted to. The default selects everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Id patterns; `*` matches any run of characters, `?` one character.
    pub claims: Vec<String>,
    /// Tags.
    pub tags: Vec<String>,
}

impl Selection {
    /// Whether `claim` is selected.
    pub fn matches(&self, claim: &Claim) -> bool {
        let id_ok = self.claims.is_empty() || self.claims.iter().any(|p| glob_match(p, &claim.id));
        let tag_ok = self.tags.is_empty() || self.tags.iter().any(|t| claim.tags.contains(t));
        id_ok && tag_ok
    }
}

/// Shell-style matching of the whole of `text` against `pattern` (`*`, `?`; no classes).
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    // Classic linear-time wildcard matching with backtracking to the last star.
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn claim(id: &str, tags: &[&str]) -> Claim {
        Claim {
            id: id.into(),
            title: String::new(),
            family: None,
            tags: tags.iter().map(|t| t.to_string()).collect(),
            spec: PathBuf::new(),
            config: PathBuf::new(),
            green: None,
            red: vec![],
            witness: vec![],
        }
    }

    #[test]
    fn globs() {
        assert!(glob_match("GW-*", "GW-PAIRING-RACE"));
        assert!(glob_match("*RACE", "GW-PAIRING-RACE"));
        assert!(glob_match("GW-*-RACE", "GW-PAIRING-REFRESH-RACE"));
        assert!(glob_match("GW-?AIRING-*", "GW-PAIRING-CAP"));
        assert!(glob_match("exact", "exact"));
        assert!(glob_match("*", ""));
        assert!(!glob_match("GW-*", "XGW-A"));
        assert!(!glob_match("GW-PAIRING", "GW-PAIRING-CAP"));
        assert!(!glob_match("?", ""));
        assert!(glob_match("a*b*c", "aXXbYYbc"));
        assert!(!glob_match("a*b*c", "aXXbYYb"));
    }

    #[test]
    fn selection_ands_options_and_ors_values() {
        let race = claim("GW-PAIRING-RACE", &["pairing", "race"]);
        let cap = claim("GW-PAIRING-CAP", &["pairing", "cap"]);
        let all = Selection::default();
        assert!(all.matches(&race) && all.matches(&cap));
        let by_id = Selection {
            claims: vec!["*-RACE".into(), "NOPE".into()],
            tags: vec![],
        };
        assert!(by_id.matches(&race) && !by_id.matches(&cap));
        let by_tag = Selection {
            claims: vec![],
            tags: vec!["cap".into(), "other".into()],
        };
        assert!(!by_tag.matches(&race) && by_tag.matches(&cap));
        let both = Selection {
            claims: vec!["GW-*".into()],
            tags: vec!["race".into()],
        };
        assert!(both.matches(&race) && !both.matches(&cap));
    }
}
