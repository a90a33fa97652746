//! Outputs that must not replace what the user keeps: an existing file only with `--force`,
//! and never a file the same run reads, whatever name it goes by (a symlink, a hard link).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::output;

/// The identity of a file: device and inode on Unix, else its canonical path.
#[derive(Debug, PartialEq, Eq, Hash)]
enum Id {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

fn identity(path: &Path) -> Option<Id> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(path).ok()?;
        Some(Id::Inode(meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        std::fs::canonicalize(path).ok().map(Id::Path)
    }
}

/// What one run may write: the files it reads (by identity) and whether `--force` was given.
#[derive(Debug)]
pub struct Guard {
    inputs: HashMap<Id, String>,
    force: bool,
}

impl Guard {
    /// A guard for a run reading `inputs` (`-`, stdin, is no file); `force` allows replacing
    /// an existing file that is not an input.
    pub fn new<'a>(inputs: impl IntoIterator<Item = &'a str>, force: bool) -> Guard {
        let inputs = inputs
            .into_iter()
            .filter(|name| *name != "-")
            .filter_map(|name| identity(Path::new(name)).map(|id| (id, name.to_string())))
            .collect();
        Guard { inputs, force }
    }

    /// Refuses to write `path` when it is an input of the run, and when it exists unless
    /// `--force`; stdout (`-`, `/dev/stdout`) is always fine. Also refuses what
    /// [`output::target`] refuses (a folder, a device).
    pub fn check(&self, path: &Path) -> Result<()> {
        if output::is_stdout(path) {
            return Ok(());
        }
        let file = output::target(path)?;
        if let Some(input) = identity(&file).and_then(|id| self.inputs.get(&id)) {
            bail!(
                "cannot write {}: it is {input}, an input of this run; write the output to \
                 another file",
                path.display()
            );
        }
        if !self.force && std::fs::symlink_metadata(&file).is_ok() {
            bail!(
                "{} already exists: pass --force to overwrite it",
                path.display()
            );
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_are_refused_by_any_name_and_files_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.md");
        std::fs::write(&input, "x").unwrap();
        let name = input.to_string_lossy().into_owned();
        let guard = Guard::new([name.as_str(), "-"], true);
        let dotted = dir.path().join(".").join("in.md");
        let err = guard.check(&dotted).unwrap_err().to_string();
        assert!(err.contains("an input of this run"), "{err}");
        let other = dir.path().join("out.md");
        guard.check(&other).unwrap();
        std::fs::write(&other, "y").unwrap();
        guard.check(&other).unwrap();
        let err = Guard::new([], false).check(&other).unwrap_err();
        assert!(err.to_string().contains("--force"), "{err}");
        Guard::new([], false).check(Path::new("-")).unwrap();
    }
}
