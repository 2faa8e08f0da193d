//! The TLA+ parser: a hand-written recursive-descent parser over the lexer's tokens.
//!
//! It is strict (it reports what SANY reports: misplaced tokens, precedence conflicts) and
//! error-recovering (after an error in a definition it skips to the next line that starts a
//! definition or declaration, so one typo gives one diagnostic). The cursor honours TLA+'s
//! layout rule for junction lists: inside an item of a `/\` or `\/` list whose bullet stands at
//! column `c`, any token at column `c` or left of it is invisible ("end of item"), see
//! [`Parser::peek`].
//!
//! The parser is split by concept: [`module`] (header, units), [`unit`] (definitions and
//! declarations), [`expr`] (operators and precedence), [`primary`] (names and keyword
//! forms), [`bracket`] (sets, tuples, records, functions, bounds), [`proof`] (theorems and proofs, which are skipped).

mod bracket;
mod expr;
mod module;
mod primary;
mod proof;
mod unit;

use source::{Diagnostic, Span};

use crate::ast::{Expr, ExprKind};
use crate::token::{self, Tok, Token};

pub use module::parse_tokens;

/// Deepest nesting of expressions before the parser gives up with `nesting-too-deep`.
const MAX_DEPTH: u32 = 200;

static EOF: Tok = Tok::Eof;

/// Parser state: the tokens, a cursor and the diagnostics found so far.
pub(crate) struct Parser<'t> {
    tokens: &'t [Token],
    pos: usize,
    errors: Vec<Diagnostic>,
    /// Columns of the enclosing junction-list bullets; the innermost is last.
    limits: Vec<u32>,
    depth: u32,
    /// Set by `nesting-too-deep`: every token reads as end of file until the module loop
    /// resynchronises, so the parser unwinds at once without cascading errors.
    bail: bool,
    /// Token position of the last precedence conflict reported (reported once).
    last_conflict: Option<usize>,
}

impl<'t> Parser<'t> {
    pub(crate) fn new(tokens: &'t [Token]) -> Parser<'t> {
        Parser {
            tokens,
            pos: 0,
            errors: Vec::new(),
            limits: Vec::new(),
            depth: 0,
            last_conflict: None,
            bail: false,
        }
    }

    /// The token at index `i`, or the final end-of-file token.
    fn raw(&self, i: usize) -> &'t Token {
        let last = self.tokens.len().saturating_sub(1);
        &self.tokens[i.min(last)]
    }

    /// Whether the token at `i` is hidden by the junction layout rule.
    fn hidden(&self, i: usize) -> bool {
        if self.bail {
            return true;
        }
        match self.limits.last() {
            Some(&c) => self.raw(i).col <= c && self.raw(i).tok != Tok::Eof,
            None => false,
        }
    }

    /// The current token as the grammar sees it: end of file when the layout rule ends the
    /// current junction item here.
    fn peek(&self) -> &'t Tok {
        if self.hidden(self.pos) {
            &EOF
        } else {
            &self.raw(self.pos).tok
        }
    }

    /// The token `n` positions ahead (layout rule applied to each).
    fn peek_nth(&self, n: usize) -> &'t Tok {
        // Callers look ahead one token at a time, so checking the layout rule for the token
        // looked at is enough (and keeps long lookaheads linear).
        if self.hidden(self.pos) || self.hidden(self.pos + n) {
            &EOF
        } else {
            &self.raw(self.pos + n).tok
        }
    }

    /// The span of the current token.
    fn span(&self) -> Span {
        self.raw(self.pos).span
    }

    /// The span of the previous token (or the current one at the start).
    fn prev_span(&self) -> Span {
        if self.pos == 0 {
            self.span()
        } else {
            self.raw(self.pos - 1).span
        }
    }

    fn bump(&mut self) -> &'t Token {
        let t = self.raw(self.pos);
        if self.pos < self.tokens.len().saturating_sub(1) {
            self.pos += 1;
        }
        t
    }

    fn at_sym(&self, s: &str) -> bool {
        self.peek().is_sym(s)
    }

    fn at_kw(&self, s: &str) -> bool {
        self.peek().is_kw(s)
    }

    fn eat_sym(&mut self, s: &str) -> bool {
        if self.at_sym(s) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn eat_kw(&mut self, s: &str) -> bool {
        if self.at_kw(s) {
            self.bump();
            true
        } else {
            false
        }
    }

    /// Consumes the symbol `s` or reports what was found instead.
    fn expect_sym(&mut self, s: &str, context: &str) -> bool {
        if self.eat_sym(s) {
            true
        } else {
            self.error_expected(&format!("`{s}` {context}"));
            false
        }
    }

    /// Ends a bracketed form opened at `start`: expects the closing symbol `close` (or reports
    /// it missing, `context` saying why) and builds `kind` spanning opener to closer.
    fn closed(&mut self, start: Span, close: &str, context: &str, kind: ExprKind) -> Expr {
        let end = self.span();
        self.expect_sym(close, context);
        Expr {
            kind,
            span: start.to(end),
        }
    }

    fn expect_kw(&mut self, s: &str, context: &str) -> bool {
        if self.eat_kw(s) {
            true
        } else {
            self.error_expected(&format!("`{s}` {context}"));
            false
        }
    }

    /// Consumes an identifier.
    fn expect_ident(&mut self, context: &str) -> Option<crate::ast::Ident> {
        if let Tok::Ident(name) = self.peek() {
            let span = self.span();
            self.bump();
            Some(crate::ast::Ident {
                name: name.clone(),
                span,
            })
        } else {
            self.error_expected(&format!("an identifier {context}"));
            None
        }
    }

    /// Reports `unexpected-token`: expected `what`, found the current token.
    fn error_expected(&mut self, what: &str) {
        if self.bail {
            return;
        }
        let found = self.peek().describe();
        let found = if self.hidden(self.pos) {
            format!(
                "{} (it is left of the junction bullet, so it ends the list item)",
                self.raw(self.pos).tok.describe()
            )
        } else {
            found
        };
        let span = self.span();
        self.errors
            .push(token::unexpected_token(what, &found, span));
    }

    fn error(&mut self, code: &'static str, message: impl Into<String>, span: Span) {
        if self.bail {
            return;
        }
        self.errors.push(Diagnostic::error(code, message, span));
    }

    /// Enters one level of nesting; false (after reporting once) when too deep.
    fn enter(&mut self) -> bool {
        if self.depth >= MAX_DEPTH {
            if !self.bail {
                let span = self.span();
                self.errors.push(Diagnostic::error(
                    "nesting-too-deep",
                    format!("expression nested more than {MAX_DEPTH} levels deep"),
                    span,
                ));
            }
            self.bail = true;
            return false;
        }
        self.depth += 1;
        true
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Runs `f` with the layout rule of a junction list whose bullet is at `col`.
    fn with_limit<T>(&mut self, col: u32, f: impl FnOnce(&mut Self) -> T) -> T {
        self.limits.push(col);
        let r = f(self);
        self.limits.pop();
        r
    }
}
