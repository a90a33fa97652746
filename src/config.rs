//! Configuration: `weekly.toml` found in the current folder or its parents, layered over the
//! user's file (`$WEEKLY_CONFIG`, `$XDG_CONFIG_HOME/weekly/weekly.toml` or
//! `~/.config/weekly/weekly.toml`). Flags override both; paths are relative to their file.

use std::fmt;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result, anyhow, bail};
use indexmap::IndexMap;
use serde::Deserialize;

use crate::dates::WeekNumbering;
use crate::deadline;
use crate::diag::{Diagnostic, nearest, visible};
use crate::messages::Lang;
use crate::week::{Better, Directions, Kind};

pub mod mail;
mod rollup;
mod trust;

pub use mail::{Mail, Password, Smtp, Tls};
pub use rollup::Rollup;

/// The file name looked for in the current folder and its parents.
pub const FILE_NAME: &str = "weekly.toml";

/// The environment variable naming the user's config file.
pub const ENV_VAR: &str = "WEEKLY_CONFIG";

/// The default report file name pattern.
pub const DEFAULT_FILE_NAME: &str = "{year}-W{week}.yaml";

/// Every key of `weekly.toml`, as written there (the order `weekly config` prints them in).
pub const KEYS: [&str; 22] = [
    "template",
    "templates",
    "render-timeout",
    "week-numbering",
    "daily-notes",
    "reports",
    "file-name",
    "author",
    "schema",
    "links.base",
    "ui.lang",
    "mail.from",
    "mail.to",
    "mail.cc",
    "mail.reply-to",
    "mail.subject",
    "mail.sendmail",
    "mail.smtp.host",
    "mail.smtp.port",
    "mail.smtp.tls",
    "mail.smtp.user",
    "mail.smtp.password-env",
];

/// `weekly.toml` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct File {
    template: Option<String>,
    templates: Option<PathBuf>,
    render_timeout: Option<f64>,
    week_numbering: Option<WeekNumbering>,
    daily_notes: Option<PathBuf>,
    reports: Option<PathBuf>,
    file_name: Option<String>,
    author: Option<String>,
    schema: Option<String>,
    links: Option<mail::LinksFile>,
    ui: Option<UiFile>,
    mail: Option<mail::MailFile>,
    metrics: Option<IndexMap<String, Better>>,
    import: Option<ImportFile>,
    rollup: Option<rollup::RollupFile>,
}

/// `[ui]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct UiFile {
    /// The language of messages: `zh` or `en`.
    lang: Option<UiLang>,
}

/// `[ui] lang` values.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
enum UiLang {
    Zh,
    En,
}

impl From<UiLang> for Lang {
    fn from(l: UiLang) -> Lang {
        match l {
            UiLang::Zh => Lang::Zh,
            UiLang::En => Lang::En,
        }
    }
}

/// `[import]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ImportFile {
    /// A team's own headings and the kind each announces: `"Week Update" = "key_work"`.
    #[serde(default)]
    headings: IndexMap<String, String>,
}

/// Where a setting came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A command-line flag, by name.
    Flag(&'static str),
    /// A config file.
    File(PathBuf),
    /// The built-in default.
    Default,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Flag(name) => write!(f, "flag {name}"),
            Origin::File(path) => write!(f, "{}", path.display()),
            Origin::Default => f.write_str("default"),
        }
    }
}

/// A value with where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setting<T> {
    /// The value.
    pub value: T,
    /// Its source.
    pub origin: Origin,
}

/// The settings of the config files (paths made absolute), each with the file it came from.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Template: a built-in name, a name in the templates folder, or a file path.
    pub template: Option<Setting<String>>,
    /// Folder of templates overriding the built-ins.
    pub templates: Option<Setting<PathBuf>>,
    /// Seconds one render may take (`render-timeout`).
    pub render_timeout: Option<Setting<f64>>,
    /// Week numbering rule.
    pub week_numbering: Option<Setting<WeekNumbering>>,
    /// Folder of daily notes linked from a new week.
    pub daily_notes: Option<Setting<PathBuf>>,
    /// Folder of week reports.
    pub reports: Option<Setting<PathBuf>>,
    /// Report file name pattern, e.g. `{year}-W{week}.yaml`.
    pub file_name: Option<Setting<String>>,
    /// The author written into a new week.
    pub author: Option<Setting<String>>,
    /// Where the JSON Schema is, for the `yaml-language-server` line of a new week.
    pub schema: Option<Setting<String>>,
    /// `[links] base`: the folder relative links in a report are made absolute against.
    pub links_base: Option<Setting<url::Url>>,
    /// `[ui] lang`: the language of messages when the template does not give one.
    pub ui_lang: Option<Setting<Lang>>,
    /// `[mail]` and `[mail.smtp]`.
    pub mail: Mail,
    /// `[metrics]`: which way named metrics are better, the nearest file's rules first.
    pub metrics: Directions,
    /// `[import.headings]`: a team's own headings and the kind each announces, nearest first.
    pub import_headings: Vec<(String, Kind)>,
    /// `[rollup]`: placing weeks in months, the fiscal year, metrics' aggregation.
    pub rollup: Rollup,
    /// The files read, nearest first.
    pub files: Vec<PathBuf>,
    /// The files looked for but absent, described for `weekly config`.
    pub missing: Vec<String>,
    /// Files ignored (not the user's, writable by others), each as a warning to print.
    pub warnings: Vec<String>,
    /// A file that could not be read, naming it: an error for commands that need the config.
    pub broken: Option<std::sync::Arc<anyhow::Error>>,
}

impl Config {
    /// Reads one file and fills the settings still unset.
    pub fn layer(&mut self, path: &Path) -> Result<()> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let file = parse(path, &text)?;
        let dir = path.parent().unwrap_or(Path::new("."));
        if let Some(pattern) = &file.file_name {
            check_pattern(pattern).with_context(|| format!("in {}", path.display()))?;
        }
        let template = file.template.map(|t| {
            let as_path = dir.join(&t);
            if as_path.is_file() {
                as_path.to_string_lossy().into_owned()
            } else {
                t
            }
        });
        let schema = file.schema.map(|s| {
            if s.contains("://") {
                s
            } else {
                dir.join(s).to_string_lossy().into_owned()
            }
        });
        let rel = |p: Option<PathBuf>| p.map(|p| normalize(&dir.join(p)));
        fill(&mut self.template, template, path);
        fill(&mut self.templates, rel(file.templates), path);
        let timeout = file.render_timeout.map(deadline::seconds).transpose();
        let timeout = timeout.map_err(|e| anyhow!("{}: render-timeout {e}", path.display()))?;
        fill(&mut self.render_timeout, timeout, path);
        fill(&mut self.week_numbering, file.week_numbering, path);
        fill(&mut self.daily_notes, rel(file.daily_notes), path);
        fill(&mut self.reports, rel(file.reports), path);
        fill(&mut self.file_name, file.file_name, path);
        fill(&mut self.author, file.author, path);
        fill(&mut self.schema, schema, path);
        let base = mail::links_base(file.links.unwrap_or_default())
            .with_context(|| format!("in {}", path.display()))?;
        fill(&mut self.links_base, base, path);
        let lang = file.ui.and_then(|u| u.lang).map(Lang::from);
        fill(&mut self.ui_lang, lang, path);
        self.mail
            .layer(file.mail.unwrap_or_default(), path)
            .with_context(|| format!("in {}", path.display()))?;
        self.metrics.extend(file.metrics.unwrap_or_default());
        for (heading, key) in file.import.unwrap_or_default().headings {
            let kind =
                import_kind(&heading, &key).with_context(|| format!("in {}", path.display()))?;
            self.import_headings.push((heading, kind));
        }
        self.rollup.layer(file.rollup.unwrap_or_default(), path)?;
        self.files.push(path.to_path_buf());
        Ok(())
    }

    /// The week numbering rule: the flag, else the config, else the default.
    pub fn rule(&self, flag: Option<WeekNumbering>) -> Setting<WeekNumbering> {
        pick(flag, "--week-numbering", &self.week_numbering)
            .unwrap_or_else(|| default(WeekNumbering::default()))
    }

    /// The language of messages: the template's (the flag's, else the config's), else
    /// `[ui] lang`, else the environment's (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
    pub fn lang(&self, template_flag: Option<&str>) -> Lang {
        let template = template_flag.or(self.template.as_ref().map(|t| t.value.as_str()));
        Lang::choose(template, self.ui_lang.as_ref().map(|s| s.value))
    }

    /// The template: the flag, else the config, else `zh`.
    pub fn template(&self, flag: Option<&str>) -> Setting<String> {
        pick(flag.map(str::to_string), "--template", &self.template)
            .unwrap_or_else(|| default("zh".to_string()))
    }

    /// The time one render may take: the flag, else the config, else 5 seconds.
    pub fn render_timeout(&self, flag: Option<f64>) -> std::time::Duration {
        pick(flag, "--timeout", &self.render_timeout).map_or(deadline::DEFAULT_TIMEOUT, |s| {
            std::time::Duration::from_secs_f64(s.value)
        })
    }

    /// The templates folder: the flag, else the config.
    pub fn templates(&self, flag: Option<&Path>) -> Option<Setting<PathBuf>> {
        pick(flag.map(Path::to_path_buf), "--templates", &self.templates)
    }

    /// The daily notes folder: the flag, else the config.
    pub fn daily_notes(&self, flag: Option<&Path>) -> Option<Setting<PathBuf>> {
        pick(
            flag.map(Path::to_path_buf),
            "--daily-notes",
            &self.daily_notes,
        )
    }

    /// The report file name pattern: the config, else the default.
    pub fn file_name(&self) -> Setting<String> {
        self.file_name
            .clone()
            .unwrap_or_else(|| default(DEFAULT_FILE_NAME.to_string()))
    }

    /// Where new weeks go: the report folder, else the config file's folder when only a file
    /// name pattern is set; `None` when neither is configured.
    pub fn report_dir(&self) -> Option<PathBuf> {
        if let Some(dir) = &self.reports {
            return Some(dir.value.clone());
        }
        match &self.file_name.as_ref()?.origin {
            Origin::File(path) => path.parent().map(Path::to_path_buf),
            _ => None,
        }
    }
}

/// `a/b/../c` as `a/c`, without touching the file system.
/// The kind an `[import.headings]` entry names, by its YAML key; an unknown key names the
/// nearest one.
fn import_kind(heading: &str, key: &str) -> Result<Kind> {
    if let Some(kind) = Kind::all().find(|k| k.key() == key) {
        return Ok(kind);
    }
    let mut msg = format!("[import.headings] \"{heading}\" = \"{key}\": no section kind `{key}`");
    if let Some(near) = nearest(key, Kind::all().map(Kind::key)) {
        msg.push_str(&format!("; did you mean `{near}`?"));
    }
    bail!(msg)
}

pub(crate) fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Sets `slot` from `file` unless a nearer file set it already.
fn fill<T>(slot: &mut Option<Setting<T>>, value: Option<T>, file: &Path) {
    if slot.is_none() {
        *slot = value.map(|value| Setting {
            value,
            origin: Origin::File(file.to_path_buf()),
        });
    }
}

fn default<T>(value: T) -> Setting<T> {
    Setting {
        value,
        origin: Origin::Default,
    }
}

fn pick<T: Clone>(
    flag: Option<T>,
    name: &'static str,
    file: &Option<Setting<T>>,
) -> Option<Setting<T>> {
    match flag {
        Some(value) => Some(Setting {
            value,
            origin: Origin::Flag(name),
        }),
        None => file.clone(),
    }
}

/// Parses a config file, turning TOML errors into diagnostics that point at the line.
fn parse(path: &Path, text: &str) -> Result<File> {
    toml::from_str(text).map_err(|err| {
        let name = path.display().to_string();
        let start = err.span().map_or(0, |s| s.start.min(text.len()));
        let start = (0..=start)
            .rev()
            .find(|i| text.is_char_boundary(*i))
            .unwrap_or(0);
        let (line, col) = crate::yaml::line_col(text, start);
        let message = err.message().trim_end().to_string();
        let words = reworded(&message);
        let mut diag = Diagnostic::error(&name, Arc::from(text), line, col, visible(&words));
        if let Some(help) = suggestion(&message) {
            diag = diag.with_help(help);
        }
        anyhow::Error::new(diag)
    })
}

/// What the TOML reader names in "unknown field `x`, expected `a` or `b`" (or "unknown
/// variant …"): whether it is a key, the word written and the ones allowed.
struct Unknown<'m> {
    key: bool,
    word: &'m str,
    allowed: Vec<&'m str>,
}

impl<'m> Unknown<'m> {
    fn read(message: &'m str) -> Option<Unknown<'m>> {
        let (key, rest) = match message.strip_prefix("unknown field `") {
            Some(rest) => (true, rest),
            None => (false, message.strip_prefix("unknown variant `")?),
        };
        let (word, rest) = rest.split_once('`')?;
        let allowed = rest.split('`').skip(1).step_by(2).collect();
        Some(Unknown { key, word, allowed })
    }
}

/// The TOML reader's "unknown field `x`, expected `a` or `b`" in the words the rest of the tool
/// uses: "unknown key `x`; the keys here are a, b" (and the same for a value).
fn reworded(message: &str) -> String {
    let Some(Unknown { key, word, allowed }) = Unknown::read(message) else {
        return message.to_string();
    };
    if key {
        return match allowed.is_empty() {
            true => format!("unknown key `{word}`; this table takes no keys"),
            false => format!(
                "unknown key `{word}`; the keys here are {}",
                allowed.join(", ")
            ),
        };
    }
    let quoted: Vec<String> = allowed.iter().map(|v| format!("`{v}`")).collect();
    let values = match quoted.split_last() {
        Some((last, most)) if !most.is_empty() => format!("{} or {last}", most.join(", ")),
        _ => quoted.join(""),
    };
    format!("`{word}` is not a value this key takes; it takes {values}")
}

/// "did you mean" for an unknown key or value: "unknown field `x`, expected `a` or `b`".
fn suggestion(message: &str) -> Option<String> {
    let unknown = Unknown::read(message)?;
    let best = nearest(unknown.word, unknown.allowed.iter().copied())?;
    Some(format!("did you mean `{best}`?"))
}

/// A file name pattern's parts: literal text and placeholders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Text as is.
    Literal(String),
    /// `{year}`: the year the week belongs to.
    Year,
    /// `{week}`: the week number, two digits.
    Week,
    /// `{date}`: the report date, `2023-10-31`.
    Date,
}

/// Splits a pattern such as `{year}-W{week}.yaml` into parts.
pub fn pattern_parts(pattern: &str) -> Result<Vec<Part>> {
    let mut parts = Vec::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            parts.push(Part::Literal(rest[..open].to_string()));
        }
        let Some(close) = rest[open..].find('}') else {
            bail!("file-name pattern `{pattern}` has an unclosed `{{`");
        };
        let name = &rest[open + 1..open + close];
        parts.push(match name {
            "year" => Part::Year,
            "week" => Part::Week,
            "date" => Part::Date,
            _ => bail!(
                "file-name pattern `{pattern}` has an unknown placeholder `{{{name}}}` (known: {{year}}, {{week}}, {{date}})"
            ),
        });
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        parts.push(Part::Literal(rest.to_string()));
    }
    Ok(parts)
}

/// Checks that a pattern parses, names one file per week, and stays in its folder.
fn check_pattern(pattern: &str) -> Result<()> {
    let parts = pattern_parts(pattern)?;
    if !parts.iter().any(|p| matches!(p, Part::Week | Part::Date)) {
        bail!(
            "file-name pattern `{pattern}` needs {{week}} or {{date}}, or every week gets the same file"
        );
    }
    if pattern.contains(['/', '\\']) {
        bail!("file-name pattern `{pattern}` is a file name: put folders in `reports`");
    }
    Ok(())
}

#[cfg(test)]
mod tests;
