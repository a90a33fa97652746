//! A wall-clock deadline per render: fuel bounds the instructions a template runs, not the
//! time one instruction takes (comparing two 100 MB strings, `replace` on a long text); and a
//! cap on the text a template prints.

use std::cell::Cell;
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

/// Runs `render` on its own thread under a deadline of `limit`, naming `template` if it has not
/// finished a second after (when the checks inside the template could not stop it).
pub fn run<T: Send + 'static>(
    limit: Duration,
    template: &str,
    render: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    let (tx, rx) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        DEADLINE.set(Some((Instant::now() + limit, limit)));
        PRINTED.set(0);
        let _ = tx.send(render());
    });
    match rx.recv_timeout(limit + Duration::from_secs(1)) {
        Ok(done) => {
            // The thread has sent its result and only its thread-locals (minijinja's caches) are
            // left to drop: wait for that, so no thread outlives the render it ran.
            let _ = worker.join();
            done
        }
        Err(_) => Err(anyhow!(
            "template {template} ran past its {} deadline: is there a runaway loop? (raise it with --timeout)",
            shown(limit)
        )),
    }
}
