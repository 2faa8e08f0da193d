//! Name resolution, lowering to IR, and evaluation of TLA+ expressions and actions.
