//! Messages in the writer's language: every lint and `--explain` text in Chinese and English,
//! and the rule choosing the language (template, then `[ui] lang`, then `LANG`, then English).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{fixture, read, run, weekly};
use weekly::check::LINTS;

/// A user config file holding `text`, in its own temporary folder.
fn user_config(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("weekly.toml");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// `weekly` reading `config` as the user's file.
fn weekly_with(config: &Path) -> Command {
    let mut cmd = weekly();
    cmd.env("WEEKLY_CONFIG", config);
    cmd
}

/// `check` on every lint's fixture (with its `# today:`), then `check --explain` of every
/// code, as one text.
fn every_lint(config: &Path) -> String {
    let mut all = String::new();
    for lint in LINTS {
        let file = fixture(&format!("check/{}.yaml", lint.code));
        let mut cmd = weekly_with(config);
        cmd.args(["check", &file]);
        if let Some(today) = read(&file)
            .lines()
            .find_map(|l| l.strip_prefix("# today: "))
            .and_then(|r| r.split_whitespace().next())
        {
            cmd.args(["--today", today]);
        }
        let (code, _, err) = run(&mut cmd);
        all.push_str(&format!("==== {} (exit {code})\n{err}\n", lint.code));
    }
    for lint in LINTS {
        let code = lint.code.as_str();
        let (status, out, err) = run(weekly_with(config).args(["check", "--explain", code]));
        assert_eq!((status, err.as_str()), (0, ""), "{code}");
        all.push_str(&format!("==== --explain {code}\n{out}\n"));
    }
    all
}

/// A week whose template is `zh` gets every lint, its closing line and `--explain` in
/// Chinese, whatever `LANG` says.
#[test]
fn every_lint_in_chinese() {
    let (_dir, config) = user_config("template = \"zh\"\n");
    let text = every_lint(&config);
    assert!(text.contains("已到"), "{text}");
    insta::assert_snapshot!(text);
}

/// The same runs with an `en` template, and `LANG` saying Chinese: the template wins.
#[test]
fn every_lint_in_english() {
    let (_dir, config) = user_config("template = \"en\"\n");
    let mut all = String::new();
    // LANG is ignored when the template names a language
    let (_, _, err) = run(weekly_with(&config)
        .env("LANG", "zh_CN.UTF-8")
        .args(["check", &fixture("check/overdue.yaml")]));
    assert!(err.contains("is before the report date"), "{err}");
    all.push_str(&every_lint(&config));
    insta::assert_snapshot!(all);
}

/// `weekly new` in a fresh folder holding `config` (none when empty), with `env` set; its
/// stderr.
fn new_notice(config: &str, env: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().unwrap();
    if !config.is_empty() {
        std::fs::write(dir.path().join("weekly.toml"), config).unwrap();
    }
    let mut cmd = weekly();
    cmd.current_dir(dir.path())
        .args(["new", "--date", "2023-10-31", "-o", "w.yaml"]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let (code, _, err) = run(&mut cmd);
    assert_eq!(code, 0, "{err}");
    err
}

/// Without a week to take the language from, `[ui] lang` chooses it, over `LANG`; a
/// template naming a language comes first.
#[test]
fn ui_lang_chooses_for_a_command_without_a_week() {
    let zh = "[ui]\nlang = \"zh\"\n";
    assert_eq!(new_notice(zh, &[]), "已写入 w.yaml\n");
    assert_eq!(
        new_notice(zh, &[("LANG", "en_US.UTF-8")]),
        "已写入 w.yaml\n"
    );
    let en = "[ui]\nlang = \"en\"\n";
    assert_eq!(new_notice(en, &[("LANG", "zh_CN.UTF-8")]), "wrote w.yaml\n");
    let both = "template = \"en\"\n[ui]\nlang = \"zh\"\n";
    assert_eq!(new_notice(both, &[]), "wrote w.yaml\n");
    // a template in the user's folder whose name says no language leaves it to [ui]
    let mine = "template = \"mine.md.j2\"\n[ui]\nlang = \"zh\"\n";
    assert_eq!(new_notice(mine, &[]), "已写入 w.yaml\n");
}

/// `weekly config` shows `[ui] lang` and where it came from; a language it does not know is
/// an error naming the file and the choices.
#[test]
fn weekly_config_shows_ui_lang() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("weekly.toml"), "[ui]\nlang = \"zh\"\n").unwrap();
    let (code, out, err) = run(weekly().current_dir(dir.path()).arg("config"));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\n[ui]\nlang = \"zh\"  # "), "{out}");
    std::fs::write(dir.path().join("weekly.toml"), "[ui]\nlang = \"fr\"\n").unwrap();
    let (code, _, err) = run(weekly().current_dir(dir.path()).arg("config"));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("weekly.toml") && err.contains("`zh`") && err.contains("`en`"),
        "{err}"
    );
}

/// With no config, `LC_ALL`, then `LC_MESSAGES`, then `LANG` decide: `zh*` is Chinese,
/// anything else English.
#[test]
fn the_environment_chooses_without_a_config() {
    assert_eq!(new_notice("", &[]), "wrote w.yaml\n");
    assert_eq!(
        new_notice("", &[("LANG", "zh_CN.UTF-8")]),
        "已写入 w.yaml\n"
    );
    assert_eq!(new_notice("", &[("LANG", "fr_FR.UTF-8")]), "wrote w.yaml\n");
    let en_over_zh = [("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")];
    assert_eq!(new_notice("", &en_over_zh), "wrote w.yaml\n");
    let zh_over_en = [("LC_MESSAGES", "zh_TW"), ("LANG", "en_US.UTF-8")];
    assert_eq!(new_notice("", &zh_over_en), "已写入 w.yaml\n");
}

/// `trend` prints its labels and footer in the chosen language.
#[test]
fn trend_in_chinese() {
    let (code, out, err) = run(weekly()
        .env("LANG", "zh_CN.UTF-8")
        .args(["trend", &fixture("trend")]));
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("指标：从 "), "{out}");
    assert!(
        out.contains("| 周 | 日期 |") && out.contains("| 指标 | 目标 | 周数 |"),
        "{out}"
    );
    assert!(out.contains("⚠：未达目标"), "{out}");
}

/// What `import` says about one report, in Chinese: the date taken from the file's
/// modification time, a known heading kept as written, and a range without a year.
#[test]
fn import_notes_and_warnings_in_chinese() {
    let tmp = tempfile::tempdir().unwrap();
    let import_zh = |file: &str| {
        let (code, _, err) = run(weekly()
            .current_dir(tmp.path())
            .env("LANG", "zh_CN.UTF-8")
            .args(["import", file]));
        assert_eq!(code, 0, "{err}");
        err
    };
    let report = "# 周报\n\n## 下周计划\n\n> 上线支付网关\n";
    std::fs::write(tmp.path().join("notes.md"), report).unwrap();
    let err = import_zh("notes.md");
    assert!(
        err.contains("周报、文件名和文件夹里都没有日期：使用文件的修改日期"),
        "{err}"
    );
    assert!(
        err.contains("`下周计划` 按原文（Markdown）保留：其内容不是模板所写的 next_week 格式"),
        "{err}"
    );
    std::fs::create_dir(tmp.path().join("2023")).unwrap();
    let yearless = "# 周报 [10.21-10.25]\n\n正文\n";
    std::fs::write(tmp.path().join("2023/w.md"), yearless).unwrap();
    let err = import_zh("2023/w.md");
    assert!(
        err.contains("日期范围没有写年份：年份 2023 取自文件夹"),
        "{err}"
    );
    let (code, _, err) = run(weekly()
        .env("LANG", "zh_CN.UTF-8")
        .args(["import", "-"])
        .stdin(std::process::Stdio::from(
            std::fs::File::open(tmp.path().join("notes.md")).unwrap(),
        )));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("<stdin>：在周报的 front matter、标题、开头几行和各级标题里都没有找到日期"),
        "{err}"
    );
}
