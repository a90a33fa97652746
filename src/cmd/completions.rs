//! `weekly completions SHELL`: a completion script for bash, zsh, fish, PowerShell or elvish.

use anyhow::Result;
use clap::CommandFactory;

use super::Ctx;
use crate::cli::{Cli, CompletionsArgs};
use crate::output::write_stdout;

/// Runs `weekly completions`.
pub fn run(args: CompletionsArgs, _ctx: Ctx) -> Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "weekly", &mut script);
    write_stdout(&script)
}
