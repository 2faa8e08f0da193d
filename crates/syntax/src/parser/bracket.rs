//! Bracketed forms and bounds: sets (`{a, b}`, filters, maps), tuples and angle actions,
//! everything that starts with `[` (records, record sets, functions, function sets, EXCEPT,
//! `[A]_v`), and the bound lists of quantifiers, set constructors and functions.
//!
//! The form of a bracket is decided without backtracking: `[x \in S |->` is recognised by
//! looking ahead over plain tokens, `{x \in S : P}` by the shape of the expression before
//! the `:`. (Speculative parsing would be exponential on nested sets.)

use crate::ast::{Bound, BoundPattern, ExceptClause, ExceptKey, Expr, ExprKind, Ident};
use crate::token::Tok;

use super::Parser;

fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}

impl Parser<'_> {
    /// Whether a bound list starts here: `x, y \in`, `<<a, b>> \in`.
    fn looks_like_bound(&self) -> bool {
        const MAX_NAMES: usize = 64;
        if self.peek_nth(0).is_sym("<<") {
            let Some(k) = self.scan_names(1, 2 * MAX_NAMES) else {
                return false;
            };
            return self.peek_nth(k).is_sym(">>") && self.peek_nth(k + 1).is_sym("\\in");
        }
        self.scan_names(0, usize::MAX)
            .is_some_and(|k| self.peek_nth(k).is_sym("\\in"))
    }

    /// Looks ahead over names separated by commas, `a, b, c`, from token `k` on (a name past
    /// token `limit` is not looked at): the position after the last name, or `None` where a
    /// name is missing.
    fn scan_names(&self, mut k: usize, limit: usize) -> Option<usize> {
        loop {
            if k > limit || !matches!(self.peek_nth(k), Tok::Ident(_)) {
                return None;
            }
            k += 1;
            if self.peek_nth(k).is_sym(",") {
                k += 1;
            } else {
                return Some(k);
            }
        }
    }

    /// One bound: `x \in S`, `x, y \in S`, `<<a, b>> \in S`, or (if `single`) one name
    /// possibly without a set. Without `single`, several names may share the set.
    pub(crate) fn bound(&mut self, single: bool) -> Bound {
        let pattern = if self.eat_sym("<<") {
            let mut names = Vec::new();
            while let Some(i) = self.expect_ident("in a tuple pattern") {
                names.push(i);
                if !self.eat_sym(",") {
                    break;
                }
            }
            self.expect_sym(">>", "to close the tuple pattern");
            BoundPattern::Tuple(names)
        } else {
            let mut names = Vec::new();
            while let Some(i) = self.expect_ident("to bind") {
                names.push(i);
                if single || !(self.at_sym(",") && matches!(self.peek_nth(1), Tok::Ident(_))) {
                    break;
                }
                self.bump();
            }
            BoundPattern::Names(names)
        };
        let set = if self.eat_sym("\\in") {
            Some(self.expr())
        } else {
            None
        };
        Bound { pattern, set }
    }

    /// A comma-separated bound list `x \in S, y, z \in T, <<a, b>> \in U` or unbounded
    /// `x, y`.
    pub(crate) fn bounds(&mut self) -> Vec<Bound> {
        let mut out = Vec::new();
        loop {
            out.push(self.bound(false));
            if self.at_sym(",") && matches!(self.peek_nth(1), Tok::Ident(_) | Tok::Sym("<<")) {
                self.bump();
            } else {
                break;
            }
        }
        out
    }

    /// `{}`, `{a, b}`, `{x \in S : P}`, `{e : x \in S}`.
    pub(crate) fn braces(&mut self) -> Expr {
        let start = self.span();
        self.bump();
        let close = |p: &mut Self, kind| p.closed(start, "}", "to close the set", kind);
        if self.at_sym("}") {
            return close(self, ExprKind::SetEnum(Vec::new()));
        }
        let first = self.expr();
        if self.eat_sym(":") {
            // `{x \in S : P}` reads as a filter: the part before `:` is a membership test of
            // a name (or a tuple of names).
            let first = match filter_bound(first) {
                Ok(bound) => {
                    let pred = self.expr();
                    return close(
                        self,
                        ExprKind::SetFilter {
                            bound: Box::new(bound),
                            pred: bx(pred),
                        },
                    );
                }
                Err(e) => e,
            };
            let bounds = self.bounds();
            return close(
                self,
                ExprKind::SetMap {
                    body: bx(first),
                    bounds,
                },
            );
        }
        let mut items = vec![first];
        while self.eat_sym(",") {
            items.push(self.expr());
        }
        close(self, ExprKind::SetEnum(items))
    }

    /// `<<a, b>>` or `<<A>>_v`.
    pub(crate) fn angle(&mut self) -> Expr {
        let start = self.span();
        self.bump();
        let items = self.expr_list(">>");
        let end = self.span();
        if self.eat_sym(">>_") {
            let sub = self.subscript();
            let span = start.to(sub.span);
            let mut items = items;
            if items.len() != 1 {
                self.error(
                    "unexpected-token",
                    "an angle action `<<A>>_v` takes exactly one action",
                    start.to(end),
                );
            }
            let action = items.pop().unwrap_or(Expr {
                kind: ExprKind::Error,
                span: start,
            });
            return Expr {
                kind: ExprKind::AngleAction(bx(action), bx(sub)),
                span,
            };
        }
        self.closed(start, ">>", "to close the tuple", ExprKind::Tuple(items))
    }

    /// Everything that starts with `[`: records, record sets, functions, function sets,
    /// EXCEPT, and `[A]_v`.
    pub(crate) fn bracket(&mut self) -> Expr {
        let start = self.span();
        self.bump();
        let finish = |p: &mut Self, kind| p.closed(start, "]", "to close the bracket", kind);
        if matches!(self.peek(), Tok::Ident(_)) && self.peek_nth(1).is_sym("|->") {
            let fields = self.fields("|->");
            return finish(self, ExprKind::Record(fields));
        }
        if matches!(self.peek(), Tok::Ident(_)) && self.peek_nth(1).is_sym(":") {
            let fields = self.fields(":");
            return finish(self, ExprKind::RecordSet(fields));
        }
        if self.looks_like_bound() {
            let bounds = self.bounds();
            if self.eat_sym("|->") {
                let body = self.expr();
                return finish(
                    self,
                    ExprKind::FnCons {
                        bounds,
                        body: bx(body),
                    },
                );
            }
            if self.at_sym("]_") {
                // `[x \in S]_v`: an action that is a membership test.
                if let Some(action) = membership(bounds) {
                    self.bump();
                    let sub = self.subscript();
                    let span = start.to(sub.span);
                    return Expr {
                        kind: ExprKind::BoxAction(bx(action), bx(sub)),
                        span,
                    };
                }
            }
            self.error_expected("`|->` after the function's bounds");
            let end = self.span();
            self.eat_sym("]");
            return Expr {
                kind: ExprKind::Error,
                span: start.to(end),
            };
        }
        let first = self.expr();
        match self.peek() {
            Tok::Sym("->") => {
                self.bump();
                let range = self.expr();
                finish(self, ExprKind::FnSet(bx(first), bx(range)))
            }
            Tok::Kw("EXCEPT") => {
                self.bump();
                let clauses = self.except_clauses();
                finish(self, ExprKind::Except(bx(first), clauses))
            }
            Tok::Sym("]_") => {
                self.bump();
                let sub = self.subscript();
                let span = start.to(sub.span);
                Expr {
                    kind: ExprKind::BoxAction(bx(first), bx(sub)),
                    span,
                }
            }
            _ => {
                self.error_expected("`->`, `EXCEPT`, `|->` or `]_` in a bracket expression");
                let end = self.span();
                self.eat_sym("]");
                Expr {
                    kind: ExprKind::Error,
                    span: start.to(end),
                }
            }
        }
    }

    /// `a |-> e, b |-> f` or `a : S, b : T`.
    fn fields(&mut self, sep: &str) -> Vec<(Ident, Expr)> {
        let mut out = Vec::new();
        while let Some(name) = self.expect_ident("as a field name") {
            self.expect_sym(sep, "after the field name");
            let e = self.expr();
            out.push((name, e));
            if !self.eat_sym(",") {
                break;
            }
        }
        out
    }

    /// `!.a[b] = e, ![c] = f` after EXCEPT.
    fn except_clauses(&mut self) -> Vec<ExceptClause> {
        let mut out = Vec::new();
        loop {
            if !self.expect_sym("!", "to start an EXCEPT clause") {
                break;
            }
            let mut path = Vec::new();
            loop {
                if self.eat_sym("[") {
                    let start = self.prev_span();
                    let mut args = self.expr_list("]");
                    let end = self.span();
                    self.expect_sym("]", "to close the EXCEPT index");
                    let key = if args.len() == 1 {
                        args.pop().expect("one element")
                    } else {
                        Expr {
                            kind: ExprKind::Tuple(args),
                            span: start.to(end),
                        }
                    };
                    path.push(ExceptKey::Index(key));
                } else if self.at_sym(".") {
                    self.bump();
                    match self.expect_ident("as a field name after `!.`") {
                        Some(f) => path.push(ExceptKey::Field(f)),
                        None => break,
                    }
                } else {
                    break;
                }
            }
            if path.is_empty() {
                self.error_expected("`[` or `.` after `!` in EXCEPT");
            }
            self.expect_sym("=", "after the EXCEPT path");
            let value = self.expr();
            out.push(ExceptClause { path, value });
            if !self.eat_sym(",") {
                break;
            }
        }
        out
    }
}

/// A bare name (no arguments, no path).
fn bare_name(e: &Expr) -> Option<&Ident> {
    match &e.kind {
        ExprKind::OpApp { path, name, args } if path.is_empty() && args.is_empty() => Some(name),
        _ => None,
    }
}

/// `x \in S` or `<<a, b>> \in S` as the bound of a set filter; the expression back if it is
/// not of that shape.
fn filter_bound(e: Expr) -> Result<Bound, Expr> {
    let pattern = match &e.kind {
        ExprKind::OpApp { path, name, args }
            if path.is_empty() && name.name == "\\in" && args.len() == 2 =>
        {
            match &args[0].kind {
                ExprKind::Tuple(items) => {
                    let names: Option<Vec<Ident>> =
                        items.iter().map(|i| bare_name(i).cloned()).collect();
                    names.map(BoundPattern::Tuple)
                }
                _ => bare_name(&args[0]).map(|n| BoundPattern::Names(vec![n.clone()])),
            }
        }
        _ => None,
    };
    match (pattern, e.kind) {
        (Some(pattern), ExprKind::OpApp { mut args, .. }) => {
            let set = args.pop().expect("two arguments checked above");
            Ok(Bound {
                pattern,
                set: Some(set),
            })
        }
        (_, kind) => Err(Expr { kind, span: e.span }),
    }
}

/// The single bound `x \in S` back as the expression `x \in S`.
fn membership(mut bounds: Vec<Bound>) -> Option<Expr> {
    if bounds.len() != 1 {
        return None;
    }
    let b = bounds.pop()?;
    let set = b.set?;
    let BoundPattern::Names(mut names) = b.pattern else {
        return None;
    };
    if names.len() != 1 {
        return None;
    }
    let n = names.pop()?;
    let span = n.span.to(set.span);
    let x = Expr {
        kind: ExprKind::OpApp {
            path: Vec::new(),
            name: n.clone(),
            args: Vec::new(),
        },
        span: n.span,
    };
    Some(Expr {
        kind: ExprKind::OpApp {
            path: Vec::new(),
            name: Ident {
                name: "\\in".to_string(),
                span: n.span,
            },
            args: vec![x, set],
        },
        span,
    })
}
