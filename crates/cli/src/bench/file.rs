//! The bench file (`bench/models.toml`): the models `warden bench` runs and TLC's reference
//! figures for each.
//!
//! ```toml
//! [[model]]
//! name = "PaxosCommit"
//! spec = "specifications/transaction_commit/PaxosCommit.tla"   # relative to --examples
//! cfg = "specifications/transaction_commit/PaxosCommit.cfg"    # default: the spec's .cfg
//! tlc = { distinct = 1321761, generated = 16959159, seconds = 158 }
//! ```
//!
//! Unknown keys are rejected so that a misspelt figure is not silently ignored.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// A parsed bench file.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BenchFile {
    /// The models, in the order they are run.
    #[serde(default, rename = "model")]
    pub models: Vec<BenchModel>,
}

/// One model of the bench file.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BenchModel {
    /// The name used to select it on the command line.
    pub name: String,
    /// The spec, relative to the examples directory.
    pub spec: PathBuf,
    /// The config, relative to the examples directory (default: the spec's path with `.cfg`).
    pub cfg: Option<PathBuf>,
    /// TLC's reference figures.
    #[serde(default)]
    pub tlc: Reference,
}

/// TLC's figures for a model (one worker), each optional.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Distinct states found.
    pub distinct: Option<u64>,
    /// States generated.
    pub generated: Option<u64>,
    /// Wall-clock seconds of the run (JVM start and parsing included).
    pub seconds: Option<f64>,
}

impl BenchModel {
    /// The spec's path under `examples`.
    pub fn spec_path(&self, examples: &Path) -> PathBuf {
        examples.join(&self.spec)
    }

    /// The config's path under `examples`.
    pub fn cfg_path(&self, examples: &Path) -> PathBuf {
        match &self.cfg {
            Some(c) => examples.join(c),
            None => examples.join(self.spec.with_extension("cfg")),
        }
    }
}

impl BenchFile {
    /// Parses a bench file's text; the error names the problem and its place.
    pub fn parse(text: &str) -> Result<BenchFile, String> {
        let file: BenchFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut names: Vec<&str> = file.models.iter().map(|m| m.name.as_str()).collect();
        names.sort_unstable();
        if let Some(w) = names.windows(2).find(|w| w[0] == w[1]) {
            return Err(format!("the model name `{}` is used twice", w[0]));
        }
        Ok(file)
    }

    /// The models named in `names`, in the order given (all of them when `names` is
    /// empty); an unknown name is an error that lists the known ones.
    pub fn select(&self, names: &[String]) -> Result<Vec<&BenchModel>, String> {
        if names.is_empty() {
            return Ok(self.models.iter().collect());
        }
        names
            .iter()
            .map(|n| {
                self.models.iter().find(|m| &m.name == n).ok_or_else(|| {
                    let known: Vec<&str> = self.models.iter().map(|m| m.name.as_str()).collect();
                    format!(
                        "no model `{n}` in the bench file (known: {})",
                        known.join(", ")
                    )
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"
[[model]]
name = "A"
spec = "x/A.tla"
tlc = { distinct = 3, generated = 7, seconds = 1.5 }

[[model]]
name = "B"
spec = "y/B.tla"
cfg = "y/BSmall.cfg"
"#;

    #[test]
    fn models_and_reference_figures_are_read() {
        let f = BenchFile::parse(TEXT).expect("parses");
        assert_eq!(f.models.len(), 2);
        assert_eq!(f.models[0].tlc.distinct, Some(3));
        assert_eq!(f.models[0].tlc.seconds, Some(1.5));
        assert_eq!(f.models[1].tlc, Reference::default());
        let root = Path::new("/ex");
        assert_eq!(f.models[0].cfg_path(root), Path::new("/ex/x/A.cfg"));
        assert_eq!(f.models[1].cfg_path(root), Path::new("/ex/y/BSmall.cfg"));
    }

    #[test]
    fn selection_keeps_the_given_order_and_rejects_unknown_names() {
        let f = BenchFile::parse(TEXT).expect("parses");
        let picked = f.select(&["B".into(), "A".into()]).expect("known names");
        assert_eq!(picked[0].name, "B");
        assert_eq!(f.select(&[]).expect("all").len(), 2);
        let err = f.select(&["C".into()]).expect_err("unknown");
        assert!(err.contains("known: A, B"), "{err}");
    }

    #[test]
    fn unknown_keys_and_duplicate_names_are_errors() {
        let typo = "[[model]]\nname = \"A\"\nspec = \"A.tla\"\ntlc = { distinc = 3 }\n";
        assert!(BenchFile::parse(typo).is_err());
        let twice = "[[model]]\nname = \"A\"\nspec = \"A.tla\"\n[[model]]\nname = \"A\"\nspec = \"B.tla\"\n";
        assert!(BenchFile::parse(twice)
            .expect_err("duplicate")
            .contains("used twice"));
    }
}
