//! `weekly completions SHELL`: a completion script for bash, zsh, fish, PowerShell or elvish.
//! `-t` completes the built-in template names and those of the user's templates folder as it
//! is when the script is made.

use anyhow::Result;
use clap::CommandFactory;

use super::Ctx;
use crate::cli::{Cli, CompletionsArgs, Offered, template_names};
use crate::config::Config;
use crate::output::write_stdout;
use crate::templates;

/// Runs `weekly completions`.
pub fn run(args: CompletionsArgs, _ctx: Ctx, config: &Config) -> Result<()> {
    let mut names = template_names();
    if let Some(dir) = config.templates(args.templates.as_deref()) {
        for name in templates::user_reports(&dir.value) {
            if !names.contains(&name.as_str()) {
                // the script is made once per run: the few names may live as long as it
                names.push(Box::leak(name.into_boxed_str()));
            }
        }
    }
    let mut cmd = Cli::command();
    cmd.build();
    for sub in ["render", "mail"] {
        let offered = Offered(names.clone());
        cmd = cmd.mut_subcommand(sub, |s| s.mut_arg("template", |a| a.value_parser(offered)));
    }
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "weekly", &mut script);
    write_stdout(&script)
}
