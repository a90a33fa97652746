//! A new user's first weeks, in English, from an empty folder: `new`, the file filled in by
//! patching it as a person edits, `check --deny-warnings`, `render` against golden files; and
//! the commands that act on this week's file when given none (`check`, `render`, `edit`).

use std::path::Path;
use std::process::Command;

use crate::common::{fixture, read, root, run, weekly};

/// An empty team folder holding only the settings.
fn empty_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join(fixture("first-weeks/weekly.toml")),
        dir.path().join("weekly.toml"),
    )
    .unwrap();
    dir
}

fn weekly_in(dir: &Path) -> Command {
    let mut cmd = weekly();
    cmd.current_dir(dir).env_remove("HOME");
    cmd
}

/// Replaces each `from` in the file by its `to`, as an editor would; each must be there.
fn patch(file: &Path, edits: &[(&str, &str)]) {
    let mut text = std::fs::read_to_string(file).unwrap();
    for (from, to) in edits {
        assert!(
            text.contains(from),
            "{from:?} not in {}:\n{text}",
            file.display()
        );
        text = text.replacen(from, to, 1);
    }
    std::fs::write(file, text).unwrap();
}

/// `new` for `date`: one line on stderr naming the file written and the one it came from.
fn new_week(dir: &Path, date: &str, said: &str) {
    let (code, out, err) = run(weekly_in(dir).args(["new", "--date", date]));
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", said));
}

/// `check --deny-warnings` clean, and `render` equal to the golden file.
fn check_and_render(dir: &Path, week: &str) {
    let file = format!("reports/{week}.yaml");
    let (code, out, err) = run(weekly_in(dir).args(["check", "--deny-warnings", &file]));
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""), "{week}");
    let (code, report, err) = run(weekly_in(dir).args(["render", &file]));
    assert_eq!((code, err.as_str()), (0, ""), "{week}");
    let golden = format!("tests/golden/first-weeks/{week}.md");
    if std::env::var_os("WEEKLY_BLESS").is_some() {
        std::fs::create_dir_all(root().join("tests/golden/first-weeks")).unwrap();
        std::fs::write(root().join(&golden), &report).unwrap();
    }
    assert_eq!(report, read(&golden), "{week}");
}

#[test]
fn three_weeks_in_english_from_an_empty_folder() {
    let dir = empty_folder();
    let dir = dir.path();

    // Week 1: no last week, so the scaffold offers commented samples; the lead writes the week.
    new_week(dir, "2026-11-02", "wrote reports/2026-W45.yaml\n");
    let w45 = dir.join("reports/2026-W45.yaml");
    let (code, _, err) = run(weekly_in(dir).args(["check", "--deny-warnings", "reports"]));
    assert_eq!(
        (code, err.as_str()),
        (0, ""),
        "the empty scaffold checks clean"
    );
    let scaffold = std::fs::read_to_string(&w45).unwrap();
    let at = scaffold.find("sections:").unwrap();
    let filled = format!(
        "{}sections:\n{}",
        &scaffold[..at],
        read(fixture("first-weeks/week1.yaml"))
    );
    std::fs::write(&w45, filled).unwrap();
    check_and_render(dir, "2026-W45");

    // Week 2: carried over; values typed in beside last week's, next week's plan written.
    new_week(
        dir,
        "2026-11-09",
        "wrote reports/2026-W46.yaml (carried over from reports/2026-W45.yaml)\n",
    );
    let w46 = dir.join("reports/2026-W46.yaml");
    patch(
        &w46,
        &[
            (
                "  - title: Migrate the finance tables\n",
                "  - title: Migrate the finance tables\n    text: 9 of 14 finance tables migrated; checksums match.\n    progress: 45\n",
            ),
            (
                "  - title: Close the alert review\n",
                "  - title: Close the alert review\n    text: Two noisy alerts moved to tickets; pages down to 15.\n",
            ),
            (
                "  - name: Ingest on time\n",
                "  - name: Ingest on time\n    value: 99.1%\n",
            ),
            (
                "  - name: Failed DAG runs\n",
                "  - name: Failed DAG runs\n    value: 14\n",
            ),
            (
                "  - name: Query p95 latency\n",
                "  - name: Query p95 latency\n    value: 3100ms\n",
            ),
            (
                "  - text: Freshness SLO defined for the 20 top dashboards\n    due: 2026-11-20\n",
                "  - text: Freshness SLO defined for the 20 top dashboards\n    due: 2026-11-20\n    progress: 50\n",
            ),
            (
                "# - next_week:\n#   - …",
                "- next_week:\n  - Dual writes off for finance\n  - Runbooks for every remaining page",
            ),
        ],
    );
    check_and_render(dir, "2026-W46");

    // Week 3: the SLO item is delivered; a metric worsens and the lead says why.
    new_week(
        dir,
        "2026-11-16",
        "wrote reports/2026-W47.yaml (carried over from reports/2026-W46.yaml)\n",
    );
    let w47 = dir.join("reports/2026-W47.yaml");
    patch(
        &w47,
        &[
            (
                "  - title: Dual writes off for finance\n",
                "  - title: Dual writes off for finance\n    text: Dual writes ended on Nov 18 after the close.\n    progress: 100\n",
            ),
            (
                "  - title: Runbooks for every remaining page\n",
                "  - title: Runbooks for every remaining page\n    text: 11 of 15 pages have a runbook linked.\n",
            ),
            (
                "  - name: Ingest on time\n",
                "  - name: Ingest on time\n    value: 99.4%\n",
            ),
            (
                "  - name: Failed DAG runs\n",
                "  - name: Failed DAG runs\n    value: 9\n",
            ),
            (
                "  - name: Query p95 latency\n",
                "  - name: Query p95 latency\n    value: 2.8s\n",
            ),
            (
                "  - text: Freshness SLO defined for the 20 top dashboards\n    previous_progress: 50\n    due: 2026-11-20\n",
                "  - text: Freshness SLO defined for the 20 top dashboards\n    previous_progress: 50\n    due: 2026-11-20\n    status: done\n",
            ),
        ],
    );
    check_and_render(dir, "2026-W47");

    // The metrics across the three weeks, in the latest unit (3100ms is 3.1s).
    let (code, out, err) = run(weekly_in(dir).args(["trend", "--format", "csv", "reports"]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.contains("Query p95 latency"), "{out}");
}

/// Today's week file, started by `new` as cron would (`--quiet`).
fn this_week(dir: &Path) -> String {
    let (code, out, err) = run(weekly_in(dir).args(["new", "--quiet"]));
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    let reports: Vec<_> = std::fs::read_dir(dir.join("reports")).unwrap().collect();
    assert_eq!(reports.len(), 1);
    reports[0]
        .as_ref()
        .unwrap()
        .file_name()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn check_and_render_default_to_this_weeks_file() {
    let dir = empty_folder();
    let dir = dir.path();
    let (code, out, err) = run(weekly_in(dir).args(["check"]));
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        err.contains("this week's report reports/")
            && err.contains("does not exist (start it with `weekly new`"),
        "{err}"
    );
    let name = this_week(dir);
    let (code, out, err) = run(weekly_in(dir).args(["check", "--deny-warnings"]));
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""), "{name}");
    let (code, out, err) = run(weekly_in(dir).args(["render"]));
    assert_eq!((code, err.as_str()), (0, ""), "{name}");
    assert!(out.starts_with("# Week "), "{out}");
}

#[test]
fn without_a_reports_folder_a_file_is_needed() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in ["check", "render", "edit"] {
        let (code, out, err) = run(weekly_in(dir.path()).arg(cmd));
        assert_eq!(
            (code, out.as_str(), err.as_str()),
            (
                2,
                "",
                "error: no week file given, and no `reports` folder in weekly.toml to find this week's in\n\nFor more information, try '--help'.\n"
            ),
            "{cmd}"
        );
    }
}

#[test]
fn edit_starts_the_week_then_opens_the_editor() {
    let dir = empty_folder();
    let dir = dir.path();
    // The editor appends a line, as a person would type one.
    let (code, out, err) = run(weekly_in(dir)
        .args(["edit", "--date", "2026-11-02"])
        .env("VISUAL", "printf '%s\\n' '# edited' >>"));
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (0, "", "wrote reports/2026-W45.yaml\n")
    );
    let text = std::fs::read_to_string(dir.join("reports/2026-W45.yaml")).unwrap();
    assert!(
        text.starts_with("date: 2026-11-02\n") && text.ends_with("# edited\n"),
        "{text}"
    );
    // A second edit opens the same file; nothing is written anew.
    let (code, _, err) = run(weekly_in(dir)
        .args(["edit", "--date", "2026-11-04"])
        .env("VISUAL", "printf '%s\\n' '# again' >>"));
    assert_eq!((code, err.as_str()), (0, ""));
    let again = std::fs::read_to_string(dir.join("reports/2026-W45.yaml")).unwrap();
    assert_eq!(again, format!("{text}# again\n"));
    // An editor that fails is an error naming it.
    let (code, _, err) = run(weekly_in(dir)
        .args(["edit", "--date", "2026-11-04"])
        .env("VISUAL", "false"));
    assert_eq!(code, 1);
    assert!(
        err.starts_with("error: the editor `false` exited with"),
        "{err}"
    );
}

/// A configured daily-notes folder that is not there yet: a warning, and the week is written.
#[test]
fn a_missing_daily_notes_folder_warns_and_goes_on() {
    let dir = empty_folder();
    let dir = dir.path();
    let toml = std::fs::read_to_string(dir.join("weekly.toml")).unwrap();
    std::fs::write(
        dir.join("weekly.toml"),
        format!("{toml}daily-notes = \"daily\"\n"),
    )
    .unwrap();
    let (code, out, err) = run(weekly_in(dir).args(["new", "--date", "2026-11-02"]));
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (
            0,
            "",
            "warning: the daily notes folder daily does not exist: no daily links this week\n\
             wrote reports/2026-W45.yaml\n"
        )
    );
    assert!(dir.join("reports/2026-W45.yaml").is_file());
}
