//! The `warden` command-line tool: argument parsing, file IO, exit codes.

mod alloc;
mod args;
mod bench;
mod check_cmd;
mod exit;
mod itf;
mod limits;
mod memory;
mod output;
mod progress;
mod report;
mod suite_cmd;

use clap::Parser;

/// The allocator (see the `alloc` module).
#[global_allocator]
static ALLOCATOR: alloc::Allocator = alloc::Allocator;

fn main() {
    // The checker evaluates on this thread (and on workers with the same stack), so that a
    // deeply recursive spec meets the evaluator's depth limit rather than a stack overflow.
    let code = std::thread::Builder::new()
        .stack_size(check::EVAL_STACK_SIZE)
        .spawn(run)
        .expect("the operating system starts the main thread")
        .join();
    match code {
        Ok(c) => std::process::exit(c),
        // The panic message is already on stderr.
        Err(_) => std::process::exit(101),
    }
}

/// Parses the arguments, runs the command and returns the exit code.
fn run() -> i32 {
    let argv = args::normalize_tlc_spellings(std::env::args_os());
    let cli = args::Cli::parse_from(argv);
    let code = match &cli.command {
        args::Command::Check(a) => check_cmd::run(a),
        args::Command::Suite(a) => suite_cmd::run(a, &suite::TlaEngine),
        args::Command::Bench(a) => bench::run(a),
    };
    match code {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e:#}");
            exit::SYSTEM
        }
    }
}
