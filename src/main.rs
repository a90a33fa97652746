//! The `weekly` binary: parse flags, run, exit with the code `run` chose.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    weekly::run(weekly::cli::Cli::parse())
}
