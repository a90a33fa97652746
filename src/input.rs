//! Reading inputs: a file or `-` for stdin, bounded by the size limit, errors naming the file;
//! folders of week files expanded for the commands that take many weeks.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::yaml::Source;

/// Reads `name` (`-` is stdin) into a checked [`Source`].
pub fn read(name: &str, max_size: u64) -> Result<Source> {
    let (label, bytes) = read_bytes(name, max_size)?;
    Ok(Source::new(&label, bytes, max_size)?)
}

/// Reads a Markdown file `name` (`-` is stdin) into a checked [`Source`].
pub fn read_markdown(name: &str, max_size: u64) -> Result<Source> {
    let (label, bytes) = read_bytes(name, max_size)?;
    Ok(Source::markdown(&label, bytes, max_size)?)
}

/// The bytes of `name`, at most `max_size + 1`, and the label to report it by.
fn read_bytes(name: &str, max_size: u64) -> Result<(String, Vec<u8>)> {
    let (label, bytes) = if name == "-" {
        (
            "<stdin>".to_string(),
            read_limited(std::io::stdin().lock(), max_size).context("cannot read <stdin>")?,
        )
    } else {
        let path = Path::new(name);
        if path.is_dir() {
            bail!("cannot read {name}: it is a directory");
        }
        let file = std::fs::File::open(path).with_context(|| format!("cannot read {name}"))?;
        (
            name.to_string(),
            read_limited(file, max_size).with_context(|| format!("cannot read {name}"))?,
        )
    };
    Ok((label, bytes))
}

/// One input of a command that takes many weeks: named on the command line, or found in a
/// folder named there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The path (or `-`), as the user would type it.
    pub name: String,
    /// Found in a folder rather than named: skipped when it is another kind of document.
    pub in_folder: bool,
}

/// The inputs with each folder replaced by the week files directly inside it (`*.yaml`,
/// `*.yml`, `*.json`; sorted by name; hidden files and subfolders skipped). A folder holding
/// none is an error naming it.
pub fn week_inputs(inputs: &[String]) -> Result<Vec<Found>> {
    let mut found = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        if input == "-" || !path.is_dir() {
            found.push(Found {
                name: input.clone(),
                in_folder: false,
            });
            continue;
        }
        let files = week_files(path)?;
        if files.is_empty() {
            bail!("{input} holds no week files (*.yaml, *.yml, *.json)");
        }
        found.extend(files.into_iter().map(|name| Found {
            name,
            in_folder: true,
        }));
    }
    Ok(found)
}

/// The `*.yaml`, `*.yml` and `*.json` files directly in `dir`, sorted, hidden ones skipped.
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

/// Whether an input that failed to read as a week is another kind of document found in a
/// folder (a JSON Schema, a CI file): a mapping with none of a week's keys `date`, `week` and
/// `sections`. Such a file is skipped; anything else that fails is reported.
pub fn is_other_document(found: &Found, max_size: u64) -> bool {
    if !found.in_folder {
        return false;
    }
    let Ok(source) = read(&found.name, max_size) else {
        return false;
    };
    match source.parse::<serde_json::Value>() {
        Ok(serde_json::Value::Object(map)) => !["date", "week", "sections"]
            .iter()
            .any(|k| map.contains_key(*k)),
        _ => false,
    }
}

/// The error when every file found was another kind of document: no week to read.
pub fn no_weeks(inputs: &[String]) -> anyhow::Error {
    anyhow::anyhow!(
        "{} holds no week files (only other YAML or JSON documents)",
        inputs.join(", ")
    )
}

/// Refuses `-` given more than once: stdin can be read only once.
pub fn stdin_once(inputs: &[String]) -> Result<(), crate::error::Error> {
    if inputs.iter().filter(|i| *i == "-").count() > 1 {
        return Err(crate::error::Error::Usage(
            "stdin (`-`) can be read only once".into(),
        ));
    }
    Ok(())
}

/// Reads at most `max + 1` bytes, enough to tell that an input is over the limit.
fn read_limited(reader: impl Read, max: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// A Markdown report to import: its path as the user would type it, and, when it was found in
/// a folder named on the command line, its path below that folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The path (or `-`).
    pub name: String,
    /// The path below the folder it was found in (`2018/Q4/notes.md`); `None` when named.
    pub within: Option<PathBuf>,
}

/// The inputs with each folder replaced by the `.md` and `.markdown` files below it, at any
/// depth, sorted by path; hidden files and folders are skipped and links to folders not
/// followed. A folder that holds none, or a part of one that cannot be read, is an error in
/// the list (the other reports are still imported).
pub fn markdown_inputs(inputs: &[String]) -> Vec<Result<Report>> {
    let mut out = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        if !path.is_dir() {
            out.push(Ok(Report {
                name: input.clone(),
                within: None,
            }));
            continue;
        }
        let found = markdown_files(path);
        if found.is_empty() {
            out.push(Err(anyhow::anyhow!(crate::msg!(
                "import-folder-empty",
                dir = input.as_str()
            ))));
        }
        out.extend(found);
    }
    out
}

/// The Markdown files below `dir`, or the error of each part of it that cannot be read.
fn markdown_files(dir: &Path) -> Vec<Result<Report>> {
    let walk = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    let mut found = Vec::new();
    for entry in walk {
        match entry {
            Ok(entry) if is_markdown(&entry) => found.push(Ok(Report {
                name: entry.path().to_string_lossy().into_owned(),
                within: entry.path().strip_prefix(dir).ok().map(Path::to_path_buf),
            })),
            Ok(_) => {}
            Err(e) => {
                let at = e.path().unwrap_or(dir).display().to_string();
                found.push(Err(anyhow::anyhow!(crate::msg!(
                    "import-folder-unreadable",
                    dir = at,
                    reason = e
                        .io_error()
                        .map_or_else(|| e.to_string(), |io| io.to_string())
                ))));
            }
        }
    }
    found
}

/// Whether a file or folder name is hidden (`.git`, `.DS_Store`).
fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Whether a walked entry is a Markdown file (a link to one counts).
fn is_markdown(entry: &walkdir::DirEntry) -> bool {
    let kind = entry.file_type();
    let file = kind.is_file() || kind.is_symlink() && entry.path().is_file();
    file && entry
        .path()
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}
