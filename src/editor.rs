//! The user's editor: `$VISUAL`, else `$EDITOR`, else `vi`, run through the shell as git runs
//! it (so `code --wait` and `emacsclient -t` work), on one file, waiting for it to close.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};

/// The editor command line the user configured, or `vi`.
pub fn command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".into())
}

/// Opens `path` in `editor` and waits; an editor that cannot start or exits with a failure
/// is an error naming it.
pub fn open(editor: &str, path: &Path) -> Result<()> {
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("weekly-edit")
        .arg(path)
        .status()
        .with_context(|| format!("cannot start the editor `{editor}`"))?;
    if !status.success() {
        bail!(
            "the editor `{editor}` exited with {status} on {}",
            path.display()
        );
    }
    Ok(())
}
