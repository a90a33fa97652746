//! Reading inputs: a file or `-` for stdin, bounded by the size limit, errors naming the file.

use std::io::Read;
use std::path::Path;

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

/// Reads at most `max + 1` bytes, enough to tell that an input is over the limit.
fn read_limited(reader: impl Read, max: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(bytes)
}
