//! TLA+ values.
//!
//! Every value has one canonical representation, so structural equality and hashing are
//! TLA+ equality: a function whose domain is `1..n` is always a [`Value::Tuple`], a function
//! whose domain is a non-empty set of strings is always a [`Value::Record`], and sets are
//! sorted, duplicate-free vectors in TLC's value order. Lazily represented sets (intervals,
//! `SUBSET S`, `[S -> T]`, `Nat` …) exist for membership tests and are normalised into
//! explicit sets before they are stored in a state.
//!
//! Build values with the constructors in [`construct`](Value::set) (`Value::set`,
//! `Value::func`, `Value::record`, …) rather than the variants, so that the canonical form
//! holds. The crate is split by concept: `order` (TLC's value order and TLC's comparison
//! errors), `eq` (equality across representations), `fingerprint` (64-bit state hashes),
//! `print` (TLC's printing and pretty-printing), `set` and `lazy` (set algebra), `func`
//! (functions, records, sequences), `strings` (interned strings in TLC's order), `arith` (checked integer
//! arithmetic), `error` (every failure, worded as TLC words it).

use std::sync::Arc;

pub mod arith;
pub mod codec;
mod construct;
mod eq;
mod error;
mod fingerprint;
mod func;
mod lazy;
mod near;
mod order;
mod permute;
mod print;
mod set;
pub mod slice;
mod strings;

pub use error::ValueError;
pub use fingerprint::{fingerprint_values, Hasher64};
pub use lazy::ENUMERATION_LIMIT;
pub use permute::ModelValuePerm;
pub use print::{pretty_print, PRETTY_WIDTH};
pub use strings::{clear_string_order, set_string_order, Str};

/// A TLA+ value.
///
/// The discriminant is a whole word (`repr(u64)`), so a value is three aligned words and is
/// moved as such. With a one-byte discriminant the compiler moved a value (out of an
/// `Option`, a `Result`, into a slice) as the byte and the 23 bytes after it, by reads at
/// offsets 1 and 15; the next wide read of those bytes then waited for the narrow writes to
/// reach memory. The size is the same, 24 bytes, and an `Option<Value>` is still 24 bytes.
#[derive(Debug)]
#[repr(u64)]
pub enum Value {
    /// `TRUE` / `FALSE`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A string.
    Str(Str),
    /// A model value (from the cfg), compared by name.
    ModelValue(Str),
    /// An explicit finite set: sorted in TLC's order, no duplicates.
    Set(Arc<[Value]>),
    /// A sequence/tuple `<<a, b>>` (also any function with domain `1..n`).
    Tuple(Arc<[Value]>),
    /// A record `[a |-> 1]`: fields sorted by name (a function on strings).
    Record(Arc<[(Str, Value)]>),
    /// Any other function: pairs sorted by key.
    Func(Arc<[(Value, Value)]>),
    /// A lazily represented set.
    Lazy(Arc<LazySet>),
}

impl Clone for Value {
    /// A copy of the value's 24 bytes, after one more reference to its allocation is
    /// counted. A clone derived per variant writes each variant's payload at its own offset
    /// and width; the next 16-byte read of the copy (a move, a comparison) then waits for
    /// those narrow writes to reach memory. Values are cloned on every path of evaluation.
    #[inline]
    fn clone(&self) -> Value {
        match self {
            Value::Bool(_) | Value::Int(_) | Value::Str(_) | Value::ModelValue(_) => {}
            Value::Set(a) | Value::Tuple(a) => std::mem::forget(Arc::clone(a)),
            Value::Record(a) => std::mem::forget(Arc::clone(a)),
            Value::Func(a) => std::mem::forget(Arc::clone(a)),
            Value::Lazy(a) => std::mem::forget(Arc::clone(a)),
        }
        // SAFETY: the scalars are `Copy`, and the reference counted above is the one the
        // copy owns; the bytes are read whole from a valid, initialised value.
        unsafe { std::ptr::read(self) }
    }
}

/// Sets that are not enumerated until they must be.
#[derive(Clone, Debug)]
pub enum LazySet {
    /// `a..b`.
    Interval(i64, i64),
    /// `SUBSET S`.
    Subset(Value),
    /// `[S -> T]`.
    FnSet(Value, Value),
    /// `[a : S, b : T]`.
    RecordSet(Vec<(Str, Value)>),
    /// `S \X T \X …`.
    Product(Vec<Value>),
    /// `Nat`.
    Nat,
    /// `Int`.
    Int,
    /// `STRING`.
    String,
    /// `Seq(S)` (infinite unless S is empty).
    Seq(Value),
}

/// The kind of a value, as named in TLC's error messages and used to order kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A model value (TLC orders untyped model values before everything else).
    ModelValue,
    /// A boolean.
    Bool,
    /// An integer.
    Int,
    /// A string.
    Str,
    /// A set, explicit or lazy.
    Set,
    /// A function: tuple, record or general function.
    Func,
}

impl Value {
    /// Whether this is a boolean, an integer, a string or a model value: a value with no
    /// parts and no allocation of its own.
    #[inline]
    pub fn is_scalar(&self) -> bool {
        matches!(
            self,
            Value::Bool(_) | Value::Int(_) | Value::Str(_) | Value::ModelValue(_)
        )
    }

    /// The kind of this value.
    pub fn kind(&self) -> Kind {
        match self {
            Value::ModelValue(_) => Kind::ModelValue,
            Value::Bool(_) => Kind::Bool,
            Value::Int(_) => Kind::Int,
            Value::Str(_) => Kind::Str,
            Value::Set(_) | Value::Lazy(_) => Kind::Set,
            Value::Tuple(_) | Value::Record(_) | Value::Func(_) => Kind::Func,
        }
    }

    /// Whether this value is a set (explicit or lazy).
    pub fn is_set(&self) -> bool {
        self.kind() == Kind::Set
    }

    /// Whether this value is a function (tuple, record or general function).
    pub fn is_func(&self) -> bool {
        self.kind() == Kind::Func
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The integer, if this is one.
    pub fn as_int(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// The string's text, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
