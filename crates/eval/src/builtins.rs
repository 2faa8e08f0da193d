//! The standard modules' operators, implemented natively.
//!
//! Each standard module (Naturals, Integers, Sequences, FiniteSets, TLC, Bags, TLAPS, Reals,
//! Randomization) is a table of names mapped to [`Builtin`]s; lowering puts a module's table
//! into scope when it is extended or instantiated. First-order operators are computed here
//! from argument values; operators that take operator arguments (`SelectSeq`, `SortSeq`,
//! `BagOfAll`) and those with effects (`Print`, `TLCSet`) are computed by the evaluator.

use std::sync::Arc;

use value::{LazySet, Value};

use crate::error::{err, EvalResult};
use crate::vals::{self, display};

/// A standard-library or core operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Builtin {
    // core
    Neq,
    NotIn,
    Cup,
    Cap,
    SetMinus,
    Subseteq,
    Subset,
    Union,
    Domain,
    Boolean,
    StringSet,
    // Naturals / Integers / Reals
    Plus,
    Minus,
    Mul,
    Pow,
    Lt,
    Gt,
    Le,
    Ge,
    Div,
    Mod,
    Range,
    Nat,
    Neg,
    Int,
    Real,
    RealDiv,
    Infinity,
    // Sequences
    Seq,
    Len,
    Concat,
    Append,
    Head,
    Tail,
    SubSeq,
    SelectSeq,
    // FiniteSets
    IsFiniteSet,
    Cardinality,
    // TLC
    Print,
    PrintT,
    Assert,
    JavaTime,
    TlcGet,
    TlcSet,
    ColonGt,
    AtAt,
    Permutations,
    SortSeq,
    RandomElement,
    Any,
    ToString,
    TlcEval,
    // Bags
    IsABag,
    BagToSet,
    SetToBag,
    BagIn,
    EmptyBag,
    BagPlus,
    BagMinus,
    BagUnion,
    SqSubseteq,
    SubBag,
    BagOfAll,
    /// `MapThenFoldSet(op, base, f, choose, S)` of the community module `Folds`, computed
    /// natively (see `Program::override_community_operators`).
    MapThenFoldSet,
    /// `FoldFunctionOnSet(op, base, fun, indices)` of the community module `Functions`,
    /// computed natively where it can be, its definition evaluated otherwise (see
    /// `Program::override_community_operators`).
    FoldFunctionOnSet,
    /// `FoldFunction(op, base, fun)` of `Functions`, likewise.
    FoldFunction,
    BagCardinality,
    CopiesIn,
    // TLAPS and other proof-only operators: always TRUE.
    ProofTrue,
}

/// `(name, arity, builtin)` entries of each standard module.
pub fn module_table(module: &str) -> Option<&'static [(&'static str, u32, Builtin)]> {
    use Builtin::*;
    const NATURALS: &[(&str, u32, Builtin)] = &[
        ("+", 2, Plus),
        ("-", 2, Minus),
        ("*", 2, Mul),
        ("^", 2, Pow),
        ("<", 2, Lt),
        (">", 2, Gt),
        ("<=", 2, Le),
        ("=<", 2, Le),
        ("\\leq", 2, Le),
        (">=", 2, Ge),
        ("\\geq", 2, Ge),
        ("\\div", 2, Div),
        ("%", 2, Mod),
        ("..", 2, Range),
        ("Nat", 0, Nat),
    ];
    const INTEGERS: &[(&str, u32, Builtin)] = &[("-.", 1, Neg), ("Int", 0, Int)];
    const REALS: &[(&str, u32, Builtin)] = &[
        ("/", 2, RealDiv),
        ("Real", 0, Real),
        ("Infinity", 0, Infinity),
    ];
    const SEQUENCES: &[(&str, u32, Builtin)] = &[
        ("Seq", 1, Seq),
        ("Len", 1, Len),
        ("\\o", 2, Concat),
        ("\\circ", 2, Concat),
        ("Append", 2, Append),
        ("Head", 1, Head),
        ("Tail", 1, Tail),
        ("SubSeq", 3, SubSeq),
        ("SelectSeq", 2, SelectSeq),
    ];
    const FINITE_SETS: &[(&str, u32, Builtin)] = &[
        ("IsFiniteSet", 1, IsFiniteSet),
        ("Cardinality", 1, Cardinality),
    ];
    const TLC: &[(&str, u32, Builtin)] = &[
        ("Print", 2, Print),
        ("PrintT", 1, PrintT),
        ("Assert", 2, Assert),
        ("JavaTime", 0, JavaTime),
        ("TLCGet", 1, TlcGet),
        ("TLCSet", 2, TlcSet),
        (":>", 2, ColonGt),
        ("@@", 2, AtAt),
        ("Permutations", 1, Permutations),
        ("SortSeq", 2, SortSeq),
        ("RandomElement", 1, RandomElement),
        ("Any", 0, Any),
        ("ToString", 1, ToString),
        ("TLCEval", 1, TlcEval),
    ];
    const BAGS: &[(&str, u32, Builtin)] = &[
        ("IsABag", 1, IsABag),
        ("BagToSet", 1, BagToSet),
        ("SetToBag", 1, SetToBag),
        ("BagIn", 2, BagIn),
        ("EmptyBag", 0, EmptyBag),
        ("(+)", 2, BagPlus),
        ("\\oplus", 2, BagPlus),
        ("(-)", 2, BagMinus),
        ("\\ominus", 2, BagMinus),
        ("BagUnion", 1, BagUnion),
        ("\\sqsubseteq", 2, SqSubseteq),
        ("SubBag", 1, SubBag),
        ("BagOfAll", 2, BagOfAll),
        ("BagCardinality", 1, BagCardinality),
        ("CopiesIn", 2, CopiesIn),
    ];
    const TLAPS: &[(&str, u32, Builtin)] = &[
        ("SMT", 0, ProofTrue),
        ("CVC3", 0, ProofTrue),
        ("Yices", 0, ProofTrue),
        ("veriT", 0, ProofTrue),
        ("Z3", 0, ProofTrue),
        ("Spass", 0, ProofTrue),
        ("SimpleArithmetic", 0, ProofTrue),
        ("Zenon", 0, ProofTrue),
        ("SlowZenon", 0, ProofTrue),
        ("SlowerZenon", 0, ProofTrue),
        ("VerySlowZenon", 0, ProofTrue),
        ("SlowestZenon", 0, ProofTrue),
        ("Isa", 0, ProofTrue),
        ("Auto", 0, ProofTrue),
        ("Force", 0, ProofTrue),
        ("Blast", 0, ProofTrue),
        ("SimplifyAndSolve", 0, ProofTrue),
        ("Simplification", 0, ProofTrue),
        ("AutoBlast", 0, ProofTrue),
        ("LS4", 0, ProofTrue),
        ("PTL", 0, ProofTrue),
        ("PropositionalTemporalLogic", 0, ProofTrue),
        ("AllProvers", 0, ProofTrue),
        ("AllSMT", 0, ProofTrue),
        ("AllIsa", 0, ProofTrue),
        ("SetExtensionality", 0, ProofTrue),
        ("NoSetContainsEverything", 0, ProofTrue),
        ("IsaWithSetExtensionality", 0, ProofTrue),
        ("SMTT", 1, ProofTrue),
        ("CVC3T", 1, ProofTrue),
        ("YicesT", 1, ProofTrue),
        ("veriTT", 1, ProofTrue),
        ("Z3T", 1, ProofTrue),
        ("SpassT", 1, ProofTrue),
        ("ZenonT", 1, ProofTrue),
        ("IsaT", 1, ProofTrue),
        ("IsaM", 1, ProofTrue),
        ("IsaMT", 2, ProofTrue),
        ("AllProversT", 1, ProofTrue),
        ("AllSMTT", 1, ProofTrue),
        ("AllIsaT", 1, ProofTrue),
    ];
    Some(match module {
        "Naturals" => NATURALS,
        "Integers" => INTEGERS,
        "Reals" => REALS,
        "Sequences" => SEQUENCES,
        "FiniteSets" => FINITE_SETS,
        "TLC" => TLC,
        "Bags" => BAGS,
        "TLAPS" => TLAPS,
        "Randomization" => &[],
        // Proof libraries: only theorems, nothing to evaluate.
        "FiniteSetTheorems"
        | "NaturalsInduction"
        | "WellFoundedInduction"
        | "SequenceTheorems"
        | "SequencesExtTheorems"
        | "FunctionTheorems"
        | "BagsTheorems"
        | "FiniteSetsExtTheorems" => &[],
        _ => return None,
    })
}

/// Standard modules a standard module brings along (e.g. Integers extends Naturals).
pub fn module_extends(module: &str) -> &'static [&'static str] {
    match module {
        "Integers" => &["Naturals"],
        "Reals" => &["Integers", "Naturals"],
        _ => &[],
    }
}

/// The number of arguments a standard operator takes.
pub fn arity(b: Builtin) -> u32 {
    for m in [
        "Naturals",
        "Integers",
        "Reals",
        "Sequences",
        "FiniteSets",
        "TLC",
        "Bags",
    ] {
        if let Some((_, a, _)) = module_table(m).and_then(|t| t.iter().find(|e| e.2 == b)) {
            return *a;
        }
    }
    for name in [
        "#",
        "\\notin",
        "\\cup",
        "\\cap",
        "\\",
        "\\subseteq",
        "SUBSET",
        "UNION",
        "DOMAIN",
        "BOOLEAN",
        "STRING",
    ] {
        if let Some((a, b2)) = core(name) {
            if b2 == b {
                return a;
            }
        }
    }
    0
}

/// Whether a module name is one of the built-in standard modules.
pub fn is_standard_module(module: &str) -> bool {
    module_table(module).is_some()
}

/// Core operators available in every module.
pub fn core(name: &str) -> Option<(u32, Builtin)> {
    use Builtin::*;
    Some(match name {
        "#" | "/=" => (2, Neq),
        "\\notin" => (2, NotIn),
        "\\cup" | "\\union" => (2, Cup),
        "\\cap" | "\\intersect" => (2, Cap),
        "\\" => (2, SetMinus),
        "\\subseteq" => (2, Subseteq),
        "SUBSET" => (1, Subset),
        "UNION" => (1, Union),
        "DOMAIN" => (1, Domain),
        "BOOLEAN" => (0, Boolean),
        "STRING" => (0, StringSet),
        _ => return None,
    })
}

/// Finds a standard operator by name in any standard module (used as a fallback so that a
/// module relying on a transitively imported standard operator still resolves).
pub fn any_module(name: &str) -> Option<(u32, Builtin)> {
    for m in [
        "Naturals",
        "Integers",
        "Sequences",
        "FiniteSets",
        "TLC",
        "Bags",
        "Reals",
    ] {
        if let Some(t) = module_table(m) {
            if let Some((_, a, b)) = t.iter().find(|(n, _, _)| *n == name) {
                return Some((*a, *b));
            }
        }
    }
    None
}

fn int(v: &Value, op: &str, pos: &str) -> EvalResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        _ => err(format!(
            "The {pos} argument of {op} should be an integer, but instead it is:\n{}",
            display(v)
        )),
    }
}

fn overflow(op: &str) -> crate::error::EvalError {
    crate::error::EvalError::new(format!("Overflow when computing {op}."))
}

fn seq<'a>(v: &'a Value, op: &str, pos: &str) -> EvalResult<&'a [Value]> {
    match v {
        Value::Tuple(t) => Ok(t),
        _ => err(format!(
            "The {pos} argument of {op} should be a sequence, but instead it is:\n{}",
            display(v)
        )),
    }
}

fn set(v: &Value, op: &str, pos: &str) -> EvalResult<Arc<[Value]>> {
    if !vals::is_set(v) {
        return err(format!(
            "The {pos} argument of {op} should be a set, but instead it is:\n{}",
            display(v)
        ));
    }
    vals::elements(v)
}

/// `S \ {x}` for a normal `x`: the elements of `S` but `x`, with the errors of
/// `S \ {x}` built as a set (see [`Value::index_without`]), and no set `{x}` built.
pub(crate) fn minus_one(s: &Value, x: &Value) -> EvalResult<Value> {
    let elems = set(s, "\\", "first")?;
    Ok(match Value::index_without(&elems, x)? {
        None => Value::Set(elems),
        Some(i) => Value::Set(value::slice::build(elems.len() - 1, |j| {
            elems[if j < i { j } else { j + 1 }].clone()
        })),
    })
}

/// The set of the elements `part` kept of `whole`, in order: `whole` itself, the same
/// instance, when every element was kept.
fn whole_or_part(whole: Arc<[Value]>, part: Vec<Value>) -> Value {
    if part.len() == whole.len() {
        Value::Set(whole)
    } else {
        Value::Set(part.into())
    }
}

thread_local! {
    /// `BOOLEAN`, made once per thread: it is evaluated wherever it is written (`x \in
    /// BOOLEAN`, `[S -> BOOLEAN]`), and a set per evaluation is an allocation per test.
    static BOOLEAN: Value = Value::Set(Arc::from(vec![Value::Bool(false), Value::Bool(true)]));
}

fn lazy(l: LazySet) -> Value {
    Value::Lazy(Arc::new(l))
}

/// A bag's `(element, count)` pairs.
fn bag(v: &Value, op: &str) -> EvalResult<Vec<(Value, i64)>> {
    if !vals::is_fn(v) {
        return err(format!(
            "The argument of {op} should be a bag, but instead it is:\n{}",
            display(v)
        ));
    }
    vals::fn_pairs(v)
        .into_iter()
        .map(|(k, c)| match c {
            Value::Int(n) => Ok((k, n)),
            _ => err(format!(
                "The argument of {op} should be a bag, but instead it is:\n{}",
                display(v)
            )),
        })
        .collect()
}

fn mk_bag(pairs: Vec<(Value, i64)>) -> EvalResult<Value> {
    vals::mk_func(
        pairs
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| (k, Value::Int(n)))
            .collect(),
    )
}

/// Whether `b` is computed by [`apply`] alone: no output, no TLC register and no warning
/// past 32 bits (which the evaluation context gives).
pub(crate) fn plain(b: Builtin) -> bool {
    use Builtin::*;
    !matches!(
        b,
        Print | PrintT | Assert | TlcGet | TlcSet | Plus | Minus | Mul | Pow | Neg
    )
}

/// Whether [`apply_held`] may compute `b`.
pub(crate) fn applies_held(b: Builtin) -> bool {
    use Builtin::*;
    matches!(b, Lt | Gt | Le | Ge | Plus | Minus)
}

/// The most common binary builtins applied to values held elsewhere (read in place, not
/// cloned): comparisons, `+` and `-` on integers when the result stays in TLC's 32-bit
/// range. `None` for anything else, which [`apply`] then computes (with its errors, and
/// the warning past 32 bits).
pub(crate) fn apply_held(b: Builtin, x: &Value, y: &Value) -> Option<Value> {
    use Builtin::*;
    let (Value::Int(x), Value::Int(y)) = (x, y) else {
        return None;
    };
    let (x, y) = (*x, *y);
    Some(match b {
        Lt => Value::Bool(x < y),
        Gt => Value::Bool(x > y),
        Le => Value::Bool(x <= y),
        Ge => Value::Bool(x >= y),
        Plus | Minus => {
            let r = if let Plus = b { x + y } else { x - y };
            // Operands and result in 32 bits: no overflow, no warning to give.
            if i32::try_from(x).is_err() || i32::try_from(y).is_err() || i32::try_from(r).is_err() {
                return None;
            }
            Value::Int(r)
        }
        _ => return None,
    })
}

/// Applies a first-order builtin to argument values.
pub fn apply(b: Builtin, args: &[Value]) -> EvalResult<Value> {
    use Builtin::*;
    let a = |i: usize| &args[i];
    Ok(match b {
        Neq => Value::Bool(!vals::equal(a(0), a(1))?),
        NotIn => Value::Bool(!vals::contains(a(1), a(0))?),
        Cup => {
            let x = set(a(0), "\\cup", "first")?;
            let y = set(a(1), "\\cup", "second")?;
            Value::Set(x).union(&Value::Set(y))?
        }
        Cap => {
            let x = set(a(0), "\\cap", "first")?;
            let mut out = Vec::new();
            for e in x.iter() {
                if vals::contains(a(1), e)? {
                    out.push(e.clone());
                }
            }
            whole_or_part(x, out)
        }
        SetMinus => {
            let x = set(a(0), "\\", "first")?;
            let mut out = Vec::new();
            for e in x.iter() {
                if !vals::contains(a(1), e)? {
                    out.push(e.clone());
                }
            }
            whole_or_part(x, out)
        }
        Subseteq => {
            let x = set(a(0), "\\subseteq", "first")?;
            let mut all = true;
            for e in x.iter() {
                if !vals::contains(a(1), e)? {
                    all = false;
                    break;
                }
            }
            Value::Bool(all)
        }
        Subset => {
            if !vals::is_set(a(0)) {
                return err(format!(
                    "Attempted to compute SUBSET of a non-set:\n{}",
                    display(a(0))
                ));
            }
            lazy(LazySet::Subset(a(0).clone()))
        }
        Union => {
            let x = set(a(0), "UNION", "first")?;
            let mut out = Vec::new();
            for s in x.iter() {
                out.extend(set(s, "UNION", "first")?.iter().cloned());
            }
            vals::mk_set(out)?
        }
        Domain => vals::domain(a(0))?,
        Boolean => BOOLEAN.with(Value::clone),
        StringSet => lazy(LazySet::String),
        Plus => Value::Int(
            int(a(0), "+", "first")?
                .checked_add(int(a(1), "+", "second")?)
                .ok_or_else(|| overflow("+"))?,
        ),
        Minus => Value::Int(
            int(a(0), "-", "first")?
                .checked_sub(int(a(1), "-", "second")?)
                .ok_or_else(|| overflow("-"))?,
        ),
        Mul => Value::Int(
            int(a(0), "*", "first")?
                .checked_mul(int(a(1), "*", "second")?)
                .ok_or_else(|| overflow("*"))?,
        ),
        Pow => {
            let x = int(a(0), "^", "first")?;
            let y = int(a(1), "^", "second")?;
            if y < 0 {
                return err(format!(
                    "The second argument of ^ should be a natural number, but instead it is:\n{y}"
                ));
            }
            if x == 0 && y == 0 {
                return err("0^0 is undefined.");
            }
            let y = u32::try_from(y).map_err(|_| overflow("^"))?;
            Value::Int(x.checked_pow(y).ok_or_else(|| overflow("^"))?)
        }
        Lt => Value::Bool(int(a(0), "<", "first")? < int(a(1), "<", "second")?),
        Gt => Value::Bool(int(a(0), ">", "first")? > int(a(1), ">", "second")?),
        Le => Value::Bool(int(a(0), "<=", "first")? <= int(a(1), "<=", "second")?),
        Ge => Value::Bool(int(a(0), ">=", "first")? >= int(a(1), ">=", "second")?),
        Div => {
            let x = int(a(0), "\\div", "first")?;
            let y = int(a(1), "\\div", "second")?;
            if y == 0 {
                return err("The second argument of \\div is 0.");
            }
            // Floor division, as TLC computes it; only the lowest integer divided by -1
            // overflows.
            let q = x.checked_div(y).ok_or_else(|| overflow("\\div"))?;
            Value::Int(if x % y != 0 && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            })
        }
        Mod => {
            let x = int(a(0), "%", "first")?;
            let y = int(a(1), "%", "second")?;
            if y <= 0 {
                return err(format!(
                    "The second argument of % should be a positive number, but instead it is:\n{y}"
                ));
            }
            Value::Int(x.rem_euclid(y))
        }
        Range => lazy(LazySet::Interval(
            int(a(0), "..", "first")?,
            int(a(1), "..", "second")?,
        )),
        Nat => lazy(LazySet::Nat),
        Neg => Value::Int(
            int(a(0), "-", "first")?
                .checked_neg()
                .ok_or_else(|| overflow("-"))?,
        ),
        Int => lazy(LazySet::Int),
        Real | RealDiv | Infinity => return err("TLC cannot handle real numbers."),
        Seq => {
            if !vals::is_set(a(0)) {
                return err(format!(
                    "The argument of Seq should be a set, but instead it is:\n{}",
                    display(a(0))
                ));
            }
            lazy(LazySet::Seq(a(0).clone()))
        }
        Len => Value::Int(seq(a(0), "Len", "first")?.len() as i64),
        Concat => {
            let x = seq(a(0), "\\o", "first")?;
            let y = seq(a(1), "\\o", "second")?;
            Value::Tuple(x.iter().chain(y.iter()).cloned().collect())
        }
        Append => {
            let x = seq(a(0), "Append", "first")?;
            let mut v = x.to_vec();
            v.push(a(1).clone());
            Value::Tuple(v.into())
        }
        Head => {
            let x = seq(a(0), "Head", "first")?;
            match x.first() {
                Some(h) => h.clone(),
                None => return err("Attempted to apply Head to the empty sequence."),
            }
        }
        Tail => {
            let x = seq(a(0), "Tail", "first")?;
            if x.is_empty() {
                return err("Attempted to apply Tail to the empty sequence.");
            }
            Value::Tuple(x[1..].iter().cloned().collect())
        }
        SubSeq => {
            let x = seq(a(0), "SubSeq", "first")?;
            let m = int(a(1), "SubSeq", "second")?;
            let n = int(a(2), "SubSeq", "third")?;
            if m > n {
                Value::Tuple(Arc::from(Vec::new()))
            } else if m < 1 || n > x.len() as i64 {
                return err(format!(
                    "The second argument of SubSeq must be in the domain of its first argument:\n{}\n, but instead it is\n{m}",
                    display(a(0))
                ));
            } else {
                Value::Tuple(x[(m - 1) as usize..n as usize].iter().cloned().collect())
            }
        }
        IsFiniteSet => Value::Bool(match a(0) {
            Value::Set(_) => true,
            Value::Lazy(l) => match &**l {
                LazySet::Nat | LazySet::Int | LazySet::String => false,
                LazySet::Seq(s) => vals::cardinality(s)? == 0,
                _ => true,
            },
            v => {
                return err(format!(
                    "The argument of IsFiniteSet should be a set, but instead it is:\n{}",
                    display(v)
                ))
            }
        }),
        Cardinality => Value::Int(vals::cardinality(a(0))? as i64),
        ColonGt => vals::mk_func(vec![(a(0).clone(), a(1).clone())])?,
        AtAt => a(0).fn_merge(a(1))?,
        Permutations => {
            let s = set(a(0), "Permutations", "first")?;
            let mut out = Vec::new();
            let mut perm: Vec<usize> = (0..s.len()).collect();
            permute(&mut perm, 0, &mut |p| {
                out.push(vals::mk_func(
                    s.iter()
                        .zip(p.iter())
                        .map(|(k, &i)| (k.clone(), s[i].clone()))
                        .collect(),
                ))
            });
            vals::mk_set(out.into_iter().collect::<EvalResult<Vec<_>>>()?)?
        }
        RandomElement => {
            let s = set(a(0), "RandomElement", "first")?;
            match s.first() {
                Some(x) => x.clone(),
                None => return err("Attempted to apply RandomElement to the empty set."),
            }
        }
        Any => lazy(LazySet::String),
        ToString => Value::Str(display(a(0)).into()),
        TlcEval => a(0).clone(),
        JavaTime => Value::Int(0),
        IsABag => Value::Bool(
            vals::is_fn(a(0))
                && vals::fn_pairs(a(0))
                    .iter()
                    .all(|(_, c)| matches!(c, Value::Int(n) if *n > 0)),
        ),
        BagToSet => vals::mk_set(bag(a(0), "BagToSet")?.into_iter().map(|p| p.0).collect())?,
        SetToBag => mk_bag(
            set(a(0), "SetToBag", "first")?
                .iter()
                .map(|x| (x.clone(), 1))
                .collect(),
        )?,
        BagIn => Value::Bool(
            bag(a(1), "BagIn")?
                .iter()
                .any(|(k, _)| vals::equal(k, a(0)).unwrap_or(false)),
        ),
        EmptyBag => Value::Tuple(Arc::from(Vec::new())),
        BagPlus | BagMinus => {
            let x = bag(a(0), "(+)")?;
            let y = bag(a(1), "(+)")?;
            let mut out: Vec<(Value, i64)> = Vec::new();
            for (k, n) in x {
                let m = y
                    .iter()
                    .find(|(k2, _)| vals::equal(k2, &k).unwrap_or(false))
                    .map_or(0, |p| p.1);
                let c = if b == BagPlus {
                    n.checked_add(m).ok_or_else(|| overflow("(+)"))?
                } else {
                    n.checked_sub(m).ok_or_else(|| overflow("(-)"))?
                };
                out.push((k, c));
            }
            if b == BagPlus {
                for (k, m) in y {
                    if !out
                        .iter()
                        .any(|(k2, _)| vals::equal(k2, &k).unwrap_or(false))
                    {
                        out.push((k, m));
                    }
                }
            }
            mk_bag(out)?
        }
        BagUnion => {
            let s = set(a(0), "BagUnion", "first")?;
            let mut acc = Value::Tuple(Arc::from(Vec::new()));
            for x in s.iter() {
                acc = apply(BagPlus, &[acc, x.clone()])?;
            }
            acc
        }
        SqSubseteq => {
            let x = bag(a(0), "\\sqsubseteq")?;
            let y = bag(a(1), "\\sqsubseteq")?;
            Value::Bool(x.iter().all(|(k, n)| {
                y.iter()
                    .find(|(k2, _)| vals::equal(k2, k).unwrap_or(false))
                    .is_some_and(|p| p.1 >= *n)
            }))
        }
        SubBag => {
            let x = bag(a(0), "SubBag")?;
            let mut out = vec![Vec::new()];
            for (k, n) in x {
                let mut next = Vec::new();
                for prefix in &out {
                    for c in 0..=n {
                        let mut p: Vec<(Value, i64)> = prefix.clone();
                        p.push((k.clone(), c));
                        next.push(p);
                    }
                }
                out = next;
            }
            vals::mk_set(
                out.into_iter()
                    .map(mk_bag)
                    .collect::<EvalResult<Vec<_>>>()?,
            )?
        }
        BagCardinality => Value::Int(
            bag(a(0), "BagCardinality")?
                .iter()
                .try_fold(0i64, |acc, p| acc.checked_add(p.1))
                .ok_or_else(|| overflow("BagCardinality"))?,
        ),
        CopiesIn => {
            let x = bag(a(1), "CopiesIn")?;
            Value::Int(
                x.iter()
                    .find(|(k, _)| vals::equal(k, a(0)).unwrap_or(false))
                    .map_or(0, |p| p.1),
            )
        }
        ProofTrue => Value::Bool(true),
        Print | PrintT | Assert | TlcGet | TlcSet | SelectSeq | SortSeq | BagOfAll
        | MapThenFoldSet | FoldFunctionOnSet | FoldFunction => {
            return err(format!("internal: {b:?} is evaluated by the evaluator"))
        }
    })
}

fn permute(p: &mut Vec<usize>, k: usize, f: &mut dyn FnMut(&[usize])) {
    if k == p.len() {
        f(p);
        return;
    }
    for i in k..p.len() {
        p.swap(k, i);
        permute(p, k + 1, f);
        p.swap(k, i);
    }
}
