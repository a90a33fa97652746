//! `weekly config`: the effective settings as TOML, each with where it came from.

use std::fmt::Write as _;

use anyhow::Result;

use crate::cli::ConfigArgs;
use crate::config::{Config, Origin, Setting};
use crate::dates::WeekNumbering;
use crate::output::write_stdout;

/// Runs `weekly config`.
pub fn run(_args: ConfigArgs, config: &Config, flag: Option<WeekNumbering>) -> Result<()> {
    write_stdout(describe(config, flag).as_bytes())
}

/// The effective settings: valid TOML, with the source of each value as a comment.
pub fn describe(config: &Config, flag: Option<WeekNumbering>) -> String {
    let text = |s: &Setting<String>| (s.value.clone(), s.origin.clone());
    let path = |s: &Setting<std::path::PathBuf>| (s.value.display().to_string(), s.origin.clone());
    let rule = config.rule(flag);
    let rows: [(&str, Option<(String, Origin)>); 8] = [
        ("template", Some(text(&config.template(None)))),
        ("templates", config.templates.as_ref().map(path)),
        (
            "week-numbering",
            Some((rule.value.name().to_string(), rule.origin)),
        ),
        ("daily-notes", config.daily_notes.as_ref().map(path)),
        ("reports", config.reports.as_ref().map(path)),
        ("file-name", Some(text(&config.file_name()))),
        ("author", config.author.as_ref().map(text)),
        ("schema", config.schema.as_ref().map(text)),
    ];
    let mut out = String::new();
    for file in &config.files {
        let _ = writeln!(out, "# read: {}", file.display());
    }
    for missing in &config.missing {
        let _ = writeln!(out, "# not found: {missing}");
    }
    for (key, row) in rows {
        match row {
            Some((value, origin)) => {
                let _ = writeln!(out, "{key} = {}  # {origin}", toml::Value::String(value));
            }
            None => {
                let _ = writeln!(out, "# {key} is not set");
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    for (pattern, better) in config.metrics.rules() {
        if seen.is_empty() {
            out.push_str("\n[metrics]\n");
        }
        if seen.insert(pattern) {
            let better = toml::Value::String(format!("{better:?}").to_lowercase());
            let _ = writeln!(out, "{} = {better}", toml::Value::String(pattern.clone()));
        }
    }
    out
}
