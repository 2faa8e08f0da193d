//! Shared slices written in place.
//!
//! Collecting values into an `Arc<[Value]>` goes through `Option<Value>` per item (the
//! iterator's `next`), an extra copy of each item whose pieces the next wide read of it
//! may have to wait for. A slice built here is allocated once, at its size, and each item
//! is written straight into its place.

use std::mem::MaybeUninit;
use std::sync::Arc;

/// The shared slice of `n` items whose item `i` is `item(i)`, in one allocation of exactly
/// its size, each item written in place.
pub fn build<T>(n: usize, mut item: impl FnMut(usize) -> T) -> Arc<[T]> {
    let out = Arc::<[T]>::new_uninit_slice(n);
    let places = fresh_places(&out);
    for i in 0..n {
        // SAFETY: `i < n`, the slice's length; see `fresh_places`.
        unsafe { places.add(i).write(MaybeUninit::new(item(i))) };
    }
    // SAFETY: each of the `n` places was written just above. (Were `item` to panic, the
    // items written so far would be leaked, not dropped: no place is read uninitialised.)
    unsafe { out.assume_init() }
}

/// The first place of a shared slice just allocated, to be written through before the
/// slice is shared or read. `Arc::get_mut` would give the same places after checking that
/// the allocation has one owner, by an atomic compare-and-swap of its weak count that a
/// slice built here pays on every value built (a quarter of the time of `EXCEPT`'s own code
/// in profiles); the allocation was made by the caller, and no other pointer to it exists.
fn fresh_places<T>(out: &Arc<[MaybeUninit<T>]>) -> *mut MaybeUninit<T> {
    Arc::as_ptr(out).cast::<MaybeUninit<T>>().cast_mut()
}

/// A copy of `items` whose item `i` is `new`, in one allocation, the items cloned straight
/// into their places: no item passes through an `Option` (see the module's account), and
/// the item replaced is not tested for at each place.
pub fn replaced<T: Clone>(items: &[T], i: usize, new: T) -> Arc<[T]> {
    assert!(i < items.len(), "the item replaced is one of the items");
    let out = Arc::<[T]>::new_uninit_slice(items.len());
    let places = fresh_places(&out);
    let mut keep = |j: usize| {
        // SAFETY: `j` is below the slice's length; see `fresh_places`.
        unsafe { places.add(j).write(MaybeUninit::new(items[j].clone())) };
    };
    (0..i).for_each(&mut keep);
    (i + 1..items.len()).for_each(&mut keep);
    // SAFETY: `i` is below the slice's length (asserted); see `fresh_places`.
    unsafe { places.add(i).write(MaybeUninit::new(new)) };
    // SAFETY: every place was written just above, the one at `i` last.
    unsafe { out.assume_init() }
}

/// The items of a shared slice, to write: first copied into storage of their own (one
/// allocation, each item cloned) unless this is the only reference to them. Ownership is
/// checked once, by `Arc::get_mut`; the copy, made here, is written through its pointer
/// rather than checked again (see `fresh_places`).
pub fn owned<T: Clone>(items: &mut Arc<[T]>) -> &mut [T] {
    if Arc::get_mut(items).is_none() {
        let copy = build(items.len(), |j| items[j].clone());
        *items = copy;
    }
    // SAFETY: `items` is the only reference to its allocation: `get_mut` found so, or the
    // allocation is the copy just made here, which nothing else has seen. The slice
    // returned borrows `items` mutably, so no clone of it (nor weak reference) can be made
    // while the slice is written.
    unsafe { &mut *Arc::as_ptr(items).cast_mut() }
}
