//! Signals: on SIGINT or SIGTERM the temporary files of writes under way are removed before
//! the process ends (a watch is asked to stop first), and SIGXFSZ (`ulimit -f`) makes a write
//! fail as an error instead of killing the process without a word.
//!
//! The INT/TERM handler needs a thread of its own (ctrlc's), so it is installed only when
//! there is something to do on a signal: before the first temporary file, or a watch. Until
//! then a signal ends the process as it would any program.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};
use std::time::Duration;

/// Temporary files being written now, removed if the process is interrupted.
static TEMPS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// What a watch does on Ctrl-C instead of ending at once: it stops and returns.
type Stop = Box<dyn Fn() + Send>;
static STOP: Mutex<Option<Stop>> = Mutex::new(None);

/// Makes SIGXFSZ harmless, and installs the INT/TERM handler now when `now` (a command that
/// may start threads of its own: started late, the handler's thread would take a heap arena a
/// finished worker left for the next); once, before any command runs. A failure to install is
/// not worth stopping the command for.
pub fn install(now: bool) {
    if now {
        interruptible();
    }
    #[cfg(unix)]
    {
        // a registered flag replaces the default action (end the process) with "note it"
        let noted = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, noted);
    }
}

/// Makes Ctrl-C call `stop` (and give it a second) before the temporary files are removed and
/// the process ends.
pub fn on_stop(stop: impl Fn() + Send + 'static) {
    interruptible();
    *STOP.lock().unwrap_or_else(|e| e.into_inner()) = Some(Box::new(stop));
}

/// Creates a temporary file with `make` and notes it, to remove should the process be
/// interrupted. Both happen under the lock the handler takes, so no file is created between
/// the handler's sweep and the end of the process.
pub fn tracked<T>(
    make: impl FnOnce() -> std::io::Result<T>,
    path: impl Fn(&T) -> &Path,
) -> std::io::Result<T> {
    interruptible();
    let mut temps = TEMPS.lock().unwrap_or_else(|e| e.into_inner());
    let made = make()?;
    temps.push(path(&made).to_path_buf());
    Ok(made)
}

/// The temporary file is gone (renamed into place or removed).
pub fn untrack(path: &Path) {
    TEMPS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|p| p != path);
}

/// Installs the INT/TERM handler (once; later calls do nothing). A failure to install is not
/// worth stopping the command for.
fn interruptible() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        let _ = ctrlc::set_handler(interrupted);
    });
}

fn interrupted() {
    let stop = STOP.lock().unwrap_or_else(|e| e.into_inner()).take();
    if let Some(stop) = stop {
        stop();
        // a render that does not return (a stuck read) must not keep the watch alive
        std::thread::sleep(Duration::from_secs(1));
    }
    // the lock is held to the end: no write can start a new temporary file meanwhile
    let mut temps = TEMPS.lock().unwrap_or_else(|e| e.into_inner());
    for path in temps.drain(..) {
        let _ = std::fs::remove_file(path);
    }
    std::process::exit(130);
}
