//! `people`: per-person updates (`@alice` with Done / Blocked / Next, or 已完成 / 阻塞 / 计划)
//! imported as data, rendered back the same, shown in both languages and in the facts form.

use crate::common::{fixture, run, weekly};
use crate::import::{render, week};
use weekly::dates::WeekNumbering;
use weekly::markdown::normalized;
use weekly::week::{Body, Said, Week};
use weekly::yaml::Source;

/// Imports the fixture `rel` and returns its YAML and the week it reads as.
fn import(rel: &str) -> (String, Week) {
    let yaml = crate::import::import(&fixture(rel));
    let week = week(&yaml);
    (yaml, week)
}

fn people_of(week: &Week) -> Vec<&weekly::week::Person> {
    week.sections
        .iter()
        .flat_map(|s| match &s.body {
            Body::People(p) => p.iter().collect(),
            _ => Vec::new(),
        })
        .collect()
}

#[test]
fn stand_up_updates_become_people_and_render_back() {
    for rel in [
        "import/standup-people-en.md",
        "import/standup-people-zh.md",
        "import/standup-headed-zh.md",
        "import/standup-h2-en.md",
    ] {
        let (yaml, week) = import(rel);
        let original = std::fs::read_to_string(fixture(rel)).unwrap();
        assert_eq!(normalized(&render(&yaml)), normalized(&original), "{rel}");
        let people = people_of(&week);
        assert_eq!(people.len(), 2, "{rel}:\n{yaml}");
        assert!(people[0].done.is_some(), "{rel}");
    }
}

#[test]
fn words_for_nothing_block_nothing_and_a_line_is_kept_on_its_line() {
    let (yaml, week) = import("import/standup-people-en.md");
    let people = people_of(&week);
    let (alice, bob) = (people[0], people[1]);
    assert_eq!(alice.name, "@alice");
    assert!(!alice.is_blocked(), "`null` blocks nothing");
    assert_eq!(bob.name, "@bob (not attending)");
    assert_eq!(bob.done, Some(Said::Line("OOO all week".into())));
    assert!(bob.is_blocked());
    assert!(yaml.contains("words: en"), "{yaml}");
    // the lead quote before the first person stays raw, under the heading
    assert!(
        week.sections
            .iter()
            .any(|s| s.heading.as_deref() == Some("Updates") && matches!(s.body, Body::Raw(_))),
        "{yaml}"
    );
    let (_, zh) = import("import/standup-people-zh.md");
    let zh = people_of(&zh);
    assert!(!zh[0].is_blocked(), "阻塞：无 blocks nothing");
    assert!(zh[1].is_blocked());
    assert_eq!(zh[0].done.as_ref().unwrap().items()[1].progress(), Some(80));
}

#[test]
fn people_render_in_both_languages_and_in_the_facts_form() {
    let yaml = "date: 2023-11-20\nsections:\n  - people:\n      - name: '@alice'\n        done: [Shipped it]\n        blocked: none\n        next: [Docs]\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.yaml");
    std::fs::write(&path, yaml).unwrap();
    let p = path.to_str().unwrap();
    let (code, zh, err) = run(weekly().args(["render", p]));
    assert_eq!(code, 0, "{err}");
    assert!(
        zh.contains("@alice\n- 已完成：\n    - Shipped it\n- 阻塞：none\n- 计划：\n"),
        "{zh}"
    );
    let (_, en, _) = run(weekly().args(["render", "--template", "en", p]));
    assert!(
        en.contains("- Done:\n    - Shipped it\n- Blocked: none\n- Next:\n"),
        "{en}"
    );
    let (code, json, err) = run(weekly().args(["render", "-f", "json", p]));
    assert_eq!(code, 0, "{err}");
    assert!(json.contains("\"is_blocked\": false"), "{json}");
    // what the facts form writes reads back
    let back = dir.path().join("back.json");
    std::fs::write(&back, &json).unwrap();
    let (code, again, err) = run(weekly().args(["render", back.to_str().unwrap()]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(again, zh);
}

#[test]
fn a_heading_per_person_is_one_people_section() {
    let (yaml, week) = import("import/standup-headed-zh.md");
    let sections: Vec<_> = week
        .sections
        .iter()
        .filter(|s| matches!(s.body, Body::People(_)))
        .collect();
    assert_eq!(sections.len(), 1, "{yaml}");
    let people = people_of(&week);
    assert_eq!(
        people
            .iter()
            .map(|p| (p.name.as_str(), p.level))
            .collect::<Vec<_>>(),
        [("张三", Some(3)), ("李四", Some(3))]
    );
    assert!(!people[0].is_blocked() && people[1].is_blocked());
}

/// `new` carries each person over: their plans become what they are doing, what still blocks
/// them stays, done and next are left to fill in.
#[test]
fn new_carries_people_over() {
    let dir = tempfile::tempdir().unwrap();
    let last = dir.path().join("last.yaml");
    std::fs::write(
        &last,
        "date: 2023-11-20\nsections:\n  - people:\n      - name: '@alice'\n        done: [Shipped it]\n        blocked: none\n        next: [Write the docs]\n      - name: '@bob'\n        blocked: [Waiting on review]\n",
    )
    .unwrap();
    let (code, yaml, err) = run(weekly().args([
        "new",
        "--from",
        last.to_str().unwrap(),
        "--date",
        "2023-11-27",
        "-o",
        "-",
    ]));
    assert_eq!(code, 0, "{err}");
    let source = Source::new("new.yaml", yaml.clone().into_bytes(), u64::MAX).unwrap();
    let week = Week::from_source(&source, WeekNumbering::Jan1).unwrap();
    let people = people_of(&week);
    assert_eq!(people.len(), 2, "{yaml}");
    let doing = people[0].doing.as_ref().unwrap().items();
    assert_eq!(doing[0].full_text(), "Write the docs", "{yaml}");
    assert!(people[0].blocked.is_none(), "`none` is not carried: {yaml}");
    assert!(people[1].is_blocked(), "{yaml}");
    assert_eq!(people[1].done.as_ref().unwrap().items()[0].full_text(), "…");
}

/// `check` looks at people's items as at any others: progress that fell is flagged.
#[test]
fn check_reads_peoples_items() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.yaml");
    std::fs::write(
        &path,
        "date: 2023-11-20\nsections:\n  - people:\n      - name: '@alice'\n        doing:\n          - text: Migrate the database\n            progress: 40\n            previous_progress: 60\n",
    )
    .unwrap();
    let (_, _, err) = run(weekly().args(["check", path.to_str().unwrap()]));
    assert!(err.contains("progress-regressed"), "{err}");
}
