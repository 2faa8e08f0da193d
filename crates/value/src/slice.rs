//! Shared slices written in place.
//!
//! Collecting values into an `Arc<[Value]>` goes through `Option<Value>` per item (the
//! iterator's `next`), which the compiler copies as a tag byte and the bytes after it; the
//! wide read of the item that follows then waits for those narrow writes. A slice built
//! here is allocated once, at its size, and each item is written straight into its place.

use std::sync::Arc;

/// The shared slice of `n` items whose item `i` is `item(i)`, in one allocation of exactly
/// its size, each item written in place.
pub fn build<T>(n: usize, mut item: impl FnMut(usize) -> T) -> Arc<[T]> {
    let mut out = Arc::<[T]>::new_uninit_slice(n);
    let Some(places) = Arc::get_mut(&mut out) else {
        unreachable!("a slice just allocated has one owner")
    };
    for (i, place) in places.iter_mut().enumerate() {
        place.write(item(i));
    }
    // SAFETY: each of the `n` places was written just above. (Were `item` to panic, the
    // items written so far would be leaked, not dropped: no place is read uninitialised.)
    unsafe { out.assume_init() }
}

/// A copy of `items` whose item `i` is `new`, in one allocation, the items cloned straight
/// into their places: no item passes through an `Option` (see the module's account), and
/// the item replaced is not tested for at each place.
pub fn replaced<T: Clone>(items: &[T], i: usize, new: T) -> Arc<[T]> {
    assert!(i < items.len(), "the item replaced is one of the items");
    let mut out = Arc::<[T]>::new_uninit_slice(items.len());
    let Some(places) = Arc::get_mut(&mut out) else {
        unreachable!("a slice just allocated has one owner")
    };
    let (before, rest) = places.split_at_mut(i);
    let (at, after) = rest.split_first_mut().expect("i is in bounds");
    for (place, item) in before.iter_mut().zip(&items[..i]) {
        place.write(item.clone());
    }
    at.write(new);
    for (place, item) in after.iter_mut().zip(&items[i + 1..]) {
        place.write(item.clone());
    }
    // SAFETY: the places before `i`, at `i` and after it were each written just above.
    unsafe { out.assume_init() }
}
