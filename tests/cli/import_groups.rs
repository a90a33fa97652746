//! Issue 11: per-group updates. Under a heading that announces progress (`Working group sync`,
//! `各项目进展`), a heading per group over what it did is one key-work section with an item per
//! group, written back as the same headings (`layout: {items: headings}`); a group in another
//! shape ends the run and stays a section of its own.

use crate::import::{kinds, render, round_trip};
use weekly::week::{Body, ItemsAs, ListStyle, Week};

/// Imports a fixture, checks it renders back the same, snapshots its YAML and returns the week.
fn import(name: &str) -> Week {
    let (yaml, week) = round_trip(&format!("import/{name}.md"));
    insta::assert_snapshot!(name, yaml);
    week
}

fn titles(week: &Week, i: usize) -> Vec<&str> {
    let Body::KeyWork(items) = &week.sections[i].body else {
        panic!("section {i} is not key work")
    };
    items.iter().filter_map(|i| i.title.as_deref()).collect()
}

#[test]
fn a_heading_per_working_group_is_one_key_work_item_each_en() {
    let week = import("groups-en");
    assert_eq!(kinds(&week), ["raw", "key_work", "next_week"]);
    assert_eq!(
        titles(&week, 1),
        [
            "wg-async",
            "[wg-diagnostics](https://example.org/wg-diagnostics)",
            "wg-parallel"
        ]
    );
    let layout = week.sections[1].layout.unwrap();
    assert_eq!(layout.items, Some(ItemsAs::Headings));
    assert_eq!(layout.level, None, "level 3 is the default");
    assert_eq!(layout.points, Some(ListStyle::Bullet));
}

#[test]
fn a_bold_line_per_project_is_one_key_work_item_each_zh() {
    let week = import("groups-zh");
    assert_eq!(kinds(&week), ["raw", "key_work", "next_week"]);
    assert_eq!(titles(&week, 1), ["Layotto：", "SOFARPC：", "MOSN："]);
    assert_eq!(week.sections[1].layout.unwrap().items, Some(ItemsAs::Bold));
    let Body::KeyWork(items) = &week.sections[1].body else {
        unreachable!()
    };
    assert_eq!(items[1].text.as_deref(), Some("本周修复了两个序列化问题。"));
    assert_eq!(items[2].note.as_deref(), Some("详细发布报告见官网。"));
}

/// A group whose list is loose after one whose list is tight: the layout has one loose flag per
/// section, so the run goes on as a second key-work section under no heading of its own.
#[test]
fn a_group_in_another_layout_goes_on_under_no_heading() {
    let week = import("groups-loose-en");
    assert_eq!(kinds(&week), ["raw", "key_work", "key_work"]);
    assert_eq!(titles(&week, 1), ["Search"]);
    assert_eq!(week.sections[2].heading.as_deref(), Some(""));
    assert_eq!(titles(&week, 2), ["Billing"]);
    assert!(week.sections[2].layout.unwrap().loose);
}

#[test]
fn items_as_headings_render_at_the_level_the_layout_gives() {
    let yaml = "date: 2024-03-08\nheader: false\nsections:\n\
                - heading: Team updates\n  layout: {items: headings, level: 4}\n  key_work:\n\
                \x20 - title: Search\n    text: Shipped the ranking.\n    points: [Faster, Fairer]\n\
                \x20 - title: Billing\n    note: See the dashboard.\n";
    let out = render(yaml);
    insta::assert_snapshot!("rendered_level_4", out);
    assert!(out.contains("#### Search\n\nShipped the ranking.\n\n1. Faster\n"));
}

#[test]
fn announcements_are_other_and_highlights_key_work_en() {
    let week = import("announcements-en");
    assert_eq!(kinds(&week), ["raw", "other", "key_work", "list"]);
    assert_eq!(
        week.sections[3].heading.as_deref(),
        Some("Backport nominations"),
        "backport decisions name no kind"
    );
}

#[test]
fn announcements_are_other_and_highlights_key_work_zh() {
    let week = import("announcements-zh");
    assert_eq!(kinds(&week), ["raw", "key_work", "other", "other"]);
}
