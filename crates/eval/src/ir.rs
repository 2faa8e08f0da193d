//! The intermediate representation the evaluator runs.
//!
//! Lowering (the crate's `lower` module) resolves every name once: state variables become slot
//! indices, bound variables and operator parameters become frame slots, operators become
//! [`OpId`]s and standard-library operators become [`Builtin`]s. Evaluation therefore never
//! looks a name up in a string table.

use std::sync::Arc;

use source::Span;
use value::{Str, Value};

use crate::builtins::Builtin;

/// Index of an operator in [`crate::Program::ops`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OpId(pub u32);

/// Index of a declared constant of the root module (bound by the model configuration).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ConstId(pub u32);

/// An expression with its source span.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What it computes.
    pub kind: ExprKind,
    /// Where it was written.
    pub span: Span,
}

/// One bound `x, y \in S` or `<<a, b>> \in S`. Names occupy consecutive frame slots starting at
/// `first_slot`, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Bound {
    /// Number of names bound (each a frame slot).
    pub names: u32,
    /// Whether the names destructure one tuple (`<<a, b>> \in S`).
    pub tuple: bool,
    /// The first frame slot.
    pub first_slot: u32,
    /// The set ranged over (`None` for unbounded forms, which cannot be evaluated).
    pub set: Option<Box<Expr>>,
}

/// A step of an `EXCEPT` path.
#[derive(Clone, Debug, PartialEq)]
pub enum ExceptKey {
    /// `![e]`.
    Index(Expr),
    /// `!.f`.
    Field(Str),
}

/// One `!path = value` clause; `@` inside `value` reads frame slot `at_slot`.
#[derive(Clone, Debug, PartialEq)]
pub struct ExceptClause {
    /// The path.
    pub path: Vec<ExceptKey>,
    /// The new value.
    pub value: Expr,
    /// The frame slot `@` is bound to while `value` is evaluated.
    pub at_slot: u32,
}

/// A reference to an operator used as a value-less argument (higher-order parameters).
#[derive(Clone, Debug, PartialEq)]
pub enum OpRef {
    /// A user-defined (top-level or instance) operator.
    User(OpId),
    /// A LET-defined operator or LAMBDA: captures the current frame up to its depth.
    Local(OpId),
    /// A standard-library operator.
    Builtin(Builtin),
    /// A higher-order parameter of the enclosing operator, in this frame slot.
    Param(u32),
    /// A constant operator bound by the model configuration.
    Const(ConstId),
}

/// An operator argument: an expression, or an operator passed to a higher-order parameter.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// An ordinary argument.
    Expr(Expr),
    /// An operator.
    Op(OpRef),
}

/// Temporal operators: recognised for SPECIFICATION/PROPERTY analysis, not evaluable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Temporal {
    /// `[]F`.
    Always,
    /// `<>F`.
    Eventually,
    /// `F ~> G`.
    LeadsTo,
    /// `WF_v(A)`.
    WeakFair,
    /// `SF_v(A)`.
    StrongFair,
    /// `\AA`, `\EE`, `-+->`.
    Other,
}

/// The expression forms.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A literal value.
    Lit(Value),
    /// A state variable (unprimed).
    Var(u32),
    /// A primed state variable `x'`.
    PrimeVar(u32),
    /// `e'` for a non-variable `e`: `e` evaluated in the next state.
    Prime(Box<Expr>),
    /// A frame slot: bound variable, parameter, or `@`.
    Local(u32),
    /// A declared constant of the root module.
    Const(ConstId),
    /// Call of a top-level operator (also zero-arity references).
    Call(OpId, Vec<Arg>),
    /// Call of a LET-defined operator or LAMBDA (shares the current frame's prefix).
    CallLocal(OpId, Vec<Arg>),
    /// Call of a higher-order parameter held in a frame slot.
    CallParam(u32, Vec<Arg>),
    /// Call of a constant operator `F(_)` bound by the configuration.
    CallConst(ConstId, Vec<Arg>),
    /// A standard operator applied to ordinary arguments.
    Builtin(Builtin, Vec<Expr>),
    /// A standard operator that takes operator arguments.
    BuiltinHo(Builtin, Vec<Arg>),
    /// `~e`.
    Not(Box<Expr>),
    /// A conjunction (short-circuit, left to right).
    And(Vec<Expr>),
    /// A disjunction (short-circuit, left to right).
    Or(Vec<Expr>),
    /// `a => b`.
    Implies(Box<Expr>, Box<Expr>),
    /// `a <=> b`.
    Equiv(Box<Expr>, Box<Expr>),
    /// `a = b`.
    Eq(Box<Expr>, Box<Expr>),
    /// `a \in S`.
    In(Box<Expr>, Box<Expr>),
    /// `IF c THEN a ELSE b`.
    If(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `CASE` arms and optional `OTHER`.
    Case(Vec<(Expr, Expr)>, Option<Box<Expr>>),
    /// `\A` (true) or `\E` (false) over bounds.
    Quant(bool, Vec<Bound>, Box<Expr>),
    /// `CHOOSE x \in S : P`.
    Choose(Box<Bound>, Box<Expr>),
    /// `{a, b}`.
    SetEnum(Vec<Expr>),
    /// `{x \in S : P}`.
    SetFilter(Box<Bound>, Box<Expr>),
    /// `{e : x \in S}`.
    SetMap(Vec<Bound>, Box<Expr>),
    /// `<<a, b>>`.
    Tuple(Vec<Expr>),
    /// `A \X B`.
    Times(Vec<Expr>),
    /// `[a |-> e]`.
    Record(Vec<(Str, Expr)>),
    /// `[a : S]`.
    RecordSet(Vec<(Str, Expr)>),
    /// `[x \in S |-> e]`.
    FnCons(Vec<Bound>, Box<Expr>),
    /// `[S -> T]`.
    FnSet(Box<Expr>, Box<Expr>),
    /// `f[a]` (several arguments are a tuple).
    FnApp(Box<Expr>, Box<Expr>),
    /// `f[a]` where `f` is a recursive function definition: evaluated point by point.
    RecFnApp(OpId, Vec<Arg>, Box<Expr>),
    /// `r.f`.
    Dot(Box<Expr>, Str),
    /// `[f EXCEPT …]`.
    Except(Box<Expr>, Vec<ExceptClause>),
    /// `UNCHANGED e`.
    Unchanged(Box<Expr>),
    /// `ENABLED A`.
    Enabled(Box<Expr>),
    /// `[A]_v`.
    BoxAction(Box<Expr>, Box<Expr>),
    /// `<<A>>_v`.
    AngleAction(Box<Expr>, Box<Expr>),
    /// A temporal formula; operands kept for analysis.
    Temporal(Temporal, Vec<Expr>),
    /// An expression that could not be lowered (an error was reported).
    Error,
    /// A closed constant expression, evaluated once and then reused (see
    /// the `eval::cache` module).
    Cached(Arc<crate::eval::cache::CachedExpr>),
    /// A condition compiled for the fast path, beside the expression it was compiled from
    /// (see the `eval::fast` module).
    Fast(Arc<crate::eval::fast::FastExpr>),
}

/// An operator definition after lowering.
#[derive(Clone, Debug)]
pub struct OpDef {
    /// The operator's name as written.
    pub name: String,
    /// The module it was defined in.
    pub module: String,
    /// Arity of each parameter (0 for ordinary parameters). For operators of a parameterised
    /// instance this includes the instance's parameters first.
    pub params: Vec<u32>,
    /// The body (for a function definition: its value at the point bound by `fn_bounds`).
    pub body: Expr,
    /// The whole definition.
    pub span: Span,
    /// For LET definitions and LAMBDAs: the number of slots of the defining frame the body
    /// sees before its own parameters.
    pub capture: Option<u32>,
    /// For function definitions `f[x \in S] == e`: the domain bounds (slots after the
    /// parameters); the function is evaluated lazily, point by point.
    pub fn_bounds: Option<Vec<Bound>>,
}

impl ExprKind {
    /// Whether this form's value depends on more than the current state and the frame: it
    /// reads the next state (primes, `UNCHANGED`, `[A]_v`, `<<A>>_v`), is `ENABLED` or
    /// temporal, or could not be lowered.
    pub fn beyond_state(&self) -> bool {
        matches!(
            self,
            ExprKind::PrimeVar(_)
                | ExprKind::Prime(_)
                | ExprKind::Unchanged(_)
                | ExprKind::Enabled(_)
                | ExprKind::BoxAction(..)
                | ExprKind::AngleAction(..)
                | ExprKind::Temporal(..)
                | ExprKind::Error
        )
    }
}

impl Expr {
    /// Whether every value of this expression is already normal (holds no lazily
    /// represented set), so that storing it in a state needs no normalisation walk: a state
    /// variable, a tuple, record or enumerated set or set map (the evaluator normalises
    /// their parts), `EXCEPT` on such a value (it normalises each new part), a literal with
    /// no lazy set, and `IF`/`CASE` whose every branch is one of these. Also what is made
    /// of the parts of such values: a point or field of one, `\cup` of two, `\cap` or `\`
    /// of one and any set (their elements are the first set's), and `Append`, `Tail`,
    /// `Head`, `SubSeq` and `\o` of such sequences (the same elements, or one more that is
    /// itself such a value). Here `msgs' = msgs \cup {m}` is stored without walking `msgs`.
    pub fn builds_normal(&self) -> bool {
        match &self.kind {
            ExprKind::Var(_)
            | ExprKind::PrimeVar(_)
            | ExprKind::Tuple(_)
            | ExprKind::Record(_)
            | ExprKind::SetEnum(_)
            | ExprKind::SetMap(..) => true,
            ExprKind::Lit(v) => !v.contains_lazy(),
            ExprKind::Except(f, _) => f.builds_normal(),
            ExprKind::FnApp(f, _) | ExprKind::Dot(f, _) => f.builds_normal(),
            ExprKind::Builtin(
                Builtin::Cap | Builtin::SetMinus | Builtin::Tail | Builtin::Head | Builtin::SubSeq,
                xs,
            ) => xs.first().is_some_and(Expr::builds_normal),
            ExprKind::Builtin(Builtin::Cup | Builtin::Append | Builtin::Concat, xs) => {
                xs.iter().all(Expr::builds_normal)
            }
            ExprKind::If(_, a, b) => a.builds_normal() && b.builds_normal(),
            ExprKind::Case(arms, other) => {
                arms.iter().all(|(_, b)| b.builds_normal())
                    && other.as_ref().is_none_or(|o| o.builds_normal())
            }
            _ => false,
        }
    }

    /// Calls `f` on this expression and every sub-expression, parents first.
    pub fn walk_mut(&mut self, f: &mut dyn FnMut(&mut Expr)) {
        f(self);
        self.for_each_child_mut(&mut |c| c.walk_mut(f));
    }

    /// Calls `f` on each direct sub-expression of this expression.
    pub fn for_each_child_mut(&mut self, f: &mut dyn FnMut(&mut Expr)) {
        let args = |xs: &mut Vec<Arg>, f: &mut dyn FnMut(&mut Expr)| {
            for a in xs {
                if let Arg::Expr(x) = a {
                    f(x);
                }
            }
        };
        let bounds = |bs: &mut [Bound], f: &mut dyn FnMut(&mut Expr)| {
            for b in bs {
                if let Some(s) = &mut b.set {
                    f(s);
                }
            }
        };
        match &mut self.kind {
            ExprKind::Lit(_)
            | ExprKind::Var(_)
            | ExprKind::PrimeVar(_)
            | ExprKind::Local(_)
            | ExprKind::Const(_)
            | ExprKind::Cached(_)
            | ExprKind::Error => {}
            ExprKind::Fast(x) => f(&mut Arc::make_mut(x).expr),
            ExprKind::Prime(a)
            | ExprKind::Not(a)
            | ExprKind::Dot(a, _)
            | ExprKind::Unchanged(a)
            | ExprKind::Enabled(a) => f(a),
            ExprKind::Call(_, xs)
            | ExprKind::CallLocal(_, xs)
            | ExprKind::CallParam(_, xs)
            | ExprKind::CallConst(_, xs)
            | ExprKind::BuiltinHo(_, xs) => args(xs, f),
            ExprKind::RecFnApp(_, xs, p) => {
                args(xs, f);
                f(p);
            }
            ExprKind::Builtin(_, xs)
            | ExprKind::And(xs)
            | ExprKind::Or(xs)
            | ExprKind::SetEnum(xs)
            | ExprKind::Tuple(xs)
            | ExprKind::Times(xs)
            | ExprKind::Temporal(_, xs) => xs.iter_mut().for_each(&mut *f),
            ExprKind::Implies(a, b)
            | ExprKind::Equiv(a, b)
            | ExprKind::Eq(a, b)
            | ExprKind::In(a, b)
            | ExprKind::FnSet(a, b)
            | ExprKind::FnApp(a, b)
            | ExprKind::BoxAction(a, b)
            | ExprKind::AngleAction(a, b) => {
                f(a);
                f(b);
            }
            ExprKind::If(a, b, c) => {
                f(a);
                f(b);
                f(c);
            }
            ExprKind::Case(arms, other) => {
                for (g, b) in arms {
                    f(g);
                    f(b);
                }
                if let Some(o) = other {
                    f(o);
                }
            }
            ExprKind::Quant(_, bs, body)
            | ExprKind::SetMap(bs, body)
            | ExprKind::FnCons(bs, body) => {
                bounds(bs, f);
                f(body);
            }
            ExprKind::Choose(b, body) | ExprKind::SetFilter(b, body) => {
                bounds(std::slice::from_mut(&mut **b), f);
                f(body);
            }
            ExprKind::Record(fs) | ExprKind::RecordSet(fs) => fs.iter_mut().for_each(|(_, x)| f(x)),
            ExprKind::Except(g, cs) => {
                f(g);
                for c in cs {
                    for k in &mut c.path {
                        if let ExceptKey::Index(x) = k {
                            f(x);
                        }
                    }
                    f(&mut c.value);
                }
            }
        }
    }
}
