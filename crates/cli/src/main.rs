//! The `warden` command-line tool.

fn main() {}
