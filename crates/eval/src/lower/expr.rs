//! Lowering of expressions: binders, operator applications (with arity checks), the
//! forms with their own IR node (logic, equality, membership, prime, temporal), LET.

use source::Span;
use syntax::ast;
use value::{Str, Value};

use super::{mk, LocalB, Lowerer, ModScope, Resolved};
use crate::builtins::{self, Builtin};
use crate::ir::{
    Arg, Bound, ExceptClause, ExceptKey, Expr, ExprKind, OpDef, OpId, OpRef, Temporal,
};

impl Lowerer<'_> {
    pub(super) fn lower_bounds(&mut self, bounds: &[ast::Bound], scope: &ModScope) -> Vec<Bound> {
        // Sets are lowered before any of the names is bound.
        let sets: Vec<Option<Box<Expr>>> = bounds
            .iter()
            .map(|b| b.set.as_ref().map(|s| Box::new(self.lower_expr(s, scope))))
            .collect();
        let mut out = Vec::new();
        for (b, set) in bounds.iter().zip(sets) {
            let (names, tuple) = match &b.pattern {
                ast::BoundPattern::Names(n) => (n, false),
                ast::BoundPattern::Tuple(n) => (n, true),
            };
            let first = self.depth;
            for n in names {
                self.locals.push((n.name.clone(), LocalB::Val(self.depth)));
                self.depth += 1;
            }
            out.push(Bound {
                names: names.len() as u32,
                tuple,
                first_slot: first,
                set,
            });
        }
        out
    }

    pub(super) fn unbind(&mut self, bounds: &[Bound]) {
        let n: u32 = bounds.iter().map(|b| b.names).sum();
        self.locals.truncate(self.locals.len() - n as usize);
        self.depth -= n;
    }

    pub(super) fn lower_args(&mut self, args: &[ast::Expr], scope: &ModScope) -> Vec<Expr> {
        args.iter().map(|a| self.lower_expr(a, scope)).collect()
    }

    pub(super) fn lower_call_args(
        &mut self,
        params: &[u32],
        args: &[ast::Expr],
        scope: &ModScope,
    ) -> Vec<Arg> {
        args.iter()
            .zip(params.iter())
            .map(|(a, &ar)| {
                if ar == 0 {
                    Arg::Expr(self.lower_expr(a, scope))
                } else {
                    match self.lower_op_arg(a, scope) {
                        Some(op) if self.op_ref_arity(&op).is_some_and(|n| n != ar) => {
                            self.error(
                                "arity-mismatch",
                                format!(
                                    "The operator argument takes {} arguments, but the parameter expects {ar}.",
                                    self.op_ref_arity(&op).unwrap_or(0)
                                ),
                                a.span,
                            );
                            Arg::Expr(mk(ExprKind::Error, a.span))
                        }
                        Some(op) => Arg::Op(op),
                        None => Arg::Expr(mk(ExprKind::Error, a.span)),
                    }
                }
            })
            .collect()
    }

    /// The number of arguments an operator argument takes, when known.
    pub(super) fn op_ref_arity(&self, op: &OpRef) -> Option<u32> {
        match op {
            OpRef::User(id) | OpRef::Local(id) => Some(self.prog.op(*id).params.len() as u32),
            OpRef::Builtin(b) => Some(builtins::arity(*b)),
            OpRef::Const(c) => Some(self.prog.consts[c.0 as usize].arity),
            OpRef::Param(_) => None,
        }
    }

    pub(super) fn arity_error(&mut self, name: &str, expected: u32, got: usize, span: Span) {
        self.error(
            "arity-mismatch",
            format!("The operator {name} requires {expected} arguments, but {got} were given."),
            span,
        );
    }

    pub(super) fn lower_expr(&mut self, e: &ast::Expr, scope: &ModScope) -> Expr {
        let span = e.span;
        let kind = match &e.kind {
            ast::ExprKind::OpApp { path, name, args } => {
                return self.lower_opapp(path, name, args, span, scope)
            }
            ast::ExprKind::Num(n) => match n.parse::<i64>() {
                Ok(v) => ExprKind::Lit(Value::Int(v)),
                Err(_) => {
                    self.error(
                        "integer-overflow",
                        format!("The number {n} is too large."),
                        span,
                    );
                    ExprKind::Error
                }
            },
            ast::ExprKind::Decimal(_) => {
                self.error("unsupported", "TLC cannot handle real numbers.", span);
                ExprKind::Error
            }
            ast::ExprKind::Str(s) => ExprKind::Lit(Value::Str(Str::new(s))),
            ast::ExprKind::Bool(b) => ExprKind::Lit(Value::Bool(*b)),
            ast::ExprKind::SetEnum(items) => ExprKind::SetEnum(self.lower_args(items, scope)),
            ast::ExprKind::SetFilter { bound, pred } => {
                let mut bs = self.lower_bounds(std::slice::from_ref(bound), scope);
                let p = self.lower_expr(pred, scope);
                self.unbind(&bs);
                ExprKind::SetFilter(Box::new(bs.remove(0)), Box::new(p))
            }
            ast::ExprKind::SetMap { body, bounds } => {
                let bs = self.lower_bounds(bounds, scope);
                let b = self.lower_expr(body, scope);
                self.unbind(&bs);
                ExprKind::SetMap(bs, Box::new(b))
            }
            ast::ExprKind::Tuple(items) => ExprKind::Tuple(self.lower_args(items, scope)),
            ast::ExprKind::Times(items) => ExprKind::Times(self.lower_args(items, scope)),
            ast::ExprKind::Record(fields) => ExprKind::Record(
                fields
                    .iter()
                    .map(|(n, x)| (Str::new(&n.name), self.lower_expr(x, scope)))
                    .collect(),
            ),
            ast::ExprKind::RecordSet(fields) => ExprKind::RecordSet(
                fields
                    .iter()
                    .map(|(n, x)| (Str::new(&n.name), self.lower_expr(x, scope)))
                    .collect(),
            ),
            ast::ExprKind::FnCons { bounds, body } => {
                let bs = self.lower_bounds(bounds, scope);
                let b = self.lower_expr(body, scope);
                self.unbind(&bs);
                ExprKind::FnCons(bs, Box::new(b))
            }
            ast::ExprKind::FnSet(a, b) => ExprKind::FnSet(
                Box::new(self.lower_expr(a, scope)),
                Box::new(self.lower_expr(b, scope)),
            ),
            ast::ExprKind::FnApp(f, args) => {
                let arg = if args.len() == 1 {
                    self.lower_expr(&args[0], scope)
                } else {
                    mk(ExprKind::Tuple(self.lower_args(args, scope)), span)
                };
                let fl = self.lower_expr(f, scope);
                match fl.kind {
                    ExprKind::Call(id, cargs) if self.prog.op(id).fn_bounds_pending() => {
                        ExprKind::RecFnApp(id, cargs, Box::new(arg))
                    }
                    ExprKind::CallLocal(id, cargs) if self.prog.op(id).fn_bounds_pending() => {
                        ExprKind::RecFnApp(id, cargs, Box::new(arg))
                    }
                    k => ExprKind::FnApp(Box::new(mk(k, fl.span)), Box::new(arg)),
                }
            }
            ast::ExprKind::Dot(r, f) => {
                ExprKind::Dot(Box::new(self.lower_expr(r, scope)), Str::new(&f.name))
            }
            ast::ExprKind::Except(f, clauses) => {
                let fl = self.lower_expr(f, scope);
                let mut cs = Vec::new();
                for c in clauses {
                    let path = c
                        .path
                        .iter()
                        .map(|k| match k {
                            ast::ExceptKey::Index(x) => ExceptKey::Index(self.lower_expr(x, scope)),
                            ast::ExceptKey::Field(n) => ExceptKey::Field(Str::new(&n.name)),
                        })
                        .collect();
                    let at_slot = self.depth;
                    self.locals.push(("@".to_string(), LocalB::Val(at_slot)));
                    self.depth += 1;
                    let value = self.lower_expr(&c.value, scope);
                    self.locals.pop();
                    self.depth -= 1;
                    cs.push(ExceptClause {
                        path,
                        value,
                        at_slot,
                    });
                }
                ExprKind::Except(Box::new(fl), cs)
            }
            ast::ExprKind::At => match self.lookup_local("@") {
                Some(LocalB::Val(s)) => ExprKind::Local(s),
                _ => {
                    self.error("misplaced-at", "@ used outside an EXCEPT value.", span);
                    ExprKind::Error
                }
            },
            ast::ExprKind::If(c, a, b) => ExprKind::If(
                Box::new(self.lower_expr(c, scope)),
                Box::new(self.lower_expr(a, scope)),
                Box::new(self.lower_expr(b, scope)),
            ),
            ast::ExprKind::Case(arms, other) => ExprKind::Case(
                arms.iter()
                    .map(|a| {
                        (
                            self.lower_expr(&a.guard, scope),
                            self.lower_expr(&a.body, scope),
                        )
                    })
                    .collect(),
                other.as_ref().map(|o| Box::new(self.lower_expr(o, scope))),
            ),
            ast::ExprKind::Let(units, body) => return self.lower_let(units, body, scope),
            ast::ExprKind::Quant(q, bounds, body) => {
                let bs = self.lower_bounds(bounds, scope);
                let b = self.lower_expr(body, scope);
                self.unbind(&bs);
                ExprKind::Quant(*q == ast::Quantifier::Forall, bs, Box::new(b))
            }
            ast::ExprKind::TemporalQuant(_, _, _) => ExprKind::Temporal(Temporal::Other, vec![]),
            ast::ExprKind::Choose(bound, body) => {
                let mut bs = self.lower_bounds(std::slice::from_ref(bound), scope);
                let b = self.lower_expr(body, scope);
                self.unbind(&bs);
                ExprKind::Choose(Box::new(bs.remove(0)), Box::new(b))
            }
            ast::ExprKind::Junction(j, items) => {
                let xs = self.lower_args(items, scope);
                if xs.len() == 1 {
                    return xs.into_iter().next().expect("one item");
                }
                match j {
                    ast::Junction::And => ExprKind::And(xs),
                    ast::Junction::Or => ExprKind::Or(xs),
                }
            }
            ast::ExprKind::BoxAction(a, v) => ExprKind::BoxAction(
                Box::new(self.lower_expr(a, scope)),
                Box::new(self.lower_expr(v, scope)),
            ),
            ast::ExprKind::AngleAction(a, v) => ExprKind::AngleAction(
                Box::new(self.lower_expr(a, scope)),
                Box::new(self.lower_expr(v, scope)),
            ),
            ast::ExprKind::WeakFair(v, a) => ExprKind::Temporal(
                Temporal::WeakFair,
                vec![self.lower_expr(v, scope), self.lower_expr(a, scope)],
            ),
            ast::ExprKind::StrongFair(v, a) => ExprKind::Temporal(
                Temporal::StrongFair,
                vec![self.lower_expr(v, scope), self.lower_expr(a, scope)],
            ),
            ast::ExprKind::Lambda(_, _) => {
                self.error(
                    "misplaced-lambda",
                    "A LAMBDA may only be an argument of an operator.",
                    span,
                );
                ExprKind::Error
            }
            ast::ExprKind::Label(_, inner) | ast::ExprKind::Paren(inner) => {
                return self.lower_expr(inner, scope)
            }
            ast::ExprKind::Error => ExprKind::Error,
        };
        mk(kind, span)
    }

    pub(super) fn lower_let(
        &mut self,
        units: &[ast::Unit],
        body: &ast::Expr,
        scope: &ModScope,
    ) -> Expr {
        let mark = self.locals.len();
        let depth = self.depth;
        // Allocate every definition first so they may refer to each other (RECURSIVE).
        let mut ids = Vec::new();
        for u in units {
            let (name, span, params): (&ast::Ident, Span, Vec<u32>) = match u {
                ast::Unit::OpDef(d) => (
                    &d.name,
                    d.span,
                    d.params.iter().map(|p| p.arity as u32).collect(),
                ),
                ast::Unit::FnDef(d) => (&d.name, d.span, Vec::new()),
                ast::Unit::Recursive(_) => continue,
                ast::Unit::ModuleDef(md) if md.params.is_empty() => {
                    let ctx = self.ctx.clone().expect("lowering inside a module");
                    if let Some(t) = self.instantiate(&md.instance, &ctx, 0, scope) {
                        self.locals
                            .push((md.name.name.clone(), LocalB::Instance(t, 0)));
                    }
                    continue;
                }
                other => {
                    let sp = match other {
                        ast::Unit::Instance(i) => i.span,
                        ast::Unit::ModuleDef(m) => m.span,
                        _ => body.span,
                    };
                    self.error(
                        "unsupported",
                        "This kind of definition is not supported in LET.",
                        sp,
                    );
                    continue;
                }
            };
            let id = OpId(self.prog.ops.len() as u32);
            self.prog.ops.push(OpDef {
                name: name.name.clone(),
                module: self.module.clone(),
                params: params.clone(),
                body: mk(ExprKind::Error, span),
                span,
                capture: Some(depth),
                fn_bounds: None,
            });
            self.locals
                .push((name.name.clone(), LocalB::LetOp(id, params.len() as u32)));
            ids.push(id);
        }
        let mut i = 0;
        for u in units {
            match u {
                ast::Unit::OpDef(d) => {
                    let id = ids[i];
                    i += 1;
                    let m2 = self.locals.len();
                    for p in &d.params {
                        self.push_param(p);
                    }
                    let b = self.lower_expr(&d.body, scope);
                    self.locals.truncate(m2);
                    self.depth = depth;
                    self.prog.ops[id.0 as usize].body = b;
                }
                ast::Unit::FnDef(d) => {
                    let id = ids[i];
                    i += 1;
                    // Mark as a function definition before lowering so that `f[x]` in its
                    // own body is recognised.
                    self.prog.ops[id.0 as usize].fn_bounds = Some(Vec::new());
                    let bs = self.lower_bounds(&d.bounds, scope);
                    let b = self.lower_expr(&d.body, scope);
                    self.unbind(&bs);
                    let op = &mut self.prog.ops[id.0 as usize];
                    op.body = b;
                    op.fn_bounds = Some(bs);
                }
                _ => {}
            }
        }
        let b = self.lower_expr(body, scope);
        self.locals.truncate(mark);
        self.depth = depth;
        b
    }

    pub(super) fn lower_opapp(
        &mut self,
        path: &[ast::PathSeg],
        name: &ast::Ident,
        args: &[ast::Expr],
        span: Span,
        scope: &ModScope,
    ) -> Expr {
        if path.is_empty() {
            if let Some(e) = self.lower_special(&name.name, args, span, scope) {
                return e;
            }
        }
        if !path.is_empty() {
            let Some((r, pre)) = self.resolve_path(path, &name.name, name.span, scope) else {
                return mk(ExprKind::Error, span);
            };
            return self.apply_resolved(r, Some(pre), &name.name, args, span, scope);
        }
        match self.lookup_local(&name.name) {
            Some(LocalB::Instance(..)) => {
                self.error(
                    "undefined-operator",
                    format!("{} is a module instance, not an operator.", name.name),
                    span,
                );
                return mk(ExprKind::Error, span);
            }
            Some(LocalB::Val(s)) => {
                if !args.is_empty() {
                    self.arity_error(&name.name, 0, args.len(), span);
                    return mk(ExprKind::Error, span);
                }
                return mk(ExprKind::Local(s), span);
            }
            Some(LocalB::OpParam(s, a)) => {
                if args.len() as u32 != a {
                    self.arity_error(&name.name, a, args.len(), span);
                    return mk(ExprKind::Error, span);
                }
                let xs = args
                    .iter()
                    .map(|x| Arg::Expr(self.lower_expr(x, scope)))
                    .collect();
                return mk(ExprKind::CallParam(s, xs), span);
            }
            Some(LocalB::LetOp(id, a)) => {
                if args.len() as u32 != a {
                    self.arity_error(&name.name, a, args.len(), span);
                    return mk(ExprKind::Error, span);
                }
                let params = self.prog.op(id).params.clone();
                let xs = self.lower_call_args(&params, args, scope);
                return mk(ExprKind::CallLocal(id, xs), span);
            }
            None => {}
        }
        match self.resolve_global(&name.name, scope) {
            Some(r) => self.apply_resolved(r, None, &name.name, args, span, scope),
            None => {
                self.error(
                    "undefined-operator",
                    format!("Unknown operator: `{}'.", name.name),
                    name.span,
                );
                mk(ExprKind::Error, span)
            }
        }
    }

    pub(super) fn apply_resolved(
        &mut self,
        r: Resolved,
        pre: Option<Vec<Arg>>,
        name: &str,
        args: &[ast::Expr],
        span: Span,
        scope: &ModScope,
    ) -> Expr {
        let kind = match r {
            Resolved::Var(s) => {
                if !args.is_empty() {
                    self.arity_error(name, 0, args.len(), span);
                    return mk(ExprKind::Error, span);
                }
                ExprKind::Var(s)
            }
            Resolved::Const(c, a) => {
                if args.len() as u32 != a {
                    self.arity_error(name, a, args.len(), span);
                    return mk(ExprKind::Error, span);
                }
                if a == 0 {
                    ExprKind::Const(c)
                } else {
                    let xs = args
                        .iter()
                        .map(|x| Arg::Expr(self.lower_expr(x, scope)))
                        .collect();
                    ExprKind::CallConst(c, xs)
                }
            }
            Resolved::Op {
                id, arity, prefix, ..
            } => {
                if args.len() as u32 != arity {
                    self.arity_error(name, arity, args.len(), span);
                    return mk(ExprKind::Error, span);
                }
                let mut xs = pre.unwrap_or_else(|| self.prefix_args(prefix, span));
                let params = self.prog.op(id).params.clone();
                let own = &params[params.len() - arity as usize..];
                xs.extend(self.lower_call_args(own, args, scope));
                ExprKind::Call(id, xs)
            }
            Resolved::Builtin(a, b) => {
                if args.len() as u32 != a {
                    self.arity_error(name, a, args.len(), span);
                    return mk(ExprKind::Error, span);
                }
                match b {
                    Builtin::SelectSeq | Builtin::SortSeq => {
                        let s = Arg::Expr(self.lower_expr(&args[0], scope));
                        let op = match self.lower_op_arg(&args[1], scope) {
                            Some(o) => Arg::Op(o),
                            None => return mk(ExprKind::Error, span),
                        };
                        ExprKind::BuiltinHo(b, vec![s, op])
                    }
                    Builtin::BagOfAll => {
                        let op = match self.lower_op_arg(&args[0], scope) {
                            Some(o) => Arg::Op(o),
                            None => return mk(ExprKind::Error, span),
                        };
                        let s = Arg::Expr(self.lower_expr(&args[1], scope));
                        ExprKind::BuiltinHo(b, vec![op, s])
                    }
                    _ => ExprKind::Builtin(b, self.lower_args(args, scope)),
                }
            }
            Resolved::Subst(e) => {
                if !args.is_empty() {
                    self.arity_error(name, 0, args.len(), span);
                    return mk(ExprKind::Error, span);
                }
                return e;
            }
            Resolved::SubstOp(op, a) => {
                if args.len() as u32 != a {
                    self.arity_error(name, a, args.len(), span);
                    return mk(ExprKind::Error, span);
                }
                let xs: Vec<Arg> = args
                    .iter()
                    .map(|x| Arg::Expr(self.lower_expr(x, scope)))
                    .collect();
                match op {
                    OpRef::User(id) => ExprKind::Call(id, xs),
                    OpRef::Local(id) => ExprKind::CallLocal(id, xs),
                    OpRef::Param(s) => ExprKind::CallParam(s, xs),
                    OpRef::Const(c) => ExprKind::CallConst(c, xs),
                    OpRef::Builtin(b) => ExprKind::Builtin(
                        b,
                        xs.into_iter()
                            .map(|a| match a {
                                Arg::Expr(e) => e,
                                Arg::Op(_) => mk(ExprKind::Error, span),
                            })
                            .collect(),
                    ),
                }
            }
            Resolved::Instance(..) => {
                self.error(
                    "undefined-operator",
                    format!("{name} is a module instance, not an operator."),
                    span,
                );
                ExprKind::Error
            }
        };
        mk(kind, span)
    }

    /// Operators with their own IR forms (logic, equality, membership, prime, temporal).
    pub(super) fn lower_special(
        &mut self,
        name: &str,
        args: &[ast::Expr],
        span: Span,
        scope: &ModScope,
    ) -> Option<Expr> {
        let n = args.len();
        let one = |l: &mut Self| Box::new(l.lower_expr(&args[0], scope));
        let kind = match (name, n) {
            ("/\\" | "\\land", 2) => {
                let a = self.lower_expr(&args[0], scope);
                let b = self.lower_expr(&args[1], scope);
                let mut xs = Vec::new();
                for x in [a, b] {
                    match x.kind {
                        ExprKind::And(ys) => xs.extend(ys),
                        k => xs.push(mk(k, x.span)),
                    }
                }
                ExprKind::And(xs)
            }
            ("\\/" | "\\lor", 2) => {
                let a = self.lower_expr(&args[0], scope);
                let b = self.lower_expr(&args[1], scope);
                let mut xs = Vec::new();
                for x in [a, b] {
                    match x.kind {
                        ExprKind::Or(ys) => xs.extend(ys),
                        k => xs.push(mk(k, x.span)),
                    }
                }
                ExprKind::Or(xs)
            }
            ("~" | "\\lnot" | "\\neg", 1) => ExprKind::Not(one(self)),
            ("=>", 2) => {
                let a = one(self);
                ExprKind::Implies(a, Box::new(self.lower_expr(&args[1], scope)))
            }
            ("<=>" | "\\equiv", 2) => {
                let a = one(self);
                ExprKind::Equiv(a, Box::new(self.lower_expr(&args[1], scope)))
            }
            ("=", 2) => {
                let a = one(self);
                ExprKind::Eq(a, Box::new(self.lower_expr(&args[1], scope)))
            }
            // `a # b` is `~(a = b)`: one form, so that both read held values in place.
            ("#" | "/=", 2) => {
                let a = one(self);
                let eq = ExprKind::Eq(a, Box::new(self.lower_expr(&args[1], scope)));
                ExprKind::Not(Box::new(mk(eq, span)))
            }
            ("\\in", 2) => {
                let a = one(self);
                ExprKind::In(a, Box::new(self.lower_expr(&args[1], scope)))
            }
            ("'", 1) => {
                let a = self.lower_expr(&args[0], scope);
                match a.kind {
                    ExprKind::Var(s) => ExprKind::PrimeVar(s),
                    k => ExprKind::Prime(Box::new(mk(k, a.span))),
                }
            }
            ("UNCHANGED", 1) => ExprKind::Unchanged(one(self)),
            ("ENABLED", 1) => ExprKind::Enabled(one(self)),
            ("[]", 1) => ExprKind::Temporal(Temporal::Always, vec![*one(self)]),
            ("<>", 1) => ExprKind::Temporal(Temporal::Eventually, vec![*one(self)]),
            ("~>", 2) => {
                let a = *one(self);
                ExprKind::Temporal(Temporal::LeadsTo, vec![a, self.lower_expr(&args[1], scope)])
            }
            ("-+->", 2) | ("\\cdot", 2) => {
                self.lower_args(args, scope);
                ExprKind::Temporal(Temporal::Other, vec![])
            }
            _ => return None,
        };
        Some(mk(kind, span))
    }
}
