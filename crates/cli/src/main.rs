//! The `warden` command-line tool: argument parsing, file IO, exit codes.

mod args;
mod check_cmd;
mod exit;
mod itf;
mod output;
mod report;
mod suite_cmd;

use clap::Parser;

fn main() {
    let argv = args::normalize_tlc_spellings(std::env::args_os());
    let cli = args::Cli::parse_from(argv);
    let code = match &cli.command {
        args::Command::Check(a) => check_cmd::run(a),
        args::Command::Suite(a) => suite_cmd::run(a, &suite::TlaEngine),
    };
    match code {
        Ok(c) => std::process::exit(c),
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::exit(exit::SYSTEM);
        }
    }
}
