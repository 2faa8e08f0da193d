//! The TLA+ syntax tree.
//!
//! The tree is deliberately close to the source: every prefix, infix and postfix operator
//! application (built-in or user-defined, `+`, `\cup`, `'`, `~`, `[]` …) is an
//! [`ExprKind::OpApp`] whose name is the operator's *canonical ASCII spelling* (see
//! [`crate::ops`]), so that name resolution can decide whether `+` means the standard
//! module's operator or a user's redefinition. Only binding forms and bracketed syntax get
//! their own node kinds. Spans cover the whole construct.

use source::Span;

/// An identifier or operator symbol with its position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident {
    /// The name as written (operator symbols in canonical ASCII spelling).
    pub name: String,
    /// Where it was written.
    pub span: Span,
}

/// A whole module: `---- MODULE Name ---- … ====`.
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    /// The module's name.
    pub name: Ident,
    /// `EXTENDS A, B`.
    pub extends: Vec<Ident>,
    /// Everything in the module body, in source order.
    pub units: Vec<Unit>,
    /// From the opening dashes to the closing `====`.
    pub span: Span,
}

/// One top-level item of a module body.
#[derive(Clone, Debug, PartialEq)]
pub enum Unit {
    /// `VARIABLE x, y`.
    Variables(Vec<Ident>),
    /// `CONSTANT N, F(_, _)`.
    Constants(Vec<ConstDecl>),
    /// `Op(a, b) == e`, `a ++ b == e`, `-. a == e`, `a ^# == e`.
    OpDef(OpDef),
    /// `f[x \in S] == e`.
    FnDef(FnDef),
    /// `INSTANCE M WITH a <- e` (unnamed).
    Instance(Instance),
    /// `Name(params) == INSTANCE M WITH …`.
    ModuleDef(ModuleDef),
    /// `RECURSIVE Op(_), F`.
    Recursive(Vec<ConstDecl>),
    /// `ASSUME e` or `ASSUMPTION name == e`.
    Assume(Assume),
    /// `THEOREM`/`LEMMA`/`PROPOSITION`/`COROLLARY` with an optional proof: parsed, kept only
    /// so tools can list it; never checked.
    Theorem(Theorem),
    /// A nested `---- MODULE Inner ---- … ====`.
    Module(Box<Module>),
    /// `USE`, `HIDE`, `----` separators and other items with no meaning for checking.
    Other(Span),
}

/// A declared constant or a `RECURSIVE` declaration: a name and its arity (0 for a plain
/// constant, `n` for `F(_, …, _)`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConstDecl {
    /// The declared name (operator symbols for `_ ++ _`).
    pub name: Ident,
    /// Number of `_` parameters.
    pub arity: usize,
}

/// An operator parameter: `a`, or `F(_, _)` for a higher-order parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpParam {
    /// The parameter's name.
    pub name: Ident,
    /// 0 for an ordinary parameter, `n` for `F(_, …, _)`.
    pub arity: usize,
}

/// An operator definition.
#[derive(Clone, Debug, PartialEq)]
pub struct OpDef {
    /// Defined with `LOCAL`.
    pub local: bool,
    /// The operator's name (its symbol for infix/prefix/postfix definitions).
    pub name: Ident,
    /// Parameters in order.
    pub params: Vec<OpParam>,
    /// The right-hand side.
    pub body: Expr,
    /// The whole definition.
    pub span: Span,
}

/// A function definition `f[x \in S, y \in T] == e`.
#[derive(Clone, Debug, PartialEq)]
pub struct FnDef {
    /// Defined with `LOCAL`.
    pub local: bool,
    /// The function's name.
    pub name: Ident,
    /// The bound variables of its domain.
    pub bounds: Vec<Bound>,
    /// The right-hand side.
    pub body: Expr,
    /// The whole definition.
    pub span: Span,
}

/// `INSTANCE M WITH a <- e, b <- f`.
#[derive(Clone, Debug, PartialEq)]
pub struct Instance {
    /// Written with `LOCAL`.
    pub local: bool,
    /// The instantiated module's name.
    pub module: Ident,
    /// The `WITH` substitutions, `param <- expr`.
    pub substs: Vec<(Ident, Expr)>,
    /// The whole instance.
    pub span: Span,
}

/// `Name(p1, p2) == INSTANCE M WITH …`.
#[derive(Clone, Debug, PartialEq)]
pub struct ModuleDef {
    /// The definition's name.
    pub name: Ident,
    /// Its parameters (a parameterised instance).
    pub params: Vec<OpParam>,
    /// The instance itself (its `local` flag is the definition's).
    pub instance: Instance,
    /// The whole definition.
    pub span: Span,
}

/// `ASSUME e` / `ASSUMPTION Name == e`.
#[derive(Clone, Debug, PartialEq)]
pub struct Assume {
    /// The optional name.
    pub name: Option<Ident>,
    /// The assumed expression.
    pub expr: Expr,
    /// The whole assumption.
    pub span: Span,
}

/// A theorem: kept as a name and a span; its statement and proof are not checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Theorem {
    /// `THEOREM Name == …`.
    pub name: Option<Ident>,
    /// The whole theorem with its proof.
    pub span: Span,
}

/// One bound of a quantifier, set constructor or function: `x, y \in S` or `<<a, b>> \in S`;
/// `set` is `None` for unbounded forms (`\A x : e`, `CHOOSE x : e`).
#[derive(Clone, Debug, PartialEq)]
pub struct Bound {
    /// The bound names: several (`x, y \in S`) or one tuple pattern.
    pub pattern: BoundPattern,
    /// The set they range over.
    pub set: Option<Expr>,
}

/// The names a [`Bound`] introduces.
#[derive(Clone, Debug, PartialEq)]
pub enum BoundPattern {
    /// `x, y \in S`: each name ranges over S independently.
    Names(Vec<Ident>),
    /// `<<a, b>> \in S`: each element of S is destructured.
    Tuple(Vec<Ident>),
}

/// An expression with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// The source it covers.
    pub span: Span,
}

/// Which quantifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantifier {
    /// `\A`.
    Forall,
    /// `\E`.
    Exists,
}

/// Which junction list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Junction {
    /// A conjunction list (`/\` bullets).
    And,
    /// A disjunction list (`\/` bullets).
    Or,
}

/// One step of an `EXCEPT` path: `![e]` or `!.field`.
#[derive(Clone, Debug, PartialEq)]
pub enum ExceptKey {
    /// `![e]` (`![a, b]` is one key whose expression is the tuple `<<a, b>>`).
    Index(Expr),
    /// `!.name`.
    Field(Ident),
}

/// One `!path = value` of an `EXCEPT`.
#[derive(Clone, Debug, PartialEq)]
pub struct ExceptClause {
    /// The path, at least one step.
    pub path: Vec<ExceptKey>,
    /// The new value; may contain [`ExprKind::At`].
    pub value: Expr,
}

/// One arm of a `CASE`.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseArm {
    /// The guard.
    pub guard: Expr,
    /// The value when the guard holds.
    pub body: Expr,
}

/// A step of a qualified name `A!B(x)!Op`: an instance name with its arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct PathSeg {
    /// The instance (module definition) name.
    pub name: Ident,
    /// Arguments of a parameterised instance.
    pub args: Vec<Expr>,
}

/// The kinds of expression.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A name applied to arguments, or an operator application. `x` is `OpApp { name: x,
    /// args: [] }`, `a + b` is `OpApp { name: "+", args: [a, b] }`, `x'` is `OpApp { name:
    /// "'", args: [x] }`, `-x` is `OpApp { name: "-.", args: [x] }`, `M!Op(a)` has `path:
    /// [M]`. An argument may itself be a bare operator name (passed to a higher-order
    /// operator) or a `LAMBDA`.
    OpApp {
        /// The instance path before the name (`A!B!` in `A!B!Op`), usually empty.
        path: Vec<PathSeg>,
        /// The operator or identifier.
        name: Ident,
        /// The arguments.
        args: Vec<Expr>,
    },
    /// A numeral (decimal, `\b`, `\o`, `\h` forms), as written in decimal digits.
    Num(String),
    /// A decimal numeral `1.5` (parsed; TLC does not evaluate it).
    Decimal(String),
    /// A string literal, escapes resolved.
    Str(String),
    /// `TRUE` / `FALSE`.
    Bool(bool),
    /// `{a, b, c}`.
    SetEnum(Vec<Expr>),
    /// `{x \in S : P}` (one bound, possibly a tuple pattern).
    SetFilter {
        /// The bound.
        bound: Box<Bound>,
        /// The predicate.
        pred: Box<Expr>,
    },
    /// `{e : x \in S, y \in T}`.
    SetMap {
        /// The element expression.
        body: Box<Expr>,
        /// The bounds.
        bounds: Vec<Bound>,
    },
    /// `<<a, b>>`.
    Tuple(Vec<Expr>),
    /// `A \X B \X C` (n-ary, not associative).
    Times(Vec<Expr>),
    /// `[a |-> e, b |-> f]`.
    Record(Vec<(Ident, Expr)>),
    /// `[a : S, b : T]`.
    RecordSet(Vec<(Ident, Expr)>),
    /// `[x \in S, y \in T |-> e]`.
    FnCons {
        /// The bounds.
        bounds: Vec<Bound>,
        /// The value at each point.
        body: Box<Expr>,
    },
    /// `[S -> T]`.
    FnSet(Box<Expr>, Box<Expr>),
    /// `f[a]`, `f[a, b]` (several arguments mean a tuple index).
    FnApp(Box<Expr>, Vec<Expr>),
    /// `r.field`.
    Dot(Box<Expr>, Ident),
    /// `[f EXCEPT !… = e, …]`.
    Except(Box<Expr>, Vec<ExceptClause>),
    /// `@` inside an `EXCEPT` value.
    At,
    /// `IF c THEN a ELSE b`.
    If(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `CASE g1 -> e1 [] g2 -> e2 [] OTHER -> e`.
    Case(Vec<CaseArm>, Option<Box<Expr>>),
    /// `LET defs IN body` (definitions are `OpDef`, `FnDef`, `Recursive` units).
    Let(Vec<Unit>, Box<Expr>),
    /// `\A x \in S : e`, `\E x, y \in S, z \in T : e`, unbounded forms have `set: None`.
    Quant(Quantifier, Vec<Bound>, Box<Expr>),
    /// `\AA x : e`, `\EE x : e` (temporal quantifiers: parsed, not evaluated).
    TemporalQuant(Quantifier, Vec<Ident>, Box<Expr>),
    /// `CHOOSE x \in S : P`, `CHOOSE x : P`, `CHOOSE <<a, b>> \in S : P`.
    Choose(Box<Bound>, Box<Expr>),
    /// An aligned junction list, or an infix `/\` / `\/` chain flattened.
    Junction(Junction, Vec<Expr>),
    /// `[A]_v`.
    BoxAction(Box<Expr>, Box<Expr>),
    /// `<<A>>_v`.
    AngleAction(Box<Expr>, Box<Expr>),
    /// `WF_v(A)`.
    WeakFair(Box<Expr>, Box<Expr>),
    /// `SF_v(A)`.
    StrongFair(Box<Expr>, Box<Expr>),
    /// `LAMBDA x, y : e` (as an operator argument).
    Lambda(Vec<Ident>, Box<Expr>),
    /// `label :: e` — the label is kept for error messages only.
    Label(Ident, Box<Expr>),
    /// A parenthesised expression (kept so spans and printing are faithful).
    Paren(Box<Expr>),
    /// A placeholder where the parser recovered from an error.
    Error,
}
