//! A compact byte encoding of values, for states kept packed under a memory budget.
//!
//! A value is a tag byte and its payload: integers as zigzag varints, strings and model
//! values by their [`Str::id`] (valid within this process only), sets, tuples, records and
//! functions as a length and their elements in their stored (sorted) order, so decoding
//! rebuilds the same value without sorting. Lazily represented sets are not encoded:
//! [`encode`] says so and the caller keeps such a value as it is.
//!
//! [`Encoder`] and [`Decoder`] do the same for sequences of values (the variables of one
//! state after another), remembering the last value at each position and within it: what
//! repeats is copied as bytes when encoding and shared, not built again, when decoding.

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
        Value::Set(_) | Value::Tuple(_) | Value::Record(_) | Value::Func(_) => {
            return encode_composite(v, out, encode);
        }
        Value::Lazy(_) => return false,
    }
    true
}

/// Appends the encoding of `v`, a set, tuple, record or function, each part encoded by
/// `part`; false (with `out` partly written) if a part fails.
fn encode_composite(
    v: &Value,
    out: &mut Vec<u8>,
    mut part: impl FnMut(&Value, &mut Vec<u8>) -> bool,
) -> bool {
    match v {
        Value::Set(xs) | Value::Tuple(xs) => {
            out.push(if matches!(v, Value::Set(_)) {
                SET
            } else {
                TUPLE
            });
            varint(xs.len() as u64, out);
            xs.iter().all(|x| part(x, out))
        }
        Value::Record(fields) => {
            out.push(RECORD);
            varint(fields.len() as u64, out);
            fields.iter().all(|(name, x)| {
                varint(u64::from(name.id()), out);
                part(x, out)
            })
        }
        Value::Func(pairs) => {
            out.push(FUNC);
            varint(pairs.len() as u64, out);
            pairs.iter().all(|(k, x)| part(k, out) && part(x, out))
        }
        _ => unreachable!("only sets, tuples, records and functions are composite"),
    }
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
        SET | TUPLE | RECORD | FUNC => return decode_composite(tag, bytes, decode),
        _ => return None,
    })
}

/// The set, tuple, record or function with tag `tag` whose length and parts follow in
/// `bytes` (advanced past them), each part decoded by `part`.
fn decode_composite(
    tag: u8,
    bytes: &mut &[u8],
    mut part: impl FnMut(&mut &[u8]) -> Option<Value>,
) -> Option<Value> {
    let n = read_len(bytes)?;
    Some(match tag {
        SET | TUPLE => {
            let xs = collect(n, || part(bytes), || Value::Bool(false))?;
            if tag == SET {
                Value::Set(xs)
            } else {
                Value::Tuple(xs)
            }
        }
        RECORD => Value::Record(collect(
            n,
            || Some((read_str(bytes)?, part(bytes)?)),
            || (Str::new(""), Value::Bool(false)),
        )?),
        _ => Value::Func(collect(
            n,
            || Some((part(bytes)?, part(bytes)?)),
            || (Value::Bool(false), Value::Bool(false)),
        )?),
    })
}

/// `n` items made by `item`, in one allocation of exactly their size; `None` if one fails.
fn collect<T>(
    n: usize,
    mut item: impl FnMut() -> Option<T>,
    filler: impl Fn() -> T,
) -> Option<Arc<[T]>> {
    // The slice is allocated once and filled in place (see `crate::slice`); a failed
    // item's place is filled, and the slice dropped.
    let mut failed = false;
    let xs = crate::slice::build(n, |_| {
        item().unwrap_or_else(|| {
            failed = true;
            filler()
        })
    });
    (!failed).then_some(xs)
}

/// Encodes values one after another, remembering the last value encoded at each position
/// (a state's variable, say) and, within it, at each position of its parts: the same
/// instance again ([`Value::same_instance`]) is written by copying its bytes. Neighbouring
/// states often share a variable's value, or most of its parts.
#[derive(Default)]
pub struct Encoder {
    last: Vec<Memory>,
}

/// Decodes values one after another, remembering the last value decoded at each position
/// and, within it, at each position of its parts: bytes that start with the last ones
/// decoded at their position give that value again (an encoding is never the prefix of
/// another), shared rather than built anew.
#[derive(Default)]
pub struct Decoder {
    last: Vec<Memory>,
}

/// The last value encoded or decoded at one position, its bytes, and the memories of its
/// parts (for a set or tuple, by element; for a record, by field; for a function, key and
/// value of each pair in turn). Only sets, tuples, records and functions are remembered.
#[derive(Default)]
struct Memory {
    bytes: Vec<u8>,
    value: Option<Value>,
    parts: Vec<Memory>,
}

impl Encoder {
    /// [`encode`]s `v`, the value at `position`.
    pub fn encode_at(&mut self, position: usize, v: &Value, out: &mut Vec<u8>) -> bool {
        Memory::at(&mut self.last, position).encode(v, out)
    }
}

impl Decoder {
    /// [`decode`]s the value at `position` from the start of `bytes`.
    pub fn decode_at(&mut self, position: usize, bytes: &mut &[u8]) -> Option<Value> {
        Memory::at(&mut self.last, position).decode(bytes)
    }
}

impl Memory {
    fn at(memories: &mut Vec<Memory>, position: usize) -> &mut Memory {
        if memories.len() <= position {
            memories.resize_with(position + 1, Memory::default);
        }
        &mut memories[position]
    }

    fn encode(&mut self, v: &Value, out: &mut Vec<u8>) -> bool {
        if !matches!(
            v,
            Value::Set(_) | Value::Tuple(_) | Value::Record(_) | Value::Func(_)
        ) {
            return encode(v, out);
        }
        if (self.value.as_ref()).is_some_and(|last| last.same_instance(v)) {
            out.extend_from_slice(&self.bytes);
            return true;
        }
        let start = out.len();
        let mut i = 0;
        let encoded = encode_composite(v, out, |x, out| {
            i += 1;
            Memory::at(&mut self.parts, i - 1).encode(x, out)
        });
        if encoded {
            self.bytes.clear();
            self.bytes.extend_from_slice(&out[start..]);
            self.value = Some(v.clone());
        }
        encoded
    }

    fn decode(&mut self, bytes: &mut &[u8]) -> Option<Value> {
        let (&tag, rest) = bytes.split_first()?;
        if !matches!(tag, SET | TUPLE | RECORD | FUNC) {
            return decode(bytes);
        }
        if let Some(v) = &self.value {
            if let Some(after) = bytes.strip_prefix(&self.bytes[..]) {
                *bytes = after;
                return Some(v.clone());
            }
        }
        let start = *bytes;
        *bytes = rest;
        let mut i = 0;
        let v = decode_composite(tag, bytes, |bytes| {
            i += 1;
            Memory::at(&mut self.parts, i - 1).decode(bytes)
        })?;
        self.bytes.clear();
        self.bytes
            .extend_from_slice(&start[..start.len() - bytes.len()]);
        self.value = Some(v.clone());
        Some(v)
    }
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
    fn remembered_positions_write_the_same_bytes_and_share_what_repeats() {
        let tup = |xs: Vec<Value>| Value::Tuple(xs.into());
        let rec = |x: Value| {
            Value::record(vec![(Str::new("log"), x), (Str::new("n"), Value::Int(1))]).unwrap()
        };
        let a = tup(vec![Value::Int(1), Value::Int(2)]);
        let b = tup(vec![Value::Int(3)]);
        let log = rec(tup(vec![a.clone(), b.clone()]));
        // Three states of two variables: the second keeps the first variable and changes
        // one part of the other; the third changes the first variable's kind.
        let states = [
            vec![log.clone(), tup(vec![a.clone(), b.clone()])],
            vec![log.clone(), tup(vec![a.clone(), Value::Int(4)])],
            vec![
                Value::set(vec![a.clone()]).unwrap(),
                tup(vec![b, Value::Int(4)]),
            ],
        ];
        let (mut encoder, mut decoder) = (Encoder::default(), Decoder::default());
        let mut decoded: Vec<Vec<Value>> = Vec::new();
        for state in &states {
            let (mut remembered, mut plain) = (Vec::new(), Vec::new());
            for (i, v) in state.iter().enumerate() {
                assert!(encoder.encode_at(i, v, &mut remembered));
                assert!(encode(v, &mut plain));
            }
            assert_eq!(remembered, plain, "the same bytes as without memory");
            let mut bytes = &remembered[..];
            let back: Vec<Value> = (0..state.len())
                .map(|i| decoder.decode_at(i, &mut bytes).expect("decodes"))
                .collect();
            assert!(bytes.is_empty());
            assert_eq!(&back, state);
            decoded.push(back);
        }
        // The first variable of the second state is the first state's, shared; in the
        // second variable, the unchanged part is shared and the tuple is new.
        assert!(decoded[1][0].same_instance(&decoded[0][0]));
        assert!(!decoded[1][1].same_instance(&decoded[0][1]));
        let first = |v: &Value| match v {
            Value::Tuple(xs) => xs[0].clone(),
            _ => unreachable!(),
        };
        assert!(first(&decoded[1][1]).same_instance(&first(&decoded[0][1])));
        // Bytes that are not an encoding are refused, with or without memory.
        let mut bad = &[TUPLE, 2, INT][..];
        assert_eq!(decoder.decode_at(1, &mut bad), None);
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
