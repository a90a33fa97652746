//! A folder of reports as people keep it: week files beside `weekly.toml`, a JSON Schema and a
//! CI file. `trend`, `check` and `render --out-dir` take the folder and read only the weeks.

use crate::common::{fixture, run, weekly};

#[test]
fn trend_reads_the_weeks_and_skips_the_schema_and_ci_file() {
    let (code, out, err) = run(weekly().args(["trend", &fixture("folders/reports")]));
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(
        out.starts_with("Metrics from 2023-W44 (2023-10-24) to 2023-W45 (2023-10-31), 2 weeks."),
        "{out}"
    );
}

#[test]
fn check_takes_a_folder_and_is_quiet_when_the_weeks_are_clean() {
    let (code, out, err) = run(weekly().args(["check", &fixture("folders/reports")]));
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
}

#[test]
fn a_file_named_on_the_command_line_is_always_read_as_a_week() {
    let schema = fixture("folders/reports/week.schema.json");
    let (code, _, err) = run(weekly().args(["check", &schema]));
    assert_eq!(code, 1);
    assert!(err.contains("week.schema.json:2:3"), "{err}");
    let (code, _, err) = run(weekly().args(["trend", &schema]));
    assert_eq!(code, 1);
    assert!(err.contains("week.schema.json:2:3"), "{err}");
}

/// A week with a misspelt `date:` still has `sections:`: it is reported, not skipped, so no
/// week goes missing from a trend without a word.
#[test]
fn a_broken_week_in_a_folder_is_reported_not_skipped() {
    let (code, out, err) = run(weekly().args(["trend", &fixture("folders/broken")]));
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.contains("broken/2023-W44.yaml:1:1"), "{err}");
    assert!(!err.contains("schema"), "{err}");
    let (code, _, err) = run(weekly().args(["check", &fixture("folders/broken")]));
    assert_eq!(code, 1);
    assert!(err.contains("broken/2023-W44.yaml:1:1"), "{err}");
    assert!(err.ends_with("error: 1 of 2 files had errors\n"), "{err}");
}

#[test]
fn render_out_dir_takes_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let (code, stdout, err) = run(weekly().args([
        "render",
        "--out-dir",
        &out.to_string_lossy(),
        &fixture("folders/reports"),
    ]));
    assert_eq!((code, stdout.as_str(), err.as_str()), (0, "", ""));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["2023-W44.md", "2023-W45.md"]);
    assert_eq!(
        std::fs::read_to_string(out.join("2023-W44.md")).unwrap(),
        crate::common::read("tests/golden/week44.md")
    );
}

#[test]
fn render_of_a_folder_without_out_dir_points_at_out_dir() {
    let (code, _, err) = run(weekly().args(["render", &fixture("folders/reports")]));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("it is a directory"), "{err}");
    assert!(err.contains("--out-dir"), "{err}");
}

#[test]
fn stdin_can_be_read_only_once() {
    for cmd in ["check", "trend", "merge"] {
        let (code, _, err) = run(weekly().args([cmd, "-", "-"]));
        assert_eq!(code, 2, "{cmd}: {err}");
        assert!(
            err.contains("stdin (`-`) can be read only once"),
            "{cmd}: {err}"
        );
    }
}

#[test]
fn a_folder_of_other_documents_only_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        crate::common::root().join(fixture("folders/reports/week.schema.json")),
        dir.path().join("week.schema.json"),
    )
    .unwrap();
    let name = dir.path().to_string_lossy().into_owned();
    for cmd in ["trend", "check"] {
        let (code, out, err) = run(weekly().args([cmd, &name]));
        assert_eq!((code, out.as_str()), (1, ""), "{cmd}");
        assert_eq!(
            err,
            format!("error: {name} holds no week files (only other YAML or JSON documents)\n"),
            "{cmd}"
        );
    }
}
