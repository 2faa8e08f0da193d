//! Values of constant-level LET definitions that read their enclosing frame, remembered by
//! each thread across evaluation contexts.
//!
//! A zero-argument LET definition whose value depends on nothing but the parameters it
//! captures (no variable, no effect: constant level) has the same value wherever those
//! parameters have the same values, in every state. `score(p) == LET points == {…p…} IN …`
//! called for each cell `p` of every state builds the same sets again and again; here they
//! are built once per thread. The per-context memo (`Ctx::let_memo`) still covers the
//! definitions that read the state. Entries are keyed by the program (a number given once
//! per program), the definition and the captured values; the table is emptied when full.
//! Only small captured values are looked up so (scalars and short tuples or records of
//! them): a large one, a ledger say, would cost more to fingerprint than most definitions
//! cost to evaluate, and the per-context memo compares it in place instead.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use value::Value;

use super::{PointHasher, Slot};
use crate::ir::OpId;

/// Entries a thread keeps before it starts again from none.
const ENTRIES: usize = 4096;

/// A remembered value: the captured values it was computed with, and the value.
type Entry = (Vec<Value>, Value);

/// By program number, definition and the fingerprint of the captured values.
type Table = HashMap<(u64, OpId, u64), Entry, BuildHasherDefault<PointHasher>>;

thread_local! {
    static TABLE: RefCell<Table> = RefCell::default();
}

/// The most parts of a tuple or record that counts as small.
const SMALL_PARTS: usize = 4;

/// Whether every captured slot holds a small value (see the module documentation).
pub(super) fn small(captured: &[Slot]) -> bool {
    captured.iter().all(|s| match s {
        Slot::Val(Value::Tuple(t)) => t.len() <= SMALL_PARTS && t.iter().all(Value::is_scalar),
        Slot::Val(Value::Record(r)) => {
            r.len() <= SMALL_PARTS && r.iter().all(|(_, v)| v.is_scalar())
        }
        Slot::Val(v) => v.is_scalar(),
        _ => false,
    })
}

/// The key of a definition evaluated with `captured` (all values).
fn key(program: u64, id: OpId, captured: &[Slot]) -> (u64, OpId, u64) {
    let mut fp = 0u64;
    for s in captured {
        if let Slot::Val(v) = s {
            fp = (fp.rotate_left(23) ^ v.fingerprint()).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    (program, id, fp)
}

/// The value this thread remembers for definition `id` of `program` with the captured
/// frame slots `captured` (all values), if it does.
pub(super) fn get(program: u64, id: OpId, captured: &[Slot]) -> Option<Value> {
    TABLE.with_borrow(|t| {
        let (values, v) = t.get(&key(program, id, captured))?;
        let same = values.len() == captured.len()
            && (values.iter().zip(captured)).all(|(a, s)| matches!(s, Slot::Val(b) if a == b));
        same.then(|| v.clone())
    })
}

/// Remembers `v` as the value of definition `id` of `program` with `captured`.
pub(super) fn put(program: u64, id: OpId, captured: &[Slot], v: &Value) {
    let values: Vec<Value> = (captured.iter())
        .filter_map(|s| match s {
            Slot::Val(v) => Some(v.clone()),
            _ => None,
        })
        .collect();
    let k = key(program, id, captured);
    // A thread being torn down has no table left; nothing is remembered then.
    let _ = TABLE.try_with(|t| {
        let mut t = t.borrow_mut();
        if t.len() >= ENTRIES {
            *t = Table::default();
        }
        t.insert(k, (values, v.clone()));
    });
}
