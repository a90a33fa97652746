//! `weekly render`: weeks to Markdown, HTML or JSON, on stdout, to a file, or into a folder.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::Ctx;
use crate::batch::{self, OutDir};
use crate::cli::RenderArgs;
use crate::config::Config;
use crate::destination;
use crate::error::Error;
use crate::input;
use crate::msg;
use crate::output::{write_atomic, write_atomic_unsynced, write_stdout};
use crate::overwrite::Guard;
use crate::render::{Format, Rendered, Renderer};
use crate::templates::{self, Settings};
use crate::view::Options;
use crate::watch::Event;
use crate::week::Week;

/// Runs `weekly render`.
pub fn run(mut args: RenderArgs, ctx: Ctx, config: &Config) -> Result<()> {
    if args.inputs.is_empty() {
        let today = chrono::Local::now().date_naive();
        args.inputs = vec![destination::this_week(config, today, ctx.rule)?];
    }
    check_usage(&args)?;
    // once, before the first render: --watch replaces its own output on every change
    if let Some(path) = &args.output {
        guard(&args)?.check(path)?;
    }
    if args.watch {
        return crate::watch::run(
            &watch_targets(&args, config),
            || render(&args, ctx, config),
            |event| {
                if let Event::Failed { error, .. } = &event {
                    crate::report(error, ctx.color);
                }
                eprintln!("{event}");
            },
        );
    }
    render(&args, ctx, config)
}

/// One render of everything `args` asks for.
fn render(args: &RenderArgs, ctx: Ctx, config: &Config) -> Result<()> {
    check_folders(args)?;
    let dirs = config.templates(args.templates.as_deref());
    let settings = Settings {
        dirs: dirs.into_iter().map(|d| d.value).collect(),
        fuel: args.fuel,
        timeout: config.render_timeout(args.timeout),
        jinja2_whitespace: args.raw,
    };
    let choice = templates::choose(&config.template(args.template.as_deref()).value)?;
    let options = Options {
        show_targets: args.show_targets,
    };
    let mut renderer = Renderer::new(settings, choice, ctx.rule, options)?
        .with_directions(config.metrics.clone())
        .with_links_base(config.links_base.as_ref().map(|b| b.value.clone()));
    if args.out_dir.is_none() && !args.watch {
        renderer = renderer.once(overran);
    }
    let job = Job {
        renderer,
        args,
        ctx,
    };
    match &args.out_dir {
        Some(dir) => job.batch(dir),
        None => {
            let name = &args.inputs[0];
            if Path::new(name).is_dir() {
                anyhow::bail!(
                    "cannot read {name}: it is a directory (render a folder's weeks with --out-dir DIR)"
                );
            }
            let done = job.one(name)?;
            warn(name, &done.warnings);
            match &args.output {
                Some(path) => write_atomic(path, done.text.as_bytes()),
                None => write_stdout(done.text.as_bytes()),
            }
        }
    }
}

/// A single render that ran past its deadline and could not be stopped: reported as any error
/// (exit 1) while it still runs.
fn overran(err: anyhow::Error) -> ! {
    crate::report(&err, crate::stderr_color());
    std::process::exit(i32::from(crate::error::status(&err)))
}

fn check_usage(args: &RenderArgs) -> Result<()> {
    if args.inputs.len() > 1 && args.out_dir.is_none() {
        return Err(Error::Usage(
            "several inputs need --out-dir DIR (one output file each)".into(),
        )
        .into());
    }

    if args.out_dir.is_some() && args.inputs.iter().any(|i| i == "-") {
        return Err(Error::Usage("stdin (`-`) cannot be used with --out-dir".into()).into());
    }
    if args.watch && args.inputs.iter().any(|i| i == "-") {
        return Err(Error::Usage("--watch needs a file, not stdin (`-`)".into()).into());
    }
    Ok(())
}

/// Prints what a render left out of `name`'s output.
fn warn(name: &str, warnings: &[String]) {
    for w in warnings {
        eprintln!("warning: {name}: {w}");
    }
}

/// What this run may write: not its inputs (folders expanded) or its template file, an
/// existing file with --force.
fn guard(args: &RenderArgs) -> Result<Guard> {
    let found = input::week_inputs(&args.inputs)?;
    let template = args.template.as_deref().filter(|t| Path::new(t).is_file());
    let read = found.iter().map(|f| f.name.as_str()).chain(template);
    Ok(Guard::new(read, args.force))
}

/// `--watch`: the input, a template file, the template folders; not the output.
fn watch_targets(args: &RenderArgs, config: &Config) -> crate::watch::Targets {
    let mut files = vec![PathBuf::from(&args.inputs[0])];
    let template = config.template(args.template.as_deref()).value;
    files.extend(Some(PathBuf::from(template)).filter(|p| p.is_file()));
    let dirs = config.templates(args.templates.as_deref());
    crate::watch::Targets {
        files,
        dirs: dirs.into_iter().map(|d| d.value).collect(),
        output: args.output.clone(),
        max_size: args.max_size,
    }
}

/// Refuses a `--templates` folder that does not exist (a typo would silently fall back to the
/// built-ins) and an `--out-dir` that is a file.
fn check_folders(args: &RenderArgs) -> Result<()> {
    if let Some(dir) = &args.templates
        && !dir.is_dir()
    {
        anyhow::bail!("template folder {} does not exist", dir.display());
    }
    if let Some(dir) = &args.out_dir
        && dir.exists()
        && !dir.is_dir()
    {
        anyhow::bail!("--out-dir {} is a file, not a folder", dir.display());
    }
    Ok(())
}

struct Job<'a> {
    renderer: Renderer,
    args: &'a RenderArgs,
    ctx: Ctx,
}

impl Job<'_> {
    /// Renders one input to a string.
    fn one(&self, name: &str) -> Result<Rendered> {
        let source = input::read(name, self.args.max_size)?;
        if self.args.raw {
            let data: serde_json::Value = source.parse()?;
            let md = self.renderer.raw(&data)?;
            return match self.args.format {
                Format::Md => Ok(md.into()),
                Format::Html => self.renderer.page(&md, "en"),
                Format::Json => Ok((serde_json::to_string_pretty(&data)? + "\n").into()),
            };
        }
        let week = Week::from_source(&source, self.ctx.rule)?;
        self.renderer
            .week(&week, self.args.format)
            .with_context(|| format!("while rendering {name}"))
    }

    /// Renders every input into `dir` on every core, reporting failures and going on; fails at
    /// the end if any did. Writes and reports follow the input order.
    fn batch(&self, dir: &Path) -> Result<()> {
        let guard = guard(self.args)?;
        let mut out = OutDir::create(dir)?;
        let extension = self.args.format.extension();
        let tally = batch::run(
            &self.args.inputs,
            self.args.max_size,
            |found| self.one(&found.name),
            |found, text| {
                let target = out.claim(&found.name, extension, "input")?;
                guard.check(&target)?;
                let done = text?;
                warn(&found.name, &done.warnings);
                write_atomic_unsynced(&target, done.text.as_bytes())
            },
            |err| crate::report(err, self.ctx.color),
        )?;
        tally.finish(&self.args.inputs, |failed, read| {
            msg!("render-failed", failed = failed, read = read)
        })?;
        Ok(())
    }
}
