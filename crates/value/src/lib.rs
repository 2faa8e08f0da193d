//! TLA+ values.
//!
//! Every value has one canonical representation, so structural equality and hashing are
//! TLA+ equality: a function whose domain is `1..n` is always a [`Value::Tuple`], a function
//! whose domain is a non-empty set of strings is always a [`Value::Record`], and sets are
//! sorted, duplicate-free vectors in TLC's value order. Lazily represented sets (intervals,
//! `SUBSET S`, `[S -> T]`, `Nat` …) exist for membership tests and are normalised into
//! explicit sets before they are stored in a state.

use std::sync::Arc;

/// A TLA+ value.
#[derive(Clone, Debug)]
pub enum Value {
    /// `TRUE` / `FALSE`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A string.
    Str(Arc<str>),
    /// A model value (from the cfg), compared by name.
    ModelValue(Arc<str>),
    /// An explicit finite set: sorted in TLC's order, no duplicates.
    Set(Arc<[Value]>),
    /// A sequence/tuple `<<a, b>>` (also any function with domain `1..n`).
    Tuple(Arc<[Value]>),
    /// A record `[a |-> 1]`: fields sorted by name (a function on strings).
    Record(Arc<[(Arc<str>, Value)]>),
    /// Any other function: pairs sorted by key.
    Func(Arc<[(Value, Value)]>),
    /// A lazily represented set.
    Lazy(Arc<LazySet>),
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
    RecordSet(Vec<(Arc<str>, Value)>),
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
