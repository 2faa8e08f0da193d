//! Expressions: operator precedence (with SANY's precedence ranges), prefix and postfix
//! operators, function application, record fields, and aligned junction lists.
//!
//! The precedence rule: in `a op1 b op2 c`, `op2` binds tighter when its whole range lies
//! above `op1`'s, looser when below; overlapping ranges are a `precedence-conflict` unless
//! both are the same left-associative operator.

use crate::ast::{Expr, ExprKind, Ident, Junction};
use crate::ops::{self, OpInfo};
use crate::token::Tok;

use super::Parser;

/// The operator an operand is the right (or only) argument of.
type Enclosing = Option<&'static OpInfo>;

impl Parser<'_> {
    /// An expression, as long as possible.
    pub(crate) fn expr(&mut self) -> Expr {
        self.binary(None)
    }

    fn error_expr(&self) -> Expr {
        Expr {
            kind: ExprKind::Error,
            span: self.span(),
        }
    }

    /// An operand followed by the infix operators that bind tighter than `enclosing`.
    fn binary(&mut self, enclosing: Enclosing) -> Expr {
        if !self.enter() {
            return self.error_expr();
        }
        let mut lhs = self.operand();
        // The operator that built `lhs` in this loop, to flatten `/\`, `\/` and `\X` chains.
        let mut built_by: Option<&'static str> = None;
        let mut extra = 0;
        while let Some(op) = match self.peek() {
            Tok::Sym(sym) => ops::infix(sym),
            _ => None,
        } {
            if let Some(outer) = enclosing {
                if outer.fixity == ops::Fixity::Prefix {
                    // `SUBSET S \ T`, `UNION A \cup B`, `-a + b`: the prefix operator
                    // applies first unless the infix one lies wholly above it.
                    if op.low <= outer.high {
                        break;
                    }
                } else if outer.high < op.low {
                    // Binds tighter: take it here.
                } else if op.high < outer.low
                    || (outer.name == op.name && op.assoc == ops::Assoc::Left)
                {
                    break;
                } else {
                    let span = self.span();
                    if self.last_conflict == Some(self.pos) {
                        break;
                    }
                    self.last_conflict = Some(self.pos);
                    self.errors.push(
                        source::Diagnostic::error(
                            "precedence-conflict",
                            format!(
                                "precedence conflict between `{}` and `{}`: add parentheses",
                                outer.name, op.name
                            ),
                            span,
                        )
                        .with_label_message(format!(
                            "`{}` (precedence {}-{}) cannot follow `{}` (precedence {}-{}) without parentheses",
                            op.name, op.low, op.high, outer.name, outer.low, outer.high
                        )),
                    );
                    break;
                }
            }
            let op_span = self.span();
            let flattens = matches!(op.name, "/\\" | "\\/" | "\\X");
            if !(flattens && built_by == Some(op.name)) {
                // `a + b + c` nests to the left: each step is one more level of tree.
                if !self.enter() {
                    break;
                }
                extra += 1;
            }
            self.bump();
            let rhs = self.binary(Some(op));
            let span = lhs.span.to(rhs.span);
            let flat = built_by == Some(op.name);
            lhs = match (op.name, lhs.kind) {
                ("/\\", ExprKind::Junction(Junction::And, mut items)) if flat => {
                    items.push(rhs);
                    Expr {
                        kind: ExprKind::Junction(Junction::And, items),
                        span,
                    }
                }
                ("\\/", ExprKind::Junction(Junction::Or, mut items)) if flat => {
                    items.push(rhs);
                    Expr {
                        kind: ExprKind::Junction(Junction::Or, items),
                        span,
                    }
                }
                ("\\X", ExprKind::Times(mut items)) if flat => {
                    items.push(rhs);
                    Expr {
                        kind: ExprKind::Times(items),
                        span,
                    }
                }
                (name, kind) => {
                    let lhs = Expr {
                        kind,
                        span: lhs.span,
                    };
                    let kind = match name {
                        "/\\" => ExprKind::Junction(Junction::And, vec![lhs, rhs]),
                        "\\/" => ExprKind::Junction(Junction::Or, vec![lhs, rhs]),
                        "\\X" => ExprKind::Times(vec![lhs, rhs]),
                        _ => ExprKind::OpApp {
                            path: Vec::new(),
                            name: Ident {
                                name: name.to_string(),
                                span: op_span,
                            },
                            args: vec![lhs, rhs],
                        },
                    };
                    Expr { kind, span }
                }
            };
            built_by = Some(op.name);
        }
        for _ in 0..extra {
            self.leave();
        }
        self.leave();
        lhs
    }

    /// A prefix-operator application, a junction list, or a primary with its postfix
    /// operators.
    fn operand(&mut self) -> Expr {
        let start = self.span();
        let prefix: Option<&'static str> = match self.peek() {
            Tok::Sym("-") => Some("-."),
            Tok::Sym(s @ ("~" | "[]" | "<>" | "-.")) => Some(s),
            Tok::Kw(k @ ("ENABLED" | "UNCHANGED" | "SUBSET" | "UNION" | "DOMAIN")) => Some(k),
            Tok::Sym(b @ ("/\\" | "\\/")) => return self.junction_list(b),
            _ => None,
        };
        if let Some(name) = prefix {
            let op = ops::prefix(name).expect("every prefix symbol above is in the table");
            self.bump();
            let arg = self.binary(Some(op));
            let span = start.to(arg.span);
            return Expr {
                kind: ExprKind::OpApp {
                    path: Vec::new(),
                    name: Ident {
                        name: name.to_string(),
                        span: start,
                    },
                    args: vec![arg],
                },
                span,
            };
        }
        let e = self.primary();
        self.postfix(e)
    }

    /// Function application, record fields and postfix operators after a primary.
    pub(crate) fn postfix(&mut self, mut e: Expr) -> Expr {
        loop {
            match self.peek() {
                Tok::Sym("[") => {
                    self.bump();
                    let args = self.expr_list("]");
                    let end = self.span();
                    self.expect_sym("]", "to close the function application");
                    let span = e.span.to(end);
                    e = Expr {
                        kind: ExprKind::FnApp(Box::new(e), args),
                        span,
                    };
                }
                Tok::Sym(".") => {
                    if let Tok::Ident(field) = self.peek_nth(1) {
                        self.bump();
                        let fspan = self.span();
                        self.bump();
                        let span = e.span.to(fspan);
                        e = Expr {
                            kind: ExprKind::Dot(
                                Box::new(e),
                                Ident {
                                    name: field.clone(),
                                    span: fspan,
                                },
                            ),
                            span,
                        };
                    } else {
                        self.bump();
                        self.error_expected("a field name after `.`");
                        return e;
                    }
                }
                Tok::Sym(s @ ("'" | "^+" | "^*" | "^#")) => {
                    let span = self.span();
                    self.bump();
                    let whole = e.span.to(span);
                    e = Expr {
                        kind: ExprKind::OpApp {
                            path: Vec::new(),
                            name: Ident {
                                name: s.to_string(),
                                span,
                            },
                            args: vec![e],
                        },
                        span: whole,
                    };
                }
                _ => return e,
            }
        }
    }

    /// Comma-separated expressions up to (not including) `close`; empty if `close` comes
    /// first.
    pub(crate) fn expr_list(&mut self, close: &str) -> Vec<Expr> {
        let mut out = Vec::new();
        if self.at_sym(close) {
            return out;
        }
        loop {
            out.push(self.expr());
            if !self.eat_sym(",") {
                break;
            }
        }
        out
    }

    /// A bulleted list: `/\ a /\ b …` with every bullet in the same column.
    fn junction_list(&mut self, bullet: &'static str) -> Expr {
        let first = self.raw(self.pos);
        let col = first.col;
        let start = first.span;
        let kind = if bullet == "/\\" {
            Junction::And
        } else {
            Junction::Or
        };
        let mut items = Vec::new();
        loop {
            self.bump(); // the bullet
            let item = self.with_limit(col, |p| p.expr());
            items.push(item);
            let next = self.raw(self.pos);
            if self.hidden(self.pos) {
                // Left of an enclosing list's bullet: that list decides.
                break;
            }
            if next.tok.is_sym(bullet) && next.col == col {
                continue;
            }
            if next.col <= col
                && next.first_on_line
                && matches!(next.tok, Tok::Sym("/\\" | "\\/"))
                && next.col + 1 >= col
            {
                let span = next.span;
                self.errors.push(
                    source::Diagnostic::warning(
                        "junction-misaligned",
                        format!(
                            "this `{}` is not aligned with the list's bullets (column {}); it is read as an infix operator",
                            match &next.tok { Tok::Sym(s) => s, _ => "" },
                            col + 1
                        ),
                        span,
                    )
                    .with_secondary(start, "the list starts here"),
                );
            }
            break;
        }
        let end = items.last().map_or(start, |e| e.span);
        Expr {
            kind: ExprKind::Junction(kind, items),
            span: start.to(end),
        }
    }
}
