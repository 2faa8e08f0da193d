//! What tells one explicit set from another that shares most of its elements.
//!
//! Successors of a state build their sets from the parent's (`msgs \cup {m}`), so two sets
//! met one after the other at one place of a state mostly hold the same allocations. A
//! merge of the two sorted element lists finds the few elements that differ; the common
//! ones compare at once by allocation (see the `order` module). Fingerprints, symmetry
//! images and inclusion tests then work on those few elements rather than on all of them.

use std::cmp::Ordering;

use crate::Value;

/// Which of the two sets holds an element the other lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    /// Only the old set holds it.
    Removed,
    /// Only the new set holds it.
    Added,
}

/// Calls `on` for each element that only one of the sorted, duplicate-free lists `old` and
/// `new` holds, in TLC's order, and tells which. Returns `false`, having stopped, as soon as
/// more than `max` elements differ.
pub(crate) fn set_changes<'a>(
    old: &'a [Value],
    new: &'a [Value],
    max: usize,
    mut on: impl FnMut(Side, &'a Value),
) -> bool {
    let (mut i, mut j, mut changes) = (0, 0, 0);
    while i < old.len() || j < new.len() {
        let order = match (old.get(i), new.get(j)) {
            (Some(a), Some(b)) => a.cmp(b),
            (Some(_), None) => Ordering::Less,
            _ => Ordering::Greater,
        };
        match order {
            Ordering::Equal => {
                i += 1;
                j += 1;
                continue;
            }
            Ordering::Less => {
                on(Side::Removed, &old[i]);
                i += 1;
            }
            Ordering::Greater => {
                on(Side::Added, &new[j]);
                j += 1;
            }
        }
        changes += 1;
        if changes > max {
            return false;
        }
    }
    true
}
