//! 64-bit fingerprints of values and states.
//!
//! A fingerprint stands for a state in the model checker's seen set, so it must be equal
//! for equal values, identical across runs and platforms, and well distributed. It is a
//! fixed-seed hash of the canonical encoding: a kind tag, then the contents. A set's
//! contents are its size and the wrapping sum of its elements' fingerprints, which needs no
//! order and can be amended element by element; a lazy set is encoded as the explicit set
//! it denotes; a string is absorbed as the hash of its text, computed once when it is
//! interned. Words are absorbed with a 64×64→128-bit multiply-fold (the `mum` step of
//! wyhash; a value's kind tag and its first word take one step), and the result goes
//! through MurmurHash3's 64-bit finaliser. Streaming (`fingerprint_into`) lets a whole
//! state be hashed without allocating. These are not TLC's fingerprints; nothing needs
//! them to be.

use std::cell::RefCell;

use crate::near::{set_changes, Side};
use crate::{LazySet, Value};

const SEED: u64 = 0x243f_6a88_85a3_08d3;
const MUL: u64 = 0xa076_1d64_78bd_642f;
const XOR: u64 = 0xe703_7ed1_a0b4_28db;

#[inline]
fn mum(a: u64, b: u64) -> u64 {
    let r = (a as u128).wrapping_mul(b as u128);
    (r as u64) ^ ((r >> 64) as u64)
}

/// MurmurHash3's 64-bit finaliser: every input bit affects every output bit.
#[inline]
pub(crate) fn avalanche(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// A streaming, deterministic 64-bit hasher for fingerprints.
#[derive(Clone, Debug)]
pub struct Hasher64 {
    state: u64,
    words: u64,
}

impl Default for Hasher64 {
    fn default() -> Self {
        Self::new()
    }
}

impl Hasher64 {
    /// A hasher in its fixed initial state.
    pub fn new() -> Hasher64 {
        Hasher64 {
            state: SEED,
            words: 0,
        }
    }

    /// Absorbs one 64-bit word.
    #[inline]
    pub fn write_u64(&mut self, w: u64) {
        self.state = mum(self.state ^ w ^ XOR, MUL);
        self.words = self.words.wrapping_add(1);
    }

    /// Absorbs two words with one multiply (wyhash's step over 16 bytes): `a` is a kind tag
    /// or a hash (never the constant it is mixed with), `b` is mixed with the state. The
    /// encoding of every value starts with one such pair.
    #[inline]
    pub fn write_pair(&mut self, a: u64, b: u64) {
        self.state = mum(a ^ XOR, b ^ self.state);
        self.words = self.words.wrapping_add(2);
    }

    /// Absorbs a byte string (its length, then its bytes in little-endian words).
    pub fn write_bytes(&mut self, bytes: &[u8]) {
        self.write_u64(bytes.len() as u64);
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(c);
            self.write_u64(u64::from_le_bytes(buf));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(buf));
        }
    }

    /// The fingerprint of everything absorbed so far.
    pub fn finish(&self) -> u64 {
        avalanche(self.state ^ self.words.wrapping_mul(MUL))
    }
}

mod tag {
    pub const BOOL: u64 = 1;
    pub const INT: u64 = 2;
    pub const STR: u64 = 3;
    pub const MODEL_VALUE: u64 = 4;
    pub const SET: u64 = 5;
    pub const TUPLE: u64 = 6;
    pub const RECORD: u64 = 7;
    pub const FUNC: u64 = 8;
    pub const LAZY: u64 = 9;
}

impl Value {
    /// The value's 64-bit fingerprint.
    pub fn fingerprint(&self) -> u64 {
        let mut h = Hasher64::new();
        self.fingerprint_into(&mut h);
        h.finish()
    }

    /// Absorbs the value's canonical encoding into `h`. Equal values absorb equal words.
    pub fn fingerprint_into(&self, h: &mut Hasher64) {
        match self {
            Value::Bool(b) => h.write_pair(tag::BOOL, *b as u64),
            Value::Int(i) => h.write_pair(tag::INT, *i as u64),
            Value::Str(s) => h.write_pair(tag::STR, s.hash64()),
            Value::ModelValue(s) => h.write_pair(tag::MODEL_VALUE, s.hash64()),
            Value::Set(elems) => set_into(elems, h),
            Value::Tuple(elems) => {
                h.write_pair(tag::TUPLE, elems.len() as u64);
                for e in elems.iter() {
                    e.fingerprint_into(h);
                }
            }
            Value::Func(pairs) if pairs.is_empty() => h.write_pair(tag::TUPLE, 0),
            Value::Record(fields) => {
                h.write_pair(tag::RECORD, fields.len() as u64);
                for (n, v) in fields.iter() {
                    h.write_u64(n.hash64());
                    v.fingerprint_into(h);
                }
            }
            Value::Func(pairs) => {
                h.write_pair(tag::FUNC, pairs.len() as u64);
                for (k, v) in pairs.iter() {
                    k.fingerprint_into(h);
                    v.fingerprint_into(h);
                }
            }
            Value::Lazy(l) => {
                if let LazySet::Interval(a, b) = **l {
                    if b >= a && (b as i128 - a as i128) >= crate::ENUMERATION_LIMIT as i128 {
                        lazy_structure_into(l, h);
                        return;
                    }
                    if b < a {
                        set_sum_into(0, 0, h);
                        return;
                    }
                    let sum =
                        (a..=b).fold(0u64, |sum, i| sum.wrapping_add(Value::Int(i).fingerprint()));
                    set_sum_into((b as i128 - a as i128 + 1) as u64, sum, h);
                    return;
                }
                match self.explicit_elems() {
                    Some(elems) => set_into(&elems, h),
                    None => lazy_structure_into(l, h),
                }
            }
        }
    }
}

fn set_into(elems: &[Value], h: &mut Hasher64) {
    set_sum_into(elems.len() as u64, elems_sum(elems), h);
}

/// The sum of the fingerprints of a set's elements: what a set's encoding holds of them, so
/// that it does not depend on their order and can be amended element by element.
fn elems_sum(elems: &[Value]) -> u64 {
    elems
        .iter()
        .fold(0u64, |sum, e| sum.wrapping_add(e.fingerprint()))
}

/// Absorbs a set of `len` elements whose fingerprints add up to `sum`.
fn set_sum_into(len: u64, sum: u64, h: &mut Hasher64) {
    h.write_pair(tag::SET, len);
    h.write_u64(sum);
}

/// The fingerprint of a set of `len` elements whose fingerprints add up to `sum`.
fn set_fingerprint(len: usize, sum: u64) -> u64 {
    let mut h = Hasher64::new();
    set_sum_into(len as u64, sum, &mut h);
    h.finish()
}

/// Sets that cannot be enumerated are encoded by their description.
fn lazy_structure_into(l: &LazySet, h: &mut Hasher64) {
    h.write_u64(tag::LAZY);
    match l {
        LazySet::Interval(a, b) => {
            h.write_u64(0);
            h.write_u64(*a as u64);
            h.write_u64(*b as u64);
        }
        LazySet::Subset(s) => {
            h.write_u64(1);
            s.fingerprint_into(h);
        }
        LazySet::FnSet(d, r) => {
            h.write_u64(2);
            d.fingerprint_into(h);
            r.fingerprint_into(h);
        }
        LazySet::RecordSet(fields) => {
            h.write_u64(3);
            h.write_u64(fields.len() as u64);
            for (n, s) in fields {
                h.write_u64(n.hash64());
                s.fingerprint_into(h);
            }
        }
        LazySet::Product(sets) => {
            h.write_u64(4);
            h.write_u64(sets.len() as u64);
            for s in sets {
                s.fingerprint_into(h);
            }
        }
        LazySet::Nat => h.write_u64(5),
        LazySet::Int => h.write_u64(6),
        LazySet::String => h.write_u64(7),
        LazySet::Seq(s) => {
            h.write_u64(8);
            s.fingerprint_into(h);
        }
    }
}

/// The fingerprint of a state: the fingerprints of its variables' values, in order.
///
/// Successive states fingerprinted on a thread (the successors of one parent) mostly share
/// their variables' values: a value that is the same instance as the last one fingerprinted
/// at its position ([`Value::same_instance`]) is not hashed again. A set that differs from
/// the last one in a few elements (`msgs \cup {m}` in one successor, `msgs \cup {m2}` in
/// the next) is fingerprinted from the sum of the last one's element fingerprints, amended
/// by those of the elements that differ.
pub fn fingerprint_values(values: &[Value]) -> u64 {
    LAST_VALUES.with_borrow_mut(|last| {
        if last.len() < values.len() {
            last.resize(values.len(), None);
        }
        let mut h = Hasher64::new();
        for (v, slot) in values.iter().zip(last.iter_mut()) {
            let fp = match slot {
                Some(held) if held.value.same_instance(v) => held.fp,
                _ => {
                    let held = Held::of(v, slot.as_ref());
                    let fp = held.fp;
                    *slot = Some(held);
                    fp
                }
            };
            h.write_u64(fp);
        }
        h.finish()
    })
}

/// A value fingerprinted at one position of a state, held so that its allocation cannot be
/// reused by another.
#[derive(Clone)]
struct Held {
    value: Value,
    fp: u64,
    /// For an explicit set, the sum of its elements' fingerprints (see [`elems_sum`]).
    sum: u64,
}

impl Held {
    /// `v` with its fingerprint, amended from `last` where both are sets that differ in a
    /// few elements.
    fn of(v: &Value, last: Option<&Held>) -> Held {
        let Value::Set(elems) = v else {
            return Held {
                value: v.clone(),
                fp: v.fingerprint(),
                sum: 0,
            };
        };
        let amended = last.and_then(|last| {
            let Value::Set(old) = &last.value else {
                return None;
            };
            let mut sum = last.sum;
            let near = set_changes(old, elems, 8.max(elems.len() / 4), |side, x| {
                let f = x.fingerprint();
                sum = match side {
                    Side::Removed => sum.wrapping_sub(f),
                    Side::Added => sum.wrapping_add(f),
                };
            });
            near.then_some(sum)
        });
        let sum = amended.unwrap_or_else(|| elems_sum(elems));
        Held {
            value: v.clone(),
            fp: set_fingerprint(elems.len(), sum),
            sum,
        }
    }
}

thread_local! {
    /// The value last fingerprinted at each position of a state on this thread.
    static LAST_VALUES: RefCell<Vec<Option<Held>>> = const { RefCell::new(Vec::new()) };
}
