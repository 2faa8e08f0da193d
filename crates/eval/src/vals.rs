//! Operations on [`Value`]s that evaluation needs: TLC's order, canonical construction of
//! sets and functions, enumeration of lazily represented sets, membership, equality,
//! fingerprints and TLA+ printing.
//!
//! These live behind one small interface so that the evaluator does not care how values are
//! represented; everything here keeps values canonical (sorted duplicate-free sets, tuples
//! for functions on `1..n`, records for functions on strings).

use std::cmp::Ordering;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use value::{LazySet, Value};

use crate::error::{err, EvalError, EvalResult};

/// Rank of a value's kind in the order between kinds.
fn kind_rank(v: &Value) -> u8 {
    match v {
        Value::Bool(_) => 0,
        Value::Int(_) => 1,
        Value::Str(_) => 2,
        Value::ModelValue(_) => 3,
        Value::Set(_) | Value::Lazy(_) => 4,
        Value::Tuple(_) | Value::Record(_) | Value::Func(_) => 5,
    }
}

/// The total order used to sort sets: within a kind, TLC's order (sets by size, then
/// element-wise); across kinds, a fixed rank.
pub fn cmp(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Str(x), Value::Str(y)) => x.cmp(y),
        (Value::ModelValue(x), Value::ModelValue(y)) => x.cmp(y),
        (Value::Set(x), Value::Set(y)) => x.len().cmp(&y.len()).then_with(|| cmp_slices(x, y)),
        (Value::Lazy(_), _) | (_, Value::Lazy(_)) if kind_rank(a) == kind_rank(b) => {
            match (normalize(a), normalize(b)) {
                (Ok(x), Ok(y)) if !matches!(x, Value::Lazy(_)) && !matches!(y, Value::Lazy(_)) => {
                    cmp(&x, &y)
                }
                _ => format!("{a:?}").cmp(&format!("{b:?}")),
            }
        }
        _ if kind_rank(a) == 5 && kind_rank(b) == 5 => {
            let fa = fn_pairs(a);
            let fb = fn_pairs(b);
            fa.len().cmp(&fb.len()).then_with(|| {
                for ((ka, va), (kb, vb)) in fa.iter().zip(fb.iter()) {
                    let o = cmp(ka, kb).then_with(|| cmp(va, vb));
                    if o != Ordering::Equal {
                        return o;
                    }
                }
                Ordering::Equal
            })
        }
        _ => kind_rank(a).cmp(&kind_rank(b)),
    }
}

fn cmp_slices(x: &[Value], y: &[Value]) -> Ordering {
    for (a, b) in x.iter().zip(y.iter()) {
        let o = cmp(a, b);
        if o != Ordering::Equal {
            return o;
        }
    }
    x.len().cmp(&y.len())
}

/// The `(key, value)` pairs of a function-like value, in key order.
pub fn fn_pairs(v: &Value) -> Vec<(Value, Value)> {
    match v {
        Value::Tuple(t) => t
            .iter()
            .enumerate()
            .map(|(i, x)| (Value::Int(i as i64 + 1), x.clone()))
            .collect(),
        Value::Record(r) => r
            .iter()
            .map(|(k, x)| (Value::Str(k.clone()), x.clone()))
            .collect(),
        Value::Func(f) => f.to_vec(),
        _ => Vec::new(),
    }
}

/// TLA+ equality. Errors only when a lazy set cannot be compared.
pub fn equal(a: &Value, b: &Value) -> EvalResult<bool> {
    match (a, b) {
        (Value::Lazy(x), Value::Lazy(y)) => {
            if let (Some(p), Some(q)) = (infinite_kind(x), infinite_kind(y)) {
                return Ok(p == q);
            }
            let x = normalize(a)?;
            let y = normalize(b)?;
            Ok(cmp(&x, &y) == Ordering::Equal)
        }
        (Value::Lazy(x), _) | (_, Value::Lazy(x)) => {
            if infinite_kind(x).is_some() {
                return Ok(false);
            }
            let x = normalize(a)?;
            let y = normalize(b)?;
            Ok(cmp(&x, &y) == Ordering::Equal)
        }
        _ => Ok(cmp(a, b) == Ordering::Equal),
    }
}

fn infinite_kind(l: &LazySet) -> Option<u8> {
    match l {
        LazySet::Nat => Some(0),
        LazySet::Int => Some(1),
        LazySet::String => Some(2),
        _ => None,
    }
}

/// Builds a set from arbitrary elements (sorts, removes duplicates).
pub fn mk_set(mut elems: Vec<Value>) -> Value {
    elems.sort_by(cmp);
    elems.dedup_by(|a, b| cmp(a, b) == Ordering::Equal);
    Value::Set(elems.into())
}

/// Builds a function from `(key, value)` pairs with distinct keys, in canonical form.
pub fn mk_func(mut pairs: Vec<(Value, Value)>) -> Value {
    pairs.sort_by(|a, b| cmp(&a.0, &b.0));
    pairs.dedup_by(|a, b| cmp(&a.0, &b.0) == Ordering::Equal);
    if pairs.is_empty() {
        return Value::Tuple(Arc::from(Vec::new()));
    }
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
                    _ => unreachable!("checked all keys are strings"),
                })
                .collect(),
        );
    }
    Value::Func(pairs.into())
}

/// A record from named fields in any order.
pub fn mk_record(mut fields: Vec<(Arc<str>, Value)>) -> Value {
    if fields.is_empty() {
        return Value::Tuple(Arc::from(Vec::new()));
    }
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    fields.dedup_by(|a, b| a.0 == b.0);
    Value::Record(fields.into())
}

/// Whether a value is a set (explicit or lazy).
pub fn is_set(v: &Value) -> bool {
    matches!(v, Value::Set(_) | Value::Lazy(_))
}

/// Whether a value is a function (tuple, record or general function).
pub fn is_fn(v: &Value) -> bool {
    matches!(v, Value::Tuple(_) | Value::Record(_) | Value::Func(_))
}

/// The elements of a finite set, in order. Errors for infinite or non-set values.
pub fn elements(v: &Value) -> EvalResult<Arc<[Value]>> {
    match v {
        Value::Set(s) => Ok(s.clone()),
        Value::Lazy(l) => match normalize(v)? {
            Value::Set(s) => Ok(s),
            _ => err(format!(
                "Attempted to enumerate a set of the form {} which is not finite or too large.",
                display_lazy(l)
            )),
        },
        _ => err(format!(
            "Attempted to enumerate {} which is not a set.",
            display(v)
        )),
    }
}

/// Number of elements of a finite set.
pub fn cardinality(v: &Value) -> EvalResult<usize> {
    match v {
        Value::Set(s) => Ok(s.len()),
        Value::Lazy(l) => match &**l {
            LazySet::Interval(a, b) => Ok(if b < a { 0 } else { (b - a + 1) as usize }),
            _ => Ok(elements(v)?.len()),
        },
        _ => err(format!(
            "Attempted to compute the cardinality of the non-set {}.",
            display(v)
        )),
    }
}

const ENUM_LIMIT: usize = 50_000_000;

/// Turns a finite lazy set into an explicit one; other values are returned unchanged.
/// Infinite lazy sets are returned as they are.
pub fn normalize(v: &Value) -> EvalResult<Value> {
    let Value::Lazy(l) = v else {
        return Ok(v.clone());
    };
    Ok(match &**l {
        LazySet::Nat | LazySet::Int | LazySet::String => v.clone(),
        LazySet::Interval(a, b) => {
            if b < a {
                Value::Set(Arc::from(Vec::new()))
            } else {
                let n = (*b as i128 - *a as i128 + 1) as usize;
                if n > ENUM_LIMIT {
                    return err("Attempted to enumerate an interval that is too large.");
                }
                Value::Set((*a..=*b).map(Value::Int).collect())
            }
        }
        LazySet::Subset(s) => {
            let base = elements(s)?;
            if base.len() > 24 {
                return err("Attempted to enumerate SUBSET of a set that is too large.");
            }
            let mut out = Vec::with_capacity(1 << base.len());
            for mask in 0u64..(1u64 << base.len()) {
                let sub: Vec<Value> = base
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, x)| x.clone())
                    .collect();
                out.push(Value::Set(sub.into()));
            }
            mk_set(out)
        }
        LazySet::FnSet(d, r) => {
            let dom = elements(d)?;
            let rng = elements(r)?;
            let total = (rng.len() as f64).powi(dom.len() as i32);
            if total > ENUM_LIMIT as f64 {
                return err("Attempted to enumerate a function set that is too large.");
            }
            let mut out = Vec::new();
            let mut idx = vec![0usize; dom.len()];
            if !rng.is_empty() || dom.is_empty() {
                loop {
                    let pairs = dom
                        .iter()
                        .zip(idx.iter())
                        .map(|(k, &i)| (k.clone(), rng[i].clone()))
                        .collect();
                    out.push(mk_func(pairs));
                    // odometer, last position fastest
                    let mut p = dom.len();
                    loop {
                        if p == 0 {
                            return Ok(mk_set(out));
                        }
                        p -= 1;
                        idx[p] += 1;
                        if idx[p] < rng.len() {
                            break;
                        }
                        idx[p] = 0;
                    }
                }
            }
            mk_set(out)
        }
        LazySet::RecordSet(fields) => {
            let sets: Vec<Arc<[Value]>> = fields
                .iter()
                .map(|(_, s)| elements(s))
                .collect::<EvalResult<_>>()?;
            let mut out = Vec::new();
            for combo in product(&sets)? {
                out.push(mk_record(
                    fields.iter().map(|(n, _)| n.clone()).zip(combo).collect(),
                ));
            }
            mk_set(out)
        }
        LazySet::Product(parts) => {
            let sets: Vec<Arc<[Value]>> = parts.iter().map(elements).collect::<EvalResult<_>>()?;
            mk_set(
                product(&sets)?
                    .into_iter()
                    .map(|c| Value::Tuple(c.into()))
                    .collect(),
            )
        }
        LazySet::Seq(s) => {
            if cardinality(s)? == 0 {
                Value::Set(Arc::from(vec![Value::Tuple(Arc::from(Vec::new()))]))
            } else {
                v.clone()
            }
        }
    })
}

/// Cartesian product of explicit sets (first component slowest).
pub fn product(sets: &[Arc<[Value]>]) -> EvalResult<Vec<Vec<Value>>> {
    let total: f64 = sets.iter().map(|s| s.len() as f64).product();
    if total > ENUM_LIMIT as f64 {
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
    match s {
        Value::Set(elems) => {
            if let Value::Lazy(_) = x {
                let x = normalize(x)?;
                return Ok(elems.binary_search_by(|e| cmp(e, &x)).is_ok());
            }
            Ok(elems.binary_search_by(|e| cmp(e, x)).is_ok())
        }
        Value::Lazy(l) => match &**l {
            LazySet::Nat => Ok(matches!(x, Value::Int(n) if *n >= 0)),
            LazySet::Int => Ok(matches!(x, Value::Int(_))),
            LazySet::String => Ok(matches!(x, Value::Str(_))),
            LazySet::Interval(a, b) => Ok(matches!(x, Value::Int(n) if a <= n && n <= b)),
            LazySet::Subset(base) => {
                if !is_set(x) {
                    return Ok(false);
                }
                for e in elements(x)?.iter() {
                    if !contains(base, e)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            LazySet::FnSet(d, r) => {
                if !is_fn(x) {
                    return Ok(false);
                }
                let pairs = fn_pairs(x);
                let dom = mk_set(pairs.iter().map(|p| p.0.clone()).collect());
                if !equal(&dom, d)? {
                    return Ok(false);
                }
                for (_, v) in pairs {
                    if !contains(r, &v)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            LazySet::RecordSet(fields) => {
                let Value::Record(r) = x else {
                    return Ok(false);
                };
                if r.len() != fields.len() {
                    return Ok(false);
                }
                let mut sorted: Vec<&(Arc<str>, Value)> = fields.iter().collect();
                sorted.sort_by(|a, b| a.0.cmp(&b.0));
                for ((n, v), (fname, fset)) in r.iter().zip(sorted) {
                    if n != fname || !contains(fset, v)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            LazySet::Product(parts) => {
                let Value::Tuple(t) = x else {
                    return Ok(false);
                };
                if t.len() != parts.len() {
                    return Ok(false);
                }
                for (v, p) in t.iter().zip(parts.iter()) {
                    if !contains(p, v)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            LazySet::Seq(base) => {
                let Value::Tuple(t) = x else {
                    return Ok(false);
                };
                for v in t.iter() {
                    if !contains(base, v)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
        },
        _ => err(format!(
            "Attempted to check if the value:\n{}\nis an element of the non-set:\n{}",
            display(x),
            display(s)
        )),
    }
}

/// The domain of a function-like value as a set.
pub fn domain(f: &Value) -> EvalResult<Value> {
    match f {
        Value::Tuple(t) => Ok(Value::Lazy(Arc::new(LazySet::Interval(1, t.len() as i64)))),
        Value::Record(r) => Ok(Value::Set(
            r.iter().map(|(k, _)| Value::Str(k.clone())).collect(),
        )),
        Value::Func(p) => Ok(Value::Set(p.iter().map(|(k, _)| k.clone()).collect())),
        _ => err(format!(
            "Attempted to apply the operator DOMAIN to a non-function:\n{}",
            display(f)
        )),
    }
}

/// Function application `f[x]`.
pub fn apply(f: &Value, x: &Value) -> EvalResult<Value> {
    let found = match f {
        Value::Tuple(t) => match x {
            Value::Int(i) if *i >= 1 && (*i as usize) <= t.len() => {
                Some(t[*i as usize - 1].clone())
            }
            _ => None,
        },
        Value::Record(r) => match x {
            Value::Str(s) => r
                .binary_search_by(|(k, _)| k.as_ref().cmp(s.as_ref()))
                .ok()
                .map(|i| r[i].1.clone()),
            _ => None,
        },
        Value::Func(p) => p
            .binary_search_by(|(k, _)| cmp(k, x))
            .ok()
            .map(|i| p[i].1.clone()),
        _ => {
            return err(format!(
                "A non-function ({}) was applied as a function.",
                display(f)
            ))
        }
    };
    match found {
        Some(v) => Ok(v),
        None => err(format!(
            "Attempted to apply function:\n{}\nto argument {}, which is not in the domain of the function.",
            display(f),
            display(x)
        )),
    }
}

/// `[f EXCEPT ![x] = v]` for one step; errors if `x` is outside the domain.
pub fn except(f: &Value, x: &Value, v: Value) -> EvalResult<Value> {
    match f {
        Value::Tuple(t) => {
            if let Value::Int(i) = x {
                if *i >= 1 && (*i as usize) <= t.len() {
                    let mut t = t.to_vec();
                    t[*i as usize - 1] = v;
                    return Ok(Value::Tuple(t.into()));
                }
            }
            Ok(f.clone())
        }
        Value::Record(r) => {
            if let Value::Str(s) = x {
                if let Ok(i) = r.binary_search_by(|(k, _)| k.as_ref().cmp(s.as_ref())) {
                    let mut r = r.to_vec();
                    r[i].1 = v;
                    return Ok(Value::Record(r.into()));
                }
            }
            Ok(f.clone())
        }
        Value::Func(p) => {
            if let Ok(i) = p.binary_search_by(|(k, _)| cmp(k, x)) {
                let mut p = p.to_vec();
                p[i].1 = v;
                return Ok(Value::Func(p.into()));
            }
            Ok(f.clone())
        }
        _ => err(format!(
            "Attempted to apply EXCEPT to a non-function:\n{}",
            display(f)
        )),
    }
}

/// A 64-bit fingerprint of a value (equal values, equal fingerprints).
pub fn fingerprint(v: &Value) -> u64 {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    hash_value(v, &mut h);
    h.finish()
}

struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        // final avalanche (splitmix64)
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Feeds a value into a hasher, consistently with [`equal`] for normalized values.
pub fn hash_value(v: &Value, h: &mut impl Hasher) {
    match v {
        Value::Bool(b) => {
            0u8.hash(h);
            b.hash(h);
        }
        Value::Int(i) => {
            1u8.hash(h);
            i.hash(h);
        }
        Value::Str(s) => {
            2u8.hash(h);
            s.hash(h);
        }
        Value::ModelValue(s) => {
            3u8.hash(h);
            s.hash(h);
        }
        Value::Set(s) => {
            4u8.hash(h);
            s.len().hash(h);
            for x in s.iter() {
                hash_value(x, h);
            }
        }
        Value::Lazy(_) => match normalize(v) {
            Ok(n) if !matches!(n, Value::Lazy(_)) => hash_value(&n, h),
            _ => {
                9u8.hash(h);
                format!("{v:?}").hash(h);
            }
        },
        Value::Tuple(_) | Value::Record(_) | Value::Func(_) => {
            5u8.hash(h);
            let pairs = fn_pairs(v);
            pairs.len().hash(h);
            for (k, x) in pairs {
                hash_value(&k, h);
                hash_value(&x, h);
            }
        }
    }
}

/// Prints a value the way TLC does.
pub fn display(v: &Value) -> String {
    let mut s = String::new();
    write_value(v, &mut s);
    s
}

fn display_lazy(l: &LazySet) -> String {
    display(&Value::Lazy(Arc::new(l.clone())))
}

fn write_list(items: &[Value], out: &mut String) {
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_value(x, out);
    }
}

/// Writes a string literal with TLA+ escapes.
pub fn write_str_lit(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            _ => out.push(c),
        }
    }
    out.push('"');
}

fn write_value(v: &Value, out: &mut String) {
    match v {
        Value::Bool(true) => out.push_str("TRUE"),
        Value::Bool(false) => out.push_str("FALSE"),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Str(s) => write_str_lit(s, out),
        Value::ModelValue(m) => out.push_str(m),
        Value::Set(s) => {
            out.push('{');
            write_list(s, out);
            out.push('}');
        }
        Value::Tuple(t) => {
            out.push_str("<<");
            write_list(t, out);
            out.push_str(">>");
        }
        Value::Record(r) => {
            out.push('[');
            for (i, (k, x)) in r.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(k);
                out.push_str(" |-> ");
                write_value(x, out);
            }
            out.push(']');
        }
        Value::Func(p) => {
            out.push('(');
            for (i, (k, x)) in p.iter().enumerate() {
                if i > 0 {
                    out.push_str(" @@ ");
                }
                write_value(k, out);
                out.push_str(" :> ");
                write_value(x, out);
            }
            out.push(')');
        }
        Value::Lazy(l) => match &**l {
            LazySet::Nat => out.push_str("Nat"),
            LazySet::Int => out.push_str("Int"),
            LazySet::String => out.push_str("STRING"),
            LazySet::Interval(a, b) => out.push_str(&format!("{a}..{b}")),
            LazySet::Subset(s) => {
                out.push_str("SUBSET ");
                write_value(s, out);
            }
            LazySet::FnSet(d, r) => {
                out.push('[');
                write_value(d, out);
                out.push_str(" -> ");
                write_value(r, out);
                out.push(']');
            }
            LazySet::RecordSet(f) => {
                out.push('[');
                for (i, (k, x)) in f.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(k);
                    out.push_str(" : ");
                    write_value(x, out);
                }
                out.push(']');
            }
            LazySet::Product(p) => {
                for (i, x) in p.iter().enumerate() {
                    if i > 0 {
                        out.push_str(" \\X ");
                    }
                    write_value(x, out);
                }
            }
            LazySet::Seq(s) => {
                out.push_str("Seq(");
                write_value(s, out);
                out.push(')');
            }
        },
    }
}

/// Converts a value into an error message fragment naming its kind.
pub fn expect_bool(v: &Value, what: &str) -> EvalResult<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        _ => Err(EvalError::new(format!(
            "A non-boolean expression ({}) was used as {what}.",
            display(v)
        ))),
    }
}
