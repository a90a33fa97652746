//! `weekly new`: scaffolds at fixed dates, carry-over of each kind, refusal to overwrite, daily
//! links, and the configured report folder.

use std::path::Path;

use crate::common::{fixture, root, run, weekly};
use insta::assert_snapshot;
use insta_cmd::assert_cmd_snapshot;
use weekly::dates::WeekNumbering;
use weekly::scaffold::read_back;
use weekly::week::{Body, Week};

/// Runs `weekly new` with `args` and returns its stdout, failing on any error.
fn scaffold(args: &[&str]) -> String {
    let (code, out, err) = run(weekly().arg("new").args(args));
    assert_eq!((code, err.as_str()), (0, ""), "weekly new {args:?}");
    out
}

/// Parses a scaffold as render would.
fn parse(text: &str) -> Week {
    read_back("new.yaml", text, WeekNumbering::Jan1).expect("the scaffold parses")
}

/// Renders a week file and returns the Markdown, failing on any error.
fn render(dir: &Path, file: &str) -> String {
    let (code, out, err) = run(weekly().current_dir(dir).args(["render", file]));
    assert_eq!((code, err.as_str()), (0, ""), "render {file}");
    out
}

#[test]
fn from_the_reference_week() {
    assert_cmd_snapshot!(weekly().args([
        "new",
        "--from",
        "examples/week44.yaml",
        "--date",
        "2023-10-31"
    ]));
}

#[test]
fn first_week_without_a_previous_one() {
    assert_cmd_snapshot!(weekly().args(["new", "--date", "2023-10-31"]));
}

#[test]
fn every_kind_of_section_carried_over() {
    assert_cmd_snapshot!(weekly().args([
        "new",
        "--from",
        &fixture("new/last.yaml"),
        "--date",
        "2023-10-31"
    ]));
}

#[test]
fn scaffolds_render_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    for (name, args) in [
        ("a.yaml", vec!["--date", "2023-10-31"]),
        (
            "b.yaml",
            vec!["--from", "examples/week44.yaml", "--date", "2023-10-31"],
        ),
        (
            "c.yaml",
            vec![
                "--from",
                "tests/fixtures/new/last.yaml",
                "--date",
                "2024-01-01",
            ],
        ),
    ] {
        let text = scaffold(&args);
        let path = dir.path().join(name);
        std::fs::write(&path, &text).unwrap();
        parse(&text);
        let md = render(dir.path(), name);
        assert!(md.starts_with("# 第"), "{md}");
    }
}

#[test]
fn next_week_becomes_key_work() {
    let week = parse(&scaffold(&[
        "--from",
        &fixture("new/last.yaml"),
        "--date",
        "2023-10-31",
    ]));
    let Body::KeyWork(items) = &week.sections[0].body else {
        panic!("key work first: {:?}", week.sections[0]);
    };
    let titles: Vec<_> = items.iter().map(|i| i.title.as_deref().unwrap()).collect();
    assert_eq!(titles, ["银行虚户的系统设计", "聚合收银", "大模型落地"]);
    assert_eq!(items[1].text.as_deref(), Some("产品建设沟通"));
    assert_eq!(items[1].points[0].text.as_deref(), Some("评审方案"));
    assert_eq!(items[2].note.as_deref(), Some("先做调研"));
    assert!(week.sections.iter().all(|s| !matches!(
        s.body,
        Body::NextWeek(_) | Body::Other(_) | Body::Reflection(_) | Body::Incidents(_)
    )));
}

#[test]
fn objectives_keep_text_and_move_progress_to_previous() {
    let week = parse(&scaffold(&[
        "--from",
        &fixture("new/last.yaml"),
        "--date",
        "2023-10-31",
    ]));
    let objectives: Vec<_> = week
        .sections
        .iter()
        .filter_map(|s| match &s.body {
            Body::Objective(o) => Some((s, o)),
            _ => None,
        })
        .collect();
    assert_eq!(
        objectives.len(),
        1,
        "an objective with only incidents is left as a sample"
    );
    let (section, o) = objectives[0];
    assert_eq!(section.heading.as_deref(), Some("【O1 服务业务】"));
    assert_eq!(section.level, Some(3));
    assert!(o.incidents.is_empty());
    let item = &o.items[1];
    assert_eq!(item.text.as_deref(), Some("看懂账"));
    assert_eq!((item.progress(), item.previous_progress), (None, Some(40)));
    assert_eq!(
        item.due().map(|d| d.to_string()).as_deref(),
        Some("2023-11-21")
    );
    assert_eq!(item.owner(), Some("王五"));
    // Progress read from last week's text: previous now, and read again from the kept text.
    assert_eq!(item.points[0].previous_progress, Some(70));
    assert_eq!(item.points[1].previous_progress, Some(30));
}

#[test]
fn metrics_keep_names_units_targets_with_last_value_as_previous() {
    let week = parse(&scaffold(&[
        "--from",
        &fixture("new/last.yaml"),
        "--date",
        "2023-10-31",
    ]));
    let metrics: Vec<_> = week.metrics().collect();
    let shown: Vec<_> = metrics
        .iter()
        .map(|m| {
            let text = |n: &Option<weekly::quantity::Quantity>| n.as_ref().map(|n| n.text.clone());
            (
                m.name.as_str(),
                m.value.is_none(),
                m.unit(),
                text(&m.target),
                text(&m.previous),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("入金有效成功率", true, "%", None, Some("99.997".into())),
            (
                "出金有效成功率",
                true,
                "%",
                Some("99.99".into()),
                Some("99.961".into())
            ),
            ("平均耗时", true, "ms", None, Some("120".into())),
            ("错误数", true, "次", None, Some("3".into())),
        ]
    );
    assert_eq!(metrics[2].better, Some(weekly::week::Better::Lower));
}

#[test]
fn refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2023-W45.yaml");
    std::fs::write(&path, "keep me\n").unwrap();
    let out = path.to_str().unwrap();
    let (code, stdout, err) = run(weekly().args(["new", "--date", "2023-10-31", "-o", out]));
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert_eq!(
        err,
        format!("error: {out} already exists: pass --force to overwrite it\n")
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me\n");
    let (code, _, err) = run(weekly().args(["new", "--date", "2023-10-31", "-o", out, "--force"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("date: 2023-10-31\n")
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temp file left"
    );
}

/// A folder of daily notes around the week of 2023-10-31 (Monday 10-30 .. Sunday 11-05).
fn daily_notes(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for name in [
        "2023-10-29 周日_last-week.md",
        "2023-10-31 周二_b.md",
        "2023-10-30 周一_a.md",
        "2023-11-05 周日_c.md",
        "2023-11-06 周一_next-week.md",
        "notes.md",
        "2023-10-3x bad.md",
    ] {
        std::fs::write(dir.join(name), "").unwrap();
    }
    std::fs::create_dir(dir.join("2023-10-31 folder")).unwrap();
}

#[test]
fn daily_links_of_the_week_in_the_same_folder() {
    let dir = tempfile::tempdir().unwrap();
    daily_notes(dir.path());
    let d = dir.path().to_str().unwrap();
    let (code, _, err) = run(weekly().current_dir(d).args([
        "new",
        "--date",
        "2023-10-31",
        "--daily-notes",
        ".",
        "-o",
        "week.yaml",
    ]));
    assert_eq!(
        (code, err.as_str()),
        (0, "wrote week.yaml\n"),
        "one line on success"
    );
    let text = std::fs::read_to_string(dir.path().join("week.yaml")).unwrap();
    assert_snapshot!(text);
    let md = render(dir.path(), "week.yaml");
    assert!(
        md.ends_with(
            "# 日报合集\n\n[2023/10/30 周一](2023-10-30%20周一_a.md)\n\n\
             [2023/10/31 周二](2023-10-31%20周二_b.md)\n\n[2023/11/05 周日](2023-11-05%20周日_c.md)\n"
        ),
        "{md}"
    );
}

#[test]
fn daily_links_under_iso_weeks_and_from_another_folder() {
    let dir = tempfile::tempdir().unwrap();
    daily_notes(&dir.path().join("daily"));
    std::fs::create_dir(dir.path().join("reports")).unwrap();
    let (code, _, err) = run(weekly().current_dir(dir.path()).args([
        "new",
        "--week-numbering",
        "iso",
        "--date",
        "2023-11-05",
        "--daily-notes",
        "daily",
        "-o",
        "reports/w.yaml",
    ]));
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(dir.path().join("reports/w.yaml")).unwrap();
    assert_snapshot!(text);
    let md = render(dir.path(), "reports/w.yaml");
    assert!(
        md.contains("[2023/10/30 周一](../daily/2023-10-30%20周一_a.md)"),
        "{md}"
    );
}

#[test]
fn configured_report_folder_names_the_file_and_finds_last_week() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("team/reports");
    std::fs::create_dir_all(&reports).unwrap();
    daily_notes(&dir.path().join("team/daily"));
    std::fs::write(
        dir.path().join("team/weekly.toml"),
        "reports = \"reports\"\ndaily-notes = \"daily\"\nauthor = \"张三\"\nschema = \"schema/week.json\"\n",
    )
    .unwrap();
    let week44 = std::fs::read_to_string(root().join("examples/week44.yaml")).unwrap();
    std::fs::write(reports.join("2023-W44.yaml"), &week44).unwrap();
    let older = week44.replace("date: 2023-10-24", "date: 2023-10-17");
    std::fs::write(reports.join("2023-W43.yaml"), older).unwrap();
    std::fs::write(reports.join("2023-W46.yaml"), "not read: a later week\n").unwrap();
    std::fs::write(reports.join("2023-W44.yaml.bak"), "not a report\n").unwrap();
    let sub = dir.path().join("team/reports");
    let (code, out, err) = run(weekly()
        .current_dir(&sub)
        .args(["new", "--date", "2023-10-31"]));
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (
            0,
            "",
            "wrote 2023-W45.yaml (carried over from 2023-W44.yaml)\n"
        ),
        "one line on success"
    );
    let text = std::fs::read_to_string(reports.join("2023-W45.yaml")).unwrap();
    assert!(
        text.starts_with(
            "# yaml-language-server: $schema=../schema/week.json\n# from: 2023-W44.yaml\ndate: 2023-10-31\nauthor: 张三\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("- title: 银行虚户的系统设计与账务设计沟通\n"),
        "{text}"
    );
    assert!(text.contains("  - href: ../daily/2023-10-30 周一_a.md\n    date: 2023-10-30\n"));
    // Again: the file exists now.
    let (code, _, err) = run(weekly()
        .current_dir(&sub)
        .args(["new", "--date", "2023-10-31"]));
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "error: 2023-W45.yaml already exists: pass --force to overwrite it\n"
    );
    // `-o -` prints instead; paths are then relative to the current folder.
    let (code, out, _) =
        run(weekly()
            .current_dir(&sub)
            .args(["new", "--date", "2023-10-31", "-o", "-"]));
    assert_eq!(code, 0);
    assert!(
        out.starts_with("# yaml-language-server: $schema=../schema/week.json\n"),
        "{out}"
    );
}

#[test]
fn last_week_with_an_error_is_reported_with_its_name() {
    assert_cmd_snapshot!(weekly().args([
        "new",
        "--from",
        &fixture("errors/week-mismatch.yaml"),
        "--date",
        "2023-10-31"
    ]));
}

#[test]
fn bad_date_is_a_usage_error() {
    let (code, _, err) = run(weekly().args(["new", "--date", "2023-02-30"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("`2023-02-30` is not a date: February 2023 has 28 days"),
        "{err}"
    );
}

/// An imported report whose header the template could not print as written keeps its header
/// lines as raw sections headed with last week's date; this week does not carry them (it would
/// print 第 44 周 2023-10-24 under 第45周), but keeps the report's other raw sections.
#[test]
fn an_imported_header_is_not_carried_into_the_new_week() {
    let (code, out, err) = run(weekly().args([
        "new",
        "--from",
        &fixture("new/imported-header.yaml"),
        "--date",
        "2023-10-31",
        "-o",
        "-",
    ]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        !out.contains("2023-10-24") && !out.contains("2023/10/24"),
        "{out}"
    );
    assert!(!out.contains("header: false"), "{out}");
    assert!(
        out.contains("- heading: 值班安排\n  raw: 本周值班：运维二组。\n"),
        "{out}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w45.yaml");
    std::fs::write(&path, &out).unwrap();
    let (code, md, _) = run(weekly().args(["render", &path.to_string_lossy()]));
    assert_eq!(code, 0);
    assert!(
        md.starts_with("# 第45周 2023-10-31\n\n# 第45周 2023/10/31\n\n## 【重点工作】\n"),
        "{md}"
    );
}

/// `-o` naming a folder is not a file that `--force` could overwrite.
#[test]
fn output_that_is_a_folder_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) =
        run(weekly()
            .current_dir(dir.path())
            .args(["new", "--date", "2023-10-31", "-o", "."]));
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(err, "error: cannot write .: it is a directory\n");
}
