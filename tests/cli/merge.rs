//! `weekly merge`: order, metrics, conflicts, other weeks, partial team files, rendering.

use crate::common::{fixture, read, run, weekly};
use insta_cmd::assert_cmd_snapshot;

fn m(name: &str) -> String {
    fixture(&format!("merge/{name}.yaml"))
}

#[test]
fn head_and_two_teams() {
    assert_cmd_snapshot!(weekly().args(["merge", &m("head"), &m("team-pay"), &m("team-risk")]));
}

/// A team file's author becomes the owner of each item it contributes, unless the item names
/// its own; the head's items (the merged week's author's) stay as they are.
#[test]
fn team_authors_become_owners_of_their_items() {
    let (code, out, err) = run(weekly().args(["merge", &m("head"), &m("team-pay")]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        out.contains("- text: 定转X，光大备份通道研发，计划11/9上线\n    owner: 王五"),
        "{out}"
    );
    assert!(
        out.contains("- text: 制裁名单更新自动化\n    owner: 赵六"),
        "{out}"
    );
    assert!(
        out.contains("- title: 聚合收银\n    text: 产品方案初稿完成。\n    owner: 王五"),
        "{out}"
    );
    assert_eq!(out.matches("owner:").count(), 5, "{out}");
}

#[test]
fn items_follow_file_order_and_metrics_merge_by_name() {
    let (code, out, err) =
        run(weekly().args(["merge", &m("head"), &m("team-pay"), &m("team-risk")]));
    assert_eq!((code, err.as_str()), (0, ""));
    let pos = |s: &str| out.find(s).unwrap_or_else(|| panic!("{s} missing:\n{out}"));
    // Per objective, the head's items first, then each team's, in argument order.
    assert!(pos("平安存管接入") < pos("定转X"));
    assert!(pos("账单数据质量治理") < pos("风险数据指标立项评审"));
    // A new objective goes after the last objective; a new list after 其他, before 下周.
    assert!(pos("objective: O2系统升级") < pos("objective: O4 合规"));
    assert!(pos("objective: O4 合规") < pos("- other:"));
    assert!(pos("- other:") < pos("- heading: 风险与求助"));
    assert!(pos("- heading: 风险与求助") < pos("- next_week:"));
    // The head's target-only metric gets the team's value, its `unit:` kept as written; the
    // repeated value appears once.
    assert!(out.contains(
        "name: 入金有效成功率\n      value: 99.995%\n      unit: \"%\"\n      target: 99.995%"
    ));
    assert_eq!(out.matches("支付系统年度可用性").count(), 1, "{out}");
    // The header comes from the first file.
    assert!(
        out.starts_with("date: 2023-10-31\ncreated: 2023-11-03 18:30\n"),
        "{out}"
    );
}

#[test]
fn merged_week_renders() {
    let dir = tempfile::tempdir().unwrap();
    let merged = dir.path().join("week45.yaml");
    let merged = merged.to_string_lossy();
    let (code, out, err) = run(weekly().args([
        "merge",
        &m("head"),
        &m("team-pay"),
        &m("team-risk"),
        "-o",
        &merged,
    ]));
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    let (_, stdout, _) = run(weekly().args(["merge", &m("head"), &m("team-pay"), &m("team-risk")]));
    assert_eq!(std::fs::read_to_string(&*merged).unwrap(), stdout);
    let mut render = weekly();
    render.args(["render", &merged]);
    insta::assert_snapshot!(run(&mut render).1);
}

#[test]
fn a_single_file_comes_back_unchanged_in_meaning() {
    let (code, merged, _) = run(weekly().args(["merge", "examples/week44.yaml"]));
    assert_eq!(code, 0);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("week44.yaml");
    std::fs::write(&path, merged).unwrap();
    let (_, rendered, _) = run(weekly().args(["render", &path.to_string_lossy()]));
    assert_eq!(rendered, read("tests/golden/week44.md"));
}

#[test]
fn a_team_file_with_one_section() {
    let (code, out, err) = run(weekly().args(["merge", &m("head"), &m("team-risk")]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.contains("  - 11/01 09:12 风控规则发布回滚"), "{out}");
    assert!(
        out.contains("- heading: 风险与求助\n  level: 2\n  list:"),
        "{out}"
    );
    // Nothing else of the head's changed; the list goes between 其他 and 下周工作及目标.
    assert!(
        out.contains("- 支付中心月度项目评审\n- heading: 风险与求助"),
        "{out}"
    );
    assert!(
        out.trim_end()
            .ends_with("- next_week:\n  - 银行虚户的系统设计与账务设计沟通"),
        "{out}"
    );
}

/// Sections the head's file lacks go where the report's order puts them, not after
/// 下周工作及目标 and 日报合集 (where a reader would take them for part of the daily links).
#[test]
fn new_sections_take_their_place_in_the_report_order() {
    let (code, out, err) = run(weekly().args(["merge", &m("head-daily"), &m("team-ops")]));
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    let kinds: Vec<&str> = out
        .lines()
        .filter_map(|l| l.strip_prefix("- "))
        .filter(|l| !l.starts_with(' ') && l.contains(':'))
        .filter_map(|l| l.split(':').next())
        .filter(|k| !k.contains(' '))
        .collect();
    assert_eq!(
        kinds,
        [
            "key_work",
            "objective",
            "incidents",
            "heading",
            "reflection",
            "next_week",
            "daily"
        ],
        "{out}"
    );
    let mut render = weekly();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("week.yaml");
    std::fs::write(&path, &out).unwrap();
    let (code, md, _) = run(render.args(["render", &path.to_string_lossy()]));
    assert_eq!(code, 0);
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings,
        [
            "# 第45周 2023-10-31",
            "# 第45周 2023/10/31",
            "## 【重点工作】",
            "## 【O1 服务业务】",
            "## 【生产稳定性事件】",
            "## 值班说明",
            "## 收获与反思",
            "# 下周工作及目标",
            "# 日报合集"
        ]
    );
}

#[test]
fn conflicting_metric_values() {
    assert_cmd_snapshot!(weekly().args(["merge", &m("head"), &m("team-pay"), &m("conflict")]));
}

#[test]
fn files_for_other_weeks_are_refused() {
    assert_cmd_snapshot!(weekly().args(["merge", &m("head"), &m("next-week"), &m("team-pay")]));
}

#[test]
fn a_team_file_needs_the_date() {
    assert_cmd_snapshot!(weekly().args(["merge", &m("head"), &m("no-date")]));
}

#[test]
fn output_is_not_written_when_merging_fails() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("week.yaml");
    let (code, _, _) = run(weekly().args([
        "merge",
        &m("head"),
        &m("conflict"),
        "-o",
        &out.to_string_lossy(),
    ]));
    assert_eq!(code, 1);
    assert!(!out.exists());
}

/// The same file twice (a glob that also matches the head's file) would list every item twice.
#[test]
fn the_same_file_twice_is_a_usage_error() {
    let head = m("head");
    let again = "tests/fixtures/merge/../merge/head.yaml";
    let (code, out, err) = run(weekly().args(["merge", &head, &m("team-pay"), again]));
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.starts_with(&format!(
            "error: {again} is {head} again: each file is merged once\n"
        )),
        "{err}"
    );
}
