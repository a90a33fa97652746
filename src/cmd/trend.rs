//! `weekly trend`: metrics across many week files, as a Markdown table, CSV, JSON or Mermaid.

use std::path::Path;

use anyhow::{Context, Result};

use super::Ctx;
use crate::cli::TrendArgs;
use crate::output::write_stdout;
use crate::trend::{Collector, Format};
use crate::week::Week;
use crate::{Failed, UsageError, input};

/// Runs `weekly trend`.
pub fn run(args: TrendArgs, ctx: Ctx) -> Result<()> {
    if args.mermaid && args.format != Format::Md {
        return Err(UsageError("--mermaid goes with --format md".into()).into());
    }
    let files = expand(&args.inputs)?;
    let mut collector = Collector::default();
    let mut failed = 0;
    for file in &files {
        let read = input::read(file, args.max_size)
            .and_then(|source| Ok(Week::from_source(&source, ctx.rule)?));
        match read {
            Ok(week) => collector.add(file, &week, ctx.rule),
            Err(err) => {
                crate::report(&err, ctx.color);
                failed += 1;
            }
        }
    }
    if failed > 0 {
        return Err(Failed(format!(
            "{failed} of {} files failed; no trend printed",
            files.len()
        ))
        .into());
    }
    let mut trend = collector.finish()?;
    trend.select(&args.metric)?;
    write_stdout(trend.print(args.format, args.mermaid)?.as_bytes())
}

/// The files named, with each folder replaced by its `*.yaml`, `*.yml` and `*.json` files
/// (sorted by name, hidden files skipped, not recursive).
fn expand(inputs: &[String]) -> Result<Vec<String>> {
    let mut files = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        if input != "-" && path.is_dir() {
            let before = files.len();
            files.extend(week_files(path)?);
            if files.len() == before {
                anyhow::bail!("{input} holds no week files (*.yaml, *.yml, *.json)");
            }
        } else {
            files.push(input.clone());
        }
    }
    Ok(files)
}

fn week_files(dir: &Path) -> Result<Vec<String>> {
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    let mut found = Vec::new();
    for entry in entries {
        let path = entry
            .with_context(|| format!("cannot read {}", dir.display()))?
            .path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let hidden = name.as_deref().is_none_or(|n| n.starts_with('.'));
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        let week = matches!(ext.as_deref(), Some("yaml" | "yml" | "json"));
        if week && !hidden && path.is_file() {
            found.push(path.to_string_lossy().into_owned());
        }
    }
    found.sort();
    Ok(found)
}
