//! Stale temporary files: a write's temporary file is named `.weekly-PID-XXXXXX`; one whose
//! process is gone (killed before it could remove it) and that belongs to the same user is
//! removed by the next write into the same folder.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};

/// The prefix of this process's temporary files.
pub static PREFIX: LazyLock<String> = LazyLock::new(|| format!(".weekly-{}-", std::process::id()));

/// Folders already swept by this process.
static SWEPT: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);

/// Sweeps `dir` the first time this process writes into it.
pub fn once(dir: &Path) {
    let mut swept = SWEPT.lock().unwrap_or_else(|e| e.into_inner());
    if swept
        .get_or_insert_with(HashSet::new)
        .insert(dir.to_path_buf())
    {
        sweep(dir);
    }
}

/// Removes from `dir` the temporary files of `weekly` processes that no longer run, owned by
/// this user. Only where the running processes can be seen (`/proc`); elsewhere nothing.
#[cfg(target_os = "linux")]
fn sweep(dir: &Path) {
    use std::os::unix::fs::MetadataExt;
    let Ok(me) = std::fs::metadata("/proc/self") else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(".weekly-"))
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
        else {
            continue;
        };
        let ours = entry
            .metadata()
            .is_ok_and(|m| m.is_file() && m.uid() == me.uid());
        let gone = !Path::new(&format!("/proc/{pid}")).exists();
        if ours && gone && pid != std::process::id() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn sweep(_dir: &Path) {}
