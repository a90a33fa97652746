//! `weekly`: write the weekly status report as YAML, render it through Jinja templates.
//!
//! The library holds everything; `main.rs` only parses the command line, calls [`run`] and
//! turns the outcome into an exit code (0 ok, 1 bad input or failed check, 2 usage).

pub mod batch;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod dates;
pub mod deadline;
pub mod destination;
pub mod diag;
pub mod editor;
pub mod error;
pub mod extract;
pub mod facts;
pub mod import;
pub mod incident;
pub mod input;
pub mod key;
pub mod links;
pub mod mail;
pub mod markdown;
pub mod merge;
pub mod messages;
pub mod output;
pub mod overwrite;
pub mod pool;
pub mod quantity;
pub mod render;
pub mod rollup;
pub mod sanitize;
pub mod scaffold;
pub mod schema;
pub mod signals;
pub mod templates;
pub mod trend;
pub mod view;
pub mod watch;
pub mod week;
pub mod yaml;

use std::io::IsTerminal;
use std::process::ExitCode;

use cli::{Cli, Command};
use config::Config;
use diag::Diagnostic;

/// Whether stderr should get colours: a terminal, and `NO_COLOR` unset.
pub fn stderr_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

/// Runs a parsed command line and returns the exit code.
pub fn run(cli: Cli) -> ExitCode {
    // a single render starts the handler's thread only if it writes a file
    signals::install(
        !matches!(&cli.command, Command::Render(a) if a.out_dir.is_none() && !a.watch),
    );
    let color = stderr_color();
    let needs_config = !matches!(cli.command, Command::Schema(_) | Command::Man(_));
    let config = if needs_config {
        match Config::discover() {
            Ok(config) => config,
            Err(err) => {
                report(&err, color);
                return ExitCode::from(1);
            }
        }
    } else {
        Config::default()
    };
    messages::set(config.lang(template_flag(&cli.command)));
    for warning in &config.warnings {
        eprintln!("weekly: warning: {warning}");
    }
    if let Some(broken) = &config.broken {
        // a command that reads the config stops on it; the others go on and say so
        if uses_config(&cli.command) {
            report(broken, color);
            return ExitCode::from(1);
        }
        eprint!(
            "weekly: warning: {}\n{}",
            msg!("config-ignored"),
            format_error(broken, color)
        );
    }
    let ctx = cmd::Ctx {
        rule: config.rule(cli.week_numbering).value,
        color,
    };
    let result = match cli.command {
        Command::Render(args) => cmd::render::run(args, ctx, &config),
        Command::Templates(mut args) => {
            if args.templates.is_none() {
                args.templates = config.templates.as_ref().map(|s| s.value.clone());
            }
            cmd::templates::run(args, ctx)
        }
        Command::New(args) => cmd::new::run(args, ctx, &config),
        Command::Edit(args) => cmd::edit::run(args, ctx, &config),
        Command::Config(args) => cmd::config::run(args, &config, cli.week_numbering),
        Command::Schema(args) => cmd::schema::run(args, ctx),
        Command::Completions(args) => cmd::completions::run(args, ctx, &config),
        Command::Man(args) => cmd::man::run(args, ctx),
        Command::Check(args) => cmd::check::run(args, ctx, &config),
        Command::Trend(args) => cmd::trend::run(args, ctx, &config),
        Command::Rollup(args) => cmd::rollup::run(args, ctx, &config),
        Command::Merge(args) => cmd::merge::run(args, ctx),
        Command::Import(args) => cmd::import::run(args, ctx, &config),
        Command::Mail(args) => cmd::mail::run(args, ctx, &config),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            report(&err, ctx.color);
            ExitCode::from(error::status(&err))
        }
    }
}

/// The `--template` given on the command line, which decides the language of messages.
fn template_flag(command: &Command) -> Option<&str> {
    match command {
        Command::Render(args) => args.template.as_deref(),
        Command::Mail(args) => args.template.as_deref(),
        _ => None,
    }
}

/// Whether `command` reads settings of `weekly.toml` beyond the week rule (a template, a
/// folder, an address): a broken config file stops it.
fn uses_config(command: &Command) -> bool {
    matches!(
        command,
        Command::Render(_)
            | Command::Templates(_)
            | Command::New(_)
            | Command::Config(_)
            | Command::Check(_)
            | Command::Trend(_)
            | Command::Rollup(_)
            | Command::Mail(_)
            | Command::Edit(_)
            | Command::Import(_)
    )
}

/// Prints an error to stderr: a diagnostic with its snippet, or `error:` and each `caused by:`.
pub fn report(err: &anyhow::Error, color: bool) {
    eprint!("{}", format_error(err, color));
}

/// The text [`report`] prints.
pub fn format_error(err: &anyhow::Error, color: bool) -> String {
    if let Some(diag) = err.chain().find_map(|e| e.downcast_ref::<Diagnostic>()) {
        let mut out = diag.render(color);
        out.push('\n');
        for outer in err
            .chain()
            .take_while(|e| e.downcast_ref::<Diagnostic>().is_none())
        {
            out.push_str(&format!("note: {outer}\n"));
        }
        return out;
    }
    let mut out = format!("error: {err}\n");
    for cause in err.chain().skip(1) {
        out.push_str(&format!("caused by: {cause}\n"));
    }
    if error::is_usage(err) {
        out.push_str("\nFor more information, try '--help'.\n");
    }
    out
}
