//! The TLC model configuration (`.cfg`) as data.
//!
//! The reader lives in the crate's `cfg_parser` module; this file only says what a configuration is.

use source::Span;

/// A value written in a `.cfg` file on the right of `=` in `CONSTANT`.
#[derive(Clone, Debug, PartialEq)]
pub enum CfgValue {
    /// An integer, possibly negative.
    Int(i64),
    /// A string literal.
    Str(String),
    /// `TRUE` / `FALSE`.
    Bool(bool),
    /// A bare identifier: a model value (`p1`).
    ModelValue(String),
    /// `{a, b}`.
    Set(Vec<CfgValue>),
    /// `<<a, b>>`.
    Tuple(Vec<CfgValue>),
}

/// One `CONSTANT` entry.
#[derive(Clone, Debug, PartialEq)]
pub enum CfgConstant {
    /// `N = 3`, `Procs = {p1, p2}`, `Nil = Nil` (a model value named like the constant).
    Value {
        /// The constant (or zero-arity operator) being set.
        name: String,
        /// Its value.
        value: CfgValue,
        /// The entry's span.
        span: Span,
    },
    /// `N = [Mod] v`: set the constant `name` of the module `Mod` (one the spec
    /// instantiates or extends) to a value.
    ModuleValue {
        /// The module whose constant is set.
        module: String,
        /// The constant being set.
        name: String,
        /// Its value.
        value: CfgValue,
        /// The entry's span.
        span: Span,
    },
    /// `N <- Def` or `N <- [Mod] Def`: replace the constant or operator `name` by the
    /// spec's operator `target`.
    Subst {
        /// The constant or operator replaced.
        name: String,
        /// `[Mod]` qualifier, if any.
        module: Option<String>,
        /// The replacing operator's name.
        target: String,
        /// The entry's span.
        span: Span,
    },
}

/// A named reference in a cfg (an invariant, property, constraint …) with where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CfgName {
    /// The operator's name.
    pub name: String,
    /// Where the name was written.
    pub span: Span,
}

/// A whole `.cfg` file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// `SPECIFICATION Spec`.
    pub specification: Option<CfgName>,
    /// `INIT Init`.
    pub init: Option<CfgName>,
    /// `NEXT Next`.
    pub next: Option<CfgName>,
    /// `CONSTANT(S)` entries, in order.
    pub constants: Vec<CfgConstant>,
    /// `INVARIANT(S)`.
    pub invariants: Vec<CfgName>,
    /// `PROPERTY`/`PROPERTIES`.
    pub properties: Vec<CfgName>,
    /// `CONSTRAINT(S)`.
    pub constraints: Vec<CfgName>,
    /// `ACTION_CONSTRAINT(S)`.
    pub action_constraints: Vec<CfgName>,
    /// `SYMMETRY`.
    pub symmetry: Option<CfgName>,
    /// `VIEW`.
    pub view: Option<CfgName>,
    /// `ALIAS`.
    pub alias: Option<CfgName>,
    /// `POSTCONDITION`.
    pub postcondition: Option<CfgName>,
    /// `CHECK_DEADLOCK TRUE|FALSE`.
    pub check_deadlock: Option<bool>,
}
