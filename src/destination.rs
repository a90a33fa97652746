//! Where `weekly new` writes this week's file and finds last week's, this week's file for the
//! commands that default to it (`check`, `render`, `edit`, `mail`), and paths as the user reads
//! them.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::config::{Config, Part, pattern_parts};
use crate::dates::WeekNumbering;
use crate::error::Error;
use crate::scaffold;

/// The files of one `weekly new`: this week's (none for stdout) and last week's.
#[derive(Debug)]
pub struct Destination {
    /// This week's file; `None` writes to stdout (`-o -`).
    pub target: Option<PathBuf>,
    /// Whether the target came from the configuration (its folder is then created).
    pub configured: bool,
    /// Last week's file, when there is one.
    pub from: Option<PathBuf>,
    /// The folder links and the schema location in the new file are relative to.
    pub base: PathBuf,
}

impl Destination {
    /// `output` as given (`-` is stdout), else the configured folder's file for `date`; last
    /// week's file is `from`, else the newest report before `date` in that folder. Refuses a
    /// target that is a folder, or that exists unless `force`.
    pub fn find(
        output: Option<&Path>,
        from: Option<PathBuf>,
        force: bool,
        config: &Config,
        date: NaiveDate,
        rule: WeekNumbering,
        cwd: &Path,
    ) -> Result<Destination> {
        let parts = pattern_parts(&config.file_name().value)?;
        let target = target(output, config, &parts, date, rule);
        if let Some(path) = &target {
            refuse(path, force, cwd)?;
        }
        let from = match from {
            Some(path) => Some(path),
            None => match config.report_dir() {
                Some(dir) => scaffold::newest_before(&dir, &parts, date, rule)?,
                None => None,
            },
        };
        let base = match target.as_deref().and_then(Path::parent) {
            Some(dir) => cwd.join(dir),
            None => cwd.to_path_buf(),
        };
        Ok(Destination {
            target,
            configured: output.is_none(),
            from,
            base,
        })
    }
}

fn target(
    output: Option<&Path>,
    config: &Config,
    parts: &[Part],
    date: NaiveDate,
    rule: WeekNumbering,
) -> Option<PathBuf> {
    match output {
        Some(p) if p.as_os_str() == "-" => None,
        Some(p) => Some(p.to_path_buf()),
        None => config
            .report_dir()
            .map(|d| d.join(scaffold::file_name(parts, date, rule))),
    }
}

/// This week's file per `weekly.toml` (`reports` and `file-name`), whether it exists or not; a
/// usage error naming the setting when no reports folder is configured.
pub fn this_week_path(config: &Config, today: NaiveDate, rule: WeekNumbering) -> Result<PathBuf> {
    let Some(dir) = config.report_dir() else {
        return Err(Error::Usage(
            "no week file given, and no `reports` folder in weekly.toml to find this week's in"
                .into(),
        )
        .into());
    };
    let parts = pattern_parts(&config.file_name().value)?;
    Ok(dir.join(scaffold::file_name(&parts, today, rule)))
}

/// This week's file per `weekly.toml`, which must exist: what `check`, `render` and `mail` act
/// on when given no file.
pub fn this_week(config: &Config, today: NaiveDate, rule: WeekNumbering) -> Result<String> {
    let path = this_week_path(config, today, rule)?;
    let name = match std::env::current_dir() {
        Ok(cwd) => shown(&path, &cwd),
        Err(_) => path.display().to_string(),
    };
    if !path.is_file() {
        bail!(
            "this week's report {name} does not exist (start it with `weekly new`, or name a file)"
        );
    }
    Ok(name)
}

/// Refuses a folder, and an existing file unless `force`.
fn refuse(path: &Path, force: bool, cwd: &Path) -> Result<()> {
    if path.is_dir() {
        bail!("cannot write {}: it is a directory", shown(path, cwd));
    }
    if path.exists() && !force {
        bail!(
            "{} already exists: pass --force to overwrite it",
            shown(path, cwd)
        );
    }
    Ok(())
}

/// The schema location as the new file should name it: a URL as is, a path relative to the
/// new file's folder.
pub fn schema_location(schema: &str, base: &Path) -> String {
    if schema.contains("://") {
        return schema.to_string();
    }
    pathdiff::diff_paths(schema, base).map_or_else(
        || schema.to_string(),
        |p| p.to_string_lossy().replace('\\', "/"),
    )
}

/// A path as the user would type it: relative to the current folder when inside it.
pub fn shown(path: &Path, cwd: &Path) -> String {
    match path.strip_prefix(cwd) {
        Ok(rel) if path.is_absolute() => rel.display().to_string(),
        _ => path.display().to_string(),
    }
}
