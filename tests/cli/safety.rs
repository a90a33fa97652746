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
    std::fs::write(tmp.path().join("t.md.j2"), "{{ week.date }}\n").unwrap();
    let (code, _, err) = run(weekly().current_dir(tmp.path()).args([
        "render",
        "w.yaml",
        "--template",
        "t.md.j2",
        "--force",
        "-o",
        "t.md.j2",
    ]));
    assert_eq!(code, 1, "render onto its template: {err}");
    assert!(err.contains("t.md.j2, an input of this run"), "{err}");
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

/// The reference report with full-width indentation (U+3000) and no-break spaces (U+00A0) at
/// the ends of items of every kind, and a section ending in an indented code block whose lines
/// end in spaces.
fn report_with_unicode_spaces() -> String {
    let golden = crate::common::read(REPORT);
    let edits = [
        ("- 平安存管接入", "- \u{3000}平安存管接入"),
        ("计划11/9上线\n- 杭州", "计划11/9上线\u{a0}\n- 杭州"),
        (
            "调研情况总结，并输出",
            "\u{3000}\u{3000}调研情况总结，并输出",
        ),
        (
            "- 入金有效成功率：99.997%",
            "- 入金有效成功率：99.997%\u{a0}",
        ),
        ("会议和研讨", "会议和研讨\u{3000}"),
        ("1. 银行虚户的系统设计", "1. \u{a0}银行虚户的系统设计"),
        ("读村上春树", "\u{3000}\u{3000}读村上春树"),
        (
            "## 收获与反思",
            "## 日志\n\n    line one  \n\n    last line  \n\n## 收获与反思",
        ),
    ];
    let mut text = golden;
    for (from, to) in edits {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, to, 1);
    }
    text
}

/// Imports `text` (as a file in a temp folder) and renders the YAML back.
fn round_trip(text: &str) -> (String, String) {
    let tmp = tempfile::tempdir().unwrap();
    let md = tmp.path().join("report.md");
    std::fs::write(&md, text).unwrap();
    let (code, yaml, err) = run(weekly().arg("import").arg(&md));
    assert_eq!(code, 0, "{err}");
    (crate::import::render(&yaml), err)
}

/// Import never loses a byte: U+3000, U+00A0 and a code block's trailing spaces come back.
#[test]
fn import_keeps_unicode_spaces_and_code_exactly() {
    let text = report_with_unicode_spaces();
    let (back, _) = round_trip(&text);
    assert_eq!(back, text);
}

/// The self-check compares code exactly and only ASCII whitespace loosely.
#[test]
fn normalized_keeps_unicode_spaces_and_code() {
    use weekly::markdown::normalized;
    assert_ne!(normalized("- \u{3000}a\n"), normalized("- a\n"));
    assert_ne!(normalized("a\u{a0}\n"), normalized("a\n"));
    assert_ne!(normalized("    x  \n"), normalized("    x\n"));
    assert_ne!(normalized("```\nx\n\n\n"), normalized("```\nx\n"));
    assert_eq!(normalized("- a\n  b\n"), normalized("* a b\n"));
    assert_eq!(normalized("a\t b \n"), normalized("a b\n"));
}

/// A report ending inside a block that runs to the end of the document (`<!--`, `<pre>`,
/// `<style>`, `<script>`, a code fence) followed by blank lines imports, and renders back
/// byte for byte: the blank lines belong to the block.
#[test]
fn report_ending_in_an_open_block_imports() {
    let openers = ["<!--", "<pre>", "<style>", "<script>", "```", "~~~ text"];
    for opener in openers {
        for tail in ["\n\n", "\n\n\n", "\n  \n"] {
            let text = format!("# Notes 2023-10-24\n\n## Log\n\nhello\n\n{opener}\nbody{tail}");
            let (back, _) = round_trip(&text);
            assert_eq!(back, text, "{opener:?} {tail:?}");
        }
        let text = format!("{opener}\n\n");
        let tmp = tempfile::tempdir().unwrap();
        let md = tmp.path().join("r.md");
        std::fs::write(&md, &text).unwrap();
        let (code, yaml, err) = run(weekly().args(["import", "--date", "2023-10-24"]).arg(&md));
        assert_eq!(code, 0, "{opener:?}: {err}");
        assert_eq!(crate::import::render(&yaml), text, "{opener:?}");
    }
}

/// A symlink in the templates folder that leads out of it (`etc -> /etc`, here a temp folder
/// standing in for it) cannot be read through `include` or `--template`; one that stays inside
/// works.
#[cfg(unix)]
#[test]
fn templates_cannot_leave_their_folder_through_symlinks() {
    let tmp = tempfile::tempdir().unwrap();
    let outside = tmp.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("hostname"), "SECRET\n").unwrap();
    std::fs::write(outside.join("steal.md.j2"), "SECRET {{ week.date }}\n").unwrap();
    let tpl = tmp.path().join("tpl");
    std::fs::create_dir(&tpl).unwrap();
    std::os::unix::fs::symlink(&outside, tpl.join("etc")).unwrap();
    std::os::unix::fs::symlink("../outside/steal.md.j2", tpl.join("steal.md.j2")).unwrap();
    std::fs::write(tpl.join("inc.md.j2"), "{% include \"etc/hostname\" %}\n").unwrap();
    std::fs::write(tpl.join("mine.md.j2"), "mine {{ week.date }}\n").unwrap();
    std::os::unix::fs::symlink("mine.md.j2", tpl.join("alias.md.j2")).unwrap();
    for name in ["inc", "steal"] {
        let (code, out, err) = run(weekly()
            .args(["render", WEEK, "--template", name, "--templates"])
            .arg(&tpl));
        assert_eq!(code, 1, "{name}: {out}{err}");
        assert!(
            !out.contains("SECRET") && !err.contains("SECRET"),
            "{out}{err}"
        );
        assert!(err.contains("outside the template folder"), "{err}");
    }
    let (code, out, err) = run(weekly()
        .args(["render", WEEK, "--template", "alias", "--templates"])
        .arg(&tpl));
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("mine "), "{out}");
}

/// `render -f html` runs and fetches nothing a report's raw Markdown or title brings in, and
/// keeps what a report needs: tables, links, local and `data:` images, code, lists, emphasis.
#[test]
fn html_page_is_sanitised() {
    let tmp = tempfile::tempdir().unwrap();
    let week = tmp.path().join("w.yaml");
    std::fs::write(
        &week,
        r#"date: 2023-10-24
title: "周报 <script>alert(1)</script><img src=https://tracker.example/t.gif>"
sections:
- heading: 附录
  raw: |
    <script>alert(2)</script>

    ![chart](img/chart.png) ![dot](data:image/png;base64,iVBORw0KGgo=) ![remote](https://cdn.example/x.png)

    <img src="https://tracker.example/pixel.gif" onerror="alert(3)"><a href="javascript:alert(4)">x</a>

    | a | b |
    |:-:|---|
    | 1 | [link](https://example.com/a) |

    - [x] done `code`

    **bold** *em* ~~del~~ <kbd>Ctrl</kbd>

    ```rust
    let x = "<script>";
    ```
"#,
    )
    .unwrap();
    let (code, out, err) = run(weekly().args(["render", "-f", "html"]).arg(&week));
    assert_eq!(code, 0, "{err}");
    for bad in [
        "<script>",
        "alert(",
        "onerror",
        "javascript:",
        "src=\"https://",
        "src=https",
    ] {
        assert!(!out.contains(bad), "{bad} in\n{out}");
    }
    for good in [
        "src=\"img/chart.png\"",
        "src=\"data:image/png;base64,iVBORw0KGgo=\"",
        "<a href=\"https://cdn.example/x.png\">remote</a>",
        "<table>",
        "text-align:center",
        "<a href=\"https://example.com/a\">link</a>",
        "type=\"checkbox\"",
        "<code>code</code>",
        "<strong>bold</strong>",
        "<em>em</em>",
        "<del>del</del>",
        "<kbd>Ctrl</kbd>",
        "&lt;script&gt;",
        "<h1>",
        "<li>",
    ] {
        assert!(out.contains(good), "{good} missing in\n{out}");
    }
    assert!(out.contains("<title>周报"), "{out}");
    for remote in [
        "https://cdn.example/x.png",
        "https://tracker.example/pixel.gif",
    ] {
        assert!(
            err.lines()
                .any(|l| l.starts_with("warning:") && l.contains(remote)),
            "{remote}: {err}"
        );
    }
}

/// Full-width `％`, `Ｏ1` and digits from an input method name the same metric, objective and
/// unit as their ASCII forms (NFKC), while the text is printed as written.
#[test]
fn full_width_names_ids_and_units_are_the_same_keys() {
    let tmp = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(tmp.path().join(name), text).unwrap();
    write(
        "head.yaml",
        "date: 2023-11-01\nsections:\n- metrics:\n    支付成功率:\n    - 入金有效成功率：99.997%\n\
         - objective: O1 服务业务\n  items:\n  - a\n",
    );
    write(
        "team.yaml",
        "date: 2023-11-01\nsections:\n- metrics:\n    支付成功率:\n    - 入金有效成功率：99.997％\n\
         - objective: Ｏ1 服务业务\n  items:\n  - b\n",
    );
    write(
        "next.yaml",
        "date: 2023-11-08\nsections:\n- metrics:\n    支付成功率:\n    - 入金有效成功率：９９.９９０％\n\
         - objective: Ｏ１ 服务业务\n  items:\n  - c\n",
    );
    let (code, merged, err) =
        run(weekly()
            .current_dir(tmp.path())
            .args(["merge", "head.yaml", "team.yaml"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(merged.matches("入金有效成功率").count(), 1, "{merged}");
    assert_eq!(merged.matches("服务业务").count(), 1, "{merged}");
    assert!(merged.contains("- a\n  - b\n"), "{merged}");
    // a conflict is still one: the same metric with another value
    write(
        "other.yaml",
        "date: 2023-11-01\nsections:\n- metrics:\n    支付成功率:\n    - 入金有效成功率：99.990％\n",
    );
    let (code, _, err) =
        run(weekly()
            .current_dir(tmp.path())
            .args(["merge", "head.yaml", "other.yaml"]));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("99.990％"), "printed as written: {err}");
    let (code, out, err) =
        run(weekly()
            .current_dir(tmp.path())
            .args(["trend", "head.yaml", "next.yaml"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("| 99.997% |"), "{out}");
    assert!(out.contains("９９.９９０％"), "the value as written: {out}");
    let header = out.lines().find(|l| l.starts_with("| Week")).unwrap();
    assert_eq!(header.matches("入金有效成功率").count(), 1, "{out}");
}

/// Renders `WEEK` through the template `source` (written to a temporary folder) with `args`;
/// returns the exit code, stderr and how long it took.
fn render_with_template(source: &str, args: &[&str]) -> (i32, String, std::time::Duration) {
    let tmp = tempfile::tempdir().unwrap();
    let template = tmp.path().join("slow.md");
    std::fs::write(&template, source).unwrap();
    let started = std::time::Instant::now();
    let (code, _, err) = run(weekly()
        .arg("render")
        .arg(WEEK)
        .arg("--template")
        .arg(&template)
        .args(args));
    (code, err, started.elapsed())
}

/// Case 7: each step is cheap in fuel but slow (`replace` on a 1 MB text, a thousand times): the
/// render stops at its deadline, naming the template and the line. (Each step is kept well under
/// the second the fallback waits, so a loaded machine still stops it at a printed value.)
#[test]
fn slow_template_stops_at_its_deadline_naming_the_line() {
    let source = "{% set a = \"ab\" * 500000 %}\n{% for i in range(1000) %}\
                  {{ (a|replace(\"a\", \"bb\"))|length }}{% endfor %}\n";
    let (code, err, took) = render_with_template(source, &["--timeout", "1"]);
    assert_eq!(code, 1, "{err}");
    assert!(took.as_secs() < 4, "took {took:?}");
    assert!(err.contains("1-second deadline"), "{err}");
    assert!(err.contains("slow.md:2:"), "{err}");
}

/// A template comparing two 100 MB strings in a loop: it prints nothing and calls nothing, so
/// only the deadline thread can end it.
const RUNAWAY_COMPARISON: &str = "{% set a = \"x\" * 100000000 %}{% set b = \"x\" * 100000000 %}\
    {% for i in [1] * 100000 %}{% if a == b %}.{% endif %}{% endfor %}\n";

/// Case 7: comparing two 100 MB strings in a loop prints nothing and calls nothing; the render
/// still ends a second after its deadline, naming the template; `render-timeout` sets it.
#[test]
fn runaway_comparison_ends_after_the_configured_deadline() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("weekly.toml"), "render-timeout = 1\n").unwrap();
    let template = tmp.path().join("cmp.md");
    std::fs::write(&template, RUNAWAY_COMPARISON).unwrap();
    let started = std::time::Instant::now();
    let (code, _, err) = run(weekly()
        .arg("render")
        .arg(root().join(WEEK))
        .arg("--template")
        .arg(&template)
        .current_dir(tmp.path()));
    assert_eq!(code, 1, "{err}");
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    assert!(
        err.contains("cmp.md") && err.contains("1-second deadline"),
        "{err}"
    );
}

/// In a batch, a render that cannot be stopped from inside is reported after its deadline and
/// the batch goes on with a new render thread: every week is reported, none hangs the run.
#[test]
fn runaway_renders_in_a_batch_are_reported_and_the_batch_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("weekly.toml"), "render-timeout = 1\n").unwrap();
    let template = tmp.path().join("cmp.md");
    std::fs::write(&template, RUNAWAY_COMPARISON).unwrap();
    let week = root().join(WEEK);
    let started = std::time::Instant::now();
    let (code, _, err) = run(weekly()
        .args(["render", "--out-dir", "out"])
        .arg(&week)
        .arg(copy(WEEK, tmp.path(), "again.yaml"))
        .arg("--template")
        .arg(&template)
        .current_dir(tmp.path()));
    assert_eq!(code, 1, "{err}");
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    assert_eq!(err.matches("1-second deadline").count(), 2, "{err}");
}

/// A template out of fuel names its file and line.
#[test]
fn out_of_fuel_names_the_template_and_line() {
    let source = "line one\n{% for i in range(100000) %}{% for j in range(100000) %}\
                  {% endfor %}{% endfor %}\n";
    let (code, err, _) = render_with_template(source, &["--fuel", "100000"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("fuel") && err.contains("slow.md:2:"), "{err}");
}

/// Writes `text` as `name` in a new temporary folder; returns the folder and the path.
fn temp_file(name: &str, text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(name);
    std::fs::write(&path, text).unwrap();
    (tmp, path)
}

/// Case 13: a report imported under the ISO rule keeps its week number, so `render` without
/// the flag refuses, naming the rule, instead of printing another number.
#[test]
fn import_under_iso_keeps_the_week_number() {
    let (_tmp, md) = temp_file("r.md", "# 周报\n\n## 其他\n\nhello\n");
    let (code, yaml, err) = run(weekly()
        .args(["import", "--week-numbering", "iso", "--date", "2023-01-02"])
        .arg(&md));
    assert_eq!(code, 0, "{err}");
    assert!(yaml.starts_with("week: 1\n"), "{yaml}");
    let (_tmp2, week) = temp_file("w.yaml", &yaml);
    let (code, out, err) = run(weekly().arg("render").arg(&week));
    assert_eq!(code, 1, "{out}");
    assert!(err.contains("--week-numbering iso"), "{err}");
    let (code, _, err) = run(weekly()
        .args(["render", "--week-numbering", "iso"])
        .arg(&week));
    assert_eq!(code, 0, "{err}");
}

/// Case 13: `check` and `render` agree on a year before 1 (both refuse it, in words).
#[test]
fn check_and_render_refuse_a_negative_year() {
    let (_tmp, week) = temp_file("w.yaml", "date: -0001-01-01\nsections: []\n");
    for cmd in ["check", "render"] {
        let (code, _, err) = run(weekly().arg(cmd).arg(&week));
        assert_eq!(code, 1, "{cmd}: {err}");
        assert!(
            err.contains("0001 to 9999") && err.contains("w.yaml:1:7"),
            "{cmd}: {err}"
        );
    }
}

/// Case 13: a `!!binary` value cannot carry a NUL past the gate.
#[test]
fn binary_tag_cannot_carry_a_nul() {
    let (_tmp, week) = temp_file(
        "w.yaml",
        "date: 2023-10-30\ntitle: !!binary AGFi\nsections: []\n",
    );
    let (code, out, err) = run(weekly().arg("render").arg(&week));
    assert_eq!(code, 1, "{out:?}");
    assert!(!out.contains('\0'));
    assert!(err.contains("NUL") && err.contains("w.yaml:2:"), "{err}");
}

/// Case 14: what the YAML library says about tags reaches the user in words.
#[test]
fn tags_are_explained_in_words() {
    for (text, at) in [
        ("date: !!timestamp 2023-10-30\nsections: []\n", "w.yaml:1:"),
        (
            "date: 2023-10-30\nsections:\n  - other: !!binary AGFi\n",
            "w.yaml:3:",
        ),
    ] {
        let (_tmp, week) = temp_file("w.yaml", text);
        let (code, _, err) = run(weekly().arg("check").arg(&week));
        assert_eq!(code, 1, "{err}");
        assert!(err.contains("a tag (`!!…`)") && err.contains(at), "{err}");
        for internal in ["deserialize", "span-aware", "newtype", "Option<"] {
            assert!(!err.contains(internal), "{internal}: {err}");
        }
    }
}

/// Case 14: a key with a zero-width space or a direction override is shown escaped, so that
/// "unknown key `sections`" does not contradict its own "did you mean `sections`?".
#[test]
fn invisible_characters_in_keys_are_shown_escaped() {
    let (_tmp, week) = temp_file(
        "w.yaml",
        "date: 2023-10-30\nsec\u{200b}tions: []\n\u{202e}title: x\n",
    );
    let (code, _, err) = run(weekly().arg("check").arg(&week));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("unknown key `sec\\u{200b}tions`"), "{err}");
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("weekly.toml"), "\"sec\u{200b}tions\" = 1\n").unwrap();
    let (code, _, err) = run(weekly().arg("config").current_dir(tmp.path()));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("`sec\\u{200b}tions`"), "{err}");
}

/// Case 14: a write that fails for want of room names the file the user asked for, not the
/// temporary file that is already removed (here a file-size limit stands in for a full disk).
#[cfg(unix)]
#[test]
fn a_failed_write_names_the_target_not_the_temp_file() {
    let tmp = tempfile::tempdir().unwrap();
    let mut week = String::from("date: 2023-10-30\nsections:\n  - other:\n");
    for i in 0..3000 {
        week.push_str(&format!(
            "      - item {i} with some text to make the report long\n"
        ));
    }
    std::fs::write(tmp.path().join("big.yaml"), week).unwrap();
    let bin = insta_cmd::get_cargo_bin("weekly");
    let script = format!(
        "trap '' XFSZ; ulimit -f 8; exec '{}' render big.yaml -o out.md",
        bin.display()
    );
    let (code, _, err) = run(std::process::Command::new("sh")
        .args(["-c", &script])
        .current_dir(tmp.path())
        .env("XDG_CONFIG_HOME", tmp.path().join("none")));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("cannot write out.md"), "{err}");
    assert!(!err.contains(".weekly-"), "{err}");
    assert!(err.contains("ulimit -f"), "{err}");
    assert!(!tmp.path().join("out.md").exists());
}

/// Case 14: `trend f f` says the file is given twice instead of suggesting `merge f f`, which
/// merge refuses.
#[test]
fn trend_with_a_file_twice_does_not_suggest_merge() {
    let (code, _, err) = run(weekly().args(["trend", WEEK, "./tests/fixtures/bad/ok.yaml"]));
    assert_eq!(code, 1, "{err}");
    assert!(!err.contains("weekly merge"), "{err}");
    assert!(err.contains("again"), "{err}");
}

/// A week of `n` items, long enough for its render to take a while.
fn long_week(n: usize) -> String {
    let mut week = String::from("date: 2023-10-30\nsections:\n  - other:\n");
    for i in 0..n {
        week.push_str(&format!(
            "      - item {i} with some text to make the report long\n"
        ));
    }
    week
}

/// The `.weekly-*` temporary files in `dir`.
fn temps(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".weekly-"))
        .collect()
}

/// Case 8: SIGTERM during `render --out-dir` ends the run with 130 and leaves no temporary
/// file behind.
#[cfg(unix)]
#[test]
fn sigterm_during_out_dir_leaves_no_temp_files() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    // enough weeks that the run is still going when the signal comes, however fast it is:
    // links to one file, so that making them costs nothing
    let first = inputs.join("w000.yaml");
    std::fs::write(&first, long_week(4000)).unwrap();
    for i in 1..400 {
        std::fs::hard_link(&first, inputs.join(format!("w{i:03}.yaml"))).unwrap();
    }
    let out = tmp.path().join("out");
    let mut child = weekly()
        .args(["render", "--out-dir"])
        .arg(&out)
        .arg(&inputs)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while !out.is_dir() || std::fs::read_dir(&out).unwrap().next().is_none() {
        assert!(start.elapsed().as_secs() < 60, "no output appeared");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let (code, _, err) =
        run(std::process::Command::new("kill").args(["-TERM", &child.id().to_string()]));
    assert_eq!(code, 0, "{err}");
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130), "{status}");
    assert_eq!(temps(&out), Vec::<String>::new());
}

/// Case 8: under `ulimit -f` a write too large fails as an error (exit 1, in words) instead of
/// the process dying of SIGXFSZ without a message.
#[cfg(unix)]
#[test]
fn a_file_size_limit_is_an_error_not_a_silent_death() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("big.yaml"), long_week(3000)).unwrap();
    let bin = insta_cmd::get_cargo_bin("weekly");
    let script = format!(
        "ulimit -f 8; exec '{}' render big.yaml -o out.md",
        bin.display()
    );
    let (code, _, err) = run(std::process::Command::new("sh")
        .args(["-c", &script])
        .current_dir(tmp.path())
        .env("XDG_CONFIG_HOME", tmp.path().join("none")));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("cannot write out.md"), "{err}");
    assert_eq!(temps(tmp.path()), Vec::<String>::new());
}

/// Case 8: a write sweeps the temporary files of `weekly` runs that are gone (their process
/// id no longer runs); a live process's file and other dot files stay.
#[cfg(target_os = "linux")]
#[test]
fn stale_temp_files_of_dead_runs_are_swept() {
    let tmp = tempfile::tempdir().unwrap();
    let dead = tmp.path().join(".weekly-4194302-AbC123");
    let live = tmp
        .path()
        .join(format!(".weekly-{}-XyZ789", std::process::id()));
    let other = tmp.path().join(".weekly-notes");
    for f in [&dead, &live, &other] {
        std::fs::write(f, "x").unwrap();
    }
    let (code, _, err) = run(weekly()
        .arg("render")
        .arg(root().join(WEEK))
        .args(["-o", "out.md"])
        .current_dir(tmp.path()));
    assert_eq!(code, 0, "{err}");
    assert!(!dead.exists(), "the dead run's temp file stays");
    assert!(live.exists() && other.exists());
}

/// A folder with `weekly.toml` holding `config`, and a subfolder to run in; (root, subfolder).
fn parent_config(config: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("weekly.toml"), config).unwrap();
    let sub = tmp.path().join("team/reports");
    std::fs::create_dir_all(&sub).unwrap();
    (tmp, sub)
}

/// Case 10: a `weekly.toml` anyone can write to, or owned by another user, is ignored with a
/// warning (it swapped the templates and the week rule); the user's own is obeyed.
#[cfg(unix)]
#[test]
fn config_files_of_others_are_ignored() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let (tmp, sub) = parent_config("template = \"en\"\nweek-numbering = \"iso\"\n");
    let file = tmp.path().join("weekly.toml");
    let config = |sub: &Path| run(weekly().arg("config").current_dir(sub));
    let (code, out, err) = config(&sub);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("template = \"en\""), "own file obeyed: {out}");

    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o666)).unwrap();
    let (code, out, err) = config(&sub);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("template = \"zh\""), "{out}");
    assert!(
        err.contains("ignoring") && err.contains("anyone can write to it"),
        "{err}"
    );

    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    if std::fs::metadata(&file).unwrap().uid() == 0 {
        // only root can give a file away: the other-owner half runs where the tests run as root
        std::os::unix::fs::chown(&file, Some(4321), None).unwrap();
        let (code, out, err) = config(&sub);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("template = \"zh\""), "{out}");
        assert!(err.contains("belongs to another user (uid 4321)"), "{err}");
    }
}

/// Case 10: a broken `weekly.toml` in a parent folder is named; a command that reads the
/// config stops on it (`render`, and `import`, which reads `[import.headings]`), one that does
/// not (`merge`) goes on with a warning.
#[test]
fn a_broken_parent_config_stops_only_commands_that_need_it() {
    let (_tmp, sub) = parent_config("template = \n");
    let (code, out, err) = run(weekly()
        .arg("merge")
        .arg(root().join(WEEK))
        .current_dir(&sub));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("date: 2023-10-24"), "{out}");
    assert!(
        err.contains("warning: a config file is ignored") && err.contains("weekly.toml:1:"),
        "{err}"
    );
    let (code, _, err) = run(weekly()
        .arg("render")
        .arg(root().join(WEEK))
        .current_dir(&sub));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("weekly.toml:1:"), "{err}");
}

/// Case 7: a template that prints a text past the cap (64 MB) stops, naming the template and
/// line, instead of writing it.
#[test]
fn a_huge_printed_text_is_refused_naming_the_line() {
    let source = "ok\n{% set a = \"x\" * 70000000 %}{{ a }}\n";
    let (code, err, _) = render_with_template(source, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("64 MB") && err.contains("slow.md:2:"), "{err}");
}

/// Case 14: numbers out of range and missing texts are told in the writer's terms, wherever
/// they stand (block or flow style, JSON); no serde or parser wording reaches the user.
#[test]
fn numbers_and_missing_texts_are_told_in_words() {
    let cases = [
        "date: 2023-10-30\nsections:\n  - heading: x\n    level: 300\n    raw: y\n",
        "week: -3\ndate: 2023-10-30\nsections: []\n",
        "week: 99999999999\ndate: 2023-10-30\nsections: []\n",
        "{\"week\": -1, \"date\": \"2023-10-30\", \"sections\": []}\n",
        "week:\n  -1\ndate: 2023-10-30\nsections: []\n",
        "date: 2023-10-30\nsections:\n  - {heading: x, level: 300, raw: y}\n",
        "date: 2023-10-30\nsections:\n  - key_work:\n      - {text: a, progress: 300}\n",
        "date: 2023-10-30\nsections:\n  - metrics:\n      - name:\n        value: 1\n",
        "date: 2023-10-30\nsections:\n  - key_work:\n    - ~\n",
    ];
    for text in cases {
        let (_tmp, week) = temp_file("w.yaml", text);
        let (code, _, err) = run(weekly().arg("check").arg(&week));
        assert_eq!(code, 1, "{text}\n{err}");
        for internal in [
            "invalid u8",
            "invalid u32",
            "invalid i",
            "Option<",
            "deserialize",
            "tagged scalar",
        ] {
            assert!(!err.contains(internal), "{internal} in:\n{text}\n{err}");
        }
    }
}
