//! Renaming model values inside a value, for symmetry reduction.
//!
//! A SYMMETRY declaration lets the checker treat two states as one when a permutation of
//! model values maps one onto the other. [`ModelValuePerm`] is one such permutation, kept as
//! a small map from model value to model value; [`Value::permute`] applies it everywhere in a
//! value. Only model values move: the shape of a value never changes, but the order of a
//! set's elements or a function's domain may, so sets and general functions are sorted again
//! (TLC's value order) to stay canonical. Parts that contain no moved model value are shared
//! with the original rather than rebuilt.

use std::sync::Arc;

use crate::{LazySet, Value};

/// A map from model values to model values (the ones it does not mention stay put).
///
/// TLC calls these permutations but does not require them to be bijective; neither does
/// this type. Mappings of a model value to itself are not stored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ModelValuePerm {
    /// `(from, to)` pairs, sorted by `from` in TLC's order, `from != to`.
    pairs: Vec<(Value, Value)>,
}

impl ModelValuePerm {
    /// The permutation mapping each `from` to its `to`. Pairs mapping a value to itself are
    /// dropped; for a repeated `from` the first pair wins. Both sides must be model values
    /// (other values are kept but never match anything a state holds as a model value).
    pub fn new(pairs: impl IntoIterator<Item = (Value, Value)>) -> ModelValuePerm {
        let mut out: Vec<(Value, Value)> = Vec::new();
        for (from, to) in pairs {
            if from != to && !out.iter().any(|(f, _)| *f == from) {
                out.push((from, to));
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        ModelValuePerm { pairs: out }
    }

    /// Whether the map moves nothing.
    pub fn is_identity(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The number of model values the map moves.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// Whether the map moves nothing (same as [`ModelValuePerm::is_identity`]).
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The `(from, to)` pairs of the model values moved, sorted by `from`.
    pub fn pairs(&self) -> &[(Value, Value)] {
        &self.pairs
    }

    /// The image of the model value `v`, `None` when the map leaves it in place.
    pub fn image(&self, v: &Value) -> Option<&Value> {
        // Maps are small (a symmetry set rarely has more than a handful of elements).
        self.pairs.iter().find(|(f, _)| f == v).map(|(_, t)| t)
    }

    /// `other` after `self`: `x` goes to `other(self(x))`, a value either map leaves alone
    /// standing for itself (TLC's `MVPerm.compose`).
    pub fn then(&self, other: &ModelValuePerm) -> ModelValuePerm {
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        for (from, to) in &self.pairs {
            let image = other.image(to).unwrap_or(to).clone();
            pairs.push((from.clone(), image));
        }
        for (from, to) in &other.pairs {
            if self.image(from).is_none() {
                pairs.push((from.clone(), to.clone()));
            }
        }
        ModelValuePerm::new(pairs)
    }
}

impl Value {
    /// This value with every model value replaced by its image under `perm`. Sets and
    /// general functions are re-sorted, so the result is canonical; unchanged parts are
    /// shared with `self`.
    pub fn permute(&self, perm: &ModelValuePerm) -> Value {
        if perm.is_identity() {
            return self.clone();
        }
        self.permuted(perm).unwrap_or_else(|| self.clone())
    }

    /// The permuted value, `None` when nothing in it moves.
    fn permuted(&self, perm: &ModelValuePerm) -> Option<Value> {
        match self {
            Value::Bool(_) | Value::Int(_) | Value::Str(_) => None,
            Value::ModelValue(_) => perm.image(self).cloned(),
            Value::Set(elems) => {
                let mut out = permuted_slice(elems, perm)?;
                out.sort_unstable();
                out.dedup();
                Some(Value::Set(Arc::from(out)))
            }
            Value::Tuple(elems) => Some(Value::Tuple(Arc::from(permuted_slice(elems, perm)?))),
            Value::Record(fields) => {
                let (first, image) = fields
                    .iter()
                    .enumerate()
                    .find_map(|(i, (_, v))| Some((i, v.permuted(perm)?)))?;
                let mut image = Some(image);
                let out: Vec<(crate::Str, Value)> = fields
                    .iter()
                    .enumerate()
                    .map(|(i, (k, v))| {
                        let v = match i.cmp(&first) {
                            std::cmp::Ordering::Less => v.clone(),
                            std::cmp::Ordering::Equal => image.take().expect("taken once"),
                            std::cmp::Ordering::Greater => v.permute(perm),
                        };
                        (*k, v)
                    })
                    .collect();
                Some(Value::Record(Arc::from(out)))
            }
            Value::Func(pairs) => {
                let mut changed = false;
                let mut keys_moved = false;
                let mut out: Vec<(Value, Value)> = Vec::with_capacity(pairs.len());
                for (k, v) in pairs.iter() {
                    let k2 = k.permuted(perm);
                    let v2 = v.permuted(perm);
                    keys_moved |= k2.is_some();
                    changed |= k2.is_some() || v2.is_some();
                    out.push((
                        k2.unwrap_or_else(|| k.clone()),
                        v2.unwrap_or_else(|| v.clone()),
                    ));
                }
                if !changed {
                    return None;
                }
                if keys_moved {
                    out.sort_unstable_by(|a, b| a.0.cmp(&b.0));
                    out.dedup_by(|a, b| a.0 == b.0);
                }
                Some(Value::func_from_sorted(out))
            }
            Value::Lazy(l) => {
                let l2 = match &**l {
                    LazySet::Interval(..) | LazySet::Nat | LazySet::Int | LazySet::String => {
                        return None
                    }
                    LazySet::Subset(s) => LazySet::Subset(s.permuted(perm)?),
                    LazySet::Seq(s) => LazySet::Seq(s.permuted(perm)?),
                    LazySet::FnSet(d, r) => {
                        let (d2, r2) = (d.permuted(perm), r.permuted(perm));
                        if d2.is_none() && r2.is_none() {
                            return None;
                        }
                        LazySet::FnSet(
                            d2.unwrap_or_else(|| d.clone()),
                            r2.unwrap_or_else(|| r.clone()),
                        )
                    }
                    LazySet::RecordSet(fields) => {
                        let moved: Vec<Option<Value>> =
                            fields.iter().map(|(_, s)| s.permuted(perm)).collect();
                        if moved.iter().all(Option::is_none) {
                            return None;
                        }
                        LazySet::RecordSet(
                            fields
                                .iter()
                                .zip(moved)
                                .map(|((n, s), m)| (*n, m.unwrap_or_else(|| s.clone())))
                                .collect(),
                        )
                    }
                    LazySet::Product(parts) => {
                        let moved = permuted_slice(parts, perm)?;
                        LazySet::Product(moved)
                    }
                };
                Some(Value::lazy(l2))
            }
        }
    }
}

/// The elements of `elems` permuted, `None` when none moves; elements before the first that
/// moves are shared.
fn permuted_slice(elems: &[Value], perm: &ModelValuePerm) -> Option<Vec<Value>> {
    let (first, moved) = elems
        .iter()
        .enumerate()
        .find_map(|(i, e)| e.permuted(perm).map(|m| (i, m)))?;
    let mut out = Vec::with_capacity(elems.len());
    out.extend(elems[..first].iter().cloned());
    out.push(moved);
    out.extend(elems[first + 1..].iter().map(|e| e.permute(perm)));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mv(s: &str) -> Value {
        Value::model_value(s)
    }

    fn swap(a: &str, b: &str) -> ModelValuePerm {
        ModelValuePerm::new([(mv(a), mv(b)), (mv(b), mv(a))])
    }

    #[test]
    fn identity_pairs_are_dropped() {
        let p = ModelValuePerm::new([(mv("a"), mv("a")), (mv("b"), mv("c"))]);
        assert_eq!(p.len(), 1);
        assert_eq!(p.image(&mv("b")), Some(&mv("c")));
        assert_eq!(p.image(&mv("a")), None);
    }

    #[test]
    fn sets_are_resorted() {
        let s = Value::set(vec![mv("a"), Value::int(1)]).unwrap();
        let p = ModelValuePerm::new([(mv("a"), mv("z"))]);
        let want = Value::set(vec![mv("z"), Value::int(1)]).unwrap();
        assert_eq!(s.permute(&p), want);
        let s = Value::set(vec![
            Value::set(vec![mv("a")]).unwrap(),
            Value::set(vec![mv("b")]).unwrap(),
        ])
        .unwrap();
        // Swapping a and b maps the set onto itself.
        assert_eq!(s.permute(&swap("a", "b")), s);
    }

    #[test]
    fn functions_records_and_tuples() {
        let f = Value::func(vec![(mv("a"), Value::int(1)), (mv("b"), Value::int(2))]).unwrap();
        let want = Value::func(vec![(mv("b"), Value::int(1)), (mv("a"), Value::int(2))]).unwrap();
        assert_eq!(f.permute(&swap("a", "b")), want);
        let r = Value::record(vec![
            (crate::Str::from("x"), mv("a")),
            (crate::Str::from("y"), Value::int(3)),
        ])
        .unwrap();
        let want = Value::record(vec![
            (crate::Str::from("x"), mv("b")),
            (crate::Str::from("y"), Value::int(3)),
        ])
        .unwrap();
        assert_eq!(r.permute(&swap("a", "b")), want);
        let t = Value::tuple(vec![Value::int(1), mv("a"), mv("c")]);
        assert_eq!(
            t.permute(&swap("a", "b")),
            Value::tuple(vec![Value::int(1), mv("b"), mv("c")])
        );
        // Nothing moves: the very same value comes back.
        let u = Value::tuple(vec![Value::int(1), mv("c")]);
        assert!(u.permuted(&swap("a", "b")).is_none());
    }

    #[test]
    fn composition_applies_left_first() {
        // (a b) then (b c): a -> b -> c, b -> a, c -> b.
        let p = swap("a", "b").then(&swap("b", "c"));
        assert_eq!(p.image(&mv("a")), Some(&mv("c")));
        assert_eq!(p.image(&mv("b")), Some(&mv("a")));
        assert_eq!(p.image(&mv("c")), Some(&mv("b")));
        assert!(swap("a", "b").then(&swap("a", "b")).is_identity());
    }
}
