//! Name resolution, lowering to IR, and evaluation of TLA+ expressions and actions.
//!
//! [`lower_program`] resolves a parsed root module (with the user modules it extends and
//! instantiates) into a [`Program`]: an IR in which every name is an index. A [`Ctx`]
//! evaluates IR expressions over a state, enumerates initial states and the successors of
//! an [`Action`]. The standard modules are native ([`builtins`]).

pub mod builtins;
mod enumerate;
mod error;
mod eval;
pub mod ir;
pub mod level;
mod lower;
mod program;
mod reads;
mod split;
pub mod vals;

pub use enumerate::{op_expr, split_actions, Action};
pub use error::{EvalError, EvalResult};
pub use eval::{Ctx, OpVal, Output, Slot, StdOutput};
pub use lower::lower_program;
pub use program::{Assumption, ConstBinding, ConstDecl, Program, RootName};
pub use reads::{has_effects, state_reads};

#[cfg(test)]
mod tests;
