//! Errors raised while evaluating an expression in a state.
//!
//! An evaluation error is data: a message in TLC's words where TLC has words for it, and the
//! span of the expression that failed, so the report can point at the source.

use source::Span;

/// An error raised by evaluation (or enumeration) of an expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvalError {
    /// What went wrong, one or more lines.
    pub message: String,
    /// The expression being evaluated when it failed, if known.
    pub span: Option<Span>,
}

impl EvalError {
    /// An error at no particular place (the caller usually adds one with [`EvalError::at`]).
    pub fn new(message: impl Into<String>) -> EvalError {
        EvalError {
            message: message.into(),
            span: None,
        }
    }

    /// Sets the span if none is set yet (the innermost expression wins).
    pub fn at(mut self, span: Span) -> EvalError {
        if self.span.is_none() {
            self.span = Some(span);
        }
        self
    }
}

/// Result of evaluation.
pub type EvalResult<T> = Result<T, EvalError>;

/// Shorthand for an error result.
pub fn err<T>(message: impl Into<String>) -> EvalResult<T> {
    Err(EvalError::new(message))
}
