//! Functions, records and sequences.
//!
//! Tuples, records and general functions are three storage forms of one TLA+ concept; the
//! operations here (application, `DOMAIN`, `EXCEPT`, the `Sequences` operators) accept all
//! three and keep results canonical. Application is `O(1)` on tuples and a binary search on
//! records and general functions.

use std::cmp::Ordering;
use std::sync::Arc;

use crate::order::cmp_keys;
use crate::{Kind, Str, Value, ValueError};

/// A borrowed view of a function value in any of its three storage forms.
#[derive(Clone, Copy)]
pub(crate) enum FnView<'a> {
    Tuple(&'a [Value]),
    Record(&'a [(Str, Value)]),
    Func(&'a [(Value, Value)]),
}

/// A borrowed domain element of a function.
#[derive(Clone, Copy)]
pub(crate) enum Key<'a> {
    Int(i64),
    Str(Str),
    Val(&'a Value),
}

impl Key<'_> {
    pub(crate) fn kind(&self) -> Kind {
        match self {
            Key::Int(_) => Kind::Int,
            Key::Str(_) => Kind::Str,
            Key::Val(v) => v.kind(),
        }
    }

    pub(crate) fn to_value(self) -> Value {
        match self {
            Key::Int(i) => Value::Int(i),
            Key::Str(s) => Value::Str(s),
            Key::Val(v) => v.clone(),
        }
    }
}

impl<'a> FnView<'a> {
    pub(crate) fn of(v: &'a Value) -> Option<FnView<'a>> {
        match v {
            Value::Tuple(t) => Some(FnView::Tuple(t)),
            Value::Record(r) => Some(FnView::Record(r)),
            Value::Func(f) => Some(FnView::Func(f)),
            _ => None,
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            FnView::Tuple(t) => t.len(),
            FnView::Record(r) => r.len(),
            FnView::Func(f) => f.len(),
        }
    }

    pub(crate) fn key(&self, i: usize) -> Key<'a> {
        match *self {
            FnView::Tuple(_) => Key::Int(i as i64 + 1),
            FnView::Record(r) => Key::Str(r[i].0),
            FnView::Func(f) => Key::Val(&f[i].0),
        }
    }

    pub(crate) fn value(&self, i: usize) -> &'a Value {
        match *self {
            FnView::Tuple(t) => &t[i],
            FnView::Record(r) => &r[i].1,
            FnView::Func(f) => &f[i].1,
        }
    }
}

/// A copy of `items` whose element `i` is `with(&items[i])`, written in place into one
/// allocation (see [`crate::slice`]).
fn replaced<T: Clone>(items: &[T], i: usize, with: impl FnOnce(&T) -> T) -> Arc<[T]> {
    crate::slice::replaced(items, i, with(&items[i]))
}

/// Index of `key` among a function's sorted points. Integer keys usually form an interval
/// (`[i \in 0..N-1 |-> …]`): the point at `key - first` is tried first, with one
/// comparison of integers. A model value or string is looked for among a few points by its
/// interned text, one comparison of pointers per point. Otherwise, a binary search.
#[inline]
fn point_index(points: &[(Value, Value)], key: &Value) -> Option<usize> {
    match (key, points.first()) {
        (Value::Int(k), Some((Value::Int(first), _))) => {
            let guess = k.wrapping_sub(*first) as u64;
            if guess < points.len() as u64 {
                if let (Value::Int(at), _) = &points[guess as usize] {
                    if at == k {
                        return Some(guess as usize);
                    }
                }
            }
        }
        (Value::ModelValue(k), _) if points.len() <= 8 => {
            return points
                .iter()
                .position(|(p, _)| matches!(p, Value::ModelValue(at) if at == k));
        }
        (Value::Str(k), _) if points.len() <= 8 => {
            return points
                .iter()
                .position(|(p, _)| matches!(p, Value::Str(at) if at == k));
        }
        _ => {}
    }
    points.binary_search_by(|(k, _)| k.cmp(key)).ok()
}

/// Index of `name` among sorted record fields: linear for small records (a pointer
/// comparison per field), binary search otherwise.
fn field_index(fields: &[(Str, Value)], name: Str) -> Option<usize> {
    if fields.len() <= 8 {
        fields.iter().position(|(n, _)| *n == name)
    } else {
        fields.binary_search_by(|(n, _)| n.cmp(&name)).ok()
    }
}

impl Value {
    /// `f[arg]`: applies a function, record or tuple, failing with TLC's message outside
    /// the domain.
    pub fn apply(&self, arg: &Value) -> Result<&Value, ValueError> {
        if let Some(v) = self.get(arg) {
            return Ok(v);
        }
        match self {
            Value::Tuple(t) => match arg {
                Value::Int(i) => {
                    if *i >= 1 && (*i as u64) <= t.len() as u64 {
                        Ok(&t[*i as usize - 1])
                    } else {
                        Err(ValueError::IndexOutOfBounds {
                            index: *i,
                            tuple: self.clone(),
                        })
                    }
                }
                _ => Err(ValueError::NonIntegerIndex { arg: arg.clone() }),
            },
            Value::Record(r) => match arg {
                Value::Str(s) => match field_index(r, *s) {
                    Some(i) => Ok(&r[i].1),
                    None => Err(ValueError::NoSuchField {
                        field: *s,
                        record: self.clone(),
                    }),
                },
                _ => Err(ValueError::NonStringField { arg: arg.clone() }),
            },
            Value::Func(f) => match point_index(f, arg) {
                Some(i) => Ok(&f[i].1),
                None => Err(ValueError::NotInDomain {
                    func: self.clone(),
                    arg: arg.clone(),
                }),
            },
            _ => Err(ValueError::NotAFunction {
                op: "apply",
                value: self.clone(),
            }),
        }
    }

    /// `f[arg]` when `arg` is in the domain of a function, record or tuple; `None` otherwise
    /// (where [`Value::apply`] gives TLC's error).
    #[inline]
    pub fn get(&self, arg: &Value) -> Option<&Value> {
        match (self, arg) {
            (Value::Tuple(t), Value::Int(i)) => usize::try_from(*i)
                .ok()
                .and_then(|i| i.checked_sub(1))
                .and_then(|i| t.get(i)),
            (Value::Record(r), Value::Str(s)) => field_index(r, *s).map(|i| &r[i].1),
            (Value::Func(f), _) => point_index(f, arg).map(|i| &f[i].1),
            _ => None,
        }
    }

    /// `r.field` when this is a record (or function) with that field; `None` otherwise
    /// (where [`Value::field`] gives TLC's error).
    #[inline]
    pub fn get_field(&self, name: Str) -> Option<&Value> {
        match self {
            Value::Record(r) => field_index(r, name).map(|i| &r[i].1),
            Value::Func(_) => self.get(&Value::Str(name)),
            _ => None,
        }
    }

    /// `r.field`: a record's field.
    pub fn field(&self, name: impl Into<Str>) -> Result<&Value, ValueError> {
        let name = name.into();
        match self {
            Value::Record(r) => match field_index(r, name) {
                Some(i) => Ok(&r[i].1),
                None => Err(ValueError::NoSuchField {
                    field: name,
                    record: self.clone(),
                }),
            },
            _ => self.apply(&Value::Str(name)),
        }
    }

    /// Whether `arg` is in the domain of this function (`false` for non-functions).
    pub fn in_domain(&self, arg: &Value) -> bool {
        match self {
            Value::Tuple(t) => {
                matches!(arg, Value::Int(i) if *i >= 1 && (*i as u64) <= t.len() as u64)
            }
            Value::Record(r) => matches!(arg, Value::Str(s) if field_index(r, *s).is_some()),
            Value::Func(f) => point_index(f, arg).is_some(),
            _ => false,
        }
    }

    /// `DOMAIN f`: `1..n` (lazy) for a tuple, the set of field names for a record, the set
    /// of arguments for a function.
    pub fn domain(&self) -> Result<Value, ValueError> {
        match self {
            Value::Tuple(t) => Ok(Value::interval(1, t.len() as i64)),
            Value::Record(r) => Ok(Value::Set(r.iter().map(|(k, _)| Value::Str(*k)).collect())),
            Value::Func(f) => Ok(Value::Set(f.iter().map(|(k, _)| k.clone()).collect())),
            _ => Err(ValueError::NotAFunction {
                op: "compute the domain of",
                value: self.clone(),
            }),
        }
    }

    /// The number of points in the domain of a function.
    pub fn fn_len(&self) -> Option<usize> {
        FnView::of(self).map(|v| v.len())
    }

    /// The value of a function at the `i`-th point of its domain (in domain order).
    pub fn fn_value_at(&self, i: usize) -> Option<&Value> {
        let v = FnView::of(self)?;
        (i < v.len()).then(|| v.value(i))
    }

    /// Whether the domain of this function equals the set `dom`, without building the
    /// domain (`None` when `dom` is not an explicit set or an interval: compare
    /// [`Value::domain`] instead).
    pub fn domain_is(&self, dom: &Value) -> Option<bool> {
        let view = FnView::of(self)?;
        match dom {
            Value::Lazy(l) => match (&**l, view) {
                (crate::LazySet::Interval(a, b), FnView::Tuple(t)) => Some(if t.is_empty() {
                    b < a
                } else {
                    *a == 1 && *b == t.len() as i64
                }),
                _ => None,
            },
            Value::Set(s) => Some(
                s.len() == view.len()
                    && s.iter().enumerate().all(|(i, k)| match (view.key(i), k) {
                        (Key::Int(n), Value::Int(m)) => n == *m,
                        (Key::Str(n), Value::Str(m)) => n == *m,
                        (Key::Val(v), k) => v == k,
                        _ => false,
                    }),
            ),
            _ => None,
        }
    }

    /// The `(argument, value)` pairs of a function in domain order.
    pub fn fn_pairs(&self) -> Option<Vec<(Value, Value)>> {
        let v = FnView::of(self)?;
        Some(
            (0..v.len())
                .map(|i| (v.key(i).to_value(), v.value(i).clone()))
                .collect(),
        )
    }

    /// `[f EXCEPT ![key] = value]`: replaces one point of a function, record or tuple. A
    /// key outside the domain leaves the function unchanged, as in TLA+.
    pub fn except(&self, key: &Value, value: Value) -> Result<Value, ValueError> {
        match self {
            Value::Tuple(t) => match key {
                Value::Int(i) if *i >= 1 && (*i as u64) <= t.len() as u64 => {
                    Ok(Value::Tuple(replaced(t, *i as usize - 1, |_| value)))
                }
                _ => Ok(self.clone()),
            },
            Value::Record(r) => match key {
                Value::Str(s) => match field_index(r, *s) {
                    Some(i) => Ok(Value::Record(replaced(r, i, |(n, _)| (*n, value)))),
                    None => Ok(self.clone()),
                },
                _ => Ok(self.clone()),
            },
            Value::Func(f) => match point_index(f, key) {
                Some(i) => Ok(Value::Func(replaced(f, i, |(k, _)| (k.clone(), value)))),
                None => Ok(self.clone()),
            },
            _ => Err(ValueError::ExceptOnNonFunction {
                value: self.clone(),
            }),
        }
    }

    /// The point `key` of this function, record or tuple, to overwrite: `None` when `key`
    /// is outside the domain (or this is no function). Storage this value shares is first
    /// replaced by a copy of its own (one allocation, each item cloned); storage it holds
    /// alone (a function made by an earlier clause of the same `EXCEPT`) is written in
    /// place. Either way the old point can be taken out rather than cloned.
    pub fn point_mut(&mut self, key: &Value) -> Option<&mut Value> {
        match (self, key) {
            (Value::Tuple(t), Value::Int(i)) => {
                let i = usize::try_from(*i).ok()?.checked_sub(1)?;
                (i < t.len()).then(|| &mut crate::slice::owned(t)[i])
            }
            (Value::Record(r), Value::Str(s)) => {
                let i = field_index(r, *s)?;
                Some(&mut crate::slice::owned(r)[i].1)
            }
            (Value::Func(f), _) => {
                let i = point_index(f, key)?;
                Some(&mut crate::slice::owned(f)[i].1)
            }
            _ => None,
        }
    }

    /// `[f EXCEPT ![key] = value]` in place: when this value holds the only reference to its
    /// storage the point is overwritten without copying; otherwise the storage is copied
    /// first ([`Value::point_mut`]). A key outside the domain changes nothing.
    pub fn except_in_place(&mut self, key: &Value, value: Value) -> Result<(), ValueError> {
        if !matches!(self, Value::Tuple(_) | Value::Record(_) | Value::Func(_)) {
            return Err(ValueError::ExceptOnNonFunction {
                value: self.clone(),
            });
        }
        if let Some(place) = self.point_mut(key) {
            *place = value;
        }
        Ok(())
    }

    /// `f @@ g`: the union of two functions, `f` winning where both are defined.
    pub fn fn_merge(&self, other: &Value) -> Result<Value, ValueError> {
        let (Some(a), Some(b)) = (FnView::of(self), FnView::of(other)) else {
            let bad = if FnView::of(self).is_none() {
                self
            } else {
                other
            };
            return Err(ValueError::NotAFunction {
                op: "apply @@ to",
                value: bad.clone(),
            });
        };
        let mut out = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            let (ka, kb) = (a.key(i), b.key(j));
            if ka.kind() != kb.kind() {
                ka.to_value().tlc_cmp(&kb.to_value())?;
            }
            match cmp_keys(ka, kb) {
                Ordering::Less => {
                    out.push((ka.to_value(), a.value(i).clone()));
                    i += 1;
                }
                Ordering::Greater => {
                    out.push((kb.to_value(), b.value(j).clone()));
                    j += 1;
                }
                Ordering::Equal => {
                    out.push((ka.to_value(), a.value(i).clone()));
                    i += 1;
                    j += 1;
                }
            }
        }
        out.extend((i..a.len()).map(|i| (a.key(i).to_value(), a.value(i).clone())));
        out.extend((j..b.len()).map(|j| (b.key(j).to_value(), b.value(j).clone())));
        Ok(Value::func_from_sorted(out))
    }

    /// The elements of a sequence (a tuple; `None` for anything else).
    pub fn as_seq(&self) -> Option<&[Value]> {
        match self {
            Value::Tuple(t) => Some(t),
            _ => None,
        }
    }

    fn seq_arg(&self, op: &'static str, position: &'static str) -> Result<&[Value], ValueError> {
        self.as_seq().ok_or_else(|| ValueError::NotASequence {
            op,
            position,
            value: self.clone(),
        })
    }

    /// `Len(s)`.
    pub fn seq_len(&self) -> Result<i64, ValueError> {
        Ok(self.seq_arg("Len", "first")?.len() as i64)
    }

    /// `Append(s, e)`.
    pub fn append(&self, e: Value) -> Result<Value, ValueError> {
        let s = self.seq_arg("Append", "first")?;
        let mut v = Vec::with_capacity(s.len() + 1);
        v.extend_from_slice(s);
        v.push(e);
        Ok(Value::Tuple(Arc::from(v)))
    }

    /// `s \o t`.
    pub fn concat(&self, other: &Value) -> Result<Value, ValueError> {
        let a = self.seq_arg("\\o", "first")?;
        let b = other.seq_arg("\\o", "second")?;
        let mut v = Vec::with_capacity(a.len() + b.len());
        v.extend_from_slice(a);
        v.extend_from_slice(b);
        Ok(Value::Tuple(Arc::from(v)))
    }

    /// `Head(s)`.
    pub fn head(&self) -> Result<&Value, ValueError> {
        self.seq_arg("Head", "first")?
            .first()
            .ok_or(ValueError::EmptySequence { op: "Head" })
    }

    /// `Tail(s)`.
    pub fn tail(&self) -> Result<Value, ValueError> {
        let s = self.seq_arg("Tail", "first")?;
        if s.is_empty() {
            return Err(ValueError::EmptySequence { op: "Tail" });
        }
        Ok(Value::Tuple(Arc::from(&s[1..])))
    }

    /// `SubSeq(s, m, n)`: `<<>>` when `n < m`; otherwise `1 <= m <= n <= Len(s)` is required.
    pub fn subseq(&self, m: i64, n: i64) -> Result<Value, ValueError> {
        let s = self.seq_arg("SubSeq", "first")?;
        if n < m {
            return Ok(Value::empty_tuple());
        }
        if m < 1 || n as u64 > s.len() as u64 {
            return Err(ValueError::SubSeqOutOfRange {
                from: m,
                to: n,
                seq: self.clone(),
            });
        }
        Ok(Value::Tuple(Arc::from(&s[m as usize - 1..n as usize])))
    }
}
