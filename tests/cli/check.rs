//! `weekly check`: each lint firing and staying quiet, errors, exit codes, `--explain`, examples.

use std::collections::BTreeSet;
use std::process::Command;

use crate::common::{fixture, read, root, run, weekly};
use insta_cmd::assert_cmd_snapshot;
use weekly::check::LINTS;
use weekly::diag::Code;

/// `weekly check FIXTURE`, with `--today DATE` when the fixture says `# today: DATE` (the
/// lints of an unfilled week depend on it).
fn check(file: &str) -> Command {
    let mut cmd = weekly();
    cmd.args(["check", file]);
    let text = read(file);
    let today = text
        .lines()
        .find_map(|l| l.strip_prefix("# today: "))
        .and_then(|rest| rest.split_whitespace().next());
    if let Some(today) = today {
        cmd.args(["--today", today]);
    }
    cmd
}

/// `check` on `tests/fixtures/check/NAME.yaml`.
fn check_fixture(name: &str) -> Command {
    check(&fixture(&format!("check/{name}.yaml")))
}

/// The codes in the first lines of the diagnostics of a run.
fn codes(stderr: &str) -> BTreeSet<String> {
    stderr
        .lines()
        .filter_map(|l| l.split_once(": warning[").or(l.split_once(": error[")))
        .filter_map(|(_, rest)| rest.split_once(']'))
        .map(|(code, _)| code.to_string())
        .collect()
}

#[test]
fn each_lint_fires_only_where_its_fixture_says() {
    for lint in LINTS {
        let file = fixture(&format!("check/{}.yaml", lint.code));
        let (code, out, err) = run(&mut check(&file));
        assert_eq!(out, "", "{file}");
        let found = codes(&err);
        assert_eq!(
            found,
            BTreeSet::from([lint.code.to_string()]),
            "{file}:\n{err}"
        );
        let firing = read(&file).matches("# fires").count();
        let reported = err.matches(&format!("[{}]", lint.code)).count();
        assert_eq!(reported, firing, "{file}:\n{err}");
        let expected = if lint.code == Code::WeekDateMismatch {
            1
        } else {
            0
        };
        assert_eq!(code, expected, "{file}:\n{err}");
    }
}

#[test]
fn item_without_outcome() {
    assert_cmd_snapshot!(weekly().args(["check", &fixture("check/item-without-outcome.yaml")]));
}

#[test]
fn progress_regressed() {
    assert_cmd_snapshot!(weekly().args(["check", &fixture("check/progress-regressed.yaml")]));
}

#[test]
fn overdue() {
    assert_cmd_snapshot!(weekly().args(["check", &fixture("check/overdue.yaml")]));
}

#[test]
fn metric_below_target() {
    assert_cmd_snapshot!(weekly().args(["check", &fixture("check/metric-below-target.yaml")]));
}

#[test]
fn metric_worse_than_previous() {
    assert_cmd_snapshot!(check_fixture("metric-worse-than-previous"));
}

#[test]
fn incident_incomplete() {
    assert_cmd_snapshot!(weekly().args(["check", &fixture("check/incident-incomplete.yaml")]));
}

#[test]
fn incident_incomplete_in_english() {
    assert_cmd_snapshot!(weekly().args(["check", &fixture("check/incident-incomplete-en.yaml")]));
}

#[test]
fn incident_count_mismatch() {
    assert_cmd_snapshot!(weekly().args(["check", &fixture("check/incident-count-mismatch.yaml")]));
}

#[test]
fn week_date_mismatch_is_an_error() {
    assert_cmd_snapshot!(weekly().args(["check", &fixture("check/week-date-mismatch.yaml")]));
}

#[test]
fn empty_section() {
    assert_cmd_snapshot!(weekly().args(["check", &fixture("check/empty-section.yaml")]));
}

#[test]
fn metric_line_not_read() {
    assert_cmd_snapshot!(check_fixture("metric-line-not-read"));
}

#[test]
fn metric_change_disagrees() {
    assert_cmd_snapshot!(check_fixture("metric-change-disagrees"));
}

/// Last week's value comes from the file `weekly new` recorded when the line gives none.
#[test]
fn metric_change_disagrees_with_last_weeks_file() {
    assert_cmd_snapshot!(check_fixture("metric-change-disagrees-from-last-week"));
}

#[test]
fn metric_without_value() {
    assert_cmd_snapshot!(check_fixture("metric-without-value"));
}

#[test]
fn placeholder_left() {
    assert_cmd_snapshot!(check_fixture("placeholder-left"));
}

#[test]
fn item_unchanged_from_last_week() {
    assert_cmd_snapshot!(check_fixture("item-unchanged-from-last-week"));
}

/// Before the report's date the lints of an unfilled week are quiet; on it they speak.
#[test]
fn an_unfilled_week_is_quiet_before_its_date() {
    for name in [
        "metric-without-value",
        "placeholder-left",
        "item-unchanged-from-last-week",
    ] {
        let file = fixture(&format!("check/{name}.yaml"));
        let before = ["check", "-D", "--today", "2023-10-30", &file];
        let (code, _, err) = run(weekly().args(before));
        assert_eq!((code, err.as_str()), (0, ""), "{file}");
        let on = ["check", "-D", "--today", "2023-10-31", &file];
        let (code, _, err) = run(weekly().args(on));
        assert_eq!(code, 1, "{file}");
        assert!(err.contains(&format!("[{name}]")), "{file}:\n{err}");
    }
}

#[test]
fn every_example_checks_clean_except_the_lint_demo() {
    let mut names: Vec<String> = std::fs::read_dir(root().join("examples"))
        .expect("examples/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml") || n.ends_with(".yml") || n.ends_with(".json"))
        .collect();
    names.sort();
    assert!(names.contains(&"week44.yaml".to_string()), "{names:?}");
    assert!(names.contains(&"lint-demo.yaml".to_string()), "{names:?}");
    for name in names {
        let path = format!("examples/{name}");
        let (code, out, err) = run(weekly().args(["check", "--deny-warnings", &path]));
        assert_eq!(out, "", "{path}");
        if name == "lint-demo.yaml" {
            assert_eq!(code, 1, "{path}:\n{err}");
            let found = codes(&err);
            assert!(found.len() >= 6, "{path} shows only {found:?}");
        } else {
            assert_eq!((code, err.as_str()), (0, ""), "{path}");
        }
    }
}

#[test]
fn lint_demo() {
    assert_cmd_snapshot!(weekly().args(["check", "examples/lint-demo.yaml"]));
}

#[test]
fn quiet_on_success() {
    let (code, out, err) = run(weekly().args(["check", "examples/week44.yaml"]));
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
}

#[test]
fn deny_warnings_fails_on_a_warning() {
    let file = fixture("check/empty-section.yaml");
    let (code, _, err) = run(weekly().args(["check", &file]));
    assert_eq!(code, 0, "{err}");
    assert!(err.ends_with("warning: 5 warnings in 1 file\n"), "{err}");
    let (code, _, err) = run(weekly().args(["check", "--deny-warnings", &file]));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.ends_with("error: 5 warnings in 1 file, denied by --deny-warnings\n"),
        "{err}"
    );
    let (code, _, err) = run(weekly().args(["check", "-D", "examples/week44.yaml"]));
    assert_eq!((code, err.as_str()), (0, ""));
}

#[test]
fn many_files_in_one_run() {
    assert_cmd_snapshot!(weekly().args([
        "check",
        "examples/week44.yaml",
        &fixture("check/progress-regressed.yaml"),
        &fixture("check/week-date-mismatch.yaml"),
        &fixture("check/no-such-file.yaml"),
        &fixture("check/overdue.yaml"),
    ]));
}

#[test]
fn parse_errors_are_those_of_render() {
    let file = fixture("errors/week-mismatch.yaml");
    let (code, _, err) = run(weekly().args(["check", &file]));
    assert_eq!(code, 1);
    let (_, _, render) = run(weekly().args(["render", &file]));
    let first = render.lines().next().expect("an error line");
    let message = first.split_once("]: ").expect("a code").1;
    assert!(
        err.starts_with(&format!(
            "{file}:2:7: error[week-date-mismatch]: {message}\n"
        )),
        "{err}"
    );
    for line in render.lines().skip(2) {
        assert!(err.contains(line), "{line:?} missing from\n{err}");
    }
}

#[test]
fn stdin_is_checked() {
    let mut cmd = weekly();
    cmd.args(["check", "-"])
        .stdin(std::fs::File::open(root().join("examples/lint-demo.yaml")).expect("demo"));
    let (code, _, err) = run(&mut cmd);
    assert_eq!(code, 0);
    assert!(
        err.starts_with("<stdin>:6:5: warning[progress-regressed]"),
        "{err}"
    );
}

#[test]
fn explain_a_code() {
    assert_cmd_snapshot!(weekly().args(["check", "--explain", "incident-count-mismatch"]));
}

#[test]
fn explain_knows_every_code() {
    for lint in LINTS {
        let (code, out, err) = run(weekly().args(["check", "--explain", lint.code.as_str()]));
        assert_eq!((code, err.as_str()), (0, ""), "{}", lint.code);
        assert!(out.starts_with(&format!("{} (", lint.code)), "{out}");
    }
}

#[test]
fn explain_an_unknown_code() {
    assert_cmd_snapshot!(weekly().args(["check", "--explain", "overdu"]));
}

#[test]
fn docs_table_lists_every_code() {
    let docs = read("docs/check.md");
    for lint in LINTS {
        assert!(
            docs.contains(&format!("| `{}` |", lint.code)),
            "docs/check.md lacks a lint-table row for {}",
            lint.code
        );
    }
}

/// A warning about the second metric of a line points at that metric, not at the line's first.
#[test]
fn a_metric_on_a_shared_line_is_pointed_at() {
    let (code, _, err) =
        run(weekly().args(["check", &fixture("check/metric-on-a-shared-line.yaml")]));
    assert_eq!(code, 0, "{err}");
    let firsts: Vec<&str> = err.lines().filter(|l| l.contains(": warning[")).collect();
    assert_eq!(
        firsts,
        [
            "tests/fixtures/check/metric-on-a-shared-line.yaml:10:15: warning[metric-worse-than-previous]: 一次支付成功率 went from 99.110% last week to 99.010% (-0.100pp)",
            "tests/fixtures/check/metric-on-a-shared-line.yaml:13:63: warning[metric-below-target]: 退款成功率 is 99.1%, below its target 99.9%",
        ],
        "{err}"
    );
}

/// `due:` without the year (`12月20日`, `Jan 5`, `1/12`) is read in the year nearest the
/// report date, across the new year, and written back as the author wrote it.
#[test]
fn due_dates_without_the_year() {
    let file = fixture("dates/due-without-year.yaml");
    let (code, _, err) = run(weekly().args(["check", &file]));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("warning[overdue]: due 2023-12-20 is before the report date 2023-12-26"),
        "{err}"
    );
    assert_eq!(
        err.matches("warning[overdue]").count(),
        1,
        "Jan 5 and 1/12 are 2024's: {err}"
    );
    let (code, out, err) = run(weekly().args(["merge", &file]));
    assert_eq!((code, err.as_str()), (0, ""));
    for written in ["due: 12月20日", "due: Jan 5", "due: 1/12"] {
        assert!(out.contains(written), "{written} in:\n{out}");
    }
    let bad = tempfile::tempdir().unwrap();
    let path = bad.path().join("w.yaml");
    std::fs::write(
        &path,
        "date: 2023-12-26\nsections:\n- key_work:\n  - text: x\n    due: soon\n",
    )
    .unwrap();
    let (code, _, err) = run(weekly().args(["check", path.to_str().unwrap()]));
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "`soon` is not a date: write 2023-12-20, or without the year 12/20, 12月20日 or Dec 20"
        ),
        "{err}"
    );
}
