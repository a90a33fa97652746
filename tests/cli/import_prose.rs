//! Issue 11: what real reports write inside and around their work lists. Items whose points
//! hold a code block, a quote or HTML keep it as written (the `note`); paragraphs among the
//! lists under a heading that names a kind are items of their own, written back as paragraphs.

use crate::common::{fixture, run, weekly};
use crate::import::{kinds, render, round_trip, week as read_week, work};
use weekly::markdown::normalized;
use weekly::week::{Body, Week};

/// Imports a fixture, checks it renders back the same, snapshots its YAML and returns the week.
fn import(name: &str) -> Week {
    let (yaml, week) = round_trip(&format!("import/{name}.md"));
    insta::assert_snapshot!(name, yaml);
    week
}

/// Imports the fixture `rel` (under `tests/fixtures/`) beside a weekly.toml holding `config`,
/// checks that it renders back to the same document and returns the YAML and the week.
fn import_mapped(rel: &str, config: &str) -> (String, Week) {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(fixture(rel)).unwrap();
    std::fs::write(dir.path().join("report.md"), &original).unwrap();
    std::fs::write(dir.path().join("weekly.toml"), config).unwrap();
    let (code, yaml, err) = run(weekly()
        .current_dir(dir.path())
        .args(["import", "report.md"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(normalized(&render(&yaml)), normalized(&original), "{yaml}");
    let week = read_week(&yaml);
    (yaml, week)
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

const MAPPED_EN: &str = "[import.headings]\nRenderer = \"key_work\"\nText = \"key_work\"\n";

/// A component heading the user maps to key work, over paragraphs around a list: each paragraph
/// an item, written back as a paragraph before or after the list.
#[test]
fn paragraphs_around_a_list_under_a_mapped_heading_are_items_en() {
    let (yaml, week) = import_mapped("import/mapped-prose-en.md", MAPPED_EN);
    insta::assert_snapshot!("mapped-prose-en", yaml);
    assert_eq!(kinds(&week), ["raw", "key_work", "key_work", "raw"]);
    let items = work(&week, 1);
    let texts: Vec<_> = items.iter().filter_map(|i| i.text.as_deref()).collect();
    assert_eq!(
        texts,
        [
            "The renderer draws 2D scenes on the GPU.\nThis month it learned to clip.",
            "[renderer#12]: Clip paths",
            "[renderer#15]: Faster blur",
            "Thanks to everyone who tested the release."
        ]
    );
    let around = week.sections[1].layout.unwrap().paragraphs.unwrap();
    assert_eq!((around.before, around.after), (1, 1));
    assert!(
        yaml.contains("layout:\n    list: paragraphs\n  key_work:"),
        "{yaml}"
    );
    // the en template honours the layout as the zh one does
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("week.yaml"), &yaml).unwrap();
    let (code, out, err) =
        run(weekly()
            .current_dir(dir.path())
            .args(["render", "-t", "en", "week.yaml"]));
    assert_eq!(code, 0, "{err}");
    let original = std::fs::read_to_string(fixture("import/mapped-prose-en.md")).unwrap();
    assert_eq!(normalized(&out), normalized(&original));
}

#[test]
fn paragraphs_around_a_list_under_a_mapped_heading_are_items_zh() {
    let config = "[import.headings]\n\"编译器\" = \"key_work\"\n\"调试器\" = \"key_work\"\n";
    let (yaml, week) = import_mapped("import/mapped-prose-zh.md", config);
    insta::assert_snapshot!("mapped-prose-zh", yaml);
    assert_eq!(kinds(&week), ["raw", "key_work", "key_work", "raw"]);
    assert_eq!(work(&week, 1).len(), 4);
    assert_eq!(
        work(&week, 1)[3].text.as_deref(),
        Some("欢迎试用并反馈问题。")
    );
}

/// Without the mapping the component headings name no kind and their sections stay as written;
/// under a heading the vocabulary names, a lead line or a sign-off around the list is not read
/// as an item (`tidb:`, `@alice`: step 7 keeps them raw beside the list).
#[test]
fn paragraphs_around_a_list_are_items_only_under_a_mapped_heading() {
    let (_, week) = round_trip("import/mapped-prose-en.md");
    assert_eq!(kinds(&week), ["raw", "raw", "raw", "raw"]);
    let (_, week) = round_trip("import/shapes-en.md");
    assert_eq!(kinds(&week)[1..3], ["raw", "key_work"]);
}

/// A real newsletter (Linebender's December 2024) whose sections are named after its
/// projects: mapped in weekly.toml, the projects written as paragraphs around one list are key
/// work and the report renders back; Masonry (several lists) and Kompari (a figure and a code
/// block) are not in that shape.
#[test]
fn a_real_newsletter_with_its_component_headings_mapped_is_key_work() {
    let config = "[import.headings]\nPeniko = \"key_work\"\nColor = \"key_work\"\nVello = \"key_work\"\nParley = \"key_work\"\nKompari = \"key_work\"\nMasonry = \"key_work\"\nXilem = \"key_work\"\n";
    let rel =
        "import/real/linebender-linebender.github.io/content/blog/2025-01-13-tmil-12/index.md";
    let (yaml, week) = import_mapped(rel, config);
    let headed = |h: &str| {
        let s = week
            .sections
            .iter()
            .find(|s| s.heading.as_deref() == Some(h))
            .unwrap();
        s.body.kind().key()
    };
    for project in ["Peniko", "Color", "Vello", "Parley", "Xilem"] {
        assert_eq!(headed(project), "key_work", "{project}: {yaml}");
    }
    assert_eq!(headed("Masonry"), "raw");
    let vello = week
        .sections
        .iter()
        .find(|s| s.heading.as_deref() == Some("Vello"))
        .unwrap();
    let Body::KeyWork(items) = &vello.body else {
        unreachable!()
    };
    assert_eq!(items.len(), 6);
    assert_eq!(
        items[0]
            .text
            .as_deref()
            .map(|t| t.starts_with("Vello is our GPU")),
        Some(true)
    );
    assert_eq!(vello.layout.unwrap().paragraphs.unwrap().before, 2);
}

/// `总结` / `Summary` right under a heading that names a week is that week's summary (what the
/// vocabulary calls `本周总结`): key work. Under any other heading it may be an article's
/// conclusion or a reflection and names no kind; `目标` names none either.
#[test]
fn a_summary_under_a_week_heading_is_key_work_zh() {
    let week = import("week-summary-zh");
    assert_eq!(
        kinds(&week),
        ["raw", "raw", "key_work", "list", "raw", "raw"]
    );
    assert_eq!(work(&week, 2).len(), 2);
    assert_eq!(week.sections[3].heading.as_deref(), Some("目标"));
}

#[test]
fn a_summary_under_a_week_heading_is_key_work_en() {
    let week = import("week-summary-en");
    assert_eq!(kinds(&week), ["raw", "raw", "key_work", "raw", "list"]);
    assert_eq!(work(&week, 2)[1].text.as_deref(), Some("Finished lab 4"));
}
