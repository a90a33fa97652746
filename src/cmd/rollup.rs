//! `weekly rollup`: the month, quarter, half or year drawn from a folder of weeks, as a YAML
//! draft or rendered through the rollup template.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::Ctx;
use crate::batch;
use crate::cli::RollupArgs;
use crate::config::Config;
use crate::error::Error;
use crate::input;
use crate::msg;
use crate::output::{write_atomic, write_stdout};
use crate::overwrite::Guard;
use crate::render::{self, Renderer};
use crate::rollup::{self, Format, Lang, Period, Settings};
use crate::templates;
use crate::view::Options;
use crate::week::Week;
use crate::yaml::Source;

/// Runs `weekly rollup`.
pub fn run(args: RollupArgs, ctx: Ctx, config: &Config) -> Result<()> {
    let period = period(&args, config).map_err(Error::Usage)?;
    input::stdin_once(&args.inputs)?;
    if let Some(path) = &args.output {
        let found = input::week_inputs(&args.inputs)?;
        Guard::new(found.iter().map(|f| f.name.as_str()), true).check(path)?;
    }
    let weeks = read(&args, ctx)?;
    let settings = Settings {
        placing: config
            .rollup
            .placing
            .as_ref()
            .map(|s| s.value)
            .unwrap_or_default(),
        directions: config.metrics.clone(),
        aggregates: config.rollup.aggregates.clone(),
        rule: ctx.rule,
    };
    let read = weeks.len();
    let rolled = rollup::roll(period, weeks, &settings)?;
    if rolled.weeks.is_empty() {
        return Err(Error::Failed(msg!(
            "rollup-no-week",
            period = period.label(),
            start = period.start.to_string(),
            end = period.end.to_string(),
            read = read
        ))
        .into());
    }
    for m in &rolled.missing {
        let missing = msg!(
            "rollup-missing-week",
            period = period.label(),
            week = m.label.as_str(),
            monday = m.monday.to_string()
        );
        eprintln!("weekly: warning: {missing}");
    }
    let template = config.template(args.template.as_deref()).value;
    let lang = Lang::of_template(&template);
    let dir = match &args.output {
        Some(path) => path.parent().map_or(PathBuf::from("."), Path::to_path_buf),
        None => PathBuf::from("."),
    };
    let doc = rolled.document(lang, &dir);
    let yaml = crate::yaml::to_string(&doc.as_written())?;
    let text = match args.format {
        Format::Yaml => yaml,
        other => rendered(&yaml, other, &template, &args, ctx, config)?,
    };
    match &args.output {
        Some(path) => write_atomic(path, text.as_bytes()),
        None => write_stdout(text.as_bytes()),
    }
}

/// The period the flags name.
fn period(args: &RollupArgs, config: &Config) -> Result<Period, String> {
    let fy = config.rollup.fiscal_start();
    if let Some(m) = &args.month {
        return Period::month(m);
    }
    if let Some(q) = &args.quarter {
        return Period::quarter(q, fy);
    }
    if let Some(h) = &args.half {
        return Period::half(h, fy);
    }
    if let Some(y) = &args.year {
        return Period::year(y, fy);
    }
    match (args.from, args.to) {
        (Some(from), Some(to)) => Period::range(from, to),
        _ => Err(msg!("rollup-no-period")),
    }
}

/// Every week the inputs hold (a rollup's weeks in its place), each file once; a broken week
/// is reported and the others still read, then the run fails.
fn read(args: &RollupArgs, ctx: Ctx) -> Result<Vec<(String, Week)>> {
    let parse = |name: &str| -> Result<Week> {
        let source = input::read(name, args.max_size)?;
        Ok(Week::from_source(&source, ctx.rule)?)
    };
    let mut weeks = Vec::new();
    let mut seen = HashSet::new();
    let mut keep = |name: String, week: Week, weeks: &mut Vec<(String, Week)>| {
        let id = std::fs::canonicalize(&name).unwrap_or_else(|_| PathBuf::from(&name));
        if name == "-" || seen.insert(id) {
            weeks.push((name, week));
        }
    };
    let tally = batch::run(
        &args.inputs,
        args.max_size,
        |file| parse(&file.name),
        |file, week| {
            let week = week?;
            match rollup::drawn_from(&file.name, &week) {
                Some(files) => {
                    for path in files {
                        let name = path.to_string_lossy().into_owned();
                        let week = parse(&name).map_err(|e| {
                            e.context(format!("a week {} was drawn from", file.name))
                        })?;
                        keep(name, week, &mut weeks);
                    }
                }
                None => keep(file.name.clone(), week, &mut weeks),
            }
            Ok(())
        },
        |err| crate::report(err, ctx.color),
    )?;
    tally.finish(&args.inputs, |failed, read| {
        msg!("rollup-failed", failed = failed, read = read)
    })?;
    Ok(weeks)
}

/// The YAML rollup rendered through the rollup template (`rollup-zh`, `rollup-en`, or the
/// user's) in `format`.
fn rendered(
    yaml: &str,
    format: Format,
    template: &str,
    args: &RollupArgs,
    ctx: Ctx,
    config: &Config,
) -> Result<String> {
    let source = Source::new("rollup", yaml.as_bytes().to_vec(), u64::MAX)?;
    let week = Week::from_source(&source, ctx.rule)?;
    let dirs = config.templates(args.templates.as_deref());
    let settings = templates::Settings {
        dirs: dirs.into_iter().map(|d| d.value).collect(),
        timeout: config.render_timeout(None),
        ..templates::Settings::default()
    };
    let name = match template {
        "zh" | "en" => format!("rollup-{template}"),
        other => other.to_string(),
    };
    let choice = templates::choose(&name)?;
    let renderer = Renderer::new(settings, choice, ctx.rule, Options::default())?
        .with_directions(config.metrics.clone());
    let format = match format {
        Format::Html => render::Format::Html,
        Format::Json => render::Format::Json,
        _ => render::Format::Md,
    };
    let done = renderer.week(&week, format)?;
    for warning in &done.warnings {
        eprintln!("weekly: warning: {warning}");
    }
    Ok(done.text)
}
