//! The expression evaluator.
//!
//! A [`Ctx`] holds the state being evaluated (and, for actions, the next state, possibly
//! partially assigned during enumeration), a value stack whose frames hold operator
//! parameters and bound variables, and the output sink for `Print`. Conjunctions and
//! disjunctions short-circuit left to right, as TLC does.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

pub mod cache;
mod const_lets;
pub mod fast;
mod pool;

use value::Value;

use crate::builtins::{self, Builtin};
use crate::error::{err, EvalError, EvalResult};
use crate::ir::{Arg, Bound, ConstId, Expr, ExprKind, OpId, OpRef};
use crate::program::{ConstBinding, Program};
use crate::vals::{self, display};

/// Where `Print` and `PrintT` write.
pub trait Output: Sync {
    /// Prints one line.
    fn print(&self, line: &str);

    /// Reports a warning found while evaluating (printed once per run by the caller).
    fn warn(&self, line: &str) {
        eprintln!("{line}");
    }
}

/// Whether the 32-bit warning was given in this process.
static WARNED_32BIT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// An [`Output`] that writes to standard output.
pub struct StdOutput;

impl Output for StdOutput {
    fn print(&self, line: &str) {
        println!("{line}");
    }
}

/// An operator value held in a frame slot (argument of a higher-order parameter).
#[derive(Clone, Debug)]
pub enum OpVal {
    /// A top-level operator.
    User(OpId),
    /// A LET operator or LAMBDA with the frame prefix it captured.
    Closure(OpId, Arc<[Slot]>),
    /// A standard operator.
    Builtin(Builtin),
    /// A configuration-bound constant operator.
    Const(ConstId),
}

/// One frame slot. Its discriminant is a word (`repr(u64)`), for the reason given at
/// [`Value`]: a slot is moved as aligned words.
#[derive(Clone, Debug)]
#[repr(u64)]
pub enum Slot {
    /// A value (bound variable, parameter, `@`).
    Val(Value),
    /// An operator (higher-order parameter).
    Op(OpVal),
    /// A state variable passed as an argument (`Op(x')`, `Init(x)`), read when used: TLC
    /// substitutes arguments, so the callee may assign it.
    Var(u32, bool),
    /// A function definition `f[x \in S] == …` passed as an argument, with the frame its
    /// body needs: applied point by point, built whole only when used as a value (TLC
    /// evaluates such functions lazily too).
    LazyFn(OpId, Arc<[Slot]>),
}

/// The elements a binder ranges over: those of a closed constant set, computed once and
/// borrowed from the expression (so threads iterating over the same constant set do not
/// share a reference count), or those of a set computed for this evaluation.
pub(crate) enum Elems<'a> {
    /// A closed constant set's elements, held by its expression.
    Held(&'a [Value]),
    /// Elements computed for this evaluation.
    Owned(Arc<[Value]>),
}

impl std::ops::Deref for Elems<'_> {
    type Target = [Value];

    fn deref(&self) -> &[Value] {
        match self {
            Elems::Held(e) => e,
            Elems::Owned(e) => e,
        }
    }
}

impl Clone for Elems<'_> {
    fn clone(&self) -> Self {
        match self {
            Elems::Held(e) => Elems::Held(e),
            Elems::Owned(e) => Elems::Owned(e.clone()),
        }
    }
}

/// One level of a binder iteration: the values and whether each destructures a tuple.
pub(crate) type Level<'a> = (Elems<'a>, Option<u32>);

/// The levels of one binder, inline for up to two (no allocation for the usual `\E x \in S`).
pub(crate) type Levels<'a> = smallvec::SmallVec<[Level<'a>; 2]>;

/// An evaluation context.
pub struct Ctx<'p> {
    pub(crate) prog: &'p Program,
    /// The current state (empty when evaluating constants).
    pub(crate) cur: &'p [Value],
    /// The next state; `None` for a variable not yet assigned.
    pub(crate) next: Vec<Option<Value>>,
    /// Whether unprimed variables are read from `next` (inside a prime, or in Init).
    pub(crate) in_next: bool,
    pub(crate) stack: Vec<Slot>,
    pub(crate) base: usize,
    out: &'p dyn Output,
    regs: Vec<Value>,
    /// The parts of tuples being built, as a stack: a tuple's parts are pushed above those
    /// of the tuples that enclose it and moved into their shared slice at once.
    parts: Vec<Value>,
    /// Emptied argument buffers of finished calls, reused by [`Ctx::enter`] so that a call
    /// does not allocate.
    frames: Vec<Vec<Slot>>,
    /// How many [`Ctx::eval`] and enumeration calls are under way, bounded by [`MAX_EVAL_DEPTH`].
    depth: u32,
    /// Values of zero-argument LET definitions computed in this context, with the frame
    /// values they captured: the current state never changes during a context's life, so
    /// such a definition (at most state level, see `Program::let_memo`) evaluated again with
    /// equal captured values has the same value. TLC also evaluates a LET definition once
    /// per context. Bounded to [`LET_MEMO_ENTRIES`], newest first.
    let_memo: Vec<(OpId, Vec<Value>, Value)>,
    /// The constant function definitions being built whole on this context (see
    /// [`Ctx::whole_fn`]).
    fn_building: Vec<OpId>,
    /// Points of top-level function definitions applied in this context, with their values
    /// (see [`Ctx::memo_point`]).
    fn_points: FnPoints,
    /// The part of an enumeration of initial states this context makes, if it makes one
    /// part (see the `split` module).
    pub(crate) split: Option<crate::split::Split>,
}

/// Remembered points of function definitions: by definition and the point's fingerprint,
/// the point and the function's value there.
pub(crate) type FnPoints = HashMap<(OpId, u64), (Value, Value), BuildHasherDefault<PointHasher>>;

/// Hashes a key of [`FnPoints`], whose words are already well mixed (an operator's index
/// and a fingerprint): one multiply per word.
#[derive(Default)]
pub(crate) struct PointHasher(u64);

impl Hasher for PointHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }

    fn write_u32(&mut self, x: u32) {
        self.write_u64(u64::from(x));
    }

    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(23) ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// `<< >>`, made once (the empty tuple is compared with in many guards, `q # << >>`).
pub(crate) fn empty_tuple() -> &'static Value {
    static EMPTY: std::sync::LazyLock<Value> =
        std::sync::LazyLock::new(|| Value::Tuple(Arc::from(Vec::new())));
    &EMPTY
}

/// How many LET values a context remembers at most.
const LET_MEMO_ENTRIES: usize = 32;

/// The deepest nesting of expression evaluations (recursive operator and function calls
/// included) before evaluation stops with an error: an infinitely recursive definition must
/// end with a diagnostic, not by overflowing the thread's stack.
pub const MAX_EVAL_DEPTH: u32 = 50_000;

impl Drop for Ctx<'_> {
    fn drop(&mut self) {
        pool::give(pool::Buffers {
            next: std::mem::take(&mut self.next),
            stack: std::mem::take(&mut self.stack),
            regs: std::mem::take(&mut self.regs),
            parts: std::mem::take(&mut self.parts),
            frames: std::mem::take(&mut self.frames),
            let_memo: std::mem::take(&mut self.let_memo),
            fn_points: std::mem::take(&mut self.fn_points),
        });
    }
}

impl<'p> Ctx<'p> {
    /// A context evaluating over `cur` (no next state).
    pub fn new(prog: &'p Program, cur: &'p [Value], out: &'p dyn Output) -> Ctx<'p> {
        let mut b = pool::take();
        b.next.resize(prog.vars.len(), None);
        Ctx {
            prog,
            cur,
            next: b.next,
            in_next: false,
            stack: b.stack,
            base: 0,
            out,
            regs: b.regs,
            parts: b.parts,
            frames: b.frames,
            depth: 0,
            let_memo: b.let_memo,
            fn_building: Vec::new(),
            fn_points: b.fn_points,
            split: None,
        }
    }

    /// Sets a fully known next state (for action properties and action constraints).
    pub fn set_next(&mut self, next: &[Value]) {
        self.next = next.iter().cloned().map(Some).collect();
    }

    /// Forgets the next state.
    pub fn clear_next(&mut self) {
        for n in &mut self.next {
            *n = None;
        }
    }

    /// The program being evaluated.
    pub fn program(&self) -> &'p Program {
        self.prog
    }

    /// Evaluates a zero-argument top-level operator.
    pub fn eval_op(&mut self, id: OpId) -> EvalResult<Value> {
        self.call(id, &[], false)
    }

    /// Evaluates a top-level operator expected to be a boolean.
    pub fn eval_op_bool(&mut self, id: OpId) -> EvalResult<bool> {
        let span = self.prog.op(id).body.span;
        let v = self.eval_op(id)?;
        vals::expect_bool(&v, "a predicate").map_err(|e| e.at(span))
    }

    /// Evaluates an expression in an empty frame.
    pub fn eval_top(&mut self, e: &Expr) -> EvalResult<Value> {
        self.stack.clear();
        self.base = 0;
        self.eval(e)
    }

    /// `x \in set` (or `x \subseteq set` when `subset`) at the top level, knowing that it
    /// holds of `known` (see [`Value::contains_given`] and [`Value::subseteq_given`]); the
    /// set is read in place when it is held (a cached constant). `None` when the set cannot
    /// be evaluated as a value or the test fails: the caller then evaluates the formula in
    /// full.
    pub fn member_given(
        &mut self,
        x: &Value,
        subset: bool,
        set: &Expr,
        known: &Value,
    ) -> Option<bool> {
        let test = |s: &Value| {
            if subset {
                x.subseteq_given(s, known)
            } else {
                s.contains_given(x, known)
            }
        };
        self.stack.clear();
        self.base = 0;
        if let Some(s) = self.try_ref(set) {
            return test(s).ok();
        }
        let s = self.eval(set).ok()?;
        test(&s).ok()
    }

    pub(crate) fn read_var(&self, i: u32, primed: bool) -> EvalResult<Value> {
        let i = i as usize;
        if primed || self.in_next {
            if primed && self.in_next {
                return err("A primed expression was primed again.");
            }
            match self.next.get(i) {
                Some(Some(v)) => Ok(v.clone()),
                _ => err(format!(
                    "In evaluation, the identifier {} is either undefined or not an operator.",
                    self.prog.vars.get(i).map_or("?", |s| s.as_str())
                )),
            }
        } else {
            match self.cur.get(i) {
                Some(v) => Ok(v.clone()),
                None => err(format!(
                    "The variable {} cannot be evaluated in a constant expression.",
                    self.prog.vars.get(i).map_or("?", |s| s.as_str())
                )),
            }
        }
    }

    /// The value a frame slot holds (reading a variable reference).
    pub(crate) fn slot_value(&self, s: &Slot) -> EvalResult<Value> {
        match s {
            Slot::Val(v) => Ok(v.clone()),
            Slot::Var(i, true) => match self.next.get(*i as usize) {
                Some(Some(v)) => Ok(v.clone()),
                _ => self.read_var(*i, true),
            },
            Slot::Var(i, false) => self.read_var(*i, false),
            Slot::LazyFn(..) => err("internal: a lazy function must be materialised first."),
            Slot::Op(_) => err("An operator was used as a value."),
        }
    }

    /// Builds the whole function of a lazily passed function definition.
    fn materialise(&mut self, id: OpId, frame: &[Slot]) -> EvalResult<Value> {
        let nb = self.stack.len();
        self.stack.extend(frame.iter().cloned());
        self.run_frame(id, nb)
    }

    /// `x \in S` without building `S` when it is a difference, union, intersection or
    /// filter (so `n \in Nat \ {0}` works as in TLC).
    pub(crate) fn member(&mut self, x: &Value, set: &Expr) -> EvalResult<bool> {
        match &set.kind {
            // A closed constant set not computed yet: test membership through its
            // expression when that is one of the forms above, since computing it may mean
            // enumerating an infinite set (`Nat \ {0}`); otherwise computing it once is best.
            ExprKind::Cached(c) if c.cell.get().is_none() && is_lazy_membership_form(&c.expr) => {
                self.member(x, &c.expr)
            }
            ExprKind::Builtin(Builtin::SetMinus, a) => {
                Ok(self.member(x, &a[0])? && !self.member(x, &a[1])?)
            }
            ExprKind::Builtin(Builtin::Cup, a) => {
                Ok(self.member(x, &a[0])? || self.member(x, &a[1])?)
            }
            ExprKind::Builtin(Builtin::Cap, a) => {
                Ok(self.member(x, &a[0])? && self.member(x, &a[1])?)
            }
            ExprKind::SetFilter(bound, pred) if bound.set.is_some() => {
                let inner = bound.set.as_ref().expect("checked");
                if !self.member(x, inner)? {
                    return Ok(false);
                }
                let mark = self.stack.len();
                self.bind(x, bound.tuple.then_some(bound.names))?;
                let r = self.eval_bool(pred);
                self.stack.truncate(mark);
                r
            }
            ExprKind::FnSet(d, r) => {
                if !vals::is_fn(x) {
                    return Ok(false);
                }
                let same_domain = match self.try_ref(d).and_then(|dom| x.domain_is(dom)) {
                    Some(same) => same,
                    None => {
                        let dom = self.eval(d)?;
                        vals::equal(&vals::domain(x)?, &dom)?
                    }
                };
                if !same_domain {
                    return Ok(false);
                }
                let mut i = 0;
                while let Some(v) = x.fn_value_at(i) {
                    if !self.member(v, r)? {
                        return Ok(false);
                    }
                    i += 1;
                }
                Ok(true)
            }
            ExprKind::RecordSet(fields) => {
                let Value::Record(rec) = x else {
                    return Ok(false);
                };
                if rec.len() != fields.len() {
                    return Ok(false);
                }
                for (name, fs) in fields {
                    let Some((_, v)) = rec.iter().find(|(n, _)| n == name) else {
                        return Ok(false);
                    };
                    if !self.member(v, fs)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            ExprKind::Times(parts) => {
                let Value::Tuple(t) = x else {
                    return Ok(false);
                };
                if t.len() != parts.len() {
                    return Ok(false);
                }
                for (v, p) in t.iter().zip(parts.iter()) {
                    if !self.member(v, p)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            ExprKind::Builtin(Builtin::Seq, a) => {
                let Value::Tuple(t) = x else {
                    return Ok(false);
                };
                for v in t.iter() {
                    if !self.member(v, &a[0])? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            ExprKind::Builtin(Builtin::Subset, a) => {
                if !vals::is_set(x) {
                    return Ok(false);
                }
                for v in vals::elements(x)?.iter() {
                    if !self.member(v, &a[0])? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            ExprKind::Builtin(Builtin::Union, a) if matches!(a[0].kind, ExprKind::SetEnum(_)) => {
                let ExprKind::SetEnum(items) = &a[0].kind else {
                    unreachable!("matched above")
                };
                for item in items {
                    if self.member(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            ExprKind::Call(id, args)
                if args.is_empty()
                    && self.prog.op(*id).fn_bounds.is_none()
                    && !matches!(self.prog.const_cache.get(id.0 as usize), Some(Some(c)) if c.get().is_some()) =>
            {
                let prog = self.prog;
                let nb = self.stack.len();
                let old = std::mem::replace(&mut self.base, nb);
                let r = self.member(x, &prog.op(*id).body);
                self.stack.truncate(nb);
                self.base = old;
                r
            }
            _ => {
                if let Some(s) = self.try_ref(set) {
                    return vals::contains(s, x).map_err(|e| e.at(set.span));
                }
                let s = self.eval(set)?;
                vals::contains(&s, x).map_err(|e| e.at(set.span))
            }
        }
    }

    /// Evaluates an expression.
    #[inline(always)]
    pub fn eval(&mut self, e: &Expr) -> EvalResult<Value> {
        self.nested(e, Self::eval_inner)
    }

    /// Runs `f` on `e` one nesting level deeper (see [`Ctx::deeper`]), and gives an error
    /// from it the span of `e` unless it has one (the innermost expression wins).
    #[inline(always)]
    fn nested<T>(
        &mut self,
        e: &Expr,
        f: impl FnOnce(&mut Self, &Expr) -> EvalResult<T>,
    ) -> EvalResult<T> {
        // The result is returned as the callee left it and an error is annotated in place:
        // unpacking and repacking a value at every level of the expression tree is a copy
        // the hot path does not need.
        if self.depth >= MAX_EVAL_DEPTH {
            return Err(too_deep());
        }
        self.depth += 1;
        let mut r = f(self, e);
        self.depth -= 1;
        if let Err(x) = &mut r {
            x.set_span(e.span);
        }
        r
    }

    /// Evaluates an expression whose value is stored inside another (a tuple's or record's
    /// part, a set's element, a point of an `EXCEPT`): finite lazy sets inside it are made
    /// explicit, and an expression normal by construction is not walked.
    pub(crate) fn eval_normal(&mut self, e: &Expr) -> EvalResult<Value> {
        let v = self.eval(e)?;
        if e.builds_normal() {
            Ok(v)
        } else {
            vals::normalize(v)
        }
    }

    /// The normal values of `xs`, in one shared slice allocated once.
    pub(crate) fn eval_parts(&mut self, xs: &[Expr]) -> EvalResult<Arc<[Value]>> {
        let start = self.parts.len();
        for x in xs {
            match self.eval_normal(x) {
                Ok(v) => self.parts.push(v),
                Err(e) => {
                    self.parts.truncate(start);
                    return Err(e);
                }
            }
        }
        Ok(self.parts.drain(start..).collect())
    }

    /// Runs `f` one nesting level deeper, or fails once [`MAX_EVAL_DEPTH`] levels are under
    /// way (expression evaluation and action enumeration count alike).
    pub(crate) fn deeper<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> EvalResult<T>,
    ) -> EvalResult<T> {
        if self.depth >= MAX_EVAL_DEPTH {
            return Err(too_deep());
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }

    /// The value `e` denotes when it is already held somewhere: a literal, a variable, a
    /// frame slot, a computed constant, or a function application or record field of such
    /// a value at such an argument (`pc[self]`, `msg.type`). Nothing is cloned or evaluated,
    /// so this has no effects and no errors: `None` means "evaluate it" (and evaluation
    /// reports any error, with TLC's wording).
    #[inline]
    pub(crate) fn try_ref<'a>(&'a self, e: &'a Expr) -> Option<&'a Value> {
        match &e.kind {
            ExprKind::Var(i) if !self.in_next => self.cur.get(*i as usize),
            ExprKind::Local(s) => match self.stack.get(self.base + *s as usize)? {
                Slot::Val(v) => Some(v),
                _ => None,
            },
            // Two arms rather than one: with all seven kinds in one arm the compiler lays
            // the match out differently, and MCLamportMutex runs 2.5% more instructions.
            ExprKind::FnApp(..) | ExprKind::Dot(..) | ExprKind::Lit(_) | ExprKind::Var(_) => {
                self.try_ref_deep(e)
            }
            ExprKind::PrimeVar(_) | ExprKind::Cached(_) | ExprKind::Tuple(_) => {
                self.try_ref_deep(e)
            }
            _ => None,
        }
    }

    /// [`Ctx::try_ref`] beyond its commonest cases (kept out of line so that those inline).
    fn try_ref_deep<'a>(&'a self, e: &'a Expr) -> Option<&'a Value> {
        match &e.kind {
            ExprKind::Lit(v) => Some(v),
            ExprKind::Var(i) if self.in_next => self.next.get(*i as usize)?.as_ref(),
            ExprKind::Var(i) => self.cur.get(*i as usize),
            ExprKind::PrimeVar(i) if !self.in_next => self.next.get(*i as usize)?.as_ref(),
            ExprKind::Local(s) => match self.stack.get(self.base + *s as usize)? {
                Slot::Val(v) => Some(v),
                _ => None,
            },
            ExprKind::Cached(c) => c.cell.get(),
            ExprKind::Tuple(xs) if xs.is_empty() => Some(empty_tuple()),
            ExprKind::FnApp(f, x) => self.try_ref(f)?.get(self.try_ref(x)?),
            ExprKind::Dot(r, name) => self.try_ref(r)?.get_field(*name),
            _ => None,
        }
    }

    /// Evaluates an expression that must be a boolean.
    pub fn eval_bool(&mut self, e: &Expr) -> EvalResult<bool> {
        if let ExprKind::Fast(f) = &e.kind {
            return match self.fast(f, Self::eval_bool) {
                Some(b) => Ok(b),
                None => self.eval_bool(&f.expr),
            };
        }
        if expr::is_bool_form(&e.kind) {
            // What `eval` does, without making the result a value.
            return self.nested(e, Self::bool_form);
        }
        if let Some(Value::Bool(b)) = self.try_ref(e) {
            return Ok(*b);
        }
        let v = self.eval(e)?;
        match v {
            Value::Bool(b) => Ok(b),
            _ => Err(EvalError::new(format!(
                "A non-boolean expression ({}) was used as a condition.",
                display(&v)
            ))
            .at(e.span)),
        }
    }

    pub(crate) fn const_value(&mut self, c: ConstId) -> EvalResult<Value> {
        match self.prog.const_values.get(c.0 as usize) {
            Some(Some(ConstBinding::Value(v))) => Ok(v.clone()),
            Some(Some(ConstBinding::Op(id))) => self.call(*id, &[], false),
            _ => err(format!(
                "The constant {} is not assigned a value by the configuration.",
                self.prog.consts[c.0 as usize].name
            )),
        }
    }

    pub(crate) fn arg_slot(&mut self, a: &Arg) -> EvalResult<Slot> {
        Ok(match a {
            Arg::Expr(Expr {
                kind: ExprKind::PrimeVar(i),
                ..
            }) if !self.in_next => Slot::Var(*i, true),
            Arg::Expr(Expr {
                kind: ExprKind::Var(i),
                ..
            }) => Slot::Var(*i, false),
            Arg::Expr(Expr {
                kind: ExprKind::Local(l),
                ..
            }) if matches!(self.stack[self.base + *l as usize], Slot::Var(..)) => {
                self.stack[self.base + *l as usize].clone()
            }
            Arg::Expr(Expr {
                kind: ExprKind::Call(id, args) | ExprKind::CallLocal(id, args),
                ..
            }) if self.prog.op(*id).fn_bounds.is_some() => {
                let local = self.prog.op(*id).capture.is_some();
                let mut frame: Vec<Slot> = Vec::new();
                if local {
                    let depth = self.prog.op(*id).capture.unwrap_or(0) as usize;
                    frame.extend_from_slice(&self.stack[self.base..self.base + depth]);
                }
                for a in args {
                    frame.push(self.arg_slot(a)?);
                }
                Slot::LazyFn(*id, frame.into())
            }
            Arg::Expr(Expr {
                kind: ExprKind::Local(l),
                ..
            }) if matches!(self.stack[self.base + *l as usize], Slot::LazyFn(..)) => {
                self.stack[self.base + *l as usize].clone()
            }
            Arg::Expr(e) => Slot::Val(self.eval(e)?),
            Arg::Op(r) => Slot::Op(self.op_val(r)?),
        })
    }

    pub(crate) fn op_val(&self, r: &OpRef) -> EvalResult<OpVal> {
        Ok(match r {
            OpRef::User(id) => OpVal::User(*id),
            OpRef::Local(id) => {
                let depth = self.prog.op(*id).capture.unwrap_or(0) as usize;
                OpVal::Closure(*id, self.stack[self.base..self.base + depth].into())
            }
            OpRef::Builtin(b) => OpVal::Builtin(*b),
            OpRef::Const(c) => OpVal::Const(*c),
            OpRef::Param(s) => match &self.stack[self.base + *s as usize] {
                Slot::Op(o) => o.clone(),
                _ => return err("A value was passed where an operator was expected."),
            },
        })
    }

    /// Builds the frame of a call (captured prefix for local operators, then arguments)
    /// and returns its base.
    pub(crate) fn enter(&mut self, id: OpId, args: &[Arg], local: bool) -> EvalResult<usize> {
        // The arguments are evaluated before any of them is pushed: an argument may bind
        // names (a quantifier, EXCEPT's `@`) in the caller's frame, and those are pushed on
        // top of the stack at the slot the caller's frame expects, so the stack must end at
        // the caller's frame while arguments are evaluated.
        let mut frame = self.frames.pop().unwrap_or_default();
        for a in args {
            match self.arg_slot(a) {
                Ok(s) => frame.push(s),
                Err(e) => {
                    frame.clear();
                    self.frames.push(frame);
                    return Err(e);
                }
            }
        }
        let new_base = self.stack.len();
        if local {
            let depth = self.prog.op(id).capture.unwrap_or(0) as usize;
            let base = self.base;
            self.stack.extend_from_within(base..base + depth);
        }
        self.stack.append(&mut frame);
        self.frames.push(frame);
        Ok(new_base)
    }

    /// `CallLocal(id)` of a zero-argument LET definition, remembered per context when the
    /// definition allows it (see [`Ctx::let_memo`]) and the next state is not being read.
    pub(crate) fn call_let(&mut self, id: OpId) -> EvalResult<Value> {
        let prog = self.prog;
        if self.in_next || !prog.let_memo.get(id.0 as usize).copied().unwrap_or(false) {
            return self.call(id, &[], true);
        }
        let depth = prog.op(id).capture.unwrap_or(0) as usize;
        let Some(prefix) = self.stack.get(self.base..self.base + depth) else {
            return self.call(id, &[], true);
        };
        if !prefix.iter().all(|s| matches!(s, Slot::Val(_))) {
            return self.call(id, &[], true);
        }
        if prog
            .let_constant
            .get(id.0 as usize)
            .copied()
            .unwrap_or(false)
            && const_lets::small(prefix)
        {
            if let Some(v) = const_lets::get(prog.number, id, prefix) {
                return Ok(v);
            }
            let prefix = prefix.to_vec();
            let v = self.call(id, &[], true)?;
            const_lets::put(prog.number, id, &prefix, &v);
            return Ok(v);
        }
        // Compared in place: a hit allocates and clones nothing.
        let same = |c: &[Value]| {
            c.iter()
                .zip(prefix)
                .all(|(v, s)| matches!(s, Slot::Val(w) if v == w))
        };
        if let Some((_, _, v)) = self.let_memo.iter().find(|(i, c, _)| *i == id && same(c)) {
            return Ok(v.clone());
        }
        let captured: Vec<Value> = prefix
            .iter()
            .filter_map(|s| match s {
                Slot::Val(v) => Some(v.clone()),
                _ => None,
            })
            .collect();
        let v = self.call(id, &[], true)?;
        if self.let_memo.len() >= LET_MEMO_ENTRIES {
            self.let_memo.pop();
        }
        self.let_memo.insert(0, (id, captured, v.clone()));
        Ok(v)
    }

    pub(crate) fn call(&mut self, id: OpId, args: &[Arg], local: bool) -> EvalResult<Value> {
        if let Some(Some(cell)) = self.prog.const_cache.get(id.0 as usize) {
            if let Some(v) = cell.get() {
                return Ok(v.clone());
            }
            let nb = self.stack.len();
            let v = self.run_frame(id, nb)?;
            let _ = cell.set(v.clone());
            return Ok(v);
        }
        let new_base = self.enter(id, args, local)?;
        self.run_frame(id, new_base)
    }

    fn run_frame(&mut self, id: OpId, new_base: usize) -> EvalResult<Value> {
        let old = std::mem::replace(&mut self.base, new_base);
        let op = self.prog.op(id);
        let r = if let Some(bounds) = &op.fn_bounds {
            self.build_fn(bounds, &op.body)
        } else {
            self.eval(&op.body)
        };
        self.stack.truncate(new_base);
        self.base = old;
        r
    }

    /// Calls an operator value with argument slots (a vector, or an array so that a call
    /// of one or two arguments allocates nothing).
    pub(crate) fn call_opval<I>(&mut self, ov: &OpVal, args: I) -> EvalResult<Value>
    where
        I: IntoIterator<Item = Slot>,
        I::IntoIter: ExactSizeIterator,
    {
        let args = args.into_iter();
        let n = args.len();
        if let OpVal::User(id) | OpVal::Closure(id, _) = ov {
            let op = self.prog.op(*id);
            if op.params.len() != n {
                return err(format!(
                    "The operator {} takes {} arguments, but was applied to {n}.",
                    op.name,
                    op.params.len(),
                ));
            }
        }
        match ov {
            OpVal::User(id) => {
                let nb = self.stack.len();
                self.stack.extend(args);
                self.run_frame(*id, nb)
            }
            OpVal::Closure(id, cap) => {
                let nb = self.stack.len();
                self.stack.extend(cap.iter().cloned());
                self.stack.extend(args);
                self.run_frame(*id, nb)
            }
            OpVal::Builtin(b) => {
                let mut vals = args.map(|a| match &a {
                    Slot::LazyFn(id, frame) => self.materialise(*id, frame),
                    other => self.slot_value(other),
                });
                match n {
                    1 => {
                        let x = vals.next().expect("one argument")?;
                        self.builtin(*b, &[x])
                    }
                    2 => {
                        let x = vals.next().expect("two arguments")?;
                        let y = vals.next().expect("two arguments")?;
                        self.builtin(*b, &[x, y])
                    }
                    _ => {
                        let vs = vals.collect::<EvalResult<Vec<Value>>>()?;
                        self.builtin(*b, &vs)
                    }
                }
            }
            OpVal::Const(c) => match self.prog.const_values.get(c.0 as usize) {
                Some(Some(ConstBinding::Op(id))) => {
                    let id = *id;
                    self.call_opval(&OpVal::User(id), args)
                }
                Some(Some(ConstBinding::Value(v))) if n == 0 => Ok(v.clone()),
                _ => err(format!(
                    "The constant operator {} is not defined by the configuration.",
                    self.prog.consts[c.0 as usize].name
                )),
            },
        }
    }

    fn builtin(&mut self, b: Builtin, args: &[Value]) -> EvalResult<Value> {
        if builtins::plain(b) {
            return builtins::apply(b, args);
        }
        match b {
            Builtin::Print => {
                self.out.print(&display(&args[0]));
                Ok(args[1].clone())
            }
            Builtin::PrintT => {
                self.out.print(&display(&args[0]));
                Ok(Value::Bool(true))
            }
            Builtin::Assert => match &args[0] {
                Value::Bool(true) => Ok(Value::Bool(true)),
                Value::Bool(false) => err(format!(
                    "The first argument of Assert evaluated to FALSE; the second argument was:\n{}",
                    display(&args[1])
                )),
                v => err(format!(
                    "The first argument of Assert must be a boolean, but instead it is:\n{}",
                    display(v)
                )),
            },
            Builtin::TlcGet => match &args[0] {
                Value::Int(i) if *i >= 0 => {
                    Ok(self.regs.get(*i as usize).cloned().unwrap_or(Value::Int(0)))
                }
                Value::Str(s) if &**s == "level" || &**s == "diameter" => Ok(Value::Int(0)),
                v => err(format!("TLCGet: unsupported argument {}.", display(v))),
            },
            Builtin::TlcSet => match &args[0] {
                Value::Int(i) if *i >= 0 && *i < 1 << 16 => {
                    let i = *i as usize;
                    if self.regs.len() <= i {
                        self.regs.resize(i + 1, Value::Int(0));
                    }
                    self.regs[i] = args[1].clone();
                    Ok(Value::Bool(true))
                }
                v => err(format!("TLCSet: unsupported register {}.", display(v))),
            },
            Builtin::Plus | Builtin::Minus | Builtin::Mul | Builtin::Pow | Builtin::Neg => {
                let v = builtins::apply(b, args)?;
                if let Value::Int(i) = v {
                    if i32::try_from(i).is_err()
                        && !WARNED_32BIT.swap(true, std::sync::atomic::Ordering::Relaxed)
                    {
                        self.out.warn(&format!(
                            "Warning: the integer {i} is outside TLC's 32-bit range (-2147483648..2147483647); TLC would report an overflow."
                        ));
                    }
                }
                Ok(v)
            }
            _ => builtins::apply(b, args),
        }
    }

    /// The values each binder level ranges over.
    pub(crate) fn levels<'b>(&mut self, bounds: &'b [Bound]) -> EvalResult<Levels<'b>> {
        let mut out = Levels::new();
        for b in bounds {
            let Some(set) = &b.set else {
                return err("TLC cannot evaluate an unbounded quantifier or CHOOSE.");
            };
            let elems = self.elems(set)?;
            if b.tuple {
                out.push((elems, Some(b.names)));
            } else {
                for _ in 0..b.names {
                    out.push((elems.clone(), None));
                }
            }
        }
        Ok(out)
    }

    /// The elements of the set `set` evaluates to, in TLC's order; a closed constant set is
    /// enumerated once and its elements borrowed from it.
    pub(crate) fn elems<'b>(&mut self, set: &'b Expr) -> EvalResult<Elems<'b>> {
        if let ExprKind::Cached(c) = &set.kind {
            if c.elems.get().is_none() {
                let s = self.eval(set)?;
                let elems = vals::elements(&s).map_err(|e| e.at(set.span))?;
                let _ = c.elems.set(elems);
            }
            let held = c.elems.get().expect("set above");
            return Ok(Elems::Held(held));
        }
        let s = self.eval(set)?;
        Ok(Elems::Owned(
            vals::elements(&s).map_err(|e| e.at(set.span))?,
        ))
    }

    pub(crate) fn bind(&mut self, v: &Value, tuple: Option<u32>) -> EvalResult<()> {
        match tuple {
            None => self.stack.push(Slot::Val(v.clone())),
            Some(k) => match v {
                Value::Tuple(t) if t.len() == k as usize => {
                    self.stack.extend(t.iter().map(|x| Slot::Val(x.clone())))
                }
                _ => {
                    return err(format!(
                        "A tuple of {k} elements was expected, but the value is:\n{}",
                        display(v)
                    ))
                }
            },
        }
        Ok(())
    }

    /// Runs `f` for every binding of the levels; stops (returning false) when `f` does.
    pub(crate) fn iterate(
        &mut self,
        levels: &[Level<'_>],
        f: &mut dyn FnMut(&mut Self) -> EvalResult<bool>,
    ) -> EvalResult<bool> {
        let Some(((set, tuple), rest)) = levels.split_first() else {
            return f(self);
        };
        for v in set.iter() {
            let mark = self.stack.len();
            self.bind(v, *tuple)?;
            let r = self.iterate(rest, f);
            self.stack.truncate(mark);
            if !r? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn build_fn(&mut self, bounds: &[Bound], body: &Expr) -> EvalResult<Value> {
        let levels = self.levels(bounds)?;
        let single = levels.len() == 1 && levels[0].1.is_none();
        let mut pairs = Vec::new();
        let base = self.base;
        self.iterate(&levels, &mut |cx| {
            let key = if single {
                cx.slot_value(&cx.stack[cx.stack.len() - 1])?
            } else if levels.len() == 1 {
                let k = levels[0].1.unwrap_or(1) as usize;
                let start = cx.stack.len() - k;
                Value::Tuple(
                    cx.stack[start..]
                        .iter()
                        .map(|s| cx.slot_value(s))
                        .collect::<EvalResult<Vec<_>>>()?
                        .into(),
                )
            } else {
                let n: usize = levels.iter().map(|l| l.1.unwrap_or(1) as usize).sum();
                let start = cx.stack.len() - n;
                let mut key: Vec<Value> = Vec::new();
                let mut i = start;
                for (_, t) in &levels {
                    match t {
                        None => {
                            key.push(cx.slot_value(&cx.stack[i])?);
                            i += 1;
                        }
                        Some(k) => {
                            key.push(Value::Tuple(
                                cx.stack[i..i + *k as usize]
                                    .iter()
                                    .map(|s| cx.slot_value(s))
                                    .collect::<EvalResult<Vec<_>>>()?
                                    .into(),
                            ));
                            i += *k as usize;
                        }
                    }
                }
                Value::Tuple(key.into())
            };
            let v = cx.eval(body)?;
            pairs.push((key, v));
            Ok(true)
        })?;
        debug_assert_eq!(base, self.base);
        vals::mk_func(pairs)
    }

    fn rec_fn_app(
        &mut self,
        id: OpId,
        args: &[Arg],
        point: &Expr,
        local: bool,
    ) -> EvalResult<Value> {
        let x = self.eval(point)?;
        if let Some(v) = self.whole_fn(id).and_then(|f| f.get(&x)) {
            return Ok(v.clone());
        }
        self.memo_point(id, &x, |cx| {
            let new_base = cx.enter(id, args, local)?;
            let old = std::mem::replace(&mut cx.base, new_base);
            let r = cx.rec_fn_point(id, &x);
            cx.stack.truncate(new_base);
            cx.base = old;
            r
        })
    }

    /// `f[x]` for a top-level function definition `f` (with no parameters), computed by
    /// `apply` and remembered for this context when the definition allows it (see
    /// `Program::fn_memo`) and the next state is not being read: the current state never
    /// changes during a context's life, so a point applied again has the same value. Only
    /// values are remembered; a failed application fails again the next time, where TLC
    /// would fail.
    pub(crate) fn memo_point(
        &mut self,
        id: OpId,
        x: &Value,
        apply: impl FnOnce(&mut Self) -> EvalResult<Value>,
    ) -> EvalResult<Value> {
        if self.in_next
            || !self
                .prog
                .fn_memo
                .get(id.0 as usize)
                .copied()
                .unwrap_or(false)
        {
            return apply(self);
        }
        let key = (id, x.fingerprint());
        if let Some((p, v)) = self.fn_points.get(&key) {
            if p == x {
                return Ok(v.clone());
            }
        }
        let v = apply(self)?;
        self.fn_points.insert(key, (x.clone(), v.clone()));
        Ok(v)
    }

    /// The whole value of a constant function definition (see `Program::fn_cache`), built
    /// on first use; `None` when it is not one or cannot be built. A definition being built
    /// on this thread (a recursive one applies itself while it is built) is applied point
    /// by point meanwhile.
    fn whole_fn(&mut self, id: OpId) -> Option<&'p Value> {
        let prog = self.prog;
        let cell = prog.fn_cache.get(id.0 as usize)?.as_ref()?;
        if cell.get().is_none() {
            if self.fn_building.contains(&id) {
                return None;
            }
            let built = if self
                .fn_domain_size(id)
                .is_some_and(|n| n <= WHOLE_FN_POINTS)
            {
                self.fn_building.push(id);
                let nb = self.stack.len();
                let built = self.run_frame(id, nb);
                self.fn_building.pop();
                built.ok()
            } else {
                None
            };
            let _ = cell.set(built);
        }
        cell.get()?.as_ref()
    }

    /// The number of points of a top-level function definition's domain, if its sets are
    /// finite (and evaluate without error).
    fn fn_domain_size(&mut self, id: OpId) -> Option<u128> {
        let prog = self.prog;
        let bounds = prog.op(id).fn_bounds.as_ref()?;
        // The definition has no parameters: its sets are evaluated in an empty frame.
        let nb = self.stack.len();
        let old = std::mem::replace(&mut self.base, nb);
        let mut n: Option<u128> = Some(1);
        for b in bounds {
            let k = b
                .set
                .as_ref()
                .and_then(|s| self.eval(s).ok())
                .and_then(|set| set.cardinality_u128());
            let per = k.and_then(|k| {
                if b.tuple {
                    Some(k)
                } else {
                    k.checked_pow(b.names)
                }
            });
            n = n.zip(per).and_then(|(n, p)| n.checked_mul(p));
            self.stack.truncate(nb);
        }
        self.base = old;
        n
    }

    fn rec_fn_point(&mut self, id: OpId, x: &Value) -> EvalResult<Value> {
        let prog = self.prog;
        let op = prog.op(id);
        let bounds = op
            .fn_bounds
            .as_ref()
            .expect("recursive application of a function definition");
        // Components of the point, one per binder level (a tuple pattern is one level).
        let nlevels: u32 = bounds
            .iter()
            .map(|b| if b.tuple { 1 } else { b.names })
            .sum();
        let comps: &[Value] = if nlevels == 1 {
            std::slice::from_ref(x)
        } else {
            match x {
                Value::Tuple(t) if t.len() == nlevels as usize => t,
                _ => return not_in_domain(id, x, self),
            }
        };
        let mut i = 0;
        for b in bounds {
            let Some(set) = &b.set else {
                return err("A function definition needs bounded domains.");
            };
            // A domain held as a value (a constant set) is read in place; another is
            // evaluated once for all the names it binds.
            let owned = match self.try_ref(set) {
                Some(_) => None,
                None => Some(self.eval(set)?),
            };
            let names = if b.tuple { 1 } else { b.names };
            for _ in 0..names {
                let Some(v) = comps.get(i) else {
                    return not_in_domain(id, x, self);
                };
                let domain = match &owned {
                    Some(s) => s,
                    None => self.try_ref(set).expect("a held value stays held"),
                };
                let inside = vals::contains(domain, v)?;
                if !inside {
                    return not_in_domain(id, x, self);
                }
                if b.tuple {
                    self.bind(v, Some(b.names))?;
                } else {
                    self.stack.push(Slot::Val(v.clone()));
                }
                i += 1;
            }
        }
        if i != comps.len() {
            return not_in_domain(id, x, self);
        }
        self.eval(&op.body)
    }
}

mod expr;

/// The most points a constant function definition may have to be built whole on first use
/// (see [`Ctx::whole_fn`]); a larger one is applied point by point, as TLC does, so that a
/// few applications of a function over a large domain do not compute all of it.
const WHOLE_FN_POINTS: u128 = 10_000;

/// The error of an evaluation nested past [`MAX_EVAL_DEPTH`] levels.
#[cold]
fn too_deep() -> EvalError {
    EvalError::new(format!(
        "The evaluation nested more than {MAX_EVAL_DEPTH} levels deep; this is probably an \
         infinite recursion in the spec."
    ))
}

fn not_in_domain(id: OpId, x: &Value, cx: &Ctx) -> EvalResult<Value> {
    err(format!(
        "Attempted to apply function {} to argument {}, which is not in the domain of the function.",
        cx.prog.op(id).name,
        display(x)
    ))
}

/// Whether [`Ctx::member`] tests membership in `set` without building it.
fn is_lazy_membership_form(set: &Expr) -> bool {
    match &set.kind {
        ExprKind::Builtin(Builtin::SetMinus | Builtin::Cup | Builtin::Cap, _)
        | ExprKind::FnSet(..)
        | ExprKind::RecordSet(_)
        | ExprKind::Times(_)
        | ExprKind::Builtin(Builtin::Seq | Builtin::Subset, _) => true,
        ExprKind::SetFilter(bound, _) => bound.set.is_some(),
        ExprKind::Builtin(Builtin::Union, a) => matches!(a[0].kind, ExprKind::SetEnum(_)),
        _ => false,
    }
}
