//! Set algebra on explicit and lazy sets.
//!
//! Explicit sets are sorted slices, so membership is a binary search and union,
//! intersection and difference are linear merges that keep the result canonical without
//! re-sorting. Lazy operands are tested by membership where that suffices (`S \cap Nat`)
//! and enumerated otherwise; an infinite operand that would have to be enumerated is an
//! error, as in TLC.

use std::cmp::Ordering;
use std::sync::Arc;

use crate::{LazySet, Value, ValueError};

impl Value {
    fn set_elems_or(&self, op: &'static str) -> Result<Arc<[Value]>, ValueError> {
        if !self.is_set() {
            return Err(ValueError::NotASet {
                op,
                value: self.clone(),
            });
        }
        self.to_explicit_elems()
    }

    /// Membership of `x`, knowing that `known` is a member. The parts of `x` that are the
    /// same instances (see [`Value::same_instance`]) as parts of `known` are not tested
    /// again: a function's values, a sequence's elements, a record's fields or a tuple's
    /// components, at any depth of `[S -> T]`, `Seq(S)`, `[a : S]` and `S \X T`. The answer
    /// and any error are those of [`Value::contains`] whenever `known` is a member; a
    /// successor state's variable mostly shares its parts with the parent's value.
    pub fn contains_given(&self, x: &Value, known: &Value) -> Result<bool, ValueError> {
        if x.same_instance(known) {
            return Ok(true);
        }
        match self {
            Value::Lazy(l) => self.lazy_contains(l, x, Some(known)),
            _ => self.contains(x),
        }
    }

    /// `x \in S`. Fails where TLC fails: `S` is not a set, or `x` cannot be compared with
    /// the elements (`"a" \in {1, 2}`).
    pub fn contains(&self, x: &Value) -> Result<bool, ValueError> {
        match self {
            Value::Set(elems) => {
                if elems.len() <= 16 {
                    if let Some(found) = scan_scalars(elems, x) {
                        return Ok(found);
                    }
                }
                let normalized;
                let x = if let Value::Lazy(_) = x {
                    normalized = x.normalize()?;
                    &normalized
                } else {
                    x
                };
                match elems.binary_search(x) {
                    Ok(_) => Ok(true),
                    Err(i) => {
                        // TLC's search compares x with the elements; a kind it cannot
                        // compare with them is an error.
                        if let Some(near) = elems
                            .get(i)
                            .or_else(|| i.checked_sub(1).and_then(|j| elems.get(j)))
                        {
                            if !surely_comparable(x, near) {
                                x.tlc_cmp(near)?;
                            }
                        }
                        Ok(false)
                    }
                }
            }
            Value::Lazy(l) => self.lazy_contains(l, x, None),
            _ => Err(ValueError::Membership {
                elem: x.clone(),
                set: self.clone(),
            }),
        }
    }

    /// The index of `x` among the elements of an explicit set, for `S \ {x}`: what
    /// [`Value::difference`] with the one-element set `{x}` removes. It fails where that
    /// would: when an element cannot be compared with `x` (`{1, 2} \ {"a"}`). `x` must be
    /// normal.
    pub fn index_without(elems: &[Value], x: &Value) -> Result<Option<usize>, ValueError> {
        for e in elems {
            // `{x}.contains(e)` compares `e` with `x` alone.
            if !surely_comparable(e, x) && e != x {
                e.tlc_cmp(x)?;
            }
        }
        Ok(elems.binary_search(x).ok())
    }

    /// `S \cup T`.
    pub fn union(&self, other: &Value) -> Result<Value, ValueError> {
        if let (Value::Lazy(a), Value::Lazy(b)) = (self, other) {
            if let (LazySet::Interval(a1, b1), LazySet::Interval(a2, b2)) = (&**a, &**b) {
                // Overlapping or adjacent intervals stay an interval.
                if a1 > b1 {
                    return Ok(other.clone());
                }
                if a2 > b2 {
                    return Ok(self.clone());
                }
                if (*a2 as i128) <= *b1 as i128 + 1 && (*a1 as i128) <= *b2 as i128 + 1 {
                    return Ok(Value::interval(*a1.min(a2), *b1.max(b2)));
                }
            }
        }
        let a = self.set_elems_or("compute the union of")?;
        let b = other.set_elems_or("compute the union of")?;
        if b.is_empty() {
            return Ok(Value::Set(a));
        }
        if a.is_empty() {
            return Ok(Value::Set(b));
        }
        if b.len() == 1 {
            return with_element(a, &b[0]);
        }
        if a.len() == 1 {
            return with_element(b, &a[0]);
        }
        let mut out = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        // Whether `out` has an element of `b` not in `a`, or of `a` not in `b`.
        let (mut new_in_b, mut new_in_a) = (false, false);
        while i < a.len() && j < b.len() {
            if a[i].kind() != b[j].kind() {
                a[i].tlc_cmp(&b[j])?;
            }
            match a[i].cmp(&b[j]) {
                Ordering::Less => {
                    out.push(a[i].clone());
                    new_in_a = true;
                    i += 1;
                }
                Ordering::Greater => {
                    out.push(b[j].clone());
                    new_in_b = true;
                    j += 1;
                }
                Ordering::Equal => {
                    out.push(a[i].clone());
                    i += 1;
                    j += 1;
                }
            }
        }
        new_in_a |= i < a.len();
        new_in_b |= j < b.len();
        // A union equal to one side is that side, the same instance.
        if !new_in_b {
            return Ok(Value::Set(a));
        }
        if !new_in_a {
            return Ok(Value::Set(b));
        }
        out.extend_from_slice(&a[i..]);
        out.extend_from_slice(&b[j..]);
        Ok(Value::Set(Arc::from(out)))
    }

    /// `S \cap T`.
    pub fn intersect(&self, other: &Value) -> Result<Value, ValueError> {
        for v in [self, other] {
            if !v.is_set() {
                return Err(ValueError::NotASet {
                    op: "compute the intersection of",
                    value: v.clone(),
                });
            }
        }
        match (self, other) {
            (Value::Set(a), Value::Set(b)) => {
                let mut out = Vec::with_capacity(a.len().min(b.len()));
                let (mut i, mut j) = (0, 0);
                while i < a.len() && j < b.len() {
                    match a[i].cmp(&b[j]) {
                        Ordering::Less => i += 1,
                        Ordering::Greater => j += 1,
                        Ordering::Equal => {
                            out.push(a[i].clone());
                            i += 1;
                            j += 1;
                        }
                    }
                }
                Ok(Value::Set(Arc::from(out)))
            }
            _ => {
                // Enumerate the side that can be enumerated (the explicit one first) and
                // test membership in the other.
                let (small, big) = match (self.explicit_elems(), other.explicit_elems()) {
                    (Some(a), Some(b)) => {
                        if a.len() <= b.len() {
                            (a, other)
                        } else {
                            (b, self)
                        }
                    }
                    (Some(a), None) => (a, other),
                    (None, Some(b)) => (b, self),
                    (None, None) => return Err(ValueError::Infinite { set: self.clone() }),
                };
                let mut out = Vec::new();
                for x in small.iter() {
                    if big.contains(x)? {
                        out.push(x.clone());
                    }
                }
                Ok(Value::Set(Arc::from(out)))
            }
        }
    }

    /// `S \ T`.
    pub fn difference(&self, other: &Value) -> Result<Value, ValueError> {
        let a = self.set_elems_or("compute the set difference of")?;
        if !other.is_set() {
            return Err(ValueError::NotASet {
                op: "compute the set difference of",
                value: other.clone(),
            });
        }
        let mut out = Vec::with_capacity(a.len());
        for x in a.iter() {
            if !other.contains(x)? {
                out.push(x.clone());
            }
        }
        if out.len() == a.len() {
            return Ok(Value::Set(a));
        }
        Ok(Value::Set(Arc::from(out)))
    }

    /// `S \subseteq T` for `S` this set, knowing that `known` is a subset of `T`: only the
    /// elements this set holds and `known` does not are tested. A set made from `known`
    /// (`msgs \cup {m}` in a successor whose parent's `msgs` was included) costs a merge in
    /// which shared elements compare by allocation, and one membership test per new
    /// element. A TRUE answer is that of [`Value::subseteq`] whenever `known` is a subset
    /// of `T`; where either set is not explicit, it is [`Value::subseteq`]'s.
    pub fn subseteq_given(&self, other: &Value, known: &Value) -> Result<bool, ValueError> {
        if self.same_instance(known) {
            return Ok(true);
        }
        let (Value::Set(new), Value::Set(old)) = (self, known) else {
            return self.subseteq(other);
        };
        let mut included = Ok(true);
        crate::near::set_changes(old, new, usize::MAX, |side, x| {
            if side == crate::near::Side::Added && included == Ok(true) {
                included = other.contains(x);
            }
        });
        included
    }

    /// `S \subseteq T`.
    pub fn subseteq(&self, other: &Value) -> Result<bool, ValueError> {
        if !other.is_set() {
            return Err(ValueError::NotASet {
                op: "check inclusion in",
                value: other.clone(),
            });
        }
        if let (Value::Lazy(a), Value::Lazy(b)) = (self, other) {
            match (&**a, &**b) {
                (LazySet::Interval(a1, b1), LazySet::Interval(a2, b2)) => {
                    return Ok(a1 > b1 || (a2 <= a1 && b1 <= b2))
                }
                (LazySet::Interval(a1, b1), LazySet::Nat) => return Ok(a1 > b1 || *a1 >= 0),
                (LazySet::Interval(..) | LazySet::Nat | LazySet::Int, LazySet::Int)
                | (LazySet::Nat, LazySet::Nat)
                | (LazySet::String, LazySet::String) => return Ok(true),
                _ if self == other => return Ok(true),
                _ => {}
            }
        }
        let a = self.set_elems_or("check inclusion of")?;
        for x in a.iter() {
            if !other.contains(x)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `SUBSET S` (lazy).
    pub fn powerset(&self) -> Result<Value, ValueError> {
        if !self.is_set() {
            return Err(ValueError::NotASet {
                op: "compute SUBSET of",
                value: self.clone(),
            });
        }
        Ok(Value::lazy(LazySet::Subset(self.clone())))
    }

    /// `UNION S`: the union of a set of sets.
    pub fn big_union(&self) -> Result<Value, ValueError> {
        let outer = self.set_elems_or("compute UNION of")?;
        let mut all = Vec::new();
        for s in outer.iter() {
            all.extend_from_slice(&s.set_elems_or("compute UNION of an element of")?);
        }
        Value::set(all)
    }

    /// `{x \in S : p(x)}` over an enumerable set; the result stays sorted.
    pub fn filter(
        &self,
        mut p: impl FnMut(&Value) -> Result<bool, ValueError>,
    ) -> Result<Value, ValueError> {
        let elems = self.set_elems_or("filter")?;
        let mut out = Vec::new();
        for x in elems.iter() {
            if p(x)? {
                out.push(x.clone());
            }
        }
        Ok(Value::Set(Arc::from(out)))
    }
}

/// Whether TLC's comparison of `a` with `b` surely succeeds: values of one primitive kind,
/// model values TLC compares, or tuples and records made of such values. A sufficient
/// condition, checked without allocating; when it does not hold, the exact
/// [`Value::tlc_cmp`] decides.
/// `elems \cup {x}`, with `elems` sorted: `elems` itself, the same instance, when `x` is in
/// it; otherwise `x` is compared with its neighbours as the merge would compare it (a kind
/// TLC cannot compare with them is an error) and inserted.
fn with_element(elems: Arc<[Value]>, x: &Value) -> Result<Value, ValueError> {
    match elems.binary_search(x) {
        Ok(_) => Ok(Value::Set(elems)),
        Err(i) => {
            for near in [i.checked_sub(1).map(|j| &elems[j]), elems.get(i)]
                .into_iter()
                .flatten()
            {
                if near.kind() != x.kind() {
                    near.tlc_cmp(x)?;
                }
            }
            let mut out = Vec::with_capacity(elems.len() + 1);
            out.extend_from_slice(&elems[..i]);
            out.push(x.clone());
            out.extend_from_slice(&elems[i..]);
            Ok(Value::Set(Arc::from(out)))
        }
    }
}

fn surely_comparable(a: &Value, b: &Value) -> bool {
    // The parts of tuples and records are mostly scalars of one kind: those are settled here,
    // without a call per part.
    let part = |p: &Value, q: &Value| same_scalar_kind(p, q) || surely_comparable(p, q);
    match (a, b) {
        _ if same_scalar_kind(a, b) => true,
        (Value::ModelValue(x), Value::ModelValue(y)) if x == y => true,
        (Value::ModelValue(_), Value::ModelValue(_)) => matches!(
            crate::order::model_value_case(a, b),
            Some(crate::order::ModelValueCase::Both(..))
        ),
        (Value::Tuple(x), Value::Tuple(y)) => {
            x.len() != y.len() || x.iter().zip(y.iter()).all(|(p, q)| part(p, q))
        }
        (Value::Record(x), Value::Record(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y.iter())
                    .all(|((n, p), (m, q))| n == m && part(p, q))
        }
        _ => false,
    }
}

/// Two integers, two strings or two booleans: values TLC always compares.
#[inline]
fn same_scalar_kind(a: &Value, b: &Value) -> bool {
    matches!(
        (a, b),
        (Value::Int(_), Value::Int(_))
            | (Value::Str(_), Value::Str(_))
            | (Value::Bool(_), Value::Bool(_))
    )
}

/// `x \in elems` for a set of at most 16 elements, by a scan comparing scalars of one kind
/// (booleans, integers, strings, model values) for equality rather than by a binary search
/// through [`Ord`]: `pc[j] \in {"ncs", "e1", "exit"}`. `None` when `x` is not a scalar or
/// an element met is not of its kind (it may be one TLC cannot compare with `x`): the
/// search decides.
#[inline]
fn scan_scalars(elems: &[Value], x: &Value) -> Option<bool> {
    if !x.is_scalar() {
        return None;
    }
    for e in elems {
        let equal = match (x, e) {
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Str(a), Value::Str(b)) | (Value::ModelValue(a), Value::ModelValue(b)) => a == b,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            _ => return None,
        };
        if equal {
            return Some(true);
        }
    }
    Some(false)
}
