//! `weekly merge`: several files for one week (a head's and team leads') folded into one YAML.

use anyhow::Result;

use super::Ctx;
use crate::cli::MergeArgs;
use crate::error::Error;
use crate::merge;
use crate::msg;
use crate::output::{write_atomic, write_stdout};
use crate::overwrite::Guard;
use crate::{input, yaml};

/// Runs `weekly merge`.
pub fn run(args: MergeArgs, ctx: Ctx) -> Result<()> {
    input::stdin_once(&args.inputs)?;
    once_each(&args.inputs)?;
    if let Some(path) = &args.output {
        Guard::new(args.inputs.iter().map(String::as_str), true).check(path)?;
    }
    let mut parts = Vec::new();
    let mut failed = 0usize;
    for name in &args.inputs {
        match merge::read(name, args.max_size, ctx.rule) {
            Ok(part) => parts.push(part),
            Err(err) => {
                crate::report(&err, ctx.color);
                failed += 1;
            }
        }
    }
    if failed > 0 {
        let n = args.inputs.len();
        return Err(Error::Failed(msg!("merge-failed", failed = failed, read = n)).into());
    }
    let week = merge::merge_with(&parts, ctx.rule, args.people).map_err(|errors| {
        for diag in &errors {
            crate::report(&anyhow::Error::new(diag.clone()), ctx.color);
        }
        Error::Failed(msg!("merge-problems", count = errors.len()))
    })?;
    let text = yaml::to_string(&week.as_written())?;
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
                Error::Usage(format!("{name} is {first} again: each file is merged once")).into(),
            );
        }
        seen.push((path, name));
    }
    Ok(())
}
