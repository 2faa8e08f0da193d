//! Equality of values.
//!
//! Canonical forms make equality structural for explicit values; the exceptions handled
//! here are lazy sets (`1..3 = {1, 2, 3}`, compared by enumerating, or structurally when
//! they cannot be enumerated) and a hand-built empty `Func`, which equals `<<>>`.
//! [`Value::tlc_eq`] is TLC's `equals`, which fails on values TLC refuses to compare.

use std::hash::{Hash, Hasher};

use crate::func::FnView;
use crate::order::{model_value_case, ModelValueCase};
use crate::{LazySet, Value, ValueError};

impl PartialEq for Value {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Str(a), Value::Str(b)) | (Value::ModelValue(a), Value::ModelValue(b)) => a == b,
            (Value::Set(a), Value::Set(b)) | (Value::Tuple(a), Value::Tuple(b)) => {
                std::sync::Arc::ptr_eq(a, b) || a[..] == b[..]
            }
            (Value::Record(a), Value::Record(b)) => std::sync::Arc::ptr_eq(a, b) || a[..] == b[..],
            (Value::Func(a), Value::Func(b)) => std::sync::Arc::ptr_eq(a, b) || a[..] == b[..],
            (Value::Func(a), Value::Tuple(b)) | (Value::Tuple(b), Value::Func(a)) => {
                a.is_empty() && b.is_empty()
            }
            (Value::Lazy(a), Value::Lazy(b)) => {
                std::sync::Arc::ptr_eq(a, b)
                    || lazy_struct_eq(a, b)
                    || match (self.explicit_elems(), other.explicit_elems()) {
                        (Some(x), Some(y)) => x[..] == y[..],
                        _ => false,
                    }
            }
            (Value::Lazy(l), Value::Set(s)) | (Value::Set(s), Value::Lazy(l)) => {
                lazy_eq_explicit(l, s)
            }
            _ => false,
        }
    }
}

impl Eq for Value {}

impl Hash for Value {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.fingerprint());
    }
}

/// Structural equality of two lazy sets (sufficient, not necessary, for set equality).
fn lazy_struct_eq(a: &LazySet, b: &LazySet) -> bool {
    match (a, b) {
        (LazySet::Interval(a1, b1), LazySet::Interval(a2, b2)) => {
            (a1 > b1 && a2 > b2) || (a1 == a2 && b1 == b2)
        }
        (LazySet::Subset(x), LazySet::Subset(y)) | (LazySet::Seq(x), LazySet::Seq(y)) => x == y,
        (LazySet::FnSet(d1, r1), LazySet::FnSet(d2, r2)) => d1 == d2 && r1 == r2,
        (LazySet::RecordSet(x), LazySet::RecordSet(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((n1, s1), (n2, s2))| n1 == n2 && s1 == s2)
        }
        (LazySet::Product(x), LazySet::Product(y)) => x == y,
        (LazySet::Nat, LazySet::Nat)
        | (LazySet::Int, LazySet::Int)
        | (LazySet::String, LazySet::String) => true,
        _ => false,
    }
}

fn lazy_eq_explicit(l: &LazySet, s: &[Value]) -> bool {
    if let LazySet::Interval(a, b) = l {
        let len = if b < a {
            0
        } else {
            (*b as i128 - *a as i128 + 1) as u128
        };
        return len == s.len() as u128
            && s.iter()
                .enumerate()
                .all(|(i, v)| matches!(v, Value::Int(n) if *n as i128 == *a as i128 + i as i128));
    }
    match Value::Lazy(std::sync::Arc::new(l.clone())).explicit_elems() {
        Some(x) => x[..] == *s,
        None => false,
    }
}

impl Value {
    /// Whether the two values are the same instance: equal scalars, or the same shared
    /// allocation. Cheap (no element is compared); `false` says nothing about equality. A
    /// value copied from another without change (`UNCHANGED x`, an untouched part of an
    /// `EXCEPT`) is the same instance as its source.
    pub fn same_instance(&self, other: &Value) -> bool {
        use std::sync::Arc;
        match (self, other) {
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Str(a), Value::Str(b)) | (Value::ModelValue(a), Value::ModelValue(b)) => a == b,
            (Value::Set(a), Value::Set(b)) | (Value::Tuple(a), Value::Tuple(b)) => {
                Arc::ptr_eq(a, b)
            }
            (Value::Record(a), Value::Record(b)) => Arc::ptr_eq(a, b),
            (Value::Func(a), Value::Func(b)) => Arc::ptr_eq(a, b),
            (Value::Lazy(a), Value::Lazy(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// Equality as TLC's `equals` decides it: `Ok(false)` for values of the same kind that
    /// differ (and for an untyped model value against anything else), an error where TLC
    /// fails (`1 = "a"`, `{1} = <<1>>`, a typed model value against a non-model value).
    pub fn tlc_eq(&self, other: &Value) -> Result<bool, ValueError> {
        // The common cases first: scalars of one kind, one model value, one allocation.
        match (self, other) {
            (Value::Bool(a), Value::Bool(b)) => return Ok(a == b),
            (Value::Int(a), Value::Int(b)) => return Ok(a == b),
            (Value::Str(a), Value::Str(b)) => return Ok(a == b),
            (Value::ModelValue(a), Value::ModelValue(b)) if a == b => return Ok(true),
            _ if self.same_instance(other) => return Ok(true),
            _ => {}
        }
        let incomparable = || ValueError::IncomparableEq {
            left: self.clone(),
            right: other.clone(),
        };
        if let Some(case) = model_value_case(self, other) {
            return match case {
                ModelValueCase::Both(a, b) => Ok(a == b),
                ModelValueCase::LeftUntyped | ModelValueCase::RightUntyped => Ok(false),
                ModelValueCase::Incomparable => Err(incomparable()),
            };
        }
        match (self, other) {
            // Explicit sets are compared where they are, without a handle on each.
            (Value::Set(a), Value::Set(b)) => elems_tlc_eq(a, b),
            _ if self.is_set() && other.is_set() => {
                match (self.explicit_elems(), other.explicit_elems()) {
                    (Some(a), Some(b)) => elems_tlc_eq(&a, &b),
                    _ => Ok(self == other),
                }
            }
            _ => match (FnView::of(self), FnView::of(other)) {
                (Some(a), Some(b)) => {
                    if a.len() != b.len() {
                        return Ok(false);
                    }
                    for i in 0..a.len() {
                        let same_key = match (a.key(i), b.key(i)) {
                            (crate::func::Key::Int(x), crate::func::Key::Int(y)) => x == y,
                            (x, y) => x.to_value().tlc_eq(&y.to_value())?,
                        };
                        if !same_key {
                            return Ok(false);
                        }
                    }
                    for i in 0..a.len() {
                        if !a.value(i).tlc_eq(b.value(i))? {
                            return Ok(false);
                        }
                    }
                    Ok(true)
                }
                _ => Err(incomparable()),
            },
        }
    }
}

/// Whether two sets' elements, each in TLC's order, are equal as TLC decides it.
fn elems_tlc_eq(a: &[Value], b: &[Value]) -> Result<bool, ValueError> {
    if a.len() != b.len() {
        return Ok(false);
    }
    for (x, y) in a.iter().zip(b) {
        if !x.tlc_eq(y)? {
            return Ok(false);
        }
    }
    Ok(true)
}
