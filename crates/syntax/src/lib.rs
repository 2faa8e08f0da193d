//! The TLA+ front end: lexer, parser and syntax tree, and the TLC `.cfg` reader.
//!
//! Parsing never panics and never stops at the first problem: [`parse_module`] and
//! [`parse_cfg`] return what they could build together with every error found, as
//! [`source::Diagnostic`]s pointing into the [`source::SourceDb`].

pub mod ast;
pub mod cfg;
mod cfg_parser;
pub mod dump;
pub mod lexer;
pub mod ops;
mod parser;
pub mod token;

use source::{Diagnostic, FileId, SourceDb, Span};

pub use cfg_parser::parse_cfg;

/// The result of parsing a `.tla` file.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseResult {
    /// The module, whenever a `---- MODULE X ----` header was found (even with errors).
    pub module: Option<ast::Module>,
    /// Every problem found, in source order (errors and warnings).
    pub errors: Vec<Diagnostic>,
}

impl ParseResult {
    /// Whether any diagnostic is an error (warnings do not count).
    pub fn has_errors(&self) -> bool {
        self.errors
            .iter()
            .any(|d| d.severity == source::Severity::Error)
    }
}

/// Parses the first module of a `.tla` file. Text before the module header and after the
/// module's closing `====` is ignored.
pub fn parse_module(db: &SourceDb, file: FileId) -> ParseResult {
    parse_text(file, db.text(file))
}

/// Parses the first module in `text`, which belongs to `file` (spans point into it).
pub fn parse_text(file: FileId, text: &str) -> ParseResult {
    let Some(start) = find_header(text) else {
        let len = text.len() as u32;
        return ParseResult {
            module: None,
            errors: vec![Diagnostic::error(
                "missing-module-header",
                "no module header found: expected `---- MODULE Name ----`",
                Span::new(file, 0, len.min(1)),
            )],
        };
    };
    let lexed = lexer::lex(file, text, start);
    let (module, parse_errors, end) = parser::parse_tokens(&lexed.tokens);
    // Lexical errors after the module's closing `====` belong to ignored text.
    let end = end.unwrap_or(u32::MAX);
    let mut errors: Vec<Diagnostic> = lexed
        .errors
        .into_iter()
        .filter(|d| d.primary_span().is_none_or(|s| s.start < end))
        .collect();
    errors.extend(parse_errors);
    errors.sort_by_key(|d| d.primary_span().map_or(0, |s| s.start));
    ParseResult { module, errors }
}

/// The byte offset of the first `----` run followed by `MODULE`.
fn find_header(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(off) = text.get(i..).and_then(|s| s.find("----")) {
        let dash = i + off;
        let mut j = dash;
        while j < bytes.len() && bytes[j] == b'-' {
            j += 1;
        }
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if bytes[j..].starts_with(b"MODULE")
            && !bytes
                .get(j + 6)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        {
            return Some(dash);
        }
        i = j.max(dash + 1);
    }
    None
}
