//! `weekly merge --people`: each file that names its author becomes that person's update in
//! one `people` section (key work as done, next week as next, open risks as blocked); the rest
//! merges as usual, and without the flag nothing changes.

use crate::common::{fixture, run, weekly};
use crate::import::render;
use insta_cmd::assert_cmd_snapshot;

fn m(name: &str) -> String {
    fixture(&format!("merge/people-{name}.yaml"))
}

#[test]
fn team_files_become_one_people_section() {
    assert_cmd_snapshot!(weekly().args([
        "merge",
        "--people",
        &m("lead"),
        &m("alice"),
        &m("bob"),
        &m("anon")
    ]));
}

#[test]
fn the_people_render_in_both_languages() {
    let (code, yaml, err) =
        run(weekly().args(["merge", "--people", &m("lead"), &m("alice"), &m("bob")]));
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("people_zh", render(&yaml));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("merged.yaml");
    std::fs::write(&path, &yaml).unwrap();
    let (code, en, err) = run(weekly().args(["render", "-t", "en"]).arg(&path));
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("people_en", en);
}

#[test]
fn each_part_comes_from_its_section() {
    let (code, out, err) =
        run(weekly().args(["merge", "--people", &m("lead"), &m("alice"), &m("bob")]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out.matches("- people:").count(), 1, "{out}");
    assert!(!out.contains("key_work"), "{out}");
    assert!(!out.contains("next_week"), "{out}");
    let pos = |s: &str| out.find(s).unwrap_or_else(|| panic!("{s} missing:\n{out}"));
    assert!(pos("name: 张三") < pos("name: \"@alice\"") && pos("@alice") < pos("@bob"));
    assert!(
        pos("blocked:\n    - 依赖 DBA 扩容") > pos("@alice"),
        "{out}"
    );
    // a closed risk blocks nobody: it stays a risk, credited to its author
    assert!(
        out.contains("- risks:\n  - text: 供应商延期\n    status: closed\n    owner: \"@alice\""),
        "{out}"
    );
    assert!(!out.contains("- 供应商延期"), "{out}");
    // what is no part of an update merges as before, its author the owner of its items
    assert!(
        out.contains("- text: 需要一台测试机\n    owner: \"@bob\""),
        "{out}"
    );
    assert!(out.contains("搜索成功率：99.95%"), "{out}");
}

#[test]
fn a_file_without_an_author_folds_as_usual() {
    let (code, out, err) = run(weekly().args(["merge", "--people", &m("lead"), &m("anon")]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.contains("key_work:\n  - 值班交接文档"), "{out}");
    assert!(out.contains("name: 张三"), "{out}");
}

#[test]
fn without_the_flag_nothing_becomes_people() {
    let (code, out, err) = run(weekly().args(["merge", &m("lead"), &m("alice"), &m("bob")]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(!out.contains("people:"), "{out}");
    assert!(
        out.contains("- text: 调优排序\n    owner: \"@alice\""),
        "{out}"
    );
}
