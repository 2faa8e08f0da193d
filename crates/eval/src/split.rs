//! Splitting the enumeration of initial states into parts that threads can make apart.
//!
//! An enumeration is a tree: every choice (a disjunction, an `\E`, an `x \in S`) branches.
//! The parts are numbered in the order of the tree. All `parts` of them follow the same path
//! up to its first choice of two or more alternatives, where they divide:
//!
//! - with at least as many alternatives `n` as parts, part `k` takes the `k`-th of `parts`
//!   consecutive runs of them (`k·n/parts` to `(k+1)·n/parts`), and its split is settled;
//! - with fewer, each alternative goes to a group of consecutive parts (those `k` with
//!   `k·n/parts` equal to its index), which follow it together and divide again at its next
//!   choice of two or more.
//!
//! Evaluation is deterministic, so every part of a group walks the same path; a state found
//! where a group has not divided yet is emitted by the group's first part only. Part after
//! part, the states are those of the whole enumeration in its order, and an error met on a
//! path is met by the first part that walks it, after the states before it.

use std::ops::Range;
use std::sync::Arc;

use value::Value;

use crate::error::EvalResult;
use crate::eval::Ctx;
use crate::ir::Expr;

/// Which part of an enumeration a context makes, among the parts that share its path so far.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Split {
    /// The parts that followed the same path as this one.
    parts: usize,
    /// This part's index among them.
    part: usize,
    /// Whether a choice of two or more alternatives was met.
    divided: bool,
}

impl Ctx<'_> {
    /// At a choice of `n` alternatives, those this context enumerates: all of them unless
    /// it makes a part that divides here (see the module documentation).
    pub(crate) fn alternatives(&mut self, n: usize) -> Range<usize> {
        let Some(s) = self.split.as_mut().filter(|s| s.parts > 1 && n > 1) else {
            return 0..n;
        };
        s.divided = true;
        // In u128: `n` times the number of parts may not fit in a usize.
        let (parts, part) = (s.parts as u128, s.part as u128);
        let run = |k: u128| (k * n as u128 / parts) as usize;
        if n as u128 >= parts {
            *s = Split {
                parts: 1,
                part: 0,
                divided: true,
            };
            return run(part)..run(part + 1);
        }
        // The group of alternative `a` is the parts from `first(a)` to `first(a + 1)`.
        let a = run(part);
        let first = |a: usize| (a as u128 * parts).div_ceil(n as u128) as usize;
        s.part -= first(a);
        s.parts = first(a + 1) - first(a);
        a..a + 1
    }

    /// Enumerates part `part` of `parts` of the initial states of `init` (see the module
    /// documentation); returns whether the enumeration met a choice of two or more
    /// alternatives (if not, the first part has every state and the others none).
    pub fn init_states_part(
        &mut self,
        init: &Expr,
        part: usize,
        parts: usize,
        emit: &mut dyn FnMut(Arc<[Value]>) -> EvalResult<()>,
    ) -> EvalResult<bool> {
        let whole = Split {
            parts: parts.max(1),
            part,
            divided: false,
        };
        self.split = Some(whole);
        let r = self.init_states_with(init, &mut |cx, st| {
            if cx.split.is_some_and(|s| s.part == 0) {
                emit(st)?;
            }
            Ok(())
        });
        let divided = self.split.take().is_some_and(|s| s.divided);
        r.map(|()| divided)
    }
}
