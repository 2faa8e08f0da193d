//! Binding a TLC configuration to a lowered program: constants, substitutions, the
//! behaviour spec, invariants, properties, constraints, view; then the assumptions.

use std::sync::Arc;

use eval::ir::{Expr, ExprKind, OpId, Temporal};
use eval::level::{self, TEMPORAL};
use eval::{ConstBinding, Ctx, Program, RootName, StdOutput};
use source::{Diagnostic, SourceDb, Span};
use syntax::cfg::{CfgConstant, CfgName, CfgValue, Config};
use value::Value;

use crate::locate::Locator;
use crate::model::SpecModel;
use crate::predicate::{self, conjuncts, Predicate};

fn cfg_value_inner(v: &CfgValue) -> Result<Value, eval::EvalError> {
    Ok(match v {
        CfgValue::Int(i) => Value::Int(*i),
        CfgValue::Str(s) => Value::string(s.as_str()),
        CfgValue::Bool(b) => Value::Bool(*b),
        CfgValue::ModelValue(m) => Value::model_value(m.as_str()),
        CfgValue::Set(xs) => eval::vals::mk_set(
            xs.iter()
                .map(cfg_value_inner)
                .collect::<Result<Vec<_>, _>>()?,
        )?,
        CfgValue::Tuple(xs) => Value::Tuple(
            xs.iter()
                .map(cfg_value_inner)
                .collect::<Result<Vec<_>, _>>()?
                .into(),
        ),
    })
}

/// Converts a cfg value; a set TLC cannot sort is reported at the entry.
fn cfg_value(v: &CfgValue, span: Span, diags: &mut Vec<Diagnostic>) -> Value {
    cfg_value_inner(v).unwrap_or_else(|e| {
        diags.push(Diagnostic::error("cfg-value", e.into_data().message, span));
        Value::Bool(false)
    })
}

/// Reports `what` named `n` if its level is above `max`.
fn check_level(
    prog: &Program,
    e: &Expr,
    max: u8,
    what: &str,
    span: Span,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let l = level::level(prog, e);
    if l <= max {
        return true;
    }
    let kind = match max {
        level::CONSTANT => "a constant expression",
        level::STATE => "a state predicate (one with no primes or temporal operators)",
        _ => "an action (one with no temporal operators)",
    };
    diags.push(Diagnostic::error(
        "level-error",
        format!("The {what} must be {kind}."),
        span,
    ));
    false
}

/// A standard operator by name (for `Nat <- MyNat`).
fn standard_op(name: &str) -> Option<(u32, eval::builtins::Builtin)> {
    eval::builtins::core(name).or_else(|| eval::builtins::any_module(name))
}

fn call(prog: &Program, id: OpId) -> Expr {
    eval::op_expr(prog, id)
}

/// Looks a cfg name up as a zero-arity operator.
fn named_op(prog: &Program, n: &CfgName, what: &str, diags: &mut Vec<Diagnostic>) -> Option<OpId> {
    match prog.lookup(&n.name) {
        Some(RootName::Op(id, 0)) => Some(id),
        Some(RootName::Op(_, a)) => {
            diags.push(Diagnostic::error(
                "arity-mismatch",
                format!(
                    "The {what} {} takes {a} arguments; it must take none.",
                    n.name
                ),
                n.span,
            ));
            None
        }
        _ => {
            diags.push(Diagnostic::error(
                "undefined-operator",
                format!("The {what} {} is not defined in the specification.", n.name),
                n.span,
            ));
            None
        }
    }
}

/// `[][A]_v` (possibly through zero-arity definitions): returns `[A]_v`.
fn box_action(prog: &Program, e: &Expr, depth: u32) -> Option<Expr> {
    match &e.kind {
        ExprKind::Temporal(Temporal::Always, xs) if xs.len() == 1 => {
            let inner = unfold(prog, &xs[0], depth);
            match inner.kind {
                ExprKind::BoxAction(..) => Some(inner),
                _ => None,
            }
        }
        ExprKind::Call(id, args) if args.is_empty() && depth < 32 => {
            box_action(prog, &prog.op(*id).body, depth + 1)
        }
        _ => None,
    }
}

fn unfold(prog: &Program, e: &Expr, depth: u32) -> Expr {
    match &e.kind {
        ExprKind::Call(id, args) if args.is_empty() && depth < 32 => {
            let b = &prog.op(*id).body;
            if matches!(b.kind, ExprKind::BoxAction(..) | ExprKind::Call(..)) {
                unfold(prog, b, depth + 1)
            } else {
                e.clone()
            }
        }
        _ => e.clone(),
    }
}

/// `[]P` for a state predicate P: returns P.
fn always_state(prog: &Program, e: &Expr, depth: u32) -> Option<Expr> {
    match &e.kind {
        ExprKind::Temporal(Temporal::Always, xs)
            if xs.len() == 1 && level::level(prog, &xs[0]) <= level::STATE =>
        {
            Some(xs[0].clone())
        }
        ExprKind::Call(id, args) if args.is_empty() && depth < 32 => {
            always_state(prog, &prog.op(*id).body, depth + 1)
        }
        _ => None,
    }
}

fn is_fairness(prog: &Program, e: &Expr, depth: u32) -> bool {
    match &e.kind {
        ExprKind::Temporal(Temporal::WeakFair | Temporal::StrongFair, _) => true,
        ExprKind::Quant(_, _, body) | ExprKind::Implies(_, body) => {
            is_fairness(prog, body, depth + 1)
        }
        ExprKind::And(xs) => xs.iter().all(|x| is_fairness(prog, x, depth + 1)),
        ExprKind::Call(id, _) if depth < 32 => is_fairness(prog, &prog.op(*id).body, depth + 1),
        _ => false,
    }
}

pub(crate) fn bind(
    db: &SourceDb,
    mut prog: Program,
    cfg: &Config,
    extents: Vec<(Span, String)>,
) -> Result<SpecModel, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let mut warnings = Vec::new();
    // Constants and substitutions.
    for c in &cfg.constants {
        match c {
            CfgConstant::Value { name, value, span } => match prog.lookup(name) {
                Some(RootName::Const(id)) => {
                    prog.const_values[id.0 as usize] = Some(ConstBinding::Value(cfg_value(value, *span, &mut diags)))
                }
                Some(RootName::Op(id, 0)) => prog.override_with_value(id, cfg_value(value, *span, &mut diags)),
                _ => warnings.push(Diagnostic::warning(
                    "undefined-constant",
                    format!("The constant {name} assigned in the configuration is not declared in the specification; the assignment is ignored."),
                    *span,
                )),
            },
            CfgConstant::ModuleValue {
                module,
                name,
                value,
                span,
            } => {
                let ids: Vec<OpId> = (0..prog.ops.len() as u32)
                    .map(OpId)
                    .filter(|id| {
                        let op = prog.op(*id);
                        &op.name == name && &op.module == module && op.capture.is_none()
                    })
                    .collect();
                let mut found = !ids.is_empty();
                for id in ids {
                    prog.override_with_value(id, cfg_value(value, *span, &mut diags));
                }
                if let Some(RootName::Const(c)) = prog.lookup(name) {
                    prog.const_values[c.0 as usize] = Some(ConstBinding::Value(cfg_value(value, *span, &mut diags)));
                    found = true;
                }
                if !found {
                    diags.push(Diagnostic::error(
                        "undefined-constant",
                        format!("The constant {name} of module {module} assigned in the configuration does not exist."),
                        *span,
                    ));
                }
            }
            CfgConstant::Subst {
                name,
                module,
                target,
                span,
            } => {
                let (target_id, target_arity) = match prog.lookup(target) {
                    Some(RootName::Op(id, a)) => (id, a),
                    _ => {
                        diags.push(Diagnostic::error(
                            "undefined-operator",
                            format!("The operator {target} substituted in the configuration is not defined in the specification."),
                            *span,
                        ));
                        continue;
                    }
                };
                if let Some(m) = module {
                    let ids: Vec<OpId> = (0..prog.ops.len() as u32)
                        .map(OpId)
                        .filter(|id| {
                            let op = prog.op(*id);
                            &op.name == name && &op.module == m && op.capture.is_none()
                        })
                        .collect();
                    let mut found = !ids.is_empty();
                    // A replacement with another arity would be called with the wrong number
                    // of arguments.
                    let wrong = ids.iter().map(|id| prog.op(*id).params.len()).find(|a| *a != target_arity as usize);
                    if let Some(a) = wrong {
                        diags.push(Diagnostic::error(
                            "arity-mismatch",
                            format!("The operator {name} of module {m} takes {a} arguments but {target}, substituted for it in the configuration, takes {target_arity}."),
                            *span,
                        ));
                        continue;
                    }
                    for id in ids {
                        prog.override_with_op(id, target_id);
                    }
                    if m == &prog.root_module {
                        if let Some(RootName::Const(c)) = prog.lookup(name) {
                            prog.const_values[c.0 as usize] = Some(ConstBinding::Op(target_id));
                            found = true;
                        }
                    }
                    if !found {
                        if let Some((_, b)) = standard_op(name) {
                            prog.replace_builtin(b, target_id);
                            continue;
                        }
                        diags.push(Diagnostic::error(
                            "undefined-operator",
                            format!("The operator {name} of module {m} substituted in the configuration does not exist."),
                            *span,
                        ));
                    }
                    continue;
                }
                let arity = match prog.lookup(name) {
                    Some(RootName::Const(c)) => Some(prog.consts[c.0 as usize].arity),
                    Some(RootName::Op(_, a)) => Some(a),
                    _ => standard_op(name).map(|(a, _)| a),
                };
                // A replacement with another arity would be called with the wrong number of
                // arguments.
                if let Some(a) = arity.filter(|a| *a != target_arity) {
                    diags.push(Diagnostic::error(
                        "arity-mismatch",
                        format!("The operator {name} takes {a} arguments but {target}, substituted for it in the configuration, takes {target_arity}."),
                        *span,
                    ));
                    continue;
                }
                match prog.lookup(name) {
                    Some(RootName::Const(c)) => {
                        prog.const_values[c.0 as usize] = Some(ConstBinding::Op(target_id))
                    }
                    Some(RootName::Op(id, _)) => prog.override_with_op(id, target_id),
                    _ if standard_op(name).is_some() => {
                        let (_, b) = standard_op(name).expect("checked");
                        prog.replace_builtin(b, target_id);
                    }
                    _ => diags.push(Diagnostic::error(
                        "undefined-constant",
                        format!("The constant {name} substituted in the configuration is not declared in the specification."),
                        *span,
                    )),
                }
            }
        }
    }
    for (i, c) in prog.consts.iter().enumerate() {
        if prog.const_values[i].is_none() {
            diags.push(Diagnostic::error(
                "unassigned-constant",
                format!(
                    "The constant parameter {} is not assigned a value by the configuration.",
                    c.name
                ),
                c.span,
            ));
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    // The behaviour spec.
    let mut init: Option<Expr> = None;
    let mut next: Option<Expr> = None;
    if let Some(spec) = &cfg.specification {
        if let Some(id) = named_op(&prog, spec, "specification", &mut diags) {
            let mut parts = Vec::new();
            conjuncts(&prog, &call(&prog, id), &mut parts, &|e| {
                level::level(&prog, e) == TEMPORAL
            });
            let mut inits = Vec::new();
            for p in parts {
                let l = level::level(&prog, &p);
                if l <= level::STATE {
                    inits.push(p);
                } else if let Some(a) = box_action(&prog, &p, 0) {
                    if next.is_some() {
                        diags.push(Diagnostic::error(
                            "unsupported",
                            "The specification has more than one [][Next]_vars conjunct.",
                            spec.span,
                        ));
                    }
                    match a.kind {
                        ExprKind::BoxAction(act, _) => next = Some(*act),
                        _ => unreachable!("box_action returns a [A]_v"),
                    }
                } else if is_fairness(&prog, &p, 0) {
                    // Fairness matters only for liveness, which is checked elsewhere.
                } else {
                    diags.push(Diagnostic::error(
                        "unsupported-liveness",
                        "This conjunct of the specification is a temporal formula that is neither an initial predicate, [][Next]_vars, nor a fairness condition.",
                        p.span,
                    ).with_secondary(spec.span, "specification named here"));
                }
            }
            if inits.is_empty() {
                diags.push(Diagnostic::error(
                    "missing-init",
                    "The specification has no initial predicate.",
                    spec.span,
                ));
            } else if inits.len() == 1 {
                init = inits.pop();
            } else {
                let span = inits[0].span;
                init = Some(Expr {
                    kind: ExprKind::And(inits),
                    span,
                });
            }
            if next.is_none() {
                diags.push(Diagnostic::error(
                    "missing-next",
                    "The specification has no [][Next]_vars conjunct.",
                    spec.span,
                ));
            }
        }
    } else if cfg.init.is_none() && cfg.next.is_none() && prog.vars.is_empty() {
        // A constant-only model: TLC checks the assumptions and explores no state.
        let span = prog.ops.first().map(|o| o.span).unwrap_or_default();
        let none = Expr {
            kind: ExprKind::Lit(Value::Bool(false)),
            span,
        };
        init = Some(none.clone());
        next = Some(none);
    } else {
        match &cfg.init {
            Some(n) => {
                init = named_op(&prog, n, "initial predicate", &mut diags).map(|id| call(&prog, id))
            }
            None => diags.push(Diagnostic::error_unlocated(
                "missing-init",
                "The configuration names neither SPECIFICATION nor INIT.",
            )),
        }
        match &cfg.next {
            Some(n) => {
                next =
                    named_op(&prog, n, "next-state relation", &mut diags).map(|id| call(&prog, id))
            }
            None => diags.push(Diagnostic::error_unlocated(
                "missing-next",
                "The configuration names neither SPECIFICATION nor NEXT.",
            )),
        }
    }
    // Invariants.
    let mut invariants = Vec::new();
    let mut invariant_is_property = Vec::new();
    for n in &cfg.invariants {
        if let Some(id) = named_op(&prog, n, "invariant", &mut diags) {
            let e = call(&prog, id);
            if level::level(&prog, &e) > level::STATE {
                diags.push(Diagnostic::error(
                    "invariant-level",
                    format!("The invariant {} is not a state predicate (one with no primes or temporal operators).", n.name),
                    n.span,
                ));
                continue;
            }
            invariants.push((n.name.clone(), e));
            invariant_is_property.push(false);
        }
    }
    // Properties.
    let mut action_props = Vec::new();
    let mut initial_props = Vec::new();
    for n in &cfg.properties {
        if let Some(id) = named_op(&prog, n, "property", &mut diags) {
            let mut parts = Vec::new();
            conjuncts(&prog, &call(&prog, id), &mut parts, &|e| {
                level::level(&prog, e) == TEMPORAL
            });
            for p in parts {
                if level::level(&prog, &p) <= level::STATE {
                    initial_props.push((n.name.clone(), p));
                } else if let Some(pred) = always_state(&prog, &p, 0) {
                    invariants.push((n.name.clone(), pred));
                    invariant_is_property.push(true);
                } else if let Some(a) = box_action(&prog, &p, 0) {
                    action_props.push((n.name.clone(), a));
                } else {
                    diags.push(
                        Diagnostic::error(
                            "unsupported-liveness",
                            format!("The property {} needs liveness checking, which is not supported yet.", n.name),
                            n.span,
                        )
                        .with_secondary(p.span, "this part is not of the form []P or [][A]_v"),
                    );
                }
            }
        }
    }
    let mut constraints = Vec::new();
    for n in &cfg.constraints {
        if let Some(id) = named_op(&prog, n, "constraint", &mut diags) {
            let e = call(&prog, id);
            if check_level(
                &prog,
                &e,
                level::STATE,
                &format!("constraint {}", n.name),
                n.span,
                &mut diags,
            ) {
                constraints.push((n.name.clone(), e));
            }
        }
    }
    let mut action_constraints = Vec::new();
    for n in &cfg.action_constraints {
        if let Some(id) = named_op(&prog, n, "action constraint", &mut diags) {
            let e = call(&prog, id);
            if check_level(
                &prog,
                &e,
                level::ACTION,
                &format!("action constraint {}", n.name),
                n.span,
                &mut diags,
            ) {
                action_constraints.push(e);
            }
        }
    }
    let view = cfg.view.as_ref().and_then(|n| {
        let e = named_op(&prog, n, "view", &mut diags).map(|id| call(&prog, id))?;
        check_level(
            &prog,
            &e,
            level::STATE,
            &format!("view {}", n.name),
            n.span,
            &mut diags,
        )
        .then_some(e)
    });
    if let (Some(i), Some(n)) = (&init, &cfg.init) {
        check_level(
            &prog,
            i,
            level::STATE,
            &format!("initial predicate {}", n.name),
            n.span,
            &mut diags,
        );
    }
    if let (Some(x), Some(n)) = (&next, &cfg.next) {
        check_level(
            &prog,
            x,
            level::ACTION,
            &format!("next-state relation {}", n.name),
            n.span,
            &mut diags,
        );
    }
    for a in &prog.assumes {
        check_level(
            &prog,
            &a.expr,
            level::CONSTANT,
            "assumption",
            a.span,
            &mut diags,
        );
    }
    let symmetry_def = cfg.symmetry.as_ref().and_then(|n| {
        // The definition's body as written (constant caching replaces it by its value).
        named_op(&prog, n, "symmetry set", &mut diags).map(|id| (n, id, prog.op(id).body.clone()))
    });
    if let Some(a) = &cfg.alias {
        warnings.push(Diagnostic::warning(
            "unsupported",
            "ALIAS is ignored.",
            a.span,
        ));
    }
    if let Some(p) = &cfg.postcondition {
        warnings.push(Diagnostic::warning(
            "unsupported",
            "POSTCONDITION is ignored.",
            p.span,
        ));
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    let (Some(init), Some(next)) = (init, next) else {
        return Err(diags);
    };
    prog.cache_constants();
    let locator = Locator::new(db, extents);
    // The symmetry permutations, computed once.
    let symmetry = symmetry_def.and_then(|(n, id, def_body)| {
        crate::symmetry::bind(
            &prog,
            db,
            n,
            &call(&prog, id),
            &def_body,
            &mut diags,
            &mut warnings,
        )
    });
    if !diags.is_empty() {
        return Err(diags);
    }
    // Assumptions.
    let out = StdOutput;
    for a in &prog.assumes {
        let mut cx = Ctx::new(&prog, &[], &out);
        match cx.eval_top(&a.expr) {
            Ok(Value::Bool(true)) => {}
            Ok(Value::Bool(false)) => diags.push(Diagnostic::error(
                "assumption-false",
                format!("Assumption {} is false.", locator.location(a.expr.span)),
                a.span,
            )),
            Ok(_) => diags.push(Diagnostic::error(
                "assumption-false",
                format!(
                    "Assumption {} is not a boolean.",
                    locator.location(a.expr.span)
                ),
                a.span,
            )),
            Err(e) => diags.push(Diagnostic::error(
                "eval-error",
                format!(
                    "Evaluating assumption {} failed.\n{}",
                    locator.location(a.expr.span),
                    e.message
                ),
                e.span.unwrap_or(a.span),
            )),
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    // A constant-level invariant that is FALSE fails before any state is computed, with
    // TLC's wording (TLC treats it as a configuration error).
    for (name, e) in &invariants {
        if level::level(&prog, e) == level::CONSTANT {
            let mut cx = Ctx::new(&prog, &[], &out);
            if let Ok(Value::Bool(false)) = cx.eval_top(e) {
                let span = cfg
                    .invariants
                    .iter()
                    .find(|n| &n.name == name)
                    .map_or(e.span, |n| n.span);
                diags.push(Diagnostic::error(
                    "invariant-false",
                    format!("The invariant of {name} is equal to FALSE"),
                    span,
                ));
            }
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    let actions = eval::split_actions(&prog, &next, &out);
    let labels = actions
        .iter()
        .map(|a| {
            let name =
                a.op.map_or("Action".to_string(), |id| prog.op(id).name.clone());
            let params = if a.params.is_empty() {
                String::new()
            } else {
                format!(
                    "({})",
                    a.params
                        .iter()
                        .map(eval::vals::display)
                        .collect::<Vec<_>>()
                        .join(",")
                )
            };
            format!("{name}{params} {}", locator.location(a.span()))
        })
        .collect();
    let predicates = |list: Vec<(String, Expr)>| -> Vec<Predicate> {
        list.into_iter()
            .map(|(name, e)| Predicate::new(&prog, name, e))
            .collect()
    };
    let mut invariants = predicates(invariants);
    let init_guards = predicate::init_guards(&prog, &init);
    for inv in &mut invariants {
        inv.implied_by_init(&init_guards);
    }
    let constraints = predicates(constraints);
    // What generating states again evaluates: Init, the actions, the constraints, the VIEW.
    let mut regenerated: Vec<&Expr> = vec![&init];
    regenerated.extend(actions.iter().map(|a| &a.expr));
    regenerated.extend(constraints.iter().map(|c| &c.expr));
    regenerated.extend(action_constraints.iter());
    regenerated.extend(view.iter());
    let reproducible = !eval::has_effects(&prog, &regenerated);
    Ok(SpecModel {
        prog,
        init,
        actions,
        labels,
        invariants,
        invariant_is_property,
        initial_props,
        action_props,
        constraints,
        action_constraints,
        view,
        symmetry,
        check_deadlock: cfg.check_deadlock.unwrap_or(true),
        reproducible,
        locator,
        out: Arc::new(StdOutput),
        warnings,
    })
}
