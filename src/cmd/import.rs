//! `weekly import`: Markdown reports to week YAML, on stdout, to a file, or into a folder, with
//! a summary of what was recognised on stderr and a progress bar on a terminal.

use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use indicatif::{ProgressBar, ProgressStyle};

use super::Ctx;
use crate::cli::ImportArgs;
use crate::dates::Date;
use crate::import::{Imported, Importer, Summary};
use crate::input;
use crate::output::{write_atomic, write_stdout};
use crate::{Failed, UsageError};

/// Runs `weekly import`.
pub fn run(args: ImportArgs, ctx: Ctx) -> Result<()> {
    check_usage(&args)?;
    let importer = Importer::new(ctx.rule, args.date)?;
    let job = Job {
        importer,
        args: &args,
        ctx,
    };
    match &args.out_dir {
        Some(dir) => job.batch(dir),
        None => {
            let name = &args.inputs[0];
            let done = job.one(name)?;
            match &args.output {
                Some(path) => write_atomic(path, done.yaml.as_bytes())?,
                None => write_stdout(done.yaml.as_bytes())?,
            }
            job.tell(&done_message(name, &done));
            Ok(())
        }
    }
}

fn check_usage(args: &ImportArgs) -> Result<()> {
    let folder = args.inputs.iter().find(|i| Path::new(i).is_dir());
    if args.out_dir.is_none() {
        if args.inputs.len() > 1 {
            return Err(UsageError(
                "several reports need --out-dir DIR (one YAML file each)".into(),
            )
            .into());
        }
        if let Some(dir) = folder {
            return Err(UsageError(format!(
                "{dir} is a folder: import its reports with --out-dir DIR"
            ))
            .into());
        }
    }
    if args.out_dir.is_some() && args.inputs.iter().any(|i| i == "-") {
        return Err(UsageError("stdin (`-`) cannot be used with --out-dir".into()).into());
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
            .with_context(|| format!("cannot import {name}"))
    }

    /// Prints a message on stderr unless `--quiet`.
    fn tell(&self, message: &str) {
        if !self.args.quiet {
            eprint!("{message}");
        }
    }

    /// Imports every report into `dir`, reporting failures and going on; fails at the end if
    /// any did.
    fn batch(&self, dir: &Path) -> Result<()> {
        let files = expand(&self.args.inputs);
        if !dir.is_dir() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
        let bar = progress_bar(files.len() as u64);
        let mut seen = HashSet::new();
        let mut total = Summary::default();
        let mut failed = 0;
        for file in &files {
            bar.set_message(file.as_ref().map_or_else(|e| e.to_string(), Clone::clone));
            let result = file.as_ref().map_err(|e| anyhow!("{e}")).and_then(|name| {
                let target = out_path(dir, name);
                if !seen.insert(target.clone()) {
                    return Err(anyhow!(
                        "{name}: another report already writes {}",
                        target.display()
                    ));
                }
                let done = self.one(name)?;
                write_atomic(&target, done.yaml.as_bytes())?;
                Ok((name, done))
            });
            bar.suspend(|| match &result {
                Ok((name, done)) => {
                    total.add(&Summary::of(&done.week));
                    self.tell(&done_message(name, done));
                }
                Err(err) => {
                    crate::report(err, self.ctx.color);
                    failed += 1;
                }
            });
            bar.inc(1);
        }
        bar.finish_and_clear();
        self.tell(&format!(
            "imported {} of {} reports into {}: {total}\n",
            total.reports,
            files.len(),
            dir.display()
        ));
        if failed > 0 {
            return Err(Failed(format!("{failed} of {} reports failed", files.len())).into());
        }
        Ok(())
    }
}

/// The summary line of one report, and its notes.
fn done_message(name: &str, done: &Imported) -> String {
    let week = &done.week;
    let label = if name == "-" { "<stdin>" } else { name };
    let mut out = format!(
        "{label}: week {} ({}): {}\n",
        week.number(),
        week.date,
        Summary::of(week)
    );
    for warning in &done.warnings {
        out.push_str(&format!("warning: {label}: {warning}\n"));
    }
    for note in &done.notes {
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

/// The inputs with each folder replaced by its `.md` files, sorted; a folder that cannot be
/// read, or holds none, is an error in the list.
fn expand(inputs: &[String]) -> Vec<Result<String, String>> {
    let mut out = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        if !path.is_dir() {
            out.push(Ok(input.clone()));
            continue;
        }
        match markdown_files(path) {
            Ok(files) if files.is_empty() => {
                out.push(Err(format!("{input}: the folder holds no .md files")));
            }
            Ok(files) => out.extend(files.into_iter().map(Ok)),
            Err(e) => out.push(Err(format!("cannot read folder {input}: {e}"))),
        }
    }
    out
}

/// The `.md` and `.markdown` files directly in `dir`, sorted by name.
fn markdown_files(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut files: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
        })
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    files.sort();
    Ok(files)
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

/// `notes/第44周.md` becomes `DIR/第44周.yaml`.
fn out_path(dir: &Path, input: &str) -> PathBuf {
    let stem = Path::new(input)
        .file_stem()
        .map_or_else(|| "week".into(), |s| s.to_string_lossy().into_owned());
    dir.join(format!("{stem}.yaml"))
}
