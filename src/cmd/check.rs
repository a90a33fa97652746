//! `weekly check`: parse errors and lints for many weeks, each diagnostic starting with a
//! `FILE:LINE:COL: warning[code]: message` line, and a summary line when something was found.

use std::path::Path;

use anstyle::{AnsiColor, Style};
use anyhow::Result;
use chrono::NaiveDate;

use super::Ctx;
use crate::batch;
use crate::check::{self, LINTS};
use crate::cli::CheckArgs;
use crate::config::Config;
use crate::destination;
use crate::diag::{Diagnostic, nearest};
use crate::error::Error;
use crate::facts;
use crate::input;
use crate::msg;
use crate::scaffold;
use crate::week::{Directions, Week};

/// Runs `weekly check`.
pub fn run(mut args: CheckArgs, ctx: Ctx, config: &Config) -> Result<()> {
    if let Some(code) = &args.explain {
        return explain(code);
    }
    if args.inputs.is_empty() {
        let today = chrono::Local::now().date_naive();
        args.inputs = vec![destination::this_week(config, today, ctx.rule)?];
    }
    input::stdin_once(&args.inputs)?;
    let today = args
        .today
        .map_or_else(|| chrono::Local::now().date_naive(), |d| d.0);
    let mut tally = Tally::default();
    let files = batch::run(
        &args.inputs,
        args.max_size,
        |found| check_one(&found.name, args.max_size, ctx, &config.metrics, today),
        |_, warnings| {
            let warnings = warnings?;
            for w in &warnings {
                eprint!("{}", w.render_located(ctx.color));
            }
            tally.warnings += warnings.len();
            tally.warned_files += usize::from(!warnings.is_empty());
            Ok(())
        },
        |err| match err.downcast_ref::<Diagnostic>() {
            Some(diag) => eprint!("{}", diag.render_located(ctx.color)),
            None => crate::report(err, ctx.color),
        },
    )?;
    if files.read == 0 {
        return Err(input::no_weeks(&args.inputs));
    }
    tally.failed = files.failed;
    tally.finish(files.read, args.deny_warnings, ctx.color)
}

/// Parses one week (the errors `render` gives) and lints it, with the week it was carried
/// over from when `weekly new` recorded it and it reads.
fn check_one(
    name: &str,
    max_size: u64,
    ctx: Ctx,
    directions: &Directions,
    today: NaiveDate,
) -> Result<Vec<Diagnostic>> {
    let source = input::read(name, max_size)?;
    let week = Week::from_source(&source, ctx.rule)?;
    let recorded = scaffold::recorded_from(&source.text);
    let last = recorded.and_then(|from| {
        let folder = Path::new(name).parent().unwrap_or(Path::new(""));
        let path = folder.join(from);
        let last = input::read(&path.to_string_lossy(), max_size).ok()?;
        Week::from_source(&last, ctx.rule).ok()
    });
    let settings = check::Settings {
        directions,
        today,
        last: recorded.zip(last.as_ref()),
    };
    let mut warnings = check::lint(&week, &source, &settings);
    warnings.extend(facts::lint(&week, &source, ctx.rule, directions));
    warnings.sort_by_key(|d| (d.line, d.col));
    Ok(warnings)
}

/// Prints the explanation of a code on stdout.
fn explain(code: &str) -> Result<()> {
    let Some(lint) = check::find(code) else {
        let codes: Vec<&str> = LINTS.iter().map(|l| l.code.as_str()).collect();
        let codes_list = codes.join(", ");
        let message = match nearest(code, codes.iter().copied()) {
            Some(near) => msg!(
                "check-unknown-code-near",
                code = code,
                near = near,
                codes = codes_list
            ),
            None => msg!("check-unknown-code", code = code, codes = codes_list),
        };
        return Err(Error::Usage(message).into());
    };
    let severity = match lint.severity {
        crate::diag::Severity::Error => msg!("severity-error"),
        crate::diag::Severity::Warning => msg!("severity-warning"),
    };
    let text = format!(
        "{} ({severity}): {}\n\n{}\n",
        lint.code,
        lint.summary(),
        lint.explanation()
    );
    crate::output::write_stdout(text.as_bytes())
}

/// What a run found.
#[derive(Default)]
struct Tally {
    warnings: usize,
    warned_files: usize,
    failed: usize,
}

impl Tally {
    /// The summary line and the outcome: quiet on success, exit 1 on errors or denied warnings.
    fn finish(&self, files: usize, deny: bool, color: bool) -> Result<()> {
        let warnings = msg!("warnings-count", count = self.warnings);
        if self.failed > 0 {
            let which = some_of(self.failed, files);
            let message = if self.warnings > 0 {
                msg!(
                    "check-had-errors-and-warnings",
                    which = which,
                    warnings = warnings
                )
            } else {
                msg!("check-had-errors", which = which)
            };
            return Err(Error::Failed(message).into());
        }
        if self.warnings == 0 {
            return Ok(());
        }
        let which = some_of(self.warned_files, files);
        if deny {
            let message = msg!("check-denied", warnings = warnings, which = which);
            return Err(Error::Failed(message).into());
        }
        let label = if color {
            let style = Style::new().bold().fg_color(Some(AnsiColor::Yellow.into()));
            format!("{style}warning{style:#}")
        } else {
            "warning".to_string()
        };
        eprintln!(
            "{label}: {}",
            msg!("check-warned", warnings = warnings, which = which)
        );
        Ok(())
    }
}

/// `2 files` when it is all of them, else `1 of 2 files`.
fn some_of(some: usize, files: usize) -> String {
    if some == files {
        msg!("files-count", count = files)
    } else {
        msg!("files-some-of", some = some, count = files)
    }
}
