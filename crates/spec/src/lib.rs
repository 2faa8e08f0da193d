//! Binds a TLA+ module and a TLC config into a `check::Model`.
//!
//! [`load`] reads the spec and the user modules it extends or instantiates (from `.tla`
//! files beside it), parses and lowers them, binds the configuration (constants,
//! substitutions, the behaviour spec, invariants, properties, constraints, view), checks the
//! assumptions, and returns a [`SpecModel`]: the one place where the TLA+ front end meets
//! the engine.

mod bind;
mod load;
mod locate;
mod model;
mod overrides;
mod predicate;
mod string_order;
mod symmetry;

pub use load::{load, load_with};
pub use model::{SpecModel, State};
pub use overrides::Overrides;
