//! Enumeration of initial states and successor states, following TLC's rules.
//!
//! An action is processed as a tree: conjunctions left to right (the rest of a conjunction
//! is a continuation), disjunctions and `\E` branch, `IF`/`CASE` choose, operator calls are
//! entered. A conjunct `x' = e` (in Init: `x = e`) for a variable not yet assigned assigns it,
//! `x' \in S` branches over `S`, `UNCHANGED` assigns the current values; every other conjunct
//! is a guard. `\A` is the conjunction of its instances. Once every variable is assigned, the
//! rest is evaluated as a formula, without branching (one state however many ways it holds).
//! When the whole action has been processed, every variable must be assigned.
//!
//! The next-state relation is split into actions once, when the model is built, the way TLC
//! does: through disjunctions, operator definitions (whose name labels the action) and `\E`
//! over a constant set (one action per value).

use std::sync::Arc;

use source::Span;
use value::Value;

use crate::error::{err, EvalError, EvalResult};
use crate::eval::{Ctx, OpVal, Slot};
use crate::ir::{Expr, ExprKind, OpId};
use crate::program::Program;
use crate::vals;

/// The rest of the conjuncts still to process, each with the frame it is evaluated in.
enum Cont<'a> {
    Nil,
    /// Conjuncts `exprs` in the frame `stack[base..base + len]`.
    Conj(&'a [Expr], usize, usize, &'a Cont<'a>),
    /// The check `v' # v` of `<<A>>_v`, in a frame.
    Changed(&'a Expr, usize, usize, &'a Cont<'a>),
    /// The remaining instances of a `\A` body, each the bound values that follow the
    /// frame `stack[base..base + len]`.
    Each(&'a Expr, &'a [Vec<Slot>], usize, usize, &'a Cont<'a>),
}

/// The callback receiving each completed assignment; returns `false` to stop.
type Emit<'e, 'p> = dyn FnMut(&mut Ctx<'p>) -> EvalResult<bool> + 'e;

/// One action of the next-state relation, as TLC splits it.
#[derive(Clone, Debug)]
pub struct Action {
    /// The innermost operator whose body the action is (None: an unnamed action).
    pub op: Option<OpId>,
    /// The values of that operator's parameters, when they are values.
    pub params: Vec<Value>,
    /// The action's expression.
    pub expr: Expr,
    /// The frame it is evaluated in.
    pub frame: Vec<Slot>,
    /// The action's first conjunct on the fast path, when it has a fast form: checked
    /// before the action is enumerated.
    pub guard: Option<crate::eval::fast::FastExpr>,
}

impl Action {
    /// The span of the action's predicate (used for its location).
    pub fn span(&self) -> Span {
        self.expr.span
    }
}

/// Receives each initial state found, with the context that found it.
pub(crate) type InitEmit<'a, 'p> = dyn FnMut(&Ctx<'p>, Arc<[Value]>) -> EvalResult<()> + 'a;

impl<'p> Ctx<'p> {
    /// Enumerates the initial states of predicate `init` (a zero-arity operator); `emit`
    /// receives each completed state.
    pub fn init_states(
        &mut self,
        init: &Expr,
        emit: &mut dyn FnMut(Arc<[Value]>) -> EvalResult<()>,
    ) -> EvalResult<()> {
        self.init_states_with(init, &mut |_, st| emit(st))
    }

    /// [`Ctx::init_states`], `emit` also seeing the context (where the state was found).
    pub(crate) fn init_states_with(
        &mut self,
        init: &Expr,
        emit: &mut InitEmit<'_, 'p>,
    ) -> EvalResult<()> {
        self.stack.clear();
        self.base = 0;
        self.next = vec![None; self.prog.vars.len()];
        self.in_next = true;
        let prog = self.prog;
        let r = self.enumerate(init, &Cont::Nil, true, &mut |cx| {
            let st = complete(cx, prog, &|| "the initial predicate".to_owned())?;
            emit(cx, st)?;
            Ok(true)
        });
        self.in_next = false;
        r.map(|_| ())
    }

    /// Enumerates the successors of the current state under one action. When a successor
    /// leaves a variable unassigned, the error is returned and `incomplete` receives that
    /// successor, `None` in the unassigned slots (TLC shows it as the last state of the
    /// trace, its unassigned variables as `null`).
    pub fn action_successors(
        &mut self,
        action: &Action,
        label: &dyn Fn() -> String,
        incomplete: &mut Option<Vec<Option<Value>>>,
        emit: &mut dyn FnMut(Arc<[Value]>) -> EvalResult<()>,
    ) -> EvalResult<()> {
        // Consecutive actions often have the same frame (`Request(p)`, `Enter(p)` and
        // `Exit(p)` of one `p`): a stack that holds it already is kept.
        if !same_frame(&self.stack, &action.frame) {
            self.stack.clear();
            self.stack.extend(action.frame.iter().cloned());
        }
        self.base = 0;
        for n in &mut self.next {
            *n = None;
        }
        let prog = self.prog;
        let emit = &mut |cx: &mut Ctx<'p>| {
            let st = complete(cx, prog, &|| format!("action {}", label())).inspect_err(|_| {
                *incomplete = Some(cx.next.clone());
            })?;
            emit(st)?;
            Ok(true)
        };
        if let (Some(g), ExprKind::And(xs)) = (&action.guard, &action.expr.kind) {
            if let Some(holds) = self.fast(g, Self::eval_bool) {
                if !holds {
                    return Ok(());
                }
                // What enumerating the action's conjunction does once its first conjunct
                // holds, in the action's frame.
                let (first, rest) = xs.split_first().expect("conjunctions are non-empty");
                let c = Cont::Conj(rest, 0, self.stack.len(), &Cont::Nil);
                let cont = if rest.is_empty() { &Cont::Nil } else { &c };
                return self
                    .deeper(|cx| cx.after_guard(holds, first, cont, false, emit))
                    .map_err(|x| x.at(action.expr.span))
                    .map(|_| ());
            }
        }
        self.enumerate(&action.expr, &Cont::Nil, false, emit)?;
        Ok(())
    }

    /// `ENABLED A`: whether `A` has a successor from the current state.
    pub(crate) fn enabled(&mut self, a: &Expr) -> EvalResult<bool> {
        let saved_next = std::mem::replace(&mut self.next, vec![None; self.prog.vars.len()]);
        let saved_in = std::mem::replace(&mut self.in_next, false);
        // Its choices are its own: every alternative counts.
        let saved_split = self.split.take();
        let mut found = false;
        let r = self.enumerate(a, &Cont::Nil, false, &mut |cx| {
            if cx.next.iter().all(|v| v.is_some()) {
                found = true;
                return Ok(false);
            }
            Ok(true)
        });
        self.next = saved_next;
        self.in_next = saved_in;
        self.split = saved_split;
        r?;
        Ok(found)
    }

    fn resume(&mut self, cont: &Cont<'_>, init: bool, emit: &mut Emit<'_, 'p>) -> EvalResult<bool> {
        // Once every variable is assigned, TLC evaluates what is left of the action (or of
        // Init) as a formula, without branching (`Tool.getNextStatesAllAssigned`; for Init,
        // `getInitStates` when `ps.allAssigned()`): one state however many ways it holds.
        if !matches!(cont, Cont::Nil) && self.next.iter().all(Option::is_some) {
            return if self.holds_all(cont)? {
                emit(self)
            } else {
                Ok(true)
            };
        }
        match cont {
            Cont::Nil => emit(self),
            Cont::Conj(exprs, base, len, next) => {
                let (first, rest) = exprs.split_first().expect("continuations are non-empty");
                let saved = self.base;
                let top = self.stack.len();
                if base + len == top {
                    self.base = *base;
                } else {
                    for i in 0..*len {
                        let s = self.stack[base + i].clone();
                        self.stack.push(s);
                    }
                    self.base = top;
                }
                let nb = self.base;
                let r = if rest.is_empty() {
                    self.enumerate(first, next, init, emit)
                } else {
                    let c = Cont::Conj(rest, nb, *len, next);
                    self.enumerate(first, &c, init, emit)
                };
                self.stack.truncate(top);
                self.base = saved;
                r
            }
            Cont::Each(body, instances, base, len, next) => {
                let (instance, rest) = instances.split_first().expect("instances are non-empty");
                self.in_frame(*base, *len, instance, |cx| {
                    if rest.is_empty() {
                        cx.enumerate(body, next, init, emit)
                    } else {
                        let c = Cont::Each(body, rest, cx.base, *len, next);
                        cx.enumerate(body, &c, init, emit)
                    }
                })
            }
            Cont::Changed(v, base, len, next) => {
                if self.changes(v, *base, *len)? {
                    self.resume(next, init, emit)
                } else {
                    Ok(true)
                }
            }
        }
    }

    /// Whether the rest of an action, `cont`, holds as a formula (every variable assigned).
    fn holds_all(&mut self, mut cont: &Cont<'_>) -> EvalResult<bool> {
        loop {
            let (holds, next) = match cont {
                Cont::Nil => return Ok(true),
                Cont::Conj(exprs, base, len, next) => {
                    let holds = self.in_frame(*base, *len, &[], |cx| {
                        for x in exprs.iter() {
                            if !cx.eval_bool(x)? {
                                return Ok(false);
                            }
                        }
                        Ok(true)
                    });
                    (holds, next)
                }
                Cont::Each(body, instances, base, len, next) => {
                    let mut holds = Ok(true);
                    for instance in instances.iter() {
                        holds = self.in_frame(*base, *len, instance, |cx| cx.eval_bool(body));
                        if !matches!(holds, Ok(true)) {
                            break;
                        }
                    }
                    (holds, next)
                }
                Cont::Changed(v, base, len, next) => (self.changes(v, *base, *len), next),
            };
            if !holds? {
                return Ok(false);
            }
            cont = next;
        }
    }

    /// Whether the value of `v` (the `v` of `<<A>>_v`), read in the frame
    /// `stack[base..base + len]`, changes in the step.
    fn changes(&mut self, v: &Expr, base: usize, len: usize) -> EvalResult<bool> {
        let (now, then) = self.in_frame(base, len, &[], |cx| {
            let now = cx.eval(v);
            cx.in_next = true;
            let then = cx.eval(v);
            cx.in_next = false;
            Ok((now, then))
        })?;
        Ok(!vals::equal(&now?, &then?)?)
    }

    /// Runs `f` in a copy of the frame `stack[base..base + len]` followed by `extra`, pushed
    /// on top of the stack as the current frame; the stack and frame are restored after.
    fn in_frame<T>(
        &mut self,
        base: usize,
        len: usize,
        extra: &[Slot],
        f: impl FnOnce(&mut Self) -> EvalResult<T>,
    ) -> EvalResult<T> {
        let saved = self.base;
        let top = self.stack.len();
        for i in 0..len {
            let s = self.stack[base + i].clone();
            self.stack.push(s);
        }
        self.stack.extend(extra.iter().cloned());
        self.base = top;
        let r = f(self);
        self.stack.truncate(top);
        self.base = saved;
        r
    }

    /// What enumerating `first`, a guard decided as `holds`, does with the rest of its
    /// conjunction `cont`: nothing when it is FALSE, `cont` resumed when TRUE, one level
    /// deeper and with errors placed at the guard, as entering it would.
    #[inline]
    fn after_guard(
        &mut self,
        holds: bool,
        first: &Expr,
        cont: &Cont<'_>,
        init: bool,
        emit: &mut Emit<'_, 'p>,
    ) -> EvalResult<bool> {
        if !holds {
            return Ok(true);
        }
        self.deeper(|cx| cx.resume(cont, init, emit))
            .map_err(|x| x.at(first.span))
    }

    fn guard(
        &mut self,
        e: &Expr,
        cont: &Cont<'_>,
        init: bool,
        emit: &mut Emit<'_, 'p>,
    ) -> EvalResult<bool> {
        if self.eval_bool(e)? {
            self.resume(cont, init, emit)
        } else {
            Ok(true)
        }
    }

    fn assign(
        &mut self,
        slot: u32,
        v: Value,
        normal: bool,
        cont: &Cont<'_>,
        init: bool,
        emit: &mut Emit<'_, 'p>,
    ) -> EvalResult<bool> {
        // A variable's value in the current state is already normal (UNCHANGED x, x' = x).
        let unchanged = normal
            || self
                .cur
                .get(slot as usize)
                .is_some_and(|c| c.same_instance(&v));
        let v = if unchanged { v } else { vals::normalize(v)? };
        self.next[slot as usize] = Some(v);
        let r = self.resume(cont, init, emit);
        self.next[slot as usize] = None;
        r
    }

    /// The variable slot `e` assigns, if `e` is `x'` (or `x` in Init) and `x` is unassigned.
    fn target(&self, e: &Expr, init: bool) -> Option<u32> {
        let s = match (&e.kind, init) {
            (ExprKind::PrimeVar(s), false) | (ExprKind::Var(s), true) => *s,
            (ExprKind::Local(l), _) => match self.stack.get(self.base + *l as usize) {
                Some(Slot::Var(s, primed)) if *primed != init => *s,
                _ => return None,
            },
            (ExprKind::Prime(inner), false) => match &inner.kind {
                ExprKind::Local(l) => match self.stack.get(self.base + *l as usize) {
                    Some(Slot::Var(s, false)) => *s,
                    _ => return None,
                },
                _ => return None,
            },
            _ => return None,
        };
        self.next[s as usize].is_none().then_some(s)
    }

    fn enumerate(
        &mut self,
        e: &Expr,
        cont: &Cont<'_>,
        init: bool,
        emit: &mut Emit<'_, 'p>,
    ) -> EvalResult<bool> {
        self.deeper(|c| c.enumerate_inner(e, cont, init, emit))
            .map_err(|x| x.at(e.span))
    }

    fn enumerate_inner(
        &mut self,
        e: &Expr,
        cont: &Cont<'_>,
        init: bool,
        emit: &mut Emit<'_, 'p>,
    ) -> EvalResult<bool> {
        match &e.kind {
            ExprKind::And(xs) => {
                let (first, rest) = xs.split_first().expect("conjunctions are non-empty");
                if rest.is_empty() {
                    return self.enumerate(first, cont, init, emit);
                }
                let c = Cont::Conj(rest, self.base, self.stack.len() - self.base, cont);
                // A compiled condition is a guard: decided here where the fast path can.
                if let ExprKind::Fast(f) = &first.kind {
                    if let Some(holds) = self.fast(f, Self::eval_bool) {
                        return self.after_guard(holds, first, &c, init, emit);
                    }
                }
                self.enumerate(first, &c, init, emit)
            }
            ExprKind::Or(xs) => {
                for x in &xs[self.alternatives(xs.len())] {
                    if !self.enumerate(x, cont, init, emit)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            ExprKind::Quant(false, bounds, body) => {
                let levels = self.levels(bounds)?;
                if self.split.is_none() {
                    return self.iterate(&levels, &mut |cx| cx.enumerate(body, cont, init, emit));
                }
                let n = (levels.iter()).fold(1usize, |n, (e, _)| n.saturating_mul(e.len()));
                let taken = self.alternatives(n);
                let mut i = 0;
                self.iterate(&levels, &mut |cx| {
                    i += 1;
                    if !taken.contains(&(i - 1)) {
                        return Ok(true);
                    }
                    cx.enumerate(body, cont, init, emit)
                })
            }
            ExprKind::Quant(true, bounds, body) => {
                // TLC processes `\A x \in S : P` here as the conjunction of P's instances
                // (`Tool.getNextStates`, `OPCODE_bf`): the first instance, then the others
                // from the last back to the second, each enumerated like any conjunct, so
                // an instance may assign variables and each way it holds is a branch.
                let levels = self.levels(bounds)?;
                let mark = self.stack.len();
                let mut instances: Vec<Vec<Slot>> = Vec::new();
                self.iterate(&levels, &mut |cx| {
                    instances.push(cx.stack[mark..].to_vec());
                    Ok(true)
                })?;
                if instances.is_empty() {
                    return self.resume(cont, init, emit);
                }
                let first = instances.remove(0);
                instances.reverse();
                let len = mark - self.base;
                let each = Cont::Each(body, &instances, self.base, len, cont);
                let next = if instances.is_empty() { cont } else { &each };
                self.stack.extend(first);
                let r = self.enumerate(body, next, init, emit);
                self.stack.truncate(mark);
                r
            }
            // A constant sub-expression is computed once as a value, but TLC still branches
            // on the ways a constant `\E`, `\A`, `\/` … holds (each is a successor).
            ExprKind::Cached(c) if branches(&c.expr) => self.enumerate(&c.expr, cont, init, emit),
            ExprKind::If(c, a, b) => {
                if self.eval_bool(c)? {
                    self.enumerate(a, cont, init, emit)
                } else {
                    self.enumerate(b, cont, init, emit)
                }
            }
            ExprKind::Case(arms, other) => {
                for (g, body) in arms {
                    if self.eval_bool(g)? {
                        return self.enumerate(body, cont, init, emit);
                    }
                }
                match other {
                    Some(o) => self.enumerate(o, cont, init, emit),
                    None => err("Attempted to evaluate a CASE with no conditions true."),
                }
            }
            ExprKind::Implies(a, b) => {
                if self.eval_bool(a)? {
                    self.enumerate(b, cont, init, emit)
                } else {
                    self.resume(cont, init, emit)
                }
            }
            ExprKind::Call(id, args) | ExprKind::CallLocal(id, args)
                if self.prog.op(*id).fn_bounds.is_none() =>
            {
                let local = matches!(e.kind, ExprKind::CallLocal(..));
                let nb = self.enter(*id, args, local)?;
                let old = std::mem::replace(&mut self.base, nb);
                let prog = self.prog;
                let r = self.enumerate(&prog.op(*id).body, cont, init, emit);
                self.stack.truncate(nb);
                self.base = old;
                r
            }
            ExprKind::CallConst(c, args) => {
                let Some(Some(crate::program::ConstBinding::Op(id))) =
                    self.prog.const_values.get(c.0 as usize)
                else {
                    return self.guard(e, cont, init, emit);
                };
                let id = *id;
                if self.prog.op(id).fn_bounds.is_some() {
                    return self.guard(e, cont, init, emit);
                }
                let nb = self.enter(id, args, false)?;
                let old = std::mem::replace(&mut self.base, nb);
                let prog = self.prog;
                let r = self.enumerate(&prog.op(id).body, cont, init, emit);
                self.stack.truncate(nb);
                self.base = old;
                r
            }
            ExprKind::CallParam(s, args) => {
                let ov = match &self.stack[self.base + *s as usize] {
                    Slot::Op(o) => o.clone(),
                    _ => return err("A value was used as an operator."),
                };
                let (id, mut frame) = match &ov {
                    OpVal::User(id) => (*id, Vec::new()),
                    OpVal::Closure(id, cap) => (*id, cap.to_vec()),
                    _ => return self.guard(e, cont, init, emit),
                };
                if self.prog.op(id).fn_bounds.is_some() {
                    return self.guard(e, cont, init, emit);
                }
                for a in args {
                    frame.push(self.arg_slot(a)?);
                }
                let nb = self.stack.len();
                self.stack.extend(frame);
                let old = std::mem::replace(&mut self.base, nb);
                let prog = self.prog;
                let r = self.enumerate(&prog.op(id).body, cont, init, emit);
                self.stack.truncate(nb);
                self.base = old;
                r
            }
            ExprKind::Eq(lhs, rhs) => match self.target(lhs, init) {
                Some(slot) => {
                    let v = self.eval(rhs)?;
                    self.assign(slot, v, rhs.builds_normal(), cont, init, emit)
                }
                None => self.guard(e, cont, init, emit),
            },
            ExprKind::In(lhs, set) => match self.target(lhs, init) {
                Some(slot) => {
                    let elems = self.elems(set)?;
                    for v in &elems[self.alternatives(elems.len())] {
                        if !self.assign(slot, v.clone(), false, cont, init, emit)? {
                            return Ok(false);
                        }
                    }
                    Ok(true)
                }
                None => self.guard(e, cont, init, emit),
            },
            ExprKind::Unchanged(x) if !init => {
                let mut slots = VarList::new();
                if unchanged_vars(self.prog, x, &mut slots, 0) {
                    let mut assigned = VarList::new();
                    for s in slots {
                        let cur = self.read_var(s, false)?;
                        match &self.next[s as usize] {
                            None => {
                                self.next[s as usize] = Some(cur);
                                assigned.push(s);
                            }
                            Some(v) => {
                                if !vals::equal(v, &cur)? {
                                    for a in assigned {
                                        self.next[a as usize] = None;
                                    }
                                    return Ok(true);
                                }
                            }
                        }
                    }
                    let r = self.resume(cont, init, emit);
                    for a in assigned {
                        self.next[a as usize] = None;
                    }
                    r
                } else {
                    self.guard(e, cont, init, emit)
                }
            }
            ExprKind::BoxAction(a, v) if !init => {
                if !self.enumerate(a, cont, init, emit)? {
                    return Ok(false);
                }
                let u = Expr {
                    kind: ExprKind::Unchanged(v.clone()),
                    span: e.span,
                };
                self.enumerate(&u, cont, init, emit)
            }
            ExprKind::AngleAction(a, v) if !init => {
                let c = Cont::Changed(v, self.base, self.stack.len() - self.base, cont);
                self.enumerate(a, &c, init, emit)
            }
            _ => self.guard(e, cont, init, emit),
        }
    }
}

/// Whether enumerating `e` may take more than one branch, so that it must be enumerated
/// rather than evaluated as a guard even when it is constant.
pub(crate) fn branches(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Quant(..)
            | ExprKind::Or(_)
            | ExprKind::And(_)
            | ExprKind::If(..)
            | ExprKind::Case(..)
            | ExprKind::Implies(..)
            | ExprKind::Call(..)
            | ExprKind::CallLocal(..)
    )
}

/// Variable slots, as `UNCHANGED` lists them (held inline: it is met in most actions).
type VarList = smallvec::SmallVec<[u32; 8]>;

/// Collects the variables of `UNCHANGED e` when `e` is a variable, a tuple of them, or a
/// zero-argument definition of one; false if `e` has another form.
fn unchanged_vars(prog: &Program, e: &Expr, out: &mut VarList, depth: u32) -> bool {
    if depth > 32 {
        return false;
    }
    match &e.kind {
        ExprKind::Var(s) => {
            out.push(*s);
            true
        }
        ExprKind::Tuple(xs) => xs.iter().all(|x| unchanged_vars(prog, x, out, depth + 1)),
        ExprKind::Lit(Value::Tuple(t)) if t.is_empty() => true,
        ExprKind::Call(id, args) if prog.op(*id).fn_bounds.is_none() => {
            let op = prog.op(*id);
            // Only instance-prefix arguments (plain locals) are allowed: the body of a
            // variable tuple does not read them.
            args.iter().all(|a| {
                matches!(
                    a,
                    crate::ir::Arg::Expr(Expr {
                        kind: ExprKind::Local(_),
                        ..
                    })
                )
            }) && unchanged_vars(prog, &op.body, out, depth + 1)
        }
        _ => false,
    }
}

/// The assigned next state, or TLC's error naming the unassigned variables; `what` names
/// the action (or the initial predicate), asked for only when a variable is unassigned.
fn complete(cx: &Ctx, prog: &Program, what: &dyn Fn() -> String) -> EvalResult<Arc<[Value]>> {
    let missing: Vec<&str> = cx
        .next
        .iter()
        .zip(&prog.vars)
        .filter(|(v, _)| v.is_none())
        .map(|(_, name)| name.as_str())
        .collect();
    if missing.is_empty() {
        // Written in place into one allocation (see `value::slice`).
        return Ok(value::slice::build(cx.next.len(), |i| match &cx.next[i] {
            Some(v) => v.clone(),
            None => unreachable!("every variable is assigned"),
        }));
    }
    let what = what();
    Err(EvalError::new(if what == "the initial predicate" {
        format!(
            "The initial predicate does not specify the value of {}.",
            missing.join(", ")
        )
    } else {
        format!(
            "Successor state is not completely specified by {what} of the next-state relation. The following variable{} not assigned: {}.",
            if missing.len() == 1 { " is" } else { "s are" },
            missing.join(", ")
        )
    }))
}

/// Whether `stack` holds exactly the slots of `frame`, as the same values (values alone:
/// other slots are not compared).
fn same_frame(stack: &[Slot], frame: &[Slot]) -> bool {
    stack.len() == frame.len()
        && stack.iter().zip(frame).all(|(a, b)| match (a, b) {
            (Slot::Val(x), Slot::Val(y)) => x.same_instance(y),
            _ => false,
        })
}

/// Splits a next-state relation into actions, TLC's way.
pub fn split_actions(
    prog: &Program,
    next: &Expr,
    out_sink: &dyn crate::eval::Output,
) -> Vec<Action> {
    let mut cx = Ctx::new(prog, &[], out_sink);
    let mut out = Vec::new();
    split(&mut cx, next, Vec::new(), None, Vec::new(), &mut out, 0);
    out
}

fn split(
    cx: &mut Ctx,
    e: &Expr,
    frame: Vec<Slot>,
    op: Option<OpId>,
    params: Vec<Value>,
    out: &mut Vec<Action>,
    depth: u32,
) {
    let leaf = |out: &mut Vec<Action>, frame: Vec<Slot>, params: Vec<Value>| {
        out.push(Action {
            op,
            params,
            expr: e.clone(),
            frame,
            guard: crate::eval::fast::leading_guard(cx.prog, e),
        })
    };
    if depth > 64 {
        return leaf(out, frame, params);
    }
    match &e.kind {
        ExprKind::Or(xs) => {
            for x in xs {
                split(cx, x, frame.clone(), op, params.clone(), out, depth + 1);
            }
        }
        ExprKind::Call(id, args) | ExprKind::CallLocal(id, args)
            if cx.prog.op(*id).fn_bounds.is_none() =>
        {
            let local = matches!(e.kind, ExprKind::CallLocal(..));
            // TLC enters an operator only when its arguments are constant; otherwise the
            // call itself is the action, named by the operator.
            let constant_args = args.iter().all(|a| match a {
                crate::ir::Arg::Expr(x) => {
                    crate::level::level(cx.prog, x) == crate::level::CONSTANT
                }
                crate::ir::Arg::Op(_) => true,
            });
            // The callee's frame (captured prefix, then the arguments), when the call can be
            // entered; otherwise the call itself is one action, named by the operator.
            let entered = if constant_args {
                cx.stack = frame.clone();
                cx.base = 0;
                let mut nf: Vec<Slot> = Vec::new();
                if local {
                    let d = cx.prog.op(*id).capture.unwrap_or(0) as usize;
                    nf.extend_from_slice(&frame[..d.min(frame.len())]);
                }
                args.iter()
                    .try_for_each(|a| cx.arg_slot(a).map(|s| nf.push(s)))
                    .ok()
                    .map(|()| nf)
            } else {
                None
            };
            let Some(nf) = entered else {
                out.push(Action {
                    op: Some(*id),
                    params: Vec::new(),
                    expr: e.clone(),
                    frame,
                    guard: None,
                });
                return;
            };
            let def = cx.prog.op(*id);
            let pvals: Vec<Value> = nf
                .iter()
                .skip(nf.len() - args.len())
                .filter_map(|s| match s {
                    Slot::Val(v) => Some(v.clone()),
                    _ => None,
                })
                .collect();
            split(cx, &def.body, nf, Some(*id), pvals, out, depth + 1);
        }
        ExprKind::Quant(false, bounds, body) => {
            cx.stack = frame.clone();
            cx.base = 0;
            let levels = match cx.levels(bounds) {
                Ok(l) => l,
                Err(_) => return leaf(out, frame, params),
            };
            let mut bindings: Vec<Vec<Slot>> = Vec::new();
            let r = cx.iterate(&levels, &mut |c| {
                bindings.push(c.stack.clone());
                Ok(true)
            });
            if r.is_err() || bindings.is_empty() {
                return leaf(out, frame, params);
            }
            for b in bindings {
                split(cx, body, b, op, params.clone(), out, depth + 1);
            }
        }
        _ => leaf(out, frame, params),
    }
}

/// Builds the frame-free expression `Op` for evaluation of a named zero-arity operator.
pub fn op_expr(prog: &Program, id: OpId) -> Expr {
    Expr {
        kind: ExprKind::Call(id, Vec::new()),
        span: prog.op(id).span,
    }
}
