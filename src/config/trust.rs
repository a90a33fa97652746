//! Finding the config files, and which are obeyed: like git's `safe.directory`, a
//! `weekly.toml` owned by another user (say one left under `/tmp`) or writable by others is
//! ignored with a warning, since it could swap the templates or the week rule. A file that
//! cannot be read is kept as an error for the commands that need the config.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::{Config, ENV_VAR, FILE_NAME};

impl Config {
    /// Finds and reads the config files for the current folder and user.
    pub fn discover() -> Result<Config> {
        let cwd = std::env::current_dir().context("cannot read the current folder")?;
        let mut config = Config::default();
        let project = cwd
            .ancestors()
            .map(|d| d.join(FILE_NAME))
            .filter(|p| p.is_file())
            .find(|p| config.trusts(p));
        let (user, explicit) = user_file();
        if let Some(path) = &project {
            config.try_layer(path);
        }
        match user {
            Some(path) if Some(&path) == project.as_ref() => {}
            Some(path) if path.is_file() => config.try_layer(&path),
            Some(path) if explicit => {
                bail!("{ENV_VAR} names {}, which does not exist", path.display())
            }
            Some(path) => config.missing.push(path.display().to_string()),
            None => {}
        }
        if project.is_none() {
            let place = format!("{FILE_NAME} in {} or its parents", cwd.display());
            config.missing.insert(0, place);
        }
        Ok(config)
    }

    /// Whether `path` may be obeyed; if not, a warning says why.
    fn trusts(&mut self, path: &Path) -> bool {
        let why = distrust(path);
        self.warnings.extend(why.clone());
        why.is_none()
    }

    /// Reads one file if it is to be obeyed; a broken one is kept as the error for commands
    /// that need the config.
    fn try_layer(&mut self, path: &Path) {
        if !self.trusts(path) {
            return;
        }
        if let Err(err) = self.layer(path)
            && self.broken.is_none()
        {
            self.broken = Some(std::sync::Arc::new(err));
        }
    }
}

/// The user's config file, and whether it was named explicitly by the environment variable.
fn user_file() -> (Option<PathBuf>, bool) {
    if let Some(path) = std::env::var_os(ENV_VAR).filter(|v| !v.is_empty()) {
        return (Some(PathBuf::from(path)), true);
    }
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::home_dir().map(|h| h.join(".config")));
    (base.map(|b| b.join("weekly").join(FILE_NAME)), false)
}

/// Why `path` is not to be obeyed, or `None` when it may be (owned by the user or by root, not
/// writable by others). Where owners cannot be told apart, every file is trusted.
pub fn distrust(path: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(path).ok()?;
        let me = rustix::process::geteuid().as_raw();
        if meta.uid() != me && meta.uid() != 0 {
            return Some(format!(
                "ignoring {}: it belongs to another user (uid {}); only your own or root's \
                 config files are read (chown it to use it)",
                path.display(),
                meta.uid()
            ));
        }
        if meta.mode() & 0o002 != 0 {
            return Some(format!(
                "ignoring {}: anyone can write to it (chmod o-w {} to use it)",
                path.display(),
                path.display()
            ));
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    None
}
