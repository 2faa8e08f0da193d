//! Theorems and their TLAPS proofs, and the USE/HIDE directives: recognised and skipped.
//!
//! A model checker needs none of them, but specs interleave them with definitions, so the
//! skipping must stop exactly where the next unit begins. A theorem (statement and proof)
//! extends up to the first token that starts a line, stands at or left of the theorem
//! keyword's column and starts a unit (a declaration, a definition head, a theorem, a
//! separator, the module end). Proof steps (`<1>2.`, `BY`, `QED`, `DEFINE` …) never start such
//! a line: a step begins with its label, and definitions inside proofs are indented.

use crate::ast::{Ident, Theorem, Unit};
use crate::token::Tok;

use super::Parser;

impl Parser<'_> {
    /// `THEOREM [Name ==] statement [proof]`.
    pub(crate) fn theorem(&mut self) -> Unit {
        let start = self.span();
        let col = self.raw(self.pos).col;
        let keyword_pos = self.pos;
        self.bump();
        let mut name: Option<Ident> = None;
        if let Tok::Ident(n) = self.peek() {
            if self.peek_nth(1).is_sym("==") {
                name = Some(Ident {
                    name: n.clone(),
                    span: self.span(),
                });
                self.bump();
                self.bump();
            }
        }
        loop {
            let t = self.raw(self.pos);
            match &t.tok {
                Tok::Eof | Tok::ModuleEnd | Tok::Dashes => break,
                Tok::Kw("ASSUME") => {
                    // `THEOREM T == ASSUME … PROVE …` or `SUFFICES ASSUME`: part of the
                    // theorem. A top-level ASSUME ends it.
                    let prev = &self.raw(self.pos.saturating_sub(1)).tok;
                    let inside = self.pos == keyword_pos + 1
                        || prev.is_sym("==")
                        || prev.is_sym(",")
                        || prev.is_sym("(")
                        || matches!(prev, Tok::Step(_))
                        || prev.is_word("SUFFICES")
                        || prev.is_word("PROOF");
                    if t.first_on_line && t.col <= col && !inside {
                        break;
                    }
                }
                _ if t.first_on_line && t.col <= col && self.is_unit_start(self.pos) => break,
                _ => {}
            }
            self.bump();
        }
        let end = if self.pos > keyword_pos {
            self.prev_span()
        } else {
            start
        };
        Unit::Theorem(Theorem {
            name,
            span: start.to(end),
        })
    }
}
