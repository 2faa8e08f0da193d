//! The model-checking engine.
//!
//! It explores the states of any [`Model`] breadth-first, level by level, so the depth and
//! the shortest counterexample do not depend on the number of workers. It never prints: it
//! pushes events into a reporter and returns an outcome (a verdict with statistics and, for a
//! violation, the trace that reaches it).

mod model;

pub use model::{ActionId, Fingerprint, Model, ModelError};
