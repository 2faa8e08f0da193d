//! A pool of worker threads created once per run, computing order-preserving maps.
//!
//! A run with `n` workers has `n` threads doing the work: `n - 1` pool threads and the
//! caller's thread, which merges results and, whenever it waits for some, runs queued jobs
//! itself. So one worker means no pool thread at all: every job runs on the caller's thread,
//! when its result is awaited. Work is submitted as a map over a shared slice, split into
//! chunks of consecutive items that threads take from one FIFO queue (so a slow item does not
//! hold up the others); the results are put back in the order of the items, so what the
//! caller sees does not depend on the number of threads or on their timing. Submitting does
//! not wait, so the caller can merge one batch while the next ones are being computed.
//!
//! A panic in a job is caught on the thread that ran it and resumed on the caller's thread
//! when the results are awaited. Jobs still queued when the run ends are dropped unrun.

use std::any::Any;
use std::collections::VecDeque;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

/// Items handed to a thread at a time.
const CHUNK: usize = 32;

/// The stack reserved for each thread that evaluates a spec (the caller of [`crate::run`]
/// should give its own thread as much): deeply recursive definitions need far more than the
/// default 2 MiB before the evaluator's own depth limit stops them with an error. Only the
/// pages actually used are committed.
pub const EVAL_STACK_SIZE: usize = 512 << 20;

/// A unit of work: one chunk of one map.
type Job<'env> = Box<dyn FnOnce() + Send + 'env>;

/// The worker threads of one run and their queue of jobs.
pub(crate) struct Pool<'env> {
    queue: Mutex<Queue<'env>>,
    /// Signalled when a job is queued, when one finishes, and when the pool closes.
    changed: Condvar,
    threads: usize,
}

struct Queue<'env> {
    jobs: VecDeque<Job<'env>>,
    closed: bool,
}

/// Runs `f` with a pool of `workers - 1` threads (each with [`EVAL_STACK_SIZE`] of stack);
/// the threads end when `f` returns (or panics).
pub(crate) fn with_pool<'env, R>(workers: usize, f: impl FnOnce(&Pool<'env>) -> R) -> R {
    let pool = Pool {
        queue: Mutex::new(Queue {
            jobs: VecDeque::new(),
            closed: false,
        }),
        changed: Condvar::new(),
        threads: workers.max(1) - 1,
    };
    std::thread::scope(|scope| {
        for _ in 0..pool.threads {
            std::thread::Builder::new()
                .stack_size(EVAL_STACK_SIZE)
                .spawn_scoped(scope, || pool.work())
                .expect("the operating system starts a worker thread");
        }
        let _close = Close(&pool);
        f(&pool)
    })
}

/// Closes the pool when dropped, so its threads end even if the caller panics.
struct Close<'a, 'env>(&'a Pool<'env>);

impl Drop for Close<'_, '_> {
    fn drop(&mut self) {
        let mut queue = self.0.lock();
        queue.closed = true;
        queue.jobs.clear();
        drop(queue);
        self.0.changed.notify_all();
    }
}

impl<'env> Pool<'env> {
    /// The number of pool threads (the caller's thread not included).
    pub(crate) fn threads(&self) -> usize {
        self.threads
    }

    fn lock(&self) -> MutexGuard<'_, Queue<'env>> {
        // Jobs run outside the lock and their panics are caught: it is never poisoned by
        // a job, and a poisoned queue is still consistent.
        self.queue.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The loop of a pool thread: run jobs until the pool closes.
    fn work(&self) {
        let mut queue = self.lock();
        loop {
            if queue.closed {
                return;
            }
            match queue.jobs.pop_front() {
                Some(job) => {
                    drop(queue);
                    job();
                    queue = self.lock();
                    // A job finished: the caller may be waiting for it.
                    self.changed.notify_all();
                }
                None => {
                    queue = self.changed.wait(queue).unwrap_or_else(|e| e.into_inner());
                }
            }
        }
    }

    /// Starts computing `items.iter().map(f)`; the results are collected by [`Pool::wait`].
    pub(crate) fn map<T, R, F>(&self, items: Arc<Vec<T>>, f: Arc<F>) -> Handle<R>
    where
        T: Send + Sync + 'env,
        R: Send + 'env,
        F: Fn(&T) -> R + Send + Sync + 'env,
    {
        let chunks = items.len().div_ceil(CHUNK);
        let parts = Arc::new(Mutex::new(Parts {
            chunks: (0..chunks).map(|_| None).collect(),
            remaining: chunks,
            panic: None,
        }));
        if chunks > 0 {
            let mut queue = self.lock();
            for c in 0..chunks {
                let (items, f, parts) = (items.clone(), f.clone(), parts.clone());
                queue.jobs.push_back(Box::new(move || {
                    let end = ((c + 1) * CHUNK).min(items.len());
                    let out = catch_unwind(AssertUnwindSafe(|| {
                        items[c * CHUNK..end].iter().map(&*f).collect::<Vec<R>>()
                    }));
                    let mut parts = lock(&parts);
                    match out {
                        Ok(out) => parts.chunks[c] = Some(out),
                        Err(payload) => {
                            parts.panic.get_or_insert(payload);
                        }
                    }
                    parts.remaining -= 1;
                }));
            }
            drop(queue);
            self.changed.notify_all();
        }
        Handle { parts }
    }

    /// The results of `handle`, in the order of its items. Runs queued jobs (in queue order)
    /// on this thread while they are not all computed.
    pub(crate) fn wait<R>(&self, handle: Handle<R>) -> Vec<R> {
        let mut queue = self.lock();
        loop {
            if handle.is_done() {
                drop(queue);
                return handle.take();
            }
            match queue.jobs.pop_front() {
                Some(job) => {
                    drop(queue);
                    job();
                    queue = self.lock();
                }
                None => {
                    // A thread finishing a job takes the queue lock before it signals, so
                    // the signal cannot come between the check above and this wait.
                    queue = self.changed.wait(queue).unwrap_or_else(|e| e.into_inner());
                }
            }
        }
    }
}

/// The results of one map, chunk by chunk, as they are computed.
struct Parts<R> {
    chunks: Vec<Option<Vec<R>>>,
    remaining: usize,
    panic: Option<Box<dyn Any + Send>>,
}

fn lock<R>(parts: &Mutex<Parts<R>>) -> MutexGuard<'_, Parts<R>> {
    parts.lock().unwrap_or_else(|e| e.into_inner())
}

/// A map under way (see [`Pool::map`]).
pub(crate) struct Handle<R> {
    parts: Arc<Mutex<Parts<R>>>,
}

impl<R> Handle<R> {
    /// A handle on results already computed.
    pub(crate) fn ready(results: Vec<R>) -> Handle<R> {
        Handle {
            parts: Arc::new(Mutex::new(Parts {
                chunks: vec![Some(results)],
                remaining: 0,
                panic: None,
            })),
        }
    }

    /// Whether every chunk was computed.
    pub(crate) fn is_done(&self) -> bool {
        lock(&self.parts).remaining == 0
    }

    fn take(self) -> Vec<R> {
        let mut parts = lock(&self.parts);
        if let Some(payload) = parts.panic.take() {
            drop(parts);
            resume_unwind(payload);
        }
        std::mem::take(&mut parts.chunks)
            .into_iter()
            .flat_map(|c| c.expect("every chunk was computed"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    #[test]
    fn results_are_in_the_order_of_the_items() {
        let items: Arc<Vec<u64>> = Arc::new((0..1000).collect());
        for workers in [1, 2, 3, 8] {
            super::with_pool(workers, |pool| {
                let square = Arc::new(|x: &u64| x * x);
                let a = pool.map(items.clone(), square.clone());
                let b = pool.map(items.clone(), Arc::new(|x: &u64| x + 1));
                let empty = pool.map(Arc::new(Vec::new()), square);
                assert_eq!(
                    pool.wait(b),
                    items.iter().map(|x| x + 1).collect::<Vec<_>>()
                );
                assert_eq!(
                    pool.wait(a),
                    items.iter().map(|x| x * x).collect::<Vec<_>>()
                );
                assert!(pool.wait(empty).is_empty());
            });
        }
    }

    #[test]
    fn a_panic_in_a_job_reaches_the_caller() {
        let items: Arc<Vec<u64>> = Arc::new((0..100).collect());
        for workers in [1, 2] {
            let caught = std::panic::catch_unwind(|| {
                super::with_pool(workers, |pool| {
                    let h = pool.map(
                        items.clone(),
                        Arc::new(|&x: &u64| {
                            assert!(x != 70, "seventy");
                            x
                        }),
                    );
                    pool.wait(h)
                })
            });
            assert!(caught.is_err(), "workers = {workers}");
        }
    }
}
