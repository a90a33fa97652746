//! The errors that choose the exit status, and the count wording messages share.

use std::fmt;

/// An error whose kind decides the exit status; anything else is bad input (1).
#[derive(Debug)]
pub enum Error {
    /// A usage mistake found after parsing the flags: exit 2, with a pointer to `--help`.
    Usage(String),
    /// A failure whose details were already reported (a batch with failed files): exit 1.
    Failed(String),
}

impl Error {
    /// The exit status this error ends the run with.
    pub fn status(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::Failed(_) => 1,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage(message) | Error::Failed(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

/// The exit status of a run that ended in `err`: its [`Error::status`], else 1.
pub fn status(err: &anyhow::Error) -> u8 {
    err.downcast_ref::<Error>().map_or(1, Error::status)
}

/// Whether `err` is a usage mistake.
pub fn is_usage(err: &anyhow::Error) -> bool {
    matches!(err.downcast_ref::<Error>(), Some(Error::Usage(_)))
}

/// A number with its noun, singular for one and with `s` added otherwise: `1 warning`,
/// `2 warnings`; `{:#}` writes the noun alone (`incident`, `incidents`).
#[derive(Clone, Copy, Debug)]
pub struct Count<'a>(pub usize, pub &'a str);

impl fmt::Display for Count<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Count(n, noun) = *self;
        let s = if n == 1 { "" } else { "s" };
        if f.alternate() {
            write!(f, "{noun}{s}")
        } else {
            write!(f, "{n} {noun}{s}")
        }
    }
}

/// `has` for one, `have` for any other count.
pub fn has(n: usize) -> &'static str {
    if n == 1 { "has" } else { "have" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_say_one_and_many() {
        assert_eq!(Count(1, "warning").to_string(), "1 warning");
        assert_eq!(Count(0, "warning").to_string(), "0 warnings");
        assert_eq!(format!("{:#}", Count(3, "incident")), "incidents");
        assert_eq!(format!("{:#}", Count(1, "incident")), "incident");
        assert_eq!((has(1), has(2)), ("has", "have"));
    }

    #[test]
    fn the_error_kind_is_the_exit_status() {
        let usage = anyhow::Error::new(Error::Usage("x".into()));
        let failed = anyhow::Error::new(Error::Failed("x".into()));
        let other = anyhow::anyhow!("x");
        assert_eq!((status(&usage), status(&failed), status(&other)), (2, 1, 1));
        assert!(is_usage(&usage) && !is_usage(&failed));
    }
}
