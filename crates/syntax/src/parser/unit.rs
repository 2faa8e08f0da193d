//! Module-level units: operator, function and module definitions, VARIABLE, CONSTANT and
//! RECURSIVE declarations, INSTANCE, ASSUME; and the lookahead that recognises where a unit
//! starts (used for error recovery and to end proofs).

use crate::ast::{
    Assume, ConstDecl, Expr, FnDef, Ident, Instance, ModuleDef, OpDef, OpParam, Unit,
};
use crate::ops;
use crate::token::Tok;

use super::Parser;

/// Keywords that begin a unit.
const UNIT_KEYWORDS: &[&str] = &[
    "VARIABLE",
    "VARIABLES",
    "CONSTANT",
    "CONSTANTS",
    "LOCAL",
    "RECURSIVE",
    "INSTANCE",
    "ASSUME",
    "ASSUMPTION",
    "AXIOM",
    "THEOREM",
    "LEMMA",
    "PROPOSITION",
    "COROLLARY",
    "USE",
    "HIDE",
    "EXTENDS",
];

/// The name of a symbolic operator (`+`, `-.`, `^+`) written at `span`.
fn op_ident(op: &str, span: source::Span) -> Ident {
    Ident {
        name: op.to_string(),
        span,
    }
}

/// A parameter that takes no arguments.
fn plain_param(name: Ident) -> OpParam {
    OpParam { name, arity: 0 }
}

/// Whether `tok` is a user-definable prefix operator symbol in a definition head.
fn prefix_def_symbol(tok: &Tok) -> Option<&'static str> {
    match tok {
        Tok::Sym("-." | "-") => Some("-."),
        Tok::Sym(s) if ops::prefix(s).is_some() => Some(s),
        _ => None,
    }
}

fn infix_symbol(tok: &Tok) -> Option<&'static str> {
    match tok {
        Tok::Sym(s) if ops::infix(s).is_some() => Some(s),
        _ => None,
    }
}

fn postfix_symbol(tok: &Tok) -> Option<&'static str> {
    match tok {
        Tok::Sym(s) if ops::postfix(s).is_some() => Some(s),
        _ => None,
    }
}

impl Parser<'_> {
    /// Whether a definition head (`Op ==`, `Op(a) ==`, `f[x \in S] ==`, `a + b ==`,
    /// `-. a ==`, `a ^+ ==`, `LOCAL …`) starts at token `i` (layout rule ignored).
    pub(crate) fn is_def_header(&self, i: usize) -> bool {
        let t = |k: usize| &self.raw(i + k).tok;
        match t(0) {
            Tok::Kw("LOCAL") => true,
            Tok::Ident(_) => match t(1) {
                Tok::Sym("==") => true,
                Tok::Sym(open @ ("(" | "[")) => {
                    let close = if *open == "(" { ")" } else { "]" };
                    let mut depth = 0usize;
                    let mut k = 1;
                    while k < 400 {
                        match t(k) {
                            Tok::Sym(s) if *s == *open => depth += 1,
                            Tok::Sym(s) if *s == close => {
                                depth -= 1;
                                if depth == 0 {
                                    return t(k + 1).is_sym("==");
                                }
                            }
                            Tok::Eof | Tok::ModuleEnd | Tok::Sym("==") => return false,
                            _ => {}
                        }
                        k += 1;
                    }
                    false
                }
                other => {
                    (infix_symbol(other).is_some()
                        && matches!(t(2), Tok::Ident(_))
                        && t(3).is_sym("=="))
                        || (postfix_symbol(other).is_some() && t(2).is_sym("=="))
                }
            },
            other => {
                prefix_def_symbol(other).is_some()
                    && matches!(t(1), Tok::Ident(_))
                    && t(2).is_sym("==")
            }
        }
    }

    /// Whether a unit (declaration, definition, theorem, separator, module end) starts at
    /// token `i`.
    pub(crate) fn is_unit_start(&self, i: usize) -> bool {
        match &self.raw(i).tok {
            Tok::Kw(k) if UNIT_KEYWORDS.contains(k) => true,
            Tok::Dashes | Tok::ModuleEnd | Tok::Eof => true,
            _ => self.is_def_header(i),
        }
    }

    /// Skips to the next token that starts a line and a unit.
    pub(crate) fn sync_to_unit(&mut self) {
        loop {
            let t = self.raw(self.pos);
            if matches!(t.tok, Tok::Eof | Tok::ModuleEnd | Tok::Dashes)
                || (t.first_on_line && self.is_unit_start(self.pos))
            {
                return;
            }
            self.bump();
        }
    }

    /// One unit of a module body; `None` after an error (the caller resynchronises).
    pub(crate) fn unit(&mut self) -> Option<Unit> {
        let start = self.span();
        match self.peek() {
            Tok::Kw("VARIABLE" | "VARIABLES") => {
                self.bump();
                let mut names = Vec::new();
                loop {
                    names.push(self.expect_ident("in the VARIABLE declaration")?);
                    if !self.eat_sym(",") {
                        break;
                    }
                }
                Some(Unit::Variables(names))
            }
            Tok::Kw("CONSTANT" | "CONSTANTS") => {
                self.bump();
                Some(Unit::Constants(self.const_decls()?))
            }
            Tok::Kw("RECURSIVE") => {
                self.bump();
                Some(Unit::Recursive(self.const_decls()?))
            }
            Tok::Kw("LOCAL") => {
                self.bump();
                if self.at_kw("INSTANCE") {
                    Some(Unit::Instance(self.instance(true, start)?))
                } else {
                    self.definition(true, start)
                }
            }
            Tok::Kw("INSTANCE") => Some(Unit::Instance(self.instance(false, start)?)),
            Tok::Kw("ASSUME" | "ASSUMPTION" | "AXIOM") => {
                self.bump();
                let name = if matches!(self.peek(), Tok::Ident(_)) && self.peek_nth(1).is_sym("==")
                {
                    let n = self.expect_ident("");
                    self.bump();
                    n
                } else {
                    None
                };
                let expr = self.expr();
                let span = start.to(expr.span);
                Some(Unit::Assume(Assume { name, expr, span }))
            }
            Tok::Kw("THEOREM" | "LEMMA" | "PROPOSITION" | "COROLLARY") => Some(self.theorem()),
            Tok::Kw("USE" | "HIDE") => {
                self.bump();
                // The rest of the directive (facts, `DEF` lists) runs to the next unit.
                self.sync_to_unit();
                Some(Unit::Other(start.to(self.prev_span())))
            }
            Tok::Dashes => {
                if self.peek_nth(1).is_kw("MODULE") {
                    self.module().map(|m| Unit::Module(Box::new(m)))
                } else {
                    self.bump();
                    Some(Unit::Other(start))
                }
            }
            Tok::Kw("EXTENDS") => {
                self.error(
                    "misplaced-extends",
                    "EXTENDS must come right after the module header",
                    start,
                );
                None
            }
            _ => self.definition(false, start),
        }
    }

    /// A unit allowed in a LET: an operator, function or module definition or RECURSIVE.
    pub(crate) fn let_def(&mut self) -> Option<Unit> {
        let start = self.span();
        if self.eat_kw("RECURSIVE") {
            return Some(Unit::Recursive(self.const_decls()?));
        }
        let before = self.errors.len();
        let u = self.definition(false, start);
        if u.is_none() && self.errors.len() > before {
            // Skip to something that can follow in the LET.
            while !matches!(self.peek(), Tok::Eof | Tok::Kw("IN")) && !self.is_def_header(self.pos)
            {
                self.bump();
            }
        }
        u
    }

    /// `N, F(_, _), _ + _, -. _, _ ^+`.
    fn const_decls(&mut self) -> Option<Vec<ConstDecl>> {
        let mut out = Vec::new();
        loop {
            out.push(self.const_decl()?);
            if !self.eat_sym(",") {
                break;
            }
        }
        Some(out)
    }

    fn const_decl(&mut self) -> Option<ConstDecl> {
        match self.peek() {
            Tok::Ident(_) => {
                let (name, arity) = self.name_with_arity()?;
                Some(ConstDecl { name, arity })
            }
            Tok::Sym("_") => {
                self.bump();
                let span = self.span();
                if let Some(op) = infix_symbol(self.peek()) {
                    self.bump();
                    self.expect_sym("_", "after the infix operator in a declaration")
                        .then_some(())?;
                    return Some(ConstDecl {
                        name: op_ident(op, span),
                        arity: 2,
                    });
                }
                if let Some(op) = postfix_symbol(self.peek()) {
                    self.bump();
                    return Some(ConstDecl {
                        name: op_ident(op, span),
                        arity: 1,
                    });
                }
                self.error_expected("an infix or postfix operator after `_`");
                None
            }
            tok => {
                if let Some(op) = prefix_def_symbol(tok) {
                    let span = self.span();
                    self.bump();
                    self.expect_sym("_", "after the prefix operator in a declaration")
                        .then_some(())?;
                    return Some(ConstDecl {
                        name: op_ident(op, span),
                        arity: 1,
                    });
                }
                self.error_expected("a constant name");
                None
            }
        }
    }

    /// `F` or `F(_, _)`: a name and the number of placeholders after it (0 without parentheses).
    fn name_with_arity(&mut self) -> Option<(Ident, usize)> {
        let name = self.expect_ident("")?;
        let arity = if self.eat_sym("(") {
            self.underscores()?
        } else {
            0
        };
        Some((name, arity))
    }

    /// `_, _)` after `(`: the number of underscores.
    fn underscores(&mut self) -> Option<usize> {
        let mut n = 0;
        loop {
            if !self.expect_sym("_", "as an operator parameter placeholder") {
                return None;
            }
            n += 1;
            if !self.eat_sym(",") {
                break;
            }
        }
        self.expect_sym(")", "to close the parameter list")
            .then_some(n)
    }

    /// `INSTANCE M WITH a <- e, + <- Plus`.
    fn instance(&mut self, local: bool, start: source::Span) -> Option<Instance> {
        self.expect_kw("INSTANCE", "").then_some(())?;
        let module = self.expect_ident("as the instantiated module's name")?;
        let mut substs = Vec::new();
        if self.eat_kw("WITH") {
            loop {
                let span = self.span();
                let name = match self.peek() {
                    Tok::Ident(n) => n.clone(),
                    Tok::Sym("-") => "-.".to_string(),
                    Tok::Sym(s) if ops::canonical_static(s).is_some() => s.to_string(),
                    _ => {
                        self.error_expected("a parameter name in the WITH substitution");
                        return None;
                    }
                };
                self.bump();
                // `-. <- Neg`: the prefix minus written `-.`.
                let name = Ident { name, span };
                self.expect_sym("<-", "in the WITH substitution")
                    .then_some(())?;
                let e = self.expr();
                substs.push((name, e));
                if !self.eat_sym(",") {
                    break;
                }
            }
        }
        Some(Instance {
            local,
            module,
            substs,
            span: start.to(self.prev_span()),
        })
    }

    /// An operator parameter list after `(`: `a, F(_, _)`, up to and including `)`.
    fn params(&mut self) -> Option<Vec<OpParam>> {
        let mut out = Vec::new();
        loop {
            match self.peek() {
                Tok::Ident(_) => {
                    let (name, arity) = self.name_with_arity()?;
                    out.push(OpParam { name, arity });
                }
                Tok::Sym("_") => {
                    // `_ + _` as an operator parameter.
                    self.bump();
                    let span = self.span();
                    let op = infix_symbol(self.peek());
                    let Some(op) = op else {
                        self.error_expected("an infix operator after `_`");
                        return None;
                    };
                    self.bump();
                    self.expect_sym("_", "after the infix operator")
                        .then_some(())?;
                    out.push(OpParam {
                        name: op_ident(op, span),
                        arity: 2,
                    });
                }
                _ => {
                    self.error_expected("a parameter name");
                    return None;
                }
            }
            if !self.eat_sym(",") {
                break;
            }
        }
        self.expect_sym(")", "to close the parameter list")
            .then_some(out)
    }

    /// An operator, function or module definition (after an optional LOCAL).
    pub(crate) fn definition(&mut self, local: bool, start: source::Span) -> Option<Unit> {
        let tok = self.peek();
        let (name, params) = match tok {
            Tok::Ident(_) => match self.peek_nth(1) {
                Tok::Sym("==") => (self.expect_ident("")?, Vec::new()),
                Tok::Sym("(") => {
                    let name = self.expect_ident("")?;
                    self.bump();
                    (name, self.params()?)
                }
                Tok::Sym("[") => return self.fn_def(local, start),
                next => {
                    if let (Some(op), Tok::Ident(_)) = (infix_symbol(next), self.peek_nth(2)) {
                        let lhs = self.expect_ident("")?;
                        let span = self.span();
                        self.bump();
                        let rhs = self.expect_ident("")?;
                        (op_ident(op, span), vec![plain_param(lhs), plain_param(rhs)])
                    } else if let Some(op) = postfix_symbol(next) {
                        let arg = self.expect_ident("")?;
                        let span = self.span();
                        self.bump();
                        (op_ident(op, span), vec![plain_param(arg)])
                    } else {
                        self.bump();
                        self.error_expected("`==` to define the operator");
                        return None;
                    }
                }
            },
            other => {
                let Some(op) = prefix_def_symbol(other) else {
                    self.error_expected("a definition or declaration");
                    return None;
                };
                let span = self.span();
                self.bump();
                let arg = self.expect_ident("as the prefix operator's parameter")?;
                (op_ident(op, span), vec![plain_param(arg)])
            }
        };
        self.expect_sym("==", "to define the operator")
            .then_some(())?;
        if self.at_kw("INSTANCE") {
            let istart = self.span();
            let instance = self.instance(local, istart)?;
            let span = start.to(instance.span);
            return Some(Unit::ModuleDef(ModuleDef {
                name,
                params,
                instance,
                span,
            }));
        }
        let body: Expr = self.expr();
        let span = start.to(body.span);
        Some(Unit::OpDef(OpDef {
            local,
            name,
            params,
            body,
            span,
        }))
    }

    /// `f[x \in S, y \in T] == e`.
    fn fn_def(&mut self, local: bool, start: source::Span) -> Option<Unit> {
        let name = self.expect_ident("")?;
        self.expect_sym("[", "").then_some(())?;
        let bounds = self.bounds();
        self.expect_sym("]", "to close the function's domain")
            .then_some(())?;
        self.expect_sym("==", "to define the function")
            .then_some(())?;
        let body = self.expr();
        let span = start.to(body.span);
        Some(Unit::FnDef(FnDef {
            local,
            name,
            bounds,
            body,
            span,
        }))
    }
}
