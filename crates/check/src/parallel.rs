//! An order-preserving parallel map over a slice, on scoped threads.
//!
//! Threads take chunks of consecutive items from a shared counter (so a slow item does not
//! hold up the others) and the results are put back in the order of the items, so what the
//! caller sees does not depend on the number of threads or on their timing.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Items handed to a thread at a time.
const CHUNK: usize = 32;

/// The stack reserved for each thread that evaluates a spec (the caller of [`crate::run`]
/// should give its own thread as much): deeply recursive definitions need far more than the
/// default 2 MiB before the evaluator's own depth limit stops them with an error. Only the
/// pages actually used are committed.
pub const EVAL_STACK_SIZE: usize = 512 << 20;

/// Results of consecutive items, tagged with the index of their chunk.
type Chunk<R> = (usize, Vec<R>);

/// `items.iter().map(f).collect()`, computed on up to `threads` threads.
pub(crate) fn map<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let chunks = items.len().div_ceil(CHUNK);
    let threads = threads.min(chunks);
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next_chunk = AtomicUsize::new(0);
    let done: Mutex<Vec<Chunk<R>>> = Mutex::new(Vec::with_capacity(chunks));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let worker = std::thread::Builder::new().stack_size(EVAL_STACK_SIZE);
            worker
                .spawn_scoped(scope, || {
                    let mut mine = Vec::new();
                    loop {
                        let c = next_chunk.fetch_add(1, Ordering::Relaxed);
                        if c >= chunks {
                            break;
                        }
                        let end = ((c + 1) * CHUNK).min(items.len());
                        mine.push((c, items[c * CHUNK..end].iter().map(&f).collect()));
                    }
                    done.lock()
                        .expect("no thread panics while holding the results")
                        .extend(mine);
                })
                .expect("the operating system starts a worker thread");
        }
    });
    let mut done = done
        .into_inner()
        .expect("no thread panics while holding the results");
    done.sort_unstable_by_key(|(c, _)| *c);
    done.into_iter().flat_map(|(_, out)| out).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_are_in_the_order_of_the_items() {
        let items: Vec<u64> = (0..1000).collect();
        for threads in [1, 2, 3, 8] {
            let out = super::map(&items, threads, |x| x * x);
            assert_eq!(out, items.iter().map(|x| x * x).collect::<Vec<_>>());
        }
    }
}
