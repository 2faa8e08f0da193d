//! Errors raised by value operations, worded as TLC words them.
//!
//! Errors are data: each variant keeps the values involved, and [`std::fmt::Display`] renders
//! TLC's message (values pretty-printed as TLC's `Values.ppr` does), so that a user who knows
//! TLC's output recognises the failure and a test can compare the text.

use std::fmt;

use crate::print::pretty_print;
use crate::{Str, Value};

/// A failure of a value operation.
#[derive(Clone, Debug, PartialEq)]
pub enum ValueError {
    /// TLC cannot order these two values (sorting a set or function domain, `CHOOSE`).
    Incomparable {
        /// The value whose comparison method failed (the left operand).
        left: Value,
        /// The other value.
        right: Value,
    },
    /// TLC cannot decide equality of these two values (`1 = "a"`).
    IncomparableEq {
        /// The left operand.
        left: Value,
        /// The right operand.
        right: Value,
    },
    /// A function was applied outside its domain.
    NotInDomain {
        /// The function.
        func: Value,
        /// The argument.
        arg: Value,
    },
    /// A tuple was indexed outside `1..Len`.
    IndexOutOfBounds {
        /// The index.
        index: i64,
        /// The tuple.
        tuple: Value,
    },
    /// A tuple was applied to something that is not an integer.
    NonIntegerIndex {
        /// The argument.
        arg: Value,
    },
    /// A record has no such field.
    NoSuchField {
        /// The field name.
        field: Str,
        /// The record.
        record: Value,
    },
    /// A record was applied to something that is not a string.
    NonStringField {
        /// The argument.
        arg: Value,
    },
    /// A function was built with the same argument twice.
    DuplicateDomain {
        /// The repeated argument.
        key: Value,
    },
    /// A record was built with the same field twice.
    DuplicateField {
        /// The repeated field name.
        name: Str,
    },
    /// An operation needed a set.
    NotASet {
        /// What was being done, e.g. `"compute the cardinality of"`.
        op: &'static str,
        /// The offending value.
        value: Value,
    },
    /// An operation needed a function.
    NotAFunction {
        /// What was being done, e.g. `"apply"`.
        op: &'static str,
        /// The offending value.
        value: Value,
    },
    /// A sequence operator got something that is not a sequence.
    NotASequence {
        /// The operator: `"Len"`, `"Head"`, `"Tail"`, `"Append"`, `"\\o"`, `"SubSeq"`.
        op: &'static str,
        /// The argument position in TLC's wording (`"first"`, `"second"`).
        position: &'static str,
        /// The offending value.
        value: Value,
    },
    /// `Head` or `Tail` of `<<>>`.
    EmptySequence {
        /// The operator.
        op: &'static str,
    },
    /// `SubSeq(s, m, n)` with indices outside the sequence.
    SubSeqOutOfRange {
        /// The start index.
        from: i64,
        /// The end index.
        to: i64,
        /// The sequence.
        seq: Value,
    },
    /// A membership test TLC refuses (e.g. a string in an integer interval).
    Membership {
        /// The element.
        elem: Value,
        /// The set (or non-set) tested.
        set: Value,
    },
    /// An infinite set was enumerated.
    Infinite {
        /// The set.
        set: Value,
    },
    /// A set too large to enumerate (more than [`crate::ENUMERATION_LIMIT`] elements).
    TooLarge {
        /// The set.
        set: Value,
    },
    /// Integer overflow in an arithmetic operator.
    Overflow {
        /// The operator symbol, e.g. `"+"`.
        op: &'static str,
        /// The left operand.
        left: i64,
        /// The right operand.
        right: i64,
    },
    /// Division or modulus by zero (or a non-positive modulus).
    DivisionByZero {
        /// The operator symbol, `"\\div"` or `"%"`.
        op: &'static str,
        /// The left operand.
        left: i64,
        /// The right operand.
        right: i64,
    },
    /// EXCEPT applied to a value that is not a function.
    ExceptOnNonFunction {
        /// The value.
        value: Value,
    },
}

fn pp(v: &Value) -> String {
    pretty_print(&v.to_string())
}

fn mv_is_typed(v: &Value) -> bool {
    matches!(v, Value::ModelValue(n) if crate::order::model_value_type(n).is_some())
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValueError::Incomparable { left, right } => match left {
                Value::ModelValue(_) => {
                    if let Value::ModelValue(_) = right {
                        write!(
                            f,
                            "Attempted to compare the differently-typed model values {} and {}",
                            pp(left),
                            pp(right)
                        )
                    } else {
                        write!(
                            f,
                            "Attempted to compare the typed model value {} and non-model value\n{}",
                            pp(left),
                            pp(right)
                        )
                    }
                }
                _ if mv_is_typed(right) => write!(
                    f,
                    "Attempted to compare the typed model value {} and the non-model value\n{}",
                    pp(right),
                    pp(left)
                ),
                Value::Int(_) => write!(
                    f,
                    "Attempted to compare integer {} with non-integer:\n{}",
                    pp(left),
                    pp(right)
                ),
                Value::Bool(_) => write!(
                    f,
                    "Attempted to compare boolean {} with non-boolean:\n{}",
                    pp(left),
                    pp(right)
                ),
                Value::Str(_) => write!(
                    f,
                    "Attempted to compare string {} with non-string:\n{}",
                    pp(left),
                    pp(right)
                ),
                Value::Set(_) | Value::Lazy(_) => write!(
                    f,
                    "Attempted to compare the set {} with the value:\n{}",
                    pp(left),
                    pp(right)
                ),
                Value::Record(_) => write!(
                    f,
                    "Attempted to compare record:\n{}\nwith non-record\n{}",
                    pp(left),
                    pp(right)
                ),
                Value::Tuple(_) | Value::Func(_) => write!(
                    f,
                    "Attempted to compare the function {} with the value:\n{}",
                    pp(left),
                    pp(right)
                ),
            },
            ValueError::IncomparableEq { left, right } => match left {
                Value::ModelValue(_) => {
                    if let Value::ModelValue(_) = right {
                        write!(
                            f,
                            "Attempted to check equality of the differently-typed model values {} and {}",
                            pp(left),
                            pp(right)
                        )
                    } else {
                        write!(
                            f,
                            "Attempted to check equality of typed model value {} and non-model value\n{}",
                            pp(left),
                            pp(right)
                        )
                    }
                }
                _ if mv_is_typed(right) => write!(
                    f,
                    "Attempted to check equality of the typed model value {} and the non-model value\n{}",
                    pp(right),
                    pp(left)
                ),
                Value::Int(_) => write!(
                    f,
                    "Attempted to check equality of integer {} with non-integer:\n{}",
                    pp(left),
                    pp(right)
                ),
                Value::Bool(_) => write!(
                    f,
                    "Attempted to compare equality of boolean {} with non-boolean:\n{}",
                    pp(left),
                    pp(right)
                ),
                Value::Str(_) => write!(
                    f,
                    "Attempted to check equality of string {} with non-string:\n{}",
                    pp(left),
                    pp(right)
                ),
                Value::Set(_) | Value::Lazy(_) => write!(
                    f,
                    "Attempted to check equality of the set {} with the value:\n{}",
                    pp(left),
                    pp(right)
                ),
                Value::Record(_) => write!(
                    f,
                    "Attempted to check equality of record:\n{}\nwith non-record\n{}",
                    pp(left),
                    pp(right)
                ),
                Value::Tuple(_) | Value::Func(_) => write!(
                    f,
                    "Attempted to check equality of the function {} with the value:\n{}",
                    pp(left),
                    pp(right)
                ),
            },
            ValueError::NotInDomain { func, arg } => write!(
                f,
                "Attempted to apply function:\n{}\nto argument {}, which is not in the domain of the function.",
                pp(func),
                pp(arg)
            ),
            ValueError::IndexOutOfBounds { index, tuple } => write!(
                f,
                "Attempted to access index {} of tuple\n{}\nwhich is out of bounds.",
                index,
                pp(tuple)
            ),
            ValueError::NonIntegerIndex { arg } => write!(
                f,
                "Attempted to access tuple at a non integral index: {}",
                pp(arg)
            ),
            ValueError::NoSuchField { field, record } => write!(
                f,
                "Attempted to access nonexistent field '{}' of record\n{}",
                field,
                pp(record)
            ),
            ValueError::NonStringField { arg } => write!(
                f,
                "Attempted to access record by a non-string argument: {}",
                pp(arg)
            ),
            ValueError::DuplicateDomain { key } => write!(
                f,
                "The value\n{}\noccurs multiple times in the function domain.",
                pp(key)
            ),
            ValueError::DuplicateField { name } => {
                write!(f, "Field name {name} occurs multiple times in record.")
            }
            ValueError::NotASet { op, value } => {
                write!(f, "Attempted to {op} the value\n{}\nwhich is not a set.", pp(value))
            }
            ValueError::NotAFunction { op, value } => write!(
                f,
                "Attempted to {op} the value\n{}\nwhich is not a function.",
                pp(value)
            ),
            ValueError::NotASequence { op, position, value } => match (*op, *position) {
                ("Append", _) => write!(
                    f,
                    "Evaluating an expression of the form Append(s, v) when s is not a sequence:\n{}",
                    pp(value)
                ),
                ("\\o", "first") => write!(
                    f,
                    "Evaluating an expression of the form s \\o t when s is not a sequence:\n{}",
                    pp(value)
                ),
                ("\\o", _) => write!(
                    f,
                    "Evaluating an expression of the form t \\o s when s is not a sequence:\n{}",
                    pp(value)
                ),
                ("SubSeq", _) => write!(
                    f,
                    "The first argument of SubSeq should be a sequence, but instead it is:\n{}",
                    pp(value)
                ),
                _ => write!(
                    f,
                    "The argument of {op} should be a sequence, but instead it is:\n{}",
                    pp(value)
                ),
            },
            ValueError::EmptySequence { op } => {
                write!(f, "Attempted to apply {op} to the empty sequence.")
            }
            ValueError::SubSeqOutOfRange { from, to, seq } => {
                let len = seq.fn_len().unwrap_or(0) as i64;
                let (which, bad) = if *from < 1 || *from > len {
                    ("second", from)
                } else {
                    ("third", to)
                };
                write!(
                    f,
                    "The {which} argument of SubSeq must be in the domain of its first argument:\n{}\n, but instead it is\n{}",
                    pp(seq),
                    bad
                )
            }
            ValueError::Membership { elem, set } => write!(
                f,
                "Attempted to check if the value:\n{}\nis an element of\n{}",
                pp(elem),
                pp(set)
            ),
            ValueError::Infinite { set } => write!(
                f,
                "Attempted to enumerate the infinite set\n{}",
                pp(set)
            ),
            ValueError::TooLarge { set } => write!(
                f,
                "Attempted to enumerate a set with more than {} elements:\n{}",
                crate::ENUMERATION_LIMIT,
                pp(set)
            ),
            ValueError::Overflow { op, left, right } => {
                write!(f, "Overflow when computing {left}{op}{right}")
            }
            ValueError::DivisionByZero { op, right, .. } => {
                if *op == "%" {
                    write!(
                        f,
                        "The second argument of % should be a positive number, but instead it is:\n{right}"
                    )
                } else {
                    write!(f, "The second argument of \\div is 0.")
                }
            }
            ValueError::ExceptOnNonFunction { value } => write!(
                f,
                "Attempted to apply EXCEPT to the value\n{}\nwhich is not a function.",
                pp(value)
            ),
        }
    }
}

impl std::error::Error for ValueError {}
