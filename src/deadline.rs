//! A wall-clock deadline per render: fuel bounds the instructions a template runs, not the
//! time one instruction takes (comparing two 100 MB strings, `replace` on a long text); and a
//! cap on the text a template prints.

use std::cell::{Cell, RefCell};
use std::sync::mpsc;
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

/// A render to run on a worker thread.
type Job = Box<dyn FnOnce() + Send>;

thread_local! {
    /// The thread this thread's renders run on, kept from one render to the next: starting a
    /// thread per render made `import` of a 5,000-section report wait on 5,000 thread starts
    /// (it renders each section back). Dropped when its time runs out (a new one starts for
    /// the next render) and when this thread ends (the worker then ends too).
    static WORKER: RefCell<Option<mpsc::Sender<Job>>> = const { RefCell::new(None) };
}

/// A worker thread running the jobs it is sent, one after the other, until its sender drops.
fn worker() -> mpsc::Sender<Job> {
    let (tx, rx) = mpsc::channel::<Job>();
    std::thread::spawn(move || rx.into_iter().for_each(|job| job()));
    tx
}

/// Sends `job` to this thread's worker, starting one when there is none or it has ended (a
/// render that panicked ends its worker).
fn send(job: Job) {
    WORKER.with_borrow_mut(|w| {
        let job = match w.get_or_insert_with(worker).send(job) {
            Ok(()) => return,
            Err(mpsc::SendError(job)) => job,
        };
        let fresh = worker();
        let _ = fresh.send(job);
        *w = Some(fresh);
    });
}

/// Runs `render` on a thread of its own (this thread's render worker) under a deadline of
/// `limit`, naming `template` if it has not finished a second after (when the checks inside
/// the template could not stop it); that worker is then left to finish alone.
pub fn run<T: Send + 'static>(
    limit: Duration,
    template: &str,
    render: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    let (tx, rx) = mpsc::channel();
    send(Box::new(move || {
        DEADLINE.set(Some((Instant::now() + limit, limit)));
        PRINTED.set(0);
        let _ = tx.send(render());
    }));
    match rx.recv_timeout(limit + Duration::from_secs(1)) {
        Ok(done) => done,
        Err(_) => {
            WORKER.with_borrow_mut(|w| *w = None);
            Err(anyhow!(
                "template {template} ran past its {} deadline: is there a runaway loop? (raise it with --timeout)",
                shown(limit)
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn worker_id() -> std::thread::ThreadId {
        run(DEFAULT_TIMEOUT, "t", || Ok(std::thread::current().id())).unwrap()
    }

    #[test]
    fn renders_on_one_thread_share_one_worker() {
        let (a, b) = (worker_id(), worker_id());
        assert_eq!(a, b);
        assert_ne!(a, std::thread::current().id());
    }

    #[test]
    fn a_render_past_its_deadline_or_panicking_leaves_the_next_a_fresh_worker() {
        let before = worker_id();
        let slow = run(Duration::from_millis(10), "t", || {
            std::thread::sleep(Duration::from_millis(1500));
            Ok(())
        });
        assert!(slow.unwrap_err().to_string().contains("deadline"));
        let after = worker_id();
        assert_ne!(before, after);
        let panicked = run(DEFAULT_TIMEOUT, "t", || -> Result<()> { panic!("boom") });
        assert!(panicked.is_err());
        assert_eq!(run(DEFAULT_TIMEOUT, "t", || Ok(1)).unwrap(), 1);
    }
}
