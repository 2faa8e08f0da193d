//! Canonical construction of values.
//!
//! Every constructor returns the one canonical form of its value: sets sorted in TLC's
//! order without duplicates, a function on `1..n` as a tuple (the empty function is `<<>>`),
//! a function on a non-empty set of strings as a record with fields in TLC's string order.
//! With canonical forms, structural comparison is TLA+ equality, so the variants should be
//! built through these functions.

use std::sync::Arc;

use crate::order::check_comparable;
use crate::{LazySet, Str, Value, ValueError};

impl Value {
    /// `TRUE` or `FALSE`.
    pub fn bool(b: bool) -> Value {
        Value::Bool(b)
    }

    /// An integer.
    pub fn int(i: i64) -> Value {
        Value::Int(i)
    }

    /// A string.
    pub fn string(s: impl Into<Str>) -> Value {
        Value::Str(s.into())
    }

    /// A model value named `name`.
    pub fn model_value(name: impl Into<Str>) -> Value {
        Value::ModelValue(name.into())
    }

    /// `{}`.
    pub fn empty_set() -> Value {
        Value::Set(Arc::from(Vec::new()))
    }

    /// `<<>>` (also the empty function and the empty record).
    pub fn empty_tuple() -> Value {
        Value::Tuple(Arc::from(Vec::new()))
    }

    /// The set of `elems`: sorted in TLC's order, duplicates removed, lazy elements made
    /// explicit. Fails as TLC fails when it cannot order two elements (`{1, "a"}`).
    pub fn set(mut elems: Vec<Value>) -> Result<Value, ValueError> {
        for e in elems.iter_mut() {
            if let Value::Lazy(_) = e {
                *e = e.normalize()?;
            }
        }
        if elems.len() > 1 {
            elems.sort_unstable();
            elems.dedup();
            check_comparable(&elems)?;
        }
        Ok(Value::Set(Arc::from(elems)))
    }

    /// A set from elements already sorted and duplicate-free in TLC's order (for example
    /// produced by merging canonical sets). Checked only in debug builds.
    pub fn set_from_sorted(elems: Vec<Value>) -> Value {
        debug_assert!(
            elems.windows(2).all(|w| w[0] < w[1]),
            "set_from_sorted: elements not strictly increasing"
        );
        Value::Set(Arc::from(elems))
    }

    /// The tuple (sequence) `<<elems…>>`.
    pub fn tuple(elems: Vec<Value>) -> Value {
        Value::Tuple(Arc::from(elems))
    }

    /// The record `[name |-> value, …]`: fields sorted in TLC's string order; no fields
    /// gives `<<>>`. A repeated field name is an error, as in TLC.
    pub fn record(mut fields: Vec<(Str, Value)>) -> Result<Value, ValueError> {
        if fields.is_empty() {
            return Ok(Value::empty_tuple());
        }
        fields.sort_unstable_by_key(|a| a.0);
        for w in fields.windows(2) {
            if w[0].0 == w[1].0 {
                return Err(ValueError::DuplicateField { name: w[0].0 });
            }
        }
        Ok(Value::Record(Arc::from(fields)))
    }

    /// The function `(k1 :> v1 @@ k2 :> v2 …)` in canonical form: a tuple if the domain is
    /// `1..n` (or empty), a record if the domain is a non-empty set of strings, otherwise a
    /// general function sorted by argument. A repeated argument, or arguments TLC cannot
    /// order, are errors.
    pub fn func(mut pairs: Vec<(Value, Value)>) -> Result<Value, ValueError> {
        for (k, _) in pairs.iter_mut() {
            if let Value::Lazy(_) = k {
                *k = k.normalize()?;
            }
        }
        if pairs.len() > 1 {
            pairs.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            for w in pairs.windows(2) {
                if w[0].0 == w[1].0 {
                    return Err(ValueError::DuplicateDomain {
                        key: w[0].0.clone(),
                    });
                }
                if !matches!((&w[0].0, &w[1].0), (Value::Int(_), Value::Int(_))) {
                    w[0].0.tlc_cmp(&w[1].0)?;
                }
            }
        }
        Ok(Self::func_from_sorted(pairs))
    }

    /// Canonicalises a function whose pairs are sorted by argument without repeats.
    pub(crate) fn func_from_sorted(pairs: Vec<(Value, Value)>) -> Value {
        if pairs
            .iter()
            .enumerate()
            .all(|(i, (k, _))| matches!(k, Value::Int(n) if *n == i as i64 + 1))
        {
            return Value::Tuple(pairs.into_iter().map(|(_, v)| v).collect());
        }
        if pairs.iter().all(|(k, _)| matches!(k, Value::Str(_))) {
            return Value::Record(
                pairs
                    .into_iter()
                    .map(|(k, v)| match k {
                        Value::Str(s) => (s, v),
                        _ => unreachable!("all keys checked to be strings"),
                    })
                    .collect(),
            );
        }
        Value::Func(Arc::from(pairs))
    }

    /// The function `[x \in domain |-> f(x)]` over an explicit or lazy finite set.
    pub fn func_over(
        domain: &Value,
        mut f: impl FnMut(&Value) -> Result<Value, ValueError>,
    ) -> Result<Value, ValueError> {
        let dom = domain.to_explicit_elems()?;
        let mut pairs = Vec::with_capacity(dom.len());
        for k in dom.iter() {
            pairs.push((k.clone(), f(k)?));
        }
        Ok(Self::func_from_sorted(pairs))
    }

    /// A lazily represented set.
    pub fn lazy(set: LazySet) -> Value {
        Value::Lazy(Arc::new(set))
    }

    /// The interval `a..b` (lazy; empty when `b < a`).
    pub fn interval(a: i64, b: i64) -> Value {
        Value::lazy(LazySet::Interval(a, b))
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Str(Str::new(s))
    }
}
