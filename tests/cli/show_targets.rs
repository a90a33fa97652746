//! `weekly render --show-targets`: targets and changes beside structured metrics.

use crate::common::{fixture, read, run, weekly};
use insta_cmd::assert_cmd_snapshot;

#[test]
fn targets_and_changes_in_zh() {
    assert_cmd_snapshot!(weekly().args([
        "render",
        "--show-targets",
        &fixture("targets/metrics.yaml")
    ]));
}

#[test]
fn targets_and_changes_in_en() {
    assert_cmd_snapshot!(weekly().args([
        "render",
        "--show-targets",
        "-t",
        "en",
        &fixture("targets/metrics.yaml")
    ]));
}

#[test]
fn without_the_switch_nothing_is_added() {
    let (code, out, err) = run(weekly().args(["render", &fixture("targets/metrics.yaml")]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(!out.contains('（') && !out.contains("pp"), "{out}");
}

#[test]
fn the_reference_is_unchanged_with_or_without_the_switch() {
    for args in [vec![], vec!["--show-targets"]] {
        let mut cmd = weekly();
        cmd.arg("render").args(&args).arg("examples/week44.yaml");
        let (code, out, err) = run(&mut cmd);
        assert_eq!((code, err.as_str()), (0, ""));
        assert_eq!(out, read("tests/golden/week44.md"), "{args:?}");
    }
}
