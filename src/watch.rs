//! Live preview (`weekly render --watch`): render, then render again whenever the input or a
//! template changes, until Ctrl-C. A failed render is reported and the watch goes on.

use std::collections::HashMap;
use std::fmt;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::{Context, Result};
use notify_debouncer_mini::notify::{self, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, new_debouncer_opt};

/// Changes closer together than this are one change (an editor's save is several events).
pub const DEBOUNCE: Duration = Duration::from_millis(200);

/// How often the watched files are also looked at directly: events stop when a watched folder
/// is removed and made again, and never come for the target of a symbolic link elsewhere.
pub const POLL: Duration = Duration::from_secs(1);

/// What a render depends on.
#[derive(Debug, Default)]
pub struct Targets {
    /// Files whose change means a new render (the input, a `--template` file). Each is watched
    /// through its folder, so an editor that saves by writing a new file and renaming it is seen.
    pub files: Vec<PathBuf>,
    /// Folders any file of which may be a template (`--templates`), watched recursively.
    pub dirs: Vec<PathBuf>,
    /// The output file: its own writes are never a change.
    pub output: Option<PathBuf>,
    /// The most bytes read of a watched file (`--max-size`); a larger file is seen by its size
    /// and time.
    pub max_size: u64,
}

/// What the watch tells the person watching, in order; `Display` is the line to show.
#[derive(Debug)]
pub enum Event {
    /// The watch started: what it watches.
    Watching(String),
    /// A render succeeded at this time (`HH:MM:SS`), to this output.
    Rendered {
        /// The local time.
        at: String,
        /// The output file, or `to stdout`.
        to: String,
    },
    /// A render failed at this time; the error is to be reported before the line.
    Failed {
        /// The local time.
        at: String,
        /// Why the render failed.
        error: anyhow::Error,
    },
    /// The watcher reported a problem; the watch goes on.
    Trouble(String),
    /// Ctrl-C (or SIGTERM): the watch is over.
    Stopped,
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Event::Watching(what) => write!(f, "weekly: watching {what} (Ctrl-C to stop)"),
            Event::Rendered { at, to } => write!(f, "weekly: [{at}] rendered {to}"),
            Event::Failed { at, .. } => write!(f, "weekly: [{at}] render failed; still watching"),
            Event::Trouble(err) => write!(f, "weekly: warning: while watching: {err}"),
            Event::Stopped => f.write_str("weekly: stopped watching"),
        }
    }
}

/// What the watcher thread and the Ctrl-C handler tell the loop.
enum Msg {
    Changed(Vec<PathBuf>),
    Trouble(String),
    Stop,
}

/// Runs `render` now and after every relevant change, until Ctrl-C (or SIGTERM): then `Ok`.
/// What happens goes to `tell` (renders, failed renders with their errors, trouble); only a
/// failure to watch is returned.
pub fn run(
    targets: &Targets,
    mut render: impl FnMut() -> Result<()>,
    mut tell: impl FnMut(Event),
) -> Result<()> {
    let targets = targets.resolved()?;
    targets.regular_files()?;
    let (tx, rx) = mpsc::channel();
    let stop = tx.clone();
    crate::signals::on_stop(move || {
        let _ = stop.send(Msg::Stop);
    });
    // symbolic links to folders are not followed: a link cycle would be walked forever
    let config = notify_debouncer_mini::Config::default()
        .with_timeout(DEBOUNCE)
        .with_notify_config(notify::Config::default().with_follow_symlinks(false));
    let mut debouncer = new_debouncer_opt::<_, notify::RecommendedWatcher>(
        config,
        move |result: DebounceEventResult| {
            let _ = tx.send(match result {
                Ok(events) => Msg::Changed(events.into_iter().map(|e| e.path).collect()),
                Err(err) => Msg::Trouble(err.to_string()),
            });
        },
    )
    .context("cannot start watching files")?;
    for (path, mode) in targets.roots() {
        debouncer
            .watcher()
            .watch(&path, mode)
            .with_context(|| format!("cannot watch {}", path.display()))?;
    }
    tell(Event::Watching(targets.describe()));
    let to = match &targets.output {
        Some(path) => path.display().to_string(),
        None => "to stdout".into(),
    };
    let mut seen = Seen {
        max_size: targets.max_size,
        ..Seen::default()
    };
    targets.all_changed(&mut seen);
    tell(attempt(&mut render, &to));
    let mut polled = std::time::Instant::now();
    loop {
        let mut changed = match rx.recv_timeout(POLL.saturating_sub(polled.elapsed())) {
            Ok(Msg::Stop) | Err(mpsc::RecvTimeoutError::Disconnected) => break,
            // `|` not `||`: every changed file's fingerprint is brought up to date.
            Ok(Msg::Changed(paths)) => paths
                .iter()
                .filter(|p| targets.concerns(p))
                .fold(false, |any, p| seen.changed(p) | any),
            Ok(Msg::Trouble(err)) => {
                tell(Event::Trouble(err));
                false
            }
            Err(mpsc::RecvTimeoutError::Timeout) => false,
        };
        if polled.elapsed() >= POLL {
            changed |= targets.all_changed(&mut seen);
            polled = std::time::Instant::now();
        }
        if changed {
            tell(attempt(&mut render, &to));
        }
    }
    tell(Event::Stopped);
    Ok(())
}

/// One render, as the event that tells how it went.
fn attempt(render: &mut impl FnMut() -> Result<()>, to: &str) -> Event {
    let at = chrono::Local::now().format("%H:%M:%S").to_string();
    match render() {
        Ok(()) => Event::Rendered {
            at,
            to: to.to_string(),
        },
        Err(error) => Event::Failed { at, error },
    }
}

/// The content last seen of each watched file. The watcher also reports files being opened
/// and read (by the render itself, too), so only a different content counts as a change.
/// Only regular files are read (a FIFO would block, `/dev/zero` never ends), at most
/// `max_size` bytes of them; a file's metadata unchanged means its content is.
#[derive(Default)]
struct Seen {
    last: HashMap<PathBuf, Option<(Stamp, u64)>>,
    max_size: u64,
}

/// What the metadata says of a file: device, inode, length, modification time.
type Stamp = (u64, u64, u64, Option<std::time::SystemTime>);

impl Seen {
    /// Records `path`'s content; whether it differs from the last record (or there was none).
    fn changed(&mut self, path: &Path) -> bool {
        let stamp = std::fs::metadata(path)
            .ok()
            .filter(|m| m.is_file())
            .map(|m| {
                #[cfg(unix)]
                let (dev, ino) = {
                    use std::os::unix::fs::MetadataExt;
                    (m.dev(), m.ino())
                };
                #[cfg(not(unix))]
                let (dev, ino) = (0, 0);
                (dev, ino, m.len(), m.modified().ok())
            });
        let last = self.last.get(path).copied();
        if last.is_some() && last.map(|l| l.map(|(s, _)| s)) == Some(stamp) {
            return false;
        }
        let now = stamp.map(|s| (s, self.content(path, s.2)));
        let before = self.last.insert(path.to_path_buf(), now);
        before.map(|b| b.map(|(_, h)| h)) != Some(now.map(|(_, h)| h))
    }

    /// A hash of the file's content, or of its length when over the size limit.
    fn content(&self, path: &Path, len: u64) -> u64 {
        use std::io::Read;
        let mut hasher = DefaultHasher::new();
        if len > self.max_size {
            len.hash(&mut hasher);
        } else if let Ok(file) = std::fs::File::open(path) {
            let mut bytes = Vec::new();
            let _ = file.take(self.max_size).read_to_end(&mut bytes);
            bytes.hash(&mut hasher);
        }
        hasher.finish()
    }
}

/// Every regular file under `dir`, recursively, not following symbolic links to folders (a
/// link cycle would never end); an unreadable folder counts as empty.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() || e.path_is_symlink() && e.path().is_file())
        .map(walkdir::DirEntry::into_path)
        .collect()
}

impl Targets {
    /// The same targets with absolute, symlink-free folders, as the watcher reports paths.
    fn resolved(&self) -> Result<Targets> {
        let files = self
            .files
            .iter()
            .map(|f| resolve_file(f))
            .collect::<Result<_>>()?;
        let dirs = self
            .dirs
            .iter()
            .map(|d| {
                d.canonicalize()
                    .with_context(|| format!("cannot watch {}", d.display()))
            })
            .collect::<Result<_>>()?;
        Ok(Targets {
            files,
            dirs,
            output: self.output.as_deref().and_then(|o| resolve_file(o).ok()),
            max_size: self.max_size,
        })
    }

    /// Refuses to watch a file that is there but is not a regular file (a FIFO, a device):
    /// reading it could block or never end.
    fn regular_files(&self) -> Result<()> {
        for file in &self.files {
            if let Ok(meta) = std::fs::metadata(file)
                && !meta.is_file()
            {
                anyhow::bail!(
                    "cannot watch {}: it is not a regular file (a pipe, device or folder); \
                     --watch follows files only",
                    file.display()
                );
            }
        }
        Ok(())
    }

    /// Whether any watched file changed, looking at each (the files and the folders' files).
    fn all_changed(&self, seen: &mut Seen) -> bool {
        let dir_files = self.dirs.iter().flat_map(|d| files_in(d));
        self.files
            .iter()
            .cloned()
            .chain(dir_files)
            .fold(false, |any, f| seen.changed(&f) | any)
    }

    /// The paths handed to the watcher: each file's folder (flat), each folder (recursive).
    fn roots(&self) -> Vec<(PathBuf, RecursiveMode)> {
        let mut roots: Vec<(PathBuf, RecursiveMode)> = Vec::new();
        for file in &self.files {
            let dir = file.parent().unwrap_or(Path::new("/")).to_path_buf();
            if !roots.iter().any(|(d, _)| *d == dir) {
                roots.push((dir, RecursiveMode::NonRecursive));
            }
        }
        for dir in &self.dirs {
            roots.retain(|(d, _)| d != dir);
            roots.push((dir.clone(), RecursiveMode::Recursive));
        }
        roots
    }

    /// Whether a change at `path` calls for a new render.
    fn concerns(&self, path: &Path) -> bool {
        let own_write = self.output.as_deref() == Some(path)
            || path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(".weekly-"));
        !own_write
            && (self.files.iter().any(|f| f == path)
                || self.dirs.iter().any(|d| path.starts_with(d)))
    }

    fn describe(&self) -> String {
        let mut names: Vec<String> = self.files.iter().map(|f| f.display().to_string()).collect();
        names.extend(self.dirs.iter().map(|d| format!("{}/", d.display())));
        names.join(", ")
    }
}

/// `dir/name` with `dir` made absolute and symlink-free; the file itself may come and go.
fn resolve_file(file: &Path) -> Result<PathBuf> {
    let name = file
        .file_name()
        .with_context(|| format!("cannot watch {}: not a file name", file.display()))?;
    let dir = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let dir = dir
        .canonicalize()
        .with_context(|| format!("cannot watch {}", file.display()))?;
    Ok(dir.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_targets_concern_the_watch_and_own_writes_never_do() {
        let t = Targets {
            files: vec!["/w/week.yaml".into()],
            dirs: vec!["/w/tpl".into()],
            output: Some("/w/out.md".into()),
            max_size: 100,
        };
        assert!(t.concerns(Path::new("/w/week.yaml")));
        assert!(t.concerns(Path::new("/w/tpl/zh.md.j2")));
        assert!(t.concerns(Path::new("/w/tpl/sub/blocks.md.j2")));
        assert!(!t.concerns(Path::new("/w/out.md")));
        assert!(!t.concerns(Path::new("/w/.weekly-abc123")));
        assert!(!t.concerns(Path::new("/w/other.yaml")));
    }

    #[test]
    fn only_a_new_content_is_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("week.yaml");
        let mut seen = Seen {
            max_size: 100,
            ..Seen::default()
        };
        assert!(seen.changed(&file), "first sight of a missing file");
        assert!(!seen.changed(&file));
        std::fs::write(&file, "a").unwrap();
        assert!(seen.changed(&file));
        std::fs::write(&file, "a").unwrap();
        assert!(!seen.changed(&file), "rewritten with the same content");
        std::fs::remove_file(&file).unwrap();
        assert!(seen.changed(&file), "deleted");
    }

    #[test]
    fn a_file_is_watched_through_its_folder_once() {
        let t = Targets {
            files: vec!["/w/week.yaml".into(), "/w/mine.md.j2".into()],
            dirs: vec![],
            output: None,
            max_size: 100,
        };
        assert_eq!(
            t.roots(),
            vec![(PathBuf::from("/w"), RecursiveMode::NonRecursive)]
        );
    }
}
