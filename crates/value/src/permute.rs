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

use crate::near::{set_changes, Side};
use crate::{LazySet, Value};

/// A map from model values to model values (the ones it does not mention stay put).
///
/// TLC calls these permutations but does not require them to be bijective; neither does
/// this type. Mappings of a model value to itself are not stored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ModelValuePerm {
    /// `(from, to)` pairs, sorted by `from` in TLC's order, `from != to`.
    pairs: Vec<(Value, Value)>,
    /// Whether the map is one to one (the values it moves are the values it moves to).
    bijective: bool,
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
        let mut tos: Vec<&Value> = out.iter().map(|(_, t)| t).collect();
        tos.sort();
        tos.dedup();
        let bijective = tos.len() == out.len() && tos.iter().zip(&out).all(|(t, (f, _))| *t == f);
        ModelValuePerm {
            pairs: out,
            bijective,
        }
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

    /// Whether the map is one to one: it maps the model values it moves onto themselves.
    pub fn is_bijective(&self) -> bool {
        self.bijective
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

    /// The image of this set under `perm`, given the image `near_image` of a set `near` that
    /// differs from it in at most a few elements: the image of `near`, less the images of
    /// the elements only `near` holds, plus the images of those only this set holds. The
    /// elements the two hold alike are compared first by allocation, so a set made from
    /// another (`S \cup {x}`, as successors of a state make them) is compared cheaply.
    /// `None` when `perm` is not one to one (images could merge), when either is not an
    /// explicit set, or when the sets differ in more than `MAX_CHANGES` elements.
    pub fn permute_near(
        &self,
        perm: &ModelValuePerm,
        near: &Value,
        near_image: &Value,
    ) -> Option<Value> {
        const MAX_CHANGES: usize = 8;
        let (Value::Set(new), Value::Set(old), Value::Set(old_image)) = (self, near, near_image)
        else {
            return None;
        };
        if !perm.is_bijective() || old.len() != old_image.len() {
            return None;
        }
        let (mut removed, mut added) = (Vec::new(), Vec::new());
        let near = set_changes(old, new, MAX_CHANGES, |side, x| match side {
            Side::Removed => removed.push(x.permute(perm)),
            Side::Added => added.push(x.permute(perm)),
        });
        if !near {
            return None;
        }
        if removed.is_empty() && added.is_empty() {
            return Some(near_image.clone());
        }
        removed.sort_unstable();
        added.sort_unstable();
        // One pass over the old image: drop the removed images, insert the added ones.
        let mut out: Vec<Value> = Vec::with_capacity(new.len());
        let (mut r, mut a) = (removed.iter().peekable(), added.into_iter().peekable());
        for x in old_image.iter() {
            while let Some(y) = a.next_if(|y| *y < *x) {
                out.push(y);
            }
            if r.next_if(|y| *y == x).is_none() {
                out.push(x.clone());
            }
        }
        if r.peek().is_some() {
            return None;
        }
        out.extend(a);
        Some(Value::Set(Arc::from(out)))
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
    fn one_to_one_maps_move_values_onto_themselves() {
        assert!(swap("a", "b").is_bijective());
        // Not closed (b goes to c, which the map leaves), and two values to one.
        assert!(!ModelValuePerm::new([(mv("a"), mv("b")), (mv("b"), mv("c"))]).is_bijective());
        assert!(!ModelValuePerm::new([(mv("a"), mv("b")), (mv("c"), mv("b"))]).is_bijective());
        assert!(ModelValuePerm::new([]).is_bijective());
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

    /// A record `[to |-> a, n |-> i]`, an element of the sets below.
    fn msg(to: &str, n: i64) -> Value {
        Value::record(vec![
            (crate::Str::from("n"), Value::int(n)),
            (crate::Str::from("to"), mv(to)),
        ])
        .unwrap()
    }

    #[test]
    fn a_near_set_has_the_image_of_a_whole_permutation() {
        let cycle =
            ModelValuePerm::new([(mv("a"), mv("b")), (mv("b"), mv("c")), (mv("c"), mv("a"))]);
        assert!(cycle.is_bijective());
        let base: Vec<Value> = (0..6)
            .map(|i| msg(["a", "b", "c"][i % 3], i as i64))
            .collect();
        let old = Value::set(base.clone()).unwrap();
        let old_image = old.permute(&cycle);
        // Built from the old set's elements (shared allocations), as `S \cup {x}` builds it,
        // and from fresh copies (compared by value).
        let fresh = |v: &Value| Value::set(v.to_explicit_elems().unwrap().to_vec()).unwrap();
        let mut variants: Vec<Vec<Value>> = vec![
            base.clone(),
            [base.clone(), vec![msg("a", 9)]].concat(),
            base[1..].to_vec(),
            [
                base[..3].to_vec(),
                base[4..].to_vec(),
                vec![msg("c", -1), msg("b", 7)],
            ]
            .concat(),
            vec![],
        ];
        variants.push((0..2).map(|i| msg("b", 100 + i)).collect());
        for elems in variants {
            let new = Value::set(elems).unwrap();
            let want = new.permute(&cycle);
            for new in [new.clone(), fresh(&new)] {
                let got = new.permute_near(&cycle, &old, &old_image);
                assert_eq!(got.as_ref(), Some(&want), "image of {new:?}");
            }
        }
        // Too many changes: the whole permutation is left to do.
        let far = Value::set((0..9).map(|i| msg("a", 50 + i)).collect()).unwrap();
        assert_eq!(far.permute_near(&cycle, &old, &old_image), None);
        // Not one to one: two elements could have one image.
        let merge = ModelValuePerm::new([(mv("a"), mv("b"))]);
        assert!(!merge.is_bijective());
        let new = Value::set([base.clone(), vec![msg("a", 9)]].concat()).unwrap();
        assert_eq!(new.permute_near(&merge, &old, &old.permute(&merge)), None);
        // Only sets.
        let t = Value::tuple(base);
        assert_eq!(t.permute_near(&cycle, &t, &t.permute(&cycle)), None);
    }
}
