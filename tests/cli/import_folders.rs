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
