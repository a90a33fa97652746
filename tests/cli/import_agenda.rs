//! `agenda`: meeting minutes (a list of topics with sub-bullets, or a heading per topic with
//! notes under it) imported as data, rendered back the same by both templates, checked
//! (`action-unowned`), left out by `new` and concatenated by `merge`.

use crate::common::{fixture, run, weekly};
use crate::import::{render, week};
use weekly::markdown::normalized;
use weekly::week::{Agenda, Body, Point, Week};

/// Imports the fixture `rel` and returns its YAML and the week it reads as.
fn import(rel: &str) -> (String, Week) {
    let yaml = crate::import::import(&fixture(rel));
    let week = week(&yaml);
    (yaml, week)
}

fn agendas(week: &Week) -> Vec<&Agenda> {
    week.sections
        .iter()
        .filter_map(|s| match &s.body {
            Body::Agenda(a) => Some(a),
            _ => None,
        })
        .collect()
}

/// Writes `yaml` to a temporary file and runs `weekly` on it with `args` before the path.
fn on_file(yaml: &str, args: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("week.yaml");
    std::fs::write(&path, yaml).unwrap();
    run(weekly().args(args).arg(&path))
}

#[test]
fn minutes_become_agendas_and_render_back() {
    for rel in ["import/agenda-en.md", "import/agenda-zh.md"] {
        let (yaml, week) = import(rel);
        let original = std::fs::read_to_string(fixture(rel)).unwrap();
        assert_eq!(normalized(&render(&yaml)), normalized(&original), "{rel}");
        assert_eq!(agendas(&week).len(), 2, "{rel}:\n{yaml}");
    }
}

/// A bold line inside a topic (`**问题如下**：` over a list) is part of the topic's notes, not a
/// topic of its own: the topics are the `###` headings.
#[test]
fn bold_lines_inside_a_topic_stay_in_its_notes() {
    let rel = "import/agenda-bold-zh.md";
    let (yaml, week) = import(rel);
    let original = std::fs::read_to_string(fixture(rel)).unwrap();
    assert_eq!(normalized(&render(&yaml)), normalized(&original), "{yaml}");
    let topics = &agendas(&week)[0].topics;
    assert_eq!(topics.len(), 2, "{yaml}");
    let notes = topics[0].notes.as_deref().unwrap_or_default();
    assert!(notes.contains("**建议如下**："), "{yaml}");
}

#[test]
fn the_en_template_writes_the_same_minutes() {
    let (yaml, _) = import("import/agenda-en.md");
    let original = std::fs::read_to_string(fixture("import/agenda-en.md")).unwrap();
    let (code, out, err) = on_file(&yaml, &["render", "-t", "en"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(normalized(&out), normalized(&original));
}

#[test]
fn imported_en_minutes() {
    insta::assert_snapshot!(import("import/agenda-en.md").0);
}

#[test]
fn imported_zh_minutes() {
    insta::assert_snapshot!(import("import/agenda-zh.md").0);
}

#[test]
fn presenters_durations_decisions_and_actions_are_read() {
    let (_, week) = import("import/agenda-en.md");
    let listed = &agendas(&week)[0].topics;
    assert_eq!(listed[0].title, "Release planning");
    assert_eq!(listed[0].owner.as_deref(), Some("@alice"));
    assert_eq!(listed[0].duration.as_deref(), Some("(10 min)"));
    assert_eq!(
        listed[1].owner.as_deref(),
        Some("[Carol](https://github.com/carol)")
    );
    assert_eq!(listed[0].marked(Point::Decision).len(), 1);
    assert_eq!(listed[1].marked(Point::Action).len(), 1);
    let headed = &agendas(&week)[1].topics;
    assert_eq!(headed[0].level, Some(3));
    assert_eq!(headed[0].owner_label.as_deref(), Some("Presenter:"));
    assert_eq!(headed[0].owner.as_deref(), Some("@dave"));
    assert!(
        headed[0]
            .notes
            .as_deref()
            .unwrap()
            .contains("staging first")
    );
    let (_, week) = import("import/agenda-zh.md");
    let listed = &agendas(&week)[0].topics;
    assert_eq!(listed[0].duration.as_deref(), Some("（10 mins）"));
    assert_eq!(listed[2].duration.as_deref(), Some("15分钟"));
    assert_eq!(listed[2].owner.as_deref(), Some("李四"));
    let headed = &agendas(&week)[1];
    assert_eq!(headed.intro.as_deref(), Some("本次会议主要内容如下：\n"));
    assert_eq!(headed.topics[1].marked(Point::Action).len(), 2);
}

/// A heading naming another kind ends the topics: `下次会议安排` stays next week's; a person
/// over their update (`### @erin` then Done / Next) stays people.
#[test]
fn a_known_heading_or_a_person_is_no_topic() {
    let (yaml, week) = import("import/agenda-zh.md");
    assert!(
        matches!(week.sections.last().unwrap().body, Body::NextWeek(_)),
        "{yaml}"
    );
    let (yaml, week) = import("import/agenda-en.md");
    assert!(
        matches!(&week.sections.last().unwrap().body, Body::People(p) if p[0].name == "@erin"),
        "{yaml}"
    );
}

#[test]
fn an_action_naming_nobody_is_a_lint_in_both_languages() {
    let (yaml, _) = import("import/agenda-zh.md");
    let (code, out, err) = on_file(&yaml, &["check"]);
    assert_eq!(code, 0, "warnings only:\n{out}{err}");
    let all = format!("{out}{err}");
    assert_eq!(all.matches("[action-unowned]").count(), 1, "{all}");
    assert!(all.contains("待办：更新贡献指南"), "{all}");
    assert!(all.contains("names nobody to do it"), "{all}");
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("weekly.toml");
    std::fs::write(&config, "template = \"zh\"\n").unwrap();
    let path = dir.path().join("week.yaml");
    std::fs::write(&path, &yaml).unwrap();
    let (_, out, err) = run(weekly()
        .env("WEEKLY_CONFIG", &config)
        .arg("check")
        .arg(&path));
    assert!(
        format!("{out}{err}").contains("待办「待办：更新贡献指南」没有写由谁来做"),
        "{out}{err}"
    );
}

#[test]
fn new_does_not_carry_an_agenda() {
    let (yaml, _) = import("import/agenda-en.md");
    let (code, out, err) = on_file(&yaml, &["new", "--date", "2024-03-14", "--from"]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("Release planning"), "{out}");
    assert!(out.contains("# - heading: Agenda"), "{out}");
}

#[test]
fn merge_concatenates_agendas_under_one_heading() {
    let (a, _) = import("import/agenda-en.md");
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("a.yaml"), dir.path().join("b.yaml"));
    std::fs::write(&first, &a).unwrap();
    std::fs::write(&second, &a).unwrap();
    let (code, out, err) = run(weekly().arg("merge").arg(&first).arg(&second));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.matches("title: Release planning").count(), 2, "{out}");
    assert_eq!(out.matches("heading: Agenda").count(), 1, "{out}");
    assert_eq!(out.matches("heading: Discussion").count(), 1, "{out}");
}

/// The imported agendas' `render -f json` reads back the same, and validates against both
/// schemas (the input one and `--output`).
#[test]
fn agendas_in_json_read_back_and_validate() {
    for rel in ["import/agenda-en.md", "import/agenda-zh.md"] {
        let (yaml, _) = import(rel);
        let (code, json, err) = on_file(&yaml, &["render", "-f", "json"]);
        assert_eq!(code, 0, "{err}");
        let (_, from_yaml, _) = on_file(&yaml, &["render"]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("week.json");
        std::fs::write(&path, &json).unwrap();
        let (code, from_json, err) = run(weekly().arg("render").arg(&path));
        assert_eq!(code, 0, "{err}");
        assert_eq!(from_json, from_yaml, "{rel}");
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        for args in [vec!["schema"], vec!["schema", "--output"]] {
            let (_, schema, _) = run(weekly().args(&args));
            let schema: serde_json::Value = serde_json::from_str(&schema).unwrap();
            let v = jsonschema::validator_for(&schema).unwrap();
            let errors: Vec<String> = v.iter_errors(&value).map(|e| e.to_string()).collect();
            assert_eq!(errors, Vec::<String>::new(), "{rel} {args:?}");
        }
    }
}
