//! `weekly edit`: this week's file in the user's editor, started with `weekly new` if missing.

use anyhow::Result;

use super::Ctx;
use crate::cli::{EditArgs, NewArgs};
use crate::config::Config;
use crate::{destination, editor};

/// Runs `weekly edit`.
pub fn run(args: EditArgs, ctx: Ctx, config: &Config) -> Result<()> {
    let date = args
        .date
        .map_or_else(|| chrono::Local::now().date_naive(), |d| d.0);
    let path = destination::this_week_path(config, date, ctx.rule)?;
    if !path.exists() {
        let new = NewArgs {
            date: Some(crate::dates::Date(date)),
            from: None,
            output: None,
            force: false,
            daily_notes: None,
            quiet: false,
        };
        super::new::run(new, ctx, config)?;
    }
    editor::open(&editor::command(), &path)
}
