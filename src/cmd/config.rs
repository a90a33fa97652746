//! `weekly config`: the effective settings as TOML, each with where it came from.

use std::fmt::Write as _;

use anyhow::Result;

use crate::cli::ConfigArgs;
use crate::config::{Config, Origin, Password, Setting};
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
    let ui = config
        .ui_lang
        .as_ref()
        .map(|l| (toml::Value::String(l.value.tag().into()), l.origin.clone()));
    table(&mut out, "ui", &[("lang", ui)]);
    mail_tables(&mut out, config);
    if !config.import_headings.is_empty() {
        out.push_str("\n[import.headings]\n");
        for (heading, kind) in &config.import_headings {
            let _ = writeln!(
                out,
                "{} = \"{}\"",
                toml::Value::String(heading.clone()),
                kind.key()
            );
        }
    }
    rollup_tables(&mut out, config);
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

/// `[rollup]` and `[rollup.aggregate]`, when set.
fn rollup_tables(out: &mut String, config: &Config) {
    use crate::rollup::Placing;
    let r = &config.rollup;
    let placing = r.placing.as_ref().map(|s| {
        let name = match s.value {
            Placing::Thursday => "thursday",
            Placing::Date => "date",
        };
        (toml::Value::String(name.into()), s.origin.clone())
    });
    let start = r
        .fiscal_year_start
        .as_ref()
        .map(|s| (toml::Value::Integer(s.value.into()), s.origin.clone()));
    table(
        out,
        "rollup",
        &[("week-to-month", placing), ("fiscal-year-start", start)],
    );
    let mut seen = std::collections::HashSet::new();
    for (name, how) in &r.aggregates {
        if seen.is_empty() {
            out.push_str("\n[rollup.aggregate]\n");
        }
        if seen.insert(name) {
            let _ = writeln!(out, "{} = \"{how}\"", toml::Value::String(name.clone()));
        }
    }
}

/// `[links]`, `[mail]` and `[mail.smtp]`, each key set with where it came from (the password
/// source is named, never a password).
fn mail_tables(out: &mut String, config: &Config) {
    use toml::Value as V;
    let str_ = |s: &Setting<String>| (V::String(s.value.clone()), s.origin.clone());
    let list = |s: &Setting<Vec<String>>| {
        let items = s.value.iter().cloned().map(V::String).collect();
        (V::Array(items), s.origin.clone())
    };
    let m = &config.mail;
    let links = [(
        "base",
        config
            .links_base
            .as_ref()
            .map(|b| (V::String(b.value.to_string()), b.origin.clone())),
    )];
    table(out, "links", &links);
    let mail = [
        ("from", m.from.as_ref().map(str_)),
        ("to", m.to.as_ref().map(list)),
        ("cc", m.cc.as_ref().map(list)),
        ("reply-to", m.reply_to.as_ref().map(str_)),
        ("subject", m.subject.as_ref().map(str_)),
        (
            "sendmail",
            m.sendmail
                .as_ref()
                .map(|s| (V::String(s.value.display().to_string()), s.origin.clone())),
        ),
    ];
    table(out, "mail", &mail);
    if let Some(smtp) = &m.smtp {
        let o = || smtp.origin.clone();
        let s = &smtp.value;
        let mut rows = vec![
            ("host", Some((V::String(s.host.clone()), o()))),
            ("port", Some((V::Integer(s.port.into()), o()))),
            ("tls", Some((V::String(s.tls.name().into()), o()))),
            ("user", s.user.clone().map(|u| (V::String(u), o()))),
        ];
        match &s.password {
            Password::Env(name) => {
                rows.push(("password-env", Some((V::String(name.clone()), o()))))
            }
            Password::Command(cmd) => {
                rows.push(("password-command", Some((V::String(cmd.clone()), o()))));
            }
            Password::None => {}
        }
        table(out, "mail.smtp", &rows);
    }
}

/// A table of the keys that are set; nothing when none is.
fn table(out: &mut String, name: &str, rows: &[(&str, Option<(toml::Value, Origin)>)]) {
    let set: Vec<_> = rows
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| (k, v)))
        .collect();
    if set.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n[{name}]");
    for (key, (value, origin)) in set {
        let _ = writeln!(out, "{key} = {value}  # {origin}");
    }
}
