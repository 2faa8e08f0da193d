//! Evaluation of each expression form (the big match of the evaluator), EXCEPT paths, and
//! the standard operators that take operator arguments.

use std::sync::Arc;

use value::Value;

use super::{Ctx, OpVal, Slot};
use crate::builtins::{self, Builtin};
use crate::error::{err, EvalError, EvalResult};
use crate::ir::{Arg, ExceptKey, Expr, ExprKind, Temporal};
use crate::vals::{self, display};

/// The pattern of the forms [`Ctx::bool_form`] computes.
macro_rules! bool_forms {
    () => {
        ExprKind::Builtin(Builtin::NotIn, _)
            | ExprKind::Not(_)
            | ExprKind::And(_)
            | ExprKind::Or(_)
            | ExprKind::Implies(..)
            | ExprKind::Equiv(..)
            | ExprKind::Eq(..)
            | ExprKind::In(..)
            | ExprKind::Quant(..)
    };
}

/// Whether [`Ctx::bool_form`] computes this form.
#[inline]
pub(super) fn is_bool_form(kind: &ExprKind) -> bool {
    matches!(kind, bool_forms!())
}

/// Whether `e` is a one-element set `{e}` written out.
fn is_singleton(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::SetEnum(ys) if ys.len() == 1)
}

/// TLC's words for a CHOOSE with no element to choose.
const NO_CHOICE: &str = "Attempted to compute the value of an expression of form\nCHOOSE x \\in S: P, but no element of S satisfied P.";

impl Ctx<'_> {
    pub(super) fn eval_inner(&mut self, e: &Expr) -> EvalResult<Value> {
        Ok(match &e.kind {
            ExprKind::Lit(v) => v.clone(),
            ExprKind::Var(i) => return self.read_var(*i, false),
            ExprKind::Fast(f) => {
                let general = |cx: &mut Self, e: &Expr| {
                    let v = cx.eval(e)?;
                    vals::expect_bool(&v, "a condition")
                };
                match self.fast(f, general) {
                    Some(b) => Value::Bool(b),
                    None => return self.eval(&f.expr),
                }
            }
            ExprKind::PrimeVar(i) => return self.read_var(*i, true),
            ExprKind::Prime(inner) => {
                if self.in_next {
                    return err("A primed expression was primed again.");
                }
                self.in_next = true;
                let r = self.eval(inner);
                self.in_next = false;
                return r;
            }
            ExprKind::Local(s) => match &self.stack[self.base + *s as usize] {
                Slot::LazyFn(id, frame) => {
                    let (id, frame) = (*id, frame.clone());
                    self.materialise(id, &frame)?
                }
                slot => return self.slot_value(slot),
            },
            ExprKind::Const(c) => return self.const_value(*c),
            ExprKind::Call(id, args) => return self.call(*id, args, false),
            ExprKind::CallLocal(id, args) if args.is_empty() => return self.call_let(*id),
            ExprKind::CallLocal(id, args) => return self.call(*id, args, true),
            ExprKind::CallParam(s, args) => {
                let ov = match &self.stack[self.base + *s as usize] {
                    Slot::Op(o) => o.clone(),
                    _ => return err("A value was used as an operator."),
                };
                let slots = args
                    .iter()
                    .map(|a| self.arg_slot(a))
                    .collect::<EvalResult<Vec<_>>>()?;
                self.call_opval(&ov, slots)?
            }
            ExprKind::CallConst(c, args) => {
                let slots = args
                    .iter()
                    .map(|a| self.arg_slot(a))
                    .collect::<EvalResult<Vec<_>>>()?;
                self.call_opval(&OpVal::Const(*c), slots)?
            }
            bool_forms!() => Value::Bool(self.bool_form(e)?),
            ExprKind::Builtin(Builtin::Subseteq, args) => {
                let a = self.eval(&args[0])?;
                if !vals::is_set(&a) {
                    return builtins::apply(Builtin::Subseteq, &[a, Value::Bool(false)]);
                }
                for x in vals::elements(&a)?.iter() {
                    if !self.member(x, &args[1])? {
                        return Ok(Value::Bool(false));
                    }
                }
                Value::Bool(true)
            }
            ExprKind::Builtin(b, args) => match &args[..] {
                [] => self.builtin(*b, &[])?,
                [x] => {
                    // A plain builtin reads a held argument in place (`Len(q[p])`).
                    if builtins::plain(*b) {
                        if let Some(v) = self.try_ref(x) {
                            return builtins::apply(*b, std::slice::from_ref(v));
                        }
                    }
                    let x = self.eval(x)?;
                    self.builtin(*b, std::slice::from_ref(&x))?
                }
                [x, y] if *b == Builtin::SetMinus && is_singleton(y) => {
                    // `S \ {e}`: `e` evaluated as the set's element would be.
                    let s = self.eval(x)?;
                    let ExprKind::SetEnum(ys) = &y.kind else {
                        return err("internal error: `is_singleton` admitted another form");
                    };
                    let e = self.eval_normal(&ys[0]).map_err(|err| err.at(y.span))?;
                    return builtins::minus_one(&s, &e);
                }
                [x, y] => {
                    if builtins::applies_held(*b) {
                        if let (Some(l), Some(r)) = (self.try_ref(x), self.try_ref(y)) {
                            if let Some(v) = builtins::apply_held(*b, l, r) {
                                return Ok(v);
                            }
                        }
                    }
                    let x = self.eval(x)?;
                    let y = self.eval(y)?;
                    self.builtin(*b, &[x, y])?
                }
                _ => {
                    let vs = args
                        .iter()
                        .map(|a| self.eval(a))
                        .collect::<EvalResult<Vec<_>>>()?;
                    self.builtin(*b, &vs)?
                }
            },
            ExprKind::BuiltinHo(b, args) => return self.builtin_ho(*b, args),
            ExprKind::If(c, a, b) => {
                return if self.eval_bool(c)? {
                    self.eval(a)
                } else {
                    self.eval(b)
                };
            }
            ExprKind::Case(arms, other) => {
                for (g, body) in arms {
                    if self.eval_bool(g)? {
                        return self.eval(body);
                    }
                }
                match other {
                    Some(o) => return self.eval(o),
                    None => return err("Attempted to evaluate a CASE with no conditions true."),
                }
            }
            ExprKind::Choose(bound, body) => {
                if let (ExprKind::Lit(Value::Bool(true)), Some(set), false, 1) =
                    (&body.kind, &bound.set, bound.tuple, bound.names)
                {
                    // `CHOOSE x \in S : TRUE`, the idiom for "some element": the first.
                    if let Some(first) = self.elems(set)?.first() {
                        return Ok(first.clone());
                    }
                    return err(NO_CHOICE);
                }
                let levels = self.levels(std::slice::from_ref(&**bound))?;
                let mut found = None;
                let n = bound.names;
                self.iterate(&levels, &mut |cx| {
                    if cx.eval_bool(body)? {
                        let top = cx.stack.len();
                        found = Some(if bound.tuple {
                            Value::Tuple(
                                cx.stack[top - n as usize..]
                                    .iter()
                                    .map(|s| cx.slot_value(s))
                                    .collect::<EvalResult<Vec<_>>>()?
                                    .into(),
                            )
                        } else {
                            cx.slot_value(&cx.stack[top - 1])?
                        });
                        return Ok(false);
                    }
                    Ok(true)
                })?;
                match found {
                    Some(v) => v,
                    None => return err(NO_CHOICE),
                }
            }
            ExprKind::SetEnum(xs) => {
                let vs = xs
                    .iter()
                    .map(|x| self.eval_normal(x))
                    .collect::<EvalResult<Vec<_>>>()?;
                vals::mk_set(vs)?
            }
            ExprKind::SetFilter(bound, pred) => {
                let set_expr = bound
                    .set
                    .as_ref()
                    .ok_or_else(|| EvalError::new("unbounded set filter"))?;
                let elems = self.elems(set_expr)?;
                let tuple = if bound.tuple { Some(bound.names) } else { None };
                let mut out = Vec::new();
                for v in elems.iter() {
                    let mark = self.stack.len();
                    self.bind(v, tuple)?;
                    let r = self.eval_bool(pred);
                    self.stack.truncate(mark);
                    if r? {
                        out.push(v.clone());
                    }
                }
                Value::Set(out.into())
            }
            ExprKind::SetMap(bounds, body) => {
                let levels = self.levels(bounds)?;
                let mut out = Vec::new();
                self.iterate(&levels, &mut |cx| {
                    out.push(cx.eval_normal(body)?);
                    Ok(true)
                })?;
                vals::mk_set(out)?
            }
            ExprKind::Tuple(xs) if xs.is_empty() => return Ok(super::empty_tuple().clone()),
            ExprKind::Tuple(xs) => Value::Tuple(self.eval_parts(xs)?),
            ExprKind::Times(xs) => {
                let vs = xs
                    .iter()
                    .map(|x| self.eval(x))
                    .collect::<EvalResult<Vec<_>>>()?;
                Value::Lazy(Arc::new(value::LazySet::Product(vs)))
            }
            ExprKind::Record(fs) => {
                let mut out = Vec::with_capacity(fs.len());
                for (n, x) in fs {
                    out.push((*n, self.eval_normal(x)?));
                }
                vals::mk_record(out)?
            }
            ExprKind::RecordSet(fs) => {
                let mut out = Vec::with_capacity(fs.len());
                for (n, x) in fs {
                    out.push((*n, self.eval(x)?));
                }
                Value::Lazy(Arc::new(value::LazySet::RecordSet(out)))
            }
            ExprKind::FnCons(bounds, body) => return self.build_fn(bounds, body),
            ExprKind::FnSet(a, b) => {
                let d = self.eval(a)?;
                let r = self.eval(b)?;
                Value::Lazy(Arc::new(value::LazySet::FnSet(d, r)))
            }
            ExprKind::FnApp(f, x)
                if matches!(&f.kind, ExprKind::Local(l)
                    if matches!(self.stack[self.base + *l as usize], Slot::LazyFn(..))) =>
            {
                let ExprKind::Local(l) = &f.kind else {
                    unreachable!("matched above")
                };
                let Slot::LazyFn(id, frame) = self.stack[self.base + *l as usize].clone() else {
                    unreachable!("matched above")
                };
                let xv = self.eval(x)?;
                let apply = |cx: &mut Self| {
                    let nb = cx.stack.len();
                    cx.stack.extend(frame.iter().cloned());
                    let old = std::mem::replace(&mut cx.base, nb);
                    let r = cx.rec_fn_point(id, &xv);
                    cx.stack.truncate(nb);
                    cx.base = old;
                    r
                };
                // A definition passed with no frame is a top-level one without parameters.
                return if frame.is_empty() {
                    self.memo_point(id, &xv, apply)
                } else {
                    apply(self)
                };
            }
            ExprKind::FnApp(f, x) => {
                if let Some(v) = self.try_ref(e) {
                    return Ok(v.clone());
                }
                if self.try_ref(f).is_some() {
                    // A held function cannot fail, so evaluating the argument first changes
                    // no error; the function is then read in place, not cloned.
                    let xv = self.eval(x)?;
                    let fv = self.try_ref(f).expect("a held value stays held");
                    return vals::apply(fv, &xv);
                }
                let fv = self.eval(f)?;
                let xv = self.eval(x)?;
                vals::apply(&fv, &xv)?
            }
            ExprKind::RecFnApp(id, args, x) => {
                let local = self.prog.op(*id).capture.is_some();
                self.rec_fn_app(*id, args, x, local)?
            }
            ExprKind::Dot(r, f) => {
                if let Some(v) = self.try_ref(e) {
                    return Ok(v.clone());
                }
                let rv = self.eval(r)?;
                match &rv {
                    Value::Record(_) | Value::Func(_) => vals::apply(&rv, &Value::Str(*f))
                        .map_err(|_| {
                            EvalError::new(format!(
                                "Attempted to access nonexistent field '{f}' of record\n{}",
                                display(&rv)
                            ))
                        })?,
                    _ => {
                        return err(format!(
                            "Attempted to access field '{f}' of a value that is not a record:\n{}",
                            display(&rv)
                        ))
                    }
                }
            }
            ExprKind::Except(f, clauses) => {
                let mut fv = self.eval(f)?;
                for c in clauses {
                    fv = self.except_path(fv, &c.path, &c.value)?;
                }
                fv
            }
            ExprKind::Unchanged(x) => {
                let now = self.eval(x)?;
                if self.in_next {
                    return err("UNCHANGED inside a primed expression.");
                }
                self.in_next = true;
                let then = self.eval(x);
                self.in_next = false;
                Value::Bool(vals::equal(&now, &then?)?)
            }
            ExprKind::Enabled(a) => Value::Bool(self.enabled(a)?),
            ExprKind::BoxAction(a, v) => {
                if self.eval_bool(a)? {
                    Value::Bool(true)
                } else {
                    self.eval(&Expr {
                        kind: ExprKind::Unchanged(v.clone()),
                        span: e.span,
                    })?
                }
            }
            ExprKind::AngleAction(a, v) => {
                if !self.eval_bool(a)? {
                    Value::Bool(false)
                } else {
                    let u = self.eval(&Expr {
                        kind: ExprKind::Unchanged(v.clone()),
                        span: e.span,
                    })?;
                    Value::Bool(matches!(u, Value::Bool(false)))
                }
            }
            ExprKind::Temporal(t, _) => {
                return err(format!(
                    "TLC cannot evaluate the temporal formula ({}) here.",
                    match t {
                        Temporal::Always => "[]",
                        Temporal::Eventually => "<>",
                        Temporal::LeadsTo => "~>",
                        Temporal::WeakFair => "WF",
                        Temporal::StrongFair => "SF",
                        Temporal::Other => "temporal",
                    }
                ))
            }
            ExprKind::Error => return err("This expression could not be compiled."),
            ExprKind::Cached(c) => match c.cell.get() {
                Some(v) => v.clone(),
                None => {
                    let v = self.eval(&c.expr)?;
                    let _ = c.cell.set(v.clone());
                    v
                }
            },
        })
    }

    /// The boolean forms: `~`, `/\`, `\/`, `=>`, `<=>`, `=`, `\in`, `\notin` and the
    /// quantifiers, computed as a `bool` (see [`is_bool_form`]). Both [`Ctx::eval`] and
    /// [`Ctx::eval_bool`] come here, so a condition made of these forms is evaluated without
    /// wrapping each part in a value.
    pub(super) fn bool_form(&mut self, e: &Expr) -> EvalResult<bool> {
        Ok(match &e.kind {
            ExprKind::Builtin(Builtin::NotIn, args) => {
                let x = self.eval(&args[0])?;
                !self.member(&x, &args[1])?
            }
            ExprKind::Not(a) => !self.eval_bool(a)?,
            ExprKind::And(xs) => {
                for x in xs {
                    if !self.eval_bool(x)? {
                        return Ok(false);
                    }
                }
                true
            }
            ExprKind::Or(xs) => {
                for x in xs {
                    if self.eval_bool(x)? {
                        return Ok(true);
                    }
                }
                false
            }
            ExprKind::Implies(a, b) => !self.eval_bool(a)? || self.eval_bool(b)?,
            ExprKind::Equiv(a, b) => self.eval_bool(a)? == self.eval_bool(b)?,
            ExprKind::Eq(a, b) => self.equal(a, b)?,
            ExprKind::In(a, b) => {
                // A held set and a held element are compared in place.
                if let Some(s) = self.try_ref(b) {
                    if let Some(x) = self.try_ref(a) {
                        return vals::contains(s, x).map_err(|e| e.at(b.span));
                    }
                }
                let x = self.eval(a)?;
                self.member(&x, b)?
            }
            ExprKind::Quant(forall, bounds, body) => {
                let levels = self.levels(bounds)?;
                let forall = *forall;
                let mut result = forall;
                self.iterate(&levels, &mut |cx| {
                    let b = cx.eval_bool(body)?;
                    if b != forall {
                        result = !forall;
                        return Ok(false);
                    }
                    Ok(true)
                })?;
                result
            }
            _ => unreachable!("bool_form is called on the forms is_bool_form lists"),
        })
    }

    /// `a = b`, comparing values held in place where they are.
    fn equal(&mut self, a: &Expr, b: &Expr) -> EvalResult<bool> {
        match (self.try_ref(a), self.try_ref(b)) {
            (Some(x), Some(y)) => vals::equal(x, y),
            (Some(_), None) => {
                let y = self.eval(b)?;
                let x = self.try_ref(a).expect("a held value stays held");
                vals::equal(x, &y)
            }
            (None, _) => {
                let x = self.eval(a)?;
                match self.try_ref(b) {
                    Some(y) => vals::equal(&x, y),
                    None => {
                        let y = self.eval(b)?;
                        vals::equal(&x, &y)
                    }
                }
            }
        }
    }

    /// Applies one EXCEPT clause's path to `f`.
    pub(super) fn except_path(
        &mut self,
        mut f: Value,
        path: &[ExceptKey],
        value: &Expr,
    ) -> EvalResult<Value> {
        let Some((k, rest)) = path.split_first() else {
            return Ok(f);
        };
        let key = match k {
            ExceptKey::Index(x) => self.eval(x)?,
            ExceptKey::Field(n) => Value::Str(*n),
        };
        if !vals::is_fn(&f) {
            return err(format!(
                "Attempted to apply EXCEPT to a non-function:\n{}",
                display(&f)
            ));
        }
        let Some(place) = f.point_mut(&key) else {
            // A point outside the domain leaves the function unchanged.
            return Ok(f);
        };
        // The old point is taken out of the function's own storage rather than cloned (a
        // copy of the storage unless this `EXCEPT` made it, by an earlier clause: `![p].a =
        // 1, ![p].b = 2`), and the new one written in its place.
        let old = std::mem::replace(place, Value::Bool(false));
        *place = self.except_value(old, rest, value)?;
        Ok(f)
    }

    /// The new value of a point whose value was `old`: `value` with `@` bound to `old` at
    /// the end of the path, else the rest of the path applied to `old`.
    fn except_value(&mut self, old: Value, rest: &[ExceptKey], value: &Expr) -> EvalResult<Value> {
        if rest.is_empty() {
            self.stack.push(Slot::Val(old));
            let r = self.eval_normal(value);
            self.stack.pop();
            r
        } else {
            self.except_path(old, rest, value)
        }
    }

    pub(super) fn builtin_ho(&mut self, b: Builtin, args: &[Arg]) -> EvalResult<Value> {
        match b {
            Builtin::SelectSeq => {
                let t = self.seq_arg(&args[0], "SelectSeq")?;
                let test = self.op_arg(&args[1], "SelectSeq")?;
                let mut out = Vec::new();
                for x in t.iter() {
                    let r = self.call_opval(&test, [Slot::Val(x.clone())])?;
                    if vals::expect_bool(&r, "the test of SelectSeq")? {
                        out.push(x.clone());
                    }
                }
                Ok(Value::Tuple(out.into()))
            }
            Builtin::SortSeq => {
                let t = self.seq_arg(&args[0], "SortSeq")?;
                let lt = self.op_arg(&args[1], "SortSeq")?;
                // Stable insertion sort with a fallible comparison.
                let mut out: Vec<Value> = Vec::with_capacity(t.len());
                for x in t.iter() {
                    let mut pos = out.len();
                    while pos > 0 {
                        let r = self.call_opval(
                            &lt,
                            [Slot::Val(x.clone()), Slot::Val(out[pos - 1].clone())],
                        )?;
                        if vals::expect_bool(&r, "the comparison of SortSeq")? {
                            pos -= 1;
                        } else {
                            break;
                        }
                    }
                    out.insert(pos, x.clone());
                }
                Ok(Value::Tuple(out.into()))
            }
            Builtin::BagOfAll => {
                let f = self.op_arg(&args[0], "BagOfAll")?;
                let bag = self.value_arg(&args[1])?;
                let mut acc = Value::Tuple(Arc::from(Vec::new()));
                for (k, c) in vals::fn_pairs(&bag) {
                    let v = self.call_opval(&f, [Slot::Val(k)])?;
                    let single = vals::mk_func(vec![(v, c)])?;
                    acc = builtins::apply(Builtin::BagPlus, &[acc, single])?;
                }
                Ok(acc)
            }
            Builtin::MapThenFoldSet => self.map_then_fold_set(args),
            Builtin::FoldFunctionOnSet => self.fold_function(args, true),
            Builtin::FoldFunction => self.fold_function(args, false),
            _ => err(format!("internal: {b:?} has no operator arguments")),
        }
    }
}

impl Ctx<'_> {
    /// An operator passed to a standard operator `who` that takes operator arguments.
    fn op_arg(&mut self, a: &Arg, who: &str) -> EvalResult<OpVal> {
        match self.arg_slot(a)? {
            Slot::Op(o) => Ok(o),
            _ => err(format!("{who} expects an operator.")),
        }
    }

    /// An ordinary argument's value.
    fn value_arg(&mut self, a: &Arg) -> EvalResult<Value> {
        let slot = self.arg_slot(a)?;
        self.slot_value(&slot)
    }

    /// The sequence passed first to `who` (`SelectSeq`, `SortSeq`), with TLC's message when
    /// it is not one.
    fn seq_arg(&mut self, a: &Arg, who: &str) -> EvalResult<Arc<[Value]>> {
        match self.value_arg(a)? {
            Value::Tuple(t) => Ok(t),
            s => err(format!(
                "The first argument of {who} should be a sequence, but instead it is:\n{}",
                display(&s)
            )),
        }
    }

    /// Whether operator `op` is `LAMBDA s : CHOOSE x \in s : TRUE` (or a definition of that
    /// form): its value on a non-empty set is the set's first element.
    fn chooses_first(&self, op: &OpVal) -> bool {
        let (OpVal::User(id) | OpVal::Closure(id, _)) = op else {
            return false;
        };
        let def = self.prog.op(*id);
        let param = def.capture.unwrap_or(0);
        if def.params != [0] || def.fn_bounds.is_some() {
            return false;
        }
        let ExprKind::Choose(bound, body) = &def.body.kind else {
            return false;
        };
        matches!(body.kind, ExprKind::Lit(Value::Bool(true)))
            && bound.names == 1
            && !bound.tuple
            && matches!(bound.set.as_deref(), Some(Expr { kind: ExprKind::Local(s), .. }) if *s == param)
    }

    /// `FoldFunctionOnSet(op, base, fun, indices)` (`on_set`) or `FoldFunction(op, base,
    /// fun)` (on `DOMAIN fun`) as the community module `Functions` defines them,
    /// `MapThenFoldSet(op, base, LAMBDA i : fun[i], LAMBDA s : CHOOSE x \in s : TRUE, …)`:
    /// `op(fun[i], op(fun[j], … op(fun[k], base)))` for the indices `i`, `j`, … `k` in TLC's
    /// order, as [`Ctx::map_then_fold_set`] computes it, but applying `fun` without calling
    /// the LAMBDA. Where that could go otherwise than the definition (`fun` a function
    /// definition applied point by point, `fun` or the indices failing to evaluate or to
    /// give a function and a finite set, an index outside the domain), the definition
    /// (the last argument) is evaluated instead, with its own values and errors. `op` is
    /// called as the definition calls it.
    fn fold_function(&mut self, args: &[Arg], on_set: bool) -> EvalResult<Value> {
        let Some((Arg::Expr(definition), args)) = args.split_last() else {
            return err("internal: a fold without its definition");
        };
        let fun_slot = match &args[2] {
            Arg::Expr(Expr {
                kind: ExprKind::Local(l),
                ..
            }) => self.stack.get(self.base + *l as usize),
            _ => None,
        };
        if !matches!(fun_slot, Some(Slot::Val(_) | Slot::Var(..))) {
            return self.eval(definition);
        }
        let op = self.op_arg(&args[0], "FoldFunctionOnSet")?;
        let base = self.value_arg(&args[1])?;
        let Ok(fun) = self.value_arg(&args[2]) else {
            return self.eval(definition);
        };
        let indices = if on_set {
            self.value_arg(&args[3])
        } else {
            vals::domain(&fun)
        };
        let Ok(indices) = indices.and_then(|s| vals::elements(&s)) else {
            return self.eval(definition);
        };
        let mut mapped = Vec::with_capacity(indices.len());
        for i in indices.iter() {
            match vals::apply(&fun, i) {
                Ok(v) => mapped.push(v),
                Err(_) => return self.eval(definition),
            }
        }
        let mut acc = base;
        // `+` (`Sum`) and the other builtins computed on values in place: no call.
        let held = match op {
            OpVal::Builtin(b) if builtins::applies_held(b) => Some(b),
            _ => None,
        };
        for v in mapped.into_iter().rev() {
            acc = match held.and_then(|b| builtins::apply_held(b, &v, &acc)) {
                Some(r) => r,
                None => self.call_opval(&op, [Slot::Val(v), Slot::Val(acc)])?,
            };
        }
        Ok(acc)
    }

    /// `MapThenFoldSet(op, base, f, choose, S)` as the community module `Folds` defines it:
    /// `iter[S]` where `iter[s] == IF s = {} THEN base ELSE op(f(x), iter[s \ {x}])` with
    /// `x == choose(s)`. Computed without the recursive function over `SUBSET S`: the
    /// elements are chosen one by one from what is left, then folded from the last chosen.
    fn map_then_fold_set(&mut self, args: &[Arg]) -> EvalResult<Value> {
        let op = self.op_arg(&args[0], "MapThenFoldSet")?;
        let base = self.value_arg(&args[1])?;
        let f = self.op_arg(&args[2], "MapThenFoldSet")?;
        let choose = self.op_arg(&args[3], "MapThenFoldSet")?;
        let set = self.value_arg(&args[4])?;
        let mut left: Vec<Value> = vals::elements(&set)?.to_vec();
        let mut mapped = Vec::with_capacity(left.len());
        if self.chooses_first(&choose) {
            // `LAMBDA s : CHOOSE x \in s : TRUE` (the choice of `FoldSet`, `FoldFunction` …)
            // takes the first element in TLC's order, which is the order of `left`: no set
            // of the elements left need be built for it.
            for x in left {
                mapped.push(self.call_opval(&f, [Slot::Val(x)])?);
            }
            left = Vec::new();
        }
        while !left.is_empty() {
            let x = self.call_opval(&choose, [Slot::Val(Value::set_from_sorted(left.clone()))])?;
            let Some(i) = left.iter().position(|e| e == &x) else {
                return err(format!(
                    "The choice operator of MapThenFoldSet returned {}, which is not in the set it was given.",
                    display(&x)
                ));
            };
            left.remove(i);
            mapped.push(self.call_opval(&f, [Slot::Val(x)])?);
        }
        let mut acc = base;
        for v in mapped.into_iter().rev() {
            acc = self.call_opval(&op, [Slot::Val(v), Slot::Val(acc)])?;
        }
        Ok(acc)
    }
}
