//! A compact byte encoding of values, for states kept packed under a memory budget.
//!
//! A value is a tag byte and its payload: integers as zigzag varints, strings and model
//! values by their [`Str::id`] (valid within this process only), sets, tuples, records and
//! functions as a length and their elements in their stored (sorted) order, so decoding
//! rebuilds the same value without sorting. Lazily represented sets are not encoded:
//! [`encode`] says so and the caller keeps such a value as it is.

use std::sync::Arc;

use crate::{Str, Value};

const FALSE: u8 = 0;
const TRUE: u8 = 1;
const INT: u8 = 2;
const STR: u8 = 3;
const MODEL_VALUE: u8 = 4;
const SET: u8 = 5;
const TUPLE: u8 = 6;
const RECORD: u8 = 7;
const FUNC: u8 = 8;

/// Appends the encoding of `v` to `out`; false (with `out` partly written) if `v` holds a
/// lazily represented set.
pub fn encode(v: &Value, out: &mut Vec<u8>) -> bool {
    match v {
        Value::Bool(b) => out.push(if *b { TRUE } else { FALSE }),
        Value::Int(n) => {
            out.push(INT);
            varint((*n << 1 ^ *n >> 63) as u64, out);
        }
        Value::Str(s) => {
            out.push(STR);
            varint(u64::from(s.id()), out);
        }
        Value::ModelValue(s) => {
            out.push(MODEL_VALUE);
            varint(u64::from(s.id()), out);
        }
        Value::Set(xs) | Value::Tuple(xs) => {
            out.push(if matches!(v, Value::Set(_)) {
                SET
            } else {
                TUPLE
            });
            varint(xs.len() as u64, out);
            return xs.iter().all(|x| encode(x, out));
        }
        Value::Record(fields) => {
            out.push(RECORD);
            varint(fields.len() as u64, out);
            for (name, x) in fields.iter() {
                varint(u64::from(name.id()), out);
                if !encode(x, out) {
                    return false;
                }
            }
        }
        Value::Func(pairs) => {
            out.push(FUNC);
            varint(pairs.len() as u64, out);
            return pairs.iter().all(|(k, x)| encode(k, out) && encode(x, out));
        }
        Value::Lazy(_) => return false,
    }
    true
}

/// The value encoded at the start of `bytes`, which is advanced past it; `None` if the bytes
/// are not an encoding made by [`encode`] in this process.
pub fn decode(bytes: &mut &[u8]) -> Option<Value> {
    let (&tag, rest) = bytes.split_first()?;
    *bytes = rest;
    Some(match tag {
        FALSE => Value::Bool(false),
        TRUE => Value::Bool(true),
        INT => {
            let z = read_varint(bytes)?;
            Value::Int((z >> 1) as i64 ^ -((z & 1) as i64))
        }
        STR => Value::Str(read_str(bytes)?),
        MODEL_VALUE => Value::ModelValue(read_str(bytes)?),
        SET | TUPLE => {
            let n = read_len(bytes)?;
            let xs = (0..n)
                .map(|_| decode(bytes))
                .collect::<Option<Arc<[Value]>>>()?;
            if tag == SET {
                Value::Set(xs)
            } else {
                Value::Tuple(xs)
            }
        }
        RECORD => {
            let n = read_len(bytes)?;
            let fields = (0..n)
                .map(|_| Some((read_str(bytes)?, decode(bytes)?)))
                .collect::<Option<Arc<[(Str, Value)]>>>()?;
            Value::Record(fields)
        }
        FUNC => {
            let n = read_len(bytes)?;
            let pairs = (0..n)
                .map(|_| Some((decode(bytes)?, decode(bytes)?)))
                .collect::<Option<Arc<[(Value, Value)]>>>()?;
            Value::Func(pairs)
        }
        _ => return None,
    })
}

fn varint(mut n: u64, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn read_varint(bytes: &mut &[u8]) -> Option<u64> {
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let (&b, rest) = bytes.split_first()?;
        *bytes = rest;
        n |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(n);
        }
    }
    None
}

/// A length, no larger than the bytes left could hold (each element takes a byte at least).
fn read_len(bytes: &mut &[u8]) -> Option<usize> {
    let n = usize::try_from(read_varint(bytes)?).ok()?;
    (n <= bytes.len()).then_some(n)
}

fn read_str(bytes: &mut &[u8]) -> Option<Str> {
    Str::from_id(u32::try_from(read_varint(bytes)?).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(v: &Value) -> Value {
        let mut out = Vec::new();
        assert!(encode(v, &mut out), "{v:?} encodes");
        let mut bytes = &out[..];
        let back = decode(&mut bytes).expect("decodes");
        assert!(bytes.is_empty(), "every byte read");
        back
    }

    #[test]
    fn every_kind_of_value_comes_back_equal() {
        let s = |t: &str| Value::Str(Str::new(t));
        let values = [
            Value::Bool(true),
            Value::Bool(false),
            Value::Int(0),
            Value::Int(-1),
            Value::Int(i64::MIN),
            Value::Int(i64::MAX),
            Value::Int(300),
            s("Up"),
            Value::ModelValue(Str::new("p1")),
            Value::set(vec![Value::Int(3), Value::Int(1), Value::Int(2)]).unwrap(),
            Value::Tuple(vec![Value::Int(1), Value::set(vec![]).unwrap()].into()),
            Value::record(vec![
                (Str::new("floor"), Value::Int(2)),
                (Str::new("doorsOpen"), Value::Bool(false)),
            ])
            .unwrap(),
            Value::func(vec![
                (Value::ModelValue(Str::new("e1")), s("Stationary")),
                (
                    Value::ModelValue(Str::new("e2")),
                    Value::Tuple(vec![].into()),
                ),
            ])
            .unwrap(),
        ];
        for v in &values {
            let back = round_trip(v);
            assert_eq!(&back, v);
            assert_eq!(back.fingerprint(), v.fingerprint(), "{v:?}");
        }
        let all = Value::Tuple(values.to_vec().into());
        assert_eq!(round_trip(&all), all);
    }

    #[test]
    fn lazy_sets_are_not_encoded_and_bad_bytes_are_refused() {
        let mut out = Vec::new();
        assert!(!encode(&Value::interval(1, 3), &mut out));
        for bad in [
            &[][..],
            &[99],
            &[INT],
            &[SET, 5, TRUE],
            &[STR, 0xff, 0xff, 0xff, 0x7f],
        ] {
            let mut bytes = bad;
            assert_eq!(decode(&mut bytes), None, "{bad:?}");
        }
    }
}
