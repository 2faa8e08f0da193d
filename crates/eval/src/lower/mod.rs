//! Name resolution and lowering of the syntax tree into the IR.
//!
//! Each module is lowered once per *context*: the root context (the spec and the modules it
//! extends, whose constants and variables are the model's) and one context per `INSTANCE`
//! occurrence (whose constants and variables are replaced by the `WITH` substitutions, the
//! implicit same-name ones included). A parameterised instance `M(p) == INSTANCE X` gives
//! every operator of X the leading parameters `p`, so substitutions may mention them.
//!
//! Names are resolved innermost first: bound variables and parameters, LET definitions,
//! module-level definitions (with what EXTENDS and INSTANCE import), core operators, and
//! the standard modules. Forward references between module-level definitions are accepted
//! (which also covers `RECURSIVE`).

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use source::{Diagnostic, Span};
use syntax::ast;

use crate::builtins::{self, Builtin};
use crate::ir::{Arg, ConstId, Expr, ExprKind, OpDef, OpId, OpRef};
use crate::program::{Assumption, ConstDecl, Program, RootName};

/// What a module-level name denotes in some context.
#[derive(Clone, Debug)]
pub(crate) enum Resolved {
    /// A state variable.
    Var(u32),
    /// A declared constant of the root context, with its arity.
    Const(ConstId, u32),
    /// A user operator; `prefix` leading arguments are the context's instance parameters.
    Op { id: OpId, arity: u32, prefix: u32 },
    /// A standard operator.
    Builtin(u32, Builtin),
    /// A constant or variable of an instantiated module replaced by an expression.
    Subst(Expr),
    /// An operator constant of an instantiated module replaced by an operator.
    SubstOp(OpRef, u32),
    /// A named instance `M == INSTANCE X`; `own` parameters follow the outer prefix.
    Instance(Rc<ModScope>, u32),
}

/// The names a module defines in one context.
#[derive(Debug, Default)]
pub(crate) struct ModScope {
    names: HashMap<String, Resolved>,
    exported: Vec<(String, Resolved)>,
    /// Definitions of this module not reached yet: TLA+ requires a definition before its
    /// use, except for operators declared RECURSIVE.
    pending: std::collections::HashSet<String>,
}

impl ModScope {
    fn define(&mut self, name: &str, r: Resolved, export: bool) {
        self.names.insert(name.to_string(), r.clone());
        if export {
            self.exported.push((name.to_string(), r));
        }
    }
}

/// A lowering context (root, or one instance).
#[derive(Clone)]
struct Ctx {
    id: u32,
    params: u32,
    subst: Rc<HashMap<String, Resolved>>,
}

#[derive(Clone, Debug)]
enum LocalB {
    Val(u32),
    OpParam(u32, u32),
    LetOp(OpId, u32),
    /// `LET M == INSTANCE X`.
    Instance(Rc<ModScope>, u32),
}

/// Lowers a root module (and everything it uses) into a [`Program`].
///
/// `modules` holds every parsed user module by name (nested modules are found by the
/// lowerer itself). Returns the program and the problems found; the program is usable only
/// if no error was reported.
pub fn lower_program(
    root: &ast::Module,
    modules: &BTreeMap<String, ast::Module>,
) -> (Program, Vec<Diagnostic>) {
    let mut all: BTreeMap<String, ast::Module> = modules.clone();
    let mut parents = HashMap::new();
    collect_nested(root, &mut all, &mut parents);
    for m in modules.values() {
        collect_nested(m, &mut all, &mut parents);
    }
    let mut l = Lowerer {
        modules: &all,
        prog: Program {
            root_module: root.name.name.clone(),
            ..Program::default()
        },
        diags: Vec::new(),
        cache: HashMap::new(),
        locals: Vec::new(),
        depth: 0,
        module: root.name.name.clone(),
        next_ctx: 1,
        active: Vec::new(),
        parents,
        ctx: None,
    };
    let ctx = Ctx {
        id: 0,
        params: 0,
        subst: Rc::new(HashMap::new()),
    };
    let scope = l.lower_module(root, &ctx, None);
    l.prog.root_names = scope
        .names
        .iter()
        .map(|(n, r)| {
            let rn = match r {
                Resolved::Op { id, arity, .. } => RootName::Op(*id, *arity),
                Resolved::Const(c, _) => RootName::Const(*c),
                Resolved::Var(v) => RootName::Var(*v),
                _ => RootName::Other,
            };
            (n.clone(), rn)
        })
        .collect();
    l.prog.const_values = vec![None; l.prog.consts.len()];
    (l.prog, l.diags)
}

fn collect_nested(
    m: &ast::Module,
    all: &mut BTreeMap<String, ast::Module>,
    parents: &mut HashMap<String, String>,
) {
    for u in &m.units {
        if let ast::Unit::Module(inner) = u {
            all.entry(inner.name.name.clone())
                .or_insert_with(|| (**inner).clone());
            parents.insert(inner.name.name.clone(), m.name.name.clone());
            collect_nested(inner, all, parents);
        }
    }
}

struct Lowerer<'m> {
    modules: &'m BTreeMap<String, ast::Module>,
    prog: Program,
    diags: Vec<Diagnostic>,
    cache: HashMap<(String, u32), Rc<ModScope>>,
    locals: Vec<(String, LocalB)>,
    depth: u32,
    module: String,
    next_ctx: u32,
    active: Vec<String>,
    /// Nested module name -> enclosing module name.
    parents: HashMap<String, String>,
    /// The context of the module being lowered.
    ctx: Option<Ctx>,
}

fn mk(kind: ExprKind, span: Span) -> Expr {
    Expr { kind, span }
}

impl Lowerer<'_> {
    fn error(&mut self, code: &'static str, msg: impl Into<String>, span: Span) {
        self.diags.push(Diagnostic::error(code, msg, span));
    }

    fn lower_module(
        &mut self,
        m: &ast::Module,
        ctx: &Ctx,
        inherited: Option<&ModScope>,
    ) -> Rc<ModScope> {
        let key = (m.name.name.clone(), ctx.id);
        if let Some(s) = self.cache.get(&key) {
            return s.clone();
        }
        if self.active.contains(&m.name.name) {
            self.error(
                "circular-module",
                format!("Module {} depends on itself.", m.name.name),
                m.name.span,
            );
            return Rc::new(ModScope::default());
        }
        self.active.push(m.name.name.clone());
        let saved_module = std::mem::replace(&mut self.module, m.name.name.clone());
        let saved_ctx = self.ctx.replace(ctx.clone());
        let mut scope = ModScope::default();
        if let Some(outer) = inherited {
            // A nested module sees what its enclosing module defined before it.
            scope.names = outer.names.clone();
        }
        for ext in &m.extends {
            self.import_module(&ext.name, ext.span, ctx, &mut scope, true);
        }
        // Pass 1: declarations and operator ids.
        for u in &m.units {
            match u {
                ast::Unit::Variables(ids) => {
                    for id in ids {
                        let r = self.declare_param(&id.name, 0, id.span, ctx, false);
                        scope.define(&id.name, r, true);
                    }
                }
                ast::Unit::Constants(decls) => {
                    for d in decls {
                        let r = self.declare_param(
                            &d.name.name,
                            d.arity as u32,
                            d.name.span,
                            ctx,
                            true,
                        );
                        scope.define(&d.name.name, r, true);
                    }
                }
                ast::Unit::OpDef(d) => {
                    scope.pending.insert(d.name.name.clone());
                    let id = self.alloc_op(&d.name.name, d.span, ctx.params, &d.params);
                    scope.define(
                        &d.name.name,
                        Resolved::Op {
                            id,
                            arity: d.params.len() as u32,
                            prefix: ctx.params,
                        },
                        !d.local,
                    );
                }
                ast::Unit::Theorem(ast::Theorem {
                    name: Some(name), ..
                }) => {
                    // The statement is not kept by the parser; a theorem is taken to hold.
                    scope.define(&name.name, Resolved::Builtin(0, Builtin::ProofTrue), true);
                }
                ast::Unit::FnDef(d) => {
                    scope.pending.insert(d.name.name.clone());
                    let id = self.alloc_op(&d.name.name, d.span, ctx.params, &[]);
                    self.prog.ops[id.0 as usize].fn_bounds = Some(Vec::new());
                    scope.define(
                        &d.name.name,
                        Resolved::Op {
                            id,
                            arity: 0,
                            prefix: ctx.params,
                        },
                        !d.local,
                    );
                }
                _ => {}
            }
        }
        for u in &m.units {
            if let ast::Unit::Recursive(decls) = u {
                for d in decls {
                    scope.pending.remove(&d.name.name);
                }
            }
        }
        // Pass 2: bodies and instances, in order.
        for u in &m.units {
            match u {
                ast::Unit::OpDef(d) => {
                    let Some(Resolved::Op { id, .. }) = scope.names.get(&d.name.name).cloned()
                    else {
                        continue;
                    };
                    self.begin_top(ctx);
                    for p in &d.params {
                        self.push_param(p);
                    }
                    let body = self.lower_expr(&d.body, &scope);
                    self.prog.ops[id.0 as usize].body = body;
                    self.end_top();
                    scope.pending.remove(&d.name.name);
                }
                ast::Unit::FnDef(d) => {
                    let Some(Resolved::Op { id, .. }) = scope.names.get(&d.name.name).cloned()
                    else {
                        continue;
                    };
                    scope.pending.remove(&d.name.name);
                    self.begin_top(ctx);
                    let bounds = self.lower_bounds(&d.bounds, &scope);
                    let body = self.lower_expr(&d.body, &scope);
                    let op = &mut self.prog.ops[id.0 as usize];
                    op.body = body;
                    op.fn_bounds = Some(bounds);
                    self.end_top();
                }
                ast::Unit::Instance(inst) => {
                    self.begin_top(ctx);
                    let target = self.instantiate(inst, ctx, 0, &scope);
                    self.end_top();
                    if let Some(t) = target {
                        for (n, r) in &t.exported {
                            scope.define(n, r.clone(), !inst.local);
                        }
                    }
                }
                ast::Unit::ModuleDef(md) => {
                    self.begin_top(ctx);
                    for p in &md.params {
                        self.push_param(p);
                    }
                    let own = md.params.len() as u32;
                    let target = self.instantiate(&md.instance, ctx, own, &scope);
                    self.end_top();
                    if let Some(t) = target {
                        scope.define(
                            &md.name.name,
                            Resolved::Instance(t, own),
                            !md.instance.local,
                        );
                    }
                }
                ast::Unit::Assume(a) if ctx.id == 0 => {
                    self.begin_top(ctx);
                    let expr = self.lower_expr(&a.expr, &scope);
                    self.end_top();
                    self.prog.assumes.push(Assumption {
                        expr,
                        span: a.span,
                        module: m.name.name.clone(),
                    });
                }
                _ => {}
            }
        }
        self.module = saved_module;
        self.ctx = saved_ctx;
        self.active.pop();
        let scope = Rc::new(scope);
        self.cache.insert(key, scope.clone());
        scope
    }

    fn import_module(
        &mut self,
        name: &str,
        span: Span,
        ctx: &Ctx,
        scope: &mut ModScope,
        export: bool,
    ) {
        if let Some(m) = self.modules.get(name) {
            let s = self.lower_module(m, ctx, None);
            for (n, r) in &s.exported {
                scope.define(n, r.clone(), export);
            }
        } else if builtins::is_standard_module(name) {
            self.import_standard(name, scope, export);
        } else {
            self.error(
                "undefined-module",
                format!("Cannot find source file for module {name}."),
                span,
            );
        }
    }

    fn import_standard(&mut self, name: &str, scope: &mut ModScope, export: bool) {
        for dep in builtins::module_extends(name) {
            self.import_standard(dep, scope, export);
        }
        if let Some(t) = builtins::module_table(name) {
            for (n, a, b) in t {
                scope.define(n, Resolved::Builtin(*a, *b), export);
            }
        }
    }

    fn declare_param(
        &mut self,
        name: &str,
        arity: u32,
        span: Span,
        ctx: &Ctx,
        constant: bool,
    ) -> Resolved {
        if ctx.id != 0 {
            return match ctx.subst.get(name) {
                Some(r) => r.clone(),
                None => {
                    self.error(
                        "instance-missing-substitution",
                        format!(
                            "No substitution for {name} in the instance of module {}.",
                            self.module
                        ),
                        span,
                    );
                    Resolved::Subst(mk(ExprKind::Error, span))
                }
            };
        }
        if constant {
            let id = ConstId(self.prog.consts.len() as u32);
            self.prog.consts.push(ConstDecl {
                name: name.to_string(),
                arity,
                span,
            });
            Resolved::Const(id, arity)
        } else {
            let slot = self.prog.vars.len() as u32;
            self.prog.vars.push(name.to_string());
            self.prog.var_spans.push(span);
            Resolved::Var(slot)
        }
    }

    fn alloc_op(&mut self, name: &str, span: Span, prefix: u32, params: &[ast::OpParam]) -> OpId {
        let id = OpId(self.prog.ops.len() as u32);
        let mut ps = vec![0u32; prefix as usize];
        ps.extend(params.iter().map(|p| p.arity as u32));
        self.prog.ops.push(OpDef {
            name: name.to_string(),
            module: self.module.clone(),
            params: ps,
            body: mk(ExprKind::Error, span),
            span,
            capture: None,
            fn_bounds: None,
        });
        id
    }

    /// Starts lowering a top-level body: the frame holds the context's instance parameters.
    fn begin_top(&mut self, ctx: &Ctx) {
        self.locals.clear();
        for i in 0..ctx.params {
            self.locals.push((format!(" inst{i}"), LocalB::Val(i)));
        }
        self.depth = ctx.params;
    }

    fn end_top(&mut self) {
        self.locals.clear();
        self.depth = 0;
    }

    fn push_param(&mut self, p: &ast::OpParam) {
        let slot = self.depth;
        self.depth += 1;
        let b = if p.arity == 0 {
            LocalB::Val(slot)
        } else {
            LocalB::OpParam(slot, p.arity as u32)
        };
        self.locals.push((p.name.name.clone(), b));
    }

    /// The constants and variables a module (with what it extends) declares, with arities.
    fn module_params(&self, m: &ast::Module, out: &mut Vec<(String, u32)>, seen: &mut Vec<String>) {
        if seen.contains(&m.name.name) {
            return;
        }
        seen.push(m.name.name.clone());
        for e in &m.extends {
            if let Some(x) = self.modules.get(&e.name) {
                self.module_params(x, out, seen);
            }
        }
        for u in &m.units {
            match u {
                ast::Unit::Variables(ids) => out.extend(ids.iter().map(|i| (i.name.clone(), 0))),
                ast::Unit::Constants(ds) => {
                    out.extend(ds.iter().map(|d| (d.name.name.clone(), d.arity as u32)))
                }
                _ => {}
            }
        }
    }

    fn instantiate(
        &mut self,
        inst: &ast::Instance,
        ctx: &Ctx,
        own: u32,
        scope: &ModScope,
    ) -> Option<Rc<ModScope>> {
        let name = &inst.module.name;
        let Some(target) = self.modules.get(name) else {
            if builtins::is_standard_module(name) {
                let mut s = ModScope::default();
                self.import_standard(name, &mut s, true);
                return Some(Rc::new(s));
            }
            self.error(
                "undefined-module",
                format!("Cannot find source file for module {name}."),
                inst.module.span,
            );
            return None;
        };
        let mut params = Vec::new();
        self.module_params(target, &mut params, &mut Vec::new());
        let mut subst = HashMap::new();
        for (id, e) in &inst.substs {
            let arity = params.iter().find(|(n, _)| *n == id.name).map(|p| p.1);
            let Some(arity) = arity else {
                self.error(
                    "undefined-operator",
                    format!(
                        "{} is not a constant or variable of module {name}.",
                        id.name
                    ),
                    id.span,
                );
                continue;
            };
            let r = if arity > 0 {
                match self.lower_op_arg(e, scope) {
                    Some(op) => Resolved::SubstOp(op, arity),
                    None => continue,
                }
            } else {
                Resolved::Subst(self.lower_expr(e, scope))
            };
            subst.insert(id.name.clone(), r);
        }
        for (p, arity) in &params {
            if subst.contains_key(p) {
                continue;
            }
            // Implicit substitution by the same name in the instantiating context.
            let r = if let Some((_, b)) = self.locals.iter().rev().find(|(n, _)| n == p) {
                match b {
                    LocalB::Val(s) => Some(Resolved::Subst(mk(ExprKind::Local(*s), inst.span))),
                    LocalB::OpParam(s, a) => Some(Resolved::SubstOp(OpRef::Param(*s), *a)),
                    LocalB::LetOp(..) | LocalB::Instance(..) => None,
                }
            } else {
                scope.names.get(p).cloned()
            };
            match r {
                Some(r) => {
                    subst.insert(p.clone(), r);
                }
                None => self.error(
                    "instance-missing-substitution",
                    format!(
                        "The instance of module {name} has no substitution for {p}, and no {p} is defined here.",
                    ),
                    inst.span,
                ),
            }
            let _ = arity;
        }
        let new_ctx = Ctx {
            id: self.next_ctx,
            params: ctx.params + own,
            subst: Rc::new(subst),
        };
        self.next_ctx += 1;
        let saved_locals = std::mem::take(&mut self.locals);
        let saved_depth = self.depth;
        let nested = self.parents.contains_key(name);
        let s = self.lower_module(target, &new_ctx, nested.then_some(scope));
        self.locals = saved_locals;
        self.depth = saved_depth;
        Some(s)
    }

    fn lookup_local(&self, name: &str) -> Option<LocalB> {
        self.locals
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b.clone())
    }

    fn prefix_args(&self, prefix: u32, span: Span) -> Vec<Arg> {
        (0..prefix)
            .map(|i| Arg::Expr(mk(ExprKind::Local(i), span)))
            .collect()
    }

    /// Lowers an argument passed to an operator parameter of arity > 0.
    fn lower_op_arg(&mut self, e: &ast::Expr, scope: &ModScope) -> Option<OpRef> {
        match &e.kind {
            ast::ExprKind::Paren(inner) => self.lower_op_arg(inner, scope),
            ast::ExprKind::Lambda(params, body) => {
                let id = OpId(self.prog.ops.len() as u32);
                let capture = self.depth;
                self.prog.ops.push(OpDef {
                    name: "LAMBDA".to_string(),
                    module: self.module.clone(),
                    params: vec![0; params.len()],
                    body: mk(ExprKind::Error, e.span),
                    span: e.span,
                    capture: Some(capture),
                    fn_bounds: None,
                });
                let mark = self.locals.len();
                for p in params {
                    self.locals.push((p.name.clone(), LocalB::Val(self.depth)));
                    self.depth += 1;
                }
                let b = self.lower_expr(body, scope);
                self.locals.truncate(mark);
                self.depth = capture;
                self.prog.ops[id.0 as usize].body = b;
                Some(OpRef::Local(id))
            }
            ast::ExprKind::OpApp { path, name, args } if args.is_empty() => {
                if !path.is_empty() {
                    let r = self.resolve_path(path, &name.name, name.span, scope)?;
                    return match r.0 {
                        Resolved::Op { id, prefix: 0, .. } => Some(OpRef::User(id)),
                        Resolved::Builtin(_, b) => Some(OpRef::Builtin(b)),
                        _ => {
                            self.error(
                                "unsupported",
                                "An instance operator of a parameterised instance cannot be passed as an argument.",
                                e.span,
                            );
                            None
                        }
                    };
                }
                match self.lookup_local(&name.name) {
                    Some(LocalB::OpParam(s, _)) => return Some(OpRef::Param(s)),
                    Some(LocalB::LetOp(id, _)) => return Some(OpRef::Local(id)),
                    Some(LocalB::Val(_) | LocalB::Instance(..)) => {
                        self.error(
                            "arity-mismatch",
                            format!("{} is not an operator and cannot be passed as an operator argument.", name.name),
                            e.span,
                        );
                        return None;
                    }
                    None => {}
                }
                match self.resolve_global(&name.name, scope) {
                    Some(Resolved::Op { id, prefix, .. }) => {
                        if prefix == 0 {
                            Some(OpRef::User(id))
                        } else {
                            // Wrap in a local operator that supplies the instance prefix.
                            let arity = self.prog.op(id).params.len() as u32 - prefix;
                            Some(self.wrap_prefixed(id, prefix, arity, e.span))
                        }
                    }
                    Some(Resolved::Builtin(_, b)) => Some(OpRef::Builtin(b)),
                    Some(Resolved::Const(c, _)) => Some(OpRef::Const(c)),
                    Some(Resolved::SubstOp(op, _)) => Some(op),
                    _ => {
                        self.error(
                            "undefined-operator",
                            format!("Unknown operator: `{}'.", name.name),
                            name.span,
                        );
                        None
                    }
                }
            }
            _ => {
                self.error(
                    "arity-mismatch",
                    "An operator argument must be an operator name or a LAMBDA.",
                    e.span,
                );
                None
            }
        }
    }

    fn wrap_prefixed(&mut self, target: OpId, prefix: u32, arity: u32, span: Span) -> OpRef {
        let id = OpId(self.prog.ops.len() as u32);
        let capture = self.depth;
        let mut args = self.prefix_args(prefix, span);
        for i in 0..arity {
            args.push(Arg::Expr(mk(ExprKind::Local(capture + i), span)));
        }
        self.prog.ops.push(OpDef {
            name: self.prog.op(target).name.clone(),
            module: self.module.clone(),
            params: vec![0; arity as usize],
            body: mk(ExprKind::Call(target, args), span),
            span,
            capture: Some(capture),
            fn_bounds: None,
        });
        OpRef::Local(id)
    }

    fn resolve_global(&self, name: &str, scope: &ModScope) -> Option<Resolved> {
        if scope.pending.contains(name) {
            return None;
        }
        if let Some(r) = scope.names.get(name) {
            return Some(r.clone());
        }
        if let Some((a, b)) = builtins::core(name) {
            return Some(Resolved::Builtin(a, b));
        }
        builtins::any_module(name).map(|(a, b)| Resolved::Builtin(a, b))
    }

    /// Resolves `A!B(x)!name`: the final name's meaning and the arguments the path supplies.
    fn resolve_path(
        &mut self,
        path: &[ast::PathSeg],
        name: &str,
        span: Span,
        scope: &ModScope,
    ) -> Option<(Resolved, Vec<Arg>)> {
        let mut cur: Option<Rc<ModScope>> = None;
        let mut args: Vec<Arg> = Vec::new();
        let mut base_prefix: Option<u32> = None;
        for seg in path {
            let r = match &cur {
                None => match self.lookup_local(&seg.name.name) {
                    Some(LocalB::Instance(s, own)) => Some(Resolved::Instance(s, own)),
                    _ => self.resolve_global(&seg.name.name, scope),
                },
                Some(s) => s.names.get(&seg.name.name).cloned(),
            };
            match r {
                Some(Resolved::Instance(s, own)) => {
                    if seg.args.len() as u32 != own {
                        self.error(
                            "arity-mismatch",
                            format!(
                                "The instance {} takes {own} argument(s) but {} were given.",
                                seg.name.name,
                                seg.args.len()
                            ),
                            seg.name.span,
                        );
                        return None;
                    }
                    if base_prefix.is_none() {
                        let p = self
                            .locals
                            .iter()
                            .filter(|(n, _)| n.starts_with(" inst"))
                            .count() as u32;
                        base_prefix = Some(p);
                        args.extend(self.prefix_args(p, span));
                    }
                    for a in &seg.args {
                        let e = self.lower_expr(a, scope);
                        args.push(Arg::Expr(e));
                    }
                    cur = Some(s);
                }
                _ => {
                    self.error(
                        "undefined-operator",
                        format!("Unknown module instance `{}'.", seg.name.name),
                        seg.name.span,
                    );
                    return None;
                }
            }
        }
        let s = cur?;
        match s.names.get(name) {
            Some(r) => Some((r.clone(), args)),
            None => {
                self.error(
                    "undefined-operator",
                    format!("Unknown operator: `{name}'."),
                    span,
                );
                None
            }
        }
    }
}

impl OpDef {
    /// Whether this operator is a function definition (also while its body is lowered).
    pub(crate) fn fn_bounds_pending(&self) -> bool {
        self.fn_bounds.is_some()
    }
}

mod expr;
