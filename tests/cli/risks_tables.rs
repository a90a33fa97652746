//! The `risks` and `table` kinds: imported from prefixes, risk tables and GFM tables, rendered
//! back the same, rendered in both languages, carried by `new`, linted by `check`, and the
//! numbers of a table followed by `trend`.

use insta_cmd::assert_cmd_snapshot;
use weekly::markdown::normalized;
use weekly::week::{Body, Kind, RiskType, Status};

use crate::common::{fixture, read, run, weekly};
use crate::import::{import, render, week};

const REPORT: &str = "import/risks-tables-en.md";

#[test]
fn tables_and_risks_import_as_their_kinds_and_render_back() {
    let yaml = import(&fixture(REPORT));
    // the same structure and text: `|:--------|` comes back as `|:---|`
    assert_eq!(
        normalized(&render(&yaml)),
        normalized(&read(fixture(REPORT)))
    );
    let w = week(&yaml);
    let kinds: Vec<Kind> = w.sections.iter().map(|s| s.body.kind()).collect();
    assert_eq!(
        kinds,
        [
            Kind::Raw,
            Kind::Table,
            Kind::Table,
            Kind::Risks,
            Kind::Risks,
            Kind::Risks
        ]
    );
    let Body::Table(status) = &w.sections[2].body else {
        panic!("{yaml}")
    };
    assert_eq!(
        status.statuses,
        [
            Some(Status::Doing),
            Some(Status::Blocked),
            Some(Status::Done)
        ]
    );
    let risks: Vec<_> = w.risks().collect();
    assert_eq!(risks.len(), 7);
    assert_eq!(risks[0].owner(), Some("Bob"));
    assert_eq!(risks[0].mitigation(), Some("pin the old version"));
    assert_eq!(risks[1].kind(), RiskType::Issue);
    assert_eq!(risks[2].owner(), Some("@dan"), "a risk-table row");
    assert!(!risks[3].is_open(), "Closed in the status column");
    assert_eq!(risks[6].kind(), RiskType::Dependency);
}

#[test]
fn imported_yaml_keeps_cells_and_lines_as_written() {
    assert_cmd_snapshot!(weekly().args(["import", &fixture(REPORT)]));
}

#[test]
fn the_numbers_of_a_table_are_metrics_for_trend() {
    let w = week(&import(&fixture(REPORT)));
    let names: Vec<_> = w.metrics().map(|m| m.name.clone()).collect();
    assert_eq!(
        names,
        [
            "Gateway Availability",
            "Gateway p99 (ms)",
            "Payments Availability",
            "Payments p99 (ms)"
        ]
    );
    let tmp = tempfile::tempdir().unwrap();
    for (date, value) in [("2024-03-15", "99.990%"), ("2024-03-22", "99.982%")] {
        let week = format!(
            "date: {date}\nsections:\n- table:\n    columns: [Service, Availability]\n    \
             rows:\n    - [Gateway, \"{value}\"]\n"
        );
        std::fs::write(tmp.path().join(format!("{date}.yaml")), week).unwrap();
    }
    let (code, out, err) = run(weekly().args(["trend", "--format", "csv"]).arg(tmp.path()));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Gateway"), "{out}");
    assert!(out.contains("99.990") && out.contains("99.982"), "{out}");
}

#[test]
fn risks_and_tables_render_in_both_languages() {
    let file = fixture("weeks/risks-tables.yaml");
    assert_cmd_snapshot!("zh", weekly().args(["render", &file]));
    assert_cmd_snapshot!("en", weekly().args(["render", "-t", "en", &file]));
}

#[test]
fn new_carries_open_risks_and_a_table_without_its_numbers() {
    let file = fixture("weeks/risks-tables.yaml");
    assert_cmd_snapshot!(weekly().args([
        "new",
        "--from",
        &file,
        "--date",
        "2024-03-29",
        "-o",
        "-"
    ]));
}

#[test]
fn a_table_with_a_lead_paragraph_is_split_from_it() {
    let md = "# Sync 2024-03-22\n\n## Schedule\n\nTalks this week:\n\n| Day | Talk |\n|---|---|\n| 5/6 | Mesh |\n";
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("r.md");
    std::fs::write(&path, md).unwrap();
    let yaml = import(path.to_str().unwrap());
    assert_eq!(render(&yaml), md);
    let kinds: Vec<Kind> = week(&yaml).sections.iter().map(|s| s.body.kind()).collect();
    // the lead stays raw under the heading, the table is a table of its own
    assert_eq!(kinds, [Kind::Raw, Kind::Raw, Kind::Table], "{yaml}");
}

#[test]
fn the_schema_knows_risks_and_tables() {
    let (code, out, _) = run(weekly().arg("schema"));
    assert_eq!(code, 0);
    let schema: serde_json::Value = serde_json::from_str(&out).unwrap();
    let props = &schema["$defs"]["Section"]["properties"];
    assert!(
        props["risks"].is_object() && props["table"].is_object(),
        "{props}"
    );
    for def in ["Risk", "Risks", "Table"] {
        assert!(schema["$defs"][def].is_object(), "{def}");
    }
}

#[test]
fn merge_appends_team_risks_with_their_authors_as_owners_and_rows_of_like_tables() {
    let tmp = tempfile::tempdir().unwrap();
    let team = |name: &str, author: &str, risk: &str, row: &str| {
        let text = format!(
            "date: 2024-03-22\nauthor: {author}\nsections:\n- risks:\n  - \"{risk}\"\n\
             - heading: 状态\n  table:\n    columns: [小组, 状态]\n    rows:\n    - [{row}, 进行中]\n"
        );
        let path = tmp.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    let a = team("a.yaml", "张三", "风险：渠道限流", "收单");
    let b = team("b.yaml", "李四", "[Issue] flaky CI", "账务");
    let (code, out, err) = run(weekly().args(["merge", &a, &b]));
    assert_eq!(code, 0, "{err}");
    let w = week(&out);
    let owners: Vec<_> = w.risks().map(|r| r.owner().unwrap_or("")).collect();
    // the first file's author is the merged week's: only the other team's risk is attributed
    assert_eq!(owners, ["", "李四"], "{out}");
    let tables: Vec<_> = w
        .sections
        .iter()
        .filter_map(|s| match &s.body {
            Body::Table(t) => Some(t.rows.len()),
            _ => None,
        })
        .collect();
    assert_eq!(tables, [2], "{out}");
}

#[test]
fn header_fields_import_as_fields_and_name_the_author() {
    let md = "# 研发周报 2024-04-12\n\n- **姓名：** 张三\n- **Lead:** @alanshaw\n- **Attendees:**\n  - @vmx\n  - _names..._\n- **Notetaker:**\n\n## Notes\n\n- **Done:** the cache\n";
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("r.md");
    std::fs::write(&path, md).unwrap();
    let yaml = import(path.to_str().unwrap());
    assert_eq!(normalized(&render(&yaml)), normalized(md));
    let w = week(&yaml);
    let labels: Vec<_> = w.fields().map(|f| f.label.as_str()).collect();
    assert_eq!(labels, ["姓名", "Lead", "Attendees", "Notetaker"], "{yaml}");
    assert_eq!(w.author(), Some("张三"));
    assert!(w.author.is_none(), "the field is not written twice");
    assert_eq!(
        w.sections[1].body.kind(),
        Kind::Other,
        "a bold list without a header label is not fields (`Notes` names other matters)"
    );
}

#[test]
fn headings_that_are_field_labels_hold_the_author_and_the_project() {
    let md = "# 周报 2024-04-12\n\n### 姓名\n\n张三\n\n### 项目：\n\n支付中心\n\n### 备注\n\n无\n";
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("r.md");
    std::fs::write(&path, md).unwrap();
    let yaml = import(path.to_str().unwrap());
    assert_eq!(render(&yaml), md, "{yaml}");
    let w = week(&yaml);
    assert_eq!((w.author(), w.project()), (Some("张三"), Some("支付中心")));
    let kinds: Vec<Kind> = w.sections.iter().map(|s| s.body.kind()).collect();
    assert_eq!(
        kinds,
        [Kind::Raw, Kind::Fields, Kind::Fields, Kind::Other],
        "{yaml}"
    );
}

#[test]
fn check_judges_the_metrics_of_a_table() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("w.yaml");
    let week = "date: 2024-03-22\nsections:\n- table:\n    columns: [Metric, This week, Last week, Target]\n    \
                rows:\n    - [API availability, 99.90%, 99.99%, 99.95%]\n    - [Pages, \"9\", \"4\", —]\n";
    std::fs::write(&path, week).unwrap();
    let (code, _, err) = run(weekly().args(["check", "--today", "2024-03-01"]).arg(&path));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(
            "warning[metric-below-target]: API availability is 99.90%, below its target 99.95%"
        ),
        "{err}"
    );
    assert!(
        err.contains("warning[metric-worse-than-previous]: API availability"),
        "{err}"
    );
    assert!(
        err.contains(":3:3:"),
        "located at the table's section: {err}"
    );
}

#[test]
fn a_pipe_written_in_a_cell_is_escaped_so_the_table_keeps_its_columns() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("w.yaml");
    let week = "date: 2024-03-22\nsections:\n- table:\n    columns: [a, \"b|c\", 'd\\|e']\n    \
                rows: [[\"`x|y`\", 1, 2]]\n";
    std::fs::write(&path, week).unwrap();
    let (code, out, err) = run(weekly().arg("render").arg(&path));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("| a | b\\|c | d\\|e |\n|---|---|---|\n| `x\\|y` | 1 | 2 |\n"),
        "{out}"
    );
}

#[test]
fn the_facts_form_gives_a_tables_metrics_and_reads_back_the_same() {
    let file = fixture("weeks/risks-tables.yaml");
    let (code, json, err) = run(weekly().args(["render", "-f", "json", &file]));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let table = &v["sections"][0]["table"];
    assert_eq!(table["metrics"][1]["name"], "支付");
    assert_eq!(table["metrics"][1]["target_text"], "99.95%", "{table}");
    let tmp = tempfile::tempdir().unwrap();
    let back = tmp.path().join("w.json");
    std::fs::write(&back, &json).unwrap();
    let (code, md, err) = run(weekly().arg("render").arg(&back));
    assert_eq!(
        (code, md),
        (0, run(weekly().args(["render", &file])).1),
        "{err}"
    );
    let (_, _, err) = run(weekly().arg("check").arg(&back));
    assert!(!err.contains("derived-fact-disagrees"), "{err}");
}
