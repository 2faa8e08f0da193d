//! Errors raised while evaluating an expression in a state.
//!
//! An evaluation error is data: a message in TLC's words where TLC has words for it, and the
//! span of the expression that failed, so the report can point at the source.

use source::Span;

/// An error raised by evaluation (or enumeration) of an expression. Its fields are those
/// of `EvalErrorData`, behind one pointer: evaluation returns `Result<Value, EvalError>`
/// from every expression, and a boxed error keeps that result as small as a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvalError(Box<EvalErrorData>);

/// What an [`EvalError`] holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvalErrorData {
    /// What went wrong, one or more lines.
    pub message: String,
    /// The expression being evaluated when it failed, if known.
    pub span: Option<Span>,
}

impl std::ops::Deref for EvalError {
    type Target = EvalErrorData;

    fn deref(&self) -> &EvalErrorData {
        &self.0
    }
}

impl std::ops::DerefMut for EvalError {
    fn deref_mut(&mut self) -> &mut EvalErrorData {
        &mut self.0
    }
}

impl EvalError {
    /// An error at no particular place (the caller usually adds one with [`EvalError::at`]).
    pub fn new(message: impl Into<String>) -> EvalError {
        EvalError(Box::new(EvalErrorData {
            message: message.into(),
            span: None,
        }))
    }

    /// The error's message and span.
    pub fn into_data(self) -> EvalErrorData {
        *self.0
    }

    /// Sets the span if none is set yet (the innermost expression wins).
    pub fn at(mut self, span: Span) -> EvalError {
        self.set_span(span);
        self
    }

    /// Sets the span in place if none is set yet (the innermost expression wins).
    pub fn set_span(&mut self, span: Span) {
        if self.span.is_none() {
            self.span = Some(span);
        }
    }
}

impl EvalError {
    /// The kind of this error, kebab-case and stable. It is read from the message, whose
    /// wording is TLC's (each TLC message comes from one template of `tlc2.output.MP` keyed
    /// by an `EC` code), so the kind is the family of TLC's `EC` code:
    ///
    /// - `assert-failed`: `EC.TLC_VALUE_ASSERT_FAILED` (the `Assert` operator).
    /// - `unassigned-variable`: a successor (`EC.TLC_STATE_NOT_COMPLETELY_SPECIFIED_NEXT`)
    ///   or an initial state (`Tool.isGoodState` false) leaves a variable unassigned.
    /// - `module-argument`: the errors TLC raises as an `EvalException` from its standard
    ///   modules (`tlc2.module.*`: Naturals, Integers, Sequences, FiniteSets, Bags, TLC):
    ///   `EC.TLC_MODULE_ARGUMENT_ERROR(_AN)` and `TLC_MODULE_ONE_ARGUMENT_ERROR` ("The second
    ///   argument of % should be a positive number …", "The argument of Len should be a
    ///   sequence …"), `TLC_MODULE_ARGUMENT_NOT_IN_DOMAIN`, `TLC_MODULE_DIVISION_BY_ZERO`,
    ///   `TLC_MODULE_NULL_POWER_NULL`, `TLC_MODULE_OVERFLOW`, `TLC_MODULE_APPLY_EMPTY_SEQ`,
    ///   `TLC_MODULE_EVALUATING`, `TLC_MODULE_APPLYING_TO_WRONG_VALUE`,
    ///   `TLC_MODULE_COMPARE_VALUE`, `TLC_MODULE_CHECK_MEMBER_OF`,
    ///   `TLC_MODULE_COMPUTING_CARDINALITY`, `TLC_MODULE_TRANSITIVE_CLOSURE`,
    ///   `TLC_MODULE_BAG_UNION1`, `TLC_MODULE_TLCGET_UNDEFINED`.
    /// - `evaluation`: every other error; TLC raises these from its evaluator and values with
    ///   `Assert.fail` (a `TLCRuntimeException`, reported as `EC.TLC_NESTED_EXPRESSION`):
    ///   a function applied outside its domain, a CHOOSE with no witness, values of
    ///   different kinds compared, …
    ///
    /// TLC's exit code depends on this family (see the `cli` crate's `exit` module).
    pub fn code(&self) -> &'static str {
        error_code(&self.message)
    }
}

/// The kind of an error from its (TLC-worded) message; see [`EvalError::code`].
fn error_code(message: &str) -> &'static str {
    let m = message;
    let first = m.lines().next().unwrap_or("");
    if m.starts_with("The first argument of Assert evaluated to FALSE") {
        return "assert-failed";
    }
    if m.starts_with("Successor state is not completely specified")
        || m.starts_with("The initial predicate does not specify the value of")
    {
        return "unassigned-variable";
    }
    // "The [first|second|…] argument of OP should be a/an …, but instead it is:",
    // "The argument of OP should be a …", "… must be in the domain of its … argument:".
    let argument = (m.starts_with("The ") && first.contains(" argument of "))
        && (first.contains(" should be ") || first.contains(" must be in the domain of "));
    let module = argument
        || first == "The second argument of \\div is 0."
        || first == "0^0 is undefined."
        || first.starts_with("Overflow when computing")
        || (first.starts_with("Attempted to apply ") && first.ends_with(" to the empty sequence."))
        || first.starts_with("Evaluating an expression of the form ")
        || (first.starts_with("Applying ") && first.ends_with(" to the following value,"))
        || (first.starts_with("Attempted to compare ") && first.ends_with(" with the value"))
        || first == "Attempted to check if the value:"
        || first.starts_with("Attempted to compute cardinality of the value")
        || first.starts_with("Attempted to apply TransitiveClosure to a set containing")
        || first.starts_with("Attempted to apply BagUnion to the following set")
        || (first.starts_with("TLCGet(") && first.ends_with(") was undefined."));
    if module {
        "module-argument"
    } else {
        "evaluation"
    }
}

/// Result of evaluation.
pub type EvalResult<T> = Result<T, EvalError>;

/// Shorthand for an error result.
pub fn err<T>(message: impl Into<String>) -> EvalResult<T> {
    Err(EvalError::new(message))
}
