//! A small model made of closures, so each test can state its system in a few lines, and
//! helpers to run it and read its trace.

#![allow(dead_code)]

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use check::{ActionId, Fingerprint, Model, ModelError, NullReporter, Options, Outcome};

type Pred<S> = Box<dyn Fn(&S) -> Result<bool, ModelError> + Sync>;
type StepPred<S> = Box<dyn Fn(&S, &S) -> Result<bool, ModelError> + Sync>;
type NextFn<S> = Box<dyn Fn(&S, &mut dyn FnMut(ActionId, S)) -> Result<(), ModelError> + Sync>;

/// A model given by closures. Actions are named by their index in `actions`.
pub struct TestModel<S> {
    pub init: Result<Vec<S>, ModelError>,
    pub actions: Vec<&'static str>,
    pub next: NextFn<S>,
    pub invariants: Vec<(&'static str, Pred<S>)>,
    pub initial_properties: Vec<(&'static str, Pred<S>)>,
    pub constraint: Option<Pred<S>>,
    pub action_constraint: Option<StepPred<S>>,
    pub action_properties: Vec<(&'static str, StepPred<S>)>,
    /// What [`Model::reproducible`] answers (true unless set otherwise).
    pub reproducible: bool,
    /// What [`Model::pure_checks`] answers (true unless set otherwise).
    pub pure_checks: bool,
    /// How states are packed and unpacked, if they are.
    pub codec: Option<Codec<S>>,
}

/// A state's encoding and decoding (see [`Model::pack`]).
pub type Codec<S> = (fn(&S, &mut Vec<u8>), fn(&[u8]) -> S);

impl<S: Clone + Hash + Send + Sync + 'static> TestModel<S> {
    /// A model with these initial states and successor function, and no checks.
    pub fn new(
        init: Vec<S>,
        actions: Vec<&'static str>,
        next: impl Fn(&S, &mut dyn FnMut(ActionId, S)) -> Result<(), ModelError> + Sync + 'static,
    ) -> TestModel<S> {
        TestModel {
            init: Ok(init),
            actions,
            next: Box::new(next),
            invariants: Vec::new(),
            initial_properties: Vec::new(),
            constraint: None,
            action_constraint: None,
            action_properties: Vec::new(),
            reproducible: true,
            pure_checks: true,
            codec: None,
        }
    }

    /// The same model, saying its checks have effects (they count, say), so that the search
    /// evaluates them once on each state that needs them.
    pub fn impure_checks(mut self) -> Self {
        self.pure_checks = false;
        self
    }

    /// The same model, with its states packed by `encode` and unpacked by `decode`.
    pub fn packed(mut self, encode: fn(&S, &mut Vec<u8>), decode: fn(&[u8]) -> S) -> Self {
        self.codec = Some((encode, decode));
        self
    }

    /// The same model, saying it cannot generate its states again, so that the search keeps
    /// every state.
    pub fn keeping_every_state(mut self) -> Self {
        self.reproducible = false;
        self
    }

    pub fn invariant(
        mut self,
        name: &'static str,
        p: impl Fn(&S) -> bool + Sync + 'static,
    ) -> Self {
        self.invariants.push((name, Box::new(move |s| Ok(p(s)))));
        self
    }

    pub fn fallible_invariant(
        mut self,
        name: &'static str,
        p: impl Fn(&S) -> Result<bool, ModelError> + Sync + 'static,
    ) -> Self {
        self.invariants.push((name, Box::new(p)));
        self
    }

    pub fn initial_property(
        mut self,
        name: &'static str,
        p: impl Fn(&S) -> bool + Sync + 'static,
    ) -> Self {
        self.initial_properties
            .push((name, Box::new(move |s| Ok(p(s)))));
        self
    }

    pub fn constraint(mut self, p: impl Fn(&S) -> bool + Sync + 'static) -> Self {
        self.constraint = Some(Box::new(move |s| Ok(p(s))));
        self
    }

    pub fn action_constraint(mut self, p: impl Fn(&S, &S) -> bool + Sync + 'static) -> Self {
        self.action_constraint = Some(Box::new(move |s, t| Ok(p(s, t))));
        self
    }

    pub fn action_property(
        mut self,
        name: &'static str,
        p: impl Fn(&S, &S) -> bool + Sync + 'static,
    ) -> Self {
        self.action_properties
            .push((name, Box::new(move |s, t| Ok(p(s, t)))));
        self
    }

    /// Runs the model with default options (deadlock checked) and `workers` workers.
    pub fn run(&self, workers: usize) -> Outcome<S> {
        self.run_with(&Options::default().with_workers(workers))
    }

    /// Runs the model with deadlock checking off.
    pub fn run_no_deadlock(&self, workers: usize) -> Outcome<S> {
        self.run_with(
            &Options::default()
                .with_workers(workers)
                .with_deadlock_check(false),
        )
    }

    pub fn run_with(&self, options: &Options) -> Outcome<S> {
        check::run(self, options, &mut NullReporter)
    }
}

fn first_failing<S>(preds: &[(&'static str, Pred<S>)], s: &S) -> Result<Option<usize>, ModelError> {
    for (i, (_, p)) in preds.iter().enumerate() {
        if !p(s)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

impl<S: Clone + Hash + Send + Sync + 'static> Model for TestModel<S> {
    type State = S;

    fn init(&self, emit: &mut dyn FnMut(S)) -> Result<(), ModelError> {
        let states = self.init.clone()?;
        states.into_iter().for_each(emit);
        Ok(())
    }

    fn next(&self, state: &S, emit: &mut dyn FnMut(ActionId, S)) -> Result<(), ModelError> {
        (self.next)(state, emit)
    }

    fn reproducible(&self) -> bool {
        self.reproducible
    }

    fn pure_checks(&self) -> bool {
        self.pure_checks
    }

    fn pack(&self, state: &S, out: &mut Vec<u8>) -> bool {
        self.codec.map(|(encode, _)| encode(state, out)).is_some()
    }

    fn unpack(&self, bytes: &[u8]) -> S {
        let (_, decode) = self.codec.expect("only packed states are unpacked");
        decode(bytes)
    }

    fn fingerprint(&self, state: &S) -> Fingerprint {
        // `DefaultHasher::new` has fixed keys: the same state always gets the same fingerprint.
        let mut h = DefaultHasher::new();
        state.hash(&mut h);
        Fingerprint(h.finish())
    }

    fn invariant_names(&self) -> Vec<String> {
        self.invariants.iter().map(|(n, _)| n.to_string()).collect()
    }

    fn check_invariants(&self, state: &S) -> Result<Option<usize>, ModelError> {
        first_failing(&self.invariants, state)
    }

    fn initial_property_names(&self) -> Vec<String> {
        self.initial_properties
            .iter()
            .map(|(n, _)| n.to_string())
            .collect()
    }

    fn check_initial_properties(&self, state: &S) -> Result<Option<usize>, ModelError> {
        first_failing(&self.initial_properties, state)
    }

    fn within_constraints(&self, state: &S) -> Result<bool, ModelError> {
        self.constraint.as_ref().map_or(Ok(true), |c| c(state))
    }

    fn allows_step(&self, from: &S, to: &S) -> Result<bool, ModelError> {
        self.action_constraint
            .as_ref()
            .map_or(Ok(true), |c| c(from, to))
    }

    fn action_property_names(&self) -> Vec<String> {
        self.action_properties
            .iter()
            .map(|(n, _)| n.to_string())
            .collect()
    }

    fn check_action_properties(&self, from: &S, to: &S) -> Result<Option<usize>, ModelError> {
        for (i, (_, p)) in self.action_properties.iter().enumerate() {
            if !p(from, to)? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    fn action_label(&self, action: ActionId) -> String {
        self.actions[action.0 as usize].to_string()
    }
}

/// The states of a trace, in order.
pub fn states<S: Clone>(outcome: &Outcome<S>) -> Vec<S> {
    let trace = outcome.trace.as_ref().expect("the outcome has a trace");
    trace.steps.iter().map(|s| s.state.clone()).collect()
}

/// The action names of a trace (`"Init"` for the first state).
pub fn actions<S: Clone + Hash + Send + Sync + 'static>(
    model: &TestModel<S>,
    outcome: &Outcome<S>,
) -> Vec<String> {
    let trace = outcome.trace.as_ref().expect("the outcome has a trace");
    trace
        .steps
        .iter()
        .map(|s| {
            s.action
                .map_or_else(|| "Init".to_string(), |a| model.action_label(a))
        })
        .collect()
}

/// The counts of an outcome as a tuple `(generated, distinct, left_on_queue, depth)`.
pub fn counts<S>(outcome: &Outcome<S>) -> (u64, u64, u64, u64) {
    let s = outcome.stats;
    (s.generated, s.distinct, s.left_on_queue, s.depth)
}

/// A counter `x` with one action `Inc` (`x' = x + 1`) enabled while `x < max`.
pub fn counter(init: Vec<u64>, max: u64) -> TestModel<u64> {
    TestModel::new(init, vec!["Inc"], move |&x, emit| {
        if x < max {
            emit(ActionId(0), x + 1);
        }
        Ok(())
    })
}

/// Two counters `(a, b)` from `(0, 0)` with actions `IncA` (while `a < max_a`) and `IncB`
/// (while `b < max_b`), in that order.
pub fn grid(max_a: u64, max_b: u64) -> TestModel<(u64, u64)> {
    TestModel::new(vec![(0, 0)], vec!["IncA", "IncB"], move |&(a, b), emit| {
        if a < max_a {
            emit(ActionId(0), (a + 1, b));
        }
        if b < max_b {
            emit(ActionId(1), (a, b + 1));
        }
        Ok(())
    })
}
