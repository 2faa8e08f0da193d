//! An estimate of the memory a value holds.

use std::mem::size_of;

use crate::{LazySet, Str, Value};

/// The bytes of an `Arc`'s allocation besides its contents: the two reference counts.
const ARC_HEADER: usize = 2 * size_of::<usize>();

impl Value {
    /// The bytes of the allocations this value holds, counted as if it shared none of them
    /// (so shared parts are counted once per holder: an upper bound), besides the value itself
    /// ([`size_of::<Value>`]). Strings and model values are interned: they hold nothing.
    pub fn heap_bytes(&self) -> usize {
        let all = |vs: &[Value]| vs.iter().map(Value::heap_bytes).sum::<usize>();
        let fields = |fs: &[(Str, Value)]| {
            std::mem::size_of_val(fs) + fs.iter().map(|(_, v)| v.heap_bytes()).sum::<usize>()
        };
        match self {
            Value::Bool(_) | Value::Int(_) | Value::Str(_) | Value::ModelValue(_) => 0,
            Value::Set(vs) | Value::Tuple(vs) => {
                ARC_HEADER + size_of::<Value>() * vs.len() + all(vs)
            }
            Value::Record(fs) => ARC_HEADER + fields(fs),
            Value::Func(ps) => {
                ARC_HEADER
                    + size_of::<(Value, Value)>() * ps.len()
                    + ps.iter()
                        .map(|(k, v)| k.heap_bytes() + v.heap_bytes())
                        .sum::<usize>()
            }
            Value::Lazy(l) => {
                ARC_HEADER
                    + size_of::<LazySet>()
                    + match &**l {
                        LazySet::Subset(v) | LazySet::Seq(v) => v.heap_bytes(),
                        LazySet::FnSet(a, b) => a.heap_bytes() + b.heap_bytes(),
                        LazySet::RecordSet(fs) => fields(fs),
                        LazySet::Product(vs) => size_of::<Value>() * vs.len() + all(vs),
                        LazySet::Interval(..) | LazySet::Nat | LazySet::Int | LazySet::String => 0,
                    }
            }
        }
    }
}
