//! Splitting the enumeration of initial states into parts that threads can make apart.
//!
//! An enumeration is a tree: every choice (a disjunction, an `\E`, an `x \in S`) branches.
//! Part `k` of `n` follows the tree up to its first choice of two or more alternatives, then
//! only the `k`-th of `n` consecutive runs of its alternatives (`k·m/n` to `(k+1)·m/n` of
//! `m`). The path to the first choice is the same in every part (evaluation is
//! deterministic), so the parts' states, part after part, are those of the whole
//! enumeration in its order. A state found before any choice (the enumeration made none) is
//! part 0's.

use value::Value;

use crate::error::EvalResult;
use crate::eval::Ctx;
use crate::ir::Expr;

/// Which alternatives of the first choice a context enumerates.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Split {
    parts: usize,
    part: usize,
    /// Whether the first choice was reached.
    chosen: bool,
}

impl Ctx<'_> {
    /// Whether the choice at hand, of `n` alternatives, is the one this enumeration is split
    /// at (the first of two or more).
    pub(crate) fn splits_here(&self, n: usize) -> bool {
        self.split.is_some_and(|s| !s.chosen && n >= 2)
    }

    /// At the choice of `n` alternatives the enumeration is split at: whether this part
    /// enumerates alternative `i`.
    pub(crate) fn takes(&mut self, i: usize, n: usize) -> bool {
        let s = self.split.as_mut().expect("only called where split");
        s.chosen = true;
        // In u128: `n` times the number of parts may not fit in a usize.
        let run = |k: usize| (k as u128 * n as u128 / s.parts as u128) as usize;
        (run(s.part)..run(s.part + 1)).contains(&i)
    }

    /// Enumerates part `part` of `parts` of the initial states of `init` (see the module
    /// documentation).
    pub fn init_states_part(
        &mut self,
        init: &Expr,
        part: usize,
        parts: usize,
        emit: &mut dyn FnMut(Vec<Value>) -> EvalResult<()>,
    ) -> EvalResult<()> {
        self.split = Some(Split {
            parts: parts.max(1),
            part,
            chosen: false,
        });
        let r = self.init_states_with(init, &mut |cx, st| {
            if part == 0 || cx.split.is_some_and(|s| s.chosen) {
                emit(st)?;
            }
            Ok(())
        });
        self.split = None;
        r
    }
}
