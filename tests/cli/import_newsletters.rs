//! Issue 11: newsletters and progress reports. A project's update under a progress heading is
//! often a paragraph saying what the project is, one saying what changed, the list of changes
//! and a word of thanks after it: one key-work item per project all the same (`text` the
//! paragraphs before the list, `note` those after it).

use crate::common::{fixture, run, weekly};
use crate::import::{kinds, round_trip, work};
use weekly::week::{Body, Week};

/// Imports a fixture, checks it renders back the same, snapshots its YAML and returns the week.
fn import(name: &str) -> Week {
    let (yaml, week) = round_trip(&format!("import/{name}.md"));
    insta::assert_snapshot!(name, yaml);
    week
}

#[test]
fn project_updates_with_paragraphs_around_their_list_are_key_work_en() {
    let week = import("newsletter-projects-en");
    assert_eq!(kinds(&week), ["raw", "key_work", "next_week"]);
    let items = work(&week, 1);
    assert_eq!(items.len(), 3);
    let boot = &items[0];
    assert_eq!(
        boot.title.as_deref(),
        Some("[`bootkit`](https://example.org/bootkit)")
    );
    assert_eq!(
        boot.text.as_deref().map(|t| t.split("\n\n").count()),
        Some(2)
    );
    assert_eq!(boot.points.len(), 2);
    assert_eq!(
        boot.note.as_deref().map(|t| t.split("\n\n").count()),
        Some(2)
    );
    // paragraphs alone are the text, with no note
    assert_eq!(items[2].note, None);
    assert!(items[2].text.as_deref().unwrap().contains("\n\nThe readme"));
}

#[test]
fn component_updates_with_paragraphs_around_their_list_are_key_work_zh() {
    let week = import("newsletter-projects-zh");
    assert_eq!(kinds(&week), ["raw", "key_work", "next_week"]);
    let items = work(&week, 1);
    let titles: Vec<_> = items.iter().filter_map(|i| i.title.as_deref()).collect();
    assert_eq!(titles, ["包管理器", "GCC", "IDE"]);
    assert_eq!(items[0].points.len(), 3);
    assert_eq!(
        items[0].note.as_deref(),
        Some("欢迎试用并提供反馈。\n\n感谢各位贡献者！")
    );
    assert_eq!(
        items[1].text.as_deref(),
        Some("修复了 Zicond 扩展与新版 newlib 不兼容的问题。\n\n继续集成新的 RISC-V 特性。")
    );
}

#[test]
fn a_progress_heading_with_an_introduction_keeps_it_raw_before_the_projects_en() {
    let week = import("newsletter-intro-en");
    assert_eq!(kinds(&week), ["raw", "raw", "key_work", "next_week"]);
    let intro = &week.sections[1];
    assert_eq!(intro.heading.as_deref(), Some("Project updates"));
    let Body::Raw(raw) = &intro.body else {
        panic!("the introduction is raw")
    };
    assert!(
        raw.ends_with("[`toolchain`]: https://example.org/toolchain"),
        "{raw}"
    );
    assert_eq!(week.sections[2].heading.as_deref(), Some(""));
    assert_eq!(work(&week, 2).len(), 2);
}

#[test]
fn a_progress_heading_with_an_introduction_keeps_it_raw_before_the_projects_zh() {
    let week = import("newsletter-intro-zh");
    assert_eq!(kinds(&week), ["raw", "raw", "key_work", "next_week"]);
    let titles: Vec<_> = work(&week, 2)
        .iter()
        .filter_map(|i| i.title.as_deref())
        .collect();
    assert_eq!(titles, ["LuaJIT 移植", "QEMU"]);
}

#[test]
fn project_updates_whose_lists_are_loose_are_key_work_zh() {
    let week = import("newsletter-loose-zh");
    assert_eq!(kinds(&week), ["raw", "key_work", "raw"]);
    assert!(week.sections[1].layout.unwrap().loose);
    let titles: Vec<_> = work(&week, 1)
        .iter()
        .filter_map(|i| i.title.as_deref())
        .collect();
    assert_eq!(titles, ["前端", "后端流水线", "访存与缓存"]);
    assert_eq!(work(&week, 1)[1].points.len(), 2);
}

#[test]
fn project_updates_whose_lists_are_loose_are_key_work_en() {
    let week = import("newsletter-loose-en");
    assert_eq!(kinds(&week), ["raw", "key_work", "raw"]);
    assert!(week.sections[1].layout.unwrap().loose);
    assert_eq!(work(&week, 1).len(), 2);
}

/// The titles of the key-work items of section `i`.
fn titles(week: &Week, i: usize) -> Vec<&str> {
    work(week, i)
        .iter()
        .filter_map(|i| i.title.as_deref())
        .collect()
}

#[test]
fn a_title_naming_an_update_makes_its_sections_the_work_en() {
    let week = import("progress-title-en");
    assert_eq!(
        kinds(&week),
        ["raw", "raw", "key_work", "next_week", "list"]
    );
    // the introduction and the links are the report's framing, not its work
    assert_eq!(week.sections[1].heading.as_deref(), Some("Introduction"));
    assert_eq!(week.sections[2].heading.as_deref(), Some(""));
    assert_eq!(titles(&week, 2), ["Index rebuild", "Release 2.3"]);
}

#[test]
fn a_title_naming_progress_makes_its_sections_the_work_zh() {
    let week = import("progress-title-zh");
    assert_eq!(
        kinds(&week),
        ["raw", "raw", "key_work", "next_week", "list"]
    );
    assert_eq!(week.sections[1].heading.as_deref(), Some("卷首语"));
    assert_eq!(titles(&week, 2), ["索引重建", "2.3 版本发布"]);
}

#[test]
fn a_note_names_the_title_that_made_it_so() {
    let file = fixture("import/progress-title-en.md");
    let (code, _, err) = run(weekly().args(["import", &file]));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(
            "progress-title-en.md:1: the title `Search team update 2024-03` names the report a \
             progress report"
        ),
        "{err}"
    );
    let file = fixture("import/progress-title-zh.md");
    let (code, _, err) = run(weekly().env("LANG", "zh_CN.UTF-8").args(["import", &file]));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("标题 `搜索组开源进展·第012期·2024年03月15日` 表明这是一份进展报告"),
        "{err}"
    );
    let (_, _, err) = run(weekly().args(["import", &fixture("import/newsletter-intro-en.md")]));
    assert!(!err.contains("progress report"), "{err}");
}
