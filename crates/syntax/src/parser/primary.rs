//! Primary expressions: names and qualified names, literals, and every bracketed or
//! keyword-introduced form (sets, tuples, records, functions, EXCEPT, actions, IF, CASE, LET,
//! quantifiers, CHOOSE, LAMBDA, fairness).

use crate::ast::{CaseArm, Expr, ExprKind, Ident, PathSeg, Quantifier};
use crate::token::Tok;

use super::Parser;

fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}

impl Parser<'_> {
    /// A primary expression (no prefix operators, no postfix chain).
    pub(crate) fn primary(&mut self) -> Expr {
        if !self.enter() {
            let span = self.span();
            return Expr {
                kind: ExprKind::Error,
                span,
            };
        }
        let e = self.primary_inner();
        self.leave();
        e
    }

    fn primary_inner(&mut self) -> Expr {
        let start = self.span();
        let lit = |kind| Expr { kind, span: start };
        match self.peek() {
            Tok::Ident(_) if self.raw(self.pos).first_on_line && self.is_def_header(self.pos) => {
                // `A == x +` followed by `B == …`: the next definition, not an operand.
                self.error_expected("an expression");
                Expr {
                    kind: ExprKind::Error,
                    span: start,
                }
            }
            Tok::Ident(_) => self.name_expr(),
            Tok::Num(n) => {
                self.bump();
                lit(ExprKind::Num(n.clone()))
            }
            Tok::Decimal(n) => {
                self.bump();
                lit(ExprKind::Decimal(n.clone()))
            }
            Tok::Str(s) => {
                self.bump();
                lit(ExprKind::Str(s.clone()))
            }
            Tok::Kw("TRUE") => {
                self.bump();
                lit(ExprKind::Bool(true))
            }
            Tok::Kw("FALSE") => {
                self.bump();
                lit(ExprKind::Bool(false))
            }
            Tok::Sym("@") => {
                self.bump();
                lit(ExprKind::At)
            }
            Tok::Sym("(") => {
                self.bump();
                let inner = self.expr();
                self.closed(
                    start,
                    ")",
                    "to close the parenthesis",
                    ExprKind::Paren(bx(inner)),
                )
            }
            Tok::Sym("{") => self.braces(),
            Tok::Sym("<<") => self.angle(),
            Tok::Sym("[") => self.bracket(),
            Tok::Kw("IF") => self.if_expr(),
            Tok::Kw("CASE") => self.case_expr(),
            Tok::Kw("LET") => self.let_expr(),
            Tok::Kw("CHOOSE") => {
                self.bump();
                let bound = self.bound(true);
                let body = self.body_after_colon("after the CHOOSE bound");
                let span = start.to(body.span);
                Expr {
                    kind: ExprKind::Choose(Box::new(bound), bx(body)),
                    span,
                }
            }
            Tok::Kw("LAMBDA") => {
                self.bump();
                let mut params = Vec::new();
                while let Some(i) = self.expect_ident("as a LAMBDA parameter") {
                    params.push(i);
                    if !self.eat_sym(",") {
                        break;
                    }
                }
                let body = self.body_after_colon("after the LAMBDA parameters");
                let span = start.to(body.span);
                Expr {
                    kind: ExprKind::Lambda(params, bx(body)),
                    span,
                }
            }
            Tok::Sym(q @ ("\\A" | "\\E")) => {
                let q = if *q == "\\A" {
                    Quantifier::Forall
                } else {
                    Quantifier::Exists
                };
                self.bump();
                let bounds = self.bounds();
                let body = self.body_after_colon("after the quantifier bounds");
                let span = start.to(body.span);
                Expr {
                    kind: ExprKind::Quant(q, bounds, bx(body)),
                    span,
                }
            }
            Tok::Sym(q @ ("\\AA" | "\\EE")) => {
                let q = if *q == "\\AA" {
                    Quantifier::Forall
                } else {
                    Quantifier::Exists
                };
                self.bump();
                let mut names = Vec::new();
                while let Some(i) = self.expect_ident("after a temporal quantifier") {
                    names.push(i);
                    if !self.eat_sym(",") {
                        break;
                    }
                }
                let body = self.body_after_colon("after the temporal quantifier's variables");
                let span = start.to(body.span);
                Expr {
                    kind: ExprKind::TemporalQuant(q, names, bx(body)),
                    span,
                }
            }
            Tok::Wf | Tok::Sf => {
                let weak = matches!(self.peek(), Tok::Wf);
                self.bump();
                let sub = self.subscript();
                self.expect_sym("(", "after the fairness subscript");
                let action = self.expr();
                let end = self.span();
                self.expect_sym(")", "to close the fairness condition");
                let span = start.to(end);
                let kind = if weak {
                    ExprKind::WeakFair(bx(sub), bx(action))
                } else {
                    ExprKind::StrongFair(bx(sub), bx(action))
                };
                Expr { kind, span }
            }
            _ => {
                self.error_expected("an expression");
                Expr {
                    kind: ExprKind::Error,
                    span: start,
                }
            }
        }
    }

    /// `: body` of a binder; an error expression (and no further parsing) when `:` is
    /// missing.
    fn body_after_colon(&mut self, context: &str) -> Expr {
        if self.expect_sym(":", context) {
            self.expr()
        } else {
            Expr {
                kind: ExprKind::Error,
                span: self.span(),
            }
        }
    }

    /// A name, possibly applied, qualified (`M!Op`, `M(x)!Op(y)`) or labelled (`l:: e`).
    fn name_expr(&mut self) -> Expr {
        let start = self.span();
        let mut path = Vec::new();
        loop {
            let Some(name) = self.expect_ident("") else {
                return Expr {
                    kind: ExprKind::Error,
                    span: start,
                };
            };
            let mut args = Vec::new();
            if self.at_sym("(") {
                self.bump();
                args = self.arg_list();
                self.expect_sym(")", "to close the argument list");
            }
            if self.at_sym("!") {
                // Positional subexpression selectors: `Inv!2`, `Thm!:`, `Op!<<`, `Op!@`.
                let selector = match self.peek_nth(1) {
                    Tok::Num(n) => Some(n.clone()),
                    Tok::Sym(s @ (":" | "<<" | ">>" | "@")) => Some(s.to_string()),
                    _ => None,
                };
                if let Some(sel) = selector {
                    self.bump();
                    let span = self.span();
                    self.bump();
                    path.push(PathSeg { name, args });
                    if self.at_sym("!") {
                        path.push(PathSeg {
                            name: Ident { name: sel, span },
                            args: Vec::new(),
                        });
                        self.bump();
                        if matches!(self.peek(), Tok::Ident(_)) {
                            continue;
                        }
                        self.error_expected("a name after `!`");
                        return Expr {
                            kind: ExprKind::Error,
                            span: start.to(self.prev_span()),
                        };
                    }
                    return Expr {
                        kind: ExprKind::OpApp {
                            path,
                            name: Ident { name: sel, span },
                            args: Vec::new(),
                        },
                        span: start.to(self.prev_span()),
                    };
                }
                if let Tok::Ident(_) = self.peek_nth(1) {
                    self.bump();
                    path.push(PathSeg { name, args });
                    continue;
                }
                if let Tok::Sym(op) = self.peek_nth(1) {
                    if crate::ops::infix(op).is_some() || crate::ops::prefix(op).is_some() {
                        // `M!+(a, b)`: an operator symbol of an instance.
                        self.bump();
                        path.push(PathSeg { name, args });
                        let span = self.span();
                        self.bump();
                        let mut args = Vec::new();
                        if self.eat_sym("(") {
                            args = self.expr_list(")");
                            self.expect_sym(")", "to close the argument list");
                        }
                        return Expr {
                            kind: ExprKind::OpApp {
                                path,
                                name: Ident {
                                    name: op.to_string(),
                                    span,
                                },
                                args,
                            },
                            span: start.to(self.prev_span()),
                        };
                    }
                }
            }
            if path.is_empty() && self.at_sym("::") {
                self.bump();
                let body = self.expr();
                let span = start.to(body.span);
                return Expr {
                    kind: ExprKind::Label(name, bx(body)),
                    span,
                };
            }
            return Expr {
                kind: ExprKind::OpApp { path, name, args },
                span: start.to(self.prev_span()),
            };
        }
    }

    /// Arguments of an operator application up to `)`: expressions, or bare operator
    /// symbols passed to a higher-order operator (`FoldSet(+, 0, S)`).
    fn arg_list(&mut self) -> Vec<Expr> {
        let mut out = Vec::new();
        if self.at_sym(")") {
            return out;
        }
        loop {
            let bare = match self.peek() {
                Tok::Sym(s) if self.peek_nth(1).is_sym(",") || self.peek_nth(1).is_sym(")") => {
                    crate::ops::canonical_static(s).filter(|_| *s != "'")
                }
                _ => None,
            };
            match bare {
                Some(op) => {
                    let span = self.span();
                    self.bump();
                    out.push(Expr {
                        kind: ExprKind::OpApp {
                            path: Vec::new(),
                            name: Ident {
                                name: op.to_string(),
                                span,
                            },
                            args: Vec::new(),
                        },
                        span,
                    });
                }
                None => out.push(self.expr()),
            }
            if !self.eat_sym(",") {
                break;
            }
        }
        out
    }

    /// The subscript of `[A]_v`, `<<A>>_v`, `WF_v(A)`: a name, a tuple or a parenthesised
    /// expression.
    pub(crate) fn subscript(&mut self) -> Expr {
        match self.peek() {
            Tok::Ident(_) => {
                let start = self.span();
                let mut path = Vec::new();
                let mut name = self.expect_ident("").expect("peeked an identifier");
                while self.at_sym("!") && matches!(self.peek_nth(1), Tok::Ident(_)) {
                    self.bump();
                    path.push(PathSeg {
                        name,
                        args: Vec::new(),
                    });
                    name = self.expect_ident("").expect("peeked an identifier");
                }
                Expr {
                    kind: ExprKind::OpApp {
                        path,
                        name,
                        args: Vec::new(),
                    },
                    span: start.to(self.prev_span()),
                }
            }
            Tok::Sym("<<" | "(") => self.primary(),
            _ => {
                self.error_expected("a subscript (a name, a tuple or a parenthesised expression)");
                Expr {
                    kind: ExprKind::Error,
                    span: self.span(),
                }
            }
        }
    }

    fn if_expr(&mut self) -> Expr {
        let start = self.span();
        self.bump();
        let c = self.expr();
        let error = |p: &Self| Expr {
            kind: ExprKind::Error,
            span: p.span(),
        };
        // A missing keyword ends the IF at once: parsing on would only cascade errors.
        let a = if self.expect_kw("THEN", "after the IF condition") {
            self.expr()
        } else {
            error(self)
        };
        let b = if a.kind != ExprKind::Error && self.expect_kw("ELSE", "after the THEN branch") {
            self.expr()
        } else {
            error(self)
        };
        let span = start.to(b.span);
        Expr {
            kind: ExprKind::If(bx(c), bx(a), bx(b)),
            span,
        }
    }

    fn case_expr(&mut self) -> Expr {
        let start = self.span();
        self.bump();
        let mut arms = Vec::new();
        let mut other = None;
        loop {
            if self.eat_kw("OTHER") {
                self.expect_sym("->", "after OTHER");
                other = Some(bx(self.expr()));
                break;
            }
            let guard = self.expr();
            if !self.expect_sym("->", "after the CASE guard") {
                break;
            }
            let body = self.expr();
            arms.push(CaseArm { guard, body });
            if !self.eat_sym("[]") {
                break;
            }
        }
        let end = self.prev_span();
        Expr {
            kind: ExprKind::Case(arms, other),
            span: start.to(end),
        }
    }

    fn let_expr(&mut self) -> Expr {
        let start = self.span();
        self.bump();
        let mut defs = Vec::new();
        while !self.at_kw("IN") {
            let before = self.pos;
            match self.let_def() {
                Some(u) => defs.push(u),
                None => {
                    if self.pos == before {
                        break;
                    }
                }
            }
        }
        if defs.is_empty() {
            self.error_expected("a definition after LET");
        }
        self.expect_kw("IN", "after the LET definitions");
        let body = self.expr();
        let span = start.to(body.span);
        Expr {
            kind: ExprKind::Let(defs, bx(body)),
            span,
        }
    }
}
