//! Issue 11: words of the heading vocabulary that name a kind only where a reader would agree.
//! `Discussion`, `Topics`, `分享与讨论`, `待办` and the like name an agenda only in a meeting's
//! report (a title saying meeting, minutes, sync, 会议, 纪要 or 例会; another heading naming an
//! agenda, minutes, action items or the attendees; a meeting's header field such as
//! `会议时间：`); in a newsletter they name no kind. `近期进展` and `最新进展` name key work, with
//! the per-group reading of a progress heading; so does a heading naming progress on
//! something (`适配进展`, `Progress on the index`). Names of one kind joined by `/` or `、`
//! (`Completed/Merged`, `风险/阻塞`) name that kind; `Blocked` names risks as `阻塞` does.

use crate::import::{kinds, round_trip, work};
use weekly::week::{Body, Week};

/// Imports a fixture, checks it renders back the same, snapshots its YAML and returns the week.
fn import(name: &str) -> Week {
    let (yaml, week) = round_trip(&format!("import/{name}.md"));
    insta::assert_snapshot!(name, yaml);
    week
}

/// The titles of the topics of the agenda at section `i`.
fn topics(week: &Week, i: usize) -> Vec<&str> {
    let Body::Agenda(a) = &week.sections[i].body else {
        panic!("section {i} is not an agenda")
    };
    a.topics.iter().map(|t| t.title.as_str()).collect()
}

#[test]
fn discussion_in_a_newsletter_names_no_kind_en() {
    let week = import("discussion-newsletter-en");
    // `## Discussion` over a line and links to forum threads, `## Topics` over links: no agenda
    assert_eq!(kinds(&week), ["raw", "raw", "raw", "list"]);
    assert_eq!(week.sections[2].heading.as_deref(), Some("Discussion"));
}

#[test]
fn discussion_in_a_newsletter_names_no_kind_zh() {
    let week = import("discussion-newsletter-zh");
    assert_eq!(kinds(&week), ["raw", "raw", "raw", "list"]);
    assert_eq!(week.sections[2].heading.as_deref(), Some("分享与讨论"));
}

#[test]
fn discussion_in_minutes_is_an_agenda_en() {
    let week = import("discussion-minutes-en");
    // `## Attendees` says the report is a meeting's
    assert_eq!(kinds(&week), ["raw", "fields", "agenda"]);
    assert_eq!(topics(&week, 2), ["Release planning", "CI flakes"]);
}

#[test]
fn discussion_in_minutes_is_an_agenda_zh() {
    let week = import("discussion-minutes-zh");
    // the header fields `会议时间：` and `参会人员：` say the report is a meeting's
    assert_eq!(kinds(&week), ["fields", "agenda", "agenda"]);
    assert_eq!(topics(&week, 1), ["发布计划", "CI 不稳定"]);
    assert_eq!(topics(&week, 2), ["更新贡献指南"]);
}

/// The titles of the key-work items at section `i`.
fn titles(week: &Week, i: usize) -> Vec<Option<&str>> {
    let Body::KeyWork(items) = &week.sections[i].body else {
        panic!("section {i} is not key work")
    };
    items.iter().map(|t| t.title.as_deref()).collect()
}

#[test]
fn recent_progress_is_key_work_with_its_groups_zh() {
    let week = import("progress-recent-zh");
    // `## 近期进展` over `### 前端` (tight) and `### 后端流水线` (loose): one item per group
    assert_eq!(kinds(&week), ["raw", "key_work", "key_work", "raw"]);
    assert_eq!(titles(&week, 1), [Some("前端"), Some("后端流水线")]);
    assert_eq!(week.sections[2].heading.as_deref(), Some("最新进展"));
    assert_eq!(titles(&week, 2), [None, None]);
}

#[test]
fn progress_on_something_is_key_work_en() {
    let week = import("progress-on-en");
    assert_eq!(kinds(&week), ["raw", "key_work", "key_work", "next_week"]);
    let groups: Vec<_> = work(&week, 1)
        .iter()
        .filter_map(|i| i.title.as_deref())
        .collect();
    assert_eq!(groups, ["Sharding", "Caching"]);
    assert_eq!(work(&week, 2).len(), 2);
}

#[test]
fn progress_on_something_is_key_work_zh() {
    let week = import("progress-on-zh");
    assert_eq!(kinds(&week), ["raw", "key_work", "key_work", "next_week"]);
    assert_eq!(week.sections[1].heading.as_deref(), Some("适配进展"));
    let groups: Vec<_> = work(&week, 1)
        .iter()
        .filter_map(|i| i.title.as_deref())
        .collect();
    assert_eq!(groups, ["软件包", "镜像"]);
    assert_eq!(week.sections[2].heading.as_deref(), Some("测试进展"));
}

#[test]
fn names_of_one_kind_joined_name_it_en() {
    let week = import("joined-headings-en");
    // `Closed` names no kind (a ticket may be closed unmerged), so `Closed/Merged` names none
    assert_eq!(
        kinds(&week),
        ["raw", "key_work", "risks", "list", "next_week"]
    );
    assert_eq!(work(&week, 1).len(), 2);
}

#[test]
fn names_of_one_kind_joined_name_it_zh() {
    let week = import("joined-headings-zh");
    assert_eq!(
        kinds(&week),
        ["raw", "key_work", "risks", "list", "next_week"]
    );
    assert_eq!(week.sections[2].heading.as_deref(), Some("风险/阻塞"));
}
