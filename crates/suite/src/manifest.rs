//! The suite manifest, `warden.toml`: a suite's name and its claims, each with a green
//! model that must hold, red mutations that must break exactly one named property, and
//! witnesses that must be reachable.
//!
//! The format is strict: an unknown key is an error (a misspelt `violtes` must not turn a
//! red into a no-op), reported with the manifest's path and the line and column of the
//! offending key. Paths in a claim are relative to the manifest and are resolved at load.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The file name a suite manifest must have.
pub const MANIFEST_NAME: &str = "warden.toml";

/// A loaded manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Manifest {
    /// The manifest file.
    pub path: PathBuf,
    /// The `[suite]` table.
    pub suite: SuiteInfo,
    /// The claims, in manifest order; `spec` and `config` are resolved against the
    /// manifest's directory.
    pub claims: Vec<Claim>,
}

/// The `[suite]` table.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuiteInfo {
    /// The suite's name.
    pub name: String,
    /// What the suite is about.
    #[serde(default)]
    pub description: String,
}

/// One `[[claim]]`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// A stable identifier, unique across every suite of a run (`GW-PAIRING-RACE`).
    pub id: String,
    /// The claim as a sentence.
    pub title: String,
    /// An optional grouping label.
    #[serde(default)]
    pub family: Option<String>,
    /// Free-form tags, selectable with `--tag`.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The `.tla` module, relative to the manifest (absolute after loading).
    pub spec: PathBuf,
    /// The TLC `.cfg`, relative to the manifest (absolute after loading).
    pub config: PathBuf,
    /// The unmutated model and what must hold in it. A claim without one (or with an empty
    /// `holds`) fails: it would otherwise pass by checking nothing.
    #[serde(default)]
    pub green: Option<Green>,
    /// Mutations, each of which must violate exactly one named property.
    #[serde(default)]
    pub red: Vec<Red>,
    /// Predicates some reachable state of the green model must satisfy.
    #[serde(default)]
    pub witness: Vec<Witness>,
}

/// `[claim.green]`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Green {
    /// Invariants/properties (names from the cfg) that must hold.
    #[serde(default)]
    pub holds: Vec<String>,
}

/// One `[[claim.red]]`: a named mutation of the green model.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Red {
    /// What the mutation models, for people.
    pub name: String,
    /// The one property the mutation must violate (no other, and not a deadlock).
    pub violates: String,
    /// Constant overrides: name to TLA+ value text, as a cfg would write it.
    #[serde(default)]
    pub constants: BTreeMap<String, String>,
    /// Operator overrides, as a cfg's `Op <- Replacement`.
    #[serde(default)]
    pub replace: BTreeMap<String, String>,
    /// The counterexample may have at most this many states.
    #[serde(default)]
    pub max_trace: Option<u64>,
    /// Actions that must each label some step of the counterexample.
    #[serde(default)]
    pub actions: Vec<String>,
}

/// One `[[claim.witness]]`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Witness {
    /// What the witness shows, for people.
    pub name: String,
    /// A state predicate of the spec that some reachable state must satisfy.
    pub reachable: String,
}

/// A manifest that could not be read or is malformed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestError {
    /// The manifest (or directory) concerned.
    pub path: PathBuf,
    /// 1-based line and column, when known.
    pub position: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ManifestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some((line, col)) = self.position {
            write!(f, ":{line}:{col}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ManifestError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    suite: SuiteInfo,
    #[serde(default)]
    claim: Vec<Claim>,
}

impl Manifest {
    /// Reads and parses the manifest at `path`.
    pub fn load(path: &Path) -> Result<Manifest, ManifestError> {
        let text = std::fs::read_to_string(path).map_err(|e| ManifestError {
            path: path.to_path_buf(),
            position: None,
            message: format!("cannot read manifest: {e}"),
        })?;
        Manifest::parse(path, &text)
    }

    /// Parses manifest `text`, resolving claim paths against `path`'s directory.
    pub fn parse(path: &Path, text: &str) -> Result<Manifest, ManifestError> {
        let raw: RawManifest = toml::from_str(text).map_err(|e| ManifestError {
            path: path.to_path_buf(),
            position: e.span().map(|s| line_col(text, s.start)),
            message: e.message().trim_end().to_string(),
        })?;
        let err = |message: String| ManifestError {
            path: path.to_path_buf(),
            position: None,
            message,
        };
        let dir = path.parent().unwrap_or(Path::new(""));
        let mut seen = BTreeMap::new();
        let mut claims = raw.claim;
        for claim in &mut claims {
            if claim.id.trim().is_empty() {
                return Err(err("a claim has an empty `id`".into()));
            }
            if !is_file_safe(&claim.id) {
                return Err(err(format!(
                    "claim id `{}` may use only letters, digits, `-`, `_` and `.`",
                    claim.id
                )));
            }
            if seen.insert(claim.id.clone(), ()).is_some() {
                return Err(err(format!("claim id `{}` appears twice", claim.id)));
            }
            claim.spec = dir.join(&claim.spec);
            claim.config = dir.join(&claim.config);
        }
        Ok(Manifest {
            path: path.to_path_buf(),
            suite: raw.suite,
            claims,
        })
    }
}

/// Claim ids name artifact files, so they stay within a portable file-name alphabet.
fn is_file_safe(id: &str) -> bool {
    id.chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The 1-based line and column (in characters) of byte `offset` in `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
[suite]
name = "demo"

[[claim]]
id = "C-1"
title = "t"
spec = "M.tla"
config = "M.cfg"

[claim.green]
holds = ["Inv"]

[[claim.red]]
name = "bug"
violates = "Inv"
constants = { Bug = '"race"', N = "3" }
replace = { Op = "OpBuggy" }
max_trace = 4
actions = ["A"]

[[claim.witness]]
name = "w"
reachable = "W"
"#;

    #[test]
    fn parses_every_field_and_resolves_paths() {
        let m = Manifest::parse(Path::new("/s/x/warden.toml"), MINIMAL).expect("valid");
        assert_eq!(m.suite.name, "demo");
        assert_eq!(m.suite.description, "");
        let c = &m.claims[0];
        assert_eq!(c.spec, Path::new("/s/x/M.tla"));
        assert_eq!(c.config, Path::new("/s/x/M.cfg"));
        assert_eq!(
            c.green.as_ref().map(|g| g.holds.clone()),
            Some(vec!["Inv".into()])
        );
        let r = &c.red[0];
        assert_eq!(r.constants.get("Bug").map(String::as_str), Some("\"race\""));
        assert_eq!(r.constants.get("N").map(String::as_str), Some("3"));
        assert_eq!(r.replace.get("Op").map(String::as_str), Some("OpBuggy"));
        assert_eq!(r.max_trace, Some(4));
        assert_eq!(c.witness[0].reachable, "W");
    }

    #[test]
    fn unknown_key_is_an_error_with_position() {
        let text = MINIMAL.replace("violates = \"Inv\"", "violtes = \"Inv\"");
        let e = Manifest::parse(Path::new("m/warden.toml"), &text).expect_err("unknown key");
        let line = text
            .lines()
            .position(|l| l.starts_with("violtes"))
            .expect("line present")
            + 1;
        assert_eq!(e.position, Some((line, 1)), "{e}");
        assert!(e.message.contains("violtes"), "{e}");
        assert!(
            e.to_string()
                .starts_with(&format!("m/warden.toml:{line}:1: ")),
            "{e}"
        );
    }

    #[test]
    fn unknown_top_level_table_is_an_error() {
        let text = format!("{MINIMAL}\n[extra]\nx = 1\n");
        let e = Manifest::parse(Path::new("warden.toml"), &text).expect_err("unknown table");
        assert!(e.message.contains("extra"), "{e}");
        assert!(e.position.is_some());
    }

    #[test]
    fn duplicate_ids_are_an_error() {
        let text = format!(
            "{MINIMAL}\n[[claim]]\nid = \"C-1\"\ntitle = \"t\"\nspec = \"M.tla\"\nconfig = \"M.cfg\"\n"
        );
        let e = Manifest::parse(Path::new("warden.toml"), &text).expect_err("duplicate");
        assert_eq!(e.message, "claim id `C-1` appears twice");
    }

    #[test]
    fn ids_must_be_file_safe() {
        let text = MINIMAL.replace("id = \"C-1\"", "id = \"C/1\"");
        let e = Manifest::parse(Path::new("warden.toml"), &text).expect_err("bad id");
        assert!(e.message.contains("C/1"), "{e}");
    }

    #[test]
    fn missing_required_field_is_reported() {
        let text = MINIMAL.replace("config = \"M.cfg\"\n", "");
        let e = Manifest::parse(Path::new("warden.toml"), &text).expect_err("missing config");
        assert!(e.message.contains("config"), "{e}");
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\ncé d", 7), (2, 4));
        assert_eq!(line_col("x", 0), (1, 1));
    }
}
