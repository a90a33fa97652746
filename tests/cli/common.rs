//! Shared helpers for the end-to-end tests: the binary, fixture paths, whole-run snapshots.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The `weekly` binary under test, run from the repository root, without colour, blind
/// to the real user's config (`XDG_CONFIG_HOME` points at a folder that does not exist) and
/// to the machine's locale (messages in English unless a test sets `LANG` or a config).
/// Tests that need a config write one in a temporary folder and run there.
pub fn weekly() -> Command {
    let mut cmd = Command::new(insta_cmd::get_cargo_bin("weekly"));
    cmd.current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("WEEKLY_CONFIG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("XDG_CONFIG_HOME", no_user_config());
    cmd
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture file or folder under `tests/fixtures/`, relative to the root (as a user types it).
pub fn fixture(rel: &str) -> String {
    format!("tests/fixtures/{rel}")
}

/// Reads a file under the root.
pub fn read(rel: impl AsRef<Path>) -> String {
    let path = root().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Runs and returns (exit code, stdout, stderr).
pub fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("weekly runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// An absolute folder that holds no config, for `XDG_CONFIG_HOME`.
pub fn no_user_config() -> PathBuf {
    std::env::temp_dir().join("weekly-tests-no-user-config")
}

/// A property test's settings: `default` cases, or `PROPTEST_CASES` for a longer hunt; failures
/// are kept beside the test's file with the extension `regressions` and replayed first
/// (proptest's default would look for `tests/proptest-regressions/…`, since `tests/cli/` holds
/// a `main.rs`).
pub fn cases(default: u32, regressions: &'static str) -> proptest::test_runner::Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    proptest::test_runner::Config {
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource(regressions),
        )),
        ..proptest::test_runner::Config::with_cases(cases)
    }
}
