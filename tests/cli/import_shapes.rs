//! Issue 11 §2: the shapes real reports write lists in (a lead line and a sign-off around the
//! list, nested bullets, blank lines between items, numbered lists, `*`/`+` bullets, 3-space
//! indentation, hard-wrapped items, backslash escapes, task checkboxes, prose plans, CRLF) are
//! recognised as their kind and render back with the same structure and text.

use crate::import::{kinds, round_trip as import};
use weekly::week::{Body, Status};

#[test]
fn a_list_with_a_lead_line_and_a_sign_off_is_its_kind() {
    let (yaml, week) = import("import/shapes-en.md");
    assert_eq!(
        kinds(&week),
        [
            "raw",
            "raw",
            "key_work",
            "raw",
            "next_week",
            "raw",
            "next_week",
            "key_work"
        ],
        "{yaml}"
    );
    // the lead line stays under the heading; the list prints no heading of its own
    assert_eq!(
        week.sections[1].heading.as_deref(),
        Some("What we did this week")
    );
    assert_eq!(week.sections[2].heading.as_deref(), Some(""));
    let Body::KeyWork(work) = &week.sections[2].body else {
        unreachable!()
    };
    assert_eq!(work[0].points.len(), 2, "nested `+` bullets are points");
    assert_eq!(work[1].status(), Some(Status::Done), "[x] is done");
    let Body::NextWeek(plans) = &week.sections[4].body else {
        unreachable!()
    };
    assert_eq!(
        plans[1].points.len(),
        2,
        "numbered points under a loose list"
    );
    assert!(
        yaml.contains("list: paragraphs"),
        "a prose 下周计划: {yaml}"
    );
    let numbered = week.sections[7].layout.unwrap();
    assert!(numbered.list.is_some(), "numbered key work: {yaml}");
}

#[test]
fn crlf_reports_are_read_as_lf() {
    let (_, week) = import("import/crlf-done-en.md");
    assert_eq!(kinds(&week), ["raw", "key_work"]);
    // a raw HTML block keeps its line endings: the check that the week renders back compares
    // with the report as read, `\r\n` made `\n` (a real report was refused for it)
    let (_, week) = import("import/crlf-html-zh.md");
    assert_eq!(kinds(&week), ["raw", "key_work"]);
}
