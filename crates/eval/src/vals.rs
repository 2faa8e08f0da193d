//! The value operations evaluation needs, over the `value` crate: TLC's order, canonical
//! construction of sets and functions, enumeration of lazily represented sets, membership,
//! equality, fingerprints and TLA+ printing — with the `value` crate's errors turned into
//! evaluation errors.

use std::cmp::Ordering;
use std::sync::Arc;

use value::{LazySet, Str, Value, ValueError};

use crate::error::{err, EvalError, EvalResult};

impl From<ValueError> for EvalError {
    fn from(e: ValueError) -> EvalError {
        EvalError::new(e.to_string())
    }
}

/// TLC's order (errors when TLC cannot compare the values).
pub fn cmp(a: &Value, b: &Value) -> EvalResult<Ordering> {
    Ok(a.tlc_cmp(b)?)
}

/// The `(key, value)` pairs of a function-like value, in key order (empty for others).
pub fn fn_pairs(v: &Value) -> Vec<(Value, Value)> {
    v.fn_pairs().unwrap_or_default()
}

/// TLA+ equality, as TLC decides it.
pub fn equal(a: &Value, b: &Value) -> EvalResult<bool> {
    Ok(a.tlc_eq(b)?)
}

/// Builds a set from arbitrary elements (sorts, removes duplicates).
pub fn mk_set(elems: Vec<Value>) -> EvalResult<Value> {
    Ok(Value::set(elems)?)
}

/// Builds a function from `(key, value)` pairs, in canonical form.
pub fn mk_func(pairs: Vec<(Value, Value)>) -> EvalResult<Value> {
    Ok(Value::func(pairs)?)
}

/// A record from named fields in any order.
pub fn mk_record(fields: Vec<(Str, Value)>) -> EvalResult<Value> {
    Ok(Value::record(fields)?)
}

/// Whether a value is a set (explicit or lazy).
pub fn is_set(v: &Value) -> bool {
    v.is_set()
}

/// Whether a value is a function (tuple, record or general function).
pub fn is_fn(v: &Value) -> bool {
    v.is_func()
}

/// The elements of a finite set, in TLC's order.
pub fn elements(v: &Value) -> EvalResult<Arc<[Value]>> {
    Ok(v.to_explicit_elems()?)
}

/// Number of elements of a finite set.
pub fn cardinality(v: &Value) -> EvalResult<usize> {
    match v {
        Value::Set(s) => Ok(s.len()),
        _ => Ok(v.cardinality()? as usize),
    }
}

/// Turns a finite lazy set into an explicit one (for storing in a state); infinite sets
/// and other values are returned unchanged.
/// A value with no lazy set inside is returned as it is, not copied.
pub fn normalize(v: Value) -> EvalResult<Value> {
    match &v {
        Value::Lazy(l) if !v.is_finite_set() || matches!(**l, LazySet::Seq(_)) => Ok(v),
        Value::Lazy(_) => Ok(v.deep_normalize()?),
        Value::Set(_) | Value::Tuple(_) | Value::Record(_) | Value::Func(_)
            if v.contains_lazy() =>
        {
            Ok(v.deep_normalize()?)
        }
        _ => Ok(v),
    }
}

/// Cartesian product of explicit sets (first component slowest).
pub fn product(sets: &[Arc<[Value]>]) -> EvalResult<Vec<Vec<Value>>> {
    let total: f64 = sets.iter().map(|s| s.len() as f64).product();
    if total > value::ENUMERATION_LIMIT as f64 {
        return err("Attempted to enumerate a Cartesian product that is too large.");
    }
    let mut out: Vec<Vec<Value>> = vec![Vec::new()];
    for s in sets {
        let mut next = Vec::with_capacity(out.len() * s.len());
        for prefix in &out {
            for x in s.iter() {
                let mut p = prefix.clone();
                p.push(x.clone());
                next.push(p);
            }
        }
        out = next;
    }
    Ok(out)
}

/// Set membership `x \in s`.
pub fn contains(s: &Value, x: &Value) -> EvalResult<bool> {
    Ok(s.contains(x)?)
}

/// The domain of a function-like value as a set.
pub fn domain(f: &Value) -> EvalResult<Value> {
    Ok(f.domain()?)
}

/// Function application `f[x]`.
pub fn apply(f: &Value, x: &Value) -> EvalResult<Value> {
    Ok(f.apply(x)?.clone())
}

/// A 64-bit fingerprint of a value (equal values, equal fingerprints).
pub fn fingerprint(v: &Value) -> u64 {
    v.fingerprint()
}

/// Prints a value the way TLC does.
pub fn display(v: &Value) -> String {
    v.to_tlc_string()
}

/// Checks that a value is a boolean.
pub fn expect_bool(v: &Value, what: &str) -> EvalResult<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        _ => Err(EvalError::new(format!(
            "A non-boolean expression ({}) was used as {what}.",
            display(v)
        ))),
    }
}
