//! A compact S-expression rendering of the syntax tree, for snapshot tests and debugging.
//!
//! Spans are left out so that snapshots only change when the tree's shape changes. One unit
//! per line; expressions on one line.

use std::fmt::Write;

use crate::ast::*;

/// Renders a module: its name, EXTENDS, then one line per unit.
pub fn dump(module: &Module) -> String {
    let mut out = String::new();
    dump_module(&mut out, module, 0);
    out
}

/// Renders one expression.
pub fn dump_expr(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e);
    out
}

fn dump_module(out: &mut String, m: &Module, indent: usize) {
    let pad = "  ".repeat(indent);
    let _ = write!(out, "{pad}(module {}", m.name.name);
    if !m.extends.is_empty() {
        let names: Vec<&str> = m.extends.iter().map(|i| i.name.as_str()).collect();
        let _ = write!(out, " (extends {})", names.join(" "));
    }
    out.push('\n');
    for u in &m.units {
        unit(out, u, indent + 1);
    }
    let _ = writeln!(out, "{pad})");
}

fn decls(out: &mut String, ds: &[ConstDecl]) {
    for d in ds {
        if d.arity == 0 {
            let _ = write!(out, " {}", d.name.name);
        } else {
            let _ = write!(out, " {}/{}", d.name.name, d.arity);
        }
    }
}

fn params(out: &mut String, ps: &[OpParam]) {
    if ps.is_empty() {
        return;
    }
    out.push_str(" (");
    for (i, p) in ps.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&p.name.name);
        if p.arity > 0 {
            let _ = write!(out, "/{}", p.arity);
        }
    }
    out.push(')');
}

fn instance(out: &mut String, i: &Instance) {
    let _ = write!(
        out,
        "(instance{} {}",
        if i.local { " local" } else { "" },
        i.module.name
    );
    for (n, e) in &i.substs {
        let _ = write!(out, " ({} <- ", n.name);
        expr(out, e);
        out.push(')');
    }
    out.push(')');
}

fn unit(out: &mut String, u: &Unit, indent: usize) {
    let pad = "  ".repeat(indent);
    match u {
        Unit::Module(m) => {
            dump_module(out, m, indent);
            return;
        }
        _ => out.push_str(&pad),
    }
    match u {
        Unit::Variables(vs) => {
            out.push_str("(variables");
            for v in vs {
                let _ = write!(out, " {}", v.name);
            }
            out.push(')');
        }
        Unit::Constants(ds) => {
            out.push_str("(constants");
            decls(out, ds);
            out.push(')');
        }
        Unit::Recursive(ds) => {
            out.push_str("(recursive");
            decls(out, ds);
            out.push(')');
        }
        Unit::OpDef(d) => op_def(out, d),
        Unit::FnDef(d) => {
            let _ = write!(
                out,
                "(fndef{} {} ",
                if d.local { " local" } else { "" },
                d.name.name
            );
            bounds(out, &d.bounds);
            out.push(' ');
            expr(out, &d.body);
            out.push(')');
        }
        Unit::Instance(i) => instance(out, i),
        Unit::ModuleDef(d) => {
            let _ = write!(out, "(moduledef {}", d.name.name);
            params(out, &d.params);
            out.push(' ');
            instance(out, &d.instance);
            out.push(')');
        }
        Unit::Assume(a) => {
            out.push_str("(assume ");
            if let Some(n) = &a.name {
                let _ = write!(out, "{} ", n.name);
            }
            expr(out, &a.expr);
            out.push(')');
        }
        Unit::Theorem(t) => {
            out.push_str("(theorem");
            if let Some(n) = &t.name {
                let _ = write!(out, " {}", n.name);
            }
            out.push(')');
        }
        Unit::Other(_) => out.push_str("(other)"),
        Unit::Module(_) => {}
    }
    out.push('\n');
}

fn op_def(out: &mut String, d: &OpDef) {
    let _ = write!(
        out,
        "(def{} {}",
        if d.local { " local" } else { "" },
        d.name.name
    );
    params(out, &d.params);
    out.push(' ');
    expr(out, &d.body);
    out.push(')');
}

fn bounds(out: &mut String, bs: &[Bound]) {
    out.push('(');
    for (i, b) in bs.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        bound(out, b);
    }
    out.push(')');
}

fn bound(out: &mut String, b: &Bound) {
    match &b.pattern {
        BoundPattern::Names(ns) => {
            let names: Vec<&str> = ns.iter().map(|i| i.name.as_str()).collect();
            out.push_str(&names.join(","));
        }
        BoundPattern::Tuple(ns) => {
            let names: Vec<&str> = ns.iter().map(|i| i.name.as_str()).collect();
            let _ = write!(out, "<<{}>>", names.join(","));
        }
    }
    if let Some(s) = &b.set {
        out.push_str(" \\in ");
        expr(out, s);
    }
}

fn list(out: &mut String, head: &str, es: &[Expr]) {
    out.push('(');
    out.push_str(head);
    for e in es {
        out.push(' ');
        expr(out, e);
    }
    out.push(')');
}

fn expr(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::OpApp { path, name, args } => {
            let mut head = String::new();
            for seg in path {
                head.push_str(&seg.name.name);
                if !seg.args.is_empty() {
                    let args: Vec<String> = seg.args.iter().map(dump_expr).collect();
                    let _ = write!(head, "({})", args.join(", "));
                }
                head.push('!');
            }
            head.push_str(&name.name);
            if path.is_empty() && args.is_empty() {
                out.push_str(&head);
            } else {
                list(out, &head, args);
            }
        }
        ExprKind::Num(n) => out.push_str(n),
        ExprKind::Decimal(n) => out.push_str(n),
        ExprKind::Str(s) => {
            let _ = write!(out, "{s:?}");
        }
        ExprKind::Bool(b) => out.push_str(if *b { "TRUE" } else { "FALSE" }),
        ExprKind::SetEnum(es) => list(out, "set", es),
        ExprKind::SetFilter { bound: b, pred } => {
            out.push_str("(filter ");
            bound(out, b);
            out.push(' ');
            expr(out, pred);
            out.push(')');
        }
        ExprKind::SetMap { body, bounds: bs } => {
            out.push_str("(map ");
            expr(out, body);
            out.push(' ');
            bounds(out, bs);
            out.push(')');
        }
        ExprKind::Tuple(es) => list(out, "tuple", es),
        ExprKind::Times(es) => list(out, "times", es),
        ExprKind::Record(fs) | ExprKind::RecordSet(fs) => {
            let head = if matches!(e.kind, ExprKind::Record(_)) {
                "record"
            } else {
                "recordset"
            };
            let _ = write!(out, "({head}");
            for (n, v) in fs {
                let _ = write!(out, " ({} ", n.name);
                expr(out, v);
                out.push(')');
            }
            out.push(')');
        }
        ExprKind::FnCons { bounds: bs, body } => {
            out.push_str("(fn ");
            bounds(out, bs);
            out.push(' ');
            expr(out, body);
            out.push(')');
        }
        ExprKind::FnSet(a, b) => list2(out, "fnset", a, b),
        ExprKind::FnApp(f, args) => {
            out.push_str("(app ");
            expr(out, f);
            for a in args {
                out.push(' ');
                expr(out, a);
            }
            out.push(')');
        }
        ExprKind::Dot(r, f) => {
            out.push_str("(dot ");
            expr(out, r);
            let _ = write!(out, " {})", f.name);
        }
        ExprKind::Except(f, clauses) => {
            out.push_str("(except ");
            expr(out, f);
            for c in clauses {
                out.push_str(" (");
                for k in &c.path {
                    match k {
                        ExceptKey::Index(i) => {
                            out.push('[');
                            expr(out, i);
                            out.push(']');
                        }
                        ExceptKey::Field(n) => {
                            let _ = write!(out, ".{}", n.name);
                        }
                    }
                }
                out.push(' ');
                expr(out, &c.value);
                out.push(')');
            }
            out.push(')');
        }
        ExprKind::At => out.push('@'),
        ExprKind::If(c, a, b) => {
            out.push_str("(if ");
            expr(out, c);
            out.push(' ');
            expr(out, a);
            out.push(' ');
            expr(out, b);
            out.push(')');
        }
        ExprKind::Case(arms, other) => {
            out.push_str("(case");
            for a in arms {
                out.push_str(" (");
                expr(out, &a.guard);
                out.push(' ');
                expr(out, &a.body);
                out.push(')');
            }
            if let Some(o) = other {
                out.push_str(" (other ");
                expr(out, o);
                out.push(')');
            }
            out.push(')');
        }
        ExprKind::Let(defs, body) => {
            out.push_str("(let (");
            for (i, d) in defs.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                let mut s = String::new();
                unit(&mut s, d, 0);
                out.push_str(s.trim_end());
            }
            out.push_str(") ");
            expr(out, body);
            out.push(')');
        }
        ExprKind::Quant(q, bs, body) => {
            out.push_str(match q {
                Quantifier::Forall => "(forall ",
                Quantifier::Exists => "(exists ",
            });
            bounds(out, bs);
            out.push(' ');
            expr(out, body);
            out.push(')');
        }
        ExprKind::TemporalQuant(q, names, body) => {
            out.push_str(match q {
                Quantifier::Forall => "(AA (",
                Quantifier::Exists => "(EE (",
            });
            let names: Vec<&str> = names.iter().map(|i| i.name.as_str()).collect();
            out.push_str(&names.join(" "));
            out.push_str(") ");
            expr(out, body);
            out.push(')');
        }
        ExprKind::Choose(b, body) => {
            out.push_str("(choose ");
            bound(out, b);
            out.push(' ');
            expr(out, body);
            out.push(')');
        }
        ExprKind::Junction(j, items) => list(
            out,
            match j {
                Junction::And => "and",
                Junction::Or => "or",
            },
            items,
        ),
        ExprKind::BoxAction(a, v) => list2(out, "box-action", a, v),
        ExprKind::AngleAction(a, v) => list2(out, "angle-action", a, v),
        ExprKind::WeakFair(v, a) => list2(out, "WF", v, a),
        ExprKind::StrongFair(v, a) => list2(out, "SF", v, a),
        ExprKind::Lambda(ps, body) => {
            let names: Vec<&str> = ps.iter().map(|i| i.name.as_str()).collect();
            let _ = write!(out, "(lambda ({}) ", names.join(" "));
            expr(out, body);
            out.push(')');
        }
        ExprKind::Label(l, body) => {
            let _ = write!(out, "(label {} ", l.name);
            expr(out, body);
            out.push(')');
        }
        ExprKind::Paren(inner) => {
            out.push_str("(paren ");
            expr(out, inner);
            out.push(')');
        }
        ExprKind::Error => out.push_str("<error>"),
    }
}

fn list2(out: &mut String, head: &str, a: &Expr, b: &Expr) {
    let _ = write!(out, "({head} ");
    expr(out, a);
    out.push(' ');
    expr(out, b);
    out.push(')');
}
