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
    let mut reads = Reads::new(prog);
    reads.scan(e);
    reads.drain(true);
    (!reads.opaque).then(|| reads.vars.into_iter().collect())
}

/// Whether evaluating any of `roots`, or any operator of the program, may call a standard
/// operator whose value is not a function of its arguments or that prints (`Print`,
/// `TLCGet`, `TLCSet`, `RandomElement` …): evaluating the program twice in the same states
/// may then give other values, or print again. Every definition is looked at, used or not,
/// so that an operator reached only as an argument is not missed.
pub fn has_effects(prog: &Program, roots: &[&Expr]) -> bool {
    let mut reads = Reads::new(prog);
    for e in roots {
        reads.scan(e);
    }
    for id in 0..prog.ops.len() {
        reads.op(OpId(id as u32));
    }
    reads.drain(false);
    reads.effect
}

struct Reads<'a> {
    prog: &'a Program,
    vars: BTreeSet<u32>,
    /// Operators whose bodies were queued, so that each is scanned once (recursion ends).
    ops: HashSet<OpId>,
    pending: Vec<OpId>,
    /// The value may depend on more than the variables read (see [`state_reads`]).
    opaque: bool,
    /// An operator with an effect may be called (see [`has_effects`]).
    effect: bool,
}

impl<'a> Reads<'a> {
    fn new(prog: &'a Program) -> Reads<'a> {
        Reads {
            prog,
            vars: BTreeSet::new(),
            ops: HashSet::new(),
            pending: Vec::new(),
            opaque: false,
            effect: false,
        }
    }

    /// Scans the queued operators, and those they reach.
    fn drain(&mut self, stop_when_opaque: bool) {
        while let Some(id) = self.pending.pop() {
            if stop_when_opaque && self.opaque {
                break;
            }
            let op = self.prog.op(id);
            self.scan(&op.body);
            for bound in op.fn_bounds.iter().flatten() {
                if let Some(set) = &bound.set {
                    self.scan(set);
                }
            }
        }
    }

    fn effect(&mut self, b: crate::builtins::Builtin) {
        if has_effect(b) {
            self.opaque = true;
            self.effect = true;
        }
    }

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
            ExprKind::Builtin(b, _) => self.effect(*b),
            ExprKind::BuiltinHo(b, args) => {
                self.effect(*b);
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
                Arg::Op(OpRef::Builtin(b)) => self.effect(*b),
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
