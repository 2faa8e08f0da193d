//! State predicates (invariants, state constraints) split into conjuncts, each with the
//! state variables it reads.
//!
//! A successor state is checked after its parent, which satisfied every invariant (or whose
//! own failure is reported first; see `check::Model::check_successor_invariants`) and every
//! state constraint (only states within them are explored). A conjunct was therefore TRUE
//! in the parent, and it is TRUE again in the successor when every variable it reads holds
//! the same instance of its value: evaluation is deterministic and [`eval::state_reads`]
//! lists everything else a conjunct could depend on. Only the other conjuncts are
//! evaluated. `TypeOK`-style invariants, whose conjuncts each read one variable, mostly cost
//! only the variables the step changed.
//!
//! An initial state satisfies every conjunct of Init that the enumeration of initial states
//! evaluated as a guard (see [`init_guards`]): a conjunct of an invariant equal to one of
//! those is TRUE in every initial state and is skipped there. A specification that checks
//! an inductive invariant (`Init == TypeOK /\ IInv`, `INVARIANT IInv`) evaluates `IInv`
//! once per initial state, not twice.
//!
//! A conjunct that fails to evaluate, or is not a boolean, is not judged alone: the whole
//! predicate is evaluated instead, so the error and its wording are those of a plain check.

use eval::builtins::Builtin;
use eval::ir::{Expr, ExprKind, OpId};
use eval::{level, Program};
use value::Value;

/// Where a state being checked comes from.
#[derive(Clone, Copy)]
pub(crate) enum Origin<'a> {
    /// An initial state.
    Initial,
    /// A successor of a state whose values are these, with the variables whose values
    /// differ in instance between the two (see [`changed`]).
    Step(&'a [Value], u64),
    /// Anything else: the whole predicate is evaluated.
    Unknown,
}

/// A state predicate with its parts.
pub(crate) struct Predicate {
    /// The name the configuration gave it.
    pub(crate) name: String,
    /// The whole formula.
    pub(crate) expr: Expr,
    /// Its conjuncts (through zero-arity definitions), in evaluation order.
    parts: Vec<Part>,
    /// Whether some part's variables are known, so that a successor may skip it.
    partial: bool,
    /// Whether some part is a guard of Init, so that an initial state may skip it.
    implied_by_init: bool,
}

struct Part {
    expr: Expr,
    /// For a conjunct `x \in S` or `x \subseteq S` with `S` constant: the variable,
    /// whether it is an inclusion, and `S`. In a successor whose parent's `x` satisfied it,
    /// the test is [`Value::contains_given`] or [`Value::subseteq_given`], which skip the
    /// parts of `x` the step left alone.
    member: Option<(usize, bool, Expr)>,
    /// The variables the conjunct reads, one bit per variable index; `None` when it may read
    /// more than the state (see [`eval::state_reads`]) or a variable past the 64th.
    reads: Option<u64>,
    /// Whether the conjunct is one of Init's guards (see [`init_guards`]): TRUE in every
    /// initial state.
    init_guard: bool,
}

/// The variables `e` reads as a mask, one bit per variable index; `None` when it may read
/// more than the state or a variable past the 64th.
fn reads_mask(prog: &Program, e: &Expr) -> Option<u64> {
    eval::state_reads(prog, e).and_then(|vars| {
        vars.iter()
            .try_fold(0u64, |mask, &v| (v < 64).then(|| mask | 1 << v))
    })
}

/// Splits a state predicate into its conjuncts, through zero-arity definitions at most of
/// state level.
fn state_conjuncts(prog: &Program, e: &Expr) -> Vec<Expr> {
    let mut exprs = Vec::new();
    conjuncts(prog, e, &mut exprs, &|e| {
        level::level(prog, e) == level::STATE
    });
    exprs
}

/// The conjuncts of `init` (through zero-arity definitions) that the enumeration of
/// initial states evaluates as guards on every branch, so that every initial state
/// satisfies them: those that read only variables assigned by earlier conjuncts.
///
/// The enumeration processes Init's conjuncts left to right on each branch, and a variable
/// once assigned stays assigned. A conjunct `x \in S` or `x = e` leaves `x` assigned on
/// every branch that goes on (it assigns `x`, or tests it). Any other conjunct may assign
/// variables on some branches only, so only those two forms are counted. A conjunct whose
/// variables are all assigned before it is evaluated as a formula; a branch goes on only
/// where it is TRUE, and a plain evaluation of it (short-circuiting, left to right) reads
/// no more than the enumeration did, so it is TRUE again without error. The forms `x \in S`
/// and `x = e` themselves are not guards when they assign.
pub(crate) fn init_guards(prog: &Program, init: &Expr) -> Vec<Expr> {
    let mut assigned = 0u64;
    let mut guards = Vec::new();
    for c in state_conjuncts(prog, init) {
        if reads_mask(prog, &c).is_some_and(|r| r & !assigned == 0) {
            guards.push(c);
            continue;
        }
        if let ExprKind::In(x, _) | ExprKind::Eq(x, _) = &c.kind {
            if let ExprKind::Var(v) = x.kind {
                if v < 64 {
                    assigned |= 1 << v;
                }
            }
        }
    }
    guards
}

/// The variables whose values differ in instance between two states, one bit per index
/// (the variables past the 64th are not represented: no part's mask names them).
pub(crate) fn changed(parent: &[Value], state: &[Value]) -> u64 {
    parent
        .iter()
        .zip(state)
        .take(64)
        .enumerate()
        .fold(0, |mask, (i, (p, s))| {
            if p.same_instance(s) {
                mask
            } else {
                mask | 1 << i
            }
        })
}

impl Predicate {
    /// Splits `expr` into its conjuncts and finds what each reads.
    pub(crate) fn new(prog: &Program, name: String, expr: Expr) -> Predicate {
        let parts: Vec<Part> = state_conjuncts(prog, &expr)
            .into_iter()
            .map(|expr| {
                let reads = reads_mask(prog, &expr);
                let relation = match &expr.kind {
                    ExprKind::In(x, set) => Some((&**x, false, &**set)),
                    ExprKind::Builtin(Builtin::Subseteq, args) if args.len() == 2 => {
                        Some((&args[0], true, &args[1]))
                    }
                    _ => None,
                };
                let member = relation.and_then(|(x, subset, set)| match x.kind {
                    ExprKind::Var(v)
                        if eval::state_reads(prog, set).is_some_and(|r| r.is_empty()) =>
                    {
                        Some((v as usize, subset, set.clone()))
                    }
                    _ => None,
                });
                Part {
                    expr,
                    reads,
                    member,
                    init_guard: false,
                }
            })
            .collect();
        let partial = parts.iter().any(|p| p.reads.is_some());
        Predicate {
            name,
            expr,
            parts,
            partial,
            implied_by_init: false,
        }
    }

    /// Marks the conjuncts equal to one of Init's `guards` (see [`init_guards`]), skipped in
    /// initial states.
    pub(crate) fn implied_by_init(&mut self, guards: &[Expr]) {
        for part in &mut self.parts {
            part.init_guard = guards.contains(&part.expr);
        }
        self.implied_by_init = self.parts.iter().any(|p| p.init_guard);
    }

    /// Evaluates the predicate in `state` part by part with `eval`, skipping the parts that
    /// read only variables the step from `parent` left alone (`parent` is the parent's values
    /// and [`changed`] between it and `state`; see the module docs) and testing memberships
    /// and inclusions with `member_given` first; `whole` evaluates the whole formula when a
    /// part does not give a boolean. In an initial state the guards of Init are skipped; in
    /// any other state without a parent the whole formula is evaluated.
    pub(crate) fn holds<E>(
        &self,
        origin: Origin<'_>,
        state: &[Value],
        eval: &mut dyn FnMut(&Expr) -> Result<Value, E>,
        member_given: &mut dyn FnMut(&Value, bool, &Expr, &Value) -> Option<bool>,
        whole: &mut dyn FnMut(&Expr) -> Result<bool, E>,
    ) -> Result<bool, E> {
        let step = match origin {
            Origin::Step(parent, changed) if self.partial => Some((parent, changed)),
            Origin::Initial if self.implied_by_init => None,
            _ => return whole(&self.expr),
        };
        for part in &self.parts {
            if let Some((parent, changed)) = step {
                if part.reads.is_some_and(|r| r & changed == 0) {
                    continue;
                }
                // Only a TRUE from the shortcut is taken; anything else is evaluated in full.
                if let Some((v, subset, set)) = &part.member {
                    if member_given(&state[*v], *subset, set, &parent[*v]) == Some(true) {
                        continue;
                    }
                }
            } else if part.init_guard {
                continue;
            }
            match eval(&part.expr) {
                Ok(Value::Bool(true)) => {}
                Ok(Value::Bool(false)) => return Ok(false),
                _ => return whole(&self.expr),
            }
        }
        Ok(true)
    }
}

/// Splits a formula into its conjuncts, looking through the zero-arity definitions for
/// which `through` holds (function definitions excepted).
pub(crate) fn conjuncts(
    prog: &Program,
    e: &Expr,
    out: &mut Vec<Expr>,
    through: &dyn Fn(&Expr) -> bool,
) {
    conjuncts_at(prog, e, out, through, 0)
}

fn conjuncts_at(
    prog: &Program,
    e: &Expr,
    out: &mut Vec<Expr>,
    through: &dyn Fn(&Expr) -> bool,
    depth: u32,
) {
    match &e.kind {
        ExprKind::And(xs) => {
            for x in xs {
                conjuncts_at(prog, x, out, through, depth + 1);
            }
        }
        ExprKind::Call(id, args)
            if args.is_empty() && depth < 32 && is_plain(prog, *id) && through(e) =>
        {
            conjuncts_at(prog, &prog.op(*id).body, out, through, depth + 1)
        }
        _ => out.push(e.clone()),
    }
}

/// Whether the operator's body is its value (not a function definition's value at a point).
fn is_plain(prog: &Program, id: OpId) -> bool {
    let op = prog.op(id);
    op.params.is_empty() && op.fn_bounds.is_none() && op.capture.is_none()
}
