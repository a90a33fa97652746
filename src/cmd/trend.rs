//! `weekly trend`: metrics across many week files, as a Markdown table, CSV, JSON or Mermaid.

use anyhow::Result;

use super::Ctx;
use crate::cli::TrendArgs;
use crate::error::Error;
use crate::input;
use crate::output::{write_atomic, write_stdout};
use crate::trend::{Collector, Format};
use crate::week::Week;

/// Runs `weekly trend`.
pub fn run(args: TrendArgs, ctx: Ctx) -> Result<()> {
    if args.mermaid && args.format != Format::Md {
        return Err(Error::Usage("--mermaid goes with --format md".into()).into());
    }
    input::stdin_once(&args.inputs)?;
    let files = input::week_inputs(&args.inputs)?;
    let mut collector = Collector::default();
    let (mut read, mut failed) = (0, 0);
    for file in &files {
        let week = input::read(&file.name, args.max_size)
            .and_then(|source| Ok(Week::from_source(&source, ctx.rule)?));
        match week {
            Ok(week) => collector.add(&file.name, &week, ctx.rule),
            Err(_) if input::is_other_document(file, args.max_size) => continue,
            Err(err) => {
                crate::report(&err, ctx.color);
                failed += 1;
            }
        }
        read += 1;
    }
    if failed > 0 {
        return Err(
            Error::Failed(format!("{failed} of {read} files failed; no trend printed")).into(),
        );
    }
    if read == 0 {
        return Err(input::no_weeks(&args.inputs));
    }
    let mut trend = collector.finish()?;
    trend.select(&args.metric)?;
    let text = trend.print(args.format, args.mermaid)?;
    match &args.output {
        Some(path) => write_atomic(path, text.as_bytes()),
        None => write_stdout(text.as_bytes()),
    }
}
