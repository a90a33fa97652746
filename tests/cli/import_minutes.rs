//! Issue 11: minutes and status reports. The headings people write in an individual's or a
//! team's status report and in meeting minutes name kinds in both languages, emoji and emoji
//! shortcodes ignored (`Status Update 🚀`, `本周总结` key work; `Plan`, `计划` next week;
//! `Notes :book:`, `备注`, `Announcement` other; `Action Points`, `行动项` an agenda of actions).
//! A status emoji before or after an item (`✅`, `🚧`, `⏳`, `⛔`; not `❌`) is its status. A list of
//! header fields opening a section (`* Owner: tmandry`, `- 负责人：张三`) is `fields`, what
//! follows raw; a plain label may be a role of up to three words (`Action item scribe`). A
//! heading such as `Attendees`, `Recording` or `参会人员` over a list of names is one field.

use crate::import::{kinds, round_trip};
use weekly::week::{Body, Status, Week};

/// Imports a fixture, checks it renders back the same, snapshots its YAML and returns the week.
fn import(name: &str) -> Week {
    let (yaml, week) = round_trip(&format!("import/{name}.md"));
    insta::assert_snapshot!(name, yaml);
    week
}

fn owners(week: &Week, i: usize) -> Vec<&str> {
    let Body::Agenda(a) = &week.sections[i].body else {
        panic!("section {i} is not an agenda")
    };
    a.topics.iter().filter_map(|t| t.owner.as_deref()).collect()
}

#[test]
fn status_report_and_minutes_headings_name_kinds_en() {
    let week = import("minutes-en");
    assert_eq!(
        kinds(&week),
        ["raw", "key_work", "other", "other", "agenda", "next_week"]
    );
    assert_eq!(
        week.sections[2].heading.as_deref(),
        Some("Announcement :loudspeaker:"),
        "the heading is kept as written, shortcode and all"
    );
    assert_eq!(owners(&week, 4), ["@maria", "@tom"]);
}

#[test]
fn status_report_and_minutes_headings_name_kinds_zh() {
    let week = import("minutes-zh");
    assert_eq!(
        kinds(&week),
        ["raw", "key_work", "other", "agenda", "next_week"]
    );
    assert_eq!(week.sections[1].heading.as_deref(), Some("📌 本周总结"));
    assert_eq!(owners(&week, 3), ["@maria", "@tom"]);
}

fn statuses(week: &Week, i: usize) -> Vec<Option<Status>> {
    let items = match &week.sections[i].body {
        Body::KeyWork(items) | Body::NextWeek(items) => items,
        _ => panic!("section {i} is neither key work nor next week"),
    };
    items.iter().map(|i| i.status()).collect()
}

#[test]
fn status_emoji_before_or_after_an_item_are_its_status_zh() {
    let week = import("status-markers-zh");
    assert_eq!(kinds(&week), ["raw", "key_work", "next_week"]);
    use Status::*;
    assert_eq!(
        statuses(&week, 1),
        [Some(Done), Some(Doing), Some(Doing), None]
    );
    assert_eq!(statuses(&week, 2), [Some(Doing), None]);
}

#[test]
fn status_emoji_before_or_after_an_item_are_its_status_en() {
    let week = import("status-markers-en");
    assert_eq!(kinds(&week), ["raw", "key_work", "next_week"]);
    use Status::*;
    assert_eq!(
        statuses(&week, 1),
        [Some(Done), Some(Doing), None, Some(Done)]
    );
    assert_eq!(statuses(&week, 2), [Some(Blocked), None]);
}

fn labels(week: &Week, i: usize) -> Vec<&str> {
    let Body::Fields(f) = &week.sections[i].body else {
        panic!("section {i} is not fields")
    };
    f.iter().map(|f| f.label.as_str()).collect()
}

#[test]
fn header_fields_opening_a_section_are_fields_en() {
    let week = import("fields-leading-en");
    assert_eq!(kinds(&week), ["fields", "raw", "fields"]);
    assert_eq!(labels(&week, 0), ["Owner", "Liaison/author"]);
    assert_eq!(
        week.sections[1].heading, None,
        "the rest follows the fields"
    );
    assert_eq!(
        labels(&week, 2),
        ["Team", "Action item scribe", "Minutes scribe"]
    );
}

#[test]
fn header_fields_opening_a_section_are_fields_zh() {
    let week = import("fields-leading-zh");
    assert_eq!(kinds(&week), ["fields", "raw"]);
    assert_eq!(labels(&week, 0), ["负责人", "汇报人"]);
}

fn items(week: &Week, i: usize) -> Vec<&str> {
    let Body::Fields(f) = &week.sections[i].body else {
        panic!("section {i} is not fields")
    };
    assert_eq!(f.len(), 1);
    f[0].items.iter().map(String::as_str).collect()
}

#[test]
fn attendees_under_their_heading_are_one_field_en() {
    let week = import("attendees-en");
    assert_eq!(kinds(&week), ["raw", "fields", "fields", "other"]);
    assert_eq!(labels(&week, 1), ["Attendees"]);
    assert_eq!(items(&week, 1), ["@maria", "@tom (notes)", "@lee"]);
    assert_eq!(labels(&week, 2), ["Recording"]);
}

#[test]
fn attendees_under_their_heading_are_one_field_zh() {
    let week = import("attendees-zh");
    assert_eq!(kinds(&week), ["raw", "fields", "other"]);
    assert_eq!(items(&week, 1), ["张三", "李四（记录）", "王五"]);
}
