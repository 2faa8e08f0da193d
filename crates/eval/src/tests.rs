//! Unit tests of lowering and evaluation.
