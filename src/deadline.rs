//! A wall-clock deadline per render: fuel bounds the instructions a template runs, not the
//! time one instruction takes (comparing two 100 MB strings, `replace` on a long text); and a
//! cap on the text a template prints.

use std::cell::{Cell, RefCell};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::{Result, anyhow};
use minijinja::{Environment, Error, ErrorKind};

/// Default time one render may take.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(5);

/// A number of seconds a render may take: above 0, at most a day.
pub fn seconds(t: f64) -> Result<f64, String> {
    if t > 0.0 && t <= 86_400.0 {
        Ok(t)
    } else {
        Err(format!(
            "`{t}` is not a number of seconds above 0 (at most 86400)"
        ))
    }
}

/// The most bytes one printed value, and all a render prints, may hold: four times the largest
/// input the size limit lets in, far beyond any report.
pub const MAX_TEXT: usize = 64 * 1024 * 1024;

thread_local! {
    /// When the render running on this thread must stop.
    static DEADLINE: Cell<Option<(Instant, Duration)>> = const { Cell::new(None) };
    /// Bytes the render running on this thread has printed through `{{ … }}`.
    static PRINTED: Cell<usize> = const { Cell::new(0) };
}

/// Refuses a printed value that makes a text over [`MAX_TEXT`]: minijinja adds the template
/// and line.
fn check_size(value: &minijinja::Value) -> Result<(), Error> {
    let len = value.as_str().map_or(0, str::len);
    let total = PRINTED.get().saturating_add(len);
    PRINTED.set(total);
    if len > MAX_TEXT || total > MAX_TEXT {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            format!(
                "the template builds a text of more than {} MB, the most a template may print",
                MAX_TEXT / (1024 * 1024)
            ),
        ));
    }
    Ok(())
}

/// The error a template gets when its time is up: minijinja adds the template and line.
fn check() -> Result<(), Error> {
    match DEADLINE.get() {
        Some((at, limit)) if Instant::now() >= at => Err(Error::new(
            ErrorKind::InvalidOperation,
            format!(
                "the template ran past its {} deadline: is there a runaway loop? (raise it with --timeout)",
                shown(limit)
            ),
        )),
        _ => Ok(()),
    }
}

fn shown(limit: Duration) -> String {
    format!("{}-second", limit.as_secs_f64())
}

/// Makes `env` check the deadline wherever a template spends time it controls: each value it
/// prints and each `range` it starts (a nested loop starts one per outer step).
pub fn install(env: &mut Environment<'static>) {
    env.set_formatter(|out, state, value| {
        check()?;
        check_size(value)?;
        minijinja::escape_formatter(out, state, value)
    });
    env.add_function(
        "range",
        |lower: isize, upper: Option<isize>, step: Option<isize>| {
            check()?;
            minijinja::functions::range(lower, upper, step)
        },
    );
}

/// A thread that runs renders for one calling thread, one at a time, so a batch of renders
/// starts one thread per calling thread instead of one per render.
struct Worker {
    jobs: Option<mpsc::Sender<Job>>,
    thread: Option<JoinHandle<()>>,
}

type Job = Box<dyn FnOnce() + Send>;

impl Worker {
    fn start() -> Worker {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let thread = std::thread::spawn(move || {
            for job in inbox {
                job();
            }
        });
        Worker {
            jobs: Some(jobs),
            thread: Some(thread),
        }
    }

    fn send(&self, job: Job) -> Result<(), mpsc::SendError<Job>> {
        match &self.jobs {
            Some(jobs) => jobs.send(job),
            None => Err(mpsc::SendError(job)),
        }
    }
}

impl Drop for Worker {
    /// Ends the worker and waits for it (its thread-locals, minijinja's caches, dropped), so
    /// no render thread outlives the thread it rendered for. A worker whose render ran past
    /// its deadline is forgotten instead (see [`run`]).
    fn drop(&mut self) {
        drop(self.jobs.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

thread_local! {
    /// This thread's render worker, started on its first render.
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

/// Runs `render` on another thread under a deadline of `limit`, naming `template` if it has not
/// finished a second after (when the checks inside the template could not stop it). The thread
/// is this thread's render worker, kept for its next render; one that overran is left to
/// finish on its own and a new one is started next time.
pub fn run<T: Send + 'static>(
    limit: Duration,
    template: &str,
    render: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    let (tx, rx) = mpsc::channel();
    let job: Job = Box::new(move || {
        DEADLINE.set(Some((Instant::now() + limit, limit)));
        PRINTED.set(0);
        let _ = tx.send(render());
    });
    let mut worker = WORKER.take().unwrap_or_else(Worker::start);
    if let Err(mpsc::SendError(job)) = worker.send(job) {
        // the worker is gone (a render that panicked): a new one
        worker = Worker::start();
        worker
            .send(job)
            .map_err(|_| anyhow!("template {template} could not be started"))?;
    }
    match rx.recv_timeout(limit + Duration::from_secs(1)) {
        Ok(done) => {
            WORKER.set(Some(worker));
            done
        }
        Err(_) => {
            // still running (or gone): neither reused nor waited for
            worker.thread = None;
            Err(overrun(template, limit))
        }
    }
}

/// Runs `render` on this thread under a deadline of `limit`, for a run that renders once and
/// then ends: a watchdog thread calls `overran` (which reports and ends the process) if the
/// render has not finished a second after (when the checks inside the template could not stop
/// it). Cheaper than [`run`]: the render's memory comes from this thread's heap, where the
/// week was read, instead of a new thread's (about 60 page faults fewer on the reference week).
pub fn run_here<T>(
    limit: Duration,
    template: &str,
    overran: fn(anyhow::Error) -> !,
    render: impl FnOnce() -> Result<T>,
) -> Result<T> {
    let (finished, wait) = mpsc::channel::<()>();
    let template = template.to_string();
    let watchdog = std::thread::spawn(move || {
        if let Err(mpsc::RecvTimeoutError::Timeout) =
            wait.recv_timeout(limit + Duration::from_secs(1))
        {
            overran(overrun(&template, limit))
        }
    });
    DEADLINE.set(Some((Instant::now() + limit, limit)));
    PRINTED.set(0);
    let result = render();
    DEADLINE.set(None);
    drop(finished);
    let _ = watchdog.join();
    result
}

/// The error of a render that ran past its deadline and could not be stopped from inside.
fn overrun(template: &str, limit: Duration) -> anyhow::Error {
    anyhow!(
        "template {template} ran past its {} deadline: is there a runaway loop? (raise it with --timeout)",
        shown(limit)
    )
}
