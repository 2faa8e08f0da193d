//! TLC's order on strings and model-value names.
//!
//! TLC does not order strings by their text: a string is a `UniqueString`, and two of them
//! compare by their interning token, i.e. by the order in which the parser (and the config
//! reader) first met that text, as an identifier or a string literal. That order decides
//! which element `CHOOSE` picks from a set of strings, and the field order in which records
//! are printed (`[type |-> "1a", bal |-> 0]`). The front end can reproduce it by handing the
//! names in first-occurrence order to [`set_string_order`]; strings it did not list (built at
//! run time) come after the listed ones, ordered by text, as TLC interns them later. Without
//! a table the order is the text's byte order, which agrees with TLC whenever names first
//! appear in alphabetical order.
//!
//! The table is process-wide and must be set before values are built (sets and records are
//! sorted when constructed). Reads are lock-free in the common case: each thread caches the
//! current table and only re-reads it when the generation counter moves.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicU64, Ordering as AtomicOrdering};
use std::sync::{Arc, RwLock};

/// A small multiplicative hasher for the rank table (deterministic, no iteration leaks).
#[derive(Default)]
struct RankHasher(u64);

impl Hasher for RankHasher {
    fn finish(&self) -> u64 {
        crate::fingerprint::avalanche(self.0)
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(buf))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

type Ranks = HashMap<Box<str>, u32, BuildHasherDefault<RankHasher>>;

/// 0 means "no table": compare by text.
static GENERATION: AtomicU64 = AtomicU64::new(0);
static COUNTER: AtomicU64 = AtomicU64::new(0);
static TABLE: RwLock<Option<Arc<Ranks>>> = RwLock::new(None);

thread_local! {
    static CACHE: RefCell<(u64, Option<Arc<Ranks>>)> = const { RefCell::new((0, None)) };
}

/// Sets TLC's string order: `names` in the order the parser first met them (identifiers,
/// string literals and model-value names alike; repeats are ignored). Replaces any previous
/// table. Call it before building values: sets and records already built keep their order.
pub fn set_string_order<I, S>(names: I)
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut ranks = Ranks::default();
    for name in names {
        let next = ranks.len() as u32;
        ranks.entry(Box::from(name.as_ref())).or_insert(next);
    }
    let mut table = TABLE.write().unwrap_or_else(|e| e.into_inner());
    *table = Some(Arc::new(ranks));
    let generation = COUNTER.fetch_add(1, AtomicOrdering::SeqCst) + 1;
    GENERATION.store(generation, AtomicOrdering::SeqCst);
}

/// Removes the string-order table: strings compare by text again.
pub fn clear_string_order() {
    let mut table = TABLE.write().unwrap_or_else(|e| e.into_inner());
    *table = None;
    GENERATION.store(0, AtomicOrdering::SeqCst);
}

fn with_ranks<R>(f: impl FnOnce(Option<&Ranks>) -> R) -> R {
    let generation = GENERATION.load(AtomicOrdering::Acquire);
    if generation == 0 {
        return f(None);
    }
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.0 != generation {
            let table = TABLE.read().unwrap_or_else(|e| e.into_inner());
            *cache = (generation, table.clone());
        }
        f(cache.1.as_deref())
    })
}

/// Compares two strings (or model-value names) in TLC's order: by interning rank when a
/// table is set (listed names first), otherwise, and among unlisted names, by text.
pub fn cmp_str(a: &str, b: &str) -> Ordering {
    if std::ptr::eq(a, b) {
        return Ordering::Equal;
    }
    with_ranks(|ranks| match ranks {
        None => a.cmp(b),
        Some(ranks) => {
            if a == b {
                return Ordering::Equal;
            }
            match (ranks.get(a), ranks.get(b)) {
                (Some(x), Some(y)) => x.cmp(y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => a.cmp(b),
            }
        }
    })
}
