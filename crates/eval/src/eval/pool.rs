//! The buffers of finished evaluation contexts, kept per thread for the next context.
//!
//! The checker makes a context for every state it expands and for every state whose
//! invariants and constraints it checks; each needs a next-state vector, a value stack and a
//! few smaller vectors. Taking them from a per-thread pool instead of the allocator keeps
//! that off the hot path. A buffer is returned empty, so a pooled buffer holds no value.

use std::cell::RefCell;

use value::Value;

use super::Slot;
use crate::ir::OpId;

/// The growable parts of a [`super::Ctx`].
#[derive(Default)]
pub(super) struct Buffers {
    pub(super) next: Vec<Option<Value>>,
    pub(super) stack: Vec<Slot>,
    pub(super) regs: Vec<Value>,
    pub(super) parts: Vec<Value>,
    pub(super) frames: Vec<Vec<Slot>>,
    pub(super) let_memo: Vec<(OpId, Vec<Value>, Value)>,
    pub(super) fn_points: super::FnPoints,
}

/// How many sets of buffers a thread keeps (contexts nest a few deep: the invariants of a
/// successor are checked while its parent's context is alive).
const KEPT: usize = 8;

/// The most remembered points of function definitions whose table a pooled context keeps.
const KEPT_POINTS: usize = 4096;

thread_local! {
    static POOL: RefCell<Vec<Buffers>> = const { RefCell::new(Vec::new()) };
}

/// Empty buffers, reused when this thread has some.
pub(super) fn take() -> Buffers {
    POOL.with(|p| p.borrow_mut().pop())
        .unwrap_or_else(|| Buffers {
            stack: Vec::with_capacity(64),
            ..Buffers::default()
        })
}

/// Empties `b` and keeps it for this thread's next context.
pub(super) fn give(mut b: Buffers) {
    b.next.clear();
    b.stack.clear();
    b.regs.clear();
    b.parts.clear();
    // The argument buffers are kept too (they are empty between calls).
    b.frames.iter_mut().for_each(Vec::clear);
    b.let_memo.clear();
    // A context that remembered many points gives its table back to the allocator rather
    // than keep it for a context that may need few.
    if b.fn_points.capacity() > KEPT_POINTS {
        b.fn_points = super::FnPoints::default();
    } else {
        b.fn_points.clear();
    }
    // A thread being torn down has no pool left; the buffers are then simply freed.
    let _ = POOL.try_with(|p| {
        let mut p = p.borrow_mut();
        if p.len() < KEPT {
            p.push(b);
        }
    });
}
