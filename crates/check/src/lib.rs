//! The model-checking engine.
//!
//! It explores the states of any [`Model`] breadth-first, level by level, so the depth and
//! the shortest counterexample do not depend on the number of workers. It never prints: it
//! pushes events into a [`Reporter`] and returns an [`Outcome`] (a verdict with statistics
//! and, for a violation, the trace that reaches it). Its counting and checking rules are
//! TLC's; they are listed, with their source, in the documentation of [`run`]'s module.

mod expand;
mod fpset;
mod graph;
mod model;
mod options;
mod outcome;
mod outdegree;
mod parallel;
mod reporter;
mod search;

pub use fpset::FingerprintSet;
pub use model::{ActionId, Fingerprint, Model, ModelError};
pub use options::Options;
pub use outcome::{ErrorSite, Limit, Outcome, Stats, Step, Trace, Verdict};
pub use outdegree::OutDegree;
pub use reporter::{NullReporter, Reporter, StartInfo};
pub use search::run;
