//! Templates: the built-in set embedded in the binary, user folders that override it by file
//! name, the safety limits, and the filters a report needs.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use minijinja::syntax::SyntaxConfig;
use minijinja::{Environment, Error, ErrorKind, UndefinedBehavior, Value};

use crate::dates::{Date, DateTime, weekday_en, weekday_zh};
use crate::diag::Diagnostic;

/// Templates compiled into the binary: (file name, source).
pub const BUILTINS: &[(&str, &str)] = &[
    ("zh.md.j2", include_str!("../templates/zh.md.j2")),
    ("en.md.j2", include_str!("../templates/en.md.j2")),
    ("blocks.md.j2", include_str!("../templates/blocks.md.j2")),
    ("kinds.md.j2", include_str!("../templates/kinds.md.j2")),
    (
        "rollup-zh.md.j2",
        include_str!("../templates/rollup-zh.md.j2"),
    ),
    (
        "rollup-en.md.j2",
        include_str!("../templates/rollup-en.md.j2"),
    ),
    ("page.html.j2", include_str!("../templates/page.html.j2")),
];

/// Built-in templates that import `blocks.md.j2` on every render (their first line).
const IMPORT_BLOCKS: &[&str] = &["zh.md.j2", "en.md.j2", "rollup-zh.md.j2", "rollup-en.md.j2"];

/// The templates that template `name` imports on every render, when it is the built-in one (no
/// folder in `dirs` holds a file of that name).
pub fn imported_at_once(name: &str, dirs: &[PathBuf]) -> &'static [&'static str] {
    let builtin = IMPORT_BLOCKS.contains(&name) && !dirs.iter().any(|d| d.join(name).is_file());
    if builtin { &["blocks.md.j2"] } else { &[] }
}

/// Compiles the built-in template `name` into `env` from the binary's own text, when no folder
/// in `dirs` holds a file of that name (which the loader would take instead): the loader would
/// copy the source onto the heap first.
pub fn add_builtin(env: &mut Environment<'static>, name: &str, dirs: &[PathBuf]) {
    let Some((name, source)) = BUILTINS.iter().find(|(n, _)| *n == name) else {
        return;
    };
    if !dirs.iter().any(|d| d.join(name).is_file()) {
        // a built-in compiles; were it not to, the loader would report it
        let _ = env.add_template(name, source);
    }
}

/// The built-in report templates a user can pick with `--template`.
pub const REPORTS: &[(&str, &str)] = &[
    (
        "zh",
        "Chinese labels; reproduces the reference report (default)",
    ),
    ("en", "English labels, same structure"),
];

/// Default budget for one render, in minijinja fuel (one instruction, or 64 bytes of data made):
/// a 20,000-item week needs about 2 million and the largest input the size limit lets in about
/// 6 million, while a runaway loop stops within about half a second and a template can build at
/// most about 1.3 GB of strings.
pub const DEFAULT_FUEL: u64 = 20_000_000;

/// How an environment is set up.
#[derive(Clone, Debug)]
pub struct Settings {
    /// User folders searched before the built-ins, first match wins.
    pub dirs: Vec<PathBuf>,
    /// Instruction budget per render.
    pub fuel: u64,
    /// Wall-clock time one render may take.
    pub timeout: std::time::Duration,
    /// Python Jinja2's whitespace defaults (for `--raw`), instead of trim/lstrip blocks.
    pub jinja2_whitespace: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            dirs: Vec::new(),
            fuel: DEFAULT_FUEL,
            timeout: crate::deadline::DEFAULT_TIMEOUT,
            jinja2_whitespace: false,
        }
    }
}

/// Source of a built-in template by file name.
pub fn builtin(name: &str) -> Option<&'static str> {
    BUILTINS.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// The text of the template `name` (`zh`, or a file name such as `blocks.md.j2`) as a render
/// would load it: from the first folder in `dirs` holding it, else built in.
pub fn source(dirs: &[PathBuf], name: &str) -> Result<Vec<u8>> {
    let file = if name.ends_with(".j2") {
        name.to_string()
    } else {
        format!("{name}.md.j2")
    };
    for dir in dirs {
        if let Some(path) = inside(dir, &file)? {
            return std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()));
        }
    }
    match builtin(&file) {
        Some(src) => Ok(src.as_bytes().to_vec()),
        None => bail!("no template named `{name}` (see `weekly templates list`)"),
    }
}

/// Refuses names that could leave the template folders.
fn check_name(name: &str) -> Result<(), Error> {
    let path = Path::new(name);
    let escapes = path.is_absolute()
        || name.starts_with('/')
        || name.contains('\\')
        || path
            .components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)));
    if escapes {
        let msg = format!(
            "template name `{name}` is refused: templates are named relative to the template folders, without `..` or an absolute path"
        );
        return Err(Error::new(ErrorKind::InvalidOperation, msg));
    }
    Ok(())
}

/// The file `name` in the template folder `dir`, when there is one; refused when it resolves
/// (through symlinks) to a file outside the folder.
fn inside(dir: &Path, name: &str) -> Result<Option<PathBuf>, Error> {
    let path = dir.join(name);
    if !path.is_file() {
        return Ok(None);
    }
    let real = std::fs::canonicalize(&path);
    let root = std::fs::canonicalize(dir);
    match (real, root) {
        (Ok(real), Ok(root)) if real.starts_with(&root) => Ok(Some(path)),
        _ => Err(Error::new(
            ErrorKind::InvalidOperation,
            format!(
                "template `{name}` is refused: {} leads outside the template folder {} \
                 (through a symbolic link)",
                path.display(),
                dir.display()
            ),
        )),
    }
}

/// Builds an environment: loader, syntax, limits, filters.
pub fn environment(settings: &Settings) -> Environment<'static> {
    let mut env = Environment::new();
    let dirs = settings.dirs.clone();
    env.set_loader(move |name| {
        check_name(name)?;
        for dir in &dirs {
            if let Some(path) = inside(dir, name)? {
                return std::fs::read_to_string(&path).map(Some).map_err(|e| {
                    Error::new(
                        ErrorKind::InvalidOperation,
                        format!("cannot read template {}", path.display()),
                    )
                    .with_source(e)
                });
            }
        }
        Ok(builtin(name).map(str::to_string))
    });
    let jinja2 = settings.jinja2_whitespace;
    let syntax = SyntaxConfig::builder()
        .trim_blocks(!jinja2)
        .lstrip_blocks(!jinja2)
        .keep_trailing_newline(!jinja2)
        .build()
        .unwrap_or_default();
    env.set_syntax(syntax);
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    env.set_fuel(Some(settings.fuel));
    env.set_debug(true);
    env.set_unknown_method_callback(minijinja_contrib::pycompat::unknown_method_callback);
    register_filters(&mut env);
    crate::deadline::install(&mut env);
    env
}

/// Every filter a template author can use; documented in docs/templates.md.
pub fn register_filters(env: &mut Environment<'static>) {
    env.add_filter("date_zh", |v: &str| {
        with_date(v, |d| d.format("%Y年%m月%d日").to_string())
    });
    env.add_filter("datetime_zh", |v: &str| {
        let dt: DateTime = v.parse().map_err(bad_value)?;
        Ok(dt.0.format("%Y年%m月%d日 %H:%M").to_string())
    });
    env.add_filter("date_slash", |v: &str| {
        with_date(v, |d| d.format("%Y/%m/%d").to_string())
    });
    env.add_filter("datetime", |v: &str, lang: Option<&str>| {
        let dt: DateTime = v.parse().map_err(bad_value)?;
        Ok(match lang_of(lang)? {
            Lang::Zh => dt.0.format("%Y年%m月%d日 %H:%M").to_string(),
            Lang::En => dt.to_string(),
        })
    });
    env.add_filter("weekday", |v: &str, lang: Option<&str>| {
        let lang = lang_of(lang)?;
        with_date(v, |d| match lang {
            Lang::Zh => weekday_zh(d).to_string(),
            Lang::En => weekday_en(d).to_string(),
        })
    });
    env.add_filter("weekday_en", |v: &str| {
        with_date(v, |d| weekday_en(d).to_string())
    });
    env.add_filter("percent", percent);
    env.add_filter("signed", |v: f64, digits: Option<usize>| {
        let s = format!("{:.*}", digits.unwrap_or(3), v);
        if v >= 0.0 { format!("+{s}") } else { s }
    });
    env.add_filter("link_href", |v: &str| link_href(v));
}

/// The language a date filter writes in.
#[derive(Clone, Copy)]
enum Lang {
    Zh,
    En,
}

/// A date filter's language argument: `zh` (the default) or `en`.
fn lang_of(lang: Option<&str>) -> Result<Lang, Error> {
    match lang.unwrap_or("zh") {
        "zh" => Ok(Lang::Zh),
        "en" => Ok(Lang::En),
        other => Err(bad_value(format!(
            "unknown language `{other}`: use \"zh\" or \"en\""
        ))),
    }
}

fn bad_value(msg: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::InvalidOperation, msg.to_string())
}

fn with_date(v: &str, f: impl Fn(NaiveDate) -> String) -> Result<String, Error> {
    let head = v.get(..10).unwrap_or(v);
    let date: Date = head.parse().map_err(bad_value)?;
    Ok(f(date.0))
}

/// `0.99997|percent(3)` is `99.997%`; digits default to 0.
fn percent(v: f64, digits: Option<usize>) -> String {
    format!("{:.*}%", digits.unwrap_or(0), v * 100.0)
}

/// A link target as the reference writes it: spaces and a few specials encoded, CJK kept.
pub fn link_href(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for c in v.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c if c.is_control() => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// A template chosen with `--template`: a name looked up in the folders, or a file path.
#[derive(Clone, Debug)]
pub struct Choice {
    /// The name the environment loads.
    pub name: String,
    /// The folder of a template given by path, searched first.
    pub dir: Option<PathBuf>,
}

/// Resolves `--template VALUE`: an existing file path, or a name such as `zh` or `mine.md.j2`.
pub fn choose(value: &str) -> Result<Choice> {
    let path = Path::new(value);
    if path.is_file() {
        let name = path
            .file_name()
            .context("template path has no file name")?
            .to_string_lossy()
            .into_owned();
        let dir = path.parent().map(|p| {
            if p.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                p.to_path_buf()
            }
        });
        return Ok(Choice { name, dir });
    }
    if value.contains('/') || value.contains('\\') {
        bail!("template file {value} does not exist");
    }
    let name = if value.ends_with(".j2") {
        value.to_string()
    } else {
        format!("{value}.md.j2")
    };
    Ok(Choice { name, dir: None })
}

/// Turns a template error into a diagnostic pointing at the template line, when it has one.
/// A user template is named by its path in `dirs`; a built-in by its name.
pub fn diagnose(err: &Error, dirs: &[PathBuf]) -> anyhow::Error {
    let mut inner: &Error = err;
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(e) = cur {
        if let Some(t) = e.downcast_ref::<Error>()
            && t.line().is_some()
        {
            inner = t;
        }
        cur = e.source();
    }
    let message = match inner.detail() {
        Some(detail) => format!("{}: {detail}", inner.kind()),
        None => inner.kind().to_string(),
    };
    let (Some(name), Some(source), Some(line)) =
        (inner.name(), inner.template_source(), inner.line())
    else {
        return anyhow::anyhow!("template error: {err}");
    };
    let col = inner.range().map_or(1, |r| {
        let start = source[..r.start.min(source.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        source[start..r.start.min(source.len())].chars().count() + 1
    });
    let shown = shown(name, dirs);
    let mut diag = Diagnostic::error(&shown, Arc::from(source), line, col, message);
    if inner.kind() == ErrorKind::OutOfFuel {
        diag = diag.with_help(
            "the template ran too many steps or built too much text (one unit of --fuel is one step \
             or 64 bytes of text; the default bounds all a render builds to about 1.2 GB): is there \
             a runaway loop? (raise the budget with --fuel)",
        );
    }
    diag.into()
}

/// A template as the user knows it: its path in `dirs`, or a built-in's name.
pub fn shown(name: &str, dirs: &[PathBuf]) -> String {
    dirs.iter()
        .map(|d| d.join(name))
        .find(|p| p.is_file())
        .map_or_else(|| name.to_string(), |p| p.display().to_string())
}

/// The report templates of a user's folder, as `--template` takes them: `mine` for
/// `mine.md.j2` (the shared `blocks.md.j2` and `kinds.md.j2` are not reports), sorted; none when it cannot be read.
pub fn user_reports(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.path().is_file())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".md.j2").map(str::to_string)
        })
        .filter(|n| n != "blocks" && n != "kinds" && !n.is_empty())
        .collect();
    names.sort();
    names
}

/// The names of built-in and user templates, for `weekly templates list`.
pub fn list(dirs: &[PathBuf]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = BUILTINS
        .iter()
        .map(|(n, _)| (n.to_string(), "built-in".to_string()))
        .collect();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .flatten()
            .filter(|e| e.path().is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".j2"))
            .collect();
        names.sort();
        for name in names {
            let origin = format!("{}", dir.display());
            match out.iter_mut().find(|(n, _)| *n == name) {
                Some(entry) => entry.1 = format!("{origin} (overrides built-in)"),
                None => out.push((name, origin)),
            }
        }
    }
    out
}

/// A value marked safe for HTML (already-escaped output of the Markdown renderer).
pub fn safe(html: String) -> Value {
    Value::from_safe_string(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_compiles() {
        let env = environment(&Settings::default());
        for (name, _) in BUILTINS {
            env.get_template(name)
                .unwrap_or_else(|e| panic!("{name}: {e:#}"));
        }
    }

    #[test]
    fn refuses_names_that_escape() {
        assert!(check_name("../etc/passwd").is_err());
        assert!(check_name("/etc/passwd").is_err());
        assert!(check_name("a/../../b").is_err());
        assert!(check_name("parts/item.md.j2").is_ok());
    }

    #[test]
    fn filters_format_the_reference_forms() {
        assert_eq!(link_href("2023-10-23 周一_x.md"), "2023-10-23%20周一_x.md");
        assert_eq!(percent(0.99997, Some(3)), "99.997%");
        let env = environment(&Settings::default());
        let out = env
            .render_str(
                "{{ d|date_slash }} {{ d|weekday }} {{ t|datetime_zh }} {{ d|date_zh }}",
                minijinja::context! { d => "2023-10-23", t => "2023-11-29 20:54" },
            )
            .unwrap();
        assert_eq!(out, "2023/10/23 周一 2023年11月29日 20:54 2023年10月23日");
    }

    #[test]
    fn date_filters_take_the_language() {
        let env = environment(&Settings::default());
        let render = |src: &str| {
            env.render_str(
                src,
                minijinja::context! { d => "2023-10-23", t => "2023-11-29 20:54" },
            )
        };
        let out = render("{{ d|weekday('en') }} {{ t|datetime('en') }} {{ t|datetime }}").unwrap();
        assert_eq!(out, "Mon 2023-11-29 20:54 2023年11月29日 20:54");
        let err = render("{{ d|weekday('fr') }}").unwrap_err();
        assert!(
            format!("{err:#}").contains("unknown language `fr`"),
            "{err:#}"
        );
    }
}
