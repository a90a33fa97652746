//! `weekly render --watch`: re-renders on change, survives a broken edit, exits 0 on Ctrl-C.
//!
//! Every wait is a bounded poll (the machine may be loaded), and a guard kills the child if an
//! assertion fails, so a failing run never leaves a process behind.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::common::{read, run, weekly};

/// How long any one expected change may take to show.
const PATIENCE: Duration = Duration::from_secs(15);

/// A running `weekly render --watch`, its stderr collected by a thread; killed on drop.
struct Watcher {
    child: Child,
    stderr: Arc<Mutex<String>>,
    reader: Option<thread::JoinHandle<()>>,
}

impl Watcher {
    fn start(dir: &Path, args: &[&str]) -> Watcher {
        let mut child = weekly()
            .current_dir(dir)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("weekly starts");
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut pipe = child.stderr.take().expect("stderr is piped");
        let sink = Arc::clone(&stderr);
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let text = String::from_utf8_lossy(&buf[..n]).into_owned();
                sink.lock().expect("stderr lock").push_str(&text);
            }
        });
        Watcher {
            child,
            stderr,
            reader: Some(reader),
        }
    }

    /// Once the child has exited: waits for the reader to take the rest of stderr, so that
    /// what the child wrote last is there (on a loaded machine the reader can lag the exit).
    fn drain(&mut self) {
        if let Some(reader) = self.reader.take() {
            reader.join().expect("stderr reader");
        }
    }

    fn stderr(&self) -> String {
        self.stderr.lock().expect("stderr lock").clone()
    }

    /// How many successful renders stderr reports.
    fn renders(&self) -> usize {
        self.stderr().matches("] rendered").count()
    }

    /// Polls `done` every 50 ms for up to [`PATIENCE`]; panics with `what` and stderr if not.
    fn wait_for(&mut self, what: &str, mut done: impl FnMut(&Watcher) -> bool) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if done(self) {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "weekly exited ({status}) waiting for {what}; stderr:\n{}",
                    self.stderr()
                );
            }
            thread::sleep(Duration::from_millis(50));
        }
        panic!("timed out waiting for {what}; stderr:\n{}", self.stderr());
    }

    fn interrupt(&mut self) -> ExitStatus {
        let pid = self.child.id().to_string();
        let (code, _, err) = run(Command::new("kill").args(["-INT", &pid]));
        assert_eq!(code, 0, "kill -INT {pid}: {err}");
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Ok(Some(status)) = self.child.try_wait() {
                self.drain();
                return status;
            }
            thread::sleep(Duration::from_millis(50));
        }
        panic!("weekly did not stop on SIGINT; stderr:\n{}", self.stderr());
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn contents(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// Replaces a file the way an editor does: a new file, then a rename over the old one.
fn save(path: &Path, text: &str) {
    let tmp = path.with_extension("swp");
    std::fs::write(&tmp, text).expect("write temp");
    std::fs::rename(&tmp, path).expect("rename over");
}

#[test]
fn watch_rerenders_survives_a_broken_edit_and_stops_on_ctrl_c() {
    let dir = tempfile::tempdir().expect("temp dir");
    let yaml = read("examples/week44.yaml");
    let week = dir.path().join("week.yaml");
    let out = dir.path().join("out.md");
    std::fs::write(&week, &yaml).expect("copy example");

    let mut w = Watcher::start(
        dir.path(),
        &["render", "--watch", "week.yaml", "-o", "out.md"],
    );
    w.wait_for("the first render", |_| contents(&out).contains("第44周"));
    assert_eq!(contents(&out), read("tests/golden/week44.md"));
    // The render's own reading and writing are no change: no second render without an edit.
    thread::sleep(Duration::from_millis(1000));
    assert_eq!(
        w.renders(),
        1,
        "rendered again without a change:\n{}",
        w.stderr()
    );

    // An in-place write (truncate + write) is seen.
    let edited = yaml.replacen("银行虚户建设", "银行虚户建设（已改）", 1);
    assert_ne!(edited, yaml, "the example has the text this test edits");
    std::fs::write(&week, &edited).expect("edit");
    w.wait_for("the edit in out.md", |_| contents(&out).contains("已改"));

    // A broken edit: the error is printed (file:line), the last good output stays, it goes on.
    let good = contents(&out);
    std::fs::write(&week, "date: 2023-10-24\nsections: [unclosed\n").expect("break");
    w.wait_for("the error on stderr", |w| {
        let err = w.stderr();
        err.contains("week.yaml:2") && err.contains("still watching")
    });
    assert_eq!(
        contents(&out),
        good,
        "a failed render must not touch the output"
    );
    assert!(
        matches!(w.child.try_wait(), Ok(None)),
        "weekly must keep running"
    );

    // Fixed again, saved by rename as editors do: rendered again.
    save(
        &week,
        &yaml.replacen("银行虚户建设", "银行虚户建设（又改）", 1),
    );
    w.wait_for("the fix in out.md", |_| contents(&out).contains("又改"));

    let status = w.interrupt();
    assert_eq!(status.code(), Some(0), "stderr:\n{}", w.stderr());
}

#[test]
fn watch_rerenders_when_a_template_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("week.yaml"), read("examples/week44.yaml")).expect("copy");
    let tpl = dir.path().join("tpl");
    std::fs::create_dir(&tpl).expect("mkdir");
    let own = tpl.join("mine.md.j2");
    std::fs::write(&own, "first {{ week.number }}\n").expect("template");
    let out = dir.path().join("out.md");

    let args = [
        "render",
        "--watch",
        "--templates",
        "tpl",
        "--template",
        "mine",
        "week.yaml",
    ];
    let mut w = Watcher::start(dir.path(), &[&args[..], &["-o", "out.md"]].concat());
    w.wait_for("the first render", |_| {
        contents(&out).starts_with("first 44")
    });
    std::fs::write(&own, "second {{ week.number }}\n").expect("edit template");
    w.wait_for("the template change", |_| {
        contents(&out).starts_with("second 44")
    });
    // A template syntax error is reported and the watch goes on.
    std::fs::write(&own, "broken {{ week.number \n").expect("break template");
    w.wait_for("the template error", |w| {
        let err = w.stderr();
        err.contains("mine.md.j2") && err.contains("still watching")
    });
    assert!(
        matches!(w.child.try_wait(), Ok(None)),
        "weekly must keep running"
    );
    assert_eq!(w.interrupt().code(), Some(0), "stderr:\n{}", w.stderr());
}

#[test]
fn watch_refuses_stdin_and_out_dir() {
    let (code, _, err) = run(weekly().args(["render", "--watch", "-"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--watch needs a file"), "{err}");
    let (code, _, err) = run(weekly().args([
        "render",
        "--watch",
        "--out-dir",
        "x",
        "examples/week44.yaml",
    ]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cannot be used with"), "{err}");
}

impl Watcher {
    /// Sends `signal` and returns how long the process took to end, and its status.
    fn signal(&mut self, signal: &str) -> (Duration, ExitStatus) {
        let pid = self.child.id().to_string();
        let (code, _, err) = run(Command::new("kill").args([signal, &pid]));
        assert_eq!(code, 0, "kill {signal} {pid}: {err}");
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Ok(Some(status)) = self.child.try_wait() {
                return (start.elapsed(), status);
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "weekly did not stop on {signal}; stderr:\n{}",
            self.stderr()
        );
    }
}

/// A week folder with `week.yaml` (the example) in `sub/`; returns the temp dir.
fn week_in_sub() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    std::fs::write(
        dir.path().join("sub/week.yaml"),
        read("examples/week44.yaml"),
    )
    .expect("copy");
    dir
}

/// Case 6: a FIFO (or any file that is not a regular file) is refused at once, instead of
/// blocking before the first render.
#[cfg(unix)]
#[test]
fn watch_refuses_a_fifo_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (code, _, err) = run(Command::new("mkfifo").arg(dir.path().join("week.yaml")));
    assert_eq!(code, 0, "mkfifo: {err}");
    let mut w = Watcher::start(dir.path(), &["render", "--watch", "week.yaml"]);
    let start = Instant::now();
    let status = loop {
        if let Ok(Some(status)) = w.child.try_wait() {
            break status;
        }
        assert!(start.elapsed() < PATIENCE, "blocked on the FIFO");
        thread::sleep(Duration::from_millis(20));
    };
    w.drain();
    assert_eq!(status.code(), Some(1), "{}", w.stderr());
    assert!(w.stderr().contains("not a regular file"), "{}", w.stderr());
    // a device that never ends is not read at all
    let started = Instant::now();
    let (code, _, err) = run(weekly().args(["render", "--watch", "/dev/zero"]));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("not a regular file"), "{err}");
    assert!(started.elapsed() < PATIENCE);
}

/// Case 6: a symbolic link cycle in the templates folder is not walked (two links back to the
/// folder made the walk exponential), and SIGTERM ends the watch within about a second.
#[cfg(unix)]
#[test]
fn watch_ignores_link_cycles_and_stops_on_sigterm() {
    let dir = week_in_sub();
    let tpl = dir.path().join("tpl");
    std::fs::create_dir(&tpl).expect("mkdir");
    std::fs::write(tpl.join("mine.md.j2"), "first {{ week.number }}\n").expect("template");
    std::os::unix::fs::symlink(".", tpl.join("a")).expect("link a");
    std::os::unix::fs::symlink(".", tpl.join("b")).expect("link b");
    let out = dir.path().join("out.md");
    let mut w = Watcher::start(
        dir.path(),
        &[
            "render",
            "--watch",
            "--templates",
            "tpl",
            "--template",
            "mine",
            "sub/week.yaml",
            "-o",
            "out.md",
        ],
    );
    w.wait_for("the first render", |_| {
        contents(&out).starts_with("first 44")
    });
    let (took, status) = w.signal("-TERM");
    assert!(took < Duration::from_secs(3), "took {took:?}");
    assert_eq!(status.code(), Some(0), "{}", w.stderr());
}

/// Case 15: the input's folder removed and made again, the week written anew: rendered again.
#[test]
fn watch_survives_its_folder_being_made_again() {
    let dir = week_in_sub();
    let out = dir.path().join("out.md");
    let mut w = Watcher::start(
        dir.path(),
        &["render", "--watch", "sub/week.yaml", "-o", "out.md"],
    );
    w.wait_for("the first render", |_| contents(&out).contains("第44周"));
    std::fs::remove_dir_all(dir.path().join("sub")).expect("remove folder");
    thread::sleep(Duration::from_millis(500));
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir again");
    let edited = read("examples/week44.yaml").replacen("银行虚户建设", "银行虚户建设（新）", 1);
    std::fs::write(dir.path().join("sub/week.yaml"), edited).expect("write again");
    w.wait_for("the new week in out.md", |_| {
        contents(&out).contains("（新）")
    });
    assert_eq!(w.interrupt().code(), Some(0), "{}", w.stderr());
}

/// Case 15: the input is a symbolic link to a file in another folder, edited through the link.
#[cfg(unix)]
#[test]
fn watch_follows_an_input_edited_through_its_link() {
    let dir = week_in_sub();
    std::os::unix::fs::symlink("sub/week.yaml", dir.path().join("link.yaml")).expect("link");
    let out = dir.path().join("out.md");
    let mut w = Watcher::start(
        dir.path(),
        &["render", "--watch", "link.yaml", "-o", "out.md"],
    );
    w.wait_for("the first render", |_| contents(&out).contains("第44周"));
    let edited = read("examples/week44.yaml").replacen("银行虚户建设", "银行虚户建设（链）", 1);
    std::fs::write(dir.path().join("sub/week.yaml"), edited).expect("edit the target");
    w.wait_for("the edit in out.md", |_| contents(&out).contains("（链）"));
    assert_eq!(w.interrupt().code(), Some(0), "{}", w.stderr());
}
