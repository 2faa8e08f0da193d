//! A lowered specification: every operator of the root module and of the modules it
//! extends and instantiates, its state variables and constants.

use std::collections::HashMap;

use source::Span;
use value::Value;

use crate::ir::{Arg, ConstId, Expr, ExprKind, OpDef, OpId};

/// A declared constant of the root module (or of a module it extends).
#[derive(Clone, Debug)]
pub struct ConstDecl {
    /// The constant's name.
    pub name: String,
    /// 0 for a plain constant, `n` for `F(_, …)`.
    pub arity: u32,
    /// Where it was declared.
    pub span: Span,
}

/// What the model configuration bound a constant to.
#[derive(Clone, Debug)]
pub enum ConstBinding {
    /// A value.
    Value(Value),
    /// An operator of the spec (`N <- Def`).
    Op(OpId),
}

/// An `ASSUME`.
#[derive(Clone, Debug)]
pub struct Assumption {
    /// The assumed formula.
    pub expr: Expr,
    /// The whole `ASSUME` unit.
    pub span: Span,
    /// The module it is written in.
    pub module: String,
}

/// The lowered specification.
#[derive(Clone, Debug, Default)]
pub struct Program {
    /// Every operator, indexed by [`OpId`].
    pub ops: Vec<OpDef>,
    /// State variable names, indexed by slot.
    pub vars: Vec<String>,
    /// Where each variable was declared.
    pub var_spans: Vec<Span>,
    /// Declared constants, indexed by [`ConstId`].
    pub consts: Vec<ConstDecl>,
    /// The configuration's binding of each constant (set by the model binder).
    pub const_values: Vec<Option<ConstBinding>>,
    /// Assumptions of the root module and the modules it extends.
    pub assumes: Vec<Assumption>,
    /// The root module's name.
    pub root_module: String,
    /// Names visible at the root module's top level.
    pub(crate) root_names: HashMap<String, RootName>,
}

/// What a top-level name of the root module denotes (for binding a configuration).
#[derive(Clone, Debug)]
pub enum RootName {
    /// A user-defined operator with its arity.
    Op(OpId, u32),
    /// A declared constant.
    Const(ConstId),
    /// A state variable.
    Var(u32),
    /// A standard-library operator or something else that cannot be bound.
    Other,
}

impl Program {
    /// Looks a top-level name of the root module up.
    pub fn lookup(&self, name: &str) -> Option<RootName> {
        self.root_names.get(name).cloned()
    }

    /// The operator with this id.
    pub fn op(&self, id: OpId) -> &OpDef {
        &self.ops[id.0 as usize]
    }

    /// Replaces the body of a defined operator by a constant value (`Op = v` in a cfg).
    pub fn override_with_value(&mut self, id: OpId, v: Value) {
        let op = &mut self.ops[id.0 as usize];
        op.body = Expr {
            kind: ExprKind::Lit(v),
            span: op.body.span,
        };
        op.fn_bounds = None;
    }

    /// Replaces the body of a defined operator by a call of another (`Op <- Other`).
    pub fn override_with_op(&mut self, id: OpId, target: OpId) {
        let span = self.ops[id.0 as usize].body.span;
        let args = (0..self.ops[id.0 as usize].params.len() as u32)
            .map(|i| {
                Arg::Expr(Expr {
                    kind: ExprKind::Local(i),
                    span,
                })
            })
            .collect();
        let op = &mut self.ops[id.0 as usize];
        op.body = Expr {
            kind: ExprKind::Call(target, args),
            span,
        };
        op.fn_bounds = None;
    }
}
