//! Which state variables an expression reads.
//!
//! A state predicate evaluated in two states whose variables it reads hold the same values
//! has the same value in both: evaluation is deterministic and reads nothing else. The
//! checker uses this to skip the parts of an invariant that a step left alone (see
//! [`state_reads`]).

use std::collections::{BTreeSet, HashSet};

use crate::eval::cache::has_effect;
use crate::ir::{Arg, ConstId, Expr, ExprKind, OpId, OpRef};
use crate::program::{ConstBinding, Program};

/// The state variables `e` may read when it is evaluated in one state (indices into
/// [`Program::vars`], ascending), following every operator it calls or passes as an
/// argument, and the definitions bound to constants by the configuration (`N <- Def`).
///
/// `None` when its value may depend on more than those variables and the constants: it
/// reads the next state (primes, `UNCHANGED`, actions), uses `ENABLED` or a temporal
/// operator, or calls an operator whose value is not a function of its arguments or that
/// prints (`Print`, `TLCGet`, `TLCSet`, `RandomElement` …).
pub fn state_reads(prog: &Program, e: &Expr) -> Option<Vec<u32>> {
    let mut reads = Reads {
        prog,
        vars: BTreeSet::new(),
        ops: HashSet::new(),
        pending: Vec::new(),
        opaque: false,
    };
    reads.scan(e);
    while let Some(id) = reads.pending.pop() {
        if reads.opaque {
            break;
        }
        let op = prog.op(id);
        reads.scan(&op.body);
        for bound in op.fn_bounds.iter().flatten() {
            if let Some(set) = &bound.set {
                reads.scan(set);
            }
        }
    }
    (!reads.opaque).then(|| reads.vars.into_iter().collect())
}

struct Reads<'a> {
    prog: &'a Program,
    vars: BTreeSet<u32>,
    /// Operators whose bodies were queued, so that each is scanned once (recursion ends).
    ops: HashSet<OpId>,
    pending: Vec<OpId>,
    opaque: bool,
}

impl Reads<'_> {
    fn scan(&mut self, e: &Expr) {
        let mut e = e.clone();
        e.walk_mut(&mut |x: &mut Expr| self.node(x));
    }

    fn node(&mut self, x: &Expr) {
        match &x.kind {
            ExprKind::Var(i) => {
                self.vars.insert(*i);
            }
            k if k.beyond_state() => self.opaque = true,
            ExprKind::Const(c) => self.constant(*c),
            ExprKind::Call(id, args)
            | ExprKind::CallLocal(id, args)
            | ExprKind::RecFnApp(id, args, _) => {
                self.op(*id);
                self.args(args);
            }
            ExprKind::CallConst(c, args) => {
                self.constant(*c);
                self.args(args);
            }
            ExprKind::CallParam(_, args) => self.args(args),
            ExprKind::Builtin(b, _) => self.opaque |= has_effect(*b),
            ExprKind::BuiltinHo(b, args) => {
                self.opaque |= has_effect(*b);
                self.args(args);
            }
            // Everything else reads only its sub-expressions, which the walk visits; a
            // cached expression is closed (no variable, no effect).
            _ => {}
        }
    }

    /// Operators passed as arguments: what a parameter call runs is one of these.
    fn args(&mut self, args: &[Arg]) {
        for a in args {
            match a {
                Arg::Op(OpRef::User(id) | OpRef::Local(id)) => self.op(*id),
                Arg::Op(OpRef::Const(c)) => self.constant(*c),
                Arg::Op(OpRef::Builtin(b)) => self.opaque |= has_effect(*b),
                Arg::Op(OpRef::Param(_)) | Arg::Expr(_) => {}
            }
        }
    }

    fn op(&mut self, id: OpId) {
        if self.ops.insert(id) {
            self.pending.push(id);
        }
    }

    fn constant(&mut self, c: ConstId) {
        if let Some(Some(ConstBinding::Op(id))) = self.prog.const_values.get(c.0 as usize) {
            self.op(*id);
        }
    }
}
