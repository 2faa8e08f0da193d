//! Expression levels: constant (0), state (1), action (2), temporal (3).
//!
//! Used to reject, for example, a primed variable in an invariant, and to split a
//! SPECIFICATION into its initial predicate and its `[][Next]_vars` conjunct.

use std::collections::HashMap;

use crate::ir::{Arg, Expr, ExprKind, OpId};
use crate::program::{ConstBinding, Program};

/// A constant-level expression.
pub const CONSTANT: u8 = 0;
/// A state-level expression (reads variables).
pub const STATE: u8 = 1;
/// An action-level expression (reads primed variables).
pub const ACTION: u8 = 2;
/// A temporal formula.
pub const TEMPORAL: u8 = 3;

/// Computes the level of an expression.
pub fn level(prog: &Program, e: &Expr) -> u8 {
    let mut memo = HashMap::new();
    lvl(prog, e, &mut memo)
}

fn op_level(prog: &Program, id: OpId, memo: &mut HashMap<OpId, u8>) -> u8 {
    if let Some(l) = memo.get(&id) {
        return *l;
    }
    memo.insert(id, CONSTANT);
    let op = prog.op(id);
    let mut l = lvl(prog, &op.body, memo);
    if let Some(bs) = &op.fn_bounds {
        for b in bs {
            if let Some(s) = &b.set {
                l = l.max(lvl(prog, s, memo));
            }
        }
    }
    memo.insert(id, l);
    l
}

fn args_level(prog: &Program, args: &[Arg], memo: &mut HashMap<OpId, u8>) -> u8 {
    args.iter()
        .map(|a| match a {
            Arg::Expr(e) => lvl(prog, e, memo),
            Arg::Op(crate::ir::OpRef::User(id)) | Arg::Op(crate::ir::OpRef::Local(id)) => {
                op_level(prog, *id, memo)
            }
            Arg::Op(_) => CONSTANT,
        })
        .max()
        .unwrap_or(CONSTANT)
}

fn lvl(prog: &Program, e: &Expr, memo: &mut HashMap<OpId, u8>) -> u8 {
    let all = |xs: &[Expr], memo: &mut HashMap<OpId, u8>| {
        xs.iter()
            .map(|x| lvl(prog, x, memo))
            .max()
            .unwrap_or(CONSTANT)
    };
    let bounds = |bs: &[crate::ir::Bound], memo: &mut HashMap<OpId, u8>| {
        bs.iter()
            .filter_map(|b| b.set.as_ref().map(|s| lvl(prog, s, memo)))
            .max()
            .unwrap_or(CONSTANT)
    };
    match &e.kind {
        ExprKind::Lit(_) | ExprKind::Local(_) | ExprKind::Error | ExprKind::Cached(_) => CONSTANT,
        ExprKind::Const(c) => match prog.const_values.get(c.0 as usize) {
            Some(Some(ConstBinding::Op(id))) => op_level(prog, *id, memo),
            _ => CONSTANT,
        },
        ExprKind::Fast(f) => lvl(prog, &f.expr, memo),
        ExprKind::Var(_) => STATE,
        ExprKind::PrimeVar(_) | ExprKind::Prime(_) | ExprKind::Unchanged(_) => ACTION,
        ExprKind::Enabled(_) => STATE,
        ExprKind::BoxAction(..) | ExprKind::AngleAction(..) => ACTION,
        ExprKind::Temporal(..) => TEMPORAL,
        ExprKind::Call(id, args) | ExprKind::CallLocal(id, args) => {
            op_level(prog, *id, memo).max(args_level(prog, args, memo))
        }
        ExprKind::RecFnApp(id, args, x) => op_level(prog, *id, memo)
            .max(args_level(prog, args, memo))
            .max(lvl(prog, x, memo)),
        ExprKind::CallParam(_, args) | ExprKind::CallConst(_, args) => args_level(prog, args, memo),
        ExprKind::BuiltinHo(_, args) => args_level(prog, args, memo),
        ExprKind::Builtin(_, xs)
        | ExprKind::And(xs)
        | ExprKind::Or(xs)
        | ExprKind::SetEnum(xs)
        | ExprKind::Tuple(xs)
        | ExprKind::Times(xs) => all(xs, memo),
        ExprKind::Not(a) | ExprKind::Dot(a, _) => lvl(prog, a, memo),
        ExprKind::Implies(a, b)
        | ExprKind::Equiv(a, b)
        | ExprKind::Eq(a, b)
        | ExprKind::In(a, b)
        | ExprKind::FnSet(a, b)
        | ExprKind::FnApp(a, b) => lvl(prog, a, memo).max(lvl(prog, b, memo)),
        ExprKind::If(a, b, c) => lvl(prog, a, memo)
            .max(lvl(prog, b, memo))
            .max(lvl(prog, c, memo)),
        ExprKind::Case(arms, other) => {
            let mut l = other.as_ref().map_or(CONSTANT, |o| lvl(prog, o, memo));
            for (g, b) in arms {
                l = l.max(lvl(prog, g, memo)).max(lvl(prog, b, memo));
            }
            l
        }
        ExprKind::Quant(_, bs, body) | ExprKind::SetMap(bs, body) | ExprKind::FnCons(bs, body) => {
            bounds(bs, memo).max(lvl(prog, body, memo))
        }
        ExprKind::Choose(b, body) | ExprKind::SetFilter(b, body) => {
            bounds(std::slice::from_ref(&**b), memo).max(lvl(prog, body, memo))
        }
        ExprKind::Record(fs) | ExprKind::RecordSet(fs) => fs
            .iter()
            .map(|(_, x)| lvl(prog, x, memo))
            .max()
            .unwrap_or(CONSTANT),
        ExprKind::Except(f, cs) => {
            let mut l = lvl(prog, f, memo);
            for c in cs {
                l = l.max(lvl(prog, &c.value, memo));
                for k in &c.path {
                    if let crate::ir::ExceptKey::Index(x) = k {
                        l = l.max(lvl(prog, x, memo));
                    }
                }
            }
            l
        }
    }
}
