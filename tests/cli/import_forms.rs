//! Issue 11, the forms meeting minutes and newsletters write: bold pseudo-headings, header
//! fields as paragraphs or plain bullets, a table with text around it, a thematic break after a
//! list, bold item titles, numbered or loose lists of known kinds. Each fixture imports to the
//! YAML under its snapshot and renders back with the same structure and text.

use crate::import::{kinds, round_trip};
use weekly::week::{Body, HeadingStyle, LabelStyle, ListStyle, Week};

/// Imports a fixture, checks it renders back the same, snapshots its YAML and returns the week.
fn import(name: &str) -> Week {
    let (yaml, week) = round_trip(&format!("import/{name}.md"));
    insta::assert_snapshot!(name, yaml);
    week
}

fn style(week: &Week, i: usize) -> Option<HeadingStyle> {
    week.sections[i].layout.and_then(|l| l.heading_style)
}

#[test]
fn bold_paragraphs_cut_sections_as_headings_zh() {
    let week = import("bold-headings-zh");
    assert_eq!(
        kinds(&week),
        ["raw", "raw", "raw", "raw", "next_week", "list"]
    );
    assert_eq!(week.sections[3].heading.as_deref(), Some("Layotto："));
    assert_eq!(week.sections[3].level, Some(3), "one below `## 社区会议`");
    assert_eq!(style(&week, 4), Some(HeadingStyle::Bold));
    assert_eq!(style(&week, 5), Some(HeadingStyle::BoldColonAfter));
    assert_eq!(style(&week, 1), None, "a `#` heading");
}

#[test]
fn bold_paragraphs_cut_sections_as_headings_en() {
    let week = import("bold-headings-en");
    assert_eq!(kinds(&week), ["raw", "key_work", "next_week", "other"]);
    assert!(matches!(&week.sections[2].body, Body::NextWeek(p) if p.len() == 2));
    assert_eq!(style(&week, 3), Some(HeadingStyle::BoldColonAfter));
}

fn labels(week: &Week, i: usize) -> Option<LabelStyle> {
    week.sections[i].layout.and_then(|l| l.labels)
}

fn field_values(week: &Week, i: usize) -> Vec<(String, Option<String>)> {
    let Body::Fields(f) = &week.sections[i].body else {
        panic!(
            "section {i} is not fields: {:?}",
            week.sections[i].body.kind()
        )
    };
    f.iter()
        .map(|f| (f.label.clone(), f.value.clone()))
        .collect()
}

#[test]
fn fields_as_plain_bullets_and_paragraphs_zh() {
    let week = import("fields-plain-zh");
    assert_eq!(kinds(&week), ["raw", "fields", "fields", "fields"]);
    assert_eq!(
        field_values(&week, 1)[0],
        ("会议时间".into(), Some("2024-03-07 19:00 - 20:00".into()))
    );
    assert_eq!(labels(&week, 1), Some(LabelStyle::Plain));
    assert_eq!(labels(&week, 2), Some(LabelStyle::BoldColonAfter));
    assert_eq!(labels(&week, 3), Some(LabelStyle::BoldTight));
    let paragraphs = week.sections[2].layout.and_then(|l| l.list);
    assert_eq!(paragraphs, Some(ListStyle::Paragraphs));
}

#[test]
fn fields_as_plain_bullets_and_paragraphs_en() {
    let week = import("fields-plain-en");
    assert_eq!(kinds(&week), ["fields", "fields"]);
    assert_eq!(
        field_values(&week, 1)[1],
        ("Location".into(), Some("the usual room".into()))
    );
    assert_eq!(labels(&week, 0), Some(LabelStyle::Plain));
}

#[test]
fn a_table_with_text_around_it_is_a_table_zh() {
    let week = import("table-around-zh");
    assert_eq!(kinds(&week), ["raw", "raw", "table", "raw", "table", "raw"]);
    assert_eq!(week.sections[1].heading.as_deref(), Some("赛题讲解"));
    assert_eq!(week.sections[2].heading.as_deref(), Some(""), "no heading");
    assert_eq!(week.sections[4].heading.as_deref(), Some("活动安排"));
    let Body::Table(t) = &week.sections[2].body else {
        unreachable!()
    };
    assert_eq!(t.rows.len(), 2);
}

#[test]
fn a_table_with_text_around_it_is_a_table_en() {
    let week = import("table-around-en");
    assert_eq!(kinds(&week), ["raw", "raw", "table"]);
}

#[test]
fn a_thematic_break_after_a_list_stays_beside_it_zh() {
    let week = import("rule-after-list-zh");
    assert_eq!(
        kinds(&week),
        ["raw", "fields", "raw", "list", "raw", "next_week", "raw"]
    );
    assert!(matches!(&week.sections[4].body, Body::Raw(r) if r == "***"));
}

#[test]
fn a_thematic_break_after_a_list_stays_beside_it_en() {
    let week = import("rule-after-list-en");
    assert_eq!(kinds(&week), ["raw", "list", "raw", "risks", "raw"]);
}

/// The (title, text) of each item of section `i`.
fn titles(week: &Week, i: usize) -> Vec<(Option<String>, Option<String>)> {
    let items = week.sections[i].body.items().expect("a list section");
    items
        .iter()
        .map(|i| (i.title.clone(), i.text.clone()))
        .collect()
}

#[test]
fn bold_item_titles_are_titles_zh() {
    let week = import("bold-titles-zh");
    assert_eq!(kinds(&week), ["raw", "key_work", "next_week"]);
    let work = titles(&week, 1);
    assert_eq!(
        work[0],
        (
            Some("搜索页上线".into()),
            Some("完成灰度发布，覆盖 30% 用户".into())
        )
    );
    assert_eq!(work[2], (None, Some("整理了发布文档".into())));
    assert_eq!(labels(&week, 2), Some(LabelStyle::BoldColonAfter));
}

#[test]
fn bold_item_titles_are_titles_en() {
    let week = import("bold-titles-en");
    assert_eq!(kinds(&week), ["raw", "key_work", "next_week"]);
    assert_eq!(titles(&week, 1)[1].0.as_deref(), Some("Login"));
    assert_eq!(labels(&week, 1), Some(LabelStyle::Bold));
    assert_eq!(labels(&week, 2), Some(LabelStyle::BoldColonAfter));
}

fn layout(week: &Week, i: usize) -> weekly::week::Layout {
    week.sections[i].layout.expect("a layout")
}

#[test]
fn numbered_and_loose_risks_and_key_work_keep_their_layout_zh() {
    let week = import("loose-lists-zh");
    assert_eq!(kinds(&week), ["raw", "key_work", "risks", "next_week"]);
    assert!(layout(&week, 1).loose, "blank lines between key work items");
    assert_eq!(layout(&week, 2).list, Some(ListStyle::Numbered));
    assert!(layout(&week, 3).loose);
}

#[test]
fn numbered_and_loose_risks_and_key_work_keep_their_layout_en() {
    let week = import("loose-lists-en");
    assert_eq!(kinds(&week), ["raw", "risks", "key_work"]);
    assert!(layout(&week, 1).loose);
    assert_eq!(layout(&week, 2).start, Some(3));
}

#[test]
fn fields_among_paragraphs_are_fields_zh() {
    let week = import("fields-around-zh");
    assert_eq!(kinds(&week), ["raw", "raw", "fields", "raw"]);
    assert_eq!(week.sections[2].heading.as_deref(), Some(""));
    assert_eq!(field_values(&week, 2)[1].0, "地址");
}

#[test]
fn fields_among_paragraphs_are_fields_en() {
    let week = import("fields-around-en");
    assert_eq!(kinds(&week), ["raw", "raw", "fields"]);
    assert_eq!(
        field_values(&week, 2)[0],
        ("Time".into(), Some("18:00 CET".into()))
    );
}
