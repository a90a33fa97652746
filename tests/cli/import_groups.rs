//! Issue 11: per-group updates. Under a heading that announces progress (`Working group sync`,
//! `各项目进展`), a heading per group over what it did is one key-work section with an item per
//! group, written back as the same headings (`layout: {items: headings}`); a group in another
//! shape ends the run and stays a section of its own. A group one level below another is its
//! point (`layout: {nested: true}`).

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

/// The titles of an item's points that are groups of their own (a title), in order.
fn sub(item: &weekly::week::Item) -> Vec<&str> {
    item.points
        .iter()
        .filter_map(|p| p.title.as_deref())
        .collect()
}

/// Issue "nested groups": under a progress heading, `#### Ranking` under `### Search` is a
/// point of `Search` (with its own points), not an item beside it; `Billing` keeps its text
/// before the group under it; the layout says `nested` so the report renders back the same.
#[test]
fn groups_under_a_group_are_its_points_en() {
    let week = import("groups-nested-en");
    assert_eq!(kinds(&week), ["raw", "key_work", "next_week"]);
    assert_eq!(titles(&week, 1), ["Search", "Billing"]);
    let Body::KeyWork(items) = &week.sections[1].body else {
        unreachable!()
    };
    assert_eq!(sub(&items[0]), ["Ranking", "Indexing"]);
    assert_eq!(items[0].points[0].points.len(), 2, "Ranking's own list");
    assert_eq!(
        items[0].points[1].text.as_deref(),
        Some("The index is rebuilt nightly now.")
    );
    assert_eq!(
        items[1].text.as_deref(),
        Some("Moved invoices to the new service.")
    );
    assert_eq!(sub(&items[1]), ["Invoices"]);
    let layout = week.sections[1].layout.unwrap();
    assert!(layout.nested);
    assert_eq!(layout.level, None, "the top groups at level 3, the default");
}

/// The oerv biweeklies' shape under a progress title: `## 可见交付` › `### <person>` ›
/// `#### <what they handed in>`; each person is a point of 可见交付, their work their points.
#[test]
fn a_persons_work_stays_under_the_person_zh() {
    let week = import("groups-nested-zh");
    assert_eq!(kinds(&week), ["raw", "raw", "key_work", "next_week"]);
    assert_eq!(titles(&week, 2), ["可见交付"]);
    let Body::KeyWork(items) = &week.sections[2].body else {
        unreachable!()
    };
    assert_eq!(sub(&items[0]), ["张三", "李四"]);
    let (zhang, li) = (&items[0].points[0], &items[0].points[1]);
    assert_eq!(sub(zhang), ["补丁", "文档"]);
    assert_eq!(li.text.as_deref(), Some("本月主要在做测试框架。"));
    assert_eq!(sub(li), ["测试框架"]);
    assert_eq!(li.points[0].points.len(), 2);
    let layout = week.sections[2].layout.unwrap();
    assert!(layout.nested);
    assert_eq!(layout.level, Some(2));
}

/// A titled point is written as a heading a level below its item's only where the layout
/// nests; elsewhere it stays a line of the item's list, as before.
#[test]
fn a_titled_point_is_a_heading_only_where_the_layout_nests() {
    let yaml = |nested: &str| {
        format!(
            "date: 2024-03-08\nheader: false\nsections:\n\
             - heading: Team updates\n  layout: {{items: headings, points: bullet{nested}}}\n  key_work:\n\
             \x20 - title: Search\n    points:\n\
             \x20   - Kept the old index.\n\
             \x20   - title: Ranking\n      points: [Shipped it]\n"
        )
    };
    let out = render(&yaml(", nested: true"));
    insta::assert_snapshot!("rendered_nested", out);
    assert!(
        out.contains("### Search\n\n- Kept the old index.\n\n#### Ranking\n\n- Shipped it\n"),
        "{out}"
    );
    let flat = render(&yaml(""));
    assert!(
        flat.contains("### Search\n\n- Kept the old index.\n- Ranking\n    - Shipped it\n"),
        "{flat}"
    );
}

/// A rollup threads a group's groups with it: `Ranking` under `Search`.
#[test]
fn a_rollup_keeps_the_groups_under_their_group() {
    let dir = tempfile::tempdir().unwrap();
    let (yaml, _) = round_trip("import/groups-nested-en.md");
    std::fs::write(dir.path().join("2024-03-08.yaml"), yaml).unwrap();
    let (code, out, err) = crate::common::run(
        crate::common::weekly()
            .arg("rollup")
            .arg(dir.path())
            .args(["--month", "2024-03"]),
    );
    assert_eq!(code, 0, "{err}");
    let week = crate::import::week(&out);
    let search = week
        .sections
        .iter()
        .find_map(|s| match &s.body {
            Body::KeyWork(items) => items.iter().find(|i| i.title.as_deref() == Some("Search")),
            _ => None,
        })
        .expect("Search is a thread of the rollup");
    assert_eq!(sub(search), ["Ranking", "Indexing"]);
}
