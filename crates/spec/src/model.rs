//! [`SpecModel`]: a bound spec as a `check::Model`.

use std::cell::RefCell;
use std::sync::Arc;

use check::{ActionId, Fingerprint, Model, ModelError};
use eval::ir::Expr;
use eval::{Action, Ctx, EvalError, Output, Program};
use source::Diagnostic;
use value::Value;

use crate::locate::Locator;
use crate::predicate::{self, Origin, Predicate};
use crate::symmetry::Symmetry;

thread_local! {
    /// Each thread's memory of the last state it packed, for [`SpecModel::pack`]. Encoding
    /// is a function of the value alone (strings by their process-wide id), so one memory
    /// serves every spec a thread checks.
    static ENCODER: RefCell<value::codec::Encoder> = RefCell::default();
    /// Each thread's memory of the last state it unpacked, for [`SpecModel::unpack`].
    static DECODER: RefCell<value::codec::Decoder> = RefCell::default();
}

/// A state: the values of the spec's variables, in declaration order. Cheap to clone.
///
/// A state may be incomplete: the successor of a step that left variables unassigned, which
/// exists only to be shown as the last state of that error's trace (TLC prints its
/// unassigned variables as `null`). It is never fingerprinted or explored.
#[derive(Clone, Debug)]
pub struct State(pub(crate) Arc<[Value]>, pub(crate) Option<Arc<Vec<bool>>>);

impl State {
    fn complete(values: impl Into<Arc<[Value]>>) -> State {
        State(values.into(), None)
    }

    /// The variables' values, indexed like [`SpecModel::variables`]. In an incomplete state
    /// an unassigned variable holds a placeholder; see [`State::value`].
    pub fn values(&self) -> &[Value] {
        &self.0
    }

    /// The value of variable `i`, `None` if it is unassigned (or out of range).
    pub fn value(&self, i: usize) -> Option<&Value> {
        match &self.1 {
            Some(unassigned) if unassigned.get(i).copied().unwrap_or(false) => None,
            _ => self.0.get(i),
        }
    }

    /// Whether every variable has a value.
    pub fn is_complete(&self) -> bool {
        self.1.is_none()
    }
}

/// A spec bound to a configuration.
pub struct SpecModel {
    pub(crate) prog: Program,
    pub(crate) init: Expr,
    pub(crate) actions: Vec<Action>,
    pub(crate) labels: Vec<String>,
    pub(crate) invariants: Vec<Predicate>,
    pub(crate) invariant_is_property: Vec<bool>,
    pub(crate) initial_props: Vec<(String, Expr)>,
    pub(crate) action_props: Vec<(String, Expr)>,
    pub(crate) constraints: Vec<Predicate>,
    pub(crate) action_constraints: Vec<Expr>,
    pub(crate) view: Option<Expr>,
    pub(crate) symmetry: Option<Symmetry>,
    pub(crate) check_deadlock: bool,
    /// Whether no definition of the spec, nor Init, an action, a constraint or the VIEW,
    /// calls an operator that prints or depends on more than its arguments (see
    /// [`eval::has_effects`]), so that states can be generated again to rebuild a trace.
    pub(crate) reproducible: bool,
    pub(crate) locator: Locator,
    pub(crate) out: Arc<dyn Output + Send>,
    pub(crate) warnings: Vec<Diagnostic>,
}

impl SpecModel {
    /// The state variables, in the order of [`State::values`].
    pub fn variables(&self) -> &[String] {
        &self.prog.vars
    }

    /// Whether deadlock is checked (cfg `CHECK_DEADLOCK`, default true).
    pub fn check_deadlock(&self) -> bool {
        self.check_deadlock
    }

    /// The root module's name.
    pub fn module_name(&self) -> &str {
        &self.prog.root_module
    }

    /// The number of actions the next-state relation was split into.
    pub fn action_count(&self) -> usize {
        self.actions.len()
    }

    /// Whether invariant `i` comes from a `PROPERTY` of the form `[]P` (TLC reports those as
    /// properties rather than invariants).
    pub fn invariant_is_property(&self, i: usize) -> bool {
        self.invariant_is_property.get(i).copied().unwrap_or(false)
    }

    /// Warnings found while loading (the run goes on).
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// Replaces where `Print`/`PrintT` write (standard output by default).
    pub fn set_output(&mut self, out: Arc<dyn Output + Send>) {
        self.out = out;
    }

    /// The lowered program (for tools that evaluate further expressions).
    pub fn program(&self) -> &Program {
        &self.prog
    }

    /// Prints a value the way TLC does.
    pub fn display_value(v: &Value) -> String {
        eval::vals::display(v)
    }

    pub(crate) fn error(&self, e: EvalError) -> ModelError {
        let code = e.code();
        let e = e.into_data();
        ModelError {
            code,
            message: e.message,
            detail: e.span.map(|s| self.locator.location(s)).unwrap_or_default(),
        }
    }

    fn ctx<'a>(&'a self, values: &'a [Value]) -> Ctx<'a> {
        Ctx::new(&self.prog, values, &*self.out)
    }

    fn eval_bool(&self, cx: &mut Ctx, e: &Expr) -> Result<bool, ModelError> {
        cx.eval_top(e)
            .and_then(|v| match v {
                Value::Bool(b) => Ok(b),
                other => Err(EvalError::new(format!(
                    "The predicate evaluated to the non-boolean value {}.",
                    eval::vals::display(&other)
                ))
                .at(e.span)),
            })
            .map_err(|e| self.error(e))
    }
}

impl SpecModel {
    /// The index of the first invariant `state` violates; with the parent it was reached
    /// from (which satisfies them all), the parts of each invariant the step left alone are
    /// not evaluated again, and in an initial state the guards of Init are not (see
    /// [`Predicate::holds`]).
    fn first_violated(
        &self,
        origin: Origin<'_>,
        state: &State,
    ) -> Result<Option<usize>, ModelError> {
        let cx = RefCell::new(None);
        for (i, inv) in self.invariants.iter().enumerate() {
            // TLC names the invariant whose evaluation failed before the error itself.
            let holds = self.holds(&cx, inv, origin, state).map_err(|mut err| {
                err.message = format!("Evaluating invariant {} failed.\n{}", inv.name, err.message);
                err
            })?;
            if !holds {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    /// Whether `state` satisfies the state constraints; with the parent it was reached from
    /// (which satisfies them), as [`SpecModel::first_violated`].
    fn within(&self, origin: Origin<'_>, state: &State) -> Result<bool, ModelError> {
        let cx = RefCell::new(None);
        for c in &self.constraints {
            if !self.holds(&cx, c, origin, state)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Whether `pred` holds in `state`, evaluated in the context `cx` holds (see
    /// [`SpecModel::in_cx`]).
    fn holds<'a>(
        &'a self,
        cx: &RefCell<Option<Ctx<'a>>>,
        pred: &Predicate,
        origin: Origin<'_>,
        state: &'a State,
    ) -> Result<bool, ModelError> {
        pred.holds(
            origin,
            state.values(),
            &mut |e| {
                self.in_cx(cx, state, |c| c.eval_top(e))
                    .map_err(|e| self.error(e))
            },
            &mut |x, subset, set, known| {
                self.in_cx(cx, state, |c| c.member_given(x, subset, set, known))
            },
            &mut |e| self.in_cx(cx, state, |c| self.eval_bool(c, e)),
        )
    }

    /// `f` applied to the context `cx` holds, made on first use: the conjuncts of
    /// invariants and constraints that a step leaves alone are skipped without one, and a
    /// successor whose every conjunct is skipped needs none.
    fn in_cx<'a, T>(
        &'a self,
        cx: &RefCell<Option<Ctx<'a>>>,
        state: &'a State,
        f: impl FnOnce(&mut Ctx<'a>) -> T,
    ) -> T {
        let mut cx = cx.borrow_mut();
        f(cx.get_or_insert_with(|| self.ctx(state.values())))
    }
}

/// The step from `parent` to `state`: the parent's values and the variables it changed.
fn step_from<'a>(parent: &'a State, state: &State) -> Origin<'a> {
    Origin::Step(
        parent.values(),
        predicate::changed(parent.values(), state.values()),
    )
}

impl Model for SpecModel {
    type State = State;

    fn init(&self, emit: &mut dyn FnMut(State)) -> Result<(), ModelError> {
        let mut cx = self.ctx(&[]);
        cx.init_states(&self.init, &mut |vs| {
            emit(State::complete(vs));
            Ok(())
        })
        .map_err(|e| self.error(e))
    }

    fn init_part(
        &self,
        part: usize,
        parts: usize,
        emit: &mut dyn FnMut(State),
    ) -> Result<bool, ModelError> {
        let mut cx = self.ctx(&[]);
        cx.init_states_part(&self.init, part, parts, &mut |vs| {
            emit(State::complete(vs));
            Ok(())
        })
        .map_err(|e| self.error(e))
    }

    fn next(&self, state: &State, emit: &mut dyn FnMut(ActionId, State)) -> Result<(), ModelError> {
        let mut cx = self.ctx(state.values());
        for (i, a) in self.actions.iter().enumerate() {
            // TLC names the action by its operator alone in this message.
            let label = || {
                a.op.map_or("Action".to_string(), |id| self.prog.op(id).name.clone())
            };
            cx.action_successors(a, &label, &mut None, &mut |vs| {
                emit(ActionId(i as u32), State::complete(vs));
                Ok(())
            })
            .map_err(|e| self.error(e))?;
        }
        Ok(())
    }

    fn incomplete_successor(&self, state: &State, error: &ModelError) -> Option<(ActionId, State)> {
        if error.code != ModelError::UNASSIGNED {
            return None;
        }
        // Evaluation is deterministic: running the actions again in order fails at the
        // same successor.
        let mut cx = self.ctx(state.values());
        for (i, a) in self.actions.iter().enumerate() {
            let label = || String::new();
            let mut incomplete = None;
            if cx
                .action_successors(a, &label, &mut incomplete, &mut |_| Ok(()))
                .is_err()
            {
                let slots = incomplete?;
                let unassigned: Vec<bool> = slots.iter().map(Option::is_none).collect();
                let values: Vec<Value> = slots
                    .into_iter()
                    .map(|v| v.unwrap_or(Value::Bool(false)))
                    .collect();
                return Some((
                    ActionId(i as u32),
                    State(values.into(), Some(Arc::new(unassigned))),
                ));
            }
        }
        None
    }

    fn reproducible(&self) -> bool {
        self.reproducible
    }

    fn pure_checks(&self) -> bool {
        // A reproducible spec has no definition with an effect, used or not (see
        // `eval::has_effects`), and invariants and properties are definitions.
        self.reproducible
    }

    fn pack(&self, state: &State, out: &mut Vec<u8>) -> bool {
        state.1.is_none()
            && ENCODER.with_borrow_mut(|encoder| {
                (state.0.iter().enumerate()).all(|(i, v)| encoder.encode_at(i, v, out))
            })
    }

    fn unpack(&self, bytes: &[u8]) -> State {
        let mut rest = bytes;
        let values: Arc<[Value]> = DECODER.with_borrow_mut(|decoder| {
            (0..self.variables().len())
                .map(|i| decoder.decode_at(i, &mut rest))
                .collect::<Option<_>>()
                .expect("bytes written by pack in this process")
        });
        State::complete(values)
    }

    fn fingerprint(&self, state: &State) -> Fingerprint {
        // Under SYMMETRY the state's representative is fingerprinted (or the VIEW is
        // evaluated in it), as TLC does; see `symmetry`.
        let values = match &self.symmetry {
            Some(sym) => sym.representative(state.values()),
            None => std::borrow::Cow::Borrowed(state.values()),
        };
        if let Some(view) = &self.view {
            let mut cx = self.ctx(&values);
            if let Ok(v) = cx.eval_top(view) {
                return Fingerprint(eval::vals::fingerprint(&v));
            }
        }
        Fingerprint(value::fingerprint_values(&values))
    }

    fn fingerprint_identifies_state(&self) -> bool {
        self.view.is_none() && self.symmetry.is_none()
    }

    fn invariant_names(&self) -> Vec<String> {
        self.invariants.iter().map(|i| i.name.clone()).collect()
    }

    fn check_invariants(&self, state: &State) -> Result<Option<usize>, ModelError> {
        self.first_violated(Origin::Unknown, state)
    }

    fn check_successor_invariants(
        &self,
        parent: &State,
        state: &State,
    ) -> Result<Option<usize>, ModelError> {
        self.first_violated(step_from(parent, state), state)
    }

    fn check_initial_invariants(&self, state: &State) -> Result<Option<usize>, ModelError> {
        self.first_violated(Origin::Initial, state)
    }

    fn within_constraints(&self, state: &State) -> Result<bool, ModelError> {
        self.within(Origin::Unknown, state)
    }

    fn successor_within_constraints(
        &self,
        parent: &State,
        state: &State,
    ) -> Result<bool, ModelError> {
        self.within(step_from(parent, state), state)
    }

    fn allows_step(&self, from: &State, to: &State) -> Result<bool, ModelError> {
        if self.action_constraints.is_empty() {
            return Ok(true);
        }
        let mut cx = self.ctx(from.values());
        cx.set_next(to.values());
        for e in &self.action_constraints {
            if !self.eval_bool(&mut cx, e)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn initial_property_names(&self) -> Vec<String> {
        self.initial_props.iter().map(|(n, _)| n.clone()).collect()
    }

    fn check_initial_properties(&self, state: &State) -> Result<Option<usize>, ModelError> {
        let mut cx = self.ctx(state.values());
        for (i, (_, e)) in self.initial_props.iter().enumerate() {
            if !self.eval_bool(&mut cx, e)? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    fn action_property_names(&self) -> Vec<String> {
        self.action_props.iter().map(|(n, _)| n.clone()).collect()
    }

    fn check_action_properties(
        &self,
        from: &State,
        to: &State,
    ) -> Result<Option<usize>, ModelError> {
        if self.action_props.is_empty() {
            return Ok(None);
        }
        let mut cx = self.ctx(from.values());
        cx.set_next(to.values());
        for (i, (_, e)) in self.action_props.iter().enumerate() {
            if !self.eval_bool(&mut cx, e)? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    fn action_label(&self, action: ActionId) -> String {
        self.labels
            .get(action.0 as usize)
            .cloned()
            .unwrap_or_else(|| "Action".to_string())
    }
}
