//! The allocator: mimalloc, called through its plain entry points where Rust's alignment
//! allows.
//!
//! The checker allocates and frees many small values per state, where mimalloc is markedly
//! faster than the system allocator. The `mimalloc` crate's allocator asks for every block
//! through mimalloc's aligned entry points, which take a longer path than `mi_malloc`;
//! every mimalloc block is aligned to at least 8 bytes, so the plain entry points serve any
//! layout aligned to 8 bytes or less (nearly all of them) and the aligned ones the rest.
//!
//! mimalloc returns the pages it has freed to the operating system after a delay (purging,
//! one second by default). The checker frees the values of one level's states while it
//! makes the next level's, and would take those pages back at once: each purge is a round
//! trip through the kernel, which zeroes the pages again. [`tune`] sets a longer delay.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// Alignment every mimalloc block has.
const MIN_ALIGN: usize = 8;

/// mimalloc, through its plain entry points for layouts aligned to at most [`MIN_ALIGN`].
pub struct Allocator;

// SAFETY: each method forwards to the mimalloc function with the contract the method
// requires: blocks at least as large and as aligned as the layout asks (mimalloc's plain
// functions return blocks aligned to `MIN_ALIGN`, so they are used only when the layout asks
// for no more), zeroed for `alloc_zeroed`, and freed by `mi_free`, which takes blocks from
// either family.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if layout.align() <= MIN_ALIGN {
                mi::mi_malloc(layout.size()) as *mut u8
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if layout.align() <= MIN_ALIGN {
                mi::mi_zalloc(layout.size()) as *mut u8
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: see the impl.
        unsafe { mi::mi_free(ptr as *mut c_void) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if layout.align() <= MIN_ALIGN {
                mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8
            } else {
                mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
            }
        }
    }
}

/// mimalloc's `mi_option_purge_delay` (its place in mimalloc 3's `mi_option_e`; the
/// `libmimalloc-sys` crate names none for it). A test checks that the option at this place
/// has that option's default.
const PURGE_DELAY: mi::mi_option_t = 15;

/// How long freed pages stay with the process before they go back to the operating system,
/// in milliseconds. Long enough that a level's pages are reused by the next levels; finite,
/// so that memory freed for good (a fingerprint table outgrown) is returned during a long
/// run. Measured on MCLamportMutex with one worker: about 7% less time than the default
/// delay, and 12% more peak memory.
const PURGE_DELAY_MS: std::ffi::c_long = 10_000;

/// Sets the allocator's options; called once, first thing.
pub fn tune() {
    // SAFETY: mimalloc's options may be set at any time, from any thread.
    unsafe { mi::mi_option_set(PURGE_DELAY, PURGE_DELAY_MS) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_is_the_option_at_its_place() {
        // One second by default in mimalloc 3, and no other option has that default (unless
        // the environment sets it).
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            // SAFETY: reading an option is always allowed.
            assert_eq!(unsafe { mi::mi_option_get(PURGE_DELAY) }, 1000);
        }
        tune();
        // SAFETY: as above.
        assert_eq!(unsafe { mi::mi_option_get(PURGE_DELAY) }, PURGE_DELAY_MS);
    }
}
