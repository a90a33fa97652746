//! Writing output: stdout, or a file replaced atomically (temp file in the same folder, then
//! rename), so a failed run never leaves a half-written or truncated file.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

mod sweep;

/// Symlinks followed from an output path before giving up (a cycle, or a very long chain).
const MAX_LINKS: usize = 40;

/// Whether `-o PATH` means stdout: `-` and `/dev/stdout`.
pub fn is_stdout(path: &Path) -> bool {
    path == Path::new("-") || path == Path::new("/dev/stdout")
}

/// Writes `content` to `path` through a temporary file and a rename. A new file gets the usual
/// permissions (0666 less the umask); a replaced file keeps its own. `-` and `/dev/stdout` are
/// stdout; a symlink is written through (its target is replaced, the link stays); anything
/// else that is not a regular file (a device, a pipe, a socket) is refused.
pub fn write_atomic(path: &Path, content: &[u8]) -> Result<()> {
    write_through_temp(path, content, true)
}

/// Like [`write_atomic`] (a reader sees the old file or the whole new one), without waiting for
/// the disk (`fsync`): for batches of many outputs (`--out-dir`), where one `fsync` per file
/// costs more than the rendering.
pub fn write_atomic_unsynced(path: &Path, content: &[u8]) -> Result<()> {
    write_through_temp(path, content, false)
}

/// The file a write to `path` replaces: `path` itself, or the end of its chain of symlinks.
/// Refuses what exists and is not a regular file.
pub fn target(path: &Path) -> Result<PathBuf> {
    let mut at = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        // missing (or under something that is not a folder): the write says why
        let Ok(meta) = std::fs::symlink_metadata(&at) else {
            return Ok(at);
        };
        let kind = meta.file_type();
        if kind.is_symlink() {
            let link = std::fs::read_link(&at)
                .with_context(|| format!("cannot write {}", path.display()))?;
            at = match at.parent() {
                Some(dir) => dir.join(link),
                None => link,
            };
        } else if kind.is_dir() {
            anyhow::bail!("cannot write {}: it is a directory", path.display());
        } else if kind.is_file() {
            return Ok(at);
        } else {
            anyhow::bail!(
                "cannot write {}: it is not a regular file (a device, a pipe or a socket); \
                 weekly replaces only files (write to stdout with `-o -`)",
                path.display()
            );
        }
    }
    anyhow::bail!(
        "cannot write {}: too many levels of symbolic links",
        path.display()
    )
}

fn write_through_temp(path: &Path, content: &[u8], sync: bool) -> Result<()> {
    if is_stdout(path) {
        return write_stdout(content);
    }
    let file = target(path)?;
    let dir = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        let why = if dir.exists() {
            "is not a folder"
        } else {
            "does not exist"
        };
        anyhow::bail!("cannot write {}: {} {why}", path.display(), dir.display());
    }
    sweep::once(dir);
    let tmp = crate::signals::tracked(|| temp_builder().tempfile_in(dir), |t| t.path())
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
    let temp = tmp.path().to_path_buf();
    let written = fill(tmp, path, &file, content, sync);
    crate::signals::untrack(&temp);
    written
}

/// Fills the temporary file and renames it over `file` (`path` as the user named it).
fn fill(
    mut tmp: tempfile::NamedTempFile,
    path: &Path,
    file: &Path,
    content: &[u8],
    sync: bool,
) -> Result<()> {
    if let Ok(meta) = std::fs::metadata(file) {
        tmp.as_file()
            .set_permissions(meta.permissions())
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    // through the plain file: tempfile's own writer names the temp file in its errors, which
    // is gone by the time the user reads them
    tmp.as_file_mut()
        .write_all(content)
        .map_err(plain)
        .with_context(|| format!("cannot write {}", path.display()))?;
    if sync {
        tmp.as_file()
            .sync_all()
            .map_err(plain)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    tmp.persist(file)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// An I/O error in words, for the kinds a full or limited disk gives.
fn plain(e: std::io::Error) -> std::io::Error {
    use std::io::ErrorKind as K;
    let words = match e.kind() {
        K::StorageFull => "the disk is full",
        K::FileTooLarge => "the file would be larger than this process may write (ulimit -f)",
        K::QuotaExceeded => "the disk quota is exceeded",
        _ => return e,
    };
    std::io::Error::new(e.kind(), words)
}

/// A temp-file builder: hidden name, and on Unix the permissions of an ordinary new file.
fn temp_builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(&*sweep::PREFIX);
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

    /// `-o -` and `-o /dev/stdout` mean stdout, for writing and for the overwrite guard alike;
    /// nothing else does.
    #[test]
    fn dash_and_dev_stdout_are_stdout() {
        assert!(is_stdout(Path::new("-")));
        assert!(is_stdout(Path::new("/dev/stdout")));
        assert!(!is_stdout(Path::new("./-x")));
        assert!(!is_stdout(Path::new("/dev/stderr")));
    }

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

    #[cfg(unix)]
    #[test]
    fn devices_and_link_cycles_are_refused_and_links_followed() {
        let dir = tempfile::tempdir().unwrap();
        let err = target(Path::new("/dev/null")).unwrap_err();
        assert!(err.to_string().contains("not a regular file"), "{err}");
        let a = dir.path().join("a.md");
        std::os::unix::fs::symlink("b.md", &a).unwrap();
        std::os::unix::fs::symlink("a.md", dir.path().join("b.md")).unwrap();
        assert!(format!("{:#}", write_atomic(&a, b"x").unwrap_err()).contains("too many levels"));
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink("sub/real.md", &link).unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("sub/real.md")).unwrap(),
            "new"
        );
    }
}
