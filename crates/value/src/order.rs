//! TLC's value order.
//!
//! TLC sorts every set and function domain with `Value.compareTo`, and `CHOOSE` returns the
//! first element of the sorted set that satisfies the predicate, so this order is
//! observable. The rules, each as TLC's `compareTo` implements it:
//!
//! - booleans: `FALSE < TRUE` (`BoolValue` compares `0/1`);
//! - integers: numerically (`IntValue` uses `Integer.compare`);
//! - strings and model-value names: by interning order, see [`crate::Str`]
//!   (`UniqueString.compareTo` subtracts tokens);
//! - an untyped model value is below every non-model value (`ModelValue.compareTo` returns
//!   -1, and `modelValueCompareTo` answers 1 when the other side asks);
//! - sets: by cardinality first, then element by element in sorted order (`SetEnumValue`);
//! - functions (tuples, records and general functions alike): by domain size, then the
//!   sorted domains element by element, then the values in domain order (`FcnRcdValue`,
//!   `RecordValue` and `TupleValue` all reduce to this);
//! - anything else (an integer and a string, a set and a function …) is an error in TLC.
//!
//! [`Ord`] on [`Value`] is that order made total: kinds TLC refuses to compare are ordered
//! by [`Kind`] (model values, booleans, integers, strings, sets, functions), so values can
//! be sorted without failing. [`Value::tlc_cmp`] is the partial order with TLC's errors.

use std::cmp::Ordering;

use crate::func::{FnView, Key};
use crate::{LazySet, Str, Value, ValueError};

/// The type of a model value: `x_name` has type `x`; TLC reports an error when a typed model
/// value is compared with anything but an untyped model value or one of the same type.
pub(crate) fn model_value_type(name: &str) -> Option<char> {
    let mut chars = name.chars();
    let first = chars.next()?;
    if chars.next()? == '_' && chars.next().is_some() {
        Some(first)
    } else {
        None
    }
}

/// TLC's rule for a comparison in which a model value takes part.
pub(crate) enum ModelValueCase<'a> {
    /// Two model values TLC compares (untyped, or of the same type): by their names.
    Both(&'a Str, &'a Str),
    /// An untyped model value on the left, anything but a model value on the right: they
    /// differ, and the model value is less.
    LeftUntyped,
    /// Anything but a model value on the left, an untyped model value on the right: they
    /// differ, and the model value is less.
    RightUntyped,
    /// A typed model value against a value of another type: TLC fails.
    Incomparable,
}

/// Which [`ModelValueCase`] comparing `left` with `right` falls in; `None` when neither is a
/// model value.
pub(crate) fn model_value_case<'a>(
    left: &'a Value,
    right: &'a Value,
) -> Option<ModelValueCase<'a>> {
    match (left, right) {
        (Value::ModelValue(a), Value::ModelValue(b)) => {
            let (ta, tb) = (model_value_type(a), model_value_type(b));
            Some(if ta.is_none() || tb.is_none() || ta == tb {
                ModelValueCase::Both(a, b)
            } else {
                ModelValueCase::Incomparable
            })
        }
        (Value::ModelValue(a), _) => Some(match model_value_type(a) {
            None => ModelValueCase::LeftUntyped,
            Some(_) => ModelValueCase::Incomparable,
        }),
        (_, Value::ModelValue(b)) => Some(match model_value_type(b) {
            None => ModelValueCase::RightUntyped,
            Some(_) => ModelValueCase::Incomparable,
        }),
        _ => None,
    }
}

impl Ord for Value {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Value::Bool(a), Value::Bool(b)) => a.cmp(b),
            (Value::Int(a), Value::Int(b)) => a.cmp(b),
            (Value::Str(a), Value::Str(b)) | (Value::ModelValue(a), Value::ModelValue(b)) => {
                a.cmp(b)
            }
            // One allocation is one value (structure shared between states, or between a
            // state and its images under a symmetry).
            _ if self.same_instance(other) => Ordering::Equal,
            (Value::Set(a), Value::Set(b)) => cmp_sets(a, b),
            (Value::Tuple(a), Value::Tuple(b)) => {
                a.len().cmp(&b.len()).then_with(|| cmp_slices(a, b))
            }
            (Value::Record(a), Value::Record(b)) => cmp_pairs(a, b),
            (Value::Func(a), Value::Func(b)) => cmp_pairs(a, b),
            (Value::Lazy(_), _) | (_, Value::Lazy(_)) if self.is_set() && other.is_set() => {
                cmp_lazy(self, other)
            }
            _ => match (FnView::of(self), FnView::of(other)) {
                (Some(a), Some(b)) => cmp_fns(a, b),
                _ => self.kind().cmp(&other.kind()),
            },
        }
    }
}

impl PartialOrd for Value {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn cmp_slices(a: &[Value], b: &[Value]) -> Ordering {
    for (x, y) in a.iter().zip(b) {
        let o = x.cmp(y);
        if o != Ordering::Equal {
            return o;
        }
    }
    a.len().cmp(&b.len())
}

/// Two records, or two functions of the general form, as [`cmp_fns`] orders them (by size,
/// then keys, then values) without going through a view of each.
fn cmp_pairs<K: Ord>(a: &[(K, Value)], b: &[(K, Value)]) -> Ordering {
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    for ((x, _), (y, _)) in a.iter().zip(b) {
        let o = x.cmp(y);
        if o.is_ne() {
            return o;
        }
    }
    for ((_, x), (_, y)) in a.iter().zip(b) {
        let o = x.cmp(y);
        if o.is_ne() {
            return o;
        }
    }
    Ordering::Equal
}

fn cmp_sets(a: &[Value], b: &[Value]) -> Ordering {
    a.len().cmp(&b.len()).then_with(|| cmp_slices(a, b))
}

/// Orders two keys of function domains as the values they stand for.
pub(crate) fn cmp_keys(a: Key<'_>, b: Key<'_>) -> Ordering {
    match (a, b) {
        (Key::Int(x), Key::Int(y)) => x.cmp(&y),
        (Key::Str(x), Key::Str(y)) => x.cmp(&y),
        (Key::Val(x), Key::Val(y)) => x.cmp(y),
        (Key::Int(x), Key::Val(Value::Int(y))) => x.cmp(y),
        (Key::Val(Value::Int(x)), Key::Int(y)) => x.cmp(&y),
        (Key::Str(x), Key::Val(Value::Str(y))) => x.cmp(y),
        (Key::Val(Value::Str(x)), Key::Str(y)) => x.cmp(&y),
        (a, b) => a.kind().cmp(&b.kind()),
    }
}

fn cmp_fns(a: FnView<'_>, b: FnView<'_>) -> Ordering {
    let n = a.len();
    match n.cmp(&b.len()) {
        Ordering::Equal => {}
        o => return o,
    }
    for i in 0..n {
        let o = cmp_keys(a.key(i), b.key(i));
        if o != Ordering::Equal {
            return o;
        }
    }
    for i in 0..n {
        let o = a.value(i).cmp(b.value(i));
        if o != Ordering::Equal {
            return o;
        }
    }
    Ordering::Equal
}

/// Sets where at least one side is lazy: compare the explicit forms; sets that cannot be
/// enumerated (infinite or too large) come after all others, ordered by their description.
fn cmp_lazy(a: &Value, b: &Value) -> Ordering {
    match (a.explicit_elems(), b.explicit_elems()) {
        (Some(x), Some(y)) => cmp_sets(&x, &y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => match (a, b) {
            (Value::Lazy(x), Value::Lazy(y)) => cmp_lazy_structure(x, y),
            _ => Ordering::Equal,
        },
    }
}

fn lazy_rank(l: &LazySet) -> u8 {
    match l {
        LazySet::Interval(..) => 0,
        LazySet::Subset(_) => 1,
        LazySet::FnSet(..) => 2,
        LazySet::RecordSet(_) => 3,
        LazySet::Product(_) => 4,
        LazySet::Nat => 5,
        LazySet::Int => 6,
        LazySet::String => 7,
        LazySet::Seq(_) => 8,
    }
}

/// The structural order of two lazy sets (used only for sets that cannot be enumerated).
pub(crate) fn cmp_lazy_structure(a: &LazySet, b: &LazySet) -> Ordering {
    match (a, b) {
        (LazySet::Interval(a1, b1), LazySet::Interval(a2, b2)) => (a1, b1).cmp(&(a2, b2)),
        (LazySet::Subset(x), LazySet::Subset(y)) | (LazySet::Seq(x), LazySet::Seq(y)) => x.cmp(y),
        (LazySet::FnSet(d1, r1), LazySet::FnSet(d2, r2)) => d1.cmp(d2).then_with(|| r1.cmp(r2)),
        (LazySet::RecordSet(x), LazySet::RecordSet(y)) => x.len().cmp(&y.len()).then_with(|| {
            for ((n1, s1), (n2, s2)) in x.iter().zip(y) {
                let o = n1.cmp(n2).then_with(|| s1.cmp(s2));
                if o != Ordering::Equal {
                    return o;
                }
            }
            Ordering::Equal
        }),
        (LazySet::Product(x), LazySet::Product(y)) => {
            x.len().cmp(&y.len()).then_with(|| cmp_slices(x, y))
        }
        _ => lazy_rank(a).cmp(&lazy_rank(b)),
    }
}

impl Value {
    /// Compares as TLC's `compareTo` does, failing where TLC fails (an integer with a string,
    /// a tuple with a record of the same size, a typed model value with a non-model value …).
    /// Where it succeeds it agrees with [`Ord`].
    pub fn tlc_cmp(&self, other: &Value) -> Result<Ordering, ValueError> {
        let incomparable = || ValueError::Incomparable {
            left: self.clone(),
            right: other.clone(),
        };
        if let Some(case) = model_value_case(self, other) {
            return match case {
                ModelValueCase::Both(a, b) => Ok(a.cmp(b)),
                ModelValueCase::LeftUntyped => Ok(Ordering::Less),
                ModelValueCase::RightUntyped => Ok(Ordering::Greater),
                ModelValueCase::Incomparable => Err(incomparable()),
            };
        }
        match (self, other) {
            (Value::Bool(_), Value::Bool(_))
            | (Value::Int(_), Value::Int(_))
            | (Value::Str(_), Value::Str(_)) => Ok(self.cmp(other)),
            _ if self.is_set() && other.is_set() => {
                let a = self.elems_for_tlc()?;
                let b = other.elems_for_tlc()?;
                match a.len().cmp(&b.len()) {
                    Ordering::Equal => {}
                    o => return Ok(o),
                }
                for (x, y) in a.iter().zip(b.iter()) {
                    let o = x.tlc_cmp(y)?;
                    if o != Ordering::Equal {
                        return Ok(o);
                    }
                }
                Ok(Ordering::Equal)
            }
            _ => match (FnView::of(self), FnView::of(other)) {
                (Some(a), Some(b)) => {
                    let n = a.len();
                    match n.cmp(&b.len()) {
                        Ordering::Equal => {}
                        o => return Ok(o),
                    }
                    for i in 0..n {
                        let o = tlc_cmp_keys(a.key(i), b.key(i))?;
                        if o != Ordering::Equal {
                            return Ok(o);
                        }
                    }
                    for i in 0..n {
                        let o = a.value(i).tlc_cmp(b.value(i))?;
                        if o != Ordering::Equal {
                            return Ok(o);
                        }
                    }
                    Ok(Ordering::Equal)
                }
                _ => Err(incomparable()),
            },
        }
    }

    /// The elements of a set for a TLC comparison: TLC converts lazy sets to explicit ones
    /// and fails on sets it cannot enumerate.
    fn elems_for_tlc(&self) -> Result<std::sync::Arc<[Value]>, ValueError> {
        match self {
            Value::Set(s) => Ok(s.clone()),
            _ => self.to_explicit_elems(),
        }
    }
}

fn tlc_cmp_keys(a: Key<'_>, b: Key<'_>) -> Result<Ordering, ValueError> {
    match (a, b) {
        (Key::Int(x), Key::Int(y)) => Ok(x.cmp(&y)),
        (Key::Str(x), Key::Str(y)) => Ok(x.cmp(&y)),
        (a, b) => a.to_value().tlc_cmp(&b.to_value()),
    }
}

/// Checks that a sorted, duplicate-free run of values is one TLC could have sorted: every
/// adjacent pair must be comparable by TLC (a sort compares every adjacent pair of its
/// output), so a set mixing integers and strings fails as TLC fails.
pub(crate) fn check_comparable(sorted: &[Value]) -> Result<(), ValueError> {
    for pair in sorted.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let simple = matches!(
            (a, b),
            (Value::Int(_), Value::Int(_))
                | (Value::Str(_), Value::Str(_))
                | (Value::Bool(_), Value::Bool(_))
        );
        if !simple {
            a.tlc_cmp(b)?;
        }
    }
    Ok(())
}
