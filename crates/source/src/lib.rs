//! Source text, positions and diagnostics.
//!
//! Every phase of warden that reads user input (the TLA+ parser, the `.cfg` reader, name
//! resolution, evaluation) reports problems as [`Diagnostic`] values that point into a
//! [`SourceDb`] through [`Span`]s. Rendering (file, line, column and a caret) lives here so
//! that the wording of positions is the same everywhere.

mod db;
mod diagnostic;
mod render;

pub use db::{FileId, LineCol, SourceDb, Span};
pub use diagnostic::{Diagnostic, Label, Severity};
pub use render::{render, render_all};
