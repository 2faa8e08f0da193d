//! Binds a TLA+ module and a TLC config into a check::Model.
