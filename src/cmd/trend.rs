//! `weekly trend`: metrics across many week files, as a Markdown table, CSV, JSON or Mermaid.

use anyhow::Result;

use super::Ctx;
use crate::batch;
use crate::cli::TrendArgs;
use crate::config::Config;
use crate::error::Error;
use crate::input;
use crate::msg;
use crate::output::{write_atomic, write_stdout};
use crate::overwrite::Guard;
use crate::trend::{Collector, Format};
use crate::week::Week;

/// Runs `weekly trend`.
pub fn run(args: TrendArgs, ctx: Ctx, config: &Config) -> Result<()> {
    if args.mermaid && args.format != Format::Md {
        return Err(Error::Usage("--mermaid goes with --format md".into()).into());
    }
    input::stdin_once(&args.inputs)?;
    if let Some(path) = &args.output {
        let found = input::week_inputs(&args.inputs)?;
        Guard::new(found.iter().map(|f| f.name.as_str()), true).check(path)?;
    }
    let mut collector = Collector::new(config.metrics.clone());
    let tally = batch::run(
        &args.inputs,
        args.max_size,
        |file| {
            let source = input::read(&file.name, args.max_size)?;
            Ok(Week::from_source(&source, ctx.rule)?)
        },
        |file, week| {
            collector.add(&file.name, &week?, ctx.rule);
            Ok(())
        },
        |err| crate::report(err, ctx.color),
    )?;
    tally.finish(&args.inputs, |failed, read| {
        msg!("trend-failed", failed = failed, read = read)
    })?;
    let mut trend = collector.finish()?;
    trend.select(&args.metric)?;
    let text = trend.print(args.format, args.mermaid)?;
    match &args.output {
        Some(path) => write_atomic(path, text.as_bytes()),
        None => write_stdout(text.as_bytes()),
    }
}
