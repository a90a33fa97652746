//! Writing output: stdout, or a file replaced atomically (temp file in the same folder, then
//! rename), so a failed run never leaves a half-written or truncated file.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

/// Writes `content` to `path` through a temporary file and a rename. A new file gets the usual
/// permissions (0666 less the umask); a replaced file keeps its own.
pub fn write_atomic(path: &Path, content: &[u8]) -> Result<()> {
    write_through_temp(path, content, true)
}

/// Like [`write_atomic`] (a reader sees the old file or the whole new one), without waiting for
/// the disk (`fsync`): for batches of many outputs (`--out-dir`), where one `fsync` per file
/// costs more than the rendering.
pub fn write_atomic_unsynced(path: &Path, content: &[u8]) -> Result<()> {
    write_through_temp(path, content, false)
}

fn write_through_temp(path: &Path, content: &[u8], sync: bool) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if path.is_dir() {
        anyhow::bail!("cannot write {}: it is a directory", path.display());
    }
    if !dir.is_dir() {
        let why = if dir.exists() {
            "is not a folder"
        } else {
            "does not exist"
        };
        anyhow::bail!("cannot write {}: {} {why}", path.display(), dir.display());
    }
    let mut tmp = temp_builder()
        .tempfile_in(dir)
        .map_err(|e| {
            // without the random temp file name that tempfile appends to its message
            let text = e.to_string();
            let text = text.split(" at path \"").next().unwrap_or_default();
            std::io::Error::new(e.kind(), text.to_string())
        })
        .with_context(|| {
            format!(
                "cannot write {}: cannot create a file in {}",
                path.display(),
                dir.display()
            )
        })?;
    if let Ok(meta) = std::fs::metadata(path) {
        tmp.as_file()
            .set_permissions(meta.permissions())
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    tmp.write_all(content)
        .with_context(|| format!("cannot write {}", path.display()))?;
    if sync {
        tmp.as_file()
            .sync_all()
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// A temp-file builder: hidden name, and on Unix the permissions of an ordinary new file.
fn temp_builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".weekly-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder
}

/// Writes to stdout; a closed pipe (`weekly render x | head`) is not an error.
pub fn write_stdout(content: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(content).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to stdout"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        std::fs::write(&path, "old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn new_file_is_not_private_and_replaced_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.md");
        write_atomic(&path, b"x").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_ne!(
            mode & 0o044,
            0,
            "a new output is readable by others: {mode:o}"
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"y").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }

    #[test]
    fn missing_folder_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/out.md");
        let err = write_atomic(&path, b"x").unwrap_err();
        assert!(format!("{err:#}").contains("out.md"));
    }
}
