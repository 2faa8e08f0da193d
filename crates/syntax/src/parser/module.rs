//! Modules: the `---- MODULE Name ----` header, `EXTENDS`, the body's units with error
//! recovery between them, and the closing `====`.

use source::Diagnostic;

use crate::ast::{Ident, Module};
use crate::token::{Tok, Token};

use super::Parser;

/// Parses a module from tokens that start at its header. Returns the module (if a header was
/// found), the diagnostics, and the byte offset where the module's closing `====` ends (if
/// it was closed).
pub fn parse_tokens(tokens: &[Token]) -> (Option<Module>, Vec<Diagnostic>, Option<u32>) {
    let mut p = Parser::new(tokens);
    let m = p.module();
    let closed = p.pos > 0 && matches!(p.raw(p.pos - 1).tok, Tok::ModuleEnd);
    let end = closed.then(|| p.prev_span().end);
    (m, p.errors, end)
}

impl Parser<'_> {
    /// `---- MODULE Name ---- EXTENDS … units ====`.
    pub(crate) fn module(&mut self) -> Option<Module> {
        let start = self.span();
        if !matches!(self.peek(), Tok::Dashes) || !self.peek_nth(1).is_kw("MODULE") {
            self.error_expected("a module header `---- MODULE Name ----`");
            return None;
        }
        if !self.enter() {
            return None;
        }
        self.bump();
        self.bump();
        let name = match self.expect_ident("as the module name") {
            Some(n) => n,
            None => Ident {
                name: String::new(),
                span: self.span(),
            },
        };
        if !matches!(self.peek(), Tok::Dashes) {
            self.error_expected("`----` after the module name");
        } else {
            self.bump();
        }
        let mut extends = Vec::new();
        if self.eat_kw("EXTENDS") {
            while let Some(i) = self.expect_ident("as an extended module's name") {
                extends.push(i);
                if !self.eat_sym(",") {
                    break;
                }
            }
        }
        let mut units = Vec::new();
        loop {
            match self.peek() {
                Tok::ModuleEnd => {
                    self.bump();
                    break;
                }
                Tok::Eof => {
                    let span = self.span();
                    self.errors.push(
                        Diagnostic::error(
                            "missing-module-end",
                            format!(
                                "module `{}` is not closed: expected `====` before the end of file",
                                name.name
                            ),
                            span,
                        )
                        .with_secondary(start, "the module starts here"),
                    );
                    break;
                }
                _ => {}
            }
            let before_pos = self.pos;
            let before_errors = self.errors.len();
            if let Some(u) = self.unit() {
                units.push(u);
            }
            // After `nesting-too-deep` the parser unwound without reading further.
            self.bail = false;
            let failed = self.errors.len() > before_errors;
            if !failed && !self.is_unit_start(self.pos) {
                self.error_expected("a definition or declaration (or `====` to end the module)");
            }
            if failed || !self.is_unit_start(self.pos) {
                if self.pos == before_pos {
                    self.bump();
                }
                self.sync_to_unit();
            }
            if self.pos == before_pos {
                self.bump();
            }
        }
        self.leave();
        Some(Module {
            name,
            extends,
            units,
            span: start.to(self.prev_span()),
        })
    }
}
