//! Units and directions (issue 10 §1-2): values keep the text and unit written through every
//! command; changes across units of one kind are converted, changes across kinds are never
//! printed and `check` says so; which way is better comes from `better:`, the `[metrics]` table
//! of weekly.toml, or the words of the name, and nothing is judged when none says.

use std::path::Path;

use insta_cmd::assert_cmd_snapshot;
use proptest::prelude::*;
use weekly::dates::WeekNumbering;
use weekly::scaffold::read_back;
use weekly::week::Week;

use crate::common::{fixture, root, run, weekly};

fn u(name: &str) -> String {
    fixture(&format!("units/{name}.yaml"))
}

/// `weekly` run inside a fixture folder of `units/` (one with its own weekly.toml).
fn weekly_in(folder: &str) -> std::process::Command {
    let mut cmd = weekly();
    cmd.current_dir(root().join(fixture(&format!("units/{folder}"))));
    cmd
}

// The story of the issue: week 47 in ms, week 48 in s, week 49 back in ms.

#[test]
fn week48_changes_across_units_are_in_the_current_unit() {
    assert_cmd_snapshot!(weekly().args(["render", "--show-targets", &u("w48")]));
}

#[test]
fn week49_incomparable_units_print_last_week_and_no_change() {
    assert_cmd_snapshot!(weekly().args(["render", "--show-targets", &u("w49")]));
}

#[test]
fn check_converts_units_and_warns_when_they_do_not_compare() {
    assert_cmd_snapshot!(weekly().args(["check", &u("w47"), &u("w48"), &u("w49")]));
}

#[test]
fn trend_converts_to_the_latest_unit_and_says_what_it_leaves_out() {
    assert_cmd_snapshot!(weekly().args(["trend", "--mermaid", &u("w47"), &u("w48"), &u("w49")]));
}

#[test]
fn trend_json_keeps_each_value_as_written() {
    assert_cmd_snapshot!(weekly().args(["trend", "-f", "json", &u("w47"), &u("w48"), &u("w49")]));
}

#[test]
fn render_json_keeps_each_value_as_written() {
    assert_cmd_snapshot!(weekly().args(["render", "-f", "json", &u("w48")]));
}

#[test]
fn merge_keeps_each_value_as_written() {
    assert_cmd_snapshot!(weekly().args(["merge", &u("w48"), &u("w48-team")]));
}

#[test]
fn new_carries_last_weeks_values_as_written() {
    assert_cmd_snapshot!(weekly().args(["new", "--from", &u("w48"), "--date", "2026-12-01"]));
}

// English names, money, and a change between currencies.

#[test]
fn english_words_decide_the_direction() {
    assert_cmd_snapshot!(weekly().args(["check", &u("en")]));
}

#[test]
fn english_render_with_targets() {
    assert_cmd_snapshot!(weekly().args(["render", "--show-targets", "-t", "en", &u("en")]));
}

// The `[metrics]` table of weekly.toml.

#[test]
fn the_config_table_decides_where_the_name_does_not() {
    assert_cmd_snapshot!(weekly_in("config").args(["check", "w48.yaml"]));
}

#[test]
fn the_config_table_reaches_trend() {
    let (code, out, err) = run(weekly_in("config").args(["trend", "-f", "json", "w48.yaml"]));
    assert_eq!((code, err.as_str()), (0, ""));
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let better: Vec<(&str, &str)> = doc["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["name"].as_str().unwrap(), m["better"].as_str().unwrap()))
        .collect();
    assert_eq!(
        better,
        [
            ("Queue depth", "lower"),
            ("平均处理时长", "lower"),
            ("吞吐", "higher"),
            ("Failed jobs", "lower"),
        ]
    );
    let (_, out, _) = run(weekly().args(["trend", "-f", "json", &u("config/w48")]));
    assert!(
        out.contains("\"better\": null"),
        "without the table:\n{out}"
    );
}

#[test]
fn weekly_config_lists_the_table_in_the_order_written() {
    let (code, out, err) = run(weekly_in("config").arg("config"));
    assert_eq!((code, err.as_str()), (0, ""));
    let table = out.split_once("\n[metrics]\n").map(|(_, t)| t);
    assert_eq!(
        table,
        Some(
            "\"Queue depth\" = \"lower\"\n\"*时长*\" = \"lower\"\n\"吞吐\" = \"higher\"\n\
             \"Failed jobs\" = \"higher\"\n"
        ),
        "{out}"
    );
}

#[test]
fn an_unknown_direction_in_the_config_names_the_nearest() {
    let (code, out, err) = run(weekly_in("bad-config").args(["check", "w48.yaml"]));
    assert_eq!((code, out.as_str()), (1, ""));
    let err = err.replace(root().to_str().unwrap(), "$ROOT");
    insta::assert_snapshot!(err);
}

#[test]
fn without_a_direction_nothing_is_judged() {
    let (code, out, err) = run(weekly().args(["check", &u("config/w48")]));
    assert_eq!((code, out.as_str()), (0, ""));
    // Failed jobs says `better: lower` itself; the other three need the table.
    assert_eq!(err, "", "no verdict without a direction");
}

#[test]
fn explain_metric_unit_changed() {
    assert_cmd_snapshot!(weekly().args(["check", "--explain", "metric-unit-changed"]));
}

#[test]
fn the_reference_is_unchanged() {
    let (code, out, err) = run(weekly().args(["render", "examples/week44.yaml"]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, crate::common::read("tests/golden/week44.md"));
}

// The law: no command rewrites a value.

/// A unit people write after a number.
fn unit() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "", "%", "‰", "ms", "s", "秒", "min", "分钟", "h", "小时", "天", "个", "次", "笔", "万笔",
        "元", "万元", "k", "M", "$", "pp",
    ])
}

/// A value as written: maybe signed, maybe with decimals (trailing zeros kept), with a unit.
fn written(signed: bool) -> impl Strategy<Value = String> {
    let sign = if signed { "[-+]?" } else { "" };
    (sign, 0u32..100_000, prop::option::of("[0-9]{1,4}"), unit()).prop_map(
        |(sign, int, frac, unit)| match frac {
            Some(f) => format!("{sign}{int}.{f}{unit}"),
            None => format!("{sign}{int}{unit}"),
        },
    )
}

/// One metric line: structured `(value, target, previous)`, or a text line `名：value`.
#[derive(Clone, Debug)]
enum Line {
    Metric(Option<String>, Option<String>, Option<String>),
    Text(String),
}

fn line() -> impl Strategy<Value = Line> {
    prop_oneof![
        (
            prop::option::of(written(true)),
            prop::option::of(written(true)),
            prop::option::of(written(true)),
        )
            .prop_map(|(v, t, p)| Line::Metric(v, t, p)),
        written(false).prop_map(Line::Text),
    ]
}

/// The week file, and every value written in it (value, target, previous, or a text line's).
fn week_file(lines: &[Line]) -> (String, Vec<String>) {
    let mut yaml = String::from("date: 2026-11-24\nsections:\n- metrics:\n");
    let mut values = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        match l {
            Line::Metric(v, t, p) => {
                yaml.push_str(&format!("  - name: 指标{i}\n"));
                for (key, q) in [("value", v), ("target", t), ("previous", p)] {
                    if let Some(q) = q {
                        yaml.push_str(&format!("    {key}: \"{q}\"\n"));
                        values.push(q.clone());
                    }
                }
            }
            Line::Text(v) => {
                yaml.push_str(&format!("  - 指标{i}：{v}\n"));
                values.push(v.clone());
            }
        }
    }
    (yaml, values)
}

/// Every value of every metric of `week` as it stands in the file: each structured value's
/// text and unit, and each text line's metrics as read.
fn values_of(week: &Week) -> Vec<String> {
    week.metrics()
        .flat_map(|m| [&m.value, &m.target, &m.previous])
        .flatten()
        .map(|q| q.shown())
        .collect()
}

/// Runs `weekly` and returns stdout, failing on a non-zero exit.
fn output(args: &[&str], file: &Path) -> String {
    let (code, out, err) = run(weekly().args(args).arg(file));
    assert_eq!(code, 0, "weekly {args:?}: {err}");
    out
}

proptest! {
    #![proptest_config(crate::common::cases(24, "regressions"))]

    /// `render -f json` and `merge` give back every value with the text and unit written, in
    /// order, and the JSON holds each one byte for byte; `new` carries each metric's value
    /// over as last week's, with the text written and the metric's unit.
    #[test]
    fn no_command_rewrites_a_value(lines in prop::collection::vec(line(), 1..6)) {
        let (yaml, written) = week_file(&lines);
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("week.yaml");
        std::fs::write(&file, &yaml).unwrap();
        let rule = WeekNumbering::Jan1;

        let json = output(&["render", "-f", "json"], &file);
        for v in &written {
            prop_assert!(json.contains(v.as_str()), "{v} missing from render -f json:\n{json}");
        }
        let back = read_back("out.json", &json, rule).expect("the JSON reads back");
        let original = read_back("week.yaml", &yaml, rule).expect("the week reads");
        prop_assert_eq!(values_of(&back), values_of(&original));

        let merged = output(&["merge"], &file);
        let back = read_back("merged.yaml", &merged, rule).expect("the merge reads back");
        prop_assert_eq!(values_of(&back), values_of(&original));

        let next = run(weekly().args(["new", "--date", "2026-12-01", "--from"]).arg(&file));
        prop_assert_eq!(next.0, 0, "{}", next.2);
        let carried = read_back("new.yaml", &next.1, rule).expect("the scaffold reads back");
        // With the metric's unit: a value written `0` beside `previous: 0%` is carried as `0%`,
        // as the old `previous:` that gave it its unit is not carried.
        let shown = |q: Option<weekly::quantity::Quantity>| q.map(|q| q.shown());
        let previous: Vec<String> = carried.metrics().filter_map(|m| shown(m.previous())).collect();
        let values: Vec<String> = original.metrics().filter_map(|m| shown(m.value())).collect();
        prop_assert_eq!(previous, values);
    }
}
