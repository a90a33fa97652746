//! Issue 11: what real reports write inside and around their work lists. Items whose points
//! hold a code block, a quote or HTML keep it as written (the `note`); paragraphs among the
//! lists under a heading that names a kind are items of their own, written back as paragraphs.

use crate::import::{kinds, round_trip};
use weekly::week::{Body, Item, Week};

/// Imports a fixture, checks it renders back the same, snapshots its YAML and returns the week.
fn import(name: &str) -> Week {
    let (yaml, week) = round_trip(&format!("import/{name}.md"));
    insta::assert_snapshot!(name, yaml);
    week
}

fn work(week: &Week, i: usize) -> &[Item] {
    let Body::KeyWork(items) = &week.sections[i].body else {
        panic!("section {i} is not key work")
    };
    items
}

#[test]
fn code_blocks_under_key_work_points_are_kept_as_their_note_zh() {
    let week = import("nested-blocks-zh");
    assert_eq!(kinds(&week), ["raw", "key_work", "next_week"]);
    let items = work(&week, 1);
    assert_eq!(items.len(), 3);
    assert_eq!(
        items[0].points[0].text.as_deref(),
        Some("<https://example.org/build/pulls/12>")
    );
    let hang = &items[1].points[0];
    assert_eq!(hang.text.as_deref(), Some("在 setup 阶段卡住，复现命令："));
    assert_eq!(
        hang.note.as_deref(),
        Some("```bash\nmake test-setup\n./run.sh --verbose\n```")
    );
    assert!(
        items[2].points[0]
            .note
            .as_deref()
            .unwrap()
            .starts_with("```toml\n")
    );
}

#[test]
fn code_blocks_and_quotes_under_key_work_items_are_kept_as_their_note_en() {
    let week = import("nested-blocks-en");
    assert_eq!(kinds(&week), ["raw", "key_work", "next_week"]);
    let items = work(&week, 1);
    assert!(
        items[1].points[0]
            .note
            .as_deref()
            .unwrap()
            .starts_with("```sh\n")
    );
    assert_eq!(
        items[2].note.as_deref(),
        Some("> Deploys go out on Tuesdays only.")
    );
}
