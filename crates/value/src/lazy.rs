//! Lazily represented sets: their size, membership and enumeration.
//!
//! `1..n`, `SUBSET S`, `[S -> T]`, `[a : S]`, `S \X T`, `Seq(S)`, `Nat`, `Int` and `STRING`
//! stay lazy so that membership tests (the common use in type invariants) cost nothing
//! like their size. Enumeration produces elements directly in TLC's normalised order —
//! the order `CHOOSE` and printing see — so no sort is needed: intervals ascend; subsets
//! come by size, then lexicographically; functions, records and tuples of a fixed domain
//! compare by their values in domain order, so an odometer over the sorted ranges yields
//! them sorted.

use std::sync::Arc;

use crate::order::model_value_type;
use crate::{LazySet, Str, Value, ValueError};

/// The most elements a set may have to be enumerated; a larger (finite) set is an error
/// rather than an attempt to exhaust memory.
pub const ENUMERATION_LIMIT: u128 = 10_000_000;

fn untyped_model_value(v: &Value) -> bool {
    matches!(v, Value::ModelValue(n) if model_value_type(n).is_none())
}

impl Value {
    /// The number of elements of a set without enumerating it: `None` for infinite sets,
    /// non-sets, and sizes beyond `u128`.
    pub fn cardinality_u128(&self) -> Option<u128> {
        match self {
            Value::Set(s) => Some(s.len() as u128),
            Value::Lazy(l) => match &**l {
                LazySet::Interval(a, b) => Some(if b < a {
                    0
                } else {
                    (*b as i128 - *a as i128 + 1) as u128
                }),
                LazySet::Subset(s) => {
                    let n = s.cardinality_u128()?;
                    if n >= 127 {
                        None
                    } else {
                        Some(1u128 << n)
                    }
                }
                LazySet::FnSet(d, r) => {
                    let (d, r) = (d.cardinality_u128()?, r.cardinality_u128()?);
                    let mut acc: u128 = 1;
                    for _ in 0..d.min(200) {
                        acc = acc.checked_mul(r)?;
                    }
                    if d > 200 && r > 1 {
                        return None;
                    }
                    Some(acc)
                }
                LazySet::RecordSet(fields) => fields
                    .iter()
                    .try_fold(1u128, |acc, (_, s)| acc.checked_mul(s.cardinality_u128()?)),
                LazySet::Product(sets) => sets
                    .iter()
                    .try_fold(1u128, |acc, s| acc.checked_mul(s.cardinality_u128()?)),
                LazySet::Seq(s) => (s.cardinality_u128()? == 0).then_some(1),
                LazySet::Nat | LazySet::Int | LazySet::String => None,
            },
            _ => None,
        }
    }

    /// Whether this set is finite (`false` for non-sets).
    pub fn is_finite_set(&self) -> bool {
        match self {
            Value::Set(_) => true,
            Value::Lazy(l) => match &**l {
                LazySet::Interval(..) => true,
                LazySet::Subset(s) => s.is_finite_set(),
                LazySet::FnSet(d, r) => {
                    d.is_finite_set() && r.is_finite_set()
                        || d.cardinality_u128() == Some(0)
                        || (d.is_finite_set() && r.cardinality_u128() == Some(0))
                }
                LazySet::RecordSet(f) => {
                    f.iter().all(|(_, s)| s.is_finite_set())
                        || f.iter().any(|(_, s)| s.cardinality_u128() == Some(0))
                }
                LazySet::Product(p) => {
                    p.iter().all(|s| s.is_finite_set())
                        || p.iter().any(|s| s.cardinality_u128() == Some(0))
                }
                LazySet::Seq(s) => s.cardinality_u128() == Some(0),
                LazySet::Nat | LazySet::Int | LazySet::String => false,
            },
            _ => false,
        }
    }

    /// `Cardinality(S)`.
    pub fn cardinality(&self) -> Result<i64, ValueError> {
        if !self.is_set() {
            return Err(ValueError::NotASet {
                op: "compute the cardinality of",
                value: self.clone(),
            });
        }
        match self.cardinality_u128() {
            Some(n) if n <= i64::MAX as u128 => Ok(n as i64),
            _ if !self.is_finite_set() => Err(ValueError::Infinite { set: self.clone() }),
            _ => Err(ValueError::TooLarge { set: self.clone() }),
        }
    }

    /// The elements of a set in TLC's order, or `None` when it is not a set or cannot be
    /// enumerated (infinite, too large, or its parts fail to enumerate).
    pub(crate) fn explicit_elems(&self) -> Option<Arc<[Value]>> {
        match self {
            Value::Set(s) => Some(s.clone()),
            _ => self.to_explicit_elems().ok(),
        }
    }

    /// The elements of a set in TLC's normalised order (the order `CHOOSE` picks from).
    /// Fails for non-sets, infinite sets and sets above [`ENUMERATION_LIMIT`].
    pub fn to_explicit_elems(&self) -> Result<Arc<[Value]>, ValueError> {
        let l = match self {
            Value::Set(s) => return Ok(s.clone()),
            Value::Lazy(l) => l,
            _ => {
                return Err(ValueError::NotASet {
                    op: "enumerate",
                    value: self.clone(),
                })
            }
        };
        match self.cardinality_u128() {
            None if !self.is_finite_set() => {
                return Err(ValueError::Infinite { set: self.clone() })
            }
            Some(n) if n <= ENUMERATION_LIMIT => {}
            _ => return Err(ValueError::TooLarge { set: self.clone() }),
        }
        let elems: Vec<Value> = match &**l {
            LazySet::Interval(a, b) => (*a..=*b).map(Value::Int).collect(),
            LazySet::Subset(s) => subsets(&s.to_explicit_elems()?),
            LazySet::FnSet(d, r) => {
                let dom = d.to_explicit_elems()?;
                let ran = r.to_explicit_elems()?;
                let ranges: Vec<Arc<[Value]>> = vec![ran; dom.len()];
                let mut out = Vec::new();
                odometer(&ranges, |vals| {
                    let pairs = dom.iter().cloned().zip(vals.iter().cloned()).collect();
                    out.push(Value::func_from_sorted(pairs));
                });
                out
            }
            LazySet::RecordSet(fields) => {
                let mut fields: Vec<(Str, Value)> = fields.clone();
                fields.sort_by_key(|a| a.0);
                if let Some(w) = fields.windows(2).find(|w| w[0].0 == w[1].0) {
                    return Err(ValueError::DuplicateField { name: w[0].0 });
                }
                let ranges = fields
                    .iter()
                    .map(|(_, s)| s.to_explicit_elems())
                    .collect::<Result<Vec<_>, _>>()?;
                let mut out = Vec::new();
                odometer(&ranges, |vals| {
                    let pairs = fields
                        .iter()
                        .map(|(n, _)| Value::Str(*n))
                        .zip(vals.iter().cloned())
                        .collect();
                    out.push(Value::func_from_sorted(pairs));
                });
                out
            }
            LazySet::Product(sets) => {
                let ranges = sets
                    .iter()
                    .map(|s| s.to_explicit_elems())
                    .collect::<Result<Vec<_>, _>>()?;
                let mut out = Vec::new();
                odometer(&ranges, |vals| out.push(Value::Tuple(Arc::from(vals))));
                out
            }
            LazySet::Seq(_) => vec![Value::empty_tuple()],
            LazySet::Nat | LazySet::Int | LazySet::String => {
                return Err(ValueError::Infinite { set: self.clone() })
            }
        };
        debug_assert!(
            elems.windows(2).all(|w| w[0] < w[1]),
            "enumeration out of order"
        );
        Ok(Arc::from(elems))
    }

    /// The elements of a set in TLC's order (`to_explicit_elems` as a vector).
    pub fn enumerate(&self) -> Result<Vec<Value>, ValueError> {
        Ok(self.to_explicit_elems()?.to_vec())
    }

    /// Turns a lazy set into the explicit set it denotes (for storing into a state); other
    /// values are returned unchanged. Fails for sets that cannot be enumerated.
    pub fn normalize(&self) -> Result<Value, ValueError> {
        match self {
            Value::Lazy(_) => Ok(Value::Set(self.to_explicit_elems()?)),
            _ => Ok(self.clone()),
        }
    }

    /// Normalises every lazy set inside the value (set elements, function values and
    /// arguments), so the value can be stored in a state.
    pub fn deep_normalize(&self) -> Result<Value, ValueError> {
        if !self.contains_lazy() {
            return Ok(self.clone());
        }
        match self {
            Value::Lazy(_) => self.normalize(),
            Value::Set(s) => Value::set(
                s.iter()
                    .map(|v| v.deep_normalize())
                    .collect::<Result<_, _>>()?,
            ),
            Value::Tuple(t) => Ok(Value::Tuple(
                t.iter()
                    .map(|v| v.deep_normalize())
                    .collect::<Result<Vec<_>, _>>()?
                    .into(),
            )),
            Value::Record(r) => Ok(Value::Record(
                r.iter()
                    .map(|(n, v)| Ok((*n, v.deep_normalize()?)))
                    .collect::<Result<Vec<_>, ValueError>>()?
                    .into(),
            )),
            Value::Func(f) => Value::func(
                f.iter()
                    .map(|(k, v)| Ok((k.deep_normalize()?, v.deep_normalize()?)))
                    .collect::<Result<Vec<_>, ValueError>>()?,
            ),
            _ => Ok(self.clone()),
        }
    }

    /// Whether a lazy set occurs anywhere inside the value.
    pub fn contains_lazy(&self) -> bool {
        // Scalar parts are passed over here rather than by a call each.
        let part = |v: &Value| !v.is_scalar() && v.contains_lazy();
        match self {
            Value::Lazy(_) => true,
            Value::Set(s) | Value::Tuple(s) => s.iter().any(part),
            Value::Record(r) => r.iter().any(|(_, v)| part(v)),
            Value::Func(f) => f.iter().any(|(k, v)| part(k) || part(v)),
            _ => false,
        }
    }

    /// Membership in a lazy set; with `known`, a value known to be a member (see
    /// [`Value::contains_given`]).
    pub(crate) fn lazy_contains(
        &self,
        l: &LazySet,
        x: &Value,
        known: Option<&Value>,
    ) -> Result<bool, ValueError> {
        let refuse = || ValueError::Membership {
            elem: x.clone(),
            set: self.clone(),
        };
        if let Value::ModelValue(_) = x {
            return if untyped_model_value(x) {
                Ok(false)
            } else {
                Err(refuse())
            };
        }
        match l {
            LazySet::Interval(a, b) => match x {
                Value::Int(n) => Ok(a <= n && n <= b),
                _ => Err(refuse()),
            },
            LazySet::Nat => match x {
                Value::Int(n) => Ok(*n >= 0),
                _ => Err(refuse()),
            },
            LazySet::Int => match x {
                Value::Int(_) => Ok(true),
                _ => Err(refuse()),
            },
            LazySet::String => Ok(matches!(x, Value::Str(_))),
            LazySet::Subset(s) => {
                if !x.is_set() {
                    return Err(refuse());
                }
                match known {
                    Some(known) => x.subseteq_given(s, known),
                    None => x.subseteq(s),
                }
            }
            LazySet::FnSet(d, r) => {
                if !x.is_func() {
                    return Err(refuse());
                }
                let same_domain = match x.domain_is(d) {
                    Some(same) => same,
                    None => x.domain()? == *d,
                };
                if !same_domain {
                    return Ok(false);
                }
                let known_value = |v: &Value| {
                    let mut j = 0;
                    while let Some(k) = known.and_then(|k| k.fn_value_at(j)) {
                        if k.same_instance(v) {
                            return true;
                        }
                        j += 1;
                    }
                    false
                };
                let mut i = 0;
                while let Some(v) = x.fn_value_at(i) {
                    let hint = known.and_then(|k| k.fn_value_at(i));
                    if !part_in(r, v, hint, &known_value)? {
                        return Ok(false);
                    }
                    i += 1;
                }
                Ok(true)
            }
            LazySet::RecordSet(fields) => {
                if !x.is_func() {
                    return Err(refuse());
                }
                let Value::Record(r) = x else {
                    return Ok(false);
                };
                if r.len() != fields.len() {
                    return Ok(false);
                }
                let known_fields = match known {
                    Some(Value::Record(k)) => &k[..],
                    _ => &[],
                };
                for (name, set) in fields {
                    match r.iter().find(|(n, _)| n == name) {
                        Some((_, v)) => {
                            let hint = known_fields.iter().find(|(n, _)| n == name).map(|(_, k)| k);
                            if !part_in(set, v, hint, &|_| false)? {
                                return Ok(false);
                            }
                        }
                        None => return Ok(false),
                    }
                }
                Ok(true)
            }
            LazySet::Product(sets) => {
                if !x.is_func() {
                    return Err(refuse());
                }
                let Value::Tuple(t) = x else {
                    return Ok(false);
                };
                if t.len() != sets.len() {
                    return Ok(false);
                }
                let known_items = known_tuple(known);
                for (i, (v, s)) in t.iter().zip(sets).enumerate() {
                    if !part_in(s, v, known_items.get(i), &|_| false)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            LazySet::Seq(s) => {
                if !x.is_func() {
                    return Err(refuse());
                }
                let Value::Tuple(t) = x else {
                    return Ok(false);
                };
                let known_items = known_tuple(known);
                let known_item = |v: &Value| known_items.iter().any(|k| k.same_instance(v));
                for (i, v) in t.iter().enumerate() {
                    if !part_in(s, v, known_items.get(i), &known_item)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
        }
    }
}

/// The elements of a known member that is a tuple (none otherwise).
fn known_tuple(known: Option<&Value>) -> &[Value] {
    match known {
        Some(Value::Tuple(t)) => t,
        _ => &[],
    }
}

/// Whether `v`, a part of a value tested for membership, is in `set`. `hint` is the
/// corresponding part of a value known to be a member, hence itself in `set`, and
/// `known_part` tells whether `v` is the same instance as another part of that value that
/// is in `set` (a sequence's elements all are, and so are a function's values).
fn part_in(
    set: &Value,
    v: &Value,
    hint: Option<&Value>,
    known_part: &dyn Fn(&Value) -> bool,
) -> Result<bool, ValueError> {
    match hint {
        None => set.contains(v),
        Some(k) if v.same_instance(k) || known_part(v) => Ok(true),
        Some(k) => set.contains_given(v, k),
    }
}

/// All subsets of a sorted set, by size and then lexicographically (TLC's order on sets).
fn subsets(elems: &[Value]) -> Vec<Value> {
    let n = elems.len();
    let mut out = Vec::with_capacity(1usize << n.min(24));
    let mut idx: Vec<usize> = Vec::with_capacity(n);
    for k in 0..=n {
        idx.clear();
        idx.extend(0..k);
        loop {
            out.push(Value::Set(idx.iter().map(|&i| elems[i].clone()).collect()));
            // Advance to the next k-combination in lexicographic order.
            let mut i = k;
            loop {
                if i == 0 {
                    break;
                }
                i -= 1;
                if idx[i] < n - k + i {
                    idx[i] += 1;
                    for j in i + 1..k {
                        idx[j] = idx[j - 1] + 1;
                    }
                    i = usize::MAX;
                    break;
                }
            }
            if i != usize::MAX {
                break;
            }
        }
    }
    out
}

/// Calls `f` on every choice of one element per range, lexicographically (last fastest).
fn odometer(ranges: &[Arc<[Value]>], mut f: impl FnMut(Vec<Value>)) {
    if ranges.iter().any(|r| r.is_empty()) {
        return;
    }
    let mut idx = vec![0usize; ranges.len()];
    loop {
        f(idx.iter().zip(ranges).map(|(&i, r)| r[i].clone()).collect());
        let mut pos = ranges.len();
        loop {
            if pos == 0 {
                return;
            }
            pos -= 1;
            idx[pos] += 1;
            if idx[pos] < ranges[pos].len() {
                break;
            }
            idx[pos] = 0;
        }
    }
}
