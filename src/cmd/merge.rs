//! `weekly merge`: several files for one week (a head's and team leads') folded into one YAML.

use anyhow::Result;

use super::Ctx;
use crate::cli::MergeArgs;
use crate::merge::{self, Part};
use crate::output::{write_atomic, write_stdout};
use crate::week::Week;
use crate::{Failed, UsageError, input, yaml};

/// Runs `weekly merge`.
pub fn run(args: MergeArgs, ctx: Ctx) -> Result<()> {
    input::stdin_once(&args.inputs)?;
    once_each(&args.inputs)?;
    let mut parts = Vec::new();
    let mut failed = 0;
    for name in &args.inputs {
        match read(name, args.max_size, ctx) {
            Ok(part) => parts.push(part),
            Err(err) => {
                crate::report(&err, ctx.color);
                failed += 1;
            }
        }
    }
    if failed > 0 {
        let n = args.inputs.len();
        return Err(Failed(format!("{failed} of {n} files failed; nothing merged")).into());
    }
    let week = merge::merge(&parts, ctx.rule).map_err(|errors| {
        for diag in &errors {
            crate::report(&anyhow::Error::new(diag.clone()), ctx.color);
        }
        let n = errors.len();
        let s = if n == 1 { "" } else { "s" };
        Failed(format!("{n} problem{s}; nothing merged"))
    })?;
    let text = yaml::to_string(&week)?;
    match &args.output {
        Some(path) => write_atomic(path, text.as_bytes()),
        None => write_stdout(text.as_bytes()),
    }
}

/// Refuses a file given twice (`weekly merge head.yaml reports/*.yaml` where the glob holds
/// head.yaml too): its items would all be listed twice.
fn once_each(inputs: &[String]) -> Result<()> {
    let mut seen: Vec<(std::path::PathBuf, &str)> = Vec::new();
    for name in inputs.iter().filter(|n| *n != "-") {
        let Ok(path) = std::fs::canonicalize(name) else {
            continue;
        };
        if let Some((_, first)) = seen.iter().find(|(p, _)| *p == path) {
            return Err(
                UsageError(format!("{name} is {first} again: each file is merged once")).into(),
            );
        }
        seen.push((path, name));
    }
    Ok(())
}

/// Reads a file: checked as a week (the week number against the date), kept as written.
fn read(name: &str, max_size: u64, ctx: Ctx) -> Result<Part> {
    let source = input::read(name, max_size)?;
    Week::from_source(&source, ctx.rule).map_err(|d| {
        if d.message == "the key `date` is missing" {
            d.with_help(
                "every file needs the week's `date:`: it is how files of other weeks are caught",
            )
        } else {
            d
        }
    })?;
    let week: Week = source.parse()?;
    Ok(Part { source, week })
}
