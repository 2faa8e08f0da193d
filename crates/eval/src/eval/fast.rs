//! Conditions compiled for a fast path: comparisons, membership, boolean connectives and
//! `\A`/`\E` over held sets, computed on values read in place.
//!
//! The evaluator's general path builds a [`Value`] at every node of an expression, clones the
//! values it reads, and dispatches each standard operator through a table of every operator.
//! A condition such as `\A p, q \in Proc : Len(network[p][q]) <= 3` or `y[p][q] # 5` needs
//! none of that: its values are held (in the state, the frame, a literal or a computed
//! constant), its integers are machine integers and its result is a boolean. [`compile`]
//! turns such a condition into a [`Cond`], whose nodes are typed (a held value, an integer, a
//! boolean), and [`wrap_conditions`] puts each one beside its expression in an
//! [`ExprKind::Fast`] node once the program is built.
//!
//! **The fast path decides only what it can decide exactly.** Running a [`Cond`] gives
//! `Some(b)` when every step was of the kinds it knows (a point in a function's domain, two
//! integers compared, a set held explicitly …); anything else (a value of another kind, a
//! point outside a domain, a set not yet computed, a result past 32 bits) gives `None`, and
//! the evaluator then evaluates the expression on its general path, from the start: the
//! result, and any error with TLC's wording, are those of the general path. Every form
//! compiled has no effect, so evaluating part of it twice changes nothing.
//!
//! A LET definition with no parameters whose body is itself a held form (`m ==
//! Head(network[q][p])`) is read in place where a condition uses it (`m.type = "req"`): the
//! general path would call it (and look it up among the values the context remembers).
//!
//! **Enumeration sees the same guards.** Successor enumeration branches on `\/`, `\E`,
//! `x' = e` and `x' \in S`, and walks `/\`, `\A`, `IF`, `CASE`, `=>` and operator calls to
//! find them; everything else is a guard, evaluated as a boolean. A [`Cond`] therefore never
//! holds, where enumeration could walk (its root, and below `/\`, `\A`, `IF` branches and the
//! right of `=>`), a disjunction, an `\E`, a set membership or equality whose left side is a
//! variable or a frame slot (an assignment in an action or in Init), or a cached constant that
//! branches. Below a negation, a comparison or an `IF` condition any form compiles. A
//! conjunction is never compiled as a root, so that invariants and constraints are still
//! split into their conjuncts.

use std::sync::Arc;

use value::{Str, Value};

use super::cache::CachedExpr;
use super::{empty_tuple, Ctx, Slot};
use crate::builtins::Builtin;
use crate::ir::{Bound, Expr, ExprKind};
use crate::program::Program;

/// An expression compiled as a condition, kept beside the expression it was compiled from
/// (evaluated when the condition cannot be decided on the fast path, and seen by every
/// analysis of the program).
#[derive(Clone, Debug)]
pub struct FastExpr {
    /// The condition.
    pub cond: Cond,
    /// The expression.
    pub expr: Expr,
    /// The size of the frame the condition is evaluated in, when it binds variables: the
    /// first slot its outermost binder uses. Checked before running it.
    frame: Option<u32>,
}

impl PartialEq for FastExpr {
    fn eq(&self, other: &FastExpr) -> bool {
        self.expr == other.expr
    }
}

/// A value held somewhere, read in place.
#[derive(Clone, Debug)]
pub enum Held {
    /// A literal.
    Lit(Value),
    /// A state variable (read in the next state where unprimed variables are).
    Var(u32),
    /// A primed state variable.
    PrimeVar(u32),
    /// A slot of the frame the condition is evaluated in.
    Frame(u32),
    /// A variable bound by a binder of the condition (its index among them).
    Bound(u32),
    /// A closed constant expression, once computed.
    Cached(Arc<CachedExpr>),
    /// `<< >>`.
    EmptyTuple,
    /// `f[x]`.
    App(Box<Held>, Box<Operand>),
    /// `r.name`.
    Field(Box<Held>, Str),
    /// `Head(s)` of a held non-empty sequence.
    Head(Box<Held>),
}

/// An integer expression.
#[derive(Clone, Debug)]
pub enum Num {
    /// A literal.
    Lit(i64),
    /// A held value that must be an integer.
    Held(Held),
    /// `Len(s)` of a held sequence.
    Len(Held),
    /// `Cardinality(S)` of a held explicit set.
    Card(Held),
    /// `a + b`, `a - b`, `a * b` (the builtin, one of these three).
    Arith(Builtin, Box<Num>, Box<Num>),
}

/// An operand of an equality, a comparison or a function application.
#[derive(Clone, Debug)]
pub enum Operand {
    /// A held value.
    Held(Held),
    /// An integer computed here.
    Num(Num),
}

/// A compiled condition.
#[derive(Clone, Debug)]
pub enum Cond {
    /// A held value that must be a boolean.
    Held(Held),
    /// `~a`.
    Not(Box<Cond>),
    /// `a /\ b /\ …`.
    And(Vec<Cond>),
    /// `a \/ b \/ …`.
    Or(Vec<Cond>),
    /// `a => b`.
    Implies(Box<Cond>, Box<Cond>),
    /// `a <=> b`.
    Equiv(Box<Cond>, Box<Cond>),
    /// `IF c THEN a ELSE b`.
    If(Box<Cond>, Box<Cond>, Box<Cond>),
    /// `a = b` (or `a # b` when the flag is set).
    Eq(Operand, Operand, bool),
    /// `a < b`, `a <= b`, `a > b`, `a >= b` (the builtin).
    Cmp(Builtin, Operand, Operand),
    /// `x \in S` (or `x \notin S` when the flag is set).
    In(Operand, Held, bool),
    /// `\A` (true) or `\E` (false): one held set per bound name, bound in order from the
    /// binder index `first`.
    Quant(bool, Vec<Held>, u32, Box<Cond>),
}

/// Whether a position may be walked by successor enumeration (see the module's account).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pos {
    Walked,
    Evaluated,
}

/// What compiling keeps track of: the first frame slot of the outermost binder met, and the
/// binders met so far.
struct Compiler<'p> {
    prog: &'p Program,
    frame: Option<u32>,
    bound: u32,
    /// How many LET definitions are being inlined (bounded, see [`Compiler::held`]).
    inlined: u32,
}

/// Compiles `e` as a condition evaluated where enumeration may walk it, when every part of
/// it has a fast form and it is worth it; `None` otherwise.
pub(crate) fn compile(prog: &Program, e: &Expr) -> Option<FastExpr> {
    let f = compile_walked(prog, e)?;
    // A lone held boolean or literal gains nothing.
    if matches!(f.cond, Cond::Held(_)) {
        return None;
    }
    Some(f)
}

/// The first conjunct of an action, compiled as a condition where it has a fast form (a lone
/// held boolean, `active[i]`, included): successor enumeration evaluates it first, so an
/// action whose first conjunct is FALSE has no successor, and most actions of a
/// next-state relation are disabled by their first conjunct in most states. Checking it
/// before the action is enumerated spares the enumeration's set-up for those.
pub(crate) fn leading_guard(prog: &Program, action: &Expr) -> Option<FastExpr> {
    let ExprKind::And(xs) = &action.kind else {
        return None;
    };
    match &xs.first()?.kind {
        ExprKind::Fast(f) => Some((**f).clone()),
        _ => compile_walked(prog, &xs[0]),
    }
}

/// `e` compiled as a condition at a position enumeration may walk (a conjunction is never
/// compiled there, so that invariants and constraints are still split into conjuncts).
fn compile_walked(prog: &Program, e: &Expr) -> Option<FastExpr> {
    if matches!(e.kind, ExprKind::And(_)) {
        return None;
    }
    let mut c = Compiler {
        prog,
        frame: None,
        bound: 0,
        inlined: 0,
    };
    let cond = c.cond(e, Pos::Walked)?;
    Some(FastExpr {
        cond,
        expr: e.clone(),
        frame: c.frame,
    })
}

/// Wraps every condition of `e` that compiles (see [`compile`]) in an [`ExprKind::Fast`]
/// node; the other forms are searched for conditions inside them.
pub(crate) fn wrap_conditions(prog: &Program, e: &mut Expr) {
    if let Some(f) = compile(prog, e) {
        e.kind = ExprKind::Fast(Arc::new(f));
        return;
    }
    e.for_each_child_mut(&mut |c| wrap_conditions(prog, c));
}

impl Compiler<'_> {
    fn cond(&mut self, e: &Expr, pos: Pos) -> Option<Cond> {
        use Pos::*;
        Some(match &e.kind {
            ExprKind::Not(a) => Cond::Not(Box::new(self.cond(a, Evaluated)?)),
            ExprKind::And(xs) => Cond::And(
                xs.iter()
                    .map(|x| self.cond(x, pos))
                    .collect::<Option<Vec<_>>>()?,
            ),
            ExprKind::Or(xs) if pos == Evaluated => Cond::Or(
                xs.iter()
                    .map(|x| self.cond(x, pos))
                    .collect::<Option<Vec<_>>>()?,
            ),
            ExprKind::Implies(a, b) => Cond::Implies(
                Box::new(self.cond(a, Evaluated)?),
                Box::new(self.cond(b, pos)?),
            ),
            ExprKind::Equiv(a, b) => Cond::Equiv(
                Box::new(self.cond(a, Evaluated)?),
                Box::new(self.cond(b, Evaluated)?),
            ),
            ExprKind::If(c, a, b) => Cond::If(
                Box::new(self.cond(c, Evaluated)?),
                Box::new(self.cond(a, pos)?),
                Box::new(self.cond(b, pos)?),
            ),
            ExprKind::Eq(a, b) => {
                if pos == Walked && assignable(a) {
                    return None;
                }
                Cond::Eq(self.operand(a)?, self.operand(b)?, false)
            }
            ExprKind::Builtin(Builtin::Neq, xs) => {
                Cond::Eq(self.operand(&xs[0])?, self.operand(&xs[1])?, true)
            }
            ExprKind::Builtin(b @ (Builtin::Lt | Builtin::Le | Builtin::Gt | Builtin::Ge), xs) => {
                Cond::Cmp(*b, self.operand(&xs[0])?, self.operand(&xs[1])?)
            }
            ExprKind::In(a, s) => {
                if pos == Walked && assignable(a) {
                    return None;
                }
                Cond::In(self.operand(a)?, self.held(s)?, false)
            }
            ExprKind::Builtin(Builtin::NotIn, xs) => {
                Cond::In(self.operand(&xs[0])?, self.held(&xs[1])?, true)
            }
            ExprKind::Quant(forall, bounds, body) if *forall || pos == Evaluated => {
                self.quant(*forall, bounds, body, pos)?
            }
            ExprKind::Cached(c) => {
                if pos == Walked && crate::enumerate::branches(&c.expr) {
                    return None;
                }
                Cond::Held(Held::Cached(c.clone()))
            }
            _ => Cond::Held(self.held(e)?),
        })
    }

    fn quant(&mut self, forall: bool, bounds: &[Bound], body: &Expr, pos: Pos) -> Option<Cond> {
        let first = self.bound;
        let mut sets = Vec::new();
        for b in bounds {
            if b.tuple {
                return None;
            }
            // The binder's slots follow the frame's: the outermost binder's first slot is
            // the frame's size, and each later binder's slots follow those already bound.
            let frame = *self.frame.get_or_insert(b.first_slot);
            if b.first_slot != frame + self.bound {
                return None;
            }
            let set = self.held(b.set.as_deref()?)?;
            for _ in 0..b.names {
                sets.push(set.clone());
                self.bound += 1;
            }
        }
        let body = self.cond(body, pos)?;
        self.bound = first;
        Some(Cond::Quant(forall, sets, first, Box::new(body)))
    }

    fn operand(&mut self, e: &Expr) -> Option<Operand> {
        if let Some(n) = self.num(e) {
            return Some(Operand::Num(n));
        }
        self.held(e).map(Operand::Held)
    }

    /// An integer computed here (a held value that is an integer is an [`Operand::Held`]).
    fn num(&mut self, e: &Expr) -> Option<Num> {
        Some(match &e.kind {
            ExprKind::Lit(Value::Int(i)) => Num::Lit(*i),
            ExprKind::Builtin(Builtin::Len, xs) => Num::Len(self.held(&xs[0])?),
            ExprKind::Builtin(Builtin::Cardinality, xs) => Num::Card(self.held(&xs[0])?),
            ExprKind::Builtin(b @ (Builtin::Plus | Builtin::Minus | Builtin::Mul), xs) => {
                Num::Arith(
                    *b,
                    Box::new(self.num_or_held(&xs[0])?),
                    Box::new(self.num_or_held(&xs[1])?),
                )
            }
            _ => return None,
        })
    }

    fn num_or_held(&mut self, e: &Expr) -> Option<Num> {
        match self.operand(e)? {
            Operand::Num(n) => Some(n),
            Operand::Held(h) => Some(Num::Held(h)),
        }
    }

    fn held(&mut self, e: &Expr) -> Option<Held> {
        Some(match &e.kind {
            ExprKind::Lit(v) if !v.contains_lazy() => Held::Lit(v.clone()),
            ExprKind::Var(i) => Held::Var(*i),
            ExprKind::PrimeVar(i) => Held::PrimeVar(*i),
            ExprKind::Local(s) => match self.frame {
                Some(f) if *s >= f => Held::Bound(*s - f),
                _ => Held::Frame(*s),
            },
            ExprKind::Cached(c) => Held::Cached(c.clone()),
            ExprKind::Tuple(xs) if xs.is_empty() => Held::EmptyTuple,
            ExprKind::FnApp(f, x) => Held::App(Box::new(self.held(f)?), Box::new(self.operand(x)?)),
            ExprKind::Builtin(Builtin::Head, xs) => Held::Head(Box::new(self.held(&xs[0])?)),
            // A LET definition with no parameters whose body is itself a held form (`m ==
            // Head(q)`, then `m.type`): its body read in place. Such a body binds nothing, and
            // reads the slots of the frame it was defined in, which are those of this frame.
            ExprKind::CallLocal(id, args) if args.is_empty() && self.inlined < 8 => {
                let op = self.prog.op(*id);
                if !op.params.is_empty() || op.fn_bounds.is_some() || op.capture.is_none() {
                    return None;
                }
                self.inlined += 1;
                let h = self.held(&op.body);
                self.inlined -= 1;
                h?
            }
            ExprKind::Dot(r, name) => Held::Field(Box::new(self.held(r)?), *name),
            _ => return None,
        })
    }
}

/// Whether `a = e` or `a \in S` may assign `a` during enumeration: `a` is a variable, a
/// primed variable, a frame slot (an argument may be a variable) or a primed expression.
fn assignable(a: &Expr) -> bool {
    matches!(
        a.kind,
        ExprKind::Var(_) | ExprKind::PrimeVar(_) | ExprKind::Local(_) | ExprKind::Prime(_)
    )
}

/// The variables bound by a condition's binders, as they are bound.
type Env<'a> = smallvec::SmallVec<[&'a Value; 8]>;

/// How conditions are evaluated: on the fast path where it decides (the default), never on
/// it (`WARDEN_FAST=off`), or on both paths, with a panic where they differ
/// (`WARDEN_FAST=check`, for testing the fast path against the general one).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    /// The fast path where it decides.
    On,
    /// The general path only.
    Off,
    /// Both, compared.
    Check,
}

/// The mode, read from the environment once.
pub fn mode() -> Mode {
    static MODE: std::sync::LazyLock<Mode> =
        std::sync::LazyLock::new(|| match std::env::var("WARDEN_FAST").as_deref() {
            Ok("off") => Mode::Off,
            Ok("check") => Mode::Check,
            _ => Mode::On,
        });
    *MODE
}

impl FastExpr {
    /// The condition's value in `cx`, when the fast path can decide it (see the module's
    /// account); `None` means "evaluate the expression".
    #[inline]
    pub(crate) fn run(&self, cx: &Ctx<'_>) -> Option<bool> {
        if let Some(f) = self.frame {
            if cx.stack.len() - cx.base != f as usize {
                return None;
            }
        }
        cond(&self.cond, cx, &mut Env::new())
    }
}

impl Ctx<'_> {
    /// The fast path's answer for `f` under the [`mode`]: none when it is off, and in the
    /// `check` mode an answer that `general` (the general path, on the expression) has
    /// confirmed, or a panic that names both.
    #[inline(always)]
    pub(crate) fn fast(
        &mut self,
        f: &FastExpr,
        general: impl FnOnce(&mut Self, &Expr) -> crate::error::EvalResult<bool>,
    ) -> Option<bool> {
        let mode = mode();
        if mode == Mode::Off {
            return None;
        }
        let fast = f.run(self)?;
        if mode == Mode::Check {
            let general = general(self, &f.expr);
            assert!(
                matches!(general, Ok(g) if g == fast),
                "the fast path gave {fast}, the general path {general:?}, for {:?}",
                f.expr
            );
        }
        Some(fast)
    }
}

fn cond<'a>(c: &'a Cond, cx: &'a Ctx<'_>, env: &mut Env<'a>) -> Option<bool> {
    Some(match c {
        Cond::Held(h) => match held(h, cx, env)? {
            Value::Bool(b) => *b,
            _ => return None,
        },
        Cond::Not(a) => !cond(a, cx, env)?,
        Cond::And(xs) => {
            for x in xs {
                if !cond(x, cx, env)? {
                    return Some(false);
                }
            }
            true
        }
        Cond::Or(xs) => {
            for x in xs {
                if cond(x, cx, env)? {
                    return Some(true);
                }
            }
            false
        }
        Cond::Implies(a, b) => !cond(a, cx, env)? || cond(b, cx, env)?,
        Cond::Equiv(a, b) => cond(a, cx, env)? == cond(b, cx, env)?,
        Cond::If(c, a, b) => {
            if cond(c, cx, env)? {
                cond(a, cx, env)?
            } else {
                cond(b, cx, env)?
            }
        }
        Cond::Eq(a, b, negated) => equal(a, b, cx, env)? != *negated,
        Cond::Cmp(op, a, b) => {
            let (x, y) = (int(a, cx, env)?, int(b, cx, env)?);
            match op {
                Builtin::Lt => x < y,
                Builtin::Le => x <= y,
                Builtin::Gt => x > y,
                _ => x >= y,
            }
        }
        Cond::In(x, s, negated) => {
            let s = held(s, cx, env)?;
            let found = match x {
                Operand::Held(h) => s.contains(held(h, cx, env)?),
                Operand::Num(n) => s.contains(&Value::Int(num(n, cx, env)?)),
            };
            found.ok()? != *negated
        }
        Cond::Quant(forall, sets, first, body) => {
            env.truncate(*first as usize);
            let r = quant(*forall, sets, body, cx, env);
            env.truncate(*first as usize);
            r?
        }
    })
}

/// `\A` or `\E` over the sets still to bind: whether the body is `forall` for every binding
/// (`\A`), or is not `forall` for some (`\E`): the result is `forall` unless a binding
/// decides otherwise.
fn quant<'a>(
    forall: bool,
    sets: &'a [Held],
    body: &'a Cond,
    cx: &'a Ctx<'_>,
    env: &mut Env<'a>,
) -> Option<bool> {
    let Some((set, rest)) = sets.split_first() else {
        return cond(body, cx, env);
    };
    let mark = env.len();
    for v in elements(set, cx, env)? {
        env.push(v);
        let r = quant(forall, rest, body, cx, env);
        env.truncate(mark);
        if r? != forall {
            return Some(!forall);
        }
    }
    Some(forall)
}

/// The elements of a held set given explicitly (or enumerated once, for a cached constant).
fn elements<'a>(set: &'a Held, cx: &'a Ctx<'_>, env: &Env<'a>) -> Option<&'a [Value]> {
    if let Held::Cached(c) = set {
        if let Some(e) = c.elems.get() {
            return Some(e);
        }
    }
    match held(set, cx, env)? {
        Value::Set(s) => Some(s),
        _ => None,
    }
}

fn equal<'a>(a: &'a Operand, b: &'a Operand, cx: &'a Ctx<'_>, env: &Env<'a>) -> Option<bool> {
    match (a, b) {
        (Operand::Held(x), Operand::Held(y)) => held(x, cx, env)?.tlc_eq(held(y, cx, env)?).ok(),
        _ => Some(int(a, cx, env)? == int(b, cx, env)?),
    }
}

fn int<'a>(a: &'a Operand, cx: &'a Ctx<'_>, env: &Env<'a>) -> Option<i64> {
    match a {
        Operand::Held(h) => match held(h, cx, env)? {
            Value::Int(i) => Some(*i),
            _ => None,
        },
        Operand::Num(n) => num(n, cx, env),
    }
}

fn num<'a>(n: &'a Num, cx: &'a Ctx<'_>, env: &Env<'a>) -> Option<i64> {
    Some(match n {
        Num::Lit(i) => *i,
        Num::Held(h) => match held(h, cx, env)? {
            Value::Int(i) => *i,
            _ => return None,
        },
        Num::Len(h) => match held(h, cx, env)? {
            Value::Tuple(t) => t.len() as i64,
            _ => return None,
        },
        Num::Card(h) => match held(h, cx, env)? {
            Value::Set(s) => s.len() as i64,
            _ => return None,
        },
        Num::Arith(op, a, b) => {
            let (x, y) = (num(a, cx, env)?, num(b, cx, env)?);
            let r = match op {
                Builtin::Plus => x.checked_add(y)?,
                Builtin::Minus => x.checked_sub(y)?,
                _ => x.checked_mul(y)?,
            };
            // Past TLC's 32 bits the general path gives its warning.
            let small = |v: i64| i32::try_from(v).is_ok();
            if !(small(x) && small(y) && small(r)) {
                return None;
            }
            r
        }
    })
}

/// A held value: the leaves (a literal, a variable, a slot of the frame or a bound
/// variable) are read here, inlined where the value is wanted, and the rest by
/// [`held_compound`], so that `pc[j]` or `network[p][q]` costs one call rather than one per
/// part.
#[inline(always)]
fn held<'a>(h: &'a Held, cx: &'a Ctx<'_>, env: &Env<'a>) -> Option<&'a Value> {
    match h {
        Held::Lit(v) => Some(v),
        Held::Var(i) if cx.in_next => cx.next.get(*i as usize)?.as_ref(),
        Held::Var(i) => cx.cur.get(*i as usize),
        Held::Frame(s) => match cx.stack.get(cx.base + *s as usize)? {
            Slot::Val(v) => Some(v),
            _ => None,
        },
        Held::Bound(i) => env.get(*i as usize).copied(),
        _ => held_compound(h, cx, env),
    }
}

/// A held value other than a leaf (see [`held`]).
fn held_compound<'a>(h: &'a Held, cx: &'a Ctx<'_>, env: &Env<'a>) -> Option<&'a Value> {
    match h {
        Held::PrimeVar(i) if !cx.in_next => cx.next.get(*i as usize)?.as_ref(),
        Held::PrimeVar(_) => None,
        Held::Cached(c) => c.cell.get(),
        Held::EmptyTuple => Some(empty_tuple()),
        Held::App(f, x) => {
            let f = held(f, cx, env)?;
            match &**x {
                Operand::Held(k) => f.get(held(k, cx, env)?),
                Operand::Num(n) => f.get(&Value::Int(num(n, cx, env)?)),
            }
        }
        Held::Field(r, name) => held(r, cx, env)?.get_field(*name),
        Held::Head(s) => match held(s, cx, env)? {
            Value::Tuple(t) => t.first(),
            _ => None,
        },
        // Read by `held` itself, which never passes them here.
        Held::Lit(_) | Held::Var(_) | Held::Frame(_) | Held::Bound(_) => held(h, cx, env),
    }
}

#[cfg(test)]
mod tests;
