//! Metric lines (issue 10 §4): every line of a metrics section is read or `check` says so;
//! `=` separates, thousands separators and a currency sign before the number are read, a
//! target or last week's value in parentheses is that, a stated change is the change; the
//! English colon trap `- Name: 99.2%` is a line; `new` never carries a number as this week's text.

use insta_cmd::assert_cmd_snapshot;

use crate::common::{fixture, run, weekly};

fn l(name: &str) -> String {
    fixture(&format!("lines/{name}.yaml"))
}

/// Every line prints exactly as written, the unquoted `Name: 99.2%` line too.
#[test]
fn render_prints_every_line_as_written() {
    assert_cmd_snapshot!(weekly().args(["render", &l("w48")]));
}

/// JSON keeps each line as the text written (and reads back as the same week).
#[test]
fn json_keeps_each_line_as_written() {
    assert_cmd_snapshot!(weekly().args(["render", "-f", "json", &l("w48")]));
}

/// Only the line of prose is reported, where it stands.
#[test]
fn check_reads_every_line_but_the_prose_one() {
    assert_cmd_snapshot!(weekly().args(["check", "--today", "2023-11-28", &l("w48")]));
}

/// `trend` finds the metrics of lines without a colon, with `$` before the number, with
/// thousands separators, with `=`, and targets in parentheses.
#[test]
fn trend_reads_the_lines() {
    assert_cmd_snapshot!(weekly().args(["trend", &l("w47"), &l("w48")]));
}

/// Last week's values become `previous:`; a line not read loses its numbers to `…`.
#[test]
fn new_carries_values_as_previous_never_as_text() {
    let args = [
        "new",
        "--from",
        &l("w48"),
        "--date",
        "2023-12-05",
        "-o",
        "-",
    ];
    let (code, out, err) = run(weekly().args(args));
    assert_eq!((code, err.as_str()), (0, ""));
    for number in ["42", "48,200", "99.2%\n", "1,234万\n", "0.1%"] {
        let as_text = out
            .lines()
            .filter(|l| !l.contains("previous:") && !l.contains("target:"))
            .any(|l| l.contains(number.trim_end()));
        assert!(!as_text, "{number} carried as text:\n{out}");
    }
    assert_cmd_snapshot!(weekly().args(args));
}

/// The scaffold checks clean before its date, and says what is left after it.
#[test]
fn the_carried_scaffold_is_quiet_before_its_date_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w49.yaml");
    let args = [
        "new",
        "--quiet",
        "--from",
        &l("w48"),
        "--date",
        "2023-12-05",
        "-o",
    ];
    let (code, _, err) = run(weekly().args(args).arg(&path));
    assert_eq!((code, err.as_str()), (0, ""));
    let file = path.to_string_lossy();
    let before = ["check", "-D", "--today", "2023-12-04", &file];
    let (code, _, err) = run(weekly().args(before));
    assert_eq!((code, err.as_str()), (0, ""));
    let (code, _, err) = run(weekly().args(["check", "--today", "2023-12-05", &file]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(err.matches("[metric-without-value]").count(), 8, "{err}");
    assert_eq!(err.matches("[placeholder-left]").count(), 1, "{err}");
}

/// `- Pipeline success rate: 99.2%` is the line `Pipeline success rate: 99.2%`.
#[test]
fn the_colon_trap_is_the_quoted_line() {
    let render = |file: &str| run(weekly().args(["render", "-f", "json", file]));
    let (code, unquoted, err) = render(&l("unquoted"));
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(unquoted, render(&l("quoted")).1);
    assert!(
        unquoted.contains("\"Pipeline success rate: 99.2%\""),
        "{unquoted}"
    );
    let (code, _, err) = run(weekly().args(["check", "-D", &l("unquoted")]));
    assert_eq!((code, err.as_str()), (0, ""));
}
