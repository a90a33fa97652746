//! `weekly import --out-dir` of a folder tree: years of reports kept in folders (`2018/Q4/`,
//! a blog's `<post>/index.md`, a Notion export's page folders) are found at any depth, each
//! gets a file of its own in the flat output folder, and nothing outside the tree is read.

use std::path::Path;

use crate::common::{root, run, weekly};

/// Copies fixture `from` (under `tests/fixtures/import/`) to `to` below `dir`.
fn put(dir: &Path, from: &str, to: &str) {
    let target = dir.join(to);
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    std::fs::copy(root().join("tests/fixtures/import").join(from), target).unwrap();
}

/// The names of the files in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_tree_of_reports_is_read_at_any_depth_into_one_flat_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let tree = tmp.path().join("archive");
    put(&tree, "individual-en.md", "notes.md");
    put(&tree, "team-okr-zh.md", "2023/Q4/第44周.md");
    // two posts both named index.md: each keeps its own file
    put(&tree, "individual-en.md", "blog/2024-01-08-update/index.md");
    put(&tree, "individual-en.md", "blog/2024-01-15-update/index.md");
    // hidden folders (a checkout's .git) are not read
    put(&tree, "individual-en.md", ".git/info/old.md");
    let out = tmp.path().join("out");
    let (code, stdout, err) = run(weekly().arg("import").arg(&tree).arg("--out-dir").arg(&out));
    assert_eq!(code, 0, "{err}");
    assert!(stdout.is_empty());
    assert!(err.contains("imported 4 of 4 reports"), "{err}");
    assert_eq!(
        names(&out),
        [
            "2023__Q4__第44周.yaml",
            "blog__2024-01-08-update__index.yaml",
            "blog__2024-01-15-update__index.yaml",
            "notes.yaml"
        ]
    );
}

#[test]
fn a_report_dated_only_by_its_folders_is_found_below_the_folder_given() {
    let tmp = tempfile::tempdir().unwrap();
    let tree = tmp.path().join("minutes");
    let report = tree.join("2021/11/27/sync.md");
    std::fs::create_dir_all(report.parent().unwrap()).unwrap();
    std::fs::write(&report, "# Sync\n\n## Done\n\n- shipped the exporter\n").unwrap();
    let out = tmp.path().join("out");
    let (code, _, err) = run(weekly().arg("import").arg(&tree).arg("--out-dir").arg(&out));
    assert_eq!(code, 0, "{err}");
    let yaml = std::fs::read_to_string(out.join("2021__11__27__sync.yaml")).unwrap();
    assert!(yaml.starts_with("date: 2021-11-27\n"), "{yaml}");
}

#[cfg(unix)]
#[test]
fn a_link_back_up_the_tree_is_not_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let tree = tmp.path().join("reports");
    put(&tree, "individual-en.md", "a/notes.md");
    std::os::unix::fs::symlink("..", tree.join("a/up")).unwrap();
    let out = tmp.path().join("out");
    let (code, _, err) = run(weekly().arg("import").arg(&tree).arg("--out-dir").arg(&out));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("imported 1 of 1 reports"), "{err}");
    assert_eq!(names(&out), ["a__notes.yaml"]);
}

#[test]
fn a_folder_without_reports_at_any_depth_is_an_error_naming_it() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("empty");
    std::fs::create_dir_all(empty.join("sub")).unwrap();
    std::fs::write(empty.join("sub/notes.txt"), "not markdown").unwrap();
    let out = tmp.path().join("out");
    let (code, _, err) =
        run(weekly()
            .current_dir(tmp.path())
            .args(["import", "empty", "--out-dir", "out"]));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.starts_with(
            "error: empty: the folder holds no .md files, at any depth (hidden folders are \
             skipped)\n"
        ),
        "{err}"
    );
    assert!(!out.join("notes.yaml").exists());
}

#[test]
fn the_folder_error_is_in_chinese_for_a_chinese_reader() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("空")).unwrap();
    let (code, _, err) = run(weekly()
        .current_dir(tmp.path())
        .env("LANG", "zh_CN.UTF-8")
        .args(["import", "空", "--out-dir", "out"]));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("空：文件夹里（含各级子文件夹）没有 .md 文件"),
        "{err}"
    );
}

/// Two newsletters that both write `Vello` and one that also writes `Kurbo` (titles that name
/// no progress report, so those sections stay as written): one file of each
/// is written under `dir`.
fn newsletters(dir: &Path) {
    let week = |n: u32, extra: &str| {
        format!(
            "# Newsletter 2024-01-{n:02}\n\n## Vello\n\nThe renderer got faster.\n\n{extra}## Done\n\n- shipped\n"
        )
    };
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("a.md"), week(8, "## Kurbo\n\nNew curves.\n\n")).unwrap();
    std::fs::write(dir.join("b.md"), week(15, "")).unwrap();
}

#[test]
fn a_batch_names_the_headings_that_named_no_kind_once_with_how_many_reports_wrote_each() {
    let tmp = tempfile::tempdir().unwrap();
    newsletters(&tmp.path().join("posts"));
    let (code, _, err) =
        run(weekly()
            .current_dir(tmp.path())
            .args(["import", "posts", "--out-dir", "out"]));
    assert_eq!(code, 0, "{err}");
    // not once per report: once for the batch, the most written first
    assert_eq!(err.matches("name no kind").count(), 1, "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[lines.len() - 2],
        "note: 2 headings name no kind in 2 of 2 reports, so their sections were kept as \
         written; most written first: `Vello` (2 reports), `Kurbo` (1 report); if your reports \
         write such a section every week, give its kind once in weekly.toml and import again with --force, \
         e.g. `[import.headings]` `\"Vello\" = \"key_work\"` (or next_week, risks, metrics, \
         other, agenda, text …)"
    );
    assert!(lines[lines.len() - 1].starts_with("imported 2 of 2 reports into out: "));
}

#[test]
fn a_single_report_still_says_its_own_headings_at_their_line() {
    let tmp = tempfile::tempdir().unwrap();
    newsletters(&tmp.path().join("posts"));
    let (code, _, err) = run(weekly()
        .current_dir(tmp.path())
        .args(["import", "posts/a.md"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("note: posts/a.md:3: 2 headings name no kind"),
        "{err}"
    );
}

#[test]
fn the_batch_note_is_in_chinese_for_a_chinese_reader() {
    let tmp = tempfile::tempdir().unwrap();
    newsletters(&tmp.path().join("posts"));
    let (code, _, err) = run(weekly()
        .current_dir(tmp.path())
        .env("LANG", "zh_CN.UTF-8")
        .args(["import", "posts", "--out-dir", "out"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(
            "note: 2 份周报中，有 2 份的 2 个标题没有对应的类型，这些节按原文保留；\
             按出现的周报数排列：`Vello`（2 份）、`Kurbo`（1 份）；"
        ),
        "{err}"
    );
}
