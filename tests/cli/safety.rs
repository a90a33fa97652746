//! Nothing lost, nothing let in (issue 15): outputs that would replace a file the user keeps or
//! an input of the same run, imports that must keep every byte, templates that must stay in
//! their folder, an HTML page that runs and fetches nothing, full-width names as keys.

use std::path::Path;

use crate::common::{root, run, weekly};

const REPORT: &str = "tests/golden/week44.md";
const WEEK: &str = "tests/fixtures/bad/ok.yaml";

/// Copies a file under the root into `dir` as `name`; returns the new path.
fn copy(rel: &str, dir: &Path, name: &str) -> std::path::PathBuf {
    let to = dir.join(name);
    std::fs::copy(root().join(rel), &to).unwrap();
    to
}

/// A hand-edited week in `--out-dir` is kept unless `--force`.
#[test]
fn import_out_dir_keeps_existing_week_files() {
    let tmp = tempfile::tempdir().unwrap();
    let md = copy(REPORT, tmp.path(), "第44周.md");
    let reports = tmp.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    let kept = reports.join("第44周.yaml");
    std::fs::write(&kept, "# edited by hand\n").unwrap();
    let (code, _, err) = run(weekly()
        .arg("import")
        .arg(&md)
        .arg("--out-dir")
        .arg(&reports));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("第44周.yaml") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&kept).unwrap(),
        "# edited by hand\n"
    );
    let (code, _, err) = run(weekly()
        .arg("import")
        .arg(&md)
        .arg("--out-dir")
        .arg(&reports)
        .arg("--force"));
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read_to_string(&kept).unwrap().contains("sections"));
}

/// `import -o FILE` and `render -o FILE` keep an existing file unless `--force`.
#[test]
fn existing_output_needs_force() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out.txt");
    for args in [["import", REPORT], ["render", WEEK]] {
        std::fs::write(&out, "mine\n").unwrap();
        let (code, _, err) = run(weekly().args(args).arg("-o").arg(&out));
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(
            err.contains("out.txt already exists") && err.contains("--force"),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine\n");
        let (code, _, err) = run(weekly().args(args).arg("-o").arg(&out).arg("--force"));
        assert_eq!(code, 0, "{args:?}: {err}");
        assert_ne!(std::fs::read_to_string(&out).unwrap(), "mine\n");
    }
}

/// `render --out-dir` keeps an existing output unless `--force`.
#[test]
fn render_out_dir_keeps_existing_files() {
    let tmp = tempfile::tempdir().unwrap();
    let kept = tmp.path().join("ok.md");
    std::fs::write(&kept, "mine\n").unwrap();
    let (code, _, err) = run(weekly().args(["render", WEEK, "--out-dir"]).arg(tmp.path()));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("ok.md already exists"), "{err}");
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "mine\n");
    let (code, _, err) = run(weekly()
        .args(["render", WEEK, "--force", "--out-dir"])
        .arg(tmp.path()));
    assert_eq!(code, 0, "{err}");
    assert_ne!(std::fs::read_to_string(&kept).unwrap(), "mine\n");
}

/// Never onto an input of the same run, even with `--force`, by any name (the same path, a
/// symlink, a hard link): exit 1 and both paths named.
#[cfg(unix)]
#[test]
fn output_onto_its_own_input_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let md = copy(REPORT, tmp.path(), "r.md");
    let yaml = copy(WEEK, tmp.path(), "w.yaml");
    std::os::unix::fs::symlink("r.md", tmp.path().join("link.md")).unwrap();
    std::fs::hard_link(&yaml, tmp.path().join("hard.yaml")).unwrap();
    let cases = [
        ("import", "r.md", "r.md"),
        ("import", "r.md", "./link.md"),
        ("render", "w.yaml", "w.yaml"),
        ("render", "w.yaml", "hard.yaml"),
    ];
    for (command, input, output) in cases {
        let (code, _, err) = run(weekly()
            .current_dir(tmp.path())
            .args([command, input, "--force", "-o", output]));
        assert_eq!(code, 1, "{command} {input} -o {output}: {err}");
        assert!(
            err.contains(input) && err.contains(output) && err.contains("input"),
            "{err}"
        );
    }
    for command in ["merge", "trend"] {
        let (code, _, err) =
            run(weekly()
                .current_dir(tmp.path())
                .args([command, "w.yaml", "-o", "hard.yaml"]));
        assert_eq!(code, 1, "{command}: {err}");
        assert!(err.contains("an input of this run"), "{err}");
    }
    assert_eq!(
        std::fs::read(&md).unwrap(),
        std::fs::read(root().join(REPORT)).unwrap()
    );
    assert_eq!(
        std::fs::read(&yaml).unwrap(),
        std::fs::read(root().join(WEEK)).unwrap()
    );
}

/// `render --out-dir .` next to its input `w.md` (week YAML named .md) would replace it.
#[test]
fn out_dir_onto_an_input_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let week = copy(WEEK, tmp.path(), "w.md");
    let (code, _, err) =
        run(weekly()
            .current_dir(tmp.path())
            .args(["render", "w.md", "--force", "--out-dir", "."]));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("w.md") && err.contains("input"), "{err}");
    assert_eq!(
        std::fs::read(&week).unwrap(),
        std::fs::read(root().join(WEEK)).unwrap()
    );
}
