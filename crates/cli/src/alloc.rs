//! The allocator: mimalloc, called through its plain entry points where Rust's alignment
//! allows.
//!
//! The checker allocates and frees many small values per state, where mimalloc is markedly
//! faster than the system allocator. The `mimalloc` crate's allocator asks for every block
//! through mimalloc's aligned entry points, which take a longer path than `mi_malloc`;
//! every mimalloc block is aligned to at least 8 bytes, so the plain entry points serve any
//! layout aligned to 8 bytes or less (nearly all of them) and the aligned ones the rest.

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
