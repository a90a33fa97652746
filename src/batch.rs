//! The batch loop every many-input command shares: read each input, pass over other documents
//! found in folders, hand each result to the caller in input order, count, and fail at the end;
//! and where an input's output goes in an `--out-dir`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::error::Error;
use crate::input::{self, Found};

/// Results held at once: bounds memory for batches of big weeks.
const WINDOW: usize = 64;

/// What a batch did: inputs that counted (other documents in folders do not), and how many of
/// them failed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Inputs read as weeks, failed or not.
    pub read: usize,
    /// Inputs whose work or settling failed.
    pub failed: usize,
}

impl Tally {
    /// Ok when nothing failed; else the failure, worded by `message` from (failed, read).
    pub fn fail_if_any(self, message: impl FnOnce(usize, usize) -> String) -> Result<Tally> {
        if self.failed > 0 {
            return Err(Error::Failed(message(self.failed, self.read)).into());
        }
        Ok(self)
    }

    /// Ok when nothing failed and something was read; else the failure, worded by `message`
    /// from (failed, read), or the error saying `inputs` held no week.
    pub fn finish(
        self,
        inputs: &[String],
        message: impl FnOnce(usize, usize) -> String,
    ) -> Result<Tally> {
        self.fail_if_any(message)?;
        if self.read == 0 {
            return Err(input::no_weeks(inputs));
        }
        Ok(self)
    }
}

/// Runs `work` on every week file `inputs` name (folders expanded), as [`each`] does; a
/// failure on another kind of document found in a folder is passed over.
pub fn run<T: Send>(
    inputs: &[String],
    max_size: u64,
    work: impl Fn(&Found) -> Result<T> + Sync,
    settle: impl FnMut(&Found, Result<T>) -> Result<()>,
    report: impl FnMut(&anyhow::Error),
) -> Result<Tally> {
    let found = input::week_inputs(inputs)?;
    let other = |f: &Found, r: &Result<T>| r.is_err() && input::is_other_document(f, max_size);
    Ok(each(&found, work, other, settle, report))
}

/// Runs `work` on every item, a window at a time on every core. In item order, a result
/// `passed_over` does not count; every other goes to `settle`, and an error (from `work` or
/// `settle`) to `report`, which the caller prints. Returns the tally.
pub fn each<I: Sync, T: Send>(
    items: &[I],
    work: impl Fn(&I) -> Result<T> + Sync,
    passed_over: impl Fn(&I, &Result<T>) -> bool,
    mut settle: impl FnMut(&I, Result<T>) -> Result<()>,
    mut report: impl FnMut(&anyhow::Error),
) -> Tally {
    let mut tally = Tally::default();
    for window in items.chunks(WINDOW) {
        let results = crate::pool::map(window, &work);
        for (item, result) in window.iter().zip(results) {
            if passed_over(item, &result) {
                continue;
            }
            tally.read += 1;
            if let Err(err) = settle(item, result) {
                report(&err);
                tally.failed += 1;
            }
        }
    }
    tally
}

/// The output files of one `--out-dir` batch: each input's file is named after it, and two
/// inputs may not write the same file.
#[derive(Debug)]
pub struct OutDir<'a> {
    dir: &'a Path,
    claimed: HashSet<PathBuf>,
}

impl<'a> OutDir<'a> {
    /// The folder, created (with its parents) when missing.
    pub fn create(dir: &'a Path) -> Result<Self> {
        if !dir.is_dir() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
        Ok(OutDir {
            dir,
            claimed: HashSet::new(),
        })
    }

    /// Where `input`'s output goes, with `extension`: `reports/2023-W44.yaml` becomes
    /// `DIR/2023-W44.md`. Refuses a file another input (`what`: input, report) already claimed.
    pub fn claim(&mut self, input: &str, extension: &str, what: &str) -> Result<PathBuf> {
        self.claim_path(input, out_path(self.dir, input, extension), what)
    }

    /// Where a report found at `within` below a folder goes: named after that path, its
    /// folders joined by `__` (`2018/Q4/notes.md` becomes `DIR/2018__Q4__notes.yaml`), so that
    /// the `index.md` of every folder gets a file of its own and the folder stays flat for the
    /// commands that read it. Refuses a file another input already claimed.
    pub fn claim_within(
        &mut self,
        input: &str,
        within: &Path,
        extension: &str,
        what: &str,
    ) -> Result<PathBuf> {
        self.claim_path(input, within_path(self.dir, within, extension), what)
    }

    fn claim_path(&mut self, input: &str, target: PathBuf, what: &str) -> Result<PathBuf> {
        if !self.claimed.insert(target.clone()) {
            anyhow::bail!(
                "{input}: another {what} already writes {}",
                target.display()
            );
        }
        Ok(target)
    }
}

/// `DIR/<input's file stem>.<extension>` (`week` when the input has no stem).
pub fn out_path(dir: &Path, input: &str, extension: &str) -> PathBuf {
    let stem = Path::new(input)
        .file_stem()
        .map_or_else(|| "week".into(), |s| s.to_string_lossy().into_owned());
    dir.join(format!("{stem}.{extension}"))
}

/// `DIR/<within's folders and file stem joined by __>.<extension>`.
pub fn within_path(dir: &Path, within: &Path, extension: &str) -> PathBuf {
    let parts: Vec<String> = within
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let stem = if parts.is_empty() {
        "week".to_string()
    } else {
        parts.join("__")
    };
    dir.join(format!("{stem}.{extension}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_are_named_after_inputs() {
        let dir = Path::new("out");
        assert_eq!(
            out_path(dir, "reports/2023-W44.yaml", "md"),
            dir.join("2023-W44.md")
        );
        assert_eq!(
            out_path(dir, "notes/第44周.md", "yaml"),
            dir.join("第44周.yaml")
        );
    }

    #[test]
    fn reports_below_a_folder_are_named_after_their_path() {
        let dir = Path::new("out");
        assert_eq!(
            within_path(dir, Path::new("2018/Q4/notes.md"), "yaml"),
            dir.join("2018__Q4__notes.yaml")
        );
        assert_eq!(
            within_path(dir, Path::new("第44周.md"), "yaml"),
            dir.join("第44周.yaml")
        );
        assert_eq!(
            within_path(dir, Path::new("2023/11-20.md"), "yaml"),
            dir.join("2023__11-20.yaml")
        );
        assert_ne!(
            within_path(dir, Path::new("2023/11-20.md"), "yaml"),
            within_path(dir, Path::new("2023-11/20.md"), "yaml")
        );
    }

    #[test]
    fn two_inputs_cannot_write_one_file() {
        let tmp = tempfile::tempdir().unwrap();
        let mut out = OutDir::create(tmp.path()).unwrap();
        out.claim("a/w.yaml", "md", "input").unwrap();
        let err = out.claim("b/w.yaml", "md", "input").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("b/w.yaml: another input already writes"),
            "{err}"
        );
    }
}
