//! `weekly render`: the reference report, templates, formats, outputs.

use crate::common::{fixture, read, root, run, weekly};
use insta_cmd::assert_cmd_snapshot;

#[test]
fn reference_report_is_reproduced() {
    let (code, out, err) = run(weekly().args(["render", "examples/week44.yaml"]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, read("tests/golden/week44.md"));
}

/// The golden file is the seed as the project keeps it: trailing whitespace trimmed, one final
/// newline (the seed itself lives outside the repository; `import` reads this file instead).
#[test]
fn golden_is_the_seed_trimmed_with_one_final_newline() {
    let golden = read("tests/golden/week44.md");
    assert!(
        golden.ends_with('\n') && !golden.ends_with("\n\n"),
        "one final newline"
    );
    for (n, line) in golden.lines().enumerate() {
        assert_eq!(line, line.trim_end(), "line {}: trailing whitespace", n + 1);
    }
}

/// Every example has a golden file, rendered with the template its first line names (`-t en`
/// for the English week, the zh default otherwise).
#[test]
fn every_example_matches_its_golden() {
    let mut count = 0;
    for entry in std::fs::read_dir(root().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        let source = read(format!("examples/{stem}.yaml"));
        let template = if source.lines().next().unwrap_or("").contains("-t en") {
            "en"
        } else {
            "zh"
        };
        let file = format!("examples/{stem}.yaml");
        let (code, out, err) = run(weekly().args(["render", "-t", template, &file]));
        assert_eq!((code, err.as_str()), (0, ""), "{file}");
        assert_eq!(out, read(format!("tests/golden/{stem}.md")), "{file}");
        count += 1;
    }
    assert!(
        count >= 3,
        "examples/ holds the reference, the English week and the lint demo"
    );
}

#[test]
fn every_example_renders_in_every_format() {
    let mut count = 0;
    for entry in std::fs::read_dir(root().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let file = path
            .strip_prefix(root())
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        for format in ["md", "html", "json"] {
            for template in ["zh", "en"] {
                let (code, out, err) =
                    run(weekly().args(["render", "-f", format, "-t", template, &file]));
                assert_eq!((code, err.as_str()), (0, ""), "{file} {format} {template}");
                assert!(out.len() > 100, "{file} {format}: output too short");
            }
        }
        count += 1;
    }
    assert!(count >= 1);
}

#[test]
fn english_template() {
    assert_cmd_snapshot!(weekly().args(["render", "--template", "en", "examples/week44.yaml"]));
}

#[test]
fn structured_forms_in_both_languages() {
    assert_cmd_snapshot!(
        "structured_zh",
        weekly().args(["render", &fixture("weeks/structured.yaml")])
    );
    assert_cmd_snapshot!(
        "structured_en",
        weekly().args(["render", "-t", "en", &fixture("weeks/structured.yaml")])
    );
}

#[test]
fn html_is_a_whole_page_without_external_resources() {
    let (code, out, err) =
        run(weekly().args(["render", "--format", "html", "examples/week44.yaml"]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        out.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"),
        "{}",
        &out[..80]
    );
    assert!(out.contains("<meta charset=\"utf-8\">"));
    assert!(out.contains("<title>第44周 2023-10-24</title>"));
    assert!(out.contains("Noto Sans CJK SC"), "CJK font stack");
    assert!(out.contains("@media print"));
    assert!(out.contains("<h2>【重点工作】</h2>"));
    assert!(out.contains("<li>入金有效成功率：99.997%</li>"));
    assert!(out.contains(
        "<a href=\"2023-10-23%20%E5%91%A8%E4%B8%80_qi3PsKJNVzsJ6iEsufSJWN.md\">2023/10/23 周一</a>"
    ));
    for external in ["<script", "<link", "src=\"http", "url(http", "@import"] {
        assert!(!out.contains(external), "{external}");
    }
    assert!(out.trim_end().ends_with("</html>"));
}

#[test]
fn json_reads_back_as_the_same_week() {
    for file in [
        "examples/week44.yaml",
        "tests/fixtures/weeks/structured.yaml",
    ] {
        let (code, json, _) = run(weekly().args(["render", "-f", "json", file]));
        assert_eq!(code, 0);
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(value["week"], if file.contains("44") { 44 } else { 45 });
        let dir = tempfile::tempdir().unwrap();
        let back = dir.path().join("week.json");
        std::fs::write(&back, &json).unwrap();
        let back = back.to_str().unwrap();
        let (_, md_yaml, _) = run(weekly().args(["render", file]));
        let (code, md_json, err) = run(weekly().args(["render", back]));
        assert_eq!((code, err.as_str()), (0, ""));
        assert_eq!(md_yaml, md_json, "{file}");
        let (_, json_again, _) = run(weekly().args(["render", "-f", "json", back]));
        assert_eq!(json, json_again, "{file}: JSON is a fixed point");
    }
}

#[test]
fn json_keeps_the_precision_and_structure() {
    let (_, json, _) =
        run(weekly().args(["render", "-f", "json", &fixture("weeks/structured.yaml")]));
    assert!(json.contains("\"value\": 99.110,"), "{json}");
    assert!(json.contains("\"text\": \"99.110%\""), "{json}");
    assert!(json.contains("\"progress\": 40"));
}

#[test]
fn stdin_is_read_with_a_dash() {
    let yaml = read("examples/week44.yaml");
    let mut child = weekly()
        .args(["render", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(yaml.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        read("tests/golden/week44.md")
    );
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.md");
    let (code, stdout, err) = run(weekly().args([
        "render",
        "examples/week44.yaml",
        "-o",
        out.to_str().unwrap(),
    ]));
    assert_eq!((code, stdout.as_str(), err.as_str()), (0, "", ""));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        read("tests/golden/week44.md")
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temp file left"
    );
}

#[test]
fn failed_render_leaves_the_output_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.md");
    std::fs::write(&out, "last week's report").unwrap();
    let (code, stdout, err) = run(weekly().args([
        "render",
        &fixture("errors/week-mismatch.yaml"),
        "--force",
        "-o",
        out.to_str().unwrap(),
    ]));
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert!(err.contains("week-mismatch.yaml:2:7"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "last week's report");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temp file left"
    );
}

#[test]
fn out_dir_renders_many_weeks_in_one_process() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let (code, stdout, err) = run(weekly().args([
        "render",
        "--out-dir",
        d,
        "examples/week44.yaml",
        &fixture("weeks/year-end.yaml"),
        &fixture("weeks/new-year.yaml"),
    ]));
    assert_eq!((code, stdout.as_str(), err.as_str()), (0, "", ""));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("week44.md")).unwrap(),
        read("tests/golden/week44.md")
    );
    assert!(
        std::fs::read_to_string(dir.path().join("year-end.md"))
            .unwrap()
            .starts_with("# 第53周 2022-12-31\n")
    );
    assert!(
        std::fs::read_to_string(dir.path().join("new-year.md"))
            .unwrap()
            .starts_with("# 第1周 2023-01-01\n")
    );
}

#[test]
fn out_dir_reports_a_bad_file_and_renders_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let (code, _, err) = run(weekly().args([
        "render",
        "--out-dir",
        d,
        &fixture("errors/week-mismatch.yaml"),
        "examples/week44.yaml",
    ]));
    assert_eq!(code, 1);
    assert!(err.contains("week-mismatch.yaml:2:7"), "{err}");
    assert!(err.contains("error: 1 of 2 inputs failed"), "{err}");
    assert!(dir.path().join("week44.md").is_file());
    assert!(!dir.path().join("week-mismatch.md").exists());
}

#[test]
fn a_batch_across_threads_reports_in_input_order_and_renders_as_one_at_a_time() {
    // 150 weeks (more than one window of parallel renders), every 20th broken.
    let broken = |n: usize| n % 20 == 7;
    let src = tempfile::tempdir().unwrap();
    let example = read("examples/week44.yaml");
    let mut names = Vec::new();
    for n in 0..150usize {
        let day =
            chrono::NaiveDate::from_ymd_opt(2020, 1, 7).unwrap() + chrono::Days::new(7 * n as u64);
        let text = if broken(n) {
            format!("date: {day}\nsections: [\n")
        } else {
            example.replacen("date: 2023-10-24", &format!("date: {day}"), 1)
        };
        let name = src.path().join(format!("w{n:03}.yaml"));
        std::fs::write(&name, text).unwrap();
        names.push(name.to_str().unwrap().to_string());
    }
    let out = tempfile::tempdir().unwrap();
    let mut args = vec![
        "render".to_string(),
        "--out-dir".into(),
        out.path().to_str().unwrap().into(),
    ];
    args.extend(names.iter().cloned());
    let (code, stdout, err) = run(weekly().args(&args));
    assert_eq!((code, stdout.as_str()), (1, ""));
    let failed: Vec<&str> = err
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("--> "))
        .filter_map(|l| l.split(':').next())
        .collect();
    let expected: Vec<&str> = names
        .iter()
        .enumerate()
        .filter(|(n, _)| broken(*n))
        .map(|(_, name)| name.as_str())
        .collect();
    assert_eq!(failed, expected, "{err}");
    assert!(err.ends_with("error: 8 of 150 inputs failed\n"), "{err}");
    for (n, name) in names.iter().enumerate() {
        let md = out.path().join(format!("w{n:03}.md"));
        if broken(n) {
            assert!(!md.exists());
            continue;
        }
        let (code, alone, _) = run(weekly().args(["render", name]));
        assert_eq!(code, 0);
        assert_eq!(std::fs::read_to_string(&md).unwrap(), alone, "{name}");
    }
}

#[test]
fn year_boundary_weeks_follow_the_report_date() {
    let first = |args: &[&str]| {
        run(weekly().args(args))
            .1
            .lines()
            .next()
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(
        first(&["render", &fixture("weeks/year-end.yaml")]),
        "# 第53周 2022-12-31"
    );
    assert_eq!(
        first(&["render", &fixture("weeks/new-year.yaml")]),
        "# 第1周 2023-01-01"
    );
    assert_eq!(
        first(&[
            "--week-numbering",
            "iso",
            "render",
            &fixture("weeks/new-year.yaml")
        ]),
        "# 第52周 2023-01-01"
    );
    assert_eq!(
        first(&["render", "--week-numbering", "iso", "examples/week44.yaml"]),
        "# 第43周 2023-10-24"
    );
}

#[test]
fn week_number_contradicting_the_date() {
    assert_cmd_snapshot!(weekly().args(["render", &fixture("errors/week-mismatch.yaml")]));
}

#[test]
fn raw_mode_renders_any_yaml_like_jinja2() {
    let (code, out, err) = run(weekly().args([
        "render",
        "--raw",
        "--template",
        &fixture("raw/team.md.j2"),
        &fixture("raw/team.yaml"),
    ]));
    assert_eq!((code, err.as_str()), (0, ""));
    // The exact text Python's Jinja2 3.1 gives for this template and data (default whitespace
    // settings: no trim_blocks, no lstrip_blocks, the final newline dropped).
    let jinja2 = "# 支付中心 第44周\n\n\n- 银行虚户建设: 进行中\n\n- 月度项目评审: DONE\n\n2 items, keys: name,status";
    assert_eq!(out, jinja2);
}

#[test]
fn raw_needs_a_template() {
    let (code, _, err) = run(weekly().args(["render", "--raw", &fixture("raw/team.yaml")]));
    assert_eq!(code, 2, "{err}");
}

#[test]
fn user_folder_overrides_a_builtin_by_file_name() {
    let (code, out, err) = run(weekly().args([
        "render",
        "--templates",
        &fixture("templates/override"),
        "examples/week44.yaml",
    ]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, "OVERRIDDEN 44 周二 9 sections\n");
    // en is not overridden and still comes from the binary.
    let (_, en, _) = run(weekly().args([
        "render",
        "--templates",
        &fixture("templates/override"),
        "-t",
        "en",
        "examples/week44.yaml",
    ]));
    assert!(en.starts_with("# Week 44 · 2023-10-24"));
}

#[test]
fn includes_that_leave_the_template_folder_are_refused() {
    assert_cmd_snapshot!(
        "include_dotdot",
        weekly().args([
            "render",
            "--templates",
            &fixture("templates/escape"),
            "examples/week44.yaml"
        ])
    );
    assert_cmd_snapshot!(
        "include_absolute",
        weekly().args([
            "render",
            "--templates",
            &fixture("templates/abs"),
            "examples/week44.yaml"
        ])
    );
}

#[test]
fn unknown_template_name() {
    let (code, out, err) = run(weekly().args(["render", "-t", "fr", "examples/week44.yaml"]));
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.contains("template `fr.md.j2` not found"), "{err}");
}

#[test]
fn templates_list_show_and_export() {
    assert_cmd_snapshot!(weekly().args(["templates", "list"]));
    let (code, out, _) = run(weekly().args(["templates", "show", "zh"]));
    assert_eq!(code, 0);
    assert_eq!(out, read("templates/zh.md.j2"));
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("mine");
    let d = d.to_str().unwrap();
    assert_eq!(run(weekly().args(["templates", "export", d])).0, 0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mine/en.md.j2")).unwrap(),
        read("templates/en.md.j2")
    );
    let (code, _, err) = run(weekly().args(["templates", "export", d]));
    assert_eq!(code, 1);
    assert!(err.contains("--force"), "{err}");
    // An exported set, used as the user folder, renders exactly as the built-ins.
    let (_, out, _) = run(weekly().args(["render", "--templates", d, "examples/week44.yaml"]));
    assert_eq!(out, read("tests/golden/week44.md"));
}

#[test]
fn the_example_is_terse() {
    let yaml = read("examples/week44.yaml").chars().count() as f64;
    let markdown = read("tests/golden/week44.md").chars().count() as f64;
    assert!(
        yaml <= 1.2 * markdown,
        "examples/week44.yaml is {:.2}x its Markdown",
        yaml / markdown
    );
}

/// An incident's given impact and level follow its text, in each language, unless the text
/// already says them or the section's layout asks for bare incidents.
#[test]
fn incident_details_in_both_languages() {
    let file = fixture("incidents/details.yaml");
    for (template, expected) in [
        (
            "zh",
            "- 10/30 09:12 支付通道抖动，导致部分交易超时，影响：约200笔交易重试成功，无资损，级别：CD\n\
             - P2故障：收银台不可用15分钟。\n\
             - Kafka consumer lag on the orders topic.影响：none\n\
             - 缓存集群抖动\n",
        ),
        (
            "en",
            "- 10/30 09:12 支付通道抖动，导致部分交易超时 (impact: 约200笔交易重试成功，无资损, level: CD)\n\
             - P2故障：收银台不可用15分钟。\n\
             - Kafka consumer lag on the orders topic. (impact: none)\n\
             - 缓存集群抖动\n",
        ),
    ] {
        let (code, out, err) = run(weekly().args(["render", "-t", template, &file]));
        assert_eq!((code, err.as_str()), (0, ""), "{template}");
        assert!(out.contains(expected), "{template}:\n{out}");
        assert!(
            out.contains("- 数据库主从切换\n"),
            "{template}: bare under details: false\n{out}"
        );
    }
}
