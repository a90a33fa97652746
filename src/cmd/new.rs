//! `weekly new`: this week's file, carried over from last week's, written once (or `--force`).

use std::path::Path;

use anyhow::{Context, Result};

use super::Ctx;
use crate::cli::NewArgs;
use crate::config::Config;
use crate::destination::{Destination, schema_location, shown};
use crate::input;
use crate::msg;
use crate::output::{write_atomic, write_stdout};
use crate::scaffold::{self, Plan};
use crate::week::Week;
use crate::yaml::DEFAULT_MAX_SIZE;

/// Runs `weekly new`.
pub fn run(args: NewArgs, ctx: Ctx, config: &Config) -> Result<()> {
    let date = args
        .date
        .map_or_else(|| chrono::Local::now().date_naive(), |d| d.0);
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    let Destination {
        target,
        configured,
        from,
        base,
    } = Destination::find(
        args.output.as_deref(),
        args.from,
        args.force,
        config,
        date,
        ctx.rule,
        &cwd,
    )?;
    let last = from.as_deref().map(|p| read_last(p, ctx)).transpose()?;
    let daily = match config.daily_notes(args.daily_notes.as_deref()) {
        Some(dir) if !cwd.join(&dir.value).is_dir() => {
            if !args.quiet {
                eprintln!(
                    "warning: {}",
                    msg!("new-no-daily-folder", dir = shown(&dir.value, &cwd))
                );
            }
            Vec::new()
        }
        Some(dir) => scaffold::daily_links(&cwd.join(dir.value), date, ctx.rule, &base)?,
        None => Vec::new(),
    };
    let plan = Plan {
        date,
        author: config.author.as_ref().map(|a| a.value.clone()),
        daily,
    };
    let new = scaffold::build(last.as_ref(), &plan);
    let schema = config
        .schema
        .as_ref()
        .map(|s| schema_location(&s.value, &base));
    let recorded = from.as_deref().map(|f| {
        pathdiff::diff_paths(cwd.join(f), &base)
            .unwrap_or_else(|| f.to_path_buf())
            .to_string_lossy()
            .replace('\\', "/")
    });
    let text = scaffold::to_yaml(&new, schema.as_deref(), recorded.as_deref())?;
    let name = target
        .as_ref()
        .map_or_else(|| "<stdout>".to_string(), |p| shown(p, &cwd));
    scaffold::read_back(&name, &text, ctx.rule)?;
    let Some(path) = target else {
        return write_stdout(text.as_bytes());
    };
    if configured && let Some(dir) = path.parent().filter(|d| !d.exists()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    write_atomic(&path, text.as_bytes())?;
    // One line saying what was written from what; `--quiet` for cron.
    if !args.quiet {
        match from {
            Some(from) => eprintln!(
                "{}",
                msg!("new-wrote-from", file = name, from = shown(&from, &cwd))
            ),
            None => eprintln!("{}", msg!("new-wrote", file = name)),
        }
    }
    Ok(())
}

/// Reads last week, once, checked as `render` would.
fn read_last(path: &Path, ctx: Ctx) -> Result<Week> {
    let name = path.to_string_lossy();
    let source = input::read(&name, DEFAULT_MAX_SIZE)?;
    Ok(Week::from_source(&source, ctx.rule)?)
}
