//! Caching of closed constant sub-expressions.
//!
//! A sub-expression that reads no state variable, no slot of the frame it is written in and
//! no operator with an effect (`Print`, `TLCGet`, …) has the same value every time it is
//! evaluated: `0 .. N + 1`, `{-1, 0, 1} \X {-1, 0, 1}`, `[Pos -> BOOLEAN]`, `Proc \ {p0}`.
//! TLC evaluates such expressions once too. [`cache_closed`] wraps each maximal such
//! sub-expression of every operator body in an [`ExprKind::Cached`] node, which the
//! evaluator computes on first use, in place (so bound variables introduced inside the
//! expression land in the same frame slots as without the cache), and then reuses. A failed
//! evaluation is not cached, so an error is reported where and when it would be without the
//! cache.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use crate::builtins::Builtin;
use crate::ir::{Arg, Bound, ExceptKey, Expr, ExprKind, OpId, OpRef};
use crate::program::{ConstBinding, Program};

/// A closed constant expression and, once computed, its value.
#[derive(Debug)]
pub struct CachedExpr {
    /// The value, set by the first successful evaluation.
    pub cell: OnceLock<value::Value>,
    /// When the value is a set that a quantifier, `CHOOSE`, filter or `x' \in S` ranged
    /// over: its elements, enumerated once (the value itself may stay lazy, `1..N`, so it
    /// prints as TLC prints it).
    pub elems: OnceLock<std::sync::Arc<[value::Value]>>,
    /// The expression.
    pub expr: Expr,
}

/// Two cached expressions are equal when their expressions are: they have the same value.
impl PartialEq for CachedExpr {
    fn eq(&self, other: &CachedExpr) -> bool {
        self.expr == other.expr
    }
}

impl CachedExpr {
    /// A closed expression not evaluated yet.
    pub fn new(expr: Expr) -> CachedExpr {
        CachedExpr {
            cell: OnceLock::new(),
            elems: OnceLock::new(),
            expr,
        }
    }
}

impl Clone for CachedExpr {
    fn clone(&self) -> Self {
        CachedExpr {
            cell: self.cell.clone(),
            elems: self.elems.clone(),
            expr: self.expr.clone(),
        }
    }
}

/// Wraps the maximal closed constant sub-expressions of every operator body (and of every
/// function definition's domain) in [`ExprKind::Cached`].
pub(crate) fn cache_closed(prog: &mut Program) {
    let mut an = Analysis {
        prog,
        memo: HashMap::new(),
    };
    let n = an.prog.ops.len();
    let mut decisions: Vec<(Expr, Option<Vec<Bound>>)> = Vec::with_capacity(n);
    for i in 0..n {
        let op = an.prog.op(OpId(i as u32));
        let mut body = op.body.clone();
        let mut bounds = op.fn_bounds.clone();
        an.wrap(&mut body);
        if let Some(bs) = &mut bounds {
            for b in bs {
                if let Some(s) = &mut b.set {
                    an.wrap(s);
                }
            }
        }
        decisions.push((body, bounds));
    }
    for (i, (body, bounds)) in decisions.into_iter().enumerate() {
        let op = &mut prog.ops[i];
        op.body = body;
        op.fn_bounds = bounds;
    }
}

struct Analysis<'a> {
    prog: &'a Program,
    /// Whether a top-level operator's body (and domain) is closed given closed arguments.
    memo: HashMap<OpId, bool>,
}

/// Standard operators whose value is not a function of their arguments, or that print.
pub(crate) fn has_effect(b: Builtin) -> bool {
    matches!(
        b,
        Builtin::Print
            | Builtin::PrintT
            | Builtin::TlcGet
            | Builtin::TlcSet
            | Builtin::JavaTime
            | Builtin::RandomElement
    )
}

impl Analysis<'_> {
    /// Top-down: wraps `e` if it is closed and worth caching, otherwise its children.
    fn wrap(&mut self, e: &mut Expr) {
        if worth_caching(e) && self.closed(e, &mut Vec::new(), false) {
            let inner = std::mem::replace(
                e,
                Expr {
                    kind: ExprKind::Error,
                    span: e.span,
                },
            );
            e.kind = ExprKind::Cached(Arc::new(CachedExpr::new(inner)));
            return;
        }
        match &mut e.kind {
            // Enumeration reads these forms syntactically; they are action-level anyway.
            ExprKind::Unchanged(_)
            | ExprKind::Prime(_)
            | ExprKind::Enabled(_)
            | ExprKind::Temporal(..)
            | ExprKind::Cached(_) => {}
            _ => e.for_each_child_mut(&mut |c| self.wrap(c)),
        }
    }

    /// Whether a top-level operator is closed when applied to closed arguments.
    fn op_closed(&mut self, id: OpId) -> bool {
        if let Some(&c) = self.memo.get(&id) {
            return c;
        }
        // Recursive operators are assumed closed while their body is examined.
        self.memo.insert(id, true);
        let op = self.prog.op(id);
        let mut c = op.capture.is_none() && self.closed(&op.body, &mut Vec::new(), true);
        if let Some(bs) = &op.fn_bounds {
            for b in bs {
                if let Some(s) = &b.set {
                    c = c && self.closed(s, &mut Vec::new(), true);
                }
            }
        }
        self.memo.insert(id, c);
        c
    }

    /// Whether a LET operator's body is closed, inside an operator body whose frame is closed.
    fn local_closed(&mut self, id: OpId) -> bool {
        if let Some(&c) = self.memo.get(&id) {
            return c;
        }
        self.memo.insert(id, true);
        let op = self.prog.op(id);
        let mut c = self.closed(&op.body, &mut Vec::new(), true);
        if let Some(bs) = &op.fn_bounds {
            for b in bs {
                if let Some(s) = &b.set {
                    c = c && self.closed(s, &mut Vec::new(), true);
                }
            }
        }
        self.memo.insert(id, c);
        c
    }

    fn args_closed(&mut self, args: &[Arg], bound: &mut Vec<u32>, frame: bool) -> bool {
        args.iter().all(|a| match a {
            Arg::Expr(x) => self.closed(x, bound, frame),
            Arg::Op(OpRef::User(id)) => self.op_closed(*id),
            Arg::Op(OpRef::Builtin(b)) => !has_effect(*b),
            Arg::Op(OpRef::Const(c)) => self.const_closed(*c),
            Arg::Op(OpRef::Local(id)) => frame && self.local_closed(*id),
            Arg::Op(OpRef::Param(_)) => frame,
        })
    }

    fn const_closed(&mut self, c: crate::ir::ConstId) -> bool {
        match self.prog.const_values.get(c.0 as usize) {
            Some(Some(ConstBinding::Value(_))) => true,
            Some(Some(ConstBinding::Op(id))) => self.op_closed(*id),
            _ => false,
        }
    }

    fn bounds_closed(&mut self, bs: &[Bound], bound: &mut Vec<u32>, frame: bool) -> bool {
        for b in bs {
            match &b.set {
                Some(s) if self.closed(s, bound, frame) => {}
                _ => return false,
            }
        }
        for b in bs {
            bound.extend(b.first_slot..b.first_slot + b.names);
        }
        true
    }

    /// Whether `e` is closed: reads no variable and no effectful operator, and reads frame
    /// slots only when `frame` (inside an operator body) or when bound within `e` (`bound`).
    fn closed(&mut self, e: &Expr, bound: &mut Vec<u32>, frame: bool) -> bool {
        let mark = bound.len();
        let r = self.closed_inner(e, bound, frame);
        bound.truncate(mark);
        r
    }

    fn closed_inner(&mut self, e: &Expr, bound: &mut Vec<u32>, frame: bool) -> bool {
        match &e.kind {
            ExprKind::Lit(_) => true,
            ExprKind::Cached(_) => true,
            // What reads the state or the next state (`ExprKind::beyond_state`) is not
            // closed; those forms fall to the last arm.
            ExprKind::Var(_) => false,
            ExprKind::Local(s) => frame || bound.contains(s),
            ExprKind::Const(c) => self.const_closed(*c),
            ExprKind::Call(id, args) => self.op_closed(*id) && self.args_closed(args, bound, frame),
            ExprKind::CallLocal(id, args) => {
                frame && self.local_closed(*id) && self.args_closed(args, bound, frame)
            }
            ExprKind::CallParam(_, args) => frame && self.args_closed(args, bound, frame),
            ExprKind::CallConst(c, args) => {
                self.const_closed(*c) && self.args_closed(args, bound, frame)
            }
            ExprKind::RecFnApp(id, args, x) => {
                frame
                    && self.local_or_top_closed(*id)
                    && self.args_closed(args, bound, frame)
                    && self.closed(x, bound, frame)
            }
            ExprKind::Builtin(b, xs) => {
                !has_effect(*b) && xs.iter().all(|x| self.closed(x, bound, frame))
            }
            ExprKind::BuiltinHo(b, args) => !has_effect(*b) && self.args_closed(args, bound, frame),
            ExprKind::And(xs)
            | ExprKind::Or(xs)
            | ExprKind::SetEnum(xs)
            | ExprKind::Tuple(xs)
            | ExprKind::Times(xs) => xs.iter().all(|x| self.closed(x, bound, frame)),
            ExprKind::Not(a) | ExprKind::Dot(a, _) => self.closed(a, bound, frame),
            ExprKind::Implies(a, b)
            | ExprKind::Equiv(a, b)
            | ExprKind::Eq(a, b)
            | ExprKind::In(a, b)
            | ExprKind::FnSet(a, b)
            | ExprKind::FnApp(a, b) => self.closed(a, bound, frame) && self.closed(b, bound, frame),
            ExprKind::If(a, b, c) => {
                self.closed(a, bound, frame)
                    && self.closed(b, bound, frame)
                    && self.closed(c, bound, frame)
            }
            ExprKind::Case(arms, other) => {
                arms.iter()
                    .all(|(g, b)| self.closed(g, bound, frame) && self.closed(b, bound, frame))
                    && other.as_ref().is_none_or(|o| self.closed(o, bound, frame))
            }
            ExprKind::Quant(_, bs, body)
            | ExprKind::SetMap(bs, body)
            | ExprKind::FnCons(bs, body) => {
                self.bounds_closed(bs, bound, frame) && self.closed(body, bound, frame)
            }
            ExprKind::Choose(b, body) | ExprKind::SetFilter(b, body) => {
                self.bounds_closed(std::slice::from_ref(&**b), bound, frame)
                    && self.closed(body, bound, frame)
            }
            ExprKind::Record(fs) | ExprKind::RecordSet(fs) => {
                fs.iter().all(|(_, x)| self.closed(x, bound, frame))
            }
            ExprKind::Except(f, cs) => {
                if !self.closed(f, bound, frame) {
                    return false;
                }
                for c in cs {
                    for k in &c.path {
                        if let ExceptKey::Index(x) = k {
                            if !self.closed(x, bound, frame) {
                                return false;
                            }
                        }
                    }
                    bound.push(c.at_slot);
                    let ok = self.closed(&c.value, bound, frame);
                    bound.pop();
                    if !ok {
                        return false;
                    }
                }
                true
            }
            _ => false,
        }
    }

    fn local_or_top_closed(&mut self, id: OpId) -> bool {
        if self.prog.op(id).capture.is_some() {
            self.local_closed(id)
        } else {
            self.op_closed(id)
        }
    }
}

/// Whether caching `e` can save work: literals, constants and already cached definitions
/// are cheap, and the empty tuple is read syntactically by enumeration (`UNCHANGED <<>>`).
fn worth_caching(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Lit(_) | ExprKind::Const(_) | ExprKind::Cached(_) | ExprKind::Error => false,
        ExprKind::Tuple(xs) => !xs.is_empty(),
        _ => true,
    }
}
