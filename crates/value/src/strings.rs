//! Interned strings and TLC's order on strings and model-value names.
//!
//! Every string and model-value name is a [`Str`]: a pointer to one process-wide entry per
//! distinct text, holding the text, its hash (the word a fingerprint absorbs) and its rank in
//! TLC's order. So equality is a pointer comparison, hashing reads one word and ordering
//! reads two ranks: no text is compared or hashed on the model checker's hot path.
//!
//! TLC does not order strings by their text: a string is a `UniqueString`, and two of them
//! compare by their interning token, i.e. by the order in which the parser (and the config
//! reader) first met that text, as an identifier or a string literal. That order decides
//! which element `CHOOSE` picks from a set of strings, and the field order in which records
//! are printed (`[type |-> "1a", bal |-> 0]`). The front end reproduces it by handing the
//! names in first-occurrence order to [`set_string_order`]; strings it did not list (built at
//! run time) come after the listed ones, ordered by text, as TLC interns them later. Without
//! a table the order is the text's byte order, which agrees with TLC whenever names first
//! appear in alphabetical order.
//!
//! The table must be set before values are built (sets and records are sorted when
//! constructed). Entries are never freed: a run creates few distinct strings, and a `Str` is
//! then a plain `Copy` pointer.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::ops::Deref;
use std::sync::atomic::{AtomicU32, Ordering as AtomicOrdering};
use std::sync::{Arc, Mutex, OnceLock};

use crate::fingerprint::Hasher64;

/// The rank of a string no table lists.
const UNRANKED: u32 = u32::MAX;

/// One interned text.
struct Entry {
    text: Box<str>,
    /// The fingerprint word of the text (a fixed-seed hash of its bytes).
    hash: u64,
    /// Position in TLC's order, or [`UNRANKED`].
    rank: AtomicU32,
    /// The number of texts interned before this one (see [`Str::id`]).
    id: u32,
}

/// Texts per chunk of the registry that maps ids back to strings.
const CHUNK: usize = 4096;

/// `CHUNK` slots of the registry, each set once.
type Chunk = Box<[OnceLock<Str>]>;

/// The interned strings by id, in chunks filled once each, so [`Str::from_id`] reads them
/// without a lock: at most `CHUNK * CHUNK` (16 million) texts get an id.
fn registry() -> &'static [OnceLock<Chunk>] {
    static REGISTRY: OnceLock<Box<[OnceLock<Chunk>]>> = OnceLock::new();
    REGISTRY.get_or_init(|| (0..CHUNK).map(|_| OnceLock::new()).collect())
}

fn register(s: Str) {
    let id = s.0.id as usize;
    if let Some(chunk) = registry().get(id / CHUNK) {
        let chunk = chunk.get_or_init(|| (0..CHUNK).map(|_| OnceLock::new()).collect());
        let _ = chunk[id % CHUNK].set(s);
    }
}

/// An interned string or model-value name: equal texts are the same pointer.
#[derive(Clone, Copy)]
pub struct Str(&'static Entry);

/// A small multiplicative hasher for the interning table (deterministic, no iteration
/// reaches output).
#[derive(Default)]
struct TextHasher(u64);

impl Hasher for TextHasher {
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

type Table = HashMap<&'static str, Str, BuildHasherDefault<TextHasher>>;

fn table() -> &'static Mutex<Table> {
    static TABLE: OnceLock<Mutex<Table>> = OnceLock::new();
    TABLE.get_or_init(|| Mutex::new(Table::default()))
}

fn intern_in(table: &mut Table, text: &str) -> Str {
    if let Some(s) = table.get(text) {
        return *s;
    }
    let mut h = Hasher64::new();
    h.write_bytes(text.as_bytes());
    let entry: &'static Entry = Box::leak(Box::new(Entry {
        text: Box::from(text),
        hash: h.finish(),
        rank: AtomicU32::new(UNRANKED),
        id: u32::try_from(table.len()).unwrap_or(u32::MAX),
    }));
    let s = Str(entry);
    table.insert(&entry.text, s);
    register(s);
    s
}

impl Str {
    /// The interned string with this text.
    pub fn new(text: &str) -> Str {
        let mut table = table().lock().unwrap_or_else(|e| e.into_inner());
        intern_in(&mut table, text)
    }

    /// The text.
    pub fn as_str(&self) -> &'static str {
        &self.0.text
    }

    /// The word a fingerprint absorbs for this text (a fixed-seed hash of its bytes).
    pub fn hash64(&self) -> u64 {
        self.0.hash
    }

    fn rank(&self) -> u32 {
        self.0.rank.load(AtomicOrdering::Relaxed)
    }

    /// A number for this text, the same for the whole process: the count of texts interned
    /// before it. [`Str::from_id`] gives the string back.
    pub fn id(&self) -> u32 {
        self.0.id
    }

    /// The string whose [`Str::id`] is `id`; `None` if there is none (or, past 16 million
    /// texts, if it was not registered).
    pub fn from_id(id: u32) -> Option<Str> {
        let id = id as usize;
        let chunk = registry().get(id / CHUNK)?.get()?;
        chunk[id % CHUNK].get().copied()
    }
}

impl Deref for Str {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0.text
    }
}

impl AsRef<str> for Str {
    fn as_ref(&self) -> &str {
        &self.0.text
    }
}

impl PartialEq for Str {
    fn eq(&self, other: &Str) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Str {}

impl PartialEq<str> for Str {
    fn eq(&self, other: &str) -> bool {
        *self.0.text == *other
    }
}

impl PartialEq<&str> for Str {
    fn eq(&self, other: &&str) -> bool {
        *self.0.text == **other
    }
}

impl Hash for Str {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.0.hash);
    }
}

/// TLC's order: by interning rank when a table is set (listed names first), otherwise, and
/// among unlisted names, by text.
impl Ord for Str {
    fn cmp(&self, other: &Str) -> Ordering {
        if self == other {
            return Ordering::Equal;
        }
        match (self.rank(), other.rank()) {
            (UNRANKED, UNRANKED) => self.0.text.cmp(&other.0.text),
            (_, UNRANKED) => Ordering::Less,
            (UNRANKED, _) => Ordering::Greater,
            (a, b) => a.cmp(&b),
        }
    }
}

impl PartialOrd for Str {
    fn partial_cmp(&self, other: &Str) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Debug for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0.text, f)
    }
}

impl fmt::Display for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0.text, f)
    }
}

impl From<&str> for Str {
    fn from(text: &str) -> Str {
        Str::new(text)
    }
}

impl From<&String> for Str {
    fn from(text: &String) -> Str {
        Str::new(text)
    }
}

impl From<String> for Str {
    fn from(text: String) -> Str {
        Str::new(&text)
    }
}

impl From<Box<str>> for Str {
    fn from(text: Box<str>) -> Str {
        Str::new(&text)
    }
}

impl From<Arc<str>> for Str {
    fn from(text: Arc<str>) -> Str {
        Str::new(&text)
    }
}

impl From<&Arc<str>> for Str {
    fn from(text: &Arc<str>) -> Str {
        Str::new(text)
    }
}

/// Sets TLC's string order: `names` in the order the parser first met them (identifiers,
/// string literals and model-value names alike; repeats are ignored). Replaces any previous
/// table. Call it before building values: sets and records already built keep their order.
/// A name whose rank does not change is not touched, so values being compared on other
/// threads while a table that extends the current one is installed keep a consistent order.
pub fn set_string_order<I, S>(names: I)
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut table = table().lock().unwrap_or_else(|e| e.into_inner());
    let mut ranks: HashMap<*const Entry, u32> = HashMap::new();
    for name in names {
        let s = intern_in(&mut table, name.as_ref());
        let next = ranks.len() as u32;
        ranks.entry(s.0 as *const Entry).or_insert(next);
    }
    for s in table.values() {
        let rank = ranks
            .get(&(s.0 as *const Entry))
            .copied()
            .unwrap_or(UNRANKED);
        if s.rank() != rank {
            s.0.rank.store(rank, AtomicOrdering::Relaxed);
        }
    }
}

/// Removes the string-order table: strings compare by text again.
pub fn clear_string_order() {
    let table = table().lock().unwrap_or_else(|e| e.into_inner());
    for s in table.values() {
        s.0.rank.store(UNRANKED, AtomicOrdering::Relaxed);
    }
}
