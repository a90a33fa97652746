//! `weekly import`: Markdown reports to week YAML, on stdout, to a file, or into a folder, with
//! a summary of what was recognised on stderr and a progress bar on a terminal.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::{Context, Result, anyhow};
use indicatif::{ProgressBar, ProgressStyle};

use super::Ctx;
use crate::batch::{self, OutDir};
use crate::cli::ImportArgs;
use crate::config::Config;
use crate::dates::Date;
use crate::error::Error;
use crate::import::{HeadingTally, Imported, Importer, Summary};
use crate::input::{self, Report};
use crate::msg;
use crate::output::{write_atomic, write_atomic_unsynced, write_stdout};
use crate::overwrite::Guard;

/// Runs `weekly import`.
pub fn run(args: ImportArgs, ctx: Ctx, config: &Config) -> Result<()> {
    check_usage(&args)?;
    let importer =
        Importer::new(ctx.rule, args.date)?.with_headings(config.import_headings.clone());
    let files = input::markdown_inputs(&args.inputs);
    let guard = Guard::new(files.iter().flatten().map(|r| r.name.as_str()), args.force);
    let job = Job {
        importer,
        args: &args,
        ctx,
    };
    match &args.out_dir {
        Some(dir) => job.batch(dir, files, &guard),
        None => {
            let name = &args.inputs[0];
            if let Some(path) = &args.output {
                guard.check(path)?;
            }
            let done = job.one(name)?;
            match &args.output {
                Some(path) => write_atomic(path, done.yaml.as_bytes())?,
                None => write_stdout(done.yaml.as_bytes())?,
            }
            job.tell(&done_message(name, &done, true));
            Ok(())
        }
    }
}

fn check_usage(args: &ImportArgs) -> Result<()> {
    let folder = args.inputs.iter().find(|i| Path::new(i).is_dir());
    if args.out_dir.is_none() {
        if args.inputs.len() > 1 {
            return Err(Error::Usage(msg!("import-several-need-out-dir")).into());
        }
        if let Some(dir) = folder {
            return Err(Error::Usage(msg!("import-folder-needs-out-dir", dir = dir)).into());
        }
    }
    if args.out_dir.is_some() && args.inputs.iter().any(|i| i == "-") {
        return Err(Error::Usage(msg!("import-stdin-with-out-dir")).into());
    }
    Ok(())
}

struct Job<'a> {
    importer: Importer,
    args: &'a ImportArgs,
    ctx: Ctx,
}

impl Job<'_> {
    /// Imports one report.
    fn one(&self, name: &str) -> Result<Imported> {
        let source = input::read_markdown(name, self.args.max_size)?;
        self.importer
            .import_modified(&source, modified(name))
            .with_context(|| msg!("import-cannot", name = name))
    }

    /// Prints a message on stderr unless `--quiet`.
    fn tell(&self, message: &str) {
        if !self.args.quiet {
            eprint!("{message}");
        }
    }

    /// Imports every report into `dir`, reporting failures and going on; fails at the end if
    /// any did.
    fn batch(&self, dir: &Path, files: Vec<Result<Report>>, guard: &Guard) -> Result<()> {
        let mut out = OutDir::create(dir)?;
        let bar = progress_bar(files.len() as u64);
        let mut total = Summary::default();
        let mut unmapped = HeadingTally::default();
        let tally = batch::each(
            &files,
            |file| match file {
                Ok(report) => self.one(&report.name),
                Err(e) => Err(anyhow!("{e}")),
            },
            |_, _| false,
            |file, done| {
                let Ok(Report { name, within }) = file else {
                    return done.map(drop);
                };
                bar.set_message(name.clone());
                let target = match within {
                    Some(within) => out.claim_within(name, within, "yaml", "report")?,
                    None => out.claim(name, "yaml", "report")?,
                };
                guard.check(&target)?;
                let done = done?;
                // as render --out-dir: one fsync per file costs more than the import
                write_atomic_unsynced(&target, done.yaml.as_bytes())?;
                total.add(&Summary::of(&done.week));
                unmapped.add(&done.unmapped);
                bar.suspend(|| self.tell(&done_message(name, &done, false)));
                bar.inc(1);
                Ok(())
            },
            |err| {
                bar.suspend(|| crate::report(err, self.ctx.color));
                bar.inc(1);
            },
        );
        bar.finish_and_clear();
        if let Some(note) = unmapped.message(total.reports) {
            self.tell(&format!("note: {note}\n"));
        }
        let line = msg!(
            "import-done",
            imported = total.reports,
            read = tally.read,
            dir = dir.display().to_string(),
            summary = total.to_string()
        );
        self.tell(&format!("{line}\n"));
        tally.fail_if_any(|failed, read| msg!("import-failed", failed = failed, read = read))?;
        Ok(())
    }
}

/// The summary line of one report, and its notes; the headings that named no kind among them
/// when `unmapped` (a batch says them once, at the end, with how many reports wrote each).
fn done_message(name: &str, done: &Imported, unmapped: bool) -> String {
    let week = &done.week;
    let label = if name == "-" { "<stdin>" } else { name };
    let line = msg!(
        "import-one",
        file = label,
        week = week.number(),
        date = week.date.to_string(),
        summary = Summary::of(week).to_string()
    );
    let mut out = format!("{line}\n");
    for warning in &done.warnings {
        out.push_str(&format!("warning: {label}: {warning}\n"));
    }
    let own = unmapped.then(|| done.unmapped.note()).flatten();
    for note in done.notes.iter().chain(&own) {
        out.push_str(&format!("note: {label}:{}: {}\n", note.line, note.message));
    }
    out
}

/// The local date a file was last modified (none for stdin or when the system cannot say).
fn modified(name: &str) -> Option<Date> {
    if name == "-" {
        return None;
    }
    let time = std::fs::metadata(name).and_then(|m| m.modified()).ok()?;
    Some(Date(
        chrono::DateTime::<chrono::Local>::from(time).date_naive(),
    ))
}

/// A progress bar on a terminal; hidden when stderr is not one.
fn progress_bar(len: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() || len < 2 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}
