//! Changes a caller makes to a configuration without editing its file: the claim suite runs a
//! green and its reds on one spec and one `.cfg`, differing only by constant values or `<-`
//! operator replacements, and asks for a witness (a reachable state satisfying a predicate).

use std::path::Path;

use check::Model as _;
use eval::ir::{Expr, ExprKind};
use eval::RootName;
use source::{Diagnostic, SourceDb};
use syntax::cfg::{CfgConstant, CfgName, Config};

use crate::model::SpecModel;
use crate::predicate::Predicate;

/// What to change in the configuration before binding it.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// `name = value` entries (the value in `.cfg` syntax), replacing the file's entry for
    /// the same name.
    pub constants: Vec<(String, String)>,
    /// `name <- target` replacements, replacing the file's entry for the same name.
    pub replace: Vec<(String, String)>,
    /// When set, only these invariants and properties of the file are checked.
    pub only_properties: Option<Vec<String>>,
    /// A state predicate to reach: the model gets an extra invariant, named like the
    /// predicate, that is violated exactly in the states satisfying it.
    pub reach: Option<String>,
}

impl Overrides {
    /// Whether the overrides change nothing.
    pub fn is_empty(&self) -> bool {
        self.constants.is_empty()
            && self.replace.is_empty()
            && self.only_properties.is_none()
            && self.reach.is_none()
    }
}

/// Applies constant and replacement overrides to `cfg`. The entries are parsed as `.cfg`
/// text (registered in `db` under a descriptive name, so errors point at them).
pub(crate) fn apply(
    db: &mut SourceDb,
    cfg: &mut Config,
    overrides: &Overrides,
) -> Result<(), Vec<Diagnostic>> {
    let mut text = String::new();
    for (name, value) in &overrides.constants {
        text.push_str(&format!("CONSTANT {name} = {value}\n"));
    }
    for (name, target) in &overrides.replace {
        text.push_str(&format!("CONSTANT {name} <- {target}\n"));
    }
    if !text.is_empty() {
        let file = db.add(Path::new("<overrides>.cfg"), text);
        let (extra, diags) = syntax::parse_cfg(db, file);
        if diags.iter().any(|d| d.severity == source::Severity::Error) {
            return Err(diags);
        }
        for c in extra.constants {
            let name = constant_name(&c).to_string();
            cfg.constants.retain(|old| constant_name(old) != name);
            cfg.constants.push(c);
        }
    }
    if let Some(only) = &overrides.only_properties {
        let keep = |n: &CfgName| only.contains(&n.name);
        cfg.invariants.retain(keep);
        cfg.properties.retain(keep);
    }
    Ok(())
}

fn constant_name(c: &CfgConstant) -> &str {
    match c {
        CfgConstant::Value { name, .. }
        | CfgConstant::Subst { name, .. }
        | CfgConstant::ModuleValue { name, .. } => name,
    }
}

/// Adds the reachability target as a negated invariant.
pub(crate) fn add_reach(model: &mut SpecModel, predicate: &str) -> Result<(), Vec<Diagnostic>> {
    let Some(RootName::Op(id, 0)) = model.prog.lookup(predicate) else {
        return Err(vec![Diagnostic::error_unlocated(
            "undefined-operator",
            format!("The witness predicate {predicate} is not a zero-argument operator of the specification."),
        )]);
    };
    let call = eval::op_expr(&model.prog, id);
    if eval::level::level(&model.prog, &call) > eval::level::STATE {
        return Err(vec![Diagnostic::error_unlocated(
            "invariant-level",
            format!("The witness predicate {predicate} is not a state predicate."),
        )]);
    }
    let span = call.span;
    let negated = Expr {
        kind: ExprKind::Not(Box::new(call)),
        span,
    };
    let invariant = Predicate::new(&model.prog, predicate.to_string(), negated);
    model.invariants.push(invariant);
    model.invariant_is_property.push(false);
    debug_assert_eq!(
        model.invariant_names().last().map(String::as_str),
        Some(predicate)
    );
    Ok(())
}
