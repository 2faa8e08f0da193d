//! The model-checking engine.
//!
//! It explores the states of any [`Model`] breadth-first, level by level, so the depth and
//! the shortest counterexample do not depend on the number of workers. It never prints: it
//! pushes events into a [`Reporter`] and returns an [`Outcome`] (a verdict with statistics
//! and, for a violation, the trace that reaches it). Its counting and checking rules are
//! TLC's; they are listed, with their source, in the documentation of [`run`]'s module.
//!
//! ```
//! use check::{ActionId, Fingerprint, Model, ModelError, NullReporter, Options, Verdict};
//!
//! /// A counter that wraps around at 3 and must stay below 5.
//! struct Counter;
//!
//! impl Model for Counter {
//!     type State = u64;
//!     fn init(&self, emit: &mut dyn FnMut(u64)) -> Result<(), ModelError> {
//!         emit(0);
//!         Ok(())
//!     }
//!     fn next(&self, x: &u64, emit: &mut dyn FnMut(ActionId, u64)) -> Result<(), ModelError> {
//!         emit(ActionId(0), (x + 1) % 3);
//!         Ok(())
//!     }
//!     fn fingerprint(&self, x: &u64) -> Fingerprint {
//!         Fingerprint(*x)
//!     }
//!     fn invariant_names(&self) -> Vec<String> {
//!         vec!["Small".to_string()]
//!     }
//!     fn check_invariants(&self, x: &u64) -> Result<Option<usize>, ModelError> {
//!         Ok((*x >= 5).then_some(0))
//!     }
//!     fn action_label(&self, _: ActionId) -> String {
//!         "Tick".to_string()
//!     }
//! }
//!
//! let outcome = check::run(&Counter, &Options::default(), &mut NullReporter);
//! assert_eq!(outcome.verdict, Verdict::Ok);
//! // 1 initial state + 1 successor of each of the 3 states; 3 distinct; 3 levels.
//! assert_eq!((outcome.stats.generated, outcome.stats.distinct, outcome.stats.depth), (4, 3, 3));
//! ```

mod arena;
mod expand;
mod fpset;
mod graph;
mod init_parts;
mod model;
mod options;
mod outcome;
mod outdegree;
mod parallel;
mod recent;
mod reporter;
mod retrace;
mod search;
mod spill;
mod trail;

pub use fpset::FingerprintSet;
pub use model::{ActionId, Fingerprint, Model, ModelError};
pub use options::Options;
pub use outcome::{DiskUse, ErrorSite, Limit, Outcome, Stats, Step, Trace, Verdict};
pub use outdegree::OutDegree;
pub use parallel::EVAL_STACK_SIZE;
pub use reporter::{NullReporter, Reporter, StartInfo};
pub use search::run;
