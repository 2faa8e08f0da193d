//! The TLA+ front end: lexer, parser and syntax tree, and the TLC `.cfg` reader.
//!
//! Parsing never panics and never stops at the first problem: [`parse_module`] and
//! [`parse_cfg`] return what they could build together with every error found, as
//! [`source::Diagnostic`]s pointing into the [`source::SourceDb`].

pub mod ast;
pub mod cfg;
