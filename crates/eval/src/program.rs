//! A lowered specification: every operator of the root module and of the modules it
//! extends and instantiates, its state variables and constants.

use std::collections::HashMap;
use std::sync::OnceLock;

use source::Span;
use value::Value;

use crate::builtins::Builtin;
use crate::ir::{Arg, ConstId, Expr, ExprKind, OpDef, OpId, OpRef};

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
    /// Values of constant-level zero-argument definitions, computed once on first use
    /// (TLC evaluates such definitions once, too). Empty until [`Program::cache_constants`].
    pub(crate) const_cache: Vec<Option<OnceLock<Value>>>,
    /// For each operator: whether it is a zero-argument LET definition whose value depends on
    /// nothing but the current state and the frame it captures (at most state level, no
    /// effects), so that an evaluation may remember it (see `Ctx::let_memo`). Empty until
    /// [`Program::cache_constants`].
    pub(crate) let_memo: Vec<bool>,
    /// For each operator: whether it is a [`Program::let_memo`] definition of constant
    /// level (it reads nothing but the frame it captures), which a thread may remember
    /// across contexts (see `eval::const_lets`). Empty until [`Program::cache_constants`].
    pub(crate) let_constant: Vec<bool>,
    /// A number given to this program when its constants were bound, never to another
    /// program of this process (it keys what threads remember of it).
    pub(crate) number: u64,
    /// For each operator that is a constant-level top-level function definition
    /// `f[x \in S] == e` with no effects: the whole function, built on first application
    /// (`None` inside when it cannot be built, e.g. over an infinite domain; it is then
    /// applied point by point). Empty until [`Program::cache_constants`].
    pub(crate) fn_cache: Vec<Option<OnceLock<Option<Value>>>>,
    /// For each operator: whether it is a top-level function definition `f[x \in S] == e`
    /// with no effects, at most state level, whose points an evaluation may remember (see
    /// `Ctx::fn_points`). Empty until [`Program::cache_constants`].
    pub(crate) fn_memo: Vec<bool>,
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

impl Program {
    /// Replaces every use of a standard operator by a call of a user operator (a cfg
    /// `Nat <- MyNat`). Returns whether the operator was used at all.
    pub fn replace_builtin(&mut self, b: Builtin, target: OpId) -> bool {
        let mut used = false;
        for (i, op) in self.ops.iter_mut().enumerate() {
            if i == target.0 as usize {
                continue;
            }
            let mut visit = |e: &mut Expr| {
                if let ExprKind::Builtin(b2, args) = &mut e.kind {
                    if *b2 == b {
                        let xs = std::mem::take(args).into_iter().map(Arg::Expr).collect();
                        e.kind = ExprKind::Call(target, xs);
                        used = true;
                    }
                }
                let args = match &mut e.kind {
                    ExprKind::Call(_, xs)
                    | ExprKind::CallLocal(_, xs)
                    | ExprKind::CallParam(_, xs)
                    | ExprKind::CallConst(_, xs)
                    | ExprKind::BuiltinHo(_, xs)
                    | ExprKind::RecFnApp(_, xs, _) => Some(xs),
                    _ => None,
                };
                for a in args.into_iter().flatten() {
                    if let Arg::Op(OpRef::Builtin(b2)) = a {
                        if *b2 == b {
                            *a = Arg::Op(OpRef::User(target));
                            used = true;
                        }
                    }
                }
            };
            op.body.walk_mut(&mut visit);
            if let Some(bs) = &mut op.fn_bounds {
                for bd in bs {
                    if let Some(s) = &mut bd.set {
                        s.walk_mut(&mut visit);
                    }
                }
            }
        }
        for a in &mut self.assumes {
            a.expr.walk_mut(&mut |e: &mut Expr| {
                if let ExprKind::Builtin(b2, args) = &mut e.kind {
                    if *b2 == b {
                        let xs = std::mem::take(args).into_iter().map(Arg::Expr).collect();
                        e.kind = ExprKind::Call(target, xs);
                    }
                }
            });
        }
        used
    }
}

impl Program {
    /// The level of a call of operator `id` with no arguments (the operator's own level).
    fn call_level(&self, id: OpId) -> u8 {
        crate::level::level(
            self,
            &Expr {
                kind: ExprKind::Call(id, Vec::new()),
                span: self.op(id).span,
            },
        )
    }

    /// Marks the constant-level zero-argument definitions so that each is evaluated once,
    /// then wraps the closed constant sub-expressions for caching and compiles the conditions
    /// that have a fast form (see the `eval::fast` module). Call after the configuration is
    /// bound (constants and overrides are final).
    pub fn cache_constants(&mut self) {
        let mut cache = Vec::with_capacity(self.ops.len());
        for op in &self.ops {
            // LET definitions qualify when their body reads nothing of the enclosing frame.
            let eligible = op.params.is_empty()
                && op.fn_bounds.is_none()
                && (op.capture.is_none() || !reads_frame(&op.body));
            let constant = eligible
                && self.call_level(OpId(cache.len() as u32)) == crate::level::CONSTANT
                && !uses_effects(&op.body);
            cache.push(constant.then(OnceLock::new));
        }
        self.const_cache = cache;
        self.override_community_operators();
        // Each LET definition that may be remembered, with whether it is of constant level.
        let memo: Vec<Option<bool>> = (0..self.ops.len())
            .map(|i| {
                let op = &self.ops[i];
                let eligible = op.capture.is_some()
                    && op.params.is_empty()
                    && op.fn_bounds.is_none()
                    && self.const_cache[i].is_none()
                    && !uses_effects(&op.body);
                let level = eligible.then(|| self.call_level(OpId(i as u32)));
                level
                    .filter(|&l| l <= crate::level::STATE)
                    .map(|l| l == crate::level::CONSTANT)
            })
            .collect();
        self.let_memo = memo.iter().map(Option::is_some).collect();
        self.let_constant = memo.iter().map(|m| *m == Some(true)).collect();
        static NUMBERS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        self.number = NUMBERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        // Top-level function definitions `f[x \in S] == e` with no parameters and no
        // effects, with their levels: built whole when constant, remembered point by point
        // per context when they read the state.
        let fn_levels: Vec<Option<u8>> = (0..self.ops.len())
            .map(|i| {
                let op = &self.ops[i];
                (op.fn_bounds.is_some()
                    && op.params.is_empty()
                    && op.capture.is_none()
                    && !uses_effects(&op.body))
                .then(|| self.call_level(OpId(i as u32)))
            })
            .collect();
        self.fn_cache = fn_levels
            .iter()
            .map(|l| (*l == Some(crate::level::CONSTANT)).then(OnceLock::new))
            .collect();
        self.fn_memo = fn_levels
            .iter()
            .map(|l| l.is_some_and(|l| l <= crate::level::STATE))
            .collect();
        crate::eval::cache::cache_closed(self);
        // Compiled from the bodies as they are before any is wrapped (a LET definition's
        // body may be read in place by the conditions that use it).
        let wrapped: Vec<(Expr, Option<Vec<crate::ir::Bound>>)> = self
            .ops
            .iter()
            .map(|op| {
                let mut body = op.body.clone();
                crate::eval::fast::wrap_conditions(self, &mut body);
                let mut bounds = op.fn_bounds.clone();
                for b in bounds.iter_mut().flatten() {
                    if let Some(s) = &mut b.set {
                        crate::eval::fast::wrap_conditions(self, s);
                    }
                }
                (body, bounds)
            })
            .collect();
        for (op, (body, bounds)) in self.ops.iter_mut().zip(wrapped) {
            op.body = body;
            op.fn_bounds = bounds;
        }
    }
}

/// Whether an expression calls an operator whose result may differ between evaluations
/// (TLCGet) — such definitions are not cached.
fn uses_effects(e: &Expr) -> bool {
    let mut found = false;
    let mut e = e.clone();
    e.walk_mut(&mut |x: &mut Expr| {
        if let ExprKind::Builtin(b, _) = &x.kind {
            if matches!(
                b,
                Builtin::TlcGet | Builtin::JavaTime | Builtin::RandomElement
            ) {
                found = true;
            }
        }
    });
    found
}

/// Whether an expression reads frame slots (bound variables, parameters, LET operators).
fn reads_frame(e: &Expr) -> bool {
    let mut found = false;
    let mut e = e.clone();
    e.walk_mut(&mut |x: &mut Expr| {
        let args = match &x.kind {
            ExprKind::Local(_)
            | ExprKind::CallLocal(..)
            | ExprKind::CallParam(..)
            | ExprKind::RecFnApp(..) => {
                found = true;
                None
            }
            ExprKind::Call(_, a) | ExprKind::CallConst(_, a) | ExprKind::BuiltinHo(_, a) => Some(a),
            _ => None,
        };
        for a in args.into_iter().flatten() {
            if let Arg::Op(OpRef::Local(_) | OpRef::Param(_)) = a {
                found = true;
            }
        }
    });
    found
}

impl Program {
    /// Replaces the TLA+ definition of `MapThenFoldSet` in a module named `Folds` (the
    /// community module behind `FoldSet`, `FoldFunction`, `SumSet` …, which specs copy beside
    /// themselves) by the native operator [`Builtin::MapThenFoldSet`], which computes the same
    /// value without a recursive function over `SUBSET S`. Only a definition with the
    /// community module's exact signature `MapThenFoldSet(op(_,_), base, f(_), choose(_), S)`
    /// is replaced.
    ///
    /// `FoldFunctionOnSet(op(_,_), base, fun, indices)` and `FoldFunction(op(_,_), base, fun)`
    /// of a module named `Functions`, defined there by a call of `MapThenFoldSet` with
    /// `LAMBDA i : fun[i]`, are replaced by [`Builtin::FoldFunctionOnSet`] and
    /// [`Builtin::FoldFunction`], which apply `fun` without those LAMBDAs; the definition is
    /// kept as their last argument and evaluated where they cannot (see
    /// `Ctx::fold_function`).
    fn override_community_operators(&mut self) {
        let calls_map_then_fold_set: Vec<bool> = (self.ops.iter())
            .map(|op| match &op.body.kind {
                ExprKind::Call(id, args) => {
                    let callee = self.op(*id);
                    callee.name == "MapThenFoldSet" && callee.module == "Folds" && args.len() == 5
                }
                _ => false,
            })
            .collect();
        for (i, op) in self.ops.iter_mut().enumerate() {
            let fold = match (op.name.as_str(), op.params.as_slice()) {
                ("FoldFunctionOnSet", [2, 0, 0, 0]) => Some(Builtin::FoldFunctionOnSet),
                ("FoldFunction", [2, 0, 0]) => Some(Builtin::FoldFunction),
                _ => None,
            };
            if let Some(b) = fold.filter(|_| {
                op.module == "Functions"
                    && calls_map_then_fold_set[i]
                    && op.capture.is_none()
                    && op.fn_bounds.is_none()
            }) {
                let span = op.body.span;
                let mut args = vec![Arg::Op(OpRef::Param(0))];
                args.extend((1..op.params.len() as u32).map(|slot| {
                    Arg::Expr(Expr {
                        kind: ExprKind::Local(slot),
                        span,
                    })
                }));
                args.push(Arg::Expr(op.body.clone()));
                op.body = Expr {
                    kind: ExprKind::BuiltinHo(b, args),
                    span,
                };
            }
        }
        for op in &mut self.ops {
            if op.module == "Folds"
                && op.name == "MapThenFoldSet"
                && op.params == [2, 0, 1, 1, 0]
                && op.capture.is_none()
                && op.fn_bounds.is_none()
            {
                let span = op.body.span;
                let value = |slot: u32| {
                    Arg::Expr(Expr {
                        kind: ExprKind::Local(slot),
                        span,
                    })
                };
                let args = vec![
                    Arg::Op(OpRef::Param(0)),
                    value(1),
                    Arg::Op(OpRef::Param(2)),
                    Arg::Op(OpRef::Param(3)),
                    value(4),
                ];
                op.body = Expr {
                    kind: ExprKind::BuiltinHo(Builtin::MapThenFoldSet, args),
                    span,
                };
            }
        }
    }
}
