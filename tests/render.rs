//! `weekly render`: the reference report, templates, formats, outputs.

mod common;

use common::{fixture, read, run, weekly};
use insta_cmd::assert_cmd_snapshot;

#[test]
fn reference_report_is_reproduced() {
    let (code, out, err) = run(weekly().args(["render", "examples/week44.yaml"]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, read("tests/golden/week44.md"));
}

#[test]
fn english_template() {
    assert_cmd_snapshot!(weekly().args(["render", "--template", "en", "examples/week44.yaml"]));
}

#[test]
fn week_number_contradicting_the_date() {
    assert_cmd_snapshot!(weekly().args(["render", &fixture("errors/week-mismatch.yaml")]));
}
